import { PassThrough } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/stdio-transport.js';

/** A transport on in-memory streams, with everything it delivered, wrote and reported. */
async function harness(maxLineBytes = 1024) {
  const input = new PassThrough();
  const output = new PassThrough();
  const delivered: JSONRPCMessage[] = [];
  const warnings: string[] = [];
  let ended = 0;
  const transport = new StdioTransport({
    input,
    output,
    maxLineBytes,
    warn: (m) => warnings.push(m),
    onEnd: () => (ended += 1),
  });
  transport.onmessage = (m) => delivered.push(m);
  await transport.start();
  const written = () =>
    output
      .read()
      ?.toString()
      .trim()
      .split('\n')
      .map((line: string) => JSON.parse(line) as unknown) ?? [];
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { input, transport, delivered, warnings, written, tick, ended: () => ended };
}

const err = (id: string | number | null, code: number, message: string) => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
});

describe('StdioTransport', () => {
  it('answers what the SDK would drop, and delivers the rest', async () => {
    const h = await harness();
    h.input.write('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":[1]}\n');
    h.input.write('{oops\n');
    h.input.write('{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    await h.tick();
    expect(h.written()).toStrictEqual([
      err(1, -32602, 'Invalid params: params: expected object, received array.'),
      err(null, -32700, `Parse error: Expected property name or '}' in JSON at position 1`),
    ]);
    expect(h.delivered).toStrictEqual([{ jsonrpc: '2.0', id: 2, method: 'ping' }]);
    expect(h.warnings).toHaveLength(2);
  });

  it('answers a line over the limit with its id, says so on stderr, and keeps reading', async () => {
    const h = await harness(1024);
    const big = `{"jsonrpc":"2.0","method":"tools/call","params":{"x":"${'a'.repeat(4000)}"},"id":5}`;
    h.input.write(`${big}\n`);
    h.input.write('{"jsonrpc":"2.0","id":6,"method":"ping"}\n');
    await h.tick();
    expect(h.written()).toStrictEqual([
      err(
        5,
        -32600,
        `Invalid Request: the message is ${big.length} bytes, over the 1024-byte limit of one line; it was dropped.`,
      ),
    ]);
    expect(h.warnings).toStrictEqual([
      `dropped a line of ${big.length} bytes from stdin: one message may be at most 1024 bytes`,
    ]);
    expect(h.delivered).toStrictEqual([{ jsonrpc: '2.0', id: 6, method: 'ping' }]);
  });

  it('tracks unanswered requests, and answers them with an error when abandoned', async () => {
    const h = await harness();
    h.input.write('{"jsonrpc":"2.0","id":1,"method":"ping"}\n{"jsonrpc":"2.0","id":"b","method":"ping"}\n');
    h.input.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    await h.tick();
    expect(h.transport.unanswered()).toStrictEqual([1, 'b']);
    let settled = false;
    void h.transport.allAnswered().then(() => (settled = true));
    await h.transport.send({ jsonrpc: '2.0', id: 1, result: {} });
    await h.tick();
    expect(settled).toBe(false);
    await h.transport.abandon('SIGTERM');
    await h.tick();
    expect(settled).toBe(true);
    expect(h.transport.unanswered()).toStrictEqual([]);
    expect(h.written()).toStrictEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
      err('b', -32000, 'The server stopped (SIGTERM) before this request finished; its outcome is unknown.'),
    ]);
    expect(h.warnings).toStrictEqual(['SIGTERM: answering 1 unfinished request(s) with an error (id "b")']);
  });

  it('handles a last line without newline, then reports the end once', async () => {
    const h = await harness();
    h.input.end('{"jsonrpc":"2.0","id":3,"method":"ping"}');
    await h.tick();
    await h.tick();
    expect(h.delivered).toStrictEqual([{ jsonrpc: '2.0', id: 3, method: 'ping' }]);
    expect(h.ended()).toBe(1);
  });
});
