/**
 * An error the user can fix: shown as one line, never with a stack trace.
 * Everything else that escapes is a bug and is reported as such.
 */

/** Where something is in a file; line and column count from 1 (column 0: the whole line). */
export interface Position {
  file: string;
  line: number;
  column: number;
}

export class UserError extends Error {
  override name = 'UserError';
  /** The place in a user's file the message is about: actions annotate that line. */
  readonly at?: Position;

  constructor(message: string, opts: { at?: Position } = {}) {
    super(message);
    if (opts.at) this.at = opts.at;
  }
}

/** `file:line:col`, or `file:line` when the column is unknown: the prefix of every positioned message. */
export function formatPosition(p: Position): string {
  return p.column > 0 ? `${p.file}:${p.line}:${p.column}` : `${p.file}:${p.line}`;
}

/** A UserError whose message starts with its position, as compilers print them. */
export function errorAt(at: Position, message: string): UserError {
  return new UserError(`${formatPosition(at)}: ${message}`, { at });
}

/** One line for a thrown value, without stack or secrets the message did not already carry. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
