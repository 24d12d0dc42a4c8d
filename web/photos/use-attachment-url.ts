import { useEffect, useState } from 'preact/hooks';
import { useAppServices } from '../app-services';
import { useLiveQuery } from '../use-live-query';
import { downloadAttachment } from './download-attachment';

export type AttachmentView =
  | { state: 'loading'; url: null }
  | { state: 'ready'; url: string; mimeType: string }
  /** Not on this device, and the server cannot be reached or does not give it to this user. */
  | { state: 'unavailable'; url: null };

/**
 * An object URL for an attachment's bytes: from the device when it holds them (offline too), else
 * fetched from the server with the session's token and kept on the device as already uploaded,
 * so the next view needs no network. The URL is revoked when the component lets go of it.
 */
export function useAttachmentView(sha256: string): AttachmentView {
  const { db, baseUrl } = useAppServices();
  const local = useLiveQuery(async () => (await db.attachmentBlobs.get(sha256)) ?? null, [db, sha256]);
  const [url, setUrl] = useState<{ sha256: string; url: string; mimeType: string } | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);

  useEffect(() => {
    if (!local) return;
    const objectUrl = URL.createObjectURL(local.blob);
    setUrl({ sha256, url: objectUrl, mimeType: local.mimeType });
    return () => URL.revokeObjectURL(objectUrl);
  }, [local]);

  useEffect(() => {
    if (local !== null) return;
    let cancelled = false;
    // Once stored, the live query above picks the bytes up and makes the URL.
    void downloadAttachment(db, baseUrl, sha256).then((stored) => {
      if (!stored && !cancelled) setUnavailable(sha256);
    });
    return () => {
      cancelled = true;
    };
  }, [db, baseUrl, sha256, local]);

  if (url && url.sha256 === sha256 && local) return { state: 'ready', url: url.url, mimeType: url.mimeType };
  if (unavailable === sha256 && local === null) return { state: 'unavailable', url: null };
  return { state: 'loading', url: null };
}

/** Just the object URL (undefined until the bytes are at hand). */
export function useAttachmentUrl(sha256: string): string | undefined {
  return useAttachmentView(sha256).url ?? undefined;
}
