import {
  createFetchHandler,
  handlerOptionsFromEnv,
  toNextRoute,
  type FetchHandler,
} from '@chilipiper-mcp/serverless';

// Read the environment per deployment at run time, never at build time (Next imports this module while
// building, so nothing is created at module load).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

let handler: FetchHandler | undefined;

// POST carries the MCP messages; GET and DELETE answer 405 (stateless server); OPTIONS is the CORS preflight.
export const { GET, POST, DELETE, OPTIONS } = toNextRoute((request) => {
  handler ??= createFetchHandler(handlerOptionsFromEnv(process.env));
  return handler(request);
});
