import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { createSandbox, RequestLogEntry } from '@chilipiper-mcp/sandbox';
import { catalog, createChiliPiperServer, type ChiliPiperServerOptions } from '../../src/index.js';

export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface Result {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Json;
  _meta?: Json;
}

/** A fixed clock for the sandbox's seeded data (it does not advance). */
export const NOW = new Date('2026-03-10T12:00:00Z');

/** Connects an in-memory MCP client to a server on the sandbox; `client` options may declare capabilities. */
export async function connect(
  sandbox: Sandbox,
  options: Partial<ChiliPiperServerOptions> = {},
  clientOptions: ConstructorParameters<typeof Client>[1] = {},
): Promise<Client> {
  const server = createChiliPiperServer({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, ...options });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'confirm-test', version: '0' }, clientOptions);
  await Promise.all([server.connect(a), client.connect(b)]);
  return client;
}

/** Calls a tool and returns its result. */
export async function call(client: Client, name: string, args: Json): Promise<Result> {
  return (await client.callTool({ name, arguments: args })) as Result;
}

const readOperations = new Set(catalog.filter((t) => t.safety.kind === 'read').map((t) => t.operation.name));

/** The logged requests that are not reads of the catalog (any write, including deprecated operations). */
export const writesIn = (log: readonly RequestLogEntry[]): RequestLogEntry[] =>
  log.filter((r) => !readOperations.has(r.operation ?? ''));
