import { catalog } from './catalog.js';
import type { CallOptions, ClientOptions } from './client-types.js';
import { ConfigError } from './config-error.js';
import { parseBaseUrl } from './env.js';
import { checkOptionNames, executeTool, type ExecuteOptions } from './execute.js';
import type { ToolResult } from './results.js';
import { selectTools } from './select.js';
import type { AnyTool } from './tool.js';

/** An enabled tool with its options bound: `run(input)` goes through the executor with them. */
export interface BoundTool {
  readonly tool: AnyTool;
  /** Runs the tool; resolves to the executor's result (an `isError` result on failure, never a rejection). */
  run(input: unknown, options?: CallOptions): Promise<ToolResult>;
}

const FILTER_OPTIONS: ReadonlySet<string> = new Set(['include', 'exclude', 'readOnly']);

/** Checks what only a bound set checks: a key, a real base URL when one is given, no set-wide signal. */
function checkOptions(options: ClientOptions): void {
  checkOptionNames(options, FILTER_OPTIONS);
  if ('signal' in options) {
    throw new ConfigError('signal is given per call: client.toolName(input, { signal }).', 'signal');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new ConfigError(
      'apiKey is required: an Edge API access token (Command Center > Integrations > Credentials > API Access Tokens).',
      'apiKey',
    );
  }
  if (options.baseUrl !== undefined && (typeof options.baseUrl !== 'string' || !options.baseUrl.trim())) {
    throw new ConfigError(
      'baseUrl is empty: leave it out for the Chili Piper Edge API, or give a URL.',
      'baseUrl',
    );
  }
}

/**
 * The enabled tools (after `include`, `exclude`, `readOnly`), each bound to the executor with these options.
 * What the typed client, the AI SDK tools and the function tools are built on. Reads no environment variables.
 * Throws a {@link ConfigError} at once for an unknown option name, a missing key, a bad `baseUrl` or a tool
 * filter that matches nothing.
 */
export function bindTools(options: ClientOptions): BoundTool[] {
  checkOptions(options);
  const { include, exclude, readOnly, baseUrl, ...execute } = options;
  const url = parseBaseUrl('baseUrl', baseUrl);
  const settings: ExecuteOptions = { ...execute, ...(url === undefined ? {} : { baseUrl: url }) };
  return selectTools(catalog, { include, exclude, readOnly }).map((tool) => ({
    tool,
    run: (input, call = {}) => {
      const unknown = Object.keys(call).filter((k) => k !== 'signal');
      if (unknown.length > 0) {
        return Promise.reject(
          new ConfigError(`Unknown call option "${unknown[0]}"; known options: signal.`, unknown[0]),
        );
      }
      return executeTool(tool, input, { ...settings, signal: call.signal });
    },
  }));
}
