/**
 * A Codefresh pipeline (codefresh.yml) as steps that remember where each key came from.
 * `arguments:` is read as if its keys were on the step (Codefresh allows both), the old
 * hyphenated names (`image-name`, `working-directory`) as the current ones, and `scale:`
 * becomes one step per sub-step, named as Codefresh names them.
 */
import { suggestion } from '../fields.js';
import type { Report } from '../report.js';
import { entry, text, type Pos, type YEntry, type YMap, type YNode } from '../yaml-tree.js';

/** Step types with a regkit or GitHub equivalent, then the ones that become placeholders. */
export const CONVERTED_TYPES = [
  'freestyle',
  'build',
  'push',
  'git-clone',
  'parallel',
  'composition',
  'launch-composition',
] as const;
export const PLACEHOLDER_TYPES = [
  'deploy',
  'helm',
  'pending-approval',
  'test-reporting',
  'codefresh-run',
  'git-commit',
  'github-release',
  'jira-issue-manager',
  'slack-notifier',
] as const;
const ALIASES: Record<string, string> = {
  'image-name': 'image_name',
  'working-directory': 'working_directory',
  'build-arguments': 'build_arguments',
};

export interface CfStep {
  name: string;
  pos: Pos;
  type: string;
  /** Keys of the step (and of its `arguments:`), by their current name. */
  fields: Map<string, YEntry>;
  /** Keys a converter read; the rest are reported as not converted. */
  used: Set<string>;
  children: CfStep[];
}

export interface Pipeline {
  file: string;
  root: YMap;
  steps: CfStep[];
  /** Every step by name, nested ones included. */
  byName: Map<string, CfStep>;
  /** A step with `scale:`, by its name: the steps it became. */
  scaled: Map<string, CfStep[]>;
  mode?: string;
}

export function field(step: CfStep, key: string): YEntry | undefined {
  const e = step.fields.get(key);
  if (e) step.used.add(key);
  return e;
}

export function fieldText(step: CfStep, key: string): string | undefined {
  return text(field(step, key)?.value);
}

/** A scalar or a list of scalars as a list of strings (`tags: a` and `tags: [a, b]` alike). */
export function list(node: YNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'seq') return node.items.map((i) => text(i)).filter((v): v is string => v !== undefined);
  const t = text(node);
  return t === undefined ? [] : [t];
}

export function readPipeline(file: string, root: YNode, report: Report): Pipeline | undefined {
  if (root.kind !== 'map') {
    report.error(root.pos, 'a Codefresh pipeline is a mapping with `version:` and `steps:`');
    return undefined;
  }
  const steps = entry(root, 'steps');
  if (!steps || steps.value.kind !== 'map') {
    report.error(steps?.value.pos ?? root.pos, '`steps:` must be a mapping of step names to steps');
    return undefined;
  }
  const byName = new Map<string, CfStep>();
  const scaled = new Map<string, CfStep[]>();
  const list = readSteps(steps.value, byName, scaled, report);
  return { file, root, steps: list, byName, scaled, mode: text(entry(root, 'mode')?.value) };
}

function readSteps(
  node: YMap | YNode,
  byName: Map<string, CfStep>,
  scaled: Map<string, CfStep[]>,
  report: Report,
  parent = 'parallel',
): CfStep[] {
  const out: CfStep[] = [];
  const pairs: [string, Pos, YNode][] =
    node.kind === 'map'
      ? node.entries.map((e) => [e.key, e.keyPos, e.value])
      : node.kind === 'seq'
        ? node.items.map((v, i) => [`${parent}_${i + 1}`, v.pos, v])
        : [];
  for (const [name, pos, value] of pairs) {
    if (value.kind !== 'map') {
      report.error(value.pos, `step \`${name}\` must be a mapping of its fields`);
      continue;
    }
    const made = readStep(name, pos, value, byName, scaled, report);
    if (made.length && made[0].name !== name) scaled.set(name, made);
    for (const s of made) {
      out.push(s);
      byName.set(s.name, s);
    }
  }
  return out;
}

function readStep(
  name: string,
  pos: Pos,
  map: YMap,
  byName: Map<string, CfStep>,
  scaled: Map<string, CfStep[]>,
  report: Report,
): CfStep[] {
  const fields = new Map<string, YEntry>();
  const put = (e: YEntry) => fields.set(ALIASES[e.key] ?? e.key, e);
  for (const e of map.entries) {
    if (e.key === 'arguments' && e.value.kind === 'map') e.value.entries.forEach(put);
    else put(e);
  }
  const typeEntry = fields.get('type');
  let type = text(typeEntry?.value) ?? (fields.has('steps') && !fields.has('commands') ? 'parallel' : 'freestyle');
  if (!typeEntry && fields.has('image_name') && !fields.has('image') && fields.has('commands')) type = 'freestyle';
  const step: CfStep = {
    name,
    pos,
    type,
    fields,
    used: new Set(['type', 'arguments', 'title', 'description']),
    children: [],
  };
  if (
    typeEntry &&
    !(CONVERTED_TYPES as readonly string[]).includes(type) &&
    !(PLACEHOLDER_TYPES as readonly string[]).includes(type) &&
    !type.includes('/')
  ) {
    report.error(
      typeEntry.value.pos,
      `step \`${name}\`: unknown step type \`${type}\`${suggestion(type, [...CONVERTED_TYPES, ...PLACEHOLDER_TYPES])}`,
    );
    return [];
  }
  if (type === 'parallel') {
    const inner = field(step, 'steps');
    if (inner) step.children = readSteps(inner.value, byName, scaled, report, name);
    return [step];
  }
  const scale = fields.get('scale');
  if (scale?.value.kind === 'map' && scale.value.entries.length) {
    // Each sub-step is the step with the sub-step's keys on top, under the sub-step's name.
    report.converted(
      pos,
      `step \`${name}\`: scale → one step per sub-step (${scale.value.entries.map((e) => e.key).join(', ')}), each with the step's fields and its own on top`,
    );
    return scale.value.entries.map((sub) => {
      const own = new Map(fields);
      own.delete('scale');
      if (sub.value.kind === 'map') for (const e of sub.value.entries) own.set(ALIASES[e.key] ?? e.key, e);
      return { name: sub.key, pos: sub.keyPos, type, fields: own, used: new Set(step.used), children: [] };
    });
  }
  return [step];
}

/** Every step, depth first, in file order. */
export function allSteps(steps: CfStep[]): CfStep[] {
  return steps.flatMap((s) => [s, ...allSteps(s.children)]);
}
