/**
 * One image as the listing shows it: where it is, what it is (digest,
 * platforms, size, creation time) and what built it (the OCI and regkit labels).
 */
import { LABEL_BRANCH, LABEL_COMMIT_MESSAGE } from '../image-build/labels.js';

export interface ImageRow {
  /** The registry's name in the registries file. */
  registry: string;
  /** host[:port] */
  domain: string;
  repository: string;
  digest: string;
  /** Every tag pointing at this digest; [] for an image found only through what is attached to it. */
  tags: string[];
  kind: 'index' | 'image';
  platforms: string[];
  /** Compressed bytes of the image read (for an index: its first platform). */
  size: number;
  /** ISO time from the image config, else the created label. */
  created?: string;
  branch?: string;
  revision?: string;
  message?: string;
  source?: string;
  /** The base image's name, where the image records it (org.opencontainers.image.base.name). */
  base?: string;
  version?: string;
  /** What is attached to the digest: signature, attestation, sbom (cosign's tags) or referrer artifact types. */
  attached: string[];
}

export const LABELS = {
  revision: 'org.opencontainers.image.revision',
  source: 'org.opencontainers.image.source',
  created: 'org.opencontainers.image.created',
  base: 'org.opencontainers.image.base.name',
  version: 'org.opencontainers.image.version',
  branch: LABEL_BRANCH,
  message: LABEL_COMMIT_MESSAGE,
} as const;

/** The full reference by digest, and by its first tag when it has one. */
export function pullRef(row: Pick<ImageRow, 'domain' | 'repository' | 'digest' | 'tags'>, byTag = true): string {
  const name = `${row.domain}/${row.repository}`;
  return byTag && row.tags.length ? `${name}:${row.tags[0]}` : `${name}@${row.digest}`;
}

/** Newest first; images without a creation time last. */
export function byNewest(a: Pick<ImageRow, 'created'>, b: Pick<ImageRow, 'created'>): number {
  return (b.created ?? '').localeCompare(a.created ?? '');
}
