import path from 'node:path';
import { build, type Rolldown } from 'vite';

let bundled: Promise<string> | undefined;

/** faults/browser/page-hooks.ts as one classic script (built once per process, in memory). */
export function pageHooksScript(): Promise<string> {
  bundled ??= (async () => {
    const output = (await build({
      configFile: false,
      logLevel: 'warn',
      root: path.join(import.meta.dirname, '..', '..'),
      build: {
        write: false,
        minify: false,
        emptyOutDir: false,
        lib: { entry: path.join(import.meta.dirname, 'page-hooks.ts'), formats: ['iife'], name: 'hunianFaultHooks', fileName: 'page-hooks' },
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const chunk = (Array.isArray(output) ? output[0]! : output).output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('page hooks: no script built');
    return chunk.code;
  })();
  return bundled;
}
