import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { usersRead } from './previews.js';
import { QUERY_PAGING, USER_KEEP, ids, ref } from './shared.js';

/** Users tools: look people up and manage their licenses and invitations. */

/** An email address (the spec's `Email` pattern is `.+@.+`). */
const email = (what: string) =>
  v.pipe(
    v.string(),
    v.regex(/^\S+@\S+$/, `${what} must be an email address such as john.doe@acme.com`),
    v.description(what),
  );

const bool = (what: string) => v.pipe(v.boolean(`${what} must be true or false`), v.description(what));

const licenseName = v.pipe(
  v.string(),
  v.minLength(1, 'a license name must not be empty'),
  v.description('Distro, ChiliCalOrg, Concierge, ConciergeLive, Chat or Handoff.'),
);

/** One user's full license set (`UserLicenses`): every product flag, plus an optional tier. */
const userLicenses = v.pipe(
  v.object({
    distro: bool('Distro (lead routing).'),
    chiliCalOrg: bool('ChiliCal organization.'),
    concierge: bool('Concierge.'),
    conciergeLive: bool('Concierge Live.'),
    chat: bool('Chat.'),
    handoff: bool('Handoff.'),
    tier: v.optional(
      v.pipe(
        v.picklist(
          ['RoutingAndScheduling', 'Experiences', 'ChiliDataPlatform'],
          'tier must be RoutingAndScheduling, Experiences or ChiliDataPlatform',
        ),
        v.description('Product tier.'),
      ),
    ),
  }),
  v.description(
    'The full license set: {distro, chiliCalOrg, concierge, conciergeLive, chat, handoff, tier?}.',
  ),
);

/** Compact user: what later tools take (id) and what a person reads (name, email). */
const userView = { items: 'results', keep: USER_KEEP } as const;

