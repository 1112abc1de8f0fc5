import { lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { beforeEach, describe, expect, it } from 'vitest';
import { runInit, type InitContext, type InitFlags } from '../src/init/index.js';
import { CliError } from '../src/upstream.js';
import { CLI, cleanEnv, runCli, tempDir } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
let ctx: InitContext;
let out: string;
let err: string;
const output = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };

beforeEach(async () => {
  dir = await tempDir();
  ctx = { env: {}, cwd: join(dir, 'project'), home: join(dir, 'home'), platform: 'linux' };
  out = '';
  err = '';
});

const init = (client: string, flags: InitFlags = {}) => runInit(client, flags, ctx, output);
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Json;
const readToml = async (path: string) => parse(await readFile(path, 'utf8')) as Json;
const backups = async (path: string) =>
  (await readdir(join(path, '..'))).filter((f) => f.startsWith(`${path.split('/').at(-1)}.bak-`));

describe('init codex', () => {
  const file = () => join(ctx.home, '.codex', 'config.toml');

  it('writes [mcp_servers.chili-piper] forwarding the key with env_vars', async () => {
    expect(await init('codex', { 'read-only': true, tools: 'meetings,organization' })).toBe(0);
    const doc = await readToml(file());
    expect(doc['mcp_servers']['chili-piper']).toEqual({
      command: 'npx',
      args: ['-y', '@chilipiper-mcp/stdio', '--read-only', '--tools', 'meetings,organization'],
      env_vars: ['CHILI_PIPER_API_KEY'],
    });
    expect(err).toMatch(/Created .*config\.toml/);
    expect(err).toMatch(/env_vars/);
  });

  it('writes a literal key into env when --api-key is given, and honours CODEX_HOME', async () => {
    ctx = { ...ctx, env: { CODEX_HOME: join(dir, 'codex-home') } };
    await init('codex', { 'api-key': 'Bearer sk-123456' });
    const doc = await readToml(join(dir, 'codex-home', 'config.toml'));
    expect(doc['mcp_servers']['chili-piper']['env']).toEqual({ CHILI_PIPER_API_KEY: 'sk-123456' });
    expect(doc['mcp_servers']['chili-piper']['env_vars']).toBeUndefined();
    expect(err).toMatch(/Bearer/);
  });

  it('merges into an existing config, keeping other tables and comments, with a backup; idempotent', async () => {
    const original = [
      '# my codex settings',
      'model = "gpt-5"',
      '',
      '[mcp_servers.other]',
      'command = "other-server"',
      '',
      '# keep me: about profiles',
      '[profiles.fast]',
      'model = "o4-mini"',
      '',
    ].join('\n');
    await mkdir(join(ctx.home, '.codex'), { recursive: true });
    await writeFile(file(), original);
    await init('codex');
    const text = await readFile(file(), 'utf8');
    expect(text.startsWith(original.trimEnd())).toBe(true);
    const doc = parse(text) as Json;
    expect(doc['model']).toBe('gpt-5');
    expect(doc['mcp_servers']['other']).toEqual({ command: 'other-server' });
    expect(doc['profiles']['fast']).toEqual({ model: 'o4-mini' });
    expect(doc['mcp_servers']['chili-piper']['command']).toBe('npx');
    const [backup] = await backups(file());
    expect(backup).toMatch(/^config\.toml\.bak-\d{8}T\d{6}Z$/);
    expect(await readFile(join(ctx.home, '.codex', backup!), 'utf8')).toBe(original);

    await init('codex');
    expect(await readFile(file(), 'utf8')).toBe(text);
    expect(await backups(file())).toHaveLength(1);
    expect(err).toMatch(/nothing changed/);
  });

  it('replaces its own table in place and keeps fields the user added to it', async () => {
    await mkdir(join(ctx.home, '.codex'), { recursive: true });
    await writeFile(
      file(),
      [
        '[mcp_servers.chili-piper]',
        'command = "old"',
        'startup_timeout_sec = 30',
        '',
        '[mcp_servers.chili-piper.env]',
        'CHILI_PIPER_API_KEY = "old-key"',
        'HTTPS_PROXY = "http://proxy:3128"',
        '',
        '# the next table',
        '[mcp_servers.after]',
        'command = "after"',
        '',
      ].join('\n'),
    );
    await init('codex', { 'read-only': true });
    const text = await readFile(file(), 'utf8');
    const entry = (parse(text) as Json)['mcp_servers']['chili-piper'];
    expect(entry).toEqual({
      command: 'npx',
      args: ['-y', '@chilipiper-mcp/stdio', '--read-only'],
      startup_timeout_sec: 30,
      env: { HTTPS_PROXY: 'http://proxy:3128' },
      env_vars: ['CHILI_PIPER_API_KEY'],
    });
    expect(text).not.toContain('old-key');
    expect(text).toMatch(/# the next table\n\[mcp_servers\.after\]/);
    expect(text.match(/\[mcp_servers\.chili-piper\]/g)).toHaveLength(1);
  });

  it('refuses an unparseable file and writes nothing', async () => {
    await mkdir(join(ctx.home, '.codex'), { recursive: true });
    await writeFile(file(), 'model = "gpt-5\n[broken');
    await expect(init('codex')).rejects.toThrow(CliError);
    await expect(init('codex')).rejects.toThrow(/not valid TOML.*Nothing was written/);
    expect(await readFile(file(), 'utf8')).toBe('model = "gpt-5\n[broken');
    expect(await backups(file())).toHaveLength(0);
  });
});

describe('init claude-code', () => {
  const file = () => join(ctx.cwd, '.mcp.json');

  it('writes .mcp.json in the project referring to ${CHILI_PIPER_API_KEY}', async () => {
    await init('claude-code');
    expect(await readJson(file())).toEqual({
      mcpServers: {
        'chili-piper': {
          type: 'stdio',
          command: 'npx',
          args: ['-y', '@chilipiper-mcp/stdio'],
          env: { CHILI_PIPER_API_KEY: '${CHILI_PIPER_API_KEY}' },
        },
      },
    });
    expect(err).not.toMatch(/gitignore/);
  });

  it('reminds to gitignore .mcp.json when a literal key is written', async () => {
    await init('claude-code', { 'api-key': 'sk-abcdef' });
    expect((await readJson(file()))['mcpServers']['chili-piper']['env']).toEqual({
      CHILI_PIPER_API_KEY: 'sk-abcdef',
    });
    expect(err).toMatch(/add \.mcp\.json to \.gitignore/);
    expect(err).not.toContain('sk-abcdef');
  });

  it('merges, keeps other servers and keys, backs up, and is idempotent', async () => {
    await mkdir(ctx.cwd, { recursive: true });
    const original = { mcpServers: { github: { command: 'gh-mcp', args: [] } }, other: { keep: true } };
    await writeFile(file(), `${JSON.stringify(original, null, 4)}\n`);
    await init('claude-code', { name: 'cp', tools: 'meetings' });
    const doc = await readJson(file());
    expect(doc['other']).toEqual({ keep: true });
    expect(doc['mcpServers']['github']).toEqual(original.mcpServers.github);
    expect(doc['mcpServers']['cp']['args']).toEqual(['-y', '@chilipiper-mcp/stdio', '--tools', 'meetings']);
    const text = await readFile(file(), 'utf8');
    expect(text).toMatch(/^ {4}"mcpServers"/m);
    expect(await backups(file())).toHaveLength(1);
    await init('claude-code', { name: 'cp', tools: 'meetings' });
    expect(await readFile(file(), 'utf8')).toBe(text);
    expect(await backups(file())).toHaveLength(1);
  });

  it('refuses invalid JSON and writes nothing', async () => {
    await mkdir(ctx.cwd, { recursive: true });
    await writeFile(file(), '{ "mcpServers": { // comment\n }');
    await expect(init('claude-code')).rejects.toThrow(/not valid JSON.*Nothing was written/);
    expect(await readFile(file(), 'utf8')).toBe('{ "mcpServers": { // comment\n }');
    await writeFile(file(), '[1, 2]');
    await expect(init('claude-code')).rejects.toThrow(/not a JSON object/);
  });

  it('writes ~/.claude.json for --scope user, and wraps npx in cmd /c on Windows', async () => {
    ctx = { ...ctx, platform: 'win32' };
    await init('claude-code', { scope: 'user' });
    const entry = (await readJson(join(ctx.home, '.claude.json')))['mcpServers']['chili-piper'];
    expect(entry['command']).toBe('cmd');
    expect(entry['args']).toEqual(['/c', 'npx', '-y', '@chilipiper-mcp/stdio']);
  });
});

describe('init cursor', () => {
  it('writes .cursor/mcp.json in the project with ${env:…}', async () => {
    await init('cursor', { 'base-url': 'https://edge.example/api' });
    expect(await readJson(join(ctx.cwd, '.cursor', 'mcp.json'))).toEqual({
      mcpServers: {
        'chili-piper': {
          command: 'npx',
          args: ['-y', '@chilipiper-mcp/stdio'],
          env: {
            CHILI_PIPER_BASE_URL: 'https://edge.example/api',
            CHILI_PIPER_API_KEY: '${env:CHILI_PIPER_API_KEY}',
          },
        },
      },
    });
  });

  it('writes ~/.cursor/mcp.json for --scope user and rejects other scopes', async () => {
    await init('cursor', { scope: 'user', sandbox: true });
    const entry = (await readJson(join(ctx.home, '.cursor', 'mcp.json')))['mcpServers']['chili-piper'];
    expect(entry).toEqual({ command: 'npx', args: ['-y', '@chilipiper-mcp/stdio', '--sandbox'] });
    await expect(init('cursor', { scope: 'global' })).rejects.toThrow(
      /--scope for Cursor is one of: project, user/,
    );
  });
});

describe('init claude-desktop', () => {
  it.each([
    ['darwin', ['home', 'Library', 'Application Support', 'Claude']],
    ['win32', ['appdata', 'Claude']],
    ['linux', ['home', '.config', 'Claude']],
  ] as const)('uses the %s path', async (platform, parts) => {
    ctx = { ...ctx, platform, env: { APPDATA: join(dir, 'appdata') } };
    await init('claude-desktop', { 'api-key': 'sk-desktop' });
    const file = join(dir, ...parts, 'claude_desktop_config.json');
    expect((await readJson(file))['mcpServers']['chili-piper']).toEqual({
      command: 'npx',
      args: ['-y', '@chilipiper-mcp/stdio'],
      env: { CHILI_PIPER_API_KEY: 'sk-desktop' },
    });
  });

  it('copies the key from the environment, or writes a placeholder and says so', async () => {
    ctx = { ...ctx, env: { CHILI_PIPER_API_KEY: ' sk-env ' } };
    await init('claude-desktop');
    const file = join(ctx.home, '.config', 'Claude', 'claude_desktop_config.json');
    expect((await readJson(file))['mcpServers']['chili-piper']['env']).toEqual({
      CHILI_PIPER_API_KEY: 'sk-env',
    });
    ctx = { ...ctx, env: {} };
    err = '';
    await init('claude-desktop', { path: join(dir, 'custom.json') });
    expect(
      (await readJson(join(dir, 'custom.json')))['mcpServers']['chili-piper']['env']['CHILI_PIPER_API_KEY'],
    ).toBe('paste-your-chili-piper-api-key-here');
    expect(err).toMatch(/replace "paste-your-chili-piper-api-key-here"/);
  });
});

describe('init files', () => {
  it('edits a symlinked config through the link', async () => {
    const real = join(dir, 'dotfiles', 'mcp.json');
    await mkdir(join(dir, 'dotfiles'), { recursive: true });
    await writeFile(real, '{"mcpServers":{"x":{"command":"x"}}}');
    await mkdir(join(ctx.cwd, '.cursor'), { recursive: true });
    await symlink(real, join(ctx.cwd, '.cursor', 'mcp.json'));
    await init('cursor');
    expect((await lstat(join(ctx.cwd, '.cursor', 'mcp.json'))).isSymbolicLink()).toBe(true);
    expect(Object.keys((await readJson(real))['mcpServers'])).toEqual(['x', 'chili-piper']);
  });

  it('creates a file holding a literal key readable by the owner only', async () => {
    await init('cursor', { 'api-key': 'sk-private', scope: 'user' });
    const mode = (await stat(join(ctx.home, '.cursor', 'mcp.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});

describe('init options', () => {
  it('--print prints and writes nothing', async () => {
    await init('codex', { print: true });
    expect((parse(out) as Json)['mcp_servers']['chili-piper']['env_vars']).toEqual(['CHILI_PIPER_API_KEY']);
    await init('cursor', { print: true, name: 'cp' });
    await expect(readdir(ctx.home)).rejects.toThrow(/ENOENT/);
  });

  it('rejects an unknown client, a bad name and an unknown tool', async () => {
    await expect(init(undefined as unknown as string)).rejects.toThrow(/^init needs a client: one of codex/);
    await expect(init('vscode')).rejects.toThrow(
      'init cannot configure "vscode"; it knows codex, claude-code, gemini, opencode, cursor, claude-desktop. For another client, add a stdio server that runs `npx -y @chilipiper-mcp/stdio` with CHILI_PIPER_API_KEY in its environment',
    );
    await expect(init('cursor', { name: 'chili piper' })).rejects.toThrow(/--name/);
    await expect(init('cursor', { tools: 'meetngs' })).rejects.toThrow(/"meetngs"/);
  });

  it('runs from the bin with HOME in a temp dir, writing the checkout command (npx with --npx)', async () => {
    const home = await tempDir();
    const run = await runCli(['init', 'codex'], cleanEnv(home));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const entry = () =>
      readToml(join(home, '.codex', 'config.toml')).then((d) => d['mcp_servers']['chili-piper']);
    expect(await entry()).toEqual({ command: 'node', args: [CLI], env_vars: ['CHILI_PIPER_API_KEY'] });
    expect(run.stderr).toContain(`The entry runs this checkout's build: node ${CLI}.`);
    const npx = await runCli(['init', 'codex', '--npx'], cleanEnv(home));
    expect(npx.code).toBe(0);
    expect(await entry()).toEqual({
      command: 'npx',
      args: ['-y', '@chilipiper-mcp/stdio'],
      env_vars: ['CHILI_PIPER_API_KEY'],
    });
    expect(npx.stderr).toContain('which works once the package is published on npm');
    const bad = await runCli(['init', 'codex', '--scope', 'team'], cleanEnv(home));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--scope for Codex/);
  });
});
