// Per-call overhead of tools/call (SDK in-memory transport + executor) next to bare undici requests to the
// same local endpoint, measured in the same run. A benchmark, not a test: it prints numbers and a ratio.
import { request } from 'undici';
import { createNodeFetch } from '../../packages/core/dist/node.js';
import { connectTenantGet } from './lib/in-memory-client.mjs';
import { pct } from './lib/stats.mjs';
import { startTenantUpstream } from './lib/tenant-upstream.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PER_ROUND = Number(process.env.BENCH_CALLS ?? 300);

const { server, base } = await startTenantUpstream();
const url = `${base}/v1/org/tenant/get`;

const http = createNodeFetch();
const client = await connectTenantGet({ baseUrl: base, fetch: http.fetch });

const variants = {
  'undici.request': async () => {
    const res = await request(url, {
      dispatcher: http.dispatcher,
      headers: { authorization: 'Bearer bench-key' },
    });
    await res.body.json();
  },
  'undici.fetch': async () => {
    const res = await http.fetch(url, { headers: { authorization: 'Bearer bench-key' } });
    await res.json();
  },
  'tools/call (SDK + executor)': async () => {
    const r = await client.callTool({ name: 'tenant-get', arguments: {} });
    if (r.isError) throw new Error(r.content[0].text);
  },
};

const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (const fn of Object.values(variants)) for (let i = 0; i < 200; i++) await fn(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(variants)) {
    for (let i = 0; i < PER_ROUND; i++) {
      const t0 = process.hrtime.bigint();
      await fn();
      samples[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
}

const rows = Object.entries(samples).map(([name, xs]) => ({ name, p50: pct(xs, 0.5), p99: pct(xs, 0.99) }));
console.log(
  `core executor overhead — ${ROUNDS} rounds x ${PER_ROUND} calls each, interleaved, Node ${process.version}`,
);
for (const r of rows)
  console.log(`  ${r.name.padEnd(30)} p50 ${r.p50.toFixed(3)} ms   p99 ${r.p99.toFixed(3)} ms`);
const [req, fetchRow, call] = rows;
console.log(`  ratio tools/call / undici.request (p50): ${(call.p50 / req.p50).toFixed(2)}x`);
console.log(`  ratio tools/call / undici.fetch   (p50): ${(call.p50 / fetchRow.p50).toFixed(2)}x`);
console.log(
  `  executor + MCP overhead over undici.fetch (p50): ${(call.p50 - fetchRow.p50).toFixed(3)} ms (target < 0.3 ms)`,
);

await client.close();
await http.close();
server.close();
