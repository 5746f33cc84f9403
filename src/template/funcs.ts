/**
 * Go's template builtins (text/template/funcs.go) and the bridge for custom
 * functions. A FuncError becomes Go's `error calling NAME: MESSAGE`.
 */
import { htmlEscape, jsEscape, queryEscape } from './escape.js';
import { sprint, sprintf, sprintln } from './fmt/print.js';
import { eq, isTrue, isZero, le, lt, raw } from './compare.js';
import { FuncError } from './funcerror.js';
import {
  GoTyped,
  Iface,
  NO_VALUE,
  kindOf,
  mapGet,
  mapSize,
  paramTypes,
  signatureOf,
  strip,
  typeString,
  utf8Length,
  type GoCallable,
  type GoParam,
} from './values.js';

export { FuncError } from './funcerror.js';

/** `value` is Go's reflect.Value parameter: any value, missing values included. */
export type ParamType = GoParam | 'value';

export interface GoFunc {
  params: ParamType[];
  variadic?: ParamType;
  /** Go functions may return one value, or a value and an error; anything else cannot be called. */
  results: number;
  /** Whether a second result is an error. */
  errorResult?: boolean;
  call(args: unknown[]): unknown;
}

/** indexArg: an int index within [0, cap]. */
function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid' || k === 'nil') throw new FuncError('cannot index slice/array with nil');
  if (k !== 'int' && k !== 'uint') throw new FuncError(`cannot index slice/array with type ${typeString(index)}`);
  const x = raw(index) as bigint;
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (isZero(item)) throw new FuncError('index of untyped nil');
  for (const i of indexes) {
    item = strip(item);
    if (isZero(item)) throw new FuncError('index of nil pointer');
    const k = kindOf(item);
    if (k === 'slice' || k === 'string') {
      const isString = k === 'string';
      const bytes = isString ? Buffer.from(raw(item) as string, 'utf8') : undefined;
      const len = bytes ? bytes.length : (item as unknown[]).length;
      const x = indexArg(i, len);
      if (x === len) throw new FuncError(`reflect: ${isString ? 'string' : 'slice'} index out of range`);
      item = bytes ? new GoTyped('uint8', 'uint', BigInt(bytes[x]!)) : new Iface((item as unknown[])[x]);
    } else if (k === 'map') {
      if (isZero(i)) throw new FuncError('value is nil; should be of type string');
      if (typeString(i) !== 'string') throw new FuncError(`value has type ${typeString(i)}; should be string`);
      const v = mapGet(item as Record<string, unknown>, i as string);
      item = new Iface(v === NO_VALUE ? null : v);
    } else throw new FuncError(`can't index item of type ${typeString(item)}`);
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (isZero(item)) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let len: number;
  if (k === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = utf8Length(raw(item) as string);
  } else if (k === 'slice') len = (item as unknown[]).length;
  else throw new FuncError(`can't slice item of type ${typeString(item)}`);
  const idx = [0, len, 0];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len)));
  if (idx[0]! > idx[1]!) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string') {
    const s = Buffer.from(raw(item) as string, 'utf8')
      .subarray(idx[0], idx[1])
      .toString('utf8');
    return item instanceof GoTyped ? new GoTyped(item.type, 'string', s) : s;
  }
  return (item as unknown[]).slice(idx[0], idx[1]);
}

function length(item: unknown): bigint {
  if (item === NO_VALUE) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (isZero(item)) throw new FuncError('len of nil pointer');
  switch (kindOf(item)) {
    case 'string':
      return BigInt(utf8Length(raw(item) as string));
    case 'slice':
      return BigInt((item as unknown[]).length);
    case 'map':
      return BigInt(mapSize(item as Record<string, unknown>));
  }
  throw new FuncError(`len of type ${typeString(item)}`);
}

