/**
 * The executor's walk over the tree (Go's exec.go): actions, if/with/range with
 * Go's variable scoping, break/continue, and {{template}} calls.
 */
import { isTrue } from './compare.js';
import { Evaluator } from './eval.js';
import { sprint } from './fmt/print.js';
import {
  ActionNode, BranchNode, BreakNode, CommentNode, ContinueNode, ListNode, TemplateNode, TextNode, type Node, type Tree,
} from './parse/nodes.js';
import { quote } from './strconv/quote.js';
import type { Templates } from './scope.js';
import { Iface, NO_VALUE, kindOf, sortedEntries, strip, typeString } from './values.js';

export type { Templates } from './scope.js';

const MAX_DEPTH = 100000;

class Break {}
class Continue {}

export class State extends Evaluator {
  constructor(
    set: Templates,
    tree: Tree,
    private readonly out: string[],
    dot: unknown,
    private readonly depth = 0,
  ) {
    super(set, tree, dot);
  }

  // ---- walking ----
  walk(dot: unknown, node: Node): void {
    this.at(node);
    if (node instanceof ActionNode) {
      const val = this.evalPipeline(dot, node.pipe);
      if (node.pipe.decl.length === 0) this.printValue(node, val);
    } else if (node instanceof BreakNode) throw new Break();
    else if (node instanceof ContinueNode) throw new Continue();
    else if (node instanceof CommentNode) return;
    else if (node instanceof BranchNode) {
      if (node.type === 'range') this.walkRange(dot, node);
      else this.walkIfOrWith(node, dot);
    } else if (node instanceof ListNode) for (const n of node.nodes) this.walk(dot, n);
    else if (node instanceof TemplateNode) this.walkTemplate(dot, node);
    else if (node instanceof TextNode) this.out.push(node.text);
    else this.errorf(`unknown node: ${node}`);
  }

  private walkIfOrWith(node: BranchNode, dot: unknown): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = strip(this.evalPipeline(dot, r.pipe));
      const mark = this.mark();
      const oneIteration = (index: unknown, elem: unknown): void => {
        if (r.pipe.decl.length > 0) this.vars[this.vars.length - 1]!.value = elem;
        if (r.pipe.decl.length > 1) this.vars[this.vars.length - 2]!.value = index;
        try {
          this.walk(elem, r.list);
        } catch (err) {
          if (!(err instanceof Continue)) throw err;
        } finally {
          this.pop(mark);
        }
      };
      const k = kindOf(val);
      if (k === 'slice' && (val as unknown[]).length > 0) {
        (val as unknown[]).forEach((e, i) => oneIteration(BigInt(i), new Iface(e)));
        return;
      }
      if (k === 'map') {
        const entries = sortedEntries(val as Record<string, unknown>);
        if (entries.length > 0) {
          for (const [key, value] of entries) oneIteration(key, new Iface(value));
          return;
        }
      } else if (k !== 'slice' && k !== 'invalid' && k !== 'nil') {
        this.errorf(`range can't iterate over ${sprint([val])}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } catch (err) {
      if (!(err instanceof Break)) throw err;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const tree = this.set.trees.get(t.name);
    if (!tree) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    dot = this.evalPipeline(dot, t.pipe);
    const state = new State(this.set, tree, this.out, dot, this.depth + 1);
    try {
      state.walk(dot, tree.root);
    } catch (err) {
      // JavaScript runs out of stack long before Go's depth limit: report it as Go would.
      if (err instanceof RangeError && err.message.includes('call stack')) {
        this.at(t);
        this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
      }
      throw err;
    }
  }

  private printValue(n: Node, v: unknown): void {
    this.at(n);
    if (v === NO_VALUE) {
      this.out.push('<no value>');
      return;
    }
    if (kindOf(v) === 'func') this.errorf(`can't print ${n} of type ${typeString(v)}`);
    this.out.push(sprint([v]));
  }
}
