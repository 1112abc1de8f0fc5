import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchHandler, type FetchHandler } from '../src/index.js';
import { initialize, MCP_HEADERS, post, rpc, serverKey, TOKEN } from './helpers.js';

let sandbox: Sandbox;
let handler: FetchHandler;
const auth = { authorization: `Bearer ${TOKEN}` };
beforeAll(async () => {
  sandbox = await createSandbox();
  handler = createFetchHandler(serverKey(sandbox));
});
afterAll(() => sandbox.close());

const request = (method: string, url: string, headers: Record<string, string> = {}) =>
  handler(new Request(url, { method, headers }));

describe('server-key authentication', () => {
  it('answers 401 with a resource_metadata challenge when no token is sent', async () => {
    const res = await post(handler, initialize);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="http://localhost/.well-known/oauth-protected-resource/mcp"',
    );
    expect(await res.json()).toStrictEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Unauthorized' },
    });
  });

  it('answers 401 invalid_token for a wrong token, and 200 for the right one', async () => {
    const wrong = await post(handler, initialize, { authorization: `Bearer ${TOKEN.replace('0', '1')}` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(
      /^Bearer error="invalid_token", resource_metadata="/,
    );
    const right = await post(handler, initialize, auth);
    expect(right.status).toBe(200);
    expect(
      ((await right.json()) as { result: { serverInfo: { name: string } } }).result.serverInfo.name,
    ).toBe('chilipiper-mcp');
  });

  it('accepts tokens through verifyToken and rejects what it rejects', async () => {
    const seen: string[] = [];
    const oauth = createFetchHandler({
      baseUrl: sandbox.url,
      credentials: {
        mode: 'server-key',
        apiKey: sandbox.apiKey,
        verifyToken: async (token) => (
          seen.push(token),
          token === 'good-oauth' ? { subject: 'u1' } : undefined
        ),
        authorizationServers: ['https://auth.example.com'],
      },
    });
    expect((await post(oauth, initialize, { authorization: 'Bearer good-oauth' })).status).toBe(200);
    expect((await post(oauth, initialize, { authorization: 'Bearer bad-oauth' })).status).toBe(401);
    expect(seen).toStrictEqual(['good-oauth', 'bad-oauth']);
    const meta = await oauth(new Request('http://localhost/.well-known/oauth-protected-resource/mcp'));
    expect(await meta.json()).toMatchObject({
      resource: 'http://localhost/mcp',
      authorization_servers: ['https://auth.example.com'],
      bearer_methods_supported: ['header'],
    });
  });

  it('answers 500 without details when verifyToken throws, and reports the error to onError', async () => {
    const errors: unknown[] = [];
    const failing = createFetchHandler({
      credentials: {
        mode: 'server-key',
        apiKey: sandbox.apiKey,
        verifyToken: async () => {
          throw new Error('identity provider down');
        },
      },
      onError: (error) => errors.push(error),
    });
    const res = await post(failing, initialize, { authorization: 'Bearer whatever' });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(
      '{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"Internal error"}}',
    );
    expect(errors).toHaveLength(1);
  });

  it('advertises the configured public resource URL (behind a proxy)', async () => {
    const proxied = createFetchHandler(
      serverKey(sandbox, {
        allowedHosts: ['10.0.0.5'],
        credentials: {
          mode: 'server-key',
          apiKey: 'k',
          tokens: [TOKEN],
          resource: 'https://mcp.example.com/mcp',
        },
      }),
    );
    const res = await post(proxied, initialize, {}, 'http://10.0.0.5:8080/mcp');
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
    );
    const meta = await proxied(new Request('http://10.0.0.5:8080/.well-known/oauth-protected-resource/mcp'));
    expect(((await meta.json()) as { resource: string }).resource).toBe('https://mcp.example.com/mcp');
    const bad = { mode: 'server-key', apiKey: 'k', tokens: [TOKEN], resource: 'not a url' } as const;
    expect(() => createFetchHandler({ credentials: bad })).toThrow(/resource must be a URL/);
  });

  it('serves protected-resource metadata at both well-known paths, without auth', async () => {
    for (const url of [
      'http://localhost:3000/.well-known/oauth-protected-resource',
      'http://localhost:3000/.well-known/oauth-protected-resource/mcp',
    ]) {
      const res = await request('GET', url);
      expect(res.status).toBe(200);
      expect(await res.json()).toStrictEqual({
        resource: 'http://localhost:3000/mcp',
        authorization_servers: [],
        bearer_methods_supported: ['header'],
        resource_name: 'Chili Piper MCP',
      });
    }
  });
});

describe('caller-key authentication', () => {
  const callerKey = () => createFetchHandler({ baseUrl: sandbox.url, credentials: { mode: 'caller-key' } });

  it('answers 401 with the exact JSON-RPC body and a bare Bearer challenge', async () => {
    const res = await post(callerKey(), initialize);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.text()).toBe(
      '{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Unauthorized: this server uses each caller\'s ' +
        'own Chili Piper API key. Send it as \\"Authorization: Bearer <key>\\" (an Edge API access token from ' +
        'Command Center > Integrations > Credentials > API Access Tokens)."}}',
    );
  });

  it("calls upstream with exactly the caller's key and serves no metadata", async () => {
    const key = sandbox.createKey({ label: 'caller-one' });
    const res = await post(callerKey(), rpc('tools/call', { name: 'tenant-get', arguments: {} }), {
      authorization: `Bearer ${key}`,
    });
    expect(res.status).toBe(200);
    expect(sandbox.requests.at(-1)?.keyId).toBe('caller-one');
    const meta = await callerKey()(new Request('http://localhost/.well-known/oauth-protected-resource'));
    expect(meta.status).toBe(404);
  });
});

