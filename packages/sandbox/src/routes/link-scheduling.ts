import * as v from 'valibot';
import { computeSlots } from '../availability.js';
import { bookFromSession, slotKey, startTimesView } from '../booking.js';
import { apiError, invalid, notFound } from '../http/errors.js';
import { requestTimeout } from '../sessions.js';
import type { Ctx, Route } from '../http/router.js';
import { Duration, Id, Interval, parseBody } from '../http/validate.js';
import { rotation } from '../rotation.js';
import type { SchedulingLink } from '../types.js';
import { DAY, MINUTE } from '../util/time.js';

export const MeetingTypeOverride = v.optional(
  v.object({
    meetingDurationOverride: v.optional(Duration),
    beforeBufferDurationOverride: v.optional(Duration),
    afterBufferDurationOverride: v.optional(Duration),
    availabilityIncrementOverride: v.optional(Duration),
  }),
);

const InitSchema = v.object({
  link: v.union(
    [v.object({ slug: v.string() }), v.object({ linkId: Id }), v.object({ id: Id })],
    'expected {slug} or {linkId}',
  ),
  guestEmail: v.optional(v.pipe(v.string(), v.email())),
  guestTimezone: v.optional(v.string()),
  interval: v.optional(Interval),
  meetingTypeId: v.optional(Id),
  meetingTypeOverride: MeetingTypeOverride,
  bookerId: v.optional(Id),
  outputs: v.optional(v.array(v.unknown())),
});

const ScheduleSchema = v.object({
  startTime: v.string(),
  guestEmail: v.optional(v.pipe(v.string(), v.email())),
  guestTimezone: v.optional(v.string()),
  formData: v.optional(v.record(v.string(), v.unknown())),
  location: v.optional(v.unknown()),
});

/** Candidate hosts of a link (ownership: the guest's previous host when known). */
function candidates(
  ctx: Ctx,
  l: SchedulingLink,
  guestEmail?: string,
): { ids: string[]; mode: 'any' | 'all' } {
  if (l.kind === 'group') return { ids: [...l.userIds], mode: 'all' };
  const dist = l.distributionId ? ctx.tenant.distributions.get(l.distributionId) : undefined;
  if (l.kind === 'ownership' && guestEmail) {
    const email = guestEmail.toLowerCase();
    const prior = ctx.tenant.meetings.all().find((m) => m.guestEmail === email);
    if (prior && ctx.tenant.teams.get(l.teamId ?? '')?.members.includes(prior.hostId))
      return { ids: [prior.hostId], mode: 'any' };
  }
  if (dist) return { ids: rotation(ctx.tenant, dist), mode: 'any' };
  return { ids: [...l.userIds], mode: 'any' };
}

