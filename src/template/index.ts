/**
 * Go's text/template in TypeScript: the same language, functions, fmt verbs and
 * time layouts, with Go's error messages. See docs/templates.md for the value model.
 */
import { TemplateError } from './error.js';
import type { FuncMap } from './values.js';

export { TemplateError } from './error.js';
export { GoTime } from './time.js';
export { GoStruct, GoTyped, goFunc, type FuncMap, type GoSignature, type GoParam } from './values.js';

export interface TemplateOptions {
  /** Extra functions, as Go's Template.Funcs. Wrap with goFunc() for Go's argument checks. */
  funcs?: FuncMap;
}

export class Template {
  private constructor(readonly name: string, private readonly text: string, private readonly funcs: FuncMap) {}

  /** Parses `text`; throws TemplateError with Go's message when it does not parse. */
  static parse(name: string, text: string, opts: TemplateOptions = {}): Template {
    return new Template(name, text, opts.funcs ?? {});
  }

  /** Executes with `data` as dot; throws TemplateError as Go's Execute would fail. */
  execute(data: unknown): string {
    void data;
    throw new TemplateError(`template: ${this.name}: not implemented yet`);
  }
}

/** Parse and execute in one step. */
export function render(name: string, text: string, data: unknown, opts: TemplateOptions = {}): string {
  return Template.parse(name, text, opts).execute(data);
}