describe('Host and Origin validation', () => {
  it('refuses a foreign Host with 403 before authentication', async () => {
    const res = await post(handler, initialize, { ...auth, host: 'evil.example:3000' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Host/);
    expect((await post(handler, initialize, auth, 'http://rebind.example/mcp')).status).toBe(403);
  });

  it('refuses a foreign Origin with 403 and allows loopback origins with CORS headers', async () => {
    const evil = await post(handler, initialize, { ...auth, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const local = await post(handler, initialize, { ...auth, origin: 'http://localhost:5173' });
    expect(local.status).toBe(200);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
  });

  it('applies configured hosts and origins to a public deployment', async () => {
    const pub = createFetchHandler(
      serverKey(sandbox, { allowedHosts: ['mcp.example.com'], allowedOrigins: ['https://app.example.com'] }),
    );
    const url = 'https://mcp.example.com/mcp';
    expect((await post(pub, initialize, auth, url)).status).toBe(200);
    expect((await post(pub, initialize, { ...auth, origin: 'https://app.example.com' }, url)).status).toBe(
      200,
    );
    expect((await post(pub, initialize, { ...auth, origin: 'http://localhost:5173' }, url)).status).toBe(403);
    expect((await post(pub, initialize, auth)).status).toBe(403);
  });

  it('matches host entries by name, by name:port and by subdomain suffix', async () => {
    const allowedHosts = ['a.example', 'b.example:8443', '.preview.app'];
    const hosts = createFetchHandler(serverKey(sandbox, { allowedHosts }));
    const status = async (host: string) => (await post(hosts, initialize, { ...auth, host })).status;
    expect(await status('a.example:1234')).toBe(200);
    expect(await status('b.example:8443')).toBe(200);
    expect(await status('b.example:8444')).toBe(403);
    expect(await status('pr-12.preview.app')).toBe(200);
    expect(await status('preview.app.evil.example')).toBe(403);
    expect(await status('a.example@evil.example')).toBe(403);
  });
});

describe('methods, CORS, health', () => {
  it('answers GET and DELETE on the MCP path with 405 and Allow, other paths with 404', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await request(method, 'http://localhost/mcp', auth);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    }
    expect((await request('POST', 'http://localhost/other', auth)).status).toBe(404);
  });

  it('answers a preflight from an allowed origin with 204 and no auth, refuses a foreign one', async () => {
    const res = await request('OPTIONS', 'http://localhost/mcp', {
      origin: 'http://127.0.0.1:8080',
      'access-control-request-method': 'POST',
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(res.headers.get('access-control-allow-methods')).toBe('POST, GET, DELETE, OPTIONS');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of [
      'Authorization',
      'Content-Type',
      'Mcp-Session-Id',
      'Mcp-Protocol-Version',
      'Last-Event-ID',
    ]) {
      expect(allowed).toContain(h);
    }
    expect(allowed).toContain('X-Chilipiper-Tools');
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'Mcp-Session-Id, Mcp-Protocol-Version, WWW-Authenticate',
    );
    expect(
      (await request('OPTIONS', 'http://localhost/mcp', { origin: 'https://evil.example' })).status,
    ).toBe(403);
  });

  it('answers /healthz with {"status":"ok"} only, whatever the Host', async () => {
    const res = await request('GET', 'http://10.0.0.7:3000/healthz');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"status":"ok"}');
  });
});

describe('request bodies', () => {
  it('answers 413 for a declared Content-Length over the limit', async () => {
    const small = createFetchHandler(serverKey(sandbox, { maxBodyBytes: 100 }));
    const res = await post(small, { ...initialize, pad: 'x'.repeat(200) }, auth);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(-32000);
  });

  it('answers 413 for a chunked body that grows past the limit while read', async () => {
    const small = createFetchHandler(serverKey(sandbox, { maxBodyBytes: 1000 }));
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode('x'.repeat(400)));
        if (pulls > 50) controller.close();
      },
    });
    const res = await small(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: { ...MCP_HEADERS, ...auth },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulls).toBeLessThan(10);
  });

  it('answers 400 when the body stream breaks mid-read', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const init = { method: 'POST', headers: { ...MCP_HEADERS, ...auth }, body, duplex: 'half' };
    const res = await handler(new Request('http://localhost/mcp', init as RequestInit));
    expect(res.status).toBe(400);
  });

  it('answers 400 -32700 for malformed JSON and 400 -32600 for JSON that is not JSON-RPC', async () => {
    const bad = await post(handler, '{"jsonrpc":', auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: number } }).error.code).toBe(-32700);
    for (const body of [{ hello: 'world' }, [], 42, { jsonrpc: '1.0', id: 1, method: 'x' }]) {
      const res = await post(handler, body, auth);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: number } }).error.code).toBe(-32600);
    }
  });
});
