/**
 * What an executing template knows besides dot: its variables, the node being
 * executed (for errors), and how Go words an execution error.
 */
import { TemplateError } from './error.js';
import type { GoFunc } from './funcs.js';
import type { Node, Tree } from './parse/nodes.js';
import { quote } from './strconv/quote.js';
import { utf8Length } from './values.js';

export interface Templates {
  trees: Map<string, Tree>;
  funcs: Map<string, GoFunc>;
}

/** Line and byte column of a node, as Go's ErrorContext computes them. */
function location(node: Node): string {
  const text = node.tree.text.slice(0, node.pos);
  const nl = text.lastIndexOf('\n');
  const line = 1 + (text.match(/\n/g)?.length ?? 0);
  return `${node.tree.parseName}:${line}:${utf8Length(text.slice(nl + 1))}`;
}

export abstract class Scope {
  protected node: Node | undefined;
  protected vars: Array<{ name: string; value: unknown }>;

  constructor(
    protected readonly set: Templates,
    protected readonly tree: Tree,
    dot: unknown,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  // ---- errors and variables ----
  errorf(message: string): never {
    const name = this.tree.name;
    if (!this.node) throw new TemplateError(`template: ${name}: ${message}`);
    throw new TemplateError(`template: ${location(this.node)}: executing ${quote(name)} at <${this.node}>: ${message}`);
  }
  protected at(node: Node): void {
    this.node = node;
  }
  protected mark(): number {
    return this.vars.length;
  }
  protected pop(mark: number): void {
    this.vars.length = mark;
  }
  protected setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  protected varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    this.errorf(`undefined variable: ${name}`);
  }
}
