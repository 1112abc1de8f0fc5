import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EdgeError, toRequest } from '../src/index.js';
import { send } from '../src/send.js';
import { createNodeFetch } from '../src/node.js';
import { rejection } from './helpers/rejection.js';
import { json, startStub } from './helpers/stub-server.js';
import { readTool, writeTool } from './helpers/tools.js';

const KEY = 'redirect_key_0123456789abcdef_secret';
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 50, budgetMs: 5_000 }, sleep: async () => undefined };
const stubs: Awaited<ReturnType<typeof startStub>>[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});
async function stub(...args: Parameters<typeof startStub>) {
  const s = await startStub(...args);
  stubs.push(s);
  return s;
}

const failure = (call: Promise<unknown>) => rejection(call, EdgeError);

const node = createNodeFetch();
afterAll(() => node.close());
const fetches = [
  ['global fetch', undefined],
  ['undici keep-alive fetch', node.fetch],
] as const;

describe.each(fetches)('redirects are never followed (%s)', (_name, fetch) => {
  it('a redirect loop costs one request, not 63', async () => {
    const upstream = await stub((req, res) => json(res, 302, {}, { location: req.url }));
    const e = await failure(
      send(
        readTool,
        toRequest(readTool, { thingId: 't' }),
        { apiKey: KEY },
        { baseUrl: upstream.url, fetch, ...fast },
      ),
    );
    const host = new URL(upstream.url).host;
    expect({ kind: e.kind, message: e.message, details: e.details }).toStrictEqual({
      kind: 'unexpected-response',
      message:
        `The Edge API answered test-read with a redirect (HTTP 302) to host ${host}. Redirects are never ` +
        'followed, so nothing was sent there. Check the base URL (CHILI_PIPER_BASE_URL) and any proxy in between.',
      details: { status: 302, attempts: 1, location: host },
    });
    expect(upstream.seen).toHaveLength(1);
  });

  it.each([300, 301, 302, 303, 307, 308])(
    'a %i to another host sends nothing there, names only its host, and is not retried',
    async (status) => {
      const elsewhere = await stub((_req, res) => json(res, 200, { stolen: true }));
      const target = `${elsewhere.url}/collect?token=${KEY}&next=/x`;
      const upstream = await stub((_req, res) => json(res, status, {}, { location: target }));
      for (const [tool, args] of [
        [readTool, { thingId: 't' }],
        [writeTool, { name: 'secret body' }],
      ] as const) {
        const e = await failure(
          send(tool, toRequest(tool, args), { apiKey: KEY }, { baseUrl: upstream.url, fetch, ...fast }),
        );
        expect(e.kind).toBe('unexpected-response');
        expect(e.details.status).toBe(status);
        expect(e.details.location).toBe(new URL(elsewhere.url).host);
        expect(e.message).toContain(`(HTTP ${status}) to host ${new URL(elsewhere.url).host}.`);
        expect(e.message).not.toMatch(/collect|token|next=/);
        expect(e.message).not.toContain(KEY);
        if (tool === writeTool) expect(e.message).toMatch(/may or may not have been applied/);
      }
      expect(upstream.seen).toHaveLength(2);
      expect(elsewhere.seen).toStrictEqual([]);
    },
  );

  it('a relative Location names the upstream host; none at all is said', async () => {
    const upstream = await stub((_req, res, n) =>
      n === 1 ? json(res, 307, {}, { location: '/login?key=x' }) : json(res, 301, {}),
    );
    const req = toRequest(readTool, { thingId: 't' });
    const opts = { baseUrl: upstream.url, fetch, ...fast };
    expect((await failure(send(readTool, req, { apiKey: KEY }, opts))).details.location).toBe(
      new URL(upstream.url).host,
    );
    const none = await failure(send(readTool, req, { apiKey: KEY }, opts));
    expect(none.message).toContain('(HTTP 301) without a location.');
    expect(none.details).toStrictEqual({ status: 301, attempts: 1 });
  });

  it('a Location whose host is the key does not get the key out', async () => {
    const upstream = await stub((_req, res) =>
      json(res, 302, {}, { location: `http://${KEY.toLowerCase().replace(/_/g, '-')}.example.test/` }),
    );
    const e = await failure(
      send(
        readTool,
        toRequest(readTool, { thingId: 't' }),
        { apiKey: KEY.replace(/_/g, '-') },
        {
          baseUrl: upstream.url,
          fetch,
          ...fast,
        },
      ),
    );
    expect(JSON.stringify({ m: e.message, d: e.details }).toLowerCase()).not.toContain(
      KEY.toLowerCase().replace(/_/g, '-'),
    );
    expect(e.details.location).toBe('[redacted].example.test');
  });
});

describe('a fetch that follows redirects anyway', () => {
  it('is caught: the answer from elsewhere is not used', async () => {
    const elsewhere = await stub((_req, res) => json(res, 200, { from: 'elsewhere' }));
    const following = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await globalThis.fetch(`${elsewhere.url}/v1/x`, { ...init, redirect: 'follow' });
      Object.defineProperty(res, 'redirected', { value: true });
      void input;
      return res;
    }) as typeof globalThis.fetch;
    const e = await failure(
      send(
        readTool,
        toRequest(readTool, { thingId: 't' }),
        { apiKey: KEY },
        { baseUrl: 'http://127.0.0.1:9/api', fetch: following },
      ),
    );
    expect(e.kind).toBe('unexpected-response');
    expect(e.message).toContain(`through a redirect to host ${new URL(elsewhere.url).host}`);
  });
});
