import * as v from 'valibot';
import type { ObjectEntries } from 'valibot';
import { defineTool, type AnyTool, type Operation, type ToolSpec } from '../../src/index.js';

type Spec = ToolSpec<ObjectEntries>;

/** A test tool's data; its operation takes its name, and it reads (`thing.read`, JSON) unless it says otherwise. */
type TestSpec = Omit<Spec, 'operation' | 'safety' | 'permission' | 'response' | 'docs'> &
  Partial<Pick<Spec, 'safety' | 'permission' | 'response'>> & { operation: Omit<Operation, 'name'> };

function testTool(spec: TestSpec): AnyTool {
  return defineTool({
    ...spec,
    operation: { name: spec.name, ...spec.operation },
    safety: spec.safety ?? { kind: 'read', idempotent: true },
    permission: spec.permission ?? 'thing.read',
    response: spec.response ?? 'json',
    docs: { confidence: 'inferred', safetyReason: 'A test tool.' },
  });
}

/** Small tools with every safety class, for executor tests that must not depend on the catalog. */
export const readTool = testTool({
  name: 'test-read',
  title: 'Read',
  description: 'Reads.',
  group: 'users',
  operation: { method: 'GET', path: '/v1/org/thing/{thingId}' },
  input: v.object({ thingId: v.string() }),
  pagination: { style: 'page', in: 'query', defaultPageSize: 10, maxPageSize: 50 },
  view: { items: 'results' },
});

export const writeTool = testTool({
  name: 'test-write',
  title: 'Write',
  description: 'Writes once.',
  group: 'users',
  operation: { method: 'POST', path: '/v1/org/thing' },
  input: v.object({ name: v.string() }),
  safety: { kind: 'write', idempotent: false },
  permission: 'thing.create',
});

export const csvTool = testTool({
  name: 'test-csv',
  title: 'CSV',
  description: 'Exports.',
  group: 'meetings',
  operation: { method: 'PUT', path: '/v1/org/export' },
  input: v.object({ start: v.string(), end: v.string() }),
  span: { start: 'start', end: 'end', maxDays: 7 },
  response: 'csv',
});

export const recordTool = testTool({
  name: 'test-record',
  title: 'Record',
  description: 'Reads one record.',
  group: 'users',
  operation: { method: 'GET', path: '/v1/org/record/{thingId}' },
  input: v.object({ thingId: v.string() }),
});
