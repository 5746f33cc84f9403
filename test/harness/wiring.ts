// Static checks of how workflows wire regkit's actions and reusable workflows
// together: inputs passed exist, required inputs are given, every expression
// reference (inputs.x, steps.y.outputs.z, needs.j.outputs.o, jobs.j.outputs.o)
// points at something defined. Returns problems as "file: job/step: message".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './cli.js';

type Obj = Record<string, any>;

export interface ActionMeta {
  dir: string;
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: string[];
}

export function loadAction(dir: string): ActionMeta {
  const doc = parse(readFileSync(join(repoRoot, dir, 'action.yml'), 'utf8')) as Obj;
  return { dir, inputs: doc.inputs ?? {}, outputs: Object.keys(doc.outputs ?? {}) };
}

/** Which regkit action or reusable workflow a `uses:` names, if any. */
export function resolveUses(uses: string): { action?: string; workflow?: string } | undefined {
  const local = /^\.\/(?:\.regkit\/?)?([a-z-]*)\/?$/.exec(uses);
  if (local && (local[1] === '' || existsSync(join(repoRoot, local[1], 'action.yml'))))
    return { action: local[1] || '.' };
  const localWf = /^\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)$/.exec(uses);
  if (localWf) return { workflow: localWf[1] };
  const remote = /^regkit\/regkit(?:\/(.+?))?@[\w./-]+$/.exec(uses);
  if (!remote) return undefined;
  if (!remote[1]) return { action: '.' };
  if (remote[1].startsWith('.github/workflows/')) return { workflow: remote[1] };
  return { action: remote[1] };
}

function expressions(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressions);
  return [];
}

function refs(exprs: string[], re: RegExp): string[][] {
  return exprs.flatMap((e) => [...e.matchAll(re)].map((m) => m.slice(1)));
}

function workflowCallOf(doc: Obj): Obj | undefined {
  const on = doc.on ?? doc[true as unknown as string];
  return on && typeof on === 'object' ? on.workflow_call : undefined;
}

function checkWith(
  where: string,
  target: { inputs: Record<string, any> },
  withBlock: Obj | undefined,
  kind: string,
): string[] {
  const problems: string[] = [];
  const given = Object.keys(withBlock ?? {});
  for (const key of given) if (!(key in target.inputs)) problems.push(`${where}: "${key}" is not an input of ${kind}`);
  for (const [name, spec] of Object.entries(target.inputs)) {
    if (spec?.required && spec.default === undefined && !given.includes(name))
      problems.push(`${where}: required input "${name}" of ${kind} is not given`);
  }
  return problems;
}

