// Runs a Worker in workerd through Miniflare, on 127.0.0.1. Executed by Node 22 through
//   npx -y -p node@22 -p miniflare@<version> node miniflare-runner.mjs [--modules] <script> <bindings-json>
// (a JSON list of compatibility flags may follow). The script is one bundled ES module, read as text; with
// --modules, a Worker made of several modules in one folder: loaded by path, its relative imports of `.wasm`
// files become CompiledWasm modules (what wrangler uploads). Prints `ready <url>` once the Worker answers,
// and exits when stdin closes (or on SIGTERM).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// npx puts the package's bin directory on PATH; the package itself sits next to it.
const binDir = (process.env.PATH ?? '')
  .split(':')
  .find((d) => existsSync(join(d, '..', 'miniflare', 'package.json')));
if (!binDir)
  throw new Error('miniflare is not installed next to any PATH entry (run me through npx -p miniflare)');
const require = createRequire(join(dirname(binDir), 'resolve.js'));
const { Miniflare } = await import(pathToFileURL(require.resolve('miniflare')).href);

const args = process.argv.slice(2);
const modules = args[0] === '--modules';
const [scriptPath, bindingsJson = '{}', flagsJson = '[]'] = modules ? args.slice(1) : args;
const mf = new Miniflare({
  modules: true,
  ...(modules
    ? {
        scriptPath,
        modulesRoot: dirname(scriptPath),
        modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
      }
    : { script: readFileSync(scriptPath, 'utf8') }),
  bindings: JSON.parse(bindingsJson),
  compatibilityDate: '2025-09-01',
  compatibilityFlags: JSON.parse(flagsJson),
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
