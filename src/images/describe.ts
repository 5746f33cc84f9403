/**
 * What one tag or digest of a repository is: its manifest (and for an index,
 * the first platform's manifest), and that image's config for the platform,
 * creation time and labels. Manifests and configs already read in this listing
 * are not read again (many tags share a digest, many images a config).
 */
import {
  configPlatform,
  formatPlatform,
  getManifest,
  isAttestation,
  isIndexType,
  readImageConfig,
  type Manifest,
  type Repository,
} from '../registry/index.js';
import { LABELS, type ImageRow } from './image.js';

export type Description = Omit<ImageRow, 'registry' | 'domain' | 'repository' | 'tags' | 'attached'>;

/** Counts the requests of a listing and stops it past its budget. */
export class Budget {
  spent = 0;
  constructor(readonly limit: number) {}
  spend(n = 1): void {
    if (this.spent + n > this.limit) throw new BudgetExceeded(this.limit);
    this.spent += n;
  }
}

export class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
  constructor(readonly limit: number) {
    super(`request budget of ${limit} used up`);
  }
}

export interface DescribeCache {
  byDigest: Map<string, Promise<Description>>;
  configs: Map<string, Promise<Record<string, unknown>>>;
}

export const describeCache = (): DescribeCache => ({ byDigest: new Map(), configs: new Map() });

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function readLabels(config: Record<string, unknown>): Record<string, string> {
  const inner = (config.config ?? {}) as { Labels?: Record<string, unknown> | null };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(inner.Labels ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

const blobBytes = (m: Manifest) => m.blobs.reduce((n, b) => n + b.size, 0);

async function config(
  repo: Repository,
  manifest: Manifest,
  cache: DescribeCache,
  budget: Budget,
): Promise<Record<string, unknown>> {
  const digest = (manifest.json.config as { digest?: string } | undefined)?.digest ?? manifest.digest;
  const key = `${repo.session.base.origin} ${digest}`;
  let work = cache.configs.get(key);
  if (!work) {
    budget.spend();
    work = readImageConfig(repo, manifest);
    cache.configs.set(key, work);
  }
  return work;
}

async function fromManifest(
  repo: Repository,
  top: Manifest,
  cache: DescribeCache,
  budget: Budget,
): Promise<Description> {
  let image = top;
  let platforms: string[] = [];
  if (isIndexType(top.mediaType)) {
    const children = top.children.filter((c) => !isAttestation(c));
    platforms = children.map((c) => formatPlatform(c.platform));
    if (!children.length) return { digest: top.digest, kind: 'index', platforms, size: 0 };
    budget.spend();
    image = await getManifest(repo, children[0].digest);
  }
  const json = image.json.config ? await config(repo, image, cache, budget) : {};
  const labels = readLabels(json);
  if (!isIndexType(top.mediaType)) {
    const p = configPlatform(json);
    platforms = p ? [formatPlatform(p)] : [];
  }
  return {
    digest: top.digest,
    kind: isIndexType(top.mediaType) ? 'index' : 'image',
    platforms,
    size: blobBytes(image),
    created: text(json.created) ?? text(labels[LABELS.created]),
    branch: text(labels[LABELS.branch]),
    revision: text(labels[LABELS.revision]),
    message: text(labels[LABELS.message]),
    source: text(labels[LABELS.source]),
    base: text(labels[LABELS.base]),
    version: text(labels[LABELS.version]),
  };
}

/** Describes `reference` (a tag or digest) in `repo`. */
export async function describeImage(
  repo: Repository,
  reference: string,
  cache: DescribeCache,
  budget: Budget,
): Promise<Description> {
  const key = (digest: string) => `${repo.session.base.origin}/${repo.path}@${digest}`;
  if (reference.includes(':')) {
    let work = cache.byDigest.get(key(reference));
    if (!work) {
      budget.spend();
      work = getManifest(repo, reference).then((m) => fromManifest(repo, m, cache, budget));
      cache.byDigest.set(key(reference), work);
    }
    return work;
  }
  budget.spend();
  const top = await getManifest(repo, reference);
  let work = cache.byDigest.get(key(top.digest));
  if (!work) {
    work = fromManifest(repo, top, cache, budget);
    cache.byDigest.set(key(top.digest), work);
  }
  return work;
}
