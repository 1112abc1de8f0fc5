import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
beforeEach(() => sb.reset());
afterAll(() => sb.close());

const someTeam = async () => (await call(sb, 'PUT', '/v2/org/team', {})).json.results[0];

describe('distributions', () => {
  it('the seed has every assignment type, with weights, capping and user states', async () => {
    const r = await call(sb, 'PUT', '/v2/org/distribution/list', { pageSize: 100 });
    const types = new Set(
      r.json.results.map(
        (d: { published: { assignmentTypeConfig: { type: string } } }) =>
          d.published.assignmentTypeConfig.type,
      ),
    );
    expect([...types].sort()).toEqual(['Conversation', 'Meeting', 'Record']);
    const capped = r.json.results.find((d: { published: { capping?: unknown } }) => d.published.capping);
    expect(capped.published.capping.resetPeriodicity.type).toBe('Weekly');
    const states = r.json.results.flatMap((d: { state: { userStates: { type: string }[] } }) =>
      d.state.userStates.map((s) => s.type),
    );
    expect(states).toContain('Active');
    expect(states).toContain('Disabled');
    const filtered = await call(sb, 'PUT', '/v2/org/distribution/list', { assignmentType: 'Record' });
    expect(
      filtered.json.results.every(
        (d: { published: { assignmentTypeConfig: { type: string } } }) =>
          d.published.assignmentTypeConfig.type === 'Record',
      ),
    ).toBe(true);
  });

  it('create publishes at once and returns {distributionId}', async () => {
    const team = await someTeam();
    const r = await call(sb, 'POST', '/v1/org/distribution', {
      teamId: team.id,
      workspaceId: team.workspaceId,
      name: 'API Created RR',
      assignmentTypeConfig: { type: 'Record', handling: { type: 'Strict' } },
      weights: [{ userId: team.members[0], weight: 300 }],
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['distributionId']);
    const list = await call(sb, 'PUT', '/v2/org/distribution/list', { name: 'api created' });
    expect(list.json.total).toBe(1);
    expect(list.json.results[0].published).toMatchObject({
      distributionId: r.json.distributionId,
      name: 'API Created RR',
      teamRef: { id: team.id },
      weights: [{ userId: team.members[0], weight: 300 }],
    });
    const bad = await call(sb, 'POST', '/v1/org/distribution', {
      teamId: team.id,
      workspaceId: team.workspaceId,
      name: 'x',
      assignmentTypeConfig: { type: 'Sideways' },
    });
    expect(bad.status).toBe(400);
  });

  it('update replaces the whole config while adjust adds to current values', async () => {
    const d = (await call(sb, 'PUT', '/v2/org/distribution/list', { assignmentType: 'Meeting' })).json
      .results[0];
    const [u1, u2] = d.state.userStates.map((s: { userId: string }) => s.userId);
    const upd = await call(sb, 'POST', `/v3/org/distribution/${d.id}`, {
      name: 'Replaced',
      assignmentTypeConfig: d.published.assignmentTypeConfig,
      weights: [{ userId: u1, weight: 100 }],
      manualCalibration: [{ userId: u1, calibration: 2 }],
    });
    expect(upd.status).toBe(200);
    expect(upd.json.published.weights).toEqual([{ userId: u1, weight: 100 }]);
    expect(upd.json.published.capping).toBeUndefined();
    const adj = {
      weights: [
        { userId: u1, weight: 50 },
        { userId: u2, weight: 10 },
      ],
      manualCalibration: [{ userId: u1, calibration: 3 }],
    };
    await call(sb, 'POST', `/v3/org/distribution/${d.id}/adjust`, adj);
    const twice = await call(sb, 'POST', `/v3/org/distribution/${d.id}/adjust`, adj);
    expect(twice.json.published.weights).toEqual([
      { userId: u1, weight: 200 },
      { userId: u2, weight: 120 },
    ]);
    expect(twice.json.published.manualCalibration).toEqual([{ userId: u1, calibration: 8 }]);
    expect(twice.json.published.metadata.revision).toBe(d.published.metadata.revision + 3);
  });

  it('delete removes it (then 404)', async () => {
    const d = (await call(sb, 'PUT', '/v2/org/distribution/list', {})).json.results[0];
    expect((await call(sb, 'DELETE', `/v1/org/distribution/${d.id}`)).status).toBe(200);
    const again = await call(sb, 'DELETE', `/v1/org/distribution/${d.id}`);
    expect(again.status).toBe(404);
    expect((await call(sb, 'POST', `/v3/org/distribution/${d.id}/adjust`, {})).status).toBe(404);
  });
});

describe('rules', () => {
  const conditions = {
    type: 'ConditionGroup',
    id: 'grp-1',
    operator: 'and',
    conditions: [
      {
        type: 'StaticValueCondition',
        conditionId: 'c-1',
        dataReference: { source: 'DF', object: 'Person', field: 'PersonCountry' },
        operator: 'equal',
        value: 'US',
      },
    ],
  };

  it('seeded rules are ExplicitV1 with conditions and metadata.revision', async () => {
    const r = await call(sb, 'GET', '/v1/org/rule/list');
    expect(r.json.results.length).toBeGreaterThan(0);
    for (const rule of r.json.results) {
      expect(rule.ruleBuilderVersion).toBe('ExplicitV1');
      expect(rule.metadata.revision).toBeGreaterThanOrEqual(1);
      expect(rule.conditions).toBeTruthy();
    }
    const owner = await call(sb, 'GET', '/v1/org/rule/list?type=OwnershipRule');
    expect(owner.json.results.every((x: { type: string }) => x.type === 'OwnershipRule')).toBe(true);
    expect(owner.json.total).toBeLessThan(r.json.total);
  });

  it('create → revision 1; modify → +1; stale revision → 409 RevisionConflict', async () => {
    const ws = (await call(sb, 'GET', '/v1/org/workspace')).json.results[0];
    const created = await call(sb, 'POST', '/v1/org/rule', {
      dto: { type: 'CreateRuleRequest', workspaceId: ws.id, name: 'US leads', conditions },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      type: 'NonOwnershipRule',
      name: 'US leads',
      ruleBuilderVersion: 'ExplicitV1',
      metadata: { revision: 1 },
    });
    const id = created.json.id;
    const mod = await call(sb, 'PUT', `/v1/org/rule?ruleId=${id}&revision=1`, {
      dto: { type: 'ModifyRuleRequest', name: 'US leads v2', conditions },
    });
    expect(mod.status).toBe(200);
    expect(mod.json.metadata.revision).toBe(2);
    expect((await call(sb, 'GET', `/v1/org/rule/${id}`)).json.name).toBe('US leads v2');
    const stale = await call(sb, 'PUT', `/v1/org/rule?ruleId=${id}&revision=1`, {
      dto: { name: 'lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({
      errorCode: 'RevisionConflict',
      arguments: { ruleId: id, currentRevision: '2' },
    });
    const staleDelete = await call(sb, 'DELETE', `/v1/org/rule?ruleId=${id}&revision=1`);
    expect(staleDelete.status).toBe(409);
  });

  it('delete is soft: gone from list and get, kept in the store with deletedAt', async () => {
    const rule = (await call(sb, 'GET', '/v1/org/rule/list')).json.results[0];
    const del = await call(sb, 'DELETE', `/v1/org/rule?ruleId=${rule.id}&revision=${rule.metadata.revision}`);
    expect(del.status).toBe(200);
    expect((await call(sb, 'GET', `/v1/org/rule/${rule.id}`)).status).toBe(404);
    const ids = (await call(sb, 'GET', '/v1/org/rule/list')).json.results.map((r: { id: string }) => r.id);
    expect(ids).not.toContain(rule.id);
    expect(sb.tenant('acme').rules.get(rule.id)?.deletedAt).toBeTruthy();
  });

  it('rule-list filters by workspaceId and name; missing revision is a 400', async () => {
    const ws = (await call(sb, 'GET', '/v1/org/workspace')).json.results[1];
    const r = await call(sb, 'GET', `/v1/org/rule/list?workspaceId=${ws.id}`);
    expect(r.json.results.every((x: { workspaceId: string }) => x.workspaceId === ws.id)).toBe(true);
    const byName = await call(sb, 'GET', '/v1/org/rule/list?name=enterprise');
    expect(byName.json.results.map((x: { name: string }) => x.name)).toEqual(['Enterprise accounts']);
    const noRev = await call(sb, 'PUT', `/v1/org/rule?ruleId=${r.json.results[0].id}`, { dto: {} });
    expect(noRev.status).toBe(400);
    expect(noRev.text).toBe('Invalid value for: query parameter revision');
  });
});
