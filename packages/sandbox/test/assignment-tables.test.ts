import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
beforeEach(() => sb.reset());
afterAll(() => sb.close());

const PATH = '/v1/org/assignment-table-definitions/list';
const acme = () => sb.tenant('acme');
const sales = () => [...acme().workspaces.values()][0]!;

interface Column {
  key: string;
  name: string;
  required: boolean;
}
interface Definition {
  id: string;
  name: string;
  inputs: Column[];
  outputs: (Column & { context: string })[];
  allKeys: string[];
  metadata: { revision: number };
}

describe('assignment-table-definition-list (GET /v1/org/assignment-table-definitions/list)', () => {
  it('pages one workspace’s definitions (default page 0, pageSize 10)', async () => {
    const r = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toStrictEqual(['page', 'pageSize', 'results', 'total']);
    expect(r.json.page).toBe(0);
    expect(r.json.pageSize).toBe(10);
    const stored = [...acme().assignmentTables.values()].filter((d) => d.workspaceId === sales().id);
    expect(stored.length).toBeGreaterThan(1);
    expect(r.json.total).toBe(stored.length);
    expect(r.json.results.map((d: Definition) => d.id)).toStrictEqual(stored.map((d) => d.id));
    const one = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}&page=1&pageSize=1`);
    expect(one.json.results.map((d: Definition) => d.id)).toStrictEqual([stored[1]!.id]);
  });

  it('items are {id, name, inputs, outputs, allKeys, metadata}', async () => {
    const r = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}&name=Territory`);
    expect(r.json.total).toBe(1);
    const d: Definition = r.json.results[0];
    const stored = acme().assignmentTables.get(d.id)!;
    expect(d).toStrictEqual({
      id: stored.id,
      name: 'Territory by country',
      inputs: [
        { key: 'country', name: 'Country', required: true, typeHint: { type: 'StringColumnType' } },
        { key: 'employees', name: 'Employees', required: false, typeHint: { type: 'NumberColumnType' } },
      ],
      outputs: [{ key: 'account_executive', name: 'Account Executive', context: 'Meeting', required: true }],
      allKeys: ['country', 'employees', 'account_executive'],
      metadata: { ...stored.metadata },
    });
  });

  it('the name filter is case-sensitive', async () => {
    const hit = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}&name=Territory`);
    const miss = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}&name=territory`);
    expect(hit.json.total).toBe(1);
    expect(miss.json).toStrictEqual({ results: [], total: 0, page: 0, pageSize: 10 });
  });

  it('workspaceId is required; unknown is 404; pageSize above 50 is a 400', async () => {
    const missing = await call(sb, 'GET', PATH);
    expect(missing.status).toBe(400);
    expect(missing.text).toBe('Invalid value for: query parameter workspaceId');
    const unknown = await call(sb, 'GET', `${PATH}?workspaceId=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.errorCode).toBe('NotFound');
    const big = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}&pageSize=51`);
    expect(big.text).toBe('Invalid value for: query parameter pageSize');
  });

  it('every seeded AssignmentTableRule points at a definition listed in its workspace', async () => {
    const rules = (await call(sb, 'GET', '/v1/org/rule/list?type=AssignmentTableRule')).json.results;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const list = await call(sb, 'GET', `${PATH}?workspaceId=${rule.workspaceId}&pageSize=50`);
      expect(list.json.results.map((d: Definition) => d.id)).toContain(rule.assignmentTableId);
    }
  });

  it('rule-create and rule-modify refuse an assignmentTableId that is not a definition of the workspace', async () => {
    const table = [...acme().assignmentTables.values()].find((d) => d.workspaceId === sales().id)!;
    const other = [...acme().workspaces.values()][1]!;
    const dto = (workspaceId: string, assignmentTableId: string) => ({
      dto: {
        type: 'CreateAssignmentTableRuleRequest',
        workspaceId,
        name: 'Table rule',
        assignmentTableId,
        conditions: { type: 'ConditionGroup', id: 'g', operator: 'and', conditions: [] },
      },
    });
    for (const [ws, id] of [
      [sales().id, 'no-such-table'],
      [other.id, table.id],
    ] as const) {
      const r = await call(sb, 'POST', '/v1/org/rule', dto(ws, id));
      expect(r.status).toBe(404);
      expect(r.json).toStrictEqual({
        errorCode: 'NotFound',
        errorMessage: `Assignment table ${id} not found`,
        arguments: { id },
      });
    }
    const ok = await call(sb, 'POST', '/v1/org/rule', dto(sales().id, table.id));
    expect(ok.status).toBe(200);
    expect(ok.json.assignmentTableId).toBe(table.id);
    const modify = (assignmentTableId: string) =>
      call(sb, 'PUT', `/v1/org/rule?ruleId=${ok.json.id}&revision=1`, { dto: { assignmentTableId } });
    expect((await modify('no-such-table')).status).toBe(404);
    expect((await modify(table.id)).json.metadata.revision).toBe(2);
  });

  it('needs assignment-table.read (inferred; the read-only key has it)', async () => {
    const denied = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}`, undefined, {
      key: sb.createKey({ permissions: ['rule.read'] }),
    });
    expect(denied.status).toBe(403);
    expect(denied.json.arguments).toStrictEqual({ permission: 'assignment-table.read' });
    const ro = await call(sb, 'GET', `${PATH}?workspaceId=${sales().id}`, undefined, {
      key: sb.keys.acmeReadOnly,
    });
    expect(ro.status).toBe(200);
  });
});
