import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import type { Distribution } from '../src/types.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
beforeEach(() => sb.reset());
afterAll(() => sb.close());

const UNKNOWN = 'ffffffffffffffffffffffff';
const acme = () => sb.tenant('acme');

/** A seeded distribution, a member of its team, and a member of another team of the same workspace. */
function fixture(): { d: Distribution; member: string; outsider: string; otherTeamId: string } {
  const d = [...acme().distributions.values()][0]!;
  const members = acme().teams.get(d.teamId)!.members;
  const other = [...acme().teams.values()].find((t) => t.workspaceId === d.workspaceId && t.id !== d.teamId)!;
  const outsider = other.members.find((id) => !members.includes(id))!;
  return { d, member: members[0]!, outsider, otherTeamId: other.id };
}

const unknownUser = (id: string) => ({
  errorCode: 'NotFound',
  errorMessage: `User ${id} not found`,
  arguments: { id },
});
const notMember = (id: string, d: { id?: string; teamId: string }) => ({
  errorCode: 'NotFound',
  errorMessage: `User ${id} is not a member of team ${d.teamId}${d.id ? ` of distribution ${d.id}` : ''}`,
  arguments: { id, teamId: d.teamId },
});

describe('per-user distribution settings name members only', () => {
  it('adjust-v3 refuses an unknown user or a non-member with a 404 envelope and changes nothing', async () => {
    const { d, member, outsider } = fixture();
    const before = structuredClone({ weights: d.weights, cal: d.manualCalibration, meta: d.metadata });
    for (const [body, expected] of [
      [{ weights: [{ userId: UNKNOWN, weight: 10 }] }, unknownUser(UNKNOWN)],
      [
        {
          weights: [
            { userId: member, weight: 10 },
            { userId: outsider, weight: 10 },
          ],
        },
        notMember(outsider, d),
      ],
      [{ manualCalibration: [{ userId: outsider, calibration: 1 }] }, notMember(outsider, d)],
    ] as const) {
      const r = await call(sb, 'POST', `/v3/org/distribution/${d.id}/adjust`, body);
      expect(r.status, JSON.stringify(body)).toBe(404);
      expect(r.json).toStrictEqual(expected);
    }
    expect({ weights: d.weights, cal: d.manualCalibration, meta: d.metadata }).toStrictEqual(before);
    const ok = await call(sb, 'POST', `/v3/org/distribution/${d.id}/adjust`, {
      weights: [{ userId: member, weight: 10 }],
    });
    expect(ok.status).toBe(200);
  });

  it('update-v3 checks weights, calibration and caps against the (new) team', async () => {
    const { d, member, outsider, otherTeamId } = fixture();
    const config = d.assignmentTypeConfig;
    const update = (body: Record<string, unknown>) =>
      call(sb, 'POST', `/v3/org/distribution/${d.id}`, { assignmentTypeConfig: config, ...body });
    const caps = {
      userCaps: [{ userId: outsider, limit: 3 }],
      resetPeriodicity: { type: 'Daily', timeZone: 'UTC' },
    };
    for (const body of [
      { weights: [{ userId: outsider, weight: 100 }] },
      { manualCalibration: [{ userId: outsider, calibration: 1 }] },
      { capping: caps },
    ]) {
      const r = await update(body);
      expect(r.status, JSON.stringify(body)).toBe(404);
      expect(r.json).toStrictEqual(notMember(outsider, d));
    }
    const moved = await update({ teamId: otherTeamId, weights: [{ userId: outsider, weight: 100 }] });
    expect(moved.status).toBe(200);
    expect((await update({ teamId: d.teamId, weights: [{ userId: member, weight: 100 }] })).status).toBe(200);
  });

  it('create checks the body team, including meeting limit caps', async () => {
    const { d, member, outsider } = fixture();
    const body = (userId: string) => ({
      teamId: d.teamId,
      workspaceId: d.workspaceId,
      name: 'Members only',
      assignmentTypeConfig: {
        type: 'Meeting',
        handling: { type: 'Strict', hideAssignee: false },
        limits: {
          type: 'MeetingLimitSet',
          userCaps: [{ userId, limit: 5 }],
          resetPeriodicity: {
            type: 'Daily',
            every: 1,
            startsOn: '2026-03-10',
            resetLocalTime: '00:00',
            timezone: 'UTC',
          },
        },
      },
    });
    const refused = await call(sb, 'POST', '/v1/org/distribution', body(outsider));
    expect(refused.status).toBe(404);
    expect(refused.json).toStrictEqual(notMember(outsider, { teamId: d.teamId }));
    const unknown = await call(sb, 'POST', '/v1/org/distribution', body(UNKNOWN));
    expect(unknown.json).toStrictEqual(unknownUser(UNKNOWN));
    expect((await call(sb, 'POST', '/v1/org/distribution', body(member))).status).toBe(200);
  });
});
