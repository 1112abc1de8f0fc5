import { catalog, selectTools } from '@chilipiper-mcp/core';
import { createServer } from 'node:net';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from './helpers.js';

/** The tools a server lists by default (opt-in tools left out). */
const DEFAULT_TOOLS = selectTools(catalog).length;

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

let sandbox: Sandbox;
let home: string;
const env = (extra: Record<string, string> = {}) =>
  cleanEnv(home, { CHILI_PIPER_BASE_URL: sandbox.url, ...extra });

beforeAll(async () => {
  sandbox = await createSandbox();
  home = await tempDir();
});
afterAll(() => sandbox?.close());

describe('doctor', () => {
  it('passes with a good key and prints the tenant', async () => {
    const run = await runCli(['doctor'], env({ CHILI_PIPER_API_KEY: sandbox.apiKey }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ Node\.js \d+\.\d+/m);
    expect(run.stdout).toMatch(/^✓ API key is set \(CHILI_PIPER_API_KEY\)$/m);
    expect(run.stdout).toMatch(/^✓ The API key is accepted$/m);
    expect(run.stdout).toMatch(/^✓ Connected to tenant acme \(/m);
    expect(run.stdout).toMatch(/selected tools need: .*meeting\.read/);
    expect(run.stdout).not.toContain('✗');
    expect(run.stdout + run.stderr).not.toContain(sandbox.apiKey);
  });

  it('fails on a rejected key', async () => {
    const run = await runCli(['doctor'], env({ CHILI_PIPER_API_KEY: 'not-a-valid-key-1234' }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ The API key was rejected \(401/m);
    expect(run.stdout).not.toContain('not-a-valid-key-1234');
  });

  it('names the permission a key lacks', async () => {
    const key = sandbox.createKey({ permissions: ['api.ping'] });
    const run = await runCli(['doctor'], env({ CHILI_PIPER_API_KEY: key }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✓ The API key is accepted$/m);
    expect(run.stdout).toMatch(
      /^✗ Permissions missing: tenant\.read; refused: tenant-get \(needs tenant\.read\)/m,
    );
  });

  it('lists only the permissions of the selected tools', async () => {
    const key = sandbox.createKey({ permissions: ['api.ping', 'tenant.read'] });
    const run = await runCli(['doctor', '--tools', 'organization'], env({ CHILI_PIPER_API_KEY: key }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/the 2 selected tools need: api\.ping, tenant\.read \(/);
  });

  it('warns about a Bearer prefix but still checks the cleaned key', async () => {
    const run = await runCli(['doctor'], env({ CHILI_PIPER_API_KEY: `Bearer ${sandbox.apiKey}` }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ The API key in CHILI_PIPER_API_KEY starts with "Bearer "/m);
    expect(run.stdout).toMatch(/^✓ Connected to tenant acme/m);
  });

  it('says when no key is set', async () => {
    const run = await runCli(['doctor'], cleanEnv(home));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ No Chili Piper API key: set CHILI_PIPER_API_KEY/m);
  });

  it('says when the base URL is unreachable', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/api/fire-edge`;
    const run = await runCli(
      ['doctor'],
      cleanEnv(home, { CHILI_PIPER_API_KEY: 'k-1234', CHILI_PIPER_BASE_URL: url }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ Cannot reach ${url}: connection refused`);
  });

  it('says when the base URL is not the Edge API', async () => {
    const url = sandbox.url.replace(/\/api\/fire-edge$/, '');
    const run = await runCli(
      ['doctor'],
      cleanEnv(home, { CHILI_PIPER_API_KEY: sandbox.apiKey, CHILI_PIPER_BASE_URL: url }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/404 from health-ping\): the base URL should end in \/api\/fire-edge/);
  });

  it('works with --sandbox', async () => {
    const run = await runCli(['doctor', '--sandbox'], cleanEnv(home));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sandbox: demo data/);
    expect(run.stderr).toMatch(/SANDBOX/);
  });
});

describe('tools and call', () => {
  it('tools lists names, groups and safety, respecting filters', async () => {
    const run = await runCli(['tools', '--tools', 'meetings'], cleanEnv(home));
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(selectTools(catalog, { include: ['meetings'] }).length);
    expect(run.stdout).toMatch(/^meeting-cancel\s+meetings\s+destructive/m);
    expect(run.stdout).toMatch(/^meeting-get\s+meetings\s+read\s+needs meeting\.read$/m);
  });

  it('tools --json --read-only gives read tools only', async () => {
    const run = await runCli(['tools', '--json'], cleanEnv(home, { CHILI_PIPER_READ_ONLY: 'true' }));
    const tools = JSON.parse(run.stdout) as { name: string; group: string; safety: string }[];
    expect(tools.length).toBeGreaterThan(20);
    expect(tools.length).toBeLessThan(DEFAULT_TOOLS);
    expect(new Set(tools.map((t) => t.safety))).toEqual(new Set(['read']));
    expect(tools[0]).toMatchObject({ name: 'health-ping', group: 'organization', permission: 'api.ping' });
  });

  it('--no-read-only overrides CHILI_PIPER_READ_ONLY', async () => {
    const run = await runCli(
      ['tools', '--json', '--no-read-only'],
      cleanEnv(home, { CHILI_PIPER_READ_ONLY: '1' }),
    );
    expect(JSON.parse(run.stdout)).toHaveLength(DEFAULT_TOOLS);
  });

  it('call prints the result on stdout', async () => {
    const run = await runCli(['call', 'tenant-get'], env({ CHILI_PIPER_API_KEY: sandbox.apiKey }));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'Organization', tenantData: { subdomain: 'acme' } });
  });

  it('call passes --args and sends one request', async () => {
    const before = sandbox.requests.length;
    const run = await runCli(
      ['call', 'user-find', '--args', '{"query":"a","pagination":{"pageSize":2}}'],
      env({ CHILI_PIPER_API_KEY: sandbox.apiKey }),
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results.length).toBeLessThanOrEqual(2);
    expect(sandbox.requests.length).toBe(before + 1);
  });

  it('call exits 1 with the message on stderr for an error result', async () => {
    const run = await runCli(
      ['call', 'user-read', '--args', '{"userId":"ffffffffffffffffffffffff"}'],
      env({ CHILI_PIPER_API_KEY: sandbox.apiKey }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/404|not found/i);
  });

  it('call rejects bad JSON and hidden tools', async () => {
    const bad = await runCli(
      ['call', 'tenant-get', '--args', '{nope'],
      env({ CHILI_PIPER_API_KEY: 'k-1234' }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--args is not valid JSON/);
    const hidden = await runCli(
      ['call', 'meeting-cancel', '--read-only', '--args', '{"meetingId":"x"}'],
      env({ CHILI_PIPER_API_KEY: 'k-1234' }),
    );
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toMatch(/not available/);
  });

  it('prints help for every command and rejects unknown ones', async () => {
    for (const command of ['serve', 'init', 'doctor', 'tools', 'call']) {
      const run = await runCli([command, '--help'], cleanEnv(home));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(`^Usage: chilipiper-mcp .*${command === 'serve' ? 'serve' : command}`),
      );
    }
    const main = await runCli(['--help'], cleanEnv(home));
    expect(main.stdout).toMatch(/chilipiper-mcp init <client>/);
    const unknown = await runCli(['frobnicate'], cleanEnv(home));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
  });
});
