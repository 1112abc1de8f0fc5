import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { catalog, selectTools } from '@chilipiper-mcp/core';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The upstream a transport under test talks to: a sandbox Edge API and a key for it. */
export interface Upstream {
  readonly url: string;
  readonly apiKey: string;
}

/** How a transport package plugs into the shared contract suite. */
export interface TransportHarness {
  /** Starts the transport against `upstream` and returns a connected MCP client. */
  connect(upstream: Upstream): Promise<{ client: Client; close(): Promise<void> }>;
}

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

interface TextResult {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
}

function textOf(result: TextResult): string {
  return result.content.map((c) => c.text ?? '').join('\n');
}

/**
 * The contract every transport must pass, the way every unstorage driver runs `testDriver()`:
 * list, a read call, a validation error (nothing sent), an upstream error, and a write sent exactly once.
 */
export function describeTransportContract(name: string, harness: TransportHarness): void {
  describe(`transport contract: ${name}`, () => {
    let sandbox: Sandbox;
    let client: Client;
    let close: () => Promise<void>;

    beforeAll(async () => {
      sandbox = await createSandbox();
      ({ client, close } = await harness.connect({ url: sandbox.url, apiKey: sandbox.apiKey }));
    });
    afterAll(async () => {
      await close?.();
      await sandbox?.close();
    });

    const call = async (tool: string, args: Record<string, unknown> = {}) =>
      (await client.callTool({ name: tool, arguments: args })) as TextResult;

    it('lists the default tools with safety annotations', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toStrictEqual(selectTools(catalog).map((t) => t.name));
      const cancel = tools.find((t) => t.name === 'meeting-cancel');
      expect(cancel?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
      const list = tools.find((t) => t.name === 'meeting-list-put');
      expect(list?.annotations).toMatchObject({ readOnlyHint: true });
      expect(list?.inputSchema.required).toEqual(expect.arrayContaining(['start', 'end']));
    });

    it('calls a read tool and returns structured content', async () => {
      const result = await call('tenant-get');
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent?.['type']).toBe('Organization');
      expect(JSON.parse(textOf(result))).toStrictEqual(result.structuredContent);
    });

    it('rejects invalid arguments by name without calling upstream', async () => {
      const before = sandbox.requests.length;
      const result = await call('meeting-list-put', {
        start: 'yesterday',
        end: '2026-01-02T00:00:00Z',
        bogus: 1,
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/start/);
      expect(textOf(result)).toMatch(/bogus/);
      expect(sandbox.requests.length).toBe(before);
    });

    it('maps an upstream error into a readable isError result', async () => {
      const result = await call('user-read', { userId: 'ffffffffffffffffffffffff' });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/404|not found/i);
      expect(textOf(result)).not.toContain(sandbox.apiKey);
    });

    it('performs a write exactly once and a later read sees it', async () => {
      const workspaces = (await call('workspace-list', { pagination: { pageSize: 50 } }))
        .structuredContent as {
        results: { id: string }[];
      };
      const [first, second] = workspaces.results;
      expect(second).toBeDefined();
      const users = (
        await call('workspace-list-users', { workspaceId: first!.id, pagination: { pageSize: 50 } })
      ).structuredContent as { results: { id: string; workspaces?: unknown[] }[] };
      const user = users.results[0]!;
      const before = sandbox.requests.filter((r) => r.path.endsWith('/workspace/users/add')).length;
      const added = await call('workspace-add-users', { workspaceId: second!.id, userIds: [user.id] });
      expect(added.isError).toBeFalsy();
      expect(sandbox.requests.filter((r) => r.path.endsWith('/workspace/users/add')).length).toBe(before + 1);
      const read = await call('user-read', { userId: user.id });
      expect(JSON.stringify(read.structuredContent)).toContain(second!.id);
    });
  });
}
