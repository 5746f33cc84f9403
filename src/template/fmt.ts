/**
 * Go's fmt.Sprint, Sprintln and Sprintf (fmt/print.go) over the value model of
 * values.ts: verbs, flags, width, precision, argument indexes, and Go's
 * `%!verb(type=value)`, `%!v(MISSING)` and `%!(EXTRA …)` reports.
 */
import { Formatter, ldigits, udigits } from './format.js';
import { GoTime } from './time.js';
import { GoStruct, GoTyped, NO_VALUE, kindOf, sortedEntries, typeString } from './values.js';

/**
 * A nil pointer inside a struct: time.Time's *time.Location in UTC. (Other zones
 * are real pointers whose addresses Go prints; those print as 0 here.)
 */
class NilPointer {
  constructor(readonly type: string) {}
}

/** time.Time's fields as fmt sees them when no method applies (`%d` of a time). */
function timeFields(t: GoTime): Array<[string, unknown]> {
  return [
    ['wall', new GoTyped('uint64', 'uint', BigInt(t.nanos))],
    ['ext', new GoTyped('int64', 'int', t.unixSeconds + 62135596800n)],
    ['loc', new NilPointer('*time.Location')],
  ];
}

const typeOf = (v: unknown): string => (v instanceof NilPointer ? v.type : typeString(v));

class Printer extends Formatter {
  /** The value being printed, for badVerb; undefined inside containers as Go's p.arg = nil. */
  erroring = false;

  badVerb(verb: string, v: unknown): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (v === null || v === undefined || v === NO_VALUE) this.buf += '<nil>';
    else {
      this.buf += typeOf(v) + '=';
      this.printValue(v, 'v', 0);
    }
    this.buf += ')';
    this.erroring = false;
  }

  /** Stringer and GoStringer, as fmt's handleMethods. */
  handleMethods(v: unknown, verb: string): boolean {
    if (this.erroring) return false;
    if (this.f.sharpV) {
      if (v instanceof GoTime) {
        this.fmtS(v.GoString());
        return true;
      }
      return false;
    }
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    let s: string | undefined;
    if (v instanceof GoTime) s = v.String();
    else if (v instanceof GoTyped && v.stringer) s = v.stringer();
    if (s === undefined) return false;
    this.fmtString(s, verb, v);
    return true;
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === null || arg === undefined || arg === NO_VALUE) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeString(arg));
      return;
    }
    if (verb === 'p') {
      this.badVerb(verb, arg);
      return;
    }
    if (this.handleMethods(arg, verb)) return;
    this.printValue(arg, verb, 0);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    if (depth > 0 && this.handleMethods(v, verb)) return;
    const f = this.f;
    if (v instanceof NilPointer) {
      if (verb === 'v') this.pad('<nil>');
      else if ('bodxX'.includes(verb)) this.fmtInt(0n, false, verb, v);
      else this.badVerb(verb, v);
      return;
    }
    switch (kindOf(v)) {
      case 'invalid':
      case 'nil':
        // Inside a container a nil is an interface holding nothing, whatever the verb.
        this.buf += f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.fmtBoolean(unwrap(v) as boolean);
        else this.badVerb(verb, v);
        return;
      case 'int':
      case 'uint':
        this.fmtInt(unwrap(v) as bigint, kindOf(v) === 'int', verb, v);
        return;
      case 'float':
        this.fmtFloatVerb(unwrap(v) as number, verb, v);
        return;
      case 'string':
        this.fmtString(unwrap(v) as string, verb, v);
        return;
      case 'map': {
        const m = v as Record<string, unknown> | Map<string, unknown>;
        this.buf += f.sharpV ? typeString(v) + '{' : 'map[';
        sortedEntries(m).forEach(([key, value], i) => {
          if (i > 0) this.buf += f.sharpV ? ', ' : ' ';
          this.printValue(key, verb, depth + 1);
          this.buf += ':';
          this.printValue(value, verb, depth + 1);
        });
        this.buf += f.sharpV ? '}' : ']';
        return;
      }
      case 'slice': {
        const a = v as unknown[];
        this.buf += f.sharpV ? typeString(v) + '{' : '[';
        a.forEach((e, i) => {
          if (i > 0) this.buf += f.sharpV ? ', ' : ' ';
          this.printValue(e, verb, depth + 1);
        });
        this.buf += f.sharpV ? '}' : ']';
        return;
      }
      case 'struct': {
        const fields = v instanceof GoStruct ? Object.entries(v.fields) : v instanceof GoTime ? timeFields(v) : [];
        if (f.sharpV) this.buf += typeString(v);
        this.buf += '{';
        fields.forEach(([name, value], i) => {
          if (i > 0) this.buf += f.sharpV ? ', ' : ' ';
          if (f.plusV || f.sharpV) this.buf += name + ':';
          this.printValue(value, verb, depth + 1);
        });
        this.buf += '}';
        return;
      }
      case 'func':
        this.badVerb(verb, v);
        return;
    }
  }

  fmtInt(n: bigint, signed: boolean, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !signed) {
          const sharp = this.f.sharp;
          this.f.sharp = true;
          this.fmtInteger(n, 16, 'v', ldigits);
          this.f.sharp = sharp;
        } else this.fmtInteger(n, 10, verb, ldigits);
        return;
      case 'd': return this.fmtInteger(n, 10, verb, ldigits);
      case 'b': return this.fmtInteger(n, 2, verb, ldigits);
      case 'o':
      case 'O': return this.fmtInteger(n, 8, verb, ldigits);
      case 'x': return this.fmtInteger(n, 16, verb, ldigits);
      case 'X': return this.fmtInteger(n, 16, verb, udigits);
      case 'c': return this.fmtC(n);
      case 'q': return this.fmtQc(n);
      case 'U': return this.fmtUnicode(signed ? BigInt.asUintN(64, n) : n);
      default: return this.badVerb(verb, v);
    }
  }

  fmtFloatVerb(x: number, verb: string, v: unknown): void {
    switch (verb) {
      case 'v': return this.fmtFloat(x, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X': return this.fmtFloat(x, verb, -1);
      case 'f':
      case 'e':
      case 'E':
      case 'F': return this.fmtFloat(x, verb, 6);
      default: return this.badVerb(verb, v);
    }
  }

  fmtString(s: string, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's': return this.fmtS(s);
      case 'x': return this.fmtSx(s, ldigits);
      case 'X': return this.fmtSx(s, udigits);
      case 'q': return this.fmtQ(s);
      default: return this.badVerb(verb, v);
    }
  }
}

