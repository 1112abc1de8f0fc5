// Throughput and latency of stateless `tools/call` through the HTTP adapter (`@chilipiper-mcp/http`, caller-key
// mode, sandbox upstream), next to bare `@modelcontextprotocol/sdk` stateless Streamable HTTP servers measured
// in the same run, with autocannon. A benchmark, not a test: it prints a table and ratios.
//
//   node scripts/bench/http.mjs              (after `pnpm build`)
//   BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=10 node scripts/bench/http.mjs
//   BENCH_BASELINE=/path/to/other/checkout node scripts/bench/http.mjs
//
// BENCH_BASELINE adds the adapter of another built checkout (e.g. the commit before a change) to the same run,
// so before and after are measured side by side under the same load.
//
// Every server runs in its own process, and so does the sandbox, so the load generator, the server under test
// and the upstream do not share an event loop. Variants are interleaved round by round, which spreads the noise
// of a shared machine over all of them.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib/stats.mjs';
import { startTenantUpstream, TENANT } from './lib/tenant-upstream.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const self = fileURLToPath(import.meta.url);

/**
 * Child roles: each listens on a free loopback port and prints `url <url>`, then answers every `cpu` line on
 * stdin with `cpu <µs>`, the CPU time (user + system) its process has used so far.
 */
async function child(role, upstream, packages) {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text) => {
    if (!text.includes('cpu')) return;
    const { user, system } = process.cpuUsage();
    console.log(`cpu ${user + system}`);
  });
  if (role === 'sandbox') {
    const { createSandbox } = await import('../../packages/sandbox/dist/index.js');
    const sandbox = await createSandbox();
    console.log(`url ${sandbox.url} ${sandbox.apiKey}`);
    return;
  }
  if (role === 'static') {
    // A fixed tenant-get answer with no routing, auth or logging: isolates the cost of the MCP layer.
    const { base } = await startTenantUpstream();
    console.log(`url ${base}`);
    return;
  }
  if (role === 'adapter' || role === 'adapter-stub') {
    const { serve } = await import(new URL('http/dist/index.js', packages).href);
    // The stub answers the Edge call in process (the static upstream's answer), so this variant does no I/O
    // besides the MCP request.
    const stub = async () =>
      new Response(TENANT, { status: 200, headers: { 'content-type': 'application/json' } });
    const server = await serve({
      port: 0,
      host: '127.0.0.1',
      credentials: { mode: 'caller-key' },
      ...(role === 'adapter' ? { baseUrl: upstream } : { fetch: stub }),
    });
    console.log(`url ${server.url}`);
    return;
  }
  // The SDK's own stateless pattern: a fresh McpServer and transport per request, JSON responses.
  const { McpServer } = await import('@modelcontextprotocol/sdk/server/mcp.js');
  const { StreamableHTTPServerTransport } =
    await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
  const { Agent, fetch } = await import('undici');
  const dispatcher = new Agent({ connections: 32 });
  const server = createServer(async (req, res) => {
    const mcp = new McpServer({ name: 'bare', version: '1.0.0' });
    mcp.registerTool('tenant-get', { description: 'Trivial tool.' }, async () => {
      if (role === 'bare-upstream') {
        // The same upstream call the adapter makes, with the same kind of keep-alive client.
        const r = await fetch(`${upstream}/v1/org/tenant/get`, {
          dispatcher,
          headers: { authorization: req.headers.authorization ?? '' },
        });
        const data = await r.json();
        return { content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: data };
      }
      return { content: [{ type: 'text', text: 'ok' }] };
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(`url http://127.0.0.1:${server.address().port}/mcp`);
}

const children = [];
process.on('exit', () => children.forEach((p) => p.kill()));

/** Starts a child role; `packages` is the `packages/` folder whose built adapter it serves. */
function start(role, upstream = '-', packages = new URL('../../packages/', import.meta.url).href) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [self, role, upstream, packages], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(proc);
    let out = '';
    let cpuWaiter;
    /** The CPU time the child has used so far, in µs. */
    const cpu = () =>
      new Promise((done) => {
        cpuWaiter = done;
        proc.stdin.write('cpu\n');
      });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /url (\S+)(?: (\S+))?\n/.exec(out);
      if (m) resolve({ proc, url: m[1], key: m[2], cpu });
      const c = /cpu (\d+)\n/.exec(out);
      if (c && cpuWaiter) {
        out = out.slice(c.index + c[0].length);
        cpuWaiter(Number(c[1]));
        cpuWaiter = undefined;
      }
    });
    proc.on('exit', (code) => reject(new Error(`${role} exited with ${code}: ${out}`)));
  });
}

