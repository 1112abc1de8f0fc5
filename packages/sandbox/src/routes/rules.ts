import * as v from 'valibot';
import { apiError, invalid, notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { Id, paginate, parseBody, queryPaging, requiredQuery } from '../http/validate.js';
import type { Tenant } from '../store.js';
import type { Rule, RuleType } from '../types.js';
import { iso } from '../util/time.js';
import { getAssignmentTable } from './assignment-tables.js';
import { getTeam } from './teams.js';
import { ruleView } from './views.js';
import { getWorkspace } from './workspaces.js';

const Condition = v.looseObject({ type: v.string() });
const Base = {
  workspaceId: Id,
  name: v.pipe(v.string(), v.minLength(1)),
  conditions: Condition,
  ruleId: v.optional(Id),
};
const CreateDto = v.variant('type', [
  v.object({ type: v.literal('CreateRuleRequest'), ...Base }),
  v.object({ type: v.literal('CreateOwnershipRuleRequest'), ...Base, teamId: v.optional(Id) }),
  v.object({ type: v.literal('CreateAssignmentTableRuleRequest'), ...Base, assignmentTableId: Id }),
]);
const ModifyDto = v.looseObject({
  type: v.optional(v.string()),
  name: v.optional(v.pipe(v.string(), v.minLength(1))),
  conditions: v.optional(Condition),
  teamId: v.optional(Id),
  assignmentTableId: v.optional(Id),
  workspaceId: v.optional(Id),
});

const RULE_TYPES: Record<string, RuleType> = {
  CreateRuleRequest: 'NonOwnershipRule',
  CreateOwnershipRuleRequest: 'OwnershipRule',
  CreateAssignmentTableRuleRequest: 'AssignmentTableRule',
};

/** A live (not soft-deleted) rule of this tenant, or 404. */
export function getRule(t: Tenant, id: string): Rule {
  const r = t.rules.get(id);
  if (!r || r.deletedAt) throw notFound('Rule', id);
  return r;
}

function revisionParam(query: URLSearchParams): { ruleId: string; revision: number } {
  const ruleId = requiredQuery(query, 'ruleId');
  const raw = requiredQuery(query, 'revision');
  if (!/^\d+$/.test(raw)) throw invalid('query parameter revision');
  return { ruleId, revision: Number(raw) };
}

function checkRevision(r: Rule, revision: number): void {
  if (r.metadata.revision !== revision)
    throw apiError(
      409,
      'RevisionConflict',
      `Rule ${r.id} is at revision ${r.metadata.revision}, not ${revision}; re-read it and retry`,
      {
        ruleId: r.id,
        expectedRevision: String(revision),
        currentRevision: String(r.metadata.revision),
      },
    );
}

export const ruleRoutes: Route[] = [
  {
    name: 'rule-list',
    method: 'GET',
    path: '/v1/org/rule/list',
    permissions: ['rule.read'],
    handler: ({ tenant, query }) => {
      const { page, pageSize } = queryPaging(query, 200, 1000);
      const ws = query.get('workspaceId');
      const name = query.get('name')?.toLowerCase();
      const versions = query.getAll('ruleBuilderVersion').flatMap((x) => x.split(','));
      const types = query.getAll('type').flatMap((x) => x.split(','));
      const list = [...tenant.rules.values()].filter(
        (r) =>
          !r.deletedAt &&
          (!ws || r.workspaceId === ws) &&
          (!name || r.name.toLowerCase().includes(name)) &&
          (versions.length === 0 || versions.includes(r.ruleBuilderVersion)) &&
          (types.length === 0 || types.includes(r.type)),
      );
      return { json: paginate(list, page, pageSize, ruleView) };
    },
  },
  {
    name: 'rule-get',
    method: 'GET',
    path: '/v1/org/rule/{ruleId}',
    permissions: ['rule.read'],
    handler: ({ tenant, params }) => ({ json: ruleView(getRule(tenant, params.ruleId ?? '')) }),
  },
  {
    name: 'rule-create',
    method: 'POST',
    path: '/v1/org/rule',
    permissions: ['rule.create'],
    handler: ({ tenant, body, key, now, sandbox }) => {
      const { dto } = parseBody(v.object({ dto: CreateDto }), body);
      getWorkspace(tenant, dto.workspaceId);
      if ('teamId' in dto && dto.teamId) getTeam(tenant, dto.teamId);
      if ('assignmentTableId' in dto) getAssignmentTable(tenant, dto.workspaceId, dto.assignmentTableId);
      if (dto.ruleId && tenant.rules.has(dto.ruleId))
        throw apiError(409, 'RuleAlreadyExists', `Rule ${dto.ruleId} already exists`, { ruleId: dto.ruleId });
      const at = iso(now);
      const by = `apikey/${key.id}`;
      const rule: Rule = {
        type: RULE_TYPES[dto.type] ?? 'NonOwnershipRule',
        id: dto.ruleId ?? sandbox.nextId('uuid'),
        workspaceId: dto.workspaceId,
        name: dto.name,
        conditions: structuredClone(dto.conditions),
        ruleBuilderVersion: 'ExplicitV1',
        metadata: { createdAt: at, createdBy: by, updatedAt: at, updatedBy: by, revision: 1 },
        ...('teamId' in dto && dto.teamId ? { teamId: dto.teamId } : {}),
        ...('assignmentTableId' in dto ? { assignmentTableId: dto.assignmentTableId } : {}),
      };
      tenant.rules.set(rule.id, rule);
      return { json: ruleView(rule) };
    },
  },
  {
    name: 'rule-modify',
    method: 'PUT',
    path: '/v1/org/rule',
    permissions: ['rule.modify'],
    handler: ({ tenant, query, body, key, now }) => {
      const { ruleId, revision } = revisionParam(query);
      const { dto } = parseBody(v.object({ dto: ModifyDto }), body);
      const rule = getRule(tenant, ruleId);
      checkRevision(rule, revision);
      if (dto.workspaceId && dto.workspaceId !== rule.workspaceId)
        throw invalid('body (dto.workspaceId: a rule cannot move workspaces)');
      if (dto.teamId) getTeam(tenant, dto.teamId);
      if (dto.assignmentTableId !== undefined && rule.type === 'AssignmentTableRule')
        getAssignmentTable(tenant, rule.workspaceId, dto.assignmentTableId);
      if (dto.name !== undefined) rule.name = dto.name;
      if (dto.conditions !== undefined) rule.conditions = structuredClone(dto.conditions);
      if (dto.teamId !== undefined && rule.type === 'OwnershipRule') rule.teamId = dto.teamId;
      if (dto.assignmentTableId !== undefined && rule.type === 'AssignmentTableRule')
        rule.assignmentTableId = dto.assignmentTableId;
      rule.metadata = {
        ...rule.metadata,
        updatedAt: iso(now),
        updatedBy: `apikey/${key.id}`,
        revision: rule.metadata.revision + 1,
      };
      return { json: ruleView(rule) };
    },
  },
  {
    name: 'rule-delete',
    method: 'DELETE',
    path: '/v1/org/rule',
    permissions: ['rule.remove'],
    handler: ({ tenant, query, key, now }) => {
      const { ruleId, revision } = revisionParam(query);
      const rule = getRule(tenant, ruleId);
      checkRevision(rule, revision);
      rule.deletedAt = iso(now);
      rule.metadata = {
        ...rule.metadata,
        updatedAt: iso(now),
        updatedBy: `apikey/${key.id}`,
        revision: rule.metadata.revision + 1,
      };
      return { json: {} };
    },
  },
];
