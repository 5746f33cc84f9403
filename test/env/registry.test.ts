import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { probeV2, startRegistry, type Registry } from './registry.js';
import { makeImage, makeIndex, makeLayer, makeMultiPlatform, MEDIA, sha256 } from './images.js';
import { blobExists, getManifest, listTags, parseChallenge, pushImage, registryRequest } from './upload.js';
import { grant, parseScope, startTokenServer } from './token-server.js';
import { startTimeOf } from './processes.js';

function claimsOf(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, c] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h!, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(c!, 'base64url').toString()),
  };
}

describe('test images', () => {
  it('are deterministic with a seed and random without', () => {
    expect(makeImage({ seed: 's' }).digest).toBe(makeImage({ seed: 's' }).digest);
    expect(makeImage({ seed: 's' }).digest).not.toBe(makeImage({ seed: 't' }).digest);
    expect(makeImage().digest).not.toBe(makeImage().digest);
  });

  it('have layers of about the size asked for, with diff ids of the tar inside', () => {
    const layer = makeLayer({ size: 100_000, seed: 'x' });
    expect(layer.size).toBeGreaterThan(100_000);
    expect(layer.size).toBeLessThan(101_500);
    const raw = gunzipSync(layer.data);
    expect(sha256(raw)).toBe(layer.diffId);
    expect(raw.subarray(257, 262).toString()).toBe('ustar');
  });

  it('describe platforms in an index', () => {
    const idx = makeMultiPlatform(['linux/amd64', 'linux/arm64/v8'], { seed: 'p' });
    const body = JSON.parse(idx.manifest.toString()) as {
      mediaType: string;
      manifests: { digest: string; platform: object }[];
    };
    expect(body.mediaType).toBe(MEDIA.ociIndex);
    expect(body.manifests.map((m) => m.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    expect(body.manifests[1]!.digest).toBe(idx.images[1]!.digest);
  });
});

describe('token grants', () => {
  it('parses scopes, colons in names included', () => {
    expect(parseScope('repository:team/app:pull,push')).toEqual({
      type: 'repository',
      name: 'team/app',
      actions: ['pull', 'push'],
    });
    expect(parseScope('registry:catalog:*')).toEqual({ type: 'registry', name: 'catalog', actions: ['*'] });
    expect(parseScope('nonsense')).toBeUndefined();
  });

  it('grants the intersection of requested and allowed actions', () => {
    const rules = [
      { repo: 'team/*', actions: ['pull'] },
      { repo: 'team/app', actions: ['push'] },
    ];
    expect(grant([parseScope('repository:team/app:pull,push,delete')!], rules)).toEqual([
      { type: 'repository', name: 'team/app', actions: ['pull', 'push'] },
    ]);
    expect(grant([parseScope('repository:team/lib:pull,push')!], rules)).toEqual([
      { type: 'repository', name: 'team/lib', actions: ['pull'] },
    ]);
    expect(grant([parseScope('repository:other/app:pull')!], rules)).toEqual([]);
  });
});

describe('registry without auth', () => {
  let reg: Registry;
  beforeAll(async () => {
    reg = await startRegistry();
  });
  afterAll(() => reg?.stop());

  it('round-trips an OCI image and a Docker manifest list with exact digests', async () => {
    expect(reg.host).toMatch(/^127\.0\.0\.1:\d+$/);
    const img = makeImage({ layers: [512, 4096], seed: 'none-1' });
    await pushImage(reg, 'library/app', img, 'v1');
    const got = await getManifest(reg, 'library/app', 'v1');
    expect(got).toMatchObject({ status: 200, digest: img.digest, mediaType: MEDIA.ociManifest });
    expect(got.body.equals(img.manifest)).toBe(true);

    const list = makeIndex(
      [makeImage({ format: 'docker', seed: 'd' }), makeImage({ format: 'docker', seed: 'd', architecture: 'arm64' })],
      { format: 'docker' },
    );
    await pushImage(reg, 'library/app', list, 'multi');
    expect((await getManifest(reg, 'library/app', 'multi')).digest).toBe(list.digest);
    expect((await getManifest(reg, 'library/app', list.images[1]!.digest)).mediaType).toBe(MEDIA.dockerManifest);
    expect(await listTags(reg, 'library/app')).toEqual(['multi', 'v1']);
  });

  it('has delete enabled', async () => {
    const img = makeImage({ seed: 'del' });
    await pushImage(reg, 'del/me', img, 'x');
    const del = await registryRequest(reg, 'del/me', 'DELETE', `/v2/del/me/manifests/${img.digest}`, {
      actions: 'delete',
    });
    expect(del.status).toBe(202);
    expect((await getManifest(reg, 'del/me', 'x')).status).toBe(404);
  });
});

describe('registry with htpasswd', () => {
  let reg: Registry;
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'htpasswd', users: { alice: 'a-pass' } });
  });
  afterAll(() => reg?.stop());

  it('asks for Basic credentials and accepts the right ones only', async () => {
    const anon = await registryRequest(reg, 'x', 'GET', '/v2/');
    expect(anon.status).toBe(401);
    expect(parseChallenge(String(anon.headers['www-authenticate'])).scheme).toBe('basic');
    const img = makeImage({ seed: 'basic' });
    await pushImage({ url: reg.url, username: 'alice', password: 'a-pass' }, 'team/app', img, '1');
    expect((await getManifest({ url: reg.url, username: 'alice', password: 'a-pass' }, 'team/app', '1')).digest).toBe(
      img.digest,
    );
    expect((await getManifest({ url: reg.url, username: 'alice', password: 'wrong' }, 'team/app', '1')).status).toBe(
      401,
    );
  });
});

