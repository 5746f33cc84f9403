/**
 * Runs a bundled action as the GitHub runner does: a child `node` process on the
 * action's `runs.main` (dist/<name>/index.js), then its `runs.post` with the saved state.
 *
 *   const r = await runAction('login', {
 *     inputs: { registries: 'hub, ghcr' },          // action.yml defaults fill the rest
 *     env: { ...d.env, MY_TOKEN: 't' },              // added to a clean environment
 *     cwd: workspace,                                // GITHUB_WORKSPACE (default: a temp dir)
 *   });
 *   r.code; r.stdout; r.stderr; r.outputs.registries; r.env (exported); r.state; r.summary;
 *   r.masks; r.errors (::error:: messages); r.warnings; r.home (the step's HOME)
 *   r.post?.code; r.post?.stdout ...                 // login has a post step; post: false skips it
 *   secretLeaks(r, ['s3cret'])                       // → { printed: [...], unmasked: [...] }
 *
 * The child gets: INPUT_<NAME> (upper-cased, spaces to `_`, defaults from action.yml: the
 * root action.yml for login, <name>/action.yml otherwise), GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STATE, GITHUB_STEP_SUMMARY (fresh files per step), RUNNER_TEMP, GITHUB_WORKSPACE,
 * GITHUB_ACTIONS=true, and HOME set to a temp folder (so ~/.docker is never the real one)
 * unless env.HOME is given. INPUT_*, STATE_*, GITHUB_*, RUNNER_*, ACTIONS_*, DOCKER_CONFIG,
 * DOCKER_HOST and REGKIT_AES_KEY of the test process are not passed on; pass them in `env`.
 * The post step also sees the variables the main step exported and STATE_<name> of its state.
 * An input not declared in action.yml is an error (a typo in a test would otherwise pass).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './cli.js';
import { run, tempDir } from '../env/processes.js';

export type ActionName = 'login' | 'build' | 'push' | 'promote' | 'tag';
export type InputValue = string | number | boolean | string[];

export interface ActionOptions {
  inputs?: Record<string, InputValue>;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** false: skip the post step; 'later': run it when the caller calls result.runPost(), after other steps. */
  post?: boolean | 'later';
}

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  masks: string[];
  errors: string[];
  warnings: string[];
  /** Every ::error / ::warning / ::notice with its properties (file, line, col, title), unescaped. */
  annotations: Annotation[];
}

export interface Annotation {
  kind: string;
  props: Record<string, string>;
  message: string;
}

export interface ActionResult extends StepResult {
  home: string;
  workspace: string;
  runnerTemp: string;
  post?: StepResult;
  /** With post: 'later', runs the post step (once) as the runner does at the end of the job. */
  runPost?: () => Promise<StepResult>;
}

interface ActionYml {
  inputs?: Record<string, { default?: unknown } | null>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export function actionDir(name: ActionName): string {
  return name === 'login' ? repoRoot : join(repoRoot, name);
}

/** Parses the runner's file-command format: `name<<DELIM` … `DELIM` blocks and `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq < 0 || eq > line.indexOf('<<'))) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`file command ${name}: no closing ${delim}`);
      out[name!] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`file command line not understood: ${line}`);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Workflow commands printed on stdout: `::name key=v,…::message`. */
function commands(stdout: string): { name: string; props: string; message: string }[] {
  const found: { name: string; props: string; message: string }[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line.trimStart());
    if (m) found.push({ name: m[1]!, props: m[2] ?? '', message: unescapeData(m[3]!) });
  }
  return found;
}

/** `file=a,line=3` with the runner's escapes (%2C, %3A, %25, …) undone. */
function properties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
  }
  return out;
}

function legacy(cmds: ReturnType<typeof commands>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cmds) if (c.name === name) out[/name=([^,]*)/.exec(c.props)?.[1] ?? ''] = c.message;
  return out;
}

