import { catalog, selectTools, ConfigError, toMcpTool } from '@chilipiper-mcp/core';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFunctionTools } from '../src/functions.js';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox?.close());

describe('toFunctionTools', () => {
  it('lists each enabled tool with its MCP description and JSON Schema, and flags destructive ones', () => {
    const tools = toFunctionTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    expect(
      tools.map(({ name, description, inputSchema, needsApproval }) => ({
        name,
        description,
        inputSchema,
        needsApproval,
      })),
    ).toStrictEqual(
      selectTools(catalog).map((t) => {
        const listed = toMcpTool(t);
        return {
          name: t.name,
          description: listed.description,
          inputSchema: listed.inputSchema,
          needsApproval: t.safety.kind === 'destructive',
        };
      }),
    );
  });

  it('has names the OpenAI and Anthropic APIs accept', () => {
    for (const tool of toFunctionTools({ apiKey: 'k-1234' }))
      expect(tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  });

  it('runs a call from an object or from the JSON string OpenAI gives', async () => {
    const tools = toFunctionTools({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      include: ['organization'],
    });
    const tenant = tools.find((t) => t.name === 'tenant-get')!;
    const fromObject = await tenant.execute({});
    const fromString = await tenant.execute('{}');
    expect(fromString).toStrictEqual(fromObject);
    expect(fromObject.isError).toBe(false);
    expect(JSON.parse(fromObject.text)).toStrictEqual(fromObject.structuredContent);
    expect(fromObject.structuredContent).toMatchObject({ tenantData: { subdomain: 'acme' } });
    const ping = await tools.find((t) => t.name === 'health-ping')!.execute(undefined);
    expect(ping).toStrictEqual({ text: expect.any(String), isError: false });
  });

  it('resolves a failure as an error output with the message the model needs, sending nothing', async () => {
    const [userRead] = toFunctionTools({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      include: ['user-read'],
    });
    const before = sandbox.requests.length;
    const badJson = await userRead!.execute('{userId:');
    expect(badJson.isError).toBe(true);
    expect(badJson.text).toMatch(/^The arguments are not valid JSON .*nothing was sent/);
    const missing = await userRead!.execute({});
    expect(missing).toStrictEqual({
      isError: true,
      text: expect.stringMatching(
        /^Invalid arguments for user-read \(nothing was sent\):\n- userId: required/,
      ),
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it('follows read-only mode and rejects unknown options', () => {
    const names = toFunctionTools({ apiKey: 'k-1234', readOnly: true }).map((t) => t.name);
    expect(names).toStrictEqual(selectTools(catalog, { readOnly: true }).map((t) => t.name));
    expect(() => toFunctionTools({ apiKey: 'k-1234', readonly: true } as never)).toThrow(ConfigError);
  });
});
