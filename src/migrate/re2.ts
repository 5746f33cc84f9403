/**
 * Translates a Go (RE2) regular expression into a JavaScript one that matches the same
 * strings, or says why not. Go's syntax is parsed here rule by rule (not patched with
 * string replaces) so that what Go rejects is rejected (lookaround, backreferences,
 * stacked repeats, bad counts) and what differs between the engines is spelled out:
 * `\s` is [\t\n\f\r ] in Go, `.` excludes only \n, `(?m)^` follows only \n, a literal
 * `]` or `{` is fine in Go. Checked against real Go on test/migrate/fixtures (see
 * scripts/go-regexp-oracle).
 */

import { complement, GENERAL_CATEGORIES, lit, MAX_RUNE, PERL, POSIX, rangesSource } from './re2-charset.js';

export type Translation =
  | { ok: true; source: string; flags: string }
  /** goRejects: Go's regexp.Compile fails too; otherwise Go accepts it but it is not translated. */
  | { ok: false; goRejects: boolean; reason: string };

class Stop extends Error {
  constructor(
    readonly goRejects: boolean,
    message: string,
  ) {
    super(message);
  }
}
const bad = (m: string) => new Stop(true, m);
const unsupported = (m: string) => new Stop(false, m);

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
}

/** Go's own limit on nesting (syntax.maxHeight). */
const MAX_NESTING = 1000;

type Ranges = [number, number][];
/** One element of a concatenation, as far as the linear-time check needs to know it. */
interface Elem {
  /** It matches a varying number of characters (a quantifier other than `{n}`). */
  varies: boolean;
  /** The characters it can match, when it is one character wide; undefined when unknown. */
  set?: Ranges;
  /** The one code point it matches, for an unquantified literal. */
  literal?: number;
}
const hits = (set: Ranges, cp: number) => set.some(([lo, hi]) => lo <= cp && cp <= hi);

function withinLimit(counts: number[]): boolean {
  let n = 1000;
  for (const m of counts) {
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  return true;
}

/**
 * A repeated group whose every pass ends (or starts) with one fixed character that none
 * of its varying parts can match (`(\d+\.)+`, `(\.[0-9]+)*`): passes are cut at those
 * characters, so there is one way to match and no backtracking blow-up.
 */
function unambiguous(elems: Elem[]): boolean {
  const fixed = (cp: number | undefined) =>
    cp !== undefined && elems.every((e) => !e.varies || (e.set !== undefined && !hits(e.set, cp)));
  return fixed(elems[elems.length - 1]?.literal) || fixed(elems[0]?.literal);
}

export function translate(pattern: string): Translation {
  try {
    return { ok: true, ...new Translator(pattern).run() };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, goRejects: e.goRejects, reason: e.message };
    throw e;
  }
}

class Translator {
  private pos = 0;
  private readonly cps: number[];
  private globalI = false;
  /** Counts of the `{n,m}` repeats along each nesting path of the last parsed expression. */
  private lastPaths: number[][] = [];
  /** Whether the last parsed expression holds a `|`. */
  private lastAlternates = false;

  /** Code-unit offset in `pattern` of each code point (and of the end). */
  private readonly units: number[];
  /** The elements of the last parsed concatenation (of a group with one branch). */
  private lastElems: Elem[] = [];

  constructor(private readonly pattern: string) {
    this.cps = [...pattern].map((c) => c.codePointAt(0)!);
    this.units = [];
    let u = 0;
    for (const cp of this.cps) {
      this.units.push(u);
      u += cp > 0xffff ? 2 : 1;
    }
    this.units.push(u);
  }

  run(): { source: string; flags: string } {
    // A leading (?i) (possibly with other flags) becomes the JS `i` flag; `i` anywhere else is refused.
    const lead = /^\(\?([imsU]*)\)/.exec(this.pattern);
    if (lead && lead[1].includes('i')) this.globalI = true;
    const source = this.alternation({ i: false, m: false, s: false }, 0);
    if (this.pos < this.cps.length) throw bad('unexpected )');
    const flags = 'u' + (this.globalI ? 'i' : '');
    try {
      new RegExp(source, flags);
    } catch (e) {
      throw unsupported(`JavaScript cannot compile the translation (${(e as Error).message})`);
    }
    return { source, flags };
  }

