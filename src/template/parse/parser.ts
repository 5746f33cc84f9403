/**
 * The template parser, following Go's text/template/parse/parse.go closely enough
 * that the same templates fail with the same messages on the same lines.
 */
import { lex, T, type Item } from './lex-states.js';
import {
  ActionNode,
  BranchNode,
  BreakNode,
  CommentNode,
  ContinueNode,
  ElseNode,
  EndNode,
  ListNode,
  PipeNode,
  TemplateNode,
  TextNode,
  type Node,
  type Tree,
} from './nodes.js';
import { quote } from '../strconv/quote.js';
import { PipelineParser, type HasFunction } from './pipeline.js';
import { Stream } from './tokens.js';

export { ParseError } from './tokens.js';
export type { HasFunction } from './pipeline.js';

class Parser extends PipelineParser {
  private rangeDepth = 0;

  constructor(
    name: string,
    parseName: string,
    text: string,
    stream: Stream,
    private readonly treeSet: Map<string, Tree>,
    hasFunction: HasFunction,
  ) {
    super(name, parseName, text, stream, hasFunction);
  }

  parse(): void {
    this.tree.root = new ListNode(this.tree, this.peek().pos);
    while (this.peek().type !== T.EOF) {
      if (this.peek().type === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().type === T.Define) {
          const def = new Parser(
            'definition',
            this.tree.parseName,
            this.tree.text,
            this.stream,
            this.treeSet,
            this.hasFunction,
          );
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
    if (!isEmptyTree(this.tree.root)) this.errorf(`template: multiple definition of template ${quote(this.tree.name)}`);
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
      case T.Block:
        return this.blockControl();
      case T.Break:
        return this.breakControl(token, 'break');
      case T.Continue:
        return this.breakControl(token, 'continue');
      case T.Else:
        return this.elseControl();
      case T.End:
        return new EndNode(this.tree, this.expect(T.RightDelim, 'end').pos);
      case T.If:
        return this.branch('if', true);
      case T.Range:
        return this.branch('range', false);
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.branch('with', false);
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
  private branch(kind: 'if' | 'range' | 'with', allowElseIf: boolean): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(kind, T.RightDelim);
      if (kind === 'range') this.rangeDepth++;
      const [list, next0] = this.itemList();
      let next = next0;
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
