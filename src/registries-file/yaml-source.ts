// A YAML file parsed with positions, so that any path into its data can be named as file:line:col.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { errorAt } from '../errors.js';
import type { Position } from './types.js';

export type Path = readonly (string | number)[];

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data. */
  data: unknown;
}

export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const err = doc.errors[0];
  if (err) {
    const { line, col } = lines.linePos(err.pos[0]);
    const what = err.message.split('\n')[0].replace(/\.$/, '');
    throw errorAt({ file, line, column: col }, `YAML syntax error: ${what} — fix the YAML at that place`);
  }
  return { file, doc, lines, data: doc.toJS({ maxAliasCount: 100 }) };
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
