/**
 * `regkit migrate`: Codeship Pro's services and steps files → a GitHub workflow using
 * regkit's actions, a registries file, and a report of everything that was and was not
 * converted. Never throws on bad input: problems become report lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { Document } from 'yaml';
import { BRANCH_FILTERS, BRANCH_FILTERS_SOURCE, DECRYPT_ENV, DECRYPT_ENV_SOURCE, HELPER_DIR } from './helpers.js';
import { layout, type Leaf } from './jobs.js';
import { renderReport } from './markdown.js';
import type { Service, Step } from './model.js';
import { checkReferences, readServices } from './read-services.js';
import { companionsOf } from './containers.js';
import { readSteps } from './read-steps.js';
import { RegistryPlanner } from './registries.js';
import { Report } from './report.js';
import { AES_SECRET, buildJob, CI_ENV, type WorkflowContext } from './workflow.js';
import { parseTree, type YNode } from './yaml-tree.js';

export { where } from './yaml-tree.js';
export { migrateCodefresh } from './codefresh/index.js';

export interface MigrateOptions {
  /** Folder the Codeship files are looked up in (and the repository root). */
  cwd: string;
  services?: string;
  steps?: string;
  name: string;
  /** GitHub owner for the ghcr caching registry's prefix; read from .git/config when not given. */
  owner?: string;
}

export interface MigrateResult {
  ok: boolean;
  /** Output files by path relative to the output folder. */
  files: Map<string, string>;
  report: Report;
  text: string;
}

export const SERVICES_FILES = [
  'codeship-services.yml',
  'codeship-services.yaml',
  'codeship-services.json',
  'docker-compose.yml',
  'docker-compose.yaml',
];
export const STEPS_FILES = [
  'codeship-steps.yml',
  'codeship-steps.yaml',
  'codeship-steps.json',
  'jet-steps.yml',
  'jet-steps.json',
];

export function migrate(opts: MigrateOptions): MigrateResult {
  const report = new Report();
  const files = new Map<string, string>();
  const workflowPath = `.github/workflows/${opts.name}.yml`;
  const servicesFile = locate(opts.cwd, opts.services, SERVICES_FILES, 'services', report);
  const stepsFile = locate(opts.cwd, opts.steps, STEPS_FILES, 'steps', report);
  const servicesTree = servicesFile && load(opts.cwd, servicesFile, report);
  const stepsTree = stepsFile && load(opts.cwd, stepsFile, report);
  const services = servicesTree ? readServices(servicesTree, report) : new Map<string, Service>();
  const steps = stepsTree && servicesTree ? readSteps(stepsTree, services, servicesFile!, report) : [];
  const pushesInFile = stepsTree ? countPushes(stepsTree) : 0;

  if (!servicesTree || !stepsTree) {
    const text = renderReport({
      report,
      servicesFile,
      stepsFile,
      outputs: [],
      pushesInFile,
      pushesConverted: 0,
      secrets: [],
      failed: true,
    });
    files.set('MIGRATION.md', text);
    return { ok: false, files, report, text };
  }

  const owner = opts.owner ?? gitOwner(opts.cwd);
  const registries = new RegistryPlanner(services, report, owner);
  checkReferences(services, servicesFile!, report);
  const leaves = collect(steps);
  const used = new Set(leaves.map((l) => l.service));
  for (const l of leaves)
    if (l.type === 'run') for (const c of companionsOf(l.service, services).order) used.add(c.service.name);
  for (const name of used) registries.forService(services.get(name)!);
  for (const l of leaves) {
    if ((l.type === 'push' || l.type === 'pull') && l.imageName) registries.forStep(l, l.imageName);
    else if (l.type === 'run') registries.forRun(l);
  }
  registries.unmatched();
  const referenced = new Set(
    [...used].flatMap((n) => [...services.get(n)!.refs, services.get(n)!.dockercfgService ?? '']),
  );
  for (const l of leaves) if (l.credentials?.kind === 'generator') referenced.add(l.credentials.service);
  for (const s of services.values()) {
    if (!used.has(s.name) && !referenced.has(s.name))
      report.skipped(
        s.pos,
        `service \`${s.name}\` is used by no step; nothing is generated for it, as Codeship started it for no step either`,
      );
  }

  const inlineArgsFiles = new Map<string, string>();
  for (const name of used) {
    const b = services.get(name)!.build;
    if (!b?.encryptedArgs) continue;
    if (b.encryptedArgsFile) {
      report.skipped(
        b.pos,
        `service \`${name}\`: both encrypted_args and encrypted_args_file; the build action takes one file, so encrypted_args_file is used — move the inline args into it (regkit decrypt, add the lines, regkit encrypt)`,
      );
      continue;
    }
    const path = `${HELPER_DIR}/${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.build-args.encrypted`;
    files.set(path, b.encryptedArgs.trim() + '\n');
    inlineArgsFiles.set(name, path);
    report.converted(
      b.pos,
      `service \`${name}\`: encrypted_args written as it is to ${path} (jet v1) for encrypted-build-args`,
    );
  }

  const needsKey =
    registries.file.registries.some((r) => r.env_file || (r.credentials && 'encrypted_dockercfg' in r.credentials)) ||
    [...used].some(
      (n) =>
        services.get(n)!.encryptedEnvFiles.length ||
        services.get(n)!.build?.encryptedArgs ||
        services.get(n)!.build?.encryptedArgsFile,
    );
  // Codeship read paths in the services file relative to its folder.
  const servicesDir = posix.dirname(relative(opts.cwd, resolve(opts.cwd, servicesFile!)).split('\\').join('/'));
  const ctx: WorkflowContext = {
    services,
    registries,
    report,
    needsKey,
    inlineArgsFiles,
    usesFilters: { value: false },
    usesDecrypt: { value: false },
    reportedBuilds: new Set(),
    reportedCycles: new Set(),
    reportedVolumes: new Set(),
    servicesDir,
  };
  const plans = layout(steps, report);
  const reportedFilters = new Set<string>();
  const jobs: Record<string, unknown> = {};
  for (const plan of plans) jobs[plan.id] = buildJob(plan, ctx, reportedFilters);

  const pushesConverted = countEmitted(jobs);
  const workflow: Record<string, unknown> = {
    name: opts.name,
    on: 'push',
    permissions: { contents: 'read', packages: 'write' },
  };
  const env: Record<string, string> = {};
  if (registries.file.registries.some((r) => r.provider === 'ghcr' && !r.credentials))
    env.GITHUB_TOKEN = '${{ github.token }}';
  if (leaves.some((l) => l.type === 'run')) Object.assign(env, CI_ENV);
  if (Object.keys(env).length) workflow.env = env;
  workflow.jobs = Object.keys(jobs).length
    ? jobs
    : { empty: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'echo "The Codeship steps file has no steps."' }] } };

  const header = `# Converted from ${stepsFile} and ${servicesFile} by \`regkit migrate\`; see MIGRATION.md.\n`;
  files.set(workflowPath, header + new Document(workflow).toString({ lineWidth: 0 }));
  if (registries.file.registries.length) {
    const regHeader = `# Registries for ${workflowPath}, converted from Codeship's credentials by \`regkit migrate\`.\n`;
    const { version, caching, registries: list } = registries.file;
    files.set(
      '.github/registries.yml',
      regHeader +
        new Document({ version, ...(caching ? { caching } : {}), registries: list }).toString({ lineWidth: 0 }),
    );
  }
  if (ctx.usesFilters.value) files.set(BRANCH_FILTERS, BRANCH_FILTERS_SOURCE);
  if (ctx.usesDecrypt.value) files.set(DECRYPT_ENV, DECRYPT_ENV_SOURCE);

  const secrets = needsKey ? [AES_SECRET] : [];
  const outputs = [...files.keys()].filter((f) => f !== 'MIGRATION.md');
  const text = renderReport({
    report,
    servicesFile,
    stepsFile,
    outputs,
    pushesInFile,
    pushesConverted,
    secrets,
    failed: false,
    manual: plans.some((p) => p.environment),
  });
  files.set('MIGRATION.md', text);
  return { ok: true, files, report, text };
}

