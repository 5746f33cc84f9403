/**
 * Codeship's `tag:` and `exclude:`: a plain value matches the whole branch or tag name;
 * a value with `^` or `$` is a Go regular expression searched in it; exclude wins; the
 * filters of enclosing groups apply too.
 *
 * GitHub's expressions compare strings ignoring case (`github.ref_name == 'master'` is
 * also true for `MASTER`) and have no regular expressions, so no filter can be said
 * exactly in an `if:` alone. Each filter is therefore evaluated once per job by a small
 * step (.github/codeship/branch-filters.cjs) running the filter as a JavaScript regexp
 * proven equal to Go's (src/migrate/re2.ts); the `if:` conditions then combine its
 * outputs with && and !=, which GitHub does say exactly.
 */
import type { Filter } from './model.js';
import { translate } from './re2.js';
import type { Report } from './report.js';
import { where } from './yaml-tree.js';

export const FILTER_STEP_ID = 'branch';

export function isRegexp(value: string): boolean {
  return value.includes('^') || value.includes('$');
}

/** The JavaScript regexp for one filter value, or why there is none. */
export function compileFilter(value: string): { ok: true; source: string; flags: string } | { ok: false; reason: string } {
  if (!isRegexp(value)) {
    const escaped = [...value].map((c) => ('\\^$.|?*+()[]{}/'.includes(c) ? '\\' + c : c)).join('');
    return { ok: true, source: `^${escaped}$`, flags: 'u' };
  }
  const t = translate(value);
  if (t.ok) return t;
  return { ok: false, reason: t.goRejects ? `Go's regexp rejects it (${t.reason}), so Codeship never ran this step` : `not translated: ${t.reason}` };
}

/** The filters one job needs, named by output. */
export class JobFilters {
  readonly outputs = new Map<string, { source: string; flags: string }>();
  private readonly byValue = new Map<string, string>();

  constructor(private readonly report: Report, private readonly reported: Set<string>) {}

  /** An `if:` expression for these filters; `false` when one cannot be evaluated; undefined when there are none. */
  condition(filters: Filter[]): string | false | undefined {
    if (!filters.length) return undefined;
    const parts: string[] = [];
    for (const f of filters) {
      const c = compileFilter(f.value);
      const first = !this.reported.has(where(f.pos));
      this.reported.add(where(f.pos));
      if (!c.ok) {
        if (first) this.report.error(f.pos, `${f.kind} \`${f.value}\`: ${c.reason}; the steps under it get \`if: false\``);
        return false;
      }
      if (first) {
        const what = isRegexp(f.value) ? `Go regexp, searched → /${c.source}/${c.flags.replace('u', '')}` : 'the whole branch or tag name';
        this.report.converted(f.pos, `${f.kind} \`${f.value}\` (${what}) → output of step \`${FILTER_STEP_ID}\``);
      }
      const out = this.output(f.value, c);
      parts.push(`steps.${FILTER_STEP_ID}.outputs.${out} ${f.kind === 'tag' ? '==' : '!='} 'true'`);
    }
    return [...new Set(parts)].join(' && ');
  }

  private output(value: string, c: { source: string; flags: string }): string {
    const known = this.byValue.get(value);
    if (known) return known;
    const base = value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30).replace(/-+$/, '') || 'filter';
    let name = /^[a-z]/.test(base) ? base : `b-${base}`;
    const root = name;
    for (let i = 2; this.outputs.has(name); i++) name = `${root}-${i}`;
    this.outputs.set(name, c);
    this.byValue.set(value, name);
    return name;
  }
}
