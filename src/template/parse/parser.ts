/**
 * The template parser, following Go's text/template/parse/parse.go closely enough
 * that the same templates fail with the same messages on the same lines.
 */
import { itemString, lex, T, type Item } from '../lex.js';
import { unquote, unquoteChar } from '../strconv.js';
import {
  ActionNode, BoolNode, BranchNode, BreakNode, ChainNode, CommandNode, CommentNode, ContinueNode, DotNode,
  ElseNode, EndNode, FieldNode, IdentifierNode, ListNode, NilNode, NumberNode, PipeNode, StringNode, TemplateNode,
  TextNode, VariableNode, type Node, type Tree,
} from './nodes.js';
import { parseFloat64, parseInt64, parseUint } from './number.js';

/** A parse failure; the message is already Go's full text. */
export class ParseError extends Error {}

/** Tokens shared by the top-level tree and the define/block trees parsed inside it. */
class Stream {
  i = 0;
  constructor(readonly items: Item[]) {}
  nextItem(): Item {
    const item = this.items[Math.min(this.i, this.items.length - 1)]!;
    this.i++;
    return item;
  }
}

export type HasFunction = (name: string) => boolean;

class Parser {
  readonly tree: Tree;
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(
    name: string,
    parseName: string,
    text: string,
    private readonly stream: Stream,
    private readonly treeSet: Map<string, Tree>,
    private readonly hasFunction: HasFunction,
  ) {
    this.tree = { name, parseName, text, root: undefined as unknown as ListNode };
  }

