// Copying between two real Distribution registries (htpasswd and token auth),
// each behind a recording proxy so that requests can be counted exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getManifest,
  makeImage,
  makeLayer,
  makeMultiPlatform,
  pushImage,
  startProxy,
  startRegistry,
  MEDIA,
  type Image,
  type Index,
  type Proxy,
  type Registry,
} from '../../env/index.js';
import { copyRefs, parsePlatform, RegistryError, Transport, type Credential } from '../../../src/registry/index.js';
import { parseImageRef } from '../../../src/naming/index.js';
import { apiCalls, count, kindOf, sessionsFor } from './helpers.js';

let basic: Registry; // htpasswd
let token: Registry; // token auth
let pa: Proxy;
let pb: Proxy;
let transport: Transport;
let creds: Record<string, Credential>;
const multi: Index = makeMultiPlatform(['linux/amd64', 'linux/arm64/v8'], {
  seed: 'copy-multi',
  layers: [30_000, 5_000],
});
const schema2: Image = makeImage({ seed: 'copy-docker', format: 'docker', layers: [20_000, 3_000] });

const A = { username: 'alice', password: 'a-pass' };
const B = { username: 'bob', password: 'b-pass' };
const ref = (p: Proxy, name: string) => parseImageRef(`${p.host}/${name}`);
const sessions = () => sessionsFor(creds, transport);
const blobBytes = (img: Image | Index) =>
  (img.kind === 'index' ? img.images : [img]).flatMap((i) => i.blobs).reduce((n, b) => n + b.size, 0);
const blobCount = (img: Image | Index) => (img.kind === 'index' ? img.images : [img]).flatMap((i) => i.blobs).length;

beforeAll(async () => {
  [basic, token] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: 'a-pass' } }),
    startRegistry({ auth: 'token', users: { bob: 'b-pass' } }),
  ]);
  [pa, pb] = await Promise.all([startProxy(basic.url), startProxy(token.url)]);
  creds = { [pa.host]: A, [pb.host]: B };
  transport = new Transport({ retryBaseMs: 5 });
  await pushImage({ url: basic.url, ...A }, 'team/multi', multi, '1.0');
  await pushImage({ url: basic.url, ...A }, 'team/legacy', schema2, '1.0');
});

afterAll(async () => {
  transport?.close();
  await Promise.all([pa?.stop(), pb?.stop()]);
  await Promise.all([basic?.stop(), token?.stop()]);
});

function reset() {
  pa.requests.length = 0;
  pb.requests.length = 0;
  pa.intercept = undefined;
  pb.intercept = undefined;
}

