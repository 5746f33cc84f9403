// What only shows when a real repository calls our workflows on GitHub, checked
// from the files: expressions evaluated as the runner evaluates them
// (@actions/expressions), the token permissions a caller grants against what the
// called workflow and the registries file need, the majors of the actions used,
// and which files the sparse checkout of regkit's actions takes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { parse } from 'yaml';
import { repoRoot } from './cli.js';
import { tempDir } from '../env/processes.js';
import { resolveUses } from './wiring.js';

type Obj = Record<string, any>;

const CONTEXTS = [
  'github',
  'inputs',
  'job',
  'jobs',
  'matrix',
  'needs',
  'runner',
  'secrets',
  'steps',
  'strategy',
  'env',
  'vars',
];

function evaluateData(expression: string, ctx: Obj): data.ExpressionData {
  const lexed = new Lexer(expression).lex();
  const expr = new Parser(lexed.tokens, CONTEXTS, []).parse();
  return new Evaluator(expr, JSON.parse(JSON.stringify(ctx), data.reviver) as data.Dictionary).evaluate();
}

/**
 * A workflow value as the runner sees it: `${{ e }}` alone keeps e's type (a list
 * stays a list), text around expressions makes a string. Missing contexts are null.
 */
export function evaluate(value: unknown, ctx: Obj): unknown {
  if (typeof value !== 'string') return value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !whole[1].includes('}}')) return JSON.parse(JSON.stringify(evaluateData(whole[1], ctx), data.replacer));
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => evaluateData(e, ctx).coerceString());
}

/** An `if:` condition: implicitly an expression, true when truthy (as the language's own `!` judges). */
export function condition(value: unknown, ctx: Obj): boolean {
  if (value === undefined) return true;
  const text = String(value).trim();
  const inner = /^\$\{\{([\s\S]*)\}\}$/.exec(text)?.[1] ?? text;
  return evaluateData(`!(${inner})`, ctx).coerceString() === 'false';
}

export function workflowCall(doc: Obj): Obj | undefined {
  const on = doc.on ?? doc[true as unknown as string];
  return on && typeof on === 'object' ? on.workflow_call : undefined;
}

/** The inputs context of a call: each input's default, overridden by `given`. */
export function callInputs(doc: Obj, given: Obj = {}): Obj {
  const inputs: Obj = {};
  for (const [name, spec] of Object.entries<Obj>(workflowCall(doc)?.inputs ?? {}))
    inputs[name] = spec.default ?? (spec.type === 'boolean' ? false : spec.type === 'number' ? 0 : '');
  return { ...inputs, ...given };
}

export interface WorkflowSource {
  /** How problems name it: the file, or `README.md example 2`. */
  where: string;
  text: string;
  doc: Obj;
  /** The registries file its jobs use by default (parsed), when it can be told. */
  registries?: Obj;
}

/** The ```yaml blocks of a markdown file. */
export function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]);
}

function registriesFile(path: string): Obj | undefined {
  const full = join(repoRoot, path);
  return existsSync(full) ? (parse(readFileSync(full, 'utf8')) as Obj) : undefined;
}

/** The workflow files, and every whole workflow (a block with jobs:) of README.md and docs/*.md. */
export function workflowSources(): WorkflowSource[] {
  const dir = join(repoRoot, '.github/workflows');
  const out: WorkflowSource[] = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return {
        where: `.github/workflows/${f}`,
        text,
        doc: parse(text) as Obj,
        registries: registriesFile('.github/registries.yml'),
      };
    });
  const pages = [
    'README.md',
    ...readdirSync(join(repoRoot, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  for (const page of pages) {
    const blocks = yamlBlocks(readFileSync(join(repoRoot, page), 'utf8'));
    // A page's examples use the registries file it shows.
    const file = blocks.find((b) => /^version:/m.test(b) && /^registries:/m.test(b));
    blocks
      .filter((b) => /^jobs:/m.test(b))
      .forEach((text, i) =>
        out.push({
          where: `${page} example ${i + 1}`,
          text,
          doc: parse(text) as Obj,
          registries: file ? (parse(file) as Obj) : undefined,
        }),
      );
  }
  return out;
}

// --- Permissions -----------------------------------------------------------------

export const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];
const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };
export type Permissions = Record<string, 'none' | 'read' | 'write'>;

