import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchHandler, type FetchHandler } from '../src/index.js';
import { connectInProcess, post, serverKey, TOKEN } from './helpers.js';

let sandbox: Sandbox;
let handler: FetchHandler;
const auth = { authorization: `Bearer ${TOKEN}`, 'mcp-protocol-version': '2025-06-18' };
beforeAll(async () => {
  sandbox = await createSandbox();
  handler = createFetchHandler(serverKey(sandbox));
});
afterAll(() => sandbox?.close());

const error = (id: unknown, code: number, message: string) => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
});
const answer = async (body: unknown) => {
  const res = await post(handler, body, auth);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('JSON-RPC errors over HTTP', () => {
  it('answers params that do not fit the method with -32602 naming the field, not -32603 with a validator dump', async () => {
    const before = sandbox.requests.length;
    expect(await answer({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 5 } })).toStrictEqual({
      status: 200,
      body: error(1, -32602, 'Invalid params for tools/call: params.name: expected string, received number.'),
    });
    expect(
      await answer({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'tenant-get', arguments: [] },
      }),
    ).toStrictEqual({
      status: 200,
      body: error(
        2,
        -32602,
        'Invalid params for tools/call: params.arguments: expected record, received array.',
      ),
    });
    expect(
      await answer({ jsonrpc: '2.0', id: 'p', method: 'tools/call', params: ['tenant-get'] }),
    ).toStrictEqual({
      status: 200,
      body: error('p', -32602, 'Invalid params: params: expected object, received array.'),
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it('answers an unparsable body -32700 and a message that is not JSON-RPC -32600, naming the problem', async () => {
    expect(await answer('{"jsonrpc":"2.0","id":1,')).toStrictEqual({
      status: 400,
      body: error(null, -32700, 'Parse error: the body is not valid JSON.'),
    });
    expect(await answer({ id: 4, method: 'tools/list' })).toStrictEqual({
      status: 400,
      body: error(4, -32600, 'Invalid Request: jsonrpc: expected "2.0".'),
    });
    expect(await answer({ jsonrpc: '2.0', id: 1, result: 'x' })).toStrictEqual({
      status: 400,
      body: error(null, -32600, 'Ignored a malformed JSON-RPC response.'),
    });
    expect(
      await answer([
        { jsonrpc: '2.0', id: 1, method: 'ping' },
        { jsonrpc: '2.0', id: 2, method: 'ping', params: 3 },
      ]),
    ).toStrictEqual({
      status: 400,
      body: error(null, -32600, 'Batch message 1: Invalid params: params: expected object, received number.'),
    });
    expect(await answer([])).toStrictEqual({
      status: 400,
      body: error(null, -32600, 'Invalid Request: the batch is empty.'),
    });
  });

  it('gives an SDK client an McpError with code -32602', async () => {
    const { client, close } = await connectInProcess(handler, TOKEN);
    try {
      const request = client.callTool({ name: 7 as unknown as string });
      await expect(request).rejects.toBeInstanceOf(McpError);
      await expect(request).rejects.toMatchObject({
        code: ErrorCode.InvalidParams,
        message:
          'MCP error -32602: Invalid params for tools/call: params.name: expected string, received number.',
      });
    } finally {
      await close();
    }
  });
});
