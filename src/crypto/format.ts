/**
 * Which encrypted format a file is in, and decrypting/encrypting by format.
 * A regkit or codeship header names the format; without one, a body of nothing
 * but base64 is taken for jet v1.
 */
import { UserError } from '../errors.js';
import { decodeBase64, headerParts, looksLikeBase64, splitArmor } from './armor.js';
import { decryptJetV1, decryptJetV2, encryptJetV2, JET_V2_HEADER } from './jet.js';
import { decryptRegkitV1, encryptRegkitV1, REGKIT_V1_HEADER } from './regkit-format.js';
import { parseEnv } from './env-file.js';

/** What the plaintext must be: JSON, KEY=VALUE lines, UTF-8 text, or anything. */
export type Expect = 'json' | 'env' | 'text' | 'any';
export type WriteFormat = 'regkit' | 'jet';
export type ReadFormat = 'regkit-v1' | 'jet-v2' | 'jet-v1';

export interface DecryptOptions {
  /** Named in error messages. */
  file?: string;
  /** What the plaintext must be; catches a wrong key on jet v1, which has no checksum. */
  expect?: Expect;
}

const JET_V1_MIN_BYTES = 16;

/** The format a file claims, or undefined for something that is not encrypted. */
export function detectFormat(data: Buffer): ReadFormat | undefined {
  const text = data.toString('latin1');
  const { header } = splitArmor(text);
  if (header === REGKIT_V1_HEADER) return 'regkit-v1';
  if (header === JET_V2_HEADER) return 'jet-v2';
  if (header !== undefined) return undefined;
  if (!looksLikeBase64(text)) return undefined;
  const raw = decodeBase64(splitArmor(text).body);
  return raw && raw.length >= JET_V1_MIN_BYTES ? 'jet-v1' : undefined;
}

export function isEncrypted(data: Buffer): boolean {
  if (detectFormat(data)) return true;
  // Another version of ours or jet's: encrypted, just not readable by this regkit.
  const { header } = splitArmor(data.toString('latin1'));
  return header !== undefined && ['regkit', 'codeship'].includes(headerParts(header).name);
}

export function decrypt(data: Buffer, key: Buffer, opts: DecryptOptions = {}): Buffer {
  const file = opts.file ?? 'the input';
  const text = data.toString('latin1');
  if (text.trim() === '') throw new UserError(`${file} is empty: nothing to decrypt`);
  const { header, body } = splitArmor(text);
  if (header !== undefined) {
    const { name, version } = headerParts(header);
    const known = header === REGKIT_V1_HEADER || header === JET_V2_HEADER;
    if (!known && (name === 'regkit' || name === 'codeship')) {
      throw new UserError(
        `${file} is in ${header} format, which this regkit cannot read (it reads regkit:v1, codeship:v2 and jet v1)${name === 'regkit' && version > 1 ? '; upgrade regkit' : ''}`,
      );
    }
  }
  if (header === REGKIT_V1_HEADER || header === JET_V2_HEADER) {
    if (body === '') throw new UserError(`${file} is truncated: nothing follows the ${header} line`);
    const raw = decodeBase64(body);
    if (!raw) throw new UserError(`${file} is corrupt: what follows the ${header} line is not base64`);
    return header === REGKIT_V1_HEADER ? decryptRegkitV1(raw, key, file) : decryptJetV2(raw, key, file);
  }
  const raw = looksLikeBase64(text) ? decodeBase64(body) : undefined;
  if (!raw)
    throw new UserError(
      `${file} is not an encrypted file: no regkit:v1 or codeship:v2 line, and not base64 as jet v1 writes`,
    );
  const plain = decryptJetV1(raw, key, file);
  checkExpected(plain, opts.expect ?? 'any', file);
  return plain;
}

/** jet v1 has no checksum: the only sign of a wrong key is output that is not what the caller expects. */
function checkExpected(plain: Buffer, expect: Expect, file: string): void {
  if (expect === 'any') return;
  const what = expect === 'json' ? 'JSON' : expect === 'env' ? 'KEY=VALUE' : 'text';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(plain);
  // Control characters other than tab and line breaks are as good a sign of garbage as bad UTF-8.
  // Control characters other than tab and line breaks: decrypted with the wrong key.
  // eslint-disable-next-line no-control-regex
  let ok = !text.includes('\uFFFD') && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text);
  if (ok && expect !== 'text') {
    try {
      if (expect === 'json') JSON.parse(text);
      else parseEnv(text, file);
    } catch {
      ok = false;
    }
  }
  if (!ok)
    throw new UserError(
      `decrypted output of ${file} is not valid ${what}: wrong AES key? (jet v1 files carry no checksum)`,
    );
}

export function encrypt(plain: Buffer, key: Buffer, format: WriteFormat = 'regkit'): Buffer {
  return format === 'jet' ? encryptJetV2(plain, key) : encryptRegkitV1(plain, key);
}
