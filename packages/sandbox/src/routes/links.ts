import * as v from 'valibot';
import type { Route } from '../http/router.js';
import { parseBody } from '../http/validate.js';
import type { LinkKind } from '../types.js';
import { getUser } from './users.js';
import { linkView, personalView } from './link-views.js';
import { linkSchedulingRoutes } from './link-scheduling.js';

const Filter = v.optional(v.pipe(v.array(v.string()), v.minLength(1)));
const ListSchema = v.nullish(
  v.object({
    filterWorkspaceIds: Filter,
    filterLinkSlugs: Filter,
    filterMeetingTypeId: Filter,
    filterDistributionIds: Filter,
  }),
  {},
);

function listRoute(kind: LinkKind, suffix: string): Route {
  return {
    name: `scheduling-link-list-${suffix}`,
    method: 'POST',
    path: `/v1/org/schedulingLinks/list-${kind}`,
    permissions: ['scheduling-links.read'],
    handler: ({ tenant, body }) => {
      const f = parseBody(ListSchema, body ?? {});
      const links = [...tenant.links.values()].filter(
        (l) =>
          l.kind === kind &&
          (!f.filterWorkspaceIds || f.filterWorkspaceIds.includes(l.workspaceId)) &&
          (!f.filterLinkSlugs || f.filterLinkSlugs.includes(l.slug)) &&
          (!f.filterMeetingTypeId || l.meetingTypeIds.some((m) => f.filterMeetingTypeId?.includes(m))) &&
          (!f.filterDistributionIds ||
            (l.distributionId !== undefined && f.filterDistributionIds.includes(l.distributionId))),
      );
      return { json: { links: links.map((l) => linkView(tenant, l)) } };
    },
  };
}

const personal = (path: string, name: string, wrap: boolean): Route => ({
  name,
  method: 'GET',
  path,
  permissions: ['user.read'],
  handler: ({ tenant, params }) => {
    const user = getUser(tenant, params.userId ?? '');
    const items = [...tenant.links.values()]
      .filter((l) => l.kind === 'personal' && l.userIds[0] === user.id)
      .map((l) => personalView(tenant, l));
    return { json: wrap ? { links: items } : items };
  },
});

export const linkRoutes: Route[] = [
  personal('/v1/org/schedulingLinks/list-personal-v2/{userId}', 'scheduling-link-list-personal-v2', true),
  personal('/v1/org/schedulingLinks/list-personal/{userId}', 'scheduling-link-list-personal', false),
  personal('/v1/org/schedulingLinks/{userId}', 'scheduling-link-list-personal-deprecated', false),
  listRoute('round-robin', 'round-robin'),
  listRoute('admin-one-on-one', 'admin-one-on-one'),
  listRoute('group', 'group'),
  listRoute('ownership', 'ownership'),
  ...linkSchedulingRoutes,
];
