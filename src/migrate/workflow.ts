/** Turns the job plan into the GitHub workflow: regkit's actions for builds and pushes, docker run for steps. */
import { posix } from 'node:path';
import { bashQuote, literal, splitWords } from './argv.js';
import { FILTER_STEP_ID, JobFilters } from './filters.js';
import { BRANCH_FILTERS, DECRYPT_ENV } from './helpers.js';
import type { JobPlan, Leaf } from './jobs.js';
import type { PushStep, RunStep, Service } from './model.js';
import type { RegistryPlanner } from './registries.js';
import { withoutTag } from './registries.js';
import { splitImageName } from '../naming/index.js';
import type { Report } from './report.js';

/** The one place the actions' owner is named: change it for a fork. */
export const ACTIONS_OWNER = 'regkit/regkit';
export const ACTIONS_REF = 'v1';
export const AES_SECRET = 'CODESHIP_AES_KEY';
const uses = (sub?: string) => `${ACTIONS_OWNER}${sub ? '/' + sub : ''}@${ACTIONS_REF}`;
const aesKey = `\${{ secrets.${AES_SECRET} }}`;

/** Codeship's CI_* variables, from the GitHub context, passed into every step container. */
export const CI_ENV: Record<string, string> = {
  CI_BRANCH: '${{ github.ref_name }}',
  CI_BUILD_ID: '${{ github.run_id }}',
  CI_COMMIT_ID: '${{ github.sha }}',
  CI_COMMIT_MESSAGE: '${{ github.event.head_commit.message }}',
  CI_COMMITTER_NAME: '${{ github.event.head_commit.committer.name }}',
  CI_COMMITTER_EMAIL: '${{ github.event.head_commit.committer.email }}',
  CI_COMMITTER_USERNAME: '${{ github.actor }}',
  CI_REPO_NAME: '${{ github.event.repository.name }}',
};

export interface WorkflowContext {
  services: Map<string, Service>;
  registries: RegistryPlanner;
  report: Report;
  /** Any encrypted file anywhere: then every regkit action gets the AES key. */
  needsKey: boolean;
  /** Encrypted build args written out by the migration: service → path. */
  inlineArgsFiles: Map<string, string>;
  usesFilters: { value: boolean };
  usesDecrypt: { value: boolean };
  reportedBuilds: Set<string>;
}

type GhStep = Record<string, unknown>;

