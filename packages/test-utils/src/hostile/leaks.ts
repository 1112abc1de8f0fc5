const b64 = (s: string): string => Buffer.from(s).toString('base64');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');

/**
 * The key as an upstream, a proxy or a debug page might echo it, by name. Written independently of the core's
 * redaction, so the suite checks it rather than restating it.
 */
export function keyForms(key: string) {
  return {
    exact: key,
    upper: key.toUpperCase(),
    lower: key.toLowerCase(),
    urlEncoded: encodeURIComponent(key),
    bearer: `Bearer ${key}`,
    base64: b64(key),
    base64url: b64url(key),
    base64Bearer: b64(`Bearer ${key}`),
    base64urlBearer: b64url(`Bearer ${key}`),
    hex: Buffer.from(key).toString('hex'),
    prefix: key.slice(0, 14),
  };
}

/**
 * The forms of the key a text must not hold (compared case-insensitively): the key's first 12 characters, and
 * the first 16 characters of each encoded form, so a cut-off copy counts as a leak too.
 */
function needles(key: string): string[] {
  const forms = keyForms(key);
  return [
    key.slice(0, 12),
    encodeURIComponent(key).slice(0, 12),
    ...[forms.base64, forms.base64url, forms.base64Bearer, forms.base64urlBearer].map((f) => f.slice(0, 16)),
    forms.hex.slice(0, 24),
  ].map((n) => n.toLowerCase());
}

/** The forms of the key found in a text (empty when it holds none). */
export function leaksIn(text: string, key: string): string[] {
  const lower = text.toLowerCase();
  return [...new Set(needles(key))].filter((n) => lower.includes(n));
}
