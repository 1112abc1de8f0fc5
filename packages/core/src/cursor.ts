import { EdgeError } from './errors.js';

/**
 * Where a list walk stopped: the window of a split range, the upstream page in it, the offset of the next item
 * in that page, and the upstream page size. A `nextCursor` is this state plus a hash of the call's other
 * arguments, so a cursor replayed with other arguments is refused instead of returning the wrong items.
 * Stateless: it works on any instance of a stateless HTTP or serverless deployment.
 */
export interface ListPosition {
  /** Window index (0 when the range is not split). */
  readonly w: number;
  /** Upstream page number within the window (0-based). */
  readonly p: number;
  /** Items of that page already returned. */
  readonly o: number;
  /** Upstream page size the walk uses (pages must stay aligned across calls). */
  readonly u: number;
  /** Items per result page. */
  readonly n: number;
}

/** A stable text of the arguments that define a list (key order does not matter). */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** FNV-1a, 32 bits, as hex: enough to tell argument sets apart (not a security measure). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const toBase64Url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text: string) => atob(text.replace(/-/g, '+').replace(/_/g, '/'));

/** The hash of a call's list-defining arguments (everything but paging, cursor and fields). */
export function argsKey(args: Readonly<Record<string, unknown>>): string {
  const { pagination: _p, cursor: _c, fields: _f, ...rest } = args;
  return hash(stable(rest));
}

/** Makes the `nextCursor` for a position. */
export function encodeCursor(position: ListPosition, key: string): string {
  return toBase64Url(JSON.stringify({ ...position, h: key }));
}

/** Reads a `cursor` input; throws an `invalid-arguments` error when it is malformed or for other arguments. */
export function decodeCursor(cursor: string, key: string, tool: string): ListPosition {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(fromBase64Url(cursor)) as Record<string, unknown>;
  } catch {
    throw badCursor(tool, 'it is not a cursor this server made: pass nextCursor exactly as it was returned');
  }
  const nums = ['w', 'p', 'o', 'u', 'n'].map((k) => parsed[k]);
  if (!nums.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) || (parsed['u'] as number) < 1) {
    throw badCursor(tool, 'it is not a cursor this server made: pass nextCursor exactly as it was returned');
  }
  if (parsed['h'] !== key) {
    throw badCursor(
      tool,
      'it belongs to a call with other arguments: repeat the arguments of the call that returned it',
    );
  }
  const [w, p, o, u, n] = nums as number[];
  return { w: w!, p: p!, o: o!, u: u!, n: n! };
}

function badCursor(tool: string, why: string): EdgeError {
  return new EdgeError(
    'invalid-arguments',
    `Invalid arguments for ${tool} (nothing was sent):\n- cursor: ${why}.`,
    {
      fields: ['cursor'],
    },
  );
}
