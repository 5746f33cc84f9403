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
import { where, type Pos } from './yaml-tree.js';

export const FILTER_STEP_ID = 'branch';

export function isRegexp(value: string): boolean {
  return value.includes('^') || value.includes('$');
}

/** The JavaScript regexp for one filter value, or why there is none. */
export function compileFilter(
  value: string,
): { ok: true; source: string; flags: string } | { ok: false; reason: string } {
  if (!isRegexp(value)) {
    const escaped = [...value].map((c) => ('\\^$.|?*+()[]{}/'.includes(c) ? '\\' + c : c)).join('');
    return { ok: true, source: `^${escaped}$`, flags: 'u' };
  }
  const t = translate(value);
  if (t.ok) return t;
  return {
    ok: false,
    reason: t.goRejects
      ? `Go's regexp rejects it (${t.reason}), so Codeship never ran this step`
      : `not translated: ${t.reason}`,
  };
}

/** The filters one job needs, named by output. */
export class JobFilters {
  readonly outputs = new Map<string, { source: string; flags: string }>();
  private readonly byValue = new Map<string, string>();

  constructor(
    private readonly report: Report,
    private readonly reported: Set<string>,
  ) {}

  /**
   * An `if:` expression for these filters; `false` when one cannot be evaluated or they
   * can never all hold; undefined when there are none left. `step` names the step in the
   * report when the filters simplify to always or never.
   */
  condition(filters: Filter[], step?: { pos: Pos; label: string }): string | false | undefined {
    if (!filters.length) return undefined;
    const compiled: { f: Filter; c: { source: string; flags: string } }[] = [];
    for (const f of filters) {
      const c = compileFilter(f.value);
      const first = !this.reported.has(where(f.pos));
      this.reported.add(where(f.pos));
      if (!c.ok) {
        if (first)
          this.report.error(f.pos, `${f.kind} \`${f.value}\`: ${c.reason}; the steps under it get \`if: false\``);
        return false;
      }
      if (first) {
        const what = isRegexp(f.value)
          ? `Go regexp, searched → /${c.source}/${c.flags.replace('u', '')}`
          : 'the whole branch or tag name';
        this.report.converted(f.pos, `${f.kind} \`${f.value}\` (${what}) → output of step \`${FILTER_STEP_ID}\``);
      }
      compiled.push({ f, c });
    }
    const s = simplify(compiled);
    const tell = (message: string) => {
      if (!step || this.reported.has(`step ${where(step.pos)}`)) return;
      this.reported.add(`step ${where(step.pos)}`);
      this.report.changed(step.pos, `${step.label}: ${message}`);
    };
    if (s.never) {
      tell(`its filters never all hold (${s.never}); Codeship never ran it, and it gets \`if: false\``);
      return false;
    }
    if (!s.kept.length) {
      tell('its filters hold for every branch and tag name, so it runs on every push, without an `if:`');
      return undefined;
    }
    const parts = s.kept.map(
      ({ f, c }) =>
        `steps.${FILTER_STEP_ID}.outputs.${this.output(f.value, c)} ${f.kind === 'tag' ? '==' : '!='} 'true'`,
    );
    return [...new Set(parts)].join(' && ');
  }

  private output(value: string, c: { source: string; flags: string }): string {
    const known = this.byValue.get(value);
    if (known) return known;
    const base =
      value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 30)
        .replace(/-+$/, '') || 'filter';
    let name = /^[a-z]/.test(base) ? base : `b-${base}`;
    const root = name;
    for (let i = 2; this.outputs.has(name); i++) name = `${root}-${i}`;
    this.outputs.set(name, c);
    this.byValue.set(value, name);
    return name;
  }
}

type Compiled = { f: Filter; c: { source: string; flags: string } };

/** A value that every branch or tag name matches: `.*`, `^.*$`, `^`, `$`… */
function matchesAll(value: string): boolean {
  return isRegexp(value) && value.replace(/\.\*|[()^$]/g, '') === '';
}

/**
 * Filters that decide nothing are dropped; `never` says why they cannot all hold. A plain
 * `tag:` pins the name, so every other filter is decided against that name here.
 */
function simplify(all: Compiled[]): { kept: Compiled[]; never?: string } {
  const seen = new Set<string>();
  let list = all.filter(({ f }) => !seen.has(`${f.kind} ${f.value}`) && !!seen.add(`${f.kind} ${f.value}`));
  for (const { f } of list) {
    if (f.kind === 'tag' && list.some((o) => o.f.kind === 'exclude' && o.f.value === f.value))
      return { kept: [], never: `tag and exclude \`${f.value}\`` };
    if (f.kind === 'exclude' && matchesAll(f.value))
      return { kept: [], never: `exclude \`${f.value}\` matches every name` };
  }
  list = list.filter(({ f }) => !(f.kind === 'tag' && matchesAll(f.value)));
  const pinned = list.find(({ f }) => f.kind === 'tag' && !isRegexp(f.value));
  if (!pinned) return { kept: list };
  const name = pinned.f.value;
  for (const { f, c } of list) {
    if (f === pinned.f) continue;
    const hit = new RegExp(c.source, c.flags).test(name);
    if (f.kind === 'tag' && !hit) return { kept: [], never: `tag \`${pinned.f.value}\` and tag \`${f.value}\`` };
    if (f.kind === 'exclude' && hit) return { kept: [], never: `tag \`${pinned.f.value}\` and exclude \`${f.value}\`` };
  }
  return { kept: [pinned] };
}
