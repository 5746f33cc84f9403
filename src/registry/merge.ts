/**
 * Merging per-platform images (one per runner of a multi-platform build) into
 * one index: each image's platform is read from its config, each image is put
 * into the target repository (mounted when it lives elsewhere on the same
 * registry), then the index is written under the tags.
 *
 *   await mergeImages([{ repo: amd64Repo, reference: 'sha256:…' }, …], target, ['1.0'])
 */
import { UserError } from '../errors.js';
import { readImagePlatform } from './image-config.js';
import { getManifest, headManifest, putManifest } from './manifests.js';
import {
  formatPlatform,
  isAttestation,
  isIndexType,
  MEDIA,
  parseManifest,
  platformMatches,
  type Descriptor,
  type Manifest,
  type Platform,
} from './media.js';
import { allSettledOrThrow } from './pool.js';
import { repositoryLabel, type Repository } from './repository.js';
import { emptyStats, sameRegistry, targetContext, Transfer, type CopyStats, type TransferOptions } from './transfer.js';
import { pullScope } from './auth.js';

export interface MergeSource {
  repo: Repository;
  /** Digest (or tag) of a single-platform image, or of an index whose entries are all taken. */
  reference: string;
}

export interface MergeResult {
  digest: string;
  mediaType: string;
  platforms: string[];
  refs: string[];
  stats: CopyStats;
}

interface Entry {
  source: MergeSource;
  desc: Descriptor;
  manifest?: Manifest;
}

async function entriesOf(source: MergeSource): Promise<Entry[]> {
  const manifest = await getManifest(source.repo, source.reference);
  if (isIndexType(manifest.mediaType)) return manifest.children.map((desc) => ({ source, desc }));
  const platform = await readImagePlatform(source.repo, manifest);
  return [
    {
      source,
      manifest,
      desc: { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length, platform },
    },
  ];
}

/** A Docker manifest list when every entry is a Docker manifest, else an OCI index. */
export function buildIndex(descs: Descriptor[]): Manifest {
  const docker = descs.every((d) => d.mediaType === MEDIA.dockerManifest);
  const mediaType = docker ? MEDIA.dockerList : MEDIA.ociIndex;
  const manifests = descs.map(({ mediaType, digest, size, platform, annotations }) => ({
    mediaType,
    digest,
    size,
    ...(platform ? { platform } : {}),
    ...(annotations ? { annotations } : {}),
  }));
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }, null, 2));
  return parseManifest(bytes, mediaType, 'merged index');
}

/**
 * When the platforms asked for are given, the images must be for exactly those: a
 * runner that built its own platform instead of the one asked for (or two images
 * of one platform) must not give an index that names a platform twice or misses one.
 */
function checkPlatforms(entries: Entry[], want: Platform[]): void {
  const images = entries.filter((e) => !isAttestation(e.desc));
  const have = images.map((e) => formatPlatform(e.desc.platform)).join(', ');
  const missing = want.filter((w) => !images.some((e) => platformMatches(e.desc.platform, w)));
  const extra = images.filter((e) => !want.some((w) => platformMatches(e.desc.platform, w)));
  if (missing.length || extra.length || images.length !== want.length) {
    const asked = want.map(formatPlatform).join(', ');
    throw new UserError(
      `platforms: asked for ${asked}, but the images are for ${have} — build each image for its platform (the build's platforms), one image per platform`,
    );
  }
}

export async function mergeImages(
  sources: MergeSource[],
  into: Repository,
  tags: string[],
  opts: TransferOptions & { platforms?: Platform[] } = {},
): Promise<MergeResult> {
  if (sources.length === 0) throw new UserError('merge needs at least one source image');
  // One token for the whole merge: pull on every source on the target's registry, push on the target.
  const pulls = sources
    .filter((s) => sameRegistry(s.repo, into) && s.repo.path !== into.path)
    .map((s) => pullScope(s.repo.path));
  const target: Repository = { ...into, scopes: [...new Set([...into.scopes, ...pulls])] };
  const shared = sources.map((s) =>
    s.repo.session === target.session ? { ...s, repo: { ...s.repo, scopes: target.scopes } } : s,
  );
  const entries = (await allSettledOrThrow(shared.map(entriesOf))).flat();
  const seen = new Map<string, string>();
  for (const e of entries) {
    if (isAttestation(e.desc)) continue;
    const platform = formatPlatform(e.desc.platform);
    const where = `${repositoryLabel(e.source.repo)}@${e.desc.digest}`;
    const other = seen.get(platform);
    if (other && other !== e.desc.digest)
      throw new UserError(`two source images are for ${platform}: ${other} and ${where}; give one image per platform`);
    seen.set(platform, where);
  }
  if (opts.platforms?.length) checkPlatforms(entries, opts.platforms);
  const stats = emptyStats();
  const ctx = targetContext(opts, stats);
  // Children first: every image is in the target repository before the index names it.
  await allSettledOrThrow(
    entries.map((e) => new Transfer(e.source.repo, target, ctx).ensureManifest(e.desc, e.manifest)),
  );
  const unique = [...new Map(entries.map((e) => [e.desc.digest, e.desc])).values()];
  const index = buildIndex(unique);
  const label = repositoryLabel(target);
  for (const tag of tags.length ? tags : [index.digest]) {
    const current = await headManifest(target, tag);
    if (current?.digest !== index.digest) {
      await putManifest(target, tag, index);
      stats.manifestsWritten++;
    }
  }
  return {
    digest: index.digest,
    mediaType: index.mediaType,
    platforms: unique.filter((d) => !isAttestation(d)).map((d) => formatPlatform(d.platform)),
    refs: (tags.length ? tags : [index.digest]).map((t) => (t.includes(':') ? `${label}@${t}` : `${label}:${t}`)),
    stats,
  };
}
