import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

const acme = () => sb.tenant('acme');
const ids = (list: { id: string }[]) => list.map((m) => m.id).sort();

/** Every meeting type id the rest of the seed points at. */
function referencedMeetingTypeIds(): string[] {
  const t = acme();
  return [
    ...new Set([
      ...t.meetings.all().map((m) => m.meetingTypeId),
      ...[...t.links.values()].flatMap((l) => l.meetingTypeIds),
      ...[...t.conciergeRouters.values()].map((r) => r.meetingTypeId),
      ...[...t.handoffRouters.values()].flatMap((r) => r.paths.map((p) => p.meetingTypeId)),
    ]),
  ].sort();
}

describe('meeting-type-list (GET /v1/org/meeting-types/list)', () => {
  it('answers a bare array of every team meeting type, including each one the seed references', async () => {
    const r = await call(sb, 'GET', '/v1/org/meeting-types/list');
    expect(r.status).toBe(200);
    expect(Array.isArray(r.json)).toBe(true);
    expect(ids(r.json)).toStrictEqual([...acme().meetingTypes.keys()].sort());
    const listed = new Set(ids(r.json));
    const referenced = referencedMeetingTypeIds();
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !listed.has(id))).toStrictEqual([]);
  });

  it('items carry the MeetingType fields, the duration as a FiniteDuration string', async () => {
    const ws = [...acme().workspaces.values()][0]!;
    const r = await call(sb, 'GET', `/v1/org/meeting-types/list?workspaceId=${ws.id}`);
    const intro = r.json.find((m: { name: string }) => m.name === 'Intro Call');
    const stored = [...acme().meetingTypes.values()].find(
      (m) => m.workspaceId === ws.id && m.name === 'Intro Call',
    )!;
    expect(intro).toStrictEqual({
      id: stored.id,
      workspaceId: ws.id,
      name: 'Intro Call',
      description: 'A first conversation to qualify the lead.',
      inviteTitle: 'Intro Call with Acme Corp',
      inviteDescription: 'A first conversation to qualify the lead.',
      status: 'Active',
      duration: '30 minutes',
      location: {
        default: { type: 'CalendarPlatformConference', index: 0 },
        others: [{ type: 'AskTheGuest', index: 1 }],
      },
      buffers: { after: '5 minutes' },
    });
  });

  it('filters by workspaceId; an unknown workspace is a 404, an empty one a 400', async () => {
    const ws = [...acme().workspaces.values()][1]!;
    const r = await call(sb, 'GET', `/v1/org/meeting-types/list?workspaceId=${ws.id}`);
    const expected = [...acme().meetingTypes.values()].filter((m) => m.workspaceId === ws.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(r.json)).toStrictEqual(ids(expected));
    const unknown = await call(sb, 'GET', '/v1/org/meeting-types/list?workspaceId=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toStrictEqual({
      errorCode: 'NotFound',
      errorMessage: 'Workspace nope not found',
      arguments: { id: 'nope' },
    });
    const empty = await call(sb, 'GET', '/v1/org/meeting-types/list?workspaceId=');
    expect(empty.status).toBe(400);
    expect(empty.text).toBe('Invalid value for: query parameter workspaceId');
  });

  it('needs meeting-type.read (the read-only key has it) and sees only its own tenant', async () => {
    const denied = await call(sb, 'GET', '/v1/org/meeting-types/list', undefined, {
      key: sb.createKey({ permissions: ['meeting.read'] }),
    });
    expect(denied.status).toBe(403);
    expect(denied.json.arguments).toStrictEqual({ permission: 'meeting-type.read' });
    const ro = await call(sb, 'GET', '/v1/org/meeting-types/list', undefined, { key: sb.keys.acmeReadOnly });
    expect(ro.status).toBe(200);
    const globex = await call(sb, 'GET', '/v1/org/meeting-types/list', undefined, { key: sb.keys.globex });
    expect(ids(globex.json)).toStrictEqual([...sb.tenant('globex').meetingTypes.keys()].sort());
  });
});
