import { Prng } from '../util/prng.js';
import { emptyTenant, type Store, type Tenant } from '../store.js';
import { seedOrg } from './org.js';
import { seedRouting } from './routing.js';
import { seedRouters } from './routers.js';
import { seedMeetings } from './meetings.js';
import { seedAssignmentTables } from './assignment-tables.js';

/** Default seed of the demo data. */
export const DEFAULT_SEED = 20260701;
/** Default number of meetings in the demo org (Acme). */
export const DEFAULT_SCALE = 3000;

export interface TenantSpec {
  key: string;
  name: string;
  subdomain: string;
  domains: string[];
  workspaces: string[];
}

export const ACME: TenantSpec = {
  key: 'acme',
  name: 'Acme Corp',
  subdomain: 'acme',
  domains: ['acme.example'],
  workspaces: ['Sales', 'Customer Success', 'Marketing', 'Management'],
};
export const GLOBEX: TenantSpec = {
  key: 'globex',
  name: 'Globex Corporation',
  subdomain: 'globex',
  domains: ['globex.example'],
  workspaces: ['Revenue', 'Support'],
};

function buildTenant(
  spec: TenantSpec,
  seed: number,
  userCount: number,
  teams: number,
  meetings: number,
  now: number,
): Tenant {
  const rng = new Prng(seed);
  const t = emptyTenant(rng.uuid(), spec.name, spec.subdomain, spec.domains);
  const createdAt = new Date(
    Math.floor(now / 86_400_000) * 86_400_000 - 90 * 86_400_000 + 33_012_495,
  ).toISOString();
  const emailDomain = spec.domains[0] ?? 'example.com';
  seedOrg(
    t,
    rng,
    { workspaces: spec.workspaces, userCount, teamsPerWorkspace: teams, emailDomain },
    createdAt,
  );
  seedRouting(t, rng, createdAt);
  seedRouters(t, rng, createdAt);
  seedMeetings(t, rng, meetings, now);
  seedAssignmentTables(t, new Prng(seed ^ 0xab1e), createdAt);
  return t;
}

/**
 * Builds the seeded store deterministically from (seed, scale, now): "Acme Corp" (the demo org, `scale`
 * meetings) and "Globex Corporation" (a second, smaller tenant).
 */
export function buildStore(seed: number, scale: number, now: number): Store {
  const acmeMeetings = Math.max(100, Math.floor(scale));
  const extraUsers = Math.min(76, Math.floor(acmeMeetings / 4000));
  const extraTeams = Math.min(4, Math.floor(acmeMeetings / 50_000));
  const acme = buildTenant(ACME, seed, 24 + extraUsers, 2 + extraTeams, acmeMeetings, now);
  const globex = buildTenant(GLOBEX, seed ^ 0x5eed, 8, 1, 300, now);
  return {
    tenants: new Map([
      [acme.id, acme],
      [globex.id, globex],
    ]),
  };
}
