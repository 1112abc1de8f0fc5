import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, createChiliPiperServer } from '../src/index.js';
import { leadEmailConditions } from './fixtures/sample-requests.js';

// Every catalog tool through MCP against the sandbox: at least one successful call each, and the
// documented error of each write. State carries from one step to the next, as an agent's session would.

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Result {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Json;
}

let sandbox: Sandbox;
let client: Client;
const succeeded = new Set<string>();
const failedAsDocumented = new Set<string>();

async function call(name: string, args: Json = {}): Promise<Result> {
  return (await client.callTool({ name, arguments: args })) as Result;
}
async function ok(name: string, args: Json = {}): Promise<Json> {
  const result = await call(name, args);
  expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
  succeeded.add(name);
  return result.structuredContent ?? { text: result.content[0]?.text };
}
async function fails(name: string, args: Json, pattern: RegExp): Promise<string> {
  const result = await call(name, args);
  const text = result.content.map((c) => c.text).join('\n');
  expect(result.isError, `${name} should fail: ${text}`).toBe(true);
  expect(text).toMatch(pattern);
  expect(text).not.toContain(sandbox.apiKey);
  failedAsDocumented.add(name);
  return text;
}
const writes = (method: string, suffix: string) =>
  sandbox.requests.filter((r) => r.method === method && r.path.endsWith(suffix)).length;

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const NOWISH = Date.now();
const MISSING = 'ffffffffffffffffffffffff';
const MISSING_UUID = 'ffffffff-ffff-4fff-8fff-ffffffffffff';

const ids: Json = {};

beforeAll(async () => {
  sandbox = await createSandbox();
  // Every tool, opt-in ones included.
  const server = createChiliPiperServer({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    include: catalog.map((t) => t.name),
  });
  const [a, b] = InMemoryTransport.createLinkedPair();
  client = new Client({ name: 'e2e', version: '0' });
  await Promise.all([server.connect(b), client.connect(a)]);
});
afterAll(async () => {
  await client?.close();
  await sandbox?.close();
});

