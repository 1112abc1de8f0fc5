import { describe, expect, it } from 'vitest';
import { EdgeError, getTool } from '../src/index.js';
import { validateArgs } from '../src/validate.js';

const DIST = 'ab144300-a649-4f10-b619-5eccc0c7c93e';

/** The EdgeError validateArgs throws for these arguments. */
function refusal(name: string, args: unknown): EdgeError {
  try {
    validateArgs(getTool(name)!, args);
  } catch (error) {
    if (error instanceof EdgeError) return error;
    throw error;
  }
  throw new Error(`${name} accepted ${JSON.stringify(args)}`);
}

describe('strict inputs', () => {
  it('refuses a list where an object belongs, naming the field', () => {
    const error = refusal('distribution-update-v3', { distributionId: DIST, body: [] });
    expect(error.kind).toBe('invalid-arguments');
    expect(error.message).toMatch(/- body: expected an object of named fields, got a list/);
    expect(error.details.fields).toStrictEqual(['body']);
    expect(refusal('tenant-get', []).message).toMatch(/expected an object of named fields/);
  });

  it('names unknown keys at any depth instead of dropping them', () => {
    const error = refusal('user-find-by-filter', { filter: { emial: 'a@acme.com' } });
    expect(error.message).toMatch(/- filter\.emial: unknown field \(expected one of: email, name,/);
    expect(error.details.fields).toStrictEqual(['filter.emial']);
  });

  it('refuses __proto__, constructor and prototype keys wherever they are', () => {
    const polluted = JSON.parse(
      '{"filter": {"__proto__": {"admin": true}, "constructor": 1}, "pagination": {"prototype": 2}}',
    ) as unknown;
    const error = refusal('user-find-by-filter', polluted);
    expect(error.details.fields).toStrictEqual([
      'filter.__proto__',
      'filter.constructor',
      'pagination.prototype',
    ]);
    expect(error.message).toMatch(/"__proto__" is not allowed as a field name/);
    const inUnknownValue = JSON.parse(
      '{"update": {"u1": {"distro": true, "chiliCalOrg": true, "concierge": true, "conciergeLive": true, "chat": true, "handoff": true, "__proto__": {}}}}',
    ) as unknown;
    expect(refusal('user-update-licenses', inUnknownValue).details.fields).toStrictEqual([
      'update.u1.__proto__',
    ]);
  });

  it('says "required" for a missing field, with what is expected', () => {
    const error = refusal('meeting-list-put', { start: '2026-01-05T00:00:00Z' });
    expect(error.message).toMatch(/- end: required: To, exclusive \(ISO-8601\)\./);
    expect(error.message).not.toMatch(/Invalid key/);
    expect(error.details.fields).toStrictEqual(['end']);
  });

  it('limits ids to a sane length', () => {
    const error = refusal('user-read', { userId: 'a'.repeat(129) });
    expect(error.message).toMatch(/userId must be an id of at most 128 characters/);
    expect(validateArgs(getTool('user-read')!, { userId: 'a'.repeat(128) })).toStrictEqual({
      userId: 'a'.repeat(128),
    });
  });
});

describe('lenient where clients commonly send text', () => {
  it('takes numeric strings for numbers, like it takes stringified JSON objects', () => {
    const tool = getTool('user-find')!;
    expect(validateArgs(tool, { query: 'ann', pagination: { page: '1', pageSize: '20' } })).toStrictEqual({
      query: 'ann',
      pagination: { page: 1, pageSize: 20 },
    });
    expect(validateArgs(tool, { query: 'ann', pagination: '{"page": 2}' })).toStrictEqual({
      query: 'ann',
      pagination: { page: 2 },
    });
    expect(refusal('user-find', { query: 'ann', pagination: { page: 'one' } }).details.fields).toStrictEqual([
      'pagination.page',
    ]);
  });
});
