import { expect } from 'vitest';

/**
 * The error `call` rejects with, checked to be a `type` (the test fails when the call resolves or rejects
 * with anything else).
 */
export async function rejection<E>(call: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}
