import { describe, expect, test } from 'vitest';
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { decrypt, detectFormat, encrypt, generateKey, isEncrypted, parseKey } from '../../../src/crypto/index.js';
import { encryptJetV2 } from '../../../src/crypto/jet.js';
import { encryptRegkitV1 } from '../../../src/crypto/regkit-format.js';
import { UserError } from '../../../src/errors.js';
import { key, vector, vectors } from './vectors.js';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).not.toContain('\n');
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
}

const examples = key('examples-key.aes');
const buildArgs = key('build-args-key.aes');
const fresh = () => parseKey(generateKey(), 'test');
const dockercfg = vector('dockercfg.plain');

describe('jet vectors', () => {
  test.each(vectors)('$file decrypts to $plain', (v) => {
    const plain = decrypt(vector(v.file), key(v.key), { file: v.file, expect: v.expect });
    expect(plain.equals(vector(v.plain))).toBe(true);
    expect(detectFormat(vector(v.file))).toBe(v.format);
    expect(isEncrypted(vector(v.file))).toBe(true);
  });

  test('jet v2 writing with the vector IV reproduces the vector byte for byte', () => {
    const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    expect(encryptJetV2(dockercfg, examples, iv).equals(vector('dockercfg.v2.encrypted'))).toBe(true);
  });

  test('jet v2 with the wrong key: checksum mismatch, nothing of the plaintext in the message', () => {
    const msg = errorOf(() =>
      decrypt(vector('dockercfg.v2.encrypted'), buildArgs, { file: 'dockercfg.encrypted', expect: 'json' }),
    );
    expect(msg).toBe(
      'cannot decrypt dockercfg.encrypted: jet v2 checksum mismatch — wrong AES key, or the file is corrupt or truncated',
    );
  });

  test('jet v1 with the wrong key, when JSON or KEY=VALUE is expected', () => {
    expect(
      errorOf(() =>
        decrypt(vector('environment.v1.encrypted'), buildArgs, { file: 'environment.encrypted', expect: 'env' }),
      ),
    ).toBe(
      'decrypted output of environment.encrypted is not valid KEY=VALUE: wrong AES key? (jet v1 files carry no checksum)',
    );
    expect(errorOf(() => decrypt(vector('build_args.v1.encrypted'), examples, { file: 'b', expect: 'json' }))).toMatch(
      /^decrypted output of b is not valid JSON: wrong AES key\?/,
    );
    expect(errorOf(() => decrypt(vector('build_args.v1.encrypted'), examples, { file: 'b', expect: 'text' }))).toMatch(
      /not valid text/,
    );
  });

  test('jet v1 with the right key but not the expected content', () => {
    // environment.plain is KEY=VALUE, not JSON: the check is on content, not on the key.
    expect(errorOf(() => decrypt(vector('environment.v1.encrypted'), examples, { file: 'e', expect: 'json' }))).toMatch(
      /not valid JSON/,
    );
  });

  test('jet v1 with the wrong key and no expectation gives garbage, as jet does', () => {
    const out = decrypt(vector('build_args.v1.encrypted'), examples, { expect: 'any' });
    expect(out).toHaveLength(vector('build_args.plain').length);
    expect(out.equals(vector('build_args.plain'))).toBe(false);
  });
});

