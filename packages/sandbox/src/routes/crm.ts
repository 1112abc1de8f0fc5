import { notFound } from '../http/errors.js';
import type { Ctx, Route } from '../http/router.js';
import type { Meeting } from '../types.js';
import { activityLink, getAction, postAction } from './meeting-actions.js';
import { meetingDetail } from './views.js';

const byCrm = (ctx: Ctx): Meeting => {
  const id = ctx.params.crmEventId ?? '';
  const m = ctx.tenant.meetings.byCrmEventId.get(id);
  if (!m) throw notFound('Meeting for CRM event', id, 'MeetingNotFound');
  return m;
};

/** CRM-event-keyed meeting operations (permissions crm.read / crm.modify are inferred). */
export const crmRoutes: Route[] = [
  {
    name: 'crm-get',
    method: 'GET',
    path: '/v1/org/crm/get/{crmEventId}',
    permissions: ['crm.read'],
    handler: (ctx) => ({ json: { data: meetingDetail(byCrm(ctx), ctx.tenant, ctx.now), hasMore: 'No' } }),
  },
  {
    name: 'crm-activity',
    method: 'GET',
    path: '/v1/org/crm/activity/{crmEventId}',
    permissions: ['crm.read'],
    handler: (ctx) => activityLink(byCrm(ctx), ctx),
  },
  {
    name: 'crm-cancel-post',
    method: 'POST',
    path: '/v2/org/crm/cancel/{crmEventId}',
    permissions: ['crm.modify'],
    handler: (ctx) => postAction(byCrm(ctx), 'cancel', ctx),
  },
  {
    name: 'crm-noshow-post',
    method: 'POST',
    path: '/v2/org/crm/noshow/{crmEventId}',
    permissions: ['crm.modify'],
    handler: (ctx) => postAction(byCrm(ctx), 'noshow', ctx),
  },
  {
    name: 'crm-cancel',
    method: 'GET',
    path: '/v1/org/crm/cancel/{crmEventId}',
    permissions: ['crm.modify'],
    handler: (ctx) =>
      getAction(ctx.tenant.meetings.byCrmEventId.get(ctx.params.crmEventId ?? ''), 'cancel', ctx),
  },
  {
    name: 'crm-noshow',
    method: 'GET',
    path: '/v1/org/crm/noshow/{crmEventId}',
    permissions: ['crm.modify'],
    handler: (ctx) =>
      getAction(ctx.tenant.meetings.byCrmEventId.get(ctx.params.crmEventId ?? ''), 'noshow', ctx),
  },
];
