import type * as v from 'valibot';
import { apiError } from '../http/errors.js';
import type { Tenant } from '../store.js';
import type { AssignmentTypeConfig } from './distribution-schemas.js';
import { getTeam } from './teams.js';
import { getUser } from './users.js';

type UserEntries = readonly { userId: string }[] | undefined;

/** The per-user parts of a distribution body: weights, calibrations and caps (capping or meeting limits). */
export interface PerUserSettings {
  weights?: UserEntries;
  manualCalibration?: UserEntries;
  capping?: { userCaps: UserEntries } | null | undefined;
  assignmentTypeConfig?: v.InferOutput<typeof AssignmentTypeConfig> | undefined;
}

/**
 * Every user a per-user setting names must exist and belong to the distribution's team. The Edge API refuses
 * an id it cannot resolve with its JSON error envelope (its documented conventions: 400 text/plain only for a
 * request that fails to decode; unknown entities are a typed 404), so both an unknown user and a user outside the team are a
 * 404 `NotFound`: the first exactly as for any unknown user, the second naming the team. Checked before any
 * change is made.
 */
export function checkMembers(t: Tenant, teamId: string, b: PerUserSettings, distributionId?: string): void {
  const config = b.assignmentTypeConfig;
  const caps =
    config?.type === 'Meeting' && config.limits.type === 'MeetingLimitSet' ? config.limits.userCaps : [];
  const named = [
    ...(b.weights ?? []),
    ...(b.manualCalibration ?? []),
    ...(b.capping?.userCaps ?? []),
    ...(caps ?? []),
  ].map((e) => e.userId);
  const members = getTeam(t, teamId).members;
  for (const id of named) {
    getUser(t, id);
    if (!members.includes(id))
      throw apiError(
        404,
        'NotFound',
        `User ${id} is not a member of team ${teamId}${distributionId ? ` of distribution ${distributionId}` : ''}`,
        { id, teamId },
      );
  }
}
