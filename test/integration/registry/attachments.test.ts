// Carrying signatures, attestations and SBOMs with an image between real Distribution registries:
// cosign's sidecar tags, and OCI 1.1 referrers through the referrers tag schema (Distribution 2.8
// has no referrers API, so the tag schema is what is read and written here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getManifest,
  listTags,
  makeArtifact,
  makeMultiPlatform,
  makeReferrersIndex,
  pushImage,
  referrersTagOf,
  sidecarTag,
  startProxy,
  startRegistry,
  type Proxy,
  type Registry,
} from '../../env/index.js';
import { copyRefs, Transport, type Credential } from '../../../src/registry/index.js';
import { parseImageRef } from '../../../src/naming/index.js';
import { apiCalls, count, sessionsFor } from './helpers.js';

let basic: Registry;
let token: Registry;
let pa: Proxy;
let pb: Proxy;
let transport: Transport;
let creds: Record<string, Credential>;
const A = { username: 'alice', password: 'a-pass' };
const B = { username: 'bob', password: 'b-pass' };
const multi = makeMultiPlatform(['linux/amd64', 'linux/arm64'], { seed: 'attach-multi', layers: [4_000] });
const sig = makeArtifact({ subject: multi, kind: 'signature' });
const att = makeArtifact({ subject: multi, kind: 'attestation' });
const sbom = makeArtifact({ subject: { ...multi.images[0] }, kind: 'sbom' });
const referrer = makeArtifact({ subject: multi, kind: 'attestation', referrer: true, seed: 'provenance' });
const referrers = makeReferrersIndex([referrer]);
const ref = (p: Proxy, name: string) => parseImageRef(`${p.host}/${name}`);
const sessions = () => sessionsFor(creds, transport);

beforeAll(async () => {
  [basic, token] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: A.password } }),
    startRegistry({ auth: 'token', users: { bob: B.password } }),
  ]);
  [pa, pb] = await Promise.all([startProxy(basic.url), startProxy(token.url)]);
  creds = { [pa.host]: A, [pb.host]: B };
  transport = new Transport({ retryBaseMs: 5 });
  const src = { url: basic.url, ...A };
  await pushImage(src, 'team/app', multi, '1.0');
  await pushImage(src, 'team/app', sig, sidecarTag(multi.digest, 'sig'));
  await pushImage(src, 'team/app', att, sidecarTag(multi.digest, 'att'));
  await pushImage(src, 'team/app', sbom, sidecarTag(multi.images[0].digest, 'sbom'));
  await pushImage(src, 'team/app', referrer);
  await pushImage(src, 'team/app', referrers, referrersTagOf(multi.digest));
});

afterAll(async () => {
  transport?.close();
  await Promise.all([pa?.stop(), pb?.stop()]);
  await Promise.all([basic?.stop(), token?.stop()]);
});

const reset = () => {
  pa.requests.length = 0;
  pb.requests.length = 0;
};

describe('copying an image with what is attached to it', () => {
  it('carries cosign sidecar tags and tag-schema referrers across registries, and lists them', async () => {
    reset();
    const r = await copyRefs(ref(pa, 'team/app:1.0'), [ref(pb, 'prod/app:1.0')], sessions(), { attachments: true });
    expect(r.digest).toBe(multi.digest);
    expect(r.attached.map((a) => `${a.kind} ${a.digest} ${a.subject}`).sort()).toEqual(
      [
        `signature ${sig.digest} ${multi.digest}`,
        `attestation ${att.digest} ${multi.digest}`,
        `sbom ${sbom.digest} ${multi.images[0].digest}`,
        `referrer ${referrer.digest} ${multi.digest}`,
      ].sort(),
    );
    const target = { url: token.url, ...B };
    expect(await listTags(target, 'prod/app')).toEqual(
      [
        '1.0',
        sidecarTag(multi.digest, 'att'),
        sidecarTag(multi.digest, 'sig'),
        sidecarTag(multi.images[0].digest, 'sbom'),
        referrersTagOf(multi.digest),
      ].sort(),
    );
    for (const [tag, digest] of [
      [sidecarTag(multi.digest, 'sig'), sig.digest],
      [sidecarTag(multi.digest, 'att'), att.digest],
      [sidecarTag(multi.images[0].digest, 'sbom'), sbom.digest],
    ]) {
      expect((await getManifest(target, 'prod/app', tag)).digest).toBe(digest);
    }
    // The referrer itself by digest, and the target's tag-schema index naming it with its artifact type.
    expect((await getManifest(target, 'prod/app', referrer.digest)).status).toBe(200);
    const index = JSON.parse((await getManifest(target, 'prod/app', referrersTagOf(multi.digest))).body.toString()) as {
      manifests: { digest: string; artifactType?: string }[];
    };
    expect(index.manifests).toEqual([
      expect.objectContaining({ digest: referrer.digest, artifactType: referrer.artifactType }),
    ]);
    // Source: the tag list and the referrers API probe (404 on Distribution 2.8) besides the image itself.
    expect(pa.requests.filter((q) => q.path.endsWith('/tags/list')).length).toBe(1);
    expect(pa.requests.filter((q) => q.path.includes('/referrers/')).map((q) => q.status)).toEqual([404]);
  });

  it('writes nothing again on a repeat copy', async () => {
    reset();
    const r = await copyRefs(ref(pa, 'team/app:1.0'), [ref(pb, 'prod/app:1.0')], sessions(), { attachments: true });
    expect(r.upToDate).toHaveLength(1);
    expect(r.attached).toHaveLength(4);
    expect(apiCalls(pb.requests).filter((c) => c.startsWith('PUT') || c.startsWith('POST'))).toEqual([]);
  });

  it("mounts the attachments' blobs for a copy within one registry", async () => {
    reset();
    const r = await copyRefs(ref(pb, 'prod/app:1.0'), [ref(pb, 'release/app:1.0')], sessions(), { attachments: true });
    expect(r.attached).toHaveLength(4);
    expect(r.stats.blobsCopied).toBe(0);
    // 4 image blobs (2 platforms × config + layer) + 4 artifacts × (config + layer), some shared ({} configs).
    expect(count(apiCalls(pb.requests))['POST mount']).toBeGreaterThanOrEqual(4 + 4);
    expect(pb.requests.some((q) => q.method === 'PUT' && q.path.includes('/blobs/uploads/'))).toBe(false);
    expect((await getManifest({ url: token.url, ...B }, 'release/app', sidecarTag(multi.digest, 'sig'))).digest).toBe(
      sig.digest,
    );
  });

  it('carries nothing when turned off', async () => {
    const r = await copyRefs(ref(pa, 'team/app:1.0'), [ref(pb, 'plain/app:1.0')], sessions(), { attachments: false });
    expect(r.attached).toEqual([]);
    expect(await listTags({ url: token.url, ...B }, 'plain/app')).toEqual(['1.0']);
  });
});
