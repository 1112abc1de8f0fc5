// Tasks about routing: Concierge logs and rules. See index.mjs for the task format.
import { all, DAY, iso, listAll, same, ALL, js } from './harness.mjs';
import { findRule, findWorkspace } from './lookups.mjs';
import * as shape from './shapes.mjs';
import { liveRules, named, sorted, values } from './truth.mjs';

export const routingReason = {
  id: 'routing-reason',
  title: 'Why was a given lead routed where it was? (Concierge logs)',
  setup: (t, clock) => {
    const router = values(t.conciergeRouters).find((r) => r.slug === 'enterprise');
    const target = clock.now - 12 * DAY;
    const log = t.conciergeLogs
      .filter((l) => l.routerId === router.id && l.userId && l.triggeredAt <= target)
      .at(-1);
    const expected = { router: router.id, route: log.ruleId ? 'RuleRoute' : 'CatchAllRoute' };
    return {
      input: { guestEmail: log.guestEmail },
      expected: { ...expected, assignee: t.users.get(log.userId).name },
    };
  },
  // Without a routerId, concierge-logs searches every router itself (the server lists them first); the
  // guestEmail filter is applied by the server over the longest range one call takes (92 days).
  run: async (call, { guestEmail }, clock) => {
    const window = { start: iso(clock.now - 92 * DAY), end: iso(clock.now), guestEmail };
    const logs = (await listAll(call, 'concierge-logs', window, shape.list)).map(shape.logEntry);
    // The latest decision for the lead (logs come oldest first within each router).
    const hit = logs
      .filter((e) => e.guestEmail.toLowerCase() === guestEmail.toLowerCase())
      .sort((a, b) => (a.at < b.at ? -1 : 1))
      .at(-1);
    if (!hit) return { router: 'not found' };
    const assignee = shape.user(await call('user-read', { userId: hit.assigneeId }));
    return { router: hit.routerId, route: hit.route, assignee: assignee.name };
  },
  code: {
    search: ['concierge logs of a lead'],
    script: ({ guestEmail }, clock) => `${ALL}
// Without a routerId, conciergeLogs searches every router; the latest decision for the lead wins.
const logs = await all(cp.conciergeLogs, {
  start: ${js(iso(clock.now - 92 * DAY))},
  end: ${js(iso(clock.now))},
  guestEmail: ${js(guestEmail)},
});
const hit = logs
  .filter((e) => e.guestEmail.toLowerCase() === ${js(guestEmail.toLowerCase())})
  .sort((a, b) => (a.triggeredAt < b.triggeredAt ? -1 : 1))
  .at(-1);
if (hit) {
  const assignee = await cp.userRead({ userId: hit.assignments[0].userId });
  return { router: hit.routerId, route: hit.matchedPath?.route?.type, assignee: assignee.name };
}
return { router: 'not found' };`,
  },
};

export const ruleCondition = {
  id: 'rule-condition',
  title: 'Change the "Enterprise accounts" rule to employees >= 500',
  setup: (t) => {
    const rule = named(t.rules, 'Enterprise accounts');
    return {
      input: { rule: rule.name, field: 'CompanyEmployees', value: 500 },
      expected: rule.metadata.revision + 1,
    };
  },
  run: async (call, { rule, field, value }) => {
    // rule-list items hold no conditions: read the rule (and its current revision) with rule-get.
    const listed = await findRule(call, rule);
    const found = shape.rule(await call('rule-get', { ruleId: listed.id }));
    const conditions = structuredClone(found.conditions);
    const edit = (c) => {
      if (c.dataReference?.field === field) c.value = value;
      for (const child of c.conditions ?? []) edit(child);
    };
    edit(conditions);
    const args = { ruleId: found.id, revision: found.revision, dto: { name: found.name, conditions } };
    const updated = shape.rule(await call('rule-modify', args));
    return { revision: updated.revision };
  },
  verify: (answer, revision, t) => {
    const rule = named(t.rules, 'Enterprise accounts');
    const cond = rule.conditions.conditions.find((c) => c.dataReference?.field === 'CompanyEmployees');
    return all(
      same(answer, { revision }),
      same({ operator: cond?.operator, value: cond?.value }, { operator: '>=', value: 500 }),
    );
  },
  code: {
    search: ['change a routing rule condition'],
    script: ({ rule, field, value }) => `${ALL}
const listed = (await all(cp.ruleList, { filter: { name: ${js(rule)} } })).find((r) => r.name === ${js(rule)});
const found = await cp.ruleGet({ ruleId: listed.id });
const edit = (c) => {
  if (c.dataReference?.field === ${js(field)}) c.value = ${js(value)};
  for (const child of c.conditions ?? []) edit(child);
};
edit(found.conditions);
const updated = await cp.ruleModify({
  ruleId: found.id,
  revision: found.metadata.revision,
  dto: { name: found.name, conditions: found.conditions },
});
return { revision: updated.metadata.revision };`,
  },
};

