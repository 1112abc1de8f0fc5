import type { PreviewRead, PreviewReference, PreviewSpec } from '../confirm/types.js';

/** Preview pieces shared by several tools (see `confirm/types.ts`): data only. */

/** The Concierge routers with their routing (which rules and distributions each path uses). */
export const routersRead: PreviewRead = {
  as: 'routers',
  tool: 'concierge-list-routers',
  args: { fields: ['router.name', 'router.slug', 'router.routing'] },
};

/** A meeting with its host and guest, for the meeting actions (`meetingId`) and the CRM ones (`crmEventId`). */
export function meetingPreview(tool: 'meeting-get' | 'crm-get', idField: string): PreviewSpec {
  return {
    reads: [
      { as: 'meeting', tool, args: { [idField]: `$${idField}` } },
      { as: 'types', tool: 'meeting-type-list', args: {} },
    ],
    show: [
      { label: 'Start', show: 'meeting.dateTime.start' },
      { label: 'End', show: 'meeting.dateTime.end' },
      { label: 'Status', show: 'meeting.meetingStatus' },
      { label: 'Type', show: 'meeting.meetingTypeId' },
      { label: 'Host', show: ['meeting.attendees[role=Host].name', 'meeting.attendees[role=Host].email'] },
      {
        label: 'Guest',
        show: ['meeting.attendees[role=PrimaryGuest].name', 'meeting.attendees[role=PrimaryGuest].email'],
      },
    ],
  };
}

/** What uses a distribution: Concierge router paths and round-robin and ownership links. */
export const distributionUsers: { reads: PreviewRead[]; references: PreviewReference[] } = {
  reads: [
    routersRead,
    {
      as: 'roundRobin',
      tool: 'scheduling-link-list-round-robin',
      args: { filterDistributionIds: ['$distributionId'] },
    },
    {
      as: 'ownership',
      tool: 'scheduling-link-list-ownership',
      args: { filterDistributionIds: ['$distributionId'], fields: 'all' },
    },
  ],
  references: [
    {
      label: 'Concierge routers that assign through it',
      from: 'routers.results',
      where: [
        {
          path: [
            'router.routing.rules[].yes.assignments[].id',
            'router.routing.catchAll.yes.assignments[].id',
          ],
          in: '$distributionId',
        },
      ],
      show: ['router.name', 'router.slug'],
    },
    {
      label: 'Round-robin links that use it',
      from: 'roundRobin.results',
      where: [{ path: 'distributionId', in: '$distributionId' }],
      show: ['name', 'slug'],
    },
    {
      label: 'Ownership links that use it',
      from: 'ownership.results',
      where: [
        {
          path: ['distribution.assignments[].distributionId', 'ownership.host.distributionId'],
          in: '$distributionId',
        },
      ],
      show: ['name', 'slug'],
    },
  ],
};

/** The users a call names, by id (name and email from user-find-by-ids). */
export const usersRead = (ids: string, fields: readonly string[] = ['id', 'name', 'email']): PreviewRead => ({
  as: 'users',
  tool: 'user-find-by-ids',
  args: { userIds: ids, fields: [...fields] },
});

/** The distribution a call names (found in distribution-list-put) and the teams, for their names. */
export const distributionReads: PreviewRead[] = [
  {
    as: 'distribution',
    tool: 'distribution-list-put',
    args: { fields: 'all' },
    find: { where: 'id', equals: '$distributionId' },
  },
  { as: 'teams', tool: 'team-list-put', args: {} },
];

/** A distribution as a person checks it. */
export const distributionFacts = [
  {
    label: 'Distribution',
    show: ['distribution.published.name', 'distribution.published.assignmentTypeConfig.type'],
  },
  { label: 'Team', show: 'distribution.published.teamRef.id' },
  { label: 'Weights', each: 'distribution.published.weights', show: ['userId', 'weight'] },
];
