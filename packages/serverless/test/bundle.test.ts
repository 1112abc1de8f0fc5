import { build, type Platform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Every module specifier a bundle imports or requires that is a Node builtin (or any `node:` one). */
function nodeImports(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*\(?\s*["']([^"']+)["']/g),
    ...code.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith('node:') || builtins.has(s) || builtins.has(s.split('/')[0]!));
}

describe('the serverless bundle runs without Node', () => {
  it('the detector catches Node imports (so the checks below can fail)', () => {
    expect(
      nodeImports('import { a } from "node:http"; const f = require("fs"); import("crypto")'),
    ).toStrictEqual(['node:http', 'crypto', 'fs']);
  });

  it('dist/index.js imports no Node builtin', () => {
    const code = readFileSync(dist, 'utf8');
    expect(code).toContain('createFetchHandler');
    expect(nodeImports(code)).toStrictEqual([]);
    expect(code).not.toMatch(/@chilipiper-mcp\/core\/node|undici/);
  });

  it('dist/index.cjs requires no Node builtin', () => {
    const code = readFileSync(dist.replace(/index\.js$/, 'index.cjs'), 'utf8');
    expect(code).toContain('createFetchHandler');
    expect(nodeImports(code)).toStrictEqual([]);
  });

  for (const platform of ['neutral', 'browser'] as Platform[]) {
    it(`an esbuild bundle with every dependency inlined (platform ${platform}) has no Node import`, async () => {
      const result = await build({
        entryPoints: [dist],
        bundle: true,
        platform,
        format: 'esm',
        write: false,
        logLevel: 'silent',
        mainFields: ['module', 'main'],
        conditions: ['worker', 'browser'],
      });
      const code = result.outputFiles[0]!.text;
      expect(code.length).toBeGreaterThan(50_000);
      expect(code).toContain('WebStandardStreamableHTTPServerTransport');
      expect(nodeImports(code)).toStrictEqual([]);
    });
  }
});
