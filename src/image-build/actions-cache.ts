/**
 * The build cache in the GitHub Actions cache, for repositories without a caching
 * registry: Codeship's `cached: true` + `default_cache_branch`. One entry per image,
 * branch and commit; a build restores the newest entry of its branch, else of the
 * default branch, builds with it as cache source, and saves its own.
 *
 * The cache is best effort: a service that is down, refuses, or may only be read gives
 * a warning and a build without (or without saving) cache, never a failed build.
 * @actions/cache is loaded only by builds that use it.
 */
import { join } from 'node:path';
import { tempRoot } from '../docker/phase-config.js';
import type { Log } from '../log.js';

export interface ActionsCachePlan {
  /** The key this build saves under; undefined when the branch or commit is unknown. */
  save?: string;
  /** Key prefixes to restore from, in order: the branch's, then the default branch's. */
  restore: string[];
  /** Chosen by `cache: auto`: where no cache service is offered (not on a GitHub runner) that is no warning. */
  auto?: boolean;
}

/** What @actions/cache offers that a build uses. */
interface ToolkitCache {
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
  isFeatureAvailable(): boolean;
}

// ':' cannot appear in an image name nor a git branch, so one image's or branch's prefix is
// never the prefix of another's; ',' separates keys in the service's API and '%' escapes it.
const part = (s: string) => s.replace(/%/g, '%25').replace(/,/g, '%2C');

export function actionsCacheKeys(
  imageName: string,
  branch: string,
  defaultBranch: string,
  commit: string,
): ActionsCachePlan {
  const prefix = (b: string) => `regkit-build:${part(imageName)}:${part(b)}:`;
  const restore = [...new Set([branch, defaultBranch].filter(Boolean).map(prefix))];
  return { save: branch && commit ? `${prefix(branch)}${commit}` : undefined, restore };
}

/**
 * The folder an entry holds. Its path is part of the entry's version for the service, so
 * it is the same in every job of a runner (RUNNER_TEMP); what it holds is named by `layout`.
 */
export function actionsCacheDir(env: NodeJS.ProcessEnv, layout: 'image' | 'buildx'): string {
  return join(tempRoot(env), 'regkit-build-cache', layout);
}

/**
 * ACTIONS_CACHE_MODE as the runner sets it for the run: none, read, write (both), write-only.
 * An unknown value allows both, as @actions/cache reads it.
 */
export function cacheAccess(env: NodeJS.ProcessEnv): { read: boolean; write: boolean; mode: string } {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
  if (!['none', 'read', 'write', 'write-only'].includes(mode)) return { read: true, write: true, mode };
  return { read: mode === 'read' || mode === 'write', write: mode === 'write' || mode === 'write-only', mode };
}

async function toolkit(): Promise<ToolkitCache> {
  return (await import('@actions/cache')) as ToolkitCache;
}

/**
 * Runs a call of @actions/cache, keeping its warning and error commands out of the log:
 * it reports a failed restore or save as an `::error::` (5xx) or a multi-line warning,
 * and a cache problem must be one warning line of ours on a build that goes on. Its other
 * output (progress, tar commands, masks of signed URLs) passes through.
 */
async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; problems: string[] }> {
  const problems: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = function (chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const kept = text.split(/(?<=\n)/).filter((line) => {
      const m = /^::(warning|error)(?: [^:]*)?::(.*)$/.exec(line.trimEnd());
      if (m) problems.push(unescapeCommand(m[2]).split(/\r?\n/)[0]);
      return !m;
    });
    return kept.length ? (write.call(process.stdout, kept.join(''), ...(rest as [])) as boolean) : true;
  } as typeof process.stdout.write;
  try {
    return { value: await fn(), problems };
  } finally {
    process.stdout.write = write;
  }
}

export interface Restored {
  /** The key of the entry restored; undefined for none. */
  matched?: string;
  /** The cache cannot be used in this run (warned once): do not try to save either. */
  unusable?: boolean;
}

/** Restores the newest entry of the branch, else of the default branch, into `dir`. */
export async function restoreActionsCache(
  plan: ActionsCachePlan,
  dir: string,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<Restored> {
  const access = cacheAccess(env);
  if (!access.read && !access.write) {
    log.warning(
      `cache: ACTIONS_CACHE_MODE=${access.mode} turns the Actions cache off for this run — building without cache`,
    );
    return { unusable: true };
  }
  let cache: ToolkitCache;
  try {
    cache = await toolkit();
  } catch (err) {
    log.warning(`cache: the Actions cache client could not be loaded (${firstLine(err)}) — building without cache`);
    return { unusable: true };
  }
  if (!cache.isFeatureAvailable()) {
    const why = 'the Actions cache service is not available to this step (no ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL)';
    if (plan.auto) log.info(`Build cache: no caching registry, and ${why}: building without cache`);
    else log.warning(`cache: ${why} — building without cache`);
    return { unusable: true };
  }
  if (!access.read) {
    log.info(`Actions cache not read: ACTIONS_CACHE_MODE=${access.mode} lets this run only write it`);
    return {};
  }
  if (plan.restore.length === 0) return {};
  const [primary, ...rest] = plan.save ? [plan.save, ...plan.restore] : plan.restore;
  try {
    const { value, problems } = await quietly(() => cache.restoreCache([dir], primary, rest));
    if (problems.length) {
      log.warning(`cache: the Actions cache could not be read (${problems[0]}) — building without cache`);
      return { unusable: true };
    }
    if (value) log.info(`Actions cache entry ${value} restored`);
    else log.info(`No Actions cache entry for ${plan.restore.join(' or ')}: building without cache`);
    return { matched: value };
  } catch (err) {
    log.warning(`cache: the Actions cache could not be read (${firstLine(err)}) — building without cache`);
    return { unusable: true };
  }
}

/** Saves `dir` under the plan's key; whether it was saved. */
export async function saveActionsCache(
  plan: ActionsCachePlan,
  dir: string,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<boolean> {
  if (!plan.save) {
    log.info('Actions cache not saved: the branch or commit of this build is unknown');
    return false;
  }
  const access = cacheAccess(env);
  if (!access.write) {
    log.warning(
      `cache: build cache not saved — ACTIONS_CACHE_MODE=${access.mode} does not allow this run to write the Actions cache`,
    );
    return false;
  }
  const cache = await toolkit();
  if (!cache.isFeatureAvailable()) return false;
  try {
    const { value, problems } = await quietly(() => cache.saveCache([dir], plan.save!));
    if (value > 0) {
      log.info(`Build cache saved to the Actions cache as ${plan.save}`);
      return true;
    }
    log.warning(`cache: build cache not saved to the Actions cache${problems.length ? ` (${problems[0]})` : ''}`);
    return false;
  } catch (err) {
    log.warning(`cache: build cache not saved to the Actions cache (${firstLine(err)})`);
    return false;
  }
}

/** The data of a workflow command, as the runner reads it. */
function unescapeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split(/\r?\n/)[0];
}
