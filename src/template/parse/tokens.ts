/**
 * The parser's view of the token stream: Go's one-to-three token lookahead, and
 * Go's wording for parse errors (`template: NAME:LINE: …`).
 */
import { itemString, T, type Item } from './lex-states.js';
import { unquote } from '../strconv/quote.js';
import type { ListNode, Tree } from './nodes.js';

/** A parse failure; the message is already Go's full text. */
export class ParseError extends Error {}

/** Tokens shared by the top-level tree and the define/block trees parsed inside it. */
export class Stream {
  i = 0;
  constructor(readonly items: Item[]) {}
  nextItem(): Item {
    const item = this.items[Math.min(this.i, this.items.length - 1)]!;
    this.i++;
    return item;
  }
}

export abstract class TokenReader {
  readonly tree: Tree;
  private token: Item[] = [];
  private peekCount = 0;
  protected actionLine = 0;

  constructor(
    name: string,
    parseName: string,
    text: string,
    protected readonly stream: Stream,
  ) {
    this.tree = { name, parseName, text, root: undefined as unknown as ListNode };
  }

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.stream.nextItem();
    return this.token[this.peekCount]!;
  }
  protected backup(): void {
    this.peekCount++;
  }
  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  protected peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.stream.nextItem();
    return this.token[0];
  }
  protected nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.type === T.Space);
    return token;
  }
  protected peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }
  errorf(message: string): never {
    throw new ParseError(`template: ${this.tree.parseName}:${this.token[0]?.line ?? 1}: ${message}`);
  }
  protected expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }
  protected unexpected(token: Item, context: string): never {
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
  protected unquoteOrFail(text: string): string {
    try {
      return unquote(text);
    } catch (err) {
      return this.errorf((err as Error).message);
    }
  }
}
