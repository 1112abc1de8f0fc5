import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCodeModeTools } from '../../src/code-mode/tools.js';
import { catalog, selectTools, toMethodName } from '../../src/index.js';
import { errorResult } from '../../src/results.js';
import { createToolCaller, type ToolCaller } from '../../src/tool-caller.js';
import { connect, textOf } from './connect.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');
let sandbox: Sandbox;
let meetingId: string;
beforeAll(async () => {
  sandbox = await createSandbox({ now: NOW });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  const upcoming = sandbox.tenant('acme').meetings.range(NOW.getTime(), NOW.getTime() + 7 * 86_400_000);
  meetingId = upcoming.find((m) => m.status === 'Active')!.id;
});

const cancelScript = () => `
  try { await cp.meetingCancel({ meetingId: '${meetingId}' }); return 'sent'; }
  catch (e) { return 'refused: ' + e.message; }`;

describe('code mode: what a script may not do', () => {
  it('has no write methods in read-only mode: a write is refused with nothing sent', async () => {
    const server = await connect({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      readOnly: true,
      codeMode: true,
    });
    const before = sandbox.requests.length;
    expect(
      JSON.parse(textOf(await server.execute('return Object.keys(cp).includes("meetingCancel");'))),
    ).toBe(false);
    expect(textOf(await server.execute(cancelScript()))).toBe('"refused: not a function"');
    expect(await server.execute(`await cp.meetingCancel({ meetingId: '${meetingId}' });`)).toStrictEqual({
      content: [
        {
          type: 'text',
          text:
            'The script failed (runtime): TypeError: not a function (line 1)\n' +
            'cp.meetingCancel is not available: meeting-cancel is disabled: this server is in read-only mode and ' +
            'meeting-cancel changes data.',
        },
      ],
      isError: true,
    });
    expect(sandbox.requests.slice(before)).toStrictEqual([]);
    expect(sandbox.tenant('acme').meetings.byId.get(meetingId)?.status).toBe('Active');
    await server.close();
  });

  it('leaves hidden tools out of cp', async () => {
    const server = await connect({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      include: ['meetings'],
      codeMode: true,
    });
    const keys = JSON.parse(textOf(await server.execute('return Object.keys(cp);'))) as string[];
    const enabled = selectTools(catalog, { include: ['meetings'] });
    expect(keys).toStrictEqual(enabled.map((t) => toMethodName(t.name)));
    expect(keys.length).toBeLessThan(catalog.length);
    await server.close();
  });

  // The confirmation policy for destructive tools lives in ToolCaller.call (another branch). This double
  // applies such a policy the way it will: an unconfirmed destructive call comes back as an error result.
  it('turns a destructive call the caller refuses into a rejection with its text, nothing sent', async () => {
    const real = createToolCaller({ all: catalog, filter: {}, execute: () => ({ baseUrl: sandbox.url }) });
    const seen: string[] = [];
    const guarded: ToolCaller = {
      ...real,
      call: async (name, args, context) => {
        seen.push(name);
        const confirmed = (args as { confirm?: unknown }).confirm === 'token-from-preview';
        if (real.get(name)?.safety.kind === 'destructive' && !confirmed)
          return errorResult(`${name} needs confirmation: preview first, then call again with confirm.`, {
            kind: 'invalid-arguments',
          });
        return real.call(name, args, context);
      },
    };
    const tools = createCodeModeTools(true, { caller: guarded, all: catalog, filter: {} })!;
    const before = sandbox.requests.length;
    const result = await tools.call('execute', { code: cancelScript() }, { apiKey: sandbox.apiKey });
    expect(result).toStrictEqual({
      content: [
        {
          type: 'text',
          text: '"refused: meeting-cancel needs confirmation: preview first, then call again with confirm."',
        },
      ],
    });
    expect(seen).toStrictEqual(['meeting-cancel']);
    expect(sandbox.requests.slice(before)).toStrictEqual([]);
    expect(sandbox.tenant('acme').meetings.byId.get(meetingId)?.status).toBe('Active');
  });

  it('stops a run when the request is cancelled, and aborts the call it waits for', async () => {
    const real = createToolCaller({ all: catalog, filter: {}, execute: () => ({ baseUrl: sandbox.url }) });
    let callSignal: AbortSignal | undefined;
    const hanging: ToolCaller = {
      ...real,
      call: (_name, _args, context) => {
        callSignal = context.signal;
        return new Promise(() => {});
      },
    };
    const tools = createCodeModeTools(true, { caller: hanging, all: catalog, filter: {} })!;
    const request = new AbortController();
    setTimeout(() => request.abort(), 50);
    const context = { apiKey: sandbox.apiKey, signal: request.signal };
    const result = await tools.call('execute', { code: 'await cp.healthPing();' }, context);
    expect(result).toStrictEqual({
      content: [{ type: 'text', text: 'The script failed (aborted): The run was cancelled by the caller.' }],
      isError: true,
    });
    expect(callSignal?.aborted).toBe(true);
  });
});
