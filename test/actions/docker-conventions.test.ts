// What docker/login-action and docker/build-push-action users bring, with no registries
// file: login by registry/username/password or a registry-auth list (verified against real
// htpasswd registries, masked, put back by the post step), ECR by ecr: auto, and build and
// push to a full image reference with the credentials the login step wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, secretLeaks } from '../harness/action.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { getManifest } from '../env/upload.js';
import { baseImage, startDockerd, type Dockerd } from '../env/dockerd.js';
import { startEcrEndpoint } from '../env/ecr-endpoint.js';
import { tempDir } from '../env/processes.js';
import { basicAuth, existingConfig, folderState, readConfig } from './login-fixture.js';
import { oneError, pushEvent, SHORT, unique } from './build-fixture.js';

// `$`, `${…}` and `%` in passwords: inputs are taken literally, never as variables.
const ALICE = 'alice-Pw1$x${HOME}';
const CAROL = 'carol-Pw2%y!';

let a: Registry;
let c: Registry;

beforeAll(async () => {
  [a, c] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: ALICE } }),
    startRegistry({ auth: 'htpasswd', users: { carol: CAROL } }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), c?.stop()]);
});

/** A workspace with no registries file at all. */
function bare(files: Record<string, string> = {}): string {
  const dir = tempDir('bare-workspace');
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

describe('login with docker/login-action inputs', () => {
  it('registry, username, password: verified, written, masked, and put back by the post step', async () => {
    const cfg = existingConfig();
    const before = folderState(cfg.dir);
    const r = await runAction('login', {
      cwd: bare(),
      inputs: { registry: a.host, username: 'alice', password: ALICE },
      env: { DOCKER_CONFIG: cfg.dir },
      post: 'later',
    });
    expect(r.errors).toEqual([]);
    expect(r.stdout).toContain(`Logged in to ${a.host} as alice (${a.host}, username/password, verified)`);
    expect(JSON.parse(r.outputs.registries)).toEqual([{ name: a.host, domain: a.host, username: 'alice' }]);
    const written = readConfig(cfg.dir);
    expect(written.auths?.[a.host]).toEqual({ auth: basicAuth('alice', ALICE) });
    expect(written.auths?.['other.example.com']).toBeDefined();
    expect(secretLeaks(r, [ALICE, basicAuth('alice', ALICE)])).toEqual({ printed: [], unmasked: [] });

    const post = await r.runPost!();
    expect(post.code).toBe(0);
    expect(folderState(cfg.dir)).toEqual(before);
  });

  it('registry-auth: several registries at once, each verified; one wrong password writes nothing', async () => {
    const cfg = existingConfig();
    const before = folderState(cfg.dir);
    const list = (carolPw: string) =>
      [
        `- registry: ${a.host}`,
        '  username: alice',
        `  password: '${ALICE}'`,
        `- registry: ${c.host}`,
        '  username: carol',
        `  password: '${carolPw}'`,
        '',
      ].join('\n');
    const r = await runAction('login', {
      cwd: bare(),
      inputs: { 'registry-auth': list(CAROL) },
      env: { DOCKER_CONFIG: cfg.dir },
      post: 'later',
    });
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.outputs.registries).map((x: { domain: string }) => x.domain)).toEqual([a.host, c.host]);
    expect(readConfig(cfg.dir).auths?.[c.host]).toEqual({ auth: basicAuth('carol', CAROL) });
    expect(secretLeaks(r, [ALICE, CAROL, basicAuth('carol', CAROL)])).toEqual({ printed: [], unmasked: [] });
    await r.runPost!();
    expect(folderState(cfg.dir)).toEqual(before);

    const bad = await runAction('login', {
      cwd: bare(),
      inputs: { 'registry-auth': list('carol-wrong') },
      env: { DOCKER_CONFIG: cfg.dir },
    });
    expect(oneError(bad)).toMatch(new RegExp(`${c.host.replace(/\./g, '\\.')}.*401`));
    expect(secretLeaks(bad, ['carol-wrong'])).toEqual({ printed: [], unmasked: [] });
    expect(folderState(cfg.dir)).toEqual(before);
  });

  it('one line, naming the input and its line, for what docker/login-action users can get wrong', async () => {
    const run = (inputs: Record<string, string>) =>
      runAction('login', { cwd: bare(), inputs, env: { DOCKER_CONFIG: tempDir('docker-config') } });
    expect(oneError(await run({ 'registry-auth': `- registry: ${a.host}\n  username: alice\n  pasword: x\n` }))).toBe(
      'input registry-auth:3:3: registry-auth entry 1 has an unknown key "pasword" — did you mean "password"? (keys: registry, username, password, ecr)',
    );
    expect(
      oneError(
        await run({ 'registry-auth': `- registry: ${a.host}\n  username: alice\n  password: x\n`, username: 'alice' }),
      ),
    ).toBe('registry-auth cannot be combined with username — put every registry in the registry-auth list');
    expect(oneError(await run({ registry: a.host, username: 'alice' }))).toBe(
      `input password:1:1: no password for ${a.host} — give password (a token), e.g. \${{ secrets.REGISTRY_TOKEN }}`,
    );
    expect(oneError(await run({ registry: 'ghcr.io', username: 'u', password: 'p', ecr: 'true' }))).toBe(
      'input ecr:1:1: ecr: true, but ghcr.io is not an Amazon ECR domain (<account>.dkr.ecr.<region>.amazonaws.com)',
    );
  });

  it('ecr: auto on an ECR domain: username and password are the AWS access key, exchanged for an ECR token', async () => {
    const ecr = await startEcrEndpoint({
      AKIAREGKITINPUT: { secretAccessKey: 'aws/Input+secret', account: '111122223333', password: 'ecr-input-token' },
    });
    try {
      const domain = '111122223333.dkr.ecr.eu-west-1.amazonaws.com';
      const cfg = tempDir('docker-config');
      const r = await runAction('login', {
        cwd: bare(),
        inputs: { registry: domain, username: 'AKIAREGKITINPUT', password: 'aws/Input+secret', verify: false },
        env: { DOCKER_CONFIG: cfg, AWS_ENDPOINT_URL_ECR: ecr.url },
        post: false,
      });
      expect(r.errors).toEqual([]);
      expect(ecr.calls.map((x) => [x.region, x.accessKeyId, x.status])).toEqual([
        ['eu-west-1', 'AKIAREGKITINPUT', 200],
      ]);
      expect(readConfig(cfg).auths?.[domain]).toEqual({ auth: basicAuth('AWS', 'ecr-input-token') });
      expect(secretLeaks(r, ['aws/Input+secret', 'ecr-input-token'])).toEqual({ printed: [], unmasked: [] });
    } finally {
      await ecr.close();
    }
  });
});

