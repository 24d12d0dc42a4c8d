import path from 'node:path';
import { build, type Rolldown } from 'vite';

const bundles = new Map<string, Promise<string>>();

/**
 * A file of faults/browser/ bundled as one classic script, in memory, once per process. Code for
 * the page goes through here rather than as functions handed to Playwright: tsx compiles those
 * with esbuild's keepNames, whose `__name` helper does not exist in the page.
 */
export function browserScript(file: 'page-hooks.ts' | 'quota-fault-entry.ts'): Promise<string> {
  let bundled = bundles.get(file);
  if (!bundled) {
    bundled = (async () => {
      const output = (await build({
        configFile: false,
        logLevel: 'warn',
        root: path.join(import.meta.dirname, '..', '..'),
        build: {
          write: false,
          minify: false,
          emptyOutDir: false,
          lib: { entry: path.join(import.meta.dirname, file), formats: ['iife'], name: 'hunianFaultScript', fileName: 'script' },
        },
      })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
      const chunk = (Array.isArray(output) ? output[0]! : output).output.find((o) => o.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error(`${file}: no script built`);
      return chunk.code;
    })();
    bundles.set(file, bundled);
  }
  return bundled;
}

/** faults/browser/page-hooks.ts, for withHooks. */
export const pageHooksScript = () => browserScript('page-hooks.ts');

/** faults/browser/quota-fault.ts as an init script: installs the quota fault in every page of a context. */
export const quotaFaultScript = () => browserScript('quota-fault-entry.ts');
