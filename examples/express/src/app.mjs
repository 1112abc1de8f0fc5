// An ordinary Express 5 app that also serves the Chili Piper MCP tools at /mcp.
//
//   node src/app.mjs                       # in-process sandbox upstream, caller-key mode, port 3000
//   CHILI_PIPER_BASE_URL=http://127.0.0.1:4010 PORT=0 node src/app.mjs
//   MCP_CREDENTIALS_MODE=server-key CHILI_PIPER_API_KEY=... MCP_HTTP_TOKENS=<long random token> node src/app.mjs
//
// It prints `listening on <url>` once it accepts connections.
import { pathToFileURL } from 'node:url';
import express from 'express';
import { createNodeHandler } from '@chilipiper-mcp/http';

/**
 * Builds the app. `credentials` is passed through to `createNodeHandler`:
 * `{ mode: 'caller-key' }` or `{ mode: 'server-key', apiKey, tokens }`.
 */
export function createApp({ baseUrl, credentials, allowedHosts }) {
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
  const mcp = createNodeHandler({
    credentials,
    ...(baseUrl ? { baseUrl } : {}),
    ...(allowedHosts ? { allowedHosts } : {}),
  });
  app.use(mcp);

  return app;
}

/** Reads the configuration from the environment; starts an in-process sandbox when no upstream is given. */
async function configFromEnv(env) {
  const mode = env.MCP_CREDENTIALS_MODE ?? 'caller-key';
  let baseUrl = env.CHILI_PIPER_BASE_URL;
  let apiKey = env.CHILI_PIPER_API_KEY;
  let sandbox;
  if (!baseUrl && !apiKey) {
    const { createSandbox } = await import('@chilipiper-mcp/sandbox');
    sandbox = await createSandbox();
    baseUrl = sandbox.url;
    apiKey = sandbox.apiKey;
    console.log(`upstream: in-process sandbox at ${sandbox.url} (demo data, not a real Chili Piper account)`);
    if (mode === 'caller-key') console.log(`sandbox key for callers: ${sandbox.apiKey}`);
  }
  let credentials;
  if (mode === 'caller-key') {
    credentials = { mode: 'caller-key' };
  } else if (mode === 'server-key') {
    if (!apiKey) throw new Error('MCP_CREDENTIALS_MODE=server-key needs CHILI_PIPER_API_KEY');
    const tokens = (env.MCP_HTTP_TOKENS ?? '').split(',').filter(Boolean);
    if (tokens.length === 0)
      throw new Error('MCP_CREDENTIALS_MODE=server-key needs MCP_HTTP_TOKENS (bearer tokens callers send)');
    credentials = { mode: 'server-key', apiKey, tokens };
  } else {
    throw new Error(`MCP_CREDENTIALS_MODE must be caller-key or server-key, not ${mode}`);
  }
  const allowedHosts = env.MCP_HTTP_ALLOWED_HOSTS ? env.MCP_HTTP_ALLOWED_HOSTS.split(',') : undefined;
  return { baseUrl, credentials, allowedHosts, sandbox };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { sandbox, ...config } = await configFromEnv(process.env);
  const app = createApp(config);
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
