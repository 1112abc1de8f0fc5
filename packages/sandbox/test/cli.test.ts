import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

beforeAll(() => {
  if (!existsSync(cli)) execFileSync('npx', ['tsup'], { cwd: pkgDir, stdio: 'ignore' });
}, 120_000);

function waitForOutput(proc: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timed out; output so far: ${out}`)), 15_000);
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    proc.on('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
  });
}

describe('chilipiper-sandbox CLI', () => {
  it('prints its URL and the demo key, serves health-ping, exits cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, [cli, '--port', '0', '--seed', '42', '--scale', '500'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = await waitForOutput(child, /API key \(Acme Corp, all permissions\): \S+\n/);
    const url = /URL: (\S+)/.exec(out)![1]!;
    const key = /API key \(Acme Corp, all permissions\): (\S+)/.exec(out)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/fire-edge$/);
    expect(key).toBe('sandbox_acme_demo_key_not_a_real_secret');
    const res = await fetch(`${url}/v1/org/health/ping`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toBe('ok');
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('--help prints the help and exits 0; an unknown flag is one line on stderr and exit 2', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: chilipiper-sandbox \[options\]\n/);
    expect(help.stdout).toContain('--now <time>');
    const bad = spawnSync(process.execPath, [cli, '--prot', '4010'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('chilipiper-sandbox: unknown option --prot (see chilipiper-sandbox --help)\n');
  });

  it('--now fixes the clock the seed is relative to', async () => {
    child = spawn(process.execPath, [cli, '--port', '0', '--now', '2026-03-10T12:00:00Z'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = await waitForOutput(child, /API key \(Acme Corp, all permissions\): \S+\n/);
    const url = /URL: (\S+)/.exec(out)![1]!;
    const key = /API key \(Acme Corp, all permissions\): (\S+)/.exec(out)![1]!;
    const res = await fetch(`${url}/v2/org/meetings/meetings`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ start: '2026-03-09T00:00:00Z', end: '2026-03-10T00:00:00Z', pageSize: 1 }),
    });
    expect(((await res.json()) as { hasMore: string }).hasMore).toBe('Yes');
  });

  it('exits cleanly on SIGINT', async () => {
    child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForOutput(child, /URL: /);
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