export const usersTools = [
  defineTool({
    name: 'user-find',
    title: 'Find users by text',
    group: 'users',
    description: 'Finds users whose email or name contains the text. The id is the userId other tools take.',
    operation: { name: 'user-find', method: 'GET', path: '/v1/org/user/find' },
    input: v.object({
      query: v.pipe(
        v.string(),
        v.minLength(1, 'query must be a non-empty piece of an email address or name'),
        v.description('Part of an email or name.'),
      ),
    }),
    pagination: QUERY_PAGING,
    view: userView,
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: { confidence: 'spec', safetyReason: 'A search; changes nothing.' },
  }),
  defineTool({
    name: 'user-find-by-filter',
    title: 'Find users by filter',
    group: 'users',
    description: 'Finds users by email, name, workspaces, teams, super-admin flag or licenses.',
    operation: { name: 'user-find-by-filter', method: 'POST', path: '/v1/org/user/find-by-filter' },
    input: v.object({
      filter: v.pipe(
        v.object({
          email: v.optional(
            v.pipe(v.string(), v.minLength(1, 'email must not be empty'), v.description('Email.')),
          ),
          name: v.optional(
            v.pipe(v.string(), v.minLength(1, 'name must not be empty'), v.description('Name.')),
          ),
          workspaceIds: v.optional(v.pipe(ids('workspace ID'), v.description('In any of these workspaces.'))),
          teamIds: v.optional(v.pipe(ids('team ID'), v.description('In any of these teams.'))),
          isSuperAdmin: v.optional(bool('Super admins only (true) or none (false).')),
          licenses: v.optional(
            v.pipe(
              v.array(licenseName),
              v.minLength(1, 'licenses must list at least one license name'),
              v.description(
                'Holding these licenses (Distro, ChiliCalOrg, Concierge, ConciergeLive, Chat, Handoff).',
              ),
            ),
          ),
        }),
        v.description(
          '{email?, name?, workspaceIds?, teamIds?, isSuperAdmin?, licenses?}; given ones combine.',
        ),
      ),
    }),
    fields: { filter: { in: 'body', spread: true } },
    pagination: QUERY_PAGING,
    view: userView,
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No schema: filter fields and their placement (spread into the body, page/pageSize in the query as in ' +
        'user-find-by-ids) are inferred; license names accepted as free strings.',
      safetyReason: 'A search sent as POST; changes nothing.',
    },
  }),
  defineTool({
    name: 'user-find-by-ids',
    title: 'Get users by IDs',
    group: 'users',
    description: 'Fetches the users with the given ids in one call.',
    operation: { name: 'user-find-by-ids', method: 'POST', path: '/v1/org/user/find-by-id' },
    input: v.object({
      userIds: v.pipe(ids('user ID'), v.description('User ids (at least one).')),
    }),
    fields: { userIds: { in: 'body', root: true } },
    pagination: QUERY_PAGING,
    view: userView,
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: { confidence: 'spec', safetyReason: 'A lookup sent as POST; changes nothing.' },
  }),
  defineTool({
    name: 'user-read',
    title: 'Get a user',
    group: 'users',
    description:
      'Returns one user: name, email, super-admin flag, licenses, workspaces, managed workspaces and teams, CRM ids.',
    operation: { name: 'user-read', method: 'GET', path: '/v1/org/user/read/{userId}' },
    input: v.object({
      userId: ref('userId', 'From user-find.'),
    }),
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: { confidence: 'spec', safetyReason: 'A lookup; changes nothing.' },
  }),
  defineTool({
    name: 'user-invite',
    title: 'Invite a user',
    group: 'users',
    description:
      'Creates a user for an email, optionally with licenses, roles and workspaces, and emails an invitation ' +
      'unless sendInvite is false. Not retried: check user-find first, a repeat can email again.',
    operation: { name: 'user-invite', method: 'POST', path: '/v1/org/user/invite' },
    input: v.object({
      email: email('Email of the person to invite.'),
      name: v.optional(
        v.pipe(v.string(), v.minLength(1, 'name must not be empty'), v.description('Full name.')),
      ),
      licenses: v.optional(v.pipe(v.array(licenseName), v.description('Licenses to grant.'))),
      roles: v.optional(
        v.pipe(
          v.array(v.pipe(v.string(), v.minLength(1, 'a role must not be empty'))),
          v.description('Role names.'),
        ),
      ),
      salesforceId: v.optional(ref('salesforceId', 'Salesforce user id to link.')),
      workspaces: v.optional(v.pipe(v.array(ref('workspace ID')), v.description('Workspace ids to join.'))),
      sendInvite: v.optional(bool('Send the invitation email (default true).')),
    }),
    safety: { kind: 'write', idempotent: false },
    permission: 'user.create',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      externalEffects: true,
      notes:
        'No schema: body = the flat hosted inputs (inferred); element types of licenses/roles/workspaces and the ' +
        'sendInvite default are guesses; response undocumented.',
      safetyReason: 'Adds an account and may email the person; nothing existing is removed. Not idempotent.',
    },
  }),
  defineTool({
    name: 'user-update-licenses',
    title: 'Set user licenses',
    group: 'users',
    description:
      'Replaces the whole license set of each named user (others keep theirs). A license left out is removed at ' +
      'once and switches off what it gates; fails when the org lacks seats.',
    operation: { name: 'user-update-licenses', method: 'POST', path: '/v1/org/user/licenses' },
    input: v.object({
      update: v.pipe(
        v.record(ref('user ID'), userLicenses),
        v.minEntries(1, 'update must name at least one userId'),
        v.description(
          'userId → full license set: {"<userId>": {distro, chiliCalOrg, concierge, conciergeLive, chat, handoff, tier?}} (booleans).',
        ),
      ),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'licenses.modify',
    response: 'json',
    preview: {
      reads: [usersRead('$update.@keys', ['id', 'name', 'email', 'licenses'])],
      show: [{ label: 'Users', each: 'users.results', show: ['name', 'email'] }],
      diff: [
        {
          label: 'licenses',
          before: 'licenses',
          after: '$update',
          each: { items: 'users.results[]', key: 'id', label: 'name' },
        },
      ],
    },
    docs: {
      confidence: 'observed',
      notes:
        'The OpenAPI value schema of `update` is a generator mix-up (AvailabilityFailure) and the description’s ' +
        '[{userId, licenseType}] is wrong; the userId-keyed UserLicenses map is the live-checked shape (F3). ' +
        'Path and permission are spec.',
      safetyReason:
        'Replaces license sets: any license left out is revoked and what it gates stops working. Idempotent.',
    },
  }),
];
