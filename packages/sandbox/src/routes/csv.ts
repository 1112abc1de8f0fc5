import type { Tenant } from '../store.js';
import type { Meeting } from '../types.js';
import { iso } from '../util/time.js';
import { effectiveStatus } from './views.js';

const HEADER = [
  'Meeting ID',
  'Status',
  'Start',
  'End',
  'Host ID',
  'Host Email',
  'Host Name',
  'Guest Email',
  'Guest Name',
  'Workspace ID',
  'Workspace',
  'Meeting Type ID',
  'Meeting Type',
  'Schedule Origin',
  'CRM Event ID',
  'bookedAt',
];

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The meeting export CSV (header row, then one row per meeting; CRLF line ends). */
export function toCsv(meetings: Meeting[], t: Tenant, now: number): string {
  const rows = [HEADER.join(',')];
  for (const m of meetings) {
    const host = t.users.get(m.hostId);
    rows.push(
      [
        m.id,
        effectiveStatus(m, now),
        iso(m.start),
        iso(m.end),
        m.hostId,
        host?.email ?? '',
        host?.name ?? '',
        m.guestEmail,
        m.guestName,
        m.workspaceId,
        t.workspaces.get(m.workspaceId)?.name ?? '',
        m.meetingTypeId,
        t.meetingTypes.get(m.meetingTypeId)?.name ?? '',
        m.scheduleOrigin,
        m.crmEventId ?? '',
        iso(m.bookedAt),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
