// Runs tools that need Node 22 (the conformance suite, Miniflare) through `npx -p node@22`, which downloads
// a Node 22 binary from the npm registry on first use. On a machine where that cannot happen, the tests skip
// with the exact error; under CI they fail instead.
import { spawn } from 'node:child_process';

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

/** Runs `npx -y <args>` and collects its output (never rejects on a non-zero exit). */
export function npx(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['-y', ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, stdout, stderr: `${stderr}\n[timed out after ${timeoutMs} ms]` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr: quiet(stderr) });
    });
  });
}

let probe: Promise<string | undefined> | undefined;

/**
 * Checks once per process that `npx -p node@22 node` runs. Resolves `undefined` when it does, else the exact
 * error (exit code and output) to skip with.
 */
export function node22Unavailable(): Promise<string | undefined> {
  probe ??= npx(['-p', NODE22, 'node', '-e', 'process.stdout.write(process.version)']).then(
    (r) =>
      r.code === 0 && r.stdout.startsWith('v22.')
        ? undefined
        : `npx -y -p ${NODE22} node failed (exit ${r.code}): ${r.stdout}\n${r.stderr}`.trim(),
    (error: unknown) => `npx could not be spawned: ${String(error)}`,
  );
  return probe;
}

/** Skips (locally) or fails (under CI) when the runtime cannot be obtained. */
export async function requireNode22(skip: (note: string) => never): Promise<void> {
  const why = await node22Unavailable();
  if (!why) return;
  if (process.env['CI']) throw new Error(`Node 22 is required in CI: ${why}`);
  skip(`Node 22 could not be obtained here: ${why}`);
}
