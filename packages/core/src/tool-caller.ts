import { executeTool, type ExecuteOptions } from './execute.js';
import { errorResult, type ToolResult } from './results.js';
import { selectTools, whyHidden, type ToolFilter } from './select.js';
import type { AnyTool } from './tool.js';

/** Who calls and how: the key, cancellation and progress of one call. */
export interface CallContext {
  /** The Chili Piper API key of this call (the server's, or the caller's own). */
  readonly apiKey: string;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((done: number, total: number | undefined) => void) | undefined;
  /** Who the caller is beyond the key (an HTTP caller's token subject), when the transport knows it. */
  readonly caller?: string | undefined;
  /** This call's result size budget, instead of the server's `maxResultChars` (code mode's `cp` calls). */
  readonly maxResultChars?: number | undefined;
}

/** The tools one server or script may call, and the one way to call them. */
export interface ToolCaller {
  /** The enabled tools, after the tool filter. */
  readonly tools: readonly AnyTool[];
  /** Looks an enabled tool up by name. */
  get(name: string): AnyTool | undefined;
  /**
   * Calls a tool by name: an unknown or hidden tool is an error result that says why; otherwise the
   * executor runs it (validation, routing, the security rules, results sized for a model).
   */
  call(name: string, args: unknown, context: CallContext): Promise<ToolResult>;
}

/** What {@link createToolCaller} needs: the catalog, the filter, and the executor's options read per call. */
export interface ToolCallerOptions {
  readonly all: readonly AnyTool[];
  readonly filter: ToolFilter;
  /** Executor options, read at call time (an option may be a getter that changes between calls). */
  readonly execute: () => Omit<ExecuteOptions, 'apiKey' | 'signal'>;
}

/**
 * The one path from a tool name and arguments to a result, shared by `tools/call`, code mode's `cp` and
 * resource reads. Throws a `ConfigError` at creation when the tool filter is wrong.
 */
export function createToolCaller(options: ToolCallerOptions): ToolCaller {
  const tools = selectTools(options.all, options.filter);
  const byName = new Map(tools.map((t) => [t.name, t]));
  return {
    tools,
    get: (name) => byName.get(name),
    async call(name, args, context) {
      const tool = byName.get(name);
      if (!tool) {
        const hidden = options.all.find((t) => t.name === name);
        const why = hidden ? whyHidden(hidden, options.filter) : 'does not exist';
        return errorResult(`Tool "${name}" ${why}. Call tools/list to see the available tools.`, {
          kind: 'tool-unavailable',
        });
      }
      return executeTool(tool, args, {
        ...options.execute(),
        apiKey: context.apiKey,
        signal: context.signal,
        links: true,
        ...(context.maxResultChars === undefined ? {} : { maxResultChars: context.maxResultChars }),
        ...(context.onProgress ? { onProgress: context.onProgress } : {}),
      });
    },
  };
}
