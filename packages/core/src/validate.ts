import * as v from 'valibot';
import { EdgeError } from './errors.js';
import { getPath } from './get-path.js';
import type { AnyTool } from './tool.js';

const STRUCTURED = new Set([
  'object',
  'loose_object',
  'strict_object',
  'object_with_rest',
  'array',
  'tuple',
  'record',
  'variant',
  'union',
]);

interface Wrapping {
  type: string;
  wrapped?: Wrapping;
}

function baseType(schema: Wrapping): string {
  let s = schema;
  while ((s.type === 'optional' || s.type === 'nullish' || s.type === 'nullable') && s.wrapped) s = s.wrapped;
  return s.type;
}

/**
 * Some clients send object and array arguments as JSON strings. Parse those (top-level fields only,
 * and only where the schema expects an object or array) before validation.
 */
export function parseStringifiedArgs(tool: AnyTool, args: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) continue;
    const entry = tool.input.entries[key] as Wrapping | undefined;
    if (!entry || !STRUCTURED.has(baseType(entry))) continue;
    try {
      (out ??= { ...args })[key] = JSON.parse(value);
    } catch {
      // Leave it: validation will name the field.
    }
  }
  return out ?? args;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue) ?? '(arguments)';
  const received = issue.received === 'undefined' ? 'nothing' : issue.received;
  return `- ${path}: ${issue.message}${issue.kind === 'schema' ? '' : ` (got ${received})`}`;
}

/** Checks the tool's span limit on validated input; throws before any request is sent. */
export function checkSpan(tool: AnyTool, input: Record<string, unknown>): void {
  const span = tool.span;
  if (!span) return;
  const start = Date.parse(String(getPath(input, span.start)));
  const end = Date.parse(String(getPath(input, span.end)));
  if (Number.isNaN(start) || Number.isNaN(end)) return;
  if (end <= start) {
    throw new EdgeError(
      'span-too-long',
      `Invalid arguments for ${tool.name}:\n- ${span.end}: must be after ${span.start}`,
    );
  }
  const days = (end - start) / 86_400_000;
  if (days > span.maxDays) {
    throw new EdgeError(
      'span-too-long',
      `Invalid arguments for ${tool.name}:\n- ${span.start}/${span.end}: the span is ${days.toFixed(1)} days; ` +
        `at most ${span.maxDays} days are allowed. Split the range into windows of ${span.maxDays} days or less and call once per window.`,
    );
  }
}

/** Validates raw tool arguments: stringified JSON accepted, each bad field named, span checked. */
export function validateArgs(tool: AnyTool, raw: unknown): Record<string, unknown> {
  const args = raw === undefined || raw === null ? {} : raw;
  if (typeof args !== 'object' || Array.isArray(args)) {
    throw new EdgeError(
      'invalid-arguments',
      `Invalid arguments for ${tool.name}: expected an object of named fields.`,
    );
  }
  const known = Object.keys(tool.input.entries);
  const unknown = Object.keys(args).filter((key) => !known.includes(key));
  const result = v.safeParse(tool.input, parseStringifiedArgs(tool, args as Record<string, unknown>));
  if (!result.success || unknown.length > 0) {
    const expected = known.length ? `expected one of: ${known.join(', ')}` : 'this tool takes no arguments';
    const lines = [
      ...unknown.map((key) => `- ${key}: unknown field (${expected})`),
      ...(result.success ? [] : result.issues.map(describeIssue)),
    ];
    throw new EdgeError(
      'invalid-arguments',
      `Invalid arguments for ${tool.name} (nothing was sent):\n${lines.join('\n')}`,
    );
  }
  const input = result.output as Record<string, unknown>;
  checkSpan(tool, input);
  return input;
}
