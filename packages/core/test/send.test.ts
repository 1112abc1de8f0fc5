import { afterEach, describe, expect, it } from 'vitest';
import { EdgeError, executeTool, toRequest } from '../src/index.js';
import { parseRetryAfter, send } from '../src/send.js';
import { createNodeFetch } from '../src/node.js';
import { rejection } from './helpers/rejection.js';
import { json, startStub, text } from './helpers/stub-server.js';
import { csvTool, readTool, writeTool } from './helpers/tools.js';

const KEY = 'test_key_0123456789abcdef_secret';
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 2_000, budgetMs: 5_000 } };
let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const failure = (call: Promise<unknown>) => rejection(call, EdgeError);

const readReq = toRequest(readTool, { thingId: 't1' });
const writeReq = toRequest(writeTool, { name: 'x' });

describe('send: success', () => {
  it('sends the key as a Bearer header, the path and the query, and parses JSON', async () => {
    stub = await startStub((_req, res) => json(res, 200, { ok: true }));
    const req = toRequest(readTool, { thingId: 'a b', pagination: { page: 2, pageSize: 5 } });
    const res = await send(readTool, req, { apiKey: KEY }, { baseUrl: stub.url });
    expect(res.data).toStrictEqual({ ok: true });
    expect(stub.seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(stub.seen[0]?.url).toBe('/api/fire-edge/v1/org/thing/a%20b?page=2&pageSize=5');
  });

  it('returns text bodies as text', async () => {
    stub = await startStub((_req, res) => text(res, 200, 'a,b\n1,2\n', 'text/csv; charset=utf-8'));
    const res = await send(
      csvTool,
      toRequest(csvTool, { start: 's', end: 'e' }),
      { apiKey: KEY },
      { baseUrl: stub.url },
    );
    expect(res.data).toBe('a,b\n1,2\n');
    expect(stub.seen[0]?.method).toBe('PUT');
    expect(JSON.parse(stub.seen[0]?.body ?? '')).toStrictEqual({ start: 's', end: 'e' });
  });

  it('works over the undici keep-alive client and reuses the connection', async () => {
    stub = await startStub((req, res) => json(res, 200, { port: req.headers['connection'] }));
    const client = createNodeFetch();
    try {
      for (let i = 0; i < 3; i++)
        await send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url, fetch: client.fetch });
      expect(stub.seen).toHaveLength(3);
      expect(stub.seen.every((s) => s.headers.connection !== 'close')).toBe(true);
    } finally {
      await client.close();
    }
  });
});

describe('send: error formats', () => {
  it('400 text/plain "Invalid value for" is quoted back', async () => {
    stub = await startStub((_req, res) => text(res, 400, 'Invalid value for: query parameter pageSize'));
    const e = await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url }));
    expect(e.kind).toBe('bad-request');
    expect(e.message).toContain('Invalid value for: query parameter pageSize');
    expect(stub.seen).toHaveLength(1);
  });

  it('401 says the key was rejected and is not retried', async () => {
    stub = await startStub((_req, res) =>
      json(res, 401, { errorCode: 'Unauthorized', errorMessage: 'bad token' }),
    );
    const e = await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url, ...fast }));
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toMatch(/API key was rejected/);
    expect(stub.seen).toHaveLength(1);
  });

  it('403 names the missing permission from the envelope', async () => {
    stub = await startStub((_req, res) =>
      json(res, 403, {
        errorCode: 'Forbidden',
        errorMessage: 'Missing permission',
        arguments: { permission: 'meeting.read' },
      }),
    );
    const e = await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url }));
    expect(e.kind).toBe('forbidden');
    expect(e.message).toContain('"meeting.read"');
    expect(e.details.permission).toBe('meeting.read');
  });

  it('403 falls back to the permission named in the message, then to the tool data', async () => {
    stub = await startStub((_req, res, n) =>
      n === 1
        ? json(res, 403, { errorCode: 'Forbidden', errorMessage: 'requires rule.modify' })
        : json(res, 403, {}),
    );
    expect(
      (await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url }))).message,
    ).toContain('"rule.modify"');
    expect(
      (await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url }))).message,
    ).toContain('"thing.read"');
  });

  it.each([
    [404, 'not-found', /list or search first/],
    [409, 'conflict', /read tool before deciding/],
    [422, 'unprocessable', /change it rather than retrying/],
  ] as const)('%i maps to %s with advice', async (status, kind, advice) => {
    stub = await startStub((_req, res) => json(res, status, { errorCode: 'X', errorMessage: 'why' }));
    const e = await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url }));
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(advice);
    expect(e.message).toContain('X: why');
    expect(e.details.errorCode).toBe('X');
  });

  it('an HTML 500 page does not leak into the message as markup soup but keeps the status', async () => {
    stub = await startStub((_req, res) => text(res, 500, '<html><body>Oops</body></html>', 'text/html'));
    const e = await failure(send(writeTool, writeReq, { apiKey: KEY }, { baseUrl: stub.url }));
    expect(e.kind).toBe('server-error');
    expect(e.message).toMatch(/may or may not have been applied/);
  });

  it('malformed JSON on success is an unexpected-response error', async () => {
    stub = await startStub((_req, res) => text(res, 200, '{"a":', 'application/json'));
    expect((await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url }))).kind).toBe(
      'unexpected-response',
    );
  });

  it('never puts the key in an error, even when the upstream echoes it', async () => {
    stub = await startStub((req, res) =>
      json(res, 404, { errorCode: 'NotFound', errorMessage: `no ${req.headers.authorization}` }),
    );
    const result = await executeTool(readTool, { thingId: 'x' }, { apiKey: KEY, baseUrl: stub.url });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(JSON.stringify(result)).toContain('[redacted]');
  });
});