describe('copy between registries', () => {
  it('copies a multi-platform OCI index across registries with the same digest', async () => {
    reset();
    const result = await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/multi:1.0')], sessions());
    expect(result.digest).toBe(multi.digest);
    expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(result.stats).toMatchObject({
      bytesCopied: blobBytes(multi),
      blobsCopied: blobCount(multi),
      bytesMounted: 0,
      manifestsWritten: 3,
    });
    const stored = await getManifest({ url: token.url, ...B }, 'prod/multi', '1.0');
    expect([stored.digest, stored.mediaType]).toEqual([multi.digest, MEDIA.ociIndex]);
    for (const child of multi.images)
      expect((await getManifest({ url: token.url, ...B }, 'prod/multi', child.digest)).status).toBe(200);
    // Per blob at the target: HEAD, POST, PUT; per child: HEAD then PUT; the tag: HEAD then PUT.
    expect(count(apiCalls(pb.requests))).toEqual({
      'HEAD manifest': 3,
      'PUT manifest': 3,
      'HEAD blob': blobCount(multi),
      'POST upload': blobCount(multi),
      'PUT upload': blobCount(multi),
    });
    expect(count(apiCalls(pa.requests))).toEqual({ 'GET manifest': 3, 'GET blob': blobCount(multi) });
  });

  it('copies a Docker schema2 image across registries with the same digest', async () => {
    reset();
    const result = await copyRefs(ref(pa, 'team/legacy:1.0'), [ref(pb, 'prod/legacy:1.0')], sessions());
    expect(result.digest).toBe(schema2.digest);
    expect(result.mediaType).toBe(MEDIA.dockerManifest);
    const stored = await getManifest({ url: token.url, ...B }, 'prod/legacy', '1.0');
    expect([stored.digest, stored.mediaType]).toEqual([schema2.digest, MEDIA.dockerManifest]);
  });

  it('costs one request at each end when the copy is already there', async () => {
    await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/again:1.0')], sessions());
    reset();
    const result = await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/again:1.0')], sessions());
    expect(result.upToDate).toEqual([`${pb.host}/prod/again:1.0`]);
    expect(result.digest).toBe(multi.digest);
    expect(apiCalls(pa.requests)).toEqual(['GET manifest']);
    expect(apiCalls(pb.requests)).toEqual(['HEAD manifest']);
    // By digest the source need not be asked at all: one request in all.
    reset();
    await copyRefs(ref(pa, `team/multi@${multi.digest}`), [ref(pb, 'prod/again:1.0')], sessions());
    expect([...apiCalls(pa.requests), ...apiCalls(pb.requests)]).toEqual(['HEAD manifest']);
  });

  it('mounts every blob for a copy to another repository of the same registry (no blob bytes uploaded)', async () => {
    await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'stage/multi:1.0')], sessions());
    reset();
    const before = token.tokenServer!.requests.length;
    const result = await copyRefs(ref(pb, 'stage/multi:1.0'), [ref(pb, 'prod/mounted:1.0')], sessions());
    expect(result.digest).toBe(multi.digest);
    expect(result.stats).toMatchObject({
      bytesCopied: 0,
      blobsCopied: 0,
      blobsMounted: blobCount(multi),
      bytesMounted: blobBytes(multi),
    });
    expect(count(apiCalls(pb.requests))).toEqual({
      'GET manifest': 3,
      'HEAD manifest': 3,
      'POST mount': blobCount(multi),
      'PUT manifest': 3,
    });
    expect(pb.requests.filter((r) => r.method === 'POST').every((r) => r.status === 201)).toBe(true);
    // One token for reading the source, mounting from it and writing the target.
    const asked = token.tokenServer!.requests.slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0].query.scope?.sort()).toEqual(['repository:prod/mounted:pull,push', 'repository:stage/multi:pull']);
    expect((await getManifest({ url: token.url, ...B }, 'prod/mounted', '1.0')).digest).toBe(multi.digest);
  });

  it('retags within one repository with exactly one manifest GET and one PUT after auth', async () => {
    await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/retag:1.0')], sessions());
    reset();
    const result = await copyRefs(ref(pb, 'prod/retag:1.0'), [ref(pb, 'prod/retag:stable')], sessions());
    expect(apiCalls(pb.requests)).toEqual(['GET manifest', 'PUT manifest']);
    expect(result.digest).toBe(multi.digest);
    expect((await getManifest({ url: token.url, ...B }, 'prod/retag', 'stable')).digest).toBe(multi.digest);
  });

  it('skips blobs the target already has, without sending its bytes', async () => {
    const base = makeLayer({ size: 30_000, seed: 'shared-base' });
    const v1 = makeImage({ seed: 'shared-v1', layerBlobs: [base, makeLayer({ size: 1_000, seed: 'v1-top' })] });
    const v2 = makeImage({ seed: 'shared-v2', layerBlobs: [base, makeLayer({ size: 1_000, seed: 'v2-top' })] });
    await pushImage({ url: basic.url, ...A }, 'team/shared', v1, '1');
    await pushImage({ url: basic.url, ...A }, 'team/shared', v2, '2');
    await copyRefs(ref(pa, 'team/shared:1'), [ref(pb, 'prod/shared:1')], sessions());
    reset();
    const result = await copyRefs(ref(pa, 'team/shared:2'), [ref(pb, 'prod/shared:2')], sessions());
    expect(result.stats).toMatchObject({
      blobsSkipped: 1,
      bytesSkipped: base.size,
      blobsCopied: 2,
      bytesCopied: v2.config.size + v2.layers[1].size,
    });
    // The upload opened at the same time as the HEAD is left unused for the base layer.
    expect(count(apiCalls(pb.requests))).toEqual({
      'HEAD manifest': 1,
      'HEAD blob': 3,
      'POST upload': 3,
      'PUT upload': 2,
      'PUT manifest': 1,
    });
    expect(pb.requests.filter((r) => r.method === 'PUT' && r.query.digest?.[0] === base.digest)).toEqual([]);
    expect((await getManifest({ url: token.url, ...B }, 'prod/shared', '2')).digest).toBe(v2.digest);
  });

  it('copies one platform when asked: the target gets that image itself', async () => {
    reset();
    const arm = multi.images[1];
    const result = await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/arm:1.0')], sessions(), {
      platforms: [parsePlatform('linux/arm64')],
    });
    expect(result.digest).toBe(arm.digest);
    expect(result.stats.bytesCopied).toBe(arm.blobs.reduce((n, b) => n + b.size, 0));
    expect((await getManifest({ url: token.url, ...B }, 'prod/arm', '1.0')).digest).toBe(arm.digest);
    await expect(
      copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/s390x:1.0')], sessions(), {
        platforms: [parsePlatform('linux/s390x')],
      }),
    ).rejects.toThrow(`${pa.host}/team/multi:1.0 has no linux/s390x image (it has linux/amd64, linux/arm64/v8)`);
  });
});

