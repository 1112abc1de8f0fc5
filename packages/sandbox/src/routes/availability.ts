import * as v from 'valibot';
import { computeSlots } from '../availability.js';
import { apiError, invalid } from '../http/errors.js';
import type { Ctx, Route } from '../http/router.js';
import { Id, Interval, parseBody } from '../http/validate.js';
import { rotation } from '../rotation.js';
import { DAY, MINUTE, iso } from '../util/time.js';
import { getDistribution } from './distributions.js';
import { MeetingTypeOverride } from './link-scheduling.js';
import { getUser } from './users.js';

const Attendee = v.variant('type', [
  v.object({ type: v.literal('ManuallyAssigned'), userId: Id, required: v.boolean() }),
  v.object({
    type: v.literal('DistributionAssignee'),
    distributionId: Id,
    required: v.boolean(),
    userIds: v.optional(v.array(Id)),
  }),
  v.object({ type: v.literal('AssignedViaTeam'), userId: Id, teamId: Id, required: v.boolean() }),
  v.object({ type: v.literal('AdditionalAttendee'), userId: Id, required: v.boolean() }),
]);
const ExpectedHost = v.variant('type', [
  v.object({ type: v.literal('User'), userId: Id }),
  v.object({ type: v.literal('AssigneeFromDistribution'), distributionId: Id }),
]);
const Common = {
  expectedHost: v.optional(ExpectedHost),
  attendees: v.pipe(v.array(Attendee), v.minLength(1)),
  meetingTypeOverride: MeetingTypeOverride,
  interval: Interval,
};
const V2Schema = v.object({
  ...Common,
  meetingTypeId: v.optional(Id),
  meetingTypeRef: v.optional(v.object({ id: Id, timestamp: v.optional(v.string()) })),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  pageSize: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500, 'pageSize must be at most 500')),
    100,
  ),
});
const V1Schema = v.object({ ...Common, meetingTypeRef: v.object({ id: Id, timestamp: v.string() }) });
type Attendees = v.InferOutput<typeof Attendee>[];
type ExpectedHostInput = v.InferOutput<typeof ExpectedHost>;

/** Slots where every required attendee (a distribution: one of its members) is free. */
function slotsFor(
  ctx: Ctx,
  host: ExpectedHostInput | undefined,
  attendees: Attendees,
  from: number,
  duration: number,
  durationMs: number,
  incrementMs?: number,
) {
  if (duration > 31 * DAY) throw invalid('body (interval.duration must be at most 31 days)');
  const required: string[] = [];
  let pool: string[] | undefined;
  let dist: { id: string; required: boolean } | undefined;
  for (const a of attendees) {
    if (a.type === 'DistributionAssignee') {
      const d = getDistribution(ctx.tenant, a.distributionId);
      pool = (a.userIds ?? rotation(ctx.tenant, d)).filter((id) => ctx.tenant.users.has(id));
      dist = { id: d.id, required: a.required };
    } else {
      getUser(ctx.tenant, a.userId);
      if (a.required) required.push(a.userId);
    }
  }
  if (host?.type === 'User') {
    getUser(ctx.tenant, host.userId);
    if (!pool) {
      const others = required.filter((id) => id !== host.userId);
      required.length = 0;
      required.push(host.userId, ...others);
    }
  } else if (host?.type === 'AssigneeFromDistribution' && !pool) {
    const d = getDistribution(ctx.tenant, host.distributionId);
    pool = rotation(ctx.tenant, d);
    dist = { id: d.id, required: true };
  }
  const hostIds = pool ?? required.slice(0, 1);
  const rest = pool ? required : required.slice(1);
  const slots = computeSlots(ctx.tenant, {
    userIds: hostIds,
    mode: 'any',
    requiredIds: rest,
    from,
    to: from + duration,
    durationMs,
    now: ctx.now,
    limit: 5000,
    ...(incrementMs ? { incrementMs } : {}),
  });
  return slots.map((s) => ({
    startTime: iso(s.start),
    attendees: s.userIds.map((userId, i) =>
      i === 0 && dist
        ? {
            type: 'FlexibleRoundRobinAssignee',
            distributionId: dist.id,
            userIds: [userId],
            required: dist.required,
          }
        : { type: 'ManuallyAssigned', userId, required: true },
    ),
  }));
}

function duration(
  ctx: Ctx,
  b: { meetingTypeOverride?: { meetingDurationOverride?: number | undefined } | undefined },
  mtId?: string,
): number {
  if (b.meetingTypeOverride?.meetingDurationOverride) return b.meetingTypeOverride.meetingDurationOverride;
  const mt = mtId ? ctx.tenant.meetingTypes.get(mtId) : undefined;
  if (mtId && !mt) throw apiError(404, 'NotFound', `Meeting type ${mtId} not found`, { id: mtId });
  return (mt?.durationMin ?? 30) * MINUTE;
}

export const availabilityRoutes: Route[] = [
  {
    name: 'availability-slots-v2',
    method: 'PUT',
    path: '/v1/org/availability/slots-v2',
    permissions: ['availability.read'],
    handler: (ctx) => {
      const b = parseBody(V2Schema, ctx.body);
      const ms = duration(ctx, b, b.meetingTypeId ?? b.meetingTypeRef?.id);
      const all = slotsFor(
        ctx,
        b.expectedHost,
        b.attendees,
        b.interval.startsAt,
        b.interval.duration,
        ms,
        b.meetingTypeOverride?.availabilityIncrementOverride,
      );
      const from = b.page * b.pageSize;
      return {
        json: {
          results: all.slice(from, from + b.pageSize),
          total: all.length,
          page: b.page,
          pageSize: b.pageSize,
        },
      };
    },
  },
  {
    name: 'availability-slots',
    method: 'POST',
    path: '/v1/org/availability/slots',
    permissions: ['availability.read'],
    handler: (ctx) => {
      const b = parseBody(V1Schema, ctx.body);
      const ms = duration(ctx, b, b.meetingTypeRef.id);
      const all = slotsFor(
        ctx,
        b.expectedHost,
        b.attendees,
        b.interval.startsAt,
        b.interval.duration,
        ms,
        b.meetingTypeOverride?.availabilityIncrementOverride,
      );
      if (all.length > 1000)
        throw apiError(
          422,
          'TooManySlots',
          `The interval yields ${all.length} slots; v1 is capped at 1000, use availability-slots-v2`,
        );
      return {
        json: {
          meetingTypeRef: { id: b.meetingTypeRef.id, timestamp: b.meetingTypeRef.timestamp },
          startTimes: all,
          failures: {},
        },
      };
    },
  },
];