function locate(
  cwd: string,
  given: string | undefined,
  names: string[],
  what: string,
  report: Report,
): string | undefined {
  if (given) {
    if (existsSync(resolve(cwd, given))) return given;
    report.error(undefined, `${given}: no such ${what} file`);
    return undefined;
  }
  const found = names.find((n) => existsSync(join(cwd, n)));
  if (!found)
    report.error(
      undefined,
      `no ${what} file: looked for ${names.join(', ')} in ${relative(process.cwd(), cwd) || '.'}`,
    );
  return found;
}

function load(cwd: string, file: string, report: Report): YNode | undefined {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    report.error(undefined, `${file}: cannot read: ${(e as Error).message}`);
    return undefined;
  }
  const parsed = parseTree(file, text);
  if (!parsed.ok) {
    report.error(parsed.pos, `not valid YAML: ${parsed.message}; nothing in this file is converted`);
    return undefined;
  }
  return parsed.root;
}

function collect(steps: Step[]): Leaf[] {
  return steps.flatMap((s): Leaf[] =>
    'steps' in s ? [...collect(s.steps), ...collect(s.onFail)] : [s, ...collect(s.onFail)],
  );
}

/** Push steps as written in the file, before any could be lost to a broken reference. */
function countPushes(node: YNode): number {
  if (node.kind === 'seq') return node.items.reduce((n, i) => n + countPushes(i), 0);
  if (node.kind !== 'map') return 0;
  const self = node.entries.some((e) => e.key === 'type' && e.value.kind === 'scalar' && e.value.value === 'push')
    ? 1
    : 0;
  return (
    self +
    node.entries.filter((e) => e.key === 'steps' || e.key === 'on_fail').reduce((n, e) => n + countPushes(e.value), 0)
  );
}

function countEmitted(jobs: Record<string, unknown>): number {
  let n = 0;
  for (const job of Object.values(jobs) as { steps: { uses?: string }[] }[])
    n += job.steps.filter((s) => s.uses?.includes('/push@')).length;
  return n;
}

/** The GitHub owner of the repository at cwd, from .git/config's origin, in lower case. */
export function gitOwner(cwd: string): string | undefined {
  try {
    const config = readFileSync(join(cwd, '.git', 'config'), 'utf8');
    const m = /url\s*=\s*(?:https?:\/\/|git@|ssh:\/\/git@)github\.com[:/]([A-Za-z0-9-]+)\//.exec(config);
    return m ? m[1].toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
