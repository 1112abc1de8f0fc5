import { describe, expect, it } from 'vitest';
import { catalog, getTool, toRequest, validateArgs, type EdgeRequest } from '../src/index.js';

// One row per tool: valid hosted-style input → the HTTP request the Edge API expects.
// Expected values are written from the Edge API docs (operation index + OpenAPI subsets), not from the code.
const U1 = '67929af0725ce43853fd2b8c';
const U2 = '67929af0725ce43853fd2b8d';
const WS = 'ab144300-a649-4f10-b619-5eccc0c7c93e';
const MID = '1b0e8a3c-5f2d-4c1e-9a7b-2d3e4f5a6b7c';
const START = '2026-01-05T00:00:00Z';
const END = '2026-01-12T00:00:00Z';
const interval = { startsAt: START, duration: '7 days' };

type Row = [tool: string, args: Record<string, unknown>, expected: Partial<Omit<EdgeRequest, 'headers'>>];

const rows: Row[] = [
  ['health-ping', {}, { method: 'GET', path: '/v1/org/health/ping', query: {}, body: undefined }],
  ['tenant-get', {}, { method: 'GET', path: '/v1/org/tenant/get', query: {}, body: undefined }],
  [
    'user-find',
    { query: 'ann', pagination: { page: 1, pageSize: 20 } },
    {
      method: 'GET',
      path: '/v1/org/user/find',
      query: { query: 'ann', page: '1', pageSize: '20' },
      body: undefined,
    },
  ],
  [
    'user-find-by-filter',
    { filter: { email: 'a@acme.com', workspaceIds: [WS] }, pagination: { page: 0 } },
    {
      method: 'POST',
      path: '/v1/org/user/find-by-filter',
      query: { page: '0' },
      body: { email: 'a@acme.com', workspaceIds: [WS] },
    },
  ],
  [
    'user-find-by-ids',
    { userIds: [U1, U2] },
    { method: 'POST', path: '/v1/org/user/find-by-id', query: {}, body: [U1, U2] },
  ],
  [
    'user-read',
    { userId: U1 },
    { method: 'GET', path: `/v1/org/user/read/${U1}`, query: {}, body: undefined },
  ],
  [
    'user-invite',
    { email: 'new@acme.com', name: 'New Person', sendInvite: false },
    {
      method: 'POST',
      path: '/v1/org/user/invite',
      query: {},
      body: { email: 'new@acme.com', name: 'New Person', sendInvite: false },
    },
  ],
  [
    'user-update-licenses',
    {
      update: {
        [U1]: {
          distro: true,
          chiliCalOrg: true,
          concierge: false,
          conciergeLive: false,
          chat: false,
          handoff: true,
        },
      },
    },
    {
      method: 'POST',
      path: '/v1/org/user/licenses',
      body: {
        update: {
          [U1]: {
            distro: true,
            chiliCalOrg: true,
            concierge: false,
            conciergeLive: false,
            chat: false,
            handoff: true,
          },
        },
      },
    },
  ],
  [
    'workspace-list',
    { pagination: { pageSize: 50 } },
    { method: 'GET', path: '/v1/org/workspace', query: { pageSize: '50' }, body: undefined },
  ],
  [
    'workspace-list-users',
    { workspaceId: WS },
    { method: 'GET', path: '/v1/org/workspace/users', query: { workspaceId: WS }, body: undefined },
  ],
  [
    'workspace-add-users',
    { workspaceId: WS, userIds: [U1] },
    { method: 'POST', path: '/v1/org/workspace/users/add', body: { workspaceId: WS, userIds: [U1] } },
  ],
  [
    'workspace-remove-users',
    { workspaceId: WS, userIds: [U1] },
    { method: 'POST', path: '/v1/org/workspace/users/remove', body: { workspaceId: WS, userIds: [U1] } },
  ],
  [
    'workspace-remove-users-all',
    { userIds: [U1] },
    { method: 'POST', path: '/v1/org/workspace/users/remove-from-all', body: { userIds: [U1] } },
  ],
  [
    'team-list-put',
    { workspaceIds: [WS], pagination: { page: 2, pageSize: 5 } },
    { method: 'PUT', path: '/v2/org/team', query: {}, body: { workspaceIds: [WS], page: 2, pageSize: 5 } },
  ],
  ['team-list-put', {}, { method: 'PUT', path: '/v2/org/team', body: {} }],
  [
    'team-add-users',
    { teamId: 't-1', userIds: [U1, U2] },
    { method: 'POST', path: '/v1/org/team/users/add', body: { teamId: 't-1', userIds: [U1, U2] } },
  ],
  [
    'team-remove-users',
    { teamId: 't-1', userIds: [U1] },
    { method: 'POST', path: '/v1/org/team/users/remove', body: { teamId: 't-1', userIds: [U1] } },
  ],
  [
    'team-remove-users-all',
    { userIds: [U1], workspaceIds: [WS] },
    {
      method: 'POST',
      path: '/v1/org/team/users/remove-from-all',
      body: { userIds: [U1], workspaceIds: [WS] },
    },
  ],
  [
    'distribution-list-put',
    { assignmentType: 'Meeting', name: 'SDR' },
    { method: 'PUT', path: '/v2/org/distribution/list', body: { assignmentType: 'Meeting', name: 'SDR' } },
  ],
  [
    'distribution-create',
    {
      teamId: 't-1',
      workspaceId: WS,
      name: 'Inbound',
      assignmentTypeConfig: { type: 'Record', handling: { type: 'Strict' } },
      weights: [{ userId: U1, weight: 100 }],
    },
    {
      method: 'POST',
      path: '/v1/org/distribution',
      body: {
        teamId: 't-1',
        workspaceId: WS,
        name: 'Inbound',
        assignmentTypeConfig: { type: 'Record', handling: { type: 'Strict' } },
        weights: [{ userId: U1, weight: 100 }],
      },
    },
  ],
  [
    'distribution-update-v3',
    { distributionId: 'd-1', body: { name: 'Renamed', weights: [{ userId: U1, weight: 10 }] } },
    {
      method: 'POST',
      path: '/v3/org/distribution/d-1',
      query: {},
      body: { name: 'Renamed', weights: [{ userId: U1, weight: 10 }] },
    },
  ],
  [
    'distribution-adjust-v3',
    { distributionId: 'd-1', body: { weights: [{ userId: U1, weight: 50 }] } },
    {
      method: 'POST',
      path: '/v3/org/distribution/d-1/adjust',
      body: { weights: [{ userId: U1, weight: 50 }] },
    },
  ],
  [
    'distribution-delete',
    { distributionId: 'd-1' },
    { method: 'DELETE', path: '/v1/org/distribution/d-1', query: {}, body: undefined },
  ],
  [
    'rule-list',
    { filter: { workspaceId: WS, name: 'EMEA' }, pagination: { page: 0, pageSize: 200 } },
    {
      method: 'GET',
      path: '/v1/org/rule/list',
      query: { workspaceId: WS, name: 'EMEA', page: '0', pageSize: '200' },
      body: undefined,
    },
  ],
  ['rule-get', { ruleId: 'r-1' }, { method: 'GET', path: '/v1/org/rule/r-1', query: {}, body: undefined }],
  [
    'rule-create',
    {
      dto: {
        type: 'CreateRuleRequest',
        workspaceId: WS,
        name: 'Big',
        conditions: {
          type: 'ConditionGroup',
          id: 'g1',
          operator: 'and',
          conditions: [
            {
              type: 'SingleParameterCondition',
              conditionId: 'c1',
              dataReference: { source: 'SF', object: 'Lead', field: 'Email' },
              operator: 'notEmpty',
            },
          ],
        },
      },
    },
    { method: 'POST', path: '/v1/org/rule' },
  ],
  [
    'rule-modify',
    {
      ruleId: 'r-1',
      revision: 3,
      dto: {
        type: 'CreateRuleRequest',
        workspaceId: WS,
        name: 'Big',
        conditions: {
          type: 'ConditionGroup',
          id: 'g1',
          operator: 'or',
          conditions: [
            {
              type: 'SingleParameterCondition',
              conditionId: 'c1',
              dataReference: { source: 'SF', object: 'Lead', field: 'Email' },
              operator: 'empty',
            },
          ],
        },
      },
    },
    { method: 'PUT', path: '/v1/org/rule', query: { ruleId: 'r-1', revision: '3' } },
  ],
  [
    'rule-delete',
    { ruleId: 'r-1', revision: 4 },
    { method: 'DELETE', path: '/v1/org/rule', query: { ruleId: 'r-1', revision: '4' }, body: undefined },
  ],
  [
    'meeting-list-put',
    { start: START, end: END, status: ['Active', 'NoShow'], pagination: { page: 1, pageSize: 25 } },
    {
      method: 'PUT',
      path: '/v2/org/meetings/meetings',
      query: {},
      body: { start: START, end: END, status: ['Active', 'NoShow'], page: 1, pageSize: 25 },
    },
  ],
  [
    'meeting-get',
    { meetingId: MID },
    { method: 'GET', path: `/v1/org/meetings/get/${MID}`, body: undefined },
  ],
  [
    'meeting-export-v2-put',
    { start: START, end: END, workspaceIds: [WS] },
    {
      method: 'PUT',
      path: '/v3/org/meetings/meetings/export',
      body: { start: START, end: END, workspaceIds: [WS] },
    },
  ],
  [
    'meeting-cancel',
    { meetingId: MID },
    { method: 'POST', path: `/v2/org/meetings/cancel/${MID}`, query: {}, body: undefined },
  ],
  [
    'meeting-noshow',
    { meetingId: MID },
    { method: 'POST', path: `/v2/org/meetings/noshow/${MID}`, query: {}, body: undefined },
  ],
  [
    'meeting-activity',
    { meetingId: MID },
    { method: 'GET', path: `/v1/org/meetings/activity/${MID}`, body: undefined },
  ],
  [
    'scheduling-link-list-personal',
    { userId: U1 },
    { method: 'GET', path: `/v1/org/schedulingLinks/list-personal-v2/${U1}`, body: undefined },
  ],
  [
    'scheduling-link-list-round-robin',
    { filterWorkspaceIds: [WS] },
    { method: 'POST', path: '/v1/org/schedulingLinks/list-round-robin', body: { filterWorkspaceIds: [WS] } },
  ],
  [
    'scheduling-link-list-round-robin',
    {},
    { method: 'POST', path: '/v1/org/schedulingLinks/list-round-robin', body: {} },
  ],
  [
    'scheduling-link-list-admin-one-on-one',
    { filterLinkSlugs: ['demo'] },
    {
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-admin-one-on-one',
      body: { filterLinkSlugs: ['demo'] },
    },
  ],
  [
    'scheduling-link-list-group',
    {},
    { method: 'POST', path: '/v1/org/schedulingLinks/list-group', body: {} },
  ],
  [
    'scheduling-link-list-ownership',
    { filterDistributionIds: ['d-1'] },
    {
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-ownership',
      body: { filterDistributionIds: ['d-1'] },
    },
  ],
  [
    'scheduling-link-init',
    { link: { slug: 'intro-call' }, guestEmail: 'g@x.com', interval },
    {
      method: 'POST',
      path: '/v1/org/schedulingLinks/init-simple',
      body: { link: { slug: 'intro-call' }, guestEmail: 'g@x.com', interval },
    },
  ],
  [
    'scheduling-link-schedule',
    { routeId: 'route-1', body: { startTime: START, guestEmail: 'g@x.com' } },
    {
      method: 'POST',
      path: '/v1/org/schedulingLinks/routing/route-1/schedule-simple',
      body: { startTime: START, guestEmail: 'g@x.com' },
    },
  ],
  [
    'availability-slots',
    {
      expectedHost: { type: 'User', userId: U1 },
      attendees: [{ type: 'ManuallyAssigned', userId: U1, required: true }],
      interval,
      pagination: { pageSize: 500 },
    },
    {
      method: 'PUT',
      path: '/v1/org/availability/slots-v2',
      body: {
        expectedHost: { type: 'User', userId: U1 },
        attendees: [{ type: 'ManuallyAssigned', userId: U1, required: true }],
        interval,
        pageSize: 500,
      },
    },
  ],
  [
    'handoff-init',
    { workspaceId: WS, userId: U1, body: { type: 'GuestEmailRequest', guestEmail: 'g@x.com', interval } },
    {
      method: 'POST',
      path: `/v1/org/handoff/workspace/${WS}/booker/${U1}/init-simple`,
      body: { type: 'GuestEmailRequest', guestEmail: 'g@x.com', interval },
    },
  ],
  [
    'handoff-schedule',
    { routingId: 'rt', routerId: 'ro', pathId: 'p', userId: U1, body: { startTime: START } },
    {
      method: 'POST',
      path: `/v1/org/handoff/routing/rt/router/ro/path/p/booker/${U1}/schedule-simple`,
      body: { startTime: START },
    },
  ],
  [
    'concierge-list-routers',
    { workspaceId: WS },
    {
      method: 'POST',
      path: '/v1/org/concierge/routers/concierge/list',
      query: { workspaceId: WS },
      body: undefined,
    },
  ],
  [
    'concierge-route',
    { form: [{ name: 'PersonEmail', value: 'lead@x.com' }], interval },
    {
      method: 'POST',
      path: '/v1/org/concierge/routers/rest',
      body: { form: [{ name: 'PersonEmail', value: 'lead@x.com' }], interval },
    },
  ],
  [
    'concierge-route-by-slug',
    { routerSlug: 'inbound', body: { form: { PersonEmail: 'lead@x.com' } } },
    {
      method: 'POST',
      path: '/v1/org/concierge/routers/inbound/rest',
      body: { form: { PersonEmail: 'lead@x.com' } },
    },
  ],
  [
    'concierge-schedule',
    { routingId: 'rt-1', body: { startTime: START } },
    { method: 'POST', path: '/v1/org/concierge/routing/rt-1/schedule-simple', body: { startTime: START } },
  ],
  [
    'concierge-logs',
    { workspaceId: WS, routerId: MID, start: START, end: END, pagination: { pageSize: 500 } },
    {
      method: 'POST',
      path: '/v1/org/concierge/logs',
      query: { workspaceId: WS, routerId: MID, start: START, end: END, pageSize: '500' },
      body: undefined,
    },
  ],
  [
    'distro-list-routers',
    {},
    { method: 'POST', path: '/v1/org/distro/routers/list', query: {}, body: undefined },
  ],
  [
    'resource-scheduler-run',
    { resourceSchedulerId: 'rs-1' },
    { method: 'POST', path: '/v1/org/resource-scheduler/rs-1/run', body: undefined },
  ],
  [
    'crm-get',
    { crmEventId: '00U5e00000AbCdEFGH' },
    { method: 'GET', path: '/v1/org/crm/get/00U5e00000AbCdEFGH', body: undefined },
  ],
  [
    'crm-cancel',
    { crmEventId: '00U5e00000AbCdEFGH' },
    { method: 'POST', path: '/v2/org/crm/cancel/00U5e00000AbCdEFGH', body: undefined },
  ],
  [
    'crm-noshow',
    { crmEventId: '00U5e00000AbCdEFGH' },
    { method: 'POST', path: '/v2/org/crm/noshow/00U5e00000AbCdEFGH', body: undefined },
  ],
  [
    'crm-activity',
    { crmEventId: '00U5e00000AbCdEFGH' },
    { method: 'GET', path: '/v1/org/crm/activity/00U5e00000AbCdEFGH', body: undefined },
  ],
];