export function buildJob(plan: JobPlan, ctx: WorkflowContext, reportedFilters: Set<string>): Record<string, unknown> {
  const filters = new JobFilters(ctx.report, reportedFilters);
  const ids = new Set<string>();
  const leafIds = new Map<Leaf, string>();
  const conditions = new Map<Leaf, string | false | undefined>();
  for (const leaf of plan.leaves) conditions.set(leaf, filters.condition(leaf.filters));

  const steps: GhStep[] = [{ uses: 'actions/checkout@v4' }];
  if (filters.outputs.size) {
    ctx.usesFilters.value = true;
    const table = Object.fromEntries([...filters.outputs].map(([k, v]) => [k, [v.source, v.flags]]));
    steps.push({
      name: 'Match Codeship branch filters',
      id: FILTER_STEP_ID,
      run: `node ${BRANCH_FILTERS}`,
      env: { BRANCH: '${{ github.ref_name }}', FILTERS: literal(JSON.stringify(table)) },
    });
  }
  if (ctx.registries.file.registries.length) {
    steps.push({ name: 'Log in to the registries', uses: uses(), with: ctx.needsKey ? { 'aes-key': aesKey } : {} });
  }

  // Decrypted env files and builds serve every step after them; they run when any of those steps runs.
  const whenAny = (leaves: Leaf[]): string | undefined => {
    const cs = leaves.map((l) => conditions.get(l));
    if (cs.some((c) => c === undefined)) return undefined;
    const live = [...new Set(cs.filter((c): c is string => typeof c === 'string'))];
    return live.length ? live.map((c) => (live.length > 1 ? `(${c})` : c)).join(' || ') : 'false';
  };
  const envFiles = new Map<string, Leaf[]>();
  const builds = new Map<string, Leaf[]>();
  for (const leaf of plan.leaves) {
    const svc = ctx.services.get(leaf.service)!;
    if (leaf.type === 'run') for (const f of svc.encryptedEnvFiles) envFiles.set(f, [...(envFiles.get(f) ?? []), leaf]);
    if (svc.build && leaf.type !== 'pull') builds.set(svc.name, [...(builds.get(svc.name) ?? []), leaf]);
  }
  for (const [file, leaves] of envFiles) {
    ctx.usesDecrypt.value = true;
    steps.push(withIf({ name: `Decrypt ${file}`, run: `mkdir -p "$RUNNER_TEMP/codeship-env"\nnode ${DECRYPT_ENV} ${bashQuote(file)} "$RUNNER_TEMP/codeship-env/${envName(file)}"`, env: { AES_KEY: aesKey } }, whenAny(leaves)));
  }
  for (const [name, leaves] of builds) steps.push(withIf(buildStep(ctx.services.get(name)!, ctx), whenAny(leaves)));

  for (const leaf of plan.leaves) {
    let cond = conditions.get(leaf);
    if (leaf.onFailOf) {
      const id = leafIds.get(leaf.onFailOf);
      const failed = id ? `failure() && steps.${id}.outcome == 'failure'` : 'failure()';
      cond = cond === false ? false : cond ? `${failed} && ${cond}` : failed;
    } else if (leaf.groupOnFail) cond = cond === false ? false : cond ? `failure() && ${cond}` : 'failure()';
    const step = leaf.type === 'run' ? runStep(leaf, ctx) : leaf.type === 'pull' ? pullStep(leaf, ctx) : pushSteps(leaf, ctx, ids);
    if (!step) continue;
    const list = Array.isArray(step) ? step : [step];
    if (leaf.onFail.length) {
      const id = uniqueStepId(`step-${leafIds.size + 1}`, ids);
      list[list.length - 1].id ??= id;
      leafIds.set(leaf, list[list.length - 1].id as string);
    }
    for (const s of list) steps.push(withIf(s, cond));
  }
  const job: Record<string, unknown> = { name: literal(plan.name), 'runs-on': 'ubuntu-latest' };
  if (plan.needs.length) job.needs = plan.needs.length === 1 ? plan.needs[0] : plan.needs;
  if (plan.environment) job.environment = plan.environment;
  job.steps = steps;
  return job;
}

function withIf(step: GhStep, cond: string | false | undefined): GhStep {
  if (cond === undefined) return step;
  const { name, ...rest } = step;
  return { ...(name === undefined ? {} : { name }), if: cond, ...rest };
}

function uniqueStepId(base: string, ids: Set<string>): string {
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  ids.add(id);
  return id;
}

export function buildId(service: string): string {
  return `build-${service.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'service'}`;
}

function envName(file: string): string {
  return file.replace(/[^A-Za-z0-9._-]+/g, '_') + '.env';
}

function localName(service: string): string {
  return service.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'service';
}

/** A service's image in a step: the build's output, or the image it names. */
function imageOf(svc: Service): string {
  return svc.build ? `\${{ steps.${buildId(svc.name)}.outputs.image }}` : (svc.image ?? '');
}

function buildStep(svc: Service, ctx: WorkflowContext): GhStep {
  const b = svc.build!;
  const context = posix.normalize(b.context || '.').replace(/\/+$/, '') || '.';
  const withs: Record<string, string> = { 'image-name': localName(svc.name), context };
  if (b.dockerfile) {
    const df = posix.normalize(posix.join(context, b.dockerfile));
    if (df !== posix.join(context, 'Dockerfile')) withs.dockerfile = df;
  }
  if (b.args.length) {
    // build-args values are Go templates in regkit; Codeship's were plain text.
    withs['build-args'] = b.args.map(([k, v]) => `${k}=${v.replace(/\{\{/g, '{{"{{"}}')}`).join('\n');
    for (const [k, v] of b.args) if (v.includes('\n')) ctx.report.skipped(b.pos, `service \`${svc.name}\`: build arg ${k} has a line break, which build-args cannot carry; fix it by hand`);
  }
  const encrypted = b.encryptedArgsFile ?? ctx.inlineArgsFiles.get(svc.name);
  if (encrypted) withs['encrypted-build-args'] = encrypted.replace(/^\.\//, '');
  withs['disable-push'] = 'true';
  withs.cache = svc.cached ? 'auto' : 'false';
  if (ctx.needsKey) withs['aes-key'] = aesKey;
  if (!ctx.reportedBuilds.has(svc.name)) ctx.report.converted(svc.pos, `service \`${svc.name}\`: build (${context}${withs.dockerfile ? `, ${withs.dockerfile}` : ''}${b.args.length ? `, ${b.args.length} build args` : ''}${encrypted ? ', encrypted build args' : ''}${svc.cached ? ', cached in the caching registry' : ''}) → ${uses('build')}`);
  ctx.reportedBuilds.add(svc.name);
  return { name: `Build ${svc.name}`, id: buildId(svc.name), uses: uses('build'), with: mapLiteral(withs) };
}

function mapLiteral(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.startsWith('${{') ? v : literal(v)]));
}

