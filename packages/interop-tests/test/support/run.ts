import { spawn } from 'node:child_process';
import type { RunResult } from './node22.js';

/** What a finished command printed, its exit code and how long it took. */
export interface Timed extends RunResult {
  ms: number;
}

/** How {@link collect} spawns a command and when it gives up on it. */
export interface CollectOptions {
  cwd?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  timeoutMs: number;
  /** The note added to stderr on a timeout (in brackets, on a line of its own). */
  timeoutNote: string;
  /**
   * On a timeout, resolve at once instead of when the killed command's output closes: for `npx`, whose
   * own children keep that output open after npx itself is killed.
   */
  settleOnTimeout?: boolean;
}

/**
 * Spawns a command with stdin closed and collects what it prints; after `timeoutMs` it is killed (SIGKILL)
 * and the note added to stderr. Rejects only when the command cannot be spawned.
 */
export function collect(command: string, args: readonly string[], options: CollectOptions): Promise<Timed> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const settle = (code: number | null) => resolve({ code, stdout, stderr, ms: Date.now() - started });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      stderr += `\n[${options.timeoutNote}]`;
      if (options.settleOnTimeout) settle(null);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      settle(code);
    });
  });
}

/** Runs a command to completion with stdin closed; never rejects on a non-zero exit or a timeout. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Timed> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  // PWD follows cwd: opencode takes its project folder from PWD, not from the real working directory.
  const env = options.cwd ? { ...(options.env ?? process.env), PWD: options.cwd } : options.env;
  return collect(command, args, {
    cwd: options.cwd,
    env,
    timeoutMs,
    timeoutNote: `${command} ${args.join(' ')}: timed out after ${timeoutMs} ms`,
  });
}
