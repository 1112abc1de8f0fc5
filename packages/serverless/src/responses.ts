/** JSON-RPC error codes used by the handler. */
export const PARSE_ERROR = -32700;
/** The body is JSON but not a JSON-RPC request. */
export const INVALID_REQUEST = -32600;
/** A request's `params` do not fit its method. */
export const INVALID_PARAMS = -32602;
/** Transport-level errors (auth, host, method, size), as the MCP SDK uses them. */
export const SERVER_ERROR = -32000;
/** An unexpected failure inside the handler. */
export const INTERNAL_ERROR = -32603;

/** Headers a browser client may send (CORS preflight answer). */
export const ALLOWED_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'Mcp-Session-Id',
  'Mcp-Protocol-Version',
  'Last-Event-ID',
  'X-Chilipiper-Tools',
  'X-Chilipiper-Read-Only',
].join(', ');

/** Response headers a browser client may read. */
export const EXPOSED_HEADERS = 'Mcp-Session-Id, Mcp-Protocol-Version, WWW-Authenticate';

/** A JSON response with `Cache-Control: no-store`. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

/** A JSON-RPC error response (`id: null`) with an HTTP status. */
export function rpcError(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(status, { jsonrpc: '2.0', id: null, error: { code, message } }, headers);
}

/** Adds the CORS headers of an allowed browser origin to a response (a copy when the headers are immutable). */
export function withCors(response: Response, origin: string | null): Response {
  if (origin === null) return response;
  let out = response;
  try {
    out.headers.set('Access-Control-Allow-Origin', origin);
  } catch {
    out = new Response(response.body, response);
    out.headers.set('Access-Control-Allow-Origin', origin);
  }
  out.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  out.headers.append('Vary', 'Origin');
  return out;
}

/** The answer to a CORS preflight (`OPTIONS`), given without authentication. */
export function preflight(origin: string | null): Response {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Methods': 'POST, GET, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Max-Age': '600',
  };
  return withCors(new Response(null, { status: 204, headers }), origin);
}
