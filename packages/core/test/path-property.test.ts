// Property: for every path variable of every tool, whatever string the variable holds, either nothing is sent
// or the URL fetch is asked for keeps the operation's static segments and segment count, each variable one
// segment that no decoding turns into "." or ".." or into something holding "/" or "\".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog, EdgeError, toRequest, type AnyTool } from '../src/index.js';
import { send } from '../src/send.js';
import { placementOf } from '../src/to-request.js';

const BASE = 'https://edge.example.test/api/fire-edge';

/** Input fields that fill a path variable, with the variable each fills. */
function pathFields(tool: AnyTool): { field: string; variable: string }[] {
  return Object.keys(tool.input.entries).flatMap((field) => {
    const place = placementOf(tool, field);
    return place.in === 'path' ? [{ field, variable: field }] : [];
  });
}

const targets = catalog.flatMap((tool) => pathFields(tool).map((p) => ({ tool, ...p })));

/** Pieces that make dot segments, separators and their encodings likely. */
const piece = fc.constantFrom(
  '.',
  '..',
  '%',
  '2e',
  '2E',
  '%2e',
  '%2E',
  '%25',
  '25',
  '/',
  '\\',
  '%2f',
  '%5c',
  'a',
  '?',
  '#',
  ' ',
  '\0',
  'é',
);
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.constantFrom('.', '..', '%2e%2e', '.%2E', '%252e%252E', '%25252e.', '..%2F', '%2F..'),
);

function decodeAll(segment: string): string[] {
  const out = [segment];
  for (let s = segment, i = 0; i < 10; i++) {
    try {
      const next = decodeURIComponent(s);
      if (next === s) break;
      out.push((s = next));
    } catch {
      break;
    }
  }
  return out;
}

/** The URL fetch was asked for, or undefined when the call was refused before anything was sent. */
async function requested(tool: AnyTool, args: Record<string, unknown>): Promise<string | undefined> {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  let request;
  try {
    request = toRequest(tool, args);
  } catch {
    return undefined; // toRequest could not build it (e.g. a lone surrogate): nothing is sent
  }
  const sent = await send(
    tool,
    request,
    { apiKey: 'k' },
    { baseUrl: BASE, fetch, retry: { maxAttempts: 1 } },
  ).then(
    () => true,
    (error: unknown) => {
      expect(error).toBeInstanceOf(EdgeError);
      expect((error as EdgeError).kind).toBe('invalid-arguments');
      return false;
    },
  );
  expect(urls).toHaveLength(sent ? 1 : 0);
  return urls[0];
}

describe('path rule, property-based, over every path variable of every tool', () => {
  it('covers every tool with a path variable', () => {
    const withVariables = catalog.filter((t) => t.operation.path.includes('{'));
    expect(new Set(targets.map((t) => t.tool.name))).toStrictEqual(new Set(withVariables.map((t) => t.name)));
  });

  it.each(targets.map((t) => [`${t.tool.name} {${t.variable}}`, t] as const))('%s', async (_name, target) => {
    const { tool, field } = target;
    const template = `${new URL(BASE).pathname}${tool.operation.path}`.split('/');
    const others = Object.fromEntries(pathFields(tool).map((p) => [p.field, 'id-1']));
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const url = await requested(tool, { ...others, [field]: v });
        if (url === undefined) return;
        const segments = new URL(url).pathname.split('/');
        expect(segments).toHaveLength(template.length);
        template.forEach((part, i) => {
          const segment = segments[i]!;
          if (!part.startsWith('{')) return expect(segment).toBe(part);
          for (const text of decodeAll(segment)) {
            expect(text).not.toMatch(/^\.\.?$/);
            expect(text).not.toMatch(/[/\\]/);
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
