// What a repeat copy costs with no ping first, between two anonymous registries (every request
// counted, nothing left out), and the per-blob progress events of a real copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMultiPlatform, pushImage, startProxy, startRegistry, type Proxy, type Registry } from '../../env/index.js';
import { copyRefs, Sessions, Transport, type BlobEvent } from '../../../src/registry/index.js';
import { parseImageRef } from '../../../src/naming/index.js';

let a: Registry;
let b: Registry;
let pa: Proxy;
let pb: Proxy;
let transport: Transport;
const multi = makeMultiPlatform(['linux/amd64', 'linux/arm64'], { seed: 'repeat-copy', layers: [200_000, 3_000] });

beforeAll(async () => {
  [a, b] = await Promise.all([startRegistry({ auth: 'none' }), startRegistry({ auth: 'none' })]);
  [pa, pb] = await Promise.all([startProxy(a.url), startProxy(b.url)]);
  transport = new Transport({ retryBaseMs: 5 });
  await pushImage({ url: a.url }, 'team/app', multi, '1.0');
});

afterAll(async () => {
  transport?.close();
  await Promise.all([pa?.stop(), pb?.stop()]);
  await Promise.all([a?.stop(), b?.stop()]);
});

const all = () =>
  [...pa.requests, ...pb.requests].map((r) => `${r.method} ${r.path.replace(/sha256:[0-9a-f]{64}/, 'DIGEST')}`);

describe('a repeat copy', () => {
  it('costs 2 requests: the source manifest and the target HEAD, no /v2/ ping', async () => {
    const events: BlobEvent[] = [];
    const first = await copyRefs(
      parseImageRef(`${pa.host}/team/app:1.0`),
      [parseImageRef(`${pb.host}/prod/app:1.0`)],
      new Sessions({ transport }),
      { onBlob: (e) => events.push(e) },
    );
    expect(first.stats.blobsCopied).toBe(6);
    expect(all().filter((r) => r.endsWith('/v2/'))).toEqual([]);
    // Every blob: start, its bytes as they went, then copied; the big layer in several pieces.
    const ended = events.filter((e) => e.state === 'copied');
    expect(ended).toHaveLength(6);
    expect(events.filter((e) => e.state === 'start')).toHaveLength(6);
    for (const done of ended) {
      const bytes = events.filter((e) => e.digest === done.digest && e.state === 'bytes');
      expect(bytes.at(-1)!.sent).toBe(done.size);
    }

    pa.requests.length = 0;
    pb.requests.length = 0;
    const again = await copyRefs(
      parseImageRef(`${pa.host}/team/app:1.0`),
      [parseImageRef(`${pb.host}/prod/app:1.0`)],
      new Sessions({ transport }),
    );
    expect(again.upToDate).toEqual([`${pb.host}/prod/app:1.0`]);
    expect(all()).toEqual(['GET /v2/team/app/manifests/1.0', 'HEAD /v2/prod/app/manifests/1.0']);
  });
});