async function main() {
  const require = createRequire(new URL('../../packages/interop-tests/package.json', import.meta.url));
  const autocannon = require('autocannon');

  const sandbox = await start('sandbox');
  const fixed = await start('static');
  const targets = {
    'adapter -> sandbox': await start('adapter', sandbox.url),
    'adapter -> static upstream': await start('adapter', fixed.url),
    'bare SDK, tool -> static upstream': await start('bare-upstream', fixed.url),
    'adapter, stubbed upstream (no I/O)': await start('adapter-stub'),
    'bare SDK, trivial tool': await start('bare'),
  };
  const baseline = process.env.BENCH_BASELINE;
  if (baseline) {
    const packages = pathToFileURL(`${baseline.replace(/\/$/, '')}/packages/`).href;
    targets['baseline adapter -> static'] = await start('adapter', fixed.url, packages);
    targets['baseline adapter, stubbed'] = await start('adapter-stub', undefined, packages);
  }
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'tenant-get', arguments: {} },
  });
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-06-18',
    authorization: `Bearer ${sandbox.key}`,
  };

  // One checked request per target first: a benchmark of error responses would be worthless.
  for (const [name, t] of Object.entries(targets)) {
    const res = await fetch(t.url, { method: 'POST', headers, body });
    const json = await res.json();
    if (res.status !== 200 || json.error || json.result?.isError) {
      throw new Error(`${name} did not answer tools/call: ${res.status} ${JSON.stringify(json)}`);
    }
  }

  const run = (url, duration) =>
    autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration });

  for (const t of Object.values(targets)) await run(t.url, WARMUP_SECONDS);
  const results = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, t] of Object.entries(targets)) {
      const before = await t.cpu();
      const r = await run(t.url, SECONDS);
      r.cpuPerRequest = ((await t.cpu()) - before) / r.requests.total;
      if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      results[name].push(r);
    }
  }

  const rows = Object.entries(results).map(([name, rs]) => ({
    name,
    rps: rs.reduce((s, r) => s + r.requests.total, 0) / rs.reduce((s, r) => s + r.duration, 0),
    p50: median(rs.map((r) => r.latency.p50)),
    p99: median(rs.map((r) => r.latency.p99)),
    cpu: median(rs.map((r) => r.cpuPerRequest)),
  }));
  console.log(
    `HTTP transport: stateless tools/call (tenant-get), ${CONNECTIONS} connections, ${ROUNDS} rounds x ${SECONDS} s ` +
      `per variant (interleaved, after ${WARMUP_SECONDS} s warm-up each), Node ${process.version}`,
  );
  console.log(
    `  ${'variant'.padEnd(38)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'CPU µs/req'.padStart(11)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(38)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.cpu.toFixed(0).padStart(11)}`,
    );
  }
  const row = Object.fromEntries(rows.map((r) => [r.name, r]));
  const ours = row['adapter -> static upstream'];
  const stubbed = row['adapter, stubbed upstream (no I/O)'];
  const bare = row['bare SDK, trivial tool'];
  const bareUp = row['bare SDK, tool -> static upstream'];
  // Throughput is what counts, but on a shared machine it swings with everything else running; the server's
  // own CPU time per request is what limits its throughput when it is CPU-bound, and it is far steadier.
  const ratio = (a, b) =>
    `${(a.rps / b.rps).toFixed(2)}x throughput, ${(b.cpu / a.cpu).toFixed(2)}x (inverse CPU per request)`;
  console.log('  adapter / bare SDK doing the same work (target: >= 1.00x)');
  console.log(`    no I/O in either (stubbed upstream / trivial tool): ${ratio(stubbed, bare)}`);
  console.log(`    the same upstream request (both -> static):        ${ratio(ours, bareUp)}`);
  console.log(
    `    the whole real path (adapter -> sandbox / trivial): ${ratio(row['adapter -> sandbox'], bare)}`,
  );
  if (baseline) {
    console.log(`  baseline adapter (${baseline}) / bare SDK doing the same work`);
    console.log(`    no I/O in either:            ${ratio(row['baseline adapter, stubbed'], bare)}`);
    console.log(`    the same upstream request:   ${ratio(row['baseline adapter -> static'], bareUp)}`);
  }
  process.exit(0);
}

const role = process.argv[2];
if (role) await child(role, process.argv[3], process.argv[4]);
else await main();
