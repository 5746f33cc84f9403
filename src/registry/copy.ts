/**
 * Copying an image (a whole index by default, or chosen platforms) from a
 * source reference to tags in one or more target repositories.
 *
 *   const result = await copyImage({ source, reference: '1.2.3', targets: [{ repo, tags: ['prod'] }] });
 *   result.digest, result.platforms, result.stats (bytes copied / mounted / skipped)
 *
 * Request budget: each target tag is HEADed first and left alone when it already
 * points at the digest (a repeat copy costs that one request per tag, plus the
 * source manifest GET when the source is a tag). A retag within one repository
 * is one manifest GET and one PUT. Tags are written last, after every child
 * and blob is in place, so a failed copy never leaves a tag on a partial image.
 */
import { UserError } from '../errors.js';
import { readImagePlatform } from './image-config.js';
import { carryAttachments, findAttachments, type Attachment } from './attachments.js';
import { getManifest, headManifest, putManifest, type ManifestHead } from './manifests.js';
import {
  formatPlatform,
  isAttestation,
  isIndexType,
  parseManifest,
  platformMatches,
  type Manifest,
  type Platform,
} from './media.js';
import { repositoryLabel, type Repository } from './repository.js';
import {
  emptyStats,
  sameRepository,
  targetContext,
  Transfer,
  type CopyStats,
  type TransferOptions,
} from './transfer.js';

export interface CopyOptions extends TransferOptions {
  /** Only these platforms; all when absent or empty. */
  platforms?: Platform[];
  /** Also carry signatures, attestations and SBOMs attached to the image and its platforms (cosign tags, OCI referrers). */
  attachments?: boolean;
}

export interface CopyTarget {
  repo: Repository;
  /** Tags to write; none: the image is stored by digest only. */
  tags: string[];
}

export interface CopyRequest {
  source: Repository;
  /** Tag or digest in the source repository. */
  reference: string;
  targets: CopyTarget[];
}

export interface CopyResult {
  digest: string;
  mediaType: string;
  /** Platforms of an index (attestations left out); for a single image, the platform asked for, if any. */
  platforms: string[];
  /** target label:tag written or found up to date. */
  refs: string[];
  /** Tags that already pointed at the digest. */
  upToDate: string[];
  stats: CopyStats;
  /** What was attached to the image in the source and is now attached at every target too. */
  attached: Attachment[];
}

const isDigest = (reference: string) => reference.includes(':');

function platformsOf(manifest: Manifest, wanted?: Platform[]): string[] {
  if (isIndexType(manifest.mediaType))
    return manifest.children.filter((c) => !isAttestation(c)).map((c) => formatPlatform(c.platform));
  return wanted?.length === 1 ? [formatPlatform(wanted[0])] : [];
}

/** The manifest to copy when only some platforms are wanted. */
async function selectPlatforms(
  source: Repository,
  reference: string,
  manifest: Manifest,
  wanted: Platform[],
): Promise<Manifest> {
  const where = `${repositoryLabel(source)}${isDigest(reference) ? '@' : ':'}${reference}`;
  if (!isIndexType(manifest.mediaType)) {
    const platform = await readImagePlatform(source, manifest);
    if (!wanted.some((w) => platformMatches(platform, w))) {
      throw new UserError(
        `${where} is a single-platform image for ${formatPlatform(platform)}, not ${wanted.map(formatPlatform).join(', ')}`,
      );
    }
    return manifest;
  }
  const images = manifest.children.filter((c) => !isAttestation(c));
  const chosen = images.filter((c) => wanted.some((w) => platformMatches(c.platform, w)));
  for (const w of wanted) {
    if (!chosen.some((c) => platformMatches(c.platform, w))) {
      throw new UserError(
        `${where} has no ${formatPlatform(w)} image (it has ${images.map((c) => formatPlatform(c.platform)).join(', ')})`,
      );
    }
  }
  if (wanted.length === 1) return getManifest(source, chosen[0].digest);
  // Several platforms: a new index listing only them (so a new digest).
  const json = { ...manifest.json, manifests: chosen };
  return parseManifest(Buffer.from(JSON.stringify(json)), manifest.mediaType, where);
}

export async function copyImage(req: CopyRequest, opts: CopyOptions = {}): Promise<CopyResult> {
  const { source, reference } = req;
  const wanted = opts.platforms?.length ? opts.platforms : undefined;
  // The tags' HEADs do not depend on the source: they go out together with the source GET.
  const sourceWork =
    !isDigest(reference) || wanted
      ? getManifest(source, reference).then((m) => (wanted ? selectPlatforms(source, reference, m, wanted) : m))
      : Promise.resolve(undefined);
  const heads = req.targets.map((t) =>
    t.tags.map((tag) => (sameRepository(source, t.repo) ? Promise.resolve(undefined) : headManifest(t.repo, tag))),
  );
  const [fromSource, ...fromHeads] = await Promise.allSettled([sourceWork, ...heads.flat()]);
  if (fromSource.status === 'rejected') throw fromSource.reason;
  const failedHead = fromHeads.find((h): h is PromiseRejectedResult => h.status === 'rejected');
  if (failedHead) throw failedHead.reason;
  let top: Manifest | undefined = fromSource.value;
  const digest = top?.digest ?? reference;
  const current = fromHeads.map((h) => (h as PromiseFulfilledResult<ManifestHead | undefined>).value);

  const stats = emptyStats();
  const transfers = new Map<CopyTarget, Transfer>();
  const transferTo = (t: CopyTarget) =>
    transfers.get(t) ?? transfers.set(t, new Transfer(source, t.repo, targetContext(opts, stats))).get(t)!;
  const refs: string[] = [];
  const upToDate: string[] = [];
  let k = 0;
  for (const target of req.targets) {
    const label = repositoryLabel(target.repo);
    const stale: string[] = [];
    const found = target.tags.map(() => current[k++]);
    // No tags: stored by digest only, which can be checked only now that the digest is known.
    const tags = target.tags.length ? target.tags : [digest];
    if (!target.tags.length)
      found.push(sameRepository(source, target.repo) ? undefined : await headManifest(target.repo, digest));
    tags.forEach((tag, i) => {
      // Within one repository a PUT is as cheap as a HEAD and always right: retag is GET + PUT.
      if (found[i]?.digest === digest) upToDate.push(`${label}:${tag}`);
      else stale.push(tag);
      refs.push(isDigest(tag) ? `${label}@${tag}` : `${label}:${tag}`);
    });
    if (!stale.length) continue;
    top ??= await getManifest(source, digest);
    await transferTo(target).ensureContent(top);
    for (const tag of stale) {
      await putManifest(target.repo, tag, top);
      stats.manifestsWritten++;
    }
  }
  // Attachments go last: they name the image, which is complete and tagged by now.
  let attached: Attachment[] = [];
  const elsewhere = req.targets.filter((t) => !sameRepository(source, t.repo));
  if (opts.attachments && elsewhere.length) {
    const subjects = [digest, ...(top && isIndexType(top.mediaType) ? top.children.map((c) => c.digest) : [])];
    const found = await findAttachments(source, subjects);
    attached = found.attachments;
    if (attached.length) for (const t of elsewhere) await carryAttachments(transferTo(t), found);
  }
  return {
    digest,
    mediaType: top?.mediaType ?? '',
    platforms: top ? platformsOf(top, wanted) : [],
    refs,
    upToDate,
    stats,
    attached,
  };
}
