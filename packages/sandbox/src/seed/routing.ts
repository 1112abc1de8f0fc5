import type { Prng } from '../util/prng.js';
import type { Tenant } from '../store.js';
import type { Distribution, Rule } from '../types.js';
import { seedLinks } from './links.js';
import { seedMeetingTypes } from './meeting-types.js';
import { metadata } from './org.js';

const ASSIGNMENT_CONFIGS: Distribution['assignmentTypeConfig'][] = [
  {
    type: 'Meeting',
    handling: { type: 'Flexible', reassignmentType: 'AnyTeamMember', allowPickingAssignee: false },
    limits: { type: 'MeetingLimitUnset' },
  },
  { type: 'Record', handling: { type: 'WorkingHours' } },
  { type: 'Conversation' },
  {
    type: 'Meeting',
    handling: { type: 'Strict', hideAssignee: false },
    limits: { type: 'MeetingLimitUnset' },
  },
];

/** A ConditionGroup with one static-value condition, as the ExplicitV1 rule builder stores it. */
export function sampleConditions(rng: Prng, field: string, operator: string, value: unknown): unknown {
  return {
    type: 'ConditionGroup',
    id: rng.uuid(),
    operator: 'and',
    conditions: [
      {
        type: 'StaticValueCondition',
        conditionId: rng.uuid(),
        dataReference: { source: 'DF', object: 'Person', field },
        operator,
        value,
      },
    ],
  };
}

/** Meeting types, distributions of every assignment type, ExplicitV1 rules, scheduling links of every kind. */
export function seedRouting(t: Tenant, rng: Prng, createdAt: string): void {
  const admin = [...t.users.values()][0];
  const by = `user/${admin?.id ?? '000000000000000000000000'}`;
  seedMeetingTypes(t, rng);
  let n = 0;
  for (const team of t.teams.values()) {
    const config = ASSIGNMENT_CONFIGS[n % ASSIGNMENT_CONFIGS.length] ?? { type: 'Conversation' };
    const id = rng.uuid();
    const stats: Distribution['stats'] = {};
    for (const u of team.members)
      stats[u] = {
        assigned: rng.int(0, 40),
        cancelled: rng.int(0, 4),
        noShow: rng.int(0, 3),
        reassignedToThis: rng.int(0, 2),
        reassignedFromThis: rng.int(0, 2),
      };
    const dist: Distribution = {
      id,
      workspaceId: team.workspaceId,
      name: `${team.name} ${config.type} Round Robin`,
      teamId: team.id,
      assignmentTypeConfig: config,
      weights: team.members.map((userId, i) => ({ userId, weight: i % 3 === 0 ? 200 : 100 })),
      manualCalibration: team.members.slice(0, 1).map((userId) => ({ userId, calibration: 1 })),
      stats,
      disabled: {},
      lastReset: createdAt,
      metadata: metadata(createdAt, by, 2),
    };
    if (n % 2 === 0 && team.members[1])
      dist.capping = {
        userCaps: [{ userId: team.members[1], limit: 10 }],
        resetPeriodicity: { type: 'Weekly', timeZone: 'UTC', dayOfWeek: 1 },
      };
    if (team.members[2]) dist.disabled[team.members[2]] = createdAt;
    t.distributions.set(id, dist);
    n++;
  }
  const ruleSpecs: [string, string, string, unknown][] = [
    ['Enterprise accounts', 'CompanyEmployees', '>=', 1000],
    ['EMEA leads', 'PersonCountry', 'isAnyOf', ['DE', 'FR', 'GB', 'NL']],
    ['Gmail and other free domains', 'PersonEmail', 'endsWithAnyOf', ['gmail.com', 'yahoo.com']],
    ['High-intent demo requests', 'RecentUtmCampaign', 'contains', 'demo'],
  ];
  let r = 0;
  for (const ws of t.workspaces.values()) {
    const spec = ruleSpecs[r % ruleSpecs.length] as [string, string, string, unknown];
    const id = rng.uuid();
    const rule: Rule = {
      type: 'NonOwnershipRule',
      id,
      workspaceId: ws.id,
      name: spec[0],
      conditions: sampleConditions(rng, spec[1], spec[2], spec[3]),
      ruleBuilderVersion: 'ExplicitV1',
      product: 'Concierge',
      metadata: metadata(createdAt, by, 1 + (r % 3)),
    };
    t.rules.set(id, rule);
    const team = [...t.teams.values()].find((x) => x.workspaceId === ws.id);
    const ownId = rng.uuid();
    t.rules.set(ownId, {
      type: 'OwnershipRule',
      id: ownId,
      workspaceId: ws.id,
      name: `${ws.name} account owner`,
      conditions: {
        type: 'OwnershipCondition',
        conditionId: rng.uuid(),
        searchOwnershipBy: 'CrmIdOrEmail',
        ...(team ? { teamId: team.id } : {}),
      },
      ruleBuilderVersion: 'ExplicitV1',
      product: 'ChiliCal',
      ...(team ? { teamId: team.id } : {}),
      metadata: metadata(createdAt, by, 1),
    });
    r++;
  }
  seedLinks(t, rng);
}
