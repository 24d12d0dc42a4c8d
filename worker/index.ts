// The public face of worker/ for the app (web/). The service worker itself is sw.ts.
export { LocalDb } from './local-db';
export type { MetaEntry, AttachmentBlob, FormDraft } from './local-db';
export type { OutboxEntry } from './outbox-entry';
export type { Session } from './session';
export { signIn } from './sign-in';
export { storePhotoBlob, cacheDownloadedBlob, type PhotoBlobMeta } from './attachment-store';
export { countPendingUploads, retryRefusedUpload, type AttachmentBlobRow, type UploadCounts, type UploadRefusal } from './attachment-uploads';
export { saveRecord, deleteRecord, resendRejected, discardRejected, checkRecord, type SaveResult } from './local-writes';
export { createSyncClient } from './sync-client';
export type { SyncOutcome } from './sync-engine';
export { SyncError, initialSyncStatus, largeClockSkewMs, type SyncStatus, type SyncErrorKind } from './sync-status';
export { checkUnlockPassword, type UnlockVerifier } from './unlock-verifier';
export { signOutAndWipe, unsentWork } from './sign-out';
export { exportUnsentWork, unsentWorkFileName, type UnsentWorkFile } from './export-unsent-work';