/** evalArgs of html/js/urlquery: one string as is, anything else as fmt.Sprint prints it. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (isZero(a) ? '<no value>' : a)));
}

const v = (params: ParamType[], call: (...args: any[]) => unknown, variadic?: ParamType): GoFunc => ({
  params,
  variadic,
  results: 2,
  errorResult: true,
  call: (args) => call(...args),
});

export const builtins: Record<string, GoFunc> = {
  and: v(['value'], () => undefined, 'value'),
  or: v(['value'], () => undefined, 'value'),
  not: v(['value'], (a) => !isTrue(a)),
  len: v(['value'], length),
  index: v(['value'], index, 'value'),
  slice: v(['value'], slice, 'value'),
  print: v([], (...a) => sprint(a), 'any'),
  printf: v(['string'], (f: string, ...a) => sprintf(f, a), 'any'),
  println: v([], (...a) => sprintln(a), 'any'),
  html: v([], (...a) => htmlEscape(evalArgs(a)), 'any'),
  js: v([], (...a) => jsEscape(evalArgs(a)), 'any'),
  urlquery: v([], (...a) => queryEscape(evalArgs(a)), 'any'),
  eq: v(['value'], eq, 'value'),
  ne: v(['value', 'value'], (a, b) => !eq(a, b)),
  lt: v(['value', 'value'], lt),
  le: v(['value', 'value'], le),
  gt: v(['value', 'value'], (a, b) => !le(a, b)),
  ge: v(['value', 'value'], (a, b) => !lt(a, b)),
  call: v(['value'], callFunction, 'value'),
};

// ---- custom functions ----

export const paramTypeName = (t: ParamType): string => (t === 'value' ? 'reflect.Value' : paramTypes[t]);

/** Whether a value can be passed where Go expects `t` without conversion. */
export function assignable(value: unknown, t: ParamType): boolean {
  if (t === 'any' || t === 'value') return true;
  return typeString(value) === paramTypes[t];
}

/** Go value → what the JavaScript function receives for a declared parameter. */
function toJs(value: unknown, t: ParamType): unknown {
  if (t === 'int' || t === 'int64') return Number(raw(value));
  return value;
}

function fromJs(result: unknown, t: GoParam | undefined): unknown {
  if (result === undefined) result = null;
  if (t === 'int' && typeof result === 'number') return BigInt(Math.trunc(result));
  if (t === 'int64' && (typeof result === 'number' || typeof result === 'bigint')) {
    return new GoTyped('int64', 'int', BigInt(typeof result === 'number' ? Math.trunc(result) : result));
  }
  return t === undefined || t === 'any' ? new Iface(result) : result;
}

/** A FuncMap entry as the executor calls it. Throws from the function become FuncError. */
export function customFunc(fn: GoCallable): GoFunc {
  const sig = signatureOf(fn);
  const params: ParamType[] = sig ? sig.params : [];
  const variadic: ParamType | undefined = sig ? sig.variadic : 'any';
  return {
    params,
    variadic,
    results: 2,
    errorResult: true,
    call(args) {
      const converted = args.map((a, i) => toJs(a, i < params.length ? params[i]! : variadic!));
      try {
        return fromJs(fn(...converted), sig?.result);
      } catch (err) {
        throw new FuncError(err instanceof Error ? err.message : String(err));
      }
    },
  };
}

/** Go's `call` builtin: checks arguments the way reflect would, then calls. */
function callFunction(fn: unknown, ...args: unknown[]): unknown {
  fn = strip(fn);
  if (isZero(fn)) throw new FuncError('call of nil');
  if (typeof fn !== 'function') throw new FuncError(`non-function of type ${typeString(fn)}`);
  const f = customFunc(fn as GoCallable);
  const numIn = f.params.length;
  if (f.variadic) {
    if (args.length < numIn) throw new FuncError(`wrong number of args: got ${args.length} want at least ${numIn}`);
  } else if (args.length !== numIn) throw new FuncError(`wrong number of args: got ${args.length} want ${numIn}`);
  const argv = args.map((arg, i) => {
    arg = strip(arg);
    const t = i < numIn ? f.params[i]! : f.variadic!;
    if (isZero(arg)) {
      if (t === 'any' || t === 'value') return null;
      throw new FuncError(`arg ${i}: value is nil; should be of type ${paramTypeName(t)}`);
    }
    if (assignable(arg, t)) return arg;
    const k = kindOf(arg);
    if ((k === 'int' || k === 'uint') && (t === 'int' || t === 'int64'))
      return t === 'int' ? raw(arg) : new GoTyped('int64', 'int', raw(arg) as bigint);
    throw new FuncError(`arg ${i}: value has type ${typeString(arg)}; should be ${paramTypeName(t)}`);
  });
  return f.call(argv);
}
