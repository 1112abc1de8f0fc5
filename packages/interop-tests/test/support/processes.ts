import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  /** The first capture group of `pattern` in the output. */
  match: string;
  output: () => string;
}

/** Spawns a command and resolves once its stdout or stderr matches `pattern`; rejects on exit or timeout. */
export function startUntil(
  command: string,
  args: readonly string[],
  pattern: RegExp,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let done = false;
    const finish = (error?: Error, match?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve({ child, match: match ?? '', output: () => output });
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(
        new Error(`${command} ${args.join(' ')}: no ${pattern} after ${options.timeoutMs} ms:\n${output}`),
      );
    }, options.timeoutMs);
    const onData = (d: Buffer) => {
      output += d;
      const m = pattern.exec(output);
      if (m) finish(undefined, m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => finish(e));
    child.on('exit', (code) =>
      finish(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Ends a child: closes its stdin, then SIGTERM, then SIGKILL. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const term = setTimeout(() => child.kill('SIGTERM'), 2_000);
  const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(term);
  clearTimeout(kill);
}
