import type { Prng } from '../util/prng.js';
import type { Tenant } from '../store.js';
import type { AssignmentTableDefinition, ColumnContext } from '../types.js';
import { metadata } from './org.js';

type TypeHint = NonNullable<AssignmentTableDefinition['inputs'][number]['typeHint']>;
interface TableSpec {
  /** Index of the workspace (in seed order) that owns the table. */
  ws: number;
  name: string;
  inputs: [string, boolean, TypeHint][];
  outputs: [string, ColumnContext, boolean][];
  /** The AssignmentTableRule that uses the table, if any: its name, product and the field it requires. */
  rule?: [string, string, string];
}

const TEXT: TypeHint = { type: 'StringColumnType' };
const TABLES: TableSpec[] = [
  {
    ws: 0,
    name: 'Territory by country',
    inputs: [
      ['Country', true, TEXT],
      ['Employees', false, { type: 'NumberColumnType' }],
    ],
    outputs: [['Account Executive', 'Meeting', true]],
    rule: ['Territory assignment', 'Concierge', 'PersonCountry'],
  },
  {
    ws: 0,
    name: 'Named accounts',
    inputs: [['Account domain', true, TEXT]],
    outputs: [
      ['Account owner', 'Record', true],
      ['Meeting host', 'Meeting', false],
    ],
    rule: ['Named account owner', 'Distro', 'CompanyDomain'],
  },
  {
    ws: 1,
    name: 'CSM by segment',
    inputs: [
      ['Segment', true, TEXT],
      ['Products', false, { type: 'ArrayColumnType', ofType: TEXT }],
    ],
    outputs: [['CSM', 'Meeting', true]],
    rule: ['CSM lookup', 'ChiliCal', 'CompanySegment'],
  },
  {
    ws: 2,
    name: 'Chat owner by page',
    inputs: [
      ['Page path', true, TEXT],
      ['Returning visitor', false, { type: 'BooleanColumnType' }],
    ],
    outputs: [['Chat owner', 'Conversation', true]],
  },
];

/** Column keys are derived from column names (`Account Executive` → `account_executive`). */
const keyOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/**
 * Assignment-table definitions in the first workspaces, and an ExplicitV1 AssignmentTableRule for each table that
 * has one (appended after the other rules). Uses its own PRNG so the rest of the seed keeps its ids.
 */
export function seedAssignmentTables(t: Tenant, rng: Prng, createdAt: string): void {
  const workspaces = [...t.workspaces.values()];
  const by = `user/${[...t.users.values()][0]?.id ?? '000000000000000000000000'}`;
  for (const [i, spec] of TABLES.entries()) {
    const ws = workspaces[spec.ws];
    if (!ws) continue;
    const table: AssignmentTableDefinition = {
      id: rng.uuid(),
      workspaceId: ws.id,
      name: spec.name,
      inputs: spec.inputs.map(([name, required, typeHint]) => ({
        key: keyOf(name),
        name,
        required,
        typeHint,
      })),
      outputs: spec.outputs.map(([name, context, required]) => ({
        key: keyOf(name),
        name,
        context,
        required,
      })),
      metadata: metadata(createdAt, by, 1 + (i % 3)),
    };
    t.assignmentTables.set(table.id, table);
    if (!spec.rule) continue;
    const id = rng.uuid();
    t.rules.set(id, {
      type: 'AssignmentTableRule',
      id,
      workspaceId: ws.id,
      name: spec.rule[0],
      conditions: {
        type: 'ConditionGroup',
        id: rng.uuid(),
        operator: 'and',
        conditions: [
          {
            type: 'SingleParameterCondition',
            conditionId: rng.uuid(),
            dataReference: { source: 'DF', object: 'Person', field: spec.rule[2] },
            operator: 'notEmpty',
          },
        ],
      },
      ruleBuilderVersion: 'ExplicitV1',
      product: spec.rule[1],
      assignmentTableId: table.id,
      metadata: metadata(createdAt, by, 1),
    });
  }
}
