// The four MCP clients people run, pinned, installed once into the npx cache (one `npx -p … -p …` for all
// of them, under the same machine-wide lock as the Node 22 tools) and started from that cache's bin folder.
// None needs Node 22: Claude Code, Codex and opencode ship native binaries, Gemini CLI runs on Node 20.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { npx, withInstallLock } from './node22.js';

/** The client packages, pinned. Bump deliberately and re-run the suite. */
export const CLIENT_PACKAGES = {
  codex: '@openai/codex@0.171.0',
  claude: '@anthropic-ai/claude-code@2.1.332',
  gemini: '@google/gemini-cli@0.61.0',
  opencode: 'opencode-ai@1.18.33',
} as const;

export type ClientName = keyof typeof CLIENT_PACKAGES;

/** The pinned version of a client (what `--version` must print). */
export const versionOf = (client: ClientName) => CLIENT_PACKAGES[client].split('@').at(-1)!;

/** A fresh install downloads about 500 MB (1.3 GB unpacked). */
export const CLIENT_INSTALL_TIMEOUT_MS = 420_000;

let install: Promise<{ bin: string } | { unavailable: string }> | undefined;

/**
 * Installs the pinned clients (once per machine; later runs find them in the npx cache) and resolves the
 * cache's bin folder, or the exact error to skip with.
 */
export function clientsBin(): Promise<{ bin: string } | { unavailable: string }> {
  const packages = Object.values(CLIENT_PACKAGES);
  install ??= withInstallLock(() =>
    npx([...packages.flatMap((p) => ['-p', p]), 'node', '-e', 'process.stdout.write(process.env.PATH)'], {
      timeoutMs: CLIENT_INSTALL_TIMEOUT_MS,
    }),
  ).then(
    (r) => {
      const bin = r.stdout
        .split(':')
        .find((p) => p.includes('_npx') && p.endsWith(join('node_modules', '.bin')));
      if (r.code === 0 && bin) return { bin };
      const cmd = `npx -y ${packages.map((p) => `-p ${p}`).join(' ')}`;
      return { unavailable: `${cmd} failed (exit ${r.code}): ${r.stderr || r.stdout}`.trim() };
    },
    (error: unknown) => ({ unavailable: `npx could not be spawned: ${String(error)}` }),
  );
  return install;
}

const EXECUTABLE: Record<ClientName, string> = {
  codex: 'codex',
  claude: 'claude',
  gemini: 'gemini',
  opencode: 'opencode',
};

/** The path of a client's executable in the npx cache. */
export const executable = (bin: string, client: ClientName) => join(bin, EXECUTABLE[client]);

/** Variables that would leak the developer's own setup (keys, homes, endpoints) into a client. */
const FOREIGN = /^(CHILI_PIPER_|MCP_|ANTHROPIC_|CLAUDE|OPENAI_|CODEX_|GEMINI_|GOOGLE_|OPENCODE|XDG_)/;

/** Turns off what each client does on its own (update checks, telemetry, background traffic) and lets slow starts finish. */
const QUIET: Record<string, string> = {
  DISABLE_AUTOUPDATER: '1',
  DISABLE_TELEMETRY: '1',
  DISABLE_ERROR_REPORTING: '1',
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  // `claude -p` starts its first model turn without waiting for MCP servers; on a loaded machine the turn
  // then goes out without their tools. These make it wait for them (up to 60 s instead of 5 s).
  MCP_CONNECTION_NONBLOCKING: 'false',
  MCP_CONNECT_TIMEOUT_MS: '60000',
  OPENCODE_DISABLE_AUTOUPDATE: '1',
  OPENCODE_DISABLE_MODELS_FETCH: '1',
  OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
  OPENCODE_DISABLE_SHARE: '1',
  OPENCODE_DISABLE_DEFAULT_PLUGINS: '1', // else it resolves its plugins on the npm registry at every start
  NO_COLOR: '1',
};

/**
 * An environment for a client whose home is `home` (HOME, XDG folders, CODEX_HOME inside it), with none of
 * the caller's client or Chili Piper variables, the quiet switches above, and `extra` on top.
 */
export function clientEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !FOREIGN.test(k)) env[k] = v;
  for (const dir of ['.config', '.cache', '.local/share', '.local/state'])
    mkdirSync(join(home, dir), { recursive: true });
  return {
    ...env,
    ...QUIET,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    CODEX_HOME: join(home, '.codex'),
    ...extra,
  };
}
