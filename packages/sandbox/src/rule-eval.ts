/**
 * Evaluates ExplicitV1 rule conditions against a Concierge form (data-field name → value). Only field conditions
 * (`StaticValueCondition`, `SingleParameterCondition`) and `ConditionGroup`s are evaluated; other condition types
 * (ownership, relative dates, object existence, field-to-field) never match in the sandbox.
 */
type Node = { type?: unknown; [key: string]: unknown };

const text = (x: unknown): string => (x === undefined || x === null ? '' : String(x)).trim().toLowerCase();
const list = (x: unknown): string[] => (Array.isArray(x) ? x : [x]).map(text);

function fieldValue(form: Record<string, unknown>, ref: unknown): unknown {
  const field = (ref as { field?: unknown } | undefined)?.field;
  if (typeof field !== 'string') return undefined;
  if (field in form) return form[field];
  const key = Object.keys(form).find((k) => k.toLowerCase() === field.toLowerCase());
  return key === undefined ? undefined : form[key];
}

function compare(operator: unknown, actual: unknown, expected: unknown): boolean {
  const a = text(actual);
  const values = list(expected);
  const first = values[0] ?? '';
  const num = (x: unknown): number => Number(typeof x === 'string' ? x.replace(/[, ]/g, '') : x);
  switch (operator) {
    case 'equal':
      return a === first;
    case 'notEqual':
      return a !== first;
    case 'contains':
      return a.includes(first);
    case 'doesNotContain':
      return !a.includes(first);
    case 'startsWith':
      return a.startsWith(first);
    case 'endsWith':
      return a.endsWith(first);
    case 'isAnyOf':
      return values.includes(a);
    case 'isNotAnyOf':
      return !values.includes(a);
    case 'containsAnyOf':
      return values.some((v) => a.includes(v));
    case 'containsNoneOf':
      return !values.some((v) => a.includes(v));
    case 'startsWithAnyOf':
      return values.some((v) => a.startsWith(v));
    case 'endsWithAnyOf':
      return values.some((v) => a.endsWith(v));
    case '<':
      return num(actual) < num(expected);
    case '>':
      return num(actual) > num(expected);
    case '<=':
      return num(actual) <= num(expected);
    case '>=':
      return num(actual) >= num(expected);
    default:
      return false;
  }
}

/** True when the condition tree matches the form. */
export function evaluateCondition(condition: unknown, form: Record<string, unknown>): boolean {
  const node = condition as Node | null;
  if (!node || typeof node !== 'object') return false;
  switch (node.type) {
    case 'ConditionGroup': {
      const children = Array.isArray(node.conditions) ? node.conditions : [];
      if (children.length === 0) return false;
      return node.operator === 'or'
        ? children.some((c) => evaluateCondition(c, form))
        : children.every((c) => evaluateCondition(c, form));
    }
    case 'StaticValueCondition': {
      const actual = fieldValue(form, node.dataReference);
      return actual !== undefined && compare(node.operator, actual, node.value);
    }
    case 'SingleParameterCondition': {
      const empty = text(fieldValue(form, node.dataReference)) === '';
      return node.operator === 'empty' ? empty : node.operator === 'notEmpty' && !empty;
    }
    default:
      return false;
  }
}
