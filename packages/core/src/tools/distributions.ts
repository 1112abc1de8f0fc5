import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { distributionFacts, distributionReads, distributionUsers, usersRead } from './previews.js';
import { ids, ref, tag } from './shared.js';

/** Distribution tools: the weighted assignment pools that rules and round-robin links draw from. */

const int = (message: string) => v.pipe(v.number(message), v.integer(message));

const timeZone = (key: string) =>
  v.pipe(
    v.string(),
    v.minLength(1, `${key} must be an IANA time zone such as America/New_York`),
    v.description('IANA time zone, e.g. America/New_York or Europe/London.'),
  );

/** `UserWeight`: relative share of assignments, 0..10000. */
const userWeight = v.object({
  userId: ref('userId', 'User the weight applies to.'),
  weight: v.pipe(
    int('weight must be an integer from 0 to 10000'),
    v.minValue(0, 'weight must be an integer from 0 to 10000'),
    v.maxValue(10000, 'weight must be an integer from 0 to 10000'),
    v.description('Relative assignment weight, integer 0..10000.'),
  ),
});

/** `UserCalibration`: manual offset added to the user's computed level. */
const userCalibration = v.object({
  userId: ref('userId', 'User the calibration applies to.'),
  calibration: v.pipe(
    int('calibration must be an integer'),
    v.description('Manual offset (integer, may be negative) applied to the computed level.'),
  ),
});

/** `UserLimit`: per-user cap per reset period. */
const userLimit = v.object({
  userId: ref('userId', 'User the cap applies to.'),
  limit: v.pipe(
    int('limit must be a whole number of 0 or more'),
    v.minValue(0, 'limit must be a whole number of 0 or more'),
    v.description('Most assignments this user may get per reset period (0 or more).'),
  ),
});

const userCaps = v.optional(v.pipe(v.array(userLimit), v.description('Per-user caps: [{userId, limit}].')));

const weights = v.pipe(
  v.array(userWeight),
  v.description('[{userId, weight 0..10000}]: more weight, more assignments.'),
);

const manualCalibration = v.pipe(
  v.array(userCalibration),
  v.description('[{userId, calibration}]: integer offsets to the computed level.'),
);

/** `DistributedAssignmentLimit`: distribution-wide capping. */
const capping = v.pipe(
  v.object({
    userCaps,
    resetPeriodicity: v.pipe(
      v.variant(
        'type',
        [
          v.object({ type: tag('Daily', 'Reset every day.'), timeZone: timeZone('timeZone') }),
          v.object({ type: tag('HourlyRolling', 'Rolling one-hour window.') }),
          v.object({
            type: tag('Weekly', 'Reset every week.'),
            timeZone: timeZone('timeZone'),
            dayOfWeek: v.pipe(
              int('dayOfWeek must be an integer from 1 to 7'),
              v.minValue(1, 'dayOfWeek must be an integer from 1 to 7'),
              v.maxValue(7, 'dayOfWeek must be an integer from 1 to 7'),
              v.description('Day the week resets, 1..7.'),
            ),
          }),
          v.object({ type: tag('Monthly', 'Reset every month.'), timeZone: timeZone('timeZone') }),
        ],
        'resetPeriodicity.type must be Daily, HourlyRolling, Weekly or Monthly',
      ),
      v.description(
        'When caps reset: {type:"Daily", timeZone} | {type:"HourlyRolling"} | {type:"Weekly", timeZone, dayOfWeek 1-7} | {type:"Monthly", timeZone}.',
      ),
    ),
  }),
  v.description(
    'Caps: {userCaps?: [{userId, limit}], resetPeriodicity: {type: Daily|HourlyRolling|Weekly|Monthly, timeZone?, dayOfWeek?}}.',
  ),
);

/** Start fields shared by the meeting-limit reset variants. */
const meetingResetBase = {
  every: v.pipe(
    int('every must be a positive integer'),
    v.minValue(1, 'every must be a positive integer'),
    v.description('Reset every N periods (1 or more).'),
  ),
  startsOn: v.pipe(
    v.string(),
    v.isoDate('startsOn must be a date such as 2025-01-06'),
    v.description('First period start, YYYY-MM-DD.'),
  ),
  timezone: timeZone('timezone'),
};

