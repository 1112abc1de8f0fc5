// Bundles worker/worker.ts into one ES module for workerd: every dependency inlined, browser/worker
// conditions, no Node built-ins. Used by the workerd test and by scripts/bench/serverless.mjs.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** The esbuild options of every Worker bundle (also build-code-mode.mjs's): one ES module for workerd. */
export const workerdOptions = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['browser', 'module', 'main'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'silent',
};

/**
 * Returns `{ code, bytes, warnings, metafile }` of the bundle (written to `outfile` when given). `source`
 * bundles the given module text instead of worker.ts (imports resolve from this package).
 * @param {{ minify?: boolean, outfile?: string, source?: string }} [options]
 */
export async function buildWorker({ minify = true, outfile, source } = {}) {
  const result = await build({
    ...workerdOptions,
    ...(source
      ? {
          stdin: { contents: source, loader: 'ts', resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
        }
      : { entryPoints: [entry] }),
    minify,
    write: Boolean(outfile),
    ...(outfile ? { outfile } : { outdir: 'out' }),
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'));
  const code = outfile ? undefined : result.outputFiles?.[0]?.text;
  return { code, bytes: output?.[1].bytes ?? 0, warnings: result.warnings, metafile: result.metafile };
}
