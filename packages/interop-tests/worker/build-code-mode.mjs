// Bundles a Worker that runs code mode (worker/code-mode-worker.ts, the engine alone, by default; or
// worker/code-mode-mcp-worker.ts, the MCP handler in code mode) for workerd with the options of
// worker/build.mjs (one ES module, browser/worker conditions, no Node built-ins), except that the engine's
// .wasm file stays a separate module next to the script: Workers take WebAssembly only as an uploaded module.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { workerdOptions } from './build.mjs';

export const entry = fileURLToPath(new URL('./code-mode-worker.ts', import.meta.url));
/** The MCP handler in code mode (worker/code-mode-mcp-worker.ts). */
export const mcpEntry = fileURLToPath(new URL('./code-mode-mcp-worker.ts', import.meta.url));
// The engine is a dependency of core; resolve its files from there.
const fromCore = createRequire(fileURLToPath(new URL('../../core/package.json', import.meta.url)));
export const wasmFile = fromCore.resolve('quickjs-wasi/quickjs.wasm');

/** Keeps `*.wasm` imports as relative imports of a file copied next to the bundle. */
const wasmModules = (outdir) => ({
  name: 'wasm-modules',
  setup(b) {
    b.onResolve({ filter: /\.wasm$/ }, (args) => {
      const file = args.path === 'quickjs-wasi/quickjs.wasm' ? wasmFile : join(args.resolveDir, args.path);
      mkdirSync(outdir, { recursive: true });
      copyFileSync(file, join(outdir, basename(file)));
      return { path: `./${basename(file)}`, external: true };
    });
  },
});

/**
 * Writes `<outdir>/<entry name>.js` and `<outdir>/quickjs.wasm`; returns the bundle's metafile and the size of
 * each part, raw and gzipped (what Workers counts against its limit).
 * @param {{ outdir: string, minify?: boolean, from?: string }} options
 */
export async function buildCodeModeWorker({ outdir, minify = true, from = entry }) {
  const outfile = join(outdir, `${basename(from, '.ts')}.js`);
  const result = await build({
    ...workerdOptions,
    entryPoints: [from],
    minify,
    outfile,
    plugins: [wasmModules(dirname(outfile))],
  });
  const size = (file) => {
    const bytes = readFileSync(file);
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  return {
    script: outfile,
    metafile: result.metafile,
    warnings: result.warnings,
    sizes: { script: size(outfile), wasm: size(join(outdir, basename(wasmFile))) },
  };
}
