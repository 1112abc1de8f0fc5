import type { Tenant } from '../store.js';
import type { SchedulingLink } from '../types.js';

const PREFIX: Record<SchedulingLink['kind'], string> = {
  personal: 'me',
  'round-robin': 'round-robin',
  'admin-one-on-one': 'me',
  group: 'team',
  ownership: 'ownership',
};

/** Booking URL (a deliberately non-resolvable sandbox host). */
export function bookingUrl(t: Tenant, l: SchedulingLink): string {
  return `https://${t.subdomain}.chilipiper.sandbox.invalid/${PREFIX[l.kind]}/${l.slug}`;
}

function members(t: Tenant, ids: string[]): Record<string, string>[] {
  return ids.map((id) => {
    const u = t.users.get(id);
    return {
      id,
      email: u?.email ?? 'unknown@sandbox.invalid',
      name: u?.name ?? 'Unknown',
      slug: u?.slug ?? 'unknown',
    };
  });
}

/** A link as its list-* endpoint returns it. */
export function linkView(t: Tenant, l: SchedulingLink): Record<string, unknown> {
  const base = {
    workspaceId: l.workspaceId,
    linkId: l.linkId,
    name: l.name,
    slug: l.slug,
    meetingTypeIds: [...l.meetingTypeIds],
    bookingUrl: bookingUrl(t, l),
  };
  const dist = l.distributionId ?? '';
  const team = l.teamId ? t.teams.get(l.teamId) : undefined;
  switch (l.kind) {
    case 'round-robin': {
      const m = members(t, team?.members ?? l.userIds);
      return {
        ...base,
        assignments: [{ distributionId: dist, required: true, members: m }],
        distributionId: dist,
        members: m,
      };
    }
    case 'ownership':
      return {
        ...base,
        ownership: {
          ownershipSettings: {
            type: 'WithSimpleRule',
            rule: {
              type: 'SalesforceSimpleRule',
              ownershipObject: ['Lead', 'Contact'],
              teamId: l.teamId ?? '',
            },
            scheduleWithTeamMember: 'OwnerOnly',
            required: true,
          },
          host: { type: 'AssigneeFromDistribution', distributionId: dist },
          bookerInvitation: { type: 'DoNotInvite' },
        },
        distribution: {
          assignments: [{ distributionId: dist, required: true }],
          host: { type: 'AssigneeFromDistribution', distributionId: dist },
          bookerInvitation: { type: 'DoNotInvite' },
        },
        pageConfig: { title: l.name },
        sharedWith: { type: 'Workspace' },
      };
    default:
      return base;
  }
}

/** Personal link item (deprecated list-personal: bare array; v2: inside `{links}`). */
export function personalView(t: Tenant, l: SchedulingLink): Record<string, unknown> {
  const mt = t.meetingTypes.get(l.meetingTypeIds[0] ?? '');
  return {
    slug: l.slug,
    meetingTypeId: mt?.id ?? '',
    meetingTypeName: mt?.name ?? '',
    bookingUrl: bookingUrl(t, l),
    linkId: l.linkId,
  };
}
