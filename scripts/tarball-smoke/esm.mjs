// ESM smoke test of the packed packages, run by scripts/check-tarballs.mjs in a folder outside the workspace
// where only the tarballs (and their registry dependencies) are installed.
import assert from 'node:assert/strict';
import { catalog, ChiliPiperError, createChiliPiperClient, selectTools } from '@chilipiper-mcp/core';
import { createSandbox, DEMO_READONLY_KEY } from '@chilipiper-mcp/sandbox';
import { chiliPiperTools } from '@chilipiper-mcp/ai-sdk';
import { toFunctionTools } from '@chilipiper-mcp/ai-sdk/functions';
import { createFetchHandler } from '@chilipiper-mcp/serverless';
import { createNodeHandler } from '@chilipiper-mcp/http';
import { generateText, stepCountIs } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';

const sandbox = await createSandbox();
try {
  const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  const tenant = await client.tenantGet();
  assert.equal(tenant.tenantData.subdomain, 'acme');
  const readOnly = createChiliPiperClient({
    apiKey: DEMO_READONLY_KEY,
    baseUrl: sandbox.url,
    readOnly: true,
  });
  assert.equal('meetingCancel' in readOnly, false);
  const refused = await createChiliPiperClient({ apiKey: DEMO_READONLY_KEY, baseUrl: sandbox.url })
    .meetingCancel({ meetingId: '00000000-0000-0000-0000-000000000000' })
    .catch((e) => e);
  assert.ok(refused instanceof ChiliPiperError, String(refused));
  assert.deepEqual([refused.kind, refused.status, refused.permission], ['forbidden', 403, 'meeting.modify']);

  const tools = chiliPiperTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  assert.equal(Object.keys(tools).length, selectTools(catalog).length);
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

  const usage = {
    inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: 1, text: 1, reasoning: 0 },
  };
  const model = new MockLanguageModelV4({
    doGenerate: [
      {
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'tenant-get', input: '{}' }],
        finishReason: { unified: 'tool-calls', raw: undefined },
        usage,
        warnings: [],
      },
      {
        content: [{ type: 'text', text: 'done' }],
        finishReason: { unified: 'stop', raw: undefined },
        usage,
        warnings: [],
      },
    ],
  });
  const result = await generateText({ model, tools, prompt: 'tenant?', stopWhen: stepCountIs(3) });
  assert.equal(result.text, 'done');
  assert.equal(result.steps[0].toolResults[0].output.structuredContent.tenantData.subdomain, 'acme');

  const [ping] = toFunctionTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, include: ['health-ping'] });
  assert.equal((await ping.execute('{}')).isError, false);
  assert.equal(typeof createFetchHandler({ credentials: { mode: 'caller-key' } }), 'function');
  assert.equal(typeof createNodeHandler({ credentials: { mode: 'caller-key' } }), 'function');
  console.log('esm ok');
} finally {
  await sandbox.close();
}
