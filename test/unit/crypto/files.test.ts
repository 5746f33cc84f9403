import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

import { join, resolve } from 'node:path';
import { encrypt, generateKey, parseKey, readSecretFile, writeFileAtomic } from '../../../src/crypto/index.js';
import { UserError } from '../../../src/errors.js';
import { key, vector, vectorDir } from './vectors.js';
import { tempDir } from '../../env/processes.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('files');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return (err as Error).message;
}

describe('readSecretFile', () => {
  test('plain files come back as they are, with or without a key', async () => {
    const path = join(vectorDir, 'dockercfg.plain');
    expect((await readSecretFile(path, undefined, 'json')).equals(vector('dockercfg.plain'))).toBe(true);
    expect((await readSecretFile(path, key('examples-key.aes'), 'json')).equals(vector('dockercfg.plain'))).toBe(true);
  });

  test('encrypted files are decrypted: jet v1, jet v2 and regkit', async () => {
    expect(
      (await readSecretFile(join(vectorDir, 'environment.v1.encrypted'), key('examples-key.aes'), 'env')).toString(),
    ).toBe(vector('environment.plain').toString());
    expect(
      (await readSecretFile(join(vectorDir, 'dockercfg.v2.encrypted'), key('examples-key.aes'), 'json')).toString(),
    ).toBe(vector('dockercfg.plain').toString());
    const k = parseKey(generateKey(), 't');
    writeFileSync(join(dir, 'r.enc'), encrypt(Buffer.from('A=1\n'), k));
    expect((await readSecretFile(join(dir, 'r.enc'), k, 'env')).toString()).toBe('A=1\n');
  });

  test('an encrypted file without a key names the file', async () => {
    const path = join(vectorDir, 'dockercfg.v2.encrypted');
    expect(await rejection(readSecretFile(path, undefined, 'json'))).toBe(
      `No AES key provided to decrypt ${path}: set REGKIT_AES_KEY or put the key in ./codeship.aes (looked at: REGKIT_AES_KEY, ${resolve('codeship.aes')})`,
    );
    // The action's input is named only where the caller has one.
    expect(await rejection(readSecretFile(path, undefined, 'json', { input: '' }))).toBe(
      `No AES key provided to decrypt ${path}: set the aes-key input or REGKIT_AES_KEY, or put the key in ./codeship.aes (looked at: the aes-key input, REGKIT_AES_KEY, ${resolve('codeship.aes')})`,
    );
  });

  test('jet v1 with the wrong key is caught by what the caller expects', async () => {
    const path = join(vectorDir, 'environment.v1.encrypted');
    expect(await rejection(readSecretFile(path, key('build-args-key.aes'), 'env'))).toBe(
      `decrypted output of ${path} is not valid KEY=VALUE: wrong AES key? (jet v1 files carry no checksum)`,
    );
  });

  test('a missing file or a folder', async () => {
    expect(await rejection(readSecretFile(join(dir, 'nope'), undefined, 'any'))).toBe(
      `${join(dir, 'nope')} does not exist`,
    );
    expect(await rejection(readSecretFile(dir, undefined, 'any'))).toBe(`${dir} is a folder, not a file`);
  });
});

describe('writeFileAtomic', () => {
  test('writes with the mode asked for and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'secret'), 'x', { mode: 0o600 });
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secret']);
  });

  test('replaces an existing file unless told not to', async () => {
    writeFileSync(join(dir, 'f'), 'old');
    await writeFileAtomic(join(dir, 'f'), 'new');
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('new');
    expect(await rejection(writeFileAtomic(join(dir, 'f'), 'newer', { noReplace: true }))).toBe(
      `${join(dir, 'f')} already exists; refusing to overwrite it`,
    );
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['f']);
  });

  test('a missing folder or a folder in the way: an error, nothing left behind', async () => {
    expect(await rejection(writeFileAtomic(join(dir, 'no/such/f'), 'x'))).toBe(
      `cannot write ${join(dir, 'no/such/f')}: folder ${join(dir, 'no/such')} does not exist`,
    );
    await import('node:fs').then((fs) => fs.mkdirSync(join(dir, 'sub')));
    expect(await rejection(writeFileAtomic(join(dir, 'sub'), 'x'))).toMatch(/^cannot write .*sub: /);
    expect(readdirSync(dir)).toEqual(['sub']);
  });
});
