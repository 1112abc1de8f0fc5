// Runs two code mode scripts in the runtime that executes this file (Deno, Bun), with the engine loaded the
// default way (no wasmModule), and prints one JSON line per outcome. The one host function POSTs its input
// to the URL given as the first argument. Used by test/code-mode-runtimes.test.ts.
import { createScriptRunner } from '../../core/src/code-mode/index.ts';

const upstream = globalThis.Deno ? globalThis.Deno.args[0] : process.argv[2];
const runner = createScriptRunner({ limits: { timeoutMs: 1_000 } });
const host = {
  functions: {
    upstream: async (input) => {
      const response = await fetch(upstream, { method: 'POST', body: JSON.stringify(input) });
      return response.json();
    },
  },
};
const scripts = [
  "const r = await cp.upstream({ page: 1 }); console.log('got', r.meetings.length); return r.meetings;",
  'while (true) {}',
  'return [typeof fetch, typeof require, typeof process, typeof Deno, typeof Bun];',
];
for (const code of scripts) console.log(JSON.stringify(await runner.run(code, host)));
