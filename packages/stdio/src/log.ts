import { redact } from '@chilipiper-mcp/core';

/** How much the CLI says on stderr. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The log levels, quietest first. */
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** A stderr logger that never prints a registered secret. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** Printed at every level (e.g. the sandbox banner). */
  always(message: string): void;
  /** Registers a secret (the API key): it is replaced by `[redacted]` in every later line. */
  secret(value: string | undefined): void;
}

/**
 * Creates a logger that writes one line per message to stderr (stdout belongs to JSON-RPC).
 * `write` is replaceable in tests.
 */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const secrets: string[] = [];
  const emit = (at: LogLevel, message: string, force = false) => {
    if (!force && LOG_LEVELS.indexOf(at) > threshold) return;
    const clean = secrets.reduce((text, s) => redact(text, s), message);
    write(`chilipiper-mcp: ${at === 'info' ? '' : `${at === 'warn' ? 'warning' : at}: `}${clean}\n`);
  };
  return {
    error: (m) => emit('error', m),
    warn: (m) => emit('warn', m),
    info: (m) => emit('info', m),
    debug: (m) => emit('debug', m),
    always: (m) => emit('info', m, true),
    secret: (value) => {
      if (value) secrets.push(value);
    },
  };
}
