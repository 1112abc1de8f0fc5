import { spawn } from 'node:child_process';
import type { RunResult } from './node22.js';

/** What a finished command printed, its exit code and how long it took. */
export interface Timed extends RunResult {
  ms: number;
}

/** Runs a command to completion with stdin closed; never rejects on a non-zero exit or a timeout. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Timed> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // PWD follows cwd: opencode takes its project folder from PWD, not from the real working directory.
    const env = options.cwd ? { ...(options.env ?? process.env), PWD: options.cwd } : options.env;
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      stderr += `\n[${command} ${args.join(' ')}: timed out after ${timeoutMs} ms]`;
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
