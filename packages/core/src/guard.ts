import { EdgeError } from './errors.js';
import type { AnyTool } from './tool.js';

/** Characters a path segment may hold as sent (RFC 3986 `pchar`): anything else changes how the URL parses. */
const PCHAR = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;

/** True when a decoding of a path variable holds a separator or a control character. */
function forbidden(text: string): boolean {
  if (text.includes('/') || text.includes('\\')) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const MAX_DECODES = 8;

const templates = new Map<string, { pattern: RegExp; names: string[] }>();

/** A template as an anchored pattern, one capture per `{var}` (lazy, so a value holding `/` is still caught). */
function compile(template: string): { pattern: RegExp; names: string[] } {
  let compiled = templates.get(template);
  if (compiled) return compiled;
  const parts = template.split(/\{([^}]+)\}/);
  const names = parts.filter((_, i) => i % 2 === 1);
  const statics = parts.filter((_, i) => i % 2 === 0).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  compiled = { pattern: new RegExp(`^${statics.join('(.*?)')}$`, 's'), names };
  templates.set(template, compiled);
  return compiled;
}

/** The text of a segment after each round of percent-decoding, until it stops changing or stops decoding. */
function decodings(segment: string): string[] {
  const seen = [segment];
  for (let s = segment, i = 0; i < MAX_DECODES && s.includes('%'); i++) {
    let next: string;
    try {
      next = decodeURIComponent(s);
    } catch {
      break;
    }
    if (next === s) break;
    seen.push((s = next));
  }
  return seen;
}

/** Why a routed path variable is not one plain path segment, or undefined when it is. */
function problem(segment: string): string | undefined {
  if (segment === '') return 'must not be empty';
  for (const text of decodings(segment)) {
    if (text === '.' || text === '..') return 'must be an id, not "." or ".." (in any encoding)';
    if (forbidden(text))
      return 'must be one path segment: no "/", "\\" or control characters, encoded or not';
  }
  return PCHAR.test(segment) ? undefined : 'holds characters that would change the URL';
}

/** How a bad value is shown back: what the caller sent (one decoding undone), quoted and shortened. */
function shown(segment: string): string {
  let value = segment;
  try {
    value = decodeURIComponent(segment);
  } catch {
    // Show it as routed.
  }
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * Checks that a routed path is exactly the tool's operation: the template's static segments and segment
 * count, each variable one non-empty segment that no decoding turns into `.`, `..`, or something holding
 * `/` or `\`. Called on every request before it is sent, whatever built it; throws an `invalid-arguments`
 * {@link EdgeError} naming the variable otherwise.
 */
export function checkRoute(tool: AnyTool, path: string): void {
  const template = tool.operation.path;
  const { pattern, names } = compile(template);
  const match = pattern.exec(path);
  const bad: { name: string; why: string; value: string }[] = [];
  if (!match) {
    for (const name of names) bad.push({ name, why: 'does not fit the operation path', value: path });
    if (names.length === 0) bad.push({ name: 'path', why: `must be ${template}`, value: path });
  } else {
    names.forEach((name, i) => {
      const segment = match[i + 1] ?? '';
      const why = problem(segment);
      if (why) bad.push({ name, why, value: segment });
    });
  }
  if (match && bad.length === 0 && path.split('/').length === template.split('/').length) return;
  if (bad.length === 0) bad.push({ name: 'path', why: `must have the segments of ${template}`, value: path });
  throw new EdgeError(
    'invalid-arguments',
    `Invalid arguments for ${tool.name} (nothing was sent):\n` +
      bad.map((b) => `- ${b.name}: ${b.why} (got ${shown(b.value)})`).join('\n'),
    { fields: bad.map((b) => b.name) },
  );
}
