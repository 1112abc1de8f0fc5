import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { WebHandlerOptions } from '../src/index.js';

/** A static bearer token for server-key tests. */
export const TOKEN = 'test-token-0123456789abcdef';

/** Headers every MCP POST carries. */
export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

/** A JSON-RPC request body. */
export const rpc = (method: string, params: Record<string, unknown> = {}, id = 1) => ({
  jsonrpc: '2.0',
  id,
  method,
  params,
});

/** The initialize request. */
export const initialize = rpc('initialize', {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 'test', version: '0' },
});

/** POSTs a body (object → JSON) to the handler as a real `Request`. */
export function post(
  handler: (r: Request) => Promise<Response>,
  body: unknown,
  headers: Record<string, string> = {},
  url = 'http://localhost/mcp',
): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return handler(new Request(url, { method: 'POST', headers: { ...MCP_HEADERS, ...headers }, body: text }));
}

/** Server-key options against an upstream, with {@link TOKEN} accepted. */
export function serverKey(upstream: { url: string; apiKey: string }, extra: Partial<WebHandlerOptions> = {}) {
  return {
    baseUrl: upstream.url,
    credentials: { mode: 'server-key' as const, apiKey: upstream.apiKey, tokens: [TOKEN] },
    ...extra,
  } satisfies WebHandlerOptions;
}

/** An SDK client talking to a handler in-process through real `Request`/`Response` objects. */
export async function connectInProcess(handler: (r: Request) => Promise<Response>, bearer?: string) {
  const transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
    fetch: (url, init) => handler(new Request(url, init)),
    ...(bearer ? { requestInit: { headers: { Authorization: `Bearer ${bearer}` } } } : {}),
  });
  const client = new Client({ name: 'test', version: '0' });
  await client.connect(transport);
  return { client, close: () => client.close() };
}
