import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createFetchHandler, toNextRoute, type FetchHandler } from '../src/index.js';
import { post, rpc, serverKey, TOKEN } from './helpers.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.close());

const auth = { authorization: `Bearer ${TOKEN}` };
type Listed = { result: { tools: { name: string; annotations: { readOnlyHint: boolean } }[] } };
type Failed = { error: { code: number; message: string } };

async function list(handler: FetchHandler, headers: Record<string, string> = {}, query = '') {
  const res = await post(handler, rpc('tools/list'), { ...auth, ...headers }, `http://localhost/mcp${query}`);
  return { status: res.status, body: (await res.json()) as Listed & Failed };
}

describe('per-request narrowing', () => {
  it('narrows to the named tools and groups by header or query', async () => {
    const handler = createFetchHandler(serverKey(sandbox));
    const all = await list(handler);
    expect(all.body.result.tools.length).toBeGreaterThan(40);
    const byHeader = await list(handler, { 'x-chilipiper-tools': 'tenant-get, health-ping' });
    expect(byHeader.body.result.tools.map((t) => t.name).sort()).toStrictEqual(['health-ping', 'tenant-get']);
    const byQuery = await list(handler, {}, '?tools=tenant-get');
    expect(byQuery.body.result.tools.map((t) => t.name)).toStrictEqual(['tenant-get']);
  });

  it('narrows to read-only tools, and a hidden tool cannot be called', async () => {
    const handler = createFetchHandler(serverKey(sandbox));
    for (const narrowed of [
      await list(handler, { 'x-chilipiper-read-only': 'true' }),
      await list(handler, {}, '?readOnly=true'),
    ]) {
      expect(narrowed.body.result.tools.length).toBeGreaterThan(5);
      expect(narrowed.body.result.tools.every((t) => t.annotations.readOnlyHint)).toBe(true);
    }
    const before = sandbox.requests.length;
    const res = await post(
      handler,
      rpc('tools/call', { name: 'meeting-cancel', arguments: { meetingId: 'x' } }),
      { ...auth, 'x-chilipiper-read-only': 'true' },
    );
    const body = (await res.json()) as { result: { isError: boolean; content: { text: string }[] } };
    expect(body.result.isError).toBe(true);
    expect(body.result.content[0]?.text).toMatch(/not enabled/);
    expect(sandbox.requests.length).toBe(before);
  });

  it('never widens the deployment: outside names add nothing, and matching nothing is a 400', async () => {
    const handler = createFetchHandler(serverKey(sandbox, { include: ['tenant-get', 'health-ping'] }));
    const mixed = await list(handler, { 'x-chilipiper-tools': 'tenant-get,meeting-cancel,meetings' });
    expect(mixed.body.result.tools.map((t) => t.name)).toStrictEqual(['tenant-get']);
    const outside = await list(handler, { 'x-chilipiper-tools': 'meeting-cancel' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/matches no tool/);
    const both = await list(handler, { 'x-chilipiper-tools': 'tenant-get' }, '?tools=health-ping');
    expect(both.status).toBe(400);
  });

  it('answers 400 with a clear message for unknown names and bad flags', async () => {
    const handler = createFetchHandler(serverKey(sandbox));
    const unknown = await list(handler, { 'x-chilipiper-tools': 'tenant-get,no-such-tool' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"no-such-tool"');
    expect((await list(handler, {}, '?readOnly=maybe')).status).toBe(400);
  });
});

describe('configuration errors at creation time', () => {
  const upstream = { url: 'http://127.0.0.1:9', apiKey: 'k' };
  it('requires credentials', () => {
    expect(() => createFetchHandler({} as never)).toThrow(ConfigError);
    expect(() => createFetchHandler({} as never)).toThrow(/credentials.*required/);
  });
  it('refuses a server-key deployment nobody can authenticate to, and short tokens', () => {
    const creds = { mode: 'server-key', apiKey: 'k' } as const;
    expect(() => createFetchHandler({ credentials: creds })).toThrow(/tokens or credentials.verifyToken/);
    expect(() => createFetchHandler({ credentials: { ...creds, tokens: ['short'] } })).toThrow(
      /16 characters/,
    );
    expect(() =>
      createFetchHandler({ credentials: { mode: 'server-key', apiKey: '', tokens: [TOKEN] } }),
    ).toThrow(/apiKey/);
  });
  it('names a wrong mode without echoing the key', () => {
    const credentials = { mode: 'server', apiKey: 'live_secret_key_123456' } as never;
    expect(() => createFetchHandler({ credentials })).toThrow(/credentials.mode must be/);
    expect(() => createFetchHandler({ credentials })).not.toThrow(/live_secret/);
  });
  it('allows allowUnauthenticated on loopback hosts only', () => {
    const creds = { mode: 'server-key', apiKey: 'k', allowUnauthenticated: true } as const;
    expect(() => createFetchHandler({ credentials: creds })).not.toThrow();
    expect(() =>
      createFetchHandler({ credentials: creds, allowedHosts: ['localhost', '[::1]:3000'] }),
    ).not.toThrow();
    for (const hosts of [['0.0.0.0'], ['localhost', 'mcp.example.com'], ['*'], ['.localhost']]) {
      expect(() => createFetchHandler({ credentials: creds, allowedHosts: hosts })).toThrow(/loopback/);
    }
  });
  it('rejects a bad tool filter and bad limits', () => {
    expect(() => createFetchHandler(serverKey(upstream, { include: ['nope'] }))).toThrow(/unknown tool/);
    expect(() => createFetchHandler(serverKey(upstream, { maxBodyBytes: 0 }))).toThrow(/maxBodyBytes/);
    expect(() => createFetchHandler(serverKey(upstream, { path: 'mcp' }))).toThrow(/path/);
  });
});

describe('unauthenticated local demo and Next.js route', () => {
  it('serves without a token when allowUnauthenticated, as Next.js route handlers at app/mcp/route.ts', async () => {
    const handler = createFetchHandler({
      baseUrl: sandbox.url,
      credentials: { mode: 'server-key', apiKey: sandbox.apiKey, allowUnauthenticated: true },
    });
    const { POST, GET } = toNextRoute(handler);
    const res = await post(
      POST,
      rpc('tools/call', { name: 'tenant-get', arguments: {} }),
      {},
      'http://localhost:3000/mcp',
    );
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { result: { structuredContent: { type: string } } }).result.structuredContent
        .type,
    ).toBe('Organization');
    expect((await GET(new Request('http://localhost:3000/mcp/'))).status).toBe(405);
    expect((await post(POST, rpc('tools/list'), {}, 'http://localhost:3000/api/other')).status).toBe(404);
  });
});
