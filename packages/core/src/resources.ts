import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { executeTool, type ExecuteOptions } from './execute.js';
import { parseResultUri } from './result-link.js';
import { resultText } from './results.js';
import type { ToolCaller } from './tool-caller.js';

/** The request context the SDK gives a handler. */
export type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** What the resource handlers need from the server. */
interface LinkContext {
  readonly caller: ToolCaller;
  readonly keyFor: (extra: Extra) => Promise<string | undefined>;
  readonly execute: () => Omit<ExecuteOptions, 'apiKey' | 'signal'>;
}

/**
 * `resources/read` for the links that over-budget text results carry (`chilipiper-mcp://result/<tool>?args=…`):
 * it re-runs the same read with the reader's own key and returns the complete text. Only tools enabled on this
 * server whose safety class is `read` can be read this way, so a crafted URI can never make a write.
 */
export function serveResultLinks(server: Server, ctx: LinkContext): void {
  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: [
      {
        uriTemplate: 'chilipiper-mcp://result/{tool}?args={args}',
        name: 'Complete tool output',
        description:
          'The complete output of a read tool whose result was given by reference (resource_link).',
      },
    ],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const uri = request.params.uri;
    const link = parseResultUri(uri);
    const tool = link ? ctx.caller.get(link.tool) : undefined;
    if (!link || !tool || tool.safety.kind !== 'read') {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown resource ${uri}: only result links of enabled read tools can be read.`,
      );
    }
    const apiKey = await ctx.keyFor(extra);
    if (!apiKey)
      throw new McpError(ErrorCode.InvalidRequest, 'No Chili Piper API key is available for this request.');
    const result = await executeTool(tool, link.args, {
      ...ctx.execute(),
      apiKey,
      signal: extra.signal,
      maxResultChars: Number.POSITIVE_INFINITY,
    });
    if (result.isError) throw new McpError(ErrorCode.InvalidParams, resultText(result));
    const mimeType =
      tool.response === 'csv' ? 'text/csv' : tool.response === 'text' ? 'text/plain' : 'application/json';
    return { contents: [{ uri, mimeType, text: resultText(result) }] };
  });
}
