/**
 * Parse tree nodes as Go's text/template/parse/node.go has them. String() gives
 * Go's text for each node, which execution errors quote (`at <.Foo>`).
 */
import { quote } from '../strconv/quote.js';

/** A parsed template: its name, the text it was parsed from, and the root list. */
export interface Tree {
  name: string;
  /** Name of the top-level template being parsed; error locations use it. */
  parseName: string;
  text: string;
  root: ListNode;
}

abstract class Base {
  constructor(
    readonly tree: Tree,
    readonly pos: number,
  ) {}
  abstract toString(): string;
}

export class ListNode extends Base {
  readonly type = 'list';
  nodes: Node[] = [];
  toString(): string {
    return this.nodes.map(String).join('');
  }
}

export class TextNode extends Base {
  readonly type = 'text';
  constructor(
    tree: Tree,
    pos: number,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends Base {
  readonly type = 'comment';
  constructor(
    tree: Tree,
    pos: number,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return `{{${this.text}}}`;
  }
}

export class PipeNode extends Base {
  readonly type = 'pipe';
  isAssign = false;
  decl: VariableNode[] = [];
  cmds: CommandNode[] = [];
  constructor(
    tree: Tree,
    pos: number,
    readonly line: number,
  ) {
    super(tree, pos);
  }
  toString(): string {
    let s = '';
    if (this.decl.length > 0) s = this.decl.map(String).join(', ') + ' := ';
    return s + this.cmds.map(String).join(' | ');
  }
}

export class ActionNode extends Base {
  readonly type = 'action';
  constructor(
    tree: Tree,
    pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export class CommandNode extends Base {
  readonly type = 'command';
  args: Node[] = [];
  toString(): string {
    return this.args.map((a) => (a instanceof PipeNode ? `(${a})` : String(a))).join(' ');
  }
}

export class IdentifierNode extends Base {
  readonly type = 'identifier';
  constructor(
    tree: Tree,
    pos: number,
    readonly ident: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.ident;
  }
}

export class VariableNode extends Base {
  readonly type = 'variable';
  readonly ident: string[];
  constructor(tree: Tree, pos: number, text: string) {
    super(tree, pos);
    this.ident = text.split('.');
  }
  toString(): string {
    return this.ident.join('.');
  }
}

export class DotNode extends Base {
  readonly type = 'dot';
  toString(): string {
    return '.';
  }
}

export class NilNode extends Base {
  readonly type = 'nil';
  toString(): string {
    return 'nil';
  }
}

export class FieldNode extends Base {
  readonly type = 'field';
  readonly ident: string[];
  constructor(tree: Tree, pos: number, text: string) {
    super(tree, pos);
    this.ident = text.slice(1).split('.');
  }
  toString(): string {
    return this.ident.map((id) => '.' + id).join('');
  }
}

export class ChainNode extends Base {
  readonly type = 'chain';
  fields: string[] = [];
  constructor(
    tree: Tree,
    pos: number,
    readonly node: Node,
  ) {
    super(tree, pos);
  }
  add(field: string): void {
    if (field.length === 0 || field[0] !== '.') throw new Error('no dot in field');
    field = field.slice(1);
    if (field === '') throw new Error('empty field');
    this.fields.push(field);
  }
  toString(): string {
    const head = this.node instanceof PipeNode ? `(${this.node})` : String(this.node);
    return head + this.fields.map((f) => '.' + f).join('');
  }
}

export class BoolNode extends Base {
  readonly type = 'bool';
  constructor(
    tree: Tree,
    pos: number,
    readonly value: boolean,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/** A number constant, held in every form it can take, as Go's ideal constants. */
export class NumberNode extends Base {
  readonly type = 'number';
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  constructor(
    tree: Tree,
    pos: number,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class StringNode extends Base {
  readonly type = 'string';
  constructor(
    tree: Tree,
    pos: number,
    readonly quoted: string,
    readonly text: string,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return this.quoted;
  }
}

export class EndNode extends Base {
  readonly type = 'end';
  toString(): string {
    return '{{end}}';
  }
}

export class ElseNode extends Base {
  readonly type = 'else';
  constructor(
    tree: Tree,
    pos: number,
    readonly line: number,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return '{{else}}';
  }
}

/** if, range and with. */
export class BranchNode extends Base {
  constructor(
    tree: Tree,
    pos: number,
    readonly type: 'if' | 'range' | 'with',
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | undefined,
  ) {
    super(tree, pos);
  }
  toString(): string {
    const elseText = this.elseList ? `{{else}}${this.elseList}` : '';
    return `{{${this.type} ${this.pipe}}}${this.list}${elseText}{{end}}`;
  }
}

export class BreakNode extends Base {
  readonly type = 'break';
  toString(): string {
    return '{{break}}';
  }
}

export class ContinueNode extends Base {
  readonly type = 'continue';
  toString(): string {
    return '{{continue}}';
  }
}

export class TemplateNode extends Base {
  readonly type = 'template';
  constructor(
    tree: Tree,
    pos: number,
    readonly line: number,
    readonly name: string,
    readonly pipe: PipeNode | undefined,
  ) {
    super(tree, pos);
  }
  toString(): string {
    return `{{template ${quote(this.name)}${this.pipe ? ' ' + this.pipe : ''}}}`;
  }
}

export type Node =
  | ListNode
  | TextNode
  | CommentNode
  | PipeNode
  | ActionNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode
  | BranchNode
  | BreakNode
  | ContinueNode
  | TemplateNode;
