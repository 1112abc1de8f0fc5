// Our own side of the client tests: the checkout's built CLIs, `init`, the tool list our server gives, and
// the HTTP server started the way a user starts it.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startUntil, stopChild, type Started } from './processes.js';
import { run, type Timed } from './run.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
/** `chilipiper-mcp` (stdio) as built in this checkout: what `init` writes into client configs. */
export const STDIO_CLI = resolve(ROOT, 'packages', 'stdio', 'dist', 'cli.js');
/** `chilipiper-mcp-http` as built in this checkout. */
export const HTTP_CLI = resolve(ROOT, 'packages', 'http', 'dist', 'cli.js');

for (const cli of [STDIO_CLI, HTTP_CLI]) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npx -y pnpm@10 build first.`);
}

/** Runs our `init <client> …` with the client's environment (its HOME) from `cwd`; fails on a non-zero exit. */
export async function init(
  client: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Timed> {
  const r = await run(process.execPath, [STDIO_CLI, 'init', client, ...args], {
    env,
    cwd,
    timeoutMs: 20_000,
  });
  if (r.code !== 0) throw new Error(`init ${client} ${args.join(' ')} failed (${r.code}):\n${r.stderr}`);
  return r;
}

/** The tool names our stdio server lists with these arguments, asked through the SDK client. */
export async function ourToolNames(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [STDIO_CLI, ...args],
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'client-tests', version: '0.0.0' });
  await client.connect(transport);
  try {
    return (await client.listTools()).tools.map((t) => t.name).sort();
  } finally {
    await client.close();
  }
}

/** Our HTTP server in sandbox mode (no key: in-process demo data, no auth on loopback) on a free port. */
export async function startHttpServer(
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; stop: () => Promise<void>; started: Started }> {
  const started = await startUntil(process.execPath, [HTTP_CLI, '--port', '0'], /MCP endpoint: (\S+)/, {
    env,
    timeoutMs: 20_000,
  });
  return { url: started.match, started, stop: () => stopChild(started.child) };
}
