/**
 * The parts of Go's strconv that templates and fmt need: quoting, unquoting
 * template literals, and float formatting with Go's digits and rounding.
 */

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  if (r >= 0xd800 && r <= 0xdfff) return false;
  return printable.test(String.fromCodePoint(r));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r >= 0xd800 && r <= 0xdfff) return '\\ufffd';
  if (r < 0x10000) return '\\u' + hex(r, 4);
  return '\\U' + hex(r, 8);
}

/** strconv.Quote (or QuoteToASCII). */
export function quote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, 0x22, asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune (or QuoteRuneToASCII). */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0) r = 0xfffd;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0xfeff || r === 0x60 || r === 0x7f) return false;
    if (r < 0x20 && r !== 9) return false;
  }
  return true;
}

/** `%#U`-style "U+0041 'A'" as Go's lexer prints bad characters. */
export function unicodeName(r: number): string {
  const code = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `${code} '${String.fromCodePoint(r)}'` : code;
}

export class SyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

/**
 * strconv.UnquoteChar: one possibly escaped character at the start of `s`.
 * Returns the bytes it stands for (a \x or octal escape is a single byte) and the rest.
 */
export function unquoteChar(s: string, quote: string): { bytes: number[]; rune: number; tail: string } {
  const c = s.codePointAt(0);
  if (c === undefined) throw new SyntaxError();
  const first = String.fromCodePoint(c);
  if (first === quote && (quote === "'" || quote === '"')) throw new SyntaxError();
  if (first !== '\\') {
    return { bytes: [...Buffer.from(first, 'utf8')], rune: c, tail: s.slice(first.length) };
  }
  if (s.length <= 1) throw new SyntaxError();
  const e = s[1]!;
  let rest = s.slice(2);
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  if (e in simple) return { bytes: [simple[e]!], rune: simple[e]!, tail: rest };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new SyntaxError();
    return { bytes: [e.charCodeAt(0)], rune: e.charCodeAt(0), tail: rest };
  }
  const width = { x: 2, u: 4, U: 8 }[e as 'x' | 'u' | 'U'];
  if (width !== undefined) {
    const digits = rest.slice(0, width);
    if (digits.length < width || !/^[0-9a-fA-F]+$/.test(digits)) throw new SyntaxError();
    const v = parseInt(digits, 16);
    rest = rest.slice(width);
    if (e === 'x') return { bytes: [v], rune: v, tail: rest };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError();
    return { bytes: [...Buffer.from(String.fromCodePoint(v), 'utf8')], rune: v, tail: rest };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new SyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new SyntaxError();
    return { bytes: [v], rune: v, tail: s.slice(4) };
  }
  throw new SyntaxError();
}

/** strconv.Unquote for "…" and `…` literals. */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new SyntaxError();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError();
    return body.replace(/\r/g, '');
  }
  if (q !== '"') throw new SyntaxError();
  if (!body.includes('\\') && !body.includes('"') && !body.includes('\n')) return body;
  const bytes: number[] = [];
  let rest = body;
  while (rest.length > 0) {
    if (rest[0] === '\n') throw new SyntaxError();
    const { bytes: b, tail } = unquoteChar(rest, '"');
    bytes.push(...b);
    rest = tail;
  }
  return Buffer.from(bytes).toString('utf8');
}

// ---- floats ----

/** Decimal digits of a non-negative finite float: value = 0.d1d2… × 10^dp. */
interface Digits {
  d: string;
  dp: number;
}

/** The exact decimal expansion of a finite double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let d: string;
  let dp: number;
  if (exp >= 0) {
    d = (mant << BigInt(exp)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-exp)).toString();
    dp = d.length + exp;
  }
  return trim({ d, dp });
}

function trim(x: Digits): Digits {
  const d = x.d.replace(/0+$/, '');
  return { d, dp: d.length === 0 ? 0 : x.dp };
}

/** Rounds to `nd` digits, half to even on exact ties, as Go's decimal rounding does. */
function roundTo(x: Digits, nd: number): Digits {
  if (nd < 0 || nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up = next > 5;
  if (next === 5) {
    const exact = nd + 1 === x.d.length;
    up = !exact || (nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1);
  }
  if (!up) return trim({ d: x.d.slice(0, nd), dp: x.d.slice(0, nd) === '' ? 0 : x.dp });
  let i = nd - 1;
  while (i >= 0 && x.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
}

/** Shortest digits that read back as x (JavaScript and Go agree on these). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [mant, e] = x.toExponential().split('e') as [string, string];
  return trim({ d: mant.replace('.', ''), dp: Number(e) + 1 });
}

function fmtE(neg: boolean, x: Digits, prec: number, letter: string): string {
  let out = (neg ? '-' : '') + (x.d[0] ?? '0');
  if (prec > 0) out += '.' + x.d.slice(1, prec + 1).padEnd(prec, '0');
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return out + letter + sign + String(exp).padStart(2, '0');
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (x.dp > 0) out += x.d.slice(0, x.dp).padEnd(x.dp, '0');
  else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

function fmtB(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = expBits - 1075;
  if (expBits === 0) exp = -1074;
  else mant |= 1n << 52n;
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : '-'}${Math.abs(exp)}`;
}

/** %x / %X of a float: hexadecimal mantissa and binary exponent (strconv's fmtX). */
function fmtX(x: number, prec: number, verb: string): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = expBits;
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  exp -= 1023;
  if (mant === 0n) exp = 0;
  // Put the leading 1 at bit 60.
  mant <<= 8n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const upper = verb === 'X';
  let out = (neg ? '-' : '') + '0' + verb + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digit = () => {
    const d = Number((mant >> 60n) & 15n).toString(16);
    mant = (mant << 4n) & ((1n << 64n) - 1n);
    return upper ? d.toUpperCase() : d;
  };
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) out += digit();
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digit();
  }
  out += (upper ? 'P' : 'p') + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  return out;
}

/** strconv.FormatFloat(x, verb, prec, 64) for verbs e E f g G b x X; prec -1 is shortest. */
export function formatFloat(x: number, verb: string, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (verb === 'b') return fmtB(x);
  if (verb === 'x' || verb === 'X') return fmtX(x, prec, verb);
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(abs);
    if (verb === 'e' || verb === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (verb === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDigits(abs);
    if (verb === 'e' || verb === 'E') digs = roundTo(exact, prec + 1);
    else if (verb === 'f') digs = roundTo(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundTo(exact, prec);
    }
  }
  switch (verb) {
    case 'e':
    case 'E':
      return fmtE(neg, digs, prec, verb);
    case 'f':
      return fmtF(neg, digs, prec);
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        return fmtE(neg, digs, prec - 1, verb === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = digs.d.length;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}
