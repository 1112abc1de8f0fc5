/**
 * The URI of a complete tool output given by reference. It encodes the tool and its arguments, so reading it
 * re-runs the same read on whichever instance answers: it works on stateless HTTP and serverless hosts, and it
 * holds nothing secret (the key comes from the reader's own credentials).
 */

const PREFIX = 'chilipiper-mcp://result/';

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string) =>
  new TextDecoder().decode(
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );

/** The URI that re-runs `tool` with `args`. */
export function resultUri(tool: string, args: Readonly<Record<string, unknown>>): string {
  return `${PREFIX}${encodeURIComponent(tool)}?args=${toBase64Url(JSON.stringify(args))}`;
}

/** Reads a result URI; undefined when it is not one. */
export function parseResultUri(uri: string): { tool: string; args: unknown } | undefined {
  if (!uri.startsWith(PREFIX)) return undefined;
  const rest = uri.slice(PREFIX.length);
  const q = rest.indexOf('?args=');
  if (q <= 0) return undefined;
  try {
    return { tool: decodeURIComponent(rest.slice(0, q)), args: JSON.parse(fromBase64Url(rest.slice(q + 6))) };
  } catch {
    return undefined;
  }
}
