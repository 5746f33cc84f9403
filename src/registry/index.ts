/**
 * The registry client: copy images between registries with the OCI distribution
 * API, no daemon. Everything outside src/registry imports from here.
 *
 *   const sessions = new Sessions();                       // credentials from the Docker config
 *   const result = await copyRefs('ghcr.io/a/app:1', ['registry.example/a/app:prod'], sessions);
 */
import { UserError } from '../errors.js';
import { copyImage, type CopyOptions, type CopyResult } from './copy.js';
import { formatRef, manifestReference, withDefaultTag, type ImageRef } from '../naming/index.js';
import { readRepository, writeRepository, type Repository } from './repository.js';
import type { Sessions } from './sessions.js';
import { mergeImages, type MergeResult } from './merge.js';
import type { Platform } from './media.js';

export { ping, RegistrySession, RegistryError, type Credential } from './auth.js';
export { Transport, defaultTransport } from './transport.js';
export { Sessions } from './sessions.js';
export { parseChallenges, type Challenge } from './challenge.js';
export { baseUrl, usesPlainHttp, type RegistryAddress } from './endpoint.js';
export { dockerCredential } from './docker-credentials.js';
export { parsePlatform, formatPlatform, type Platform } from './media.js';
export { copyImage, type CopyOptions, type CopyResult } from './copy.js';
export type { CopyStats } from './transfer.js';
export { mergeImages, type MergeResult } from './merge.js';
export { readRepository, writeRepository, repositoryLabel, type Repository } from './repository.js';
export { listCatalog, listTags, listReferrers } from './listing.js';
export { getManifest, headManifest } from './manifests.js';
export { readImageConfig, configPlatform } from './image-config.js';
export { isAttestation, isIndexType, type Descriptor, type Manifest } from './media.js';
export { limiter } from './pool.js';
export { bytesAvoided, describeStats, formatBytes } from './report.js';

/**
 * Repositories for reading `source` and writing `targets`. On one registry the
 * source reads with the target's scopes, so that a single token serves the
 * reads, the mounts (pull on the source) and the writes.
 */
export async function repositoriesFor(
  source: ImageRef,
  targets: ImageRef[],
  sessions: Sessions,
): Promise<{ source: Repository; targets: Repository[] }> {
  const sourceSession = await sessions.get(source.domain);
  let sourceRepo = readRepository(sourceSession, source.path);
  const targetRepos: Repository[] = [];
  for (const t of targets) {
    const session = await sessions.get(t.domain);
    const same = session.base.origin === sourceSession.base.origin;
    const repo = writeRepository(session, t.path, same ? source.path : undefined);
    if (same && targets.length === 1 && session === sourceSession) sourceRepo = { ...sourceRepo, scopes: repo.scopes };
    targetRepos.push(repo);
  }
  return { source: sourceRepo, targets: targetRepos };
}

/**
 * One multi-platform index from per-platform images (by digest or tag), pushed to
 * `target`'s repository under every tag in `tags`.
 */
export async function mergeRefs(
  sources: ImageRef[],
  target: ImageRef,
  tags: string[],
  sessions: Sessions,
  opts: { platforms?: Platform[] } = {},
): Promise<MergeResult> {
  const into = writeRepository(await sessions.get(target.domain), target.path);
  const from = await Promise.all(
    sources.map(async (s) => ({
      repo: readRepository(await sessions.get(s.domain), s.path),
      reference: manifestReference(withDefaultTag(s)),
    })),
  );
  return mergeImages(from, into, tags, opts);
}

/** Copies `source` to every target reference (tags grouped per repository). */
export async function copyRefs(
  source: ImageRef,
  targets: ImageRef[],
  sessions: Sessions,
  opts: CopyOptions = {},
): Promise<CopyResult> {
  const src = withDefaultTag(source);
  const dsts = targets.map(withDefaultTag);
  const byRepo = new Map<string, { ref: ImageRef; tags: string[] }>();
  for (const t of dsts) {
    const key = `${t.domain}/${t.path}`;
    const entry = byRepo.get(key) ?? { ref: t, tags: [] };
    if (t.digest && !t.tag) throw new UserError(`target ${formatRef(t)} has a digest; give targets by tag`);
    entry.tags.push(t.tag!);
    byRepo.set(key, entry);
  }
  const groups = [...byRepo.values()];
  const repos = await repositoriesFor(
    src,
    groups.map((g) => g.ref),
    sessions,
  );
  return copyImage(
    {
      source: repos.source,
      reference: manifestReference(src),
      targets: groups.map((g, i) => ({ repo: repos.targets[i], tags: g.tags })),
    },
    opts,
  );
}
export { attachedTag, attachedTags, referrersTag, type SidecarKind } from './attached.js';
export { StatusLines, type StatusOptions } from './status.js';
export { CopyProgress } from './copy-progress.js';
export type { BlobEvent } from './transfer.js';
export { describeAttachment, type Attachment } from './attachments.js';
