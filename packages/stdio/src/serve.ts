import { createChiliPiperServer, SANDBOX_INSTRUCTIONS } from '@chilipiper-mcp/core';
import type { ResolvedConfig } from './config.js';
import type { Logger } from './log.js';
import { StdioTransport } from './stdio-transport.js';
import { openUpstream } from './upstream.js';
import { VERSION } from './version.js';

/** How long requests still running when stdin closes may take to finish before they are answered with an error. */
export const STDIN_CLOSED_GRACE_MS = 30_000;

/** Sends anything written with `console.log`/`info`/`debug` to stderr: stdout carries JSON-RPC only. */
function guardStdout(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

/**
 * Serves the selected tools over stdio until stdin closes or SIGINT/SIGTERM arrives, then closes the
 * server, the HTTP client and the sandbox and exits with code 0. Never resolves. When stdin closes, requests
 * still running get up to {@link STDIN_CLOSED_GRACE_MS} to finish; on a signal (or after that time) they are
 * answered with an error and listed on stderr, so no request is left without an answer.
 */
export async function serve(config: ResolvedConfig, log: Logger): Promise<never> {
  guardStdout();
  const upstream = await openUpstream(config, log);
  const server = createChiliPiperServer({
    apiKey: upstream.apiKey,
    baseUrl: upstream.baseUrl,
    fetch: upstream.fetch,
    // The filter, not the filtered list: a hidden tool is then reported as disabled, not as unknown.
    include: config.include,
    exclude: config.exclude,
    readOnly: config.readOnly,
    confirm: config.confirm,
    codeMode: config.codeMode,
    serverInfo: { name: 'chilipiper-mcp', version: VERSION },
    ...(upstream.sandbox ? { instructions: SANDBOX_INSTRUCTIONS } : {}),
    onAttempt: (e) =>
      log.debug(`${e.tool} attempt ${e.attempt}: ${e.status ?? e.error ?? '?'} in ${e.ms} ms`),
  });
  server.onerror = (error) => log.error(`MCP: ${error.message}`);

  let stopping = false;
  let stopWaiting = () => {};
  const stop = async (why: string, graceMs: number): Promise<void> => {
    if (stopping) return stopWaiting(); // e.g. SIGTERM while waiting after stdin closed: stop now
    stopping = true;
    const running = transport.unanswered().length;
    log.info(`stopping (${why})${running > 0 ? `: ${running} request(s) still running` : ''}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      transport.allAnswered(),
      new Promise<void>((resolve) => {
        stopWaiting = resolve;
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    await transport.abandon(why);
    await server.close().catch(() => undefined);
    await upstream.close();
    process.exit(0);
  };
  const transport = new StdioTransport({
    warn: (message) => log.error(message),
    onEnd: () => void stop('stdin closed', STDIN_CLOSED_GRACE_MS),
  });
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));

  await server.connect(transport);
  const where = upstream.sandbox ? 'the sandbox' : (upstream.baseUrl ?? 'the Chili Piper Edge API');
  const what = config.codeMode
    ? `${config.tools.length} tools in code mode (search, execute)`
    : `${config.tools.length} tools`;
  log.info(`serving ${what} over stdio${config.readOnly ? ' (read-only)' : ''} against ${where}`);
  return new Promise<never>(() => undefined);
}
