import { describe, expect, it } from 'vitest';
import { parseTree, entry, text, type YMap } from '../../../src/migrate/yaml-tree.js';

describe('parseTree', () => {
  it('resolves anchors and merge keys; own keys win, earlier merges win over later ones', () => {
    const src = [
      'base: &base',
      '  image: busybox',
      '  cached: true',
      'more: &more',
      '  image: alpine',
      '  add_docker: true',
      'app:',
      '  <<: [*base, *more]',
      '  cached: false',
      'copy: *base',
      '',
    ].join('\n');
    const r = parseTree('s.yml', src);
    expect(r.ok).toBe(true);
    const root = (r as { root: YMap }).root;
    const app = entry(root, 'app')!.value as YMap;
    expect(app.entries.map((e) => [e.key, text(e.value)])).toEqual([
      ['cached', 'false'],
      ['image', 'busybox'],
      ['add_docker', 'true'],
    ]);
    // A merged key keeps the position where it was written (the anchor's lines).
    expect(entry(app, 'image')!.keyPos).toEqual({ file: 's.yml', line: 2, col: 3 });
    expect(text(entry(entry(root, 'copy')!.value as YMap, 'image')!.value)).toBe('busybox');
  });

  it('reads JSON, with positions', () => {
    const r = parseTree('s.json', '{\n  "app": {"image": "x"}\n}\n');
    const root = (r as { root: YMap }).root;
    expect(entry(root, 'app')!.keyPos).toEqual({ file: 's.json', line: 2, col: 3 });
  });

  it('returns the first parser error with its line and column', () => {
    const r = parseTree('steps.yml', '- name: a\n  type: serial\n  - name: b\n');
    expect(r).toMatchObject({ ok: false, pos: { file: 'steps.yml', line: 3 } });
    expect((r as { message: string }).message).not.toMatch(/\n/);
  });

  it('turns YAML scalars into the strings Codeship saw', () => {
    const root = (parseTree('x', 'a: true\nb: 3000\nc:\n') as { root: YMap }).root;
    expect(root.entries.map((e) => text(e.value))).toEqual(['true', '3000', undefined]);
  });
});