describe('send: retries', () => {
  it('retries an idempotent call on 503 and succeeds', async () => {
    stub = await startStub((_req, res, n) => (n < 3 ? json(res, 503, {}) : json(res, 200, { n })));
    const res = await send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url, ...fast });
    expect(res.data).toStrictEqual({ n: 3 });
    expect(res.attempts).toBe(3);
  });

  it('honours Retry-After (seconds) on 429', async () => {
    const waits: number[] = [];
    stub = await startStub((_req, res, n) =>
      n === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, {}),
    );
    await send(
      readTool,
      readReq,
      { apiKey: KEY },
      { baseUrl: stub.url, ...fast, sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toStrictEqual([1000]);
  });

  it('gives up when Retry-After is longer than it may wait, and says how long to wait', async () => {
    stub = await startStub((_req, res) => json(res, 429, {}, { 'retry-after': '120' }));
    const e = await failure(send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url, ...fast }));
    expect(e.kind).toBe('rate-limited');
    expect(e.message).toContain('Wait 120 s');
    expect(stub.seen).toHaveLength(1);
  });

  it('backs off exponentially with jitter between attempts', async () => {
    const waits: number[] = [];
    stub = await startStub((_req, res) => json(res, 502, {}));
    const opts = { retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000, budgetMs: 60_000 } };
    await failure(
      send(
        readTool,
        readReq,
        { apiKey: KEY },
        { baseUrl: stub.url, ...opts, sleep: async (ms) => void waits.push(ms) },
      ),
    );
    expect(stub.seen).toHaveLength(4);
    expect(waits).toHaveLength(3);
    waits.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual(50 * 2 ** i);
      expect(w).toBeLessThanOrEqual(100 * 2 ** i);
    });
  });

  it('never sends a non-idempotent write twice, whatever the status', async () => {
    for (const status of [429, 502, 503, 504]) {
      stub = await startStub((_req, res) => json(res, status, {}, { 'retry-after': '0' }));
      await failure(send(writeTool, writeReq, { apiKey: KEY }, { baseUrl: stub.url, ...fast }));
      expect(stub.seen).toHaveLength(1);
      await stub.close();
    }
    stub = undefined;
  });

  it('retries a network error for reads but not for writes', async () => {
    stub = await startStub((_req, res, n) =>
      n === 1 ? void res.socket?.destroy() : json(res, 200, { ok: 1 }),
    );
    expect(
      (await send(readTool, readReq, { apiKey: KEY }, { baseUrl: stub.url, ...fast })).data,
    ).toStrictEqual({ ok: 1 });
    await stub.close();
    stub = await startStub((_req, res) => void res.socket?.destroy());
    const e = await failure(send(writeTool, writeReq, { apiKey: KEY }, { baseUrl: stub.url, ...fast }));
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/may or may not have been applied/);
    expect(e.message).toMatch(/ECONNRESET|socket|closed/i);
    expect(stub.seen).toHaveLength(1);
  });

  it('stays inside the total time budget', async () => {
    stub = await startStub((_req, res) => json(res, 503, {}));
    const t0 = Date.now();
    await failure(
      send(
        readTool,
        readReq,
        { apiKey: KEY },
        { baseUrl: stub.url, retry: { maxAttempts: 50, baseDelayMs: 100, maxDelayMs: 200, budgetMs: 600 } },
      ),
    );
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(stub.seen.length).toBeGreaterThan(1);
    expect(stub.seen.length).toBeLessThan(50);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(new Date(Date.now() + 5_000).toUTCString())).toBeGreaterThanOrEqual(4);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('send: timeouts and abort', () => {
  it('stops waiting between retries when the caller aborts', async () => {
    stub = await startStub((_req, res) => json(res, 503, {}));
    const controller = new AbortController();
    const opts = { retry: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000, budgetMs: 20_000 } };
    setTimeout(() => controller.abort(), 200);
    const t0 = Date.now();
    const e = await failure(
      send(readTool, readReq, { apiKey: KEY, signal: controller.signal }, { baseUrl: stub.url, ...opts }),
    );
    expect(e.kind).toBe('aborted');
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(stub.seen).toHaveLength(1);
  });

  it('times out a slow answer', async () => {
    stub = await startStub((_req, res) => void setTimeout(() => json(res, 200, {}), 2_000));
    const e = await failure(
      send(writeTool, writeReq, { apiKey: KEY }, { baseUrl: stub.url, timeoutMs: 150 }),
    );
    expect(e.kind).toBe('timeout');
    expect(stub.seen).toHaveLength(1);
  });

  it('stops when the caller aborts, without retrying', async () => {
    stub = await startStub((_req, res) => void setTimeout(() => json(res, 200, {}), 2_000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const e = await failure(
      send(readTool, readReq, { apiKey: KEY, signal: controller.signal }, { baseUrl: stub.url, ...fast }),
    );
    expect(e.kind).toBe('aborted');
    expect(stub.seen).toHaveLength(1);
  });
});
