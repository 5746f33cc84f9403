/**
 * `regkit migrate --from codefresh`: a Codefresh pipeline → a GitHub workflow on regkit's
 * actions, a registries file naming every integration the pipeline uses, and MIGRATION.md
 * with every line of the pipeline accounted for. Broken input (invalid YAML, an unknown
 * step type, a candidate that names no step) gives errors and no files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, isMap, isSeq, type Node } from 'yaml';
import { suggestion } from '../fields.js';
import { BRANCH_FILTERS_SOURCE } from '../helpers.js';
import { reportSections } from '../markdown.js';
import { Report } from '../report.js';
import { entry, parseTree, text } from '../yaml-tree.js';
import { allSteps, readPipeline, type CfStep } from './read.js';
import { Integrations } from './registries.js';
import { finishContainerEnv } from './containers.js';
import { ACTIONS, CHECKOUT, CODEFRESH_DIR, isMainClone, type Converter, type GhStep } from './converter.js';
import { candidateOf, convertStep, parallelChildren } from './steps.js';
import {
  CF_VARIABLES,
  CODEFRESH_VARIABLES_SCRIPT,
  CODEFRESH_VARIABLES_STEP_ENV,
  stepId,
  Variables,
} from './variables.js';
import { FILTER_STEP } from './when.js';

export interface CodefreshOptions {
  cwd: string;
  pipeline: string;
  name: string;
}

export interface CodefreshResult {
  ok: boolean;
  files: Map<string, string>;
  report: Report;
  text: string;
}

export const BRANCH_FILTERS_FILE = `${CODEFRESH_DIR}/branch-filters.cjs`;
// The helper is the Codeship migration's; only its opening comment speaks of Codefresh here.
const BRANCH_FILTERS_HEADER = `// Written by \`regkit migrate --from codefresh\`. Evaluates the pipeline's when.branch
// lists for this build's branch (CF_BRANCH). FILTERS maps an output name to [source, flags]
// of a JavaScript regexp, as Codefresh matched them.
`;
const TOP_KEYS = ['version', 'steps', 'stages', 'mode', 'hooks', 'fail_fast', 'build_version', 'indicators'];

export function migrateCodefresh(opts: CodefreshOptions): CodefreshResult {
  const report = new Report();
  const files = new Map<string, string>();
  const fail = (): CodefreshResult => ({
    ok: false,
    files: new Map(),
    report,
    text: reportSections(report, [['error', 'Errors in the pipeline']]).join('\n'),
  });
  let source: string;
  try {
    source = readFileSync(resolve(opts.cwd, opts.pipeline), 'utf8');
  } catch (e) {
    report.error(
      undefined,
      `${opts.pipeline}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
    return fail();
  }
  const parsed = parseTree(opts.pipeline, source);
  if (!parsed.ok) {
    report.error(parsed.pos, `not valid YAML: ${parsed.message}`);
    return fail();
  }
  const pipeline = readPipeline(opts.pipeline, parsed.root, report);
  if (!pipeline) return fail();
  const steps = allSteps(pipeline.steps);
  for (const s of steps) {
    if (s.type !== 'push') continue;
    const cand = candidateOf(s, { pipeline });
    if (!cand.pos)
      report.error(s.pos, `push \`${s.name}\` has no candidate (the image to push): add candidate: \${{<build step>}}`);
    else if (cand.ref && !cand.build)
      report.error(
        cand.pos,
        `push \`${s.name}\`: candidate \${{${cand.ref}}} names no step${suggestion(cand.ref, [...pipeline.byName.keys()])}`,
      );
    else if (cand.build && cand.build.type !== 'build')
      report.error(
        cand.pos,
        `push \`${s.name}\`: candidate \${{${cand.ref}}} is a ${cand.build.type} step, not a build`,
      );
  }
  if (report.count('error')) return fail();

  const mainClone = steps.find(
    (s, i) => s.type === 'git-clone' && isMainClone(s, steps.findIndex((x) => x.type === 'git-clone') === i),
  );
  const vars = new Variables(pipeline, report, (s) => (s === mainClone ? '.' : s.name));
  for (const s of steps)
    for (const l of [...listText(s, 'commands')])
      for (const m of l.matchAll(/cf_export\s+([^;&|]+)/g))
        for (const w of m[1].split(/\s+/)) if (/^\w+/.test(w)) vars.exported.add(w.split('=')[0]);
  const registries = new Integrations(report);
  const filters = new Map<string, [string, string]>();
  const c: Converter = {
    pipeline,
    report,
    vars,
    registries,
    files,
    mainClone,
    containerEnv: [],
    ids: new Set([FILTER_STEP, 'codefresh']),
    when: { vars, report, steps: pipeline.byName, scaled: pipeline.scaled, filters, mainClone, jobOf: new Map() },
    counts: { builds: 0, pushes: 0, buildsConverted: 0, pushesConverted: 0 },
  };

  const ordered = pipeline.mode === 'parallel' ? dependencyOrder(pipeline.steps) : pipeline.steps;
  // A parallel step of freestyle steps that only read the fresh checkout can be parallel jobs.
  const lead = ordered.findIndex((s) => s !== mainClone);
  const split = lead >= 0 && separable(ordered[lead], ordered.slice(0, lead), mainClone) ? ordered[lead] : undefined;
  const parallelJobs: { id: string; name: string; steps: GhStep[] }[] = [];
  const converted: GhStep[] = [];
  for (const s of ordered) {
    if (s !== split) {
      converted.push(...convertStep(s, c));
      continue;
    }
    const taken = new Set(['build']);
    parallelChildren(s, c).forEach((steps, i) => {
      const child = s.children[i];
      const id = uniqueJobId(stepId(child.name), taken);
      for (const leaf of allSteps([child])) c.when.jobOf.set(leaf.name, id);
      if (steps.length) parallelJobs.push({ id, name: String(steps[0].name ?? child.name), steps });
    });
    report.changed(
      s.pos,
      `parallel step \`${s.name}\`: its ${s.children.length} steps run as parallel jobs (${parallelJobs.map((j) => j.id).join(', ')}), each on its own checkout — they only read the clone — and the steps after them wait for all of them (needs)`,
    );
  }
  const hooks = topHooks(c);
  topLevel(c);

  const body = [...converted, ...hooks.after];
  const every = [...body, ...hooks.before, ...parallelJobs.flatMap((j) => j.steps)];
  const containerVars = [
    ...(vars.usesCf || every.some((s) => typeof s.run === 'string' && s.run.includes('__ENV__')) ? CF_VARIABLES : []),
    ...vars.exported,
  ];
  const userEnv = vars.workflowEnv();
  finishContainerEnv(every, [...new Set([...containerVars, ...Object.keys(userEnv)])]);
  const needsCf = vars.usesCf || every.some((s) => typeof s.run === 'string' && /\bCF_/.test(s.run));
  const head: GhStep[] = [c.checkoutRef ? { uses: CHECKOUT, with: { ref: c.checkoutRef } } : { uses: CHECKOUT }];
  if (needsCf)
    head.push({
      name: "Codefresh's variables",
      id: 'codefresh',
      run: CODEFRESH_VARIABLES_SCRIPT,
      env: CODEFRESH_VARIABLES_STEP_ENV,
    });
  if (filters.size) {
    files.set(BRANCH_FILTERS_FILE, BRANCH_FILTERS_SOURCE.replace(/^(\/\/.*\n)+/, BRANCH_FILTERS_HEADER));
    head.push({
      name: 'Match the branch filters',
      id: FILTER_STEP,
      run: `node ${BRANCH_FILTERS_FILE}`,
      env: {
        BRANCH: '${{ env.CF_BRANCH }}',
        FILTERS: JSON.stringify(Object.fromEntries(filters)).replace(/\$\{\{/g, "${{ '${{' }}"),
      },
    });
  }
  if (registries.file.registries.length) head.push({ name: 'Log in to the registries', uses: ACTIONS.login });

  const workflowPath = `.github/workflows/${opts.name}.yml`;
  const env: Record<string, string> = { ...userEnv };
  for (const v of registries.credentialVars) {
    env[v] ??= `\${{ secrets.${v} }}`;
    if (!userEnv[v]) report.skipped(undefined, `registry credentials use ${v}: create the repository secret ${v}`);
  }
  const workflow: Record<string, unknown> = {
    name: opts.name,
    on: 'push',
    permissions: { contents: 'read', packages: 'write' },
  };
  if (Object.keys(env).length) workflow.env = env;
  const jobSteps: Record<string, GhStep[]> = {};
  const jobs: Record<string, unknown> = {};
  for (const j of parallelJobs) {
    jobSteps[j.id] = [...head, ...j.steps];
    jobs[j.id] = { name: j.name, 'runs-on': 'ubuntu-latest', steps: jobSteps[j.id] };
  }
  if (body.length || hooks.before.length || !parallelJobs.length) {
    jobSteps.build = [...head, ...hooks.before, ...body];
    jobs.build = {
      name: text(entry(pipeline.root, 'name')?.value) ?? opts.name,
      ...(parallelJobs.length ? { needs: parallelJobs.map((j) => j.id) } : {}),
      'runs-on': 'ubuntu-latest',
      steps: jobSteps.build,
    };
  }
  for (const j of Object.values(jobs) as { steps: GhStep[] }[])
    j.steps = j.steps.map(({ commentBefore: _, ...s }) => s);
  workflow.jobs = jobs;
  const doc = new Document(workflow, { aliasDuplicateObjects: false });
  for (const [id, steps] of Object.entries(jobSteps)) {
    const seq = doc.getIn(['jobs', id, 'steps'], true) as Node;
    if (isSeq(seq))
      steps.forEach(
        (s, i) => s.commentBefore && isMap(seq.items[i]) && ((seq.items[i] as Node).commentBefore = s.commentBefore),
      );
  }
  files.set(
    workflowPath,
    `# Converted from ${opts.pipeline} by \`regkit migrate --from codefresh\`; see MIGRATION.md.\n` +
      doc.toString({ lineWidth: 0 }),
  );
  if (registries.file.registries.length)
    files.set(
      '.github/registries.yml',
      registries.render(
        `# Registries for ${workflowPath}, one per Codefresh integration the pipeline uses; see MIGRATION.md.\n`,
      ),
    );

  const outputs = [...files.keys()];
  const text_ = renderCodefreshReport(opts.pipeline, outputs, c, registries);
  files.set('MIGRATION.md', text_);
  return { ok: true, files, report, text: text_ };
}

/**
 * Whether a parallel step can be parallel jobs: nothing but the main clone ran before it
 * (so a fresh checkout is all it needs) and each of its steps is a freestyle step that
 * neither runs an image built here nor exports variables.
 */
