import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { checkMessage, createChiliPiperServer } from '../src/index.js';
import { readTool } from './helpers/tools.js';

const error = (id: string | number | null, code: number, message: string) => ({
  answer: { jsonrpc: '2.0', id, error: { code, message } },
  problem: message,
});

describe('checkMessage', () => {
  it('accepts every kind of JSON-RPC message the SDK accepts', () => {
    for (const message of [
      { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x' } },
      { jsonrpc: '2.0', id: 'a', method: 'ping' },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, result: {} },
      { jsonrpc: '2.0', id: 3, error: { code: 1, message: 'm' } },
    ]) {
      expect(checkMessage(message)).toBeUndefined();
    }
  });

  it.each([
    [[1], error(null, -32600, 'Invalid Request: expected a JSON-RPC 2.0 object, got an array.')],
    [null, error(null, -32600, 'Invalid Request: expected a JSON-RPC 2.0 object, got null.')],
    [
      { jsonrpc: '2.0', id: 7, method: 'tools/call', params: [1] },
      error(7, -32602, 'Invalid params: params: expected object, received array.'),
    ],
    [
      { jsonrpc: '2.0', id: 'q', method: 'tools/list', params: 'all' },
      error('q', -32602, 'Invalid params: params: expected object, received string.'),
    ],
    [
      { jsonrpc: '2.0', id: 8, method: 'tools/call', params: { _meta: 5 } },
      error(8, -32602, 'Invalid params: params._meta: expected object, received number.'),
    ],
    [{ id: 5, method: 'tools/list' }, error(5, -32600, 'Invalid Request: jsonrpc: expected "2.0".')],
    [{ jsonrpc: '2.0', id: null, method: 'ping' }, error(null, -32600, 'Invalid Request: id: is not valid.')],
    [
      { jsonrpc: '2.0', id: 9, method: 4 },
      error(9, -32600, 'Invalid Request: method: expected string, received number.'),
    ],
    [
      { jsonrpc: '2.0', method: 'ping', extra: true },
      error(null, -32600, 'Invalid Request: the message: Unrecognized key: "extra".'),
    ],
  ])('refuses %j', (value, expected) => {
    expect(checkMessage(value)).toStrictEqual(expected);
  });

  it('never answers a malformed response', () => {
    expect(checkMessage({ jsonrpc: '2.0', id: 1, result: 'x' })).toStrictEqual({
      answer: undefined,
      problem: 'Ignored a malformed JSON-RPC response.',
    });
  });
});

describe('createChiliPiperServer on any transport', () => {
  async function exchange(messages: JSONRPCMessage[]) {
    const server = createChiliPiperServer({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', tools: [readTool] });
    const [client, serverSide] = InMemoryTransport.createLinkedPair();
    const answers: JSONRPCMessage[] = [];
    client.onmessage = (message) => answers.push(message);
    await server.connect(serverSide);
    await client.start();
    for (const message of messages) await client.send(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    return answers;
  }

  it('answers params that do not fit the method with -32602 naming the field, and goes on', async () => {
    const answers = await exchange([
      { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 5 } },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'test-read', arguments: 'x' } },
      { jsonrpc: '2.0', id: 3, method: 'initialize', params: { protocolVersion: '2025-06-18' } },
      { jsonrpc: '2.0', id: 4, method: 'ping' },
    ]);
    const invalid = (id: number, message: string) => ({
      jsonrpc: '2.0',
      id,
      error: { code: -32602, message },
    });
    expect(answers).toStrictEqual([
      invalid(1, 'Invalid params for tools/call: params.name: expected string, received number.'),
      invalid(2, 'Invalid params for tools/call: params.arguments: expected record, received string.'),
      invalid(
        3,
        'Invalid params for initialize: params.capabilities: is missing (expected object); ' +
          'params.clientInfo: is missing (expected object).',
      ),
      { jsonrpc: '2.0', id: 4, result: {} },
    ]);
  });
});
