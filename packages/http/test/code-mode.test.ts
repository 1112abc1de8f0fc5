import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveCliConfig } from '../src/cli-config.js';
import { serve, type RunningServer } from '../src/index.js';
import { connectClient } from './helpers.js';

interface Result {
  isError?: boolean;
  content: { type: string; text: string }[];
}

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const SCRIPT = `
  const [tenant, page] = await Promise.all([
    cp.tenantGet(),
    cp.userFind({ query: 'a', pagination: { pageSize: 2 } }),
  ]);
  return { subdomain: tenant.tenantData.subdomain, users: page.results.length };`;

describe('code mode over HTTP', () => {
  let sandbox: Sandbox;
  let running: RunningServer;
  beforeAll(async () => {
    sandbox = await createSandbox();
    running = await serve({
      port: 0,
      credentials: { mode: 'caller-key' },
      baseUrl: sandbox.url,
      codeMode: true,
    });
  });
  afterAll(async () => {
    await running?.close();
    await sandbox?.close();
  });

  it('serve() with codeMode: search and execute with the caller key, through the fetch handler', async () => {
    const key = sandbox.createKey({ tenant: 'globex', label: 'code-mode-caller' });
    const client = await connectClient(running.url, key);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toStrictEqual(['search', 'execute']);
      const search = (await client.callTool({ name: 'search', arguments: { query: 'tenant' } })) as Result;
      expect(search.content[0]!.text).toContain('function tenantGet(');
      const before = sandbox.requests.length;
      const result = (await client.callTool({ name: 'execute', arguments: { code: SCRIPT } })) as Result;
      expect(result).toStrictEqual({ content: [{ type: 'text', text: '{"subdomain":"globex","users":2}' }] });
      const sent = sandbox.requests.slice(before);
      expect(sent.map((r) => [r.operation, r.keyId]).sort()).toStrictEqual([
        ['tenant-get', 'code-mode-caller'],
        ['user-find', 'code-mode-caller'],
      ]);
    } finally {
      await client.close();
    }
  });

  it('the CLI takes --code-mode (and CHILI_PIPER_CODE_MODE) and says so', async () => {
    expect(resolveCliConfig(['--code-mode'], {}).options.codeMode).toBe(true);
    expect(resolveCliConfig([], { CHILI_PIPER_CODE_MODE: 'true' }).options.codeMode).toBe(true);
    expect(resolveCliConfig([], {}).options.codeMode).toBe(false);
    expect(() => resolveCliConfig([], { CHILI_PIPER_CODE_MODE: 'sure' })).toThrow(
      'CHILI_PIPER_CODE_MODE: expected true or false, got "sure".',
    );

    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('CHILI_PIPER_') && !k.startsWith('MCP_')),
    );
    const child = spawn(process.execPath, [CLI, '--code-mode', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start: ${stderr}`)), 15_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /MCP endpoint: (\S+) \(.*, code mode\)/.exec(stderr)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    const client = await connectClient(url);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toStrictEqual(['search', 'execute']);
      const result = (await client.callTool({ name: 'execute', arguments: { code: SCRIPT } })) as Result;
      expect(result).toStrictEqual({ content: [{ type: 'text', text: '{"subdomain":"acme","users":2}' }] });
    } finally {
      await client.close();
    }
  });
});
