import * as v from 'valibot';
import type { AnyTool } from './tool.js';

type Node = v.GenericSchema & { wrapped?: Node; entries?: Record<string, Node>; item?: Node };

/** `userIds` → `userId`; other names as they are. */
const singular = (field: string) => field.replace(/Ids$/, 'Id');

/**
 * The tool a field's description names as the source of its values ("From user-find.", "(from team-list-put)",
 * "(crmEventId of meeting-list-put)"), if any.
 */
export function namedSource(schema: unknown): string | undefined {
  let node = schema as Node | undefined;
  while (node?.wrapped) node = node.wrapped;
  const text = node ? v.getDescription(node as v.SchemaWithPipe<[v.GenericSchema]>) : undefined;
  return text ? /(?:\b(?:from|of) |\()([a-z][a-z0-9]*-[a-z0-9-]*[a-z0-9])\b/i.exec(text)?.[1] : undefined;
}

function sourceIn(schema: Node | undefined, names: ReadonlySet<string>): string | undefined {
  const named = namedSource(schema);
  return named && names.has(named) ? named : undefined;
}

/**
 * Where each kind of id comes from (`userId` → `user-find`), read from the tools' own field descriptions
 * ("From user-find."): for each id field name, the source tool its descriptions name most often, among
 * `tools`. Only tools in `tools` count as sources.
 */
export function idSources(tools: readonly AnyTool[]): Map<string, string> {
  const names = new Set(tools.map((t) => t.name));
  const votes = new Map<string, Map<string, number>>();
  for (const tool of tools) {
    for (const [field, schema] of Object.entries(tool.input.entries as Record<string, Node>)) {
      if (!/Ids?$/.test(field)) continue;
      const source = sourceIn(schema, names);
      if (!source || source === tool.name) continue;
      const id = singular(field);
      const counts = votes.get(id) ?? new Map<string, number>();
      counts.set(source, (counts.get(source) ?? 0) + 1);
      votes.set(id, counts);
    }
  }
  return new Map(
    [...votes].map(([id, counts]) => [
      id,
      [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
    ]),
  );
}

/** `userId` → "user ids", `crmEventId` → "crm event ids". */
export function idKindWords(field: string): string {
  return `${singular(field)
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()} ids`;
}
