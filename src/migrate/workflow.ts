/** Turns the job plan into the GitHub workflow: regkit's actions for builds and pushes, docker run for steps. */
import { posix } from 'node:path';
import { bashQuote, literal, splitWords } from './argv.js';
import { FILTER_STEP_ID, JobFilters } from './filters.js';
import { BRANCH_FILTERS, DECRYPT_ENV } from './helpers.js';
import type { JobPlan, Leaf } from './jobs.js';
import type { PushStep, RunStep, Service } from './model.js';
import { commandWords, companionsOf, containerOptions, repoPath, type ContainerContext } from './containers.js';
import type { RegistryPlanner } from './registries.js';
import { generatedDockercfgDir, withoutTag } from './registries.js';
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

export interface WorkflowContext extends ContainerContext {
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
  reportedCycles: Set<string>;
}

type GhStep = Record<string, unknown>;

export function buildJob(plan: JobPlan, ctx: WorkflowContext, reportedFilters: Set<string>): Record<string, unknown> {
  const filters = new JobFilters(ctx.report, reportedFilters);
  const ids = new Set<string>();
  const leafIds = new Map<Leaf, string>();
  const conditions = new Map<Leaf, string | false | undefined>();
  for (const leaf of plan.leaves)
    conditions.set(
      leaf,
      filters.condition(leaf.filters, {
        pos: leaf.pos,
        label: leaf.name ? `step \`${leaf.name}\`` : `${leaf.type} step`,
      }),
    );

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
    for (const svc of ctx.registries.generatorSteps.values()) {
      // Built before the login: its build cannot use the credentials it is about to write.
      if (svc.build) steps.push(buildStep(svc, ctx));
      steps.push(generatorStep(svc, ctx));
    }
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
  let network = false;
  for (const leaf of plan.leaves) {
    // A run step's services start beside it: their images are built and their env files decrypted once per job.
    const beside = leaf.type === 'run' ? companionsOf(leaf.service, ctx.services).order.map((c) => c.service) : [];
    if (beside.length) network = true;
    for (const svc of [...beside, ctx.services.get(leaf.service)!]) {
      if (leaf.type === 'run')
        for (const f of svc.encryptedEnvFiles) envFiles.set(f, [...(envFiles.get(f) ?? []), leaf]);
      if (svc.build && leaf.type !== 'pull' && !ctx.registries.generatorSteps.has(svc.name))
        builds.set(svc.name, [...(builds.get(svc.name) ?? []), leaf]);
    }
  }
  for (const [file, leaves] of envFiles) {
    ctx.usesDecrypt.value = true;
    const path = repoPath(ctx.servicesDir, file);
    steps.push(
      withIf(
        {
          name: `Decrypt ${path}`,
          run: `mkdir -p "$RUNNER_TEMP/codeship-env"\nnode ${DECRYPT_ENV} ${bashQuote(path)} "$RUNNER_TEMP/codeship-env/${envName(file)}"`,
          env: { AES_KEY: aesKey },
        },
        whenAny(leaves),
      ),
    );
  }
  for (const [name, leaves] of builds)
    steps.push(withIf(buildStep(ctx.services.get(name)!, ctx, leaves[0].name), whenAny(leaves)));

  for (const leaf of plan.leaves) {
    let cond = conditions.get(leaf);
    if (leaf.onFailOf) {
      const id = leafIds.get(leaf.onFailOf);
      const failed = id ? `failure() && steps.${id}.outcome == 'failure'` : 'failure()';
      cond = cond === false ? false : cond ? `${failed} && ${cond}` : failed;
    } else if (leaf.groupOnFail) cond = cond === false ? false : cond ? `failure() && ${cond}` : 'failure()';
    const step =
      leaf.type === 'run'
        ? runStep(leaf, ctx, steps.length)
        : leaf.type === 'pull'
          ? pullStep(leaf, ctx)
          : pushSteps(leaf, ctx, ids);
    if (!step) continue;
    const list = Array.isArray(step) ? step : [step];
    if (leaf.onFail.length) {
      const id = uniqueStepId(`step-${leafIds.size + 1}`, ids);
      list[list.length - 1].id ??= id;
      leafIds.set(leaf, list[list.length - 1].id as string);
    }
    for (const s of list) steps.push(withIf(s, cond));
  }
  if (network) {
    steps.push({
      name: 'Remove the network of the Codeship services',
      if: 'always()',
      run: 'docker ps -aq --filter "network=$CODESHIP_NETWORK" | xargs -r docker rm -f -v >/dev/null\ndocker network rm "$CODESHIP_NETWORK" >/dev/null 2>&1 || true',
    });
  }
  const job: Record<string, unknown> = { name: literal(plan.name), 'runs-on': 'ubuntu-latest' };
  if (plan.needs.length) job.needs = plan.needs.length === 1 ? plan.needs[0] : plan.needs;
  if (plan.environment) job.environment = plan.environment;
  // One network per job run: runners that share a Docker daemon keep jobs apart.
  if (network) job.env = { CODESHIP_NETWORK: `codeship-${plan.id}-\${{ github.run_id }}-\${{ github.run_attempt }}` };
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
  return `build-${
    service
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'service'
  }`;
}

