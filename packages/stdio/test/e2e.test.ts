import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { catalog, TOOL_GROUPS, selectTools } from '@chilipiper-mcp/core';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { describeTransportContract } from '@chilipiper-mcp/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, cleanEnv, runCli, tempDir } from './helpers.js';

/** The tools a server lists by default (opt-in tools left out). */
const DEFAULT_TOOLS = selectTools(catalog).length;

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Result {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Json;
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Spawns the built bin with the SDK's stdio client, the way Claude Code or Codex would. */
async function connect(env: Record<string, string>, args: string[] = []) {
  const home = await tempDir();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, ...args],
    env: cleanEnv(home, env),
    cwd: ROOT,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'stdio-e2e', version: '0.0.0' });
  await client.connect(transport);
  return { client, close: () => client.close(), stderr: () => stderr };
}

describeTransportContract('stdio', {
  connect: async (upstream) => {
    const { client, close } = await connect({
      CHILI_PIPER_API_KEY: upstream.apiKey,
      CHILI_PIPER_BASE_URL: upstream.url,
    });
    return { client, close };
  },
});

describe('stdio end to end against the sandbox', () => {
  let sandbox: Sandbox;
  let session: Awaited<ReturnType<typeof connect>>;
  const call = async (name: string, args: Json = {}) =>
    (await session.client.callTool({ name, arguments: args })) as Result;

  beforeAll(async () => {
    sandbox = await createSandbox();
    session = await connect({
      CHILI_PIPER_API_KEY: sandbox.apiKey,
      CHILI_PIPER_BASE_URL: sandbox.url,
      CHILI_PIPER_LOG_LEVEL: 'debug',
    });
  });
  afterAll(async () => {
    await session?.close();
    await sandbox?.close();
  });

  it('reports its name and lists every tool', async () => {
    expect(session.client.getServerVersion()?.name).toBe('chilipiper-mcp');
    const { tools } = await session.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      selectTools(catalog)
        .map((t) => t.name)
        .sort(),
    );
  });

  it('calls one read tool of every group', async () => {
    const workspaces = (await call('workspace-list')).structuredContent as { results: { id: string }[] };
    const ws0 = workspaces.results[0]!.id;
    const users = (await call('workspace-list-users', { workspaceId: ws0 })).structuredContent as {
      results: { id: string }[];
    };
    const u0 = users.results[0]!.id;
    const tenant = [...sandbox.store.tenants.values()][0] as unknown as Json;
    const crmEventId = [...(tenant['meetings'].byCrmEventId as Map<string, Json>).keys()][0];
    const interval = { startsAt: iso(Date.now() + day), duration: '3 days' };
    const perGroup: Record<string, [string, Json]> = {
      organization: ['tenant-get', {}],
      users: ['user-find', { query: 'a' }],
      workspaces: ['workspace-list', {}],
      teams: ['team-list-put', {}],
      distributions: ['distribution-list-put', {}],
      rules: ['rule-list', {}],
      meetings: ['meeting-list-put', { start: iso(Date.now() - 3 * day), end: iso(Date.now() + 3 * day) }],
      scheduling: ['scheduling-link-list-round-robin', {}],
      availability: [
        'availability-slots',
        {
          expectedHost: { type: 'User', userId: u0 },
          attendees: [{ type: 'ManuallyAssigned', userId: u0, required: true }],
          interval,
        },
      ],
      handoff: [
        'handoff-init',
        {
          workspaceId: ws0,
          userId: u0,
          body: { type: 'GuestEmailRequest', guestEmail: 'lead@example.com', interval },
        },
      ],
      concierge: ['concierge-list-routers', {}],
      distro: ['distro-list-routers', {}],
      crm: ['crm-get', { crmEventId }],
    };
    expect(Object.keys(perGroup).sort()).toEqual([...TOOL_GROUPS].sort());
    for (const group of TOOL_GROUPS) {
      const [name, args] = perGroup[group]!;
      expect(catalog.find((t) => t.name === name)?.group).toBe(group);
      const before = sandbox.requests.length;
      const result = await call(name, args);
      expect({
        name,
        isError: result.isError ?? false,
        text: result.isError ? result.content[0]?.text : '',
      }).toEqual({
        name,
        isError: false,
        text: '',
      });
      expect(sandbox.requests.length).toBe(before + 1);
    }
  });

  it('turns invalid arguments into an error naming the field, without a request', async () => {
    const before = sandbox.requests.length;
    const result = await call('user-read', { userId: 42 });
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toMatch(/userId/);
    expect(sandbox.requests.length).toBe(before);
  });

  it('sends a write once and the sandbox logs it', async () => {
    const workspaces = (await call('workspace-list')).structuredContent as { results: { id: string }[] };
    const [first, second] = workspaces.results;
    const users = (await call('workspace-list-users', { workspaceId: first!.id })).structuredContent as {
      results: { id: string }[];
    };
    const writes = () => sandbox.requests.filter((r) => r.path.endsWith('/workspace/users/add'));
    const before = writes().length;
    const result = await call('workspace-add-users', {
      workspaceId: second!.id,
      userIds: [users.results[0]!.id],
    });
    expect(result.isError).toBeFalsy();
    expect(writes()).toHaveLength(before + 1);
    expect(writes().at(-1)?.method).toBe('POST');
  });

  it('logs to stderr and never prints the key', async () => {
    expect(session.stderr()).toContain(`serving ${DEFAULT_TOOLS} tools over stdio`);
    expect(session.stderr()).toMatch(/tenant-get attempt 1: 200/);
    expect(session.stderr()).not.toContain(sandbox.apiKey);
  });
});