  private peek(off = 0): string | undefined {
    const c = this.cps[this.pos + off];
    return c === undefined ? undefined : String.fromCodePoint(c);
  }
  /**
   * `re` (sticky) matched where the parser stands, without copying the rest of the
   * pattern: a copy per step made long patterns quadratic.
   */
  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.units[this.pos];
    return re.exec(this.pattern);
  }

  /** `flags` is passed in and returned: `(?i)` in the middle changes the rest of the group. */
  private alternation(flags: Flags, depth: number): string {
    // Go refuses deeper nesting too; here it also keeps the parser off the end of the stack.
    if (depth > MAX_NESTING) throw bad('expression nests too deeply');
    const branches: string[] = [];
    const paths: number[][] = [];
    let alternates = false;
    let f = { ...flags };
    for (;;) {
      const [src, after] = this.concat(f, depth);
      branches.push(src);
      for (const p of this.lastPaths) paths.push(p);
      alternates ||= this.lastAlternates;
      f = after;
      if (this.peek() === '|') {
        this.pos++;
        continue;
      }
      this.lastPaths = paths;
      this.lastAlternates = alternates || branches.length > 1;
      if (branches.length > 1) this.lastElems = [];
      return branches.join('|');
    }
  }

  private concat(flags: Flags, depth: number): [string, Flags] {
    let out = '';
    let f = { ...flags };
    let last:
      | {
          src: string;
          quantifiable: boolean;
          quantified: boolean;
          paths: number[][];
          start: number;
          inner: { alt: boolean; elems: Elem[] };
          elem: Elem;
        }
      | undefined;
    const elems: Elem[] = [];
    const paths: number[][] = [];
    let alternates = false;
    const flush = () => {
      if (last) {
        out += last.src;
        for (const p of last.paths) paths.push(p);
        alternates ||= last.inner.alt;
        elems.push(last.elem);
      }
      last = undefined;
    };
    while (this.pos < this.cps.length) {
      const c = this.peek()!;
      if (c === '|' || c === ')') break;
      const q = this.quantifier();
      if (q) {
        if (!last) throw bad(`missing argument to repetition operator: \`${q.text}\``);
        if (last.quantified) throw bad(`invalid nested repetition operator: \`${q.text}\``);
        const varies = q.js.replace(/\?$/, '') !== `{${q.max}}` || q.max === undefined;
        const inner = last.quantifiable ? last.src : `(?:${last.src})`;
        const inside = last.paths.length ? last.paths : [[]];
        const next = q.max === undefined ? last.paths : inside.map((p) => [q.max!, ...p]);
        // Go's repeatIsValid: nested counts may not multiply past 1000.
        if (q.max !== undefined && q.max >= 2 && next.some((p) => !withinLimit(p)))
          throw bad(`invalid repeat count: \`${q.text}\``);
        if (q.repeats) this.checkLinear(last.start, last.inner);
        const elem: Elem = varies
          ? { varies: true, set: last.elem.set }
          : { ...last.elem, literal: undefined, varies: last.elem.varies };
        last = { ...last, src: inner + q.js, quantifiable: false, quantified: true, paths: next, elem };
        continue;
      }
      flush();
      const start = this.pos;
      const atom = this.atom(f, depth);
      if ('flags' in atom) {
        f = atom.flags;
        continue;
      }
      const isGroup = this.cps[start] === 0x28; // '('
      const inner = isGroup ? { alt: this.lastAlternates, elems: this.lastElems } : { alt: false, elems: [] };
      // A group is one element of unknown width; a single character knows its set (unless case folds it).
      const set = isGroup || this.globalI ? undefined : atom.set;
      const elem: Elem = isGroup
        ? { varies: inner.alt || inner.elems.some((e) => e.varies) }
        : { varies: false, set, literal: set && set.length === 1 && set[0][0] === set[0][1] ? set[0][0] : undefined };
      last = {
        src: atom.src,
        quantifiable: atom.quantifiable,
        quantified: false,
        paths: atom.paths ?? [],
        start,
        inner,
        elem,
      };
    }
    flush();
    this.lastPaths = paths;
    this.lastAlternates = alternates;
    this.lastElems = elems;
    return [out, f];
  }

  /**
   * Go's RE2 matches in time linear in the input; JavaScript backtracks. A repeat around
   * something that can itself match in several ways (a repeat, or alternatives) can take
   * exponential time — `^([a-z0-9]+-?)+$` on a 40-character branch name runs until the job
   * times out — and each further repeat multiplies the work by the name's length. Such
   * patterns are declined (the filter is reported, not run) instead of run slowly.
   */
  private checkLinear(start: number, inner: { alt: boolean; elems: Elem[] }): void {
    const text = () => {
      const t = String.fromCodePoint(...this.cps.slice(start, Math.min(this.pos, start + 40)));
      return this.pos - start > 40 ? `${t}…` : t;
    };
    if (inner.alt) {
      throw unsupported(
        `\`${text()}\` repeats a group with alternatives (|), which can take exponential time in JavaScript where Go's RE2 is linear; write the filter without a repeat around a |`,
      );
    }
    if (!inner.elems.some((e) => e.varies) || unambiguous(inner.elems)) return;
    throw unsupported(
      `\`${text()}\` repeats a group that itself repeats, which can take exponential time in JavaScript where Go's RE2 is linear; write the filter without a repeat around a repeat, or end the group with a character its repeats cannot match (as in (\\d+\\.)+)`,
    );
  }

  /** `repeats`: it may match more than once (not `?` or `{0,1}`). */
  private quantifier(): { text: string; js: string; max?: number; repeats: boolean } | undefined {
    const c = this.peek();
    const start = this.pos;
    let js: string;
    let max: number | undefined;
    let repeats = c !== '?';
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      js = c;
    } else if (c === '{') {
      const m = this.match(/\{(\d+)(,(\d*))?\}/y);
      if (!m) return undefined; // Go reads a `{` that starts no count as a literal
      const min = Number(m[1]);
      const hi = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
      if (min > 1000 || hi > 1000 || (hi >= 0 && hi < min)) throw bad(`invalid repeat count: \`${m[0]}\``);
      max = hi === 0 ? undefined : hi < 0 ? min : hi;
      repeats = hi < 0 || hi > 1;
      this.pos += [...m[0]].length;
      js = m[0];
    } else return undefined;
    if (this.peek() === '?') {
      this.pos++;
      js += '?';
    }
    return { text: String.fromCodePoint(...this.cps.slice(start, this.pos)), js, max, repeats };
  }

  private checkCase(f: Flags): void {
    if (f.i !== this.globalI)
      throw unsupported('the flag `i` is translated only as a leading `(?i)` for the whole expression');
  }

  private atom(
    f: Flags,
    depth: number,
  ): { src: string; quantifiable: boolean; paths?: number[][]; set?: Ranges } | { flags: Flags } {
    const c = this.peek()!;
    this.pos++;
    switch (c) {
      case '(':
        return this.group(f, depth);
      case '[': {
        this.checkCase(f);
        const { src, set } = this.cls();
        return { src, quantifiable: true, set };
      }
      case '.':
        return {
          src: f.s ? '[\\s\\S]' : '[^\\n]',
          quantifiable: true,
          set: f.s ? [[0, MAX_RUNE]] : complement([[10, 10]]),
        };
      case '^':
        return { src: f.m ? '(?<![^\\n])' : '^', quantifiable: false };
      case '$':
        return { src: f.m ? '(?![^\\n])' : '$', quantifiable: false };
      case '\\':
        return this.escape(f);
      default: {
        const cp = c.codePointAt(0)!;
        if (/\p{L}/u.test(c)) this.checkCase(f);
        return { src: lit(cp, false), quantifiable: true, set: [[cp, cp]] };
      }
    }
  }

  private group(
    f: Flags,
    depth: number,
  ): { src: string; quantifiable: boolean; paths?: number[][]; set?: Ranges } | { flags: Flags } {
    let inner = { ...f };
    if (this.peek() === '?') {
      if (this.match(/\?(=|!|<=|<!)/y))
        throw bad("lookaround `(?=`, `(?!`, `(?<=`, `(?<!` is not supported by Go's regexp (RE2)");
      const named = this.match(/\?P<([^>]*)>/y);
      if (named) {
        if (!/^[A-Za-z0-9_]+$/.test(named[1])) throw bad(`invalid named capture: \`(${named[0]}\``);
        this.pos += [...named[0]].length;
      } else {
        this.pos++; // '?'
        let sign = 1;
        let saw = false;
        const next = { ...f };
        for (;;) {
          const ch = this.peek();
          this.pos++;
          if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'U') {
            if (ch !== 'U') next[ch] = sign > 0;
            saw = true;
          } else if (ch === '-' && sign > 0) {
            sign = -1;
            saw = false;
          } else if ((ch === ')' || ch === ':') && !(sign < 0 && !saw)) {
            if (ch === ')') return { flags: next };
            inner = next;
            break;
          } else throw bad(`invalid or unsupported Perl syntax: \`(?${ch ?? ''}\``);
        }
      }
    }
    const src = this.alternation(inner, depth + 1);
    if (this.peek() !== ')') throw bad('missing closing )');
    this.pos++;
    return { src: `(?:${src})`, quantifiable: true, paths: this.lastPaths };
  }

  private escape(f: Flags): { src: string; quantifiable: boolean; paths?: number[][]; set?: Ranges } {
    const c = this.peek();
    if (c === undefined) throw bad('trailing backslash at end of expression');
    switch (c) {
      case 'A':
        this.pos++;
        return { src: '^', quantifiable: false };
      case 'z':
        this.pos++;
        return { src: '$', quantifiable: false };
      case 'b':
      case 'B':
        this.pos++;
        if (this.globalI) throw unsupported('`\\b` together with `(?i)` (Go keeps \\b ASCII, JavaScript folds it)');
        return { src: '\\' + c, quantifiable: false };
      case 'Q': {
        this.pos++;
        const from = this.units[this.pos];
        const end = this.pattern.indexOf('\\E', from);
        const body = end < 0 ? this.pattern.slice(from) : this.pattern.slice(from, end);
        this.pos += [...body].length + (end < 0 ? 0 : 2);
        if (/\p{L}/u.test(body)) this.checkCase(f);
        const src = [...body].map((ch) => lit(ch.codePointAt(0)!, false)).join('');
        return { src: `(?:${src})`, quantifiable: true };
      }
    }
    const set = this.classEscape(f);
    if (set.kind === 'ranges') return { src: `[${rangesSource(set.ranges)}]`, quantifiable: true, set: set.ranges };
    if (set.kind === 'prop') return { src: set.src, quantifiable: true };
    if (/\p{L}/u.test(String.fromCodePoint(set.cp))) this.checkCase(f);
    return { src: lit(set.cp, false), quantifiable: true, set: [[set.cp, set.cp]] };
  }

  /** After a backslash, inside or outside a class: one code point, a set of ranges, or a Unicode property. */
  private classEscape(
    f: Flags,
  ): { kind: 'cp'; cp: number } | { kind: 'ranges'; ranges: [number, number][] } | { kind: 'prop'; src: string } {
    const c = this.peek()!;
    this.pos++;
    if ('dws'.includes(c)) return { kind: 'ranges', ranges: PERL[c] };
    if ('DWS'.includes(c)) return { kind: 'ranges', ranges: complement(PERL[c.toLowerCase()]) };
    if (c === 'p' || c === 'P') {
      let name: string;
      if (this.peek() === '{') {
        const m = this.match(/\{([^}]*)\}/y);
        if (!m) throw bad('invalid character class range: missing }');
        name = m[1];
        this.pos += [...m[0]].length;
      } else {
        const n = this.peek();
        if (n === undefined) throw bad('invalid character class range: `\\p`');
        name = n;
        this.pos++;
      }
      let negate = c === 'P';
      if (name.startsWith('^')) [negate, name] = [!negate, name.slice(1)];
      this.checkCase(f);
      const inner = name === 'Any' ? 'Any' : GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
      const src = `\\${negate ? 'P' : 'p'}{${inner}}`;
      try {
        new RegExp(src, 'u');
      } catch {
        throw bad(`invalid character class range: \`\\p{${name}}\` (an unknown Unicode class)`);
      }
      return { kind: 'prop', src };
    }
    if (c >= '1' && c <= '7' && !(this.peek() !== undefined && this.peek()! >= '0' && this.peek()! <= '7')) {
      throw bad(`invalid escape sequence: \`\\${c}\` (backreferences are not supported by Go's regexp)`);
    }
    if (c >= '0' && c <= '7') {
      let digits = c;
      while (digits.length < 3 && this.peek() !== undefined && this.peek()! >= '0' && this.peek()! <= '7') {
        digits += this.peek();
        this.pos++;
      }
      return { kind: 'cp', cp: parseInt(digits, 8) };
    }
    if (c === 'x') {
      const m = this.match(/(\{([0-9A-Fa-f]+)\}|[0-9A-Fa-f]{2})/y);
      if (!m) throw bad('invalid escape sequence: `\\x`');
      const cp = parseInt(m[2] ?? m[1], 16);
      if (cp > MAX_RUNE) throw bad('invalid escape sequence: code point too large');
      this.pos += m[0].length;
      return { kind: 'cp', cp };
    }
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (c in simple) return { kind: 'cp', cp: simple[c] };
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 && !/[A-Za-z0-9]/.test(c)) return { kind: 'cp', cp };
    throw bad(`invalid escape sequence: \`\\${c}\``);
  }

  /** The class's JS source, and its characters when they are known (no \p{…} inside). */
  private cls(): { src: string; set?: Ranges } {
    let negate = false;
    let ranges: Ranges | undefined = [];
    if (this.peek() === '^') {
      negate = true;
      this.pos++;
    }
    const parts: string[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw bad('missing closing ]');
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      const posix = this.match(/\[:(\^?)([a-z]+):\]/y);
      if (posix) {
        const r = POSIX[posix[2]];
        if (!r) throw bad(`invalid character class range: \`${posix[0]}\``);
        const these = posix[1] ? complement(r) : r;
        parts.push(rangesSource(these));
        ranges?.push(...these);
        this.pos += posix[0].length;
        continue;
      }
      const lo = this.classChar();
      if (lo.kind !== 'cp') {
        parts.push(lo.kind === 'ranges' ? rangesSource(lo.ranges) : lo.src);
        if (lo.kind === 'ranges') ranges?.push(...lo.ranges);
        else ranges = undefined;
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.pos++;
        const hi = this.classChar();
        if (hi.kind !== 'cp' || hi.cp < lo.cp) throw bad('invalid character class range');
        parts.push(`${lit(lo.cp, true)}-${lit(hi.cp, true)}`);
        ranges?.push([lo.cp, hi.cp]);
      } else {
        parts.push(lit(lo.cp, true));
        ranges?.push([lo.cp, lo.cp]);
      }
    }
    const set = ranges && (negate ? complement(ranges) : ranges);
    return { src: `[${negate ? '^' : ''}${parts.join('')}]`, set };
  }

  private classChar(): ReturnType<Translator['classEscape']> {
    const c = this.peek()!;
    this.pos++;
    if (c !== '\\') return { kind: 'cp', cp: c.codePointAt(0)! };
    if (this.peek() === undefined) throw bad('missing closing ]');
    return this.classEscape({ i: this.globalI, m: false, s: false });
  }
}
