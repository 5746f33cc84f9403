// Runs one job of a workflow that `regkit migrate` wrote, step by step, the way GitHub's
// runner would on a push: `if:` conditions and `${{ }}` expressions are evaluated against
// the push's github context, the repository secrets and earlier steps' outputs; regkit's
// actions run through the action harness (dist/, as the runner runs them); `run:` steps
// run with bash as the runner's default shell does, and what they write to $GITHUB_ENV
// reaches the steps after them. actions/checkout is a no-op: the workspace already is
// the checked-out repository.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from '../env/processes.js';
import { parseFileCommands, runAction, type ActionName, type StepResult } from '../harness/action.js';
import { resolveUses } from '../harness/wiring.js';
import { interpolate, shouldRun, type ExprContext, type StepState } from './expressions.js';

type Obj = Record<string, any>;

export interface PushRun {
  /** The `github` context of the run. */
  github: Record<string, unknown>;
  /** The GITHUB_* variables the runner gives every step. */
  env: Record<string, string>;
}

/** A push of `sha` to `branch` of `repository` (owner/name): the github context and the runner's variables. */
export function pushRun(opts: {
  branch: string;
  sha: string;
  repository: string;
  workflow: string;
  actor?: string;
  message?: string;
}): PushRun {
  const actor = opts.actor ?? 'ann';
  const ref = `refs/heads/${opts.branch}`;
  const [owner, name] = opts.repository.split('/');
  const committer = { name: 'Ann Example', email: 'ann@example.com', username: actor };
  const event = {
    ref,
    before: '0'.repeat(40),
    after: opts.sha,
    head_commit: { id: opts.sha, message: opts.message ?? 'Deploy the proxy', committer, author: committer },
    repository: { name, full_name: opts.repository, owner: { login: owner }, default_branch: 'master' },
    pusher: { name: actor },
    sender: { login: actor },
  };
  const eventPath = join(tempDir('push-event'), 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  const github = {
    event_name: 'push',
    event,
    ref,
    ref_name: opts.branch,
    ref_type: 'branch',
    sha: opts.sha,
    repository: opts.repository,
    repository_owner: owner,
    actor,
    run_id: '4242',
    run_number: '7',
    run_attempt: '1',
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
    workflow: opts.workflow,
    token: 'ghs_roundtripTestToken',
  };
  const env = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: opts.branch,
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: opts.sha,
    GITHUB_REPOSITORY: opts.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_ACTOR: actor,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: github.server_url,
    GITHUB_API_URL: github.api_url,
    GITHUB_WORKFLOW: opts.workflow,
  };
  return { github, env };
}

export interface StepRun {
  name: string;
  id?: string;
  /** The regkit action a `uses:` step ran, or 'checkout' / 'run'. */
  kind: ActionName | 'checkout' | 'run';
  /** The inputs a `uses:` step was given, expressions evaluated. */
  inputs?: Record<string, string>;
  outcome: StepState['outcome'];
  outputs: Record<string, string>;
  result?: StepResult;
}

export interface JobOptions {
  workspace: string;
  push: PushRun;
  secrets: Record<string, string>;
  /** The machine's variables (DOCKER_HOST, …), below everything the workflow sets. */
  env?: Record<string, string>;
}

const DROPPED = /^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|DOCKER_CONFIG$|DOCKER_HOST$|REGKIT_AES_KEY$)/;

function evaluated(block: Obj | undefined, ctx: ExprContext): Record<string, string> {
  return Object.fromEntries(Object.entries(block ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]));
}

function kindOf(uses: string): StepRun['kind'] {
  if (/^actions\/checkout@/.test(uses)) return 'checkout';
  const action = resolveUses(uses)?.action;
  if (action === '.') return 'login';
  if (action === 'build' || action === 'push' || action === 'promote' || action === 'tag') return action;
  throw new Error(`uses: ${uses} is not an action the test runner can run`);
}

let shellSteps = 0;