describe('round trips', () => {
  const samples = [
    Buffer.alloc(0),
    Buffer.from('A=1\n'),
    dockercfg,
    Buffer.from([0, 1, 2, 255, 254]),
    Buffer.alloc(100_000, 'x'),
  ];

  test.each(['regkit', 'jet'] as const)('%s', (format) => {
    const k = fresh();
    for (const plain of samples) {
      const sealed = encrypt(plain, k, format);
      expect(detectFormat(sealed)).toBe(format === 'jet' ? 'jet-v2' : 'regkit-v1');
      expect(decrypt(sealed, k).equals(plain)).toBe(true);
    }
  });

  test('regkit is the default and each encryption uses a fresh nonce', () => {
    const k = fresh();
    const a = encrypt(dockercfg, k);
    const b = encrypt(dockercfg, k);
    expect(a.toString().split('\n')[0]).toBe('regkit:v1');
    expect(a.equals(b)).toBe(false);
  });

  test('jet output starts with the codeship:v2 line and has no trailing newline, like jet', () => {
    const text = encrypt(dockercfg, fresh(), 'jet').toString();
    expect(text.startsWith('codeship:v2\n')).toBe(true);
    expect(text.endsWith('\n')).toBe(false);
  });

  test('CRLF line endings and base64 wrapped over lines are read', () => {
    const k = fresh();
    for (const format of ['regkit', 'jet'] as const) {
      const [header, body] = encrypt(dockercfg, k, format).toString().trim().split('\n');
      const wrapped = `${header}\r\n${body.match(/.{1,64}/g)!.join('\r\n')}\r\n`;
      expect(decrypt(Buffer.from(wrapped), k).equals(dockercfg)).toBe(true);
    }
    const v1 = vector('environment.v1.encrypted').toString();
    expect(
      decrypt(Buffer.from(`${v1.match(/.{1,64}/g)!.join('\n')}\n`), examples).equals(vector('environment.plain')),
    ).toBe(true);
  });
});

describe('regkit:v1', () => {
  const k = fresh();
  const sealed = encrypt(dockercfg, k);
  const [header, body] = sealed.toString().trim().split('\n');
  const raw = Buffer.from(body, 'base64');
  const rewrap = (b: Buffer) => Buffer.from(`${header}\n${b.toString('base64')}\n`);

  test('layout: nonce(12) ‖ ciphertext ‖ tag(16)', () => {
    expect(raw.length).toBe(12 + dockercfg.length + 16);
  });

  test('wrong key: authentication failure', () => {
    expect(errorOf(() => decrypt(sealed, fresh(), { file: 'cfg.encrypted' }))).toBe(
      'cannot decrypt cfg.encrypted: authentication failed — wrong AES key, or the file was changed or truncated',
    );
  });

  test('any changed byte fails authentication', () => {
    for (const at of [0, 11, 12, 40, raw.length - 17, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at] ^= 1;
      expect(errorOf(() => decrypt(rewrap(bad), k))).toMatch(/authentication failed/);
    }
  });

  test('cut short: authentication failure, or truncated when too short to hold nonce and tag', () => {
    expect(errorOf(() => decrypt(rewrap(raw.subarray(0, raw.length - 5)), k))).toMatch(/authentication failed/);
    expect(errorOf(() => decrypt(rewrap(raw.subarray(0, 20)), k, { file: 'f' }))).toBe(
      'f is truncated: a regkit:v1 file holds at least 28 bytes after its header, this one 20',
    );
    expect(errorOf(() => decrypt(Buffer.from('regkit:v1\n'), k, { file: 'f' }))).toBe(
      'f is truncated: nothing follows the regkit:v1 line',
    );
  });

  test('the header is authenticated', () => {
    // Same key, nonce and body, sealed under another header: must not open as v1.
    const nonce = raw.subarray(0, 12);
    const c = createCipheriv('aes-256-gcm', k, nonce);
    c.setAAD(Buffer.from('regkit:v0'));
    const forged = Buffer.concat([nonce, c.update(dockercfg), c.final(), c.getAuthTag()]);
    expect(errorOf(() => decrypt(rewrap(forged), k))).toMatch(/authentication failed/);
    expect(encryptRegkitV1(dockercfg, k, nonce).equals(sealed)).toBe(true);
  });
});

