import { ConfigError, SANDBOX_INSTRUCTIONS } from '@chilipiper-mcp/core';
import { HELP, resolveCliConfig } from './cli-config.js';
import { serve, type RunningServer, type ServeOptions } from './serve.js';

const log = (message: string) => process.stderr.write(`chilipiper-mcp-http: ${message}\n`);

/** Runs the CLI: reads flags and environment, starts the server (and a sandbox when no key is set). */
async function main(): Promise<void> {
  const config = resolveCliConfig(process.argv.slice(2), process.env);
  if (config.help) {
    process.stdout.write(HELP);
    return;
  }
  let options: ServeOptions = config.options;
  let closeSandbox = async () => {};
  if (config.sandbox) {
    const { createSandbox } = await import('@chilipiper-mcp/sandbox');
    const sandbox = await createSandbox();
    closeSandbox = () => sandbox.close();
    const credentials = { ...options.credentials, apiKey: sandbox.apiKey };
    options = { ...options, credentials, baseUrl: sandbox.url, instructions: SANDBOX_INSTRUCTIONS };
    log('*** SANDBOX MODE: no CHILI_PIPER_API_KEY is set, so this serves DEMO DATA from an in-process');
    log('*** emulator of the Chili Piper API. This is NOT Chili Piper and nothing here is real.');
    log('*** Set CHILI_PIPER_API_KEY and MCP_HTTP_TOKENS (or use --caller-key) to serve your account.');
  }
  let running: RunningServer;
  try {
    running = await serve(options);
  } catch (error) {
    await closeSandbox();
    throw error;
  }
  const auth =
    options.credentials.mode === 'caller-key'
      ? 'caller-key mode: callers send their own Chili Piper key as a bearer token'
      : options.credentials.allowUnauthenticated
        ? 'no authentication: loopback only'
        : 'server-key mode: callers send one of MCP_HTTP_TOKENS as a bearer token';
  const modes = `${options.readOnly ? ', read-only' : ''}${options.codeMode ? ', code mode' : ''}`;
  log(`MCP endpoint: ${running.url} (${auth}${modes})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal}: finishing in-flight requests, then exiting`);
    void running
      .close()
      .then(closeSandbox)
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const config =
    error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  log(error instanceof Error ? error.message : String(error));
  if (config) log('Run with --help for the options.');
  process.exit(config ? 2 : 1);
});
