import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, cleanEnv, tempDir } from './helpers.js';

type Answer = { id?: unknown; result?: Record<string, unknown>; error?: { code: number; message: string } };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox?.close());

const initialize = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
};
const call = (id: number, name: string, args: unknown = {}) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

/** The built CLI on raw pipes: every line it answers, its stderr, and its exit code. */
async function start(baseUrl = sandbox.url) {
  const env = cleanEnv(await tempDir(), {
    CHILI_PIPER_API_KEY: sandbox.apiKey,
    CHILI_PIPER_BASE_URL: baseUrl,
  });
  const child = spawn(process.execPath, [CLI], { env, cwd: ROOT, stdio: 'pipe' });
  const answers: Answer[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) answers.push(JSON.parse(line) as Answer);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const send = (line: string | object) =>
    child.stdin.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  /** Resolves with the answer to `id` (or rejects after 15 s: the server went deaf). */
  const answerTo = async (id: unknown) => {
    for (const started = Date.now(); Date.now() - started < 15_000;) {
      const found = answers.find((a) => a.id === id);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no answer to ${JSON.stringify(id)}; stderr: ${stderr}`);
  };
  send(initialize);
  await answerTo(0);
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return { child, answers, send, answerTo, exited, stderr: () => stderr };
}

const error = (id: unknown, code: number, message: string) => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
});

describe('stdio: every request with an id gets an answer', () => {
  it('answers malformed params -32602, an unparsable line -32700 and a bad message -32600, naming the problem', async () => {
    const server = await start();
    server.send(call(1, 5 as unknown as string));
    server.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: ['tenant-get'] });
    server.send('{"jsonrpc":"2.0","id":3,"method":');
    server.send({ id: 4, method: 'tools/list' });
    server.send({ jsonrpc: '2.0', id: 5, method: 'ping' });
    await server.answerTo(5);
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    expect(server.answers.slice(1)).toStrictEqual([
      error(1, -32602, 'Invalid params for tools/call: params.name: expected string, received number.'),
      error(2, -32602, 'Invalid params: params: expected object, received array.'),
      error(null, -32700, 'Parse error: Unexpected end of JSON input'),
      error(4, -32600, 'Invalid Request: jsonrpc: expected "2.0".'),
      { jsonrpc: '2.0', id: 5, result: {} },
    ]);
  });

  it('answers a line over the size limit with its id, says so on stderr, and keeps answering', async () => {
    const server = await start();
    const huge = JSON.stringify({
      jsonrpc: '2.0',
      method: 'tools/call',
      params: { name: 'tenant-get', arguments: { pad: 'x'.repeat(11 * 1024 * 1024) } },
      id: 6,
    });
    server.send(huge);
    server.send(call(7, 'tenant-get'));
    expect(await server.answerTo(6)).toStrictEqual(
      error(
        6,
        -32600,
        `Invalid Request: the message is ${huge.length} bytes, over the 4194304-byte limit of one line; it was dropped.`,
      ),
    );
    expect((await server.answerTo(7)).result?.['structuredContent']).toMatchObject({ type: 'Organization' });
    expect(server.stderr()).toContain(
      'dropped a line of 11.0 MiB from stdin: one message may be at most 4.0 MiB',
    );
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
  });

  it('when stdin closes, answers a request still running before it exits', async () => {
    sandbox.faults.add({ path: '/v1/org/tenant/get', latencyMs: 1500 });
    const server = await start();
    server.send(call(8, 'tenant-get'));
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    const answer = server.answers.find((a) => a.id === 8);
    expect(answer?.result?.['structuredContent']).toMatchObject({ type: 'Organization' });
    expect(server.stderr()).toContain('stopping (stdin closed): 1 request(s) still running');
  });

  it('on SIGTERM, answers a request still running with an error and lists it on stderr', async () => {
    // An upstream that takes the request and never answers: the call is surely running at the signal.
    let arrived: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const hanging = createServer(() => arrived());
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const server = await start(`http://127.0.0.1:${(hanging.address() as AddressInfo).port}`);
      server.send(call(9, 'tenant-get'));
      await reached;
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.answers.find((a) => a.id === 9)).toStrictEqual(
        error(
          9,
          -32000,
          'The server stopped (SIGTERM) before this request finished; its outcome is unknown.',
        ),
      );
      expect(server.stderr()).toContain('SIGTERM: answering 1 unfinished request(s) with an error (id 9)');
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});
