import { describe, expect, it } from 'vitest';
import { CliError, HELP, OPTION_NAMES, resolveCliConfig } from '../src/cli-config.js';
import { DEMO_KEY, DEMO_READONLY_KEY, GLOBEX_KEY } from '../src/index.js';

describe('chilipiper-sandbox command line', () => {
  it('the help explains every option, the demo tokens and the environment, with an example', () => {
    expect(OPTION_NAMES.length).toBeGreaterThan(0);
    for (const name of OPTION_NAMES) expect(HELP).toMatch(new RegExp(`^ {2}(-h, )?--${name}\\b`, 'm'));
    for (const key of [DEMO_KEY, DEMO_READONLY_KEY, GLOBEX_KEY]) expect(HELP).toContain(key);
    expect(HELP).toMatch(/^Environment: /m);
    expect(HELP).toMatch(/^Example:\n {2}chilipiper-sandbox --port \d+ --seed \d+ --now \S+$/m);
  });

  it('defaults to port 4010 on 127.0.0.1 with the default seed, scale and the real clock', () => {
    expect(resolveCliConfig([])).toStrictEqual({ help: false, options: { port: 4010, host: '127.0.0.1' } });
  });

  it('reads every option, inline values included', () => {
    expect(
      resolveCliConfig([
        '--port=0',
        '--host',
        '0.0.0.0',
        '--seed',
        '42',
        '--scale',
        '500',
        '--now',
        '2026-03-10T12:00:00Z',
        '-h',
      ]),
    ).toStrictEqual({
      help: true,
      options: { port: 0, host: '0.0.0.0', seed: 42, scale: 500, now: new Date('2026-03-10T12:00:00Z') },
    });
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-x'], 'unknown option -x'],
    [['--port'], '--port needs a value'],
    [['--port', '--seed', '1'], '--port needs a value'],
    [['--help=yes'], '--help takes no value'],
    [['serve'], 'unexpected argument "serve"'],
    [['--port', '70000'], '--port must be an integer from 0 to 65535, not "70000"'],
    [['--seed', '1.5'], '--seed must be an integer from 0 to 4294967295, not "1.5"'],
    [['--scale', '10'], '--scale must be an integer from 100 to 10000000, not "10"'],
    [['--now', '2026-03-10'], '--now must be an ISO-8601 date-time with a zone, not "2026-03-10"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => resolveCliConfig(argv)).toThrow(new CliError(message));
  });
});
