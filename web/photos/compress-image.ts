import { MAX_ATTACHMENT_BYTES } from '../../schema';

/** The long side of a stored photo: legible for an ID card or a crack in a wall, ~300 KB as JPEG. */
export const MAX_LONG_SIDE_PX = 1600;
export const JPEG_QUALITY = 0.8;

export type PrepareProblem = 'not_image' | 'too_large';

/** Why a chosen file cannot become an attachment; the component turns the code into words. */
export class PrepareError extends Error {
  constructor(readonly problem: PrepareProblem) {
    super(problem);
    this.name = 'PrepareError';
  }
}

export interface PreparedFile {
  blob: Blob;
  sha256: string;
  mimeType: 'image/jpeg' | 'application/pdf';
  byteSize: number;
  width: number | null;
  height: number | null;
}

/** The size to draw at: the long side at most `maxLongSide`, the aspect kept, never enlarged. */
export function scaledSize(width: number, height: number, maxLongSide = MAX_LONG_SIDE_PX): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`Not an image size: ${width}×${height}`);
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const isPdf = (file: Blob) => file.type === 'application/pdf';

async function drawJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', JPEG_QUALITY),
  );
}

/**
 * Turns a chosen file into what is stored and uploaded: a photo becomes a JPEG with its long side
 * at most 1600 px (re-encoding also drops the camera's EXIF, GPS included, and bakes its rotation
 * in); a PDF passes through unchanged. The hash is of the final bytes: it is the attachment's name.
 */
export async function prepareAttachmentFile(file: Blob): Promise<PreparedFile> {
  if (isPdf(file)) {
    if (file.size > MAX_ATTACHMENT_BYTES) throw new PrepareError('too_large');
    return { blob: file, sha256: await sha256Hex(file), mimeType: 'application/pdf', byteSize: file.size, width: null, height: null };
  }
  if (file.type && !file.type.startsWith('image/')) throw new PrepareError('not_image');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PrepareError('not_image');
  }
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height);
    const blob = await drawJpeg(bitmap, width, height);
    if (blob.size > MAX_ATTACHMENT_BYTES) throw new PrepareError('too_large');
    return { blob, sha256: await sha256Hex(blob), mimeType: 'image/jpeg', byteSize: blob.size, width, height };
  } finally {
    bitmap.close();
  }
}
