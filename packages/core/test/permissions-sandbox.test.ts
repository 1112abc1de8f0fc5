import { createSandbox, ALL_PERMISSIONS } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, executeTool, getTool } from '../src/index.js';
import { rows } from './fixtures/sample-requests.js';

// The permission each tool declares is the one the Edge API (here: the sandbox) asks for: a key holding every
// permission but that one is refused with a 403 that names it, and the tool's error message names it too.

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(async () => sandbox?.close());

const withPermission = catalog.filter((t) => t.permission);
const argsFor = (name: string) => rows.find(([n]) => n === name)![1];

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
      const result = await executeTool(getTool(name)!, argsFor(name), { apiKey }, { baseUrl: sandbox.url });
      expect(result.isError).toBe(true);
      expect(result.content[0]!.text).toMatch(/403/);
      expect(result.content[0]!.text).toContain(`"${permission}"`);
      expect(sandbox.requests.length).toBe(before + 1);
      expect(sandbox.requests.at(-1)?.status).toBe(403);
    },
  );
});