/** A `permissions:` value as a full map: unnamed scopes are none, read-all/write-all name them all. */
export function permissionsOf(value: unknown): Permissions {
  const all = (level: 'read' | 'write') => Object.fromEntries(SCOPES.map((s) => [s, level])) as Permissions;
  if (value === 'read-all') return all('read');
  if (value === 'write-all') return all('write');
  const out = Object.fromEntries(SCOPES.map((s) => [s, 'none'])) as Permissions;
  for (const [k, v] of Object.entries((value as Obj) ?? {})) out[k] = v;
  return out;
}

function granted(p: Permissions): string {
  return (
    Object.entries(p)
      .filter(([, v]) => v !== 'none')
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || 'nothing'
  );
}

/**
 * What a regkit workflow's token needs for a registries file: contents: read for the
 * checkout; packages: write to push to GHCR; id-token: write for a keyless login
 * (GitHub's OIDC token traded for cloud credentials). Nothing else.
 */
export function permissionsNeeded(registries: Obj | undefined): Permissions {
  const need = permissionsOf({ contents: 'read' });
  for (const r of (registries?.registries ?? []) as Obj[]) {
    if (r.provider === 'ghcr' || r.domain === 'ghcr.io') need.packages = 'write';
    const c = r.credentials ?? {};
    const keyless =
      c.aws?.role || c.google?.workload_identity_provider || (c.azure && !c.azure.client_secret) || c.oidc;
    if (keyless) need['id-token'] = 'write';
  }
  return need;
}

/** A regkit reusable workflow a `uses:` calls (a local path or regkit/regkit/…@ref), read from disk. */
function calledWorkflow(uses: string): { path: string; doc: Obj } | undefined {
  const target = resolveUses(uses)?.workflow;
  if (!target || !existsSync(join(repoRoot, target))) return undefined;
  return { path: target, doc: parse(readFileSync(join(repoRoot, target), 'utf8')) as Obj };
}

/**
 * Every job that calls a reusable workflow grants (job permissions, else the
 * workflow's) at least what the called workflow and its jobs declare — GitHub
 * refuses the whole run otherwise — and, for regkit's workflows, exactly what the
 * registries file the call uses needs.
 */
export function permissionProblems(src: WorkflowSource, load: typeof calledWorkflow = calledWorkflow): string[] {
  const problems: string[] = [];
  for (const [id, job] of Object.entries<Obj>(src.doc.jobs ?? {})) {
    if (typeof job.uses !== 'string') continue;
    const callee = load(job.uses);
    if (!callee) continue;
    const declared = job.permissions ?? src.doc.permissions;
    const where = `${src.where}: job ${id} (${callee.path})`;
    if (declared === undefined) {
      problems.push(
        `${where}: grants no permissions, so the repository's default token decides (read-only in repositories made since February 2023)`,
      );
      continue;
    }
    const grants = permissionsOf(declared);
    const asks = [
      callee.doc.permissions,
      ...Object.values<Obj>(callee.doc.jobs ?? {}).map((j) => j.permissions),
    ].filter((p) => p !== undefined);
    for (const ask of asks) {
      for (const [scope, level] of Object.entries(permissionsOf(ask))) {
        if (LEVEL[level] > LEVEL[grants[scope]])
          problems.push(
            `${where}: the called workflow asks for ${scope}: ${level}, the caller grants ${scope}: ${grants[scope]}`,
          );
      }
    }
    const config =
      typeof job.with?.config === 'string' && !job.with.config.includes('${{')
        ? registriesFile(job.with.config)
        : src.registries;
    if (!config) {
      problems.push(`${where}: no registries file to tell what the call needs (show one on the page, or pass config)`);
      continue;
    }
    const need = permissionsNeeded(config);
    if (granted(need) !== granted(grants))
      problems.push(`${where}: grants ${granted(grants)}; its registries file needs exactly ${granted(need)}`);
  }
  return problems;
}

// --- Steps -----------------------------------------------------------------------

