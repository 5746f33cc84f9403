// regkit encrypt / decrypt / generate, run as a user runs them: the bundled
// dist/cli (build it first: npm run build -- cli).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { runCli } from '../harness/cli.js';
import { keyText, vector, vectorDir, vectors } from '../unit/crypto/vectors.js';
import { tempDir } from '../env/processes.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('cli-crypto');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// No key leaks in from the environment the tests run in.
const regkit = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(args, { cwd: dir, env: { REGKIT_AES_KEY: undefined, ...env } });
const at = (name: string) => join(dir, name);
const oneLine = (s: string) => expect(s.trimEnd().split('\n')).toHaveLength(1);

describe('regkit generate', () => {
  test('writes a 0600 key file without printing the key, then refuses to overwrite it', async () => {
    const first = await regkit(['generate']);
    expect(first.code).toBe(0);
    const key = readFileSync(at('codeship.aes'), 'utf8');
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(statSync(at('codeship.aes')).mode & 0o777).toBe(0o600);
    expect(first.stdout + first.stderr).not.toContain(key);

    const again = await regkit(['generate']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^regkit generate: \.\/codeship\.aes already exists; refusing to overwrite a key/);
    oneLine(again.stderr);
    expect(readFileSync(at('codeship.aes'), 'utf8')).toBe(key);
    expect(readdirSync(dir)).toEqual(['codeship.aes']);
  });

  test('--key-path, and a folder that does not exist', async () => {
    expect((await regkit(['generate', '--key-path', 'ci.aes'])).code).toBe(0);
    expect(existsSync(at('ci.aes'))).toBe(true);
    const r = await regkit(['generate', '--key-path', 'keys/ci.aes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('regkit generate: cannot write keys/ci.aes: folder keys does not exist\n');
  });

  test('usage errors exit 2', async () => {
    const r = await regkit(['generate', 'extra']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^regkit generate: expected 0 arguments, got 1\nusage: regkit generate/);
    expect((await regkit(['generate', '--nope'])).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('regkit decrypt', () => {
  test.each(vectors)('$file to stdout', async (v) => {
    const r = await regkit(['decrypt', join(vectorDir, v.file), '-', '--key-path', join(vectorDir, v.key)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(vector(v.plain).toString());
  });

  test.each(vectors)('$file to a 0600 file, key from REGKIT_AES_KEY', async (v) => {
    const r = await regkit(['decrypt', join(vectorDir, v.file), 'out'], { REGKIT_AES_KEY: keyText(v.key) });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(at('out')).equals(vector(v.plain))).toBe(true);
    expect(statSync(at('out')).mode & 0o777).toBe(0o600);
  });

  test('the key file ./codeship.aes by default', async () => {
    copyFileSync(join(vectorDir, 'examples-key.aes'), at('codeship.aes'));
    const r = await regkit(['decrypt', join(vectorDir, 'dockercfg.v2.encrypted'), '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(vector('dockercfg.plain').toString());
  });

  test('no key: exit 1, one line saying where it looked, nothing written', async () => {
    const r = await regkit(['decrypt', join(vectorDir, 'dockercfg.v2.encrypted'), 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `regkit decrypt: No AES key provided: set REGKIT_AES_KEY or put the key in ./codeship.aes (looked at: REGKIT_AES_KEY, ${at('codeship.aes')})\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a --key-path that does not exist', async () => {
    const r = await regkit(['decrypt', join(vectorDir, 'dockercfg.v2.encrypted'), 'out', '--key-path', 'missing.aes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('regkit decrypt: No AES key provided: key file missing.aes does not exist\n');
  });

  test('a malformed key is reported without being printed', async () => {
    const bad = 'c2VjcmV0LWJ1dC10b28tc2hvcnQ=';
    const r = await regkit(['decrypt', join(vectorDir, 'dockercfg.v2.encrypted'), 'out'], { REGKIT_AES_KEY: bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "regkit decrypt: AES key from REGKIT_AES_KEY is 20 bytes, expected 32 (44 characters of base64; make one with 'regkit generate')\n",
    );
    const r2 = await regkit(['decrypt', join(vectorDir, 'dockercfg.v2.encrypted'), 'out'], {
      REGKIT_AES_KEY: 'not base64 at all!',
    });
    expect(r2.code).toBe(1);
    expect(r2.stderr).not.toContain('not base64 at all');
    expect(readdirSync(dir)).toEqual([]);
  });

  test.each([
    ['dockercfg.v2.encrypted', 'build-args-key.aes', /checksum mismatch/],
    ['environment.v1.encrypted', 'build-args-key.aes', /is not valid text: wrong AES key\?/],
    ['build_args.v1.encrypted', 'examples-key.aes', /is not valid text: wrong AES key\?/],
  ])(
    '%s with the wrong key: exit 1, an existing OUT left as it was, no garbage printed',
    async (file, key, message) => {
      writeFileSync(at('out'), 'before');
      for (const out of ['out', '-']) {
        const r = await regkit(['decrypt', join(vectorDir, file), out, '--key-path', join(vectorDir, key)]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        oneLine(r.stderr);
      }
      expect(readFileSync(at('out'), 'utf8')).toBe('before');
      expect(readdirSync(dir)).toEqual(['out']);
    },
  );

  test('--binary lets jet v1 output through that is not text', async () => {
    const r = await regkit([
      'decrypt',
      join(vectorDir, 'build_args.v1.encrypted'),
      'out',
      '--binary',
      '--key-path',
      join(vectorDir, 'examples-key.aes'),
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(at('out'))).toHaveLength(vector('build_args.plain').length);
  });

  test('an empty, truncated or plain file: exit 1, nothing written', async () => {
    const key = join(vectorDir, 'examples-key.aes');
    writeFileSync(at('empty'), '');
    writeFileSync(at('cut'), vector('dockercfg.v2.encrypted').subarray(0, 40));
    const cases: [string, string][] = [
      ['empty', 'regkit decrypt: empty is empty: nothing to decrypt\n'],
      [
        'cut',
        'regkit decrypt: cut is truncated: a jet v2 file holds at least 48 bytes after the codeship:v2 line, this one 21\n',
      ],
      [
        join(vectorDir, 'dockercfg.plain'),
        `regkit decrypt: ${join(vectorDir, 'dockercfg.plain')} is not an encrypted file: no regkit:v1 or codeship:v2 line, and not base64 as jet v1 writes\n`,
      ],
      ['nope', 'regkit decrypt: nope does not exist\n'],
    ];
    for (const [input, stderr] of cases) {
      const r = await regkit(['decrypt', input, 'out', '--key-path', key]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr });
    }
    expect(readdirSync(dir).sort()).toEqual(['cut', 'empty']);
  });

  test('usage errors exit 2; --help exits 0', async () => {
    const r = await regkit(['decrypt', 'only-one']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^regkit decrypt: expected 2 arguments, got 1\nusage: regkit decrypt IN OUT/);
    const help = await regkit(['decrypt', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: regkit decrypt IN OUT \[--key-path P\]/);
  });
});

describe('regkit encrypt', () => {
  test.each([
    [[], 'regkit:v1'],
    [['--format', 'regkit'], 'regkit:v1'],
    [['--format', 'jet'], 'codeship:v2'],
  ])('round trip %j writes %s', async (flags, header) => {
    expect((await regkit(['generate'])).code).toBe(0);
    copyFileSync(join(vectorDir, 'dockercfg.plain'), at('dockercfg.json'));
    const enc = await regkit(['encrypt', 'dockercfg.json', 'dockercfg.encrypted', ...flags]);
    expect(enc).toEqual({ code: 0, stdout: '', stderr: '' });
    const sealed = readFileSync(at('dockercfg.encrypted'), 'utf8');
    expect(sealed.split('\n')[0]).toBe(header);
    expect(sealed).not.toContain('auths');
    const dec = await regkit(['decrypt', 'dockercfg.encrypted', '-']);
    expect(dec.code).toBe(0);
    expect(dec.stdout).toBe(vector('dockercfg.plain').toString());
  });

  test('what jet v2 output regkit writes, the jet key file decrypts (shared key, REGKIT_AES_KEY)', async () => {
    const env = { REGKIT_AES_KEY: keyText('examples-key.aes') };
    copyFileSync(join(vectorDir, 'environment.plain'), at('env'));
    expect((await regkit(['encrypt', 'env', '-', '--format', 'jet'], env)).stdout).toMatch(
      /^codeship:v2\n[A-Za-z0-9+/=]+$/,
    );
    expect((await regkit(['encrypt', 'env', 'env.enc', '--format', 'jet'], env)).code).toBe(0);
    const r = await regkit(['decrypt', 'env.enc', '-', '--key-path', join(vectorDir, 'examples-key.aes')]);
    expect(r.stdout).toBe(vector('environment.plain').toString());
  });

  test('IN "-" reads stdin, so re-encrypting a jet file needs no plaintext on disk', async () => {
    const env = { REGKIT_AES_KEY: keyText('examples-key.aes') };
    const plain = await regkit(['decrypt', join(vectorDir, 'environment.v1.encrypted'), '-'], env);
    const r = await runCli(['encrypt', '-', 'environment.encrypted'], { cwd: dir, env, input: plain.stdout });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(at('environment.encrypted'), 'utf8')).toMatch(/^regkit:v1\n/);
    expect((await regkit(['decrypt', 'environment.encrypted', '-'], env)).stdout).toBe(
      vector('environment.plain').toString(),
    );
  });

  test('no key: exit 1, nothing written', async () => {
    writeFileSync(at('in'), 'A=1\n');
    const r = await regkit(['encrypt', 'in', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^regkit encrypt: No AES key provided: set REGKIT_AES_KEY or put the key in \.\/codeship\.aes/,
    );
    expect(readdirSync(dir)).toEqual(['in']);
  });

  test('an already encrypted file is not encrypted twice', async () => {
    const r = await regkit([
      'encrypt',
      join(vectorDir, 'dockercfg.v2.encrypted'),
      'out',
      '--key-path',
      join(vectorDir, 'examples-key.aes'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is already encrypted \(jet-v2\); decrypt it first/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('OUT in a folder that does not exist: exit 1, one line', async () => {
    const r = await regkit([
      'encrypt',
      join(vectorDir, 'dockercfg.plain'),
      'no/out',
      '--key-path',
      join(vectorDir, 'examples-key.aes'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('regkit encrypt: cannot write no/out: folder no does not exist\n');
  });

  test('usage errors exit 2', async () => {
    for (const args of [
      ['encrypt'],
      ['encrypt', 'a', 'b', 'c'],
      ['encrypt', 'a', 'b', '--format', 'gpg'],
      ['encrypt', 'a', 'b', '--kee-path', 'x'],
    ]) {
      const r = await regkit(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: regkit encrypt IN OUT [--key-path P] [--format regkit|jet]');
    }
  });
});
