import { catalog, getTool, selectTools, toMcpTool } from '@chilipiper-mcp/core';
import { createServer } from 'node:net';
import { createSandbox, DEMO_READONLY_KEY, READ_PERMISSIONS } from '@chilipiper-mcp/sandbox';
import { PERMISSION_PROBES } from '../src/permission-probes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from './helpers.js';

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
    expect(run.stdout).toMatch(/^✓ The key has .*\bmeeting\.modify\b.*\bmeeting\.read\b/m);
    expect(run.stdout).not.toContain('✗');
    expect(run.stdout + run.stderr).not.toContain(sandbox.apiKey);
  });

  it('fails on a rejected key', async () => {
    const run = await runCli(['doctor'], env({ CHILI_PIPER_API_KEY: 'not-a-valid-key-1234' }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ The API key was rejected \(401/m);
    expect(run.stdout).not.toContain('not-a-valid-key-1234');
  });

  it('names the permission a key lacks and the tools it cannot call', async () => {
    const key = sandbox.createKey({ permissions: ['api.ping'] });
    const run = await runCli(['doctor', '--tools', 'organization'], env({ CHILI_PIPER_API_KEY: key }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✓ The API key is accepted$/m);
    expect(run.stdout).toMatch(/^\? The tenant is not shown: the key lacks tenant\.read$/m);
    expect(run.stdout).toMatch(/^✓ The key has api\.ping$/m);
    expect(run.stdout).toMatch(
      /^✗ The key lacks tenant\.read, so it cannot call 1 of the 2 selected tools: tenant-get\. /m,
    );
  });

  it('checks only the permissions of the selected tools', async () => {
    const key = sandbox.createKey({ permissions: ['api.ping', 'tenant.read'] });
    const run = await runCli(['doctor', '--tools', 'organization'], env({ CHILI_PIPER_API_KEY: key }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ The key has api\.ping, tenant\.read$/m);
    expect(run.stdout).not.toMatch(/^[✗?]/m);
  });

  it('with the read-only key, names every write tool it cannot call', async () => {
    const run = await runCli(['doctor'], env({ CHILI_PIPER_API_KEY: DEMO_READONLY_KEY }));
    expect(run.code).toBe(1);
    const selected = selectTools(catalog);
    const lacking = selected.filter(
      (t) => !READ_PERMISSIONS.includes(t.permission) && 'tool' in PERMISSION_PROBES[t.permission]!,
    );
    const permissions = [...new Set(lacking.map((t) => t.permission))].sort();
    const line = run.stdout.split('\n').find((l) => l.startsWith('✗ The key lacks'));
    expect(line).toBe(
      `✗ The key lacks ${permissions.join(', ')}, so it cannot call ${lacking.length} of the ${selected.length} ` +
        `selected tools: ${lacking.map((t) => t.name).join(', ')}. An admin can add the permissions to the token ` +
        'in Command Center; or leave these tools out (--read-only, --exclude-tools).',
    );
    const unprobed = Object.keys(PERMISSION_PROBES).filter((p) => !('tool' in PERMISSION_PROBES[p]!));
    expect(run.stdout).toMatch(
      new RegExp(`^\\? Not checked .*: ${unprobed.sort().join(' \\(.*; ')} \\(`, 'm'),
    );
    expect(run.stdout).not.toContain(DEMO_READONLY_KEY);
  });

  it('with the read-only key in read-only mode, names the read tools that need a write permission', async () => {
    const run = await runCli(['doctor', '--read-only'], env({ CHILI_PIPER_API_KEY: DEMO_READONLY_KEY }));
    const reads = selectTools(catalog, { readOnly: true });
    const lacking = reads.filter((t) => !READ_PERMISSIONS.includes(t.permission));
    expect(lacking.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^✗ .*cannot call ${lacking.length} of the ${reads.length} selected tools: ${lacking.map((t) => t.name).join(', ')}\\. .*\\(--exclude-tools\\)\\.$`,
        'm',
      ),
    );
  });

  it('cleans a Bearer prefix with a warning, never a failure', async () => {
    const run = await runCli(['doctor'], env({ CHILI_PIPER_API_KEY: `Bearer ${sandbox.apiKey}` }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ API key is set \(CHILI_PIPER_API_KEY\)$/m);
    expect(run.stdout).toMatch(/^! The API key in CHILI_PIPER_API_KEY starts with "Bearer " .*used cleaned/m);
    expect(run.stdout).toMatch(/^✓ The API key is accepted$/m);
    expect(run.stdout).toMatch(/^✓ Connected to tenant acme/m);
    expect(run.stdout).not.toContain('✗');
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
  it('tools lists names by group, with safety and a one-line description, respecting filters', async () => {
    const run = await runCli(['tools', '--tools', 'meetings,rule-get'], cleanEnv(home));
    expect(run.code).toBe(0);
    const selected = catalog.filter((t) => t.group === 'meetings' || t.name === 'rule-get');
    expect(run.stdout.trimEnd().split('\n')).toStrictEqual([
      'rules',
      expect.stringMatching(/^ {2}rule-get +read +\S/),
      'meetings',
      ...selected
        .filter((t) => t.group === 'meetings')
        .map((t) => expect.stringMatching(new RegExp(`^  ${t.name} +${t.safety.kind} +\\S`))),
    ]);
    const cancel = toMcpTool(getTool('meeting-cancel')!).description!;
    const width = Math.max(...selected.map((t) => t.name.length));
    const line = run.stdout.split('\n').find((l) => l.startsWith('  meeting-cancel '))!;
    expect(line.startsWith(`  ${'meeting-cancel'.padEnd(width)}  destructive  ${cancel.slice(0, 20)}`)).toBe(
      true,
    );
    expect(line.length).toBeLessThanOrEqual(120);
    expect(run.stderr).toBe(
      `${selected.length} tools. chilipiper-mcp call <tool> --help shows the inputs of one.\n`,
    );
  });

  it('call <tool> --help shows the inputs of the listed JSON Schema', async () => {
    const run = await runCli(['call', 'meeting-list-put', '--help'], cleanEnv(home));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: chilipiper-mcp call meeting-list-put /);
    expect(run.stdout).toMatch(/^Safety: read \(changes nothing\)\. Permission: meeting\.read\.$/m);
    const schema = toMcpTool(getTool('meeting-list-put')!).inputSchema as {
      properties: Record<string, { description: string }>;
    };
    const rows = run.stdout
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(rows).toStrictEqual(Object.keys(schema.properties));
    expect(run.stdout).toMatch(/^ {2}start +string, required +From, inclusive \(ISO-8601\)\.$/m);
    expect(run.stdout).toMatch(/^ {2}status +\(Active\|Canceled\|NoShow\|Completed\)\[\]$/m);
    expect(run.stdout).toMatch(/^ {2}guestEmail +string +Guest email\.$/m);
    expect(run.stdout).toMatch(/^ {2}cursor +string +nextCursor, for more\.$/m);
    const unknown = await runCli(['call', 'meeting-lists', '--help'], cleanEnv(home));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'chilipiper-mcp: error: Unknown tool "meeting-lists"; chilipiper-mcp tools lists them. Run chilipiper-mcp call --help for usage.\n',
    );
  });

  it('names an unknown or misused flag in one line', async () => {
    const options =
      '--api-key, --base-url, --tools, --exclude-tools, --read-only, --log-level, --sandbox, --help';
    const cases: [string[], string][] = [
      [
        ['doctor', '--frob'],
        `Unknown option "--frob" for doctor. Its options: ${options}. See chilipiper-mcp doctor --help.`,
      ],
      [
        ['--frob'],
        `Unknown option "--frob" for serve. Its options: ${options.replace('--help', '--confirm, --code-mode, --help')}. See chilipiper-mcp --help.`,
      ],
      [['tools', '--json=yes'], '--json takes no value. See chilipiper-mcp tools --help.'],
      [
        ['call', 'tenant-get', '--args'],
        '--args needs a value (--args <value>). See chilipiper-mcp call --help.',
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, cleanEnv(home));
      expect([run.code, run.stderr]).toStrictEqual([2, `chilipiper-mcp: error: ${message}\n`]);
    }
  });

  it('tools --json --read-only gives read tools only', async () => {
    const run = await runCli(['tools', '--json'], cleanEnv(home, { CHILI_PIPER_READ_ONLY: 'true' }));
    const tools = JSON.parse(run.stdout) as { name: string; group: string; safety: string }[];
    expect(tools.length).toBeGreaterThan(20);
    expect(tools.length).toBeLessThan(catalog.length);
    expect(new Set(tools.map((t) => t.safety))).toEqual(new Set(['read']));
    expect(tools[0]).toStrictEqual({
      name: 'health-ping',
      group: 'organization',
      safety: 'read',
      idempotent: true,
      permission: 'api.ping',
      title: getTool('health-ping')!.title,
      description: toMcpTool(getTool('health-ping')!).description,
    });
  });

  it('--no-read-only overrides CHILI_PIPER_READ_ONLY', async () => {
    const run = await runCli(
      ['tools', '--json', '--no-read-only'],
      cleanEnv(home, { CHILI_PIPER_READ_ONLY: '1' }),
    );
    expect(JSON.parse(run.stdout)).toHaveLength(selectTools(catalog).length);
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
