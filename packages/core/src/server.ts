import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { personAsker } from './confirm/elicit.js';
import { withConfirmField } from './confirm/listing.js';
import type { ConfirmOption } from './confirm/policy.js';
import { serverInstructions } from './instructions.js';
import { toMcpTool } from './listing.js';
import { serveResultLinks, type Extra } from './resources.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { catalog } from './catalog.js';
import type { CodeModeOptions } from './code-mode/options.js';
import { createCodeModeTools } from './code-mode/tools.js';
import { checkOptionNames, type ExecuteOptions } from './execute.js';
import { errorResult } from './results.js';
import type { ToolFilter } from './select.js';
import { createToolCaller } from './tool-caller.js';
import { ChiliPiperSdkServer } from './sdk-server.js';
import type { AnyTool } from './tool.js';

/** What the key resolver gets: the transport's auth info and request headers, when there are any. */
export interface KeyContext {
  readonly authInfo?: AuthInfo | undefined;
  readonly headers?: Record<string, string | string[] | undefined> | undefined;
}

/** Options of {@link createChiliPiperServer}. */
export interface ChiliPiperServerOptions extends ToolFilter, Omit<ExecuteOptions, 'apiKey' | 'signal'> {
  /** The Chili Piper API key, or a function returning it per request (e.g. from the caller's token). */
  readonly apiKey: string | ((context: KeyContext) => string | undefined | Promise<string | undefined>);
  /** The tool catalog to serve (default: the Chili Piper tools). */
  readonly tools?: readonly AnyTool[] | undefined;
  /** Server name and version reported to clients. */
  readonly serverInfo?: { name: string; version: string } | undefined;
  /**
   * Text added after the instructions the server generates for clients at initialization (e.g. the sandbox
   * notice, `SANDBOX_INSTRUCTIONS`).
   */
  readonly instructions?: string | undefined;
  /**
   * Which tools answer with a preview and act only once confirmed (`'destructive'` or `'none'`, the default),
   * or the policy with its token secret, lifetime and elicitation switch. See docs/safety.md.
   */
  readonly confirm?: ConfirmOption | undefined;
  /**
   * Code mode: list two tools, `search` and `execute`, instead of the catalog; `execute` runs a model-written
   * script whose `cp.<tool>()` calls go through the same tool caller (see docs/code-mode.md). `true`, or
   * options: the engine's `wasmModule` (Cloudflare Workers) and the `limits` of a run.
   */
  readonly codeMode?: boolean | CodeModeOptions | undefined;
}

const SERVER_OPTIONS: ReadonlySet<string> = new Set([
  'include',
  'exclude',
  'readOnly',
  'tools',
  'serverInfo',
  'instructions',
  'confirm',
  'codeMode',
] satisfies (keyof ChiliPiperServerOptions)[]);

/**
 * Creates an MCP server (from `@modelcontextprotocol/sdk`) that lists and calls the Chili Piper tools.
 * Connect it to any transport. Throws a `ConfigError` at once when an option is unknown or the tool filter
 * is wrong.
 */
export function createChiliPiperServer(options: ChiliPiperServerOptions): Server {
  checkOptionNames(options, SERVER_OPTIONS);
  const {
    include,
    exclude,
    readOnly,
    tools: toolsOption,
    serverInfo,
    instructions,
    apiKey,
    confirm,
  } = options;
  /** The executor's options, read at call time (an option may be a getter that changes between calls). */
  const execute = (): Omit<ExecuteOptions, 'apiKey' | 'signal'> => {
    const {
      include: _i,
      exclude: _e,
      readOnly: _r,
      tools: _t,
      serverInfo: _s,
      instructions: _n,
      apiKey: _k,
      confirm: _c,
      codeMode: _m,
      ...rest
    } = options;
    return rest;
  };
  const filter = { include, exclude, readOnly };
  const all = toolsOption ?? catalog;
  const caller = createToolCaller({ all, filter, execute, confirm });
  // In code mode: two tools, search and execute, instead of the catalog; scripts call through the same caller.
  const codeMode = createCodeModeTools(options.codeMode, {
    caller,
    all,
    filter,
    maxResultChars: options.maxResultChars,
  });
  const listed =
    codeMode?.listed ??
    caller.tools.map((t) => (caller.confirm.guards(t) ? withConfirmField(toMcpTool(t)) : toMcpTool(t)));
  // The SDK Server, with -32602 for malformed params and a shared JSON Schema validator (sdk-server.ts).
  const server = new ChiliPiperSdkServer(serverInfo ?? { name: 'chilipiper-mcp', version: '0.1.0' }, {
    capabilities: { tools: { listChanged: false }, resources: {} },
    instructions: serverInstructions(caller, instructions, codeMode !== undefined),
  });
  const keyFor = async (extra: Extra) =>
    typeof apiKey === 'function'
      ? await apiKey({ authInfo: extra.authInfo, headers: extra.requestInfo?.headers })
      : apiKey;
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const key = await keyFor(extra);
    if (!key) {
      return errorResult('No Chili Piper API key is available for this request.', { kind: 'unauthorized' });
    }
    const token = request.params._meta?.progressToken;
    const onProgress =
      token === undefined
        ? undefined
        : (progress: number, total: number | undefined) =>
            void extra
              .sendNotification({
                method: 'notifications/progress',
                params: { progressToken: token, progress, ...(total === undefined ? {} : { total }) },
              })
              .catch(() => undefined);
    const context = {
      apiKey: key,
      signal: extra.signal,
      caller: extra.authInfo?.clientId,
      askPerson: personAsker(server, extra, caller.confirm),
      ...(onProgress ? { onProgress } : {}),
    };
    const { name, arguments: args } = request.params;
    return (await (codeMode ?? caller).call(name, args, context)) as CallToolResult;
  });
  serveResultLinks(server, { caller, keyFor, execute });
  return server;
}
