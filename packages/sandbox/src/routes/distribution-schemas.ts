import * as v from 'valibot';
import { Id } from '../http/validate.js';

const tz = v.pipe(v.string(), v.minLength(1));

const MeetingLimitReset = v.variant('type', [
  v.object({
    type: v.literal('Daily'),
    every: v.number(),
    startsOn: v.string(),
    resetLocalTime: v.string(),
    timezone: tz,
  }),
  v.object({
    type: v.literal('Weekly'),
    every: v.number(),
    startsOn: v.string(),
    resetDayOfWeek: v.string(),
    timezone: tz,
  }),
  v.object({
    type: v.literal('Monthly'),
    every: v.number(),
    startsOn: v.string(),
    resetDay: v.number(),
    timezone: tz,
  }),
]);

const UserLimit = v.object({ userId: Id, limit: v.pipe(v.number(), v.integer(), v.minValue(0)) });

export const AssignmentTypeConfig = v.variant('type', [
  v.object({
    type: v.literal('Record'),
    handling: v.variant('type', [
      v.object({ type: v.literal('Strict') }),
      v.object({ type: v.literal('WorkingHours') }),
    ]),
  }),
  v.object({
    type: v.literal('Meeting'),
    handling: v.variant('type', [
      v.object({
        type: v.literal('Flexible'),
        reassignmentType: v.picklist(['SameUser', 'AnyTeamMember']),
        allowPickingAssignee: v.boolean(),
      }),
      v.object({ type: v.literal('Strict'), hideAssignee: v.boolean() }),
    ]),
    limits: v.variant('type', [
      v.object({ type: v.literal('MeetingLimitUnset') }),
      v.object({
        type: v.literal('MeetingLimitSet'),
        userCaps: v.optional(v.array(UserLimit)),
        resetPeriodicity: MeetingLimitReset,
      }),
    ]),
  }),
  v.object({ type: v.literal('Conversation') }),
]);

export const Weights = v.array(
  v.object({ userId: Id, weight: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10000)) }),
);
export const Calibrations = v.array(v.object({ userId: Id, calibration: v.pipe(v.number(), v.integer()) }));

export const Capping = v.object({
  userCaps: v.optional(v.array(UserLimit), []),
  resetPeriodicity: v.variant('type', [
    v.object({ type: v.literal('Daily'), timeZone: tz }),
    v.object({ type: v.literal('HourlyRolling') }),
    v.object({
      type: v.literal('Weekly'),
      timeZone: tz,
      dayOfWeek: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)),
    }),
    v.object({ type: v.literal('Monthly'), timeZone: tz }),
  ]),
});

export const CreateSchema = v.object({
  teamId: Id,
  workspaceId: Id,
  name: v.pipe(v.string(), v.minLength(1)),
  assignmentTypeConfig: AssignmentTypeConfig,
  weights: v.optional(Weights),
  manualCalibration: v.optional(Calibrations),
  capping: v.optional(Capping),
});

export const UpdateSchema = v.object({
  name: v.optional(v.pipe(v.string(), v.minLength(1))),
  teamId: v.optional(Id),
  assignmentTypeConfig: v.optional(AssignmentTypeConfig),
  weights: v.optional(Weights),
  manualCalibration: v.optional(Calibrations),
  capping: v.optional(v.nullable(Capping)),
});

export const AdjustSchema = v.object({
  weights: v.optional(v.array(v.object({ userId: Id, weight: v.pipe(v.number(), v.integer()) }))),
  manualCalibration: v.optional(Calibrations),
});

export const ListSchema = v.object({
  workspaceIds: v.optional(v.pipe(v.array(Id), v.minLength(1))),
  name: v.optional(v.string()),
  assignmentType: v.optional(v.picklist(['Record', 'Meeting', 'Conversation'])),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  pageSize: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000, 'pageSize must be at most 1000')),
    200,
  ),
});
