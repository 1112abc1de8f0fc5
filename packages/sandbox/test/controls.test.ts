import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { call, NOW, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
beforeEach(() => sb.reset());
afterAll(() => sb.close());

describe('request log', () => {
  it('records method, path, query, key id (never the secret), tenant, body and status', async () => {
    await call(sb, 'GET', '/v1/org/workspace?page=0&pageSize=5');
    await call(sb, 'PUT', '/v2/org/team', { name: 'sales' }, { key: sb.keys.globex });
    await call(sb, 'GET', '/v1/org/tenant/get', undefined, { key: null });
    expect(sb.requests).toHaveLength(3);
    const [a, b, c] = sb.requests;
    expect(a).toMatchObject({
      method: 'GET',
      path: '/v1/org/workspace',
      query: { page: '0', pageSize: '5' },
      keyId: 'acme-demo',
      tenant: 'acme',
      status: 200,
      operation: 'workspace-list',
      body: null,
    });
    expect(a!.at).toBe(NOW.toISOString());
    expect(b).toMatchObject({
      method: 'PUT',
      keyId: 'globex-demo',
      tenant: 'globex',
      body: { name: 'sales' },
      status: 200,
    });
    expect(c).toMatchObject({ keyId: null, tenant: null, status: 401 });
    expect(JSON.stringify([...sb.requests])).not.toContain(sb.apiKey);
  });

  it('labels created keys in the log', async () => {
    const key = sb.createKey({ label: 'ci-bot', permissions: ['api.ping'] });
    await call(sb, 'GET', '/v1/org/health/ping', undefined, { key });
    expect(sb.requests.at(-1)).toMatchObject({ keyId: 'ci-bot', status: 200 });
  });
});

describe('faults', () => {
  it('status + retryAfter for `times` matching requests, then normal service', async () => {
    sb.faults.add({ path: '/v1/org/health/ping', status: 429, retryAfter: 3, times: 2 });
    const r1 = await call(sb, 'GET', '/v1/org/health/ping');
    const r2 = await call(sb, 'GET', '/v1/org/health/ping');
    const r3 = await call(sb, 'GET', '/v1/org/health/ping');
    expect([r1.status, r2.status, r3.status]).toEqual([429, 429, 200]);
    expect(r1.headers.get('retry-after')).toBe('3');
    expect(r1.json.errorCode).toBe('TooManyRequests');
    expect(sb.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(sb.requests[0]!.fault).toBeDefined();
  });

  it('matches path templates, RegExps and methods', async () => {
    const user = [...sb.tenant('acme').users.values()][0]!;
    sb.faults.add({
      path: '/v1/org/user/read/{userId}',
      status: 503,
      body: { errorCode: 'Unavailable', errorMessage: 'down' },
    });
    sb.faults.add({ method: 'PUT', path: /\/v2\/org\/team$/, status: 500 });
    const r = await call(sb, 'GET', `/v1/org/user/read/${user.id}`);
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ errorCode: 'Unavailable', errorMessage: 'down' });
    expect((await call(sb, 'GET', '/v1/org/workspace')).status).toBe(200);
    expect((await call(sb, 'PUT', '/v2/org/team', {})).status).toBe(500);
    expect(sb.faults.list()).toHaveLength(0);
  });

  it('reset destroys the socket', async () => {
    sb.faults.add({ path: '/v1/org/health/ping', reset: true });
    await expect(
      fetch(`${sb.url}/v1/org/health/ping`, { headers: { Authorization: `Bearer ${sb.apiKey}` } }),
    ).rejects.toThrow();
    expect((await call(sb, 'GET', '/v1/org/health/ping')).status).toBe(200);
  });

  it('malformed JSON and HTML error pages', async () => {
    sb.faults.add({ path: '/v1/org/tenant/get', malformed: true });
    const bad = await call(sb, 'GET', '/v1/org/tenant/get');
    expect(bad.status).toBe(200);
    expect(bad.headers.get('content-type')).toMatch(/application\/json/);
    expect(bad.json).toBeUndefined();
    sb.faults.add({ path: '/v1/org/tenant/get', html: true });
    const html = await call(sb, 'GET', '/v1/org/tenant/get');
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.text).toContain('<html>');
  });

  it('latencyMs delays, slowBodyMs sends headers first then the body', async () => {
    sb.faults.add({ path: '/v1/org/health/ping', latencyMs: 150 });
    const t0 = Date.now();
    expect((await call(sb, 'GET', '/v1/org/health/ping')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    sb.faults.add({ path: '/v1/org/health/ping', slowBodyMs: 200 });
    const url = new URL(`${sb.url}/v1/org/health/ping`);
    const timing = await new Promise<{ headersAt: number; endAt: number; body: string }>(
      (resolve, reject) => {
        const t = Date.now();
        const req = request(url, { headers: { Authorization: `Bearer ${sb.apiKey}` } }, (res) => {
          const headersAt = Date.now() - t;
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ headersAt, endAt: Date.now() - t, body }));
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(timing.headersAt).toBeLessThan(150);
    expect(timing.endAt).toBeGreaterThanOrEqual(190);
    expect(timing.body).toBe('"ok"');
  });

  it('a custom text body and content type', async () => {
    sb.faults.add({
      path: '/v1/org/workspace',
      status: 503,
      body: 'upstream busy',
      contentType: 'text/plain; charset=utf-8',
    });
    const r = await call(sb, 'GET', '/v1/org/workspace');
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.text).toBe('upstream busy');
  });

  it('clear() removes pending faults', async () => {
    sb.faults.add({ path: /.*/, status: 500, times: Infinity });
    expect((await call(sb, 'GET', '/v1/org/health/ping')).status).toBe(500);
    sb.faults.clear();
    expect((await call(sb, 'GET', '/v1/org/health/ping')).status).toBe(200);
  });
});

describe('reset and determinism', () => {
  it('reset() restores the seeded store and clears sessions, log and faults', async () => {
    const user = [...sb.tenant('acme').users.values()][1]!;
    const workspaces = [...user.workspaces];
    expect(workspaces.length).toBeGreaterThan(0);
    await call(sb, 'POST', '/v1/org/workspace/users/remove-from-all', { userIds: [user.id] });
    const init = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'sales-inbound-round-robin' },
      guestEmail: 'a@b.example',
    });
    sb.faults.add({ path: '/v1/org/tenant/get', status: 500 });
    sb.reset();
    expect(sb.requests).toHaveLength(0);
    expect(sb.faults.list()).toHaveLength(0);
    expect((await call(sb, 'GET', `/v1/org/user/read/${user.id}`)).json.workspaces).toEqual(workspaces);
    expect((await call(sb, 'GET', '/v1/org/tenant/get')).status).toBe(200);
    const after = await call(
      sb,
      'POST',
      `/v1/org/schedulingLinks/routing/${init.json.routeId}/schedule-simple`,
      { startTime: init.json.startTimes[0].startTime },
    );
    expect(after.status).toBe(404);
  });

  it('the same seed yields the same org; another seed a different one', async () => {
    const a = await createSandbox({ now: NOW, seed: 7 });
    const b = await createSandbox({ now: NOW, seed: 7 });
    const c = await createSandbox({ now: NOW, seed: 8 });
    try {
      const ids = (s: Sandbox) => [
        ...s.tenant('acme').users.keys(),
        ...s
          .tenant('acme')
          .meetings.all()
          .slice(0, 50)
          .map((m) => m.id),
      ];
      expect(ids(a)).toEqual(ids(b));
      expect(ids(a)).not.toEqual(ids(c));
      const meetingsA = await call(a, 'PUT', '/v2/org/meetings/meetings', {
        start: '2026-03-09T00:00:00Z',
        end: '2026-03-10T00:00:00Z',
      });
      const meetingsB = await call(b, 'PUT', '/v2/org/meetings/meetings', {
        start: '2026-03-09T00:00:00Z',
        end: '2026-03-10T00:00:00Z',
      });
      expect(meetingsA.text).toBe(meetingsB.text);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('scale grows the org and a 7-day window stays fast', async () => {
    const big = await createSandbox({ now: NOW, scale: 100_000 });
    try {
      const t = big.tenant('acme');
      expect(t.meetings.size).toBe(100_000);
      expect(t.users.size).toBeGreaterThan(sb.tenant('acme').users.size);
      const t0 = performance.now();
      const r = await call(big, 'PUT', '/v2/org/meetings/meetings', {
        start: '2026-03-09T00:00:00Z',
        end: '2026-03-16T00:00:00Z',
        pageSize: 50,
      });
      expect(r.json.data.list).toHaveLength(50);
      expect(performance.now() - t0).toBeLessThan(500);
    } finally {
      await big.close();
    }
  });

  it('honours the port and host options', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const fixed = await createSandbox({ now: NOW, port, host: '127.0.0.1', scale: 100 });
    try {
      expect(fixed.url).toBe(`http://127.0.0.1:${port}/api/fire-edge`);
      expect((await call(fixed, 'GET', '/v1/org/health/ping')).status).toBe(200);
    } finally {
      await fixed.close();
    }
  });

  it('listens on 127.0.0.1 with an ephemeral port by default', () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/fire-edge$/);
  });
});
