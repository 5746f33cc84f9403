/**
 * fmt's printer (fmt/print.go): one argument under one verb — Stringers, badVerb
 * reports, and Go's printing of maps, slices, structs and nil.
 */
import { Formatter, ldigits, udigits } from './format.js';
import { GoTime } from '../time.js';
import { GoStruct, GoTyped, NO_VALUE, kindOf, sortedEntries, typeString } from '../values.js';

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

export class Printer extends Formatter {
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
      case 'd':
        return this.fmtInteger(n, 10, verb, ldigits);
      case 'b':
        return this.fmtInteger(n, 2, verb, ldigits);
      case 'o':
      case 'O':
        return this.fmtInteger(n, 8, verb, ldigits);
      case 'x':
        return this.fmtInteger(n, 16, verb, ldigits);
      case 'X':
        return this.fmtInteger(n, 16, verb, udigits);
      case 'c':
        return this.fmtC(n);
      case 'q':
        return this.fmtQc(n);
      case 'U':
        return this.fmtUnicode(signed ? BigInt.asUintN(64, n) : n);
      default:
        return this.badVerb(verb, v);
    }
  }

  fmtFloatVerb(x: number, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
        return this.fmtFloat(x, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloat(x, verb, -1);
      case 'f':
      case 'e':
      case 'E':
      case 'F':
        return this.fmtFloat(x, verb, 6);
      default:
        return this.badVerb(verb, v);
    }
  }

  fmtString(s: string, verb: string, v: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        return this.fmtS(s);
      case 'x':
        return this.fmtSx(s, ldigits);
      case 'X':
        return this.fmtSx(s, udigits);
      case 'q':
        return this.fmtQ(s);
      default:
        return this.badVerb(verb, v);
    }
  }
}

export function unwrap(v: unknown): unknown {
  return v instanceof GoTyped ? v.value : v;
}

export function isStringKind(v: unknown): boolean {
  return kindOf(v) === 'string';
}
