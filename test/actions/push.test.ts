// The push action end to end: a build kept local (disable-push, with encrypted build
// args) pushed to two registries with three tags each; a remote candidate copied by the
// registry client with no daemon at all, read with the registry-context account; one
// line for a candidate that is nowhere and for a push the registry refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, secretLeaks } from '../harness/action.js';
import { startRegistry, type Registry } from '../env/registry.js';
import { getManifest } from '../env/upload.js';
import { baseImage, dockerOk, startDockerd, type Dockerd } from '../env/dockerd.js';
import { createHash } from 'node:crypto';
import { encrypt, generateKey, parseKey } from '../../src/crypto/index.js';
import { oneError, pushEvent, seed, SHORT, unique, workspace } from './build-fixture.js';

const BOB_PW = 'bob-Pw1!b';
const READER_PW = 'reader-Pw2$r';
const CAROL_PW = 'carol-Pw3%c';
const TOKEN = 'npm_t0k3n-value';

let d: Dockerd;
let b: Registry; // token: bob may do anything, reader may only pull
let c: Registry; // htpasswd
let base: string;

beforeAll(async () => {
  [d, b, c] = await Promise.all([
    startDockerd(),
    startRegistry({
      auth: 'token',
      users: { bob: BOB_PW, reader: READER_PW },
      access: { reader: [{ repo: '*', actions: ['pull'] }] },
    }),
    startRegistry({ auth: 'htpasswd', users: { carol: CAROL_PW } }),
  ]);
  base = await baseImage(d);
});
afterAll(async () => {
  await Promise.all([b?.stop(), c?.stop()]);
});

const registries = () => [
  {
    name: 'b',
    provider: 'other',
    domain: b.host,
    prefix: 'acme',
    primary: true,
    credentials: { username: 'bob', password: '${BOB_PW}' },
  },
  { name: 'b-read', provider: 'other', domain: b.host, credentials: { username: 'reader', password: '${READER_PW}' } },
  {
    name: 'c',
    provider: 'other',
    domain: c.host,
    prefix: 'mirror',
    credentials: { username: 'carol', password: '${CAROL_PW}' },
  },
];
const secrets = { BOB_PW, READER_PW, CAROL_PW };
const bob = () => ({ url: b.url, username: 'bob', password: BOB_PW });
const env = (extra: Record<string, string> = {}) => ({ ...d.env, ...pushEvent(), ...secrets, ...extra });
const TAGS = 'v1\n{{ .Branch }}-{{ .ShortCommitID }}\nlatest';

