import { parseArgs } from 'node:util';
import { DEMO_KEY, DEMO_READONLY_KEY, GLOBEX_KEY } from './auth.js';
import type { SandboxOptions } from './create-sandbox.js';
import { DEFAULT_SCALE, DEFAULT_SEED } from './seed/index.js';
import { parseDateTime } from './util/time.js';

/** The `--help` text. */
export const HELP = `Usage: chilipiper-sandbox [options]

Starts a local emulator of the Chili Piper Edge API on fictitious demo data and prints its URL and
demo API keys. It is NOT Chili Piper: nothing is emailed, booked in a calendar or written to a CRM.
Stop it with Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port <n>     port to listen on (default 4010; 0 = any free port)
  --host <addr>  address to bind (default 127.0.0.1; another address exposes the demo to your network)
  --seed <n>     seed of the generated data (default ${DEFAULT_SEED}); the same seed and clock give
                 the same data, ids included
  --scale <n>    meetings in the Acme Corp demo org (default ${DEFAULT_SCALE}, at least 100; 100000 for
                 performance work)
  --now <time>   a fixed clock, an ISO-8601 date-time with a zone such as 2026-03-10T12:00:00Z
                 (default: the real time); seeded dates are relative to it and it does not advance
  -h, --help     show this help

Tokens: the sandbox has fixed demo API keys (not secrets), sent as "Authorization: Bearer <key>":
  ${DEMO_KEY}       Acme Corp, every permission
  ${DEMO_READONLY_KEY}   Acme Corp, read-only
  ${GLOBEX_KEY}     Globex Corporation, every permission

Environment: none is read.

Example:
  chilipiper-sandbox --port 4010 --seed 1 --now 2026-03-10T12:00:00Z
  curl -H "Authorization: Bearer ${DEMO_KEY}" \\
    http://127.0.0.1:4010/api/fire-edge/v1/org/tenant/get
`;

/** A mistake on the command line, stated in one line. */
export class CliError extends Error {}

/** What the CLI will start. */
export interface CliConfig {
  readonly help: boolean;
  readonly options: SandboxOptions & { port: number; host: string };
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Every option name the CLI accepts (the help explains each). */
export const OPTION_NAMES = Object.keys(OPTIONS);

function integer(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw new CliError(`--${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return n;
}

/** Reads the command line. Throws a `CliError` naming the first mistake (unknown option, missing or bad value). */
export function resolveCliConfig(argv: readonly string[]): CliConfig {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, tokens: true });
  const values: Record<string, string> = {};
  let help = false;
  for (const t of tokens) {
    if (t.kind === 'positional') throw new CliError(`unexpected argument ${JSON.stringify(t.value)}`);
    if (t.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: string }>)[t.name];
    if (!spec) throw new CliError(`unknown option ${t.rawName}`);
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw new CliError(`${t.rawName} takes no value`);
      help = true;
    } else if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))) {
      throw new CliError(`${t.rawName} needs a value`);
    } else values[t.name] = t.value;
  }
  const now = values.now === undefined ? undefined : parseDateTime(values.now);
  if (values.now !== undefined && now === undefined)
    throw new CliError(`--now must be an ISO-8601 date-time with a zone, not ${JSON.stringify(values.now)}`);
  if (values.host === '') throw new CliError('--host needs a value');
  return {
    help,
    options: {
      port: values.port === undefined ? 4010 : integer('port', values.port, 0, 65535),
      host: values.host ?? '127.0.0.1',
      ...(values.seed !== undefined ? { seed: integer('seed', values.seed, 0, 2 ** 32 - 1) } : {}),
      ...(values.scale !== undefined ? { scale: integer('scale', values.scale, 100, 10_000_000) } : {}),
      ...(now !== undefined ? { now: new Date(now) } : {}),
    },
  };
}