describe('stdio start-up', () => {
  it('refuses to start without a key: exit 1, one stderr line, empty stdout', async () => {
    const run = await runCli([], cleanEnv(await tempDir()));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/CHILI_PIPER_API_KEY/);
    expect(run.stderr).toMatch(/--sandbox/);
  });

  it('refuses an unknown tool name with a clear message', async () => {
    const run = await runCli(
      ['--tools', 'meeting-lsit'],
      cleanEnv(await tempDir(), { CHILI_PIPER_API_KEY: 'k' }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/unknown tool or group "meeting-lsit"/);
  });

  it('accepts a key with a Bearer prefix, warns, and never prints the key', async () => {
    const sandbox = await createSandbox();
    const session = await connect({
      CHILI_PIPER_API_KEY: `Bearer ${sandbox.apiKey}`,
      CHILI_PIPER_BASE_URL: sandbox.url,
    });
    try {
      const result = (await session.client.callTool({ name: 'tenant-get', arguments: {} })) as Result;
      expect(result.isError).toBeFalsy();
      expect(session.stderr()).toMatch(/warning: The API key starts with "Bearer "/);
      expect(session.stderr()).not.toContain(sandbox.apiKey);
    } finally {
      await session.close();
      await sandbox.close();
    }
  });

  it('--sandbox serves demo data and says SANDBOX on stderr', async () => {
    const session = await connect({}, ['--sandbox', '--read-only']);
    try {
      const result = (await session.client.callTool({ name: 'tenant-get', arguments: {} })) as Result;
      expect(result.structuredContent?.['tenantData']?.subdomain).toBe('acme');
      const { tools } = await session.client.listTools();
      expect(tools.every((t) => t.annotations?.readOnlyHint)).toBe(true);
      // A write hidden by read-only mode is named as disabled, not as unknown.
      const hidden = (await session.client.callTool({
        name: 'meeting-cancel',
        arguments: { meetingId: 'x' },
      })) as Result;
      expect(hidden.content[0]?.text).toBe(
        'Tool "meeting-cancel" is disabled: this server is in read-only mode and meeting-cancel changes data. ' +
          'Call tools/list to see the available tools.',
      );
      // The generated instructions, then the sandbox notice (core's SANDBOX_INSTRUCTIONS): both kept.
      expect(session.client.getInstructions()).toMatch(
        /^Chili Piper Edge API tools\. Times are UTC ISO-8601/,
      );
      expect(session.client.getInstructions()).toMatch(
        /\nSANDBOX: this server answers from a local emulator/,
      );
      expect(session.stderr()).toMatch(/SANDBOX: demo data, not your Chili Piper account/);
    } finally {
      await session.close();
    }
  });

  it('--confirm destructive makes destructive tools preview first', async () => {
    const session = await connect({}, ['--sandbox', '--confirm', 'destructive']);
    try {
      const args = { ruleId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', revision: 1 };
      const result = (await session.client.callTool({ name: 'rule-delete', arguments: args })) as Result;
      expect(result.structuredContent?.['status']).toBe('confirmation-required');
      expect(session.client.getInstructions()).toContain('Confirmation is on');
    } finally {
      await session.close();
    }
  });

  it('writes only JSON-RPC on stdout and exits 0 when stdin closes', async () => {
    const sandbox = await createSandbox();
    try {
      const child = spawn(process.execPath, [CLI, '--log-level', 'debug'], {
        env: cleanEnv(await tempDir(), {
          CHILI_PIPER_API_KEY: sandbox.apiKey,
          CHILI_PIPER_BASE_URL: sandbox.url,
        }),
      });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const send = (m: Json) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`);
      send({
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } },
      });
      send({ method: 'notifications/initialized' });
      send({ id: 2, method: 'tools/call', params: { name: 'tenant-get', arguments: {} } });
      send({ id: 3, method: 'tools/list' });
      await expect.poll(() => stdout.split('\n').filter(Boolean).length, { timeout: 10_000 }).toBe(3);
      child.stdin.end();
      expect(await exited).toBe(0);
      const lines = stdout.split('\n').filter(Boolean);
      const messages = lines.map((l) => JSON.parse(l) as Json);
      for (const m of messages) expect(m['jsonrpc']).toBe('2.0');
      expect(messages.map((m) => m['id']).sort()).toEqual([1, 2, 3]);
      const called = messages.find((m) => m['id'] === 2);
      expect(called?.['result']?.structuredContent?.type).toBe('Organization');
    } finally {
      await sandbox.close();
    }
  });

  it('exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--sandbox'], { env: cleanEnv(await tempDir()) });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await expect.poll(() => stderr, { timeout: 10_000 }).toMatch(/serving/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/stopping \(SIGTERM\)/);
  });
});
