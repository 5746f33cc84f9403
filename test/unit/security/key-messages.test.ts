// A key that does not fit an encrypted credential file: the message names the registry,
// its place in the registries file, and where the key came from — and nothing decrypted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logIn, type LoginOptions } from '../../../src/credentials/login.js';
import { encrypt, generateKey, parseKey } from '../../../src/crypto/index.js';
import { tempDir } from '../../env/processes.js';

const repo = process.cwd();
let dir: string;
const sealedWith = generateKey();
const other = generateKey();
beforeAll(() => {
  dir = tempDir('key-messages');
  mkdirSync(join(dir, '.github'));
  writeFileSync(
    join(dir, '.github/registries.yml'),
    [
      'version: 1',
      'registries:',
      '  - name: vault',
      '    provider: other',
      '    domain: vault.example.com',
      '    credentials:',
      '      encrypted_dockercfg: .github/cfg.enc',
      '  - name: plain',
      '    provider: other',
      '    domain: plain.example.com',
      '    credentials:',
      '      encrypted_dockercfg: .github/plain.json',
    ].join('\n'),
  );
  const cfg = JSON.stringify({
    auths: { 'vault.example.com': { auth: Buffer.from('u:Vault-Secret-9').toString('base64') } },
  });
  writeFileSync(join(dir, '.github/cfg.enc'), encrypt(Buffer.from(cfg), parseKey(sealedWith, 't')));
  writeFileSync(
    join(dir, '.github/plain.json'),
    JSON.stringify({ auths: { 'plain.example.com': { auth: Buffer.from('p:Plain-Secret-9').toString('base64') } } }),
  );
  // The registries file's paths are relative to the repository, which is the current folder.
  process.chdir(dir);
});
afterAll(() => process.chdir(repo));

function options(extra: Partial<LoginOptions>): LoginOptions {
  return {
    config: '.github/registries.yml',
    registries: ['vault'],
    registryContexts: [],
    verify: false,
    env: {},
    key: { env: {} },
    dockerConfigDir: join(dir, 'docker'),
    mask: () => {},
    ...extra,
  };
}

describe('a wrong AES key during login', () => {
  it('names registry, position and REGKIT_AES_KEY when the key came from there', async () => {
    const err = await logIn(options({ key: { env: { REGKIT_AES_KEY: other } } })).catch((e) => e);
    expect(err.message).toBe(
      '.github/registries.yml:7:28: registry "vault": credentials.encrypted_dockercfg: cannot decrypt .github/cfg.enc: authentication failed — wrong AES key, or the file was changed or truncated (the key came from REGKIT_AES_KEY)',
    );
  });

  it('names the aes-key input when the key came from there', async () => {
    const err = await logIn(options({ key: { input: other, env: { REGKIT_AES_KEY: sealedWith } } })).catch((e) => e);
    expect(err.message).toMatch(
      /^\.github\/registries\.yml:7:28: registry "vault": .* \(the key came from the aes-key input\)$/,
    );
  });
});

describe('a plain JSON file under encrypted_dockercfg', () => {
  it('logs in, warns that a plaintext credential file is in the repository, and says what it is', async () => {
    const warnings: string[] = [];
    const places: unknown[] = [];
    const r = await logIn(options({ registries: ['plain'], warn: (m, at) => (warnings.push(m), places.push(at)) }));
    expect(r.logins[0].source).toBe('dockercfg (not encrypted) .github/plain.json');
    expect(warnings).toEqual([
      '.github/registries.yml:12:28: registry "plain": credentials.encrypted_dockercfg: .github/plain.json is not encrypted — a plaintext credential file sits in the repository; encrypt it (regkit encrypt) or move it out of version control',
    ]);
    // The position travels with the warning, so the action annotates that line.
    expect(places).toEqual([{ file: '.github/registries.yml', line: 12, column: 28 }]);
  });
});
