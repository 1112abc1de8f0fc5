// The local upstream the benchmarks call: a fixed `tenant-get` answer on 127.0.0.1.
import { createServer } from 'node:http';

/** The fixed `tenant-get` answer (JSON text). */
export const TENANT = JSON.stringify({
  type: 'Organization',
  tenantData: { tenantId: 't1', cluster: 'c1', subdomain: 'acme' },
  domains: ['acme.com'],
});

/**
 * Starts a server on a free loopback port that answers every request with {@link TENANT}: no routing, auth or
 * logging, so it isolates the cost of what calls it. Resolves `{ server, base }`, `base` being the Edge API
 * base URL (`http://127.0.0.1:<port>/api/fire-edge`).
 */
export async function startTenantUpstream() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(TENANT) });
      res.end(TENANT);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/api/fire-edge` };
}
