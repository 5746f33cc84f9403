// Go's RE2 matches in linear time; a JavaScript regexp backtracks. Filters that could
// blow up are declined with a report line; the translation itself stays linear on long patterns.
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/migrate/re2.js';
import { JobFilters } from '../../../src/migrate/filters.js';
import { Report } from '../../../src/migrate/report.js';

const declined = (p: string) => {
  const t = translate(p);
  expect(t.ok).toBe(false);
  return t.ok ? '' : t.reason;
};

describe('patterns that backtrack catastrophically in JavaScript', () => {
  it('a repeat around a repeat is declined, with what to write instead', () => {
    expect(declined('^([a-z0-9]+-?)+$')).toBe(
      "`([a-z0-9]+-?)+` repeats a group that itself repeats, which can take exponential time in JavaScript where Go's RE2 is linear; write the filter without a repeat around a repeat, or end the group with a character its repeats cannot match (as in (\\d+\\.)+)",
    );
    for (const p of ['^(a+)+$', '^(a*)*$', '(a?){30}', '^((ab)*c?)+$', '^(.+/)+x$', '^([a-z.]+\\.)+$'])
      expect(declined(p)).toMatch(/exponential time/);
    expect(declined('^(a|aa)+$')).toMatch(/repeats a group with alternatives/);
  });

  it('is reported by the migration, and the steps under it get if: false', () => {
    const report = new Report();
    const filters = new JobFilters(report, new Set());
    const pos = { file: 'codeship-steps.yml', line: 3, col: 9 };
    expect(filters.condition([{ pos, kind: 'tag', value: '^([a-z0-9]+-?)+$' }])).toBe(false);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0].level).toBe('error');
    expect(report.lines[0].message).toMatch(
      /^tag `\^\(\[a-z0-9\]\+-\?\)\+\$`: not translated: .* exponential time .*; the steps under it get `if: false`$/,
    );
  });

  it('keeps the unambiguous forms, and they finish at once on hostile names', () => {
    for (const p of [
      '^v(\\d+\\.)+\\d+$',
      '^([a-z]+/)*main$',
      '^(a{10}){100}$',
      '^release-[0-9]+(\\.[0-9]+)*$',
      '^(feature|hotfix)/.*$',
    ]) {
      const t = translate(p);
      expect(t.ok, p).toBe(true);
      if (!t.ok) continue;
      const re = new RegExp(t.source, t.flags);
      const started = Date.now();
      for (const name of [
        'v' + '1.'.repeat(5000) + '!',
        'a/'.repeat(5000) + 'x',
        'a'.repeat(10_000) + '!',
        'release-' + '1.'.repeat(5000),
      ])
        re.test(name);
      expect(Date.now() - started, p).toBeLessThan(5_000); // a ceiling: the declined forms never finish
    }
  });
});

describe('the translation itself', () => {
  it('is linear on a long pattern and never overflows the stack', () => {
    const long = '^' + 'ab[c-e]\\d{2}'.repeat(20_000) + '$';
    const started = Date.now();
    expect(translate(long).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(translate('('.repeat(5000) + 'a' + ')'.repeat(5000))).toEqual({
      ok: false,
      goRejects: true,
      reason: 'expression nests too deeply',
    });
    expect(translate('^' + 'a|'.repeat(50_000) + 'b$').ok).toBe(true);
  });
});