describe('registry with token auth', () => {
  let reg: Registry;
  beforeAll(async () => {
    reg = await startRegistry({
      auth: 'token',
      users: { alice: 'a-pass', reader: 'r-pass' },
      access: { reader: [{ repo: '*', actions: ['pull'] }] },
    });
  });
  afterAll(() => reg?.stop());

  it('challenges with the token server realm and service', async () => {
    const r = await registryRequest({ url: reg.url }, 'x', 'GET', '/v2/').catch((e: Error) => e);
    expect(String(r)).toMatch(/token request 401/);
    const raw = await probeV2(reg.url);
    expect(raw).toBe(401);
  });

  it('accepts its ES256 tokens: push by a writer, pull but no push by a reader', async () => {
    const alice = { url: reg.url, username: 'alice', password: 'a-pass' };
    const reader = { url: reg.url, username: 'reader', password: 'r-pass' };
    const idx = makeMultiPlatform(['linux/amd64', 'linux/arm64'], { seed: 'tok' });
    await pushImage(alice, 'team/app', idx, 'v1');
    const got = await getManifest(reader, 'team/app', 'v1');
    expect(got).toMatchObject({ status: 200, digest: idx.digest, mediaType: MEDIA.ociIndex });
    expect(await blobExists(reader, 'team/app', idx.images[1]!.layers[0]!.digest)).toBe(true);

    const before = reg.tokenServer!.requests.length;
    await expect(pushImage(reader, 'team/other', makeImage({ seed: 'no' }), 'v1')).rejects.toThrow(/HTTP 401/);
    const asked = reg.tokenServer!.requests.slice(before).filter((r) => r.subject === 'reader');
    expect(asked.at(-1)!.query.scope).toEqual(['repository:team/other:pull,push']);
    expect(asked.at(-1)!.granted).toEqual([{ type: 'repository', name: 'team/other', actions: ['pull'] }]);
  });

  it('signs tokens with x5c and the claims Distribution checks', async () => {
    const ts = reg.tokenServer!;
    const res = await fetch(`${ts.realm}?service=${ts.service}&scope=repository:a/b:pull&scope=repository:c/d:push`, {
      headers: { authorization: 'Basic ' + Buffer.from('alice:a-pass').toString('base64') },
    });
    const body = (await res.json()) as { token: string; access_token: string; expires_in: number; issued_at: string };
    expect(body.access_token).toBe(body.token);
    const { header, claims } = claimsOf(body.token);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect((header.x5c as string[]).length).toBe(1);
    expect(claims).toMatchObject({ iss: ts.issuer, sub: 'alice', aud: ts.service });
    expect(typeof claims.aud).toBe('string');
    expect(claims.access).toEqual([
      { type: 'repository', name: 'a/b', actions: ['pull'] },
      { type: 'repository', name: 'c/d', actions: ['push'] },
    ]);
    for (const k of ['exp', 'nbf', 'iat', 'jti']) expect(claims[k]).toBeDefined();
  });

  it('answers Docker-style POST password and refresh_token grants', async () => {
    const ts = reg.tokenServer!;
    const post = (form: Record<string, string>) =>
      fetch(ts.realm, { method: 'POST', body: new URLSearchParams(form) }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Record<string, string>,
      }));
    const first = await post({
      grant_type: 'password',
      username: 'alice',
      password: 'a-pass',
      service: ts.service,
      client_id: 'docker',
      access_type: 'offline',
    });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toBeTruthy();
    const again = await post({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token!,
      service: ts.service,
      scope: 'repository:team/app:pull',
    });
    expect(claimsOf(again.body.access_token!).claims.sub).toBe('alice');
    expect(
      (await post({ grant_type: 'password', username: 'alice', password: 'nope', service: ts.service })).status,
    ).toBe(401);
  });
});

describe('two registries sharing one token server', () => {
  it('both accept its tokens; stopping the registries leaves its owner to stop it', async () => {
    const ts = await startTokenServer({
      users: { bob: { password: 'b' } },
      anonymous: [{ repo: 'public/*', actions: ['pull'] }],
    });
    const a = await startRegistry({ auth: 'token', tokenServer: ts });
    const b = await startRegistry({ auth: 'token', tokenServer: ts });
    try {
      const img = makeImage({ seed: 'shared' });
      await pushImage({ url: a.url, username: 'bob', password: 'b' }, 'public/x', img, '1');
      await pushImage({ url: b.url, username: 'bob', password: 'b' }, 'public/x', img, '1');
      expect((await getManifest({ url: b.url }, 'public/x', '1')).digest).toBe(img.digest);
      expect(ts.requests.some((r) => r.subject === '')).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
    }
    expect(startTimeOf(a.process.pid)).toBeUndefined();
    expect(await probeV2(a.url)).toBeUndefined();
    // The token server still answers: it belongs to this test.
    expect((await fetch(`${ts.realm}?service=${ts.service}`)).status).toBe(200);
    await ts.stop();
  });
});
