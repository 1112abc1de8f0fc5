// Every client's config file exactly as `init` writes it (byte for byte, also what --print shows) and every
// line it prints, for each way the key reaches the server: the client's variable syntax, or a literal key in
// each scope (and, for Claude Desktop, a placeholder or the key copied from the environment).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInit, type InitFlags } from '../src/init/index.js';
import { tempDir } from './helpers.js';

interface Case {
  client: string;
  flags: InitFlags;
  env?: Record<string, string>;
  /** The file init creates, relative to a folder holding `home` and `project` (the working directory). */
  file: string;
  text: string;
  /** The lines after the launcher note; the last one ends with the `doctor` hint. */
  notes: string[];
}

const BASE_URL = 'https://edge.example/api';
const KEY = 'sk-literal';
const REF = '${CHILI_PIPER_API_KEY}';
const NPX = { command: 'npx', args: ['-y', '@chilipiper-mcp/stdio'] };
/** A JSON config as init formats it: two-space indentation, keys in this order, a final newline. */
const json = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
/** A JSON config holding one server under `mcpServers`. */
const mcpServers = (name: string, entry: unknown) => json({ mcpServers: { [name]: entry } });
const toml = (...lines: string[]) => `${lines.join('\n')}\n`;
/** What Gemini CLI, Cursor and Claude Desktop write for a literal key under the default name. */
const WITH_KEY = mcpServers('chili-piper', { ...NPX, env: { CHILI_PIPER_API_KEY: KEY } });

