import { fileURLToPath } from 'node:url';
import { DOWNLOAD_TIMEOUT_MS, NODE22 } from './node22.js';
import { startUntil, type Started } from './processes.js';

/** The Miniflare (workerd) release the Worker tests run, through `npx -p node@22 -p <this>`. */
export const MINIFLARE = 'miniflare@4.20260730.0';

const runner = fileURLToPath(new URL('../../worker/miniflare-runner.mjs', import.meta.url));

/** Starts worker/miniflare-runner.mjs with these arguments; resolves once it prints the Worker's URL. */
function startRunner(args: readonly string[]): Promise<Started> {
  return startUntil(
    'npx',
    ['-y', '-p', NODE22, '-p', MINIFLARE, 'node', runner, ...args],
    /ready (http:\/\/\S+)/,
    { timeoutMs: DOWNLOAD_TIMEOUT_MS },
  );
}

/** Runs a bundled Worker script in workerd with these bindings; resolves once it prints its URL. */
export function runWorker(script: string, bindings: Record<string, string>): Promise<Started> {
  return startRunner([script, JSON.stringify(bindings)]);
}

/** Runs a Worker made of several modules in one folder (a script and the `.wasm` files it imports). */
export function runModulesWorker(script: string, bindings: Record<string, string>): Promise<Started> {
  return startRunner(['--modules', script, JSON.stringify(bindings)]);
}
