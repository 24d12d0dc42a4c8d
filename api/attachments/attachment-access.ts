import type { SessionUser } from '../../schema';
import type { StorageReader } from '../storage/storage';
import { allowedRegionIds, readableRegionIds } from '../sync/region-access';

export interface AttachmentRecordRef {
  id: string;
  regionId: string;
  mimeType: string;
  byteSize: number;
}

/**
 * A live attachment record with this hash that the user may read (to download its bytes) or write
 * (to upload them), or undefined. The same bytes may belong to records in several regions (one
 * photo of a family card in two applications): any one of them in reach is enough.
 */
export async function attachmentRecordInReach(
  storage: StorageReader,
  user: SessionUser,
  sha256: string,
  access: 'read' | 'write',
): Promise<AttachmentRecordRef | undefined> {
  const records = (await storage.findRecords('attachments', 'sha256', sha256)) as unknown as AttachmentRecordRef[];
  if (records.length === 0) return undefined;
  const regions = access === 'read' ? await readableRegionIds(storage, user) : await allowedRegionIds(storage, user);
  return records.find((r) => regions.has(r.regionId));
}
