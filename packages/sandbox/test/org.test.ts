import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
beforeEach(() => sb.reset());
afterAll(() => sb.close());

const firstWorkspace = async () => (await call(sb, 'GET', '/v1/org/workspace')).json.results[0];
const allUsers = async () => (await call(sb, 'GET', '/v1/org/workspace/users?pageSize=50')).json.results;

describe('tenant and users', () => {
  it('tenant-get returns the Organization shape', async () => {
    const r = await call(sb, 'GET', '/v1/org/tenant/get');
    expect(r.json).toEqual({
      type: 'Organization',
      tenantData: { tenantId: sb.tenant('acme').id, cluster: 'sandbox-1', subdomain: 'acme' },
      domains: ['acme.example'],
    });
  });

  it('users have 24-hex ids and the User fields', async () => {
    const users = await allUsers();
    expect(users.length).toBeGreaterThanOrEqual(20);
    for (const u of users) expect(u.id).toMatch(/^[0-9a-f]{24}$/);
    expect(Object.keys(users[0])).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'email',
        'isSuperAdmin',
        'licenses',
        'managedWorkspaces',
        'managedTeams',
        'workspaces',
      ]),
    );
    expect(users.filter((u: { isSuperAdmin: boolean }) => u.isSuperAdmin)).toHaveLength(1);
  });

  it('user-find matches partial email or name', async () => {
    const r = await call(sb, 'GET', '/v1/org/user/find?query=ALICE');
    expect(r.json.total).toBe(1);
    expect(r.json.results[0].name).toBe('Alice Anders');
    const missing = await call(sb, 'GET', '/v1/org/user/find');
    expect(missing.status).toBe(400);
    expect(missing.text).toBe('Invalid value for: query parameter query');
  });

  it('user-find-by-filter filters by workspace, super admin and licenses', async () => {
    const ws = await firstWorkspace();
    const r = await call(sb, 'POST', '/v1/org/user/find-by-filter?pageSize=50', { workspaceIds: [ws.id] });
    expect(r.json.total).toBeGreaterThan(0);
    for (const u of r.json.results) expect(u.workspaces).toContain(ws.id);
    const admins = await call(sb, 'POST', '/v1/org/user/find-by-filter', { isSuperAdmin: true });
    expect(admins.json.total).toBe(1);
    const chat = await call(sb, 'POST', '/v1/org/user/find-by-filter?pageSize=50', { licenses: ['Chat'] });
    for (const u of chat.json.results) expect(u.licenses.chat).toBe(true);
  });

  it('user-find-by-ids takes a bare array and skips unknown ids', async () => {
    const [a, b] = await allUsers();
    const r = await call(sb, 'POST', '/v1/org/user/find-by-id', [a.id, 'ffffffffffffffffffffffff', b.id]);
    expect(r.json.results.map((u: { id: string }) => u.id)).toEqual([a.id, b.id]);
    expect(r.json.total).toBe(2);
    const notArray = await call(sb, 'POST', '/v1/org/user/find-by-id', { userIds: [a.id] });
    expect(notArray.status).toBe(400);
  });

  it('user-invite creates a user; a duplicate email is a 409', async () => {
    const ws = await firstWorkspace();
    const r = await call(sb, 'POST', '/v1/org/user/invite', {
      email: 'New.Hire@acme.example',
      name: 'New Hire',
      licenses: ['ChiliCal', 'Concierge'],
      workspaces: [ws.id],
    });
    expect(r.status).toBe(200);
    expect(r.json.id).toMatch(/^[0-9a-f]{24}$/);
    expect(r.json.licenses).toMatchObject({ chiliCalOrg: true, concierge: true, distro: false });
    expect((await call(sb, 'GET', `/v1/org/user/read/${r.json.id}`)).json.workspaces).toEqual([ws.id]);
    const dup = await call(sb, 'POST', '/v1/org/user/invite', { email: 'new.hire@acme.example' });
    expect(dup.status).toBe(409);
    expect(dup.json.errorCode).toBe('UserAlreadyExists');
  });

  it('user-update-licenses sets the full license set', async () => {
    const [, u] = await allUsers();
    const licenses = {
      distro: false,
      chiliCalOrg: true,
      concierge: false,
      conciergeLive: false,
      chat: true,
      handoff: false,
    };
    const r = await call(sb, 'POST', '/v1/org/user/licenses', { update: { [u.id]: licenses } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({});
    expect((await call(sb, 'GET', `/v1/org/user/read/${u.id}`)).json.licenses).toEqual(licenses);
    const unknown = await call(sb, 'POST', '/v1/org/user/licenses', {
      update: { ffffffffffffffffffffffff: licenses },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('workspaces', () => {
  it('workspace items have id, name, emoji, logo, metadata', async () => {
    const ws = await firstWorkspace();
    expect(ws).toMatchObject({
      name: 'Sales',
      emoji: expect.any(String),
      logo: expect.any(String),
      metadata: { revision: 0 },
    });
  });

  it('add is idempotent (members skipped); remove and remove-from-all detach', async () => {
    const wsList = (await call(sb, 'GET', '/v1/org/workspace')).json.results;
    const target = wsList[2];
    const users = await allUsers();
    const outsider = users.find((u: { workspaces: string[] }) => !u.workspaces.includes(target.id));
    const count = async () =>
      (await call(sb, 'GET', `/v1/org/workspace/users?workspaceId=${target.id}`)).json.total;
    const before = await count();
    expect(
      (
        await call(sb, 'POST', '/v1/org/workspace/users/add', {
          workspaceId: target.id,
          userIds: [outsider.id],
        })
      ).status,
    ).toBe(200);
    await call(sb, 'POST', '/v1/org/workspace/users/add', { workspaceId: target.id, userIds: [outsider.id] });
    expect(await count()).toBe(before + 1);
    expect(
      (await call(sb, 'GET', `/v1/org/user/read/${outsider.id}`)).json.workspaces.filter(
        (w: string) => w === target.id,
      ),
    ).toHaveLength(1);
    await call(sb, 'POST', '/v1/org/workspace/users/remove', {
      workspaceId: target.id,
      userIds: [outsider.id],
    });
    expect(await count()).toBe(before);
    await call(sb, 'POST', '/v1/org/workspace/users/remove-from-all', { userIds: [outsider.id] });
    expect((await call(sb, 'GET', `/v1/org/user/read/${outsider.id}`)).json.workspaces).toEqual([]);
  });

  it('unknown workspace or user is a 404; empty userIds is a 400', async () => {
    const ws = await firstWorkspace();
    const [u] = await allUsers();
    expect(
      (await call(sb, 'POST', '/v1/org/workspace/users/add', { workspaceId: 'nope', userIds: [u.id] }))
        .status,
    ).toBe(404);
    expect(
      (await call(sb, 'POST', '/v1/org/workspace/users/add', { workspaceId: ws.id, userIds: ['nope'] }))
        .status,
    ).toBe(404);
    expect(
      (await call(sb, 'POST', '/v1/org/workspace/users/add', { workspaceId: ws.id, userIds: [] })).status,
    ).toBe(400);
  });
});

describe('teams', () => {
  it('team-list-put filters by workspace, name and member', async () => {
    const all = (await call(sb, 'PUT', '/v2/org/team', {})).json;
    expect(all.total).toBe(sb.tenant('acme').teams.size);
    const team = all.results[1];
    const byWs = (await call(sb, 'PUT', '/v2/org/team', { workspaceIds: [team.workspaceId] })).json.results;
    expect(byWs.every((t: { workspaceId: string }) => t.workspaceId === team.workspaceId)).toBe(true);
    const byName = (await call(sb, 'PUT', '/v2/org/team', { name: team.name.toUpperCase() })).json.results;
    expect(byName.map((t: { id: string }) => t.id)).toContain(team.id);
    const byMember = (await call(sb, 'PUT', '/v2/org/team', { member: team.members })).json.results;
    expect(byMember.map((t: { id: string }) => t.id)).toContain(team.id);
  });

  it('add is idempotent and returns the updated team; remove and remove-from-all detach', async () => {
    const team = (await call(sb, 'PUT', '/v2/org/team', {})).json.results[0];
    const users = await allUsers();
    const outsider = users.find((u: { id: string }) => !team.members.includes(u.id));
    const added = await call(sb, 'POST', '/v1/org/team/users/add', {
      teamId: team.id,
      userIds: [outsider.id],
    });
    expect(added.json.members).toEqual([...team.members, outsider.id]);
    expect(added.json.metadata.revision).toBe(team.metadata.revision + 1);
    const again = await call(sb, 'POST', '/v1/org/team/users/add', {
      teamId: team.id,
      userIds: [outsider.id],
    });
    expect(again.json.members).toEqual(added.json.members);
    expect(again.json.metadata.revision).toBe(added.json.metadata.revision);
    const removed = await call(sb, 'POST', '/v1/org/team/users/remove', {
      teamId: team.id,
      userIds: [outsider.id],
    });
    expect(removed.json.members).toEqual(team.members);
    const member = team.members[1];
    await call(sb, 'POST', '/v1/org/team/users/remove-from-all', { userIds: [member] });
    const withMember = (await call(sb, 'PUT', '/v2/org/team', { member: [member] })).json;
    expect(withMember.total).toBe(0);
  });

  it('remove-from-all honours workspaceIds', async () => {
    const admin = (await call(sb, 'GET', '/v1/org/user/find?query=alice')).json.results[0];
    const teams = (await call(sb, 'PUT', '/v2/org/team', { member: [admin.id] })).json.results;
    const ws = teams[0].workspaceId;
    await call(sb, 'POST', '/v1/org/team/users/remove-from-all', { userIds: [admin.id], workspaceIds: [ws] });
    const after = (await call(sb, 'PUT', '/v2/org/team', { member: [admin.id] })).json.results;
    expect(after.length).toBe(teams.filter((t: { workspaceId: string }) => t.workspaceId !== ws).length);
    expect(after.length).toBeGreaterThan(0);
  });
});
