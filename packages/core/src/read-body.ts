/** A body read up to a limit. */
export interface CappedBody {
  /** The bytes read: the whole body, or its first `limit` bytes when `overflow`. */
  readonly bytes: Uint8Array;
  /** True when the body was longer than the limit; the rest was never read and the stream was cancelled. */
  readonly overflow: boolean;
}

const EMPTY = new Uint8Array(0);

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === size) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a response body as a stream, keeping at most `limit` bytes. A longer body is cancelled at the first
 * chunk past the limit (which frees the connection), so memory never holds more than `limit` plus one chunk.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null | undefined,
  limit: number,
): Promise<CappedBody> {
  if (!body) return { bytes: EMPTY, overflow: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks, size), overflow: false };
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      await reader.cancel().catch(() => undefined);
      return { bytes: concat(chunks, limit), overflow: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
}
