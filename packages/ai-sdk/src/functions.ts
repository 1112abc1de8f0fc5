import { bindTools, resultText, toMcpTool, type CallOptions, type ClientOptions } from '@chilipiper-mcp/core';

/** What a function tool's `execute` resolves to. */
export interface FunctionToolOutput {
  /** The text to hand back to the model (OpenAI `function_call_output.output`, Anthropic `tool_result.content`). */
  readonly text: string;
  /** True when the call failed; the text says why and what to do next (Anthropic: `is_error`). */
  readonly isError: boolean;
  /** The result as an object, when it has one. */
  readonly structuredContent?: Record<string, unknown>;
}

/** A Chili Piper tool in the shape every function-calling API takes. */
export interface FunctionTool {
  /** The tool's name, e.g. `meeting-list-put` (letters, digits and `-`: valid for OpenAI and Anthropic). */
  readonly name: string;
  /** What the tool does, for the model. */
  readonly description: string;
  /** The input as a JSON Schema object (OpenAI `parameters`, Anthropic `input_schema`). */
  readonly inputSchema: Record<string, unknown>;
  /** True for destructive tools (cancel, delete, remove from all): ask a person before calling `execute`. */
  readonly needsApproval: boolean;
  /**
   * Runs the tool through the Chili Piper executor. `input` is the model's arguments, as an object or as the
   * JSON string OpenAI gives. Never rejects for a failed call: the failure is an output with `isError`.
   */
  execute(input: unknown, options?: CallOptions): Promise<FunctionToolOutput>;
}

/** Options of {@link toFunctionTools}: the key, where the Edge API is, the tool filter and executor settings. */
export type FunctionToolsOptions = ClientOptions;

function parseInput(
  input: unknown,
): { ok: true; value: unknown } | { ok: false; output: FunctionToolOutput } {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: input.trim() === '' ? {} : JSON.parse(input) };
  } catch (error) {
    const text = `The arguments are not valid JSON (${(error as Error).message}); nothing was sent. Send one JSON object of named fields.`;
    return { ok: false, output: { text, isError: true } };
  }
}

/**
 * The enabled Chili Piper tools as framework-neutral function tools: name, description, JSON Schema input and
 * an `execute` through the same executor as the MCP server (validation, retries, budgets, key redaction).
 * Fits the OpenAI (Responses and Chat Completions) and Anthropic Messages tool APIs. Needs no AI SDK.
 * Throws a `ConfigError` at once for an unknown option, a missing key or a filter that matches nothing.
 */
export function toFunctionTools(options: FunctionToolsOptions): FunctionTool[] {
  return bindTools(options).map(({ tool, run }) => {
    const listed = toMcpTool(tool);
    return {
      name: listed.name,
      description: listed.description ?? '',
      inputSchema: listed.inputSchema,
      needsApproval: tool.safety.kind === 'destructive',
      execute: async (input, call) => {
        const parsed = parseInput(input);
        if (!parsed.ok) return parsed.output;
        const result = await run(parsed.value, call);
        return {
          text: resultText(result),
          isError: result.isError === true,
          ...(result.structuredContent ? { structuredContent: result.structuredContent } : {}),
        };
      },
    };
  });
}
