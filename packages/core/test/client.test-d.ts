// Type-level tests (run by vitest's typecheck): a wrong input does not compile, read-only mode has no write
// method, results are typed. Each @ts-expect-error fails the run when the line compiles after all.
import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createChiliPiperClient,
  toMethodName,
  type CatalogTool,
  type ClientMethods,
  type JsonResult,
  type MethodName,
  type TextResult,
  type ToolName,
} from '../src/index.js';

type InputOf<N extends ToolName> = v.InferInput<Extract<CatalogTool, { name: N }>['input']>;
const client = createChiliPiperClient({ apiKey: 'k' });
const start = '2026-01-05T00:00:00Z';
const end = '2026-01-06T00:00:00Z';

describe('inputs', () => {
  it('take the tool schema input type', () => {
    expectTypeOf(client.meetingListPut).parameter(0).toEqualTypeOf<InputOf<'meeting-list-put'>>();
    expectTypeOf(client.meetingListPut).toBeCallableWith({ start, end, status: ['Canceled'] });
  });

  it('reject a wrong input at compile time', () => {
    // @ts-expect-error start must be a string
    void client.meetingListPut({ start: 1, end });
    // @ts-expect-error end is required
    void client.meetingListPut({ start });
    // @ts-expect-error "Cancelled" is not a meeting status (one "l")
    void client.meetingListPut({ start, end, status: ['Cancelled'] });
    // @ts-expect-error unknown field
    void client.meetingListPut({ start, end, from: start });
    // @ts-expect-error meetingId is required
    void client.meetingGet();
    // @ts-expect-error pageSize is a number
    void client.userFind({ query: 'a', pagination: { pageSize: '2' } });
  });

  it('may be left out when no field is required', () => {
    expectTypeOf(client.tenantGet).toBeCallableWith();
    expectTypeOf(client.tenantGet).toBeCallableWith({}, { signal: AbortSignal.abort() });
  });
});

describe('results', () => {
  it('are the structured result, or { text } for text and CSV tools', () => {
    expectTypeOf(client.tenantGet).returns.resolves.toEqualTypeOf<JsonResult>();
    expectTypeOf(client.healthPing).returns.resolves.toEqualTypeOf<TextResult>();
    expectTypeOf(client.meetingExportV2Put).returns.resolves.toEqualTypeOf<TextResult>();
  });
});

describe('which methods exist', () => {
  it('one per catalog tool, named by toMethodName', () => {
    expectTypeOf<keyof ClientMethods>().toEqualTypeOf<MethodName<ToolName>>();
    expectTypeOf(toMethodName('meeting-list-put')).toEqualTypeOf<'meetingListPut'>();
  });

  it('read-only mode has no write method', () => {
    const readOnly = createChiliPiperClient({ apiKey: 'k', readOnly: true });
    expectTypeOf(readOnly).toHaveProperty('meetingListPut');
    expectTypeOf(readOnly).not.toHaveProperty('meetingCancel');
    expectTypeOf(readOnly).not.toHaveProperty('ruleDelete');
    // @ts-expect-error meeting-cancel changes data
    void readOnly.meetingCancel({ meetingId: 'x' });
  });

  it('a readOnly flag not known when compiling makes the write methods optional', () => {
    const flag = Math.random() > 0.5;
    const maybe = createChiliPiperClient({ apiKey: 'k', readOnly: flag });
    expectTypeOf(maybe.meetingListPut).toEqualTypeOf<ClientMethods['meetingListPut']>();
    expectTypeOf(maybe.meetingCancel).toEqualTypeOf<ClientMethods['meetingCancel'] | undefined>();
  });

  it('include and exclude make every method optional', () => {
    const some = createChiliPiperClient({ apiKey: 'k', include: ['meetings'] });
    expectTypeOf(some.meetingGet).toEqualTypeOf<ClientMethods['meetingGet'] | undefined>();
    const all = createChiliPiperClient({ apiKey: 'k', readOnly: false });
    expectTypeOf(all.meetingCancel).toEqualTypeOf<ClientMethods['meetingCancel']>();
  });

  it('unknown option names do not compile', () => {
    // @ts-expect-error baseURL is spelled baseUrl
    createChiliPiperClient({ apiKey: 'k', baseURL: 'http://127.0.0.1' });
  });
});
