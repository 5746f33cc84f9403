// A problem in the file, and how it becomes one line: `FILE:LINE:COL: registry "NAME": what — what to do`.
import type { z } from 'zod';
import { errorAt, type UserError } from '../errors.js';
import { exampleFor, keysAt } from './schema.js';
import { didYouMean } from '../naming/index.js';
import { formatPosition, providers } from './types.js';
import { positionOf, type Path, type YamlSource } from './yaml-source.js';

export interface Problem {
  path: Path;
  what: string;
  fix: string;
  /** Point at the key rather than its value (unknown keys). */
  key?: boolean;
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** `registry "hub": ` for anything inside a registry entry. */
function subject(data: unknown, path: Path): string {
  if (path[0] !== 'registries' || typeof path[1] !== 'number') return '';
  const name = valueAt(data, [...path.slice(0, 2), 'name']);
  return typeof name === 'string' && name ? `registry "${name}": ` : `registry #${path[1] + 1}: `;
}

export function problemLine(src: YamlSource, p: Problem): string {
  const at = formatPosition(positionOf(src, p.path, p.key));
  return `${at}: ${problemText(src, p)}`;
}

function problemText(src: YamlSource, p: Problem): string {
  return `${subject(src.data, p.path)}${p.what} — ${p.fix}`;
}

/** The problem that comes first in the file, as a UserError. */
export function firstProblem(src: YamlSource, problems: Problem[]): UserError | undefined {
  if (!problems.length) return undefined;
  const ranked = problems.map((p, i) => ({ p, i, at: positionOf(src, p.path, p.key) }));
  ranked.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column || a.i - b.i);
  return errorAt(ranked[0].at, problemText(src, ranked[0].p));
}

function kindOf(v: unknown): string {
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return 'text';
  return `a ${typeof v}`;
}

const expectedText: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys',
  number: 'a number',
};

function label(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return parent === 'registries' ? `registry #${last + 1}` : `${String(parent)} entry ${last + 1}`;
  }
  return last === undefined ? 'the file' : `"${String(last)}"`;
}

/** zod's issues in the user's words; never quoting a value that could be a secret. */
export function fromZodIssue(issue: z.core.$ZodIssue, data: unknown): Problem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const last = path[path.length - 1];
  const value = valueAt(data, path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const name = String(last);
    return [{ path, what: `missing "${name}"`, fix: `add ${exampleFor[name] ?? `${name}: <value>`}` }];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const place = path.filter((s) => typeof s === 'string').join('.');
      const allowed = keysAt[place] ?? [];
      return issue.keys.map((k) => {
        let fix = didYouMean(k, allowed);
        if (!fix && place === 'registries' && keysAt['registries.credentials'].includes(k))
          fix = 'put it under credentials:';
        if (!fix) fix = `remove it (allowed here: ${allowed.join(', ')})`;
        return { path: [...path, k], what: `unknown key "${k}"`, fix, key: true };
      });
    }
    case 'invalid_type': {
      const expected = expectedText[issue.expected] ?? issue.expected;
      if (value === null)
        return [{ path, what: `${label(path)} has no value`, fix: `give it ${expected} or remove the key` }];
      let fix = `write ${expected}`;
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
        fix = 'put the value in quotes';
      if (issue.expected === 'array')
        fix = `write a list, e.g. ${String(last)}: [${typeof value === 'string' ? value : '...'}]`;
      return [{ path, what: `${label(path)} must be ${expected}, not ${kindOf(value)}`, fix }];
    }
    case 'invalid_value': {
      if (last === 'provider' && typeof value === 'string') {
        const fix = didYouMean(value, providers) || `use one of ${providers.join(', ')}`;
        return [{ path, what: `unknown provider "${value}"`, fix }];
      }
      if (last === 'version')
        return [{ path, what: `version ${JSON.stringify(value)} is not supported`, fix: 'write version: 1' }];
      return [
        {
          path,
          what: `${label(path)} has a value that is not allowed`,
          fix: `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        },
      ];
    }
    case 'too_small':
      if (Array.isArray(value))
        return [
          {
            path,
            what: `${label(path)} is an empty list`,
            fix: last === 'registries' ? 'add at least one registry' : 'add an entry or remove the key',
          },
        ];
      return [{ path, what: `${label(path)} is empty`, fix: 'give it a value or remove the key' }];
    default:
      return [{ path, what: `${label(path)}: ${issue.message}`, fix: 'correct this value' }];
  }
}