function unwrap(v: unknown): unknown {
  return v instanceof GoTyped ? v.value : v;
}

function isStringKind(v: unknown): boolean {
  return kindOf(v) === 'string';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = isStringKind(arg);
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces always, and a newline. */
export function sprintln(args: unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

const tooLarge = (x: number): boolean => x > 1e6 || x < -1e6;

/** parsenum: a run of decimal digits at s[start:end]. */
function parsenum(s: string, start: number, end: number): { num: number; isnum: boolean; next: number } {
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (tooLarge(num)) return { num: 0, isnum: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return { num, isnum, next: i };
}

function intFromArg(a: unknown[], argNum: number): { num: number; isInt: boolean; argNum: number } {
  if (argNum >= a.length) return { num: 0, isInt: false, argNum };
  const v = a[argNum];
  const k = kindOf(v);
  let num = 0;
  let isInt = false;
  if (k === 'int' || k === 'uint') {
    const n = unwrap(v) as bigint;
    if (n >= -(2n ** 63n) && n < 2n ** 63n) {
      num = Number(n);
      isInt = true;
    }
  }
  if (tooLarge(num)) return { num: 0, isInt: false, argNum: argNum + 1 };
  return { num, isInt, argNum: argNum + 1 };
}

export function sprintf(format: string, a: unknown[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): { argNum: number; i: number; found: boolean } => {
    if (format.length <= i || format[i] !== '[') return { argNum, i, found: false };
    reordered = true;
    // parseArgNumber
    let index = 0;
    let wid = 1;
    let ok = false;
    const rest = format.slice(i);
    if (rest.length >= 3) {
      for (let j = 1; j < rest.length; j++) {
        if (rest[j] === ']') {
          const { num, isnum, next } = parsenum(rest, 1, j);
          if (!isnum || next !== j) {
            wid = j + 1;
          } else {
            index = num - 1;
            wid = j + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < a.length) return { argNum: index, i: i + wid, found: true };
    goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  };

  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.clearFlags();
    const f = p.f;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#': f.sharp = true; break;
        case '0': f.zero = !f.minus; break;
        case '+': f.plus = true; break;
        case '-': f.minus = true; f.zero = false; break;
        case ' ': f.space = true; break;
        default: break flags;
      }
    }
    let r = argNumber(i);
    argNum = r.argNum; i = r.i; afterIndex = r.found;
    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(a, argNum);
      f.wid = w.num; f.widPresent = w.isInt; argNum = w.argNum;
      if (!f.widPresent) p.buf += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parsenum(format, i, end);
      f.wid = w.num; f.widPresent = w.isnum; i = w.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      argNum = r.argNum; i = r.i; afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const w = intFromArg(a, argNum);
        f.prec = w.num; f.precPresent = w.isInt; argNum = w.argNum;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const w = parsenum(format, i, end);
        f.prec = w.num; f.precPresent = w.isnum; i = w.next;
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }
    if (!afterIndex) {
      r = argNumber(i);
      argNum = r.argNum; i = r.i; afterIndex = r.found;
    }
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!goodArgNum) p.buf += '%!' + verb + '(BADINDEX)';
    else if (argNum >= a.length) p.buf += '%!' + verb + '(MISSING)';
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(a[argNum], verb);
      argNum++;
    }
  }
  if (!reordered && argNum < a.length) {
    p.clearFlags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, j) => {
      if (j > 0) p.buf += ', ';
      if (arg === null || arg === undefined || arg === NO_VALUE) p.buf += '<nil>';
      else {
        p.buf += typeString(arg) + '=';
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}

