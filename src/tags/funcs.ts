/**
 * Functions tag templates get beyond Go's built-ins. Names, argument order and
 * behaviour follow Sprig (Helm, docker/metadata-action users know them), so the
 * value comes last and pipelines read naturally: `{{ .Branch | replace "/" "-" | lower }}`.
 */
import { GoTyped, goFunc, type FuncMap } from '../template/index.js';
import { tagCharacters } from './sanitize.js';
import { formatSemver } from './semver.js';

function chars(s: string): string[] {
  return Array.from(s);
}

/** Sprig's notion of empty: Go's zero values and empty collections. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value === '';
  if (typeof value === 'number') return value === 0;
  if (typeof value === 'bigint') return value === 0n;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (value instanceof GoTyped) return isEmpty(value.value);
  if (Object.getPrototypeOf(value) === Object.prototype) return Object.keys(value as object).length === 0;
  return false; // structs, times, functions
}

export const tagFuncs: FuncMap = {
  /** `lower STRING` */
  lower: goFunc({ params: ['string'], result: 'string' }, (s: string) => s.toLowerCase()),
  /** `upper STRING` */
  upper: goFunc({ params: ['string'], result: 'string' }, (s: string) => s.toUpperCase()),
  /** `trunc N STRING`: the first N characters; a negative N keeps the last -N. */
  trunc: goFunc({ params: ['int', 'string'], result: 'string' }, (n: number, s: string) => {
    const c = chars(s);
    if (n >= 0) return c.slice(0, n).join('');
    return c.slice(Math.max(0, c.length + n)).join('');
  }),
  /** `replace OLD NEW STRING`: every OLD replaced by NEW. */
  replace: goFunc(
    { params: ['string', 'string', 'string'], result: 'string' },
    (old: string, repl: string, s: string) =>
      // Go's strings.ReplaceAll: an empty OLD matches before every character and at the end.
      old === ''
        ? repl +
          chars(s)
            .map((c) => c + repl)
            .join('')
        : s.split(old).join(repl),
  ),
  /** `default FALLBACK [VALUE]`: VALUE, or FALLBACK when VALUE is missing or empty ("", 0, false, nil, empty list or map). */
  default: goFunc({ params: ['any'], variadic: 'any', result: 'any' }, (fallback: unknown, ...given: unknown[]) =>
    given.length === 0 || isEmpty(given[0]) ? fallback : given[0],
  ),
  /** `tagsafe STRING`: the characters a Docker tag cannot hold removed, as Codefresh's CF_BRANCH_TAG_NORMALIZED is made: `feature/login` → `featurelogin`. */
  tagsafe: goFunc({ params: ['string'], result: 'string' }, (s: string) => tagCharacters(s)),
  /** `semver VERSION FORMAT`: parts of a semantic version, e.g. `semver "v1.2.3" "major.minor"` is 1.2. */
  semver: goFunc({ params: ['string', 'string'], result: 'string' }, (version: string, format: string) =>
    formatSemver(version, format),
  ),
};
