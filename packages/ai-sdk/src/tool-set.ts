import { bindTools, resultText, toMcpTool, type ClientOptions, type ToolResult } from '@chilipiper-mcp/core';
import { jsonSchema, tool, type Tool } from 'ai';

/** Options of {@link chiliPiperTools}: the key, where the Edge API is, the tool filter and executor settings. */
export type ChiliPiperToolsOptions = ClientOptions;

/**
 * One Chili Piper tool for the AI SDK. Its output is the executor's result in MCP's `CallToolResult` shape
 * (`content`, `structuredContent`, `isError`, `_meta`), like the AI SDK's own MCP tools; the model gets its text.
 */
export type ChiliPiperTool = Tool<Record<string, unknown>, ToolResult>;

type JsonSchemaInput = Parameters<typeof jsonSchema>[0];

/**
 * The enabled Chili Piper tools as a Vercel AI SDK (v7) `ToolSet`, keyed by tool name: each with its
 * description and JSON Schema input from the MCP listing, an `execute` through the same executor as the MCP
 * server, and `needsApproval: true` on destructive tools (the call is held as a `tool-approval-request` until
 * a `tool-approval-response` approves it). A failed call is not thrown: the model gets its message as an
 * error text and can act on it. Throws a `ConfigError` at once for an unknown option, a missing key or a filter
 * that matches nothing.
 */
export function chiliPiperTools(options: ChiliPiperToolsOptions): Record<string, ChiliPiperTool> {
  const set: Record<string, ChiliPiperTool> = {};
  for (const { tool: chiliPiperTool, run } of bindTools(options)) {
    const listed = toMcpTool(chiliPiperTool);
    set[listed.name] = tool({
      description: listed.description ?? '',
      inputSchema: jsonSchema<Record<string, unknown>>(listed.inputSchema as JsonSchemaInput),
      ...(chiliPiperTool.safety.kind === 'destructive' ? { needsApproval: true } : {}),
      execute: (input, { abortSignal }) => run(input, { signal: abortSignal }),
      toModelOutput: ({ output }) => ({
        type: output.isError ? 'error-text' : 'text',
        value: resultText(output),
      }),
    });
  }
  return set;
}
