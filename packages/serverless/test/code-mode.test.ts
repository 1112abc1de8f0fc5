import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchHandler, handlerOptionsFromEnv, toNextRoute } from '../src/index.js';
import { post, rpc, TOKEN } from './helpers.js';

describe('code mode through the fetch handler', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
  });
  afterAll(() => sandbox?.close());

  it('CHILI_PIPER_CODE_MODE=true in the environment turns it on, and a Next.js route runs execute', async () => {
    const options = handlerOptionsFromEnv({
      CHILI_PIPER_API_KEY: sandbox.apiKey,
      CHILI_PIPER_BASE_URL: sandbox.url,
      CHILI_PIPER_CODE_MODE: 'true',
      MCP_HTTP_TOKENS: TOKEN,
    });
    expect(options.codeMode).toBe(true);
    expect(handlerOptionsFromEnv({ CHILI_PIPER_API_KEY: 'k', MCP_HTTP_TOKENS: TOKEN })).not.toHaveProperty(
      'codeMode',
    );
    const { POST } = toNextRoute(createFetchHandler(options));
    const auth = { authorization: `Bearer ${TOKEN}` };
    const list = await post(POST, rpc('tools/list'), auth);
    const listed = (await list.json()) as { result: { tools: { name: string }[] } };
    expect(listed.result.tools.map((t) => t.name)).toStrictEqual(['search', 'execute']);

    const code = 'const { text } = await cp.healthPing();\nreturn text.length > 0;';
    const call = await post(POST, rpc('tools/call', { name: 'execute', arguments: { code } }, 2), auth);
    expect(await call.json()).toStrictEqual({
      jsonrpc: '2.0',
      id: 2,
      result: { content: [{ type: 'text', text: 'true' }] },
    });
  });

  it('narrows cp with the per-request tool list', async () => {
    const handler = createFetchHandler({
      credentials: { mode: 'caller-key' },
      baseUrl: sandbox.url,
      codeMode: true,
    });
    const code = 'return Object.keys(cp);';
    const response = await post(handler, rpc('tools/call', { name: 'execute', arguments: { code } }), {
      authorization: `Bearer ${sandbox.apiKey}`,
      'x-chilipiper-tools': 'tenant-get,meeting-get',
    });
    const body = (await response.json()) as { result: { content: { text: string }[] } };
    expect(JSON.parse(body.result.content[0]!.text)).toStrictEqual(['tenantGet', 'meetingGet']);
  });
});
