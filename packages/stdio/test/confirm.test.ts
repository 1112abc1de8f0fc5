import { ConfigError } from '@chilipiper-mcp/core';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';

describe('the confirmation policy over stdio', () => {
  it('is off by default (the client asks before each call) and set by CHILI_PIPER_CONFIRM or --confirm', () => {
    expect(resolveConfig({}).confirm).toBe('none');
    expect(resolveConfig({ CHILI_PIPER_CONFIRM: 'destructive' }).confirm).toBe('destructive');
    expect(resolveConfig({ CHILI_PIPER_CONFIRM: 'destructive' }, { confirm: 'none' }).confirm).toBe('none');
    expect(resolveConfig({}, { confirm: ' Destructive ' }).confirm).toBe('destructive');
  });

  it('names the flag and the variable on a bad value', () => {
    expect(() => resolveConfig({}, { confirm: 'all' })).toThrow(ConfigError);
    expect(() => resolveConfig({}, { confirm: 'all' })).toThrow(
      '--confirm / CHILI_PIPER_CONFIRM: expected "destructive" or "none", got "all".',
    );
    expect(() => resolveConfig({ CHILI_PIPER_CONFIRM: 'yes' })).toThrow(
      /^--confirm \/ CHILI_PIPER_CONFIRM: /,
    );
  });
});
