import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { INIT_OPTIONS } from '../src/options.js';
import { parseArgsMessage } from '../src/usage.js';
import { cleanEnv, runCli, tempDir } from './helpers.js';

function messageFor(args: string[]): string {
  try {
    parseArgs({ args, options: INIT_OPTIONS, allowPositionals: true, strict: true, allowNegative: true });
  } catch (error) {
    return parseArgsMessage(error as Error, 'init', INIT_OPTIONS);
  }
  throw new Error(`${args.join(' ')} parsed`);
}

describe('usage errors', () => {
  it('names an unknown option and lists the command’s options', () => {
    expect(messageFor(['codex', '--foo'])).toBe(
      'Unknown option "--foo" for init. Its options: --print, --name, --path, --scope, --read-only, --tools, ' +
        '--exclude-tools, --base-url, --api-key, --sandbox, --npx, --help. See chilipiper-mcp init --help.',
    );
  });

  it('suggests the option a misspelling stands for', () => {
    expect(messageFor(['--readonly'])).toBe(
      'Unknown option "--readonly" for init: did you mean --read-only? See chilipiper-mcp init --help.',
    );
  });

  it('says when a value is missing or not wanted', () => {
    expect(messageFor(['--name'])).toBe(
      '--name needs a value (--name <value>). See chilipiper-mcp init --help.',
    );
    expect(messageFor(['--print=yes'])).toBe('--print takes no value. See chilipiper-mcp init --help.');
  });

  it('prints one clean line and exits with 2 from the bin', async () => {
    const run = await runCli(['init', 'codex', '--bogus'], cleanEnv(await tempDir()));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^chilipiper-mcp: error: Unknown option "--bogus" for init\. .*init --help\.\n$/,
    );
  });
});
