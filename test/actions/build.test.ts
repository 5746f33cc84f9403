// The build action end to end on the real Docker engine and real registries:
// FROM registry A, pushed to registry B with a rendered tag and B's prefix; a fallback
// serving the base image when A is unreachable; the build cache in the caching
// registry; the pull/push account split on one token registry; one line per bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, secretLeaks } from '../harness/action.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { startProxy, type Proxy } from '../env/proxy.js';
import { getManifest } from '../env/upload.js';
import { baseImage, dockerOk, startDockerd, type Dockerd } from '../env/dockerd.js';
import { encrypt, generateKey, parseKey } from '../../src/crypto/index.js';
import { cacheLines, oneError, pushEvent, seed, SHORT, unique, workspace } from './build-fixture.js';

const A_PW = 'alice-Pw1!a';
const B_PW = 'bob-Pw2$b';
const READER_PW = 'reader-Pw3%r';
const PUSHER_PW = 'pusher-Pw4&p';

let d: Dockerd;
let a: Registry; // htpasswd: the base images
let b: Registry; // token: where builds push
let mirror: Registry; // no auth: the fallback
let cacheReg: Registry; // no auth: the caching registry
let proxy: Proxy; // in front of A, made unreachable for the fallback test
let base: string;

beforeAll(async () => {
  [d, a, b, mirror, cacheReg] = await Promise.all([
    startDockerd(),
    startRegistry({ auth: 'htpasswd', users: { alice: A_PW } }),
    startRegistry({ auth: 'token', users: { bob: B_PW } }),
    startRegistry(),
    startRegistry(),
  ]);
  proxy = await startProxy(a.url);
  base = await baseImage(d);
  await seed(d, base, `${a.host}/team/base:1`, { username: 'alice', password: A_PW });
  await seed(d, base, `${mirror.host}/mirror/base:1`);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), mirror?.stop(), cacheReg?.stop(), proxy?.stop()]);
});

const registryA = (domain: string) => ({
  name: 'a',
  provider: 'other',
  domain,
  prefix: 'team',
  fallback: 'mirror',
  credentials: { username: 'alice', password: '${A_PW}' },
});
const registries = () => [
  registryA(a.host),
  {
    name: 'b',
    provider: 'other',
    domain: b.host,
    prefix: 'acme',
    credentials: { username: 'bob', password: '${B_PW}' },
  },
  { name: 'mirror', provider: 'other', domain: mirror.host, prefix: 'mirror' },
  { name: 'cache', provider: 'other', domain: cacheReg.host, prefix: 'cache' },
];
const secrets = { A_PW, B_PW };
const dockerfile = (from: string) =>
  [
    `ARG BASE_TAG=1`,
    `FROM ${from}:\${BASE_TAG}`,
    'ARG VERSION',
    'RUN echo "$VERSION" > /version',
    'COPY hello.txt /hello.txt',
    'RUN cat /hello.txt /version > /both',
    '',
  ].join('\n');

