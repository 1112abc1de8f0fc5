import { Agent } from 'node:http';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, serve, type RunningServer } from '../src/index.js';
import { MCP_HEADERS, rawRequest, TOKEN, toolCall } from './helpers.js';

let sandbox: Sandbox;
let running: RunningServer;
const auth = { authorization: `Bearer ${TOKEN}` };
beforeAll(async () => {
  sandbox = await createSandbox();
  running = await serve({
    port: 0,
    baseUrl: sandbox.url,
    maxBodyBytes: 4096,
    credentials: { mode: 'server-key', apiKey: sandbox.apiKey, tokens: [TOKEN] },
  });
});
afterAll(async () => {
  await running?.close();
  await sandbox?.close();
});

describe('serve() over real HTTP', () => {
  it('listens on 127.0.0.1 with an ephemeral port and answers a call', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const res = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth },
      body: toolCall('tenant-get'),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Organization');
  });

  it('refuses a rebinding Host and a foreign Origin with 403', async () => {
    const host = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth, host: 'attacker.example' },
      body: toolCall('tenant-get'),
    });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.text)).toMatchObject({ error: { message: expect.stringMatching(/Host/) } });
    const origin = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth, origin: 'https://attacker.example' },
      body: toolCall('tenant-get'),
    });
    expect(origin.status).toBe(403);
    expect(origin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 413 for a declared and for a chunked oversized body, and stays up', async () => {
    const big = 'x'.repeat(5000);
    const declared = await rawRequest(running.url, { headers: { ...MCP_HEADERS, ...auth }, body: big });
    expect(declared.status).toBe(413);
    const chunked = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth, 'transfer-encoding': 'chunked' },
      body: Array.from({ length: 20 }, () => Buffer.from('y'.repeat(1000))),
    });
    expect(chunked.status).toBe(413);
    const after = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth },
      body: toolCall('health-ping'),
    });
    expect(after.status).toBe(200);
  });

  it('closes a keep-alive connection whose body was left unread, and keeps it otherwise', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const unread = await rawRequest(running.url, {
        agent,
        headers: { ...MCP_HEADERS, 'transfer-encoding': 'chunked' },
        body: Array.from({ length: 3 }, () => Buffer.from('z'.repeat(1000))),
      });
      expect(unread.status).toBe(401);
      expect(unread.headers['connection']).toBe('close');
      const read = await rawRequest(running.url, {
        agent,
        headers: { ...MCP_HEADERS, ...auth },
        body: toolCall('health-ping'),
      });
      expect(read.status).toBe(200);
      expect(read.headers['connection']).toBe('keep-alive');
    } finally {
      agent.destroy();
    }
  });

  it('keeps a request target like //other.host/mcp a path (404), never a host', async () => {
    const res = await rawRequest(running.url.replace('/mcp', '//attacker.example/mcp'), {
      headers: { ...MCP_HEADERS },
      body: toolCall('tenant-get'),
    });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('attacker');
  });

  it('answers malformed params -32602 with the id and an unparsable body -32700', async () => {
    const params = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth },
      body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 5 } }),
    });
    expect({ status: params.status, body: JSON.parse(params.text) as unknown }).toStrictEqual({
      status: 200,
      body: {
        jsonrpc: '2.0',
        id: 3,
        error: {
          code: -32602,
          message: 'Invalid params for tools/call: params.name: expected string, received number.',
        },
      },
    });
    const garbled = await rawRequest(running.url, {
      headers: { ...MCP_HEADERS, ...auth },
      body: '{"jsonrpc":',
    });
    expect({ status: garbled.status, body: JSON.parse(garbled.text) as unknown }).toStrictEqual({
      status: 400,
      body: {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32700, message: 'Parse error: the body is not valid JSON.' },
      },
    });
  });

  it('answers GET on the MCP path with 405', async () => {
    const res = await rawRequest(running.url, { method: 'GET', headers: auth });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST, OPTIONS');
  });

  it('refuses allowUnauthenticated on a non-loopback interface', async () => {
    const credentials = { mode: 'server-key', apiKey: 'k', allowUnauthenticated: true } as const;
    await expect(serve({ port: 0, host: '0.0.0.0', credentials })).rejects.toThrow(ConfigError);
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight call finish, then refuses new connections', async () => {
    const server = await serve({
      port: 0,
      baseUrl: sandbox.url,
      credentials: { mode: 'server-key', apiKey: sandbox.apiKey, tokens: [TOKEN] },
    });
    sandbox.faults.add({ path: '/v1/org/tenant/get', latencyMs: 1200 });
    const started = Date.now();
    const call = rawRequest(server.url, {
      headers: { ...MCP_HEADERS, ...auth },
      body: toolCall('tenant-get'),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.close();
    const res = await call;
    expect(res.status).toBe(200);
    expect(res.text).toContain('Organization');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1100);
    await expect(
      rawRequest(server.url, { headers: MCP_HEADERS, body: toolCall('tenant-get') }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it('cuts a call that outlives shutdownTimeoutMs', async () => {
    const server = await serve({
      port: 0,
      baseUrl: sandbox.url,
      shutdownTimeoutMs: 200,
      credentials: { mode: 'server-key', apiKey: sandbox.apiKey, tokens: [TOKEN] },
    });
    sandbox.faults.add({ path: '/v1/org/tenant/get', latencyMs: 3000 });
    const call = rawRequest(server.url, {
      headers: { ...MCP_HEADERS, ...auth },
      body: toolCall('tenant-get'),
    });
    call.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(call).rejects.toThrow();
  });
});
