import { executeTool, resultText, toMcpTool } from '@chilipiper-mcp/core';
import type { ResolvedConfig } from './config.js';
import type { Logger } from './log.js';
import { CliError, openUpstream } from './upstream.js';

/** Where command output goes (replaceable in tests). */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's width, when stdout is a terminal. */
  readonly columns?: number | undefined;
}

/** Writes to the process's stdout and stderr. */
export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  get columns() {
    return process.stdout.isTTY ? process.stdout.columns : undefined;
  },
};

/** The first sentence of a text, cut at a word boundary to at most `max` characters. */
export function firstSentence(text: string, max: number): string {
  const sentence = /^.*?\.(?=\s|$)/s.exec(text)?.[0] ?? text;
  const flat = sentence.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/**
 * `chilipiper-mcp tools [--json]`: the selected tools by group, each with its safety class and the first
 * sentence of its description (as the MCP listing gives it); `--json` adds the permission and the whole text.
 */
export function listTools(config: ResolvedConfig, json: boolean, output: Output = processOutput): number {
  if (json) {
    const rows = config.tools.map((t) => ({
      name: t.name,
      group: t.group,
      safety: t.safety.kind,
      idempotent: t.safety.idempotent,
      permission: t.permission,
      title: t.title,
      description: toMcpTool(t).description ?? '',
    }));
    output.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...config.tools.map((t) => t.name.length));
  const room = Math.max(40, (output.columns ?? 120) - (2 + width + 2 + 11 + 2));
  let group = '';
  for (const tool of config.tools) {
    if (tool.group !== group) output.out(`${(group = tool.group)}\n`);
    const text = firstSentence(toMcpTool(tool).description ?? '', room);
    output.out(`  ${tool.name.padEnd(width)}  ${tool.safety.kind.padEnd(11)}  ${text}\n`);
  }
  output.err(
    `${config.tools.length} tools${config.readOnly ? ' (read-only)' : ''}. ` +
      'chilipiper-mcp call <tool> --help shows the inputs of one.\n',
  );
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