describe('toRequest: every tool', () => {
  it('has a row for every tool in the catalog', () => {
    expect(new Set(rows.map(([name]) => name))).toStrictEqual(new Set(catalog.map((t) => t.name)));
  });

  it.each(rows)('%s', (name, args, expected) => {
    const tool = getTool(name)!;
    const request = toRequest(tool, validateArgs(tool, args));
    expect(request).toMatchObject(expected);
    if (request.body !== undefined) expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['accept']).toMatch(tool.response === 'csv' ? /text\/csv/ : /json/);
  });

  it('sends the rule dto in the body next to the query revision', () => {
    const tool = getTool('rule-modify')!;
    const dto = rows.find(([n]) => n === 'rule-modify')![1]['dto'];
    expect(toRequest(tool, validateArgs(tool, { ruleId: 'r', revision: 1, dto })).body).toStrictEqual({
      dto,
    });
  });

  it('encodes path values so an id cannot change the path', () => {
    const tool = getTool('user-read')!;
    expect(toRequest(tool, { userId: 'a?b#c' }).path).toBe('/v1/org/user/read/a%3Fb%23c');
    expect(() => validateArgs(tool, { userId: '../tenant/get' })).toThrow(/userId/);
  });

  it('repeats array query parameters and leaves undefined fields out', () => {
    const tool = getTool('rule-list')!;
    const request = toRequest(tool, { filter: { ruleBuilderVersion: ['ExplicitV1'], name: undefined } });
    expect(request.query).toStrictEqual({ ruleBuilderVersion: ['ExplicitV1'] });
  });
});
