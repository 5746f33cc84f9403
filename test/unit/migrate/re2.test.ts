// The RE2 → JavaScript translation against real Go: test/migrate/fixtures/regexp-go.json is
// written by scripts/go-regexp-oracle (go run) from regexp-cases.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/migrate/re2.js';

interface GoResult {
  pattern: string;
  error?: string;
  matches?: Record<string, boolean>;
}
const fixtures = new URL('../../migrate/fixtures/', import.meta.url);
const go = JSON.parse(readFileSync(new URL('regexp-go.json', fixtures), 'utf8')) as { go: string; results: GoResult[] };
const cases = JSON.parse(readFileSync(new URL('regexp-cases.json', fixtures), 'utf8')) as {
  cases: { pattern: string }[];
};

describe(`RE2 translation agrees with ${go.go}`, () => {
  it('has a Go result for every case in the table', () => {
    expect(go.results.map((r) => r.pattern)).toEqual(cases.cases.map((c) => c.pattern));
  });

  for (const r of go.results) {
    it(JSON.stringify(r.pattern), () => {
      const t = translate(r.pattern);
      if (r.error) {
        // What Go refuses, regkit refuses, and says Go would.
        expect(t).toMatchObject({ ok: false, goRejects: true });
        return;
      }
      if (!t.ok) {
        // Go accepts it; regkit may only decline the narrow cases it documents.
        expect(t.goRejects).toBe(false);
        expect(t.reason).toMatch(/flag `i`|\\b` together with|exponential time in JavaScript/);
        return;
      }
      const re = new RegExp(t.source, t.flags);
      const ours = Object.fromEntries(Object.keys(r.matches!).map((s) => [s, re.test(s)]));
      expect(ours).toEqual(r.matches);
    });
  }

  it('translates almost all of what Go accepts', () => {
    const accepted = go.results.filter((r) => !r.error);
    const declined = accepted.filter((r) => !translate(r.pattern).ok).map((r) => r.pattern);
    expect(declined).toEqual(['a(?i)b', '(?i:a)b', '(?i)\\bmaster', '(a*){1000}']);
  });
});
