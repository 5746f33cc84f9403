/**
 * The AES key: 32 bytes written as standard base64 (44 characters), as `jet generate`
 * writes it. Error messages say where a key came from and what is wrong with it,
 * never what it is.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';

export const KEY_BYTES = 32;
export const DEFAULT_KEY_PATH = './codeship.aes';
export const KEY_ENV = 'REGKIT_AES_KEY';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A key from its base64 text; `source` names where the text came from. */
export function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new UserError(
      `AES key from ${source} is empty: expected 44 characters of base64 (make one with 'regkit generate')`,
    );
  if (!BASE64.test(trimmed) || trimmed.length % 4 !== 0) {
    const hint = /[-_]/.test(trimmed) ? ' (URL-safe base64 with - or _ is not accepted)' : '';
    throw new UserError(
      `AES key from ${source} is not standard base64${hint}: expected 44 characters of A-Z a-z 0-9 + / ending in =`,
    );
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new UserError(
      `AES key from ${source} is ${key.length} bytes, expected ${KEY_BYTES} (44 characters of base64; make one with 'regkit generate')`,
    );
  }
  return key;
}

/** A new random key, as the text a key file holds (no newline, like jet). */
export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

export interface LoadKeyOptions {
  /** The action input `aes-key`; when the property is present, the input counts as a place looked at. */
  input?: string;
  /** Where REGKIT_AES_KEY is read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Key file (default ./codeship.aes), relative to the current folder. */
  keyPath?: string;
  /** The user named keyPath (--key-path): a missing file is then said to be missing. */
  keyPathExplicit?: boolean;
}

/**
 * The key from the action input, then REGKIT_AES_KEY, then the key file, or
 * undefined when none of them holds one. A key file the user named
 * (--key-path) wins over the environment: what was typed is what was meant.
 * A key that is there but malformed is an error, never skipped in favour of
 * the next source.
 */
export async function findKey(opts: LoadKeyOptions = {}): Promise<Buffer | undefined> {
  if (opts.input !== undefined && opts.input.trim() !== '') return parseKey(opts.input, 'the aes-key input');
  const fromEnv = (opts.env ?? process.env)[KEY_ENV];
  if (!opts.keyPathExplicit && fromEnv !== undefined && fromEnv.trim() !== '') return parseKey(fromEnv, KEY_ENV);
  const path = opts.keyPath ?? DEFAULT_KEY_PATH;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (opts.keyPathExplicit) throw new UserError(`No AES key provided: key file ${path} does not exist`);
      return undefined;
    }
    throw new UserError(`cannot read AES key file ${path}: ${code ?? (err as Error).message}`);
  }
  return parseKey(text, `key file ${path}`);
}

/** Where findKey takes the key from, in the words of a message: "the aes-key input", "REGKIT_AES_KEY", "key file ./codeship.aes". */
export function keyOrigin(opts: LoadKeyOptions = {}): string {
  if (opts.input !== undefined && opts.input.trim() !== '') return 'the aes-key input';
  const fromEnv = (opts.env ?? process.env)[KEY_ENV];
  if (!opts.keyPathExplicit && fromEnv !== undefined && fromEnv.trim() !== '') return KEY_ENV;
  return `key file ${opts.keyPath ?? DEFAULT_KEY_PATH}`;
}

/** Like findKey, but no key at all is a UserError naming every place looked at. */
export async function loadKey(opts: LoadKeyOptions = {}): Promise<Buffer> {
  const key = await findKey(opts);
  if (key) return key;
  throw new UserError(noKeyMessage(opts));
}

/** "No AES key provided: …": what to set, and where regkit looked. */
export function noKeyMessage(opts: LoadKeyOptions = {}, forFile?: string): string {
  const path = opts.keyPath ?? DEFAULT_KEY_PATH;
  const withInput = 'input' in opts;
  const what = forFile ? `No AES key provided to decrypt ${forFile}` : 'No AES key provided';
  const set = withInput
    ? `set the aes-key input or ${KEY_ENV}, or put the key in ${path}`
    : `set ${KEY_ENV} or put the key in ${path}`;
  const looked = [...(withInput ? ['the aes-key input'] : []), KEY_ENV, resolve(path)];
  return `${what}: ${set} (looked at: ${looked.join(', ')})`;
}