describe('build action, end to end', () => {
  it("builds FROM registry A and pushes to registry B with the rendered tags, B's prefix, build args and OCI labels", async () => {
    const name = unique('api');
    const ws = workspace(
      registries(),
      { Dockerfile: dockerfile(`${a.host}/team/base`), 'hello.txt': 'hello\n' },
      { default: 'b' },
    );
    const r = await runAction('build', {
      cwd: ws,
      inputs: {
        'image-name': name,
        tags: '{{ .Branch }}-{{ .ShortCommitID }}\nlatest',
        'build-args': 'VERSION=v-{{ .ShortCommitID }}',
        network: 'host',
        cache: 'false',
      },
      env: { ...d.env, ...pushEvent(), ...secrets },
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const refs = [`${b.host}/acme/${name}:main-${SHORT}`, `${b.host}/acme/${name}:latest`];
    expect(r.outputs.tags).toBe(`main-${SHORT}\nlatest`);
    expect(r.outputs.refs).toBe(refs.join('\n'));
    expect(r.outputs.image).toBe(refs[0]);

    // What B stores under both tags is what the action says it pushed.
    const target = { url: b.url, username: 'bob', password: B_PW };
    for (const tag of [`main-${SHORT}`, 'latest']) {
      const m = await getManifest(target, `acme/${name}`, tag);
      expect(m.status).toBe(200);
      expect(m.digest).toBe(r.outputs.digest);
    }
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    // The image is the Dockerfile's: base from A, the build arg rendered, the labels set.
    expect((await dockerOk(d, ['run', '--rm', refs[0], 'cat', '/both'])).trim()).toBe(`hello\nv-${SHORT}`);
    const labels = JSON.parse(await dockerOk(d, ['image', 'inspect', '--format', '{{json .Config.Labels}}', refs[0]]));
    expect(labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/acme/api',
      'org.opencontainers.image.revision': pushEvent().GITHUB_SHA,
      'org.opencontainers.image.version': `main-${SHORT}`,
      'org.opencontainers.image.title': name,
      'io.regkit.branch': 'main',
      'io.regkit.commit-message': 'Add the greeting\n\nWith a body.',
    });
    expect(Date.parse(labels['org.opencontainers.image.created'])).not.toBeNaN();

    const meta = JSON.parse(r.outputs.metadata);
    expect(meta).toMatchObject({
      pushed: true,
      registry: 'b',
      refs,
      digest: r.outputs.digest,
      buildArgs: ['VERSION'],
      cache: null,
    });
    expect(meta.baseImages).toEqual([{ image: `${a.host}/team/base:1`, line: 2, status: 'pulled' }]);
    expect(r.summary).toContain(r.outputs.digest);
    expect(r.summary).toContain(`| Registry | b (${b.host}) |`);
    expect(r.summary).toMatch(/\| Accounts \| build: alice @ 127\.0\.0\.1:\d+ \(a\)<br>push: bob @ /);
    expect(secretLeaks(r, [A_PW, B_PW])).toEqual({ printed: [], unmasked: [] });
    // The step's own Docker configs are gone, and the user's was never written.
    expect(existsSync(join(r.home, '.docker'))).toBe(false);
    expect(readdirSync(r.runnerTemp).filter((n) => n.startsWith('regkit-'))).toEqual([]);
  });

  it('pulls the base image from the fallback registry when A is unreachable, tags it under the original name, and says so', async () => {
    proxy.intercept = (req) => {
      req.socket.destroy();
      return true;
    };
    proxy.requests.length = 0;
    const name = unique('api');
    const from = `${proxy.host}/team/base`;
    const ws = workspace(
      [registryA(proxy.host), ...registries().slice(1)],
      { Dockerfile: dockerfile(from), 'hello.txt': 'hi\n' },
      { default: 'b' },
    );
    const r = await runAction('build', {
      cwd: ws,
      inputs: { 'image-name': name, tags: 'fallback-{{ .ShortCommitID }}', network: 'host', cache: 'false' },
      env: { ...d.env, ...pushEvent(), ...secrets },
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const served = `${mirror.host}/mirror/base:1`;
    expect(r.warnings).toEqual([
      expect.stringMatching(new RegExp(`^FROM ${from}:1: pull of ${from}:1 failed after 3 attempts: `)),
      `FROM ${from}:1: pulled from fallback registry mirror (${served}) because ${r.warnings[0].replace(/^.*? failed after 3 attempts: /, 'the pull failed after 3 attempts: ')}`,
    ]);
    expect(proxy.requests.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(r.outputs.metadata).baseImages).toEqual([
      {
        image: `${from}:1`,
        line: 2,
        status: 'fallback',
        from: served,
        fallback: 'mirror',
        reason: expect.stringMatching(/^the pull failed after 3 attempts: /),
      },
    ]);
    expect(r.summary).toContain(`| Fallback | ${from}:1 from mirror (${served}) |`);
    // Tagged locally under the name the Dockerfile asks for: the same image as the mirror's.
    const id = (ref: string) => dockerOk(d, ['image', 'inspect', '--format', '{{.Id}}', ref]).then((s) => s.trim());
    expect(await id(`${from}:1`)).toBe(await id(served));
    expect(
      (await getManifest({ url: b.url, username: 'bob', password: B_PW }, `acme/${name}`, `fallback-${SHORT}`)).digest,
    ).toBe(r.outputs.digest);
    proxy.intercept = undefined;
  });

  // The builder this machine picks (daemon BuildKit here, buildx on GitHub's runners), and the legacy builder.
  it.each(['detected', 'legacy'])(
    'reuses the build cache of the caching registry on a second build, on a daemon that has nothing (%s builder)',
    async (builder) => {
      const own = await startDockerd({ shared: false });
      try {
        const name = unique('cached');
        const files = { Dockerfile: dockerfile(`${a.host}/team/base`), 'hello.txt': 'cache me\n' };
        const ws = workspace(registries(), files, { default: 'b', caching: 'cache' });
        const build = (branch: string, cache: string) =>
          runAction('build', {
            cwd: ws,
            inputs: {
              'image-name': name,
              tags: '{{ .Branch }}-{{ .ShortCommitID }}',
              'build-args': 'VERSION=1',
              network: 'host',
              cache,
            },
            env: {
              ...own.env,
              ...pushEvent(branch),
              ...secrets,
              ...(builder === 'legacy' ? { REGKIT_BUILDER: 'legacy' } : {}),
            },
          });
        const wipe = async () => {
          await dockerOk(own, ['system', 'prune', '--all', '--force']);
          await dockerOk(own, ['builder', 'prune', '--all', '--force']);
          expect((await dockerOk(own, ['image', 'ls', '--quiet'])).trim()).toBe('');
        };

        const first = await build('main', 'auto');
        expect(first.errors).toEqual([]);
        const firstMeta = JSON.parse(first.outputs.metadata).cache;
        expect(firstMeta).toMatchObject({
          hits: 0,
          steps: 3,
          written: true,
          to: `${cacheReg.host}/cache/${name}:cache-main`,
        });
        expect((await getManifest({ url: cacheReg.url }, `cache/${name}`, 'cache-main')).status).toBe(200);

        // A new branch on an empty daemon: its own cache ref is missing, the default branch's serves.
        await wipe();
        const second = await build('feature/warm', 'auto');
        expect(second.errors).toEqual([]);
        const meta = JSON.parse(second.outputs.metadata).cache;
        expect(meta).toMatchObject({
          hits: 3,
          steps: 3,
          imported: [`${cacheReg.host}/cache/${name}:cache-main`],
          written: true,
        });
        expect(cacheLines(second.stdout).length).toBeGreaterThanOrEqual(3);
        expect(second.summary).toContain(
          `| Cache | 3 of 3 steps from cache; read ${cacheReg.host}/cache/${name}:cache-main; written to ${cacheReg.host}/cache/${name}:cache-featurewarm |`,
        );

        // Control: the same build without the caching registry builds every step.
        await wipe();
        const cold = await build('feature/warm', 'false');
        expect(cold.errors).toEqual([]);
        expect(cacheLines(cold.stdout)).toEqual([]);
        expect(JSON.parse(cold.outputs.metadata).cache).toBeNull();
      } finally {
        await own.stop();
      }
    },
  );
});

describe('build action: registry contexts and the two-phase account split', () => {
  let t: Registry;
  beforeAll(async () => {
    t = await startRegistry({
      auth: 'token',
      users: { reader: READER_PW, pusher: PUSHER_PW, admin: 'admin-pw' },
      access: {
        reader: [{ repo: 'base/*', actions: ['pull'] }],
        pusher: [{ repo: 'app/*', actions: ['pull', 'push'] }],
      },
    });
    await seed(d, base, `${t.host}/base/busybox:1`, { username: 'admin', password: 'admin-pw' });
  });
  afterAll(async () => t?.stop());

  const files = () => ({
    Dockerfile: `FROM ${t.host}/base/busybox:1\nCOPY hello.txt /hello.txt\n`,
    'hello.txt': 'two accounts\n',
  });
  const twoAccounts = () => [
    {
      name: 't-read',
      provider: 'other',
      domain: t.host,
      credentials: { username: 'reader', password: '${READER_PW}' },
    },
    {
      name: 't-push',
      provider: 'other',
      domain: t.host,
      primary: true,
      prefix: 'app',
      credentials: { username: 'pusher', password: '${PUSHER_PW}' },
    },
  ];
  const env = () => ({ ...d.env, ...pushEvent(), READER_PW, PUSHER_PW });

  it('without a registry context the push account reads the base image, and is refused in one line', async () => {
    const r = await runAction('build', {
      cwd: workspace(twoAccounts(), files()),
      inputs: { 'image-name': unique('svc'), registry: 't-push', cache: 'false' },
      env: env(),
    });
    expect(oneError(r)).toMatch(
      new RegExp(
        `^Dockerfile:1: cannot pull FROM image ${t.host}/base/busybox:1: the pull failed: .*(denied|unauthorized|authentication required)`,
        'i',
      ),
    );
  });

  it('builds with the pull account and pushes with the push account: one Docker config per phase', async () => {
    const name = unique('svc');
    t.tokenServer!.requests.length = 0;
    const r = await runAction('build', {
      cwd: workspace(twoAccounts(), files()),
      inputs: { 'image-name': name, registry: 't-push', 'registry-contexts': 't-read', tags: 'v1', cache: 'false' },
      env: env(),
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${t.host}: read with t-read, pushed with t-push (a Docker config for each phase)`);
    expect(r.outputs.image).toBe(`${t.host}/app/${name}:v1`);
    // Who was given what: the base image was only ever read as reader, the image only pushed as pusher
    // (docker push also asks pusher's token for pull on the base, to mount layers: that is not granted).
    const subjects = (repo: string) => [
      ...new Set(
        t
          .tokenServer!.requests.filter((q) => q.granted?.some((g) => g.name === repo && g.actions.length))
          .map((q) => q.subject),
      ),
    ];
    expect(subjects('base/busybox')).toEqual(['reader']);
    expect(subjects(`app/${name}`)).toEqual(['pusher']);
    const m = await getManifest({ url: t.url, username: 'admin', password: 'admin-pw' }, `app/${name}`, 'v1');
    expect(m.digest).toBe(r.outputs.digest);
    expect(r.summary).toContain(`build: reader @ ${t.host} (t-read)<br>push: pusher @ ${t.host} (t-push)`);
    expect(secretLeaks(r, [READER_PW, PUSHER_PW])).toEqual({ printed: [], unmasked: [] });
  });
});

describe('build action: bad input gives one clear line', () => {
  const key = generateKey();
  const cases: [
    string,
    () => { files: Record<string, string | Buffer>; inputs: Record<string, string>; env?: Record<string, string> },
    RegExp,
  ][] = [
    [
      'a missing Dockerfile',
      () => ({ files: {}, inputs: {} }),
      /^dockerfile: Dockerfile does not exist — add it, or set the dockerfile input/,
    ],
    [
      'an unknown registry name',
      () => ({ files: { Dockerfile: 'FROM scratch\n' }, inputs: { registry: 'bb' } }),
      /^registry: no registry named "bb" in \.github\/registries\.yml — did you mean "b"\?/,
    ],
    [
      'a template error in a tag',
      () => ({ files: { Dockerfile: 'FROM scratch\n' }, inputs: { tags: 'ok\n{{ .Branch | nosuchfunc }}' } }),
      /^template: tags line 2:1: function "nosuchfunc" not defined/,
    ],
    [
      'a build arg file encrypted with another key',
      () => ({
        files: {
          Dockerfile: 'FROM scratch\n',
          'args.encrypted': encrypt(Buffer.from('TOKEN=t0ps3cret\n'), parseKey(generateKey(), 't'), 'jet'),
        },
        inputs: { 'encrypted-build-args': 'args.encrypted', 'aes-key': key },
      }),
      /^encrypted-build-args: cannot decrypt args\.encrypted: .*wrong AES key/,
    ],
    [
      'platforms without buildx',
      () => ({
        files: { Dockerfile: 'FROM scratch\n' },
        inputs: { platforms: 'linux/arm64' },
        env: { REGKIT_BUILDER: 'legacy' },
      }),
      /^platforms: linux\/arm64 needs docker buildx, and .* has no buildx plugin/,
    ],
  ];
  it.each(cases)('%s', async (_, make, expected) => {
    const c = make();
    const r = await runAction('build', {
      cwd: workspace(registries(), c.files, { default: 'b' }),
      inputs: { 'image-name': 'x', ...c.inputs },
      env: { ...d.env, ...pushEvent(), ...secrets, ...c.env },
    });
    expect(oneError(r)).toMatch(expected);
    expect(secretLeaks(r, [A_PW, B_PW, 't0ps3cret'])).toMatchObject({ printed: [] });
  });
});
