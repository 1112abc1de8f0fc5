import { createChiliPiperServer } from '@chilipiper-mcp/core';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ResolvedConfig } from './config.js';
import type { Logger } from './log.js';
import { openUpstream } from './upstream.js';
import { VERSION } from './version.js';

const SANDBOX_INSTRUCTIONS =
  'This server is connected to the chilipiper-mcp SANDBOX: a local emulator with demo data (Acme Corp), ' +
  'not a real Chili Piper account. Changes are kept in memory only. Say so when you report results.';

/** Sends anything written with `console.log`/`info`/`debug` to stderr: stdout carries JSON-RPC only. */
function guardStdout(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

/**
 * Serves the selected tools over stdio until stdin closes or SIGINT/SIGTERM arrives, then closes the
 * server, the HTTP client and the sandbox and exits with code 0. Never resolves.
 */
export async function serve(config: ResolvedConfig, log: Logger): Promise<never> {
  guardStdout();
  const upstream = await openUpstream(config, log);
  const server = createChiliPiperServer({
    apiKey: upstream.apiKey,
    baseUrl: upstream.baseUrl,
    fetch: upstream.fetch,
    tools: config.tools,
    serverInfo: { name: 'chilipiper-mcp', version: VERSION },
    ...(upstream.sandbox ? { instructions: SANDBOX_INSTRUCTIONS } : {}),
    onAttempt: (e) =>
      log.debug(`${e.tool} attempt ${e.attempt}: ${e.status ?? e.error ?? '?'} in ${e.ms} ms`),
  });
  server.onerror = (error) => log.error(`MCP: ${error.message}`);

  let stopping = false;
  const stop = async (why: string): Promise<never> => {
    if (!stopping) {
      stopping = true;
      log.info(`stopping (${why})`);
      await server.close().catch(() => undefined);
      await upstream.close();
      process.exit(0);
    }
    return new Promise<never>(() => undefined);
  };
  process.stdin.once('end', () => void stop('stdin closed'));
  process.stdin.once('close', () => void stop('stdin closed'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await server.connect(new StdioServerTransport());
  const where = upstream.sandbox ? 'the sandbox' : (upstream.baseUrl ?? 'the Chili Piper Edge API');
  log.info(
    `serving ${config.tools.length} tools over stdio${config.readOnly ? ' (read-only)' : ''} against ${where}`,
  );
  return new Promise<never>(() => undefined);
}
