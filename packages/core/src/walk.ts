import { decodeCursor, encodeCursor, argsKey, type ListPosition } from './cursor.js';
import { EdgeError } from './errors.js';
import { getPath } from './get-path.js';
import { activeFilters, matches } from './local-filter.js';
import { itemsOf, segmentsOf, type SendFor } from './segments.js';
import { toRequest } from './to-request.js';
import type { AnyTool } from './tool.js';
import { missingFieldsNote, shapeItem, type FieldsChoice } from './shape.js';

/** One page of a list result: the items, and a continuation when more may remain. */
export interface ListPage {
  readonly results: unknown[];
  readonly total?: number;
  readonly nextCursor?: string;
  readonly note?: string;
}

/** How the walk reaches the Edge API and reports progress. */
export interface WalkContext {
  /** Sends one request of a tool (its own operation, with retries and the rest of the executor's rules). */
  readonly send: SendFor;
  /** Characters the items may take in the result. */
  readonly budget: number;
  /** Called after each upstream request. */
  readonly onProgress?: ((done: number, total: number | undefined) => void) | undefined;
}

/** Most upstream requests one tool call makes before it returns what it has, with a cursor. */
export const MAX_REQUESTS_PER_CALL = 40;

/** Whether the upstream has pages after `page` (of `size` items) in this window. */
function hasMorePages(tool: AnyTool, data: unknown, page: number, size: number, count: number): boolean {
  if (!tool.pagination || Array.isArray(data)) return false;
  if (tool.pagination.style === 'hasMore') return getPath(data, 'hasMore') === 'Yes';
  const total = getPath(data, 'total');
  return typeof total === 'number' ? (page + 1) * size < total : count >= size;
}

/** The first position of a call without a cursor, from its `pagination` input. */
function startPosition(
  tool: AnyTool,
  input: Readonly<Record<string, unknown>>,
  filtered: boolean,
  segments: number,
): ListPosition {
  const paging = input['pagination'] as { page?: number; pageSize?: number } | undefined;
  const n = paging?.pageSize ?? tool.pagination?.defaultPageSize ?? Number.MAX_SAFE_INTEGER;
  const page = paging?.page ?? 0;
  if (page > 0 && (filtered || segments > 1)) {
    throw new EdgeError(
      'invalid-arguments',
      `Invalid arguments for ${tool.name} (nothing was sent):\n- pagination.page: with ${
        filtered ? 'a filter this server applies' : 'a range split into windows or a search across items'
      }, page with nextCursor instead (start with page 0).`,
      { fields: ['pagination.page'] },
    );
  }
  // Filtered walks read the largest pages the API allows; others read exactly one result page per request.
  const max = tool.pagination?.maxPageSize;
  const u = tool.pagination ? (filtered ? (max ?? Math.max(n, 200)) : Math.min(n, max ?? n)) : 1;
  return { w: 0, p: page, o: 0, u, n };
}

/**
 * Walks a list across upstream pages and split windows, applying local filters, until the result page holds
 * `n` items, the character budget is reached, or the data ends. Whenever it stops before the end it returns a
 * `nextCursor` from which the next call continues exactly: no item skipped, none repeated.
 */
export async function walkList(
  tool: AnyTool,
  input: Readonly<Record<string, unknown>>,
  fields: FieldsChoice,
  ctx: WalkContext,
): Promise<ListPage> {
  const filters = activeFilters(tool, input);
  const key = argsKey(input);
  const cursor = input['cursor'] as string | undefined;
  const start = cursor ? decodeCursor(cursor, key, tool.name) : undefined;
  const { segments, requests: listed } = await segmentsOf(tool, input, ctx.send);
  let pos = start ?? startPosition(tool, input, filters.length > 0, segments.length);
  const { pagination: _p, ...wire } = input;
  const results: unknown[] = [];
  const raw: unknown[] = [];
  const seen = new Set<unknown>();
  let chars = 0;
  let requests = listed;
  let total: number | undefined;
  let stopped: 'full' | 'budget' | 'requests' | undefined;

  while (pos.w < segments.length) {
    if (requests >= MAX_REQUESTS_PER_CALL) {
      stopped = 'requests';
      break;
    }
    const args: Record<string, unknown> = { ...wire, ...segments[pos.w] };
    if (tool.pagination) args['pagination'] = { page: pos.p, pageSize: pos.u };
    const response = await ctx.send(toRequest(tool, args), tool);
    requests++;
    ctx.onProgress?.(requests, segments.length > 1 ? segments.length : undefined);
    const items = itemsOf(tool, response.data);
    if (segments.length === 1 && filters.length === 0) {
      const t = getPath(response.data, 'total');
      total = typeof t === 'number' ? t : undefined;
    }
    let i = pos.o;
    for (; i < items.length; i++) {
      const item = items[i];
      if (filters.length && !matches(item, filters, input)) continue;
      const id = tool.view?.id ? getPath(item, tool.view.id) : undefined;
      if (id !== undefined && seen.has(id)) continue;
      if (results.length >= pos.n) {
        stopped = 'full';
        break;
      }
      const shaped = shapeItem(tool, item, fields);
      const size = JSON.stringify(shaped).length + 1;
      if (chars + size > ctx.budget && results.length > 0) {
        stopped = 'budget';
        break;
      }
      if (id !== undefined) seen.add(id);
      results.push(shaped);
      if (raw.length < 20) raw.push(item);
      chars += size;
    }
    if (stopped) {
      pos = { ...pos, o: i };
      break;
    }
    pos = hasMorePages(tool, response.data, pos.p, pos.u, items.length)
      ? { ...pos, p: pos.p + 1, o: 0 }
      : { ...pos, w: pos.w + 1, p: 0, o: 0 };
    if (results.length >= pos.n && pos.w < segments.length) {
      stopped = 'full';
      break;
    }
  }
  const more = stopped !== undefined && pos.w < segments.length;
  const notes = [
    stopped === 'budget'
      ? `Cut at ${results.length} items to fit the result size; pass nextCursor for the rest.`
      : '',
    stopped === 'requests' ? `Stopped after ${requests} requests; pass nextCursor to go on.` : '',
    missingFieldsNote(raw, fields) ?? '',
  ].filter(Boolean);
  return {
    results,
    ...(total === undefined ? {} : { total }),
    ...(more ? { nextCursor: encodeCursor(pos, key) } : {}),
    ...(notes.length ? { note: notes.join(' ') } : {}),
  };
}
