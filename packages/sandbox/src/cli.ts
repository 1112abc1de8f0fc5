import { createSandbox, type Sandbox } from './create-sandbox.js';
import { DEMO_READONLY_KEY, GLOBEX_KEY } from './auth.js';
import { CliError, HELP, resolveCliConfig, type CliConfig } from './cli-config.js';

let config: CliConfig;
try {
  config = resolveCliConfig(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof CliError)) throw e;
  console.error(`chilipiper-sandbox: ${e.message} (see chilipiper-sandbox --help)`);
  process.exit(2);
}
if (config.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

let closing = false;
const state: { sandbox?: Sandbox } = {};
const stop = (signal: string): void => {
  if (closing) return;
  closing = true;
  console.log(`Received ${signal}, shutting down`);
  setTimeout(() => process.exit(0), 2000).unref();
  if (!state.sandbox) process.exit(0);
  void state.sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

const sandbox = await createSandbox(config.options);
state.sandbox = sandbox;
console.log(`Chili Piper Edge API sandbox (an emulator, not the real service)`);
console.log(`URL: ${sandbox.url}`);
console.log(`API key (Acme Corp, all permissions): ${sandbox.apiKey}`);
console.log(`API key (Acme Corp, read-only): ${DEMO_READONLY_KEY}`);
console.log(`API key (Globex, all permissions): ${GLOBEX_KEY}`);
