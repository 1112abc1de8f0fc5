import { catalog, selectTools } from '@chilipiper-mcp/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveCliConfig } from '../src/cli-config.js';
import { connectClient } from './helpers.js';

/** The tools a server lists by default (opt-in tools left out). */
const DEFAULT_TOOLS = selectTools(catalog).length;

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CHILI_PIPER_') && !k.startsWith('MCP_')),
  );
  return { ...env, ...extra };
}

/** Spawns the built CLI and resolves with its stderr once `until` matches (or it exits). */
function start(env: NodeJS.ProcessEnv, until: RegExp, args: string[] = []) {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${stderr}`)), 15_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (until.test(stderr)) {
        clearTimeout(timer);
        resolve(stderr);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve(stderr);
    });
  });
  return { child, ready, exited, stderr: () => stderr };
}

describe('chilipiper-mcp-http CLI', () => {
  it('with no key, serves a SANDBOX, says so on stderr, prints the URL, and exits cleanly on SIGTERM', async () => {
    const cli = start(cleanEnv({ MCP_HTTP_PORT: '0' }), /MCP endpoint: \S+/);
    const stderr = await cli.ready;
    expect(stderr).toMatch(/SANDBOX/);
    expect(stderr).toMatch(/NOT Chili Piper/);
    const url = /MCP endpoint: (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr)?.[1];
    expect(url).toBeDefined();
    const client = await connectClient(url!);
    expect((await client.listTools()).tools).toHaveLength(DEFAULT_TOOLS);
    expect(client.getInstructions()).toMatch(/SANDBOX/);
    await client.close();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.stderr()).toMatch(/SIGTERM/);
  });

  it('refuses a real key without tokens, without printing the key', async () => {
    const cli = start(
      cleanEnv({ CHILI_PIPER_API_KEY: 'live_secret_key_123456', MCP_HTTP_PORT: '0' }),
      /--help/,
    );
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toMatch(/MCP_HTTP_TOKENS/);
    expect(cli.stderr()).not.toContain('live_secret_key_123456');
  });

  it('reads the environment, and flags win', () => {
    const env = {
      CHILI_PIPER_API_KEY: 'k',
      MCP_HTTP_TOKENS: 'token-aaaaaaaaaaaaaaaa, token-bbbbbbbbbbbbbbbb',
      MCP_HTTP_PORT: '4000',
      CHILI_PIPER_TOOLS: 'meetings',
      CHILI_PIPER_READ_ONLY: 'true',
    };
    const fromEnv = resolveCliConfig([], env).options;
    expect(fromEnv).toMatchObject({ port: 4000, host: '127.0.0.1', include: ['meetings'], readOnly: true });
    expect(fromEnv.credentials).toMatchObject({
      mode: 'server-key',
      apiKey: 'k',
      tokens: ['token-aaaaaaaaaaaaaaaa', 'token-bbbbbbbbbbbbbbbb'],
    });
    const flags = resolveCliConfig(['--port', '5000', '--caller-key', '--tools', 'tenant-get'], env);
    expect(flags.sandbox).toBe(false);
    expect(flags.options).toMatchObject({
      port: 5000,
      include: ['tenant-get'],
      credentials: { mode: 'caller-key' },
    });
    expect(resolveCliConfig([], {}).sandbox).toBe(true);
    expect(() => resolveCliConfig(['--port', 'x'], {})).toThrow(/port/);
    expect(() => resolveCliConfig(['--tools', 'nope'], {})).toThrow(
      /^--tools \/ CHILI_PIPER_TOOLS: unknown tool or group "nope"/,
    );
  });

  it('turns confirmation on by default (the handler does), off with --confirm none or CHILI_PIPER_CONFIRM', () => {
    expect(resolveCliConfig([], {}).options.confirm).toBeUndefined();
    expect(resolveCliConfig(['--confirm', 'none'], {}).options.confirm).toBe('none');
    expect(resolveCliConfig([], { CHILI_PIPER_CONFIRM: 'none' }).options.confirm).toBe('none');
    expect(
      resolveCliConfig(['--confirm', 'destructive'], { CHILI_PIPER_CONFIRM: 'none' }).options.confirm,
    ).toBe('destructive');
    expect(() => resolveCliConfig(['--confirm', 'maybe'], {})).toThrow(
      'CHILI_PIPER_CONFIRM: expected "destructive" or "none", got "maybe".',
    );
  });

  it('reads the connection limits from the environment and flags, and names a wrong one', () => {
    const env = { MCP_HTTP_HEADERS_TIMEOUT_MS: '12000', MCP_HTTP_MAX_CONNECTIONS: '64' };
    const pick = (argv: string[], from: NodeJS.ProcessEnv) => {
      const o = resolveCliConfig(argv, from).options;
      const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = o;
      return { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections };
    };
    expect(pick([], env)).toStrictEqual({
      headersTimeoutMs: 12_000,
      requestTimeoutMs: undefined,
      keepAliveTimeoutMs: undefined,
      maxConnections: 64,
    });
    expect(pick(['--request-timeout-ms', '20000', '--keep-alive-timeout-ms', '7000'], env)).toStrictEqual({
      headersTimeoutMs: 12_000,
      requestTimeoutMs: 20_000,
      keepAliveTimeoutMs: 7_000,
      maxConnections: 64,
    });
    expect(() => pick([], { MCP_HTTP_MAX_CONNECTIONS: 'lots' })).toThrow(
      'MCP_HTTP_MAX_CONNECTIONS must be a positive integer, not "lots".',
    );
    expect(() => pick(['--headers-timeout-ms', '0'], {})).toThrow(
      '--headers-timeout-ms must be a positive integer, not "0".',
    );
  });
});
