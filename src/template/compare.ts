/**
 * Go's truth and its comparison builtins (eq, ne, lt, le, gt, ge): basic kinds
 * compare within their kind, ints with uints; anything else is Go's error.
 */
import { FuncError } from './funcerror.js';
import { GoTime } from './time.js';
import { GoStruct, GoTyped, NO_VALUE, compareStrings, kindOf, mapSize, strip, typeString } from './values.js';
import { sprintf } from './fmt/print.js';

/** Go's truth: false for missing, nil, zero numbers, empty strings/slices/maps. */
export function isTrue(v: unknown): boolean {
  v = strip(v);
  if (v instanceof GoTyped) v = v.value;
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'uint':
      return v !== 0n;
    case 'float':
      return v !== 0;
    case 'string':
      return (v as string).length > 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return mapSize(v as Record<string, unknown>) > 0;
    default:
      return true;
  }
}

type Basic = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

export function basicKind(v: unknown): Basic {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}

export const raw = (v: unknown): unknown => (v instanceof GoTyped ? v.value : v);
export const isZero = (v: unknown): boolean => v === NO_VALUE || v === null || v === undefined;
const BAD_COMPARISON = 'incompatible types for comparison';
const BAD_COMPARISON_TYPE = 'invalid type for comparison';

function comparable(v: unknown): boolean {
  const k = kindOf(v);
  return k !== 'map' && k !== 'slice' && k !== 'func';
}

/** Go's == on comparable non-basic values (structs, times). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof GoTime && b instanceof GoTime) {
    return a.unixSeconds === b.unixSeconds && a.nanos === b.nanos && a.offset === b.offset && a.zone === b.zone;
  }
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.typeName !== b.typeName) return false;
    return Object.keys(a.fields).every((k) => {
      const x = strip(a.fields[k]);
      const y = strip(b.fields[k]);
      return basicKind(x) !== 'invalid' ? raw(x) === raw(y) : sameValue(x, y);
    });
  }
  return false;
}

export function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  if (arg2.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of arg2) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = (raw(arg1) as bigint) >= 0n && raw(arg1) === raw(arg);
      else if (k1 === 'uint' && k2 === 'int') truth = (raw(arg) as bigint) >= 0n && raw(arg1) === raw(arg);
      else if (!isZero(arg1) && !isZero(arg)) throw new FuncError(BAD_COMPARISON);
    } else if (k1 !== 'invalid') {
      truth = raw(arg1) === raw(arg);
    } else {
      const kind1 = kindOf(arg1);
      const kind2 = kindOf(arg);
      const invalid = (k: string) => k === 'invalid' || k === 'nil';
      if (kind1 !== kind2 && !invalid(kind1) && !invalid(kind2)) {
        throw new FuncError(
          sprintf('non-comparable types %s: %v, %s: %v', [arg1, typeString(arg1), typeString(arg), arg]),
        );
      }
      if (isZero(arg1) || isZero(arg)) truth = isZero(arg1) === isZero(arg);
      else if (!comparable(arg)) throw new FuncError(sprintf('non-comparable type %s: %v', [arg, typeString(arg)]));
      else truth = sameValue(arg1, arg);
    }
    if (truth) return true;
  }
  return false;
}

export function lt(arg1: unknown, arg2: unknown): boolean {
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new FuncError(BAD_COMPARISON_TYPE);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new FuncError(BAD_COMPARISON_TYPE);
  const a = raw(arg1) as bigint;
  const b = raw(arg2) as bigint;
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return a < 0n || a < b;
    if (k1 === 'uint' && k2 === 'int') return b >= 0n && a < b;
    throw new FuncError(BAD_COMPARISON);
  }
  if (k1 === 'bool') throw new FuncError(BAD_COMPARISON_TYPE);
  if (k1 === 'string') return compareStrings(a as unknown as string, b as unknown as string) < 0;
  return a < b;
}

export const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);
