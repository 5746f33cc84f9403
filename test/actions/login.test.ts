// The login action end to end: real registries, the real docker client using the
// config the action wrote, and the post step putting the config back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, secretLeaks } from '../harness/action.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { startDockerd, baseImage, docker, dockerOk, dockerConfig, type Dockerd } from '../env/dockerd.js';
import { tempDir } from '../env/processes.js';
import { startEcrEndpoint } from '../env/ecr-endpoint.js';
import { aesKey, basicAuth, existingConfig, folderState, readConfig, workspace } from './login-fixture.js';

const ALICE = 'alice-Pw1!x';
const BOB = 'bob-Pw2$y';
const READER = 'reader-Pw3%z';

let d: Dockerd;
let basic: Registry;
let tok: Registry;
let base: string;

beforeAll(async () => {
  [d, basic, tok] = await Promise.all([
    startDockerd(),
    startRegistry({ auth: 'htpasswd', users: { alice: ALICE } }),
    startRegistry({
      auth: 'token',
      users: { bob: BOB, reader: READER },
      access: { reader: [{ repo: '*', actions: ['pull'] }] },
    }),
  ]);
  base = await baseImage(d);
  // Something to pull from each, pushed with a config of our own.
  const seed = dockerConfig({
    [basic.host]: { username: 'alice', password: ALICE },
    [tok.host]: { username: 'bob', password: BOB },
  });
  for (const reg of [basic, tok]) {
    await dockerOk(d, ['tag', base, `${reg.host}/team/seed:1`]);
    await dockerOk(d, ['push', `${reg.host}/team/seed:1`], { config: seed });
  }
});

afterAll(async () => {
  await Promise.all([basic?.stop(), tok?.stop()]);
});

/** A registries file with three accounts: an encrypted dockercfg (jet v2) for one, ${VAR} for the other two accounts. */
function files() {
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
        primary: true,
        credentials: { username: 'bob', password: '${BOB_PASSWORD}' },
      },
      {
        name: 'tok-reader',
        provider: 'other',
        domain: tok.host,
        credentials: { username: 'reader', password: '${READER_PASSWORD}' },
      },
    ],
    {
      '.github/dockercfg.encrypted': {
        // The legacy .dockercfg form, keyed the way `docker login` once wrote it.
        text: JSON.stringify({
          [`http://${basic.host}/v1/`]: { auth: basicAuth('alice', ALICE), email: 'alice@example.com' },
        }),
        encrypt: 'jet',
      },
    },
  );
}

const secretEnv = { BOB_PASSWORD: BOB, READER_PASSWORD: READER };

