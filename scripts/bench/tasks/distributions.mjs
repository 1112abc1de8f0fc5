// Tasks about distributions: reading their members' states, adjusting weights. See index.mjs for the task format.
import { all, listAll, same, ALL, js } from './harness.mjs';
import { findUser } from './lookups.mjs';
import * as shape from './shapes.mjs';
import { named, namesOf, sorted, values } from './truth.mjs';

export const adjustWeights = {
  id: 'adjust-weights',
  title: 'Give Bruno Haddad 50 more weight in the Customer Success Outbound distribution',
  setup: (t) => {
    const user = named(t.users, 'Bruno Haddad');
    const dist = values(t.distributions).find((d) => d.name.startsWith('Customer Success Outbound'));
    const before = dist.weights.find((w) => w.userId === user.id)?.weight ?? 100;
    const input = { user: user.name, distribution: 'Customer Success Outbound', delta: 50 };
    return { input, expected: { before, after: before + 50 } };
  },
  run: async (call, { user, distribution, delta }) => {
    const found = await findUser(call, user);
    const list = await listAll(call, 'distribution-list-put', { name: distribution }, shape.list);
    const dist = shape.distribution(list[0]);
    const before = dist.weights.find((w) => w.userId === found.id)?.weight ?? 100;
    const body = { weights: [{ userId: found.id, weight: delta }] };
    const updated = shape.distribution(
      await call('distribution-adjust-v3', { distributionId: dist.id, body }),
    );
    return { before, after: updated.weights.find((w) => w.userId === found.id)?.weight };
  },
  verify: (answer, expected, t) => {
    const user = named(t.users, 'Bruno Haddad');
    const dist = values(t.distributions).find((d) => d.name.startsWith('Customer Success Outbound'));
    return all(
      same(answer, expected),
      same(dist.weights.find((w) => w.userId === user.id)?.weight, expected.after),
    );
  },
  code: {
    search: ['adjust distribution weights'],
    script: ({ user, distribution, delta }) => `${ALL}
const found = (await all(cp.userFind, { query: ${js(user)} })).find((u) => u.name === ${js(user)});
const [dist] = await all(cp.distributionListPut, { name: ${js(distribution)} });
const before = dist.published.weights.find((w) => w.userId === found.id)?.weight ?? 100;
const updated = await cp.distributionAdjustV3({
  distributionId: dist.id,
  body: { weights: [{ userId: found.id, weight: ${js(delta)} }] },
});
return { before, after: updated.published.weights.find((w) => w.userId === found.id)?.weight };`,
  },
};

export const distributionStates = {
  id: 'distribution-states',
  title: 'Who in the Sales Inbound round robin is capped or disabled right now?',
  setup: (t) => {
    const dist = values(t.distributions).find((d) => d.name === 'Sales Inbound Meeting Round Robin');
    const disabled = Object.keys(dist.disabled);
    const caps = dist.capping?.userCaps ?? [];
    const capped = caps.filter(
      (c) => !disabled.includes(c.userId) && (dist.stats[c.userId]?.assigned ?? 0) >= c.limit,
    );
    const expected = {
      capped: namesOf(
        t,
        capped.map((c) => c.userId),
      ),
      disabled: namesOf(t, disabled),
    };
    return { input: { distribution: dist.name }, expected };
  },
  run: async (call, { distribution }) => {
    const list = await listAll(call, 'distribution-list-put', { name: distribution }, shape.list);
    const dist = list.map(shape.distribution).find((d) => d.name === distribution);
    const ids = (type) => dist.states.filter((s) => s.type === type).map((s) => s.userId);
    const args = { userIds: [...ids('Capped'), ...ids('Disabled')] };
    const users = (await listAll(call, 'user-find-by-ids', args, shape.list)).map(shape.user);
    const names = (type) => sorted(ids(type).map((id) => users.find((u) => u.id === id)?.name));
    return { capped: names('Capped'), disabled: names('Disabled') };
  },
  code: {
    search: ['distribution user states capped disabled'],
    script: ({ distribution }) => `${ALL}
const dist = (await all(cp.distributionListPut, { name: ${js(distribution)} })).find(
  (d) => d.published?.name === ${js(distribution)},
);
const ids = (type) => dist.state.userStates.filter((s) => s.type === type).map((s) => s.userId);
const users = await all(cp.userFindByIds, {
  userIds: [...ids('Capped'), ...ids('Disabled')],
  pagination: { pageSize: 50 },
});
const names = (type) => ids(type).map((id) => users.find((u) => u.id === id)?.name).sort();
return { capped: names('Capped'), disabled: names('Disabled') };`,
  },
};
