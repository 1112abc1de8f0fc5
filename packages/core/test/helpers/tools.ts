import * as v from 'valibot';
import { defineTool, type AnyTool } from '../../src/index.js';

/** Small tools with every safety class, for executor tests that must not depend on the catalog. */
export const readTool: AnyTool = defineTool({
  name: 'test-read',
  title: 'Read',
  description: 'Reads.',
  group: 'users',
  operation: { name: 'test-read', method: 'GET', path: '/v1/org/thing/{thingId}' },
  input: v.object({ thingId: v.string() }),
  pagination: { style: 'page', in: 'query', defaultPageSize: 10, maxPageSize: 50 },
  view: { items: 'results' },
  safety: { kind: 'read', idempotent: true },
  permission: 'thing.read',
  response: 'json',
  docs: { confidence: 'inferred', safetyReason: 'A test tool.' },
});

export const writeTool: AnyTool = defineTool({
  name: 'test-write',
  title: 'Write',
  description: 'Writes once.',
  group: 'users',
  operation: { name: 'test-write', method: 'POST', path: '/v1/org/thing' },
  input: v.object({ name: v.string() }),
  safety: { kind: 'write', idempotent: false },
  permission: 'thing.create',
  response: 'json',
  docs: { confidence: 'inferred', safetyReason: 'A test tool.' },
});

export const csvTool: AnyTool = defineTool({
  name: 'test-csv',
  title: 'CSV',
  description: 'Exports.',
  group: 'meetings',
  operation: { name: 'test-csv', method: 'PUT', path: '/v1/org/export' },
  input: v.object({ start: v.string(), end: v.string() }),
  span: { start: 'start', end: 'end', maxDays: 7 },
  safety: { kind: 'read', idempotent: true },
  permission: 'thing.read',
  response: 'csv',
  docs: { confidence: 'inferred', safetyReason: 'A test tool.' },
});

export const recordTool: AnyTool = defineTool({
  name: 'test-record',
  title: 'Record',
  description: 'Reads one record.',
  group: 'users',
  operation: { name: 'test-record', method: 'GET', path: '/v1/org/record/{thingId}' },
  input: v.object({ thingId: v.string() }),
  safety: { kind: 'read', idempotent: true },
  permission: 'thing.read',
  response: 'json',
  docs: { confidence: 'inferred', safetyReason: 'A test tool.' },
});
