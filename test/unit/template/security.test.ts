// {{js}} and quoting escape what Go's tables call unprintable, including code points
// newer than Go's Unicode version. Expected values from go1.19 (Unicode 13.0) running
// `{{js .}}` and strconv.Quote on the same strings.
import { describe, expect, test } from 'vitest';
import { Template } from '../../../src/template/index.js';

const js = (s: string) => Template.parse('t', '{{js .}}').execute(s);
const printf = (s: string) => Template.parse('t', '{{printf "%q" .}}').execute(s);

describe('js escaping as Go does it', () => {
  test.each([
    ['\uFDFF', '\\uFDFF'],
    ['\u00AD', '\\u00AD'],
    ['\u2028', '\\u2028'],
    ['\u0378', '\\u0378'],
    ['\u{E0001}', '\\uE0001'],
    ['\u00A0', '\\u00A0'],
    ['\u200B', '\\u200B'],
    ['\uFFFF', '\\uFFFF'],
    ['\u{1F600}', '\u{1F600}'],
    ['é<b>', 'é\\u003Cb\\u003E'],
  ])('%j', (input, want) => {
    expect(js(input)).toBe(want);
  });

  test('%q escapes the same newer code points', () => {
    expect(printf('\uFDFF')).toBe('"\\ufdff"');
    expect(printf('\u061D')).toBe('"\\u061d"');
    expect(printf('é')).toBe('"é"');
  });
});

describe('limits on one execution', () => {
  // Each level calls the next twice: 2^26 calls, hours and gigabytes without a limit.
  const runaway =
    Array.from(
      { length: 26 },
      (_, i) => `{{define "t${i}"}}{{template "t${i + 1}" .}}{{template "t${i + 1}" .}}{{end}}`,
    ).join('') + '{{define "t26"}}ab{{end}}{{template "t0" .}}';

  test('a template that runs away stops at the step limit with a clear error', () => {
    const started = Date.now();
    expect(() => Template.parse('tag', runaway).execute(null, { maxSteps: 200_000 })).toThrow(
      /execution took more than 200000 steps — the template runs away/,
    );
    expect(Date.now() - started).toBeLessThan(20_000); // a ceiling: over 120 s before
  });

  test('and at the output limit', () => {
    expect(() => Template.parse('tag', runaway).execute(null, { maxOutput: 1000 })).toThrow(
      /output longer than 1000 characters/,
    );
    expect(() =>
      Template.parse('tag', '{{range .}}{{.}}{{end}}').execute(['a'.repeat(600), 'b'.repeat(600)], { maxOutput: 1000 }),
    ).toThrow(/output longer than 1000/);
    expect(Template.parse('tag', '{{range .}}{{.}}{{end}}').execute(['a', 'b'], { maxOutput: 2 })).toBe('ab');
  });
});

describe('tag rendering', () => {
  test('a runaway tag template is one user error, within a ceiling', async () => {
    const { renderTags } = await import('../../../src/tags/render.js');
    const { UserError } = await import('../../../src/errors.js');
    const text =
      Array.from(
        { length: 26 },
        (_, i) => `{{define "t${i}"}}{{template "t${i + 1}" .}}{{template "t${i + 1}" .}}{{end}}`,
      ).join('') + '{{define "t26"}}ab{{end}}{{template "t0" .}}';
    const started = Date.now();
    let err: unknown;
    try {
      renderTags([{ name: 'tags', text }], {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(
      /^template: tags:1:\d+: executing "t26" at <ab>: output longer than 65536 characters — the template runs away/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
