// Connects an MCP SDK client to the built stdio server (`packages/stdio/dist/cli.js`), the way Claude Code,
// Codex or Cursor start it. Shared by `scripts/tokens.mjs` and the task benchmark.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

/** Path of the built stdio CLI. */
export const STDIO_CLI = fileURLToPath(new URL('../../packages/stdio/dist/cli.js', import.meta.url));

/**
 * Starts `node packages/stdio/dist/cli.js <args>` with only the given `CHILI_PIPER_*` variables (none of the
 * caller's leak in) and returns a connected client. Its stderr is kept (last 4 KB) for error messages.
 */
export async function connectStdio({ args = [], env = {} } = {}) {
  if (!existsSync(STDIO_CLI)) throw new Error(`${STDIO_CLI} is missing: run \`npx -y pnpm@10 build\` first.`);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [STDIO_CLI, ...args],
    env: { ...getDefaultEnvironment(), CHILI_PIPER_LOG_LEVEL: 'warn', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  const client = new Client({ name: 'chilipiper-mcp-measure', version: '0.0.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    throw new Error(`could not start the stdio server: ${error.message}\n${stderr}`);
  }
  return { client, stderr: () => stderr, close: () => client.close() };
}
