import type { Tenant } from '../store.js';
import type { ConciergeLog, ConciergeRouter } from '../types.js';
import { iso } from '../util/time.js';

function schedulingSettings(r: ConciergeRouter, ruleUserId?: string): Record<string, unknown> {
  return {
    type: 'SchedulingSettings',
    assignments: [
      ruleUserId
        ? { type: 'User', id: ruleUserId, required: true }
        : { type: 'DistributionV3', id: r.distributionId, required: true },
    ],
    meetingTypeIds: [r.meetingTypeId],
    meetingHost: { type: 'Assignee', index: 0 },
    scheduling: { redirect: { type: 'NoRedirect' } },
    timeout: { timeout: '5 minutes', redirect: { type: 'NoRedirect' } },
  };
}

/** `ExpandedRouterWithDataFields` as concierge-list-routers returns it. */
export function routerView(r: ConciergeRouter): Record<string, unknown> {
  return {
    router: {
      id: r.id,
      name: r.name,
      slug: r.slug,
      formMapping: {
        type: 'ProcessedTriggers',
        get: [
          {
            type: 'ProcessedThirdPartyFormTrigger',
            mapping: [
              { name: 'email', dataFieldRef: 'PersonEmail', label: 'Email' },
              { name: 'firstname', dataFieldRef: 'PersonFirstName', label: 'First name' },
              { name: 'company', dataFieldRef: 'CompanyName', label: 'Company' },
            ],
            email: 'PersonEmail',
          },
        ],
      },
      settings: { language: 'en' },
      acceptsRouting: r.acceptsRouting,
      routing: {
        rules: r.ruleId
          ? [
              {
                type: 'RuleRoute',
                id: r.ruleId,
                ruleIds: [r.ruleId],
                ruleType: 'Boolean',
                yes: schedulingSettings(r, r.ruleUserId),
              },
            ]
          : [],
        catchAll: { yes: schedulingSettings(r) },
      },
      meta: {
        createdBy: r.createdBy,
        updatedBy: r.createdBy,
        createdOn: r.createdAt,
        updatedOn: r.createdAt,
      },
    },
    dataFields: [],
    workspaceId: r.workspaceId,
  };
}

/** A concierge log entry (observed live shape). */
export function logView(t: Tenant, l: ConciergeLog): Record<string, unknown> {
  return {
    id: l.id,
    routerId: l.routerId,
    status: l.status,
    trigger: l.trigger,
    assignments: l.userId
      ? [
          {
            userId: l.userId,
            ...(l.ruleId
              ? { ruleId: l.ruleId, type: 'User' }
              : { distributionId: l.distributionId, type: 'Distribution' }),
          },
        ]
      : [],
    triggeredAt: iso(l.triggeredAt),
    guestEmail: l.guestEmail,
    actionsStatus: 'Completed',
    sourceUrl: `https://www.${t.domains[0] ?? 'example.com'}/demo`,
    ...(l.meetingId ? { meetingId: l.meetingId } : {}),
    routing: { distributionId: l.distributionId },
    matchedPath: {
      route: l.ruleId
        ? { type: 'RuleRoute', ruleIds: [l.ruleId], id: l.ruleId }
        : { type: 'CatchAllRoute', id: 'catch-all' },
      type: l.meetingId ? 'RoutePathWithCalendar' : 'RoutePathWithoutCalendar',
    },
  };
}
