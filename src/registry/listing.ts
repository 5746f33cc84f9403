/**
 * Listing steps of the distribution API, with their `Link: <…>; rel="next"` pages:
 *
 *   listCatalog  GET /v2/_catalog?n=…            (repositories; many registries refuse it)
 *   listTags     GET /v2/<name>/tags/list?n=…
 *   listReferrers GET /v2/<name>/referrers/<digest>   (OCI 1.1; undefined where the registry lacks it)
 */
import { RegistryError, type RegistrySession } from './auth.js';
import { MEDIA, type Descriptor } from './media.js';
import { repositoryLabel, unexpected, type Repository } from './repository.js';
import type { Response } from './transport.js';

export const CATALOG_SCOPE = 'registry:catalog:*';
const PAGE = 1000;
/** A registry that pages forever is stopped here. */
const MAX_PAGES = 1000;

function nextPage(res: Response, current: URL): URL | undefined {
  const link = res.header('link');
  const m = link && /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  if (!m) return undefined;
  const next = new URL(m[1], current);
  // A next page elsewhere would take our credentials with it: stay on the registry.
  return next.origin === current.origin ? next : undefined;
}

/** Every page's names; undefined when the first page answers one of the `absent` statuses. */
async function pages<T>(
  repo: Repository,
  first: string,
  read: (body: T) => string[],
  what: string,
  absent: number[],
): Promise<string[] | undefined> {
  const { session, scopes } = repo;
  const out: string[] = [];
  let url: URL | undefined = new URL(first, session.base);
  for (let i = 0; url && i < MAX_PAGES; i++) {
    const res = await session.request({ method: 'GET', path: url, scopes });
    if (i === 0 && absent.includes(res.status)) {
      await res.drain();
      return undefined;
    }
    if (res.status !== 200) throw await unexpected(res, what, repo);
    out.push(...read(await res.json<T>()));
    url = nextPage(res, url);
  }
  return out;
}

/** Every repository the registry names in its catalog; undefined when it offers none (or not to us). */
export async function listCatalog(session: RegistrySession): Promise<string[] | undefined> {
  const pseudo: Repository = { session, path: '_catalog', scopes: [CATALOG_SCOPE] };
  try {
    return await pages<{ repositories?: string[] }>(
      pseudo,
      `/v2/_catalog?n=${PAGE}`,
      (b) => b.repositories ?? [],
      `listing the repositories of ${session.name}`,
      [401, 403, 404],
    );
  } catch (err) {
    // A token server that will not grant the catalog scope: the same as no catalog.
    if (err instanceof RegistryError && (err.status === 401 || err.status === 403)) return undefined;
    throw err;
  }
}

/** The repository's tags; [] when the repository does not exist. */
export async function listTags(repo: Repository): Promise<string[]> {
  const tags = await pages<{ tags?: string[] | null }>(
    repo,
    `/v2/${repo.path}/tags/list?n=${PAGE}`,
    (b) => b.tags ?? [],
    `listing the tags of ${repositoryLabel(repo)}`,
    [404],
  );
  return tags ?? [];
}

/** What the registry lists as referring to `digest`; undefined when it has no referrers API. */
export async function listReferrers(repo: Repository, digest: string): Promise<Descriptor[] | undefined> {
  const res = await repo.session.request({
    method: 'GET',
    path: `/v2/${repo.path}/referrers/${digest}`,
    scopes: repo.scopes,
    headers: { accept: MEDIA.ociIndex },
  });
  if (res.status === 404 || res.status === 405 || res.status === 400) {
    await res.drain();
    return undefined;
  }
  if (res.status !== 200)
    throw await unexpected(res, `listing what refers to ${repositoryLabel(repo)}@${digest}`, repo);
  const type = res.header('content-type') ?? '';
  const body = await res.json<{ manifests?: Descriptor[] }>();
  // Some registries answer unknown paths with 200 and something else entirely.
  if (!type.startsWith(MEDIA.ociIndex) || !Array.isArray(body.manifests)) return undefined;
  return body.manifests;
}
