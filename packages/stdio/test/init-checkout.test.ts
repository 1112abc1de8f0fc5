import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { catalog, selectTools } from '@chilipiper-mcp/core';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { checkoutCli } from '../src/init/index.js';
import { CLI, cleanEnv, runCli, tempDir } from './helpers.js';

/** A fake checkout or install: `<root>/<rel>/dist/cli.js` with the package.json of `name`. */
async function layout(rel: string, { name = '@chilipiper-mcp/stdio', workspace = true } = {}) {
  const root = await tempDir();
  const pkg = join(root, rel);
  await mkdir(join(pkg, 'dist'), { recursive: true });
  await writeFile(join(pkg, 'package.json'), JSON.stringify({ name }));
  await writeFile(join(pkg, 'dist', 'cli.js'), '');
  if (workspace) await writeFile(join(root, 'pnpm-workspace.yaml'), "packages: ['packages/*']\n");
  return { root, cli: join(pkg, 'dist', 'cli.js') };
}

describe('checkoutCli', () => {
  it('recognizes this repository’s own build', () => {
    expect(checkoutCli(CLI)).toBe(CLI);
  });

  it('accepts packages/stdio/dist/cli.js of a pnpm workspace, also through a symlinked bin', async () => {
    const { root, cli } = await layout('packages/stdio');
    expect(checkoutCli(cli)).toBe(cli);
    await mkdir(join(root, 'bin'));
    await symlink(cli, join(root, 'bin', 'chilipiper-mcp'));
    expect(checkoutCli(join(root, 'bin', 'chilipiper-mcp'))).toBe(cli);
  });

  it('rejects installed copies, other packages, other files and missing paths', async () => {
    const installed = await layout('packages/app/node_modules/@chilipiper-mcp/stdio');
    expect(checkoutCli(installed.cli)).toBeUndefined();
    expect(checkoutCli((await layout('packages/stdio', { name: 'other' })).cli)).toBeUndefined();
    expect(checkoutCli((await layout('packages/stdio', { workspace: false })).cli)).toBeUndefined();
    expect(checkoutCli(join(dirname(CLI), 'index.js'))).toBeUndefined();
    expect(checkoutCli(join(dirname(CLI), 'missing.js'))).toBeUndefined();
    expect(checkoutCli(undefined)).toBeUndefined();
  });
});

describe('init from the checkout', () => {
  it('writes an entry whose command starts from anywhere and answers tools/list and tools/call', async () => {
    const sandbox = await createSandbox();
    const home = await tempDir();
    const project = join(home, 'project');
    await mkdir(project);
    const run = await runCli(['init', 'codex', '--read-only', '--base-url', sandbox.url], cleanEnv(home), {
      cwd: project,
    });
    expect(run.code, run.stderr).toBe(0);
    const config = parse(await readFile(join(home, '.codex', 'config.toml'), 'utf8'));
    const entry = (config['mcp_servers'] as Record<string, Record<string, unknown>>)['chili-piper']!;
    expect(entry).toEqual({
      command: 'node',
      args: [CLI, '--read-only'],
      env: { CHILI_PIPER_BASE_URL: sandbox.url },
      env_vars: ['CHILI_PIPER_API_KEY'],
    });
    // Start it as Codex would: the entry's command, args and env, plus the forwarded key.
    const transport = new StdioClientTransport({
      command: entry['command'] as string,
      args: entry['args'] as string[],
      env: cleanEnv(home, {
        ...(entry['env'] as Record<string, string>),
        CHILI_PIPER_API_KEY: sandbox.apiKey,
      }),
      cwd: project,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'init-checkout-test', version: '0.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      const wanted = selectTools(catalog, { readOnly: true }).map((t) => t.name);
      expect(tools.map((t) => t.name).sort()).toEqual([...wanted].sort());
      const result = await client.callTool({ name: 'tenant-get', arguments: {} });
      expect(result.isError ?? false).toBe(false);
      expect(sandbox.requests.map((r) => [r.operation, r.keyId, r.status])).toEqual([
        ['tenant-get', 'acme-demo', 200],
      ]);
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});
