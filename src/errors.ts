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

/** One line for a thrown value, without stack, and with every secret the process knows blanked. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return redact(text.replace(/\s*\n\s*/g, ' ').trim());
}

/**
 * Every secret this process has seen, so that text from outside (a registry's
 * error body, a challenge header) and every error message can be cleaned before
 * it is printed. The runner's masking only covers what reaches its log; this
 * also covers outputs, the summary, and the CLI, which has no runner at all.
 *
 * Callers register a secret (and its derived forms) before first use; `redact`
 * replaces any of them with `***`.
 */
const known = new Set<string>();
let ordered: string[] | undefined;

/** Remembers a secret; a multi-line one also by each line, as it may be printed cut. */
export function rememberSecret(value: string | undefined): void {
  if (!value) return;
  const forms = [value, ...value.split(/\r?\n|\\n/).map((l) => l.trim())];
  for (const form of forms) {
    // Very short lines ("}", "-----END") would blank ordinary text and hide nothing.
    if (form.length >= 4 && !known.has(form)) {
      known.add(form);
      ordered = undefined;
    }
  }
}

/** Remembers a username/password pair by every form a registry or a Docker config shows it in. */
export function rememberCredential(username: string, password: string): void {
  if (!password) return;
  rememberSecret(password);
  rememberSecret(Buffer.from(`${username}:${password}`, 'utf8').toString('base64'));
  rememberSecret(Buffer.from(password, 'utf8').toString('base64'));
}

/** A mask callback (the runner's setSecret) that also remembers what it masks. */
export function remembering(mask: (secret: string) => void): (secret: string) => void {
  return (secret) => {
    rememberSecret(secret);
    mask(secret);
  };
}

/** The text with every remembered secret replaced by `***`, longest first. */
export function redact(text: string): string {
  if (!known.size || !text) return text;
  ordered ??= [...known].sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of ordered) if (out.includes(s)) out = out.split(s).join('***');
  return out;
}