export interface Step extends Obj {
  job: string;
  index: number;
}

export function stepsOf(doc: Obj): Step[] {
  return Object.entries<Obj>(doc.jobs ?? {}).flatMap(([job, j]) =>
    ((j.steps ?? []) as Obj[]).map((s, index) => ({ ...s, job, index })),
  );
}

export function actionName(uses: unknown): { name: string; major?: number } | undefined {
  const m = typeof uses === 'string' ? /^([\w.-]+\/[\w.-]+)(?:\/[^@]*)?@v?(\d+)?/.exec(uses) : null;
  return m ? { name: m[1], major: m[2] === undefined ? undefined : Number(m[2]) } : undefined;
}

/** The checkout of regkit's actions in a job: the actions/checkout step into .regkit. */
export function regkitCheckout(doc: Obj, job: string): Step | undefined {
  return stepsOf(doc).find(
    (s) => s.job === job && actionName(s.uses)?.name === 'actions/checkout' && s.with?.path === '.regkit',
  );
}

/**
 * The repository files a non-cone sparse-checkout takes: gitignore-style lines,
 * `/` anchors at the root, `*` stays within a folder, a trailing `/` takes a folder,
 * `!` takes back.
 */
export function sparseSelect(patterns: string, files: string[]): string[] {
  const rules = patterns
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      let p = negate ? l.slice(1) : l;
      const dir = p.endsWith('/');
      if (dir) p = p.slice(0, -1);
      const anchored = p.startsWith('/');
      if (anchored) p = p.slice(1);
      const body = p
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*');
      return { negate, re: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}${dir ? '/.*' : '(?:/.*)?'}$`) };
    });
  return files.filter((f) => {
    let taken = false;
    for (const r of rules) if (r.re.test(f)) taken = !r.negate;
    return taken;
  });
}

export function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** The files an action at `dir` (`.` or build, push, …) needs: its action.yml and its runs.main/pre/post. */
export function actionFiles(dir: string): string[] {
  const doc = parse(readFileSync(join(repoRoot, dir, 'action.yml'), 'utf8')) as Obj;
  const rel = (p: string) => join(dir, p).replace(/^\.\//, '');
  return [
    rel('action.yml'),
    ...['pre', 'main', 'post']
      .map((k) => doc.runs?.[k])
      .filter(Boolean)
      .map(rel),
  ];
}

/** The action folder (`.`, build, …) a `uses: ./.regkit/<dir>` runs. */
export function regkitActionDir(uses: unknown): string | undefined {
  const m = typeof uses === 'string' ? /^\.\/\.regkit\/?([a-z-]*)\/?$/.exec(uses) : null;
  return m ? m[1] || '.' : undefined;
}

// --- Running a step's shell script -------------------------------------------------

/**
 * Runs a `run:` step with bash as the runner does: its env: and script evaluated
 * against `ctx` first, GITHUB_OUTPUT a fresh file, RUNNER_TEMP given. Returns the
 * outputs it wrote (name=value and name<<DELIM forms).
 */
export function runStep(step: Obj, ctx: Obj, extraEnv: Record<string, string> = {}): Record<string, string> {
  const dir = tempDir('workflow-step');
  try {
    const output = join(dir, 'output');
    writeFileSync(output, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GITHUB_OUTPUT: output,
      ...extraEnv,
    };
    for (const [k, v] of Object.entries<unknown>(step.env ?? {})) env[k] = String(evaluate(v, ctx) ?? '');
    execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', String(evaluate(step.run, ctx))], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const outputs: Record<string, string> = {};
    const lines = readFileSync(output, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
      if (heredoc) {
        const end = lines.indexOf(heredoc[2], i + 1);
        outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
        i = end;
      } else if (lines[i].includes('='))
        outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
    return outputs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A download-artifact `pattern` as the action matches it (minimatch; names have no `/`). */
export function globMatches(pattern: string, name: string): boolean {
  const re = pattern
    .split('*')
    .map((s) =>
      s
        .split('?')
        .map((t) => t.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]'),
    )
    .join('[^/]*');
  return new RegExp(`^${re}$`).test(name);
}