function runStep(leaf: RunStep, ctx: WorkflowContext): GhStep {
  const svc = ctx.services.get(leaf.service)!;
  const opts: string[] = ['--rm'];
  const entry = svc.entrypoint ?? [];
  if (entry.length) opts.push('--entrypoint', bashQuote(entry[0]));
  if (svc.workingDir) opts.push('-w', bashQuote(svc.workingDir));
  if (svc.user) opts.push('-u', bashQuote(svc.user));
  if (svc.privileged) opts.push('--privileged');
  for (const c of svc.capAdd) opts.push('--cap-add', bashQuote(c));
  for (const c of svc.capDrop) opts.push('--cap-drop', bashQuote(c));
  if (svc.addDocker) opts.push('-v', '/var/run/docker.sock:/var/run/docker.sock');
  for (const v of svc.volumes) opts.push('-v', volume(v));
  for (const f of svc.envFiles) opts.push('--env-file', bashQuote(f));
  for (const f of svc.encryptedEnvFiles) opts.push('--env-file', `"$RUNNER_TEMP/codeship-env/${envName(f)}"`);
  for (const k of Object.keys(CI_ENV)) opts.push('-e', k);
  for (const [k, v] of svc.environment) opts.push('-e', bashQuote(v === undefined ? k : `${k}=${v}`));
  let argv: string[];
  if (leaf.command !== undefined) {
    const w = splitWords(leaf.command);
    argv = w.words;
    const notes: string[] = [];
    if (w.operators.length) notes.push(`\`${w.operators.join(' ')}\` is passed to the program as an argument, as Codeship did (it runs no shell); wrap the command in sh -c '…' if a shell was meant`);
    if (w.unterminated) notes.push('an unterminated quote runs to the end of the command');
    if (notes.length) ctx.report.changed(leaf.commandPos ?? leaf.pos, `command \`${leaf.command}\`: ${notes.join('; ')}`);
  } else argv = svc.command ?? [];
  // User text is made literal for GitHub; the build output reference is the one expression kept.
  const words = [...entry.slice(1), ...argv].map((w) => literal(bashQuote(w)));
  for (let i = 0; i < opts.length; i++) opts[i] = literal(opts[i]);
  const image = svc.build ? imageOf(svc) : literal(bashQuote(imageOf(svc)));
  const head = `docker run ${opts.join(' ')}`;
  const run = `${head} ${image}${words.length ? ' ' + words.join(' ') : ''}`;
  const wrapped = run.length > 110 ? `docker run ${pairs(opts).join(' \\\n  ')} \\\n  ${image}${words.length ? ' \\\n  ' + words.join(' ') : ''}` : run;
  ctx.report.converted(leaf.pos, `${leaf.name ? `step \`${leaf.name}\`` : 'step'} (${leaf.service}${leaf.command !== undefined ? `: ${leaf.command}` : ''}) → docker run`);
  const name = leaf.name ?? `${leaf.service}${leaf.command !== undefined ? `: ${leaf.command}` : ''}`;
  return { name: literal(name.length > 80 ? name.slice(0, 77) + '...' : name), run: wrapped };
}

/** Options with their values kept on one line: `-v x`, `-e K=V`. */
function pairs(opts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < opts.length; i++) {
    if (opts[i].startsWith('-') && i + 1 < opts.length && !opts[i + 1].startsWith('-') && !['--rm', '--privileged'].includes(opts[i])) out.push(`${opts[i]} ${opts[++i]}`);
    else out.push(opts[i]);
  }
  return out;
}

/** Relative host folders are relative to the repository (Codeship: to the services file). */
function volume(v: string): string {
  const [host, ...rest] = v.split(':');
  // As Compose reads it: a host part starting with "." (or holding a "/") is a folder, else a named volume.
  const relative = rest.length > 0 && (host.startsWith('.') || (!host.startsWith('/') && !host.startsWith('~') && host.includes('/')));
  if (!relative) return bashQuote(v);
  const path = posix.normalize(host).replace(/\/+$/, '');
  const full = path === '.' ? '$GITHUB_WORKSPACE' : `$GITHUB_WORKSPACE/${path}`;
  return `"${[full, ...rest].join(':').replace(/(["\\`])/g, '\\$1').replace(/\$(?!GITHUB_WORKSPACE)/g, '\\$')}"`;
}

