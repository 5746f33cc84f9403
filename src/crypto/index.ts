/**
 * Encrypted files: the AES key, jet v1/v2 (Codeship) and regkit's own format.
 * Everything outside src/crypto imports from here.
 */
export { decrypt, encrypt, isEncrypted, detectFormat } from './format.js';
export type { DecryptOptions, Expect, ReadFormat, WriteFormat } from './format.js';
export { readSecretFile, readInput, writeFileAtomic } from './files.js';
export { parseEnv } from './env-file.js';
export { DEFAULT_KEY_PATH, KEY_ENV, findKey, generateKey, keyOrigin, loadKey, noKeyMessage, parseKey } from './key.js';
export type { LoadKeyOptions } from './key.js';