describe('every catalog tool against the sandbox', () => {
  it('organization', async () => {
    expect(await ok('health-ping')).toStrictEqual({ text: 'ok' });
    const tenant = await ok('tenant-get');
    expect(tenant['type']).toBe('Organization');
    expect(tenant['tenantData'].subdomain).toMatch(/^[a-z0-9-]+$/);
  });

  it('workspaces and users: reads', async () => {
    const ws = await ok('workspace-list', { pagination: { pageSize: 50 } });
    expect(Object.keys(ws['results'][0]).sort()).toStrictEqual(['id', 'name', 'nrOfUsers']);
    expect(ws['results'].length).toBeGreaterThanOrEqual(2);
    [ids.ws0, ids.ws1] = ws['results'].map((w: Json) => w['id']);
    const members = await ok('workspace-list-users', { workspaceId: ids.ws0, pagination: { pageSize: 50 } });
    expect(members['results'].length).toBeGreaterThan(1);
    [ids.u0, ids.u1] = members['results'].map((u: Json) => u['id']);
    expect(ids.u0).toMatch(/^[0-9a-f]{24}$/);
    const all = await ok('workspace-list-users', {});
    expect(all['total']).toBeGreaterThanOrEqual(members['total']);

    const me = await ok('user-read', { userId: ids.u0 });
    expect(me['id']).toBe(ids.u0);
    ids.u0email = me['email'];
    const found = await ok('user-find', { query: String(me['email']).slice(0, 5) });
    expect(found['results'].map((u: Json) => u['id'])).toContain(ids.u0);
    const byIds = await ok('user-find-by-ids', { userIds: [ids.u0, ids.u1] });
    expect(byIds['results'].map((u: Json) => u['id']).sort()).toStrictEqual([ids.u0, ids.u1].sort());
    const byFilter = await ok('user-find-by-filter', {
      filter: { workspaceIds: [ids.ws0] },
      pagination: { pageSize: 50 },
    });
    expect(byFilter['results'].length).toBeGreaterThan(0);
    await fails('user-read', { userId: MISSING }, /404|not found/i);
  });

  it('users: writes', async () => {
    const email = `new.person.${NOWISH}@acme.example`;
    await ok('user-invite', { email, name: 'New Person', workspaces: [ids.ws0] });
    expect(ids.u1).toMatch(/^[0-9a-f]{24}$/);
    const found = await ok('user-find', { query: email });
    expect(found['results'][0]?.email).toBe(email);
    await fails('user-invite', { email, name: 'Again' }, /409|422|exists|already/i);

    const licenses = {
      distro: true,
      chiliCalOrg: true,
      concierge: false,
      conciergeLive: false,
      chat: false,
      handoff: true,
    };
    await ok('user-update-licenses', { update: { [ids.u1]: licenses } });
    expect((await ok('user-read', { userId: ids.u1 }))['licenses']).toMatchObject(licenses);
    const full = await ok('user-find-by-ids', { userIds: [ids.u1], fields: 'all' });
    expect(full['results'][0].licenses).toMatchObject(licenses);
    const chosen = await ok('user-find-by-ids', { userIds: [ids.u1], fields: ['id', 'licenses.distro'] });
    expect(chosen['results']).toStrictEqual([{ id: ids.u1, licenses: { distro: true } }]);
    await fails('user-update-licenses', { update: { [MISSING]: licenses } }, /404|not found|400|invalid/i);
  });

  it('workspaces: writes are idempotent adds and removes', async () => {
    const before = writes('POST', '/workspace/users/add');
    await ok('workspace-add-users', { workspaceId: ids.ws1, userIds: [ids.u0] });
    await ok('workspace-add-users', { workspaceId: ids.ws1, userIds: [ids.u0] });
    expect(writes('POST', '/workspace/users/add')).toBe(before + 2);
    expect((await ok('user-read', { userId: ids.u0 }))['workspaces']).toContain(ids.ws1);
    await fails('workspace-add-users', { workspaceId: MISSING_UUID, userIds: [ids.u0] }, /404|not found/i);

    await ok('workspace-remove-users', { workspaceId: ids.ws1, userIds: [ids.u0] });
    expect((await ok('user-read', { userId: ids.u0 }))['workspaces']).not.toContain(ids.ws1);
    await fails('workspace-remove-users', { workspaceId: MISSING_UUID, userIds: [ids.u0] }, /404|not found/i);

    const invited = await ok('user-find', { query: `new.person.${NOWISH}` });
    const victim = invited['results'][0].id;
    await ok('workspace-remove-users-all', { userIds: [victim] });
    expect((await ok('user-read', { userId: victim }))['workspaces']).toStrictEqual([]);
    await fails('workspace-remove-users-all', { userIds: [MISSING] }, /404|not found|400/i);
  });

  it('teams', async () => {
    const teams = await ok('team-list-put', { workspaceIds: [ids.ws0], pagination: { pageSize: 50 } });
    const team = teams['results'][0];
    ids.team = team.id;
    const outsider = ids.u1 === undefined || team.members.includes(ids.u1) ? undefined : ids.u1;
    const user =
      outsider ??
      (await ok('user-find-by-filter', { filter: {} }))['results'].find(
        (u: Json) => !team.members.includes(u['id']),
      )?.id;
    const added = await ok('team-add-users', { teamId: ids.team, userIds: [user] });
    expect(added['members']).toContain(user);
    await fails('team-add-users', { teamId: MISSING_UUID, userIds: [user] }, /404|not found/i);
    const removed = await ok('team-remove-users', { teamId: ids.team, userIds: [user] });
    expect(removed['members']).not.toContain(user);
    await fails('team-remove-users', { teamId: MISSING_UUID, userIds: [user] }, /404|not found/i);
    await ok('team-add-users', { teamId: ids.team, userIds: [user] });
    await ok('team-remove-users-all', { userIds: [user], workspaceIds: [ids.ws0] });
    const after = await ok('team-list-put', { workspaceIds: [ids.ws0], member: [user] });
    expect(after['results']).toStrictEqual([]);
    await fails('team-remove-users-all', { userIds: [MISSING] }, /404|not found|400/i);
  });

  it('distributions: create, replace, add, delete', async () => {
    const list = await ok('distribution-list-put', { workspaceIds: [ids.ws0] });
    expect(list['results'].length).toBeGreaterThan(0);
    const team = (await ok('team-list-put', { workspaceIds: [ids.ws0] }))['results'][0];
    const member = team.members[0];
    const created = await ok('distribution-create', {
      teamId: team.id,
      workspaceId: ids.ws0,
      name: 'E2E distribution',
      assignmentTypeConfig: { type: 'Record', handling: { type: 'Strict' } },
      weights: [{ userId: member, weight: 100 }],
    });
    const id = created['distributionId'];
    expect(id).toMatch(/^[0-9a-f-]{24,36}$/);
    await fails(
      'distribution-create',
      {
        teamId: MISSING_UUID,
        workspaceId: ids.ws0,
        name: 'x',
        assignmentTypeConfig: { type: 'Record', handling: { type: 'Strict' } },
      },
      /404|not found|400|422/i,
    );

    await ok('distribution-adjust-v3', {
      distributionId: id,
      body: { weights: [{ userId: member, weight: 50 }] },
    });
    const weightOf = async () =>
      (await ok('distribution-list-put', { name: 'E2E distribution' }))['results'][0].published.weights.find(
        (w: Json) => w['userId'] === member,
      ).weight;
    expect(await weightOf()).toBe(150);
    await fails(
      'distribution-adjust-v3',
      { distributionId: MISSING_UUID, body: { weights: [{ userId: member, weight: 1 }] } },
      /404|not found/i,
    );

    await ok('distribution-update-v3', {
      distributionId: id,
      body: { name: 'E2E distribution', weights: [{ userId: member, weight: 70 }] },
    });
    expect(await weightOf()).toBe(70);
    await fails(
      'distribution-update-v3',
      { distributionId: MISSING_UUID, body: { name: 'x' } },
      /404|not found/i,
    );

    await ok('distribution-delete', { distributionId: id });
    expect((await ok('distribution-list-put', { name: 'E2E distribution' }))['results']).toStrictEqual([]);
    await fails('distribution-delete', { distributionId: id }, /404|not found/i);
  });

  it('rules: revisions guard modify and delete', async () => {
    const rules = await ok('rule-list', { filter: { workspaceId: ids.ws0 } });
    const existing = rules['results'][0];
    expect((await ok('rule-get', { ruleId: existing.id }))['id']).toBe(existing.id);
    const conditions = leadEmailConditions('and', 'notEmpty');
    const created = await ok('rule-create', {
      dto: { type: 'CreateRuleRequest', workspaceId: ids.ws0, name: 'E2E rule', conditions },
    });
    expect(created['metadata'].revision).toBe(1);
    await fails(
      'rule-create',
      { dto: { type: 'CreateRuleRequest', workspaceId: MISSING_UUID, name: 'x', conditions } },
      /404|not found|400|422/i,
    );
    const modified = await ok('rule-modify', {
      ruleId: created['id'],
      revision: 1,
      dto: { name: 'E2E rule v2', conditions },
    });
    expect(
      modified['metadata']?.revision ??
        (await ok('rule-get', { ruleId: created['id'] }))['metadata'].revision,
    ).toBe(2);
    await fails(
      'rule-modify',
      { ruleId: created['id'], revision: 1, dto: { name: 'stale' } },
      /409|revision/i,
    );
    await fails('rule-delete', { ruleId: created['id'], revision: 1 }, /409|revision/i);
    await ok('rule-delete', { ruleId: created['id'], revision: 2 });
    await fails('rule-get', { ruleId: created['id'] }, /404|not found/i);
  });

  it('meetings: list, get, export, cancel, no-show, activity', async () => {
    const window = { start: iso(NOWISH - 3 * day), end: iso(NOWISH + 3 * day) };
    const page = await ok('meeting-list-put', {
      ...window,
      status: ['ACTIVE'],
      pagination: { pageSize: 10 },
    });
    expect(page['results']).toHaveLength(10);
    expect(page['nextCursor']).toMatch(/^[\w-]+$/);
    const [m1, m2] = page['results'];
    expect(m1.meetingStatus).toBe('Active');
    ids.meeting = m1.meetingId;
    expect(await ok('meeting-get', { meetingId: m1.meetingId })).toMatchObject({
      id: m1.meetingId,
      meetingStatus: m1.meetingStatus,
    });
    const csv = (await ok('meeting-export-v2-put', window))['text'] as string;
    expect(csv.split('\n')[0]).toMatch(/Meeting ID/);
    await fails('meeting-list-put', { start: iso(NOWISH - 100 * day), end: iso(NOWISH) }, /at most 92 days/);

    await ok('meeting-cancel', { meetingId: m1.meetingId });
    await fails('meeting-cancel', { meetingId: m1.meetingId }, /409|422|already|cancel/i);
    await ok('meeting-noshow', { meetingId: m2.meetingId });
    await fails('meeting-noshow', { meetingId: MISSING_UUID }, /404|not found/i);
    const canceled = await ok('meeting-list-put', {
      ...window,
      status: ['CANCELLED'],
      pagination: { pageSize: 200 },
      fields: ['meetingId'],
    });
    expect(canceled['results'].map((m: Json) => m['meetingId'])).toContain(m1.meetingId);
    const activity = await ok('meeting-activity', { meetingId: m1.meetingId });
    expect(activity['meetingId']).toBe(m1.meetingId);
    expect(activity['url']).toMatch(new RegExp(`/meetings/${m1.meetingId}/activity$`));
  });

  it('scheduling links: lists and the two-phase booking', async () => {
    const personal = await ok('scheduling-link-list-personal', { userId: ids.u0 });
    expect(personal['links'].length).toBeGreaterThan(0);
    for (const link of personal['links']) expect(link.bookingUrl).toContain(link.slug);
    const rr = await ok('scheduling-link-list-round-robin');
    expect(rr['results'].length).toBeGreaterThan(0);
    expect((await ok('scheduling-link-list-admin-one-on-one'))['results'].length).toBeGreaterThan(0);
    expect((await ok('scheduling-link-list-group'))['results'].length).toBeGreaterThan(0);
    expect((await ok('scheduling-link-list-ownership'))['results'].length).toBeGreaterThan(0);

    const session = await ok('scheduling-link-init', {
      link: { slug: rr['results'][0].slug },
      guestEmail: 'guest@example.com',
      interval: { startsAt: iso(NOWISH + day), duration: '5 days' },
    });
    expect(session['routeId']).toMatch(/^[0-9a-f-]{24,36}$/);
    const slot = session['startTimes'][0];
    const startTime = typeof slot === 'string' ? slot : slot.startTime;
    const booked = await ok('scheduling-link-schedule', {
      routeId: session['routeId'],
      body: { startTime, guestEmail: 'guest@example.com' },
    });
    expect(booked['type']).toBe('Success');
    await fails(
      'scheduling-link-schedule',
      { routeId: session['routeId'], body: { startTime } },
      /404|409|not found|used|expired|session/i,
    );
    const at = Date.parse(startTime);
    const listed = await ok('meeting-list-put', {
      start: iso(at - 60_000),
      end: iso(at + 60_000),
      pagination: { pageSize: 200 },
    });
    expect(listed['results'].map((m: Json) => m['meetingId'])).toContain(booked['meetingId']);
  });

  it('availability', async () => {
    const slots = await ok('availability-slots', {
      expectedHost: { type: 'User', userId: ids.u0 },
      attendees: [{ type: 'ManuallyAssigned', userId: ids.u0, required: true }],
      interval: { startsAt: iso(NOWISH + day), duration: '3 days' },
    });
    expect(slots['results'].length).toBeGreaterThan(0);
  });

  it('handoff: init then schedule', async () => {
    const init = await ok('handoff-init', {
      workspaceId: ids.ws0,
      userId: ids.u0,
      body: {
        type: 'GuestEmailRequest',
        guestEmail: 'lead@example.com',
        interval: { startsAt: iso(NOWISH + day), duration: '5 days' },
      },
    });
    const router = init['routers'].find((r: Json) =>
      r['pathResults'].some((p: Json) => p['startTimes']?.length),
    );
    const path = router.pathResults.find((p: Json) => p['startTimes']?.length);
    const args = {
      routingId: init['routingId'],
      routerId: router.routerId,
      pathId: path.pathId,
      userId: ids.u0,
    };
    const booked = await ok('handoff-schedule', {
      ...args,
      body: { startTime: path.startTimes[0].startTime },
    });
    expect(booked['scheduleMeetingResult'].type).toBe('Success');
    await fails(
      'handoff-schedule',
      { ...args, body: { startTime: path.startTimes[0].startTime } },
      /404|409|not found|used|expired|session/i,
    );
  });

  it('concierge: route, schedule, logs', async () => {
    const routers = (await ok('concierge-list-routers'))['results'];
    const { router, workspaceId } = routers[0];
    const inWorkspace = await ok('concierge-list-routers', { workspaceId });
    expect(inWorkspace['results'].every((r: Json) => r['workspaceId'] === workspaceId)).toBe(true);
    const link = await ok('concierge-route-by-slug', {
      routerSlug: router.slug,
      body: { form: { PersonEmail: 'lead1@example.com' } },
    });
    expect(JSON.stringify(link)).toMatch(/routingLink|http/);
    await fails(
      'concierge-route-by-slug',
      { routerSlug: 'no-such-router', body: { form: { PersonEmail: 'x@example.com' } } },
      /404|not found/i,
    );

    const interval = { startsAt: iso(NOWISH + day), duration: '5 days' };
    const routed = await ok('concierge-route-by-slug', {
      routerSlug: router.slug,
      body: { form: { PersonEmail: 'lead2@example.com' }, interval },
    });
    const slot = routed['startTimes'][0];
    const startTime = typeof slot === 'string' ? slot : slot.startTime;
    await ok('concierge-schedule', { routingId: routed['routingId'], body: { startTime } });
    await fails(
      'concierge-schedule',
      { routingId: routed['routingId'], body: { startTime } },
      /404|409|not found|used|expired|session/i,
    );

    await ok('concierge-route', {
      form: [{ name: 'PersonEmail', value: 'lead3@example.com' }],
      options: { router: router.slug },
    });
    await fails(
      'concierge-route',
      { form: [{ name: 'PersonEmail', value: 'x@example.com' }], options: { router: 'no-such-router' } },
      /404|not found|400/i,
    );

    const logs = await ok('concierge-logs', {
      workspaceId,
      routerId: router.id,
      start: iso(NOWISH - 20 * day),
      end: iso(NOWISH + day),
    });
    expect(JSON.stringify(logs)).toContain('lead');
    await fails(
      'concierge-logs',
      { workspaceId, routerId: router.id, start: iso(NOWISH - 100 * day), end: iso(NOWISH) },
      /at most 92 days/,
    );
  });

  it('distro', async () => {
    const routers = (await ok('distro-list-routers'))['routers'];
    const scheduled = routers
      .flatMap((r: Json) => r['trigger'].eventTypes)
      .find((e: Json) => e['schedulerId']);
    expect(scheduled).toBeDefined();
    await ok('resource-scheduler-run', { resourceSchedulerId: scheduled.schedulerId });
    await fails('resource-scheduler-run', { resourceSchedulerId: MISSING_UUID }, /404|not found/i);
  });

  it('extras: meeting types and assignment tables, where their ids come from', async () => {
    const types = await ok('meeting-type-list', {});
    expect(types['results'].length).toBeGreaterThan(0);
    expect(Object.keys(types['results'][0]).sort()).toStrictEqual([
      'duration',
      'id',
      'name',
      'status',
      'workspaceId',
    ]);
    const inWs = await ok('meeting-type-list', { workspaceId: ids.ws0 });
    expect(inWs['results'].every((t: Json) => t['workspaceId'] === ids.ws0)).toBe(true);
    const tables = await ok('assignment-table-definition-list', { workspaceId: ids.ws0 });
    expect(tables['results'].length).toBeGreaterThan(0);
    expect(tables['results'][0].id).toMatch(/^[0-9a-f-]{24,36}$/);
  });

  it('crm-keyed meeting actions', async () => {
    const tenant = [...sandbox.store.tenants.values()][0] as unknown as Json;
    const crmIds: string[] = [...(tenant['meetings'].byCrmEventId as Map<string, Json>).entries()]
      .filter(([, m]: [string, Json]) => m['status'] === 'Active')
      .map(([id]: [string, Json]) => id);
    expect(crmIds.length).toBeGreaterThanOrEqual(2);
    const [c1, c2] = crmIds;
    const byCrm = await ok('crm-get', { crmEventId: c1 });
    expect(byCrm['meetingStatus']).toBe('Active');
    expect((await ok('crm-activity', { crmEventId: c1 }))['meetingId']).toBe(byCrm['id']);
    await ok('crm-noshow', { crmEventId: c1 });
    await fails('crm-noshow', { crmEventId: 'NOSUCHEVENT0000000' }, /404|not found/i);
    await ok('crm-cancel', { crmEventId: c2 });
    await fails('crm-cancel', { crmEventId: c2 }, /409|422|already|cancel/i);
    await fails('crm-get', { crmEventId: 'NOSUCHEVENT0000000' }, /404|not found/i);
  });

  it('called every tool successfully, and every write failed the documented way once', () => {
    const step =
      'Step 4 of "Adding a tool" (CONTRIBUTING.md): call it in packages/core/test/e2e-sandbox.test.ts';
    expect(
      catalog.map((t) => t.name).filter((name) => !succeeded.has(name)),
      `${step}, with a successful call`,
    ).toStrictEqual([]);
    const writeTools = catalog.filter((t) => t.safety.kind !== 'read').map((t) => t.name);
    expect(
      writeTools.filter((name) => !failedAsDocumented.has(name)),
      `${step}: a write tool also fails once the documented way`,
    ).toStrictEqual([]);
  });
});
