import { serialize } from 'node:v8';
import { catalog, ERROR_META_KEY, executeTool, getTool } from '@chilipiper-mcp/core';
import { ALL_PERMISSIONS, createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_PROBES, type PermissionProbe } from '../src/permission-probes.js';

// Each probe doctor sends must tell the permission apart without changing anything: with the permission it
// answers 2xx or 404 (an id that cannot exist), without it 403. Checked against the sandbox, which enforces
// each route's permission before it looks anything up.

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox?.close());

const probes = Object.entries(PERMISSION_PROBES).filter(
  (e): e is [string, PermissionProbe] => 'tool' in e[1],
);

async function outcome(probe: PermissionProbe, apiKey: string): Promise<string> {
  const result = await executeTool(getTool(probe.tool)!, probe.args, {
    apiKey,
    baseUrl: sandbox.url,
    retry: { maxAttempts: 1 },
  });
  return result.isError ? result._meta![ERROR_META_KEY]!.kind : 'ok';
}

describe('permission probes', () => {
  it('cover every permission of the catalog, each probe through a tool that needs it', () => {
    expect(Object.keys(PERMISSION_PROBES).sort()).toStrictEqual(
      [...new Set(catalog.map((t) => t.permission))].sort(),
    );
    for (const [permission, probe] of probes) expect(getTool(probe.tool)?.permission).toBe(permission);
  });

  it.each(probes)(
    '%s: granted gives ok or 404 and changes nothing; missing gives 403',
    async (permission, probe) => {
      const store = serialize(sandbox.store);
      const granted = await outcome(probe, sandbox.apiKey);
      const read = getTool(probe.tool)!.safety.kind === 'read';
      expect(granted).toMatch(read ? /^(ok|not-found)$/ : /^not-found$/);
      const without = sandbox.createKey({ permissions: ALL_PERMISSIONS.filter((p) => p !== permission) });
      expect(await outcome(probe, without)).toBe('forbidden');
      expect(serialize(sandbox.store).equals(store)).toBe(true);
    },
  );
});
