/**
 * Every image across registries: repositories from each registry's catalog (or
 * the names given), their tags, and what each tag is. At most `parallel`
 * images are read at once per registry, and at most `budget` requests are made
 * to one registry: past it the listing stops there and says so.
 *
 *   const { rows } = await listImages({ registries, sessions, filter: { branch: 'main' } });
 */
import { UserError } from '../errors.js';
import { attachedTag, limiter, listCatalog, listTags, readRepository, type Sessions } from '../registry/index.js';
import {
  Budget,
  BudgetExceeded,
  describeCache,
  describeImage,
  type DescribeCache,
  type Description,
} from './describe.js';
import { matches, tagMatcher, type ImageFilter } from './filter.js';
import { globMatcher, isGlob } from './glob.js';
import { byNewest, type ImageRow } from './image.js';

export interface ListedRegistry {
  name: string;
  domain: string;
  prefix?: string;
}

export interface ListProgress {
  registry: string;
  repositories: number;
  repositoriesDone: number;
  images: number;
  imagesDone: number;
  requests: number;
}

export interface ListOptions {
  registries: ListedRegistry[];
  sessions: Sessions;
  /** Repository names or patterns, relative to each registry's prefix; default: the catalog. */
  repositories?: string[];
  filter?: ImageFilter;
  /** Images read at once per registry; default 8. */
  parallel?: number;
  /** Requests per registry; default 5000. */
  budget?: number;
  onProgress?: (p: ListProgress) => void;
  warn?: (message: string) => void;
}

export interface Listing {
  rows: ImageRow[];
  /** Requests made, per registry name. */
  requests: Record<string, number>;
}

const withPrefix = (r: ListedRegistry, name: string) =>
  r.prefix && !name.startsWith(`${r.prefix}/`) ? `${r.prefix}/${name}` : name;

async function repositoriesOf(r: ListedRegistry, opts: ListOptions, budget: Budget): Promise<string[]> {
  const patterns = (opts.repositories ?? []).map((p) => withPrefix(r, p.trim())).filter(Boolean);
  if (patterns.length && !patterns.some(isGlob)) return [...new Set(patterns)];
  budget.spend();
  const catalog = await listCatalog(await opts.sessions.get(r.domain));
  if (!catalog) {
    const what = patterns.length
      ? `patterns (${patterns.filter(isGlob).join(', ')}) need it`
      : 'name the repositories with --repository';
    throw new UserError(
      `registry ${r.name} (${r.domain}) offers no catalog of its repositories to this account; ${what}`,
    );
  }
  const wanted = patterns.length
    ? patterns.map(globMatcher)
    : [r.prefix ? (n: string) => n.startsWith(`${r.prefix}/`) : () => true];
  return catalog.filter((n) => wanted.some((w) => w(n)));
}

async function listRegistry(
  r: ListedRegistry,
  opts: ListOptions,
  cache: DescribeCache,
  budget: Budget,
): Promise<ImageRow[]> {
  const filter = opts.filter ?? {};
  const limit = limiter(opts.parallel ?? 8);
  const progress: ListProgress = {
    registry: r.name,
    repositories: 0,
    repositoriesDone: 0,
    images: 0,
    imagesDone: 0,
    requests: 0,
  };
  const report = () => opts.onProgress?.({ ...progress, requests: budget.spent });
  const repos = await repositoriesOf(r, opts, budget);
  progress.repositories = repos.length;
  report();
  const session = await opts.sessions.get(r.domain);
  const wantTag = tagMatcher(filter);
  // Only the requests hold one of the `parallel` places (a repository waiting for its images must not).
  const perRepo = repos.map(async (path) => {
    const repo = readRepository(session, path);
    const tags = await limit(() => (budget.spend(), listTags(repo)));
    progress.repositoriesDone++;
    const plain = tags.filter((t) => !attachedTag(t));
    const attached = new Map<string, string[]>();
    for (const t of tags) {
      const a = attachedTag(t);
      if (a) attached.set(a.digest, [...(attached.get(a.digest) ?? []), a.kind]);
    }
    const chosen = plain.filter(wantTag);
    progress.images += chosen.length;
    report();
    const described = await Promise.all(
      chosen.map((tag) =>
        limit(async () => {
          // One unreadable image (a schema 1 manifest, a broken config) is named, not fatal.
          const d = await describeImage(repo, tag, cache, budget).catch((err: unknown) => {
            if (err instanceof BudgetExceeded || !(err instanceof UserError)) throw err;
            opts.warn?.(`registry ${r.name}: skipped ${path}:${tag}: ${err.message}`);
            return undefined;
          });
          progress.imagesDone++;
          report();
          return { tag, d };
        }),
      ),
    ).then((all) => all.filter((x): x is { tag: string; d: Description } => x.d !== undefined));
    const rows = new Map<string, ImageRow>();
    for (const { tag, d } of described) {
      const row = rows.get(d.digest) ?? {
        registry: r.name,
        domain: session.name,
        repository: path,
        tags: [],
        attached: attached.get(d.digest) ?? [],
        ...d,
      };
      row.tags.push(tag);
      rows.set(d.digest, row);
    }
    // The API cannot list untagged manifests; those a signature or attestation still names can be found.
    if (filter.tagged !== true && !filter.tag) {
      const orphans = [...attached.keys()].filter(
        (digest) => !rows.has(digest) && !described.some((x) => x.d.digest === digest),
      );
      for (const digest of orphans) {
        const d = await limit(() => describeImage(repo, digest, cache, budget)).catch((err: unknown) => {
          if (err instanceof BudgetExceeded) throw err;
          return undefined; // the signed image itself is gone
        });
        if (d)
          rows.set(digest, {
            registry: r.name,
            domain: session.name,
            repository: path,
            tags: [],
            attached: attached.get(digest) ?? [],
            ...d,
          });
      }
    }
    for (const row of rows.values()) row.tags.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    return [...rows.values()];
  });
  const settled = await Promise.allSettled(perRepo);
  const failed = settled.find(
    (s): s is PromiseRejectedResult => s.status === 'rejected' && !(s.reason instanceof BudgetExceeded),
  );
  if (failed) throw failed.reason;
  if (settled.some((s) => s.status === 'rejected')) {
    opts.warn?.(
      `registry ${r.name}: stopped after ${budget.limit} requests (the request budget); the listing of it is incomplete`,
    );
  }
  return settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
}

export async function listImages(opts: ListOptions): Promise<Listing> {
  const cache = describeCache();
  const requests: Record<string, number> = {};
  const perRegistry = await Promise.all(
    opts.registries.map(async (r) => {
      const budget = new Budget(opts.budget ?? 5000);
      try {
        return await listRegistry(r, opts, cache, budget);
      } catch (err) {
        if (!(err instanceof BudgetExceeded)) throw err;
        opts.warn?.(
          `registry ${r.name}: stopped after ${budget.limit} requests (the request budget); the listing of it is incomplete`,
        );
        return [];
      } finally {
        requests[r.name] = budget.spent;
      }
    }),
  );
  const filter = opts.filter ?? {};
  const rows = perRegistry.flat().filter((row) => matches(row, filter));
  rows.sort((a, b) => byNewest(a, b) || a.repository.localeCompare(b.repository));
  return { rows, requests };
}
