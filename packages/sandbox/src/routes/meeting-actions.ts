import { apiError } from '../http/errors.js';
import type { Ctx, Reply } from '../http/router.js';
import type { Meeting } from '../types.js';
import { iso } from '../util/time.js';
import { effectiveStatus, meetingListItem } from './views.js';

export type MeetingAction = 'cancel' | 'noshow';

/** Applies cancel / no-show, or throws 409 `MeetingStatusConflict` when the meeting's status forbids it. */
export function applyAction(m: Meeting, action: MeetingAction, ctx: Ctx): void {
  const status = effectiveStatus(m, ctx.now);
  const by = `apikey/${ctx.key.id}`;
  if (action === 'cancel') {
    if (status !== 'Active')
      throw apiError(409, 'MeetingStatusConflict', `Meeting ${m.id} is ${status} and cannot be canceled`, {
        meetingId: m.id,
        meetingStatus: status,
      });
    m.status = 'Canceled';
    m.history.push({ type: 'Canceled', at: iso(ctx.now), by });
  } else {
    if (status === 'Canceled' || status === 'NoShow')
      throw apiError(
        409,
        'MeetingStatusConflict',
        `Meeting ${m.id} is ${status} and cannot be marked as no-show`,
        { meetingId: m.id, meetingStatus: status },
      );
    m.status = 'NoShow';
    m.history.push({ type: 'MarkedNoShow', at: iso(ctx.now), by });
  }
  if (m.distributionId) {
    const stats = ctx.tenant.distributions.get(m.distributionId)?.stats[m.hostId];
    if (stats) {
      if (action === 'cancel') stats.cancelled += 1;
      else stats.noShow += 1;
    }
  }
}

/** v2 POST: the updated meeting with `meetingStatus` "CANCELLED" / "NO_SHOW". */
export function postAction(m: Meeting, action: MeetingAction, ctx: Ctx): Reply {
  applyAction(m, action, ctx);
  return { json: meetingListItem(m, ctx.tenant, ctx.now, action === 'cancel' ? 'CANCELLED' : 'NO_SHOW') };
}

/** Deprecated GET: `{type:"Success"}` or `{type:"Failure"}` (status 200 either way). */
export function getAction(m: Meeting | undefined, action: MeetingAction, ctx: Ctx): Reply {
  if (!m) return { json: { type: 'Failure' } };
  try {
    applyAction(m, action, ctx);
    return { json: { type: 'Success' } };
  } catch {
    return { json: { type: 'Failure' } };
  }
}

/** The admin-UI deep link of a meeting's activity (JSON `{url}`; the real format is undocumented). */
export function activityLink(m: Meeting, ctx: Ctx): Reply {
  return {
    json: {
      meetingId: m.id,
      url: `https://${ctx.tenant.subdomain}.chilipiper.sandbox.invalid/admin/meetings/${m.id}/activity`,
    },
  };
}
