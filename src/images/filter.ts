/**
 * The listing's filters. All given filters must hold (AND), as on Codefresh's
 * Images page: branch, tag and base take `*`/`?` patterns; revision matches a
 * commit by its full hash or a prefix of at least 7 characters.
 */
import { UserError } from '../errors.js';
import { globMatcher } from './glob.js';
import type { ImageRow } from './image.js';

export interface ImageFilter {
  branch?: string;
  tag?: string;
  base?: string;
  revision?: string;
  /** true: tagged only; false: untagged only. */
  tagged?: boolean;
  /** Created at or after. */
  since?: Date;
}

/** --since: an ISO date or time, or an age such as 36h, 7d, 2w. */
export function parseSince(text: string, now = Date.now()): Date {
  const age = /^(\d+)\s*([mhdw])$/.exec(text.trim());
  if (age) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }[age[2] as 'm' | 'h' | 'd' | 'w'];
    return new Date(now - Number(age[1]) * unit);
  }
  const at = new Date(text.trim());
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(at.getTime())) {
    throw new UserError(
      `since: "${text}" is neither a date (2026-01-31, 2026-01-31T12:00:00Z) nor an age (36h, 7d, 2w)`,
    );
  }
  return at;
}

/** Whether a tag may name a matching image (decided before the image is read, to spare requests). */
export function tagMatcher(filter: ImageFilter): (tag: string) => boolean {
  return filter.tag ? globMatcher(filter.tag) : () => true;
}

export function matches(row: ImageRow, filter: ImageFilter): boolean {
  if (filter.tagged !== undefined && row.tags.length > 0 !== filter.tagged) return false;
  if (filter.tag && !row.tags.some(globMatcher(filter.tag))) return false;
  if (filter.branch && !(row.branch !== undefined && globMatcher(filter.branch)(row.branch))) return false;
  if (filter.base && !(row.base !== undefined && globMatcher(filter.base)(row.base))) return false;
  if (filter.revision) {
    const want = filter.revision.toLowerCase();
    if (
      !row.revision ||
      !(want.length >= 7 ? row.revision.toLowerCase().startsWith(want) : row.revision.toLowerCase() === want)
    )
      return false;
  }
  if (filter.since && !(row.created && new Date(row.created) >= filter.since)) return false;
  return true;
}
