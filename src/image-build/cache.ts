/**
 * Build cache in the caching registry: one cache ref per branch, in the image's
 * own repository there (`<caching domain>/<prefix>/<image>:cache-<branch>`).
 * A build reads its branch's cache, then the default branch's (so a new branch
 * starts warm), and writes its branch's. The Actions cache, the other home of
 * a build cache, is in actions-cache.ts.
 */
import { UserError } from '../errors.js';
import { pushedName, registryByName, type RegistriesFile, type Registry } from '../registries-file/index.js';
import { isDockerHub } from '../naming/index.js';
import { sanitizeTag } from '../tags/sanitize.js';

export interface CachePlan {
  registry: Registry;
  /** Refs to read, in order of preference. */
  from: string[];
  /** Ref to write; undefined when the branch is unknown (a detached HEAD). */
  to?: string;
}

export function cacheTag(branch: string): string | undefined {
  const tag = sanitizeTag(`cache-${branch}`);
  return branch && tag !== 'cache-' ? tag : undefined;
}

export type CacheMode = 'registry' | 'actions' | 'none';

/**
 * Where the build cache lives for the `cache` input: `auto` is the caching registry when the
 * file names one, else the Actions cache; `registry` and `actions` choose; `false` is none.
 */
export function cacheMode(registriesFile: RegistriesFile, cache: string): CacheMode {
  const mode = cache.trim().toLowerCase();
  if (['false', 'off', 'none', 'no', ''].includes(mode)) return 'none';
  if (mode === 'auto' || mode === 'true') return registriesFile.caching === undefined ? 'actions' : 'registry';
  if (mode === 'actions') return 'actions';
  if (mode === 'registry') {
    if (registriesFile.caching === undefined)
      throw new UserError(
        `cache: registry needs a caching registry in ${registriesFile.file} — add "caching: <registry name>" there, or use cache: actions`,
      );
    return 'registry';
  }
  throw new UserError(
    `cache: "${cache}" is not a cache mode — use auto, registry (the caching registry of ${registriesFile.file}), actions (the GitHub Actions cache) or false`,
  );
}

/** The caching registry's plan for `cache`; undefined when the build does not use a caching registry. */
export function cachePlan(
  registriesFile: RegistriesFile,
  cache: string,
  imageName: string,
  branch: string,
  defaultBranch: string,
): CachePlan | undefined {
  if (cacheMode(registriesFile, cache) !== 'registry' || registriesFile.caching === undefined) return undefined;
  const registry = registryByName(registriesFile, registriesFile.caching, `${registriesFile.file}: caching`);
  // The loader refuses this already; kept for a hand-built RegistriesFile.
  if (isDockerHub(registry.domain))
    throw new UserError(
      `${registriesFile.file}: caching registry "${registry.name}" is Docker Hub, which is refused — use another registry for build cache`,
    );
  const ref = (b: string) => {
    const tag = cacheTag(b);
    return tag ? pushedName(registry, imageName, tag) : undefined;
  };
  const to = ref(branch);
  const from = [...new Set([to, ref(defaultBranch)].filter((r): r is string => r !== undefined))];
  return { registry, from, to };
}