function pullStep(leaf: PushStep, ctx: WorkflowContext): GhStep | undefined {
  const svc = ctx.services.get(leaf.service)!;
  const image = leaf.imageName ?? svc.image ?? svc.build?.image;
  if (!image) {
    ctx.report.error(leaf.pos, 'pull step without image_name (and its service names no image); not converted');
    return undefined;
  }
  ctx.registries.forStep(leaf, image);
  ctx.report.converted(leaf.pos, `pull step (${image}) → docker pull after the registries login`);
  return { name: literal(leaf.name ?? `Pull ${image}`), run: `docker pull ${bashQuote(image)}` };
}

/** Template variables that only the tag action can fill in (the push action has no inputs for them). */
const TAG_ACTION_VARS = /\{\{[^}]*\.(ServiceName|StepName|ImageName|CiName)\b/;

function pushSteps(leaf: PushStep, ctx: WorkflowContext, ids: Set<string>): GhStep[] | undefined {
  const svc = ctx.services.get(leaf.service)!;
  const label = leaf.name ? `push step \`${leaf.name}\`` : 'push step';
  if (!leaf.imageName) {
    ctx.report.error(leaf.pos, `${label} (service ${leaf.service}) has no image_name; Codeship needs one too — push step not converted`);
    return undefined;
  }
  const registry = ctx.registries.forStep(leaf, leaf.imageName);
  if (!registry) return undefined;
  const { path } = splitImageName(leaf.imageName);
  const repo = withoutTag(path);
  if (repo !== path) ctx.report.changed(leaf.pos, `${label}: the tag in image_name ${leaf.imageName} is dropped; image_tag gives the tag`);
  const template = leaf.imageTag ?? 'latest';
  const out: GhStep[] = [];
  let tags = template;
  if (TAG_ACTION_VARS.test(template)) {
    const id = uniqueStepId(`tag-${buildId(leaf.service).slice(6)}`, ids);
    const w: Record<string, string> = { templates: template, 'service-name': leaf.service, 'image-name': repo };
    if (leaf.name) w['step-name'] = leaf.name;
    if (/\.CiName\b/.test(template)) w['ci-name'] = 'codeship';
    out.push({ name: literal(`Tag for ${leaf.name ?? leaf.imageName}`), id, uses: uses('tag'), with: mapLiteral(w) });
    tags = `\${{ steps.${id}.outputs.tags }}`;
  }
  const withs: Record<string, string> = { candidate: imageOf(svc), registry: registry.name, 'image-name': repo, tags };
  if (!svc.build) ctx.report.changed(leaf.pos, `${label}: service \`${svc.name}\` is not built here; its image ${svc.image} is pushed as it is`);
  if (ctx.needsKey) withs['aes-key'] = aesKey;
  ctx.report.converted(leaf.pos, `${label} (${leaf.service} → ${leaf.imageName}:${template}${leaf.imageTag ? '' : ', Codeship\'s default tag'}) → ${uses('push')} to registry \`${registry.name}\``);
  out.push({ name: literal(leaf.name ?? `Push ${leaf.imageName}`), uses: uses('push'), with: mapLiteral(withs) });
  return out;
}
