/**
 * The JavaScript side of the engine: how JS values stand for Go values, custom
 * functions, GoTime construction, and errors. What Go itself decides is tested
 * against Go in conformance.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/errors.js';
import {
  GoStruct,
  GoTime,
  GoTyped,
  Template,
  TemplateError,
  goFunc,
  layouts,
  render,
} from '../../../src/template/index.js';

function error(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return err as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('value model', () => {
  test('numbers: JS numbers are float64, bigints are int', () => {
    expect(render('t', '{{.f}} {{.i}} {{printf "%T %T" .f .i}}', { f: 1e6, i: 1000000n })).toBe(
      '1e+06 1000000 float64 int',
    );
    expect(render('t', '{{printf "%d" .f}}', { f: 3 })).toBe('%!d(float64=3)');
  });

  test('plain objects and Maps are map[string]interface {} with sorted keys', () => {
    const m = new Map<string, unknown>([
      ['b', 2],
      ['a', 'x'],
    ]);
    expect(render('t', '{{.m}} {{.m.a}} {{index .m "b"}} {{.m.zz}}', { m })).toBe('map[a:x b:2] x 2 <no value>');
    expect(render('t', '{{range $k, $v := .}}{{$k}}{{$v}}{{end}}', { z: 1, y: 2 })).toBe('y2z1');
  });

  test('null and undefined are nil; a nil dot is no value', () => {
    expect(render('t', '{{.a}}|{{printf "%v" .a}}|{{printf "%v" .b}}', { a: null, b: undefined })).toBe(
      '<no value>|<nil>|<nil>',
    );
    expect(render('t', '{{.}}', null)).toBe('<no value>');
    expect(render('t', '{{.}}', undefined)).toBe('<no value>');
  });

  test('GoStruct: fields in order, missing fields are errors, lazy getters work', () => {
    let calls = 0;
    const fields = {
      Branch: 'main',
      get Slow() {
        calls++;
        return 'computed';
      },
    };
    const dot = new GoStruct('tags.Vars', fields);
    expect(render('t', '{{.Branch}}', dot)).toBe('main');
    expect(calls).toBe(0);
    expect(render('t', '{{.Slow}} {{printf "%+v" .}}', dot)).toBe('computed {Branch:main Slow:computed}');
    expect(error(() => render('t', '{{.Nope}}', dot)).message).toBe(
      'template: t:1:2: executing "t" at <.Nope>: can\'t evaluate field Nope in type tags.Vars',
    );
  });

  test('GoTyped: named types print with their String method but count as their kind', () => {
    const month = new GoTyped('time.Month', 'int', 3n, () => 'March');
    expect(render('t', '{{.}} {{printf "%d %T" . .}} {{if eq . 3}}three{{end}}', month)).toBe(
      'March 3 time.Month three',
    );
  });
});

describe('custom functions', () => {
  const funcs = {
    trunc: goFunc({ params: ['int', 'string'], result: 'string' }, (n: number, s: string) => s.slice(0, n)),
    count: goFunc({ params: ['string'], result: 'int' }, (s: string) => s.length),
    loose: (...args: unknown[]) => args.map((a) => typeof a).join(','),
    boom: () => {
      throw 'not an Error object';
    },
  };

  test('declared parameters arrive as JS values; an int result is a Go int', () => {
    expect(render('t', '{{trunc 3 .s}} {{printf "%T" (count "ab")}}', { s: 'abcdef' }, { funcs })).toBe('abc int');
  });

  test('declared parameters are checked as Go checks them', () => {
    expect(error(() => render('t', '{{trunc "x" .s}}', { s: 'a' }, { funcs })).message).toBe(
      'template: t:1:8: executing "t" at <"x">: expected integer; found "x"',
    );
    expect(error(() => render('t', '{{trunc 1}}', {}, { funcs })).message).toBe(
      'template: t:1:2: executing "t" at <trunc>: wrong number of args for trunc: want 2 got 1',
    );
    expect(error(() => render('t', '{{trunc .n "abc"}}', { n: 2 }, { funcs })).message).toBe(
      'template: t:1:8: executing "t" at <.n>: wrong type for value; expected int; got float64',
    );
  });

  test('undeclared functions take any arguments as Go values', () => {
    expect(render('t', '{{loose 1 1.5 "s" .m nil}}', { m: {} }, { funcs })).toBe('bigint,number,string,object,object');
  });

  test('a throw becomes "error calling", whatever was thrown', () => {
    expect(error(() => render('t', '{{boom}}', {}, { funcs })).message).toBe(
      'template: t:1:2: executing "t" at <boom>: error calling boom: not an Error object',
    );
  });

  test('custom functions override builtins, as Go Funcs do', () => {
    expect(render('t', '{{len "abc"}}', {}, { funcs: { len: () => 'mine' } })).toBe('mine');
  });

  test('function names must be Go identifiers', () => {
    expect(error(() => Template.parse('t', '', { funcs: { 'a-b': () => 1 } })).message).toBe(
      'function name "a-b" is not a valid identifier',
    );
  });
});

describe('GoTime', () => {
  test('fromDate keeps milliseconds; fromUnix nanoseconds', () => {
    const t = GoTime.fromDate(new Date('2023-11-14T22:13:20.123Z'));
    expect(render('t', '{{.Format "2006-01-02T15:04:05.000000Z07:00"}}', t)).toBe('2023-11-14T22:13:20.123000Z');
    expect(GoTime.fromDate(new Date(-1)).String()).toBe('1969-12-31 23:59:59.999 +0000 UTC');
    expect(GoTime.fromUnix(0, -1).String()).toBe('1969-12-31 23:59:59.999999999 +0000 UTC');
  });

  test('zones: UTC, a named fixed offset, an unnamed one', () => {
    const d = new Date('2023-11-14T22:13:20Z');
    expect(GoTime.fromDate(d).Format(layouts.RFC1123)).toBe('Tue, 14 Nov 2023 22:13:20 UTC');
    expect(GoTime.fromDate(d, 0, 'UTC').GoString()).toContain('time.UTC');
    expect(GoTime.fromDate(d, 3600, 'CET').Format(layouts.RFC1123)).toBe('Tue, 14 Nov 2023 23:13:20 CET');
    expect(GoTime.fromDate(d, -19800).Format(layouts.RFC1123)).toBe('Tue, 14 Nov 2023 16:43:20 -0530');
  });

  test('Local uses the machine zone offset', () => {
    const t = GoTime.fromUnix(1700000000).Local();
    expect(t.offset).toBe(-new Date(1700000000 * 1000).getTimezoneOffset() * 60);
  });
});

describe('errors', () => {
  test('are one-line UserErrors naming template, line and column', () => {
    const parse = error(() => render('tag', 'a\n{{ if .x }}', {}));
    expect(parse).toBeInstanceOf(UserError);
    expect(parse.message).toBe('template: tag:2: unexpected EOF');
    const exec = error(() => render('tag', 'x\n  {{ .a.b }}', { a: 1 }));
    expect(exec.message).toBe(
      'template: tag:2:7: executing "tag" at <.a.b>: can\'t evaluate field b in type interface {}',
    );
    expect(exec.message).not.toMatch(/\n|at .*\.ts|at .*\.js/);
  });

  test('unbounded recursion is an error, not a crash', () => {
    const t = '{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}';
    expect(error(() => render('t', t, {})).message).toMatch(/exceeded maximum template depth/);
  });
});

describe('several templates', () => {
  test('define and block names; executeTemplate', () => {
    const t = Template.parse('main', '{{define "a"}}A{{.}}{{end}}{{block "b" .}}B{{end}}main');
    expect(t.templateNames.sort()).toEqual(['a', 'b', 'main']);
    expect(t.executeTemplate('a', 1n)).toBe('A1');
    expect(t.execute(null)).toBe('Bmain');
    expect(error(() => t.executeTemplate('zz', null)).message).toBe(
      'template: no template "zz" associated with template "main"',
    );
  });
});
