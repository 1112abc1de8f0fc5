// Code mode's engine in a real edge runtime: worker/code-mode-worker.ts bundled by worker/build-code-mode.mjs
// (the engine's .wasm as a separate module, as Workers require) and run in workerd through Miniflare (Node 22
// via npx) on 127.0.0.1. The script's one host function fetches a local upstream on 127.0.0.1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCodeModeWorker } from '../worker/build-code-mode.mjs';
import { runModulesWorker, stopWorkerTest, workerdUnavailable } from './support/miniflare.js';
import { DOWNLOAD_TIMEOUT_MS } from './support/node22.js';
import type { Started } from './support/processes.js';
import { startUpstream, type Upstream } from './support/upstream.js';
import { expectEngineBundle } from './support/worker-bundle.js';

describe('code mode engine in workerd (Miniflare)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-code-mode-workerd-'));
  let upstream: Upstream;
  let unavailable: string | undefined;
  let worker: Started | undefined;
  let built: Awaited<ReturnType<typeof buildCodeModeWorker>>;

  beforeAll(async () => {
    built = await buildCodeModeWorker({ outdir: dir });
    upstream = await startUpstream({ meetings: [{ id: 'm1' }, { id: 'm2' }], page: 0 });
    unavailable = await workerdUnavailable();
    if (unavailable) return;
    worker = await runModulesWorker(built.script, { UPSTREAM_URL: upstream.url });
  }, 3 * DOWNLOAD_TIMEOUT_MS);

  afterAll(() => stopWorkerTest(dir, worker, upstream));

  const run = async (code: string) => {
    const response = await fetch(worker!.match, { method: 'POST', body: JSON.stringify({ code }) });
    return (await response.json()) as unknown;
  };

  it('bundles without Node built-ins, with the engine as a separate module, under the free plan limit', () => {
    expectEngineBundle(built, 'code mode Worker');
  });

  it('runs a script whose host function fetches the upstream', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const code = `
      const page = await cp.upstream({ page: 0, pageSize: 2 });
      console.log('meetings', page.meetings.length);
      return page.meetings.map((m) => m.id);`;
    expect(await run(code)).toStrictEqual({
      ok: true,
      value: ['m1', 'm2'],
      logs: ['meetings 2'],
      calls: 1,
      ms: expect.any(Number),
    });
    expect(upstream.seen).toStrictEqual([{ page: 0, pageSize: 2 }]);
  });

  it('has no fetch or process inside, stops an endless loop, and keeps serving', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    expect(await run('return [typeof fetch, typeof process, typeof require];')).toMatchObject({
      ok: true,
      value: ['undefined', 'undefined', 'undefined'],
    });
    expect(await run('while (true) {}')).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(await run('return 1 + 1;')).toMatchObject({ ok: true, value: 2 });
  });
});
