/**
 * What cosign and the OCI referrers tag schema store next to an image, found by tag name:
 *   sha256-<hex>.sig / .att / .sbom   cosign's signature, attestation, SBOM of sha256:<hex>
 *   sha256-<hex>                      the referrers tag schema's index (registries without the referrers API)
 * These tags are not images of their own.
 */
const ATTACHED_TAG = /^(sha256|sha512)-([0-9a-f]{64}|[0-9a-f]{128})(?:\.(sig|att|sbom))?$/;

export type SidecarKind = 'signature' | 'attestation' | 'sbom' | 'referrers';

const KINDS: Record<string, SidecarKind> = { sig: 'signature', att: 'attestation', sbom: 'sbom' };

/** The digest a tag is attached to and its kind, or undefined for an ordinary tag. */
export function attachedTag(tag: string): { digest: string; kind: SidecarKind } | undefined {
  const m = ATTACHED_TAG.exec(tag);
  if (!m) return undefined;
  return { digest: `${m[1]}:${m[2]}`, kind: m[3] ? KINDS[m[3]] : 'referrers' };
}

/** The tags attached to `digest` among `tags`, by the schemas above. */
export function attachedTags(tags: Iterable<string>, digest: string): string[] {
  const out: string[] = [];
  for (const tag of tags) if (attachedTag(tag)?.digest === digest) out.push(tag);
  return out;
}

/** The tag name the referrers tag schema gives `digest`. */
export const referrersTag = (digest: string) => digest.replace(':', '-');
