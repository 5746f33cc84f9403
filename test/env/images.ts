/**
 * Test images made without Docker: real tar+gzip layers, configs, Docker schema2
 * and OCI manifests, OCI indexes / Docker manifest lists. Push them with upload.ts.
 *
 *   const img = makeImage({ layers: [2048, 1 << 20], seed: 'app-v1' });   // OCI, linux/amd64
 *   const old = makeImage({ format: 'docker', architecture: 'arm64', variant: 'v8' });
 *   const idx = makeIndex([makeImage({ seed: 'a' }), makeImage({ seed: 'a', architecture: 'arm64' })]);
 *   img.digest; img.manifest (exact bytes); img.blobs (config + layers); idx.images
 *
 * With a `seed` everything is deterministic (same seed, same digests); without one
 * the layer contents are random. Layer contents are incompressible, so a layer's
 * size is about the size asked for. Layers are valid tar archives (one file each,
 * or the `files` given), so `docker pull` of these images works.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** The four manifest types, for an Accept header. */
export const MANIFEST_ACCEPT = [MEDIA.ociManifest, MEDIA.ociIndex, MEDIA.dockerManifest, MEDIA.dockerList].join(', ');

export interface Blob {
  digest: string;
  size: number;
  mediaType: string;
  data: Buffer;
}

export interface Layer extends Blob {
  diffId: string;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Image {
  kind: 'image';
  mediaType: string;
  manifest: Buffer;
  digest: string;
  config: Blob;
  layers: Layer[];
  platform: Platform;
  /** Config and layers. */
  blobs: Blob[];
}

export interface Index {
  kind: 'index';
  mediaType: string;
  manifest: Buffer;
  digest: string;
  images: Image[];
}

export function sha256(data: Buffer | string): string {
  return 'sha256:' + createHash('sha256').update(data).digest('hex');
}

/** `size` bytes: a keystream of the seed (deterministic), or random bytes. */
export function bytes(size: number, seed?: string): Buffer {
  if (seed === undefined) return randomBytes(size);
  const key = createHash('sha256').update(seed).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size));
}

function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  const put = (off: number, len: number, s: string) => h.write(s.slice(0, len), off, len, 'utf8');
  const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0');
  put(0, 100, name);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(size, 12));
  put(136, 12, octal(0, 12));
  h.fill(' ', 148, 156);
  put(156, 1, '0');
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** A tar archive of regular files (names < 100 bytes). */
export function tar(files: Record<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, data] of Object.entries(files)) {
    parts.push(tarHeader(name, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function makeLayer(
  opts: { size?: number; seed?: string; files?: Record<string, Buffer>; mediaType?: string } = {},
): Layer {
  const files = opts.files ?? {
    [`data-${opts.seed ?? randomBytes(6).toString('hex')}.bin`]: bytes(opts.size ?? 1024, opts.seed),
  };
  const raw = tar(files);
  const data = gzipSync(raw, { level: 1 });
  return {
    digest: sha256(data),
    size: data.length,
    mediaType: opts.mediaType ?? MEDIA.ociLayer,
    data,
    diffId: sha256(raw),
  };
}

function blobOf(mediaType: string, data: Buffer): Blob {
  return { mediaType, data, digest: sha256(data), size: data.length };
}

function descriptor(b: { mediaType: string; digest: string; size: number }): object {
  return { mediaType: b.mediaType, digest: b.digest, size: b.size };
}

export interface ImageOptions extends Partial<Platform> {
  /** Sizes of the layers; default one layer of 1 KiB. */
  layers?: number[];
  seed?: string;
  format?: 'oci' | 'docker';
  /** Extra config fields (e.g. { Cmd: ['/bin/sh'] } goes in config.config). */
  config?: Record<string, unknown>;
  /** Layers already made (e.g. with files); replaces `layers`. */
  layerBlobs?: Layer[];
  /** The config's creation time; default 2024-01-01T00:00:00Z. */
  created?: string;
}

export function makeImage(opts: ImageOptions = {}): Image {
  const platform: Platform = {
    os: opts.os ?? 'linux',
    architecture: opts.architecture ?? 'amd64',
    ...(opts.variant ? { variant: opts.variant } : {}),
  };
  const docker = opts.format === 'docker';
  const tag = [platform.os, platform.architecture, platform.variant].filter(Boolean).join('-');
  const layerType = docker ? MEDIA.dockerLayer : MEDIA.ociLayer;
  const layers =
    opts.layerBlobs ??
    (opts.layers ?? [1024]).map((size, i) =>
      makeLayer({ size, seed: opts.seed === undefined ? undefined : `${opts.seed}/${tag}/${i}`, mediaType: layerType }),
    );
  const config = blobOf(
    docker ? MEDIA.dockerConfig : MEDIA.ociConfig,
    Buffer.from(
      JSON.stringify({
        created: opts.created ?? '2024-01-01T00:00:00Z',
        ...platform,
        config: { Env: ['PATH=/bin'], ...(opts.config ?? {}) },
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
        history: layers.map(() => ({ created: '2024-01-01T00:00:00Z', created_by: 'regkit test' })),
      }),
    ),
  );
  const mediaType = docker ? MEDIA.dockerManifest : MEDIA.ociManifest;
  const manifest = Buffer.from(
    JSON.stringify(
      { schemaVersion: 2, mediaType, config: descriptor(config), layers: layers.map(descriptor) },
      null,
      2,
    ),
  );
  return {
    kind: 'image',
    mediaType,
    manifest,
    digest: sha256(manifest),
    config,
    layers,
    platform,
    blobs: [config, ...layers],
  };
}

/** An OCI index (default) or Docker manifest list of images, with their platforms. */
export function makeIndex(images: Image[], opts: { format?: 'oci' | 'docker' } = {}): Index {
  const mediaType = opts.format === 'docker' ? MEDIA.dockerList : MEDIA.ociIndex;
  const manifests = images.map((img) => ({
    ...descriptor({ mediaType: img.mediaType, digest: img.digest, size: img.manifest.length }),
    platform: img.platform,
  }));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }, null, 2));
  return { kind: 'index', mediaType, manifest, digest: sha256(manifest), images };
}

