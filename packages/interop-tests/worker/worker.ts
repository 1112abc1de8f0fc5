// A Cloudflare Worker that serves the Chili Piper MCP tools: the serverless handler and nothing else.
// Caller-key mode: each caller's own `Authorization: Bearer <Chili Piper key>` is used upstream.
import { createFetchHandler, type FetchHandler } from '@chilipiper-mcp/serverless';

interface Env {
  /** The Edge API base URL (default: the real one). */
  readonly CHILI_PIPER_BASE_URL?: string;
  /** Comma list of accepted Host names (default: loopback only). */
  readonly MCP_ALLOWED_HOSTS?: string;
}

let handler: FetchHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createFetchHandler({
      credentials: { mode: 'caller-key' },
      ...(env.CHILI_PIPER_BASE_URL ? { baseUrl: env.CHILI_PIPER_BASE_URL } : {}),
      ...(env.MCP_ALLOWED_HOSTS ? { allowedHosts: env.MCP_ALLOWED_HOSTS.split(',') } : {}),
    });
    return handler(request);
  },
};
