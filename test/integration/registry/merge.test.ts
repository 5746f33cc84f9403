// Merging per-platform images into one index on a real token-auth registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getManifest,
  makeImage,
  pushImage,
  startProxy,
  startRegistry,
  MEDIA,
  type Proxy,
  type Registry,
} from '../../env/index.js';
import { mergeImages, RegistrySession, Transport } from '../../../src/registry/index.js';
import { readRepository, writeRepository } from '../../../src/registry/repository.js';
import { apiCalls, count } from './helpers.js';

let reg: Registry;
let proxy: Proxy;
let transport: Transport;
const B = { username: 'bob', password: 'b-pass' };
const amd = makeImage({ seed: 'merge', architecture: 'amd64', layers: [12_000] });
const arm = makeImage({ seed: 'merge', architecture: 'arm64', variant: 'v8', layers: [11_000] });

beforeAll(async () => {
  reg = await startRegistry({ auth: 'token', users: { bob: 'b-pass' } });
  proxy = await startProxy(reg.url);
  transport = new Transport({ retryBaseMs: 5 });
  await pushImage({ url: reg.url, ...B }, 'build/app-amd64', amd);
  await pushImage({ url: reg.url, ...B }, 'build/app-arm64', arm);
});

afterAll(async () => {
  transport?.close();
  await proxy?.stop();
  await reg?.stop();
});

describe('mergeImages', () => {
  it('builds one index from two single-platform images, mounting them from their repositories', async () => {
    const session = new RegistrySession({ domain: proxy.host }, B, { transport });
    const target = writeRepository(session, 'release/app');
    const sources = [
      { repo: readRepository(session, 'build/app-amd64'), reference: amd.digest },
      { repo: readRepository(session, 'build/app-arm64'), reference: arm.digest },
    ];
    proxy.requests.length = 0;
    const tokensBefore = reg.tokenServer!.requests.length;
    const result = await mergeImages(sources, target, ['1.0', 'latest']);
    expect(reg.tokenServer!.requests.length - tokensBefore).toBe(1);
    expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(result.mediaType).toBe(MEDIA.ociIndex);

    const stored = await getManifest({ url: reg.url, ...B }, 'release/app', '1.0');
    expect(stored.digest).toBe(result.digest);
    const index = JSON.parse(stored.body.toString()) as {
      manifests: { digest: string; size: number; mediaType: string; platform: object }[];
    };
    expect(index.manifests).toEqual([
      {
        mediaType: MEDIA.ociManifest,
        digest: amd.digest,
        size: amd.manifest.length,
        platform: { os: 'linux', architecture: 'amd64' },
      },
      {
        mediaType: MEDIA.ociManifest,
        digest: arm.digest,
        size: arm.manifest.length,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      },
    ]);
    expect((await getManifest({ url: reg.url, ...B }, 'release/app', 'latest')).digest).toBe(result.digest);

    // Each image: GET manifest + GET config (its platform); in the target: HEAD, mounts, PUT.
    const blobs = amd.blobs.length + arm.blobs.length;
    expect(count(apiCalls(proxy.requests))).toEqual({
      'GET manifest': 2,
      'GET blob': 2,
      'HEAD manifest': 4,
      'POST mount': blobs,
      'PUT manifest': 4,
    });
    expect(proxy.requests.filter((r) => r.method === 'POST').every((r) => r.status === 201)).toBe(true);
    expect(result.stats).toMatchObject({ bytesCopied: 0, blobsMounted: blobs });
  });

  it('refuses two images for one platform', async () => {
    const session = new RegistrySession({ domain: proxy.host }, B, { transport });
    const other = makeImage({ seed: 'merge-2', architecture: 'amd64' });
    await pushImage({ url: reg.url, ...B }, 'build/app-amd64', other);
    const sources = [amd, other].map((img) => ({
      repo: readRepository(session, 'build/app-amd64'),
      reference: img.digest,
    }));
    await expect(mergeImages(sources, writeRepository(session, 'release/dup'), ['1.0'])).rejects.toThrow(
      `two source images are for linux/amd64: ${proxy.host}/build/app-amd64@${amd.digest} and ${proxy.host}/build/app-amd64@${other.digest}; give one image per platform`,
    );
  });
});
