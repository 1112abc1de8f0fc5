// Code mode's engine: the cost of one `run` (engine start to result) of a script that makes one host call,
// the host call being a real HTTP request to a local server on 127.0.0.1, next to the same request made
// directly; and the memory one run holds. A benchmark, not a test: it prints numbers.
//
//   node scripts/bench/code-mode.mjs
//   BENCH_RUNS=1000 node scripts/bench/code-mode.mjs
//
// Code mode is not in core's built entries yet, so its source is bundled here with esbuild (quickjs-wasi stays
// external and loads the way it does for users: the .wasm file compiled once per process).
// Memory: CONCURRENT runs are held open at once (their host call waits for the others) and the growth of
// Node's external memory (where WebAssembly memories are counted) is divided by their number; then RSS before
// and after many runs in a row shows whether anything stays behind.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

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

const body = JSON.stringify({
  type: 'Organization',
  tenantData: { tenantId: 't1', cluster: 'c1', subdomain: 'acme' },
  domains: ['acme.com'],
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/api/fire-edge/v1/org/tenant/get`;
const tenantGet = async (_input, signal) => (await fetch(url, { signal })).json();

const { createScriptRunner } = await loadRunner();
const runner = createScriptRunner();
const code = 'const tenant = await cp.tenantGet({});\nreturn tenant.tenantData.subdomain;';
const host = { functions: { tenantGet } };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
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
console.log(`code mode: one run with one host call (HTTP to 127.0.0.1), ${RUNS} runs`);
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
      return JSON.parse(body);
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
server.close();
