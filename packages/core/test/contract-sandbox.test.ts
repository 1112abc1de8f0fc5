import { createSandbox, ALL_PERMISSIONS } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, executeTool, getTool, resultText } from '../src/index.js';
import { rows } from './fixtures/sample-requests.js';

// The paging and permission each tool declares match the API. The permission each tool declares is the one the Edge API (here: the sandbox) asks for: a key holding every
// permission but that one is refused with a 403 that names it, and the tool's error message names it too.

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(async () => sandbox?.close());

const withPermission = catalog.filter((t) => t.permission);
const argsFor = (name: string) => rows.find(([n]) => n === name)![1];

/** Ids that exist in the sandbox, for the rows whose sample ids it cannot know. */
function realIds(): Record<string, Record<string, unknown>> {
  const acme = sandbox.tenant('acme');
  const user = [...acme.users.values()][0]!;
  const router = [...acme.conciergeRouters.values()][0]!;
  const interval = { startsAt: new Date(Date.now() + 86_400_000).toISOString(), duration: '3 days' };
  return {
    'workspace-list-users': { workspaceId: user.workspaces[0] },
    'assignment-table-definition-list': { workspaceId: user.workspaces[0] },
    'availability-slots': {
      expectedHost: { type: 'User', userId: user.id },
      attendees: [{ type: 'ManuallyAssigned', userId: user.id, required: true }],
      interval,
    },
    'concierge-logs': {
      workspaceId: router.workspaceId,
      routerId: router.id,
      start: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      end: new Date().toISOString(),
    },
  };
}

/** The page size the sandbox saw in the last request (query or body). */
function lastPageSize(): number | undefined {
  const last = sandbox.requests.at(-1)!;
  const fromQuery = last.query['pageSize'];
  if (fromQuery !== undefined) return Number(fromQuery);
  return (last.body as { pageSize?: number } | undefined)?.pageSize;
}

describe('declared paging agrees with the API', () => {
  const paged = catalog.filter((t) => t.pagination);
  it.each(paged.map((t) => [t.name] as const))('%s: default and largest page size', async (name) => {
    const tool = getTool(name)!;
    const paging = tool.pagination!;
    const { pagination: _omit, ...sample } = argsFor(name);
    const args: Record<string, unknown> = { ...sample, ...realIds()[name] };
    // Local filters read the largest pages; this checks the page sizes sent without them.
    for (const filter of tool.filters ?? []) if (!filter.send) delete args[filter.input];
    const apiKey = sandbox.apiKey;
    const first = await executeTool(tool, args, { apiKey, baseUrl: sandbox.url, maxResultChars: 1e7 });
    expect(first.isError, resultText(first)).toBeFalsy();
    expect(sandbox.requests.at(-1)!.status).toBe(200);
    expect(lastPageSize()).toBe(paging.defaultPageSize);
    expect((first.structuredContent?.['results'] as unknown[]).length).toBeLessThanOrEqual(
      paging.defaultPageSize,
    );
    if (paging.maxPageSize !== undefined) {
      const big = { ...args, pagination: { page: 0, pageSize: paging.maxPageSize } };
      const largest = await executeTool(tool, big, { apiKey, baseUrl: sandbox.url, maxResultChars: 1e7 });
      expect(largest.isError, resultText(largest)).toBeFalsy();
      expect(sandbox.requests.at(-1)!.status).toBe(200);
      expect(lastPageSize()).toBe(paging.maxPageSize);
    }
  });
});

describe('declared permissions agree with the API', () => {
  it('every tool but none states a permission', () => {
    expect(catalog.filter((t) => !t.permission).map((t) => t.name)).toStrictEqual([]);
  });

  it.each(withPermission.map((t) => [t.name, t.permission!] as const))(
    '%s needs %s',
    async (name, permission) => {
      expect(ALL_PERMISSIONS).toContain(permission);
      const apiKey = sandbox.createKey({ permissions: ALL_PERMISSIONS.filter((p) => p !== permission) });
      const before = sandbox.requests.length;
      const result = await executeTool(getTool(name)!, argsFor(name), { apiKey, baseUrl: sandbox.url });
      expect(result.isError).toBe(true);
      expect(resultText(result)).toMatch(/403/);
      expect(resultText(result)).toContain(`"${permission}"`);
      expect(sandbox.requests.length).toBe(before + 1);
      expect(sandbox.requests.at(-1)?.status).toBe(403);
    },
  );
});
