/**
 * regkit's own format, version 1:
 *
 *   regkit:v1\n
 *   base64(nonce (12 bytes) ‖ AES-256-GCM ciphertext ‖ tag (16 bytes))\n
 *
 * The header line (without its newline) is the additional authenticated data, so
 * the version cannot be swapped without the tag failing. A new version gets a new
 * header and may change everything after it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';

export const REGKIT_V1_HEADER = 'regkit:v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from(REGKIT_V1_HEADER, 'ascii');

export function encryptRegkitV1(plain: Buffer, key: Buffer, nonce: Buffer = randomBytes(NONCE_BYTES)): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const body = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return Buffer.from(`${REGKIT_V1_HEADER}\n${body.toString('base64')}\n`, 'ascii');
}

/** Decoded body (after the header line) → plaintext; fails unless key, header and data all match. */
export function decryptRegkitV1(raw: Buffer, key: Buffer, file: string): Buffer {
  if (raw.length < NONCE_BYTES + TAG_BYTES) {
    throw new UserError(
      `${file} is truncated: a regkit:v1 file holds at least ${NONCE_BYTES + TAG_BYTES} bytes after its header, this one ${raw.length}`,
    );
  }
  const nonce = raw.subarray(0, NONCE_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  const plain = decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    throw new UserError(
      `cannot decrypt ${file}: authentication failed — wrong AES key, or the file was changed or truncated`,
    );
  }
  return plain;
}
