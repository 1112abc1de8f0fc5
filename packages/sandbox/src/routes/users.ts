import * as v from 'valibot';
import { apiError, invalid, notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { Id, paginate, parseBody, queryPaging, requiredQuery } from '../http/validate.js';
import type { Tenant } from '../store.js';
import type { Licenses, User } from '../types.js';
import { userView } from './views.js';

const LICENSE_KEYS: Record<string, keyof Omit<Licenses, 'tier'>> = {
  distro: 'distro',
  chilical: 'chiliCalOrg',
  chilicalorg: 'chiliCalOrg',
  concierge: 'concierge',
  conciergelive: 'conciergeLive',
  chat: 'chat',
  handoff: 'handoff',
};

const LicensesSchema = v.object({
  distro: v.boolean(),
  chiliCalOrg: v.boolean(),
  concierge: v.boolean(),
  conciergeLive: v.boolean(),
  chat: v.boolean(),
  handoff: v.boolean(),
  tier: v.optional(v.picklist(['RoutingAndScheduling', 'Experiences', 'ChiliDataPlatform'])),
});

const FilterSchema = v.nullish(
  v.object({
    email: v.optional(v.string()),
    name: v.optional(v.string()),
    workspaceIds: v.optional(v.array(Id)),
    teamIds: v.optional(v.array(Id)),
    isSuperAdmin: v.optional(v.boolean()),
    licenses: v.optional(v.array(v.string())),
  }),
  {},
);

const InviteSchema = v.object({
  email: v.pipe(v.string(), v.email('expected an email address')),
  name: v.optional(v.pipe(v.string(), v.minLength(1))),
  licenses: v.optional(v.array(v.string())),
  roles: v.optional(v.array(v.string())),
  salesforceId: v.optional(v.string()),
  workspaces: v.optional(v.array(Id)),
  sendInvite: v.optional(v.boolean()),
});

/** Looks a user up in this tenant (404 otherwise). */
export function getUser(t: Tenant, id: string): User {
  const u = t.users.get(id);
  if (!u) throw notFound('User', id);
  return u;
}

const byName = (a: User, b: User): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

function licenseKey(name: string): keyof Omit<Licenses, 'tier'> {
  const key = LICENSE_KEYS[name.toLowerCase()];
  if (!key) throw invalid(`body (licenses: unknown license ${name})`);
  return key;
}

export const userRoutes: Route[] = [
  {
    name: 'user-find',
    method: 'GET',
    path: '/v1/org/user/find',
    permissions: ['user.read'],
    handler: ({ tenant, query }) => {
      const q = requiredQuery(query, 'query').toLowerCase();
      const { page, pageSize } = queryPaging(query, 10, 50);
      const hits = [...tenant.users.values()].filter(
        (u) => u.email.toLowerCase().includes(q) || u.name.toLowerCase().includes(q),
      );
      return { json: paginate(hits.sort(byName), page, pageSize, userView) };
    },
  },
  {
    name: 'user-find-by-filter',
    method: 'POST',
    path: '/v1/org/user/find-by-filter',
    permissions: ['user.read'],
    handler: ({ tenant, query, body }) => {
      const f = parseBody(FilterSchema, body);
      const { page, pageSize } = queryPaging(query, 10, 50);
      const teams = f.teamIds?.map((id) => tenant.teams.get(id)?.members ?? []);
      const lic = f.licenses?.map(licenseKey);
      const hits = [...tenant.users.values()].filter(
        (u) =>
          (!f.email || u.email.toLowerCase().includes(f.email.toLowerCase())) &&
          (!f.name || u.name.toLowerCase().includes(f.name.toLowerCase())) &&
          (!f.workspaceIds || f.workspaceIds.some((w) => u.workspaces.includes(w))) &&
          (!teams || teams.some((m) => m.includes(u.id))) &&
          (f.isSuperAdmin === undefined || u.isSuperAdmin === f.isSuperAdmin) &&
          (!lic || lic.every((k) => u.licenses[k])),
      );
      return { json: paginate(hits.sort(byName), page, pageSize, userView) };
    },
  },
  {
    name: 'user-find-by-ids',
    method: 'POST',
    path: '/v1/org/user/find-by-id',
    permissions: ['user.read'],
    handler: ({ tenant, query, body }) => {
      const ids = parseBody(v.array(Id), body);
      const { page, pageSize } = queryPaging(query, 10, 50);
      const hits = [...new Set(ids)]
        .map((id) => tenant.users.get(id))
        .filter((u): u is User => u !== undefined);
      return { json: paginate(hits, page, pageSize, userView) };
    },
  },
  {
    name: 'user-read',
    method: 'GET',
    path: '/v1/org/user/read/{userId}',
    permissions: ['user.read'],
    handler: ({ tenant, params }) => ({ json: userView(getUser(tenant, params.userId ?? '')) }),
  },
  {
    name: 'user-invite',
    method: 'POST',
    path: '/v1/org/user/invite',
    permissions: ['user.create'],
    handler: ({ tenant, body, sandbox }) => {
      const b = parseBody(InviteSchema, body);
      const email = b.email.toLowerCase();
      for (const u of tenant.users.values())
        if (u.email.toLowerCase() === email)
          throw apiError(409, 'UserAlreadyExists', `A user with email ${b.email} already exists`, {
            email: b.email,
            userId: u.id,
          });
      for (const w of b.workspaces ?? []) if (!tenant.workspaces.has(w)) throw notFound('Workspace', w);
      const licenses: Licenses = {
        distro: false,
        chiliCalOrg: false,
        concierge: false,
        conciergeLive: false,
        chat: false,
        handoff: false,
      };
      for (const l of b.licenses ?? []) licenses[licenseKey(l)] = true;
      const local = email.split('@')[0] ?? 'user';
      const user: User = {
        id: sandbox.nextId('hex24'),
        name: b.name ?? local,
        email,
        isSuperAdmin: (b.roles ?? []).some((r) => /super.?admin/i.test(r)),
        licenses,
        managedWorkspaces: [],
        managedTeams: [],
        workspaces: [...new Set(b.workspaces ?? [])],
        slug: local.toLowerCase().replace(/[^-0-9a-z_]+/g, '-'),
        workingHours: { timezone: 'UTC', days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17 },
        invited: b.sendInvite ?? true,
        ...(b.salesforceId ? { salesforceId: b.salesforceId } : {}),
      };
      tenant.users.set(user.id, user);
      return { json: userView(user) };
    },
  },
  {
    name: 'user-update-licenses',
    method: 'POST',
    path: '/v1/org/user/licenses',
    permissions: ['licenses.modify'],
    handler: ({ tenant, body }) => {
      const b = parseBody(v.object({ update: v.record(v.string(), LicensesSchema) }), body);
      const entries = Object.entries(b.update);
      for (const [id] of entries) getUser(tenant, id);
      for (const [id, lic] of entries) {
        const { tier, ...flags } = lic;
        getUser(tenant, id).licenses = { ...flags, ...(tier ? { tier } : {}) };
      }
      return { json: {} };
    },
  },
];
