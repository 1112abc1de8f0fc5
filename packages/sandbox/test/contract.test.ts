import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start, type ApiResponse } from './helpers.js';

interface OperationSchema {
  version: string;
  method: string;
  path: string;
  permissions: string[] | null;
  contentType: string | null;
  /** Response headers the spec marks `required` on the 200. */
  headers: string[];
  schema: Record<string, unknown> | null;
}

/** Response schemas extracted from the first-party OpenAPI subsets (scripts/extract-schemas.mjs). */
const { _errorEnvelope: errorEnvelope, ...schemas } = JSON.parse(
  readFileSync(new URL('./contract/schemas.json', import.meta.url), 'utf8'),
) as Record<string, OperationSchema>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

/**
 * The generated specs model `DataObject` as a `oneOf` of several plain-string schemas (a Tapir coproduct of value
 * classes), so no string can ever match exactly one branch. Treat that one definition as `anyOf`.
 */
const AMBIGUOUS_ONE_OF = new Set(['DataObject']);
function relax(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const $defs = Object.fromEntries(
    Object.entries(defs).map(([name, def]) => {
      if (!AMBIGUOUS_ONE_OF.has(name) || !def.oneOf) return [name, def];
      const { oneOf, ...rest } = def;
      return [name, { ...rest, anyOf: oneOf }];
    }),
  );
  return { ...schema, $defs };
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

const acme = () => sb.tenant('acme');
const first = <T>(m: Map<string, T>): T => [...m.values()][0] as T;
const window = { start: '2026-03-09T00:00:00Z', end: '2026-03-16T00:00:00Z' };
const interval = { startsAt: '2026-03-11T00:00:00Z', duration: '2 days' };

/** One real request per operation that an OpenAPI subset describes. */
const requests: Record<string, () => Promise<ApiResponse>> = {
  tenantGet: () => call(sb, 'GET', '/v1/org/tenant/get'),
  userFind: () => call(sb, 'GET', '/v1/org/user/find?query=a&pageSize=50'),
  userFindByIds: () => call(sb, 'POST', '/v1/org/user/find-by-id?pageSize=50', [...acme().users.keys()]),
  userRead: () => call(sb, 'GET', `/v1/org/user/read/${first(acme().users).id}`),
  workspaceList: () => call(sb, 'GET', '/v1/org/workspace'),
  workspaceListUsers: () => call(sb, 'GET', '/v1/org/workspace/users?pageSize=50'),
  teamListPut: () => call(sb, 'PUT', '/v2/org/team', {}),
  teamAddUsers: () => {
    const team = first(acme().teams);
    const outsider = [...acme().users.keys()].find((id) => !team.members.includes(id))!;
    return call(sb, 'POST', '/v1/org/team/users/add', { teamId: team.id, userIds: [outsider] });
  },
  teamRemoveUsers: () => {
    const team = first(acme().teams);
    return call(sb, 'POST', '/v1/org/team/users/remove', { teamId: team.id, userIds: [team.members[1]] });
  },
  distributionListPut: () => call(sb, 'PUT', '/v2/org/distribution/list', { pageSize: 100 }),
  distributionCreate: () => {
    const team = first(acme().teams);
    return call(sb, 'POST', '/v1/org/distribution', {
      teamId: team.id,
      workspaceId: team.workspaceId,
      name: 'Contract',
      assignmentTypeConfig: { type: 'Conversation' },
    });
  },
  ruleList: () => call(sb, 'GET', '/v1/org/rule/list'),
  ruleCreate: () =>
    call(sb, 'POST', '/v1/org/rule', {
      dto: {
        type: 'CreateRuleRequest',
        workspaceId: first(acme().workspaces).id,
        name: 'Contract rule',
        conditions: {
          type: 'SingleParameterCondition',
          conditionId: 'c1',
          dataReference: { source: 'DF', object: 'Person', field: 'PersonEmail' },
          operator: 'notEmpty',
        },
      },
    }),
  meetingListPut: () => call(sb, 'PUT', '/v2/org/meetings/meetings', window),
  meetingGet: () => call(sb, 'GET', `/v1/org/meetings/get/${acme().meetings.all()[0]!.id}`),
  meetingExportV2Put: () => call(sb, 'PUT', '/v3/org/meetings/meetings/export', window),
  meetingTypeList: () => call(sb, 'GET', '/v1/org/meeting-types/list'),
  meetingCancel: () =>
    call(
      sb,
      'GET',
      `/v1/org/meetings/cancel/${
        acme()
          .meetings.all()
          .find((m) => m.status === 'Active' && m.start > Date.parse('2026-03-11T00:00:00Z'))!.id
      }`,
    ),
  schedulingLinkListPersonal: () =>
    call(sb, 'GET', `/v1/org/schedulingLinks/list-personal/${first(acme().users).id}`),
  schedulingLinkListRoundRobin: () => call(sb, 'POST', '/v1/org/schedulingLinks/list-round-robin', {}),
  schedulingLinkListAdminOneOnOne: () =>
    call(sb, 'POST', '/v1/org/schedulingLinks/list-admin-one-on-one', {}),
  schedulingLinkListGroup: () => call(sb, 'POST', '/v1/org/schedulingLinks/list-group', {}),
  schedulingLinkListOwnership: () => call(sb, 'POST', '/v1/org/schedulingLinks/list-ownership', {}),
  availabilitySlots: () => {
    const d = [...acme().distributions.values()].find((x) => x.assignmentTypeConfig.type === 'Meeting')!;
    return call(sb, 'POST', '/v1/org/availability/slots', {
      attendees: [{ type: 'DistributionAssignee', distributionId: d.id, required: true }],
      interval,
      meetingTypeRef: { id: first(acme().meetingTypes).id, timestamp: '2026-03-10T00:00:00Z' },
    });
  },
  conciergeListRouters: () => call(sb, 'POST', '/v1/org/concierge/routers/concierge/list'),
  conciergeLogs: () => {
    const r = first(acme().conciergeRouters);
    return call(
      sb,
      'POST',
      `/v1/org/concierge/logs?workspaceId=${r.workspaceId}&routerId=${r.id}&start=2026-02-20T00:00:00Z&end=2026-03-10T00:00:00Z`,
    );
  },
  distroListRouters: () => call(sb, 'POST', '/v1/org/distro/routers/list', {}),
  userUpdateLicenses: () => call(sb, 'POST', '/v1/org/user/licenses', { update: {} }),
  workspaceAddUsers: () =>
    call(sb, 'POST', '/v1/org/workspace/users/add', {
      workspaceId: first(acme().workspaces).id,
      userIds: [first(acme().users).id],
    }),
  workspaceRemoveUsers: () =>
    call(sb, 'POST', '/v1/org/workspace/users/remove', {
      workspaceId: first(acme().workspaces).id,
      userIds: [[...acme().users.keys()][5]],
    }),
};

describe('contract: responses validate against the first-party OpenAPI response schemas', () => {
  it('covers every extracted operation, and the schemas carry no prose', () => {
    expect(Object.keys(requests).sort()).toEqual(Object.keys(schemas).sort());
    expect(JSON.stringify(schemas)).not.toMatch(/"description":"/);
  });

  for (const [operationId, spec] of Object.entries(schemas)) {
    it(`${operationId} (${spec.method} ${spec.path})`, async () => {
      const res = await requests[operationId]!();
      expect(res.status, res.text).toBe(200);
      if (spec.contentType) expect(res.headers.get('content-type')).toBe(spec.contentType);
      for (const header of spec.headers) expect(res.headers.get(header), header).toBeTruthy();
      if (!spec.schema) return;
      const payload = spec.contentType?.startsWith('text/') ? res.text : res.json;
      const validate = ajv.compile(relax(spec.schema));
      const ok = validate(payload);
      expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
    });
  }

  it('permissions enforced by the sandbox match X-Chili-Required-Permissions', async () => {
    for (const [operationId, spec] of Object.entries(schemas)) {
      const required = spec.permissions?.[0];
      if (!required) continue;
      const key = sb.createKey({ permissions: [] });
      const res = await requests[operationId]!.call(null);
      void res;
      const path = sb.requests.at(-1)!;
      const denied = await call(
        sb,
        path.method,
        `${path.path}${Object.keys(path.query).length ? `?${new URLSearchParams(path.query)}` : ''}`,
        path.body ?? undefined,
        { key },
      );
      expect(denied.status, operationId).toBe(403);
      expect(denied.json.arguments.permission, operationId).toBe(required);
    }
  });

  it('every JSON error validates against the `default` error envelope', async () => {
    const validate = ajv.compile(errorEnvelope!.schema!);
    const rule = [...acme().rules.values()].find((r) => !r.deletedAt)!;
    const meeting = acme()
      .meetings.all()
      .find((m) => m.status === 'Canceled')!;
    const slotless = await call(sb, 'POST', '/v1/org/schedulingLinks/routing/unknown/schedule-simple', {
      startTime: '2026-03-11T15:00:00Z',
    });
    const errors: ApiResponse[] = [
      await call(sb, 'GET', '/v1/org/tenant/get', undefined, { key: null }),
      await call(sb, 'GET', '/v1/org/tenant/get', undefined, { key: sb.createKey({ permissions: [] }) }),
      await call(sb, 'GET', '/v1/org/user/read/unknown'),
      await call(sb, 'GET', '/v1/org/nowhere'),
      await call(sb, 'PUT', `/v1/org/rule?ruleId=${rule.id}&revision=999`, { dto: {} }),
      await call(sb, 'POST', `/v2/org/meetings/cancel/${meeting.id}`),
      await call(sb, 'POST', '/v1/org/concierge/routers/partners/rest', {
        form: { PersonEmail: 'a@b.example' },
      }),
      await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', { link: { slug: 'missing' } }),
      slotless,
    ];
    expect(errors.map((e) => e.status)).toEqual([401, 403, 404, 404, 409, 409, 422, 404, 404]);
    for (const e of errors) {
      expect(e.headers.get('content-type')).toMatch(/^application\/json/);
      expect(validate(e.json), `${e.status} ${e.text}`).toBe(true);
    }
  });
});
