import * as v from 'valibot';
import { bookFromSession, slotKey } from '../booking.js';
import { apiError, invalid, notFound } from '../http/errors.js';
import type { Ctx, Route } from '../http/router.js';
import { DateTime, paginate, parseBody, queryPaging, requiredQuery } from '../http/validate.js';
import type { ConciergeLog, ConciergeRouter } from '../types.js';
import { DAY } from '../util/time.js';
import { RouteSchema, ScheduleSchema, route } from './concierge-routing.js';
import { logView, routerView } from './concierge-views.js';

const routers = (ctx: Ctx): ConciergeRouter[] => [...ctx.tenant.conciergeRouters.values()];

export const conciergeRoutes: Route[] = [
  {
    name: 'concierge-list-routers',
    method: 'POST',
    path: '/v1/org/concierge/routers/concierge/list',
    permissions: ['concierge.read'],
    handler: (ctx) => {
      const ws = ctx.query.get('workspaceId');
      return {
        json: {
          routers: routers(ctx)
            .filter((r) => !ws || r.workspaceId === ws)
            .map(routerView),
        },
      };
    },
  },
  {
    name: 'concierge-route-by-slug',
    method: 'POST',
    path: '/v1/org/concierge/routers/{routerSlug}/rest',
    permissions: ['concierge.route'],
    handler: (ctx) => {
      const slug = ctx.params.routerSlug ?? '';
      const r = routers(ctx).find((x) => x.slug === slug);
      if (!r) throw notFound('Router', slug);
      return route(ctx, r, parseBody(RouteSchema, ctx.body));
    },
  },
  {
    name: 'concierge-route',
    method: 'POST',
    path: '/v1/org/concierge/routers/rest',
    permissions: ['concierge.route'],
    handler: (ctx) => {
      const b = parseBody(RouteSchema, ctx.body);
      const want = b.options?.router ?? b.routerSlug ?? b.routerId;
      const r = want
        ? routers(ctx).find((x) => x.slug === want || x.id === want)
        : routers(ctx).find((x) => x.acceptsRouting);
      if (!r) throw notFound('Router', want ?? '(default)');
      return route(ctx, r, b);
    },
  },
  {
    name: 'concierge-schedule',
    method: 'POST',
    path: '/v1/org/concierge/routing/{routingId}/schedule-simple',
    permissions: ['concierge.schedule'],
    handler: (ctx) => {
      const routingId = ctx.params.routingId ?? '';
      const b = parseBody(ScheduleSchema, ctx.body);
      const at = slotKey(b.startTime);
      if (!at) throw invalid('body (startTime: expected an ISO-8601 date-time)');
      const s = ctx.sandbox.sessions.live(routingId, ctx.tenant.id, 'concierge', ctx.now);
      if (!s)
        throw apiError(
          404,
          'SessionNotFound',
          `Routing session ${routingId} not found, expired or already used; route the lead again`,
          { routingId },
        );
      const r = bookFromSession(ctx, s, at.ms, at.key);
      if (r.ok) {
        ctx.tenant.conciergeLogs.push({
          id: ctx.sandbox.nextId('uuid'),
          routerId: s.routerId ?? '',
          workspaceId: s.workspaceId,
          status: 'Scheduled',
          trigger: 'ThirdPartyForm',
          triggeredAt: ctx.now,
          guestEmail: r.meeting.guestEmail,
          meetingId: r.meeting.id,
          userId: r.meeting.hostId,
          distributionId: s.distributionId ?? '',
          ...(s.ruleId ? { ruleId: s.ruleId } : {}),
        });
      }
      return {
        json: r.ok ? { type: 'Success', meetingId: r.meeting.id } : { type: 'Failure', reason: r.reason },
      };
    },
  },
  {
    name: 'concierge-logs',
    method: 'POST',
    path: '/v1/org/concierge/logs',
    permissions: ['logs.read'],
    uuidParams: ['routerId'],
    handler: (ctx) => {
      const q = ctx.query;
      const workspaceId = requiredQuery(q, 'workspaceId');
      const routerId = requiredQuery(q, 'routerId');
      const parse = (name: string): number => {
        const r = v.safeParse(DateTime, requiredQuery(q, name));
        if (!r.success) throw invalid(`query parameter ${name}`);
        return r.output;
      };
      const start = parse('start');
      const end = parse('end');
      if (end <= start) throw invalid('query parameter end (end must be after start)');
      if (end - start > 30 * DAY)
        throw invalid('query parameter end (span between start and end must be at most 30 days)');
      const paged = q.has('page') || q.has('pageSize');
      const { page, pageSize } = queryPaging(q, 100, 500);
      const r = ctx.tenant.conciergeRouters.get(routerId);
      if (!r || r.workspaceId !== workspaceId) throw notFound('Router', routerId);
      const logs = ctx.tenant.conciergeLogs.filter(
        (l) => l.routerId === routerId && l.triggeredAt >= start && l.triggeredAt < end,
      );
      const view = (l: ConciergeLog) => logView(ctx.tenant, l);
      // The operation answers an array of entries; page/pageSize came later (max 500): only a request that
      // sends one of them gets the {results, total, page, pageSize} envelope.
      return { json: paged ? paginate(logs, page, pageSize, view) : logs.map(view) };
    },
  },
];
