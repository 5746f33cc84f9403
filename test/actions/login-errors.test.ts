// Bad input to the login action: each case fails with one clear line, prints no
// secret, and leaves the Docker config exactly as it was (post step included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runAction, secretLeaks } from '../harness/action.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { freePort } from '../env/ports.js';
import { generateKey } from '../../src/crypto/index.js';
import { aesKey, basicAuth, existingConfig, folderState, workspace } from './login-fixture.js';

const ALICE = 'alice-err-Pw1';
const BOB = 'bob-err-Pw2';

let basic: Registry;
let tok: Registry;
let busy: Server;
let busyHost: string;
let elsewhere: Server;
let elsewhereHits = 0;
let closedPort: number;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  [basic, tok] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: ALICE } }),
    startRegistry({ auth: 'token', users: { bob: BOB } }),
  ]);
  // A registry that is rate limiting and never stops.
  busy = createServer((_req, res) =>
    res.writeHead(429, { 'content-type': 'application/json' }).end('{"errors":[{"code":"TOOMANYREQUESTS"}]}'),
  );
  busyHost = await listen(busy);
  // The other host a token request gets redirected to: it must never be asked.
  elsewhere = createServer((_req, res) => {
    elsewhereHits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"x"}');
  });
  await listen(elsewhere);
  closedPort = await freePort();
});

afterAll(async () => {
  busy?.closeAllConnections();
  elsewhere?.closeAllConnections();
  await Promise.all([
    basic?.stop(),
    tok?.stop(),
    new Promise((r) => busy?.close(r)),
    new Promise((r) => elsewhere?.close(r)),
  ]);
});

function files(dockercfg: object = { [basic.host]: { auth: basicAuth('alice', ALICE) } }) {
  return workspace(
    [
      {
        name: 'basic',
        provider: 'other',
        domain: basic.host,
        credentials: { encrypted_dockercfg: '.github/dockercfg.encrypted' },
      },
      {
        name: 'tok',
        provider: 'other',
        domain: tok.host,
        credentials: { username: 'bob', password: '${BOB_PASSWORD}' },
      },
      { name: 'busy', provider: 'other', domain: busyHost, credentials: { username: 'u', password: 'busy-pw' } },
      {
        name: 'gone',
        provider: 'other',
        domain: `127.0.0.1:${closedPort}`,
        credentials: { username: 'u', password: 'gone-pw' },
      },
    ],
    { '.github/dockercfg.encrypted': { text: JSON.stringify({ auths: dockercfg }), encrypt: 'jet' } },
  );
}

interface Case {
  name: string;
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** The decrypted dockercfg's auths (default: alice's right entry). */
  dockercfg?: () => object;
  error: () => RegExp;
  before?: () => void;
  after?: () => void;
}

