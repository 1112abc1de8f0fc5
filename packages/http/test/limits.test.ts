import { connect, type Socket } from 'node:net';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, serve, type RunningServer, type ServeOptions } from '../src/index.js';
import { MCP_HEADERS, rawRequest, TOKEN, toolCall } from './helpers.js';

/** How long a test waits for the server to close a connection: far below Node's own defaults (60 s, 300 s). */
const BOUND_MS = 5000;
const LIMITS = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300 } as const;

let sandbox: Sandbox;
const auth = { authorization: `Bearer ${TOKEN}` };
const options = (extra: Partial<ServeOptions> = {}): ServeOptions => ({
  port: 0,
  baseUrl: sandbox.url,
  credentials: { mode: 'server-key', apiKey: sandbox.apiKey, tokens: [TOKEN] },
  ...extra,
});
const PONG = { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'ok' }] } };
const call = (url: string) =>
  rawRequest(url, { headers: { ...MCP_HEADERS, ...auth }, body: toolCall('health-ping') });

/** A raw TCP connection to the server, with what it received and whether the server closed it in time. */
function open(url: string) {
  const { port, hostname } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  /** Resolves with `closed: false` when the server still holds the connection after `BOUND_MS`. */
  const closedWithin = async (ms = BOUND_MS) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const closed = await Promise.race([
      ended.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
    ]);
    clearTimeout(timer);
    socket.destroy();
    return { closed, status: /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] };
  };
  return { socket, connected, closedWithin, received: () => received };
}

/** Writes one byte every `everyMs` until the socket closes. */
function drip(socket: Socket, text: string, everyMs = 100) {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(text[at % text.length]!);
    at += 1;
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox?.close());

describe('serve() connection limits', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await serve(options(LIMITS));
  });
  afterAll(() => running?.close());

  it('closes a silent, a slow-header and a slow-body connection while normal calls keep answering', async () => {
    const silent = open(running.url);
    const slowHeaders = open(running.url);
    const slowBody = open(running.url);
    await Promise.all([silent.connected, slowHeaders.connected, slowBody.connected]);
    drip(slowHeaders.socket, `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(1000)}`);
    slowBody.socket.write(
      `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        'Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n',
    );
    drip(slowBody.socket, 'x');

    for (let i = 0; i < 3; i++) {
      const res = await call(running.url);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toStrictEqual(PONG);
    }
    const outcomes = await Promise.all([
      silent.closedWithin(),
      slowHeaders.closedWithin(),
      slowBody.closedWithin(),
    ]);
    expect(outcomes).toStrictEqual([
      { closed: true, status: '408' },
      { closed: true, status: '408' },
      { closed: true, status: '408' },
    ]);
    expect((await call(running.url)).status).toBe(200);
  });

  it('closes a keep-alive connection left idle after its answer', async () => {
    const idle = open(running.url);
    await idle.connected;
    const body = toolCall('health-ping');
    idle.socket.write(
      `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n` +
        `Accept: application/json, text/event-stream\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(await idle.closedWithin()).toStrictEqual({ closed: true, status: '200' });
    expect(idle.received()).toMatch(/Connection: keep-alive/i);
  });

  it('does not cut a call whose answer takes longer than the request timeout', async () => {
    sandbox.faults.add({ path: '/v1/org/tenant/get', latencyMs: LIMITS.requestTimeoutMs + 700 });
    const res = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth },
      body: toolCall('tenant-get'),
    });
    expect(res.status).toBe(200);
    const { result } = JSON.parse(res.text) as { result: { isError?: boolean; structuredContent: unknown } };
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ type: 'Organization' });
  });
});

describe('serve() connection cap', () => {
  it('closes connections over maxConnections at once, and accepts again when one ends', async () => {
    const running = await serve(options({ maxConnections: 2, headersTimeoutMs: 10_000 }));
    try {
      const connections = async (n: number) => {
        const count = () => new Promise<number>((done) => running.server.getConnections((_, c) => done(c)));
        while ((await count()) !== n) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      const held = [open(running.url), open(running.url)];
      await connections(2);
      const refused = open(running.url);
      expect(await refused.closedWithin(2000)).toStrictEqual({ closed: true, status: undefined });
      held[0]!.socket.destroy();
      await connections(1);
      expect((await call(running.url)).status).toBe(200);
      held[1]!.socket.destroy();
    } finally {
      await running.close();
    }
  });
});

describe('serve() limit options', () => {
  it('applies safe defaults', async () => {
    const running = await serve(options());
    try {
      const { headersTimeout, requestTimeout, keepAliveTimeout, maxConnections } = running.server;
      expect({ headersTimeout, requestTimeout, keepAliveTimeout, maxConnections }).toStrictEqual({
        headersTimeout: DEFAULT_LIMITS.headersTimeoutMs,
        requestTimeout: DEFAULT_LIMITS.requestTimeoutMs,
        keepAliveTimeout: DEFAULT_LIMITS.keepAliveTimeoutMs,
        maxConnections: DEFAULT_LIMITS.maxConnections,
      });
      expect(DEFAULT_LIMITS).toStrictEqual({
        headersTimeoutMs: 15_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 1024,
      });
    } finally {
      await running.close();
    }
  });

  it.each([
    [{ headersTimeoutMs: 0 }, /headersTimeoutMs must be a positive integer, not 0/],
    [{ requestTimeoutMs: 1.5 }, /requestTimeoutMs must be a positive integer, not 1.5/],
    [{ keepAliveTimeoutMs: -1 }, /keepAliveTimeoutMs must be a positive integer, not -1/],
    [{ maxConnections: Number.NaN }, /maxConnections must be a positive integer, not NaN/],
    [{ headersTimeoutMs: 5000, requestTimeoutMs: 1000 }, /headersTimeoutMs \(5000\) must not exceed/],
  ])('refuses %o with a ConfigError naming it', async (limits, message) => {
    const attempt = serve(options(limits));
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(message);
  });
});
