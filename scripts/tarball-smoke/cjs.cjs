/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS smoke test */
// CommonJS smoke test of the packed packages (see esm.mjs). The AI SDK entry loads `ai`, an ES module, with
// require: Node.js 20.19 or later.
const assert = require('node:assert/strict');
const { catalog, createChiliPiperClient, ChiliPiperError, selectTools } = require('@chilipiper-mcp/core');
const { createChiliPiperNodeServer } = require('@chilipiper-mcp/core/node');
const { createSandbox } = require('@chilipiper-mcp/sandbox');
const { chiliPiperTools } = require('@chilipiper-mcp/ai-sdk');
const { toFunctionTools } = require('@chilipiper-mcp/ai-sdk/functions');
const { createFetchHandler } = require('@chilipiper-mcp/serverless');
const { createNodeHandler } = require('@chilipiper-mcp/http');

(async () => {
  const sandbox = await createSandbox();
  try {
    const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    assert.equal((await client.tenantGet()).tenantData.subdomain, 'acme');
    const invalid = await client.meetingGet({ meetingId: 'nope' }).catch((e) => e);
    assert.ok(invalid instanceof ChiliPiperError);
    assert.deepEqual([invalid.kind, invalid.fields], ['invalid-arguments', ['meetingId']]);
    const tools = chiliPiperTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, readOnly: true });
    const output = await tools['tenant-get'].execute({}, { toolCallId: 'c1', messages: [] });
    assert.equal(output.structuredContent.tenantData.subdomain, 'acme');
    const functions = toFunctionTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    assert.equal(functions.length, selectTools(catalog).length);
    // Code mode from the installed packages: the engine and its .wasm found next to core, as users get them.
    const handler = createFetchHandler({
      credentials: { mode: 'caller-key' },
      baseUrl: sandbox.url,
      codeMode: true,
    });
    const code = 'const t = await cp.tenantGet();\nreturn t.tenantData.subdomain;';
    const answer = await handler(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sandbox.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'execute', arguments: { code } },
        }),
      }),
    );
    assert.deepEqual((await answer.json()).result, { content: [{ type: 'text', text: '"acme"' }] });

    assert.equal(typeof createChiliPiperNodeServer, 'function');
    assert.equal(typeof createFetchHandler, 'function');
    assert.equal(typeof createNodeHandler, 'function');
    console.log('cjs ok');
  } finally {
    await sandbox.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
