import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHandler } from '../src/index.js';
import { connectClient, MCP_HEADERS, TOKEN, toolCall } from './helpers.js';

let sandbox: Sandbox;
const servers: Server[] = [];
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  await sandbox.close();
});

async function listen(app: express.Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const handler = () =>
  createNodeHandler({
    baseUrl: sandbox.url,
    credentials: { mode: 'server-key', apiKey: sandbox.apiKey, tokens: [TOKEN] },
  });

describe('Express 5', () => {
  it('serves MCP as a route after express.json() consumed the body, next to other routes', async () => {
    const app = express();
    app.use(express.json());
    app.get('/hello', (_req, res) => void res.json({ hello: 'world' }));
    app.post('/mcp', handler());
    const base = await listen(app);
    const client = await connectClient(`${base}/mcp`, TOKEN);
    const result = (await client.callTool({ name: 'tenant-get', arguments: {} })) as unknown as {
      structuredContent: { type: string };
    };
    expect(result.structuredContent.type).toBe('Organization');
    await client.close();
    expect(await (await fetch(`${base}/hello`)).json()).toStrictEqual({ hello: 'world' });
    const unauth = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: MCP_HEADERS,
      body: toolCall('tenant-get'),
    });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('www-authenticate')).toContain('resource_metadata=');
  });

  it('works as app.use() middleware (also mounted at /mcp): serves its paths, passes others on', async () => {
    const app = express();
    app.use(handler());
    app.get('/hello', (_req, res) => void res.json({ hello: 'world' }));
    app.use((_req, res) => void res.status(418).send('fallthrough'));
    const base = await listen(app);
    const client = await connectClient(`${base}/mcp`, TOKEN);
    expect((await client.listTools()).tools.length).toBeGreaterThan(40);
    await client.close();
    expect(await (await fetch(`${base}/hello`)).json()).toStrictEqual({ hello: 'world' });
    expect((await fetch(`${base}/other`)).status).toBe(418);
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('{"status":"ok"}');
    const mounted = express();
    mounted.use('/mcp', handler());
    const mountedBase = await listen(mounted);
    const viaMount = await connectClient(`${mountedBase}/mcp`, TOKEN);
    expect((await viaMount.listTools()).tools.length).toBeGreaterThan(40);
    await viaMount.close();
    const meta = await fetch(`${base}/.well-known/oauth-protected-resource/mcp`);
    expect(((await meta.json()) as { resource: string }).resource).toBe(`${base}/mcp`);
  });
});