/** One image per platform ('linux/amd64', 'linux/arm64/v8', ...), in an index. */
export function makeMultiPlatform(
  platforms: string[],
  opts: Omit<ImageOptions, 'os' | 'architecture' | 'variant'> & { indexFormat?: 'oci' | 'docker' } = {},
): Index {
  const images = platforms.map((p) => {
    const [os, architecture, variant] = p.split('/');
    return makeImage({ ...opts, os, architecture, variant });
  });
  return makeIndex(images, { format: opts.indexFormat ?? opts.format });
}

/**
 * Supply-chain artifacts as cosign and the OCI 1.1 referrers tag schema store them, without cosign:
 *
 *   const sig = makeArtifact({ subject: img, kind: 'signature' });    // push as tag sidecarTag(img.digest, 'sig')
 *   const att = makeArtifact({ subject: img, kind: 'attestation', referrer: true });  // has `subject`, artifactType
 *   const idx = makeReferrersIndex([att]);                             // push as tag referrersTagOf(img.digest)
 */
export interface Artifact extends Image {
  artifactType?: string;
  subjectDigest: string;
}

const ARTIFACT_LAYER = {
  signature: 'application/vnd.dev.cosign.simplesigning.v1+json',
  attestation: 'application/vnd.dsse.envelope.v1+json',
  sbom: 'application/spdx+json',
} as const;

export function makeArtifact(opts: {
  subject: { digest: string; mediaType: string; manifest: Buffer };
  kind: keyof typeof ARTIFACT_LAYER;
  referrer?: boolean;
  seed?: string;
}): Artifact {
  const payload = Buffer.from(
    JSON.stringify({
      critical: { image: { 'docker-manifest-digest': opts.subject.digest } },
      kind: opts.kind,
      seed: opts.seed ?? '',
    }),
  );
  const layer: Layer = { ...blobOf(ARTIFACT_LAYER[opts.kind], payload), diffId: sha256(payload) };
  const config = blobOf(opts.referrer ? 'application/vnd.oci.empty.v1+json' : MEDIA.ociConfig, Buffer.from('{}'));
  const artifactType = opts.referrer ? `application/vnd.regkit.test.${opts.kind}` : undefined;
  const json: Record<string, unknown> = {
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    ...(artifactType ? { artifactType } : {}),
    config: descriptor(config),
    layers: [
      {
        ...descriptor(layer),
        annotations: { 'dev.cosignproject.cosign/signature': opts.kind === 'signature' ? 'MEUCIQ-test' : '' },
      },
    ],
    ...(opts.referrer
      ? {
          subject: {
            mediaType: opts.subject.mediaType,
            digest: opts.subject.digest,
            size: opts.subject.manifest.length,
          },
        }
      : {}),
  };
  const manifest = Buffer.from(JSON.stringify(json));
  return {
    kind: 'image',
    mediaType: MEDIA.ociManifest,
    manifest,
    digest: sha256(manifest),
    config,
    layers: [layer],
    platform: { os: 'unknown', architecture: 'unknown' },
    blobs: [config, layer],
    artifactType,
    subjectDigest: opts.subject.digest,
  };
}

/** The referrers tag schema's index for a subject: every referrer's descriptor with its artifactType. */
export function makeReferrersIndex(referrers: Artifact[]): Index & { manifestsJson: unknown[] } {
  const manifests = referrers.map((r) => ({
    ...descriptor({ mediaType: r.mediaType, digest: r.digest, size: r.manifest.length }),
    ...(r.artifactType ? { artifactType: r.artifactType } : {}),
  }));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests }));
  return {
    kind: 'index',
    mediaType: MEDIA.ociIndex,
    manifest,
    digest: sha256(manifest),
    images: referrers,
    manifestsJson: manifests,
  };
}

/** cosign's tag for what it attaches to `digest`: sha256-<hex>.sig / .att / .sbom. */
export const sidecarTag = (digest: string, suffix: 'sig' | 'att' | 'sbom') => `${digest.replace(':', '-')}.${suffix}`;
/** The referrers tag schema's tag for `digest`: sha256-<hex>. */
export const referrersTagOf = (digest: string) => digest.replace(':', '-');
