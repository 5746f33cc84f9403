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
