// Tasks about users, teams and their links. See index.mjs for the task format.
import { all, listAll, same, ALL, js } from './harness.mjs';
import { findTeam, findUser } from './lookups.mjs';
import * as shape from './shapes.mjs';
import { named, namesOf, sorted, values } from './truth.mjs';

export const teamDistributions = {
  id: 'team-distributions',
  title: "List the Sales Inbound team's distributions",
  setup: (t) => {
    const team = named(t.teams, 'Sales Inbound');
    const names = values(t.distributions).filter((d) => d.teamId === team.id);
    return { input: { team: team.name }, expected: sorted(names.map((d) => d.name)) };
  },
  run: async (call, { team }) => {
    const found = await findTeam(call, team);
    const list = await listAll(call, 'distribution-list-put', { teamId: found.id }, shape.list);
    return sorted(list.map((d) => shape.distribution(d).name));
  },
  code: {
    search: ['team distributions'],
    script: ({ team }) => `${ALL}
const team = (await all(cp.teamListPut, { name: ${js(team)} })).find((t) => t.name === ${js(team)});
const distributions = await all(cp.distributionListPut, { workspaceIds: [team.workspaceId] });
return distributions
  .filter((d) => d.published?.teamRef?.id === team.id)
  .map((d) => d.published.name)
  .sort();`,
  },
};

export const teamMembers = {
  id: 'team-members',
  title: 'Who is on the Marketing Inbound team?',
  setup: (t) => {
    const team = named(t.teams, 'Marketing Inbound');
    return { input: { team: team.name }, expected: namesOf(t, team.members) };
  },
  run: async (call, { team }) => {
    const found = await findTeam(call, team);
    const args = { userIds: found.members };
    const users = await listAll(call, 'user-find-by-ids', args, shape.list);
    return sorted(users.map((u) => shape.user(u).name));
  },
  code: {
    search: ['team members'],
    script: ({ team }) => `${ALL}
const found = (await all(cp.teamListPut, { name: ${js(team)} })).find((t) => t.name === ${js(team)});
const users = await all(cp.userFindByIds, { userIds: found.members, pagination: { pageSize: 50 } });
return users.map((u) => u.name).sort();`,
  },
};

export const inviteToTeam = {
  id: 'invite-to-team',
  title: 'Invite nora.quist@acme.example (ChiliCal) and add her to Sales Outbound',
  setup: (t) => ({
    input: {
      email: 'nora.quist@acme.example',
      name: 'Nora Quist',
      team: named(t.teams, 'Sales Outbound').name,
    },
    expected: { email: 'nora.quist@acme.example', team: 'Sales Outbound' },
  }),
  run: async (call, { email, name, team }) => {
    const existing = await listAll(call, 'user-find', { query: email }, shape.list);
    if (existing.map(shape.user).some((u) => u.email === email)) throw new Error(`${email} already exists`);
    const found = await findTeam(call, team);
    const invited = shape.user(
      await call('user-invite', { email, name, licenses: ['ChiliCal'], workspaces: [found.workspaceId] }),
    );
    const updated = shape.team(await call('team-add-users', { teamId: found.id, userIds: [invited.id] }));
    return {
      userId: invited.id,
      email: invited.email,
      team: updated.name,
      member: updated.members.includes(invited.id),
    };
  },
  verify: (answer, expected, t) => {
    const user = values(t.users).find((u) => u.email === expected.email);
    const team = named(t.teams, expected.team);
    return all(
      same({ email: answer.email, team: answer.team, member: answer.member }, { ...expected, member: true }),
      user ? same(answer.userId, user.id) : 'no such user in the sandbox',
      team.members.includes(user?.id) || 'the sandbox team does not list the user',
      user?.workspaces.includes(team.workspaceId) || "the user is not in the team's workspace",
    );
  },
  code: {
    search: ['invite user', 'add users to team'],
    script: ({ email, name, team }) => `${ALL}
const existing = await all(cp.userFind, { query: ${js(email)} });
if (existing.some((u) => u.email === ${js(email)})) throw new Error(${js(email)} + ' already exists');
const found = (await all(cp.teamListPut, { name: ${js(team)} })).find((t) => t.name === ${js(team)});
const invited = await cp.userInvite({
  email: ${js(email)},
  name: ${js(name)},
  licenses: ['ChiliCal'],
  workspaces: [found.workspaceId],
});
const updated = await cp.teamAddUsers({ teamId: found.id, userIds: [invited.id] });
return { userId: invited.id, email: invited.email, team: updated.name, member: updated.members.includes(invited.id) };`,
  },
};

export const userLicenses = {
  id: 'user-licenses',
  title: 'Which licenses does Ines Garcia have?',
  setup: (t) => {
    const user = named(t.users, 'Ines Garcia');
    const held = Object.entries(user.licenses).filter(([k, v]) => k !== 'tier' && v === true);
    return { input: { name: user.name }, expected: sorted(held.map(([k]) => k)) };
  },
  run: async (call, { name }) => {
    // user-find items hold id, name and email; licenses are in the user record (user-read).
    const found = await findUser(call, name);
    const user = shape.user(await call('user-read', { userId: found.id }));
    return sorted(
      Object.entries(user.licenses)
        .filter(([k, v]) => k !== 'tier' && v === true)
        .map(([k]) => k),
    );
  },
  code: {
    search: ['user licenses'],
    script: ({ name }) => `${ALL}
const found = (await all(cp.userFind, { query: ${js(name)} })).find((u) => u.name === ${js(name)});
const user = await cp.userRead({ userId: found.id });
return Object.entries(user.licenses)
  .filter(([k, v]) => k !== 'tier' && v === true)
  .map(([k]) => k)
  .sort();`,
  },
};

export const linkForUser = {
  id: 'link-for-user',
  title: "Bruno Haddad's booking link for an Intro Call",
  setup: (t) => {
    const user = named(t.users, 'Bruno Haddad');
    const type = (l) => t.meetingTypes.get(l.meetingTypeIds[0])?.name;
    const link = values(t.links).find(
      (l) => l.kind === 'personal' && l.userIds.includes(user.id) && type(l) === 'Intro Call',
    );
    return { input: { name: user.name, meetingType: 'Intro Call' }, expected: link.slug };
  },
  run: async (call, { name, meetingType }) => {
    const user = await findUser(call, name);
    const list = shape.personalLinks(await call('scheduling-link-list-personal', { userId: user.id }));
    return list.find((l) => l.meetingTypeName === meetingType)?.bookingUrl;
  },
  verify: (answer, slug) =>
    (typeof answer === 'string' && answer.endsWith(`/${slug}`)) || `got ${answer}, expected …/${slug}`,
  code: {
    search: ['personal scheduling links of a user'],
    script: ({ name, meetingType }) => `${ALL}
const user = (await all(cp.userFind, { query: ${js(name)} })).find((u) => u.name === ${js(name)});
const { links } = await cp.schedulingLinkListPersonal({ userId: user.id });
return links.find((l) => l.meetingTypeName === ${js(meetingType)})?.bookingUrl;`,
  },
};
