/**
 * The JavaScript side of scripts/go-oracle/main.go: the same dot (JSON decoded
 * as encoding/json decodes into `any`, or the main.Vars struct), the same custom
 * functions, so fixture cases run here exactly as Go ran them.
 */
import { readFileSync } from 'node:fs';
import { GoStruct, GoTime, goFunc, type FuncMap } from '../../../src/template/index.js';

export interface Instant {
  unix: number;
  nsec: number;
  zone?: string;
  offset: number;
}

export interface Case {
  name: string;
  template: string;
  data?: unknown;
  dataRef?: string;
  dot?: 'vars';
  time?: Instant;
  timeRef?: string;
  fns?: boolean;
  exec?: string;
  want?: string;
  error?: string;
}

export interface Table {
  data: Record<string, unknown>;
  times: Record<string, Instant>;
  cases: Case[];
}

export function loadTable(): Table {
  const file = new URL('./fixtures/conformance.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Table;
}

const toTime = (i: Instant): GoTime => GoTime.fromUnix(i.unix, i.nsec, i.offset, i.zone);

/** Go's zero time.Time: January 1, year 1, 00:00:00 UTC. */
const zeroTime = GoTime.fromUnix(-62135596800, 0);

export const funcs: FuncMap = {
  upper: goFunc({ params: ['string'], result: 'string' }, (s: string) => s.toUpperCase()),
  repeat: goFunc({ params: ['string', 'int'], result: 'string' }, (s: string, n: number) => {
    if (n < 0) throw new Error('strings: negative Repeat count');
    return s.repeat(n);
  }),
  fail: goFunc({ params: ['string'], result: 'string' }, (msg: string) => {
    throw new Error(msg);
  }),
  join: goFunc({ params: ['string'], variadic: 'string', result: 'string' }, (sep: string, ...parts: string[]) =>
    parts.join(sep),
  ),
  add: goFunc({ params: ['int', 'int'], result: 'int' }, (a: number, b: number) => a + b),
  half: goFunc({ params: ['float64'], result: 'float64' }, (f: number) => f / 2),
  ident: goFunc({ params: ['any'], result: 'any' }, (x: unknown) => x),
  yesno: goFunc({ params: ['bool'], result: 'string' }, (b: boolean) => (b ? 'yes' : 'no')),
  nothing: goFunc({ params: [], result: 'any' }, () => null),
};

const dotFuncs = {
  AddFn: funcs.add!,
  FailFn: funcs.fail!,
  JoinFn: funcs.join!,
};

/** The dot main.go builds for a case. */
export function dotFor(table: Table, c: Case): unknown {
  const raw = c.dataRef !== undefined ? table.data[c.dataRef] : c.data;
  // Decode afresh: every case gets its own maps, as Go's json.Unmarshal would give.
  const data: unknown = raw === undefined ? null : JSON.parse(JSON.stringify(raw));
  const instant = c.timeRef !== undefined ? table.times[c.timeRef] : c.time;
  if (c.dot === 'vars') {
    const d = (data ?? {}) as Record<string, unknown>;
    return new GoStruct('main.Vars', {
      Branch: d.Branch ?? '',
      CommitID: d.CommitID ?? '',
      RepoName: d.RepoName ?? '',
      ServiceName: d.ServiceName ?? '',
      Timestamp: d.Timestamp ?? '',
      Count: BigInt((d.Count as number | undefined) ?? 0),
      Ratio: d.Ratio ?? 0,
      Ready: d.Ready ?? false,
      Time: instant ? toTime(instant) : zeroTime,
      hidden: '',
    });
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const m = data as Record<string, unknown>;
    if (instant) m.Time = toTime(instant);
    if (c.fns) Object.assign(m, dotFuncs);
  }
  return data;
}
