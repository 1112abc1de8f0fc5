import type { EdgeErrorKind } from './errors.js';
import { ERROR_META_KEY, resultText, type ErrorData, type ToolResult } from './results.js';

/**
 * A failed client call, as data: `kind` to branch on, and for the kinds that have them the HTTP `status`, the
 * missing `permission` (403), the invalid `fields` (nothing was sent) and `retryAfterSeconds` (429). The
 * message is the text a model would get; it never holds the API key.
 */
export class ChiliPiperError extends Error {
  override readonly name = 'ChiliPiperError';
  /** Why the call failed. */
  readonly kind: EdgeErrorKind;
  /** The tool that was called. */
  readonly tool: string;
  /** The Edge API's HTTP status, when it answered. */
  readonly status: number | undefined;
  /** For 403: the permission the key lacks. */
  readonly permission: string | undefined;
  /** For invalid arguments: the dotted paths of the wrong fields. */
  readonly fields: readonly string[] | undefined;
  /** For 429: how long to wait before calling again. */
  readonly retryAfterSeconds: number | undefined;

  /**
   * @param tool The tool's name.
   * @param message What went wrong and what to do next (already free of the key).
   * @param data The facts of the failure, as the executor put them in the result's `_meta`.
   */
  constructor(tool: string, message: string, data: ErrorData) {
    super(message);
    this.tool = tool;
    this.kind = data.kind;
    this.status = data.status;
    this.permission = data.permission;
    this.fields = data.fields;
    this.retryAfterSeconds = data.retryAfterSeconds;
  }

  /** The error of an `isError` tool result, from its `_meta` data (never from parsing its text). */
  static fromResult(tool: string, result: ToolResult): ChiliPiperError {
    const text = resultText(result);
    return new ChiliPiperError(tool, text, result._meta?.[ERROR_META_KEY] ?? { kind: 'internal' });
  }
}
