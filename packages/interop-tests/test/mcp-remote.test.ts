// mcp-remote as a stdio bridge, the way Claude Desktop reaches a hosted server: the SDK client speaks stdio to
// `npx mcp-remote <url> --header "Authorization: Bearer <key>"`, which speaks Streamable HTTP to `serve()` in
// caller-key mode; the sandbox must see the caller's own key.
import { catalog, selectTools } from '@chilipiper-mcp/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { serve, type RunningServer } from '@chilipiper-mcp/http';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOAD_TIMEOUT_MS, ensureInstalled, unavailableOrThrow } from './support/node22.js';

export const MCP_REMOTE = 'mcp-remote@0.15.1';

describe(`${MCP_REMOTE} bridging stdio to the HTTP transport`, () => {
  const configDir = mkdtempSync(join(tmpdir(), 'cp-mcp-remote-'));
  let sandbox: Sandbox;
  let server: RunningServer;
  let unavailable: string | undefined;

  beforeAll(async () => {
    unavailable = unavailableOrThrow(await ensureInstalled([MCP_REMOTE]));
    sandbox = await createSandbox();
    server = await serve({
      port: 0,
      host: '127.0.0.1',
      baseUrl: sandbox.url,
      credentials: { mode: 'caller-key' },
    });
  }, DOWNLOAD_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it(
    'lists tools and calls tenant-get with the caller key forwarded upstream',
    async (ctx) => {
      if (unavailable) ctx.skip(unavailable);
      const callerKey = sandbox.createKey({ tenant: 'globex', label: 'mcp-remote-caller' });
      const transport = new StdioClientTransport({
        command: 'npx',
        args: [
          '-y',
          MCP_REMOTE,
          server.url,
          '--header',
          `Authorization: Bearer ${callerKey}`,
          '--transport',
          'http-only',
        ],
        // mcp-remote keeps OAuth state under MCP_REMOTE_CONFIG_DIR; keep it out of the home directory.
        env: { ...(process.env as Record<string, string>), MCP_REMOTE_CONFIG_DIR: configDir },
        stderr: 'pipe',
      });
      let stderr = '';
      transport.stderr?.on('data', (d: Buffer) => (stderr += d));
      const client = new Client({ name: 'mcp-remote-test', version: '0.0.0' });
      try {
        await client.connect(transport, { timeout: DOWNLOAD_TIMEOUT_MS });
        const { tools } = await client.listTools();
        expect(tools, stderr).toHaveLength(selectTools(catalog).length);
        const before = sandbox.requests.length;
        const result = await client.callTool({ name: 'tenant-get', arguments: {} });
        expect(result.isError ?? false, stderr).toBe(false);
        expect(result.structuredContent).toMatchObject({ tenantData: { subdomain: 'globex' } });
        expect(sandbox.requests.slice(before)).toMatchObject([
          { operation: 'tenant-get', keyId: 'mcp-remote-caller', tenant: 'globex', status: 200 },
        ]);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nmcp-remote stderr:\n${stderr}`, { cause: error });
      } finally {
        await client.close();
      }
    },
    DOWNLOAD_TIMEOUT_MS,
  );
});
