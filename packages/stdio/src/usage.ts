import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

const squash = (flag: string) => flag.replace(/^-+/, '').replace(/[-_]/g, '').toLowerCase();

/**
 * Rewrites a `node:util` `parseArgs` error as one sentence that names the flag, what is wrong with it and
 * the options the command takes (Node's own text ends mid-sentence and talks about positionals).
 */
export function parseArgsMessage(error: Error, command: string, options: Options): string {
  const code = (error as NodeJS.ErrnoException).code;
  const flags = Object.keys(options).map((name) => `--${name}`);
  const help = `See chilipiper-mcp ${command === 'serve' ? '' : `${command} `}--help.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /Unknown option '([^']+)'/.exec(error.message)?.[1] ?? '?';
    const close = flags.find((f) => squash(f) === squash(flag.split('=')[0]!));
    return close
      ? `Unknown option "${flag}" for ${command}: did you mean ${close}? ${help}`
      : `Unknown option "${flag}" for ${command}. Its options: ${flags.join(', ')}. ${help}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /Option '(-[^\s']+)/.exec(error.message)?.[1] ?? '?';
    const long = /^-[^-]$/.test(flag)
      ? `--${Object.entries(options).find(([, o]) => o.short === flag.slice(1))?.[0] ?? flag}`
      : flag;
    return /does not take an argument/.test(error.message)
      ? `${long} takes no value. ${help}`
      : `${long} needs a value (${long} <value>). ${help}`;
  }
  return `${error.message.replace(/\s+$/, '').replace(/([^.])$/, '$1.')} ${help}`;
}
