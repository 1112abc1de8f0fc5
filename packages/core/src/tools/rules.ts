import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { routersRead } from './previews.js';
import { ref, tag } from './shared.js';

/** Rule tools: the reusable routing conditions that routers reference. */

const dataSource = v.pipe(
  v.picklist(['SF', 'DF', 'CP', 'HS', 'MK'], 'source must be SF, DF, CP, HS or MK'),
  v.description(
    'Data source: SF (Salesforce), DF (data field), CP (Chili Piper), HS (HubSpot) or MK (Marketo).',
  ),
);

const dataObject = v.pipe(
  v.string(),
  v.minLength(1, 'object must be a non-empty object name such as Lead'),
  v.description(
    'Object: a CRM object name (Lead, Contact, Account…), a matched object (MatchedAccount, DuplicateLead…), ' +
      'a custom ref "<id>__<type>", a related child "<name>__rc", or a related path such as "Account/Lead".',
  ),
);

const dataField = v.pipe(
  v.string(),
  v.regex(/^[^\s\\/]+$/, 'field must be a field name without spaces or slashes'),
  v.description('Field API name, e.g. Country or Email.'),
);

/** `DataReference`. Uses go through `v.lazy` so the JSON Schema defines it once. */
const dataReferenceSchema = v.pipe(
  v.object({ source: dataSource, object: dataObject, field: dataField }),
  v.metadata({ typeName: 'DataRef' }),
  v.description('A field: {source, object, field}.'),
);
const dataReference = (what: string) =>
  v.pipe(
    v.lazy(() => dataReferenceSchema),
    v.description(what),
  );

const operatorSchema = v.pipe(
  v.picklist(
    [
      '<',
      '>',
      '<=',
      '>=',
      'startsWithAnyOf',
      'endsWithAnyOf',
      'isAnyOf',
      'isNotAnyOf',
      'equal',
      'notEqual',
      'contains',
      'doesNotContain',
      'containsAnyOf',
      'containsNoneOf',
      'startsWith',
      'endsWith',
    ],
    'operator must be one of < > <= >= equal notEqual isAnyOf isNotAnyOf contains doesNotContain containsAnyOf ' +
      'containsNoneOf startsWith endsWith startsWithAnyOf endsWithAnyOf',
  ),
  v.metadata({ typeName: 'Operator' }),
  v.description('Comparison operator.'),
);
const operator = v.lazy(() => operatorSchema);

const conditionId = v.pipe(
  v.string(),
  v.regex(/^[^\s\\/]+$/, 'conditionId must be an id without spaces or slashes (any unique string)'),
  v.description('Any unique id for this condition.'),
);

/** `Evaluable`: a relative date window; the five variants share one shape, so one object with a picklist. */
const evaluable = v.pipe(
  v.object({
    type: v.pipe(
      v.picklist(
        ['RelativeDay', 'RelativeWeek', 'RelativeMonth', 'RelativeQuarter', 'RelativeYear'],
        'evaluable.type must be RelativeDay, RelativeWeek, RelativeMonth, RelativeQuarter or RelativeYear',
      ),
      v.description(
        'Unit of the window: RelativeDay, RelativeWeek, RelativeMonth, RelativeQuarter or RelativeYear.',
      ),
    ),
    offset: v.pipe(
      v.number('offset must be an integer'),
      v.integer('offset must be an integer'),
      v.description('Start of the window relative to now, in units (negative = past).'),
    ),
    length: v.pipe(
      v.number('length must be a positive integer'),
      v.integer('length must be a positive integer'),
      v.minValue(1, 'length must be a positive integer'),
      v.description('Window length in units (1 or more).'),
    ),
    timeZone: v.optional(
      v.pipe(v.string(), v.description('IANA time zone for the window, e.g. America/New_York.')),
    ),
  }),
  v.description('Relative date window: {type, offset, length, timeZone?}.'),
);

/** Any condition node. Loose on purpose: the exact shapes are checked by the variant below. */
type Condition = { type: string; [key: string]: unknown };

