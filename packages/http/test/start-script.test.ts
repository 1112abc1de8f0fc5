import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { stalePackages } from '../../../scripts/stale-packages.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const stale = stalePackages as (root: string) => string[];

/** A workspace with one package `a` whose src and dist have the given ages (seconds ago). */
async function workspace(srcAge: number, distAge: number | undefined): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'start-script-'));
  const pkg = join(root, 'packages', 'a');
  await mkdir(join(pkg, 'src'), { recursive: true });
  await mkdir(join(root, 'packages', 'no-build'), { recursive: true });
  await writeFile(join(root, 'packages', 'no-build', 'package.json'), '{"name":"no-build"}');
  const at = (age: number) => new Date(Date.now() - age * 1000);
  await writeFile(join(pkg, 'package.json'), '{"name":"a","scripts":{"build":"tsup"}}');
  await writeFile(join(pkg, 'src', 'index.ts'), 'export {};');
  for (const file of ['package.json', 'src/index.ts']) await utimes(join(pkg, file), at(100), at(100));
  await utimes(join(pkg, 'src', 'index.ts'), at(srcAge), at(srcAge));
  if (distAge !== undefined) {
    await mkdir(join(pkg, 'dist'));
    await writeFile(join(pkg, 'dist', 'index.js'), '');
    await utimes(join(pkg, 'dist', 'index.js'), at(distAge), at(distAge));
  }
  return root;
}

describe('start script', () => {
  it('builds a package only when its dist is missing or older than its sources', async () => {
    expect(stale(await workspace(60, 30))).toStrictEqual([]);
    expect(stale(await workspace(30, 60))).toStrictEqual(['a']);
    expect(stale(await workspace(60, undefined))).toStrictEqual(['a']);
  });

  it('finds the checkout built (pnpm test builds first)', () => {
    expect(stale(ROOT)).toStrictEqual([]);
  });

  it('serves without building and exits 0, quietly, on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, CHILI_PIPER_API_KEY: '', MCP_HTTP_PORT: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', () => {
        const match = /MCP endpoint: (http:\/\/\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`start exited early:\n${stderr}`)));
    });
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/start: building|ELIFECYCLE|Error/);
  });
});
