/**
 * Picking an image by what it is instead of by tag:
 *
 *   staging/app?branch=main&newest          the newest image of staging/app built from main
 *   staging/app?revision=3f2c1a9            the image whose revision label is that commit
 *   ghcr.io/acme/app?tag=v1.*&newest
 *
 * Keys: branch, tag, base, revision (or commit), since, tagged; `newest` picks
 * the newest of several, without it several different images are an error.
 * Resolved through the same listing as `regkit images`.
 */
import { UserError } from '../errors.js';
import { didYouMean } from '../naming/index.js';
import type { Sessions } from '../registry/index.js';
import { parseSince, type ImageFilter } from './filter.js';
import { pullRef, type ImageRow } from './image.js';
import { listImages, type ListedRegistry } from './list.js';
import { shortCommit, shortDigest, shortTime } from './table.js';

export interface ImageQuery {
  /** The image name before `?` (as the caller writes names: a full reference or registry-name/image). */
  name: string;
  filter: ImageFilter;
  newest: boolean;
  /** The query as written, for messages. */
  text: string;
}

const KEYS = ['branch', 'tag', 'base', 'revision', 'commit', 'since', 'tagged', 'newest'];

/** The query in `text`, or undefined when `text` is a plain reference (no `?`). */
export function parseQuery(text: string, where = 'source'): ImageQuery | undefined {
  const trimmed = text.trim();
  const q = trimmed.indexOf('?');
  if (q < 0) return undefined;
  const name = trimmed.slice(0, q);
  if (!name) throw new UserError(`${where}: "${trimmed}" names no image before "?"`);
  if (/[:@]/.test(name.slice(name.lastIndexOf('/') + 1)))
    throw new UserError(
      `${where}: "${trimmed}": a query picks the tag or digest itself — give the image name without :tag or @digest (use tag=PATTERN to narrow)`,
    );
  const filter: ImageFilter = {};
  let newest = false;
  for (const part of trimmed
    .slice(q + 1)
    .split('&')
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).trim());
    if (!KEYS.includes(key))
      throw new UserError(
        `${where}: unknown query key "${key}" in "${trimmed}" (keys: ${KEYS.join(', ')})${(' ' + didYouMean(key, KEYS)).trimEnd()}`,
      );
    if (key === 'newest') {
      newest = value === '' || value === 'true';
      continue;
    }
    if (key === 'tagged') {
      if (value !== 'true' && value !== 'false' && value !== '')
        throw new UserError(`${where}: tagged=${value} in "${trimmed}": give true or false`);
      filter.tagged = value !== 'false';
      continue;
    }
    if (!value) throw new UserError(`${where}: "${key}" has no value in "${trimmed}" (write ${key}=VALUE)`);
    if (key === 'since') filter.since = parseSince(value);
    else filter[key === 'commit' ? 'revision' : (key as 'branch' | 'tag' | 'base' | 'revision')] = value;
  }
  if (!Object.keys(filter).length)
    throw new UserError(`${where}: "${trimmed}" asks nothing after "?" (e.g. ?branch=main&newest)`);
  return { name, filter, newest, text: trimmed };
}

/** One line naming an image and what it is: for logs and summaries. */
export function describeChoice(row: ImageRow): string {
  const facts = [
    row.tags.length ? `tags ${row.tags.join(', ')}` : 'untagged',
    row.branch && `branch ${row.branch}`,
    row.revision && `commit ${shortCommit(row.revision)}`,
    row.created && `created ${shortTime(row.created)}`,
  ].filter(Boolean);
  return `${pullRef(row, false)} (${facts.join(', ')})`;
}

/** The one image `query` picks in `repository` of `registry`; throws one line when there is none or, without `newest`, several. */
export async function resolveQuery(
  query: ImageQuery,
  registry: ListedRegistry,
  repository: string,
  sessions: Sessions,
): Promise<ImageRow> {
  const { rows } = await listImages({
    registries: [registry],
    repositories: [repository],
    sessions,
    filter: query.filter,
  });
  const where = `${registry.domain}/${repository}`;
  if (!rows.length) throw new UserError(`no image of ${where} matches "${query.text}"`);
  if (rows.length > 1 && !query.newest) {
    const listed = rows
      .slice(0, 5)
      .map((r) => r.tags[0] ?? shortDigest(r.digest))
      .join(', ');
    throw new UserError(
      `${rows.length} images of ${where} match "${query.text}" (${listed}${rows.length > 5 ? ', …' : ''}); add &newest to take the newest, or narrow the query`,
    );
  }
  return rows[0]; // the listing is newest first
}