const leafConditions = () =>
  [
    v.object({
      type: tag('StaticValueCondition', 'Compare a field with a fixed value.'),
      conditionId,
      dataReference: dataReference('Field to test: {source, object, field}.'),
      operator,
      value: v.pipe(
        v.unknown(),
        v.description('Value to compare with (any JSON value; a list for the *AnyOf operators).'),
      ),
    }),
    v.object({
      type: tag('SingleParameterCondition', 'Test whether a field is empty.'),
      conditionId,
      dataReference: dataReference('Field to test: {source, object, field}.'),
      operator: v.pipe(
        v.picklist(['notEmpty', 'empty'], 'operator must be notEmpty or empty'),
        v.description('notEmpty or empty.'),
      ),
    }),
    v.object({
      type: tag('ValueCondition', 'Compare two fields.'),
      conditionId,
      lhsReference: dataReference('Left-hand field: {source, object, field}.'),
      operator,
      rhsReference: dataReference('Right-hand field: {source, object, field}.'),
    }),
    v.object({
      type: tag('EvaluableCondition', 'Compare a date field with a relative date window.'),
      conditionId,
      dataReference: dataReference('Date field to test: {source, object, field}.'),
      operator,
      evaluable,
    }),
    v.object({
      type: tag('ObjectExistsCondition', 'Test whether a related object exists.'),
      conditionId,
      reference: v.pipe(
        v.object({ source: dataSource, object: dataObject }),
        v.description('Object to look for: {source, object}.'),
      ),
      exists: v.pipe(
        v.boolean('exists must be true or false'),
        v.description('True: must exist; false: must not.'),
      ),
    }),
  ] as const;

const group = (nested: v.GenericSchema<Condition>) =>
  v.object({
    type: tag('ConditionGroup', 'Combine conditions with and/or.'),
    id: v.pipe(
      v.string(),
      v.regex(/^[^\s\\/]+$/, 'id must be an id without spaces or slashes (any unique string)'),
      v.description('Any unique id for this group.'),
    ),
    name: v.optional(v.pipe(v.string(), v.description('Optional group label.'))),
    operator: v.pipe(v.picklist(['and', 'or'], 'operator must be and or or'), v.description('and or or.')),
    conditions: v.pipe(
      v.array(nested),
      v.minLength(1, 'a ConditionGroup needs at least one condition'),
      v.description('Member conditions (at least one); groups may nest.'),
    ),
  });

const CONDITION_HELP =
  'Condition tree, each node tagged by `type`: ConditionGroup {id, operator and|or, conditions[]}, ' +
  'StaticValueCondition {conditionId, dataReference, operator, value}, SingleParameterCondition ' +
  '{conditionId, dataReference, operator notEmpty|empty}, ValueCondition, EvaluableCondition, ObjectExistsCondition';

/** `NonOwnershipConditionsRequest`, recursive through ConditionGroup. */
const conditions: v.GenericSchema<Condition> = v.pipe(
  v.variant(
    'type',
    [group(v.lazy(() => conditions)), ...leafConditions()],
    'condition type is not a known condition type',
  ),
  v.metadata({ typeName: 'Condition' }),
  v.description(`${CONDITION_HELP}. Copy the structure from a rule-list result.`),
);

/** `OwnershipConditionsRequest`: the same nodes plus OwnershipCondition. */
const ownershipConditions: v.GenericSchema<Condition> = v.pipe(
  v.variant(
    'type',
    [
      group(v.lazy(() => ownershipConditions)),
      ...leafConditions(),
      v.object({
        type: tag('OwnershipCondition', 'Match the record owner.'),
        conditionId,
        ownership: v.optional(dataReference('Field holding the owner: {source, object, field}.')),
        searchOwnershipBy: v.optional(
          v.pipe(
            v.picklist(
              ['CrmIdOrEmail', 'SalesforceIdOrEmail', 'TeamMemberFullNames'],
              'searchOwnershipBy must be CrmIdOrEmail, SalesforceIdOrEmail or TeamMemberFullNames',
            ),
            v.description('How the owner value is matched to a user (default CrmIdOrEmail).'),
          ),
        ),
        teamId: v.optional(ref('teamId', 'Only owners in this team.')),
      }),
    ],
    'condition type is not a known ownership condition type',
  ),
  v.metadata({ typeName: 'OwnershipRuleCondition' }),
  v.description(
    `${CONDITION_HELP}, OwnershipCondition {conditionId, ownership?, searchOwnershipBy?, teamId?}.`,
  ),
);

