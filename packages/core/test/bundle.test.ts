import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The main entry must run in serverless/edge runtimes: no node: builtins and no undici anywhere in the files
// it loads. Reads the built output (run after `pnpm build`), following relative imports between chunks.
const dist = new URL('../dist/', import.meta.url);
const NODE_ONLY =
  /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](node:[^"']+|undici|fs|path|http|https|net|tls|crypto|child_process)["']/g;

function loaded(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(new URL(entry, dist), 'utf8');
  for (const m of code.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']\.\/([^"']+)["']/g))
    loaded(m[1]!, seen);
  return seen;
}

describe('built core', () => {
  it.each(['index.js', 'index.cjs'])('%s loads nothing Node-only', (entry) => {
    expect(existsSync(new URL(entry, dist)), 'run pnpm build first').toBe(true);
    const files = [...loaded(entry)];
    const hits = files.flatMap((f) =>
      [...readFileSync(new URL(f, dist), 'utf8').matchAll(NODE_ONLY)].map((m) => `${f}: ${m[1]}`),
    );
    expect(hits).toStrictEqual([]);
  });

  it('the node subpath does use undici (so the check above can see it)', () => {
    const hits = [...readFileSync(new URL('node.js', dist), 'utf8').matchAll(NODE_ONLY)].map((m) => m[1]);
    expect(hits).toContain('undici');
  });
});
