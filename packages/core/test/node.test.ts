import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createChiliPiperNodeServer as createChiliPiperServer } from '../src/node.js';
import { json, startStub } from './helpers/stub-server.js';

let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('@chilipiper-mcp/core/node', () => {
  it('sends through an undici dispatcher the caller passes in', async () => {
    stub = await startStub((_req, res) => json(res, 200, { type: 'Organization' }));
    const dispatched: string[] = [];
    const agent = new Agent().compose((dispatch) => (opts, handler) => {
      dispatched.push(`${opts.method} ${opts.path}`);
      return dispatch(opts, handler);
    });
    const server = createChiliPiperServer({
      apiKey: 'k',
      baseUrl: stub.url,
      dispatcher: agent,
      include: ['tenant-get'],
    });
    const [a, b] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 't', version: '0' });
    await Promise.all([server.connect(b), client.connect(a)]);
    const result = await client.callTool({ name: 'tenant-get', arguments: {} });
    expect(result.structuredContent).toStrictEqual({ type: 'Organization' });
    expect(dispatched).toStrictEqual(['GET /api/fire-edge/v1/org/tenant/get']);
    await client.close();
    await agent.close();
  });
});
