// Checks the packages as npm users will get them: packs each public package with `pnpm pack` (which rewrites
// `workspace:^` to versions), checks what each tarball holds, installs all of them with npm into an empty
// folder outside the workspace (registry dependencies come from the npm registry), and runs the ESM, CommonJS
// and stdio smoke tests of scripts/tarball-smoke there. Run after `pnpm build`.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const smoke = join(root, 'scripts', 'tarball-smoke');
const work = mkdtempSync(join(tmpdir(), 'chilipiper-mcp-tarballs-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);
const license = readFileSync(join(root, 'LICENSE'), 'utf8');
const started = Date.now();
let failed = 0;

function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n${detail}`}`);
  if (!ok) failed++;
}

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

const pnpm = process.env.npm_execpath?.includes('pnpm')
  ? [process.execPath, process.env.npm_execpath]
  : ['npx', '-y', 'pnpm@10'];
const packed = [];
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const r = run(
    pnpm[0],
    [...pnpm.slice(1), 'pack', '--pack-destination', tarballs],
    join(root, 'packages', dir),
  );
  check(r.ok, `${pkg.name}: pnpm pack`, r.output);
  const file = readdirSync(tarballs).find(
    (f) => f.startsWith(pkg.name.slice(1).replace('/', '-')) && !packed.includes(f),
  );
  if (!file) continue;
  packed.push(file);
  const listing = execFileSync('tar', ['-tzf', join(tarballs, file)], { encoding: 'utf8' }).split('\n');
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', join(tarballs, file), 'package/package.json'], { encoding: 'utf8' }),
  );
  const packedLicense = listing.includes('package/LICENSE')
    ? execFileSync('tar', ['-xzOf', join(tarballs, file), 'package/LICENSE'], { encoding: 'utf8' })
    : '';
  check(packedLicense === license, `${pkg.name}: LICENSE in the tarball, same as the repository's`);
  check(listing.includes('package/README.md'), `${pkg.name}: README.md in the tarball`);
  const metadata = ['repository', 'homepage', 'bugs', 'keywords'].filter((k) => !manifest[k]);
  check(
    metadata.length === 0 && manifest.repository.directory === `packages/${dir}`,
    `${pkg.name}: repository (with directory), homepage, bugs, keywords`,
    `missing or wrong: ${metadata.join(', ') || `repository.directory ${manifest.repository?.directory}`}`,
  );
  const workspaceRefs = JSON.stringify(manifest).match(/"workspace:[^"]*"/g);
  check(!workspaceRefs, `${pkg.name}: no workspace: ranges left`, String(workspaceRefs));
}

writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'tarball-check', private: true }, null, 2));
const install = run(
  'npm',
  [
    'install',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...packed.map((f) => join(tarballs, f)),
    'ai@^7',
    'zod@^4',
  ],
  app,
);
check(install.ok, `npm install of ${packed.length} tarballs (+ ai, zod) into ${app}`, install.output);
if (install.ok) {
  for (const file of readdirSync(smoke)) copyFileSync(join(smoke, file), join(app, file));
  for (const file of ['esm.mjs', 'cjs.cjs', 'stdio.mjs']) {
    const r = run(process.execPath, [file], app);
    check(r.ok, `smoke test ${file}`, r.output);
  }
}
if (!failed) rmSync(work, { recursive: true, force: true });
console.log(
  `${failed ? `${failed} failed` : 'all passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s${failed ? ` (kept ${work})` : ''}`,
);
process.exit(failed ? 1 : 0);
