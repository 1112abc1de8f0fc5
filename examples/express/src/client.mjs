// Connects to an MCP endpoint with the SDK client over Streamable HTTP, lists the tools, calls tenant-get,
// prints what it got and exits non-zero when anything is not as expected.
//
//   node src/client.mjs http://127.0.0.1:3000/mcp
//
// Env: MCP_BEARER (the bearer token to send: the caller's Chili Piper key in caller-key mode, or one of the
// server's MCP_HTTP_TOKENS in server-key mode), EXPECT_TENANT (optional subdomain the tenant must have, e.g. acme),
// EXPECT_TOOLS (optional exact tool count).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.argv[2] ?? 'http://127.0.0.1:3000/mcp');
const bearer = process.env.MCP_BEARER;
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

const transport = new StreamableHTTPClientTransport(url, {
  requestInit: bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {},
});
const client = new Client({ name: 'example-express-client', version: '0.0.0' });
await client.connect(transport);
console.log(`connected to ${client.getServerVersion()?.name} ${client.getServerVersion()?.version}`);

const { tools } = await client.listTools();
console.log(`tools: ${tools.length}`);
check(
  tools.some((t) => t.name === 'tenant-get'),
  'tools/list has no tenant-get',
);
if (process.env.EXPECT_TOOLS) {
  check(tools.length === Number(process.env.EXPECT_TOOLS), `expected ${process.env.EXPECT_TOOLS} tools`);
}

const result = await client.callTool({ name: 'tenant-get', arguments: {} });
check(!result.isError, `tenant-get failed: ${result.content?.[0]?.text}`);
const tenant = result.structuredContent ?? {};
const subdomain = tenant.tenantData?.subdomain;
console.log(`tenant: ${subdomain} (${tenant.type}, ${tenant.tenantData?.tenantId})`);
check(typeof subdomain === 'string' && subdomain.length > 0, 'tenant-get returned no tenantData.subdomain');
if (process.env.EXPECT_TENANT) {
  check(
    subdomain === process.env.EXPECT_TENANT,
    `expected tenant ${process.env.EXPECT_TENANT}, got ${subdomain}`,
  );
}

await client.close();
if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log('ok');