describe('copy through failures', () => {
  it('succeeds when each kind of request first fails with 500 or 429, or the connection is reset', async () => {
    reset();
    const failed = new Map<string, number>();
    pb.intercept = (req, res) => {
      const kind = kindOf({ method: req.method ?? '', path: new URL(req.url ?? '', 'http://x').pathname, query: {} });
      const key = `${req.method} ${kind}`;
      if (kind === 'ping' || failed.has(key)) return false;
      const status = failed.size % 2 ? 500 : 429;
      failed.set(key, status);
      req.resume();
      req.on('end', () =>
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNKNOWN","message":"injected"}]}'),
      );
      return true;
    };
    let resets = 0;
    pa.intercept = (req) => {
      if (req.method !== 'GET' || !req.url?.includes('/blobs/') || resets > 0) return false;
      resets++;
      req.socket.destroy();
      return true;
    };
    const img = makeImage({ seed: 'faults', layers: [40_000, 10_000, 2_000] });
    await pushImage({ url: basic.url, ...A }, 'team/faults', img, '1.0');
    const result = await copyRefs(ref(pa, 'team/faults:1.0'), [ref(pb, 'prod/faults:1.0')], sessions());
    expect([...failed.keys()].sort()).toEqual([
      'HEAD blob',
      'HEAD manifest',
      'POST upload',
      'PUT manifest',
      'PUT upload',
    ]);
    expect(new Set(failed.values())).toEqual(new Set([500, 429]));
    expect(resets).toBe(1);
    expect(result.digest).toBe(img.digest);
    pb.intercept = undefined;
    expect((await getManifest({ url: token.url, ...B }, 'prod/faults', '1.0')).digest).toBe(img.digest);
  });

  it('never leaves the target tag on a partial image', async () => {
    reset();
    const img = makeImage({ seed: 'partial', layers: [4_000] });
    await pushImage({ url: basic.url, ...A }, 'team/partial', img, '1.0');
    // The layer's upload is refused for good (400 is not retried).
    pb.intercept = (req, res) => {
      if (
        req.method !== 'PUT' ||
        !req.url?.includes('/blobs/uploads/') ||
        !req.url.includes(img.layers[0].digest.slice(7))
      )
        return false;
      req.resume();
      req.on('end', () =>
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"no"}]}'),
      );
      return true;
    };
    await expect(copyRefs(ref(pa, 'team/partial:1.0'), [ref(pb, 'prod/partial:1.0')], sessions())).rejects.toThrow(
      `uploading blob ${img.layers[0].digest} to ${pb.host}/prod/partial: registry ${pb.host} answered HTTP 400 (BLOB_UPLOAD_INVALID: no)`,
    );
    pb.intercept = undefined;
    expect((await getManifest({ url: token.url, ...B }, 'prod/partial', '1.0')).status).toBe(404);
    expect(pb.requests.some((r) => r.method === 'PUT' && r.path.includes('/manifests/'))).toBe(false);
  });

  it('fetches a new token when the target refuses the old one in the middle of an upload', async () => {
    reset();
    const img = makeImage({ seed: 'stale-token', layers: [6_000] });
    await pushImage({ url: basic.url, ...A }, 'team/stale', img, '1.0');
    const ts = token.tokenServer!;
    let refused = 0;
    pb.intercept = (req, res) => {
      if (req.method !== 'PUT' || !req.url?.includes('/blobs/uploads/') || refused > 0) return false;
      refused++;
      req.resume();
      req.on('end', () =>
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${ts.realm}",service="${ts.service}"` }).end(),
      );
      return true;
    };
    const before = ts.requests.length;
    const result = await copyRefs(ref(pa, 'team/stale:1.0'), [ref(pb, 'prod/stale:1.0')], sessions());
    expect(refused).toBe(1);
    expect(result.digest).toBe(img.digest);
    // One token at the start, one after the refusal (the source's comes from A's Basic auth).
    expect(ts.requests.length - before).toBe(2);
    expect((await getManifest({ url: token.url, ...B }, 'prod/stale', '1.0')).digest).toBe(img.digest);
  });

  it('never commits a blob whose bytes do not match its digest', async () => {
    reset();
    const img = makeImage({ seed: 'corrupt', layers: [3_000] });
    await pushImage({ url: basic.url, ...A }, 'team/corrupt', img, '1.0');
    const layer = img.layers[0];
    pa.intercept = (req, res) => {
      if (req.method !== 'GET' || !req.url?.endsWith(`/blobs/${layer.digest}`)) return false;
      const bad = Buffer.from(layer.data);
      bad[bad.length - 1] ^= 0xff;
      res.writeHead(200, { 'content-length': bad.length }).end(bad);
      return true;
    };
    const err = await copyRefs(ref(pa, 'team/corrupt:1.0'), [ref(pb, 'prod/corrupt:1.0')], sessions(), {
      retryBaseMs: 1,
    }).catch((e) => e);
    expect(err.message).toMatch(
      new RegExp(`^reading ${pa.host}/team/corrupt: blob ${layer.digest} arrived with digest sha256:[0-9a-f]{64}$`),
    );
    expect(pa.requests.filter((r) => r.intercepted)).toHaveLength(3);
    pa.intercept = undefined;
    expect((await getManifest({ url: token.url, ...B }, 'prod/corrupt', '1.0')).status).toBe(404);
    expect(
      pb.requests.filter((r) => r.method === 'PUT' && r.status === 201 && r.query.digest?.[0] === layer.digest),
    ).toEqual([]);
  });

  it('does not carry Authorization to another host when a blob GET redirects there', async () => {
    reset();
    const img = makeImage({ seed: 'redirect', layers: [8_000] });
    await pushImage({ url: basic.url, ...A }, 'team/redirect', img, '1.0');
    const { tinyServer } = await import('../../unit/registry/servers.js');
    const blobs = new Map(img.blobs.map((b) => [b.digest, b.data]));
    const storage = await tinyServer((req, res) => {
      const data = blobs.get(new URL(req.url ?? '', 'http://x').searchParams.get('d') ?? '');
      res.writeHead(data ? 200 : 404, { 'content-length': data?.length ?? 0 }).end(data);
    });
    try {
      pa.intercept = (req, res) => {
        const m = /\/blobs\/(sha256:[a-f0-9]{64})$/.exec(req.url ?? '');
        if (req.method !== 'GET' || !m) return false;
        res.writeHead(307, { location: `${storage.url}/storage?d=${m[1]}&sig=abc` }).end();
        return true;
      };
      const result = await copyRefs(ref(pa, 'team/redirect:1.0'), [ref(pb, 'prod/redirect:1.0')], sessions());
      expect(result.digest).toBe(img.digest);
      const redirected = pa.requests.filter((r) => r.intercepted);
      expect(redirected).toHaveLength(img.blobs.length);
      expect(redirected.every((r) => String(r.headers.authorization).startsWith('Basic '))).toBe(true);
      expect(storage.seen).toHaveLength(img.blobs.length);
      expect(storage.seen.map((s) => s.headers.authorization)).toEqual(img.blobs.map(() => undefined));
    } finally {
      await storage.close();
    }
  });

  it('falls back to chunked upload when the target refuses one large PUT', async () => {
    reset();
    const img = makeImage({ seed: 'chunks', layers: [50_000] });
    await pushImage({ url: basic.url, ...A }, 'team/chunks', img, '1.0');
    pb.intercept = (req, res) => {
      if (
        req.method !== 'PUT' ||
        !req.url?.includes('/blobs/uploads/') ||
        Number(req.headers['content-length'] ?? 0) === 0
      )
        return false;
      req.resume();
      req.on('end', () => res.writeHead(413).end());
      return true;
    };
    const result = await copyRefs(ref(pa, 'team/chunks:1.0'), [ref(pb, 'prod/chunks:1.0')], sessions());
    expect(result.digest).toBe(img.digest);
    expect(pb.requests.filter((r) => r.method === 'PATCH' && r.status === 202)).toHaveLength(img.blobs.length);
    expect((await getManifest({ url: token.url, ...B }, 'prod/chunks', '1.0')).digest).toBe(img.digest);
  });

  it('uploads in chunks when asked, with the same digest', async () => {
    reset();
    const img = makeImage({ seed: 'small-chunks', layers: [25_000] });
    await pushImage({ url: basic.url, ...A }, 'team/small-chunks', img, '1.0');
    await copyRefs(ref(pa, 'team/small-chunks:1.0'), [ref(pb, 'prod/small-chunks:1.0')], sessions(), {
      chunkSize: 8192,
    });
    const patches = pb.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.headers['content-range'])).toContain('0-8191');
    expect(patches.length).toBe(Math.ceil(img.layers[0].size / 8192) + Math.ceil(img.config.size / 8192));
    expect((await getManifest({ url: token.url, ...B }, 'prod/small-chunks', '1.0')).digest).toBe(img.digest);
  });
});

describe('copy errors', () => {
  it('names the registry and status for a wrong password (token and Basic)', async () => {
    const wrong = sessionsFor({ [pa.host]: A, [pb.host]: { username: 'bob', password: 'nope' } }, transport);
    const err = await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/x:1.0')], wrong).catch((e) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toBe(`wrong username or password for registry ${pb.host} (user "bob", HTTP 401)`);
    const wrongA = sessionsFor({ [pa.host]: { username: 'alice', password: 'nope' }, [pb.host]: B }, transport);
    const errA = await copyRefs(ref(pa, 'team/multi:1.0'), [ref(pb, 'prod/x:1.0')], wrongA).catch((e) => e);
    expect(errA.message).toBe(`wrong username or password for registry ${pa.host} (user "alice", HTTP 401)`);
    expect(`${err.message} ${errA.message}`).not.toContain('nope');
  });

  it('names the image when the source tag is missing', async () => {
    const err = await copyRefs(ref(pa, 'team/multi:nope'), [ref(pb, 'prod/x:1.0')], sessions()).catch((e) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.message).toBe(`image ${pa.host}/team/multi:nope not found (HTTP 404); check the name and tag`);
  });
});
