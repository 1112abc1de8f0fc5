import { afterEach, describe, expect, it } from 'vitest';
import { EdgeError, getTool, resultText, toRequest, type EdgeRequest } from '../src/index.js';
import { send } from '../src/send.js';
import { checkRoute } from '../src/guard.js';
import { runTool } from './helpers/run-tool.js';
import { json, startStub } from './helpers/stub-server.js';

const KEY = 'guard_key_0123456789abcdef_secret';
const remove = getTool('distribution-delete')!;
const handoff = getTool('handoff-schedule')!;
let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

function refusal(tool = remove, path: string): EdgeError {
  try {
    checkRoute(tool, path);
  } catch (error) {
    expect(error).toBeInstanceOf(EdgeError);
    return error as EdgeError;
  }
  throw new Error(`${path} was accepted`);
}

describe('every request is exactly its tool operation', () => {
  it('distribution-delete {distributionId: ".."} sends nothing (it used to send DELETE /v1/org/)', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const result = await runTool(remove, { distributionId: '..' }, { apiKey: KEY, baseUrl: stub.url });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(/distributionId/);
    expect(resultText(result)).toContain('".."');
    expect(stub.seen).toStrictEqual([]);
  });

  it('refuses in send itself, whatever built the request, with the variable named and nothing sent', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const request = toRequest(remove, { distributionId: '..' });
    const error = await send(remove, request, { apiKey: KEY }, { baseUrl: stub.url }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EdgeError);
    const { kind, message, details } = error as EdgeError;
    expect({ kind, message, details }).toStrictEqual({
      kind: 'invalid-arguments',
      message:
        'Invalid arguments for distribution-delete (nothing was sent):\n' +
        '- distributionId: must be an id, not "." or ".." (in any encoding) (got "..")',
      details: { fields: ['distributionId'] },
    });
    expect(stub.seen).toStrictEqual([]);
  });

  it.each(['.', '..', '%2e%2e', '%2E%2e', '.%2E', '%2e.', '%252e%252e', '%25252E%25252e', '%2525252e'])(
    'refuses the dot segment %j, however encoded',
    (value) => {
      const path = toRequest(remove, { distributionId: value }).path;
      expect(refusal(remove, path).details.fields).toStrictEqual(['distributionId']);
    },
  );

  it.each(['a/b', 'a\\b', '%2f', '%5C', '..%2f..', '%252F', 'a%00b', 'x\ny'])(
    'refuses %j: a separator or control character once decoded',
    (value) => {
      const error = refusal(remove, toRequest(remove, { distributionId: value }).path);
      expect(error.message).toMatch(/- distributionId: must be one path segment/);
    },
  );

  it('refuses an empty variable', () => {
    const error = refusal(remove, toRequest(remove, { distributionId: '' }).path);
    expect(error.message).toContain('- distributionId: must not be empty (got "")');
  });

  it.each([
    ['/v1/org/distribution/..', 'distributionId'],
    ['/v1/org/distribution/%2e%2E', 'distributionId'],
    ['/v1/org/distribution/a/b', 'distributionId'],
    ['/v1/org/distribution/a?b=1', 'distributionId'],
    ['/v1/org/distribution/a#b', 'distributionId'],
    ['/v1/org/distribution/a b', 'distributionId'],
    ['/v2/org/distribution/abc', 'distributionId'],
    ['/v1/org/distribution', 'distributionId'],
  ])('refuses the hand-made path %s', (path, field) => {
    expect(refusal(remove, path).details.fields).toStrictEqual([field]);
  });

  it('names each bad variable of a many-variable path, and shortens long values', () => {
    const args = { routingId: 'r', routerId: '..', pathId: 'p', userId: `${'x'.repeat(50)}/y` };
    const error = refusal(handoff, toRequest(handoff, args).path);
    expect(error.details.fields).toStrictEqual(['routerId', 'userId']);
    expect(error.message).toContain(`(got "${'x'.repeat(40)}…")`);
  });

  it('refuses a path of a tool without variables that is not its template', () => {
    const tool = getTool('tenant-get')!;
    expect(refusal(tool, '/v1/org/tenant/get/').details.fields).toStrictEqual(['path']);
    expect(() => checkRoute(tool, '/v1/org/tenant/get')).not.toThrow();
  });

  it.each([
    '67929af0725ce43853fd2b8c',
    'ab144300-a649-4f10-b619-5eccc0c7c93e',
    'a.b',
    '...',
    'a?b#c',
    'é',
    '~x',
  ])('accepts the id %j', async (value) => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const request: EdgeRequest = toRequest(remove, { distributionId: value });
    await send(remove, request, { apiKey: KEY }, { baseUrl: stub.url });
    expect(stub.seen.map((s) => s.url)).toStrictEqual([
      `/api/fire-edge/v1/org/distribution/${encodeURIComponent(value)}`,
    ]);
  });

  it('never puts the key into the refusal, even when it is the bad value', async () => {
    const error = (await send(remove, toRequest(remove, { distributionId: `${KEY}/x` }), {
      apiKey: KEY,
    }).catch((e: unknown) => e)) as EdgeError;
    expect(error.message).not.toContain(KEY);
    expect(error.message).toContain('[redacted]');
  });
});
