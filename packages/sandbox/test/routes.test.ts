import { describe, expect, it } from 'vitest';
import { allRoutes } from '../src/routes/index.js';

/**
 * Method and path of every emulated operation, copied from Chili Piper's operation index (edgeVersion 1.494.0,
 * `gpts/edge-operations.yaml`): the sandbox must serve exactly these.
 */
const OPERATIONS: [string, string, string][] = [
  ['health-ping', 'GET', '/v1/org/health/ping'],
  ['tenant-get', 'GET', '/v1/org/tenant/get'],
  ['user-find', 'GET', '/v1/org/user/find'],
  ['user-find-by-filter', 'POST', '/v1/org/user/find-by-filter'],
  ['user-find-by-ids', 'POST', '/v1/org/user/find-by-id'],
  ['user-read', 'GET', '/v1/org/user/read/{userId}'],
  ['user-invite', 'POST', '/v1/org/user/invite'],
  ['user-update-licenses', 'POST', '/v1/org/user/licenses'],
  ['workspace-list', 'GET', '/v1/org/workspace'],
  ['workspace-list-users', 'GET', '/v1/org/workspace/users'],
  ['workspace-add-users', 'POST', '/v1/org/workspace/users/add'],
  ['workspace-remove-users', 'POST', '/v1/org/workspace/users/remove'],
  ['workspace-remove-users-all', 'POST', '/v1/org/workspace/users/remove-from-all'],
  ['team-list-put', 'PUT', '/v2/org/team'],
  ['team-add-users', 'POST', '/v1/org/team/users/add'],
  ['team-remove-users', 'POST', '/v1/org/team/users/remove'],
  ['team-remove-users-all', 'POST', '/v1/org/team/users/remove-from-all'],
  ['distribution-list-put', 'PUT', '/v2/org/distribution/list'],
  ['distribution-create', 'POST', '/v1/org/distribution'],
  ['distribution-update-v3', 'POST', '/v3/org/distribution/{distributionId}'],
  ['distribution-adjust-v3', 'POST', '/v3/org/distribution/{distributionId}/adjust'],
  ['distribution-delete', 'DELETE', '/v1/org/distribution/{distributionId}'],
  ['rule-list', 'GET', '/v1/org/rule/list'],
  ['rule-get', 'GET', '/v1/org/rule/{ruleId}'],
  ['rule-create', 'POST', '/v1/org/rule'],
  ['rule-modify', 'PUT', '/v1/org/rule'],
  ['rule-delete', 'DELETE', '/v1/org/rule'],
  ['meeting-list-put', 'PUT', '/v2/org/meetings/meetings'],
  ['meeting-get', 'GET', '/v1/org/meetings/get/{meetingId}'],
  ['meeting-export-v2-put', 'PUT', '/v3/org/meetings/meetings/export'],
  ['meeting-cancel-post', 'POST', '/v2/org/meetings/cancel/{meetingId}'],
  ['meeting-cancel', 'GET', '/v1/org/meetings/cancel/{meetingId}'],
  ['meeting-noshow-post', 'POST', '/v2/org/meetings/noshow/{meetingId}'],
  ['meeting-noshow', 'GET', '/v1/org/meetings/noshow/{meetingId}'],
  ['meeting-activity', 'GET', '/v1/org/meetings/activity/{meetingId}'],
  ['scheduling-link-list-personal-v2', 'GET', '/v1/org/schedulingLinks/list-personal-v2/{userId}'],
  ['scheduling-link-list-personal', 'GET', '/v1/org/schedulingLinks/list-personal/{userId}'],
  ['scheduling-link-list-personal-deprecated', 'GET', '/v1/org/schedulingLinks/{userId}'],
  ['scheduling-link-list-round-robin', 'POST', '/v1/org/schedulingLinks/list-round-robin'],
  ['scheduling-link-list-admin-one-on-one', 'POST', '/v1/org/schedulingLinks/list-admin-one-on-one'],
  ['scheduling-link-list-group', 'POST', '/v1/org/schedulingLinks/list-group'],
  ['scheduling-link-list-ownership', 'POST', '/v1/org/schedulingLinks/list-ownership'],
  ['scheduling-link-init', 'POST', '/v1/org/schedulingLinks/init-simple'],
  ['scheduling-link-schedule', 'POST', '/v1/org/schedulingLinks/routing/{routeId}/schedule-simple'],
  ['availability-slots-v2', 'PUT', '/v1/org/availability/slots-v2'],
  ['availability-slots', 'POST', '/v1/org/availability/slots'],
  ['handoff-init', 'POST', '/v1/org/handoff/workspace/{workspaceId}/booker/{userId}/init-simple'],
  [
    'handoff-schedule',
    'POST',
    '/v1/org/handoff/routing/{routingId}/router/{routerId}/path/{pathId}/booker/{userId}/schedule-simple',
  ],
  ['concierge-list-routers', 'POST', '/v1/org/concierge/routers/concierge/list'],
  ['concierge-route', 'POST', '/v1/org/concierge/routers/rest'],
  ['concierge-route-by-slug', 'POST', '/v1/org/concierge/routers/{routerSlug}/rest'],
  ['concierge-schedule', 'POST', '/v1/org/concierge/routing/{routingId}/schedule-simple'],
  ['concierge-logs', 'POST', '/v1/org/concierge/logs'],
  ['distro-list-routers', 'POST', '/v1/org/distro/routers/list'],
  ['resource-scheduler-run', 'POST', '/v1/org/resource-scheduler/{resourceSchedulerId}/run'],
  ['crm-get', 'GET', '/v1/org/crm/get/{crmEventId}'],
  ['crm-cancel-post', 'POST', '/v2/org/crm/cancel/{crmEventId}'],
  ['crm-cancel', 'GET', '/v1/org/crm/cancel/{crmEventId}'],
  ['crm-noshow-post', 'POST', '/v2/org/crm/noshow/{crmEventId}'],
  ['crm-noshow', 'GET', '/v1/org/crm/noshow/{crmEventId}'],
  ['crm-activity', 'GET', '/v1/org/crm/activity/{crmEventId}'],
  ['meeting-type-list', 'GET', '/v1/org/meeting-types/list'],
  ['assignment-table-definition-list', 'GET', '/v1/org/assignment-table-definitions/list'],
];

describe('route table', () => {
  it('serves every operation the tools call (plus deprecated twins and upcoming reads) at its documented method and path', () => {
    const served = allRoutes.map((r) => [r.name, r.method, r.path]);
    expect(served.sort()).toEqual([...OPERATIONS].sort());
  });

  it('every route declares at least one permission and names are unique', () => {
    for (const r of allRoutes) expect(r.permissions.length, r.name).toBeGreaterThan(0);
    expect(new Set(allRoutes.map((r) => r.name)).size).toBe(allRoutes.length);
  });
});
