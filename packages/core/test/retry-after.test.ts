import { afterEach, describe, expect, it } from 'vitest';
import { toRequest } from '../src/index.js';
import { parseRetryAfter, send } from '../src/send.js';
import { json, startStub } from './helpers/stub-server.js';
import { readTool } from './helpers/tools.js';

const KEY = 'retry_key_0123456789abcdef_secret';
let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-05T10:00:00Z');

  it.each([
    ['0', 0],
    ['3', 3],
    [' 7 ', 7],
    ['86400', 86_400],
    ['Mon, 05 Jan 2026 10:00:30 GMT', 30],
  ])('%j is %i seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it.each([
    '-1',
    '-30',
    '1.5',
    '1e3',
    '0x10',
    'Infinity',
    ' ',
    'soon',
    '99999999999',
    '86401',
    'Mon, 05 Jan 2026 09:59:00 GMT',
    'Tue, 05 Jan 2100 10:00:00 GMT',
    '2026-01-05T10:00:30Z',
    '-1 GMT',
  ])('%j is not taken at its word', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it.each(['-1', '-3600', '1e12', 'garbage', '99999999999'])(
    'a 503 with Retry-After %j waits the normal backoff, inside the budget',
    async (value) => {
      const waits: number[] = [];
      stub = await startStub((_req, res, n) =>
        n < 3 ? json(res, 503, {}, { 'retry-after': value }) : json(res, 200, { ok: true }),
      );
      const res = await send(
        readTool,
        toRequest(readTool, { thingId: 't' }),
        { apiKey: KEY },
        {
          baseUrl: stub.url,
          retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 10_000 },
          sleep: async (ms) => void waits.push(ms),
        },
      );
      expect(res.data).toStrictEqual({ ok: true });
      expect(waits).toHaveLength(2);
      expect(waits[0]).toBeGreaterThanOrEqual(50);
      expect(waits[0]).toBeLessThanOrEqual(100);
      expect(waits[1]).toBeGreaterThanOrEqual(100);
      expect(waits[1]).toBeLessThanOrEqual(200);
    },
  );

  it('a 429 with a malformed Retry-After does not tell the model how long to wait', async () => {
    stub = await startStub((_req, res) => json(res, 429, {}, { 'retry-after': '-5' }));
    const e = (await send(
      readTool,
      toRequest(readTool, { thingId: 't' }),
      { apiKey: KEY },
      {
        baseUrl: stub.url,
        retry: { maxAttempts: 1 },
      },
    ).catch((error: unknown) => error)) as Error;
    expect(e.message).toBe(
      'Chili Piper is rate limiting requests (429). Wait a little before calling again.',
    );
  });
});
