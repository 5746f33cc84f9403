import { describe, expect, it } from 'vitest';
import { formatSemver, parseSemver } from '../../../src/tags/semver.js';

describe('parseSemver', () => {
  it('splits a version with an optional v into its five parts', () => {
    expect(parseSemver('v1.2.3')).toEqual({ major: '1', minor: '2', patch: '3', prerelease: '', build: '' });
    expect(parseSemver('10.20.30-rc.1+build.5')).toEqual({
      major: '10',
      minor: '20',
      patch: '30',
      prerelease: 'rc.1',
      build: 'build.5',
    });
    expect(parseSemver('V0.0.0-alpha-1.0a+001')).toEqual({
      major: '0',
      minor: '0',
      patch: '0',
      prerelease: 'alpha-1.0a',
      build: '001',
    });
  });

  it.each([
    '1.2',
    'v1',
    '1.2.3.4',
    '01.2.3',
    '1.2.3-01',
    '1.2.3-',
    '1.2.3+',
    'main',
    '',
    ' 1.2.3',
    'refs/tags/v1.2.3',
    'vv1.2.3',
  ])('rejects %j', (v) => expect(parseSemver(v)).toBeUndefined());
});

describe('formatSemver', () => {
  it.each([
    ['v1.2.3', 'major.minor', '1.2'],
    ['v1.2.3', 'major', '1'],
    ['v1.2.3', 'minor', '2'],
    ['v1.2.3', 'patch', '3'],
    ['v1.2.3', 'major.minor.patch', '1.2.3'],
    ['v1.2.3-rc.1', 'major.minor.patch', '1.2.3'],
    ['v1.2.3-rc.1', 'prerelease', 'rc.1'],
    ['v1.2.3-rc.1+exp.sha.5114f85', 'major.minor.patch-prerelease+build', '1.2.3-rc.1+exp.sha.5114f85'],
    ['v1.2.3-rc.1+exp.sha.5114f85', 'build', 'exp.sha.5114f85'],
    // An empty part takes its separator with it.
    ['v1.2.3', 'major.minor.patch-prerelease', '1.2.3'],
    ['v1.2.3+b7', 'major.minor.patch-prerelease+build', '1.2.3+b7'],
    ['v1.2.3', 'prerelease', ''],
    ['2.0.0', 'major_minor', '2_0'],
  ])('%s with %j gives %j', (version, format, want) => {
    expect(formatSemver(version, format)).toBe(want);
  });

  it('says what a semantic version is when given something else', () => {
    expect(() => formatSemver('main', 'major')).toThrow(
      '"main" is not a semantic version (MAJOR.MINOR.PATCH with an optional v, -prerelease and +build, e.g. v1.2.3)',
    );
  });

  it('names an unknown part and lists the known ones', () => {
    expect(() => formatSemver('1.2.3', 'major.mnor')).toThrow(
      'format "major.mnor": unknown part "mnor"; parts are major, minor, patch, prerelease, build',
    );
    expect(() => formatSemver('1.2.3', '..')).toThrow(/format "\.\." names no part/);
  });
});
