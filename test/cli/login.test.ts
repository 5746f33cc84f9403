// `regkit login`: the action's login, locally — writes the Docker config and leaves it there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../harness/cli.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { startDockerd, baseImage, dockerOk, type Dockerd } from '../env/dockerd.js';
import { tempDir } from '../env/processes.js';
import { aesKey, basicAuth, existingConfig, folderState, readConfig, workspace } from '../actions/login-fixture.js';

const ALICE = 'cli-alice-pw';
const BOB = 'cli-bob-pw';

let d: Dockerd;
let basic: Registry;
let tok: Registry;
let base: string;

beforeAll(async () => {
  [d, basic, tok] = await Promise.all([
    startDockerd(),
    startRegistry({ auth: 'htpasswd', users: { alice: ALICE } }),
    startRegistry({ auth: 'token', users: { bob: BOB } }),
  ]);
  base = await baseImage(d);
});
afterAll(async () => {
  await Promise.all([basic?.stop(), tok?.stop()]);
});

function files() {
  const ws = workspace(
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
    ],
    {
      '.github/dockercfg.encrypted': {
        text: JSON.stringify({ auths: { [basic.host]: { auth: basicAuth('alice', ALICE) } } }),
        encrypt: 'jet',
      },
    },
  );
  return ws;
}

const clean = { REGKIT_AES_KEY: undefined, DOCKER_CONFIG: undefined };

describe('regkit login', () => {
  it('logs in with the key file in the current folder; docker pushes with the config it wrote', async () => {
    const ws = files();
    writeFileSync(join(ws, 'codeship.aes'), aesKey);
    const cfg = existingConfig();
    const r = await runCli(['login'], { cwd: ws, env: { ...clean, DOCKER_CONFIG: cfg.dir, BOB_PASSWORD: BOB } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `logged in to ${basic.host} as alice (basic, encrypted dockercfg .github/dockercfg.encrypted, verified)`,
        `logged in to ${tok.host} as bob (tok, username/password, verified)`,
        `wrote ${cfg.dir}/config.json`,
        '',
      ].join('\n'),
    );
    expect(readConfig(cfg.dir).auths?.[basic.host]).toEqual({ auth: basicAuth('alice', ALICE) });
    expect(readConfig(cfg.dir).detachKeys).toBe('ctrl-e,e');
    expect(statSync(join(cfg.dir, 'config.json')).mode & 0o777).toBe(0o600);
    for (const reg of [basic, tok]) {
      await dockerOk(d, ['tag', base, `${reg.host}/cli/app:1`]);
      await dockerOk(d, ['push', `${reg.host}/cli/app:1`], { config: cfg.dir });
    }
  });

  it('reads the key from --aes-key-env and logs in to the named registries only', async () => {
    const home = tempDir('home');
    const r = await runCli(['login', '--registry', 'basic', '--aes-key-env', 'MY_KEY'], {
      cwd: files(),
      env: { ...clean, HOME: home, MY_KEY: aesKey },
    });
    expect(r.code).toBe(0);
    expect(Object.keys(readConfig(join(home, '.docker')).auths ?? {})).toEqual([basic.host]);
  });

  it('fails with one line and changes nothing', async () => {
    const cfg = existingConfig();
    const before = folderState(cfg.dir);
    const noKey = await runCli(['login'], {
      cwd: files(),
      env: { ...clean, DOCKER_CONFIG: cfg.dir, BOB_PASSWORD: BOB },
    });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(
      /^regkit login: No AES key provided to decrypt \.github\/dockercfg\.encrypted: set REGKIT_AES_KEY or put the key in \.\/codeship\.aes .*\n$/,
    );
    const wrongPw = await runCli(['login', '--registry', 'tok'], {
      cwd: files(),
      env: { ...clean, DOCKER_CONFIG: cfg.dir, BOB_PASSWORD: 'nope' },
    });
    expect(wrongPw.code).toBe(1);
    expect(wrongPw.stderr).toBe(
      `regkit login: login to tok failed: wrong username or password for registry ${tok.host} (user "bob", HTTP 401)\n`,
    );
    expect(folderState(cfg.dir)).toEqual(before);
    expect(readFileSync(join(cfg.dir, 'config.json'))).toEqual(cfg.bytes);
    const usage = await runCli(['login', '--registries', 'x'], { cwd: files(), env: clean });
    expect(usage.code).toBe(2);
    const unsetKeyEnv = await runCli(['login', '--aes-key-env', 'NOT_SET_ANYWHERE'], { cwd: files(), env: clean });
    expect(unsetKeyEnv.stderr).toBe(
      'regkit login: --aes-key-env NOT_SET_ANYWHERE: the environment variable NOT_SET_ANYWHERE is not set\n',
    );
  });
});
