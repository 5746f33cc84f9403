import { describe, expect, it } from 'vitest';
import { isEmpty, tagFuncs } from '../../../src/tags/funcs.js';
import { GoStruct, GoTime, GoTyped } from '../../../src/template/index.js';
import { signatureOf } from '../../../src/template/values.js';

const f = tagFuncs as Record<string, (...args: any[]) => unknown>;

describe('tag functions, called as the engine calls them', () => {
  it('lower and upper', () => {
    expect(f.lower('Feature/ABC-12')).toBe('feature/abc-12');
    expect(f.upper('Feature/abc-12')).toBe('FEATURE/ABC-12');
  });

  it('trunc keeps the first N characters, or the last -N', () => {
    expect(f.trunc(7, '9c2e5f81a0b3d4c6')).toBe('9c2e5f8');
    expect(f.trunc(50, 'short')).toBe('short');
    expect(f.trunc(0, 'abc')).toBe('');
    expect(f.trunc(-3, 'release-123')).toBe('123');
    expect(f.trunc(-30, 'abc')).toBe('abc');
    // Characters, not UTF-16 units.
    expect(f.trunc(2, '😀😀😀')).toBe('😀😀');
  });

  it('replace replaces every occurrence, as strings.ReplaceAll', () => {
    expect(f.replace('/', '-', 'feature/a/b')).toBe('feature-a-b');
    expect(f.replace('x', '', 'axbxc')).toBe('abc');
    expect(f.replace('', '-', 'ab')).toBe('-a-b-');
    expect(f.replace('', '-', '')).toBe('-');
  });

  it('tagsafe removes every character a Docker tag cannot hold, as CF_BRANCH_TAG_NORMALIZED', () => {
    expect(f.tagsafe('feature/Login-2')).toBe('featureLogin-2');
    expect(f.tagsafe('release/v1.2_rc+3')).toBe('releasev1.2_rc3');
    expect(f.tagsafe('ünï/ß#@ ')).toBe('n');
    expect(f.tagsafe('')).toBe('');
  });

  it('default returns the value unless it is empty', () => {
    expect(f.default('latest', 'v1')).toBe('v1');
    for (const empty of ['', 0, 0n, false, null, undefined, [], {}, new Map(), new GoTyped('int64', 'int', 0n)]) {
      expect(f.default('latest', empty)).toBe('latest');
    }
    expect(f.default('latest')).toBe('latest');
    expect(f.default('x', 5n)).toBe(5n);
  });

  it('isEmpty never calls a struct or a time empty', () => {
    expect(isEmpty(new GoStruct('tags.Variables', {}))).toBe(false);
    expect(isEmpty(GoTime.fromDate(new Date(0)))).toBe(false);
  });

  it('semver picks parts and fails clearly on a non-version', () => {
    expect(f.semver('v1.2.3', 'major.minor')).toBe('1.2');
    expect(() => f.semver('main', 'major')).toThrow(/"main" is not a semantic version/);
  });

  it('declares Go signatures so the engine checks arguments as Go would', () => {
    expect(signatureOf(f.trunc)).toEqual({ params: ['int', 'string'], result: 'string' });
    expect(signatureOf(f.replace)?.params).toEqual(['string', 'string', 'string']);
    expect(signatureOf(f.default)).toEqual({ params: ['any'], variadic: 'any', result: 'any' });
    expect(signatureOf(f.semver)?.params).toEqual(['string', 'string']);
  });
});