/** `MeetingLimit`: caps for Meeting distributions (note `timezone`, lower-case z, unlike capping). */
const meetingLimits = v.pipe(
  v.variant(
    'type',
    [
      v.object({ type: tag('MeetingLimitUnset', 'No meeting limits.') }),
      v.object({
        type: tag('MeetingLimitSet', 'Meeting limits apply.'),
        userCaps,
        resetPeriodicity: v.pipe(
          v.variant(
            'type',
            [
              v.object({
                type: tag('Daily', 'Reset every N days.'),
                ...meetingResetBase,
                resetLocalTime: v.pipe(
                  v.string(),
                  v.minLength(1, 'resetLocalTime must be a local time of day such as 00:00'),
                  v.description('Local time of day the limit resets, e.g. "00:00".'),
                ),
              }),
              v.object({
                type: tag('Weekly', 'Reset every N weeks.'),
                ...meetingResetBase,
                resetDayOfWeek: v.pipe(
                  v.picklist(
                    ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
                    'resetDayOfWeek must be MONDAY … SUNDAY (upper case)',
                  ),
                  v.description('Day the week resets: MONDAY … SUNDAY.'),
                ),
              }),
              v.object({
                type: tag('Monthly', 'Reset every N months.'),
                ...meetingResetBase,
                resetDay: v.pipe(
                  int('resetDay must be an integer from 1 to 28'),
                  v.minValue(1, 'resetDay must be an integer from 1 to 28'),
                  v.maxValue(28, 'resetDay must be an integer from 1 to 28'),
                  v.description('Day of the month the limit resets, 1..28.'),
                ),
              }),
            ],
            'limits.resetPeriodicity.type must be Daily, Weekly or Monthly',
          ),
          v.description(
            'When limits reset: {type:"Daily", every, startsOn, resetLocalTime, timezone} | {type:"Weekly", every, startsOn, resetDayOfWeek, timezone} | {type:"Monthly", every, startsOn, resetDay 1-28, timezone}.',
          ),
        ),
      }),
    ],
    'limits.type must be MeetingLimitUnset or MeetingLimitSet',
  ),
  v.description(
    'Meeting caps: {type:"MeetingLimitUnset"} or {type:"MeetingLimitSet", userCaps?, resetPeriodicity}.',
  ),
);

/** `DistributionAssignmentTypeConfig`: what the distribution hands out and how. */
const assignmentTypeConfig = v.pipe(
  v.variant(
    'type',
    [
      v.object({
        type: tag('Record', 'Distributes CRM records.'),
        handling: v.pipe(
          v.variant(
            'type',
            [
              v.object({ type: tag('Strict', 'Assign regardless of working hours.') }),
              v.object({ type: tag('WorkingHours', 'Assign only within working hours.') }),
            ],
            'handling.type must be Strict or WorkingHours for Record',
          ),
          v.description('Record handling: {type:"Strict"} or {type:"WorkingHours"}.'),
        ),
      }),
      v.object({
        type: tag('Meeting', 'Distributes meetings.'),
        handling: v.pipe(
          v.variant(
            'type',
            [
              v.object({
                type: tag('Flexible', 'Flexible meeting handling.'),
                reassignmentType: v.pipe(
                  v.picklist(
                    ['SameUser', 'AnyTeamMember'],
                    'reassignmentType must be SameUser or AnyTeamMember',
                  ),
                  v.description('Who gets a reassigned meeting: SameUser or AnyTeamMember.'),
                ),
                allowPickingAssignee: v.pipe(
                  v.boolean('allowPickingAssignee must be true or false'),
                  v.description('Let the booker pick the assignee.'),
                ),
              }),
              v.object({
                type: tag('Strict', 'Strict meeting handling.'),
                hideAssignee: v.pipe(
                  v.boolean('hideAssignee must be true or false'),
                  v.description('Hide who the meeting is assigned to.'),
                ),
              }),
            ],
            'handling.type must be Flexible or Strict for Meeting',
          ),
          v.description(
            'Meeting handling: {type:"Flexible", reassignmentType, allowPickingAssignee} or {type:"Strict", hideAssignee}.',
          ),
        ),
        limits: meetingLimits,
      }),
      v.object({ type: tag('Conversation', 'Distributes chat conversations.') }),
    ],
    'assignmentTypeConfig.type must be Record, Meeting or Conversation',
  ),
  v.description(
    'What is distributed, by type: {type:"Record", handling} | {type:"Meeting", handling, limits} | {type:"Conversation"}.',
  ),
);

/** A distribution as list items hold it: what a person reads and what later tools take. */
const DISTRIBUTION_KEEP = [
  'id',
  'published.name',
  'published.teamRef.id',
  'published.assignmentTypeConfig.type',
  'published.weights',
  'state.userStates[].userId',
  'state.userStates[].type',
] as const;

