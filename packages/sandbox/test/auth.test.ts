import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

describe('authentication', () => {
  it('accepts the demo key as a Bearer token', async () => {
    const r = await call(sb, 'GET', '/v1/org/health/ping');
    expect(r.status).toBe(200);
    expect(r.json).toBe('ok');
  });

  it('rejects a missing Authorization header with a 401 JSON envelope', async () => {
    const r = await call(sb, 'GET', '/v1/org/health/ping', undefined, { key: null });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.json.errorCode).toBe('Unauthorized');
  });

  it('rejects a valid key sent without the Bearer prefix', async () => {
    const r = await call(sb, 'GET', '/v1/org/health/ping', undefined, {
      key: null,
      headers: { Authorization: sb.apiKey },
    });
    expect(r.status).toBe(401);
  });

  it('rejects an unknown key', async () => {
    const r = await call(sb, 'GET', '/v1/org/tenant/get', undefined, { key: 'sandbox_acme_demo_key_wrong' });
    expect(r.status).toBe(401);
  });
});

describe('permissions', () => {
  it('returns 403 naming the missing permission', async () => {
    const key = sb.createKey({ permissions: ['api.ping', 'user.read'], label: 'limited' });
    expect((await call(sb, 'GET', '/v1/org/health/ping', undefined, { key })).status).toBe(200);
    const r = await call(
      sb,
      'PUT',
      '/v2/org/meetings/meetings',
      { start: '2026-03-09T00:00:00Z', end: '2026-03-10T00:00:00Z' },
      { key },
    );
    expect(r.status).toBe(403);
    expect(r.json).toEqual({
      errorCode: 'Forbidden',
      errorMessage: 'Operation meeting-list-put requires permission meeting.read',
      arguments: { permission: 'meeting.read' },
    });
  });

  it('the read-only demo key can read but not modify', async () => {
    const key = sb.keys.acmeReadOnly;
    const users = await call(sb, 'GET', '/v1/org/workspace/users', undefined, { key });
    expect(users.status).toBe(200);
    const ws = await call(sb, 'GET', '/v1/org/workspace', undefined, { key });
    const r = await call(
      sb,
      'POST',
      '/v1/org/workspace/users/add',
      { workspaceId: ws.json.results[0].id, userIds: [users.json.results[0].id] },
      { key },
    );
    expect(r.status).toBe(403);
    expect(r.json.arguments.permission).toBe('workspace.modify');
  });

  it('createKey rejects unknown permission names', () => {
    expect(() => sb.createKey({ permissions: ['meeting.fly'] })).toThrow(/meeting\.fly/);
  });
});

describe('tenants', () => {
  it('each key sees only its own org; ids of another tenant are 404', async () => {
    const acme = await call(sb, 'GET', '/v1/org/tenant/get');
    const globex = await call(sb, 'GET', '/v1/org/tenant/get', undefined, { key: sb.keys.globex });
    expect(acme.json.tenantData.subdomain).toBe('acme');
    expect(globex.json.tenantData.subdomain).toBe('globex');
    expect(globex.json.tenantData.tenantId).not.toBe(acme.json.tenantData.tenantId);
    const acmeUser = (await call(sb, 'GET', '/v1/org/workspace/users')).json.results[0];
    const cross = await call(sb, 'GET', `/v1/org/user/read/${acmeUser.id}`, undefined, {
      key: sb.keys.globex,
    });
    expect(cross.status).toBe(404);
    expect(cross.json.errorCode).toBe('NotFound');
    const own = await call(sb, 'GET', `/v1/org/user/read/${acmeUser.id}`);
    expect(own.json.email).toBe(acmeUser.email);
  });

  it('a created key for globex is scoped to globex', async () => {
    const key = sb.createKey({ tenant: 'globex', permissions: ['workspace.read'] });
    const r = await call(sb, 'GET', '/v1/org/workspace', undefined, { key });
    expect(r.json.results.map((w: { name: string }) => w.name)).toEqual(['Revenue', 'Support']);
  });
});
