// The official MCP conformance suite (@modelcontextprotocol/conformance, Node 22 via npx) against the HTTP
// transport: `serve()` on a loopback port with the sandbox upstream. The suite's client sends no
// Authorization header, so the server runs in server-key mode with `allowUnauthenticated` (loopback only).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type RunningServer } from '@chilipiper-mcp/http';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOWNLOAD_TIMEOUT_MS,
  ensureInstalled,
  NODE22,
  node22Unavailable,
  npx,
  unavailableOrThrow,
} from './support/node22.js';

export const CONFORMANCE = '@modelcontextprotocol/conformance@0.1.16';
const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'] as const;

interface Check {
  id: string;
  status: string;
  errorMessage?: string;
}

describe(`MCP conformance suite (${CONFORMANCE}) against the HTTP transport`, () => {
  const out = mkdtempSync(join(tmpdir(), 'cp-conformance-'));
  let unavailable: string | undefined;
  let sandbox: Sandbox;
  let server: RunningServer;

  beforeAll(async () => {
    unavailable = unavailableOrThrow(
      (await node22Unavailable()) ?? (await ensureInstalled([NODE22, CONFORMANCE])),
    );
    if (unavailable) return;
    sandbox = await createSandbox();
    server = await serve({
      port: 0,
      host: '127.0.0.1',
      baseUrl: sandbox.url,
      credentials: { mode: 'server-key', apiKey: sandbox.apiKey, allowUnauthenticated: true },
    });
  }, 2 * DOWNLOAD_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
    rmSync(out, { recursive: true, force: true });
  });

  for (const scenario of SCENARIOS) {
    it(
      scenario,
      async (ctx) => {
        if (unavailable) ctx.skip(unavailable);
        const dir = join(out, scenario);
        const run = await npx(
          [
            '-p',
            NODE22,
            '-p',
            CONFORMANCE,
            'conformance',
            'server',
            '--url',
            server.url,
            '--scenario',
            scenario,
            '-o',
            dir,
          ],
          { cwd: out },
        );
        const log = `${run.stdout}\n${run.stderr}`;
        expect(run.code, log).toBe(0);
        // Results land in <dir>/server-<scenario>-<timestamp>/checks.json.
        const results = existsSync(dir) ? readdirSync(dir).map((d) => join(dir, d, 'checks.json')) : [];
        const file = results.find((f) => existsSync(f));
        expect(file, log).toBeDefined();
        const checks = JSON.parse(readFileSync(file!, 'utf8')) as Check[];
        expect(checks.length, log).toBeGreaterThan(0);
        const failed = checks.filter((c) => c.status !== 'SUCCESS');
        expect(failed, log).toEqual([]);
      },
      DOWNLOAD_TIMEOUT_MS,
    );
  }
});
