/**
 * Lexer machinery: token types, items, and the cursor the states in lex-states.ts move
 * (Go's text/template/parse/lex.go).
 */
import { quote } from '../strconv/quote.js';

export enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  type: T;
  /** Offset in the input (UTF-16 units; positions are turned into Go's byte columns when reported). */
  pos: number;
  val: string;
  line: number;
}

export const keywords: Record<string, T> = {
  '.': T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

/** item.String() as Go prints tokens in "unexpected …" errors. */
export function itemString(i: Item): string {
  if (i.type === T.EOF) return 'EOF';
  if (i.type === T.Error) return i.val;
  if (i.type > T.Keyword) return `<${i.val}>`;
  if (Buffer.byteLength(i.val) > 10) return quote([...i.val].slice(0, 10).join('')) + '...';
  return quote(i.val);
}

export const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const alnum = /^[\p{L}\p{Nd}_]$/u;
export const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && alnum.test(c);
export const hasLeftTrimMarker = (s: string, i: number): boolean => s[i] === '-' && isSpace(s[i + 1]);
export const hasRightTrimMarker = (s: string, i: number): boolean => isSpace(s[i]) && s[i + 1] === '-';
export const LEFT = '{{';
export const RIGHT = '}}';

export type State = ((l: Lexer) => State) | null;

export class Lexer {
  items: Item[] = [];
  pos = 0;
  start = 0;
  parenDepth = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly input: string,
    readonly breakOK: boolean,
    readonly continueOK: boolean,
  ) {
    for (let i = 0; i < input.length; i++) if (input[i] === '\n') this.lineStarts.push(i + 1);
  }

  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Next code point, or undefined at the end. */
  next(): string | undefined {
    if (this.pos >= this.input.length) {
      this.pos = this.input.length + 1; // remembers that we read past the end
      return undefined;
    }
    const c = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += c.length;
    return c;
  }

  backup(c: string | undefined): void {
    this.pos -= c === undefined ? 1 : c.length;
  }

  peek(): string | undefined {
    const c = this.next();
    this.backup(c);
    return c;
  }

  emit(type: T): void {
    this.items.push({
      type,
      pos: this.start,
      val: this.input.slice(this.start, this.pos),
      line: this.lineAt(this.start),
    });
    this.start = this.pos;
  }

  ignore(): void {
    this.start = this.pos;
  }

  accept(valid: string): boolean {
    const c = this.next();
    if (c !== undefined && valid.includes(c)) return true;
    this.backup(c);
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const c = this.next();
      if (c === undefined || !valid.includes(c)) {
        this.backup(c);
        return;
      }
    }
  }

  errorf(message: string): State {
    this.items.push({ type: T.Error, pos: this.start, val: message, line: this.lineAt(this.start) });
    return null;
  }

  atRightDelim(): { delim: boolean; trim: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2))
      return { delim: true, trim: true };
    if (this.input.startsWith(RIGHT, this.pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === undefined || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }
}
