// Embedding the tools in your own agent loop: the MCP server and client live in one process and talk over an
// in-memory transport. Without CHILI_PIPER_API_KEY it runs against a local sandbox (demo data, not Chili Piper).
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createChiliPiperServer } from '@chilipiper-mcp/core';
import { sharedNodeFetch } from '@chilipiper-mcp/core/node';
import { createSandbox } from '@chilipiper-mcp/sandbox';

const sandbox = process.env.CHILI_PIPER_API_KEY ? undefined : await createSandbox();
if (sandbox) console.error(`SANDBOX: demo data at ${sandbox.url}, not your Chili Piper account`);

const server = createChiliPiperServer({
  apiKey: process.env.CHILI_PIPER_API_KEY || sandbox.apiKey,
  ...(sandbox ? { baseUrl: sandbox.url } : {}),
  fetch: sharedNodeFetch().fetch,
  readOnly: true, // this agent only looks
});
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
const client = new Client({ name: 'my-agent', version: '1.0.0' });
await Promise.all([server.connect(serverSide), client.connect(clientSide)]);

// What a model would see: the tool list, with safety annotations.
const { tools } = await client.listTools();
assert.ok(
  tools.every((t) => t.annotations.readOnlyHint),
  'read-only mode lists read tools only',
);
console.log(
  `${tools.length} read-only tools, e.g. ${tools
    .slice(0, 3)
    .map((t) => t.name)
    .join(', ')}`,
);

// What a model would do: find the tenant, then this week's meetings.
const tenant = await client.callTool({ name: 'tenant-get', arguments: {} });
assert.equal(tenant.isError, undefined, tenant.content[0].text);
console.log(`tenant: ${tenant.structuredContent.tenantData.subdomain}`);

const now = Date.now();
const meetings = await client.callTool({
  name: 'meeting-list-put',
  arguments: { start: new Date(now - 3 * 864e5).toISOString(), end: new Date(now + 3 * 864e5).toISOString() },
});
assert.equal(meetings.isError, undefined, meetings.content[0].text);
console.log(
  `meetings this week (first page): ${meetings.structuredContent.results.length}, more: ${Boolean(meetings.structuredContent.nextCursor)}`,
);

// A write is refused in read-only mode, and nothing is sent.
const refused = await client.callTool({ name: 'meeting-cancel', arguments: { meetingId: 'x' } });
assert.equal(refused.isError, true);
console.log(`cancel refused: ${refused.content[0].text}`);

await client.close();
await sharedNodeFetch().close();
await sandbox?.close();
