import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCodeModeTools } from '../../src/code-mode/tools.js';
import { catalog, selectTools, toMethodName } from '../../src/index.js';
import { createToolCaller, type ToolCaller } from '../../src/tool-caller.js';
import { writesIn } from '../confirm/helpers.js';
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

  it('holds a destructive call back: the script gets no token, the model gets the preview, nothing is sent', async () => {
    const server = await connect({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      codeMode: true,
      confirm: 'destructive',
    });
    const before = sandbox.requests.length;
    // The script tries twice: a held-back call cannot be forced by retrying, and the token never reaches it.
    const result = await server.execute(`
      const seen = [];
      for (let i = 0; i < 2; i++) {
        try { await cp.meetingCancel({ meetingId: '${meetingId}' }); seen.push('sent'); }
        catch (e) { seen.push(e.message); }
      }
      return seen;`);
    const text = textOf(result);
    const [value, ...rest] = text.split('\n');
    const held =
      "cp.meetingCancel needs the person's confirmation; nothing was sent. Its preview and confirm token go " +
      "to the model with this run's result, not to the script.";
    expect(JSON.parse(value!)).toStrictEqual([held, held]);
    expect(result.isError).toBeUndefined();
    expect(rest[0]).toBe('--- needs confirmation (none of these was sent) ---');
    expect(text).toContain('Not done yet: meeting-cancel (Cancel a meeting) needs confirmation.');
    expect(text).toContain(
      'In a script, confirm means calling the same cp method again with the same input plus confirm: the token.',
    );
    expect(writesIn(sandbox.requests.slice(before))).toStrictEqual([]);
    expect(sandbox.tenant('acme').meetings.byId.get(meetingId)?.status).toBe('Active');

    const token = /confirm: "(c1\.[^"]+)"/.exec(text)![1]!;
    const writesBefore = sandbox.requests.length;
    const confirmed = await server.execute(
      `const m = await cp.meetingCancel({ meetingId: '${meetingId}', confirm: '${token}' }); return m.meetingStatus ?? m;`,
    );
    expect(confirmed.isError, textOf(confirmed)).toBeUndefined();
    expect(writesIn(sandbox.requests.slice(writesBefore)).map((r) => r.operation)).toStrictEqual([
      'meeting-cancel-post',
    ]);
    expect(sandbox.tenant('acme').meetings.byId.get(meetingId)?.status).toBe('Canceled');
    await server.close();
  });

  it('asks the person mid-run when the client can (elicitation), and a refusal rejects the call', async () => {
    const caller = createToolCaller({
      all: catalog,
      filter: {},
      execute: () => ({ baseUrl: sandbox.url }),
      confirm: { tools: 'destructive', elicit: true },
    });
    const tools = createCodeModeTools(true, { caller, all: catalog, filter: {} })!;
    const asked: string[] = [];
    const ask = (answer: boolean) => async (message: string) => (asked.push(message), answer);
    const before = sandbox.requests.length;
    const no = await tools.call(
      'execute',
      { code: cancelScript() },
      { apiKey: sandbox.apiKey, askPerson: ask(false) },
    );
    expect(textOf(no as never)).toBe(
      '"refused: Not done: the person did not confirm meeting-cancel. Nothing was sent."',
    );
    expect(writesIn(sandbox.requests.slice(before))).toStrictEqual([]);
    const yes = await tools.call(
      'execute',
      { code: cancelScript() },
      { apiKey: sandbox.apiKey, askPerson: ask(true) },
    );
    expect(textOf(yes as never)).toBe('"sent"');
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/^Cancel a meeting \(meeting-cancel\)\?\n/);
    expect(writesIn(sandbox.requests.slice(before)).map((r) => r.operation)).toStrictEqual([
      'meeting-cancel-post',
    ]);
    expect(sandbox.tenant('acme').meetings.byId.get(meetingId)?.status).toBe('Canceled');
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