export const linkSchedulingRoutes: Route[] = [
  {
    name: 'scheduling-link-init',
    method: 'POST',
    path: '/v1/org/schedulingLinks/init-simple',
    permissions: ['scheduling-links.schedule'],
    handler: (ctx) => {
      const b = parseBody(InitSchema, ctx.body);
      const ref = b.link as { slug?: string; linkId?: string; id?: string };
      const link = [...ctx.tenant.links.values()].find((l) =>
        ref.slug !== undefined ? l.slug === ref.slug : l.linkId === (ref.linkId ?? ref.id),
      );
      const refText = ref.slug ?? ref.linkId ?? ref.id ?? '';
      if (!link)
        throw apiError(404, 'SchedulingLinkNotFound', `Scheduling link ${refText} not found`, {
          link: refText,
        });
      if (link.kind === 'ownership' && !b.guestEmail)
        throw invalid('body (guestEmail: required for ownership links)');
      const meetingTypeId = b.meetingTypeId ?? link.meetingTypeIds[0] ?? '';
      if (!link.meetingTypeIds.includes(meetingTypeId)) throw notFound('Meeting type', meetingTypeId);
      const mt = ctx.tenant.meetingTypes.get(meetingTypeId);
      const durationMs = b.meetingTypeOverride?.meetingDurationOverride ?? (mt?.durationMin ?? 30) * MINUTE;
      const from = b.interval?.startsAt ?? ctx.now;
      const span = b.interval?.duration ?? 7 * DAY;
      if (span > 31 * DAY) throw invalid('body (interval.duration must be at most 31 days)');
      const c = candidates(ctx, link, b.guestEmail);
      const slots = computeSlots(ctx.tenant, {
        userIds: c.ids,
        mode: c.mode,
        from,
        to: from + span,
        durationMs,
        now: ctx.now,
        ...(b.meetingTypeOverride?.availabilityIncrementOverride
          ? { incrementMs: b.meetingTypeOverride.availabilityIncrementOverride }
          : {}),
      });
      const session = ctx.sandbox.sessions.create(
        {
          id: ctx.sandbox.nextId('uuid'),
          kind: 'scheduling-link',
          tenantId: ctx.tenant.id,
          slots: new Map(slots.map((s) => [new Date(s.start).toISOString(), s.userIds])),
          workspaceId: link.workspaceId,
          meetingTypeId,
          durationMs,
          linkId: link.linkId,
          scheduleOrigin: 'SchedulingLink',
          ...(b.guestEmail ? { guestEmail: b.guestEmail.toLowerCase() } : {}),
          ...(b.guestTimezone ? { guestTimezone: b.guestTimezone } : {}),
          ...(b.bookerId ? { bookerId: b.bookerId } : {}),
          ...(link.distributionId ? { distributionId: link.distributionId } : {}),
        },
        ctx.now,
        requestTimeout(ctx.body),
      );
      return {
        json: {
          routeId: session.id,
          startTimes: startTimesView(ctx, session.slots),
          formFields: [
            {
              reference: 'PersonEmail',
              requirement: b.guestEmail ? { type: 'Hidden', value: b.guestEmail } : { type: 'Required' },
              dataType: { type: 'Email' },
            },
            {
              reference: 'PersonFirstName',
              requirement: { type: 'Optional' },
              dataType: { type: 'ShortText' },
            },
            {
              reference: 'PersonLastName',
              requirement: { type: 'Optional' },
              dataType: { type: 'ShortText' },
            },
          ],
          failures: {},
          meetingType: {
            id: meetingTypeId,
            name: mt?.name ?? '',
            duration: `${durationMs / MINUTE} minutes`,
          },
          expiresAt: new Date(session.expiresAt).toISOString(),
        },
      };
    },
  },
  {
    name: 'scheduling-link-schedule',
    method: 'POST',
    path: '/v1/org/schedulingLinks/routing/{routeId}/schedule-simple',
    permissions: ['scheduling-links.schedule'],
    handler: (ctx) => {
      const routeId = ctx.params.routeId ?? '';
      const b = parseBody(ScheduleSchema, ctx.body);
      const at = slotKey(b.startTime);
      if (!at) throw invalid('body (startTime: expected an ISO-8601 date-time)');
      const s = ctx.sandbox.sessions.live(routeId, ctx.tenant.id, 'scheduling-link', ctx.now);
      if (!s)
        throw apiError(
          404,
          'SessionNotFound',
          `Routing session ${routeId} not found, expired or already used; start again with scheduling-link-init`,
          { routeId },
        );
      const formEmail = typeof b.formData?.PersonEmail === 'string' ? b.formData.PersonEmail : undefined;
      const guestEmail = b.guestEmail ?? formEmail ?? s.guestEmail;
      if (!guestEmail) throw invalid('body (guestEmail: required when the session has no guest)');
      s.guestEmail = guestEmail.toLowerCase();
      const first = b.formData?.PersonFirstName;
      const last = b.formData?.PersonLastName;
      if (typeof first === 'string') s.guestName = `${first}${typeof last === 'string' ? ` ${last}` : ''}`;
      const r = bookFromSession(
        ctx,
        s,
        at.ms,
        at.key,
        typeof b.location === 'string' ? { location: b.location } : {},
      );
      return {
        json: r.ok ? { type: 'Success', meetingId: r.meeting.id } : { type: 'Failure', reason: r.reason },
      };
    },
  },
];
