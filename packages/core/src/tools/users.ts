import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { QUERY_PAGING, ids, ref } from './shared.js';

/** Users tools: look people up and manage their licenses and invitations. */

/** An email address (the spec's `Email` pattern is `.+@.+`). */
const email = (what: string) =>
  v.pipe(
    v.string(),
    v.regex(/^\S+@\S+$/, `${what} must be an email address such as john.doe@acme.com`),
    v.description(what),
  );

const bool = (what: string) => v.pipe(v.boolean(`${what} must be true or false`), v.description(what));

/** One user's full license set (`UserLicenses`): every product flag, plus an optional tier. */
const userLicenses = v.pipe(
  v.object({
    distro: bool('Distro (lead routing) license.'),
    chiliCalOrg: bool('ChiliCal organization license.'),
    concierge: bool('Concierge license.'),
    conciergeLive: bool('Concierge Live license.'),
    chat: bool('Chat license.'),
    handoff: bool('Handoff license.'),
    tier: v.optional(
      v.pipe(
        v.picklist(
          ['RoutingAndScheduling', 'Experiences', 'ChiliDataPlatform'],
          'tier must be RoutingAndScheduling, Experiences or ChiliDataPlatform',
        ),
        v.description('Product tier: RoutingAndScheduling, Experiences or ChiliDataPlatform.'),
      ),
    ),
  }),
  v.description(
    'The complete license set the user should end up with: {distro, chiliCalOrg, concierge, conciergeLive, chat, handoff, tier?}.',
  ),
);

