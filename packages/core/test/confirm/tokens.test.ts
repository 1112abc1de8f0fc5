import { createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalog, ERROR_META_KEY } from '../../src/index.js';
import { createToolCaller, type CallContext } from '../../src/tool-caller.js';
import { NOW, writesIn, type Json, type Result, type Sandbox } from './helpers.js';

// Confirmation tokens are bound to the tool, the exact arguments and the caller, expire, and are signed:
// every mismatch is refused with its own message and nothing is sent.

let sandbox: Sandbox;
let meetings: Json[];

const callerFor = (confirm: Parameters<typeof createToolCaller>[0]['confirm'] = 'destructive') =>
  createToolCaller({ all: catalog, filter: {}, execute: () => ({ baseUrl: sandbox.url }), confirm });

async function preview(
  name: string,
  args: Json,
  context: CallContext,
  caller = callerFor(),
): Promise<string> {
  const result = (await caller.call(name, args, context)) as Result;
  expect(result.structuredContent?.status, result.content[0]?.text).toBe('confirmation-required');
  return result.structuredContent!.confirmationToken as string;
}

async function refused(result: Result, why: RegExp): Promise<void> {
  expect(result.isError).toBe(true);
  expect(result.content[0]!.text).toMatch(why);
  expect(result.content[0]!.text).toMatch(/Nothing was sent/);
  expect(result._meta?.[ERROR_META_KEY]).toStrictEqual({ kind: 'confirmation-refused', fields: ['confirm'] });
  expect(writesIn(sandbox.requests)).toStrictEqual([]);
}

beforeAll(async () => {
  sandbox = await createSandbox({ now: NOW });
  const list = await callerFor('none').call(
    'meeting-list-put',
    { start: '2026-03-11T00:00:00Z', end: '2026-03-13T00:00:00Z', status: ['Active'] },
    { apiKey: sandbox.apiKey },
  );
  meetings = list.structuredContent!['results'] as Json[];
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => vi.useRealTimers());

describe('confirmation tokens', () => {
  const key = () => ({ apiKey: sandbox.apiKey });
  const args = () => ({ meetingId: meetings[0]!.meetingId });

  it('is accepted by another stateless instance serving the same key (no server state)', async () => {
    const token = await preview('meeting-cancel', args(), key());
    const result = await callerFor().call('meeting-cancel', { ...args(), confirm: token }, key());
    expect(result.isError).toBeFalsy();
    expect(writesIn(sandbox.requests).map((r) => r.operation)).toStrictEqual(['meeting-cancel-post']);
  });

  it('is refused once expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T12:00:00Z'));
    const caller = callerFor({ tools: 'destructive', ttlSeconds: 60 });
    const token = await preview('meeting-cancel', args(), key(), caller);
    vi.setSystemTime(new Date('2026-03-10T12:01:01Z'));
    await refused(
      (await caller.call('meeting-cancel', { ...args(), confirm: token }, key())) as Result,
      /token has expired/,
    );
  });

  it('is refused for other arguments', async () => {
    const token = await preview('meeting-cancel', args(), key());
    const other = { meetingId: meetings[1]!.meetingId, confirm: token };
    await refused(
      (await callerFor().call('meeting-cancel', other, key())) as Result,
      /issued for other arguments/,
    );
  });

  it('is refused for another tool with the same arguments', async () => {
    const token = await preview('meeting-cancel', args(), key());
    await refused(
      (await callerFor().call('meeting-noshow', { ...args(), confirm: token }, key())) as Result,
      /issued for another tool \("meeting-cancel"\)/,
    );
  });

  it('is refused when presented by another caller: another key, or the same key for another client', async () => {
    const token = await preview('meeting-cancel', args(), key());
    const otherKey = sandbox.createKey({ label: 'other' });
    await refused(
      (await callerFor().call(
        'meeting-cancel',
        { ...args(), confirm: token },
        { apiKey: otherKey },
      )) as Result,
      /issued to another caller/,
    );
    const mine = await preview('meeting-cancel', args(), { ...key(), caller: 'client-a' });
    await refused(
      (await callerFor().call(
        'meeting-cancel',
        { ...args(), confirm: mine },
        { ...key(), caller: 'client-b' },
      )) as Result,
      /issued to another caller/,
    );
  });

  it.each([
    ['the arguments hash', 3],
    ['the expiry', 2],
    ['the signature', 5],
  ])('is refused when %s is altered', async (_what, field) => {
    const token = await preview('meeting-cancel', args(), key());
    const parts = token.split('.');
    const text = parts[field]!;
    parts[field] = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    await refused(
      (await callerFor().call('meeting-cancel', { ...args(), confirm: parts.join('.') }, key())) as Result,
      /has been altered/,
    );
  });

  it('is refused when signed with another secret, and accepted across instances sharing one', async () => {
    const secret = (c: string) => ({ tools: 'destructive' as const, secret: c.repeat(32) });
    const token = await preview('meeting-cancel', args(), key(), callerFor(secret('a')));
    await refused(
      (await callerFor(secret('b')).call('meeting-cancel', { ...args(), confirm: token }, key())) as Result,
      /has been altered, or was signed with another secret/,
    );
    const result = await callerFor(secret('a')).call('meeting-cancel', { ...args(), confirm: token }, key());
    expect(result.isError).toBeFalsy();
  });

  it.each([['not-a-token'], [42], ['c1.meeting-cancel.x.y.z.!!']])(
    'refuses %j as not a token',
    async (confirm) => {
      await refused(
        (await callerFor().call('meeting-cancel', { ...args(), confirm }, key())) as Result,
        /is not a confirmation token of this server/,
      );
    },
  );

  it('names bad arguments instead of previewing, and sends nothing', async () => {
    const result = (await callerFor().call('meeting-cancel', { meetingId: 'nope' }, key())) as Result;
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/Invalid arguments for meeting-cancel \(nothing was sent\)/);
    expect(sandbox.requests.length).toBe(0);
  });

  it('does not guard anything with the policy off, and refuses a confirm field there as unknown', async () => {
    const result = (await callerFor('none').call(
      'meeting-cancel',
      { ...args(), confirm: 'x' },
      key(),
    )) as Result;
    expect(result.content[0]!.text).toMatch(/- confirm: unknown field/);
    const done = await callerFor('none').call('meeting-cancel', args(), key());
    expect(done.isError).toBeFalsy();
    expect(writesIn(sandbox.requests).map((r) => r.operation)).toStrictEqual(['meeting-cancel-post']);
  });
});
