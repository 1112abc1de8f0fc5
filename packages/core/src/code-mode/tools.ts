// Code mode as MCP tools: `search` and `execute` instead of the catalog. `execute` runs a model-written script
// in the wasm engine with `cp` built from the server's ToolCaller, so every call a script makes is a normal
// tool call: the same executor, filters, read-only mode and policies.
import type { Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';
import { toMethodName } from '../client-types.js';
import { DEFAULT_MAX_RESULT_CHARS, errorResult, type ToolResult } from '../results.js';
import type { ToolFilter } from '../select.js';
import type { CallContext, ToolCaller } from '../tool-caller.js';
import type { AnyTool } from '../tool.js';
import { toExecuteResult } from './execute-result.js';
import { createScriptRunner } from './index.js';
import { resolveCodeMode } from './options.js';
import { cpFunctions, missingMethods } from './script-host.js';
import { searchTools } from './search.js';
import { executeDescription, SEARCH_DESCRIPTION } from './tool-texts.js';

/** What a server in code mode lists and how it answers `tools/call`. */
export interface CodeModeTools {
  /** The two tools, `search` and `execute`, as `tools/list` gives them. */
  readonly listed: readonly McpTool[];
  /** Answers a `tools/call` of `search` or `execute` (anything else is an error result). */
  call(name: string, args: unknown, context: CallContext): Promise<ToolResult>;
}

/** What {@link createCodeModeTools} needs from the server. */
export interface CodeModeServer {
  /** The server's one path to the tools; `cp` has a method per tool it enables. */
  readonly caller: ToolCaller;
  /** Every tool the server knows and its filter, to say why a method a script uses is missing. */
  readonly all: readonly AnyTool[];
  readonly filter: ToolFilter;
  /** The server's `maxResultChars`: the budget of an `execute` result (default 40000). */
  readonly maxResultChars?: number | undefined;
}

const bad = (tool: string, message: string) =>
  errorResult(`Invalid arguments for ${tool} (nothing was run):\n- ${message}`, {
    kind: 'invalid-arguments',
  });

/** A string argument, or the error result naming what is wrong with the arguments. */
function stringArg(tool: string, field: string, args: unknown): string | ToolResult {
  const given = args && typeof args === 'object' ? (args as Record<string, unknown>) : {};
  const extra = Object.keys(given).find((k) => k !== field);
  if (extra !== undefined) return bad(tool, `${extra}: unknown field (${tool} takes only ${field}).`);
  const value = given[field];
  return typeof value === 'string' ? value : bad(tool, `${field}: expected a string, got ${typeof value}.`);
}

/**
 * The two tools of a server in code mode, or `undefined` when the `codeMode` option is off. The engine itself
 * loads on the first `execute`. Throws a `ConfigError` when the option is wrong.
 */
export function createCodeModeTools(option: unknown, server: CodeModeServer): CodeModeTools | undefined {
  const maxResultChars = server.maxResultChars ?? DEFAULT_MAX_RESULT_CHARS;
  const codeMode = resolveCodeMode(option, maxResultChars);
  if (!codeMode) return undefined;
  const { caller } = server;
  const runner = createScriptRunner(codeMode);
  const kinds = new Set(caller.tools.map((t) => t.safety.kind));
  const listed: McpTool[] = [
    {
      name: 'search',
      title: 'Search the Chili Piper API',
      description: SEARCH_DESCRIPTION,
      inputSchema: {
        type: 'object',
        properties: { query: { type: 'string', description: 'What to do, or a method name.' } },
        required: ['query'],
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'execute',
      title: 'Run a script against the Chili Piper API',
      description: executeDescription(
        runner.limits,
        maxResultChars,
        caller.tools.some(caller.confirm.guards),
      ),
      inputSchema: {
        type: 'object',
        properties: { code: { type: 'string', description: 'The body of an async JavaScript function.' } },
        required: ['code'],
      },
      annotations: {
        readOnlyHint: !kinds.has('write') && !kinds.has('destructive'),
        destructiveHint: kinds.has('destructive'),
        idempotentHint: false,
        openWorldHint: true,
      },
    },
  ];

  return {
    listed,
    async call(name, args, context) {
      if (name === 'search') {
        const query = stringArg('search', 'query', args);
        if (typeof query !== 'string') return query;
        return { content: [{ type: 'text', text: await searchTools(caller.tools, query) }] };
      }
      if (name === 'execute') {
        const code = stringArg('execute', 'code', args);
        if (typeof code !== 'string') return code;
        const { functions, previews } = cpFunctions(caller, {
          apiKey: context.apiKey,
          caller: context.caller,
          askPerson: context.askPerson,
        });
        const outcome = await runner.run(code, { functions, signal: context.signal });
        const notAFunction = !outcome.ok && outcome.error.message.includes('not a function');
        const hint = notAFunction ? missingMethods(code, functions, server) : '';
        return toExecuteResult(outcome, maxResultChars, hint, previews);
      }
      const tool = caller.get(name);
      const how = tool
        ? ` Call it from execute as cp.${toMethodName(name)}(input); search shows its input.`
        : ' search finds the methods there are.';
      return errorResult(
        `Tool "${name}" does not exist: this server is in code mode (tools: search, execute).${how}`,
        {
          kind: 'tool-unavailable',
        },
      );
    },
  };
}