export const usersTools = [
  defineTool({
    name: 'user-find',
    title: 'Find users by text',
    group: 'users',
    description:
      'Looks users up by a partial email address or name and returns their profiles (id, name, email, licenses, ' +
      'workspaces, managed workspaces/teams, CRM links). Changes nothing. Paged: pagination.page is 0-based, ' +
      'pageSize defaults to 10 (at most 50); ask for page + 1 while fewer than total results have been seen.',
    operation: { name: 'user-find', method: 'GET', path: '/v1/org/user/find' },
    input: v.object({
      query: v.pipe(
        v.string(),
        v.minLength(1, 'query must be a non-empty piece of an email address or name'),
        v.description('Text matched against email and name; partial matches count.'),
      ),
    }),
    pagination: QUERY_PAGING,
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'user-find-by-filter',
    title: 'Find users by filter',
    group: 'users',
    description:
      'Searches users with structured criteria (email, name, workspaces, teams, super-admin flag, licenses) and returns ' +
      'matching profiles. Changes nothing. Paged: pagination.page is 0-based, pageSize defaults to 10 (at most 50); ' +
      'request the next page until total is reached.',
    operation: { name: 'user-find-by-filter', method: 'POST', path: '/v1/org/user/find-by-filter' },
    input: v.object({
      filter: v.pipe(
        v.object({
          email: v.optional(
            v.pipe(
              v.string(),
              v.minLength(1, 'email must not be empty'),
              v.description('Email address to match.'),
            ),
          ),
          name: v.optional(
            v.pipe(
              v.string(),
              v.minLength(1, 'name must not be empty'),
              v.description('User name to match.'),
            ),
          ),
          workspaceIds: v.optional(
            v.pipe(ids('workspace ID'), v.description('Only users who belong to one of these workspaces.')),
          ),
          teamIds: v.optional(
            v.pipe(ids('team ID'), v.description('Only users who belong to one of these teams.')),
          ),
          isSuperAdmin: v.optional(bool('Only super admins (true) or only non-super-admins (false).')),
          licenses: v.optional(
            v.pipe(
              v.array(
                v.pipe(
                  v.string(),
                  v.minLength(1, 'a license name must not be empty'),
                  v.description(
                    'License name, e.g. Distro, ChiliCalOrg, Concierge, ConciergeLive, Chat, Handoff.',
                  ),
                ),
              ),
              v.minLength(1, 'licenses must list at least one license name'),
              v.description('Only users holding these licenses.'),
            ),
          ),
        }),
        v.description('Search criteria; every field is optional and given fields combine.'),
      ),
    }),
    fields: { filter: { in: 'body', spread: true } },
    pagination: QUERY_PAGING,
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No schema: filter fields and their placement (spread into the body, page/pageSize in the query as in ' +
        'user-find-by-ids) are inferred; license names accepted as free strings.',
    },
  }),
  defineTool({
    name: 'user-find-by-ids',
    title: 'Get users by IDs',
    group: 'users',
    description:
      'Fetches the full profiles of a known list of user IDs in one call. Changes nothing. Paged: ' +
      'pagination.page is 0-based, pageSize defaults to 10 (at most 50), so for more than 10 IDs raise pageSize ' +
      'or ask for the next page.',
    operation: { name: 'user-find-by-ids', method: 'POST', path: '/v1/org/user/find-by-id' },
    input: v.object({
      userIds: v.pipe(
        ids('user ID'),
        v.description('User IDs to fetch (at least one); sent as a bare JSON array.'),
      ),
    }),
    fields: { userIds: { in: 'body', root: true } },
    pagination: QUERY_PAGING,
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'user-read',
    title: 'Get a user',
    group: 'users',
    description:
      'Returns one user profile by userId: name, email, super-admin flag, licenses, workspaces, managed ' +
      'workspaces and teams, Salesforce/HubSpot links. Changes nothing.',
    operation: { name: 'user-read', method: 'GET', path: '/v1/org/user/read/{userId}' },
    input: v.object({
      userId: ref('userId', 'ID of the user to read (from user-find).'),
    }),
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'user-invite',
    title: 'Invite a user',
    group: 'users',
    description:
      'Creates a user account for an email address, optionally with licenses, roles, workspaces and a Salesforce ' +
      'ID, and emails an invitation unless sendInvite is false. Not safe to retry blindly: check with user-find ' +
      'first, since a repeat can send another email or fail on the existing account.',
    operation: { name: 'user-invite', method: 'POST', path: '/v1/org/user/invite' },
    input: v.object({
      email: email('Email address of the person to invite.'),
      name: v.optional(
        v.pipe(
          v.string(),
          v.minLength(1, 'name must not be empty'),
          v.description('Full name of the new user.'),
        ),
      ),
      licenses: v.optional(
        v.pipe(
          v.array(
            v.pipe(
              v.string(),
              v.minLength(1, 'a license name must not be empty'),
              v.description(
                'License name, e.g. Distro, ChiliCalOrg, Concierge, ConciergeLive, Chat, Handoff.',
              ),
            ),
          ),
          v.description('Licenses to grant on creation.'),
        ),
      ),
      roles: v.optional(
        v.pipe(
          v.array(
            v.pipe(v.string(), v.minLength(1, 'a role must not be empty'), v.description('Role name.')),
          ),
          v.description('Roles to give the new user.'),
        ),
      ),
      salesforceId: v.optional(ref('salesforceId', 'Salesforce user ID (15 or 18 characters) to link.')),
      workspaces: v.optional(
        v.pipe(v.array(ref('workspace ID')), v.description('IDs of the workspaces the new user joins.')),
      ),
      sendInvite: v.optional(bool('Send the invitation email (assumed true when omitted).')),
    }),
    safety: { kind: 'write', idempotent: false },
    permission: 'user.create',
    response: 'json',
    docs: {
      externalEffects: true,
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No schema: body = the flat hosted inputs (inferred); element types of licenses/roles/workspaces and the ' +
        'sendInvite default are guesses; response undocumented.',
    },
  }),
  defineTool({
    name: 'user-update-licenses',
    title: 'Set user licenses',
    group: 'users',
    description:
      'Sets the complete license set of one or more users, keyed by userId; users not named keep their licenses. ' +
      'Removing a license takes effect at once and switches off what it gates; the call fails when the org has ' +
      'too few seats. Sending the same map again leaves the same state.',
    operation: { name: 'user-update-licenses', method: 'POST', path: '/v1/org/user/licenses' },
    input: v.object({
      update: v.pipe(
        v.record(ref('user ID'), userLicenses),
        v.minEntries(1, 'update must name at least one userId'),
        v.description(
          'Map of userId → full license set, e.g. {"<userId>": {distro: true, chiliCalOrg: true, …}}.',
        ),
      ),
    }),
    safety: { kind: 'write', idempotent: true },
    permission: 'licenses.modify',
    response: 'json',
    docs: {
      confidence: 'observed',
      notes:
        'The OpenAPI value schema of `update` is a generator mix-up (AvailabilityFailure) and the description’s ' +
        '[{userId, licenseType}] is wrong; the userId-keyed UserLicenses map is the live-checked shape (F3). ' +
        'Path and permission are spec.',
    },
  }),
];
