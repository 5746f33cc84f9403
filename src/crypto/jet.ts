/**
 * Codeship's jet formats. Both are AES-256-CFB with a random 16-byte IV in front.
 * v1: base64(IV ‖ CFB(plaintext)), no integrity check at all.
 * v2: a `codeship:v2` line, then base64(IV ‖ CFB(hex MD5(plaintext) ‖ plaintext)).
 * The MD5 only tells a wrong key from a right one; it does not authenticate.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';

export const JET_V2_HEADER = 'codeship:v2';
const IV_BYTES = 16;
const MD5_HEX_BYTES = 32;

function cfb(decipher: boolean, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const c = decipher ? createDecipheriv('aes-256-cfb', key, iv) : createCipheriv('aes-256-cfb', key, iv);
  return Buffer.concat([c.update(data), c.final()]);
}

/** Decoded jet v1 body → plaintext. Any key "works": callers must check the result. */
export function decryptJetV1(raw: Buffer, key: Buffer, file: string): Buffer {
  if (raw.length < IV_BYTES)
    throw new UserError(
      `${file} is truncated: a jet v1 file holds at least ${IV_BYTES} bytes of IV, this one ${raw.length}`,
    );
  return cfb(true, key, raw.subarray(0, IV_BYTES), raw.subarray(IV_BYTES));
}

/** Decoded jet v2 body (after the header line) → plaintext, checked against its MD5. */
export function decryptJetV2(raw: Buffer, key: Buffer, file: string): Buffer {
  if (raw.length < IV_BYTES + MD5_HEX_BYTES) {
    throw new UserError(
      `${file} is truncated: a jet v2 file holds at least ${IV_BYTES + MD5_HEX_BYTES} bytes after the codeship:v2 line, this one ${raw.length}`,
    );
  }
  const out = cfb(true, key, raw.subarray(0, IV_BYTES), raw.subarray(IV_BYTES));
  const sum = out.subarray(0, MD5_HEX_BYTES);
  const plain = out.subarray(MD5_HEX_BYTES);
  const expected = Buffer.from(createHash('md5').update(plain).digest('hex'), 'ascii');
  if (!timingSafeEqual(sum, expected)) {
    throw new UserError(
      `cannot decrypt ${file}: jet v2 checksum mismatch — wrong AES key, or the file is corrupt or truncated`,
    );
  }
  return plain;
}

/** jet v2 as `jet encrypt` writes it: header line, newline, base64, no trailing newline. */
export function encryptJetV2(plain: Buffer, key: Buffer, iv: Buffer = randomBytes(IV_BYTES)): Buffer {
  const sum = Buffer.from(createHash('md5').update(plain).digest('hex'), 'ascii');
  const body = Buffer.concat([iv, cfb(false, key, iv, Buffer.concat([sum, plain]))]);
  return Buffer.from(`${JET_V2_HEADER}\n${body.toString('base64')}`, 'ascii');
}
