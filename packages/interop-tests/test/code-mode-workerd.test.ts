// Code mode's engine in a real edge runtime: worker/code-mode-worker.ts bundled by worker/build-code-mode.mjs
// (the engine's .wasm as a separate module, as Workers require) and run in workerd through Miniflare (Node 22
// via npx) on 127.0.0.1. The script's one host function fetches a local upstream on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCodeModeWorker } from '../worker/build-code-mode.mjs';
import {
  DOWNLOAD_TIMEOUT_MS,
  ensureInstalled,
  NODE22,
  node22Unavailable,
  unavailableOrThrow,
} from './support/node22.js';
import { startUntil, stopChild, type Started } from './support/processes.js';

/** The same Miniflare as test/workerd.test.ts. */
const MINIFLARE = 'miniflare@4.20260730.0';
const runner = fileURLToPath(new URL('../worker/miniflare-runner.mjs', import.meta.url));
/** The Workers free plan's limit on a Worker's compressed size (the paid plan allows 10 MiB). */
const FREE_PLAN_GZIP_BYTES = 3 * 1024 * 1024;

describe('code mode engine in workerd (Miniflare)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-code-mode-workerd-'));
  const seen: unknown[] = [];
  let upstream: Server;
  let unavailable: string | undefined;
  let worker: Started | undefined;
  let built: Awaited<ReturnType<typeof buildCodeModeWorker>>;

  beforeAll(async () => {
    built = await buildCodeModeWorker({ outdir: dir });
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => {
        seen.push(JSON.parse(body));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ meetings: [{ id: 'm1' }, { id: 'm2' }], page: 0 }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    unavailable = (await node22Unavailable()) ?? (await ensureInstalled([NODE22, MINIFLARE]));
    if (unavailableOrThrow(unavailable)) return;
    const { port } = upstream.address() as AddressInfo;
    worker = await startUntil(
      'npx',
      [
        ...['-y', '-p', NODE22, '-p', MINIFLARE, 'node', runner, '--modules', built.script],
        JSON.stringify({ UPSTREAM_URL: `http://127.0.0.1:${port}/meetings` }),
      ],
      /ready (http:\/\/\S+)/,
      { timeoutMs: DOWNLOAD_TIMEOUT_MS },
    );
  }, 3 * DOWNLOAD_TIMEOUT_MS);

  afterAll(async () => {
    await stopChild(worker?.child);
    await new Promise((resolve) => upstream?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (code: string) => {
    const response = await fetch(worker!.match, { method: 'POST', body: JSON.stringify({ code }) });
    return (await response.json()) as unknown;
  };

  it('bundles without Node built-ins, with the engine as a separate module, under the free plan limit', () => {
    const imports = Object.values(built.metafile.inputs).flatMap((input) => input.imports);
    expect(imports.filter((i) => i.path.startsWith('node:'))).toStrictEqual([]);
    // `<runtime>` is esbuild's own helper module (its `require` shim for core's CommonJS fallback).
    const external = imports.filter((i) => i.external && i.path !== '<runtime>').map((i) => i.path);
    expect(external).toStrictEqual(['./quickjs.wasm']);
    const { script, wasm } = built.sizes;
    console.info(
      `[code mode Worker] script ${script.raw} B (gzip ${script.gzip} B), quickjs.wasm ${wasm.raw} B (gzip ${wasm.gzip} B)`,
    );
    expect(script.gzip + wasm.gzip).toBeLessThan(FREE_PLAN_GZIP_BYTES);
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
    expect(seen).toStrictEqual([{ page: 0, pageSize: 2 }]);
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
