import { createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, toRequest } from '../src/index.js';
import { validateArgs } from '../src/validate.js';
import { rows } from './fixtures/sample-requests.js';

// "Adding a tool" (CONTRIBUTING.md) as a test: each missing step fails with a message that names the step.

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(async () => sandbox?.close());

describe('adding a tool: every step is done for every tool', () => {
  it.each(catalog.map((t) => [t.name, t] as const))('%s', async (name, tool) => {
    const row = rows.find(([n]) => n === name);
    expect(
      row,
      `Step 2 of "Adding a tool" (CONTRIBUTING.md): add a row for ${name} to packages/core/test/fixtures/sample-requests.ts`,
    ).toBeDefined();

    // Step 3: the sandbox serves the operation (its request log names the operation of every route it knows).
    const request = toRequest(tool, validateArgs(tool, row![1]));
    const url = new URL(`${sandbox.url}${request.path}`);
    for (const [k, v] of Object.entries(request.query)) {
      for (const value of Array.isArray(v) ? v : [v]) url.searchParams.append(k, value);
    }
    await fetch(url, {
      method: request.method,
      headers: { ...request.headers, authorization: `Bearer ${sandbox.apiKey}` },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    expect(
      sandbox.requests.at(-1)?.operation,
      `Step 3 of "Adding a tool": the sandbox has no route for ${tool.operation.method} ${tool.operation.path}; ` +
        'add one in packages/sandbox/src/routes (or a fixture of the sandbox the operation index names)',
    ).toBe(tool.operation.name);
  });
});
