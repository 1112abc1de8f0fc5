import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
  type Tool as McpTool,
} from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { toJsonSchema } from '@valibot/to-json-schema';
import { catalog } from './catalog.js';
import { executeTool, type ExecuteOptions } from './execute.js';
import { errorResult } from './results.js';
import { ChiliPiperSdkServer } from './sdk-server.js';
import { selectTools, type ToolFilter } from './toolset.js';
import type { AnyTool } from './tool.js';

/** What the key resolver gets: the transport's auth info and request headers, when there are any. */
export interface KeyContext {
  readonly authInfo?: AuthInfo | undefined;
  readonly headers?: Record<string, string | string[] | undefined> | undefined;
}

/** Options of {@link createChiliPiperServer}. */
export interface ChiliPiperServerOptions extends ToolFilter, ExecuteOptions {
  /** The Chili Piper API key, or a function returning it per request (e.g. from the caller's token). */
  readonly apiKey: string | ((context: KeyContext) => string | undefined | Promise<string | undefined>);
  /** The tool catalog to serve (default: the 54 Chili Piper tools). */
  readonly tools?: readonly AnyTool[] | undefined;
  /** Server name and version reported to clients. */
  readonly serverInfo?: { name: string; version: string } | undefined;
  /** Text the server gives clients at initialization (e.g. "this is a sandbox"). */
  readonly instructions?: string | undefined;
}

const listings = new WeakMap<AnyTool, McpTool>();

/** The MCP `tools/list` entry of a tool, computed once per tool object. */
export function toMcpTool(tool: AnyTool): McpTool {
  let listed = listings.get(tool);
  if (listed) return listed;
  const schema = toJsonSchema(tool.input, { errorMode: 'ignore' }) as Record<string, unknown>;
  delete schema['$schema'];
  const { kind, idempotent } = tool.safety;
  listed = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: { ...schema, type: 'object' },
    annotations: {
      title: tool.title,
      readOnlyHint: kind === 'read',
      destructiveHint: kind === 'destructive',
      idempotentHint: idempotent,
      openWorldHint: true,
    },
    _meta: {
      'chilipiper-mcp/group': tool.group,
      'chilipiper-mcp/operation': `${tool.operation.method} ${tool.operation.path}`,
      ...(tool.permission ? { 'chilipiper-mcp/permission': tool.permission } : {}),
      'chilipiper-mcp/confidence': tool.confidence,
    },
  };
  listings.set(tool, listed);
  return listed;
}

/**
 * Creates an MCP server (from `@modelcontextprotocol/sdk`) that lists and calls the Chili Piper tools.
 * Connect it to any transport. Throws a `ConfigError` at once when the tool filter is wrong.
 */
export function createChiliPiperServer(options: ChiliPiperServerOptions): Server {
  const tools = selectTools(options.tools ?? catalog, options);
  const byName = new Map(tools.map((t) => [t.name, t]));
  const listed = tools.map(toMcpTool);
  // The SDK Server, with -32602 for malformed params and a shared JSON Schema validator (sdk-server.ts).
  const server = new ChiliPiperSdkServer(options.serverInfo ?? { name: 'chilipiper-mcp', version: '0.1.0' }, {
    capabilities: { tools: { listChanged: false } },
    ...(options.instructions ? { instructions: options.instructions } : {}),
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      const why = (options.tools ?? catalog).some((t) => t.name === request.params.name)
        ? 'is not enabled on this server (read-only mode or a tool filter hides it)'
        : 'does not exist';
      return errorResult(`Tool "${request.params.name}" ${why}. Call tools/list to see the available tools.`);
    }
    const apiKey =
      typeof options.apiKey === 'function'
        ? await options.apiKey({ authInfo: extra.authInfo, headers: extra.requestInfo?.headers })
        : options.apiKey;
    if (!apiKey) return errorResult('No Chili Piper API key is available for this request.');
    return executeTool(tool, request.params.arguments, { apiKey, signal: extra.signal }, options);
  });
  return server;
}
