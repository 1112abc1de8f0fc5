// `node scripts/start.mjs [flags]` (what `pnpm start` runs): builds only the packages whose build is older than
// their sources, then runs the HTTP server's CLI in this process, so Ctrl-C ends it with exit code 0. Flags pass
// through, e.g. `--port 4000` (all of them: `node scripts/start.mjs --help`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stalePackages } from './stale-packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (message) => process.stderr.write(`start: ${message}\n`);

if (!existsSync(join(root, 'node_modules'))) {
  say('dependencies are not installed: run npx -y pnpm@10 install first.');
  process.exit(1);
}
const stale = stalePackages(root);
if (stale.length > 0) {
  say(`building ${stale.join(', ')} (sources are newer than their build)`);
  const pnpm = process.env.npm_execpath?.includes('pnpm')
    ? [process.execPath, process.env.npm_execpath]
    : ['npx', '-y', 'pnpm@10'];
  const filters = stale.flatMap((name) => ['--filter', name]);
  const build = spawnSync(pnpm[0], [...pnpm.slice(1), ...filters, 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../packages/http/dist/cli.js');
