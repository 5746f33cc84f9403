// ${VAR} in credentials: registry env_file, then env_files, then the environment; plain and encrypted files.
import { rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { encrypt, generateKey, parseKey } from '../../../src/crypto/index.js';
import { UserError } from '../../../src/errors.js';
import {
  parseRegistriesFile,
  registryEnv,
  resolveCredentialSpec,
  type RegistriesFile,
} from '../../../src/registries-file/index.js';
import { FILE, yaml } from './yaml.js';
import { tempDir } from '../../env/processes.js';

const dir = tempDir('vars');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = parseKey(generateKey(), 'test key');

function file(name: string, text: string, sealWith?: Buffer): string {
  writeFileSync(join(dir, name), sealWith ? encrypt(Buffer.from(text), sealWith) : text);
  return name;
}

function load(text: string): RegistriesFile {
  return parseRegistriesFile(yaml(text), FILE);
}

async function resolveError(
  registriesFile: RegistriesFile,
  name: string,
  opts: { env?: NodeJS.ProcessEnv; key?: Buffer } = {},
): Promise<string> {
  const registry = registriesFile.registries.find((r) => r.name === name)!;
  const err = await resolveCredentialSpec(registriesFile, registry, {
    env: opts.env ?? {},
    key: opts.key,
    cwd: dir,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  const message = (err as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

async function resolved(registriesFile: RegistriesFile, name: string, env: NodeJS.ProcessEnv, k?: Buffer) {
  return resolveCredentialSpec(
    registriesFile,
    registriesFile.registries.find((r) => r.name === name)!,
    { env, key: k, cwd: dir },
  );
}

describe('from the environment', () => {
  const registriesFile = load(`
    version: 1
    registries:
      - name: quay
        provider: quay
        credentials:
          username: "org+\${ROBOT}"
          password: \${QUAY_TOKEN}
      - name: other
        provider: other
        domain: r.example.com
        credentials: { username: bob, password: "\${OTHER_TOKEN}" }
  `);

  test('replaces every ${VAR}, also inside text', async () => {
    expect(await resolved(registriesFile, 'quay', { ROBOT: 'ci', QUAY_TOKEN: 's3cret' })).toEqual({
      username: 'org+ci',
      password: 's3cret',
    });
  });

  test('an unset variable names VAR, the registry and file:line:col, and where it looked', async () => {
    expect(await resolveError(registriesFile, 'quay', { env: { ROBOT: 'ci' } })).toBe(
      `${FILE}:7:17: registry "quay": \${QUAY_TOKEN} is not set — set QUAY_TOKEN in one of: the environment`,
    );
  });

  test('an empty variable is an error too (a missing GitHub secret is an empty string)', async () => {
    expect(await resolveError(registriesFile, 'quay', { env: { ROBOT: 'ci', QUAY_TOKEN: '' } })).toBe(
      `${FILE}:7:17: registry "quay": \${QUAY_TOKEN} is empty in the environment — give QUAY_TOKEN a value`,
    );
  });

  test("one registry's unset variable does not stop another's", async () => {
    expect(await resolved(registriesFile, 'other', { OTHER_TOKEN: 't' })).toEqual({ username: 'bob', password: 't' });
  });
});

describe('$$', () => {
  test('is a literal $, and a lone $ stays', async () => {
    const registriesFile = load(`
      version: 1
      registries:
        - { name: q, provider: quay, credentials: { username: "a$$b", password: "p$$\${X}$$$y$" } }
    `);
    expect(await resolved(registriesFile, 'q', { X: 'x', y: 'not used' })).toEqual({
      username: 'a$b',
      password: 'p$x$$y$',
    });
  });
});

describe('env files', () => {
  test('lookup order: registry env_file, then env_files in order, then the environment', async () => {
    file('reg.env', '# the registry\nA=from-registry-file\n');
    file('one.env', 'A=from-one\nB=from-one\n');
    file('two.env', 'B=from-two\nC=from-two\n');
    const registriesFile = load(`
      version: 1
      registries:
        - name: q
          provider: quay
          env_file: reg.env
          credentials: { username: "\${A}-\${B}-\${C}", password: "\${D}" }
      env_files: [one.env, two.env]
    `);
    expect(await resolved(registriesFile, 'q', { A: 'env', B: 'env', C: 'env', D: 'from-env' })).toEqual({
      username: 'from-registry-file-from-one-from-two',
      password: 'from-env',
    });
    expect(await resolveError(registriesFile, 'q', { env: {} })).toBe(
      `${FILE}:6:58: registry "q": \${D} is not set — set D in one of: reg.env, one.env, two.env, the environment`,
    );
  });

  test('encrypted env files need the key and are read with it', async () => {
    const sealed = file('secrets.env.encrypted', 'TOKEN=from-encrypted\n', key);
    const registriesFile = load(`
      version: 1
      registries:
        - { name: q, provider: quay, credentials: { username: bot, password: "\${TOKEN}" } }
      env_files: [${sealed}]
    `);
    expect(await resolved(registriesFile, 'q', {}, key)).toEqual({ username: 'bot', password: 'from-encrypted' });
    expect(await resolveError(registriesFile, 'q')).toMatch(
      /^\.github\/registries\.yml:4:13: No AES key provided to decrypt secrets\.env\.encrypted: /,
    );
  });

  test('an encrypted registry env_file read with the wrong key', async () => {
    const sealed = file('wrong.env.encrypted', 'TOKEN=x\n', key);
    const registriesFile = load(`
      version: 1
      registries:
        - name: q
          provider: quay
          env_file: ${sealed}
          credentials: { username: bot, password: "\${TOKEN}" }
    `);
    const other = parseKey(generateKey(), 'other key');
    expect(await resolveError(registriesFile, 'q', { key: other })).toMatch(
      /^\.github\/registries\.yml:5:15: registry "q": .*wrong\.env\.encrypted/,
    );
  });

  test('a missing env file', async () => {
    const registriesFile = load(`
      version: 1
      registries:
        - { name: q, provider: quay, env_file: nowhere.env, credentials: { username: bot, password: "\${T}" } }
    `);
    expect(await resolveError(registriesFile, 'q')).toBe(
      `${FILE}:3:42: registry "q": env file "nowhere.env" does not exist — create it or fix the path (relative to the repository root)`,
    );
  });

  test('a bad line in an env file is named by file and line', async () => {
    file('bad.env', 'GOOD=1\nthis is not a variable\n');
    const registriesFile = load(`
      version: 1
      registries:
        - { name: q, provider: quay, credentials: { username: bot, password: "\${T}" } }
      env_files: [bad.env]
    `);
    expect(await resolveError(registriesFile, 'q', { env: { T: 't' } })).toMatch(
      /^\.github\/registries\.yml:4:13: bad\.env:2: /,
    );
  });

  test('static credentials need no env file, so no key', async () => {
    file('locked.env.encrypted', 'X=1\n', key);
    const registriesFile = load(`
      version: 1
      registries:
        - { name: q, provider: quay, credentials: { username: bot, password: plain } }
      env_files: [locked.env.encrypted]
    `);
    expect(await resolved(registriesFile, 'q', {})).toEqual({ username: 'bot', password: 'plain' });
  });

  test("registryEnv is what a provider generator sees: the registry's file over env_files over the environment", async () => {
    file('aws.env', 'AWS_ACCESS_KEY_ID=from-registry\n');
    file('shared.env', 'AWS_ACCESS_KEY_ID=from-shared\nAWS_SECRET_ACCESS_KEY=shared-secret\n');
    const registriesFile = load(`
      version: 1
      registries:
        - { name: prod, provider: ecr, domain: 123456789012.dkr.ecr.us-east-1.amazonaws.com, env_file: aws.env }
      env_files: [shared.env]
    `);
    const env = await registryEnv(registriesFile, registriesFile.registries[0], {
      env: { AWS_REGION: 'us-east-1', AWS_SECRET_ACCESS_KEY: 'env' },
      cwd: dir,
    });
    expect(env).toEqual({
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'from-registry',
      AWS_SECRET_ACCESS_KEY: 'shared-secret',
    });
  });
});

describe('credentials implied by the provider', () => {
  const registriesFile = load(`
    version: 1
    registries:
      - { name: ghcr, provider: ghcr }
      - { name: prod, provider: ecr, domain: 123456789012.dkr.ecr.us-east-1.amazonaws.com }
      - { name: mirror, provider: other, domain: mirror.example.com }
  `);

  test('ghcr uses GITHUB_ACTOR and GITHUB_TOKEN', async () => {
    expect(await resolved(registriesFile, 'ghcr', { GITHUB_ACTOR: 'octo', GITHUB_TOKEN: 'ghs_x' })).toEqual({
      username: 'octo',
      password: 'ghs_x',
    });
    expect(await resolveError(registriesFile, 'ghcr', { env: { GITHUB_ACTOR: 'octo' } })).toBe(
      `${FILE}:3:5: registry "ghcr": \${GITHUB_TOKEN} is not set (provider ghcr without credentials uses it) — set GITHUB_TOKEN in one of: the environment`,
    );
  });

  test('ecr uses the AWS environment', async () => {
    expect(await resolved(registriesFile, 'prod', {})).toEqual({ aws: {} });
  });

  test('others are anonymous', async () => {
    expect(await resolved(registriesFile, 'mirror', {})).toBeUndefined();
  });
});
