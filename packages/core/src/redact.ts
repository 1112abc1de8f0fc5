/** Keeps the API key out of everything that leaves the executor: messages, results, details. */
import type { ToolResult } from './results.js';

const MARK = '[redacted]';
/** Shortest prefix of the key (in characters) that is redacted on its own: long enough to never be chance. */
const MIN_PREFIX = 12;

/** One form the key can take in a text, and the shortest prefix of that form worth redacting. */
interface Form {
  readonly text: string;
  /** `text`, lower-cased when `caseless`: what is searched for. */
  readonly needle: string;
  readonly min: number;
  /** Matched in any letter case (the key itself, its URL and hex encodings); base64 is case-sensitive. */
  readonly caseless: boolean;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * The base64 characters that depend on the key's bytes only, for each of the three alignments the key can
 * have inside a longer encoded text (`base64(key)`, `base64("Bearer " + key)`, `base64("user:" + key)`…).
 */
function base64Cores(bytes: Uint8Array): string[] {
  const cores: string[] = [];
  for (let align = 0; align < 3; align++) {
    let binary = '\0'.repeat(align);
    for (const byte of bytes) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    const core = encoded.slice(Math.ceil((8 * align) / 6), Math.floor((8 * (align + bytes.length)) / 6));
    cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every form of the key that is redacted. */
function formsOf(secret: string): Form[] {
  const forms: Form[] = [];
  const add = (text: string, caseless: boolean, min: number): void => {
    if (text.length >= 4 && !forms.some((f) => f.text === text))
      forms.push({
        text,
        needle: caseless ? lowerAscii(text) : text,
        caseless,
        min: Math.min(min, text.length),
      });
  };
  const bytes = utf8(secret);
  add(secret, true, MIN_PREFIX);
  add(encodeURIComponent(secret), true, MIN_PREFIX);
  add([...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''), true, 2 * MIN_PREFIX);
  for (const core of base64Cores(bytes)) add(core, false, Math.ceil((MIN_PREFIX * 4) / 3));
  return forms;
}

/** Lower-cases ASCII letters only, so indexes stay those of the original text. */
function lowerAscii(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Adds to `spans` each run of `text` that is a prefix of `form` at least `form.min` long (longest at each place). */
function findForm(text: string, lower: string, form: Form, spans: [number, number][]): void {
  const hay = form.caseless ? lower : text;
  const needle = form.needle;
  const head = needle.slice(0, form.min);
  for (let at = hay.indexOf(head); at >= 0; at = hay.indexOf(head, at + 1)) {
    let end = at + form.min;
    while (end < hay.length && end - at < needle.length && hay[end] === needle[end - at]) end++;
    spans.push([at, end]);
  }
}

/** A redactor for one key: the forms are computed once, then applied to any number of texts. */
function redactorFor(secret: string | undefined): ((text: string) => string) | undefined {
  if (!secret || secret.length < 4) return undefined;
  const forms = formsOf(secret);
  return (text) => {
    const spans: [number, number][] = [];
    const lower = lowerAscii(text);
    for (const form of forms) findForm(text, lower, form, spans);
    if (spans.length === 0) return text;
    // Every form is matched on the original text and overlapping matches are merged, so a form that shares a
    // prefix with another (the key and its URL encoding) can never leave part of the other behind.
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let from = 0;
    for (const [start, end] of spans) {
      if (end <= from) continue;
      if (start >= from) out += text.slice(from, start) + MARK;
      from = end;
    }
    return out + text.slice(from);
  };
}

/**
 * Replaces the key in a text: exact, in any letter case, URL-encoded, hex, base64 or base64url (alone or inside
 * a longer encoded text such as `base64("Bearer " + key)`), and any prefix of those of 12 key characters or more.
 */
export function redact(text: string, secret: string | undefined): string {
  return redactorFor(secret)?.(text) ?? text;
}

function deep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => deep(item, scrub));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let changed = false;
  const entries = Object.entries(value).map(([k, v]) => {
    const entry = [scrub(k), deep(v, scrub)] as const;
    changed ||= entry[0] !== k || entry[1] !== v;
    return entry;
  });
  return changed ? Object.fromEntries(entries) : value;
}

/** {@link redact} over every string of a JSON-like value, object keys included. Unchanged parts are shared. */
export function redactDeep<T>(value: T, secret: string | undefined): T {
  const scrub = redactorFor(secret);
  return scrub ? (deep(value, scrub) as T) : value;
}

/** A tool result with the key redacted from its text and its `structuredContent`, keys and values. */
export function redactResult(result: ToolResult, secret: string | undefined): ToolResult {
  return redactDeep(result, secret);
}
