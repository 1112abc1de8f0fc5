import { parseArgs } from 'node:util';
import { createSandbox, type Sandbox } from './create-sandbox.js';
import { DEMO_READONLY_KEY, GLOBEX_KEY } from './auth.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    scale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: chilipiper-sandbox [--port 4010] [--host 127.0.0.1] [--seed N] [--scale N]\nA local emulator of the Chili Piper Edge API (NOT the real service).',
  );
  process.exit(0);
}

const num = (s: string | undefined, name: string): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) {
    console.error(`--${name} must be a number`);
    process.exit(2);
  }
  return n;
};

const port = num(values.port, 'port') ?? 4010;
const seed = num(values.seed, 'seed');
const scale = num(values.scale, 'scale');
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

const sandbox = await createSandbox({
  port,
  host: values.host ?? '127.0.0.1',
  ...(seed !== undefined ? { seed } : {}),
  ...(scale !== undefined ? { scale } : {}),
});
state.sandbox = sandbox;
console.log(`Chili Piper Edge API sandbox (an emulator, not the real service)`);
console.log(`URL: ${sandbox.url}`);
console.log(`API key (Acme Corp, all permissions): ${sandbox.apiKey}`);
console.log(`API key (Acme Corp, read-only): ${DEMO_READONLY_KEY}`);
console.log(`API key (Globex, all permissions): ${GLOBEX_KEY}`);