/**
 * Condition fields point at the trees through `v.lazy`, so the JSON Schema holds each tree once (in `$defs`)
 * instead of once per use.
 */
const conditionsField = v.pipe(
  v.lazy(() => conditions),
  v.description('The condition tree (a ConditionGroup at the root).'),
);
const ownershipConditionsField = v.pipe(
  v.lazy(() => ownershipConditions),
  v.description('The condition tree; ownership rules may also use OwnershipCondition nodes.'),
);

const ruleName = v.pipe(
  v.string(),
  v.minLength(1, 'name must be a non-empty rule name'),
  v.description('Rule name.'),
);
const workspaceId = ref('workspaceId', 'Workspace the rule belongs to (from workspace-list).');
const ruleIdOptional = v.optional(ref('ruleId', 'Id to give the rule; omit to have one generated.'));

const revision = v.pipe(
  v.number('revision must be the integer metadata.revision from rule-list or rule-get'),
  v.integer('revision must be the integer metadata.revision from rule-list or rule-get'),
  v.minValue(0, 'revision must be the integer metadata.revision from rule-list or rule-get'),
  v.description('metadata.revision (rule-get or rule-list), read just before.'),
);

/** The rule a rule-modify or rule-delete names, as a person checks it, and the routers that evaluate it. */
const ruleRead = { as: 'rule', tool: 'rule-get', args: { ruleId: '$ruleId' } };
const ruleFacts = [
  { label: 'Rule', show: ['rule.name', 'rule.type'] },
  { label: 'Revision (now, given)', show: ['rule.metadata.revision', '$revision'] },
];
const ruleRouters = {
  label: 'Concierge routers that evaluate it',
  from: 'routers.results',
  where: [{ path: ['router.routing.rules[].ruleIds[]', 'router.routing.rules[].id'], in: '$ruleId' }],
  show: ['router.name', 'router.slug'],
};

