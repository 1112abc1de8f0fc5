import { createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalog, getTool, toMcpTool } from '../src/index.js';
import { createToolCaller } from '../src/tool-caller.js';
import { validateArgs } from '../src/validate.js';
import { NOW, type Json, type Result, type Sandbox } from './confirm/helpers.js';

// Issue 12: honest safety classes, descriptions that do not misdirect, and errors that steer.

let sandbox: Sandbox;
const caller = (filter: Parameters<typeof createToolCaller>[0]['filter'] = {}) =>
  createToolCaller({ all: catalog, filter, execute: () => ({ baseUrl: sandbox.url }) });
const run = async (name: string, args: Json, filter = {}) =>
  (await caller(filter).call(name, args, { apiKey: sandbox.apiKey })) as Result;
const text = (r: Result) => r.content.map((c) => c.text).join('\n');

beforeAll(async () => {
  sandbox = await createSandbox({ now: NOW });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('safety classes', () => {
  it('marks the five tools that remove or replace state as destructive, with the reason in the tool data', () => {
    for (const name of [
      'user-update-licenses',
      'workspace-remove-users',
      'team-remove-users',
      'rule-modify',
      'distribution-update-v3',
    ]) {
      const tool = getTool(name)!;
      expect(tool.safety.kind, name).toBe('destructive');
      expect(toMcpTool(tool).annotations?.destructiveHint, name).toBe(true);
      expect(tool.docs.safetyReason, name).toMatch(/not additive|replaces|removes|revoked|lost/i);
    }
  });

  it('gives every destructive tool preview data whose reads are read tools of the catalog', () => {
    for (const tool of catalog.filter((t) => t.safety.kind === 'destructive')) {
      expect(tool.preview, tool.name).toBeDefined();
      for (const read of tool.preview!.reads) expect(getTool(read.tool)?.safety.kind, read.tool).toBe('read');
    }
  });
});

describe('descriptions that steer', () => {
  const listed = catalog.map(toMcpTool);
  const all = JSON.stringify(listed);

  it('rule-list says its filters sit under filter', () => {
    expect(getTool('rule-list')!.description).toContain('filter.workspaceId, filter.name or filter.type');
  });

  it('no description points to a tool that does not exist (handoff-router-list)', () => {
    expect(all).not.toContain('handoff-router-list');
  });

  it('describes the condition tree once (rule-create), for every rule type, never as ownership-only', () => {
    expect(all).not.toMatch(/Conditions of an ownership rule/i);
    expect(
      listed.filter((t) => JSON.stringify(t).includes('ConditionGroup')).map((t) => t.name),
    ).toStrictEqual(['rule-create']);
    expect(getTool('rule-modify')!.description).toContain('condition tree (same node types as rule-create)');
  });

  it.each(['meeting-list-put', 'meeting-export-v2-put'])(
    '%s accepts the status spellings cancel and no-show answer with',
    (name) => {
      const input = validateArgs(getTool(name)!, {
        start: '2026-03-10T00:00:00Z',
        end: '2026-03-11T00:00:00Z',
        status: ['CANCELLED', 'NO_SHOW', 'Active'],
      });
      expect(input['status']).toStrictEqual(['Canceled', 'NoShow', 'Active']);
    },
  );

  it('says that no tool moves a meeting to another host', () => {
    expect(getTool('meeting-cancel')!.description).toContain(
      'No tool moves a meeting to another host: cancel and book again.',
    );
  });
});

describe('errors that steer', () => {
  it('a 409 on a tool without a revision gives no revision advice', async () => {
    const list = await run('meeting-list-put', {
      start: '2026-03-09T00:00:00Z',
      end: '2026-03-12T00:00:00Z',
      status: ['Canceled'],
    });
    const meetingId = (list.structuredContent!['results'] as Json[])[0]!.meetingId;
    const result = await run('meeting-cancel', { meetingId });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/conflicts with the current state \(409\)/);
    expect(text(result)).toContain('Read the current state with a read tool before deciding what to do');
    expect(text(result)).not.toMatch(/revision|rule-get/);
  });

  it('a 409 on a tool that takes a revision says where the current one comes from', async () => {
    const rule = ((await run('rule-list', {})).structuredContent!['results'] as Json[])[0]!;
    const result = await run('rule-delete', { ruleId: rule['id'], revision: 99 }); // seeded rules are at 1
    expect(text(result)).toMatch(
      /\(409\).*read the item again \(rule-get\) and retry with its current revision/s,
    );
  });

  it.each([
    ['user-find', { query: 'a' }, /Try again later\.$/],
    [
      'meeting-cancel',
      { meetingId: 'ffffffff-ffff-4fff-8fff-ffffffffffff' },
      /may or may not have been applied; repeating this call is safe/,
    ],
    ['rule-delete', { ruleId: 'r', revision: 1 }, /may or may not have been applied: check with a read tool/],
  ] as const)('a 500 on %s says whether the change may have been applied', async (name, args, advice) => {
    sandbox.faults.add({ path: /./, status: 500, times: Infinity });
    const result = await run(name, args);
    expect(text(result)).toMatch(advice);
  });

  it('a 4xx the executor does not expect says the request was refused', async () => {
    sandbox.faults.add({ path: /./, status: 405, times: Infinity });
    expect(text(await run('rule-delete', { ruleId: 'r', revision: 1 }))).toMatch(
      /HTTP 405\..*The request was refused, so nothing was changed/s,
    );
  });

  it('a 404 for an email given as a user id says user ids come from user-find', async () => {
    const read = await run('user-read', { userId: 'bruno.haddad@acme.example' });
    expect(text(read)).toMatch(
      /\(404\).* userId "bruno\.haddad@acme\.example" looks like an email, not an id: user ids come from user-find\.$/s,
    );
    const team = ((await run('team-list-put', {})).structuredContent!['results'] as Json[])[0]!;
    const add = await run('team-add-users', { teamId: team['id'], userIds: ['bruno.haddad@acme.example'] });
    expect(text(add)).toContain(
      'userIds "bruno.haddad@acme.example" looks like an email, not an id: user ids come from user-find.',
    );
  });

  it('a 404 for an id says which tool returns that kind of id', async () => {
    const result = await run('meeting-get', { meetingId: 'ffffffff-ffff-4fff-8fff-ffffffffffff' });
    expect(text(result)).toMatch(/\(404\).* Check meetingId: meeting ids come from meeting-list-put\.$/s);
  });

  it('a write tool hidden by read-only mode is "disabled", one left out by the filter "not enabled"', async () => {
    expect(text(await run('rule-delete', { ruleId: 'r', revision: 1 }, { readOnly: true }))).toMatch(
      /^Tool "rule-delete" is disabled: this server is in read-only mode/,
    );
    expect(text(await run('rule-delete', { ruleId: 'r', revision: 1 }, { include: ['users'] }))).toMatch(
      /^Tool "rule-delete" is not enabled on this server/,
    );
    expect(text(await run('assignment-table-definition-list', {}))).toMatch(/is not enabled: it is opt-in/);
    expect(sandbox.requests.length).toBe(0);
  });

  it('a missing field reads "required" with what is expected, never "Invalid key"', async () => {
    const result = await run('meeting-list-put', { start: '2026-03-10T00:00:00Z' });
    expect(text(result)).toContain('- end: required: To, exclusive (ISO-8601).');
    expect(text(result)).not.toMatch(/Invalid key/);
  });

  it('coerces numeric strings like stringified JSON', async () => {
    const result = await run('user-find', { query: 'a', pagination: { page: '1', pageSize: '5' } });
    expect(result.isError, text(result)).toBeFalsy();
    expect(sandbox.requests.at(-1)?.query).toMatchObject({ page: '1', pageSize: '5' });
  });

  it('the sandbox refuses distribution weights for users who are not members or do not exist', async () => {
    const distribution = (
      (await run('distribution-list-put', {})).structuredContent!['results'] as Json[]
    )[0]!;
    const outsider = (
      (await run('user-find', { query: 'Bruno' })).structuredContent!['results'] as Json[]
    )[0]!;
    for (const [userId, said] of [
      [outsider['id'], /is not a member of team/],
      ['ffffffffffffffffffffffff', /User ffffffffffffffffffffffff not found/],
    ] as const) {
      const result = await run('distribution-adjust-v3', {
        distributionId: distribution['id'],
        body: { weights: [{ userId, weight: 10 }] },
      });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(said);
    }
  });
});
