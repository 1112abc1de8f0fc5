import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ConfigError } from '@chilipiper-mcp/core';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { CLI, ROOT, cleanEnv, runCli, tempDir } from './helpers.js';

interface Result {
  isError?: boolean;
  content: { type: string; text: string }[];
}

/** The built bin over the SDK's stdio client, as an MCP client runs it. */
async function connect(env: Record<string, string>, args: string[]) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, ...args],
    env: cleanEnv(await tempDir(), env),
    cwd: ROOT,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'stdio-code-mode', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe('stdio in code mode', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
  });
  afterAll(() => sandbox?.close());

  it.each([
    ['--code-mode', { CHILI_PIPER_READ_ONLY: 'true' }, ['--code-mode']],
    ['CHILI_PIPER_CODE_MODE=true', { CHILI_PIPER_READ_ONLY: 'true', CHILI_PIPER_CODE_MODE: 'true' }, []],
  ])('lists search and execute and runs a script (%s)', async (_how, env, args) => {
    const { client, stderr } = await connect(
      { CHILI_PIPER_API_KEY: sandbox.apiKey, CHILI_PIPER_BASE_URL: sandbox.url, ...env },
      args,
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toStrictEqual(['search', 'execute']);
      const before = sandbox.requests.length;
      const code =
        "const t = await cp.tenantGet();\nconsole.log('write methods', 'meetingCancel' in cp);\nreturn t.tenantData.subdomain;";
      const result = (await client.callTool({ name: 'execute', arguments: { code } })) as Result;
      expect(result).toStrictEqual({
        content: [{ type: 'text', text: '"acme"\n--- console ---\nwrite methods false' }],
      });
      expect(sandbox.requests.slice(before).map((r) => r.operation)).toStrictEqual(['tenant-get']);
      expect(stderr()).toMatch(/serving \d+ tools in code mode \(search, execute\) over stdio \(read-only\)/);
    } finally {
      await client.close();
    }
  });

  it('refuses a bad CHILI_PIPER_CODE_MODE, naming the variable and the flag', async () => {
    expect(() => resolveConfig({ CHILI_PIPER_CODE_MODE: 'maybe' })).toThrow(
      new ConfigError(
        '--code-mode / CHILI_PIPER_CODE_MODE: expected true or false, got "maybe".',
        'CHILI_PIPER_CODE_MODE',
      ),
    );
    expect(resolveConfig({}, { 'code-mode': true }).codeMode).toBe(true);
    expect(resolveConfig({ CHILI_PIPER_CODE_MODE: 'true' }, { 'code-mode': false }).codeMode).toBe(false);
    const run = await runCli(['tools', '--code-mode'], cleanEnv(await tempDir()));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--code-mode/);
  });
});
