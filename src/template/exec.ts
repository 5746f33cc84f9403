/**
 * The executor's walk over the tree (Go's exec.go): actions, if/with/range with
 * Go's variable scoping, break/continue, and {{template}} calls.
 */
import { isTrue } from './compare.js';
import { Evaluator } from './eval.js';
import { sprint } from './fmt/print.js';
import {
  ActionNode,
  BranchNode,
  BreakNode,
  CommentNode,
  ContinueNode,
  ListNode,
  TemplateNode,
  TextNode,
  type Node,
  type Tree,
} from './parse/nodes.js';
import { quote } from './strconv/quote.js';
import type { Templates } from './scope.js';
import { Iface, NO_VALUE, kindOf, sortedEntries, strip, typeString } from './values.js';

export type { Templates } from './scope.js';

const MAX_DEPTH = 100000;

/**
 * Limits on one execution. Go has none, but a template is input: a few `define`s that
 * call each other twice run for hours and fill memory, where a tag needs a few bytes.
 */
export interface Limits {
  /** Bytes of output; unlimited when absent. */
  maxOutput?: number;
  /** Nodes walked (actions, text, branches, template calls); unlimited when absent. */
  maxSteps?: number;
}

/** What an execution has used so far, shared by the templates it calls. */
export class Budget {
  output = 0;
  steps = 0;
  constructor(readonly limits: Limits = {}) {}
}

class Break {}
class Continue {}

export class State extends Evaluator {
  constructor(
    set: Templates,
    tree: Tree,
    private readonly out: string[],
    dot: unknown,
    private readonly depth = 0,
    private readonly budget = new Budget(),
  ) {
    super(set, tree, dot);
  }

  private emit(text: string): void {
    const { maxOutput } = this.budget.limits;
    this.budget.output += text.length;
    if (maxOutput !== undefined && this.budget.output > maxOutput) {
      this.errorf(`output longer than ${maxOutput} characters — the template runs away (recursion or a huge loop?)`);
    }
    this.out.push(text);
  }

  // ---- walking ----
  walk(dot: unknown, node: Node): void {
    this.at(node);
    const { maxSteps } = this.budget.limits;
    if (maxSteps !== undefined && ++this.budget.steps > maxSteps) {
      this.errorf(`execution took more than ${maxSteps} steps — the template runs away (recursion or a huge loop?)`);
    }
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
    else if (node instanceof TextNode) this.emit(node.text);
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
    const state = new State(this.set, tree, this.out, dot, this.depth + 1, this.budget);
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
      this.emit('<no value>');
      return;
    }
    if (kindOf(v) === 'func') this.errorf(`can't print ${n} of type ${typeString(v)}`);
    this.emit(sprint([v]));
  }
}
