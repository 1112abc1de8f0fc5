import type { Message, Metafile } from 'esbuild';

interface Size {
  raw: number;
  gzip: number;
}

/** The code mode Worker entry (worker/code-mode-worker.ts). */
export declare const entry: string;
/** The engine's WebAssembly file, resolved from @chilipiper-mcp/core. */
export declare const wasmFile: string;

/** Bundles the code mode Worker into `outdir` (script + quickjs.wasm) and measures both parts. */
export declare function buildCodeModeWorker(options: { outdir: string; minify?: boolean }): Promise<{
  script: string;
  metafile: Metafile;
  warnings: Message[];
  sizes: { script: Size; wasm: Size };
}>;
