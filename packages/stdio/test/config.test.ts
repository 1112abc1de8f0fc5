import { catalog, ConfigError, selectTools } from '@chilipiper-mcp/core';
import { describe, expect, it } from 'vitest';
import { keyWarnings, normalizeKey, resolveConfig } from '../src/config.js';

/** The tools a server lists by default (opt-in tools left out). */
const DEFAULT_TOOLS = selectTools(catalog).length;

describe('resolveConfig', () => {
  it('reads every variable', () => {
    const config = resolveConfig({
      CHILI_PIPER_API_KEY: 'k123',
      CHILI_PIPER_BASE_URL: 'http://127.0.0.1:9999/api/fire-edge/',
      CHILI_PIPER_TOOLS: 'organization, meetings',
      CHILI_PIPER_EXCLUDE_TOOLS: 'meeting-cancel',
      CHILI_PIPER_READ_ONLY: 'true',
      CHILI_PIPER_LOG_LEVEL: 'DEBUG',
    });
    expect(config).toMatchObject({
      apiKey: 'k123',
      apiKeySource: 'env',
      baseUrl: 'http://127.0.0.1:9999/api/fire-edge',
      include: ['organization', 'meetings'],
      exclude: ['meeting-cancel'],
      readOnly: true,
      logLevel: 'debug',
      sandbox: false,
    });
    expect(config.tools.map((t) => t.name)).toEqual([
      'health-ping',
      'tenant-get',
      'meeting-list-put',
      'meeting-get',
      'meeting-export-v2-put',
      'meeting-activity',
      'meeting-type-list',
    ]);
  });

  it('lets flags win over the environment', () => {
    const config = resolveConfig(
      {
        CHILI_PIPER_API_KEY: 'from-env',
        CHILI_PIPER_TOOLS: 'meetings',
        CHILI_PIPER_READ_ONLY: '1',
        CHILI_PIPER_LOG_LEVEL: 'debug',
      },
      {
        'api-key': 'from-flag',
        tools: 'rules',
        'read-only': false,
        'log-level': 'error',
        'base-url': 'https://x.example/api',
      },
    );
    expect(config.apiKey).toBe('from-flag');
    expect(config.apiKeySource).toBe('flag');
    expect(config.include).toEqual(['rules']);
    expect(config.readOnly).toBe(false);
    expect(config.logLevel).toBe('error');
    expect(config.baseUrl).toBe('https://x.example/api');
    expect(config.tools.map((t) => t.name)).toEqual([
      'rule-list',
      'rule-get',
      'rule-create',
      'rule-modify',
      'rule-delete',
    ]);
    expect(keyWarnings(config).join('\n')).toMatch(/ps/);
  });

  it('defaults to every tool, info logs, not read-only and no key', () => {
    const config = resolveConfig({});
    expect(config.tools).toHaveLength(DEFAULT_TOOLS);
    expect(config).toMatchObject({ readOnly: false, logLevel: 'info', apiKey: undefined, keyProblems: [] });
  });

  it('read-only keeps only read tools', () => {
    const config = resolveConfig({}, { 'read-only': true });
    expect(config.tools.length).toBeGreaterThan(20);
    expect(config.tools.every((t) => t.safety.kind === 'read')).toBe(true);
  });

  it('names an unknown tool or group clearly', () => {
    expect(() => resolveConfig({ CHILI_PIPER_TOOLS: 'meetings,meeting-lsit' })).toThrow(ConfigError);
    expect(() => resolveConfig({ CHILI_PIPER_TOOLS: 'meetings,meeting-lsit' })).toThrow(
      /--tools \/ CHILI_PIPER_TOOLS: unknown tool or group "meeting-lsit"/,
    );
    expect(() => resolveConfig({}, { 'exclude-tools': 'nope' })).toThrow(/--exclude-tools.*"nope"/);
  });

  it('rejects bad values', () => {
    expect(() => resolveConfig({ CHILI_PIPER_READ_ONLY: 'maybe' })).toThrow(/CHILI_PIPER_READ_ONLY/);
    expect(() => resolveConfig({ CHILI_PIPER_LOG_LEVEL: 'loud' })).toThrow(/error, warn, info, debug/);
    expect(() => resolveConfig({ CHILI_PIPER_BASE_URL: 'fire.chilipiper.com' })).toThrow(/not a URL/);
    expect(() => resolveConfig({ CHILI_PIPER_BASE_URL: 'ftp://x.example' })).toThrow(/https:\/\//);
    expect(() =>
      resolveConfig({ CHILI_PIPER_TOOLS: 'meeting-cancel', CHILI_PIPER_READ_ONLY: 'yes' }),
    ).toThrow(/matches no tool/);
  });

  it('cleans a pasted key and says how', () => {
    const config = resolveConfig({ CHILI_PIPER_API_KEY: ' "Bearer abc123" \n' });
    expect(config.apiKey).toBe('abc123');
    expect(config.keyProblems).toEqual(['whitespace', 'quotes', 'bearer']);
    const warnings = keyWarnings(config).join('\n');
    expect(warnings).toMatch(/Bearer/);
    expect(warnings).not.toContain('abc123');
  });
});

describe('normalizeKey', () => {
  it.each([
    ['abc', 'abc', []],
    ['Bearer abc', 'abc', ['bearer']],
    ['bearer   abc', 'abc', ['bearer']],
    ["'abc'", 'abc', ['quotes']],
    ['abc\n', 'abc', ['whitespace']],
  ])('%j → %j', (raw, key, problems) => {
    expect(normalizeKey(raw)).toEqual({ key, problems });
  });

  it('treats an empty value as no key', () => {
    expect(normalizeKey('  ').key).toBeUndefined();
    expect(resolveConfig({ CHILI_PIPER_API_KEY: '' }).apiKey).toBeUndefined();
  });
});
