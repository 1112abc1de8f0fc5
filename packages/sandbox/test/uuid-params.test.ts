import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { allRoutes } from '../src/routes/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

/**
 * Path and query parameters that the first-party OpenAPI subsets type `format: uuid`, for the operations the
 * sandbox serves (meeting-get and meeting-cancel: path `meetingId`; concierge-logs: query `routerId`), plus the
 * same `meetingId` of the meeting operations that no subset describes.
 */
const UUID_PARAMS: Record<string, string[]> = {
  'meeting-get': ['meetingId'],
  'meeting-cancel': ['meetingId'],
  'meeting-cancel-post': ['meetingId'],
  'meeting-noshow': ['meetingId'],
  'meeting-noshow-post': ['meetingId'],
  'meeting-activity': ['meetingId'],
  'concierge-logs': ['routerId'],
};

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('parameters typed format: uuid', () => {
  it('are declared on exactly the routes the spec types them on', () => {
    const declared = Object.fromEntries(
      allRoutes.filter((r) => r.uuidParams).map((r) => [r.name, [...(r.uuidParams ?? [])]]),
    );
    expect(declared).toStrictEqual(UUID_PARAMS);
  });

  const meetingCalls: [string, string, string][] = [
    ['meeting-get', 'GET', '/v1/org/meetings/get/'],
    ['meeting-cancel', 'GET', '/v1/org/meetings/cancel/'],
    ['meeting-noshow', 'GET', '/v1/org/meetings/noshow/'],
    ['meeting-activity', 'GET', '/v1/org/meetings/activity/'],
    ['meeting-cancel-post', 'POST', '/v2/org/meetings/cancel/'],
    ['meeting-noshow-post', 'POST', '/v2/org/meetings/noshow/'],
  ];

  it.each(meetingCalls)(
    '%s: a malformed meetingId is a 400 text/plain naming the path parameter',
    async (_, method, path) => {
      for (const bad of ['not-a-uuid', '12345', `${MISSING}x`, 'gggggggg-0000-4000-8000-000000000000']) {
        const r = await call(sb, method, `${path}${bad}`);
        expect(r.status, bad).toBe(400);
        expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(r.text).toBe('Invalid value for: path parameter meetingId');
      }
    },
  );

  it('a well-formed but unknown meetingId is still a 404 JSON envelope (v2 POST, get, activity)', async () => {
    for (const path of [
      `/v1/org/meetings/get/${MISSING}`,
      `/v1/org/meetings/activity/${MISSING}`,
      `/v2/org/meetings/cancel/${MISSING}`,
    ]) {
      const r = await call(sb, path.startsWith('/v2') ? 'POST' : 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.json).toStrictEqual({
        errorCode: 'NotFound',
        errorMessage: `Meeting ${MISSING} not found`,
        arguments: { id: MISSING },
      });
    }
    expect((await call(sb, 'GET', `/v1/org/meetings/cancel/${MISSING}`)).json).toStrictEqual({
      type: 'Failure',
    });
  });

  it('upper-case hex is a UUID too', async () => {
    const m = sb.tenant('acme').meetings.all()[0]!;
    const r = await call(sb, 'GET', `/v1/org/meetings/get/${m.id.toUpperCase()}`);
    expect(r.status).toBe(404);
  });

  it('concierge-logs: a malformed routerId is a 400 naming the query parameter', async () => {
    const router = [...sb.tenant('acme').conciergeRouters.values()][0]!;
    const q = (routerId: string) =>
      `/v1/org/concierge/logs?workspaceId=${router.workspaceId}&routerId=${routerId}&start=2026-03-01T00:00:00Z&end=2026-03-10T00:00:00Z`;
    const bad = await call(sb, 'POST', q('inbound-demo'));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(bad.text).toBe('Invalid value for: query parameter routerId');
    const unknown = await call(sb, 'POST', q(MISSING));
    expect(unknown.status).toBe(404);
    expect(unknown.json.errorCode).toBe('NotFound');
  });

  it('authentication and permissions are checked before the parameters', async () => {
    expect((await call(sb, 'GET', '/v1/org/meetings/get/nope', undefined, { key: null })).status).toBe(401);
    const key = sb.createKey({ permissions: ['user.read'] });
    expect((await call(sb, 'GET', '/v1/org/meetings/get/nope', undefined, { key })).status).toBe(403);
  });
});
