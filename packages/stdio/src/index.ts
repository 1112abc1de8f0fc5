export {
  resolveConfig,
  normalizeKey,
  keyWarnings,
  NO_KEY_MESSAGE,
  KEY_PROBLEM_TEXT,
  type CommonFlags,
  type Env,
  type KeyProblem,
  type ResolvedConfig,
} from './config.js';
export { createLogger, LOG_LEVELS, type Logger, type LogLevel } from './log.js';
export { serve } from './serve.js';
export { doctor } from './doctor.js';
export { listTools, callTool, type Output } from './commands.js';
export { openUpstream, CliError, SANDBOX_BANNER, type Upstream } from './upstream.js';
export {
  runInit,
  processContext,
  PACKAGE_NAME,
  CLIENT_IDS,
  type ClientId,
  type InitContext,
  type InitFlags,
} from './init/index.js';
