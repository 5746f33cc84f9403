/**
 * Pipelines, commands and operands (Go's parse.go from pipeline() down), with
 * number constants read as Go's ideal constants.
 */
import { T, type Item } from './lex-states.js';
import { unquoteChar } from '../strconv/quote.js';
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
} from './nodes.js';
import { parseFloat64, parseInt64, parseUint } from './number.js';
import { quote } from '../strconv/quote.js';
import { TokenReader, type Stream } from './tokens.js';

export type HasFunction = (name: string) => boolean;

export abstract class PipelineParser extends TokenReader {
  protected vars: string[] = ['$'];

  constructor(
    name: string,
    parseName: string,
    text: string,
    stream: Stream,
    protected readonly hasFunction: HasFunction,
  ) {
    super(name, parseName, text, stream);
  }

  protected pipeline(context: string, end: T): PipeNode {
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
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }
  protected checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const first = c.args[0];
      if (
        first instanceof BoolNode ||
        first instanceof DotNode ||
        first instanceof NilNode ||
        first instanceof NumberNode ||
        first instanceof StringNode
      ) {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }
  protected command(): CommandNode {
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
  protected operand(): Node | undefined {
    let node = this.term();
    if (!node) return undefined;
    if (this.peek().type === T.Field) {
      const chain = new ChainNode(this.tree, this.peek().pos, node);
      while (this.peek().type === T.Field) chain.add(this.next().val);
      if (node instanceof FieldNode) node = new FieldNode(this.tree, chain.pos, String(chain));
      else if (node instanceof VariableNode) node = new VariableNode(this.tree, chain.pos, String(chain));
      else if (
        node instanceof BoolNode ||
        node instanceof StringNode ||
        node instanceof NumberNode ||
        node instanceof NilNode ||
        node instanceof DotNode
      ) {
        this.errorf(`unexpected . after term ${quote(String(node))}`);
      } else node = chain;
    }
    return node;
  }
  protected term(): Node | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case T.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return new IdentifierNode(this.tree, token.pos, token.val);
      case T.Dot:
        return new DotNode(this.tree, token.pos);
      case T.Nil:
        return new NilNode(this.tree, token.pos);
      case T.Variable:
        return this.useVar(token);
      case T.Field:
        return new FieldNode(this.tree, token.pos, token.val);
      case T.Bool:
        return new BoolNode(this.tree, token.pos, token.val === 'true');
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        return this.number(token);
      case T.LeftParen:
        return this.pipeline('parenthesized pipeline', T.RightParen);
      case T.String:
      case T.RawString:
        return new StringNode(this.tree, token.pos, token.val, this.unquoteOrFail(token.val));
    }
    this.backup();
    return undefined;
  }
  protected useVar(token: Item): VariableNode {
    const v = new VariableNode(this.tree, token.pos, token.val);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${quote(v.ident[0])}`);
    return v;
  }
  protected number(token: Item): NumberNode {
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
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${quote(text)}`);
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
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${quote(text)}`);
    return n;
  }
}
