/**
 * Encrypted files: the AES key, jet v1/v2 (Codeship) and regkit's own format.
 * Everything outside src/crypto imports from here.
 */
import { UserError } from '../errors.js';

export type Expect = 'json' | 'env' | 'any';
export type WriteFormat = 'regkit' | 'jet';

export interface DecryptOptions {
  /** Named in error messages. */
  file?: string;
  /** What the plaintext must look like; catches a wrong key on jet v1, which has no checksum. */
  expect?: Expect;
}

/** Detects the format (regkit, jet v2, jet v1) and decrypts; throws a one-line UserError. */
export function decrypt(data: Buffer, key: Buffer, opts: DecryptOptions = {}): Buffer {
  void data; void key; void opts;
  throw new UserError('decrypt: not implemented yet');
}

/** Encrypts in regkit's format (default) or jet v2. */
export function encrypt(plain: Buffer, key: Buffer, format: WriteFormat = 'regkit'): Buffer {
  void plain; void key; void format;
  throw new UserError('encrypt: not implemented yet');
}

/** True for a regkit header, a codeship:v2 line, or a base64-only body that could be jet v1 and is not a plausible plain file. */
export function isEncrypted(data: Buffer): boolean {
  void data;
  return false;
}

/** Reads a plain or encrypted file; an encrypted one without a key is a "No AES key" UserError naming the file. */
export async function readSecretFile(path: string, key: Buffer | undefined, expect: Expect): Promise<Buffer> {
  void path; void key; void expect;
  throw new UserError('readSecretFile: not implemented yet');
}

/** KEY=VALUE lines as dotenv reads them; a bad line is a UserError `file:line: ...`. */
export function parseEnv(text: string, file: string): Map<string, string> {
  void text; void file;
  throw new UserError('parseEnv: not implemented yet');
}

export interface LoadKeyOptions {
  /** The action input `aes-key`. */
  input?: string;
  /** Where REGKIT_AES_KEY is read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Key file (default ./codeship.aes). */
  keyPath?: string;
  /** The user named keyPath (--key-path): a missing file is then an error of its own. */
  keyPathExplicit?: boolean;
}

/** The key from the action input, then REGKIT_AES_KEY, then the key file; UserError when none. */
export async function loadKey(opts: LoadKeyOptions = {}): Promise<Buffer> {
  void opts;
  throw new UserError('loadKey: not implemented yet');
}

/** A key from its base64 text (44 characters, white space around ignored). */
export function parseKey(text: string, source: string): Buffer {
  void text; void source;
  throw new UserError('parseKey: not implemented yet');
}

/** A new random key, as the base64 text a key file holds. */
export function generateKey(): string {
  throw new UserError('generateKey: not implemented yet');
}
