import { getPath } from './get-path.js';
import type { AnyTool, LocalFilter } from './tool.js';

/** Every value a dotted path reaches in an item; `a[].b` collects `b` of each element of `a`. */
function valuesAt(value: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('.');
  if (head === undefined || value === null || typeof value !== 'object') return rest.length ? [] : [value];
  const each = head.endsWith('[]');
  const child = (value as Record<string, unknown>)[each ? head.slice(0, -2) : head];
  const children = each ? (Array.isArray(child) ? child : []) : [child];
  return rest.length ? children.flatMap((c) => valuesAt(c, rest.join('.'))) : children;
}

const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

/** The filters the caller gave a value for. */
export function activeFilters(tool: AnyTool, input: Readonly<Record<string, unknown>>): LocalFilter[] {
  return (tool.filters ?? []).filter((f) => getPath(input, f.input) !== undefined);
}

/** True when an item matches every active filter (strings compare case-insensitively; a list input means any of). */
export function matches(
  item: unknown,
  filters: readonly LocalFilter[],
  input: Readonly<Record<string, unknown>>,
): boolean {
  return filters.every((f) => {
    const wanted = getPath(input, f.input);
    const wants = (Array.isArray(wanted) ? wanted : [wanted]).map(norm);
    return valuesAt(item, f.item).some((v) => wants.includes(norm(v)));
  });
}
