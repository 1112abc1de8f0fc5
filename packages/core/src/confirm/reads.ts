import { resultText, type ToolResult } from '../results.js';
import type { AnyTool } from '../tool.js';
import { fillArgs, valueAt, type Scope } from './path.js';
import type { PreviewRead } from './types.js';

/** Runs one read tool with the caller's key (the executor with the server's options). */
export type RunRead = (tool: AnyTool, args: Record<string, unknown>) => Promise<ToolResult>;

/** Pages a preview follows through a list's `nextCursor`, at most. */
const MAX_PAGES = 5;

/** The first line of an error result, for the preview's `unread` notes. */
const firstLine = (result: ToolResult) => resultText(result).split('\n')[0]!.slice(0, 200);

/** One read: a record, a list (its pages merged), or the list item `find` names. Throws a note on failure. */
async function readOne(read: PreviewRead, tool: AnyTool, scope: Scope, run: RunRead): Promise<unknown> {
  const args = fillArgs(read.args, scope) as Record<string, unknown> | undefined;
  if (args === undefined) return undefined;
  const wanted = read.find ? valueAt(scope, read.find.equals) : undefined;
  const items: unknown[] = [];
  let cursor: unknown;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await run(tool, cursor === undefined ? args : { ...args, cursor });
    if (result.isError) throw new Error(`${read.tool}: ${firstLine(result)}`);
    const data = result.structuredContent;
    const results = data?.['results'];
    if (tool.view?.items === undefined || !Array.isArray(results)) return data;
    items.push(...results);
    const found = read.find && items.find((i) => valueAt(i, read.find!.where) === wanted);
    if (found) return found;
    cursor = data?.['nextCursor'];
    if (typeof cursor !== 'string') break;
  }
  if (read.find) throw new Error(`${read.tool}: no item with ${read.find.where} ${String(wanted)}`);
  return { results: items };
}

/** True when a read's arguments use an earlier read (`=path`), so it runs in the second wave. */
const waits = (read: PreviewRead) => JSON.stringify(read.args).includes('"=');

type Outcome = { value?: unknown; note?: string };

/**
 * Runs a preview's reads, in parallel (those that use an earlier read's values after the others), and
 * returns the scope the preview's paths read from (the call's arguments under `$`, each read under its `as`),
 * plus a note for each read that failed.
 */
export async function runReads(
  reads: readonly PreviewRead[],
  args: Record<string, unknown>,
  toolNamed: (name: string) => AnyTool | undefined,
  run: RunRead,
): Promise<{ scope: Scope; unread: string[] }> {
  const scope: Record<string, unknown> = { $: args };
  const outcomes = new Map<PreviewRead, Outcome>();
  const one = async (read: PreviewRead): Promise<void> => {
    const tool = toolNamed(read.tool);
    let outcome: Outcome;
    if (!tool || tool.safety.kind !== 'read')
      outcome = { note: `${read.tool}: not available on this server` };
    else {
      try {
        outcome = { value: await readOne(read, tool, { ...scope }, run) };
      } catch (error) {
        outcome = { note: error instanceof Error ? error.message : String(error) };
      }
    }
    outcomes.set(read, outcome);
  };
  for (const wave of [reads.filter((r) => !waits(r)), reads.filter(waits)]) {
    await Promise.all(wave.map(one));
    for (const read of wave) scope[read.as] = outcomes.get(read)!.value;
  }
  return { scope, unread: reads.flatMap((r) => outcomes.get(r)?.note ?? []) };
}
