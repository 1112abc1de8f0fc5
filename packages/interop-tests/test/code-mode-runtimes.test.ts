// Code mode's engine on Deno and Bun, from their npm packages (`npx -y deno@…`, `npx -y bun@…`): the driver
// imports the engine from core's source, loads the WebAssembly the default way (no wasmModule), and runs a
// script whose host function fetches an upstream on 127.0.0.1, an endless loop, and a check of the globals.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOAD_TIMEOUT_MS, ensureInstalled, npx, unavailableOrThrow } from './support/node22.js';
import { startUpstream, type Upstream } from './support/upstream.js';

const driver = fileURLToPath(new URL('../runtimes/code-mode-driver.mjs', import.meta.url));
const RUNTIMES = {
  deno: ['deno@2.9.6', 'run', '--sloppy-imports', '--allow-read', '--allow-net=127.0.0.1', driver],
  bun: ['bun@1.4.5', driver],
} as const;

describe.each(Object.entries(RUNTIMES))('code mode engine on %s', (_name, [pkg, ...args]) => {
  let upstream: Upstream;
  let unavailable: string | undefined;

  beforeAll(async () => {
    upstream = await startUpstream({ meetings: [{ id: 'm1' }, { id: 'm2' }] });
    unavailable = unavailableOrThrow(await ensureInstalled([pkg]));
  }, DOWNLOAD_TIMEOUT_MS);

  afterAll(() => upstream?.close());

  it('runs a script with a host call, stops an endless loop, and exposes nothing of the runtime', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const result = await npx([pkg, ...args, upstream.url], { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const outcomes = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    const ms = expect.any(Number);
    expect(outcomes).toStrictEqual([
      { ok: true, value: [{ id: 'm1' }, { id: 'm2' }], logs: ['got 2'], calls: 1, ms },
      {
        ok: false,
        error: { kind: 'timeout', message: 'The script ran longer than 1000 ms and was stopped.' },
        logs: [],
        calls: 0,
        ms,
      },
      {
        ok: true,
        value: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
        logs: [],
        calls: 0,
        ms,
      },
    ]);
    expect(upstream.seen).toStrictEqual([{ page: 1 }]);
  });
});
