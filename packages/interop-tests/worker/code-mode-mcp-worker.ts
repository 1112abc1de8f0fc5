// The MCP Worker of worker.ts in code mode: the same serverless handler in caller-key mode, listing `search`
// and `execute`. The engine's WebAssembly comes in as an imported module (Workers cannot compile WebAssembly
// from bytes) and is passed as `codeMode.wasmModule`; the bundle keeps it as a separate module.
import wasmModule from 'quickjs-wasi/quickjs.wasm';
import { createFetchHandler, type FetchHandler } from '@chilipiper-mcp/serverless';

interface Env {
  /** The Edge API base URL (default: the real one). */
  readonly CHILI_PIPER_BASE_URL?: string;
}

let handler: FetchHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createFetchHandler({
      credentials: { mode: 'caller-key' },
      codeMode: { wasmModule, limits: { timeoutMs: 5_000 } },
      ...(env.CHILI_PIPER_BASE_URL ? { baseUrl: env.CHILI_PIPER_BASE_URL } : {}),
    });
    return handler(request);
  },
};
