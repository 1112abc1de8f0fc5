// Code mode: the cost of one `execute` (engine start to result) of a script that makes one `cp` call to a local
// upstream on 127.0.0.1, through the MCP server (SDK client, in-memory transport, the code mode tools, the
// executor), next to the same tool called directly with tools/call; then the engine alone (one `run` whose host
// call is the same HTTP request) and the memory one run holds. A benchmark, not a test: it prints numbers.
//
//   node scripts/bench/code-mode.mjs
//   BENCH_RUNS=1000 node scripts/bench/code-mode.mjs
//
// The execute path uses core's build (run `pnpm build` first). The engine alone is not a public entry, so its
// source is bundled here with esbuild (quickjs-wasi stays external and loads the way it does for users: the
// .wasm file compiled once per process).
// Memory: CONCURRENT runs are held open at once (their host call waits for the others) and the growth of
// Node's external memory (where WebAssembly memories are counted) is divided by their number; then RSS before
// and after many runs in a row shows whether anything stays behind.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { median, pct } from './lib/stats.mjs';
import { startTenantUpstream, TENANT } from './lib/tenant-upstream.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 20);
const root = new URL('../../', import.meta.url);

async function loadRunner() {
  const fromInterop = createRequire(new URL('packages/interop-tests/package.json', root));
  const { build } = await import(pathToFileURL(fromInterop.resolve('esbuild')).href);
  const cache = new URL('packages/core/node_modules/.cache/', root);
  mkdirSync(cache, { recursive: true });
  const outfile = new URL('code-mode-bench.mjs', cache).pathname;
  await build({
    entryPoints: [new URL('packages/core/src/code-mode/index.ts', root).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['quickjs-wasi'],
    outfile,
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

const { server, base } = await startTenantUpstream();
const url = `${base}/v1/org/tenant/get`;
const tenantGet = async (_input, signal) => (await fetch(url, { signal })).json();

const { createScriptRunner } = await loadRunner();
const runner = createScriptRunner();
const code = 'const tenant = await cp.tenantGet({});\nreturn tenant.tenantData.subdomain;';
const host = { functions: { tenantGet } };

const fmt = (ms) => `${ms.toFixed(2)} ms`;

async function timeRun() {
  const start = performance.now();
  const outcome = await runner.run(code, host);
  const wall = performance.now() - start;
  if (!outcome.ok || outcome.value !== 'acme')
    throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
  return { wall, inside: outcome.ms };
}

await tenantGet(); // Node loads its fetch on first use: not the engine's cost

const first = await timeRun(); // loads quickjs-wasi and compiles the .wasm
for (let i = 0; i < 50; i++) {
  await timeRun();
  await tenantGet();
}
const runs = [];
const direct = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await timeRun());
  const start = performance.now();
  await tenantGet();
  direct.push(performance.now() - start);
}
const walls = runs.map((r) => r.wall);
console.log(`the engine alone: one run with one host call (HTTP to 127.0.0.1), ${RUNS} runs`);
console.log(`  first run (loads and compiles the engine)   ${fmt(first.wall)}`);
console.log(
  `  run, engine start to result: median        ${fmt(median(walls))}  p90 ${fmt(pct(walls, 0.9))}  p99 ${fmt(pct(walls, 0.99))}`,
);
console.log(`  the same request without the engine          ${fmt(median(direct))}`);
console.log(
  `  engine overhead at the median               ${fmt(median(walls) - median(direct))}  (target: a run ≤ 20 ms)`,
);

// Memory held by one run: CONCURRENT runs open at once.
global.gc?.();
const before = process.memoryUsage();
let waiting = 0;
let release;
const allIn = new Promise((resolve) => (release = resolve));
let peak;
const held = {
  functions: {
    tenantGet: async () => {
      if (++waiting === CONCURRENT) {
        peak = process.memoryUsage();
        release();
      }
      await allIn;
      return JSON.parse(TENANT);
    },
  },
};
await Promise.all(Array.from({ length: CONCURRENT }, () => runner.run(code, held)));
const perRun = (peak.external - before.external) / CONCURRENT;
console.log(
  `  memory held by one run (${CONCURRENT} at once)       ${(perRun / 2 ** 20).toFixed(2)} MiB of WebAssembly memory`,
);

const rssBefore = process.memoryUsage().rss;
for (let i = 0; i < 1000; i++) await runner.run(code, host);
global.gc?.();
const rssAfter = process.memoryUsage().rss;
console.log(
  `  RSS after 1000 more runs                    ${((rssAfter - rssBefore) / 2 ** 20).toFixed(1)} MiB more (${(rssAfter / 2 ** 20).toFixed(0)} MiB)`,
);
// Through MCP: `execute` of the script above, and tools/call of the same tool, on one server. Loaded only now,
// so the memory figures above are not moved by these modules.
const { connectTenantGet } = await import('./lib/in-memory-client.mjs');
const { createNodeFetch } = await import('../../packages/core/dist/node.js');
const http = createNodeFetch();
const codeClient = await connectTenantGet({ baseUrl: base, fetch: http.fetch, codeMode: true });
const toolClient = await connectTenantGet({ baseUrl: base, fetch: http.fetch });
async function timeCall(client, name, args, expected) {
  const start = performance.now();
  const result = await client.callTool({ name, arguments: args });
  const ms = performance.now() - start;
  if (result.isError || !result.content[0].text.includes(expected))
    throw new Error(`unexpected result ${JSON.stringify(result)}`);
  return ms;
}
const execute = () => timeCall(codeClient, 'execute', { code }, '"acme"');
const callTool = () => timeCall(toolClient, 'tenant-get', {}, 'acme');
const firstExecute = await execute(); // loads quickjs-wasi and compiles the .wasm
for (let i = 0; i < 50; i++) {
  await execute();
  await callTool();
}
const executes = [];
const directs = [];
for (let i = 0; i < RUNS; i++) {
  executes.push(await execute());
  directs.push(await callTool());
}
console.log(`code mode: one execute whose script makes one cp call (HTTP to 127.0.0.1), ${RUNS} runs`);
console.log(`  first execute (loads and compiles the engine) ${fmt(firstExecute)}`);
console.log(
  `  execute, request to result: median          ${fmt(median(executes))}  p90 ${fmt(pct(executes, 0.9))}  p99 ${fmt(pct(executes, 0.99))}  (target ≤ 20 ms)`,
);
console.log(`  tools/call of the same tool: median         ${fmt(median(directs))}`);
console.log(`  code mode overhead at the median            ${fmt(median(executes) - median(directs))}`);
await codeClient.close();
await toolClient.close();
await http.close();

server.close();
