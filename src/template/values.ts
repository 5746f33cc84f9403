/**
 * How JavaScript values stand for Go values — the dot, function arguments and results.
 * Go's printing, truthiness and comparisons depend on a value's kind, and JavaScript
 * has one number type, so ints and floats are told apart by representation:
 *
 *   Go                        JavaScript
 *   string                    string
 *   float64                   number   (encoding/json decodes every number this way)
 *   int                       bigint   (integer constants such as 3, results of len)
 *   int64, time.Month, …      GoTyped  (a named or sized Go type around a bigint/number)
 *   bool                      boolean
 *   nil                       null or undefined
 *   []interface {}            Array
 *   map[string]interface {}   plain object, or Map with string keys
 *   struct                    GoStruct (Go type name + fields in declaration order)
 *   time.Time                 GoTime   (with Go's methods: Format, Unix, Year, …)
 *   func                      JavaScript function (for `call`)
 *
 * A missing map key is not nil: it is "no value" (printed `<no value>`), as in Go.
 */

/** A Go struct value: missing fields are errors (unlike map keys), printing is `{a b}`. */
export class GoStruct {
  constructor(
    /** Go's name for the type, used in error messages, e.g. `tags.Vars`. */
    readonly typeName: string,
    readonly fields: Readonly<Record<string, unknown>>,
  ) {}
}

export type GoKind = 'int' | 'uint' | 'float' | 'string' | 'bool';

/** A value of a named or sized Go type: `int64`, `time.Month`, `uint8`, … */
export class GoTyped {
  constructor(
    /** The Go type as Go prints it in `%T` and in errors. */
    readonly type: string,
    readonly kind: GoKind,
    /** bigint for int/uint kinds, number for float, string, boolean. */
    readonly value: bigint | number | string | boolean,
    /** Go's String() method, when the type has one (time.Month prints `November`). */
    readonly stringer?: () => string,
  ) {}
}

/** Parameter and result types a declared function can have. */
export type GoParam = 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'any';

/**
 * A Go function signature. Arguments are checked and converted as Go checks them:
 * `string` → string, `int`/`int64`/`float64` → number, `bool` → boolean,
 * `any` → the Go value as described above (ints stay bigint).
 */
export interface GoSignature {
  params: GoParam[];
  /** Type of `...rest` when the function is variadic. */
  variadic?: GoParam;
  /** Result type: an `int` result given as a number is turned into a bigint. */
  result?: GoParam;
}

/** Custom template functions. A throw becomes Go's `error calling NAME: MESSAGE`. */
export type FuncMap = Record<string, (...args: any[]) => unknown>;

export const goSignature: unique symbol = Symbol('regkit.goSignature');

/**
 * Declares a function's Go signature so templates get Go's argument checks
 * (`wrong number of args for trunc: want 2 got 1`, `wrong type for value; expected int; got string`).
 * Functions without one take any number of arguments of any type.
 */
export function goFunc<F extends (...args: any[]) => unknown>(signature: GoSignature, fn: F): F {
  (fn as F & { [goSignature]?: GoSignature })[goSignature] = signature;
  return fn;
}

export function signatureOf(fn: (...args: any[]) => unknown): GoSignature | undefined {
  return (fn as { [goSignature]?: GoSignature })[goSignature];
}

/** Go's invalid reflect.Value: what a missing map key yields. Prints `<no value>`. */
export const NO_VALUE: unique symbol = Symbol('no value');
export type NoValue = typeof NO_VALUE;

/** A Go function value with its signature, as `call` and method calls see it. */
export type GoCallable = (...args: any[]) => unknown;

/** Go reflect kinds that matter to templates. `nil` is a nil interface. */
export type Kind =
  'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'func';

export function isPlainMap(v: unknown): v is Record<string, unknown> | Map<string, unknown> {
  if (v instanceof Map) return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function kindOf(v: unknown): Kind {
  if (v === NO_VALUE) return 'invalid';
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
  }
  if (Array.isArray(v)) return 'slice';
  if (v instanceof GoTyped) return v.kind;
  if (isPlainMap(v)) return 'map';
  return 'struct';
}

/** Go's name for a value's type, as `%T` and error messages print it. */
export function typeString(v: unknown): string {
  if (v === null || v === undefined || v === NO_VALUE) return '<nil>';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
    case 'string':
      return 'string';
    case 'function':
      return funcTypeString(v as GoCallable);
  }
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoTyped) return v.type;
  if (v instanceof GoStruct) return v.typeName;
  if (isPlainMap(v)) return 'map[string]interface {}';
  const named = (v as { goType?: unknown }).goType;
  return typeof named === 'string' ? named : 'struct {}';
}

/** Go's name for each parameter type, as signatures and errors print it. */
export const paramTypes: Record<GoParam, string> = {
  string: 'string',
  int: 'int',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
  any: 'interface {}',
};

export function funcTypeString(fn: GoCallable): string {
  const sig = signatureOf(fn) ?? { params: [], variadic: 'any' as const, result: 'any' as const };
  const params = sig.params.map((p) => paramTypes[p]);
  if (sig.variadic) params.push('...' + paramTypes[sig.variadic]);
  return `func(${params.join(', ')}) ${paramTypes[sig.result ?? 'any']}`;
}

/** Entries of a Go map, keys sorted as Go's fmt and range sort string keys (by bytes). */
export function sortedEntries(m: Record<string, unknown> | Map<string, unknown>): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = m instanceof Map ? [...m.entries()] : Object.entries(m);
  return entries.sort(([a], [b]) => compareStrings(a, b));
}

/** Go compares strings byte by byte (UTF-8), which is code point order, not UTF-16 order. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function mapGet(m: Record<string, unknown> | Map<string, unknown>, key: string): unknown {
  if (m instanceof Map) return m.has(key) ? m.get(key) : NO_VALUE;
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : NO_VALUE;
}

export function mapSize(m: Record<string, unknown> | Map<string, unknown>): number {
  return m instanceof Map ? m.size : Object.keys(m).length;
}

/** The int value of an int-kinded Go value, or undefined. */
export function intValue(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (v instanceof GoTyped && (v.kind === 'int' || v.kind === 'uint')) return v.value as bigint;
  return undefined;
}

/** UTF-8 length of a string, as Go's len counts it. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * A value read out of an interface-typed slot (a map[string]interface{} value, an
 * element of []interface{}): Go keeps the interface type until a pipeline ends,
 * which shows in messages such as `can't evaluate field X in type interface {}`.
 */
export class Iface {
  constructor(readonly value: unknown) {}
}

/** The value inside an interface slot; a nil interface is null. */
export function strip(v: unknown): unknown {
  if (v instanceof Iface) return v.value ?? null;
  return v === undefined ? null : v;
}