function envName(file: string): string {
  return file.replace(/[^A-Za-z0-9._-]+/g, '_') + '.env';
}

function localName(service: string): string {
  return (
    service
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'service'
  );
}

/** A service's image in a step: the build's output, or the image it names. */
function imageOf(svc: Service): string {
  return svc.build ? `\${{ steps.${buildId(svc.name)}.outputs.image }}` : (svc.image ?? '');
}

function buildStep(svc: Service, ctx: WorkflowContext, stepName?: string): GhStep {
  const b = svc.build!;
  const first = !ctx.reportedBuilds.has(svc.name);
  const context = repoPath(ctx.servicesDir, b.context || '.');
  const withs: Record<string, string> = { 'image-name': localName(svc.name), context };
  if (b.dockerfile) {
    const df = posix.normalize(posix.join(context, b.dockerfile));
    if (df !== posix.join(context, 'Dockerfile')) withs.dockerfile = df;
  }
  if (b.args.length) {
    // Codeship rendered build args as Go templates, as the build action renders build-args.
    const known: Record<string, string | undefined> = {
      ServiceName: svc.name,
      CiName: 'codeship',
      ImageName: b.image,
      StepName: stepName,
    };
    const filled = new Set<string>();
    withs['build-args'] = b.args
      .filter(([, v]) => !v.includes('\n'))
      .map(([k, v]) => `${k}=${fillVariables(v, known, filled)}`)
      .join('\n');
    if (first && filled.size)
      ctx.report.converted(
        b.pos,
        `service \`${svc.name}\`: ${[...filled].map((f) => `.${f}`).join(', ')} in build args filled in as Codeship rendered them (the build action has no input for them)`,
      );
    const left = b.args.filter(([, v]) =>
      /\{\{[^}]*\.(ServiceName|StepName|ImageName|CiName)\b/.test(fillVariables(v, known, new Set())),
    );
    if (first && left.length)
      ctx.report.changed(
        b.pos,
        `service \`${svc.name}\`: build args ${left.map(([k]) => k).join(', ')} use .StepName or .ImageName, which Codeship knew here and the build action does not (.StepName renders the job id, .ImageName the local image name); check them`,
      );
    for (const [k, v] of b.args)
      if (first && v.includes('\n'))
        ctx.report.skipped(
          b.pos,
          `service \`${svc.name}\`: build arg ${k} has a line break, which build-args cannot carry; it is left out — move it into an encrypted_args_file`,
        );
  }
  const encrypted = b.encryptedArgsFile
    ? repoPath(ctx.servicesDir, b.encryptedArgsFile)
    : ctx.inlineArgsFiles.get(svc.name);
  if (encrypted) withs['encrypted-build-args'] = encrypted;
  withs['disable-push'] = 'true';
  // Codeship kept a cache per service and branch, falling back to default_cache_branch (else master).
  withs.cache = svc.cached ? 'actions' : 'false';
  if (svc.cached && svc.defaultCacheBranch) withs['default-cache-branch'] = svc.defaultCacheBranch;
  if (ctx.needsKey) withs['aes-key'] = aesKey;
  if (first)
    ctx.report.converted(
      svc.pos,
      `service \`${svc.name}\`: build (${context}${withs.dockerfile ? `, ${withs.dockerfile}` : ''}${b.args.length ? `, ${b.args.length} build args` : ''}${encrypted ? ', encrypted build args' : ''}${svc.cached ? `, cached in the Actions cache${svc.defaultCacheBranch ? `, falling back to ${svc.defaultCacheBranch}'s` : ''}` : ''}) → ${uses('build')}`,
    );
  ctx.reportedBuilds.add(svc.name);
  return { name: `Build ${svc.name}`, id: buildId(svc.name), uses: uses('build'), with: mapLiteral(withs) };
}

/** `.ServiceName`… inside `{{ }}` replaced by a Go string literal of the value Codeship had. */
function fillVariables(template: string, known: Record<string, string | undefined>, filled: Set<string>): string {
  return template.replace(/\{\{.*?\}\}/gs, (action) =>
    action.replace(/(?<![\w$)\]])\.(ServiceName|StepName|ImageName|CiName)\b/g, (whole, field: string) => {
      const value = known[field];
      if (value === undefined) return whole;
      filled.add(field);
      return JSON.stringify(value);
    }),
  );
}

