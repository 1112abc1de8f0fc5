import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The built bin, run as `node dist/cli.js` like npx runs it. */
export const CLI = resolve(here, '..', 'dist', 'cli.js');
/** The repository root (the Inspector runs from there). */
export const ROOT = resolve(here, '..', '..', '..');

if (!existsSync(CLI)) {
  throw new Error(`${CLI} is missing: build first (cd packages/stdio && npx tsup).`);
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'chilipiper-stdio-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * An environment for the CLI that holds none of the caller's CHILI_PIPER_* variables, with HOME and
 * APPDATA pointing at `home` so nothing touches the real home directory.
 */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('CHILI_PIPER_') && k !== 'CODEX_HOME' && k !== 'XDG_CONFIG_HOME') {
      env[k] = v;
    }
  }
  return { ...env, HOME: home, USERPROFILE: home, APPDATA: join(home, 'AppData'), ...extra };
}

/** The outcome of one CLI run. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to completion. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; input?: string; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { env, cwd: options.cwd ?? ROOT, timeout: options.timeoutMs ?? 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
