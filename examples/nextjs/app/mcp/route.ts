import { createFetchHandler } from '@chilipiper-mcp/serverless';
import { optionsFromEnv } from './config';

// Read the environment per deployment at run time, never at build time.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

let handler: ((request: Request) => Promise<Response>) | undefined;

/** One stateless handler per server instance, created on the first request. */
function handle(request: Request): Promise<Response> {
  handler ??= createFetchHandler(optionsFromEnv());
  return handler(request);
}

// POST carries the MCP messages; GET and DELETE answer 405 (stateless server); OPTIONS is the CORS preflight.
export { handle as POST, handle as GET, handle as DELETE, handle as OPTIONS };
