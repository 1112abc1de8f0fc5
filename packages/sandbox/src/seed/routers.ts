import type { Prng } from '../util/prng.js';
import type { Tenant } from '../store.js';

/** Concierge routers (with slugs and workspaceId) and Distro routers (one with a Scheduled trigger). */
export function seedRouters(t: Tenant, rng: Prng, createdAt: string): void {
  const admin = [...t.users.values()][0];
  const meetingDists = [...t.distributions.values()].filter((d) => d.assignmentTypeConfig.type === 'Meeting');
  const specs: [string, string, boolean][] = [
    ['Inbound Demo Requests', 'inbound-demo', true],
    ['Enterprise Router', 'enterprise', true],
    ['Partner Referrals', 'partners', false],
  ];
  for (const [i, [name, slug, acceptsRouting]] of specs.entries()) {
    const dist = meetingDists[i % Math.max(1, meetingDists.length)];
    if (!dist) break;
    const meetingType = [...t.meetingTypes.values()].find((m) => m.workspaceId === dist.workspaceId);
    const rule = [...t.rules.values()].find(
      (r) => r.workspaceId === dist.workspaceId && r.type === 'NonOwnershipRule',
    );
    const ruleUser = t.teams.get(dist.teamId)?.members.at(-1);
    const id = rng.uuid();
    t.conciergeRouters.set(id, {
      id,
      name,
      slug: t.subdomain === 'acme' ? slug : `${t.subdomain}-${slug}`,
      workspaceId: dist.workspaceId,
      acceptsRouting,
      distributionId: dist.id,
      meetingTypeId: meetingType?.id ?? rng.uuid(),
      ...(rule ? { ruleId: rule.id } : {}),
      ...(rule && ruleUser ? { ruleUserId: ruleUser } : {}),
      createdBy: admin?.id ?? '000000000000000000000000',
      createdAt,
    });
  }
  for (const w of t.workspaces.values()) {
    const paths = meetingDists
      .filter((d) => d.workspaceId === w.id)
      .map((d) => ({
        pathId: rng.uuid(),
        type: 'Later' as const,
        distributionId: d.id,
        meetingTypeId: [...t.meetingTypes.values()].find((m) => m.workspaceId === w.id)?.id ?? '',
      }));
    if (paths.length === 0) continue;
    const id = rng.uuid();
    t.handoffRouters.set(id, { id, name: `${w.name} Handoff`, workspaceId: w.id, paths });
  }
  const ws = [...t.workspaces.values()][0];
  const distroSpecs = [
    {
      name: 'New Lead Router',
      status: { type: 'Active' },
      trigger: { objectType: { type: 'Lead' }, eventTypes: [{ type: 'NewRecord' }] },
    },
    { name: 'Stale Account Reassignment', status: { type: 'Active' }, scheduled: true },
    {
      name: 'Case Escalations',
      status: { type: 'Inactive' },
      trigger: {
        objectType: { type: 'Case' },
        eventTypes: [{ type: 'UpdateField', expression: { type: 'FieldUpdate', fieldName: 'Priority' } }],
      },
    },
  ];
  for (const spec of distroSpecs) {
    const id = rng.uuid();
    const schedulerId = spec.scheduled ? rng.uuid() : undefined;
    const trigger = schedulerId
      ? { objectType: { type: 'Account' }, eventTypes: [{ type: 'Scheduled', schedulerId }] }
      : (spec.trigger as Record<string, unknown>);
    t.distroRouters.set(id, {
      id,
      name: spec.name,
      workspaceId: ws?.id ?? '',
      status: spec.status,
      trigger,
      ...(schedulerId ? { schedulerId } : {}),
      runs: [],
    });
  }
}