export const rulesTools = [
  defineTool({
    name: 'rule-list',
    title: 'List routing rules',
    group: 'rules',
    description:
      'Lists routing rules (names, types, metadata.revision) by filter.workspaceId, filter.name or filter.type; ' +
      'type is also checked by this server. For conditions, rule-get.',
    operation: { name: 'rule-list', method: 'GET', path: '/v1/org/rule/list' },
    input: v.object({
      filter: v.optional(
        v.pipe(
          v.object({
            workspaceId: v.optional(ref('workspaceId', 'From workspace-list.')),
            name: v.optional(v.pipe(v.string(), v.description('Rule name.'))),
            ruleBuilderVersion: v.optional(
              v.pipe(
                v.array(v.picklist(['ExplicitV1'], 'ruleBuilderVersion entries must be ExplicitV1')),
                v.description('Only ["ExplicitV1"] exists.'),
              ),
            ),
            type: v.optional(
              v.pipe(
                v.picklist(
                  ['NonOwnershipRule', 'OwnershipRule', 'AssignmentTableRule'],
                  'type must be NonOwnershipRule, OwnershipRule or AssignmentTableRule',
                ),
                v.description('Kind of rule.'),
              ),
            ),
          }),
          v.description('{workspaceId?, name?, type?: NonOwnershipRule|OwnershipRule|AssignmentTableRule}.'),
        ),
      ),
    }),
    fields: { filter: { in: 'query', spread: true } },
    pagination: { style: 'page', in: 'query', defaultPageSize: 50, maxPageSize: 200 },
    view: { items: 'results', keep: ['type', 'id', 'name', 'workspaceId', 'metadata.revision'] },
    filters: [
      { input: 'filter.type', item: 'type', send: true },
      { input: 'filter.ruleBuilderVersion', item: 'ruleBuilderVersion', send: true },
    ],
    safety: { kind: 'read', idempotent: true },
    permission: 'rule.read',
    response: 'json',
    docs: {
      confidence: 'spec-extended',
      notes:
        'Spec query has only workspaceId, name, page and pageSize (default 200, no maximum). filter.type and ' +
        'filter.ruleBuilderVersion (hosted inputs) are sent too and also applied by this layer, so the result is ' +
        'right whether or not the API honours them. The type values are the RuleView types.',
      safetyReason: 'A list; changes nothing.',
    },
  }),
  defineTool({
    name: 'rule-get',
    title: 'Get a routing rule',
    group: 'rules',
    description:
      'Returns one rule with its condition tree and metadata.revision; read it right before rule-modify or rule-delete.',
    operation: { name: 'rule-get', method: 'GET', path: '/v1/org/rule/{ruleId}' },
    input: v.object({
      ruleId: ref('ruleId', 'From rule-list.'),
    }),
    safety: { kind: 'read', idempotent: true },
    permission: 'rule.read',
    response: 'json',
    docs: {
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes: 'Path F2, input T; response assumed to be a RuleView.',
      safetyReason: 'A lookup; changes nothing.',
    },
  }),
  defineTool({
    name: 'rule-create',
    title: 'Create a routing rule',
    group: 'rules',
    description:
      'Creates a routing rule, live at once (revision 1), and returns it. Not retried: each call adds a rule ' +
      'unless you pass a ruleId.',
    operation: { name: 'rule-create', method: 'POST', path: '/v1/org/rule' },
    input: v.object({
      dto: v.pipe(
        v.variant(
          'type',
          [
            v.object({
              type: tag('CreateRuleRequest', 'An ordinary (non-ownership) rule.'),
              workspaceId,
              name: ruleName,
              conditions: conditionsField,
              ruleId: ruleIdOptional,
            }),
            v.object({
              type: tag('CreateOwnershipRuleRequest', 'An ownership rule (resolves a record owner).'),
              workspaceId,
              name: ruleName,
              conditions: ownershipConditionsField,
              teamId: v.optional(ref('teamId', 'Team the owner must belong to.')),
              ruleId: ruleIdOptional,
            }),
            v.object({
              type: tag('CreateAssignmentTableRuleRequest', 'A rule backed by an assignment table.'),
              workspaceId,
              name: ruleName,
              assignmentTableId: ref('assignmentTableId', 'From assignment-table-definition-list.'),
              conditions: conditionsField,
            }),
          ],
          'dto.type must be CreateRuleRequest, CreateOwnershipRuleRequest or CreateAssignmentTableRuleRequest',
        ),
        v.metadata({ listing: 'type' }),
        v.description('The rule.'),
      ),
    }),
    safety: { kind: 'write', idempotent: false },
    permission: 'rule.create',
    response: 'json',
    docs: {
      confidence: 'spec-extended',
      notes:
        'CreateAssignmentTableRuleRequest is not in the OpenAPI subset (newer hosted catalog, T); its conditions ' +
        'are typed like CreateRuleRequest (inferred). The five Evaluable variants share one shape, so they are one ' +
        'object with a type picklist.',
      safetyReason: 'Additive: adds a rule. Not idempotent (each call adds one unless ruleId is given).',
    },
  }),
  defineTool({
    name: 'rule-modify',
    title: 'Modify a routing rule',
    group: 'rules',
    description:
      "Replaces a rule's name and condition tree (same node types as rule-create), live at once. Edit the tree " +
      'from rule-get and pass its metadata.revision; a stale revision is refused (409): read again and retry.',
    operation: { name: 'rule-modify', method: 'PUT', path: '/v1/org/rule' },
    input: v.object({
      ruleId: ref('ruleId', 'From rule-list.'),
      revision,
      dto: v.pipe(
        v.looseObject({
          name: v.optional(ruleName),
          conditions: v.optional(ownershipConditionsField),
          teamId: v.optional(ref('teamId', 'Owner team (ownership rules).')),
        }),
        v.description('The new content, replacing the old: {name?, conditions?, teamId?}.'),
      ),
    }),
    fields: { ruleId: { in: 'query' }, revision: { in: 'query' } },
    safety: { kind: 'destructive', idempotent: false },
    permission: 'rule.modify',
    response: 'json',
    preview: {
      reads: [ruleRead, routersRead],
      show: ruleFacts,
      diff: [
        { label: 'name', before: 'rule.name', after: '$dto.name' },
        { label: 'conditions', before: 'rule.conditions', after: '$dto.conditions' },
        { label: 'teamId', before: 'rule.teamId', after: '$dto.teamId' },
      ],
      references: [ruleRouters],
    },
    docs: {
      permissionConfidence: 'observed',
      confidence: 'inferred',
      notes:
        'No schema: query ruleId/revision and body {dto} are the project’s placement decision; dto is a loose ' +
        'object (shape undocumented), its conditions checked with the ownership condition set (a superset).',
      safetyReason:
        "Replaces the rule's conditions (the old tree is lost; not additive). Not idempotent: the revision moves on.",
    },
  }),
  defineTool({
    name: 'rule-delete',
    title: 'Delete a routing rule',
    group: 'rules',
    description:
      'Deletes a rule: routers stop evaluating it at once and it cannot be restored. Pass the metadata.revision ' +
      'just read; a stale one is refused (409).',
    operation: { name: 'rule-delete', method: 'DELETE', path: '/v1/org/rule' },
    input: v.object({
      ruleId: ref('ruleId', 'From rule-list.'),
      revision,
    }),
    safety: { kind: 'destructive', idempotent: false },
    permission: 'rule.remove',
    response: 'json',
    preview: { reads: [ruleRead, routersRead], show: ruleFacts, references: [ruleRouters] },
    docs: {
      permissionConfidence: 'observed',
      confidence: 'inferred',
      notes:
        'No schema: ruleId and revision in the query is the project’s placement decision. Marked not idempotent ' +
        'because a revision-guarded retry after success fails; response undocumented.',
      safetyReason: 'Deletes a rule for good. Not idempotent: a revision-guarded repeat fails.',
    },
  }),
];

