// regkit validate, run as a user runs it: the bundled dist/cli (build it first: npm run build -- cli).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { encrypt, generateKey, parseKey } from '../../src/crypto/index.js';
import { runCli } from '../harness/cli.js';
import { tempDir } from '../env/processes.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('cli-validate');
  mkdirSync(join(dir, '.github'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const keyText = generateKey();
const key = parseKey(keyText, 'test');
const FILE = '.github/registries.yml';

// Nothing leaks in from the environment the tests run in.
const clean = { REGKIT_AES_KEY: undefined, GITHUB_ACTOR: undefined, GITHUB_TOKEN: undefined };
const validate = (args: string[] = [], env: Record<string, string | undefined> = {}) =>
  runCli(['validate', ...args], { cwd: dir, env: { ...clean, ...env } });
const write = (name: string, text: string, seal = false) =>
  writeFileSync(join(dir, name), seal ? encrypt(Buffer.from(text), key) : text);

const good = `version: 1
default: ghcr
caching: ghcr
registries:
  - name: ghcr
    provider: ghcr
    prefix: acme
  - name: hub
    provider: dockerhub
    primary: true
    fallback: mirror
    credentials:
      encrypted_dockercfg: .github/dockercfg.encrypted
  - name: hub-bot
    provider: dockerhub
    env_file: .github/hub.env
    credentials: { username: acmebot, password: "\${HUB_BOT_TOKEN}" }
  - name: prod
    provider: ecr
    domain: 123456789012.dkr.ecr.us-east-1.amazonaws.com
    credentials: { aws: { region: us-east-1, secret_access_key: "\${AWS_SECRET}" } }
  - name: mirror
    provider: other
    domain: localhost:5000
env_files: [.github/registries.env.encrypted]
`;

function writeGood() {
  write(FILE, good);
  write(
    '.github/dockercfg.encrypted',
    '{"auths":{"https://index.docker.io/v1/":{"auth":"c2VjcmV0LXVzZXI6c2VjcmV0LXB3"}}}',
    true,
  );
  write('.github/hub.env', 'HUB_BOT_TOKEN=hub-token-value-1\n');
  write('.github/registries.env.encrypted', '# shared\nAWS_SECRET=aws-secret-value-2\n', true);
}

describe('regkit validate', () => {
  test('a good file: summary on stdout, exit 0, no secret printed', async () => {
    writeGood();
    const r = await validate([], { REGKIT_AES_KEY: keyText, GITHUB_ACTOR: 'octo', GITHUB_TOKEN: 'ghs_token-value-3' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${FILE}: OK — 5 registries on 4 domains, default ghcr, caching ghcr`);
    expect(lines.slice(1).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['ghcr', 'ghcr', 'ghcr.io', 'GITHUB_ACTOR/GITHUB_TOKEN', 'prefix acme, default, caching'],
      ['hub', 'dockerhub', 'docker.io', 'encrypted_dockercfg', 'primary, fallback mirror'],
      ['hub-bot', 'dockerhub', 'docker.io', 'username/password'],
      ['prod', 'ecr', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'aws'],
      ['mirror', 'other', 'localhost:5000', 'anonymous'],
    ]);
    for (const secret of [
      'hub-token-value-1',
      'aws-secret-value-2',
      'ghs_token-value-3',
      'c2VjcmV0',
      'secret-pw',
      keyText,
    ]) {
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });

  test('--config and --key-path', async () => {
    writeGood();
    mkdirSync(join(dir, 'conf'));
    write('conf/regs.yml', good);
    write('conf/ci.aes', keyText);
    const r = await validate(['--config', 'conf/regs.yml', '--key-path', 'conf/ci.aes'], {
      GITHUB_ACTOR: 'a',
      GITHUB_TOKEN: 'b',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^conf\/regs\.yml: OK — 5 registries/);
  });

  test('a broken rule: one line with file:line:col, exit 1', async () => {
    write(FILE, good.replace('caching: ghcr', 'caching: hub'));
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `regkit validate: ${FILE}:3:10: caching registry "hub" is on Docker Hub, which does not keep build cache — name another registry as caching, or remove caching\n`,
    );
  });

  test('an unknown key with a suggestion', async () => {
    write(FILE, good.replace('    fallback: mirror', '    fallbak: mirror'));
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `regkit validate: ${FILE}:11:5: registry "hub": unknown key "fallbak" — did you mean "fallback"?\n`,
    );
  });

  test('an unset variable names VAR, registry and position', async () => {
    writeGood();
    const r = await validate([], { REGKIT_AES_KEY: keyText, GITHUB_ACTOR: 'octo' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `regkit validate: ${FILE}:5:5: registry "ghcr": \${GITHUB_TOKEN} is not set (provider ghcr without credentials uses it) — set GITHUB_TOKEN in one of: .github/registries.env.encrypted, the environment\n`,
    );
  });

  test('an encrypted file without a key', async () => {
    writeGood();
    const r = await validate([], { GITHUB_ACTOR: 'a', GITHUB_TOKEN: 'b' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^regkit validate: \.github\/registries\.yml:25:13: No AES key provided to decrypt \.github\/registries\.env\.encrypted: /,
    );
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    // The CLI has no aes-key input: the message speaks of what the CLI reads.
    expect(r.stderr).not.toContain('aes-key');
    expect(r.stderr).toContain('set REGKIT_AES_KEY or put the key in');
  });

  test('a dockercfg without an entry for its registry fails as login would', async () => {
    writeGood();
    write('.github/dockercfg.encrypted', '{"auths":{"quay.io":{"auth":"c2VjcmV0LXVzZXI6c2VjcmV0LXB3"}}}', true);
    const r = await validate([], { REGKIT_AES_KEY: keyText, GITHUB_ACTOR: 'a', GITHUB_TOKEN: 'b' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `regkit validate: ${FILE}:13:28: registry hub: .github/dockercfg.encrypted has no entry for docker.io (it has quay.io); add one or point credentials at the right file\n`,
    );
  });

  test('a plain JSON file under encrypted_dockercfg: a warning, and labelled for what it is', async () => {
    writeGood();
    write(
      '.github/dockercfg.encrypted',
      '{"auths":{"https://index.docker.io/v1/":{"auth":"c2VjcmV0LXVzZXI6c2VjcmV0LXB3"}}}',
    );
    const r = await validate([], { REGKIT_AES_KEY: keyText, GITHUB_ACTOR: 'a', GITHUB_TOKEN: 'b' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `regkit validate: warning: ${FILE}:13:28: registry "hub": credentials.encrypted_dockercfg: .github/dockercfg.encrypted is not encrypted — a plaintext credential file sits in the repository; encrypt it (regkit encrypt) or move it out of version control\n`,
    );
    expect(r.stdout).toMatch(/ hub +dockerhub +docker\.io +dockercfg \(NOT encrypted\)/);
    expect(r.stdout + r.stderr).not.toContain('c2VjcmV0');
  });

  test('an encrypted dockercfg sealed with another key', async () => {
    writeGood();
    const other = parseKey(generateKey(), 'other');
    writeFileSync(join(dir, '.github/dockercfg.encrypted'), encrypt(Buffer.from('{"auths":{}}'), other));
    const r = await validate([], { REGKIT_AES_KEY: keyText, GITHUB_ACTOR: 'a', GITHUB_TOKEN: 'b' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^regkit validate: \.github\/registries\.yml:13:28: registry "hub": .*\.github\/dockercfg\.encrypted/,
    );
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('a file that needs no key validates without one', async () => {
    write(
      FILE,
      'version: 1\nregistries:\n  - { name: local, provider: other, domain: "127.0.0.1:5000", credentials: { username: u, password: p } }\n',
    );
    const r = await validate();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${FILE}: OK — 1 registry on 1 domain, default (none), caching (none)\n  local  other  127.0.0.1:5000  username/password\n`,
    );
  });

  test('no registries file', async () => {
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `regkit validate: ${FILE}: no such file — create the registries file or point the config option at it\n`,
    );
  });

  test('a YAML syntax error', async () => {
    write(FILE, 'version: 1\nregistries:\n  - name: "unterminated\n');
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^regkit validate: \.github\/registries\.yml:4:1: YAML syntax error: a quote or bracket is never closed — fix the YAML at that place\n$/,
    );
  });

  test('usage errors exit 2; --help exits 0', async () => {
    expect((await validate(['extra'])).code).toBe(2);
    expect((await validate(['--nope'])).code).toBe(2);
    const help = await validate(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: regkit validate \[--config FILE\] \[--key-path P\]/);
  });
});
