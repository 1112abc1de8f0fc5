import { canonicalJson } from './canonical.js';
import { keyLabel, render } from './names.js';
import type { PreviewChange } from './types.js';

/** Keys that identify the elements of a list, so lists are compared element by element, not by position. */
const ELEMENT_KEYS = ['conditionId', 'userId', 'id'] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The key every element of both lists has, if one does. */
function elementKey(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  const all = [...a, ...b];
  return ELEMENT_KEYS.find(
    (k) => all.length > 0 && all.every((e) => isObject(e) && typeof e[k] === 'string'),
  );
}

/**
 * The changed values between `before` and `after`, as `path: before → after` lines: objects key by key, lists
 * of keyed objects element by element (`weights[Ada].weight`), lists of ids as added and removed ids.
 */
export function diffValues(
  before: unknown,
  after: unknown,
  path: string,
  names: ReadonlyMap<string, string>,
): PreviewChange[] {
  if (same(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffValues(before[k], after[k], `${path}.${k}`, names));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const key = elementKey(before, after);
    if (key) {
      // Each element without its key (the key is in the path).
      const byKey = (list: unknown[]) =>
        new Map(
          list.map((e) => {
            const { [key]: id, ...rest } = e as Record<string, unknown>;
            return [id as string, rest];
          }),
        );
      const [b, a] = [byKey(before), byKey(after)];
      const keys = [...new Set([...b.keys(), ...a.keys()])];
      return keys.flatMap((k) => diffValues(b.get(k), a.get(k), `${path}[${keyLabel(k, names)}]`, names));
    }
    if ([...before, ...after].every((e) => typeof e === 'string' || typeof e === 'number')) {
      const added = after.filter((e) => !before.includes(e));
      const removed = before.filter((e) => !after.includes(e));
      return [
        ...removed.map((e) => ({ path, before: render(e, names), after: '(removed)' })),
        ...added.map((e) => ({ path, before: '(none)', after: render(e, names) })),
      ];
    }
  }
  return [
    {
      path,
      before: render(before, names),
      after: after === undefined ? '(removed)' : render(after, names),
    },
  ];
}
