import type { ToolName } from '@chilipiper-mcp/core';

/** A call that tests one permission without changing anything. */
export interface PermissionProbe {
  /** The tool to call (it needs the permission). */
  readonly tool: ToolName;
  /** Its arguments: a small read, or an id that cannot exist (then a 404 means the permission is granted). */
  readonly args: Readonly<Record<string, unknown>>;
}

/** Why a permission is not probed: every call that needs it could change something. */
export interface Unprobed {
  readonly reason: string;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const NIL_ID = '000000000000000000000000';
const PROBE_SLUG = 'chilipiper-mcp-doctor-probe-does-not-exist';
const PROBE_EMAIL = 'doctor-probe@example.invalid';
const LONG_AGO = '2000-01-01T00:00:00.000Z';
const A_MINUTE_LATER = '2000-01-01T00:01:00.000Z';
const WINDOW = { startsAt: LONG_AGO, duration: '30 minutes' };
const ONE = { pagination: { pageSize: 1 } };

/**
 * How `doctor` checks each permission the catalog's tools need. The Edge API checks the permission before it
 * looks the id up, so a call on an id that cannot exist answers 403 without the permission and 404 with it.
 * A test runs every probe against the sandbox with and without its permission.
 */
export const PERMISSION_PROBES: Readonly<Record<string, PermissionProbe | Unprobed>> = {
  'api.ping': { tool: 'health-ping', args: {} },
  'tenant.read': { tool: 'tenant-get', args: {} },
  'user.read': { tool: 'user-find', args: { query: PROBE_SLUG, ...ONE } },
  'user.create': { reason: 'user-invite creates a user and may email an invitation' },
  'licenses.modify': { reason: 'user-update-licenses changes licenses of the users it names' },
  'workspace.read': { tool: 'workspace-list', args: ONE },
  'workspace.modify': { tool: 'workspace-add-users', args: { workspaceId: NIL_UUID, userIds: [NIL_ID] } },
  'team.read': { tool: 'team-list-put', args: ONE },
  'team.modify': { tool: 'team-add-users', args: { teamId: NIL_UUID, userIds: [NIL_ID] } },
  'distribution.read': { tool: 'distribution-list-put', args: ONE },
  'distribution.modify': {
    tool: 'distribution-adjust-v3',
    args: { distributionId: NIL_UUID, body: { weights: [{ userId: NIL_ID, weight: 0 }] } },
  },
  'distribution.remove': { tool: 'distribution-delete', args: { distributionId: NIL_UUID } },
  'rule.read': { tool: 'rule-list', args: ONE },
  'rule.create': { reason: 'rule-create creates a routing rule' },
  'rule.modify': { reason: 'rule-modify needs a whole rule and replaces the one it names' },
  'rule.remove': { tool: 'rule-delete', args: { ruleId: NIL_UUID, revision: 0 } },
  'meeting.read': { tool: 'meeting-list-put', args: { start: LONG_AGO, end: A_MINUTE_LATER, ...ONE } },
  'meeting.modify': { tool: 'meeting-cancel', args: { meetingId: NIL_UUID } },
  'meeting-type.read': { tool: 'meeting-type-list', args: {} },
  'assignment-table.read': { tool: 'assignment-table-definition-list', args: { workspaceId: NIL_UUID } },
  'scheduling-links.read': { tool: 'scheduling-link-list-round-robin', args: {} },
  'scheduling-links.schedule': {
    tool: 'scheduling-link-init',
    args: { link: { slug: PROBE_SLUG }, guestEmail: PROBE_EMAIL, interval: WINDOW },
  },
  'availability.read': {
    tool: 'availability-slots',
    args: {
      expectedHost: { type: 'User', userId: NIL_ID },
      attendees: [{ type: 'ManuallyAssigned', userId: NIL_ID, required: true }],
      interval: WINDOW,
    },
  },
  'handoff.schedule': {
    tool: 'handoff-init',
    args: {
      workspaceId: NIL_UUID,
      userId: NIL_ID,
      body: { type: 'GuestEmailRequest', guestEmail: PROBE_EMAIL, interval: WINDOW },
    },
  },
  'concierge.read': { tool: 'concierge-list-routers', args: {} },
  'concierge.route': {
    tool: 'concierge-route-by-slug',
    args: { routerSlug: PROBE_SLUG, body: { form: { PersonEmail: PROBE_EMAIL } } },
  },
  'concierge.schedule': {
    tool: 'concierge-schedule',
    args: { routingId: NIL_UUID, body: { startTime: LONG_AGO } },
  },
  'logs.read': {
    tool: 'concierge-logs',
    args: { workspaceId: NIL_UUID, routerId: NIL_UUID, start: LONG_AGO, end: A_MINUTE_LATER, ...ONE },
  },
  'distro.read': { tool: 'distro-list-routers', args: {} },
  'distro.modify': { tool: 'resource-scheduler-run', args: { resourceSchedulerId: NIL_UUID } },
  'crm.read': { tool: 'crm-get', args: { crmEventId: NIL_ID } },
  'crm.modify': { tool: 'crm-cancel', args: { crmEventId: NIL_ID } },
};
