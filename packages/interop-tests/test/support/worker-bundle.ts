import { expect } from 'vitest';
import type { buildCodeModeWorker } from '../../worker/build-code-mode.mjs';

/** The Workers free plan's limit on a Worker's compressed size (the paid plan allows 10 MiB). */
const FREE_PLAN_GZIP_BYTES = 3 * 1024 * 1024;

/**
 * Checks a code mode Worker bundle: no Node built-ins, the engine as its one separate module
 * (`./quickjs.wasm`), script and engine together under the free plan's limit; prints both sizes after `label`.
 */
export function expectEngineBundle(
  built: Awaited<ReturnType<typeof buildCodeModeWorker>>,
  label: string,
): void {
  const imports = Object.values(built.metafile.inputs).flatMap((input) => input.imports);
  expect(imports.filter((i) => i.path.startsWith('node:'))).toStrictEqual([]);
  // `<runtime>` is esbuild's own helper module (its `require` shim for core's CommonJS fallback).
  const external = imports.filter((i) => i.external && i.path !== '<runtime>').map((i) => i.path);
  expect(external).toStrictEqual(['./quickjs.wasm']);
  const { script, wasm } = built.sizes;
  console.info(
    `[${label}] script ${script.raw} B (gzip ${script.gzip} B), quickjs.wasm ${wasm.raw} B (gzip ${wasm.gzip} B)`,
  );
  expect(script.gzip + wasm.gzip).toBeLessThan(FREE_PLAN_GZIP_BYTES);
}
