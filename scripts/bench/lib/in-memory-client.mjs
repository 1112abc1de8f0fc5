// An SDK client connected in memory (no transport cost) to core's server with only `tenant-get`.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createChiliPiperServer } from '../../../packages/core/dist/index.js';

/**
 * Connects a client to `createChiliPiperServer` with key `bench-key` and `include: ['tenant-get']`, plus
 * `options` (`baseUrl`, `fetch`, `codeMode`…). Resolves the client.
 */
export async function connectTenantGet(options) {
  const mcp = createChiliPiperServer({ apiKey: 'bench-key', include: ['tenant-get'], ...options });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'bench', version: '0' });
  await Promise.all([mcp.connect(b), client.connect(a)]);
  return client;
}
