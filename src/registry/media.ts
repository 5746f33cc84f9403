/**
 * What manifests are made of: media types, descriptors, platforms, and reading
 * a manifest's JSON just enough to find its children (index) or blobs (image).
 * The bytes themselves are never re-serialised: digests must not change.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

/** All four, so that Distribution 2.8 neither refuses (OCI) nor rewrites to schema1. */
export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ');

export const isIndexType = (t: string) => t === MEDIA.ociIndex || t === MEDIA.dockerList;

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  urls?: string[];
  annotations?: Record<string, string>;
  /** OCI 1.1: what an artifact is (in referrers lists). */
  artifactType?: string;
}

/** A manifest exactly as stored: its bytes, their media type and digest, and what it points to. */
export interface Manifest {
  bytes: Buffer;
  mediaType: string;
  digest: string;
  /** Index: the manifests it lists. */
  children: Descriptor[];
  /** Image: config then layers. */
  blobs: Descriptor[];
  json: Record<string, unknown>;
}

export function sha256(data: Buffer | string): string {
  return 'sha256:' + createHash('sha256').update(data).digest('hex');
}

/** Reads manifest bytes; the media type comes from the registry, else from the document. */
export function parseManifest(bytes: Buffer, contentType: string | undefined, where: string): Manifest {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new UserError(`${where}: the manifest is not valid JSON`);
  }
  const declared = typeof json.mediaType === 'string' ? json.mediaType : undefined;
  const header = contentType?.split(';')[0].trim();
  const known = (t?: string) => t && Object.values(MEDIA).includes(t as never);
  const mediaType = known(header)
    ? header!
    : known(declared)
      ? declared!
      : Array.isArray(json.manifests)
        ? MEDIA.ociIndex
        : MEDIA.ociManifest;
  if (json.schemaVersion === 1)
    throw new UserError(
      `${where} is a Docker schema 1 manifest, which regkit does not copy; push it again with a current Docker`,
    );
  const descriptors = (v: unknown): Descriptor[] => (Array.isArray(v) ? (v as Descriptor[]) : []);
  const children = isIndexType(mediaType) ? descriptors(json.manifests) : [];
  const blobs = isIndexType(mediaType)
    ? []
    : [...(json.config ? [json.config as Descriptor] : []), ...descriptors(json.layers)];
  for (const d of [...children, ...blobs]) {
    if (typeof d?.digest !== 'string' || typeof d.size !== 'number')
      throw new UserError(`${where}: the manifest has a descriptor without digest or size`);
  }
  return { bytes, mediaType, digest: sha256(bytes), children, blobs, json };
}

/** linux/arm64/v8 → { os, architecture, variant }. */
export function parsePlatform(text: string): Platform {
  const [os, architecture, variant, ...rest] = text.trim().split('/');
  if (!os || !architecture || rest.length)
    throw new UserError(`platform "${text}" is not os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(p: Platform | undefined): string {
  if (!p) return 'unknown';
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

// arm64 images usually say v8 or nothing; treat those as the same, as containerd does.
const normalVariant = (p: Platform) => (p.architecture === 'arm64' && p.variant === 'v8' ? undefined : p.variant);

/** Whether an image of platform `have` is what `want` asks for (a missing variant matches any). */
export function platformMatches(have: Platform | undefined, want: Platform): boolean {
  if (!have || have.os !== want.os || have.architecture !== want.architecture) return false;
  return want.variant === undefined || normalVariant(have) === normalVariant(want);
}

/** Attestations and other entries of an index that are not runnable images. */
export function isAttestation(d: Descriptor): boolean {
  return (
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown')
  );
}
