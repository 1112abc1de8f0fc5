/** A configuration mistake, raised when a server, client or handler is created (never at call time). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /**
   * @param message One line saying what is wrong and how to fix it.
   * @param field The option or environment variable the mistake is in (e.g. `include`, `CHILI_PIPER_READ_ONLY`).
   */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