const CASES: Case[] = [
  {
    client: 'codex',
    flags: { name: 'cp', 'base-url': BASE_URL },
    file: 'home/.codex/config.toml',
    text: toml(
      '[mcp_servers.cp]',
      'command = "npx"',
      'args = [ "-y", "@chilipiper-mcp/stdio" ]',
      'env_vars = [ "CHILI_PIPER_API_KEY" ]',
      '',
      '[mcp_servers.cp.env]',
      'CHILI_PIPER_BASE_URL = "https://edge.example/api"',
    ),
    notes: [
      'Codex forwards CHILI_PIPER_API_KEY from the environment it runs in (env_vars): export it in your shell profile before starting Codex.',
      'Start Codex and run /mcp: "cp" should list its tools.',
    ],
  },
  {
    client: 'codex',
    flags: { scope: 'project', 'api-key': KEY },
    file: 'project/.codex/config.toml',
    text: toml(
      '[mcp_servers.chili-piper]',
      'command = "npx"',
      'args = [ "-y", "@chilipiper-mcp/stdio" ]',
      '',
      '[mcp_servers.chili-piper.env]',
      'CHILI_PIPER_API_KEY = "sk-literal"',
    ),
    notes: [
      'The key is stored in plain text in the config file; keep that file private.',
      'Start Codex and run /mcp: "chili-piper" should list its tools.',
    ],
  },
  {
    client: 'claude-code',
    flags: { name: 'cp', 'base-url': BASE_URL },
    file: 'project/.mcp.json',
    text: mcpServers('cp', {
      type: 'stdio',
      ...NPX,
      env: { CHILI_PIPER_BASE_URL: BASE_URL, CHILI_PIPER_API_KEY: REF },
    }),
    notes: [
      'Claude Code reads CHILI_PIPER_API_KEY from the environment it starts in: export it in your shell profile.',
      'Start Claude Code in this directory and approve the .mcp.json server "cp" when asked; then /mcp (or `claude mcp get cp` in a shell) shows it connected.',
    ],
  },
  {
    client: 'claude-code',
    flags: { 'api-key': KEY },
    file: 'project/.mcp.json',
    text: mcpServers('chili-piper', { type: 'stdio', ...NPX, env: { CHILI_PIPER_API_KEY: KEY } }),
    notes: [
      '.mcp.json now holds your API key: add .mcp.json to .gitignore so it is never committed.',
      'Start Claude Code in this directory and approve the .mcp.json server "chili-piper" when asked; then /mcp (or `claude mcp get chili-piper` in a shell) shows it connected.',
    ],
  },
  {
    client: 'claude-code',
    flags: { scope: 'user', 'api-key': KEY },
    file: 'home/.claude.json',
    text: mcpServers('chili-piper', { type: 'stdio', ...NPX, env: { CHILI_PIPER_API_KEY: KEY } }),
    notes: [
      'The key is stored in plain text in ~/.claude.json; keep that file private.',
      'Start Claude Code in any directory and run /mcp (or `claude mcp get chili-piper` in a shell): "chili-piper" should show connected.',
    ],
  },
  {
    client: 'gemini',
    flags: { name: 'cp', 'base-url': BASE_URL },
    file: 'project/.gemini/settings.json',
    text: mcpServers('cp', { ...NPX, env: { CHILI_PIPER_BASE_URL: BASE_URL, CHILI_PIPER_API_KEY: REF } }),
    notes: [
      'Gemini CLI fills in ${CHILI_PIPER_API_KEY} from the environment it starts in: export it in your shell profile.',
      'In this directory, run `gemini mcp list`: "cp" should show Connected. Gemini ignores every MCP server in a folder you have not trusted: accept the trust prompt when Gemini asks.',
    ],
  },
  {
    client: 'gemini',
    flags: { 'api-key': KEY },
    file: 'project/.gemini/settings.json',
    text: WITH_KEY,
    notes: [
      '.gemini/settings.json now holds your API key: keep it out of git.',
      'In this directory, run `gemini mcp list`: "chili-piper" should show Connected. Gemini ignores every MCP server in a folder you have not trusted: accept the trust prompt when Gemini asks.',
    ],
  },
  {
    client: 'gemini',
    flags: { scope: 'user', 'api-key': KEY },
    file: 'home/.gemini/settings.json',
    text: WITH_KEY,
    notes: [
      'The key is stored in plain text in ~/.gemini/settings.json; keep that file private.',
      'Run `gemini mcp list`: "chili-piper" should show Connected. Gemini ignores every MCP server in a folder you have not trusted: accept the trust prompt when Gemini asks.',
    ],
  },
  {
    client: 'opencode',
    flags: { name: 'cp', 'base-url': BASE_URL },
    file: 'project/opencode.json',
    text: json({
      mcp: {
        cp: {
          type: 'local',
          command: ['npx', '-y', '@chilipiper-mcp/stdio'],
          environment: { CHILI_PIPER_BASE_URL: BASE_URL, CHILI_PIPER_API_KEY: '{env:CHILI_PIPER_API_KEY}' },
          enabled: true,
        },
      },
    }),
    notes: [
      'opencode fills in {env:CHILI_PIPER_API_KEY} from the environment it starts in: export it in your shell profile.',
      'Run `opencode mcp list` here: "cp" should show connected.',
    ],
  },
  {
    client: 'opencode',
    flags: { 'api-key': KEY },
    file: 'project/opencode.json',
    text: json({
      mcp: {
        'chili-piper': {
          type: 'local',
          command: ['npx', '-y', '@chilipiper-mcp/stdio'],
          environment: { CHILI_PIPER_API_KEY: KEY },
          enabled: true,
        },
      },
    }),
    notes: [
      'opencode.json now holds your API key: keep it out of git.',
      'Run `opencode mcp list` here: "chili-piper" should show connected.',
    ],
  },
  {
    client: 'opencode',
    flags: { scope: 'user', 'api-key': KEY },
    file: 'home/.config/opencode/opencode.json',
    text: json({
      mcp: {
        'chili-piper': {
          type: 'local',
          command: ['npx', '-y', '@chilipiper-mcp/stdio'],
          environment: { CHILI_PIPER_API_KEY: KEY },
          enabled: true,
        },
      },
    }),
    notes: [
      'The key is stored in plain text in the config file; keep that file private.',
      'Run `opencode mcp list` here: "chili-piper" should show connected.',
    ],
  },
  {
    client: 'cursor',
    flags: { name: 'cp', 'base-url': BASE_URL },
    file: 'project/.cursor/mcp.json',
    text: mcpServers('cp', {
      ...NPX,
      env: { CHILI_PIPER_BASE_URL: BASE_URL, CHILI_PIPER_API_KEY: '${env:CHILI_PIPER_API_KEY}' },
    }),
    notes: [
      'Cursor reads CHILI_PIPER_API_KEY from the environment it was started from: export it, then restart Cursor.',
      'Open Cursor Settings > MCP (Tools & Integrations): "cp" should be enabled with its tools.',
    ],
  },
  {
    client: 'cursor',
    flags: { 'api-key': KEY },
    file: 'project/.cursor/mcp.json',
    text: WITH_KEY,
    notes: [
      '.cursor/mcp.json now holds your API key: add it to .gitignore so it is never committed.',
      'Open Cursor Settings > MCP (Tools & Integrations): "chili-piper" should be enabled with its tools.',
    ],
  },
  {
    client: 'cursor',
    flags: { scope: 'user', 'api-key': KEY },
    file: 'home/.cursor/mcp.json',
    text: WITH_KEY,
    notes: [
      'The key is stored in plain text in ~/.cursor/mcp.json; keep that file private.',
      'Open Cursor Settings > MCP (Tools & Integrations): "chili-piper" should be enabled with its tools.',
    ],
  },
  {
    client: 'claude-desktop',
    flags: { name: 'cp', 'base-url': BASE_URL },
    file: 'home/.config/Claude/claude_desktop_config.json',
    text: mcpServers('cp', {
      ...NPX,
      env: { CHILI_PIPER_BASE_URL: BASE_URL, CHILI_PIPER_API_KEY: 'paste-your-chili-piper-api-key-here' },
    }),
    notes: [
      'Claude Desktop does not pass your shell\'s variables on: replace "paste-your-chili-piper-api-key-here" in the file with your key (or re-run with CHILI_PIPER_API_KEY set).',
      'Quit and reopen Claude Desktop; "cp" appears under Settings > Developer and in the tools menu.',
    ],
  },
  {
    client: 'claude-desktop',
    flags: { 'api-key': KEY },
    file: 'home/.config/Claude/claude_desktop_config.json',
    text: WITH_KEY,
    notes: [
      'The key is stored in plain text in this file; keep it private.',
      'Quit and reopen Claude Desktop; "chili-piper" appears under Settings > Developer and in the tools menu.',
    ],
  },
  {
    client: 'claude-desktop',
    flags: {},
    env: { CHILI_PIPER_API_KEY: 'sk-env' },
    file: 'home/.config/Claude/claude_desktop_config.json',
    text: mcpServers('chili-piper', { ...NPX, env: { CHILI_PIPER_API_KEY: 'sk-env' } }),
    notes: [
      'Copied CHILI_PIPER_API_KEY from your environment into the file. The key is stored in plain text in this file; keep it private.',
      'Quit and reopen Claude Desktop; "chili-piper" appears under Settings > Developer and in the tools menu.',
    ],
  },
];

