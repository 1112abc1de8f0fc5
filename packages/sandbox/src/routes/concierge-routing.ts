import * as v from 'valibot';
import { computeSlots } from '../availability.js';
import { startTimesView } from '../booking.js';
import { apiError, invalid } from '../http/errors.js';
import { requestTimeout } from '../sessions.js';
import type { Ctx, Reply } from '../http/router.js';
import { Interval } from '../http/validate.js';
import { rotation } from '../rotation.js';
import type { ConciergeRouter } from '../types.js';
import { DAY, MINUTE } from '../util/time.js';
import { evaluateCondition } from '../rule-eval.js';
import { MeetingTypeOverride } from './link-scheduling.js';

const FormArray = v.array(v.object({ name: v.string(), value: v.unknown() }));
export const RouteSchema = v.looseObject({
  // The array form first: valibot's record() also accepts arrays (they are objects).
  form: v.union(
    [FormArray, v.record(v.string(), v.unknown())],
    'expected an object or an array of {name, value}',
  ),
  options: v.optional(v.looseObject({ router: v.optional(v.string()), locale: v.optional(v.string()) })),
  interval: v.optional(Interval),
  meetingTypeOverride: MeetingTypeOverride,
  routerSlug: v.optional(v.string()),
  routerId: v.optional(v.string()),
});
type RouteBody = v.InferOutput<typeof RouteSchema>;
export const ScheduleSchema = v.looseObject({ startTime: v.string(), guestTimezone: v.optional(v.string()) });

function guestEmail(form: Record<string, unknown>): string {
  const direct = form.PersonEmail ?? form.email ?? form.Email;
  const value =
    typeof direct === 'string'
      ? direct
      : Object.values(form).find((x) => typeof x === 'string' && /.+@.+\..+/.test(x));
  if (typeof value !== 'string' || !/.+@.+/.test(value))
    throw invalid('body (form: must contain the guest email, e.g. PersonEmail)');
  return value.toLowerCase();
}

/** Routes a lead: without `interval` a `routingLink`; with it a single-use session with start times. */
export function route(ctx: Ctx, r: ConciergeRouter, b: RouteBody): Reply {
  if (!r.acceptsRouting)
    throw apiError(
      422,
      'RouterDoesNotAcceptRouting',
      `Router ${r.slug} does not accept API routing (its trigger is not a third-party form, in-app button or router link)`,
      { routerId: r.id },
    );
  const form = Array.isArray(b.form) ? Object.fromEntries(b.form.map((f) => [f.name, f.value])) : b.form;
  const email = guestEmail(form);
  const rule = r.ruleId ? ctx.tenant.rules.get(r.ruleId) : undefined;
  const viaRule =
    rule &&
    !rule.deletedAt &&
    r.ruleUserId &&
    ctx.tenant.users.has(r.ruleUserId) &&
    evaluateCondition(rule.conditions, form)
      ? { ruleId: rule.id, userId: r.ruleUserId }
      : undefined;
  const d = viaRule ? undefined : ctx.tenant.distributions.get(r.distributionId);
  const ids = viaRule ? [viaRule.userId] : d ? rotation(ctx.tenant, d) : [];
  const common = {
    schedulingAllowed: ids.length > 0,
    distributionIds: viaRule ? [] : [r.distributionId],
    assignments: viaRule
      ? [viaRule]
      : ids.slice(0, 1).map((userId) => ({ userId, distributionId: r.distributionId })),
    matchedRoute: viaRule ? { type: 'RuleRoute', ruleId: viaRule.ruleId } : { type: 'CatchAllRoute' },
  };
  if (!b.interval) {
    const link = `https://${ctx.tenant.subdomain}.chilipiper.sandbox.invalid/router/${r.slug}?email=${encodeURIComponent(email)}`;
    return { json: { routingLink: link, ...common } };
  }
  if (b.interval.duration > 31 * DAY) throw invalid('body (interval.duration must be at most 31 days)');
  const mt = ctx.tenant.meetingTypes.get(r.meetingTypeId);
  const durationMs = b.meetingTypeOverride?.meetingDurationOverride ?? (mt?.durationMin ?? 30) * MINUTE;
  const slots = computeSlots(ctx.tenant, {
    userIds: ids,
    mode: 'any',
    from: b.interval.startsAt,
    to: b.interval.startsAt + b.interval.duration,
    durationMs,
    now: ctx.now,
  });
  const name = [form.PersonFirstName ?? form.firstname, form.PersonLastName ?? form.lastname]
    .filter((x) => typeof x === 'string')
    .join(' ');
  const s = ctx.sandbox.sessions.create(
    {
      id: ctx.sandbox.nextId('uuid'),
      kind: 'concierge',
      tenantId: ctx.tenant.id,
      slots: new Map(slots.map((x) => [new Date(x.start).toISOString(), x.userIds])),
      workspaceId: r.workspaceId,
      meetingTypeId: r.meetingTypeId,
      durationMs,
      guestEmail: email,
      routerId: r.id,
      ...(viaRule ? { ruleId: viaRule.ruleId } : { distributionId: r.distributionId }),
      scheduleOrigin: 'ConciergeRouter',
      ...(name ? { guestName: name } : {}),
    },
    ctx.now,
    requestTimeout(ctx.body),
  );
  return {
    json: {
      routingId: s.id,
      ...common,
      startTimes: startTimesView(ctx, s.slots),
      failures: {},
      expiresAt: new Date(s.expiresAt).toISOString(),
    },
  };
}
