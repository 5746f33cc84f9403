/**
 * The template lexer, state for state as Go's text/template/parse/lex.go, so that
 * trim markers, comments, numbers and error positions come out the same.
 */
import { quote, unicodeName } from '../strconv/quote.js';
import {
  hasLeftTrimMarker,
  hasRightTrimMarker,
  isAlphaNumeric,
  isSpace,
  keywords,
  LEFT,
  Lexer,
  RIGHT,
  T,
  type Item,
  type State,
} from './lexer.js';

export { itemString, T, type Item } from './lexer.js';

function lexText(l: Lexer): State {
  const x = l.input.indexOf(LEFT, l.pos);
  if (x >= 0) {
    l.pos = x;
    let trimLength = 0;
    if (hasLeftTrimMarker(l.input, l.pos + LEFT.length)) {
      const text = l.input.slice(l.start, l.pos);
      trimLength = text.length - text.replace(/[ \t\r\n]+$/, '').length;
    }
    l.pos -= trimLength;
    if (l.pos > l.start) l.emit(T.Text);
    l.pos += trimLength;
    l.ignore();
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) l.emit(T.Text);
  l.emit(T.EOF);
  return null;
}

function skipLeadingSpace(l: Lexer): void {
  while (isSpace(l.input[l.pos])) l.pos++;
}

function lexLeftDelim(l: Lexer): State {
  l.pos += LEFT.length;
  const trim = hasLeftTrimMarker(l.input, l.pos);
  const afterMarker = trim ? 2 : 0;
  if (l.input.startsWith('/*', l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  l.emit(T.LeftDelim);
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return lexInsideAction;
}

function lexComment(l: Lexer): State {
  l.pos += 2;
  const i = l.input.indexOf('*/', l.pos);
  if (i < 0) return l.errorf('unclosed comment');
  l.pos = i + 2;
  const { delim, trim } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trim) l.pos += 2;
  l.pos += RIGHT.length;
  if (trim) skipLeadingSpace(l);
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): State {
  const trim = hasRightTrimMarker(l.input, l.pos);
  if (trim) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += RIGHT.length;
  l.emit(T.RightDelim);
  if (trim) {
    skipLeadingSpace(l);
    l.ignore();
  }
  return lexText;
}

function lexInsideAction(l: Lexer): State {
  if (l.atRightDelim().delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === undefined) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup(r);
    return lexSpace;
  }
  switch (r) {
    case '=':
      l.emit(T.Assign);
      return lexInsideAction;
    case ':':
      if (l.next() !== '=') return l.errorf('expected :=');
      l.emit(T.Declare);
      return lexInsideAction;
    case '|':
      l.emit(T.Pipe);
      return lexInsideAction;
    case '"':
      return lexQuote;
    case '`':
      return lexRawQuote;
    case '$':
      return lexVariable;
    case "'":
      return lexChar;
    case '(':
      l.emit(T.LeftParen);
      l.parenDepth++;
      return lexInsideAction;
    case ')':
      l.emit(T.RightParen);
      l.parenDepth--;
      if (l.parenDepth < 0) return l.errorf(`unexpected right paren ${unicodeName(0x29)}`);
      return lexInsideAction;
  }
  if (r === '.') {
    const c = l.input[l.pos];
    if (l.pos < l.input.length && (c! < '0' || c! > '9')) return lexField;
  }
  if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
    l.backup(r);
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup(r);
    return lexIdentifier;
  }
  const code = r.codePointAt(0)!;
  if (code <= 0x7f && code >= 0x20 && code !== 0x7f) {
    l.emit(T.Char);
    return lexInsideAction;
  }
  return l.errorf(`unrecognized character in action: ${unicodeName(code)}`);
}

function lexSpace(l: Lexer): State {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(RIGHT, l.pos + 1)) {
    l.pos--; // before the space
    if (numSpaces === 1) return lexRightDelim;
  }
  l.emit(T.Space);
  return lexInsideAction;
}

function lexIdentifier(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup(r);
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${unicodeName(r === undefined ? -1 : r.codePointAt(0)!)}`);
    const key = keywords[word];
    if (key !== undefined && key > T.Keyword) {
      if ((key === T.Break && !l.breakOK) || (key === T.Continue && !l.continueOK)) l.emit(T.Identifier);
      else l.emit(key);
    } else if (word[0] === '.') l.emit(T.Field);
    else if (word === 'true' || word === 'false') l.emit(T.Bool);
    else l.emit(T.Identifier);
    return lexInsideAction;
  }
}

function lexField(l: Lexer): State {
  return lexFieldOrVariable(l, T.Field);
}

function lexVariable(l: Lexer): State {
  if (l.atTerminator()) {
    l.emit(T.Variable);
    return lexInsideAction;
  }
  return lexFieldOrVariable(l, T.Variable);
}

function lexFieldOrVariable(l: Lexer, type: T): State {
  if (l.atTerminator()) {
    l.emit(type === T.Variable ? T.Variable : T.Dot);
    return lexInsideAction;
  }
  let r: string | undefined;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup(r);
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${unicodeName(r === undefined ? -1 : r.codePointAt(0)!)}`);
  l.emit(type);
  return lexInsideAction;
}

function lexQuoted(l: Lexer, close: string, type: T, message: string): State {
  for (;;) {
    const c = l.next();
    if (c === '\\') {
      const r = l.next();
      if (r !== undefined && r !== '\n') continue;
      return l.errorf(message);
    }
    if (c === undefined || c === '\n') return l.errorf(message);
    if (c === close) break;
  }
  l.emit(type);
  return lexInsideAction;
}

function lexChar(l: Lexer): State {
  return lexQuoted(l, "'", T.CharConstant, 'unterminated character constant');
}

function lexQuote(l: Lexer): State {
  return lexQuoted(l, '"', T.String, 'unterminated quoted string');
}

function lexRawQuote(l: Lexer): State {
  const i = l.input.indexOf('`', l.pos);
  if (i < 0) {
    l.pos = l.input.length;
    return l.errorf('unterminated raw quoted string');
  }
  l.pos = i + 1;
  l.emit(T.RawString);
  return lexInsideAction;
}

function lexNumber(l: Lexer): State {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === '+' || sign === '-') {
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i')
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    l.emit(T.Complex);
  } else l.emit(T.Number);
  return lexInsideAction;
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

/** All tokens of `input`, ending with EOF or with the first error. */
export function lex(input: string, opts: { breakOK: boolean; continueOK: boolean }): Item[] {
  const l = new Lexer(input, opts.breakOK, opts.continueOK);
  for (let state: State = lexText; state;) state = state(l);
  return l.items;
}
