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
  constructor(readonly goRejects: boolean, message: string) {
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

function withinLimit(counts: number[]): boolean {
  let n = 1000;
  for (const m of counts) {
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  return true;
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

  constructor(private readonly pattern: string) {
    this.cps = [...pattern].map((c) => c.codePointAt(0)!);
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
  private rest(): string {
    return String.fromCodePoint(...this.cps.slice(this.pos));
  }

  /** `flags` is passed in and returned: `(?i)` in the middle changes the rest of the group. */
  private alternation(flags: Flags, depth: number): string {
    const branches: string[] = [];
    const paths: number[][] = [];
    let f = { ...flags };
    for (;;) {
      const [src, after] = this.concat(f, depth);
      branches.push(src);
      paths.push(...this.lastPaths);
      f = after;
      if (this.peek() === '|') {
        this.pos++;
        continue;
      }
      this.lastPaths = paths;
      return branches.join('|');
    }
  }

  private concat(flags: Flags, depth: number): [string, Flags] {
    let out = '';
    let f = { ...flags };
    let last: { src: string; quantifiable: boolean; quantified: boolean; paths: number[][] } | undefined;
    const paths: number[][] = [];
    const flush = () => {
      if (last) {
        out += last.src;
        paths.push(...last.paths);
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
        const inner = last.quantifiable ? last.src : `(?:${last.src})`;
        const inside = last.paths.length ? last.paths : [[]];
        const next = q.max === undefined ? last.paths : inside.map((p) => [q.max!, ...p]);
        // Go's repeatIsValid: nested counts may not multiply past 1000.
        if (q.max !== undefined && q.max >= 2 && next.some((p) => !withinLimit(p))) throw bad(`invalid repeat count: \`${q.text}\``);
        last = { src: inner + q.js, quantifiable: false, quantified: true, paths: next };
        continue;
      }
      flush();
      const atom = this.atom(f, depth);
      if ('flags' in atom) {
        f = atom.flags;
        continue;
      }
      last = { src: atom.src, quantifiable: atom.quantifiable, quantified: false, paths: atom.paths ?? [] };
    }
    flush();
    this.lastPaths = paths;
    return [out, f];
  }

  private quantifier(): { text: string; js: string; max?: number } | undefined {
    const c = this.peek();
    const start = this.pos;
    let js: string;
    let max: number | undefined;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      js = c;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest());
      if (!m) return undefined; // Go reads a `{` that starts no count as a literal
      const min = Number(m[1]);
      const hi = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
      if (min > 1000 || hi > 1000 || (hi >= 0 && hi < min)) throw bad(`invalid repeat count: \`${m[0]}\``);
      max = hi === 0 ? undefined : hi < 0 ? min : hi;
      this.pos += [...m[0]].length;
      js = m[0];
    } else return undefined;
    if (this.peek() === '?') {
      this.pos++;
      js += '?';
    }
    return { text: String.fromCodePoint(...this.cps.slice(start, this.pos)), js, max };
  }

  private checkCase(f: Flags): void {
    if (f.i !== this.globalI) throw unsupported('the flag `i` is translated only as a leading `(?i)` for the whole expression');
  }

  private atom(f: Flags, depth: number): { src: string; quantifiable: boolean; paths?: number[][] } | { flags: Flags } {
    const c = this.peek()!;
    this.pos++;
    switch (c) {
      case '(':
        return this.group(f, depth);
      case '[':
        this.checkCase(f);
        return { src: this.cls(), quantifiable: true };
      case '.':
        return { src: f.s ? '[\\s\\S]' : '[^\\n]', quantifiable: true };
      case '^':
        return { src: f.m ? '(?<![^\\n])' : '^', quantifiable: false };
      case '$':
        return { src: f.m ? '(?![^\\n])' : '$', quantifiable: false };
      case '\\':
        return this.escape(f);
      default: {
        const cp = c.codePointAt(0)!;
        if (/\p{L}/u.test(c)) this.checkCase(f);
        return { src: lit(cp, false), quantifiable: true };
      }
    }
  }

  private group(f: Flags, depth: number): { src: string; quantifiable: boolean; paths?: number[][] } | { flags: Flags } {
    let inner = { ...f };
    if (this.peek() === '?') {
      const rest = this.rest();
      if (/^\?(=|!|<=|<!)/.test(rest)) throw bad('lookaround `(?=`, `(?!`, `(?<=`, `(?<!` is not supported by Go\'s regexp (RE2)');
      const named = /^\?P<([^>]*)>/.exec(rest) ?? null;
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

  private escape(f: Flags): { src: string; quantifiable: boolean; paths?: number[][] } {
    const c = this.peek();
    if (c === undefined) throw bad('trailing backslash at end of expression');
    switch (c) {
      case 'A': this.pos++; return { src: '^', quantifiable: false };
      case 'z': this.pos++; return { src: '$', quantifiable: false };
      case 'b': case 'B':
        this.pos++;
        if (this.globalI) throw unsupported('`\\b` together with `(?i)` (Go keeps \\b ASCII, JavaScript folds it)');
        return { src: '\\' + c, quantifiable: false };
      case 'Q': {
        this.pos++;
        const rest = this.rest();
        const end = rest.indexOf('\\E');
        const body = end < 0 ? rest : rest.slice(0, end);
        this.pos += [...body].length + (end < 0 ? 0 : 2);
        if (/\p{L}/u.test(body)) this.checkCase(f);
        const src = [...body].map((ch) => lit(ch.codePointAt(0)!, false)).join('');
        return { src: `(?:${src})`, quantifiable: true };
      }
    }
    const set = this.classEscape(f);
    if (set.kind === 'ranges') return { src: `[${rangesSource(set.ranges)}]`, quantifiable: true };
    if (set.kind === 'prop') return { src: set.src, quantifiable: true };
    if (/\p{L}/u.test(String.fromCodePoint(set.cp))) this.checkCase(f);
    return { src: lit(set.cp, false), quantifiable: true };
  }

  /** After a backslash, inside or outside a class: one code point, a set of ranges, or a Unicode property. */
  private classEscape(f: Flags): { kind: 'cp'; cp: number } | { kind: 'ranges'; ranges: [number, number][] } | { kind: 'prop'; src: string } {
    const c = this.peek()!;
    this.pos++;
    if ('dws'.includes(c)) return { kind: 'ranges', ranges: PERL[c] };
    if ('DWS'.includes(c)) return { kind: 'ranges', ranges: complement(PERL[c.toLowerCase()]) };
    if (c === 'p' || c === 'P') {
      let name: string;
      if (this.peek() === '{') {
        const m = /^\{([^}]*)\}/.exec(this.rest());
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
      const m = /^(\{([0-9A-Fa-f]+)\}|[0-9A-Fa-f]{2})/.exec(this.rest());
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

  private cls(): string {
    let negate = false;
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
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.rest());
      if (posix) {
        const r = POSIX[posix[2]];
        if (!r) throw bad(`invalid character class range: \`${posix[0]}\``);
        parts.push(rangesSource(posix[1] ? complement(r) : r));
        this.pos += posix[0].length;
        continue;
      }
      const lo = this.classChar();
      if (lo.kind !== 'cp') {
        parts.push(lo.kind === 'ranges' ? rangesSource(lo.ranges) : lo.src);
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.pos++;
        const hi = this.classChar();
        if (hi.kind !== 'cp' || hi.cp < lo.cp) throw bad('invalid character class range');
        parts.push(`${lit(lo.cp, true)}-${lit(hi.cp, true)}`);
      } else parts.push(lit(lo.cp, true));
    }
    return `[${negate ? '^' : ''}${parts.join('')}]`;
  }

  private classChar(): ReturnType<Translator['classEscape']> {
    const c = this.peek()!;
    this.pos++;
    if (c !== '\\') return { kind: 'cp', cp: c.codePointAt(0)! };
    if (this.peek() === undefined) throw bad('missing closing ]');
    return this.classEscape({ i: this.globalI, m: false, s: false });
  }
}