export const workspaceRules = {
  id: 'workspace-rules',
  title: 'Which routing rules does the Customer Success workspace have?',
  setup: (t) => {
    const ws = named(t.workspaces, 'Customer Success');
    return {
      input: { workspace: ws.name },
      expected: sorted(
        liveRules(t)
          .filter((r) => r.workspaceId === ws.id)
          .map((r) => r.name),
      ),
    };
  },
  run: async (call, { workspace }) => {
    const ws = await findWorkspace(call, workspace);
    const rules = await listAll(call, 'rule-list', { filter: { workspaceId: ws.id } }, shape.list);
    return sorted(rules.map((r) => shape.rule(r).name));
  },
  code: {
    search: ['routing rules of a workspace'],
    script: ({ workspace }) => `${ALL}
const ws = (await all(cp.workspaceList)).find((w) => w.name === ${js(workspace)});
const rules = await all(cp.ruleList, { filter: { workspaceId: ws.id } });
return rules.map((r) => r.name).sort();`,
  },
};

export const deleteRuleChecked = {
  id: 'delete-rule-checked',
  title: 'Delete the "EMEA leads" rule, after checking which routers use it',
  setup: (t) => {
    const rule = named(t.rules, 'EMEA leads');
    const users = values(t.conciergeRouters).filter((r) => r.ruleId === rule.id);
    return {
      input: { rule: rule.name },
      expected: { usedBy: sorted(users.map((r) => r.slug)), deleted: true },
    };
  },
  run: async (call, { rule }) => {
    const found = await findRule(call, rule);
    // The compact router item lists the rule ids its routing uses (router.routing.rules[].ruleIds).
    const routers = (await listAll(call, 'concierge-list-routers', {}, shape.list)).map(shape.router);
    const usedBy = routers.filter((r) => r.ruleIds?.includes(found.id)).map((r) => r.slug);
    await call('rule-delete', { ruleId: found.id, revision: found.revision });
    return { usedBy: sorted(usedBy), deleted: true };
  },
  verify: (answer, expected, t) =>
    all(same(answer, expected), Boolean(named(t.rules, 'EMEA leads').deletedAt) || 'the rule is not deleted'),
  code: {
    search: ['delete a routing rule', 'concierge routers'],
    script: ({ rule }) => `${ALL}
const found = (await all(cp.ruleList, { filter: { name: ${js(rule)} } })).find((r) => r.name === ${js(rule)});
const routers = await all(cp.conciergeListRouters, { fields: ['router.slug', 'router.routing.rules'] });
const usedBy = routers
  .filter(({ router }) =>
    (router.routing?.rules ?? []).some((r) => (r.ruleIds ?? [r.id]).includes(found.id)),
  )
  .map(({ router }) => router.slug);
await cp.ruleDelete({ ruleId: found.id, revision: found.metadata.revision });
return { usedBy: usedBy.sort(), deleted: true };`,
  },
};
