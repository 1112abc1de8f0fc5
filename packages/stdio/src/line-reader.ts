import type { RequestId } from '@modelcontextprotocol/sdk/types.js';

/** One line of input: its text, or, for a line over the limit, its size and the id it was sent with if found. */
export type Line =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'oversized'; readonly bytes: number; readonly id: RequestId | null };

/** How many bytes of each end of an oversized line are kept to look for its id. */
const EDGE = 256;
const ID = String.raw`(-?\d{1,15}|"[\x20\x21\x23-\x5b\x5d-\x7e]{0,128}")`;
/** `{"jsonrpc":"2.0","id":7,…`: the id among the first members (string-valued `jsonrpc`/`method` only). */
const HEAD = new RegExp(
  String.raw`^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"[^"\\]*"\s*,)*\s*"id"\s*:\s*${ID}\s*[,}]`,
);
/** `…,"id":7}`: the id as the last member, where the SDK's client puts it. */
const TAIL = new RegExp(String.raw`[,{]\s*"id"\s*:\s*${ID}\s*\}\s*$`);

/**
 * The id of an oversized message, read from its first and last bytes only. Only an id that is a direct member
 * of the outermost object can match: a nested `"id"` is followed by more than one closing brace at the end,
 * and one inside a string by a quote. `null` when neither end shows it.
 */
function idOf(head: Buffer, tail: Buffer): RequestId | null {
  const match = HEAD.exec(head.toString('latin1')) ?? TAIL.exec(tail.toString('latin1'));
  return match?.[1] === undefined ? null : (JSON.parse(match[1]) as RequestId);
}

const lastBytes = (tail: Buffer, part: Buffer) =>
  part.length >= EDGE
    ? Buffer.from(part.subarray(part.length - EDGE))
    : Buffer.concat([tail, part]).subarray(-EDGE);

/**
 * Splits a byte stream into newline-delimited lines without ever holding more than `maxBytes` of one line:
 * past the limit, the rest of the line is counted and dropped (its two ends kept to find its id), and the
 * next line is read normally. Each chunk is searched once, so a long line costs linear time.
 */
export class LineReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private skipped: { bytes: number; head: Buffer; tail: Buffer } | undefined;

  constructor(readonly maxBytes: number) {}

  /** Adds a chunk; returns the lines it completed. */
  push(chunk: Buffer): Line[] {
    const lines: Line[] = [];
    for (let from = 0; ;) {
      const newline = chunk.indexOf(10, from);
      this.add(chunk.subarray(from, newline === -1 ? chunk.length : newline));
      if (newline === -1) return lines;
      const line = this.take();
      if (line) lines.push(line);
      from = newline + 1;
    }
  }

  /** The input ended: the last line, if it had no newline. */
  end(): Line[] {
    const line = this.take();
    return line ? [line] : [];
  }

  private add(part: Buffer): void {
    if (part.length === 0) return;
    if (this.skipped) {
      this.skipped.bytes += part.length;
      this.skipped.tail = lastBytes(this.skipped.tail, part);
      return;
    }
    if (this.length + part.length <= this.maxBytes) {
      this.chunks.push(part);
      this.length += part.length;
      return;
    }
    const first: Buffer[] = [];
    let kept = 0;
    for (const chunk of [...this.chunks, part]) {
      first.push(chunk);
      if ((kept += chunk.length) >= EDGE) break;
    }
    const before = this.chunks.at(-1) ?? Buffer.alloc(0);
    const head = Buffer.concat(first, Math.min(kept, EDGE));
    this.skipped = { bytes: this.length + part.length, head, tail: lastBytes(before, part) };
    this.chunks = [];
    this.length = 0;
  }

  private take(): Line | undefined {
    if (this.skipped) {
      const { bytes, head, tail } = this.skipped;
      this.skipped = undefined;
      return { kind: 'oversized', bytes, id: idOf(head, tail) };
    }
    const text = Buffer.concat(this.chunks, this.length).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.length = 0;
    return text.trim() === '' ? undefined : { kind: 'text', text };
  }
}