describe('login action, end to end', () => {
  it('logs in to an htpasswd and a token registry; docker pulls and pushes with that config; post puts it back byte for byte', async () => {
    const cfg = existingConfig({ credsStore: 'regkit-test-no-such-helper' });
    const before = folderState(cfg.dir);
    const ref = (r: Registry, tag: string) => `${r.host}/team/seed:${tag}`;

    // Control: without the login the registries refuse this config.
    expect((await docker(d, ['pull', ref(basic, '1')], { config: cfg.dir })).code).not.toBe(0);

    const r = await runAction('login', {
      cwd: files(),
      inputs: { 'aes-key': aesKey },
      env: { ...secretEnv, DOCKER_CONFIG: cfg.dir },
      post: 'later',
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.registries)).toEqual([
      { name: 'basic', domain: basic.host, username: 'alice' },
      { name: 'tok', domain: tok.host, username: 'bob' },
    ]);
    expect(r.outputs['docker-config']).toBe(cfg.dir);

    const written = readConfig(cfg.dir);
    expect(statSync(join(cfg.dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(written.auths).toEqual({
      'other.example.com': { auth: basicAuth('someone', 'other-pw') },
      [basic.host]: { auth: basicAuth('alice', ALICE) },
      [tok.host]: { auth: basicAuth('bob', BOB) },
    });
    expect(written).toMatchObject({
      credsStore: 'regkit-test-no-such-helper',
      proxies: { default: { noProxy: '*.internal' } },
      detachKeys: 'ctrl-e,e',
    });
    expect(written.credHelpers).toEqual({ [basic.host]: '', [tok.host]: '' });

    // The real client, with nothing but the config the action wrote.
    for (const reg of [basic, tok]) {
      await dockerOk(d, ['pull', ref(reg, '1')], { config: cfg.dir });
      await dockerOk(d, ['tag', base, ref(reg, 'pushed')]);
      await dockerOk(d, ['push', ref(reg, 'pushed')], { config: cfg.dir });
    }

    const post = await r.runPost!();
    expect(post.code).toBe(0);
    expect(readFileSync(join(cfg.dir, 'config.json'))).toEqual(cfg.bytes);
    expect(folderState(cfg.dir)).toEqual(before);

    expect(r.summary).toContain('| Registry | Domain | User | Credentials | Verified |');
    expect(r.summary).toContain(
      `| basic | ${basic.host} | alice | encrypted dockercfg .github/dockercfg.encrypted | ✅ yes |`,
    );
    expect(r.summary).toContain(`| tok | ${tok.host} | bob | username/password | ✅ yes |`);
    expect(r.summary).toContain(`| tok-reader | ${tok.host} | — | not logged in: tok serves ${tok.host} | — |`);
    // Every secret the step touched is masked, and none shows anywhere (tok-reader's were never read).
    expect(secretLeaks(r, [ALICE, BOB, basicAuth('alice', ALICE), basicAuth('bob', BOB), aesKey])).toEqual({
      printed: [],
      unmasked: [],
    });
    expect(secretLeaks(r, [READER, basicAuth('reader', READER)]).printed).toEqual([]);
  });

  it('two accounts on one domain: the primary can push; registry-contexts picks the other, whose push is refused', async () => {
    const ws = files();
    const pushAs = async (inputs: Record<string, string>) => {
      const cfgDir = tempDir('docker-config');
      const r = await runAction('login', {
        cwd: ws,
        inputs: { 'aes-key': aesKey, registries: 'tok, tok-reader', ...inputs },
        env: { ...secretEnv, DOCKER_CONFIG: cfgDir },
        post: 'later',
      });
      expect(r.errors).toEqual([]);
      const user = Buffer.from(readConfig(cfgDir).auths![tok.host].auth, 'base64').toString().split(':')[0];
      const pulled = await docker(d, ['pull', `${tok.host}/team/seed:1`], { config: cfgDir });
      await dockerOk(d, ['tag', base, `${tok.host}/team/ctx:${user}`]);
      const pushed = await docker(d, ['push', `${tok.host}/team/ctx:${user}`], { config: cfgDir });
      const post = await r.runPost!();
      expect(post.code).toBe(0);
      expect(existsSync(join(cfgDir, 'config.json'))).toBe(false); // there was none before
      return { r, user, pulled: pulled.code, pushed: pushed.code, pushErr: pushed.stderr };
    };

    const primary = await pushAs({});
    expect(primary).toMatchObject({ user: 'bob', pulled: 0, pushed: 0 });
    expect(JSON.parse(primary.r.outputs.registries)).toEqual([{ name: 'tok', domain: tok.host, username: 'bob' }]);

    const reader = await pushAs({ 'registry-contexts': 'tok-reader' });
    expect(reader).toMatchObject({ user: 'reader', pulled: 0 });
    expect(reader.pushed).not.toBe(0);
    expect(reader.pushErr).toMatch(/denied|unauthorized|insufficient_scope/i);
    expect(JSON.parse(reader.r.outputs.registries)).toEqual([
      { name: 'tok-reader', domain: tok.host, username: 'reader' },
    ]);
  });

  it('runs its own post step and removes a config that did not exist', async () => {
    const home = tempDir('home');
    const r = await runAction('login', {
      cwd: files(),
      inputs: { 'aes-key': aesKey, registries: 'basic' },
      env: { HOME: home },
    });
    expect(r.code).toBe(0);
    expect(r.outputs['docker-config']).toBe(join(home, '.docker'));
    expect(r.post?.code).toBe(0);
    expect(r.post?.stdout).toContain(`Put ${join(home, '.docker', 'config.json')} back as it was before the login`);
    expect(existsSync(join(home, '.docker'))).toBe(false);
  });

  it('leaves the logins in place with logout: false', async () => {
    const cfg = existingConfig();
    const r = await runAction('login', {
      cwd: files(),
      inputs: { 'aes-key': aesKey, registries: 'basic', logout: false },
      env: { DOCKER_CONFIG: cfg.dir },
    });
    expect(r.post?.code).toBe(0);
    expect(readConfig(cfg.dir).auths?.[basic.host]).toEqual({ auth: basicAuth('alice', ALICE) });
  });

  it('writes without asking the registries when verify is false', async () => {
    const cfg = existingConfig();
    const before = tok.tokenServer!.requests.length;
    const r = await runAction('login', {
      cwd: files(),
      inputs: { registries: 'tok', verify: false },
      env: { ...secretEnv, BOB_PASSWORD: 'not-checked', DOCKER_CONFIG: cfg.dir },
      post: false,
    });
    expect(r.code).toBe(0);
    expect(tok.tokenServer!.requests.length).toBe(before);
    expect(readConfig(cfg.dir).auths?.[tok.host]).toEqual({ auth: basicAuth('bob', 'not-checked') });
    expect(r.summary).toContain('| no (verify: false) |');
  });
});

describe('login action, ECR', () => {
  it('gets one token per region for several ECR registries, with AWS keys from an encrypted env file', async () => {
    const ecr = await startEcrEndpoint({
      AKIAREGKITTEST: { secretAccessKey: 'ecr/secret+KEY', account: '111122223333', password: 'ecr-registry-password' },
    });
    try {
      const env = { env_file: '.github/aws.env.encrypted' };
      const ws = workspace(
        [
          { name: 'prod', provider: 'ecr', domain: '111122223333.dkr.ecr.us-east-1.amazonaws.com', ...env },
          { name: 'shared', provider: 'ecr', domain: '999988887777.dkr.ecr.us-east-1.amazonaws.com', ...env },
          {
            name: 'prod-eu',
            provider: 'ecr',
            domain: '111122223333.dkr.ecr.eu-west-1.amazonaws.com',
            ...env,
            credentials: { aws: { region: 'eu-west-1' } },
          },
        ],
        {
          '.github/aws.env.encrypted': {
            text: `# CI user\nAWS_ACCESS_KEY_ID=AKIAREGKITTEST\nAWS_SECRET_ACCESS_KEY=ecr/secret+KEY\nAWS_ENDPOINT_URL_ECR=${ecr.url}\n`,
            encrypt: 'regkit',
          },
        },
      );
      const cfgDir = tempDir('docker-config');
      const r = await runAction('login', {
        cwd: ws,
        inputs: { 'aes-key': aesKey, verify: false },
        env: { DOCKER_CONFIG: cfgDir },
        post: false,
      });
      expect(r.errors).toEqual([]);
      expect(ecr.calls.map((c) => [c.region, c.accessKeyId, c.status]).sort()).toEqual([
        ['eu-west-1', 'AKIAREGKITTEST', 200],
        ['us-east-1', 'AKIAREGKITTEST', 200],
      ]);
      const auth = { auth: basicAuth('AWS', 'ecr-registry-password') };
      expect(readConfig(cfgDir).auths).toEqual({
        '111122223333.dkr.ecr.us-east-1.amazonaws.com': auth,
        '999988887777.dkr.ecr.us-east-1.amazonaws.com': auth,
        '111122223333.dkr.ecr.eu-west-1.amazonaws.com': auth,
      });
      expect(JSON.parse(r.outputs.registries).map((x: { username: string }) => x.username)).toEqual([
        'AWS',
        'AWS',
        'AWS',
      ]);
      expect(r.summary).toContain(
        '| prod-eu | 111122223333.dkr.ecr.eu-west-1.amazonaws.com | AWS | ECR token (eu-west-1) | no (verify: false) |',
      );
      expect(secretLeaks(r, ['ecr/secret+KEY', 'ecr-registry-password', auth.auth])).toEqual({
        printed: [],
        unmasked: [],
      });
    } finally {
      await ecr.close();
    }
  });
});
