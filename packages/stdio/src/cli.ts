import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, getTool, normalizeKey } from '@chilipiper-mcp/core';
import { resolveConfig, type CommonFlags } from './config.js';
import { callTool, listTools, processOutput } from './commands.js';
import { doctor } from './doctor.js';
import { HELP } from './help.js';
import { runInit } from './init/index.js';
import { createLogger, type Logger } from './log.js';
import { COMMON_OPTIONS, INIT_OPTIONS, SERVE_OPTIONS } from './options.js';
import { serve } from './serve.js';
import { toolHelp } from './tool-help.js';
import { CliError } from './upstream.js';
import { parseArgsMessage } from './usage.js';
import { VERSION } from './version.js';

const COMMANDS = ['serve', 'init', 'doctor', 'tools', 'call'] as const;
type Command = (typeof COMMANDS)[number];

/** A mistake in how the CLI was invoked (exit code 2); printed with a hint at the help of `command`. */
class UsageError extends Error {
  constructor(message: string, command = 'serve') {
    const help = command === 'serve' ? 'chilipiper-mcp' : `chilipiper-mcp ${command}`;
    super(/--help\.$/.test(message) ? message : `${message} Run ${help} --help for usage.`);
  }
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  command: string,
) {
  try {
    return parseArgs({
      args,
      options,
      allowPositionals: true as const,
      strict: true as const,
      allowNegative: true,
    });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error, command, options), command);
  }
}

async function run(argv: string[], log: Logger): Promise<number> {
  const first = argv[0];
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  let command: Command = 'serve';
  let rest = argv;
  if (first !== undefined && !first.startsWith('-')) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`Unknown command "${first}". Commands: ${COMMANDS.join(', ')}.`);
    }
    command = first as Command;
    rest = argv.slice(1);
  }
  const help = (topic: string) => (process.stdout.write(HELP[topic]!), 0);

  if (command === 'init') {
    const { values, positionals } = parse(rest, INIT_OPTIONS, 'init');
    log.secret(values['api-key']);
    if (values.help) return help('init');
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`, 'init');
    return runInit(positionals[0], values);
  }
  const extra =
    command === 'tools'
      ? ({ json: { type: 'boolean' } } as const)
      : command === 'call'
        ? ({ args: { type: 'string' } } as const)
        : command === 'serve'
          ? SERVE_OPTIONS
          : {};
  const { help: helpOption, ...common } = COMMON_OPTIONS;
  const { values, positionals } = parse(rest, { ...common, ...extra, help: helpOption }, command);
  if (values.help && command === 'call' && positionals[0] !== undefined) {
    const tool = getTool(positionals[0]);
    if (!tool)
      throw new UsageError(`Unknown tool "${positionals[0]}"; chilipiper-mcp tools lists them.`, 'call');
    process.stdout.write(toolHelp(tool, Math.min(100, processOutput.columns ?? 100)));
    return 0;
  }
  if (values.help)
    return help(command === 'serve' && first !== 'serve' && argv.length === 1 ? 'main' : command);
  if (positionals.length > (command === 'call' ? 1 : 0)) {
    throw new UsageError(`Unexpected argument "${positionals.at(-1)}".`, command);
  }
  log.secret(values['api-key']);
  const config = resolveConfig(process.env, values as CommonFlags);
  const logger = createLogger(config.logLevel);
  logger.secret(config.apiKey);
  switch (command) {
    case 'serve':
      return serve(config, logger);
    case 'tools':
      return listTools(config, Boolean((values as { json?: boolean }).json));
    case 'call':
      return callTool(config, positionals[0], (values as { args?: string }).args, logger);
    case 'doctor':
      return doctor(config);
  }
}

/** Runs the CLI with the process's arguments; sets the exit code, printing failures as one stderr line. */
async function main(): Promise<void> {
  const log = createLogger('error');
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); // e.g. `chilipiper-mcp tools | head`
  });
  // The cleaned key: an unexpanded placeholder such as ${CHILI_PIPER_API_KEY} is not a secret, and is named.
  log.secret(normalizeKey(process.env['CHILI_PIPER_API_KEY']).key);
  try {
    const code = await run(process.argv.slice(2), log);
    process.exitCode = code;
  } catch (error) {
    if (error instanceof UsageError) {
      log.error(error.message);
      process.exitCode = 2;
    } else if (error instanceof CliError || error instanceof ConfigError) {
      log.error(error.message);
      process.exitCode = 1;
    } else {
      log.error(
        `unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 1;
    }
  }
}

void main();
