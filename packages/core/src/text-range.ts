import type { EdgeResponse } from './send.js';
import { toRequest, type EdgeRequest } from './to-request.js';
import type { AnyTool } from './tool.js';
import { splitRange, withWindow } from './windows.js';

/** Windows fetched at once when a text export is split. */
export const WINDOW_CONCURRENCY = 4;

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of the results. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Fetches a text (CSV) answer over a range that may be longer than one request allows: one request per window,
 * a few at a time, joined in order. A CSV keeps the first window's header line only.
 */
export async function fetchTextRange(
  tool: AnyTool,
  input: Readonly<Record<string, unknown>>,
  send: (request: EdgeRequest) => Promise<EdgeResponse>,
  onProgress?: (done: number, total: number) => void,
): Promise<string> {
  const windows = splitRange(tool.span, input);
  let done = 0;
  const texts = await mapLimit(windows, WINDOW_CONCURRENCY, async (window) => {
    const response = await send(toRequest(tool, withWindow(tool.span, input, window)));
    onProgress?.(++done, windows.length);
    return typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
  });
  if (tool.response !== 'csv' || texts.length === 1) return texts.join('');
  const [first = '', ...others] = texts;
  const rows = (t: string) => (t.includes('\n') ? t.slice(t.indexOf('\n') + 1) : '');
  const body = others.map(rows).filter((t) => t.trim() !== '');
  return [first.replace(/\n?$/, '\n'), ...body.map((t) => t.replace(/\n?$/, '\n'))].join('');
}
