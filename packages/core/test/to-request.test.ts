import { describe, expect, it } from 'vitest';
import { catalog, getTool, toRequest } from '../src/index.js';
import { validateArgs } from '../src/validate.js';
import { rows } from './fixtures/sample-requests.js';

describe('toRequest: every tool', () => {
  it('has a row for every tool in the catalog', () => {
    expect(new Set(rows.map(([name]) => name))).toStrictEqual(new Set(catalog.map((t) => t.name)));
  });

  it.each(rows)('%s', (name, args, expected) => {
    const tool = getTool(name)!;
    const { headers: _headers, ...request } = toRequest(tool, validateArgs(tool, args));
    expect(request).toStrictEqual(expected);
    const headers = _headers;
    if (request.body !== undefined) expect(headers['content-type']).toBe('application/json');
    expect(headers['accept']).toMatch(tool.response === 'csv' ? /text\/csv/ : /json/);
  });

  it('sends the rule dto in the body next to the query revision', () => {
    const tool = getTool('rule-modify')!;
    const dto = rows.find(([n]) => n === 'rule-modify')![1]['dto'];
    expect(toRequest(tool, validateArgs(tool, { ruleId: 'r', revision: 1, dto })).body).toStrictEqual({
      dto,
    });
  });

  it('encodes path values so an id cannot change the path', () => {
    const tool = getTool('user-read')!;
    expect(toRequest(tool, { userId: 'a?b#c' }).path).toBe('/v1/org/user/read/a%3Fb%23c');
    expect(() => validateArgs(tool, { userId: '../tenant/get' })).toThrow(/userId/);
  });

  it('repeats array query parameters and leaves undefined fields out', () => {
    const tool = getTool('rule-list')!;
    const request = toRequest(tool, { filter: { ruleBuilderVersion: ['ExplicitV1'], name: undefined } });
    expect(request.query).toStrictEqual({ ruleBuilderVersion: ['ExplicitV1'] });
  });
});
