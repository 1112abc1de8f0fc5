// Issue #6: the serverless handler in a real edge runtime. The handler is bundled into a Worker script
// (esbuild, browser/worker conditions, everything inlined, no Node built-ins, no nodejs_compat) and run in
// workerd through Miniflare (Node 22 via npx) on 127.0.0.1; the SDK client calls it, and the Worker calls the
// sandbox on 127.0.0.1. Then the same handler in code mode (issue #14), with the engine's .wasm as a module.
import { catalog, selectTools } from '@chilipiper-mcp/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker } from '../worker/build.mjs';
import { buildCodeModeWorker, mcpEntry } from '../worker/build-code-mode.mjs';
import { runModulesWorker, runWorker, stopWorkerTest, workerdUnavailable } from './support/miniflare.js';
import { DOWNLOAD_TIMEOUT_MS } from './support/node22.js';
import type { Started } from './support/processes.js';
import { expectEngineBundle } from './support/worker-bundle.js';

describe('serverless handler in workerd (Miniflare)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-workerd-'));
  let unavailable: string | undefined;
  let sandbox: Sandbox;
  let worker: Started | undefined;

  beforeAll(async () => {
    // Can workerd run here at all? A trivial Worker first (in `dir`).
    unavailable = await workerdUnavailable(dir);
    if (unavailable) return;
    sandbox = await createSandbox();
    const script = join(dir, 'worker.js');
    await buildWorker({ minify: true, outfile: script });
    worker = await runWorker(script, { CHILI_PIPER_BASE_URL: sandbox.url });
  }, 3 * DOWNLOAD_TIMEOUT_MS);

  afterAll(() => stopWorkerTest(dir, worker, sandbox));

  it('bundles without Node built-ins', async () => {
    const { bytes, metafile } = await buildWorker({ minify: true });
    expect(bytes).toBeGreaterThan(0);
    // `<runtime>` is esbuild's own helper module (its `require` shim for core's CommonJS fallback).
    const nodeImports = Object.values(metafile.inputs)
      .flatMap((input) => input.imports)
      .filter((i) => (i.external && i.path !== '<runtime>') || i.path.startsWith('node:'));
    expect(nodeImports).toEqual([]);
  });

  it('lists and calls tools through the Worker, with the caller key forwarded', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const url = new URL('mcp', worker!.match);
    const callerKey = sandbox.createKey({ tenant: 'globex', label: 'workerd-caller' });
    const client = new Client({ name: 'workerd-test', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(url, {
        requestInit: { headers: { Authorization: `Bearer ${callerKey}` } },
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(selectTools(catalog).length);
      const before = sandbox.requests.length;
      const result = await client.callTool({ name: 'tenant-get', arguments: {} });
      expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
      expect(result.structuredContent).toMatchObject({ tenantData: { subdomain: 'globex' } });
      expect(sandbox.requests.slice(before)).toMatchObject([
        { operation: 'tenant-get', keyId: 'workerd-caller', status: 200 },
      ]);
    } finally {
      await client.close();
    }
  });

  it('answers 405 to GET and 401 without a key, inside workerd', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const url = new URL('mcp', worker!.match);
    expect((await fetch(url)).status).toBe(405);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('serverless handler in code mode in workerd (Miniflare)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-workerd-code-mode-'));
  let unavailable: string | undefined;
  let sandbox: Sandbox;
  let worker: Started | undefined;
  let built: Awaited<ReturnType<typeof buildCodeModeWorker>>;

  beforeAll(async () => {
    built = await buildCodeModeWorker({ outdir: dir, from: mcpEntry });
    unavailable = await workerdUnavailable();
    if (unavailable) return;
    sandbox = await createSandbox();
    worker = await runModulesWorker(built.script, { CHILI_PIPER_BASE_URL: sandbox.url });
  }, 3 * DOWNLOAD_TIMEOUT_MS);

  afterAll(() => stopWorkerTest(dir, worker, sandbox));

  it('bundles the engine as a separate .wasm module, under the free plan limit', () => {
    expectEngineBundle(built, 'code mode MCP Worker');
  });

  it('runs one execute inside the Worker, with the caller key forwarded', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const callerKey = sandbox.createKey({ tenant: 'globex', label: 'workerd-code-mode' });
    const client = new Client({ name: 'workerd-code-mode', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL('mcp', worker!.match), {
        requestInit: { headers: { Authorization: `Bearer ${callerKey}` } },
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toStrictEqual(['search', 'execute']);
      const before = sandbox.requests.length;
      const code = `
        const tenant = await cp.tenantGet();
        console.log(typeof fetch, typeof process);
        return tenant.tenantData.subdomain;`;
      const result = await client.callTool({ name: 'execute', arguments: { code } });
      expect(result).toStrictEqual({
        content: [{ type: 'text', text: '"globex"\n--- console ---\nundefined undefined' }],
      });
      expect(sandbox.requests.slice(before)).toMatchObject([
        { operation: 'tenant-get', keyId: 'workerd-code-mode', status: 200 },
      ]);
      const loop = await client.callTool({ name: 'execute', arguments: { code: 'while (true) {}' } });
      expect(loop).toMatchObject({
        isError: true,
        content: [{ text: expect.stringMatching(/\(timeout\)/) }],
      });
      const search = await client.callTool({ name: 'search', arguments: { query: 'tenant' } });
      expect(JSON.stringify(search)).toContain('function tenantGet(');
    } finally {
      await client.close();
    }
  });
});
