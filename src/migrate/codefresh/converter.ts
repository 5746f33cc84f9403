/**
 * What every step converter shares: the conversion's state, the GitHub step shape, the
 * names of the actions, and how a step's name, id and working directory are found.
 */
import { posix } from 'node:path';
import { ACTIONS_OWNER, ACTIONS_REF } from '../workflow.js';
import type { Report } from '../report.js';
import { fieldText, type CfStep, type Pipeline } from './read.js';
import type { Integrations } from './registries.js';
import { stepId, type Variables } from './variables.js';
import type { WhenContext } from './when.js';

const uses = (sub?: string) => `${ACTIONS_OWNER}${sub ? '/' + sub : ''}@${ACTIONS_REF}`;
export const ACTIONS = { build: uses('build'), push: uses('push'), login: uses() };
export const CHECKOUT = 'actions/checkout@v4';
/** Files the migration writes beside the workflow. */
export const CODEFRESH_DIR = '.github/codefresh';
export const EXPORT_FILE = 'env_vars_to_export';

export type GhStep = Record<string, unknown> & { commentBefore?: string };

export interface Converter {
  pipeline: Pipeline;
  report: Report;
  vars: Variables;
  registries: Integrations;
  when: WhenContext;
  /** Extra files to write, by path. */
  files: Map<string, string>;
  /** The main clone: the git-clone step that the job's checkout stands for. */
  mainClone?: CfStep;
  /** The main clone's revision when it is not the run's own commit. */
  checkoutRef?: string;
  /** Freestyle steps' `docker run` lines wait for the full list of variables to pass in. */
  containerEnv: string[];
  ids: Set<string>;
  counts: { builds: number; pushes: number; buildsConverted: number; pushesConverted: number };
}

export function uniqueId(name: string, c: Converter): string {
  let id = stepId(name);
  for (let i = 2; c.ids.has(id); i++) id = `${stepId(name)}-${i}`;
  c.ids.add(id);
  return id;
}

export function title(step: CfStep, c: Converter): string {
  const t = fieldText(step, 'title');
  return t ? c.vars.expression(t, step.pos) : step.name;
}

/** Where a step works, relative to the workspace ('.' for the main clone). */
export function workingDirectory(step: CfStep, c: Converter, seen = new Set<CfStep>()): string {
  const wd = fieldText(step, 'working_directory');
  if (!wd) return '.';
  const ref = /^\$\{\{\s*([^}]*?)\s*\}\}(.*)$/.exec(wd.trim());
  if (ref) {
    const target = c.pipeline.byName.get(ref[1]);
    const rest = ref[2].replace(/^\/+/, '');
    let base = '.';
    if (ref[1] === 'main_clone' || ref[1] === 'CF_VOLUME_PATH' || target === c.mainClone) base = '.';
    else if (target?.type === 'git-clone') base = target.name;
    else if (target && !seen.has(target)) base = workingDirectory(target, c, new Set([...seen, step]));
    else return posix.normalize(c.vars.expression(wd, step.pos));
    return posix.normalize(posix.join(base, rest)) || '.';
  }
  if (wd.startsWith('/')) return wd;
  return posix.normalize(c.vars.expression(wd, step.pos)).replace(/\/+$/, '') || '.';
}

export function isMainClone(step: CfStep, first: boolean): boolean {
  const repo = fieldText(step, 'repo') ?? '';
  return step.name === 'main_clone' || /CF_REPO_OWNER\}\}\/\$\{\{\s*CF_REPO_NAME/.test(repo) || first;
}
