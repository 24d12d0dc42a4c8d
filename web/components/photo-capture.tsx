import { useRef, useState } from 'preact/hooks';
import type { JSX, TargetedEvent } from 'preact';
import { storePhotoBlob } from '../../worker';
import { useAppServices } from '../app-services';
import { defineMessages, useFeatureMessages } from '../i18n/feature-messages';
import { PrepareError, prepareAttachmentFile } from '../photos/compress-image';
import { AttachmentThumbnail } from './attachment-thumbnail';
import './photos.css';
import { isQuotaError } from '../quota-error';

export interface CapturedPhoto {
  sha256: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  capturedAt: string;
  /** Set once an attachments record exists for it. */
  attachmentId?: string;
}

export interface PhotoCaptureProps {
  id: string;
  label: string;
  photos: CapturedPhoto[];
  onChange(photos: CapturedPhoto[]): void;
  describedBy?: string;
  /** 'image/*' by default; documents may also allow application/pdf */
  accept?: string;
}

const messages = defineMessages(
  {
    notImage: 'Berkas ini bukan foto atau PDF yang bisa dibaca. Pilih berkas lain.',
    tooLarge: 'Berkas ini terlalu besar, bahkan setelah diperkecil (paling besar {max} MB).',
    storageFull: 'Penyimpanan ponsel penuh. Kirim data yang tertunda atau kosongkan ruang, lalu coba lagi.',
    failed: 'Foto tidak dapat disimpan: {reason}',
    working: 'Memproses foto…',
    added: '{label}: foto {n} ditambahkan.',
    removed: '{label}: foto {n} dihapus.',
    duplicate: 'Foto ini sudah ditambahkan.',
    photoAlt: '{label}, foto {n}',
    remove: 'Hapus foto {n}',
    removeLabel: 'Hapus {label}, foto {n}',
  },
  {
    notImage: 'This file is not a photo or PDF that can be read. Choose another file.',
    tooLarge: 'This file is too large, even after shrinking (at most {max} MB).',
    storageFull: 'The phone’s storage is full. Send pending data or free some space, then try again.',
    failed: 'The photo could not be saved: {reason}',
    working: 'Processing the photo…',
    added: '{label}: photo {n} added.',
    removed: '{label}: photo {n} removed.',
    duplicate: 'This photo has already been added.',
    photoAlt: '{label}, photo {n}',
    remove: 'Remove photo {n}',
    removeLabel: 'Remove {label}, photo {n}',
  },
);

export { isQuotaError };

type Problem = { key: 'notImage' | 'tooLarge' | 'storageFull' | 'duplicate' } | { key: 'failed'; reason: string };

function problemOf(error: unknown): Problem {
  if (error instanceof PrepareError) return { key: error.problem === 'too_large' ? 'tooLarge' : 'notImage' };
  if (isQuotaError(error)) return { key: 'storageFull' };
  return { key: 'failed', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * A field for photos (and, where `accept` allows, PDFs) of a document or an inspection. Controlled:
 * the form owns the list. A chosen file is compressed, hashed and its bytes stored on the device at
 * once (so nothing is lost if the form is left), then handed to `onChange`; the attachment record
 * is made when the form saves (see saveAttachments).
 */
export function PhotoCapture({ id, label, photos, onChange, describedBy, accept = 'image/*' }: PhotoCaptureProps): JSX.Element {
  const { db } = useAppServices();
  const { m } = useFeatureMessages(messages);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [working, setWorking] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  // Files are processed after awaits: append to the list as it is then, not as it was on choice.
  const latest = useRef(photos);
  latest.current = photos;

  // Files chosen while earlier ones are still being processed wait their turn, so that each
  // batch appends to the list the previous one produced.
  const queue = useRef<Promise<void>>(Promise.resolve());

  function choose(event: TargetedEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files: File[] = input.files ? Array.from(input.files) : [];
    // Cleared so that choosing the same file again (after removing it) fires a change.
    input.value = '';
    if (files.length === 0) return;
    queue.current = queue.current.then(() => addFiles(files));
  }

  async function addFiles(files: File[]) {
    setProblem(null);
    setAnnouncement(m('working'));
    setWorking(true);
    let found: Problem | null = null;
    const added: CapturedPhoto[] = [];
    for (const file of files) {
      try {
        const prepared = await prepareAttachmentFile(file);
        if ([...latest.current, ...added].some((p) => p.sha256 === prepared.sha256)) {
          found = { key: 'duplicate' };
          continue;
        }
        await storePhotoBlob(db, prepared.blob, { sha256: prepared.sha256, mimeType: prepared.mimeType });
        added.push({
          sha256: prepared.sha256,
          mimeType: prepared.mimeType,
          byteSize: prepared.byteSize,
          width: prepared.width,
          height: prepared.height,
          capturedAt: new Date().toISOString(),
        });
      } catch (error) {
        found = problemOf(error);
      }
    }
    setWorking(false);
    setProblem(found);
    if (added.length > 0) {
      const next = [...latest.current, ...added];
      // The next batch may start before the form re-renders with this list.
      latest.current = next;
      onChange(next);
      setAnnouncement(m('added', { label, n: next.length }));
    } else {
      setAnnouncement('');
    }
  }

  function remove(index: number) {
    const next = photos.filter((_, i) => i !== index);
    onChange(next);
    setProblem(null);
    setAnnouncement(m('removed', { label, n: index + 1 }));
    // The pressed button is gone: keep the keyboard in the field rather than at the page's top.
    inputRef.current?.focus();
  }

  const problemId = `${id}-problem`;
  const statusId = `${id}-status`;
  const problemText = problem && (problem.key === 'failed' ? m('failed', { reason: problem.reason }) : m(problem.key, { max: 5 }));
  const onlyImages = accept.split(',').every((type) => type.trim().startsWith('image/'));

  return (
    <div class="field photo-capture">
      <label for={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        class="photo-capture__input"
        type="file"
        accept={accept}
        // The camera straight away for photos; a PDF must come from the files, which `capture` hides.
        capture={onlyImages ? 'environment' : undefined}
        onChange={choose}
        // Not disabled while working: that would throw the keyboard focus off the field.
        aria-busy={working}
        aria-invalid={problem !== null && problem.key !== 'duplicate'}
        aria-describedby={[problem ? problemId : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
      />
      {problemText && (
        <p id={problemId} class="field__problem" role="alert">
          {problemText}
        </p>
      )}
      <p id={statusId} class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {photos.length > 0 && (
        <ul class="photo-capture__list">
          {photos.map((photo, index) => (
            <li key={photo.sha256} class="photo-capture__item">
              <AttachmentThumbnail sha256={photo.sha256} mimeType={photo.mimeType} alt={m('photoAlt', { label, n: index + 1 })} />
              <button type="button" class="button button--quiet button--small" aria-label={m('removeLabel', { label, n: index + 1 })} onClick={() => remove(index)}>
                {m('remove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
