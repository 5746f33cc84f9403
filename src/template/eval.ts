/**
 * Evaluating pipelines, commands, fields, method and function calls, shaped like
 * Go's exec.go so that errors point at the node Go points at.
 */
import { isTrue } from './compare.js';
import { builtins, FuncError, paramTypeName, type GoFunc, type ParamType } from './funcs.js';
import {
  BoolNode,
  ChainNode,
  CommandNode,
  DotNode,
  FieldNode,
  IdentifierNode,
  NilNode,
  NumberNode,
  PipeNode,
  StringNode,
  VariableNode,
  type Node,
} from './parse/nodes.js';
import { quote } from './strconv/quote.js';
import { Scope } from './scope.js';
import { GoTime } from './time.js';
import { GoStruct, GoTyped, Iface, NO_VALUE, isPlainMap, mapGet, strip, typeString } from './values.js';

/** No value passed down the pipeline (Go's missingVal). */
const MISSING: unique symbol = Symbol('missing');
type Final = unknown;

/** The value a pipeline stage hands on: interfaces are unwrapped, nil becomes "no value". */
function concrete(v: unknown): unknown {
  if (v instanceof Iface) v = v.value;
  return v === null || v === undefined ? NO_VALUE : v;
}

export abstract class Evaluator extends Scope {
  // ---- pipelines and commands ----
  protected evalPipeline(dot: unknown, pipe: PipeNode | undefined): unknown {
    if (!pipe) return NO_VALUE;
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) value = concrete(this.evalCommand(dot, cmd, value));
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${args[0]}`);
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]!;
    if (first instanceof FieldNode) return this.evalFieldNode(dot, first, cmd.args, final);
    if (first instanceof ChainNode) return this.evalChainNode(dot, first, cmd.args, final);
    if (first instanceof IdentifierNode) return this.evalFunction(dot, first, cmd, cmd.args, final);
    if (first instanceof PipeNode) {
      this.notAFunction(cmd.args, final);
      return this.evalPipeline(dot, first);
    }
    if (first instanceof VariableNode) return this.evalVariableNode(dot, first, cmd.args, final);
    this.at(first);
    this.notAFunction(cmd.args, final);
    if (first instanceof BoolNode) return first.value;
    if (first instanceof DotNode) return dot;
    if (first instanceof NilNode) this.errorf('nil is not a command');
    if (first instanceof NumberNode) return this.idealConstant(first);
    if (first instanceof StringNode) return first.text;
    this.errorf(`can't evaluate command ${quote(String(first))}`);
  }

  private idealConstant(c: NumberNode): unknown {
    this.at(c);
    if (c.isComplex) this.errorf(`complex constant ${c.text} is not supported`);
    const isHexInt = c.text.length > 2 && c.text[0] === '0' && 'xX'.includes(c.text[1]!) && !/[pP]/.test(c.text);
    if (c.isFloat && !isHexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return c.float64;
    if (c.isInt) return c.int64;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return NO_VALUE;
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: Node[], final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: Node[], final: Final): unknown {
    this.at(chain);
    if (chain.node instanceof NilNode) this.errorf(`indirection through explicit nil in ${chain}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.fields, args, final);
  }

  private evalVariableNode(dot: unknown, variable: VariableNode, args: Node[], final: Final): unknown {
    this.at(variable);
    const value = this.varValue(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: Node,
    ident: string[],
    args: Node[] | undefined,
    final: Final,
  ): unknown {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i]!, node, undefined, MISSING, receiver);
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver);
  }

  private evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: Node[] | undefined, final: Final): unknown {
    this.at(node);
    const fn = this.set.funcs.get(node.ident) ?? builtins[node.ident];
    if (!fn) this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, !this.set.funcs.has(node.ident), cmd, node.ident, args, final);
  }

  private evalField(
    dot: unknown,
    fieldName: string,
    node: Node,
    args: Node[] | undefined,
    final: Final,
    receiver: unknown,
  ): unknown {
    if (receiver === NO_VALUE) return NO_VALUE;
    const typ = receiver instanceof Iface ? 'interface {}' : typeString(receiver);
    receiver = strip(receiver);
    if (receiver === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const method = methodOf(receiver, fieldName);
    if (method) return this.evalCall(dot, method, false, node, fieldName, args, final);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoStruct && Object.prototype.hasOwnProperty.call(receiver.fields, fieldName)) {
      if (!/^\p{Lu}/u.test(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${typ}`);
      if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      const value = receiver.fields[fieldName];
      return value === null || value === undefined ? new Iface(null) : value;
    }
    if (isPlainMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const value = mapGet(receiver, fieldName);
      return value === NO_VALUE ? NO_VALUE : new Iface(value);
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalCall(
    dot: unknown,
    fn: GoFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    args: Node[] | undefined,
    final: Final,
  ): unknown {
    const rest = args ? args.slice(1) : [];
    let numIn = rest.length;
    if (final !== MISSING) numIn++;
    let numFixed = rest.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${rest.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    if (fn.results !== 1 && !(fn.results === 2 && fn.errorResult))
      this.errorf(`can't call method/function ${quote(name)} with ${fn.results} results`);

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: unknown = NO_VALUE;
      for (const arg of rest) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }

    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < rest.length; i++) argv.push(this.evalArg(dot, fn.params[i]!, rest[i]!));
    if (fn.variadic) for (; i < rest.length; i++) argv.push(this.evalArg(dot, fn.variadic, rest[i]!));
    if (final !== MISSING) {
      let t = fn.variadic ?? fn.params[fn.params.length - 1]!;
      if (fn.variadic && numIn - 1 < numFixed) t = fn.params[numIn - 1]!;
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(argv);
    } catch (err) {
      if (!(err instanceof FuncError)) throw err;
      this.at(node);
      this.errorf(`error calling ${name}: ${err.message}`);
    }
  }

  /** Checks a computed value against a parameter type (Go's validateType). */
  private validateType(value: unknown, t: ParamType | undefined): unknown {
    if (value === NO_VALUE || value === MISSING) {
      if (t === undefined || t === 'value') return NO_VALUE;
      if (t === 'any') return null;
      this.errorf(`invalid value; expected ${paramTypeName(t)}`);
    }
    if (t === undefined) return value;
    if (t === 'value' || t === 'any') return strip(value);
    const inner = strip(value);
    if (inner !== null && typeString(inner) === paramTypeName(t)) return inner;
    const got = inner === null ? 'interface {}' : typeString(value instanceof Iface ? inner : value);
    this.errorf(`wrong type for value; expected ${paramTypeName(t)}; got ${got}`);
  }

  private evalArg(dot: unknown, t: ParamType | undefined, n: Node): unknown {
    this.at(n);
    if (n instanceof DotNode) return this.validateType(dot, t);
    if (n instanceof NilNode) {
      if (t === 'any') return null;
      if (t === 'value') return NO_VALUE;
      this.errorf(`cannot assign nil to ${t === undefined ? '<nil>' : paramTypeName(t)}`);
    }
    if (n instanceof FieldNode) return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), t);
    if (n instanceof VariableNode) return this.validateType(this.evalVariableNode(dot, n, [], MISSING), t);
    if (n instanceof PipeNode) return this.validateType(this.evalPipeline(dot, n), t);
    if (n instanceof IdentifierNode) return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), t);
    if (n instanceof ChainNode) return this.validateType(this.evalChainNode(dot, n, [], MISSING), t);
    switch (t) {
      case 'bool':
        if (n instanceof BoolNode) return n.value;
        return this.errorf(`expected bool; found ${n}`);
      case 'float64':
        if (n instanceof NumberNode && n.isFloat) return n.float64;
        return this.errorf(`expected float; found ${n}`);
      case 'int':
      case 'int64':
        if (n instanceof NumberNode && n.isInt) return t === 'int' ? n.int64 : new GoTyped('int64', 'int', n.int64);
        return this.errorf(`expected integer; found ${n}`);
      case 'string':
        if (n instanceof StringNode) return n.text;
        return this.errorf(`expected string; found ${n}`);
      case 'any':
      case 'value':
        if (n instanceof BoolNode) return n.value;
        if (n instanceof NumberNode) return this.idealConstant(n);
        if (n instanceof StringNode) return n.text;
    }
    this.errorf(`can't handle ${n} for arg of type ${t === undefined ? '<nil>' : paramTypeName(t)}`);
  }
}

/** Methods a value has: time.Time's, and String on named types such as time.Month. */
function methodOf(receiver: unknown, name: string): GoFunc | undefined {
  if (receiver instanceof GoTime) {
    const m = GoTime.methods[name];
    if (!m) return undefined;
    return {
      params: m.params,
      results: m.results,
      call: (args) => m.call(receiver, ...args.map((a) => (typeof a === 'bigint' ? Number(a) : a))),
    };
  }
  if (receiver instanceof GoTyped && receiver.stringer && name === 'String') {
    const s = receiver.stringer;
    return { params: [], results: 1, call: () => s() };
  }
  return undefined;
}
