// Checks every published package the way npm users will see it: publint (exports/files/bin agree with the
// built output) and Are The Types Wrong (types resolve for ESM and CJS consumers). Run after `pnpm build`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../packages/', import.meta.url);
let failed = 0;
for (const dir of readdirSync(root)) {
  const pkg = JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8'));
  if (pkg.private) continue;
  const cwd = new URL(dir, root).pathname;
  // A bin-only package (no library entry) has no types for attw to check.
  const library = Object.keys(pkg.exports ?? {}).some((key) => key !== './package.json');
  for (const [cmd, args] of [
    ['publint', ['--strict', '--pack', 'npm']],
    ...(library ? [['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']]] : []),
  ]) {
    const bin = new URL(`../node_modules/.bin/${cmd}`, import.meta.url).pathname;
    const r = spawnSync(bin, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
    const ok = r.status === 0;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${pkg.name}: ${cmd}`);
    if (!ok) console.log((r.stdout + r.stderr).trim());
  }
}
process.exit(failed ? 1 : 0);
