import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, optionsFromEnv } from '../../src/index.js';

describe('CHILI_PIPER_CONFIRM', () => {
  it('is read by optionsFromEnv, absent when unset so each entry point keeps its default', () => {
    expect(optionsFromEnv({}).confirm).toBeUndefined();
    expect(optionsFromEnv({ CHILI_PIPER_CONFIRM: '' }).confirm).toBeUndefined();
    expect(optionsFromEnv({ CHILI_PIPER_CONFIRM: 'destructive' }).confirm).toBe('destructive');
    expect(optionsFromEnv({ CHILI_PIPER_CONFIRM: 'NONE' }).confirm).toBe('none');
    expect(Object.keys(ENV_VARIABLES)).toContain('CHILI_PIPER_CONFIRM');
  });

  it('is a ConfigError naming the variable on a bad value', () => {
    const read = () => optionsFromEnv({ CHILI_PIPER_CONFIRM: 'true' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow('CHILI_PIPER_CONFIRM: expected "destructive" or "none", got "true".');
    try {
      read();
    } catch (error) {
      expect((error as ConfigError).field).toBe('CHILI_PIPER_CONFIRM');
    }
  });
});