const cases: Case[] = [
  {
    name: 'unknown registry in registries',
    inputs: { registries: 'basic, tok-typo' },
    error: () => /^input registries: no registry named "tok-typo" in \.github\/registries\.yml/,
  },
  {
    name: 'unknown registry in registry-contexts',
    inputs: { registries: 'tok', 'registry-contexts': 'basicc' },
    error: () => /^input registry-contexts: no registry named "basicc" .*did you mean "basic"/,
  },
  {
    name: 'missing AES key while an encrypted file is referenced',
    inputs: { registries: 'basic', 'aes-key': '' },
    error: () =>
      /^No AES key provided to decrypt \.github\/dockercfg\.encrypted: set the aes-key input or REGKIT_AES_KEY/,
  },
  {
    name: 'wrong AES key',
    inputs: { registries: 'basic', 'aes-key': generateKey() },
    // Named with the registry, its place in the registries file, and where the key came from.
    error: () =>
      /^\.github\/registries\.yml:\d+:\d+: registry "basic": credentials\.encrypted_dockercfg: cannot decrypt \.github\/dockercfg\.encrypted: jet v2 checksum mismatch — wrong AES key.* \(the key came from the aes-key input\)$/,
  },
  {
    name: 'a dockercfg with no entry for the domain',
    inputs: { registries: 'basic' },
    dockercfg: () => ({ 'https://index.docker.io/v1/': { auth: basicAuth('x', 'y') } }),
    error: () =>
      /^registry basic: \.github\/dockercfg\.encrypted has no entry for 127\.0\.0\.1:\d+ \(it has docker\.io\)/,
  },
  {
    name: 'an unset ${VAR}',
    inputs: { registries: 'basic, tok' },
    env: { BOB_PASSWORD: undefined },
    error: () =>
      /^\.github\/registries\.yml:\d+:\d+: registry "tok": \$\{BOB_PASSWORD\} is not set — set BOB_PASSWORD in one of: the environment$/,
  },
  {
    name: 'a registry that is unreachable',
    inputs: { registries: 'gone' },
    error: () => /^login to gone failed: cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED/,
  },
  {
    name: '401 from the registry',
    inputs: { registries: 'basic' },
    dockercfg: () => ({ [basic.host]: { auth: basicAuth('alice', 'not-alices-password') } }),
    error: () =>
      new RegExp(
        `^login to basic failed: wrong username or password for registry ${basic.host.replace(/\./g, '\\.')} \\(user "alice", HTTP 401\\)$`,
      ),
  },
  {
    name: '429 that never clears',
    inputs: { registries: 'busy' },
    error: () => /^login to busy failed: registry 127\.0\.0\.1:\d+ answered HTTP 429 to GET \/v2\/$/,
  },
  {
    name: 'a token request redirected to another host',
    inputs: { registries: 'tok' },
    error: () =>
      /^login to tok failed: 127\.0\.0\.1:\d+ redirected a request with credentials to another host \(localhost:\d+\)/,
    before: () => {
      tok.tokenServer!.intercept = (_req, res) => {
        res.writeHead(302, { location: `http://localhost:${(elsewhere.address() as AddressInfo).port}/token` }).end();
        return true;
      };
    },
    after: () => {
      tok.tokenServer!.intercept = undefined;
    },
  },
];

describe('login action: bad input', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: one line, nothing changed', async (_name, c) => {
    const cfg = existingConfig();
    const before = folderState(cfg.dir);
    c.before?.();
    let r;
    try {
      r = await runAction('login', {
        cwd: files(c.dockercfg?.()),
        inputs: { 'aes-key': aesKey, ...c.inputs },
        env: { BOB_PASSWORD: BOB, DOCKER_CONFIG: cfg.dir, ...c.env },
      });
    } finally {
      c.after?.();
    }
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(c.error());
    expect(r.errors[0]).not.toMatch(/\n|internal error|\bat .*\.js:\d+/);
    expect(r.stderr).toBe('');
    expect(r.post?.code).toBe(0);
    expect(folderState(cfg.dir)).toEqual(before);
    expect(
      secretLeaks(r, [ALICE, BOB, basicAuth('alice', ALICE), basicAuth('bob', BOB), aesKey, 'not-alices-password'])
        .printed,
    ).toEqual([]);
  });

  it('annotates the line and column of the registries file the error is about', async () => {
    const dir = files();
    writeFileSync(
      join(dir, '.github/registries.yml'),
      'version: 1\nregistries:\n  - name: basic\n    provider: other\n    domain: example.com\n    credentails: {}\n',
    );
    const r = await runAction('login', { cwd: dir, inputs: { 'aes-key': aesKey } });
    expect(r.code).toBe(1);
    expect(r.annotations).toEqual([
      {
        kind: 'error',
        props: { title: 'regkit', file: '.github/registries.yml', line: '6', col: '5' },
        message:
          '.github/registries.yml:6:5: registry "basic": unknown key "credentails" — did you mean "credentials"?',
      },
    ]);
  });

  it('annotates the line of an env file, relative to the workspace', async () => {
    const dir = files();
    writeFileSync(
      join(dir, '.github/registries.yml'),
      'version: 1\nenv_files: [.github/reg.env]\nregistries:\n  - name: tok\n    provider: other\n    domain: example.com\n    credentials: { username: u, password: "${PW}" }\n',
    );
    writeFileSync(join(dir, '.github/reg.env'), '# comment\nPW=ok\nthis line has no equals sign\n');
    const r = await runAction('login', { cwd: dir, inputs: { 'aes-key': aesKey } });
    expect(r.code).toBe(1);
    expect(r.annotations).toHaveLength(1);
    expect(r.annotations[0]!.props).toEqual({ title: 'regkit', file: '.github/reg.env', line: '3' });
  });

  it('never asked the host the token request was redirected to', () => {
    expect(elsewhereHits).toBe(0);
  });
});
