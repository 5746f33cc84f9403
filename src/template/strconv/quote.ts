/** Go's strconv quoting: Quote, QuoteRune, CanBackquote, and Unquote for template literals. */
import { newerThanGo } from './unicode-go.js';

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space, as of Go's Unicode tables. */
export function isPrint(r: number): boolean {
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  if (r >= 0xd800 && r <= 0xdfff) return false;
  return printable.test(String.fromCodePoint(r)) && !newerThanGo(r);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
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

export class QuoteSyntaxError extends Error {
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
  if (c === undefined) throw new QuoteSyntaxError();
  const first = String.fromCodePoint(c);
  if (first === quote && (quote === "'" || quote === '"')) throw new QuoteSyntaxError();
  if (first !== '\\') {
    return { bytes: [...Buffer.from(first, 'utf8')], rune: c, tail: s.slice(first.length) };
  }
  if (s.length <= 1) throw new QuoteSyntaxError();
  const e = s[1]!;
  let rest = s.slice(2);
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  if (e in simple) return { bytes: [simple[e]!], rune: simple[e]!, tail: rest };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new QuoteSyntaxError();
    return { bytes: [e.charCodeAt(0)], rune: e.charCodeAt(0), tail: rest };
  }
  const width = { x: 2, u: 4, U: 8 }[e as 'x' | 'u' | 'U'];
  if (width !== undefined) {
    const digits = rest.slice(0, width);
    if (digits.length < width || !/^[0-9a-fA-F]+$/.test(digits)) throw new QuoteSyntaxError();
    const v = parseInt(digits, 16);
    rest = rest.slice(width);
    if (e === 'x') return { bytes: [v], rune: v, tail: rest };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new QuoteSyntaxError();
    return { bytes: [...Buffer.from(String.fromCodePoint(v), 'utf8')], rune: v, tail: rest };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new QuoteSyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new QuoteSyntaxError();
    return { bytes: [v], rune: v, tail: s.slice(4) };
  }
  throw new QuoteSyntaxError();
}

/** strconv.Unquote for "…" and `…` literals. */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new QuoteSyntaxError();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new QuoteSyntaxError();
    return body.replace(/\r/g, '');
  }
  if (q !== '"') throw new QuoteSyntaxError();
  if (!body.includes('\\') && !body.includes('"') && !body.includes('\n')) return body;
  const bytes: number[] = [];
  let rest = body;
  while (rest.length > 0) {
    if (rest[0] === '\n') throw new QuoteSyntaxError();
    const { bytes: b, tail } = unquoteChar(rest, '"');
    bytes.push(...b);
    rest = tail;
  }
  return Buffer.from(bytes).toString('utf8');
}
