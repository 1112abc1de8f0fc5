import { KEY_VAR, type ClientSpec, type KeyPlan } from './types.js';

/** A plan that puts `value` (a key, or the client's reference to the variable) in `env`, with one note. */
export function keyIn(value: string, note: string): KeyPlan {
  return { env: { [KEY_VAR]: value }, notes: [note] };
}

/** What a client that expands variables in its config tells the user about the key. */
export interface ReferenceNotes {
  /** A literal key was written into the project's file. */
  readonly project: string;
  /** A literal key was written into the user's file. */
  readonly user: string;
  /** The entry names the variable; the client fills it in from its environment. */
  readonly reference: string;
}

/**
 * The `key` of a client that expands variables in its config: a literal key goes into `env` with the note
 * for that scope; without one, `env` names the variable in the client's syntax (`reference`).
 */
export function keyByReference(reference: string, notes: ReferenceNotes): ClientSpec['key'] {
  return (literal, scope) =>
    literal
      ? keyIn(literal, scope === 'project' ? notes.project : notes.user)
      : keyIn(reference, notes.reference);
}
