// Runs tools that need Node 22 (the conformance suite, Miniflare) through `npx -p node@22`, which downloads
// a Node 22 binary from the npm registry on first use. On a machine where that cannot happen, the tests skip
// with the exact error; under CI they fail instead.
import { closeSync, openSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from './run.js';

export const NODE22 = 'node@22';
/** First downloads can be slow. */
export const DOWNLOAD_TIMEOUT_MS = 180_000;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const npmNoise =
  /^npm warn (Unknown user config|EBADENGINE)|^npm warn EBADENGINE|^npm warn\s+(package|required|current):|^npm warn }/;

/** Drops npm's config and engine warnings from captured output. */
export function quiet(text: string): string {
  return text
    .split('\n')
    .filter((line) => !npmNoise.test(line))
    .join('\n');
}

/** Runs `npx -y <args>` and collects its output, npm's warnings left out (never rejects on a non-zero exit). */
export async function npx(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const r = await collect('npx', ['-y', ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    timeoutMs,
    timeoutNote: `timed out after ${timeoutMs} ms`,
    settleOnTimeout: true,
  });
  return { code: r.code, stdout: r.stdout, stderr: quiet(r.stderr) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` while holding a machine-wide lock file. Test files run in parallel, and two `npx -y` processes
 * installing into the npx cache at the same time can trip over each other (ENOTEMPTY on rename), so every
 * install goes through here. A lock not refreshed for the download timeout is considered stale (its holder
 * died).
 */
export async function withInstallLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'chilipiper-mcp-interop-npx.lock');
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > DOWNLOAD_TIMEOUT_MS) rmSync(lock, { force: true });
      } catch {
        // released meanwhile
      }
      await sleep(250);
    }
  }
  // The holder keeps the lock fresh, so a long install (the MCP clients are ~500 MB) is never taken for stale.
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(lock, now, now);
    } catch {
      // removed by hand: nothing to keep fresh
    }
  }, 10_000);
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    rmSync(lock, { force: true });
  }
}

const installs = new Map<string, Promise<string | undefined>>();

/**
 * Makes sure `npx -p <packages…>` is in the npx cache (downloading it if needed, one install at a time).
 * Resolves `undefined` on success, else the exact error. Long-running commands started afterwards with the
 * same package list then start without a download.
 */
export function ensureInstalled(packages: readonly string[]): Promise<string | undefined> {
  const key = packages.join(' ');
  let install = installs.get(key);
  if (!install) {
    install = withInstallLock(() => npx([...packages.flatMap((p) => ['-p', p]), 'node', '-e', '0'])).then(
      (r) =>
        r.code === 0
          ? undefined
          : `npx -y ${packages.map((p) => `-p ${p}`).join(' ')} failed (exit ${r.code}): ${r.stderr}`,
      (error: unknown) => `npx could not be spawned: ${String(error)}`,
    );
    installs.set(key, install);
  }
  return install;
}

let probe: Promise<string | undefined> | undefined;

/**
 * Checks once per process that `npx -p node@22 node` runs. Resolves `undefined` when it does, else the exact
 * error (exit code and output) to skip with.
 */
export function node22Unavailable(): Promise<string | undefined> {
  probe ??= withInstallLock(() =>
    npx(['-p', NODE22, 'node', '-e', 'process.stdout.write(process.version)']),
  ).then(
    (r) =>
      r.code === 0 && r.stdout.startsWith('v22.')
        ? undefined
        : `npx -y -p ${NODE22} node failed (exit ${r.code}): ${r.stdout}\n${r.stderr}`.trim(),
    (error: unknown) => `npx could not be spawned: ${String(error)}`,
  );
  return probe;
}

/** The reason to skip with, or an Error under CI (where every runtime must be obtainable). */
export function unavailableOrThrow(why: string | undefined): string | undefined {
  if (why && process.env['CI']) throw new Error(why);
  if (why) console.warn(`[skipped] ${why}`);
  return why;
}
