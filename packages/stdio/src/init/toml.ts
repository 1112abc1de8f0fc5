import { parse, stringify } from 'smol-toml';
import { CliError } from '../upstream.js';
import { canonical, isObj, mergeEntry, type EntryPlan, type Obj } from './merge.js';

/** Splits a TOML table header's key (`mcp_servers."chili-piper"`) into its parts, or undefined. */
function headerPath(line: string): string[] | undefined {
  const m =
    /^\s*\[(?!\[)\s*(.+?)\s*\](?!\])\s*(#.*)?$/.exec(line) ?? /^\s*\[\[\s*(.+?)\s*\]\]\s*(#.*)?$/.exec(line);
  if (!m) return undefined;
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y;
  let pos = 0;
  const key = m[1]!;
  while (pos < key.length) {
    re.lastIndex = pos;
    const p = re.exec(key);
    if (!p) return undefined;
    parts.push(p[1] !== undefined ? (JSON.parse(`"${p[1]}"`) as string) : (p[2] ?? p[3]!));
    pos = re.lastIndex;
  }
  return parts;
}

const under = (path: string[] | undefined, prefix: string[]) =>
  !!path && prefix.every((part, i) => path[i] === part);

/** Replaces (or appends) the `[mcp_servers.<name>]` block in the text, keeping everything else verbatim. */
function splice(current: string, name: string, block: string): string {
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const lines = current.split(/\r?\n/);
  const own = ['mcp_servers', name];
  const start = lines.findIndex((l) => {
    const p = headerPath(l);
    return p?.length === 2 && under(p, own) && !/^\s*\[\[/.test(l);
  });
  if (start < 0) {
    const body = current.trimEnd();
    return `${body}${body ? eol + eol : ''}${block}${eol}`;
  }
  let end = start + 1;
  while (end < lines.length && !(headerPath(lines[end]!) && !under(headerPath(lines[end]!), own))) end++;
  // Comments and blank lines just above the next table belong to it.
  let keep = end;
  while (keep > start + 1 && /^\s*(#.*)?$/.test(lines[keep - 1]!)) keep--;
  const rest = lines.slice(keep);
  while (rest.length > 0 && rest[0]!.trim() === '') rest.shift();
  const out = [...lines.slice(0, start), ...block.split('\n'), ...(rest.length > 0 ? ['', ...rest] : [])];
  return `${out.join(eol).trimEnd()}${eol}`;
}

/**
 * Puts the entry in the `[mcp_servers.<name>]` table of a Codex `config.toml`, keeping other tables,
 * comments and layout. Falls back to re-writing the whole document (comments lost; a backup is kept) only
 * when the entry is written in a form the splice cannot find. Throws a `CliError` on invalid TOML.
 */
export function renderToml(
  current: string | undefined,
  path: string,
  name: string,
  plan: EntryPlan,
  warn: (line: string) => void = () => undefined,
): string {
  let doc: Obj = {};
  if (current !== undefined && current.trim() !== '') {
    try {
      doc = parse(current) as Obj;
    } catch (error) {
      const first = (error as Error).message.split('\n')[0];
      throw new CliError(
        `${path} is not valid TOML (${first}); fix or move it and run init again. Nothing was written.`,
      );
    }
  }
  const servers = doc['mcp_servers'] ?? {};
  if (!isObj(servers)) throw new CliError(`"mcp_servers" in ${path} is not a table; nothing was written.`);
  const entry = mergeEntry(servers[name], plan);
  // Already there (perhaps re-formatted by Codex, which rewrites the file on save): leave the file alone.
  if (current !== undefined && canonical(servers[name]) === canonical(entry)) return current;
  const wanted = { ...doc, mcp_servers: { ...servers, [name]: entry } };
  const block = stringify({ mcp_servers: { [name]: entry } }).trim();
  const spliced = splice(current ?? '', name, block);
  try {
    if (canonical(parse(spliced)) === canonical(wanted)) return spliced;
  } catch {
    // fall through to the full rewrite
  }
  warn(`Re-wrote ${path} as a whole: comments and layout were not kept (the backup has the original).`);
  return `${stringify(wanted).trim()}\n`;
}
