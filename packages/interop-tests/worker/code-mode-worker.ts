// A Cloudflare Worker that runs one code mode script per request: the engine's WebAssembly comes in as an
// imported module (Workers cannot compile WebAssembly from bytes), and the script's one host function,
// `cp.upstream(input)`, POSTs its input to UPSTREAM_URL and returns the JSON answer.
// POST / with { code } → the run's outcome as JSON.
import wasmModule from 'quickjs-wasi/quickjs.wasm';
// Until the lead exports code mode from @chilipiper-mcp/core, the Worker bundles it from source.
import { createScriptRunner, type ScriptRunner } from '../../core/src/code-mode/index.js';

interface Env {
  /** Where `cp.upstream` sends its input. */
  readonly UPSTREAM_URL: string;
}

let runner: ScriptRunner | undefined;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    runner ??= createScriptRunner({ wasmModule, limits: { timeoutMs: 2_000 } });
    const { code } = (await request.json()) as { code: string };
    const outcome = await runner.run(code, {
      functions: {
        upstream: async (input, signal) => {
          const response = await fetch(env.UPSTREAM_URL, {
            method: 'POST',
            body: JSON.stringify(input),
            signal,
          });
          if (!response.ok) throw new Error(`upstream answered ${response.status}`);
          return response.json();
        },
      },
      signal: request.signal,
    });
    return Response.json(outcome);
  },
};
