import * as v from 'valibot';
import { computeSlots } from '../availability.js';
import { bookFromSession, slotKey, startTimesView } from '../booking.js';
import { apiError, invalid, notFound } from '../http/errors.js';
import { requestTimeout } from '../sessions.js';
import type { Route } from '../http/router.js';
import { Id, Interval, parseBody } from '../http/validate.js';
import { rotation } from '../rotation.js';
import { DAY, MINUTE } from '../util/time.js';
import { getUser } from './users.js';
import { getWorkspace } from './workspaces.js';

const InitSchema = v.variant('type', [
  v.object({
    type: v.literal('CrmRequest'),
    id: v.object({ type: v.picklist(['LeadId', 'ContactId']), value: v.pipe(v.string(), v.minLength(1)) }),
    interval: Interval,
    routerId: v.optional(Id),
  }),
  v.object({
    type: v.literal('GuestEmailRequest'),
    guestEmail: v.pipe(v.string(), v.email()),
    interval: Interval,
    routerId: v.optional(Id),
  }),
]);
const ScheduleSchema = v.object({
  startTime: v.string(),
  location: v.optional(v.unknown()),
  guestTimezone: v.optional(v.string()),
});

export const handoffRoutes: Route[] = [
  {
    name: 'handoff-init',
    method: 'POST',
    path: '/v1/org/handoff/workspace/{workspaceId}/booker/{userId}/init-simple',
    permissions: ['handoff.schedule'],
    handler: (ctx) => {
      const ws = getWorkspace(ctx.tenant, ctx.params.workspaceId ?? '');
      const booker = getUser(ctx.tenant, ctx.params.userId ?? '');
      const b = parseBody(InitSchema, ctx.body);
      if (b.interval.duration > 31 * DAY) throw invalid('body (interval.duration must be at most 31 days)');
      const guestEmail =
        b.type === 'GuestEmailRequest'
          ? b.guestEmail.toLowerCase()
          : `${b.id.value.toLowerCase()}@crm-${b.id.type === 'LeadId' ? 'lead' : 'contact'}.sandbox.invalid`;
      let routers = [...ctx.tenant.handoffRouters.values()].filter((r) => r.workspaceId === ws.id);
      if (b.routerId) {
        routers = routers.filter((r) => r.id === b.routerId);
        if (routers.length === 0) throw notFound('Handoff router', b.routerId);
      }
      const routingId = ctx.sandbox.nextId('uuid');
      const slots = new Map<string, string[]>();
      const paths: Record<string, { meetingTypeId: string; distributionId: string; durationMs: number }> = {};
      const view = routers.map((r) => ({
        routerId: r.id,
        pathResults: r.paths.map((p) => {
          const d = ctx.tenant.distributions.get(p.distributionId);
          const mt = ctx.tenant.meetingTypes.get(p.meetingTypeId);
          const durationMs = (mt?.durationMin ?? 30) * MINUTE;
          const ids = d ? rotation(ctx.tenant, d) : [];
          const found = computeSlots(ctx.tenant, {
            userIds: ids,
            mode: 'any',
            from: b.interval.startsAt,
            to: b.interval.startsAt + b.interval.duration,
            durationMs,
            now: ctx.now,
          });
          const local = new Map(found.map((s) => [new Date(s.start).toISOString(), s.userIds]));
          for (const [k, u] of local) slots.set(`${r.id}/${p.pathId}/${k}`, u);
          paths[`${r.id}/${p.pathId}`] = {
            meetingTypeId: p.meetingTypeId,
            distributionId: p.distributionId,
            durationMs,
          };
          return {
            type: p.type,
            pathId: p.pathId,
            assignees: ids,
            meetingHost: { type: 'Assignee', index: 0 },
            duration: `${durationMs / MINUTE} minutes`,
            locations: [],
            startTimes: startTimesView(ctx, local),
          };
        }),
      }));
      ctx.sandbox.sessions.create(
        {
          id: routingId,
          kind: 'handoff',
          tenantId: ctx.tenant.id,
          slots,
          workspaceId: ws.id,
          meetingTypeId: '',
          durationMs: 30 * MINUTE,
          guestEmail,
          bookerId: booker.id,
          scheduleOrigin: 'Handoff',
          paths,
        },
        ctx.now,
        requestTimeout(ctx.body),
      );
      return { json: { routingId, guestEmail, routers: view } };
    },
  },
  {
    name: 'handoff-schedule',
    method: 'POST',
    path: '/v1/org/handoff/routing/{routingId}/router/{routerId}/path/{pathId}/booker/{userId}/schedule-simple',
    permissions: ['handoff.schedule'],
    handler: (ctx) => {
      const { routingId = '', routerId = '', pathId = '', userId = '' } = ctx.params;
      getUser(ctx.tenant, userId);
      const b = parseBody(ScheduleSchema, ctx.body);
      const at = slotKey(b.startTime);
      if (!at) throw invalid('body (startTime: expected an ISO-8601 date-time)');
      const s = ctx.sandbox.sessions.live(routingId, ctx.tenant.id, 'handoff', ctx.now);
      const path = s?.paths?.[`${routerId}/${pathId}`];
      if (!s || !path || s.bookerId !== userId)
        throw apiError(
          404,
          'SessionNotFound',
          `Handoff routing ${routingId} (router ${routerId}, path ${pathId}) not found, expired or already used; start again with handoff-init`,
          { routingId },
        );
      s.meetingTypeId = path.meetingTypeId;
      s.distributionId = path.distributionId;
      s.durationMs = path.durationMs;
      s.routerId = routerId;
      if (b.guestTimezone) s.guestTimezone = b.guestTimezone;
      const r = bookFromSession(
        ctx,
        s,
        at.ms,
        `${routerId}/${pathId}/${at.key}`,
        typeof b.location === 'string' ? { location: b.location } : {},
      );
      const hostId = r.ok ? r.meeting.hostId : undefined;
      const host = hostId ? ctx.tenant.users.get(hostId) : undefined;
      return {
        json: {
          meetingTypeId: path.meetingTypeId,
          ...(host ? { host: { userId: host.id, name: host.name, email: host.email } } : {}),
          selectedAssignees: r.ok ? r.meeting.assigneeIds : [],
          scheduleMeetingResult: r.ok
            ? { type: 'Success', meetingId: r.meeting.id }
            : { type: 'Failure', details: r.reason },
        },
      };
    },
  },
];
