import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DOWNLOAD_TIMEOUT_MS,
  ensureInstalled,
  NODE22,
  node22Unavailable,
  unavailableOrThrow,
} from './node22.js';
import { startUntil, stopChild, type Started } from './processes.js';

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

/**
 * Why the Worker tests cannot run here (reported by `unavailableOrThrow`: skipped locally, an Error under CI),
 * or undefined: Node 22 or Miniflare cannot be installed, or, with `probeDir`, a trivial Worker written there
 * does not start, so a runtime that cannot start is told apart from a bundle that does not work in it.
 */
export async function workerdUnavailable(probeDir?: string): Promise<string | undefined> {
  let why = (await node22Unavailable()) ?? (await ensureInstalled([NODE22, MINIFLARE]));
  if (!why && probeDir) {
    const hello = join(probeDir, 'hello.js');
    writeFileSync(hello, 'export default { fetch() { return new Response("hello"); } };');
    try {
      const probe = await runWorker(hello, {});
      await stopChild(probe.child);
    } catch (error) {
      why = `workerd (${MINIFLARE}) does not run here: ${(error as Error).message}`;
    }
  }
  return unavailableOrThrow(why);
}

/** Ends a Worker test: stops the Worker, closes what else it opened (a sandbox, an upstream), removes `dir`. */
export async function stopWorkerTest(
  dir: string,
  worker: Started | undefined,
  ...opened: ({ close(): Promise<void> } | undefined)[]
): Promise<void> {
  await stopChild(worker?.child);
  for (const each of opened) await each?.close();
  rmSync(dir, { recursive: true, force: true });
}
