import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defineTool, type AnyTool } from '../src/index.js';
import type { EdgeResponse } from '../src/send.js';
import type { EdgeRequest } from '../src/to-request.js';
import { MAX_REQUESTS_PER_CALL, walkList, type ListPage } from '../src/walk.js';

// The list walker against an in-memory upstream: whatever cuts a page (page size, result budget, request cap,
// windows, local filters), following nextCursor to the end must give every item exactly once, in order.

interface Item {
  id: string;
  at: string;
  guest: string;
  pad: string;
}

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
/** 200 items over 40 days; every seventh item is for the guest we filter on. */
const ITEMS: Item[] = Array.from({ length: 200 }, (_, i) => ({
  id: `i${i}`,
  at: new Date(T0 + i * 0.2 * DAY).toISOString(),
  guest: i % 7 === 0 ? 'Lead@Acme.com' : `g${i}@x.com`,
  pad: 'x'.repeat(40 + (i % 13)),
}));

function pagedTool(style: 'page' | 'hasMore', split: boolean, maxPageSize = 50): AnyTool {
  return defineTool({
    name: `test-${style}`,
    title: 'Paged',
    description: 'A paged list.',
    group: 'meetings',
    operation: { name: 'x', method: 'PUT', path: '/v1/org/list' },
    input: v.object({
      start: v.string(),
      end: v.string(),
      guest: v.optional(v.string()),
    }),
    pagination: { style, in: 'body', defaultPageSize: 10, maxPageSize },
    view: { items: style === 'page' ? 'results' : 'data.list', keep: ['id', 'at', 'guest'], id: 'id' },
    filters: [{ input: 'guest', item: 'guest' }],
    span: { start: 'start', end: 'end', maxDays: 7, ...(split ? { splitUpTo: 92 } : {}) },
    safety: { kind: 'read', idempotent: true },
    permission: 'thing.read',
    response: 'json',
    docs: { confidence: 'inferred', safetyReason: 'A test list.' },
  }) as unknown as AnyTool;
}

/** An upstream that pages the items inside the request's window, and counts requests. */
function upstream(style: 'page' | 'hasMore', answerArray = false) {
  const seen: EdgeRequest[] = [];
  const send = async (request: EdgeRequest): Promise<EdgeResponse> => {
    seen.push(request);
    const body = request.body as { start: string; end: string; page: number; pageSize: number };
    const inWindow = ITEMS.filter((i) => i.at >= body.start && i.at < body.end);
    const items = inWindow.slice(body.page * body.pageSize, (body.page + 1) * body.pageSize);
    const data = answerArray
      ? inWindow
      : style === 'page'
        ? { results: items, total: inWindow.length, page: body.page, pageSize: body.pageSize }
        : {
            data: { list: items },
            hasMore: (body.page + 1) * body.pageSize < inWindow.length ? 'Yes' : 'No',
          };
    return { status: 200, contentType: 'application/json', data, attempts: 1 };
  };
  return { send, seen };
}

/** Calls the walker, then follows nextCursor to the end; returns every item and the pages. */
async function walkAll(
  tool: AnyTool,
  args: Record<string, unknown>,
  send: (r: EdgeRequest) => Promise<EdgeResponse>,
  budget: number,
) {
  const pages: ListPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await walkList(tool, { ...args, ...(cursor ? { cursor } : {}) }, undefined, {
      send,
      budget,
    });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 500);
  return { items: pages.flatMap((p) => p.results as { id: string }[]), pages };
}

const range = (days: number) => ({
  start: new Date(T0).toISOString(),
  end: new Date(T0 + days * DAY).toISOString(),
});