function mapLiteral(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.startsWith('${{') ? v : literal(v)]));
}

function runStep(leaf: RunStep, ctx: WorkflowContext, index: number): GhStep {
  const svc = ctx.services.get(leaf.service)!;
  const beside = companionsOf(leaf.service, ctx.services);
  for (const c of beside.cycles) {
    if (ctx.reportedCycles.has(c)) continue;
    ctx.reportedCycles.add(c);
    ctx.report.error(
      ctx.services.get(c)!.pos,
      `service \`${c}\` depends on itself through links, depends_on or volumes_from; its services start in file order — break the cycle`,
    );
  }
  const net = beside.order.length > 0;
  const envFile = (f: string) => `"$RUNNER_TEMP/codeship-env/${envName(f)}"`;
  const volumesFrom = (name: string) =>
    beside.order.some((c) => c.service.name === name) ? `$${shellVar(name)}` : undefined;
  const joined = net ? ['--network', '"$CODESHIP_NETWORK"', '--label', '"codeship-step=$step"'] : [];
  const lines: string[] = [];
  if (net) {
    lines.push(
      'docker network inspect "$CODESHIP_NETWORK" >/dev/null 2>&1 || docker network create "$CODESHIP_NETWORK" >/dev/null',
      `step="$CODESHIP_NETWORK-${index}"`,
      // As on Codeship, a step's services live as long as the step, however it ends.
      `trap 'docker ps -aq --filter "label=codeship-step=$step" | xargs -r docker rm -f -v >/dev/null' EXIT`,
    );
    for (const c of beside.order) {
      const opts = [
        '-d',
        ...joined,
        ...c.aliases.flatMap((a) => ['--network-alias', bashQuote(a)]),
        ...containerOptions(c.service, ctx, envFile, volumesFrom),
        ...environment(c.service),
      ];
      lines.push(`${shellVar(c.service.name)}=$(${dockerRun(opts, c.service, commandWords(c.service, undefined))})`);
    }
  }
  let argv: string[] | undefined;
  if (leaf.command !== undefined) {
    const w = splitWords(leaf.command);
    argv = w.words;
    const notes: string[] = [];
    if (w.operators.length)
      notes.push(
        `\`${w.operators.join(' ')}\` is passed to the program as an argument, as Codeship did (it runs no shell); wrap the command in sh -c '…' if a shell was meant`,
      );
    if (w.unterminated) notes.push('an unterminated quote runs to the end of the command');
    if (notes.length)
      ctx.report.changed(leaf.commandPos ?? leaf.pos, `command \`${leaf.command}\`: ${notes.join('; ')}`);
  }
  // With the Docker socket, the step can start containers of its own on the same network.
  const own = net ? ['--network-alias', bashQuote(svc.name), ...(svc.addDocker ? ['-e', 'CODESHIP_NETWORK'] : [])] : [];
  const opts = ['--rm', ...joined, ...own, ...containerOptions(svc, ctx, envFile, volumesFrom), ...environment(svc)];
  lines.push(dockerRun(opts, svc, commandWords(svc, argv)));
  const started = net
    ? `, with ${beside.order.map((c) => c.service.name).join(', ')} started beside it on the job's network`
    : '';
  ctx.report.converted(
    leaf.pos,
    `${leaf.name ? `step \`${leaf.name}\`` : 'step'} (${leaf.service}${leaf.command !== undefined ? `: ${leaf.command}` : ''}) → docker run${started}`,
  );
  const name = leaf.name ?? `${leaf.service}${leaf.command !== undefined ? `: ${leaf.command}` : ''}`;
  return { name: literal(name.length > 80 ? name.slice(0, 77) + '...' : name), run: lines.join('\n') };
}

/** A dockercfg generator regkit does not know, run as Codeship ran it: it writes /opt/data/dockercfg. */
function generatorStep(svc: Service, ctx: WorkflowContext): GhStep {
  const dir = `$RUNNER_TEMP/${generatedDockercfgDir(svc.name)}`;
  const lines = [`mkdir -p "${dir}"`];
  for (const f of svc.encryptedEnvFiles) {
    ctx.usesDecrypt.value = true;
    lines.push(
      `mkdir -p "$RUNNER_TEMP/codeship-env"`,
      `node ${DECRYPT_ENV} ${bashQuote(repoPath(ctx.servicesDir, f))} "$RUNNER_TEMP/codeship-env/${envName(f)}"`,
    );
  }
  const opts = [
    '--rm',
    ...containerOptions(
      svc,
      ctx,
      (f) => `"$RUNNER_TEMP/codeship-env/${envName(f)}"`,
      () => undefined,
    ),
    ...environment(svc),
    '-v',
    `"${dir}:/opt/data"`,
  ];
  lines.push(dockerRun(opts, svc, ['/opt/data/dockercfg']));
  const step: GhStep = { name: literal(`Generate registry credentials with ${svc.name}`), run: lines.join('\n') };
  if (svc.encryptedEnvFiles.length) step.env = { AES_KEY: aesKey };
  return step;
}

/** The Codeship CI_* variables and the service's `environment`, as `-e` options. */
function environment(svc: Service): string[] {
  const opts: string[] = [];
  for (const k of Object.keys(CI_ENV)) opts.push('-e', k);
  for (const [k, v] of svc.environment) opts.push('-e', bashQuote(v === undefined ? k : `${k}=${v}`));
  return opts;
}

/** `docker run OPTS IMAGE WORDS`, wrapped when long; user text made literal for GitHub. */
function dockerRun(options: string[], svc: Service, words: string[]): string {
  const opts = options.map(literal);
  const args = words.map((w) => literal(bashQuote(w)));
  // The build output reference is the one expression kept.
  const image = svc.build ? imageOf(svc) : literal(bashQuote(imageOf(svc)));
  const run = `docker run ${opts.join(' ')} ${image}${args.length ? ' ' + args.join(' ') : ''}`;
  return run.length > 110
    ? `docker run ${pairs(opts).join(' \\\n  ')} \\\n  ${image}${args.length ? ' \\\n  ' + args.join(' ') : ''}`
    : run;
}

/** A bash variable holding the container of a service started beside a step. */
function shellVar(service: string): string {
  return `svc_${service.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Options with their values kept on one line: `-v x`, `-e K=V`. */
function pairs(opts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < opts.length; i++) {
    if (
      opts[i].startsWith('-') &&
      i + 1 < opts.length &&
      !opts[i + 1].startsWith('-') &&
      !['--rm', '-d', '--privileged'].includes(opts[i])
    )
      out.push(`${opts[i]} ${opts[++i]}`);
    else out.push(opts[i]);
  }
  return out;
}

function pullStep(leaf: PushStep, ctx: WorkflowContext): GhStep | undefined {
  const svc = ctx.services.get(leaf.service)!;
  const image = leaf.imageName ?? svc.image ?? svc.build?.image;
  if (!image) {
    ctx.report.error(
      leaf.pos,
      'pull step without image_name (and its service names no image); not converted — add image_name',
    );
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
    ctx.report.error(
      leaf.pos,
      `${label} (service ${leaf.service}) has no image_name; Codeship needs one too — push step not converted`,
    );
    return undefined;
  }
  const registry = ctx.registries.forStep(leaf, leaf.imageName);
  if (!registry) return undefined;
  const { path } = splitImageName(leaf.imageName);
  const repo = withoutTag(path);
  if (repo !== path)
    ctx.report.changed(
      leaf.pos,
      `${label}: the tag in image_name ${leaf.imageName} is dropped; image_tag gives the tag`,
    );
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
  if (!svc.build)
    ctx.report.changed(
      leaf.pos,
      `${label}: service \`${svc.name}\` is not built here; its image ${svc.image} is pushed as it is`,
    );
  if (ctx.needsKey) withs['aes-key'] = aesKey;
  ctx.report.converted(
    leaf.pos,
    `${label} (${leaf.service} → ${leaf.imageName}:${template}${leaf.imageTag ? '' : ", Codeship's default tag"}) → ${uses('push')} to registry \`${registry.name}\``,
  );
  out.push({ name: literal(leaf.name ?? `Push ${leaf.imageName}`), uses: uses('push'), with: mapLiteral(withs) });
  return out;
}