function separable(step: CfStep, before: CfStep[], mainClone: CfStep | undefined): boolean {
  if (step.type !== 'parallel' || step.children.length < 2 || before.some((s) => s !== mainClone)) return false;
  return step.children.every((k) => {
    if (k.type !== 'freestyle' || k.fields.has('hooks')) return false;
    const text_ = JSON.stringify([...k.fields.values()].map((e) => e.value));
    return !/cf_export|env_vars_to_export/.test(text_) && !/^\$\{\{/.test(text(k.fields.get('image')?.value) ?? '');
  });
}

function uniqueJobId(base: string, taken: Set<string>): string {
  let id = /^[A-Za-z_]/.test(base) ? base : `j-${base}`;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

function listText(s: CfStep, key: string): string[] {
  const v = s.fields.get(key)?.value;
  return v?.kind === 'seq' ? v.items.map((i) => text(i) ?? '') : v ? [text(v) ?? ''] : [];
}

/** mode: parallel runs each step when the steps its `when.steps` names are done: their order, file order otherwise. */
function dependencyOrder(steps: CfStep[]): CfStep[] {
  const out: CfStep[] = [];
  const placed = new Set<string>();
  const deps = (s: CfStep): string[] => {
    const w = s.fields.get('when')?.value;
    const st = w?.kind === 'map' ? entry(w, 'steps')?.value : undefined;
    const items =
      st?.kind === 'seq'
        ? st.items
        : st?.kind === 'map'
          ? st.entries.flatMap((e) => (e.value.kind === 'seq' ? e.value.items : []))
          : [];
    return items
      .map((i) => (i.kind === 'map' ? text(entry(i, 'name')?.value) : undefined))
      .filter((n): n is string => !!n && steps.some((x) => x.name === n));
  };
  let left = [...steps];
  while (left.length) {
    const next = left.find((s) => deps(s).every((d) => placed.has(d))) ?? left[0];
    out.push(next);
    placed.add(next.name);
    left = left.filter((s) => s !== next);
  }
  return out;
}

function topHooks(c: Converter): { before: GhStep[]; after: GhStep[] } {
  const out = { before: [] as GhStep[], after: [] as GhStep[] };
  const hooks = entry(c.pipeline.root, 'hooks');
  if (!hooks || hooks.value.kind !== 'map') return out;
  const cond: Record<string, string> = { on_success: 'success()', on_fail: 'failure()', on_finish: 'always()' };
  for (const h of hooks.value.entries) {
    const exec =
      h.value.kind === 'map'
        ? (entry(h.value, 'exec')?.value ?? (entry(h.value, 'image') ? h.value : undefined))
        : undefined;
    if (!exec || exec.kind !== 'map' || !(h.key in cond || h.key === 'on_elected')) {
      c.report.skipped(h.keyPos, `pipeline hook ${h.key} has no GitHub form (only exec: hooks are converted)`);
      continue;
    }
    const fake: CfStep = {
      name: `hook_${h.key}`,
      pos: h.keyPos,
      type: 'freestyle',
      fields: new Map(exec.entries.map((e) => [e.key, e])),
      used: new Set(),
      children: [],
    };
    const steps = convertStep(fake, c).map((s) => ({
      ...s,
      name: `Pipeline hook ${h.key}`,
      ...(cond[h.key] ? { if: cond[h.key] } : {}),
    }));
    (h.key === 'on_elected' ? out.before : out.after).push(...steps);
  }
  return out;
}

function topLevel(c: Converter): void {
  for (const e of c.pipeline.root.entries) {
    if (e.key === 'version') c.report.converted(e.keyPos, `version ${text(e.value)}: nothing to convert`);
    else if (e.key === 'steps') c.report.converted(e.keyPos, `steps → job \`build\`, in the pipeline's order`);
    else if (e.key === 'stages')
      c.report.converted(e.keyPos, `stages: GitHub has no stages; the steps keep their order`);
    else if (e.key === 'mode')
      c.report.changed(
        e.keyPos,
        `mode ${text(e.value)}${text(e.value) === 'parallel' ? ': the steps run one after another in an order that keeps every when.steps dependency' : ''}`,
      );
    else if (e.key === 'hooks') c.report.converted(e.keyPos, 'hooks: see the lines of each hook');
    else if (e.key === 'fail_fast')
      c.report.changed(
        e.keyPos,
        'fail_fast of the pipeline: GitHub stops a job at the first failed step unless a step has continue-on-error',
      );
    else
      c.report.skipped(
        e.keyPos,
        `\`${e.key}\` is not a key Codefresh reads at the top of a pipeline${suggestion(e.key, TOP_KEYS)}; ignored`,
      );
  }
}

function renderCodefreshReport(file: string, outputs: string[], c: Converter, registries: Integrations): string {
  const out = [
    '# Migration from Codefresh',
    '',
    `Converted \`${file}\` into:`,
    '',
    ...outputs.map((f) => `- \`${f}\``),
    `- \`MIGRATION.md\``,
    '',
  ];
  const { builds, pushes, buildsConverted, pushesConverted } = c.counts;
  out.push(
    `Build steps: ${builds} in the pipeline, ${buildsConverted} converted. Push steps: ${pushes} in the pipeline, ${pushesConverted} converted.`,
    '',
  );
  const todo: string[] = [];
  if (registries.file.registries.length) {
    todo.push(
      'Fill in `.github/registries.yml`: every registry marked `# fill in:` and the credentials of each (Codefresh kept them in its integrations, which the pipeline does not show).',
    );
    todo.push(
      "Carry over your Codefresh account's registry settings, which the pipeline cannot show: which registry is the default (`default:`), which one caches builds (`caching:`), fallbacks (`fallback:`), each registry's repository prefix (`prefix:`) and the primary registry per domain (`primary: true`).",
    );
  }
  todo.push(
    "Check the trigger: the workflow runs `on: push`; Codefresh's triggers (branches, pull requests, tags) were set in its UI.",
  );
  if (c.report.count('skipped'))
    todo.push('Read the lines under "Not converted" below: each names the pipeline line and what to do.');
  out.push('## Before the first run', '', ...todo.map((t) => `- ${t}`), '');
  out.push(
    ...reportSections(c.report, [
      ['skipped', 'Not converted'],
      ['changed', 'Converted, with a difference to check'],
      ['converted', 'Converted'],
    ]),
  );
  return out.join('\n');
}
