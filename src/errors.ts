/**
 * An error the user can fix: shown as one line, never with a stack trace.
 * Everything else that escapes is a bug and is reported as such.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** One line for a thrown value, without stack or secrets the message did not already carry. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
