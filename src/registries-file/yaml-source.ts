// A YAML file parsed with positions, so that any path into its data can be named as file:line:col.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { errorAt, UserError } from '../errors.js';
import type { Position } from './types.js';

export type Path = readonly (string | number)[];

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data. */
  data: unknown;
}

/** The largest registries file read: a real one is a few KB; anything far bigger is a mistake. */
export const MAX_YAML_BYTES = 1024 * 1024;
const MAX_DEPTH = 64;

// The parser's messages may quote the text at fault — a password — so only our own words are used.
const SAY: Record<string, string> = {
  BAD_ALIAS: 'an alias (*name) is used where it is not allowed',
  BAD_DIRECTIVE: 'an unsupported % directive',
  BAD_DQ_ESCAPE: 'an invalid \\ escape in a double-quoted string',
  BAD_INDENT: 'wrong indentation (items of one mapping or list must start at the same column)',
  BAD_PROP_ORDER: 'anchor and tag in the wrong order',
  BAD_SCALAR_START: 'a plain value cannot start with this character; put the value in quotes',
  BLOCK_AS_IMPLICIT_KEY: 'a mapping nested on one line (a: b: c); put the value in quotes',
  BLOCK_IN_FLOW: 'a block value inside [ ] or { }',
  DUPLICATE_KEY: 'Map keys must be unique',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a quote or bracket is never closed',
  MULTILINE_IMPLICIT_KEY: 'a key that runs over several lines',
  MULTIPLE_ANCHORS: 'two anchors on one value',
  MULTIPLE_DOCS: 'more than one document (---) in the file',
  MULTIPLE_TAGS: 'two tags on one value',
  RESOURCE_EXHAUSTION: 'values are nested too deeply',
  TAB_AS_INDENT: 'a tab used for indentation; indent with spaces',
  UNEXPECTED_TOKEN: 'unexpected characters (a block scalar header such as > or | takes nothing after it on its line)',
};

export function parseYaml(text: string, file: string): YamlSource {
  if (Buffer.byteLength(text) > MAX_YAML_BYTES) {
    throw new UserError(
      `${file}: the file is larger than ${MAX_YAML_BYTES / 1024} KiB — a registries file is a few KB; check that config points at the right file`,
    );
  }
  const lines = new LineCounter();
  const where = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  } catch (err) {
    throw tooDeep(err, file) ?? err;
  }
  const err = doc.errors[0];
  if (err) {
    const what = SAY[err.code] ?? `YAML syntax error (${err.code})`;
    throw errorAt(where(err.pos[0]), `YAML syntax error: ${what} — fix the YAML at that place`);
  }
  checkDepthAndAliases(doc, where);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new UserError(
        `${file}: aliases (*name) expand to too much data — write the values out instead of nesting aliases`,
      );
    }
    throw tooDeep(e, file) ?? e;
  }
  return { file, doc, lines, data };
}

function tooDeep(err: unknown, file: string): UserError | undefined {
  if (err instanceof RangeError)
    return new UserError(`${file}: values are nested too deeply — a registries file needs only a few levels`);
  return undefined;
}

/** Unknown aliases and absurd nesting, found by position before anything is built from the tree. */
function checkDepthAndAliases(doc: Document, where: (offset: number) => Position): void {
  const anchors = new Set<string>();
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const at = (node as Node).range?.[0] ?? 0;
    if (depth > MAX_DEPTH)
      throw errorAt(
        where(at),
        `values are nested more than ${MAX_DEPTH} levels deep — a registries file needs only a few`,
      );
    if (isAlias(node)) {
      // Anchors must come before their alias: a document-order walk sees the anchor first.
      if (!anchors.has(node.source))
        throw errorAt(
          where(at),
          'YAML alias (*) names no anchor (&) defined before it — quote the value if * is part of it',
        );
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.add(anchor);
    const children: unknown[] = [];
    if (isMap(node)) for (const pair of node.items) children.push(pair.key, pair.value);
    else if (isSeq(node)) children.push(...node.items);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
}

export function positionAt(src: YamlSource, offset: number): Position {
  const { line, col } = src.lines.linePos(offset);
  return { file: src.file, line, column: col };
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function deref(src: YamlSource, node: unknown): unknown {
  return isAlias(node) ? node.resolve(src.doc) : node;
}

/**
 * Where `path` is in the file: its value, or its key when `key` is set. A path that is not
 * in the file (a missing key) is reported at the deepest part that is.
 */
export function positionOf(src: YamlSource, path: Path, key = false): Position {
  let node: unknown = src.doc.contents;
  let at = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    node = deref(src, node);
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) break;
      const keyStart = (pair.key as Node | null)?.range?.[0];
      const value = pair.value as Node | null;
      const valueStart = value && !(isScalar(value) && value.value === null) ? value.range?.[0] : undefined;
      if (last && key && keyStart !== undefined) return positionAt(src, keyStart);
      at = valueStart ?? keyStart ?? at;
      node = value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
      at = (node as Node | null)?.range?.[0] ?? at;
    } else {
      break;
    }
  }
  return positionAt(src, at);
}

/** Position of every key under `path`, by dotted path relative to it ("credentials.aws.region"). */
export function positionsUnder(src: YamlSource, path: Path): Record<string, Position> {
  const out: Record<string, Position> = {};
  const walk = (node: unknown, prefix: string, here: Path) => {
    node = deref(src, node);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const k = keyText(pair.key);
      const dotted = prefix ? `${prefix}.${k}` : k;
      out[dotted] = positionOf(src, [...here, k]);
      walk(pair.value, dotted, [...here, k]);
    }
  };
  let node: unknown = src.doc.contents;
  for (const seg of path) {
    node = deref(src, node);
    if (isMap(node)) node = node.items.find((p) => keyText(p.key) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return out;
  }
  walk(node, '', path);
  return out;
}
