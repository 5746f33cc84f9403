/**
 * Carrying what is attached to an image along with it: cosign's sidecar tags
 * (sha256-<hex>.sig / .att / .sbom) and OCI 1.1 referrers (signatures,
 * attestations, SBOMs whose manifest names the image as its `subject`).
 *
 * Reading: the source's tag list (one request) finds the sidecar tags and the
 * referrers tag schema's index (sha256-<hex>); the referrers API, where the
 * source has it, is asked per digest instead of that index. Writing: sidecars
 * under the same tag; referrers by digest, and where the target has no
 * referrers API, merged into its tag-schema index so that clients find them.
 */
import { attachedTag, referrersTag, type SidecarKind } from './attached.js';
import { getManifest, headManifest, putManifest } from './manifests.js';
import { listReferrers, listTags } from './listing.js';
import { MEDIA, parseManifest, type Descriptor, type Manifest } from './media.js';
import { RegistryError } from './auth.js';
import type { Repository } from './repository.js';
import type { Transfer } from './transfer.js';

export interface Attachment {
  /** The digest it is attached to. */
  subject: string;
  kind: SidecarKind | 'referrer';
  digest: string;
  /** The sidecar tag it is stored under (cosign); absent for referrers. */
  tag?: string;
  artifactType?: string;
}

/** One line for logs and summaries: "signature (sha256-ab….sig)", "referrer application/vnd.…". */
export function describeAttachment(a: Attachment): string {
  if (a.tag)
    return `${a.kind} ${a.tag.length > 24 ? `${a.tag.slice(0, 19)}…${a.tag.slice(a.tag.lastIndexOf('.'))}` : a.tag}`;
  return `referrer ${a.artifactType ?? a.digest.slice(0, 19)}`;
}

interface Found {
  attachments: Attachment[];
  /** Manifests already read (by digest), so that they are not read again to copy them. */
  manifests: Map<string, Manifest>;
}

/** Everything attached to `subjects` in `source`. */
export async function findAttachments(source: Repository, subjects: string[]): Promise<Found> {
  const wanted = new Set(subjects);
  const [tags, apiReferrers] = await Promise.all([listTags(source), listReferrers(source, subjects[0])]);
  const manifests = new Map<string, Manifest>();
  const attachments: Attachment[] = [];
  const viaTag = tags.map((tag) => ({ tag, a: attachedTag(tag) })).filter((t) => t.a && wanted.has(t.a.digest));
  await Promise.all(
    viaTag.map(async ({ tag, a }) => {
      if (a!.kind === 'referrers' && apiReferrers) return; // the API is the source of truth where it exists
      const m = await getManifest(source, tag);
      if (a!.kind === 'referrers') {
        for (const d of m.children)
          attachments.push({ subject: a!.digest, kind: 'referrer', digest: d.digest, artifactType: d.artifactType });
      } else {
        manifests.set(m.digest, m);
        attachments.push({ subject: a!.digest, kind: a!.kind, digest: m.digest, tag });
      }
    }),
  );
  if (apiReferrers) {
    const rest = await Promise.all(subjects.slice(1).map((s) => listReferrers(source, s)));
    [apiReferrers, ...rest].forEach((list, i) => {
      for (const d of list ?? [])
        attachments.push({ subject: subjects[i], kind: 'referrer', digest: d.digest, artifactType: d.artifactType });
    });
  }
  attachments.sort((x, y) => (x.tag ?? x.digest).localeCompare(y.tag ?? y.digest));
  return { attachments, manifests };
}

/** Writes `found` into the transfer's target; returns what was written or found already there. */
export async function carryAttachments(transfer: Transfer, found: Found): Promise<Attachment[]> {
  const { source, target } = transfer;
  const carried: Attachment[] = [];
  const referrers = found.attachments.filter((a) => a.kind === 'referrer');
  await Promise.all(
    found.attachments
      .filter((a) => a.tag)
      .map(async (a) => {
        const there = await headManifest(target, a.tag!);
        carried.push(a);
        if (there?.digest === a.digest) return;
        const m = found.manifests.get(a.digest) ?? (await getManifest(source, a.digest));
        await transfer.ensureContent(m);
        await putManifest(target, a.tag!, m);
        transfer.ctx.stats.manifestsWritten++;
      }),
  );
  if (!referrers.length) return carried;
  for (const a of referrers) {
    await transfer.ensureManifest({ mediaType: MEDIA.ociManifest, digest: a.digest, size: 0 });
    carried.push(a);
  }
  // A target with the referrers API has indexed them on PUT; else keep its tag-schema index up to date.
  const bySubject = new Map<string, Attachment[]>();
  for (const a of referrers) bySubject.set(a.subject, [...(bySubject.get(a.subject) ?? []), a]);
  for (const [subject, list] of bySubject) {
    if ((await listReferrers(target, subject)) !== undefined) continue;
    await mergeReferrersIndex(transfer, subject, list);
  }
  return carried;
}

async function mergeReferrersIndex(transfer: Transfer, subject: string, list: Attachment[]): Promise<void> {
  const { source, target } = transfer;
  const tag = referrersTag(subject);
  let existing: Descriptor[] = [];
  try {
    existing = (await getManifest(target, tag)).children;
  } catch (err) {
    if (!(err instanceof RegistryError && err.status === 404)) throw err;
  }
  const have = new Set(existing.map((d) => d.digest));
  const added: Descriptor[] = [];
  for (const a of list) {
    if (have.has(a.digest)) continue;
    const m = await getManifest(source, a.digest);
    added.push({
      mediaType: m.mediaType,
      digest: m.digest,
      size: m.bytes.length,
      ...(a.artifactType ? { artifactType: a.artifactType } : {}),
    });
  }
  if (!added.length) return;
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: [...existing, ...added] }),
  );
  await putManifest(target, tag, parseManifest(bytes, MEDIA.ociIndex, `${target.path}:${tag}`));
  transfer.ctx.stats.manifestsWritten++;
}
