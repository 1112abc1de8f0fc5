// docs/serverless.md's Cloudflare Workers setup, as written: its options.ts and src/worker.ts snippets are
// bundled and run in workerd (Miniflare, Node 22 via npx) with the [vars] of its wrangler.toml, and called with
// a workers.dev Host header, as Cloudflare would. CHILI_PIPER_BASE_URL is added to reach the sandbox.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog, selectTools } from '@chilipiper-mcp/core';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker } from '../worker/build.mjs';
import { DOWNLOAD_TIMEOUT_MS } from './support/node22.js';
import type { Started } from './support/processes.js';
import { runWorker, stopWorkerTest, workerdUnavailable } from './support/miniflare.js';

const doc = readFileSync(new URL('../../../docs/serverless.md', import.meta.url), 'utf8');

/** The fenced block of `language` whose first line is `firstLine`. */
function snippet(language: string, firstLine: string): string {
  const start = doc.indexOf(`\`\`\`${language}\n${firstLine}\n`);
  if (start < 0) throw new Error(`docs/serverless.md has no ${language} block starting "${firstLine}"`);
  const body = start + language.length + 4;
  return doc.slice(body, doc.indexOf('\n```', body));
}

/** The `[vars]` of a wrangler.toml (string values only, which is all the snippet uses). */
function vars(toml: string): Record<string, string> {
  const section = toml.split(/^\[vars\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  return Object.fromEntries([...section.matchAll(/^(\w+)\s*=\s*"([^"]*)"\s*$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** JSON when the text is JSON, else the text (a 500 page, say). */
function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** POSTs one JSON-RPC message with a given Host header (fetch cannot set Host). */
function post(
  url: string,
  host: string,
  key: string,
  body: object,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        host,
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2025-06-18',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, ...body }));
  });
}

describe('docs/serverless.md wrangler.toml in workerd', () => {
  const dir = mkdtempSync(join(fileURLToPath(new URL('..', import.meta.url)), '.doc-worker-'));
  const toml = snippet('toml', '# wrangler.toml');
  let unavailable: string | undefined;
  let sandbox: Sandbox;
  let worker: Started | undefined;

  beforeAll(async () => {
    unavailable = await workerdUnavailable();
    if (unavailable) return;
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'options.ts'), snippet('ts', '// options.ts'));
    writeFileSync(join(dir, 'src', 'worker.ts'), snippet('ts', '// src/worker.ts'));
    expect(/^main = "src\/worker\.ts"$/m.test(toml)).toBe(true);
    const script = join(dir, 'worker.js');
    await buildWorker({
      outfile: script,
      source: `export { default } from ${JSON.stringify(join(dir, 'src', 'worker.ts'))};`,
    });
    sandbox = await createSandbox();
    const bindings = { ...vars(toml), CHILI_PIPER_BASE_URL: sandbox.url };
    worker = await runWorker(script, bindings);
  }, 3 * DOWNLOAD_TIMEOUT_MS);

  afterAll(() => stopWorkerTest(dir, worker, sandbox));

  it('sets caller-key mode and a Host allowlist without placeholders', () => {
    expect(vars(toml)).toStrictEqual({
      MCP_CREDENTIALS_MODE: 'caller-key',
      MCP_HTTP_ALLOWED_HOSTS: '.workers.dev',
    });
  });

  it('answers a workers.dev host with the tools, and calls one with the caller key', async (ctx) => {
    if (unavailable) ctx.skip(unavailable);
    const url = new URL('mcp', worker!.match).href;
    const host = 'chilipiper-mcp.acme-corp.workers.dev';
    const listed = await post(url, host, sandbox.apiKey, { method: 'tools/list' });
    expect(listed.status).toBe(200);
    expect((listed.json as { result: { tools: unknown[] } }).result.tools).toHaveLength(
      selectTools(catalog).length,
    );
    const called = await post(url, host, sandbox.apiKey, {
      method: 'tools/call',
      params: { name: 'tenant-get', arguments: {} },
    });
    expect(called.json).toMatchObject({
      result: { structuredContent: { tenantData: { subdomain: 'acme' } } },
    });
    const other = await post(url, 'evil.example.com', sandbox.apiKey, { method: 'tools/list' });
    expect(other.status).toBe(403);
  });
});