async function runShell(
  script: string,
  env: Record<string, string>,
  cwd: string,
  runnerTemp: string,
): Promise<StepResult> {
  const dir = join(runnerTemp, `step-${++shellSteps}`);
  mkdirSync(dir);
  const file = join(dir, 'script.sh');
  const output = join(dir, 'output');
  const envFile = join(dir, 'env');
  writeFileSync(file, script);
  writeFileSync(output, '');
  writeFileSync(envFile, '');
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !DROPPED.test(k)) base[k] = v;
  const r = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    env: { ...base, ...env, GITHUB_OUTPUT: output, GITHUB_ENV: envFile },
    cwd,
    name: 'run-step',
  });
  const outputs = parseFileCommands(readFileSync(output, 'utf8'));
  const exported = parseFileCommands(readFileSync(envFile, 'utf8'));
  return {
    code: r.code,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs,
    env: exported,
    state: {},
    summary: '',
    masks: [],
    errors: [],
    warnings: [],
    annotations: [],
  };
}

/** Runs job `jobId` of the parsed workflow; returns every step with its outcome, in order. */
export async function runJob(workflow: Obj, jobId: string, opts: JobOptions): Promise<StepRun[]> {
  const job = workflow.jobs?.[jobId] as Obj | undefined;
  if (!job) throw new Error(`no job ${jobId}`);
  if (job.strategy || job.if !== undefined)
    throw new Error(`job ${jobId}: strategy and job-level if are not supported by the test runner`);
  const home = tempDir('job-home');
  const runnerTemp = tempDir('job-runner-temp');
  const github = { ...opts.push.github, job: jobId, workspace: opts.workspace };
  const ctx: ExprContext = { github, secrets: opts.secrets, env: {}, steps: {}, failed: false };
  // The runner's variables, then the workflow's env, then the job's (each evaluated in turn).
  const jobEnv: Record<string, string> = {
    ...opts.env,
    ...opts.push.env,
    GITHUB_JOB: jobId,
    GITHUB_WORKSPACE: opts.workspace,
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
  };
  for (const block of [workflow.env, job.env]) {
    Object.assign(jobEnv, evaluated(block, { ...ctx, env: { ...jobEnv } }));
    ctx.env = { ...jobEnv };
  }

  const done: StepRun[] = [];
  for (const [i, step] of (job.steps as Obj[]).entries()) {
    const name = String(step.name ?? step.uses ?? `step ${i + 1}`);
    const kind: StepRun['kind'] = typeof step.uses === 'string' ? kindOf(step.uses) : 'run';
    const record = (s: Omit<StepRun, 'name' | 'id' | 'kind'>) => {
      done.push({ name, id: step.id, kind, ...s });
      if (step.id) ctx.steps[step.id] = { outcome: s.outcome, outputs: s.outputs };
      if (s.outcome === 'failure') ctx.failed = true;
    };
    if (!shouldRun(step.if, ctx)) {
      record({ outcome: 'skipped', outputs: {} });
      continue;
    }
    const env = { ...jobEnv, ...evaluated(step.env, ctx), RUNNER_TEMP: runnerTemp };
    if (kind === 'checkout') {
      record({ outcome: 'success', outputs: {} });
    } else if (kind === 'run') {
      const result = await runShell(interpolate(String(step.run), ctx), env, opts.workspace, runnerTemp);
      record({ outcome: result.code === 0 ? 'success' : 'failure', outputs: result.outputs, result });
      // $GITHUB_ENV: the variables a step sets reach the steps after it (env context too).
      Object.assign(jobEnv, result.env);
      ctx.env = { ...ctx.env, ...result.env };
    } else {
      const inputs = evaluated(step.with, ctx);
      // The post step (login's restore of the Docker config) belongs at the end of the job;
      // the harness would run it at once, before the steps that use the login.
      const result = await runAction(kind, { inputs, env, cwd: opts.workspace, post: false });
      record({ outcome: result.code === 0 ? 'success' : 'failure', outputs: result.outputs, inputs, result });
    }
  }
  return done;
}
