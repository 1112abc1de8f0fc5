import type { AnyTool } from '../tool.js';
import { diffValues } from './diff.js';
import { collectNames, render } from './names.js';
import { valueAt, valuesAt, type Scope } from './path.js';
import { runReads, type RunRead } from './reads.js';
import type { Preview, PreviewChange, PreviewDiff, PreviewReference, PreviewSpec } from './types.js';

/** Most entries one fact, reference list or diff shows; the rest are counted. */
const MAX_ENTRIES = 12;

const list = (path: string | readonly string[]) => (typeof path === 'string' ? [path] : path);

/** Caps a list of lines at {@link MAX_ENTRIES}, saying how many were left out. */
function capped(lines: string[]): string[] {
  if (lines.length <= MAX_ENTRIES) return lines;
  return [...lines.slice(0, MAX_ENTRIES - 1), `and ${lines.length - MAX_ENTRIES + 1} more`];
}

/** The values at `paths` joined into one line ("Ada Lovelace, ada@example.com"). */
function line(root: unknown, paths: string | readonly string[], names: ReadonlyMap<string, string>): string {
  return list(paths)
    .map((p) => valuesAt(root, p))
    .filter((vs) => vs.length > 0)
    .map((vs) => render(vs.length === 1 ? vs[0] : vs, names))
    .join(', ');
}

function changesOf(d: PreviewDiff, scope: Scope, names: ReadonlyMap<string, string>): PreviewChange[] {
  const after = valueAt(scope, d.after);
  if (!d.each) {
    const before = valueAt(scope, d.before);
    if (after === undefined) {
      return d.omitted === 'reset' && before !== undefined
        ? [{ path: d.label, before: render(before, names), after: '(left out: reset)' }]
        : [];
    }
    return diffValues(before, after, d.label, names);
  }
  const each = d.each;
  return valuesAt(scope, each.items).flatMap((item) => {
    const key = String(valueAt(item, each.key));
    const next =
      after !== null && typeof after === 'object' ? (after as Record<string, unknown>)[key] : undefined;
    const label = `${d.label} of ${line(item, each.label, names) || key}`;
    return next === undefined ? [] : diffValues(valueAt(item, d.before), next, label, names);
  });
}

function referencesOf(r: PreviewReference, scope: Scope, names: ReadonlyMap<string, string>): string[] {
  const items = valuesAt(scope, `${r.from}[]`).filter((item) =>
    (r.where ?? []).every((w) => {
      const wanted = valueAt(scope, w.in);
      if (wanted === undefined) return true;
      const set = new Set((Array.isArray(wanted) ? wanted : [wanted]).map(String));
      return list(w.path).some((p) => valuesAt(item, p).some((v) => set.has(String(v))));
    }),
  );
  return items.map((item) => line(item, r.show, names)).filter(Boolean);
}

/**
 * Builds the preview of a guarded call from the tool's preview data: runs its reads (the caller's key, the
 * tools' own read operations), then picks the facts, computes the changes and finds the references.
 */
export async function buildPreview(
  tool: AnyTool,
  spec: PreviewSpec,
  args: Record<string, unknown>,
  toolNamed: (name: string) => AnyTool | undefined,
  run: RunRead,
): Promise<Preview> {
  const { scope, unread } = await runReads(spec.reads, args, toolNamed, run);
  const names = collectNames(spec.reads.map((r) => scope[r.as]));
  const facts: Record<string, string | string[]> = {};
  for (const fact of spec.show) {
    if (fact.each) {
      const entries = valuesAt(scope, `${fact.each}[]`).map((item) => line(item, fact.show, names));
      if (entries.length > 0) facts[fact.label] = capped(entries.filter(Boolean));
    } else {
      const value = line(scope, fact.show, names);
      if (value) facts[fact.label] = value;
    }
  }
  const changes = (spec.diff ?? []).flatMap((d) => changesOf(d, scope, names));
  const references: Record<string, string[]> = {};
  for (const r of spec.references ?? []) {
    if (scope[r.from.split(/[.[]/)[0]!] === undefined) continue;
    references[r.label] = capped(referencesOf(r, scope, names));
  }
  return {
    tool: tool.name,
    action: tool.title,
    facts,
    ...(changes.length ? { changes: changes.slice(0, MAX_ENTRIES) } : {}),
    ...(changes.length > MAX_ENTRIES ? { changesLeftOut: changes.length - MAX_ENTRIES } : {}),
    ...(Object.keys(references).length ? { references } : {}),
    ...(unread.length ? { unread } : {}),
  };
}
