import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** JS and CSS the first page load fetches: the entry, the chunks it imports statically, its CSS. */
export function firstLoadFiles(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const [, href] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="\/([^"]+)"/g)) files.add(href!);
  const pending = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` loads on demand.
    for (const [, spec] of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) pending.push(path.posix.join(path.posix.dirname(file), spec!));
  }
  return [...files];
}

export const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** Each first-load file with its gzip size in bytes, the largest first. */
export function firstLoadSizes(dist: string): { file: string; gzipBytes: number }[] {
  return firstLoadFiles(dist)
    .map((file) => ({ file, gzipBytes: gzipSize(path.join(dist, file)) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