/** Read tools beyond the hosted server's catalog, from the Edge operation index: where assignment table ids come from. */
export const assignmentTableTools = [
  defineTool({
    name: 'assignment-table-definition-list',
    title: 'List assignment tables',
    group: 'rules',
    description:
      'Lists the assignment tables of a workspace (id, name, input and output columns): the assignmentTableIds rules take.',
    operation: {
      name: 'assignment-table-definition-list',
      method: 'GET',
      path: '/v1/org/assignment-table-definitions/list',
    },
    input: v.object({
      workspaceId: ref('workspaceId', 'From workspace-list.'),
      name: v.optional(v.pipe(v.string(), v.description('Name contains this text.'))),
    }),
    pagination: { style: 'page', in: 'query', defaultPageSize: 25, maxPageSize: 50 },
    view: { items: 'results', keep: ['id', 'name', 'inputs[].key', 'outputs[].key'] },
    optIn: true,
    safety: { kind: 'read', idempotent: true },
    permission: 'assignment-table.read',
    response: 'json',
    docs: {
      confidence: 'observed',
      permissionConfidence: 'inferred',
      extra: true,
      notes:
        'Not among the hosted server tools: added from the operation index. No OpenAPI subset covers it: query ' +
        'and response follow a public third-party tool catalog; the maximum page size of 50 and the permission ' +
        'name are inferred.',
      safetyReason: 'A list; changes nothing.',
    },
  }),
];
