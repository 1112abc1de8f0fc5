import * as v from 'valibot';
import { EdgeError } from './errors.js';
import { getPath } from './get-path.js';
import { prepareArgs, type ShapeIssue } from './prepare.js';
import type { AnyTool } from './tool.js';

type Entries = Record<string, v.GenericSchema & { wrapped?: v.GenericSchema; entries?: Entries }>;

/** What the field at a dotted path expects, in words: its description, else its type. */
function expectation(tool: AnyTool, path: string): string {
  let schema: (v.GenericSchema & { wrapped?: v.GenericSchema; entries?: Entries }) | undefined = tool.input;
  for (const key of path.split('.')) {
    schema = schema?.entries?.[key];
    while (schema?.wrapped) schema = schema.wrapped;
  }
  if (!schema) return '';
  return v.getDescription(schema as v.SchemaWithPipe<[v.GenericSchema]>) ?? schema.expects;
}

/** One failed check as a field path and a message: a missing field reads "required", never "Invalid key". */
function toShapeIssue(tool: AnyTool, issue: v.BaseIssue<unknown>): ShapeIssue {
  const path = v.getDotPath(issue) ?? '(arguments)';
  if (issue.received === 'undefined' && issue.kind === 'schema') {
    const expected = expectation(tool, path);
    return { path, message: `required${expected ? `: ${expected}` : ''}` };
  }
  return {
    path,
    message: issue.kind === 'schema' ? issue.message : `${issue.message} (got ${issue.received})`,
  };
}

function invalid(tool: AnyTool, issues: readonly ShapeIssue[], note = ''): EdgeError {
  const lines = issues.map((i) => `- ${i.path}: ${i.message}`);
  return new EdgeError(
    'invalid-arguments',
    `Invalid arguments for ${tool.name} (nothing was sent):\n${lines.join('\n')}${note}`,
    { fields: [...new Set(issues.map((i) => i.path))] },
  );
}

/** Checks the tool's span limit on validated input; throws before any request is sent. */
export function checkSpan(tool: AnyTool, input: Record<string, unknown>): void {
  const span = tool.span;
  if (!span) return;
  const start = Date.parse(String(getPath(input, span.start)));
  const end = Date.parse(String(getPath(input, span.end)));
  if (Number.isNaN(start) || Number.isNaN(end)) return;
  if (end <= start) throw invalid(tool, [{ path: span.end, message: `must be after ${span.start}` }]);
  const days = (end - start) / 86_400_000;
  const limit = span.splitUpTo ?? span.maxDays;
  if (days > limit) {
    const how = span.splitUpTo
      ? ` (this server splits it into ${span.maxDays}-day requests). Call once per ${limit}-day range.`
      : `. Split the range into windows of ${limit} days or less and call once per window.`;
    throw new EdgeError(
      'span-too-long',
      `Invalid arguments for ${tool.name} (nothing was sent):\n- ${span.start}/${span.end}: the span is ` +
        `${days.toFixed(1)} days; at most ${limit} days are allowed${how}`,
      { fields: [span.start, span.end] },
    );
  }
}

/**
 * Validates raw tool arguments: the structural pass (stringified JSON and numeric strings repaired; unknown,
 * prototype-polluting and array-for-object fields named), then the tool's valibot schema, then the span.
 * Every bad field is named; nothing is sent on failure.
 */
export function validateArgs(tool: AnyTool, raw: unknown): Record<string, unknown> {
  const args = raw === undefined || raw === null ? {} : raw;
  if (typeof args !== 'object' || Array.isArray(args)) {
    throw invalid(tool, [{ path: '(arguments)', message: 'expected an object of named fields' }]);
  }
  const prepared = prepareArgs(tool.input, args);
  const result = v.safeParse(tool.input, prepared.value);
  const issues = [
    ...prepared.issues,
    ...(result.success ? [] : result.issues.map((i) => toShapeIssue(tool, i))),
  ];
  if (issues.length > 0 || !result.success) throw invalid(tool, issues);
  const input = result.output as Record<string, unknown>;
  checkSpan(tool, input);
  return input;
}
