/**
 * Semantic versions (semver.org 2.0.0) for release tags: `v1.2.3-rc.1+build.5`
 * split into parts, and formats such as "major.minor" that pick parts out.
 */
export interface SemVer {
  major: string;
  minor: string;
  patch: string;
  prerelease: string;
  build: string;
}

export const SEMVER_PARTS = ['major', 'minor', 'patch', 'prerelease', 'build'] as const;
type Part = (typeof SEMVER_PARTS)[number];

const NUM = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUM}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const BUILD_ID = '[0-9A-Za-z-]+';
// An optional leading v, because release tags are written v1.2.3.
const SEMVER = new RegExp(
  `^[vV]?(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`,
);

export function parseSemver(version: string): SemVer | undefined {
  const m = SEMVER.exec(version);
  if (!m) return undefined;
  return { major: m[1], minor: m[2], patch: m[3], prerelease: m[4] ?? '', build: m[5] ?? '' };
}

/**
 * Formats `version` by `format`: each part name in the format is replaced by that
 * part, other characters are kept. An empty part (no prerelease or build) takes the
 * separator before it away with it, so "major.minor.patch-prerelease" of 1.2.3 is
 * `1.2.3`. Throws an Error with a message meant for the user.
 */
export function formatSemver(version: string, format: string): string {
  const v = parseSemver(version);
  if (!v) {
    throw new Error(
      `"${version}" is not a semantic version (MAJOR.MINOR.PATCH with an optional v, -prerelease and +build, e.g. v1.2.3)`,
    );
  }
  const words = format.match(/[A-Za-z]+/g) ?? [];
  if (words.length === 0)
    throw new Error(`format "${format}" names no part; use ${SEMVER_PARTS.join(', ')}, e.g. "major.minor"`);
  for (const w of words) {
    if (!(SEMVER_PARTS as readonly string[]).includes(w)) {
      throw new Error(`format "${format}": unknown part "${w}"; parts are ${SEMVER_PARTS.join(', ')}`);
    }
  }
  // Each part with the separator characters in front of it.
  return format.replace(/([^A-Za-z]*)([A-Za-z]+)/g, (_, sep: string, part: Part) =>
    v[part] === '' ? '' : sep + v[part],
  );
}