describe('push action', () => {
  it('pushes a build kept local (disable-push) to two registries, three tags each', async () => {
    const key = generateKey();
    const name = unique('web');
    const ws = workspace(
      registries(),
      {
        Dockerfile: `FROM ${base}\nARG TOKEN\nRUN echo -n "$TOKEN" | sha256sum | cut -c1-64 > /token.sha\n`,
        'args.encrypted': encrypt(Buffer.from(`TOKEN=${TOKEN}\n`), parseKey(key, 't'), 'jet'),
      },
      { default: 'b' },
    );
    const built = await runAction('build', {
      cwd: ws,
      inputs: {
        'image-name': name,
        tags: 'local-{{ .ShortCommitID }}',
        'disable-push': true,
        'encrypted-build-args': 'args.encrypted',
        'aes-key': key,
        network: 'host',
        cache: 'false',
      },
      env: env(),
    });
    expect(built.errors).toEqual([]);
    const image = `${b.host}/acme/${name}:local-${SHORT}`;
    expect(built.outputs.image).toBe(image);
    expect(built.outputs.digest).toBe('');
    expect(JSON.parse(built.outputs.metadata)).toMatchObject({ pushed: false, buildArgs: ['TOKEN'] });
    expect((await getManifest(bob(), `acme/${name}`, `local-${SHORT}`)).status).toBe(404);
    // The encrypted build arg reached the build (its hash is in the image), and never the log,
    // though BuildKit prints RUN lines with build args filled in.
    const sha = (await dockerOk(d, ['run', '--rm', image, 'cat', '/token.sha'])).trim();
    expect(sha).toBe(createHash('sha256').update(TOKEN).digest('hex'));
    expect(built.stdout).toContain('RUN echo -n "***" | sha256sum');
    expect(secretLeaks(built, [TOKEN, key])).toEqual({ printed: [], unmasked: [] });

    const toB = await runAction('push', {
      cwd: ws,
      inputs: { candidate: built.outputs.image, tags: TAGS },
      env: env(),
    });
    expect(toB.errors).toEqual([]);
    const tags = ['v1', `main-${SHORT}`, 'latest'];
    expect(toB.outputs.refs).toBe(tags.map((t) => `${b.host}/acme/${name}:${t}`).join('\n'));
    for (const t of tags) expect((await getManifest(bob(), `acme/${name}`, t)).digest).toBe(toB.outputs.digest);

    const toC = await runAction('push', {
      cwd: ws,
      inputs: { candidate: built.outputs.image, registry: 'c', 'image-name': 'team/web', tags: TAGS },
      env: env(),
    });
    expect(toC.errors).toEqual([]);
    expect(toC.outputs.refs).toBe(tags.map((t) => `${c.host}/mirror/team/web:${t}`).join('\n'));
    for (const t of tags)
      expect(
        (await getManifest({ url: c.url, username: 'carol', password: CAROL_PW }, 'mirror/team/web', t)).digest,
      ).toBe(toC.outputs.digest);
    expect(toC.summary).toContain('| How | local image, docker push |');
    expect(toC.summary).toContain(`| Registry | c (${c.host}) |`);
    // Each step masks the secrets it touched: bob's password for B, carol's for C.
    expect(secretLeaks(toB, [BOB_PW])).toEqual({ printed: [], unmasked: [] });
    expect(secretLeaks(toC, [CAROL_PW])).toEqual({ printed: [], unmasked: [] });
    expect(toC.masks).not.toContain(BOB_PW);
  });

  it('copies a remote candidate with the registry client, no daemon, reading with the registry-context account', async () => {
    const name = unique('remote');
    await seed(d, base, `${b.host}/acme/${name}:1`, { username: 'bob', password: BOB_PW });
    const source = await getManifest(bob(), `acme/${name}`, '1');
    b.tokenServer!.requests.length = 0;
    const r = await runAction('push', {
      cwd: workspace(registries(), {}),
      inputs: {
        candidate: `${b.host}/acme/${name}:1`,
        registry: 'c',
        'registry-context': 'b-read',
        tags: 'promoted\nstable',
      },
      // No daemon: a remote candidate needs none.
      env: env({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.digest).toBe(source.digest);
    expect(r.outputs.refs).toBe(`${c.host}/mirror/${name}:promoted\n${c.host}/mirror/${name}:stable`);
    for (const t of ['promoted', 'stable'])
      expect(
        (await getManifest({ url: c.url, username: 'carol', password: CAROL_PW }, `mirror/${name}`, t)).digest,
      ).toBe(source.digest);
    // Read as reader (the registry context), never as bob (the primary for that domain).
    expect([...new Set(b.tokenServer!.requests.map((q) => q.subject))]).toEqual(['reader']);
    expect(r.summary).toMatch(/\| How \| remote image, copied by the registry client \(/);
    expect(secretLeaks(r, [READER_PW, CAROL_PW])).toEqual({ printed: [], unmasked: [] });
  });
});

describe('push action: bad input gives one clear line', () => {
  it('a candidate that exists neither locally nor in the registry', async () => {
    const r = await runAction('push', {
      cwd: workspace(registries(), {}),
      inputs: { candidate: `${b.host}/acme/nothing-here:1`, registry: 'c' },
      env: env(),
    });
    expect(oneError(r)).toBe(
      `candidate ${b.host}/acme/nothing-here:1 does not exist locally or at ${b.host}/acme/nothing-here:1 (the registry answered 404) — check the name and tag`,
    );
  });

  it('a local push the registry refuses', async () => {
    const r = await runAction('push', {
      cwd: workspace(registries(), {}),
      inputs: { candidate: base, registry: 'b-read', 'image-name': unique('denied'), tags: 'x' },
      env: env(),
    });
    expect(oneError(r)).toMatch(
      new RegExp(
        `^push of ${b.host}/denied-[0-9a-f]+:x was denied: .* — check that reader may push to ${b.host}/denied-`,
      ),
    );
  });

  it('a remote copy the target refuses', async () => {
    const name = unique('src');
    await seed(d, base, `${b.host}/acme/${name}:1`, { username: 'bob', password: BOB_PW });
    const r = await runAction('push', {
      cwd: workspace(registries(), {}),
      inputs: { candidate: `${b.host}/acme/${name}:1`, registry: 'b-read', 'image-name': 'copy', tags: 'x' },
      env: env({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
    });
    expect(oneError(r)).toMatch(
      new RegExp(`^registry ${b.host} refused copy:pull,push.* to user "reader" \\(HTTP 401\\)`),
    );
  });

  it('a registry context for another domain', async () => {
    const r = await runAction('push', {
      cwd: workspace(registries(), {}),
      inputs: { candidate: `${b.host}/acme/x:1`, registry: 'c', 'registry-context': 'c' },
      env: env({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
    });
    expect(oneError(r)).toBe(
      `registry-context: c is for ${c.host}, but the candidate ${b.host}/acme/x:1 is at ${b.host} — name a registry of ${b.host}`,
    );
  });
});
