import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createChiliPiperServer, type ChiliPiperServerOptions } from '../../src/index.js';

/** A tool result as the tests read it. */
export interface Result {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

/** An MCP client connected in memory to a server made with `options`. */
export async function connect(options: ChiliPiperServerOptions) {
  const server = createChiliPiperServer(options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'code-mode-test', version: '0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as Result;
  return {
    client,
    call,
    /** Runs a script through `execute`. */
    execute: (code: string) => call('execute', { code }),
    search: (query: string) => call('search', { query }),
    close: () => client.close(),
  };
}

/** The text of a result. */
export const textOf = (result: Result) => result.content.map((c) => c.text).join('\n');
