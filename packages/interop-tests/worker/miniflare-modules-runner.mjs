// Like miniflare-runner.mjs, for a Worker made of several modules in one folder: the script is loaded by path,
// and its relative imports of `.wasm` files become CompiledWasm modules (what wrangler uploads). Executed by
// Node 22 through
//   npx -y -p node@22 -p miniflare@<version> node miniflare-modules-runner.mjs <worker.js> <bindings-json>
// Prints `ready <url>` once the Worker answers, and exits when stdin closes (or on SIGTERM).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const binDir = (process.env.PATH ?? '')
  .split(':')
  .find((d) => existsSync(join(d, '..', 'miniflare', 'package.json')));
if (!binDir)
  throw new Error('miniflare is not installed next to any PATH entry (run me through npx -p miniflare)');
const require = createRequire(join(dirname(binDir), 'resolve.js'));
const { Miniflare } = await import(pathToFileURL(require.resolve('miniflare')).href);

const [scriptPath, bindingsJson = '{}'] = process.argv.slice(2);
const mf = new Miniflare({
  modules: true,
  scriptPath,
  modulesRoot: dirname(scriptPath),
  modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
  bindings: JSON.parse(bindingsJson),
  compatibilityDate: '2025-09-01',
  host: '127.0.0.1',
  port: 0,
});
const url = await mf.ready;
console.log(`ready ${url.href}`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await mf.dispose();
  process.exit(0);
};
process.stdin.on('end', close);
process.stdin.on('close', close);
process.stdin.resume();
process.on('SIGTERM', close);
