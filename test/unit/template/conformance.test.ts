/**
 * regkit's template engine against Go's own text/template: every case in
 * fixtures/conformance.json was rendered by Go (scripts/go-oracle, `npm run oracle`);
 * here each must give the same output, or fail with the same message.
 */
import { describe, expect, test } from 'vitest';
import { Template, TemplateError } from '../../../src/template/index.js';
import { dotFor, funcs, loadTable, type Case } from './oracle.js';

const table = loadTable();

function run(c: Case): { want?: string; error?: string } {
  try {
    const t = Template.parse('t', c.template, { funcs });
    const dot = dotFor(table, c);
    return { want: c.exec ? t.executeTemplate(c.exec, dot) : t.execute(dot) };
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    return { error: err.message };
  }
}

describe('conformance with Go text/template', () => {
  test('the fixture holds enough cases of each kind', () => {
    const groups = new Map<string, number>();
    for (const c of table.cases) groups.set(c.name.split('/')[0]!, (groups.get(c.name.split('/')[0]!) ?? 0) + 1);
    expect(table.cases.length).toBeGreaterThanOrEqual(400);
    expect(table.cases.filter((c) => c.error !== undefined).length).toBeGreaterThanOrEqual(100);
    for (const g of ['language', 'fmt', 'time', 'funcs', 'errors', 'edge', 'corpus'])
      expect(groups.get(g)).toBeGreaterThan(0);
    // A time case that prints "<no value>" lost its dot and proves nothing.
    expect(table.cases.filter((c) => c.name.startsWith('time/') && c.want?.includes('<no value>'))).toEqual([]);
  });

  test.each(table.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const expected = c.error !== undefined ? { error: c.error } : { want: c.want };
    expect(run(c)).toEqual(expected);
  });
});
