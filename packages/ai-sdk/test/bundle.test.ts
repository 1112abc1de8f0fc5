import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `@chilipiper-mcp/ai-sdk/functions` is for apps without the AI SDK: nothing it loads may import `ai`.
// Reads the built output (run after `pnpm build`), following relative imports between chunks.
const dist = new URL('../dist/', import.meta.url);
const IMPORTS = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g;

function imports(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = readFileSync(new URL(entry, dist), 'utf8');
  return [...code.matchAll(IMPORTS)].flatMap(([, spec]) =>
    spec!.startsWith('./') ? imports(spec!.slice(2), seen) : [spec!],
  );
}

describe('built ai-sdk package', () => {
  it.each(['functions.js', 'functions.cjs'])('%s imports core only, never the AI SDK', (entry) => {
    expect(existsSync(new URL(entry, dist)), 'run pnpm build first').toBe(true);
    expect([...new Set(imports(entry))]).toStrictEqual(['@chilipiper-mcp/core']);
  });

  it.each(['index.js', 'index.cjs'])('%s imports the AI SDK (so the check above can see it)', (entry) => {
    expect(imports(entry)).toContain('ai');
  });
});
