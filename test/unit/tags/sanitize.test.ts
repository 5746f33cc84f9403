import { describe, expect, it } from 'vitest';
import { sanitizeTag, toTag } from '../../../src/tags/sanitize.js';
import { isValidTag } from '../../../src/naming/index.js';
import { UserError } from '../../../src/errors.js';

describe('sanitizeTag', () => {
  it.each([
    ['feature/Login-Page', 'featureLogin-Page'],
    ['main-9c2e5f8', 'main-9c2e5f8'],
    ['v1.2.3+build.5', 'v1.2.3build.5'],
    ['.hidden', 'hidden'],
    ['-.-x', 'x'],
    ['..--_ok', '_ok'],
    ['a b\tc\nd', 'abcd'],
    ['ünïcødé-tag', 'ncd-tag'],
    ['${{ x }}', 'x'],
    ['2024-05-02T09:12:45+00:00', '2024-05-02T0912450000'],
    ['.', ''],
    ['', ''],
  ])('%j → %j', (input, want) => {
    expect(sanitizeTag(input)).toBe(want);
  });

  it('cuts to 128 characters after stripping', () => {
    const long = '-' + 'a'.repeat(200);
    const tag = sanitizeTag(long);
    expect(tag).toBe('a'.repeat(128));
    expect(isValidTag(tag)).toBe(true);
  });

  it('always gives a valid Docker tag or nothing', () => {
    const samples = ['x/y', '--a', '_', '-_', 'A'.repeat(300), 'ok.', 'a..b', '€'];
    for (const s of samples) {
      const t = sanitizeTag(s);
      expect(t === '' || isValidTag(t), s).toBe(true);
    }
  });
});

describe('toTag', () => {
  it('returns the sanitised tag', () => {
    expect(toTag('feature/x', 'templates line 1', '{{ .Branch }}')).toBe('featurex');
  });

  it('fails naming the template when nothing valid is left', () => {
    const call = () => toTag('/.-', 'templates line 2', '{{ .Branch }}');
    expect(call).toThrow(UserError);
    expect(call).toThrow(
      'templates line 2: template "{{ .Branch }}" rendered "/.-", which leaves no valid tag characters ([A-Za-z0-9_.-], not starting with . or -)',
    );
    expect(() => toTag('', 'template 1', '{{ .Tag }}')).toThrow(
      'template 1: template "{{ .Tag }}" rendered nothing, which',
    );
  });
});
