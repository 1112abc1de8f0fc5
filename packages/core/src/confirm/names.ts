/** Ids shown as the names a person knows, from whatever the preview's reads returned. */

/** Keys whose value is the id of the object that holds them, next to its `name`. */
const ID_KEYS = ['id', 'userId', 'distributionId'] as const;
/** Longest rendered value, in characters. */
const MAX_VALUE_CHARS = 80;

/** Id → name for every object in `values` that has a string `name` and an `id` or `userId`. */
export function collectNames(values: readonly unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 10 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const name = record['name'];
    if (typeof name === 'string' && name) {
      for (const key of ID_KEYS) {
        const id = record[key];
        if (typeof id === 'string' && !names.has(id)) names.set(id, name);
      }
    }
    for (const item of Object.values(record)) visit(item, depth + 1);
  };
  for (const value of values) visit(value, 0);
  return names;
}

/** A value in a few words: a known id as its name, text as is, anything else as short JSON. */
export function render(value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return names.get(value) ?? clip(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return clip(value.map((v) => names.get(v) ?? v).join(', ')) || '(empty list)';
  }
  return clip(JSON.stringify(value));
}

/** A short label for an array element's key: its name when known, else the id (long ids cut to 8 characters). */
export function keyLabel(key: string, names: ReadonlyMap<string, string>): string {
  return names.get(key) ?? (key.length > 12 ? `${key.slice(0, 8)}…` : key);
}

function clip(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
