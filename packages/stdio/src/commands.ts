import { executeTool, resultText, type AnyTool } from '@chilipiper-mcp/core';
import type { ResolvedConfig } from './config.js';
import type { Logger } from './log.js';
import { CliError, openUpstream } from './upstream.js';

/** Where command output goes (replaceable in tests). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Writes to the process's stdout and stderr. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function safetyLabel(tool: AnyTool): string {
  const { kind, idempotent } = tool.safety;
  return kind === 'read' ? 'read' : `${kind}${idempotent ? ' (idempotent)' : ''}`;
}

/** `chilipiper-mcp tools [--json]`: the selected tools with group, safety class and permission. */
export function listTools(config: ResolvedConfig, json: boolean, output: Output = processOutput): number {
  const rows = config.tools.map((t) => ({
    name: t.name,
    group: t.group,
    safety: t.safety.kind,
    idempotent: t.safety.idempotent,
    permission: t.permission ?? null,
    title: t.title,
  }));
  if (json) {
    output.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  const groupWidth = Math.max(...rows.map((r) => r.group.length));
  for (const tool of config.tools) {
    const perm = tool.permission ? `  needs ${tool.permission}` : '';
    output.out(
      `${tool.name.padEnd(width)}  ${tool.group.padEnd(groupWidth)}  ${safetyLabel(tool).padEnd(24)}${perm}\n`,
    );
  }
  output.err(`${rows.length} tools${config.readOnly ? ' (read-only)' : ''}\n`);
  return 0;
}

function parseJsonArgs(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`--args is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * `chilipiper-mcp call <tool> --args '<json>'`: runs one tool through the core executor (no MCP) and
 * prints the result text on stdout. Returns 1, with the message on stderr, when the result is an error.
 */
export async function callTool(
  config: ResolvedConfig,
  name: string | undefined,
  argsJson: string | undefined,
  log: Logger,
  output: Output = processOutput,
): Promise<number> {
  if (!name) throw new CliError('Which tool? Usage: chilipiper-mcp call <tool> --args \'{"…": …}\'');
  const tool = config.tools.find((t) => t.name === name);
  if (!tool) {
    throw new CliError(
      `Tool "${name}" is not available (unknown, or hidden by --tools/--exclude-tools/--read-only). Run \`chilipiper-mcp tools\` to list them.`,
    );
  }
  const args = parseJsonArgs(argsJson);
  const upstream = await openUpstream(config, log);
  try {
    const result = await executeTool(tool, args, {
      apiKey: upstream.apiKey,
      baseUrl: upstream.baseUrl,
      fetch: upstream.fetch,
    });
    const text = resultText(result);
    if (result.isError) {
      output.err(`${text}\n`);
      return 1;
    }
    output.out(`${text}\n`);
    return 0;
  } finally {
    await upstream.close();
  }
}