  // ---- tokens ----
  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.stream.nextItem();
    return this.token[this.peekCount]!;
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.stream.nextItem();
    return this.token[0];
  }
  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.type === T.Space);
    return token;
  }
  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // ---- errors ----
  errorf(message: string): never {
    throw new ParseError(`template: ${this.tree.parseName}:${this.token[0]?.line ?? 1}: ${message}`);
  }
  private expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }
  private unexpected(token: Item, context: string): never {
    if (token.type === T.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.tree.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // ---- structure ----
  parse(): void {
    this.tree.root = new ListNode(this.tree, this.peek().pos);
    while (this.peek().type !== T.EOF) {
      if (this.peek().type === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().type === T.Define) {
          const def = new Parser('definition', this.tree.parseName, this.tree.text, this.stream, this.treeSet, this.hasFunction);
          def.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) this.errorf(`unexpected ${n}`);
      this.tree.root.nodes.push(n);
    }
    this.add();
  }

  add(): void {
    const existing = this.treeSet.get(this.tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(this.tree.name, this.tree);
      return;
    }
    if (!isEmptyTree(this.tree.root)) this.errorf(`template: multiple definition of template ${JSON.stringify(this.tree.name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.nextNonSpace();
    if (name.type !== T.String && name.type !== T.RawString) this.unexpected(name, context);
    this.tree.name = this.unquoteOrFail(name.val);
    this.expect(T.RightDelim, context);
    const [list, end] = this.itemList();
    this.tree.root = list;
    if (!(end instanceof EndNode)) this.errorf(`unexpected ${end} in ${context}`);
    this.add();
  }

  private unquoteOrFail(text: string): string {
    try {
      return unquote(text);
    } catch (err) {
      return this.errorf((err as Error).message);
    }
  }

  private itemList(): [ListNode, Node] {
    const list = new ListNode(this.tree, this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== T.EOF) {
      const n = this.textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case T.Text:
        return new TextNode(this.tree, token.pos, token.val);
      case T.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case T.Comment:
        return new CommentNode(this.tree, token.pos, token.val);
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case T.Block: return this.blockControl();
      case T.Break: return this.breakControl(token, 'break');
      case T.Continue: return this.breakControl(token, 'continue');
      case T.Else: return this.elseControl();
      case T.End: return new EndNode(this.tree, this.expect(T.RightDelim, 'end').pos);
      case T.If: return this.branch('if', true);
      case T.Range: return this.branch('range', false);
      case T.Template: return this.templateControl();
      case T.With: return this.branch('with', false);
    }
    this.backup();
    const first = this.peek();
    return new ActionNode(this.tree, first.pos, first.line, this.pipeline('command', T.RightDelim));
  }

  private breakControl(token: Item, word: 'break' | 'continue'): Node {
    const next = this.nextNonSpace();
    if (next.type !== T.RightDelim) this.unexpected(next, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return word === 'break' ? new BreakNode(this.tree, token.pos) : new ContinueNode(this.tree, token.pos);
  }

  private pipeline(context: string, end: T): PipeNode {
    const first = this.peekNonSpace();
    const pipe = new PipeNode(this.tree, first.pos, first.line);
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== T.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === T.Assign || next.type === T.Declare) {
        pipe.isAssign = next.type === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.tree, v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.type === T.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this.tree, v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === T.Variable || after === T.RightDelim || after === T.RightParen) continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.type) {
        case T.Bool: case T.CharConstant: case T.Complex: case T.Dot: case T.Field: case T.Identifier:
        case T.Number: case T.Nil: case T.RawString: case T.String: case T.Variable: case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const first = c.args[0];
      if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
        || first instanceof NumberNode || first instanceof StringNode) {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private branch(kind: 'if' | 'range' | 'with', allowElseIf: boolean): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(kind, T.RightDelim);
      if (kind === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (kind === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next instanceof ElseNode) {
        if (allowElseIf && this.peek().type === T.If) {
          // {{else if …}} is {{else}}{{if …}}…{{end}}{{end}} with one {{end}}.
          this.next();
          elseList = new ListNode(this.tree, next.pos);
          elseList.nodes.push(this.branch('if', true));
        } else {
          [elseList, next] = this.itemList();
          if (!(next instanceof EndNode)) this.errorf(`expected end; found ${next}`);
        }
      }
      return new BranchNode(this.tree, pipe.pos, kind, pipe.line, pipe, list, elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.type === T.If) return new ElseNode(this.tree, peek.pos, peek.line);
    const token = this.expect(T.RightDelim, 'else');
    return new ElseNode(this.tree, token.pos, token.line);
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const block = new Parser(name, this.tree.parseName, this.tree.text, this.stream, this.treeSet, this.hasFunction);
    const [list, end] = block.itemList();
    block.tree.root = list;
    if (!(end instanceof EndNode)) this.errorf(`unexpected ${end} in ${context}`);
    block.add();
    return new TemplateNode(this.tree, token.pos, token.line, name, pipe);
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return new TemplateNode(this.tree, token.pos, token.line, name, pipe);
  }

  private templateName(token: Item, context: string): string {
    if (token.type === T.String || token.type === T.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this.tree, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === T.Space) continue;
      if (token.type === T.RightDelim || token.type === T.RightParen) this.backup();
      else if (token.type !== T.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    let node = this.term();
    if (!node) return undefined;
    if (this.peek().type === T.Field) {
      const chain = new ChainNode(this.tree, this.peek().pos, node);
      while (this.peek().type === T.Field) chain.add(this.next().val);
      if (node instanceof FieldNode) node = new FieldNode(this.tree, chain.pos, String(chain));
      else if (node instanceof VariableNode) node = new VariableNode(this.tree, chain.pos, String(chain));
      else if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
        || node instanceof NilNode || node instanceof DotNode) {
        this.errorf(`unexpected . after term ${JSON.stringify(String(node))}`);
      } else node = chain;
    }
    return node;
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case T.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${JSON.stringify(token.val)} not defined`);
        return new IdentifierNode(this.tree, token.pos, token.val);
      case T.Dot: return new DotNode(this.tree, token.pos);
      case T.Nil: return new NilNode(this.tree, token.pos);
      case T.Variable: return this.useVar(token);
      case T.Field: return new FieldNode(this.tree, token.pos, token.val);
      case T.Bool: return new BoolNode(this.tree, token.pos, token.val === 'true');
      case T.CharConstant: case T.Complex: case T.Number: return this.number(token);
      case T.LeftParen: return this.pipeline('parenthesized pipeline', T.RightParen);
      case T.String: case T.RawString:
        return new StringNode(this.tree, token.pos, token.val, this.unquoteOrFail(token.val));
    }
    this.backup();
    return undefined;
  }

  private useVar(token: Item): VariableNode {
    const v = new VariableNode(this.tree, token.pos, token.val);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${JSON.stringify(v.ident[0])}`);
    return v;
  }

  private number(token: Item): NumberNode {
    const text = token.val;
    const n = new NumberNode(this.tree, token.pos, text);
    if (token.type === T.CharConstant) {
      let r: { rune: number; tail: string };
      try {
        r = unquoteChar(text.slice(1), "'");
      } catch (err) {
        this.errorf((err as Error).message);
      }
      if (r.tail !== "'") this.errorf(`malformed character constant: ${text}`);
      n.int64 = n.uint64 = BigInt(r.rune);
      n.float64 = r.rune;
      n.isInt = n.isUint = n.isFloat = true;
      return n;
    }
    if (token.type === T.Complex || (text.endsWith('i') && parseFloat64(text.slice(0, -1)) !== undefined)) {
      n.isComplex = true;
      return n;
    }
    const u = parseUint(text);
    if (u !== undefined) {
      n.isUint = true;
      n.uint64 = u;
    }
    const i = parseInt64(text);
    if (i !== undefined) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint64 = u ?? 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = parseFloat64(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${JSON.stringify(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${JSON.stringify(text)}`);
    return n;
  }
}

export function isEmptyTree(n: Node | undefined): boolean {
  if (!n) return true;
  if (n instanceof CommentNode) return true;
  if (n instanceof ListNode) return n.nodes.every(isEmptyTree);
  if (n instanceof TextNode) return n.text.trim().length === 0;
  return false;
}

/** Parses `text` as template `name`; returns every template it defines, by name. */
export function parse(name: string, text: string, hasFunction: HasFunction): Map<string, Tree> {
  const items = lex(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') });
  const treeSet = new Map<string, Tree>();
  const parser = new Parser(name, name, text, new Stream(items), treeSet, hasFunction);
  parser.parse();
  return treeSet;
}
