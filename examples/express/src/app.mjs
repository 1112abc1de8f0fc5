// An ordinary Express 5 app that also serves the Chili Piper MCP tools at /mcp.
//
//   node src/app.mjs                       # in-process sandbox upstream, caller-key mode, port 3000
//   CHILI_PIPER_BASE_URL=http://127.0.0.1:4010 PORT=0 node src/app.mjs
//   MCP_CREDENTIALS_MODE=server-key CHILI_PIPER_API_KEY=... MCP_HTTP_TOKENS=<long random token> node src/app.mjs
//
// It prints `listening on <url>` once it accepts connections.
import { pathToFileURL } from 'node:url';
import express from 'express';
import { createNodeHandler, handlerOptionsFromEnv } from '@chilipiper-mcp/http';

/**
 * Builds the app. `options` are `createNodeHandler`'s: `credentials` (`{ mode: 'caller-key' }` or
 * `{ mode: 'server-key', apiKey, tokens }`), and optionally `baseUrl`, `allowedHosts`, `readOnly`, `include`, …
 */
export function createApp(options) {
  const app = express();

  // Your own routes live next to the MCP endpoint.
  app.get('/', (_req, res) => {
    res.type('text/plain').send('Example app. MCP endpoint: POST /mcp (Streamable HTTP, stateless).\n');
  });
  app.get('/api/hello', (req, res) => {
    res.json({ hello: req.query.name ?? 'world' });
  });

  // The MCP endpoint, plus /healthz (and, in server-key mode, the OAuth protected-resource metadata).
  // Mounted as middleware: paths it does not serve go on to the next route. No body parser is needed
  // in front of it; it reads and limits the body itself.
  const mcp = createNodeHandler(options);
  app.use(mcp);

  return app;
}

/**
 * Reads the configuration from the environment with the reader every entry point shares
 * (`handlerOptionsFromEnv`), starting an in-process sandbox first when no upstream is given.
 */
async function configFromEnv(env) {
  let sandbox;
  if (!env.CHILI_PIPER_BASE_URL && !env.CHILI_PIPER_API_KEY) {
    const { createSandbox } = await import('@chilipiper-mcp/sandbox');
    sandbox = await createSandbox();
    console.log(`upstream: in-process sandbox at ${sandbox.url} (demo data, not a real Chili Piper account)`);
    env = { ...env, CHILI_PIPER_BASE_URL: sandbox.url };
    if (env.MCP_CREDENTIALS_MODE === 'server-key') env.CHILI_PIPER_API_KEY = sandbox.apiKey;
    else console.log(`sandbox key for callers: ${sandbox.apiKey}`);
  }
  return { options: handlerOptionsFromEnv(env), sandbox };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { sandbox, options } = await configFromEnv(process.env);
  const app = createApp(options);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = app.listen(Number(process.env.PORT ?? 3000), host, () => {
    const { port } = server.address();
    console.log(`listening on http://${host}:${port}`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections?.();
    void sandbox?.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
