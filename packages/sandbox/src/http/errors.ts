/** Error helpers: 400 text/plain "Invalid value for: …" and the JSON `{errorCode, errorMessage, arguments?}` envelope. */

/** An error with an HTTP status and a body (text/plain string or JSON envelope). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string | Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? body : String(body.errorMessage));
  }
}

/** 400 text/plain, Tapir style: `Invalid value for: <what>`. */
export function invalid(what: string): HttpError {
  return new HttpError(400, `Invalid value for: ${what}`);
}

/** A JSON error envelope with the given status. */
export function apiError(
  status: number,
  errorCode: string,
  errorMessage: string,
  args?: Record<string, string>,
): HttpError {
  return new HttpError(status, { errorCode, errorMessage, ...(args ? { arguments: args } : {}) });
}

/** 404 `{errorCode:"NotFound"}` for an unknown (or other tenant's) entity. */
export function notFound(kind: string, id: string, errorCode = 'NotFound'): HttpError {
  return apiError(404, errorCode, `${kind} ${id} not found`, { id });
}