describe('list walker: truthful continuation', () => {
  for (const style of ['page', 'hasMore'] as const) {
    it(`${style}: page size and a tight budget cut pages; the cursor continues exactly`, async () => {
      const tool = pagedTool(style, false);
      const { send } = upstream(style);
      const truth = ITEMS.filter((i) => i.at < range(7).end).map((i) => i.id);
      const { items, pages } = await walkAll(tool, range(7), send, 300);
      expect(items.map((i) => i.id)).toStrictEqual(truth);
      expect(pages.some((p) => p.note?.includes('to fit the result size'))).toBe(true);
      expect(pages.at(-1)!.nextCursor).toBeUndefined();
      for (const page of pages.slice(0, -1)) expect(page.nextCursor).toMatch(/^[\w-]+$/);
    });
  }

  it('never says there is nothing more while items were cut', async () => {
    const tool = pagedTool('hasMore', false);
    const { send } = upstream('hasMore');
    const first = await walkList(tool, range(7), undefined, { send, budget: 200 });
    expect(first.results.length).toBeLessThan(10);
    expect(first.nextCursor).toBeDefined();
  });

  it('splits a long range into 7-day windows and walks them in order', async () => {
    const tool = pagedTool('page', true);
    const { send, seen } = upstream('page');
    const { items } = await walkAll(tool, { ...range(40), pagination: { pageSize: 25 } }, send, 100_000);
    expect(items.map((i) => i.id)).toStrictEqual(ITEMS.map((i) => i.id));
    const windows = new Set(seen.map((r) => (r.body as { start: string }).start));
    expect(windows.size).toBe(6);
    for (const r of seen) {
      const b = r.body as { start: string; end: string };
      expect(Date.parse(b.end) - Date.parse(b.start)).toBeLessThanOrEqual(7 * DAY);
    }
  });

  it('applies a local filter across windows and pages, reading big pages, sending nothing of it', async () => {
    const tool = pagedTool('page', true);
    const { send, seen } = upstream('page');
    const { items } = await walkAll(
      tool,
      { ...range(40), guest: 'lead@acme.COM', pagination: { pageSize: 5 } },
      send,
      100_000,
    );
    expect(items.map((i) => i.id)).toStrictEqual(ITEMS.filter((_, i) => i % 7 === 0).map((i) => i.id));
    for (const r of seen) {
      expect(r.body).not.toHaveProperty('guest');
      expect((r.body as { pageSize: number }).pageSize).toBe(50);
    }
  });

  it('accepts an upstream that ignores paging and answers the whole list', async () => {
    const tool = pagedTool('page', false);
    const { send } = upstream('page', true);
    const { items } = await walkAll(tool, range(7), send, 250);
    expect(items.map((i) => i.id)).toStrictEqual(ITEMS.filter((i) => i.at < range(7).end).map((i) => i.id));
  });

  it('stops at the request cap with a cursor that goes on', async () => {
    // Upstream pages of one item, so a filtered walk needs one request per item.
    const tool = pagedTool('page', true, 1);
    const { send, seen } = upstream('page');
    const args = { ...range(40), guest: 'lead@acme.com', pagination: { pageSize: 10 } };
    const first = await walkList(tool, args, undefined, { send, budget: 100_000 });
    expect(seen).toHaveLength(MAX_REQUESTS_PER_CALL);
    expect(first.note).toMatch(/Stopped after 40 requests/);
    expect(first.nextCursor).toBeDefined();
    const { items } = await walkAll(tool, args, send, 100_000);
    expect(items.map((i) => i.id)).toStrictEqual(ITEMS.filter((_, i) => i % 7 === 0).map((i) => i.id));
  });

  it("refuses a page number where pages are not the API's own (split range or local filter)", async () => {
    const tool = pagedTool('page', true);
    const { send, seen } = upstream('page');
    await expect(
      walkList(tool, { ...range(40), pagination: { page: 2 } }, undefined, { send, budget: 1_000 }),
    ).rejects.toThrow(
      /pagination\.page: with a range split into windows or a search across items, page with nextCursor instead/,
    );
    expect(seen).toHaveLength(0);
  });
});
