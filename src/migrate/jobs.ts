/**
 * Codeship runs top-level steps in order and the children of a `parallel` group at the
 * same time. GitHub runs steps of a job in order and jobs in parallel, so: consecutive
 * serial steps share a job, a top-level parallel group becomes one job per child, each
 * job `needs` the ones before it, and a `manual` group is a job behind an environment.
 */
import type { GroupStep, PushStep, RunStep, Step } from './model.js';
import type { Report } from './report.js';

export type Leaf = (RunStep | PushStep) & { onFailOf?: Leaf; groupOnFail?: boolean };

export interface JobPlan {
  id: string;
  name: string;
  leaves: Leaf[];
  needs: string[];
  environment?: string;
}

export const MANUAL_ENVIRONMENT = 'codeship-manual';

export function layout(steps: Step[], report: Report): JobPlan[] {
  const jobs: JobPlan[] = [];
  const ids = new Set<string>();
  let previous: string[] = [];
  let current: JobPlan | undefined;
  const newJob = (name: string, needs: string[]): JobPlan => {
    const job: JobPlan = { id: uniqueId(slug(name) || 'job', ids), name, leaves: [], needs };
    jobs.push(job);
    return job;
  };
  const close = () => {
    if (current) previous = [current.id];
    current = undefined;
  };
  for (const step of steps) {
    if (step.type === 'parallel') {
      close();
      const stage: string[] = [];
      step.steps.forEach((child, i) => {
        const job = newJob(child.name ?? `${step.name ?? 'parallel'} ${i + 1}`, previous);
        job.leaves = flatten(child, report);
        stage.push(job.id);
      });
      appendOnFail(step, jobs.slice(-step.steps.length), report);
      previous = stage.length ? stage : previous;
    } else if (step.type === 'manual') {
      close();
      const job = newJob(step.name ?? 'manual', previous);
      job.environment = MANUAL_ENVIRONMENT;
      job.leaves = flatten(step, report);
      report.changed(
        step.pos,
        `\`type: manual\` → job \`${job.id}\` waits on the GitHub environment \`${MANUAL_ENVIRONMENT}\`: give that environment required reviewers in the repository settings, or the job runs without waiting`,
      );
      previous = [job.id];
    } else {
      current ??= newJob(step.name ?? firstName(step) ?? 'build', previous);
      current.leaves.push(...flatten(step, report));
    }
  }
  return jobs.filter((j) => j.leaves.length);
}

/** The leaves of a step in the order Codeship would start them. */
function flatten(step: Step, report: Report): Leaf[] {
  if (!('steps' in step)) {
    const self: Leaf = { ...step };
    const onFail = step.onFail.flatMap((s) => flatten(s, report)).map((l) => ({ ...l, onFailOf: self }));
    return [self, ...onFail];
  }
  if (step.type === 'parallel' && step.steps.length > 1) {
    report.changed(
      step.pos,
      `parallel group${step.name ? ` \`${step.name}\`` : ''} inside another group: its ${step.steps.length} steps run one after another in one job (GitHub runs jobs, not steps, in parallel)`,
    );
  }
  const leaves = step.steps.flatMap((s) => flatten(s, report));
  const onFail = step.onFail.flatMap((s) => flatten(s, report)).map((l) => ({ ...l, groupOnFail: true }));
  return [...leaves, ...onFail];
}

function appendOnFail(group: GroupStep, jobs: JobPlan[], report: Report): void {
  if (!group.onFail.length) return;
  report.changed(
    group.pos,
    "on_fail of a parallel group: its steps run at the end of each of the group's jobs when that job fails",
  );
  for (const job of jobs)
    job.leaves.push(...group.onFail.flatMap((s) => flatten(s, report)).map((l) => ({ ...l, groupOnFail: true })));
}

function firstName(step: Step): string | undefined {
  if (step.name) return step.name;
  if (!('steps' in step)) return step.service;
  for (const s of step.steps) {
    const n = firstName(s);
    if (n) return n;
  }
  return undefined;
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function uniqueId(base: string, taken: Set<string>): string {
  let id = /^[a-z_]/.test(base) ? base : `j-${base}`;
  const root = id;
  for (let i = 2; taken.has(id); i++) id = `${root}-${i}`;
  taken.add(id);
  return id;
}
