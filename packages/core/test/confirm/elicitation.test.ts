import { createSandbox } from '@chilipiper-mcp/sandbox';
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_META_KEY, type ConfirmOption } from '../../src/index.js';
import { call, connect, NOW, writesIn, type Json, type Sandbox } from './helpers.js';

// Where the client declares form elicitation and the transport carries server-to-client requests (here the
// SDK's in-memory pair, as over stdio), the person is asked directly instead of getting a token.

let sandbox: Sandbox;
let meetingId: string;

beforeAll(async () => {
  sandbox = await createSandbox({ now: NOW });
  const plain = await connect(sandbox);
  const list = await call(plain, 'meeting-list-put', {
    start: '2026-03-11T00:00:00Z',
    end: '2026-03-13T00:00:00Z',
    status: ['Active'],
  });
  meetingId = (list.structuredContent!['results'] as Json[])[0]!.meetingId;
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** A client that declares form elicitation and answers every question with `answer`, recording the messages. */
async function elicitingClient(answer: ElicitResult, confirm: ConfirmOption = 'destructive') {
  const asked: { message: string; requestedSchema: unknown }[] = [];
  const client = await connect(sandbox, { confirm }, { capabilities: { elicitation: { form: {} } } });
  client.setRequestHandler(ElicitRequestSchema, (request) => {
    const params = request.params as { message: string; requestedSchema: unknown };
    asked.push({ message: params.message, requestedSchema: params.requestedSchema });
    return answer;
  });
  return { client, asked };
}

describe('confirmation by elicitation', () => {
  it('asks the person with the preview and acts once on "confirm: true"', async () => {
    const { client, asked } = await elicitingClient({ action: 'accept', content: { confirm: true } });
    const result = await call(client, 'meeting-cancel', { meetingId });
    expect(result.isError, result.content[0]?.text).toBeFalsy();
    expect(result.structuredContent?.['meetingStatus']).toBe('CANCELLED');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toMatch(/^Cancel a meeting \(meeting-cancel\)\?\nStart: 2026-03-1\d/);
    expect(asked[0]!.message).toMatch(/\nHost: .+, .+@acme\.example\n/);
    expect(asked[0]!.requestedSchema).toStrictEqual({
      type: 'object',
      properties: {
        confirm: { type: 'boolean', title: 'Confirm', description: 'Yes: make this change now.' },
      },
      required: ['confirm'],
    });
    expect(writesIn(sandbox.requests).map((r) => r.operation)).toStrictEqual(['meeting-cancel-post']);
  });

  it.each([
    ['declines', { action: 'decline' }],
    ['cancels', { action: 'cancel' }],
    ['accepts without confirming', { action: 'accept', content: { confirm: false } }],
  ] as const)('sends nothing when the person %s', async (_how, answer) => {
    const { client, asked } = await elicitingClient(answer as ElicitResult);
    const result = await call(client, 'meeting-cancel', { meetingId });
    expect(asked).toHaveLength(1);
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toBe(
      'Not done: the person did not confirm meeting-cancel. Nothing was sent.',
    );
    expect(result._meta?.[ERROR_META_KEY]).toStrictEqual({ kind: 'declined' });
    expect(writesIn(sandbox.requests)).toHaveLength(0);
  });

  it('answers with a preview and a token when the client does not declare elicitation', async () => {
    const client = await connect(sandbox, { confirm: 'destructive' });
    const result = await call(client, 'meeting-cancel', { meetingId });
    expect(result.structuredContent?.['status']).toBe('confirmation-required');
    expect(writesIn(sandbox.requests)).toHaveLength(0);
  });

  it('answers with a preview and a token when the policy turns elicitation off (as the HTTP handlers do)', async () => {
    const { client, asked } = await elicitingClient(
      { action: 'accept', content: { confirm: true } },
      { tools: 'destructive', elicit: false },
    );
    const result = await call(client, 'meeting-cancel', { meetingId });
    expect(asked).toHaveLength(0);
    expect(result.structuredContent?.['status']).toBe('confirmation-required');
    expect(writesIn(sandbox.requests)).toHaveLength(0);
  });

  it('never asks about tools the policy does not guard', async () => {
    const { client, asked } = await elicitingClient({ action: 'decline' }, 'none');
    const result = await call(client, 'meeting-cancel', { meetingId });
    expect(result.isError).toBeFalsy();
    expect(asked).toHaveLength(0);
  });
});
