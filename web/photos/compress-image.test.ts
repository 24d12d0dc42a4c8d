import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../schema';
import { PrepareError, prepareAttachmentFile, scaledSize, sha256Hex } from './compress-image';

describe('scaledSize', () => {
  it('brings the long side of a landscape photo down to 1600 px, keeping the aspect', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
  });

  it('brings the long side of a portrait photo down to 1600 px', () => {
    expect(scaledSize(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => {
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(scaledSize(1600, 1600)).toEqual({ width: 1600, height: 1600 });
  });

  it('keeps a very thin image at least one pixel wide', () => {
    expect(scaledSize(20_000, 3)).toEqual({ width: 1600, height: 1 });
  });

  it('refuses a size that is not an image', () => {
    expect(() => scaledSize(0, 100)).toThrow(RangeError);
  });
});

describe('prepareAttachmentFile', () => {
  it('passes a PDF through unchanged, named by the SHA-256 of its bytes', async () => {
    const pdf = new Blob(['%PDF-1.4 test'], { type: 'application/pdf' });
    const prepared = await prepareAttachmentFile(pdf);
    expect(prepared.blob).toBe(pdf);
    expect(prepared.mimeType).toBe('application/pdf');
    expect(prepared.width).toBeNull();
    // sha256("%PDF-1.4 test"), computed independently with `printf '%PDF-1.4 test' | sha256sum`.
    expect(prepared.sha256).toBe('d663640088750cf16276d623c2588d7233f2b84b45f4b2e20832f47b16aa5618');
  });

  it('refuses a PDF above the size limit', async () => {
    const big = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], { type: 'application/pdf' });
    await expect(prepareAttachmentFile(big)).rejects.toEqual(new PrepareError('too_large'));
  });

  it('refuses a file that is neither an image nor a PDF', async () => {
    await expect(prepareAttachmentFile(new Blob(['hello'], { type: 'text/plain' }))).rejects.toMatchObject({ problem: 'not_image' });
  });
});

describe('sha256Hex', () => {
  it('gives the known digest of "abc"', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