describe('broken files', () => {
  const k = fresh();

  test('empty', () => {
    expect(errorOf(() => decrypt(Buffer.alloc(0), k, { file: 'e.enc' }))).toBe('e.enc is empty: nothing to decrypt');
    expect(errorOf(() => decrypt(Buffer.from(' \n\n'), k, { file: 'e.enc' }))).toBe(
      'e.enc is empty: nothing to decrypt',
    );
  });

  test('not base64 after the header', () => {
    expect(errorOf(() => decrypt(Buffer.from('codeship:v2\nthis is not base64!\n'), k, { file: 'x' }))).toBe(
      'x is corrupt: what follows the codeship:v2 line is not base64',
    );
    expect(errorOf(() => decrypt(Buffer.from('regkit:v1\nabc\n'), k, { file: 'x' }))).toMatch(/^x is corrupt/);
  });

  test('jet files too short to hold their IV (and checksum)', () => {
    expect(errorOf(() => decrypt(Buffer.from(Buffer.alloc(10).toString('base64')), k, { file: 'v1' }))).toBe(
      'v1 is truncated: a jet v1 file holds at least 16 bytes of IV, this one 10',
    );
    expect(
      errorOf(() => decrypt(Buffer.from(`codeship:v2\n${Buffer.alloc(40).toString('base64')}`), k, { file: 'v2' })),
    ).toBe('v2 is truncated: a jet v2 file holds at least 48 bytes after the codeship:v2 line, this one 40');
  });

  test('a truncated jet v2 file fails its checksum', () => {
    const text = vector('dockercfg.v2.encrypted').toString();
    const cut = Buffer.from(text.slice(0, text.length - 8));
    expect(errorOf(() => decrypt(cut, examples, { file: 'd' }))).toMatch(/checksum mismatch/);
  });

  test('a plain file is not taken for an encrypted one', () => {
    expect(errorOf(() => decrypt(dockercfg, k, { file: 'config.json' }))).toBe(
      'config.json is not an encrypted file: no regkit:v1 or codeship:v2 line, and not base64 as jet v1 writes',
    );
  });

  test('other versions are named, not misread', () => {
    expect(errorOf(() => decrypt(Buffer.from('regkit:v2\nAAAA\n'), k, { file: 'n' }))).toBe(
      'n is in regkit:v2 format, which this regkit cannot read (it reads regkit:v1, codeship:v2 and jet v1); upgrade regkit',
    );
    expect(errorOf(() => decrypt(Buffer.from('codeship:v3\nAAAA\n'), k, { file: 'n' }))).toMatch(
      /^n is in codeship:v3 format/,
    );
  });
});

describe('isEncrypted', () => {
  test.each([
    ['plain JSON', dockercfg, false],
    ['plain KEY=VALUE', vector('environment.plain'), false],
    ['plain build args', vector('build_args.plain'), false],
    ['empty', Buffer.alloc(0), false],
    ['a short base64-looking word', Buffer.from('PASSWORD\n'), false],
    ['a sentence', Buffer.from('hello world this is a plain text file\n'), false],
    ['regkit:v1', encryptRegkitV1(dockercfg, examples), true],
    ['jet v2', vector('dockercfg.v2.encrypted'), true],
    ['jet v1', vector('build_args.v1.encrypted'), true],
    [
      'jet v1 wrapped with CRLF',
      Buffer.from(
        vector('environment.v1.encrypted')
          .toString()
          .match(/.{1,64}/g)!
          .join('\r\n'),
      ),
      true,
    ],
    ['an unknown regkit version', Buffer.from('regkit:v9\nAAAA'), true],
  ])('%s → %s', (_name, data, expected) => {
    expect(isEncrypted(data)).toBe(expected);
  });

  test('the MD5 in jet v2 is lowercase hex of the plaintext', () => {
    // Guards the layout the vector README describes, independently of our writer.
    const raw = Buffer.from(vector('dockercfg.v2.encrypted').toString().split('\n')[1], 'base64');
    const d = createDecipheriv('aes-256-cfb', examples, raw.subarray(0, 16));
    const out = Buffer.concat([d.update(raw.subarray(16)), d.final()]);
    expect(out.subarray(0, 32).toString()).toBe(createHash('md5').update(dockercfg).digest('hex'));
  });
});
