// End to end: `next build`, then `next start` on a loopback port with the sandbox URL passed in the
// environment at start time, then the SDK client over Streamable HTTP against app/mcp/route.ts.
import { catalog, selectTools } from '@chilipiper-mcp/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The tools a server lists by default (opt-in tools left out). */
const DEFAULT_TOOLS = selectTools(catalog).length;

const dir = fileURLToPath(new URL('..', import.meta.url));
const nextBin = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));
// Turbopack (the Next 16 default) builds this app offline; set NEXT_BUILD_FLAGS=--webpack to compare.
const buildFlags = (process.env['NEXT_BUILD_FLAGS'] ?? '').split(' ').filter(Boolean);
const ORIGIN = 'https://app.example.com';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: Record<string, string>, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`next ${args.join(' ')} timed out after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`next ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

const baseEnv = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

describe('examples/nextjs', () => {
  let sandbox: Sandbox;
  let server: ChildProcess | undefined;
  let url = '';
  let output = '';

  beforeAll(async () => {
    // Build without any Chili Piper settings in the environment: nothing may be baked in at build time.
    await run(
      ['build', ...buildFlags],
      { ...baseEnv, CHILI_PIPER_BASE_URL: '', CHILI_PIPER_API_KEY: '' },
      180_000,
    );
    sandbox = await createSandbox();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
      cwd: dir,
      env: {
        ...process.env,
        ...baseEnv,
        CHILI_PIPER_BASE_URL: sandbox.url,
        CHILI_PIPER_API_KEY: '',
        MCP_CREDENTIALS_MODE: 'caller-key',
        MCP_HTTP_ALLOWED_ORIGINS: ORIGIN,
      },
    });
    server.stdout?.on('data', (d: Buffer) => (output += d));
    server.stderr?.on('data', (d: Buffer) => (output += d));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`next start exited:\n${output}`);
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`next start did not answer in 30 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 240_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      setTimeout(() => server?.kill('SIGKILL'), 3_000).unref();
      await exited;
    }
    await sandbox?.close();
  });

  it('the page explains how to connect', async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain(`${url}/mcp`);
    expect(html).toContain('Authorization: Bearer');
    expect(html).toContain('caller-key');
  });

  it('serves the tools to the SDK client with the caller key forwarded upstream', async () => {
    const callerKey = sandbox.createKey({ tenant: 'globex', label: 'nextjs-caller' });
    const client = new Client({ name: 'nextjs-e2e', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
        requestInit: { headers: { Authorization: `Bearer ${callerKey}` } },
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(DEFAULT_TOOLS);
      const before = sandbox.requests.length;
      const result = await client.callTool({ name: 'tenant-get', arguments: {} });
      expect(result.isError ?? false).toBe(false);
      expect(result.structuredContent).toMatchObject({ tenantData: { subdomain: 'globex' } });
      const upstream = sandbox.requests.slice(before);
      expect(upstream).toHaveLength(1);
      expect(upstream[0]).toMatchObject({ operation: 'tenant-get', keyId: 'nextjs-caller', status: 200 });
    } finally {
      await client.close();
    }
  });

  it('GET and DELETE answer 405, a POST without a key 401', async () => {
    expect((await fetch(`${url}/mcp`)).status).toBe(405);
    expect((await fetch(`${url}/mcp`, { method: 'DELETE' })).status).toBe(405);
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    };
    expect((await fetch(`${url}/mcp`, init)).status).toBe(401);
  });

  it('answers the CORS preflight of an allowed origin', async () => {
    const res = await fetch(`${url}/mcp`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, mcp-protocol-version',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});
