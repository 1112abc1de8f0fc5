import { guardedCall } from './confirm/guard.js';
import { resolveConfirm, type ConfirmOption, type ConfirmPolicy } from './confirm/policy.js';
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
  /**
   * Asks the person to confirm a guarded call (MCP elicitation), when the client and transport can: true only
   * when they confirm. Without it, a guarded call answers with a preview and a confirmation token.
   */
  readonly askPerson?: ((message: string) => Promise<boolean>) | undefined;
  /** This call's result size budget, instead of the server's `maxResultChars` (code mode's `cp` calls). */
  readonly maxResultChars?: number | undefined;
}

/** The tools one server or script may call, and the one way to call them. */
export interface ToolCaller {
  /** The enabled tools, after the tool filter. */
  readonly tools: readonly AnyTool[];
  /** The confirmation policy every call goes through. */
  readonly confirm: ConfirmPolicy;
  /** Looks an enabled tool up by name. */
  get(name: string): AnyTool | undefined;
  /**
   * Calls a tool by name: an unknown or hidden tool is an error result that says why; a tool the confirmation
   * policy guards answers a preview until called with its token; otherwise the executor runs it (validation,
   * routing, the security rules, results sized for a model).
   */
  call(name: string, args: unknown, context: CallContext): Promise<ToolResult>;
}

/** What {@link createToolCaller} needs: the catalog, the filter, and the executor's options read per call. */
export interface ToolCallerOptions {
  readonly all: readonly AnyTool[];
  readonly filter: ToolFilter;
  /** Executor options, read at call time (an option may be a getter that changes between calls). */
  readonly execute: () => Omit<ExecuteOptions, 'apiKey' | 'signal'>;
  /** Which tools need confirmation, and how (default: none). */
  readonly confirm?: ConfirmOption | undefined;
}

/**
 * The one path from a tool name and arguments to a result, shared by `tools/call`, code mode's `cp` and
 * resource reads, and the one place the confirmation policy is enforced. Throws a `ConfigError` at creation
 * when the tool filter or the confirmation policy is wrong.
 */
export function createToolCaller(options: ToolCallerOptions): ToolCaller {
  const tools = selectTools(options.all, options.filter);
  const confirm = resolveConfirm(options.confirm);
  const byName = new Map(tools.map((t) => [t.name, t]));
  const catalogTool = (name: string) => options.all.find((t) => t.name === name);
  const run = (tool: AnyTool, args: unknown, context: CallContext, links = true) =>
    executeTool(tool, args, {
      ...options.execute(),
      apiKey: context.apiKey,
      signal: context.signal,
      links,
      ...(context.maxResultChars === undefined ? {} : { maxResultChars: context.maxResultChars }),
      ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    });
  return {
    tools,
    confirm,
    get: (name) => byName.get(name),
    async call(name, args, context) {
      const tool = byName.get(name);
      if (!tool) {
        const hidden = catalogTool(name);
        const why = hidden ? whyHidden(hidden, options.filter) : 'does not exist';
        return errorResult(`Tool "${name}" ${why}. Call tools/list to see the available tools.`, {
          kind: 'tool-unavailable',
        });
      }
      if (!confirm.guards(tool)) return run(tool, args, context);
      // Preview reads use the catalog's read tools with the caller's key, even where the filter hides them.
      return guardedCall(tool, args, context, confirm, {
        run: (confirmed) => run(tool, confirmed, context),
        read: (readTool, readArgs) =>
          run(readTool, readArgs, { apiKey: context.apiKey, signal: context.signal }, false),
        toolNamed: catalogTool,
      });
    },
  };
}