describe('build and push to a full image reference, no registries file', () => {
  let d: Dockerd;
  let base: string;
  beforeAll(async () => {
    d = await startDockerd();
    base = await baseImage(d);
  });

  it("login by inputs, then build pushes ghcr.io/acme/api-style names and push copies it, with the login step's credentials", async () => {
    const cfg = tempDir('docker-config');
    const login = await runAction('login', {
      cwd: bare(),
      inputs: { registry: a.host, username: 'alice', password: ALICE },
      env: { DOCKER_CONFIG: cfg },
      post: 'later',
    });
    expect(login.errors).toEqual([]);

    const name = unique('api');
    const ws = bare({ Dockerfile: `FROM ${base}\nRUN echo built > /built\n` });
    const env = { ...d.env, ...pushEvent(), DOCKER_CONFIG: cfg };
    const built = await runAction('build', {
      cwd: ws,
      inputs: { 'image-name': `${a.host}/acme/${name}`, tags: '{{ .Branch }}-{{ .ShortCommitID }}', network: 'host' },
      env,
    });
    expect(built.errors).toEqual([]);
    expect(built.outputs.refs).toBe(`${a.host}/acme/${name}:main-${SHORT}`);
    expect(built.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(built.outputs.metadata).imageId).toBe(built.outputs.imageid);
    const alice = { url: a.url, username: 'alice', password: ALICE };
    expect((await getManifest(alice, `acme/${name}`, `main-${SHORT}`)).digest).toBe(built.outputs.digest);

    const pushed = await runAction('push', {
      cwd: ws,
      inputs: { candidate: built.outputs.image, 'image-name': `${a.host}/release/${name}`, tags: 'v1' },
      env: { ...pushEvent(), DOCKER_CONFIG: cfg },
    });
    expect(pushed.errors).toEqual([]);
    expect(pushed.outputs.refs).toBe(`${a.host}/release/${name}:v1`);
    expect((await getManifest(alice, `release/${name}`, 'v1')).digest).toBe(built.outputs.digest);
    expect(secretLeaks(built, [ALICE]).printed).toEqual([]);
    expect(secretLeaks(pushed, [ALICE]).printed).toEqual([]);

    await login.runPost!();
    expect(existsSync(join(cfg, 'config.json'))).toBe(false);
  });

  it('a short image name with no registries file says what to give', async () => {
    const r = await runAction('build', {
      cwd: bare({ Dockerfile: `FROM ${base}\n` }),
      inputs: { 'image-name': 'api' },
      env: { ...d.env, ...pushEvent() },
    });
    expect(oneError(r)).toBe(
      '.github/registries.yml: no such file — create the registries file or point the config option at it, or give image-name as a full reference such as ghcr.io/acme/api (its registry is then the only one)',
    );
  });
});
