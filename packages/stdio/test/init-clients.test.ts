import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runInit, type InitContext, type InitFlags } from '../src/init/index.js';
import { tempDir } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
let ctx: InitContext;
let err: string;
const output = { out: () => undefined, err: (t: string) => void (err += t) };

beforeEach(async () => {
  dir = await tempDir();
  ctx = { env: {}, cwd: join(dir, 'project'), home: join(dir, 'home'), platform: 'linux' };
  err = '';
});

const init = (client: string, flags: InitFlags = {}) => runInit(client, flags, ctx, output);
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Json;
const CHECKOUT = '/src/chilipiper-mcp/packages/stdio/dist/cli.js';

describe('init gemini', () => {
  it('writes .gemini/settings.json in the project, naming the key with ${…}', async () => {
    await init('gemini', { 'read-only': true });
    expect(await readJson(join(ctx.cwd, '.gemini', 'settings.json'))).toEqual({
      mcpServers: {
        'chili-piper': {
          command: 'npx',
          args: ['-y', '@chilipiper-mcp/stdio', '--read-only'],
          env: { CHILI_PIPER_API_KEY: '${CHILI_PIPER_API_KEY}' },
        },
      },
    });
    expect(err).toContain('trust');
  });

  it('merges into ~/.gemini/settings.json for --scope user, keeping other settings', async () => {
    await mkdir(join(ctx.home, '.gemini'), { recursive: true });
    const file = join(ctx.home, '.gemini', 'settings.json');
    await writeFile(file, JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
    await init('gemini', { scope: 'user', 'api-key': 'sk-gem' });
    expect(await readJson(file)).toEqual({
      security: { auth: { selectedType: 'gemini-api-key' } },
      mcpServers: {
        'chili-piper': {
          command: 'npx',
          args: ['-y', '@chilipiper-mcp/stdio'],
          env: { CHILI_PIPER_API_KEY: 'sk-gem' },
        },
      },
    });
  });
});

describe('init opencode', () => {
  it('writes mcp.<name> in opencode.json: one command array, {env:…}, enabled', async () => {
    await init('opencode', { name: 'cp', 'base-url': 'https://edge.example/api' });
    expect(await readJson(join(ctx.cwd, 'opencode.json'))).toEqual({
      mcp: {
        cp: {
          type: 'local',
          command: ['npx', '-y', '@chilipiper-mcp/stdio'],
          environment: {
            CHILI_PIPER_BASE_URL: 'https://edge.example/api',
            CHILI_PIPER_API_KEY: '{env:CHILI_PIPER_API_KEY}',
          },
          enabled: true,
        },
      },
    });
    expect(err).toContain('"cp" should show connected');
  });

  it('uses $XDG_CONFIG_HOME for --scope user and keeps what the user added to the entry', async () => {
    ctx = { ...ctx, env: { XDG_CONFIG_HOME: join(dir, 'xdg') } };
    const file = join(dir, 'xdg', 'opencode', 'opencode.json');
    await mkdir(join(dir, 'xdg', 'opencode'), { recursive: true });
    const old = {
      type: 'local',
      command: ['old'],
      timeout: 9000,
      environment: { HTTPS_PROXY: 'http://p:1' },
    };
    await writeFile(
      file,
      JSON.stringify({ model: 'x/y', mcp: { 'chili-piper': old, other: { type: 'remote' } } }),
    );
    await init('opencode', { scope: 'user', sandbox: true });
    expect(await readJson(file)).toEqual({
      model: 'x/y',
      mcp: {
        'chili-piper': {
          type: 'local',
          command: ['npx', '-y', '@chilipiper-mcp/stdio', '--sandbox'],
          timeout: 9000,
          environment: { HTTPS_PROXY: 'http://p:1' },
          enabled: true,
        },
        other: { type: 'remote' },
      },
    });
  });
});

describe('init from a checkout', () => {
  beforeEach(() => {
    ctx = { ...ctx, checkoutCli: CHECKOUT };
  });

  it('writes `node <checkout>/packages/stdio/dist/cli.js` and says so', async () => {
    await init('claude-code', { sandbox: true });
    expect((await readJson(join(ctx.cwd, '.mcp.json')))['mcpServers']['chili-piper']).toEqual({
      type: 'stdio',
      command: 'node',
      args: [CHECKOUT, '--sandbox'],
    });
    expect(err).toContain(`The entry runs this checkout's build: node ${CHECKOUT}.`);
    expect(err).toContain(`Check the setup any time with: node ${CHECKOUT} doctor`);
  });

  it('needs no cmd /c shim for node on Windows, and --npx writes the published form', async () => {
    ctx = { ...ctx, platform: 'win32' };
    await init('claude-code', { scope: 'user' });
    const entry = async () => (await readJson(join(ctx.home, '.claude.json')))['mcpServers']['chili-piper'];
    expect((await entry())['command']).toBe('node');
    await init('claude-code', { scope: 'user', npx: true });
    expect((await entry())['args']).toEqual(['/c', 'npx', '-y', '@chilipiper-mcp/stdio']);
    expect(err).toContain('which works once the package is published on npm');
  });
});

describe('init messages', () => {
  it('names the server it wrote in the check line', async () => {
    await init('codex', { name: 'cp-edge' });
    expect(err).toContain('Start Codex and run /mcp: "cp-edge" should list its tools.');
    expect(err).not.toContain('"chili-piper"');
  });

  it('asks to approve the project server only for a project .mcp.json', async () => {
    await init('claude-code');
    expect(err).toContain('approve the .mcp.json server "chili-piper"');
    err = '';
    await init('claude-code', { scope: 'user' });
    expect(err).not.toMatch(/approve/);
    expect(err).toContain('`claude mcp get chili-piper`');
  });
});

describe('init on a file the client re-formatted', () => {
  it('leaves an equal Codex table alone, whatever the array spacing (Codex rewrites it on save)', async () => {
    const file = join(ctx.home, '.codex', 'config.toml');
    await mkdir(join(ctx.home, '.codex'), { recursive: true });
    const codexStyle = [
      '[mcp_servers.chili-piper]',
      'command = "npx"',
      'args = ["-y", "@chilipiper-mcp/stdio"]',
      'env_vars = ["CHILI_PIPER_API_KEY"]',
      '',
    ].join('\n');
    await writeFile(file, codexStyle);
    await init('codex');
    expect(await readFile(file, 'utf8')).toBe(codexStyle);
    expect(err).toContain('already has this "chili-piper" entry; nothing changed');
    expect((await readdir(join(ctx.home, '.codex'))).filter((f) => f.includes('.bak-'))).toEqual([]);
  });

  it('leaves an equal JSON entry alone, whatever its key order and indentation', async () => {
    const file = join(ctx.cwd, '.mcp.json');
    await mkdir(ctx.cwd, { recursive: true });
    const entry = {
      env: { CHILI_PIPER_API_KEY: '${CHILI_PIPER_API_KEY}' },
      args: ['-y', '@chilipiper-mcp/stdio'],
    };
    const text = JSON.stringify({
      mcpServers: { 'chili-piper': { ...entry, command: 'npx', type: 'stdio' } },
    });
    await writeFile(file, text);
    await init('claude-code');
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});
