import { getTool } from './catalog.js';
import { getPath } from './get-path.js';
import type { EdgeResponse } from './send.js';
import { toRequest, type EdgeRequest } from './to-request.js';
import type { AnyTool } from './tool.js';
import { splitRange } from './windows.js';

/** Sends one request for a tool (its own operation). */
export type SendFor = (request: EdgeRequest, tool: AnyTool) => Promise<EdgeResponse>;

/** The items of a list response: at the tool's view path, or the response itself when it is a bare list. */
export function itemsOf(tool: AnyTool, data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const items = getPath(data, tool.view?.items ?? '');
  return Array.isArray(items) ? items : [];
}

/**
 * The input values of each item an expanded tool searches (`tool.expand`): one object of the left-out fields
 * per item of the other list whose given fields match. `[{}]` when nothing is expanded.
 */
async function expansions(
  tool: AnyTool,
  input: Readonly<Record<string, unknown>>,
  send: SendFor,
): Promise<{ values: Record<string, unknown>[]; requests: number }> {
  const expand = tool.expand;
  const fields = Object.entries(expand?.fields ?? {});
  if (!expand || fields.every(([field]) => input[field] !== undefined)) return { values: [{}], requests: 0 };
  const from = getTool(expand.from);
  if (!from) throw new TypeError(`${tool.name}: expand.from names no tool ("${expand.from}")`);
  const response = await send(toRequest(from, {}), from);
  const values = itemsOf(from, response.data)
    .filter((item) =>
      fields.every(([field, path]) => input[field] === undefined || getPath(item, path) === input[field]),
    )
    .map((item) =>
      Object.fromEntries(
        fields
          .filter(([field]) => input[field] === undefined)
          .map(([field, path]) => [field, getPath(item, path)]),
      ),
    );
  return { values, requests: 1 };
}

/**
 * The argument overrides of each request-sized segment of a list call: every expanded item (see
 * `tool.expand`) times every window of the split time range. A cursor counts segments, so their order is
 * stable: items in the other list's order, then windows in time order.
 */
export async function segmentsOf(
  tool: AnyTool,
  input: Readonly<Record<string, unknown>>,
  send: SendFor,
): Promise<{ segments: Record<string, unknown>[]; requests: number }> {
  const { values, requests } = await expansions(tool, input, send);
  const span = tool.span;
  const windows = splitRange(span, input);
  const segments = values.flatMap((value) =>
    windows.map((w) => ({ ...value, ...(span && w ? { [span.start]: w.start, [span.end]: w.end } : {}) })),
  );
  return { segments, requests };
}
