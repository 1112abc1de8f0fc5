import type { Prng } from '../util/prng.js';
import type { Tenant } from '../store.js';
import type { Licenses, Metadata, User } from '../types.js';
import { FIRST_NAMES, LAST_NAMES, WORKING_PROFILES } from './names.js';

/** Metadata block as stored by the API (microsecond timestamps, caller refs). */
export function metadata(at: string, by: string, revision = 0): Metadata {
  return { createdAt: at, createdBy: by, updatedAt: at, updatedBy: by, revision };
}

const EMOJIS = ['🚀', '🤝', '📣', '🏢', '🌶️', '📈'];

function licenses(rng: Prng, full: boolean): Licenses {
  return {
    distro: full || rng.chance(0.6),
    chiliCalOrg: true,
    concierge: full || rng.chance(0.7),
    conciergeLive: full || rng.chance(0.3),
    chat: full || rng.chance(0.3),
    handoff: full || rng.chance(0.5),
    tier: 'RoutingAndScheduling',
  };
}

export interface OrgShape {
  workspaces: string[];
  userCount: number;
  teamsPerWorkspace: number;
  emailDomain: string;
}

/** Generates workspaces, users (24-hex ids) and teams with memberships. */
export function seedOrg(t: Tenant, rng: Prng, shape: OrgShape, createdAt: string): void {
  const wsIds: string[] = [];
  for (const [i, name] of shape.workspaces.entries()) {
    const id = rng.uuid();
    wsIds.push(id);
    t.workspaces.set(id, {
      id,
      name,
      emoji: EMOJIS[i % EMOJIS.length] ?? '🚀',
      logo: `https://assets.sandbox.invalid/${t.subdomain}/workspaces/${i}.png`,
      metadata: metadata(createdAt, 'user/000000000000000000000000'),
    });
  }
  const users: User[] = [];
  const usedSlugs = new Set<string>();
  for (let i = 0; i < shape.userCount; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Alex';
    const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length] ?? 'Doe';
    let slug = `${first}-${last}`.toLowerCase();
    if (usedSlugs.has(slug)) slug = `${slug}-${i}`;
    usedSlugs.add(slug);
    const ws = i === 0 ? wsIds : [wsIds[i % wsIds.length] as string];
    const profile = WORKING_PROFILES[i % WORKING_PROFILES.length] ?? WORKING_PROFILES[0];
    const user: User = {
      id: rng.hex24(),
      name: `${first} ${last}`,
      email: `${slug.replace(/-/g, '.')}@${shape.emailDomain}`,
      isSuperAdmin: i === 0,
      licenses: licenses(rng, i < shape.workspaces.length * 3),
      managedWorkspaces: i === 0 ? [...wsIds] : [],
      managedTeams: [],
      workspaces: [...ws],
      slug,
      salesforceId: `005${rng.alnum(15)}`,
      workingHours: {
        timezone: profile.timezone,
        days: [...profile.days],
        startHour: profile.startHour,
        endHour: profile.endHour,
      },
    };
    users.push(user);
    t.users.set(user.id, user);
  }
  const admin = users[0];
  if (admin) {
    admin.personalWorkspaceId = rng.uuid();
    for (const w of t.workspaces.values()) w.metadata = metadata(createdAt, `user/${admin.id}`);
  }
  const teamNames = ['Inbound', 'Outbound', 'Enterprise', 'Mid-Market', 'EMEA', 'APAC'];
  for (const wsId of wsIds) {
    const wsUsers = users.filter((u) => u.workspaces.includes(wsId));
    for (let k = 0; k < shape.teamsPerWorkspace; k++) {
      const wsName = t.workspaces.get(wsId)?.name ?? 'Team';
      const members = wsUsers.filter((_, j) => j % shape.teamsPerWorkspace === k || j === 0).map((u) => u.id);
      const id = rng.uuid();
      const addedAt: Record<string, string> = {};
      for (const m of members) addedAt[m] = createdAt;
      t.teams.set(id, {
        id,
        workspaceId: wsId,
        name: `${wsName} ${teamNames[k % teamNames.length] ?? 'Team'}${k >= teamNames.length ? ` ${k}` : ''}`,
        members,
        addedAt,
        metadata: metadata(createdAt, `user/${admin?.id ?? '000000000000000000000000'}`, 1),
      });
      const lead = wsUsers[1] ?? wsUsers[0];
      if (lead && !lead.managedTeams.includes(id)) lead.managedTeams.push(id);
    }
  }
}
