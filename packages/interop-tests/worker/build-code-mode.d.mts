import type { Message, Metafile } from 'esbuild';

interface Size {
  raw: number;
  gzip: number;
}

/** The code mode Worker entry (worker/code-mode-worker.ts): the engine alone. */
export declare const entry: string;
/** The MCP handler in code mode (worker/code-mode-mcp-worker.ts). */
export declare const mcpEntry: string;
/** The engine's WebAssembly file, resolved from @chilipiper-mcp/core. */
export declare const wasmFile: string;

/** Bundles a code mode Worker (`from`, default {@link entry}) into `outdir` (script + quickjs.wasm) and measures both parts. */
export declare function buildCodeModeWorker(options: {
  outdir: string;
  minify?: boolean;
  from?: string;
}): Promise<{
  script: string;
  metafile: Metafile;
  warnings: Message[];
  sizes: { script: Size; wasm: Size };
}>;
