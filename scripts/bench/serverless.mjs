// Serverless handler: cold start and Worker bundle size, each next to a bare `@modelcontextprotocol/sdk`
// web-standard handler with one tool, measured in the same run. A benchmark, not a test.
//
//   node scripts/bench/serverless.mjs          (after `pnpm build`)
//   BENCH_RUNS=21 node scripts/bench/serverless.mjs
//
// Cold start: a fresh `node` process imports the built handler, creates it and answers one `tools/list`
// Request; the child reports the time from its own start (performance.now(), which includes Node's boot) and
// from the import alone. Runs alternate between the two handlers; the medians are compared.
// Bundle: esbuild, ESM, browser/worker conditions, minified, every dependency inlined (the same build as the
// workerd interop test); raw and gzip sizes.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildWorker } from '../../packages/interop-tests/worker/build.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const self = fileURLToPath(import.meta.url);
const serverlessDist = new URL('../../packages/serverless/dist/index.js', import.meta.url).href;

const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
const requestInit = {
  method: 'POST',
  headers: {
    host: '127.0.0.1',
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-06-18',
    authorization: 'Bearer bench-key',
  },
  body: TOOLS_LIST,
};

/** The bare handler: the SDK's web-standard transport, a fresh server per request, one tool. */
const BARE_SOURCE = `
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
export function createBareHandler() {
  return async (request) => {
    const server = new McpServer({ name: 'bare', version: '1.0.0' });
    server.registerTool('ping', { description: 'Trivial tool.' }, async () => ({ content: [{ type: 'text', text: 'ok' }] }));
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    await server.connect(transport);
    return transport.handleRequest(request);
  };
}
export default { fetch: createBareHandler() };
`;

async function coldChild(kind) {
  const t0 = performance.now();
  let handler;
  if (kind === 'ours') {
    const { createFetchHandler } = await import(serverlessDist);
    handler = createFetchHandler({ credentials: { mode: 'caller-key' } });
  } else {
    const [{ McpServer }, { WebStandardStreamableHTTPServerTransport }] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/mcp.js'),
      import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
    ]);
    handler = async (request) => {
      const server = new McpServer({ name: 'bare', version: '1.0.0' });
      server.registerTool('ping', { description: 'Trivial tool.' }, async () => ({
        content: [{ type: 'text', text: 'ok' }],
      }));
      const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
      await server.connect(transport);
      return transport.handleRequest(request);
    };
  }
  const response = await handler(new Request('http://127.0.0.1/mcp', requestInit));
  const json = await response.json();
  const t1 = performance.now();
  if (!json.result?.tools?.length) throw new Error(`${kind}: no tools in ${JSON.stringify(json)}`);
  console.log(JSON.stringify({ total: t1, fromImport: t1 - t0, tools: json.result.tools.length }));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const samples = { ours: [], bare: [] };
  let tools = {};
  for (let i = 0; i < RUNS + 1; i++) {
    for (const kind of i % 2 ? ['ours', 'bare'] : ['bare', 'ours']) {
      const r = spawnSync(process.execPath, [self, kind], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${kind} cold start failed:\n${r.stdout}\n${r.stderr}`);
      const m = JSON.parse(r.stdout.trim().split('\n').pop());
      tools[kind] = m.tools;
      if (i > 0) samples[kind].push(m); // the first pair warms the OS file cache
    }
  }
  const row = (kind) => ({
    total: median(samples[kind].map((m) => m.total)),
    fromImport: median(samples[kind].map((m) => m.fromImport)),
  });
  const ours = row('ours');
  const bare = row('bare');
  console.log(
    `Serverless handler cold start: median of ${RUNS} fresh node processes each, alternating, Node ${process.version}`,
  );
  console.log(
    `  ${'handler'.padEnd(44)} ${'process start→response'.padStart(24)} ${'import→response'.padStart(16)}`,
  );
  console.log(
    `  ${`chilipiper-mcp createFetchHandler (${tools.ours} tools)`.padEnd(44)} ${`${ours.total.toFixed(1)} ms`.padStart(24)} ${`${ours.fromImport.toFixed(1)} ms`.padStart(16)}`,
  );
  console.log(
    `  ${`bare SDK web-standard handler (${tools.bare} tool)`.padEnd(44)} ${`${bare.total.toFixed(1)} ms`.padStart(24)} ${`${bare.fromImport.toFixed(1)} ms`.padStart(16)}`,
  );
  console.log(
    `  ratio (process start→response): ${(ours.total / bare.total).toFixed(2)}x   (target <= 1.5x)`,
  );
  console.log(`  ratio (import→response):        ${(ours.fromImport / bare.fromImport).toFixed(2)}x`);

  const oursBundle = await buildWorker({ minify: true });
  const bareBundle = await buildWorker({ minify: true, source: BARE_SOURCE });
  const size = (b) => ({ raw: b.bytes, gzip: gzipSync(b.code).length });
  const a = size(oursBundle);
  const b = size(bareBundle);
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log('Worker bundle (esbuild, minified, all dependencies inlined, browser/worker conditions)');
  console.log(`  chilipiper-mcp worker (54 tools): ${kb(a.raw)} (${kb(a.gzip)} gzip)   target < 1 MB`);
  console.log(`  bare SDK worker (1 tool):         ${kb(b.raw)} (${kb(b.gzip)} gzip)`);
  console.log(`  ratio: ${(a.raw / b.raw).toFixed(2)}x`);
  const within = ours.total <= 1.5 * bare.total && a.raw < 1_000_000;
  console.log(within ? '  both targets met' : '  a target is missed (see above)');
}

const kind = process.argv[2];
if (kind) await coldChild(kind);
else await main();
