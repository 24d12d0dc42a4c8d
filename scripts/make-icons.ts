/**
 * Draws the app icons (a white house on the theme colour) and writes them as PNG files, with
 * Node's zlib and a small PNG encoder, so no image tool or package is needed to remake them.
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const theme: Rgba = [0x0f, 0x5e, 0x5a, 255];
const white: Rgba = [255, 255, 255, 255];
const clear: Rgba = [0, 0, 0, 0];

// --- PNG encoding (RGBA, 8 bits per channel, no interlace) -------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // bytes 10-12: deflate compression, adaptive filtering, no interlace (all zero)
  // Each scanline starts with its filter type; 0 (none) is enough for flat colours.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0;
    raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), row + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Drawing -----------------------------------------------------------------------------------

/** Coordinates are fractions of the icon's side, so one drawing serves every size. */
type Shape = (x: number, y: number) => boolean;

/** Is (x, y) on the left of the edge a→b (for the roof triangle, listed clockwise). */
const leftOf = (ax: number, ay: number, bx: number, by: number, x: number, y: number) =>
  (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0;

function roundedSquare(radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(radius - x, x - (1 - radius), 0);
    const dy = Math.max(radius - y, y - (1 - radius), 0);
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** A house fitted in the square [left, left + side] × [top, top + side]. */
function house(left: number, top: number, side: number): Shape {
  const at = (u: number, v: number) => [left + u * side, top + v * side] as const;
  const [apexX, apexY] = at(0.5, 0.04);
  const [eaveLeftX, eaveY] = at(0.0, 0.5);
  const [eaveRightX] = at(1.0, 0.5);
  const [wallLeft, wallTop] = at(0.16, 0.46);
  const [wallRight, wallBottom] = at(0.84, 0.96);
  const [doorLeft, doorTop] = at(0.41, 0.64);
  const [doorRight] = at(0.59, 0.96);
  const roof: Shape = (x, y) =>
    leftOf(apexX, apexY, eaveRightX, eaveY, x, y) &&
    leftOf(eaveRightX, eaveY, eaveLeftX, eaveY, x, y) &&
    leftOf(eaveLeftX, eaveY, apexX, apexY, x, y);
  const walls: Shape = (x, y) => x >= wallLeft && x <= wallRight && y >= wallTop && y <= wallBottom;
  const door: Shape = (x, y) => x >= doorLeft && x <= doorRight && y >= doorTop && y <= wallBottom;
  return (x, y) => (roof(x, y) || walls(x, y)) && !door(x, y);
}

/** Paints layers bottom to top, 4×4 samples a pixel so that the edges are smooth. */
function render(size: number, layers: readonly { shape: Shape; colour: Rgba }[]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = clear;
          for (const layer of layers) if (layer.shape(x, y)) colour = layer.colour;
          // Premultiplied, so that a transparent sample does not darken an edge.
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const alpha = sum[3]! / (samples * samples);
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = sum[3]! ? Math.round(sum[c]! / sum[3]!) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const everywhere: Shape = () => true;

const icons = [
  // "any": a rounded tile, the house filling most of it.
  { file: 'icon-192.png', size: 192, background: roundedSquare(0.18), glyph: house(0.2, 0.18, 0.6) },
  { file: 'icon-512.png', size: 512, background: roundedSquare(0.18), glyph: house(0.2, 0.18, 0.6) },
  // "maskable": full-bleed colour (the platform cuts the shape), the house well inside the safe
  // zone, a centred circle of radius 0.4: the glyph's farthest corner is about 0.31 from centre.
  { file: 'icon-maskable-512.png', size: 512, background: everywhere, glyph: house(0.22, 0.22, 0.56) },
];

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'icons');
mkdirSync(outDir, { recursive: true });
for (const icon of icons) {
  const pixels = render(icon.size, [
    { shape: icon.background, colour: theme },
    { shape: (x, y) => icon.background(x, y) && icon.glyph(x, y), colour: white },
  ]);
  const file = path.join(outDir, icon.file);
  writeFileSync(file, encodePng(icon.size, pixels));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