function inputEnv(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

const DROPPED = [
  /^INPUT_/,
  /^STATE_/,
  /^GITHUB_/,
  /^RUNNER_/,
  /^ACTIONS_/,
  /^DOCKER_CONFIG$/,
  /^DOCKER_HOST$/,
  /^REGKIT_AES_KEY$/,
];

async function runStep(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  runnerTemp: string,
  step: string,
): Promise<StepResult> {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((k) => {
      const path = join(runnerTemp, '_runner_file_commands', `${step}_${k.toLowerCase()}`);
      writeFileSync(path, '');
      return [k, path];
    }),
  ) as Record<string, string>;
  const r = await run(process.execPath, [script], { env: { ...env, ...files }, cwd, name: `action-${step}` });
  const cmds = commands(r.stdout);
  const read = (k: string) => readFileSync(files[k]!, 'utf8');
  return {
    code: r.code,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: { ...legacy(cmds, 'set-output'), ...parseFileCommands(read('GITHUB_OUTPUT')) },
    env: parseFileCommands(read('GITHUB_ENV')),
    state: { ...legacy(cmds, 'save-state'), ...parseFileCommands(read('GITHUB_STATE')) },
    summary: read('GITHUB_STEP_SUMMARY'),
    masks: cmds.filter((c) => c.name === 'add-mask').map((c) => c.message),
    errors: cmds.filter((c) => c.name === 'error').map((c) => c.message),
    warnings: cmds.filter((c) => c.name === 'warning').map((c) => c.message),
    annotations: cmds
      .filter((c) => ['error', 'warning', 'notice'].includes(c.name))
      .map((c) => ({ kind: c.name, props: properties(c.props), message: c.message })),
  };
}

function postShouldRun(condition: string | undefined, mainCode: number): boolean {
  const c = (condition ?? 'always()').replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  if (c === 'always()') return true;
  if (c === 'success()') return mainCode === 0;
  if (c === 'failure()') return mainCode !== 0;
  throw new Error(`post-if "${condition}" is not understood by the harness`);
}

export function runAction(name: ActionName, opts: ActionOptions = {}): Promise<ActionResult> {
  return runActionAt(actionDir(name), opts);
}

/** Runs the action whose action.yml is in `dir` (runAction names ours). */
export async function runActionAt(dir: string, opts: ActionOptions = {}): Promise<ActionResult> {
  const meta = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionYml;
  if (!/^node\d+$/.test(meta.runs.using))
    throw new Error(`${dir}/action.yml runs.using ${meta.runs.using}: not a node action`);
  const declared = meta.inputs ?? {};
  const inputs: Record<string, string> = {};
  for (const [k, spec] of Object.entries(declared)) {
    const def = spec?.default;
    if (def === undefined || def === null) continue;
    if (typeof def === 'string' && def.includes('${{'))
      throw new Error(`input ${k}: the harness does not evaluate default ${def}`);
    inputs[k] = String(def);
  }
  for (const [k, v] of Object.entries(opts.inputs ?? {})) {
    if (!(k in declared)) throw new Error(`${dir}/action.yml has no input "${k}"`);
    inputs[k] = Array.isArray(v) ? v.join('\n') : String(v);
  }

  const runnerTemp = tempDir('runner-temp');
  mkdirSync(join(runnerTemp, '_runner_file_commands'));
  const workspace = opts.cwd ?? tempDir('workspace');
  const home = opts.env?.HOME ?? tempDir('home');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!DROPPED.some((re) => re.test(k))) env[k] = v;
  Object.assign(env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    HOME: home,
  });
  for (const [k, v] of Object.entries(inputs)) env[inputEnv(k)] = v;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  const main = await runStep(resolve(dir, meta.runs.main), env, workspace, runnerTemp, 'main');
  const result: ActionResult = { ...main, home, workspace, runnerTemp };
  if (meta.runs.post && opts.post !== false && postShouldRun(meta.runs['post-if'], main.code)) {
    const postEnv: NodeJS.ProcessEnv = { ...env, ...main.env };
    for (const [k, v] of Object.entries(main.state)) postEnv[`STATE_${k}`] = v;
    const post = () => runStep(resolve(dir, meta.runs.post!), postEnv, workspace, runnerTemp, 'post');
    if (opts.post === 'later') {
      let done: Promise<StepResult> | undefined;
      result.runPost = () => (done ??= post().then((p) => (result.post = p)));
    } else result.post = await post();
  }
  return result;
}

/**
 * Secrets visible in what the step printed (its `::add-mask::` lines aside) or wrote
 * (outputs, exported variables, summary), and secrets never registered as masks.
 */
export function secretLeaks(
  r: StepResult & { post?: StepResult },
  secrets: string[],
): { printed: string[]; unmasked: string[] } {
  const steps = r.post ? [r, r.post] : [r];
  const text = steps
    .map((s) =>
      [
        s.stdout
          .split(/\r?\n/)
          .filter((l) => !l.trimStart().startsWith('::add-mask::'))
          .join('\n'),
        s.stderr,
        s.summary,
        ...Object.values(s.outputs),
        ...Object.values(s.env),
      ].join('\n'),
    )
    .join('\n');
  const masks = new Set(steps.flatMap((s) => s.masks));
  return {
    printed: secrets.filter((s) => text.includes(s)),
    unmasked: secrets.filter((s) => !masks.has(s)),
  };
}
