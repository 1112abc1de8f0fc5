import { createNodeFetch } from '@chilipiper-mcp/core/node';
import { keyWarnings, noKeyMessage, type ResolvedConfig } from './config.js';
import type { Logger } from './log.js';

/** The line printed on stderr whenever the sandbox is used. */
export const SANDBOX_BANNER = 'SANDBOX: demo data, not your Chili Piper account.';

/** A failure the CLI reports as one line on stderr before exiting with code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Where calls go: the key, the base URL, a keep-alive fetch, and how to let go of it all. */
export interface Upstream {
  readonly apiKey: string;
  readonly baseUrl?: string | undefined;
  readonly fetch: typeof globalThis.fetch;
  readonly sandbox: boolean;
  close(): Promise<void>;
}

/**
 * Resolves the key and base URL (starting the in-process sandbox for `--sandbox`), registers the key with
 * the logger so it is never printed, and creates the Node keep-alive fetch. Throws a {@link CliError}
 * when there is no key.
 */
export async function openUpstream(config: ResolvedConfig, log: Logger): Promise<Upstream> {
  log.secret(config.apiKey);
  const http = createNodeFetch();
  if (config.sandbox) {
    const { createSandbox } = await import('@chilipiper-mcp/sandbox');
    const sandbox = await createSandbox();
    log.secret(sandbox.apiKey);
    log.always(`${SANDBOX_BANNER} (Edge API emulator at ${sandbox.url})`);
    if (config.apiKey) log.warn('--sandbox is set, so the configured API key is not used.');
    return {
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      fetch: http.fetch,
      sandbox: true,
      close: async () => {
        await Promise.allSettled([http.close(), sandbox.close()]);
      },
    };
  }
  if (!config.apiKey) {
    await http.close();
    throw new CliError(noKeyMessage(config));
  }
  for (const line of keyWarnings(config)) log.warn(line);
  return {
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    fetch: http.fetch,
    sandbox: false,
    close: () => http.close().catch(() => undefined),
  };
}
