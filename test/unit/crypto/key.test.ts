import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';

import { join, resolve } from 'node:path';
import { findKey, generateKey, loadKey, parseKey } from '../../../src/crypto/index.js';
import { UserError } from '../../../src/errors.js';
import { key, keyText } from './vectors.js';
import { tempDir } from '../../env/processes.js';

const good = keyText('examples-key.aes');
const other = keyText('build-args-key.aes');

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}

async function rejection(p: Promise<unknown>): Promise<UserError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('parseKey', () => {
  test('reads 44 characters of base64 into 32 bytes, ignoring white space around', () => {
    expect(parseKey(good, 'x')).toEqual(key('examples-key.aes'));
    expect(parseKey(`  \n${good}\r\n\n`, 'x')).toEqual(key('examples-key.aes'));
    expect(parseKey(good, 'x')).toHaveLength(32);
  });

  test('not base64: one line naming the source, never the key', () => {
    const bad = good.slice(0, 20) + '!' + good.slice(21);
    const err = errorOf(() => parseKey(bad, 'REGKIT_AES_KEY'));
    expect(err.message).toMatch(/^AES key from REGKIT_AES_KEY is not standard base64/);
    expect(err.message).not.toContain(bad.slice(0, 20));
    expect(err.message).not.toContain('\n');
  });

  test('URL-safe base64 gets a hint', () => {
    const urlSafe = Buffer.alloc(32, 0xfb).toString('base64url') + '=';
    expect(errorOf(() => parseKey(urlSafe, 'k')).message).toMatch(/URL-safe/);
  });

  test('white space inside the key is not base64', () => {
    expect(errorOf(() => parseKey(good.slice(0, 10) + ' ' + good.slice(10), 'k')).message).toMatch(
      /not standard base64/,
    );
  });

  test('wrong length: says how many bytes', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(errorOf(() => parseKey(short, 'key file k.aes')).message).toBe(
      "AES key from key file k.aes is 16 bytes, expected 32 (44 characters of base64; make one with 'regkit generate')",
    );
    expect(errorOf(() => parseKey(Buffer.alloc(48).toString('base64'), 'k')).message).toMatch(/is 48 bytes/);
  });

  test('empty', () => {
    expect(errorOf(() => parseKey(' \n', 'the aes-key input')).message).toMatch(
      /^AES key from the aes-key input is empty/,
    );
  });
});

describe('generateKey', () => {
  test('makes distinct 32-byte keys that parseKey reads back', () => {
    const a = generateKey();
    const b = generateKey();
    expect(a).toHaveLength(44);
    expect(parseKey(a, 'a')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('loadKey', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = tempDir('key');
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the action input comes first, then REGKIT_AES_KEY, then the key file', async () => {
    writeFileSync(join(dir, 'codeship.aes'), other);
    const third = generateKey();
    expect(await loadKey({ input: third, env: { REGKIT_AES_KEY: good } })).toEqual(parseKey(third, ''));
    expect(await loadKey({ input: '', env: { REGKIT_AES_KEY: good } })).toEqual(key('examples-key.aes'));
    expect(await loadKey({ input: '  ', env: { REGKIT_AES_KEY: '' } })).toEqual(key('build-args-key.aes'));
    expect(await loadKey({ env: {} })).toEqual(key('build-args-key.aes'));
  });

  test('reads process.env when no env is given', async () => {
    const saved = process.env.REGKIT_AES_KEY;
    process.env.REGKIT_AES_KEY = other;
    try {
      expect(await loadKey()).toEqual(key('build-args-key.aes'));
    } finally {
      if (saved === undefined) delete process.env.REGKIT_AES_KEY;
      else process.env.REGKIT_AES_KEY = saved;
    }
  });

  test('a malformed key is an error, not a reason to look further', async () => {
    writeFileSync(join(dir, 'codeship.aes'), good);
    const err = await rejection(loadKey({ env: { REGKIT_AES_KEY: 'c2hvcnQ=' } }));
    expect(err.message).toMatch(/^AES key from REGKIT_AES_KEY is 5 bytes/);
    writeFileSync(join(dir, 'bad.aes'), 'not a key at all');
    const fromFile = await rejection(loadKey({ env: {}, keyPath: 'bad.aes' }));
    expect(fromFile.message).toBe(
      'AES key from key file bad.aes is not standard base64: expected 44 characters of A-Z a-z 0-9 + / ending in =',
    );
  });

  test('no key anywhere: says where it looked (action)', async () => {
    const err = await rejection(loadKey({ input: '', env: {} }));
    expect(err.message).toBe(
      `No AES key provided: set the aes-key input or REGKIT_AES_KEY, or put the key in ./codeship.aes (looked at: the aes-key input, REGKIT_AES_KEY, ${resolve(dir, 'codeship.aes')})`,
    );
  });

  test('no key anywhere: the command line has no action input to mention', async () => {
    const err = await rejection(loadKey({ env: {}, keyPath: 'keys/ci.aes' }));
    expect(err.message).toBe(
      `No AES key provided: set REGKIT_AES_KEY or put the key in keys/ci.aes (looked at: REGKIT_AES_KEY, ${resolve(dir, 'keys/ci.aes')})`,
    );
  });

  test('a key file the user named that is missing is said to be missing', async () => {
    const err = await rejection(loadKey({ env: {}, keyPath: 'mine.aes', keyPathExplicit: true }));
    expect(err.message).toBe('No AES key provided: key file mine.aes does not exist');
  });

  test('a key file named with --key-path wins over REGKIT_AES_KEY', async () => {
    writeFileSync(join(dir, 'named.aes'), good);
    const other = keyText('build-args-key.aes');
    expect(await loadKey({ env: { REGKIT_AES_KEY: other }, keyPath: 'named.aes', keyPathExplicit: true })).toEqual(
      key('examples-key.aes'),
    );
    expect(await loadKey({ env: { REGKIT_AES_KEY: other }, keyPath: 'named.aes' })).toEqual(key('build-args-key.aes'));
  });

  test('findKey gives undefined instead of an error', async () => {
    expect(await findKey({ env: {} })).toBeUndefined();
    writeFileSync(join(dir, 'codeship.aes'), `${good}\n`);
    expect(await findKey({ env: {} })).toEqual(key('examples-key.aes'));
  });

  test('a key path that is a folder', async () => {
    const err = await rejection(loadKey({ env: {}, keyPath: dir }));
    expect(err.message).toBe(`cannot read AES key file ${dir}: EISDIR`);
  });
});
