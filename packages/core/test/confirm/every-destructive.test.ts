import { createSandbox } from '@chilipiper-mcp/sandbox';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalog, toRequest } from '../../src/index.js';
import { validateArgs } from '../../src/validate.js';
import { call, connect, NOW, writesIn, type Json, type Sandbox } from './helpers.js';

// A preview and a confirmed call of every destructive tool on the sandbox: the preview changes nothing and
// sends no write; the confirmed call sends exactly the previewed request, once.

let sandbox: Sandbox;
let plain: Client; // no confirmation: reads the data the cases need
let guarded: Client; // confirm: 'destructive'
const data: Json = {};

const ok = async (name: string, args: Json): Promise<Json> => {
  const result = await call(plain, name, args);
  expect(result.isError, result.content[0]?.text).toBeFalsy();
  return result.structuredContent!;
};

beforeAll(async () => {
  sandbox = await createSandbox({ now: NOW });
  plain = await connect(sandbox);
  guarded = await connect(sandbox, { confirm: 'destructive' });
  const meetings = await ok('meeting-list-put', {
    start: '2026-03-11T00:00:00Z',
    end: '2026-03-13T00:00:00Z',
    status: ['Active'],
  });
  data.meeting = meetings.results.find((m: Json) => !m.crmEventId);
  data.crmMeeting = meetings.results.find((m: Json) => m.crmEventId);
  data.meetingRecord = await ok('meeting-get', { meetingId: data.meeting.meetingId });
  data.rule = (await ok('rule-list', { fields: 'all' })).results.find(
    (r: Json) => r.name === 'Enterprise accounts',
  );
  data.distribution = (await ok('distribution-list-put', { fields: 'all' })).results[0];
  data.alice = (await ok('user-find', { query: 'Alice Anders' })).results[0];
  data.sales = (await ok('workspace-list', {})).results.find((w: Json) => w.name === 'Sales');
  data.salesUsers = (await ok('workspace-list-users', { workspaceId: data.sales.id })).results;
  data.team = (await ok('team-list-put', { name: 'Sales Inbound' })).results[0];
  data.teamMember = (await ok('user-find-by-ids', { userIds: [data.team.members[1]] })).results[0];
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => sandbox.reset());

const host = (m: Json) => m.attendees.find((a: Json) => a.role === 'Host');
const guest = (m: Json) => m.attendees.find((a: Json) => a.role === 'PrimaryGuest');

/** Per destructive tool: the arguments of one call, and what its preview must say. */
const cases: Record<string, () => { args: Json; check: (preview: Json) => void }> = {
  'meeting-cancel': () => ({
    args: { meetingId: data.meeting.meetingId },
    check: (p) =>
      expect(p.facts).toMatchObject({
        Start: data.meetingRecord.dateTime.start,
        Status: 'Active',
        Host: `${host(data.meetingRecord).name}, ${host(data.meetingRecord).email}`,
        Guest: `${guest(data.meetingRecord).name}, ${guest(data.meetingRecord).email}`,
      }),
  }),
  'meeting-noshow': () => ({
    args: { meetingId: data.meeting.meetingId },
    check: (p) =>
      expect(p.facts.Host).toBe(`${host(data.meetingRecord).name}, ${host(data.meetingRecord).email}`),
  }),
  'crm-cancel': () => ({
    args: { crmEventId: data.crmMeeting.crmEventId },
    check: (p) => expect(p.facts.Start).toBe(data.crmMeeting.dateTime.start),
  }),
  'crm-noshow': () => ({
    args: { crmEventId: data.crmMeeting.crmEventId },
    check: (p) => expect(p.facts.Guest).toContain(data.crmMeeting.primaryGuest.value),
  }),
  'rule-modify': () => {
    const conditions = structuredClone(data.rule.conditions);
    conditions.conditions[0].value = 500;
    const id = conditions.conditions[0].conditionId as string;
    return {
      args: { ruleId: data.rule.id, revision: data.rule.metadata.revision, dto: { conditions } },
      check: (p) => {
        expect(p.facts.Rule).toBe('Enterprise accounts, NonOwnershipRule');
        expect(p.changes).toStrictEqual([
          { path: `conditions.conditions[${id.slice(0, 8)}…].value`, before: '1000', after: '500' },
        ]);
        expect(p.references).toStrictEqual({
          'Concierge routers that evaluate it': ['Inbound Demo Requests, inbound-demo'],
        });
      },
    };
  },
  'rule-delete': () => ({
    args: { ruleId: data.rule.id, revision: data.rule.metadata.revision },
    check: (p) =>
      expect(p.references).toStrictEqual({
        'Concierge routers that evaluate it': ['Inbound Demo Requests, inbound-demo'],
      }),
  }),
  'distribution-update-v3': () => ({
    args: {
      distributionId: data.distribution.id,
      body: { name: 'Renamed', weights: data.distribution.published.weights },
    },
    check: (p) => {
      expect(p.facts.Distribution).toBe(`${data.distribution.published.name}, Meeting`);
      expect(p.changes).toContainEqual({
        path: 'name',
        before: data.distribution.published.name,
        after: 'Renamed',
      });
      expect(p.changes.map((c: Json) => c.after)).toContain('(left out: reset)');
      expect(p.references['Round-robin links that use it']).toStrictEqual([
        'Sales Inbound Round Robin, sales-inbound-round-robin',
      ]);
    },
  }),
  'distribution-delete': () => ({
    args: { distributionId: data.distribution.id },
    check: (p) => {
      expect(p.facts.Team).toBe('Sales Inbound');
      expect(p.references['Concierge routers that assign through it']).toStrictEqual([
        'Inbound Demo Requests, inbound-demo',
      ]);
    },
  }),
  'user-update-licenses': () => ({
    args: {
      update: {
        [data.alice.id]: {
          distro: true,
          chiliCalOrg: true,
          concierge: false,
          conciergeLive: true,
          chat: true,
          handoff: true,
          tier: 'RoutingAndScheduling',
        },
      },
    },
    check: (p) =>
      expect(p.changes).toStrictEqual([
        { path: 'licenses of Alice Anders.concierge', before: 'true', after: 'false' },
      ]),
  }),
  'workspace-remove-users': () => ({
    args: { workspaceId: data.sales.id, userIds: [data.salesUsers[1].id] },
    check: (p) =>
      expect(p.facts).toStrictEqual({
        Workspace: 'Sales',
        'Users removed': [`${data.salesUsers[1].name}, ${data.salesUsers[1].email}`],
      }),
  }),
  'workspace-remove-users-all': () => ({
    args: { userIds: [data.alice.id] },
    check: (p) =>
      expect(p.facts).toStrictEqual({
        'Users and the workspaces they leave': [
          'Alice Anders, Sales, Customer Success, Marketing, Management',
        ],
      }),
  }),
  'team-remove-users': () => ({
    args: { teamId: data.team.id, userIds: [data.teamMember.id] },
    check: (p) => {
      expect(p.facts).toStrictEqual({
        Team: 'Sales Inbound',
        'Users removed': [`${data.teamMember.name}, ${data.teamMember.email}`],
      });
      expect(p.references).toStrictEqual({
        'Distributions they stop getting assignments from': ['Sales Inbound Meeting Round Robin'],
      });
    },
  }),
  'team-remove-users-all': () => ({
    args: { userIds: [data.teamMember.id] },
    check: (p) => expect(p.references['Teams they leave']).toContain('Sales Inbound'),
  }),
};

const destructive = catalog.filter((t) => t.safety.kind === 'destructive');

describe('confirmation of every destructive tool on the sandbox', () => {
  it('has a case for every destructive tool of the catalog', () => {
    expect(Object.keys(cases).sort()).toStrictEqual(destructive.map((t) => t.name).sort());
  });

  it.each(destructive.map((t) => [t.name, t] as const))(
    '%s previews without changing anything, then performs exactly the previewed call',
    async (_name, tool) => {
      const { args, check } = cases[tool.name]!();
      const state = structuredClone(sandbox.tenant('acme'));

      const preview = await call(guarded, tool.name, args);
      expect(preview.isError, preview.content[0]?.text).toBeFalsy();
      const p = preview.structuredContent!;
      expect(p.status).toBe('confirmation-required');
      expect(p.tool).toBe(tool.name);
      expect(p.unread).toBeUndefined();
      check(p);
      expect(preview.content[0]!.text).toContain(`confirm: "${p.confirmationToken}"`);
      expect(writesIn(sandbox.requests)).toStrictEqual([]);
      expect(sandbox.tenant('acme')).toEqual(state); // toEqual: the clone lost the store's classes

      const seen = sandbox.requests.length;
      const done = await call(guarded, tool.name, { ...args, confirm: p.confirmationToken });
      expect(done.isError, done.content[0]?.text).toBeFalsy();
      const sent = sandbox.requests.slice(seen);
      const expected = toRequest(tool, validateArgs(tool, args));
      expect(
        sent.map((r) => ({
          operation: r.operation,
          method: r.method,
          path: r.path,
          query: r.query,
          body: r.body,
        })),
      ).toStrictEqual([
        {
          operation: tool.operation.name,
          method: expected.method,
          path: expected.path,
          query: expected.query,
          body: expected.body ?? null,
        },
      ]);
      expect(sandbox.tenant('acme')).not.toEqual(state);
    },
  );
});
