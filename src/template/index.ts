/**
 * Go's text/template in TypeScript: the same language, functions, fmt verbs and
 * time layouts, with Go's error messages. See docs/templates.md for the value model.
 */
import { TemplateError } from './error.js';
import { Budget, State, type Limits, type Templates } from './exec.js';
export type { Limits } from './exec.js';
import { builtins, customFunc, type GoFunc } from './funcs.js';
import { ParseError, parse } from './parse/parser.js';
import { quote } from './strconv/quote.js';
import { NO_VALUE, type FuncMap } from './values.js';

export { TemplateError } from './error.js';
export { GoTime } from './time.js';
export { layouts } from './layout.js';
export { GoStruct, GoTyped, goFunc, type FuncMap, type GoSignature, type GoParam } from './values.js';

export interface TemplateOptions {
  /** Extra functions, as Go's Template.Funcs. Wrap with goFunc() for Go's argument checks. */
  funcs?: FuncMap;
}

const goodName = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

export class Template {
  private constructor(
    readonly name: string,
    private readonly set: Templates,
  ) {}

  /** Parses `text`; throws TemplateError with Go's message when it does not parse. */
  static parse(name: string, text: string, opts: TemplateOptions = {}): Template {
    const funcs = new Map<string, GoFunc>();
    for (const [fname, fn] of Object.entries(opts.funcs ?? {})) {
      if (!goodName.test(fname)) throw new TemplateError(`function name ${quote(fname)} is not a valid identifier`);
      if (typeof fn !== 'function') throw new TemplateError(`value for ${fname} not a function`);
      funcs.set(fname, customFunc(fn));
    }
    const hasFunction = (f: string): boolean => funcs.has(f) || Object.prototype.hasOwnProperty.call(builtins, f);
    try {
      return new Template(name, { trees: parse(name, text, hasFunction), funcs });
    } catch (err) {
      if (err instanceof ParseError) throw new TemplateError(err.message);
      throw err;
    }
  }

  /** Names of the templates this text defines (with `define` and `block`), and its own. */
  get templateNames(): string[] {
    return [...this.set.trees.keys()];
  }

  /**
   * Every field name the text can read (`.A.B`, `$x.A`, `(…).A`), in any template it
   * defines: what a caller must be ready to answer before executing. A name read
   * only on a branch never taken is listed too.
   */
  fieldNames(): Set<string> {
    const names = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value === null || typeof value !== 'object') return;
      const node = value as { type?: string; ident?: string[]; fields?: string[] };
      if (node.type === 'field') node.ident!.forEach((n) => names.add(n));
      else if (node.type === 'variable') node.ident!.slice(1).forEach((n) => names.add(n));
      else if (node.type === 'chain') node.fields!.forEach((n) => names.add(n));
      // `tree` points back up from every node.
      for (const [key, child] of Object.entries(value)) if (key !== 'tree') visit(child);
    };
    for (const tree of this.set.trees.values()) visit(tree.root);
    return names;
  }

  /** Executes with `data` as dot; throws TemplateError as Go's Execute would fail. */
  execute(data: unknown, limits?: Limits): string {
    return this.executeTemplate(this.name, data, limits);
  }

  /** Go's ExecuteTemplate: runs one of the templates the text defines. */
  executeTemplate(name: string, data: unknown, limits?: Limits): string {
    const tree = this.set.trees.get(name);
    if (!tree)
      throw new TemplateError(`template: no template ${quote(name)} associated with template ${quote(this.name)}`);
    const out: string[] = [];
    const dot = data === null || data === undefined ? NO_VALUE : data;
    new State(this.set, tree, out, dot, 0, new Budget(limits)).walk(dot, tree.root);
    return out.join('');
  }
}

/** Parse and execute in one step. */
export function render(name: string, text: string, data: unknown, opts: TemplateOptions = {}): string {
  return Template.parse(name, text, opts).execute(data);
}