describe.each(CASES)('init $client $flags', ({ client, flags, env = {}, file, text, notes }) => {
  async function init(extra: InitFlags, output: { out?: string; err?: string }) {
    const dir = await tempDir();
    const ctx = { env, cwd: join(dir, 'project'), home: join(dir, 'home'), platform: 'linux' as const };
    await runInit(client, { ...flags, ...extra }, ctx, {
      out: (t) => void (output.out = (output.out ?? '') + t),
      err: (t) => void (output.err = (output.err ?? '') + t.replaceAll(dir, '<dir>')),
    });
    return dir;
  }

  it('writes exactly this file and says exactly this', async () => {
    const output: { err?: string } = {};
    const dir = await init({}, output);
    expect(await readFile(join(dir, file), 'utf8')).toBe(text);
    const lines = [
      `Created <dir>/${file}.`,
      'The entry runs `npx -y @chilipiper-mcp/stdio` (npm fetches the package on first start).',
      ...notes.slice(0, -1),
      `${notes.at(-1)} Check the setup any time with: npx -y @chilipiper-mcp/stdio doctor`,
    ];
    expect(output.err).toBe(lines.map((l) => `chilipiper-mcp: ${l}\n`).join(''));
  });

  it('prints the same text with --print', async () => {
    const output: { out?: string } = {};
    await init({ print: true }, output);
    expect(output.out).toBe(text);
  });
});