/** What a change to a distribution (update or delete) reads for its preview: the distribution, its users, what uses it. */
const DISTRIBUTION_CHANGE_READS = [
  ...distributionReads,
  usersRead('=distribution.published.weights[].userId'),
  ...distributionUsers.reads,
];

export const distributionsTools = [
  defineTool({
    name: 'distribution-list-put',
    title: 'List distributions',
    group: 'distributions',
    description:
      'Lists distributions (weighted round-robin pools). teamId and userId are filtered by this server after ' +
      'fetching (it reads pages of 200).',
    operation: { name: 'distribution-list-put', method: 'PUT', path: '/v2/org/distribution/list' },
    input: v.object({
      workspaceIds: v.optional(v.pipe(ids('workspace ID'), v.description('In any of these workspaces.'))),
      name: v.optional(v.pipe(v.string(), v.description('Name contains this text.'))),
      assignmentType: v.optional(
        v.pipe(
          v.picklist(
            ['Record', 'Meeting', 'Conversation'],
            'assignmentType must be Record, Meeting or Conversation',
          ),
          v.description('Kind of distribution.'),
        ),
      ),
      teamId: v.optional(ref('teamId', 'Of this team (from team-list-put).')),
      userId: v.optional(ref('userId', 'Weighting this user (from user-find).')),
    }),
    pagination: { style: 'page', in: 'body', defaultPageSize: 20, maxPageSize: 200 },
    view: { items: 'results', keep: DISTRIBUTION_KEEP, id: 'id' },
    filters: [
      { input: 'teamId', item: 'published.teamRef.id' },
      { input: 'userId', item: 'published.weights[].userId' },
    ],
    safety: { kind: 'read', idempotent: true },
    permission: 'distribution.read',
    response: 'json',
    docs: {
      confidence: 'spec-extended',
      notes:
        'The schema gives no pageSize default or maximum (the operation text says 200, used here as the most ' +
        'read at once). Items are {id, published, state, prioritization} (schema). teamId and userId are not API ' +
        'filters: this layer applies them to published.teamRef.id and published.weights[].userId.',
      safetyReason: 'A list sent as PUT; changes nothing.',
    },
  }),
  defineTool({
    name: 'distribution-create',
    title: 'Create a distribution',
    group: 'distributions',
    description:
      'Creates and publishes a distribution for a team; returns {distributionId}. Not retried: each call makes a ' +
      'new one, so check distribution-list-put first.',
    operation: { name: 'distribution-create', method: 'POST', path: '/v1/org/distribution' },
    input: v.object({
      teamId: ref('teamId', 'Team whose members get assignments (from team-list-put).'),
      workspaceId: ref('workspaceId', 'From workspace-list.'),
      name: v.pipe(
        v.string(),
        v.minLength(1, 'name must be a non-empty distribution name'),
        v.description('Name (needed to appear in lists).'),
      ),
      assignmentTypeConfig: v.pipe(assignmentTypeConfig, v.metadata({ listing: 'type' })),
      weights: v.optional(weights),
      manualCalibration: v.optional(manualCalibration),
      capping: v.optional(capping),
    }),
    safety: { kind: 'write', idempotent: false },
    permission: 'distribution.modify',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'Meeting limits reset shapes follow the schema (every/startsOn/timezone…), not the description, which ' +
        'reuses the capping shapes; manualCalibration items are {userId, calibration}, not {userId, count}.',
      safetyReason: 'Additive: adds a distribution. Not idempotent (each call adds one).',
    },
  }),
  defineTool({
    name: 'distribution-update-v3',
    title: 'Replace a distribution config',
    group: 'distributions',
    description:
      "Replaces a distribution's configuration and publishes it at once; parts left out may be reset, so start " +
      'from distribution-list-put (fields:"all"). The way to move it to another team (teamId). For relative ' +
      'weight changes use distribution-adjust-v3.',
    operation: {
      name: 'distribution-update-v3',
      method: 'POST',
      path: '/v3/org/distribution/{distributionId}',
    },
    input: v.object({
      distributionId: ref('distributionId', 'From distribution-list-put.'),
      body: v.pipe(
        v.looseObject({
          name: v.optional(
            v.pipe(v.string(), v.minLength(1, 'name must not be empty'), v.description('Name.')),
          ),
          assignmentTypeConfig: v.optional(assignmentTypeConfig),
          weights: v.optional(weights),
          manualCalibration: v.optional(manualCalibration),
          capping: v.optional(capping),
          teamId: v.optional(ref('teamId', 'Team whose members get assignments.')),
        }),
        v.description(
          'The new config: {name?, teamId?, assignmentTypeConfig?, weights?, manualCalibration?, capping?}, each ' +
            'shaped as in distribution-create.',
        ),
      ),
    }),
    fields: { body: { in: 'body', root: true } },
    safety: { kind: 'destructive', idempotent: true },
    permission: 'distribution.modify',
    response: 'json',
    preview: {
      reads: DISTRIBUTION_CHANGE_READS,
      show: distributionFacts,
      diff: [
        { label: 'name', before: 'distribution.published.name', after: '$body.name' },
        { label: 'teamId', before: 'distribution.published.teamRef.id', after: '$body.teamId' },
        {
          label: 'assignmentTypeConfig',
          before: 'distribution.published.assignmentTypeConfig',
          after: '$body.assignmentTypeConfig',
        },
        ...(['weights', 'manualCalibration', 'capping'] as const).map((part) => ({
          label: part,
          before: `distribution.published.${part}`,
          after: `$body.${part}`,
          omitted: 'reset' as const,
        })),
      ],
      references: distributionUsers.references,
    },
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No v3 schema: body = the `body` wrapper sent whole, shaped like the writable parts of ConfigurationDTO ' +
        '(inferred; extra keys pass through); response undocumented.',
      safetyReason:
        'Replaces the whole configuration: weights, caps or handling left out are lost (not additive). Idempotent.',
    },
  }),
  defineTool({
    name: 'distribution-adjust-v3',
    title: 'Adjust distribution weights',
    group: 'distributions',
    description:
      "Adds amounts to users' current weights and calibration and publishes at once (100 adjusted by 50 becomes " +
      '150). Not retried: a repeat adds again. Users must be members. Absolute values and team changes: ' +
      'distribution-update-v3.',
    operation: {
      name: 'distribution-adjust-v3',
      method: 'POST',
      path: '/v3/org/distribution/{distributionId}/adjust',
    },
    input: v.object({
      distributionId: ref('distributionId', 'From distribution-list-put.'),
      body: v.pipe(
        v.object({
          weights: v.optional(
            v.pipe(
              v.array(
                v.object({
                  userId: ref('userId', 'Member whose weight changes.'),
                  weight: v.pipe(
                    int('weight must be an integer'),
                    v.description('Amount added (negative lowers).'),
                  ),
                }),
              ),
              v.description('[{userId, weight}]: amounts added to current weights.'),
            ),
          ),
          manualCalibration: v.optional(
            v.pipe(
              v.array(
                v.object({
                  userId: ref('userId', 'Member whose calibration changes.'),
                  calibration: v.pipe(int('calibration must be an integer'), v.description('Amount added.')),
                }),
              ),
              v.description('[{userId, calibration}]: amounts added to current calibration.'),
            ),
          ),
        }),
        v.description(
          'The adjustments: {weights?: [{userId, weight}], manualCalibration?: [{userId, calibration}]}.',
        ),
      ),
    }),
    fields: { body: { in: 'body', root: true } },
    view: { omit: ['state', 'prioritization', 'published.capping', 'published.assignmentTypeConfig'] },
    safety: { kind: 'write', idempotent: false },
    permission: 'distribution.modify',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No v3 schema: body {weights?, manualCalibration?} inferred. The help article says adjust supports team ' +
        'reassignment, but no schema defines it (teamRef is response-only; reassignmentType is a handling policy): ' +
        'a teamId here is refused as unknown and the description points to distribution-update-v3. Amounts are ' +
        'deltas, not range-checked; response undocumented.',
      safetyReason:
        'Changes weights relative to their current values (nothing is removed; a later adjust can undo it). ' +
        'Not idempotent: a repeat adds again.',
    },
  }),
  defineTool({
    name: 'distribution-delete',
    title: 'Delete a distribution',
    group: 'distributions',
    description:
      'Deletes a distribution for good (no undo). Routers and links that use it stop assigning through it.',
    operation: {
      name: 'distribution-delete',
      method: 'DELETE',
      path: '/v1/org/distribution/{distributionId}',
    },
    input: v.object({
      distributionId: ref('distributionId', 'From distribution-list-put.'),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'distribution.remove',
    response: 'json',
    preview: {
      reads: DISTRIBUTION_CHANGE_READS,
      show: distributionFacts,
      references: distributionUsers.references,
    },
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes: 'Path F2, input T; response undocumented (a repeat may answer 404).',
      safetyReason: 'Deletes a distribution for good. Idempotent (a repeat finds nothing to delete).',
    },
  }),
];
