import { catalog, selectTools } from '@chilipiper-mcp/core';
import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, cleanEnv, tempDir } from './helpers.js';

/** The tools a server lists by default (opt-in tools left out). */
const DEFAULT_TOOLS = selectTools(catalog).length;

/**
 * The MCP Inspector CLI (a real third-party client) against the built bin. The Inspector needs Node >= 22.19,
 * so it runs through `npx -p node@22`; the first run downloads both packages from the npm registry.
 */
const INSPECTOR = '@modelcontextprotocol/inspector@0.21.2';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function npx(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      NPX,
      ['-y', '-p', 'node@22', ...args],
      { env, cwd: ROOT, timeout: 110_000, maxBuffer: 20_000_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr }),
    );
  });
}

let env: Record<string, string>;
let node22: string | undefined;
let why = '';

beforeAll(async () => {
  env = cleanEnv(await tempDir());
  env['HOME'] = process.env['HOME'] ?? env['HOME']!; // keep the npm cache and config
  const probe = await npx(['-p', INSPECTOR, 'node', '--version'], env);
  const version = probe.stdout.trim();
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (probe.code === 0 && (major > 22 || (major === 22 && minor >= 19))) node22 = version;
  else
    why = `npx -p node@22 gave ${JSON.stringify(version)} (exit ${probe.code}): ${probe.stderr.slice(-300)}`;
  if (!node22 && process.env['CI'])
    throw new Error(`The Inspector must run in CI, but Node 22 is missing: ${why}`);
}, 120_000);

const inspect = (...args: string[]) =>
  npx(['-p', INSPECTOR, 'mcp-inspector', '--cli', 'node', CLI, '--sandbox', ...args], env);

describe('MCP Inspector CLI', () => {
  it('lists the tools', async (ctx) => {
    if (!node22) return ctx.skip(`Node 22 could not be obtained: ${why}`);
    const run = await inspect('--method', 'tools/list');
    expect(run.code, run.stderr).toBe(0);
    const { tools } = JSON.parse(run.stdout) as { tools: { name: string }[] };
    expect(tools).toHaveLength(DEFAULT_TOOLS);
    expect(tools.map((t) => t.name)).toContain('meeting-list-put');
  }, 120_000);

  it('calls tenant-get and a tool with arguments', async (ctx) => {
    if (!node22) return ctx.skip(`Node 22 could not be obtained: ${why}`);
    const run = await inspect('--method', 'tools/call', '--tool-name', 'tenant-get');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { isError?: boolean; structuredContent: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent['tenantData'].subdomain).toBe('acme');
    const find = await inspect(
      '--method',
      'tools/call',
      '--tool-name',
      'user-find',
      '--tool-arg',
      'query=alice',
    );
    expect(find.code, find.stderr).toBe(0);
    const found = JSON.parse(find.stdout) as { structuredContent: { results: { name: string }[] } };
    expect(found.structuredContent.results.map((u) => u.name)).toContain('Alice Anders');
  }, 120_000);
});
