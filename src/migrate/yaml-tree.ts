/**
 * Codeship files as a tree that remembers where every key and value came from,
 * so that each report line can name file:line:col. Aliases and merge keys (`<<`)
 * are resolved the way YAML 1.1 merge does: explicit keys win, earlier merges win.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Pos {
  file: string;
  line: number;
  col: number;
}

export interface YMap {
  kind: 'map';
  pos: Pos;
  entries: YEntry[];
}
export interface YEntry {
  key: string;
  keyPos: Pos;
  value: YNode;
}
export interface YSeq {
  kind: 'seq';
  pos: Pos;
  items: YNode[];
}
export interface YScalar {
  kind: 'scalar';
  pos: Pos;
  value: string | number | boolean | null;
}
export type YNode = YMap | YSeq | YScalar;

export type ParseResult = { ok: true; root: YNode } | { ok: false; pos: Pos; message: string };

/** Parses YAML (JSON is YAML too); the first parser error comes back with its position. */
export function parseTree(file: string, text: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { merge: true, lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number): Pos => {
    const p = lines.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, pos: at(e.pos[0]), message: msg };
  }
  const convert = (node: unknown, seen: Set<unknown>): YNode => {
    if (isAlias(node)) {
      const target = node.resolve(doc as Document);
      if (!target || seen.has(target)) return { kind: 'scalar', pos: at(node.range?.[0] ?? 0), value: null };
      return convert(target, new Set([...seen, target]));
    }
    const n = node as Node | null;
    const pos = at(n?.range?.[0] ?? 0);
    if (isMap(n)) {
      const own: YEntry[] = [];
      const merged: YEntry[] = [];
      for (const pair of n.items) {
        const k = pair.key;
        if (isScalar(k) && typeof k.value === 'symbol') {
          // `<<: *base` or `<<: [*a, *b]`
          const v = convert(pair.value, seen);
          const sources = v.kind === 'seq' ? v.items : [v];
          for (const s of sources) if (s.kind === 'map') merged.push(...s.entries);
          continue;
        }
        const keyText = isScalar(k) ? String(k.value) : String((k as { toString(): string } | null) ?? '');
        own.push({ key: keyText, keyPos: at((k as Node | null)?.range?.[0] ?? 0), value: convert(pair.value, seen) });
      }
      const entries = [...own];
      for (const m of merged) if (!entries.some((e) => e.key === m.key)) entries.push(m);
      return { kind: 'map', pos, entries };
    }
    if (isSeq(n)) return { kind: 'seq', pos, items: n.items.map((i) => convert(i, seen)) };
    if (isScalar(n)) {
      const v = n.value;
      const value =
        v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      return { kind: 'scalar', pos, value };
    }
    return { kind: 'scalar', pos, value: null };
  };
  return { ok: true, root: convert(doc.contents, new Set()) };
}

export function where(p: Pos): string {
  return `${p.file}:${p.line}:${p.col}`;
}

/** A scalar as the string Codeship would see (YAML `true` → "true"); undefined for maps and lists. */
export function text(node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function entry(map: YMap, key: string): YEntry | undefined {
  return map.entries.find((e) => e.key === key);
}