export function checkWorkflow(file: string, text: string): string[] {
  const doc = parse(text) as Obj;
  const problems: string[] = [];
  const call = workflowCallOf(doc);
  const declaredInputs = new Set(Object.keys(call?.inputs ?? {}));
  const on = doc.on ?? {};
  for (const k of Object.keys(on.workflow_dispatch?.inputs ?? {})) declaredInputs.add(k);
  const jobs: Obj = doc.jobs ?? {};
  const jobOutputs = new Map<string, string[]>();
  for (const [id, job] of Object.entries<Obj>(jobs)) {
    if (typeof job.uses === 'string') {
      const target = resolveUses(job.uses);
      const wf = target?.workflow ? parse(readFileSync(join(repoRoot, target.workflow), 'utf8')) : undefined;
      jobOutputs.set(id, Object.keys(wf ? (workflowCallOf(wf)?.outputs ?? {}) : {}));
    } else jobOutputs.set(id, Object.keys(job.outputs ?? {}));
  }
  const all = expressions(doc);
  for (const [name] of refs(all, /\binputs\.([\w-]+)/g)) {
    if (!declaredInputs.has(name)) problems.push(`${file}: inputs.${name} is not a declared input`);
  }
  for (const [job, out] of refs(expressions(call?.outputs ?? {}), /\bjobs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (!jobOutputs.get(job)?.includes(out))
      problems.push(`${file}: workflow output refers to jobs.${job}.outputs.${out}, which is not defined`);
  }
  for (const [id, job] of Object.entries<Obj>(jobs)) {
    const needs: string[] = [job.needs ?? []].flat();
    for (const [j, o] of refs(expressions(job), /\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!needs.includes(j)) problems.push(`${file}: job ${id} uses needs.${j} but does not need ${j}`);
      else if (!jobOutputs.get(j)?.includes(o))
        problems.push(`${file}: job ${id}: needs.${j}.outputs.${o} is not an output of job ${j}`);
    }
    if (typeof job.uses === 'string') {
      const target = resolveUses(job.uses);
      if (target?.workflow) {
        const wf = workflowCallOf(parse(readFileSync(join(repoRoot, target.workflow), 'utf8')));
        if (!wf) problems.push(`${file}: job ${id}: ${target.workflow} is not a reusable workflow`);
        else {
          problems.push(...checkWith(`${file}: job ${id}`, { inputs: wf.inputs ?? {} }, job.with, target.workflow));
          if (job.secrets && job.secrets !== 'inherit') {
            for (const s of Object.keys(job.secrets))
              if (!(s in (wf.secrets ?? {})))
                problems.push(`${file}: job ${id}: secret "${s}" is not declared by ${target.workflow}`);
          }
        }
      }
      continue;
    }
    const steps: Obj[] = job.steps ?? [];
    const stepOutputs = new Map<string, string[] | undefined>();
    steps.forEach((step, i) => {
      const where = `${file}: job ${id} step ${step.id ?? step.name ?? i + 1}`;
      for (const [s, o] of refs(expressions(step), /\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!stepOutputs.has(s)) problems.push(`${where}: steps.${s} is not an earlier step of job ${id}`);
        else {
          const outs = stepOutputs.get(s);
          if (outs && !outs.includes(o))
            problems.push(`${where}: steps.${s}.outputs.${o} is not an output of that action`);
        }
      }
      const target = typeof step.uses === 'string' ? resolveUses(step.uses) : undefined;
      let outputs: string[] | undefined;
      if (target?.action) {
        const meta = loadAction(target.action);
        problems.push(...checkWith(where, meta, step.with, `regkit action ${target.action}`));
        outputs = meta.outputs;
      }
      if (step.id) stepOutputs.set(step.id, outputs);
    });
    for (const [s, o] of refs(expressions(job.outputs ?? {}), /\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!stepOutputs.has(s))
        problems.push(`${file}: job ${id} output refers to steps.${s}, which is not a step of the job`);
      else if (stepOutputs.get(s) && !stepOutputs.get(s)!.includes(o))
        problems.push(`${file}: job ${id} output: steps.${s}.outputs.${o} is not an output of that action`);
    }
  }
  return problems;
}

/** Entry name → source file, as scripts/bundle.mjs bundles each into dist/<name>/index.js. */
export function buildEntries(): Record<string, string> {
  const text = readFileSync(join(repoRoot, 'scripts/bundle.mjs'), 'utf8');
  const block = /const entries = \{([\s\S]*?)\};/.exec(text)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/([\w-]+):\s*'([^']+)'/g)].map((m) => [m[1], m[2]]));
}

/** Every folder of the repository with an action.yml: the root and the folders beside it. */
export function actionDirs(): string[] {
  const dirs = readdirSync(repoRoot, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules',
  );
  return ['.', ...dirs.map((d) => d.name).filter((d) => existsSync(join(repoRoot, d, 'action.yml')))];
}

/**
 * The source an action's runs.main is bundled from, or the problem: main (and
 * post) must be dist/<entry>/index.js of an entry of scripts/bundle.mjs whose
 * source file exists.
 */
export function actionSource(
  dir: string,
  runs: Obj = (parse(readFileSync(join(repoRoot, dir, 'action.yml'), 'utf8')) as Obj).runs ?? {},
): { source?: string; problem?: string } {
  const main = typeof runs.main === 'string' ? normalize(join(dir, runs.main)) : '';
  const entry = /^dist\/([\w-]+)\/index\.js$/.exec(main)?.[1];
  if (!entry) return { problem: `${dir}/action.yml: runs.main "${runs.main}" is not a bundle dist/<name>/index.js` };
  if (runs.post !== undefined && normalize(join(dir, runs.post)) !== main)
    return { problem: `${dir}/action.yml: runs.post is not its main bundle` };
  const source = buildEntries()[entry];
  if (!source) return { problem: `${dir}/action.yml: scripts/bundle.mjs bundles no entry "${entry}"` };
  if (!existsSync(join(repoRoot, source)))
    return { problem: `${dir}/action.yml: ${source}, the source of ${main}, does not exist` };
  return { source };
}

/** The output names a source sets: setOutput('name', …) calls, whatever object they are called on. */
export function outputsSet(source: string): string[] {
  return [...new Set([...source.matchAll(/\bsetOutput\(\s*['"]([\w-]+)['"]/g)].map((m) => m[1]))];
}
