/**
 * Each Codefresh step → GitHub steps: build and push → regkit's actions, git-clone →
 * actions/checkout, freestyle and composition → containers.ts; step types regkit has
 * nothing for → a placeholder that warns. Then what every step may carry: when,
 * fail_fast, timeout, retry, hooks. Steps run in one job, in the pipeline's order:
 * Codefresh's steps share one volume and one Docker daemon, which separate GitHub jobs
 * would not.
 */
import { posix } from 'node:path';
import { splitImageName } from '../../naming/index.js';
import { withoutTag } from '../registries.js';
import type { Report } from '../report.js';
import { text, type Pos } from '../yaml-tree.js';
import { composition, containerRun, freestyle } from './containers.js';
import {
  ACTIONS,
  CHECKOUT,
  CODEFRESH_DIR,
  title,
  uniqueId,
  workingDirectory,
  type Converter,
  type GhStep,
} from './converter.js';
import { field, fieldText, list, type CfStep, type Pipeline } from './read.js';
import { stepId } from './variables.js';
import { whenToIf } from './when.js';

const STEP_KEYS = [
  'when',
  'stage',
  'fail_fast',
  'timeout',
  'retry',
  'hooks',
  'on_success',
  'on_fail',
  'on_finish',
  'strict_fail_fast',
];

/** The GitHub steps for one Codefresh step (nested parallel steps inline). */
export function convertStep(step: CfStep, c: Converter): GhStep[] {
  if (step.type === 'parallel') {
    c.report.changed(
      step.pos,
      `parallel step \`${step.name}\`: its ${step.children.length} steps run one after another in the job — they share Codefresh's volume and images, which separate GitHub jobs would not`,
    );
    return parallelChildren(step, c).flat();
  }
  const own = body(step, c);
  if (!own.length) return own;
  const cond = common(step, c);
  const main = own[own.length - 1];
  for (const s of own) {
    if (cond.if) s.if = s.if ? `(${cond.if}) && (${s.if})` : cond.if;
  }
  if (cond.continueOnError) main['continue-on-error'] = true;
  if (cond.timeout) main['timeout-minutes'] = cond.timeout;
  const hooks = hookSteps(step, String(main.id ?? ''), c);
  leftovers(step, c.report);
  return [...own, ...hooks].map(order);
}

/** The GitHub steps of each step of a parallel step, with the parallel step's own `when`, `fail_fast` and `timeout` on each. */
export function parallelChildren(step: CfStep, c: Converter): GhStep[][] {
  const inner = step.children.map((s) => convertStep(s, c));
  const cond = common(step, c);
  leftovers(step, c.report);
  return inner.map((steps) =>
    steps.map((s) => {
      const out = { ...s };
      if (cond.if) out.if = s.if ? `(${cond.if}) && (${s.if})` : cond.if;
      if (cond.continueOnError) out['continue-on-error'] = true;
      if (cond.timeout && !out['timeout-minutes']) out['timeout-minutes'] = cond.timeout;
      return order(out);
    }),
  );
}

/** name, id, if first: easier to read. */
function order(s: GhStep): GhStep {
  const { name, id, if: cond, ...rest } = s;
  return {
    ...(name !== undefined ? { name } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(cond !== undefined ? { if: cond } : {}),
    ...rest,
  };
}

function common(step: CfStep, c: Converter): { if?: string; continueOnError?: boolean; timeout?: number } {
  const out: { if?: string; continueOnError?: boolean; timeout?: number } = {};
  const when = field(step, 'when');
  if (when) out.if = whenToIf(step, when.value, c.when);
  const stage = field(step, 'stage');
  if (stage)
    c.report.converted(
      stage.keyPos,
      `step \`${step.name}\`: stage ${text(stage.value)} — GitHub shows a job's steps in order; Codefresh's stages only grouped them on screen`,
    );
  const ff = field(step, 'fail_fast');
  if (ff) {
    if (String(text(ff.value)) === 'false') {
      out.continueOnError = true;
      c.report.converted(ff.keyPos, `step \`${step.name}\`: fail_fast: false → continue-on-error: true`);
    } else c.report.converted(ff.keyPos, `step \`${step.name}\`: fail_fast: true is GitHub's default`);
  }
  const sff = field(step, 'strict_fail_fast');
  if (sff)
    c.report.skipped(
      sff.keyPos,
      `step \`${step.name}\`: strict_fail_fast has no GitHub form; continue-on-error decides`,
    );
  const timeout = field(step, 'timeout');
  // An approval's timeout (duration and final state) goes with its placeholder.
  if (timeout && timeout.value.kind !== 'map') {
    const minutes = durationMinutes(text(timeout.value));
    if (minutes) {
      out.timeout = minutes;
      c.report.converted(
        timeout.keyPos,
        `step \`${step.name}\`: timeout ${text(timeout.value)} → timeout-minutes: ${minutes}`,
      );
    } else
      c.report.skipped(
        timeout.keyPos,
        `step \`${step.name}\`: timeout is not a duration GitHub can take; set timeout-minutes by hand`,
      );
  }
  const retry = field(step, 'retry');
  if (retry && (step.type === 'build' || step.type === 'push')) {
    c.report.changed(
      retry.keyPos,
      `step \`${step.name}\`: retry → regkit's own retries: registry requests are retried on 408, 429, 5xx and dropped connections (4 times, backing off) and base images are pulled up to 3 times; the step itself runs once`,
    );
  } else if (retry)
    c.report.skipped(
      retry.keyPos,
      `step \`${step.name}\`: retry — GitHub runs a step once; re-run the failed job, or loop inside the command`,
    );
  for (const k of ['on_success', 'on_fail', 'on_finish']) {
    const e = field(step, k);
    if (e)
      c.report.skipped(
        e.keyPos,
        `step \`${step.name}\`: ${k} (${e.value.kind === 'map' ? e.value.entries.map((x) => x.key).join(', ') : 'value'}) sets Codefresh metadata/annotations, which GitHub does not have; not converted`,
      );
  }
  return out;
}

function durationMinutes(v: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/.exec((v ?? '').trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const minutes = m[2] === 's' ? n / 60 : m[2] === 'h' ? n * 60 : m[2] === 'd' ? n * 1440 : n;
  return Math.max(1, Math.ceil(minutes));
}

function hookSteps(step: CfStep, id: string, c: Converter): GhStep[] {
  const hooks = field(step, 'hooks');
  if (!hooks || hooks.value.kind !== 'map') return [];
  const out: GhStep[] = [];
  for (const h of hooks.value.entries) {
    // `exec:` holds the image and commands; Codefresh also takes them right under the hook.
    const exec =
      h.value.kind === 'map'
        ? (h.value.entries.find((e) => e.key === 'exec') ??
          (h.value.entries.some((e) => e.key === 'image') ? h : undefined))
        : undefined;
    const when = {
      on_success: `steps.${id}.outcome == 'success'`,
      on_fail: `failure() && steps.${id}.outcome == 'failure'`,
      on_finish: `always()`,
      on_elected: undefined,
    }[h.key];
    if (!exec || exec.value.kind !== 'map' || (h.key !== 'on_elected' && when === undefined) || !id) {
      c.report.skipped(
        h.keyPos,
        `step \`${step.name}\`: hook ${h.key} (${h.value.kind === 'map' ? h.value.entries.map((e) => e.key).join(', ') : 'value'}) has no GitHub form here; not converted`,
      );
      continue;
    }
    const run = containerRun(step, exec.value, c, `${step.name} ${h.key}`);
    if (!run) continue;
    c.report.converted(
      h.keyPos,
      `step \`${step.name}\`: hook ${h.key} → a step after it${when ? ` with if: ${when}` : ''}`,
    );
    out.push({ name: `${title(step, c)} (${h.key})`, ...(when ? { if: when } : {}), ...run });
  }
  return out;
}

function leftovers(step: CfStep, report: Report): void {
  for (const [key, e] of step.fields) {
    if (step.used.has(key)) continue;
    report.skipped(
      e.keyPos,
      `step \`${step.name}\` (${step.type}): \`${key}\` is not converted — regkit and GitHub have no such setting for this step type`,
    );
  }
}

function body(step: CfStep, c: Converter): GhStep[] {
  for (const k of STEP_KEYS) if (step.fields.has(k) && k !== 'hooks') step.used.add(k);
  step.used.add('hooks');
  switch (step.type) {
    case 'git-clone':
      return gitClone(step, c);
    case 'build':
      return build(step, c);
    case 'push':
      return push(step, c);
    case 'freestyle':
      return freestyle(step, c);
    case 'composition':
    case 'launch-composition':
      return composition(step, c);
    default:
      return placeholder(step, c);
  }
}

function gitClone(step: CfStep, c: Converter): GhStep[] {
  for (const k of ['repo', 'revision', 'git', 'credentials', 'depth', 'use_proxy']) field(step, k);
  if (step === c.mainClone) {
    const rev = fieldText(step, 'revision');
    // The run's own branch or commit is what actions/checkout takes anyway.
    if (rev && !/^\$\{\{\s*CF_(BRANCH|REVISION|SHORT_REVISION)\s*\}\}$/.test(rev.trim())) {
      c.checkoutRef = c.vars.expression(rev, step.pos);
      c.report.changed(
        step.fields.get('revision')!.keyPos,
        `git-clone \`${step.name}\`: revision ${rev} → the checkout's ref: every run builds ${rev}, not the commit that triggered it, as on Codefresh`,
      );
    }
    c.report.converted(
      step.pos,
      `git-clone \`${step.name}\` → the job's actions/checkout (the repository and commit of the run); \${{${step.name}}} is the workspace`,
    );
    return [];
  }
  const repo = fieldText(step, 'repo') ?? '';
  const m = /(?:github\.com[/:])?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repo.replace(/\$\{\{[^}]*\}\}/g, (v) => v));
  const withs: Record<string, string> = { repository: c.vars.expression(m ? m[1] : repo, step.pos), path: step.name };
  const rev = fieldText(step, 'revision');
  if (rev) withs.ref = c.vars.expression(rev, step.pos);
  if (step.fields.has('credentials'))
    c.report.skipped(
      step.fields.get('credentials')!.keyPos,
      `git-clone \`${step.name}\`: credentials → give actions/checkout a token: input (a secret with access to ${repo})`,
    );
  c.report.changed(
    step.pos,
    `git-clone \`${step.name}\` (${repo}) → actions/checkout into ${step.name}/ (a GitHub repository is assumed; other hosts need a run: git clone)`,
  );
  return [{ name: title(step, c), id: uniqueId(step.name, c), uses: CHECKOUT, with: withs }];
}

function tagTemplates(step: CfStep, c: Converter): string[] {
  const tags = [...list(field(step, 'tag')?.value), ...list(field(step, 'tags')?.value)]
    .map((t) => t.trim())
    .filter(Boolean);
  const unique = [...new Set(tags.length ? tags : ['latest'])];
  return unique.map((t) => c.vars.template(t, step.pos));
}

function build(step: CfStep, c: Converter): GhStep[] {
  c.counts.builds++;
  const imageName = fieldText(step, 'image_name');
  if (!imageName) {
    c.report.skipped(step.pos, `build \`${step.name}\` has no image_name (Codefresh needs one too); not converted`);
    return [];
  }
  const context = workingDirectory(step, c);
  const withs: Record<string, string> = {
    'image-name': c.vars.expression(imageName.trim(), step.pos),
    tags: tagTemplates(step, c).join('\n'),
  };
  if (context !== '.') withs.context = context;
  const df = field(step, 'dockerfile');
  if (df?.value.kind === 'map') {
    const content = df.value.entries.find((e) => e.key === 'content');
    const path = `${CODEFRESH_DIR}/${stepId(step.name)}.Dockerfile`;
    c.files.set(path, (text(content?.value) ?? '').replace(/\n?$/, '\n'));
    withs.dockerfile = path;
    c.report.converted(df.keyPos, `build \`${step.name}\`: inline dockerfile → ${path}`);
  } else if (df) {
    const path = posix.normalize(posix.join(context, c.vars.expression(text(df.value) ?? 'Dockerfile', step.pos)));
    if (path !== posix.join(context, 'Dockerfile')) withs.dockerfile = path;
  }
  const target = fieldText(step, 'target');
  if (target) withs.target = c.vars.expression(target, step.pos);
  const args = field(step, 'build_arguments');
  if (args) {
    const lines =
      args.value.kind === 'map' ? args.value.entries.map((e) => `${e.key}=${text(e.value) ?? ''}`) : list(args.value);
    const kept = lines
      .map((l) => l.trim())
      .filter(
        (l) =>
          /^[A-Za-z_][\w.-]*=/.test(l) ||
          (c.report.changed(args.keyPos, `build \`${step.name}\`: build argument \`${l}\` is not KEY=VALUE; dropped`),
          false),
      );
    if (kept.length) withs['build-args'] = kept.map((l) => c.vars.template(l, step.pos)).join('\n');
  }
  const disable = ['true', 'yes'].includes(String(fieldText(step, 'disable_push')).toLowerCase());
  const registry = fieldText(step, 'registry');
  if (disable) withs['disable-push'] = 'true';
  else if (registry) withs.registry = c.registries.named(registry, step.pos, `build \`${step.name}\``);
  else c.registries.defaultRegistry(step.pos);
  const contexts = list(field(step, 'registry_contexts')?.value);
  if (contexts.length)
    withs['registry-contexts'] = contexts
      .map((r) => c.registries.named(r, step.pos, `build \`${step.name}\``))
      .join('\n');
  const platform = fieldText(step, 'platform');
  if (platform) withs.platforms = platform;
  for (const k of ['no_cf_cache', 'no_cache']) {
    const e = field(step, k);
    if (e && String(text(e.value)) === 'true') {
      withs.cache = 'false';
      c.report.changed(
        e.keyPos,
        `build \`${step.name}\`: ${k} → cache: false (no caching registry); Docker's local layer cache is still used`,
      );
    }
  }
  const bk = field(step, 'buildkit');
  if (bk)
    c.report.converted(
      bk.keyPos,
      `build \`${step.name}\`: buildkit — regkit builds with BuildKit when the runner's Docker has it`,
    );
  const cacheFrom = field(step, 'cache_from');
  if (cacheFrom)
    c.report.changed(
      cacheFrom.keyPos,
      `build \`${step.name}\`: cache_from is not converted; regkit's caching registry keeps the cache (name one in .github/registries.yml)`,
    );
  c.counts.buildsConverted++;
  c.report.converted(
    step.pos,
    `build \`${step.name}\` (${imageName}) → ${ACTIONS.build}${disable ? ' (disable-push)' : ` pushing to ${withs.registry ? `registry \`${withs.registry}\`` : 'the default registry'}`}`,
  );
  return [{ name: title(step, c), id: uniqueId(step.name, c), uses: ACTIONS.build, with: withs }];
}

/** A candidate as the pipeline writes it: a build step's reference, or a full image reference. */
export function candidateOf(
  step: CfStep,
  c: { pipeline: Pipeline },
): { build?: CfStep; image?: string; ref?: string; pos?: Pos } {
  const e = step.fields.get('candidate');
  const v = text(e?.value)?.trim();
  if (!v) return { pos: e?.value.pos };
  const m = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(v);
  if (m && c.pipeline.byName.has(m[1])) return { build: c.pipeline.byName.get(m[1]), ref: m[1], pos: e!.value.pos };
  if (m) return { ref: m[1], pos: e!.value.pos };
  return { image: v, pos: e!.value.pos };
}

function push(step: CfStep, c: Converter): GhStep[] {
  c.counts.pushes++;
  field(step, 'candidate');
  const cand = candidateOf(step, c);
  const imageName = fieldText(step, 'image_name');
  const withs: Record<string, string> = {};
  let what: string;
  if (cand.build) {
    withs.candidate = `\${{ steps.${stepId(cand.build.name)}.outputs.image }}`;
    const built = cand.build.fields.get('image_name');
    withs['image-name'] = c.vars.expression((imageName ?? text(built?.value) ?? '').trim(), step.pos);
    what = `the image of build \`${cand.build.name}\``;
  } else {
    const image = c.vars.expression(cand.image!, step.pos);
    withs.candidate = image;
    withs['image-name'] = c.vars.expression(
      (imageName ?? withoutTag(splitImageName(cand.image!).path)).trim(),
      step.pos,
    );
    what = `${cand.image} (a copy from registry to registry: a promotion)`;
  }
  withs.tags = tagTemplates(step, c).join('\n');
  const registry = fieldText(step, 'registry');
  if (registry) withs.registry = c.registries.named(registry, step.pos, `push \`${step.name}\``);
  else c.registries.defaultRegistry(step.pos);
  const context = fieldText(step, 'registry_context');
  if (context) withs['registry-context'] = c.registries.named(context, step.pos, `push \`${step.name}\``);
  else if (cand.image) {
    const implied = c.registries.forImage(cand.image, step.pos, `push \`${step.name}\``);
    if (implied) withs['registry-context'] = implied;
  }
  const creds = field(step, 'credentials');
  if (creds?.value.kind === 'map') {
    const get = (k: string) =>
      text(creds.value.kind === 'map' ? creds.value.entries.find((e) => e.key === k)?.value : undefined);
    c.registries.credentials(
      withs.registry ?? c.registries.defaultRegistry(step.pos),
      get('username'),
      get('password'),
      creds.keyPos,
    );
  }
  c.counts.pushesConverted++;
  c.report.converted(
    step.pos,
    `push \`${step.name}\` (${what}) → ${ACTIONS.push} to ${withs.registry ? `registry \`${withs.registry}\`` : 'the default registry'}`,
  );
  return [{ name: title(step, c), id: uniqueId(step.name, c), uses: ACTIONS.push, with: withs }];
}

function placeholder(step: CfStep, c: Converter): GhStep[] {
  for (const k of step.fields.keys()) step.used.add(k);
  const what: Record<string, string> = {
    deploy: 'deploy to Kubernetes with kubectl (azure/k8s-deploy) or your deploy tool',
    helm: 'install the chart with helm (azure/setup-helm, then helm upgrade --install)',
    'pending-approval': 'put the steps after it in a job with an environment that has required reviewers',
    'test-reporting': 'publish the report with actions/upload-artifact',
    'codefresh-run': 'trigger the other workflow with workflow_dispatch or workflow_call',
    'git-commit': 'commit and push with git in a run: step',
  };
  const hint = what[step.type] ?? `find a GitHub action that does what the ${step.type} plugin did`;
  c.report.skipped(
    step.pos,
    `step \`${step.name}\` (type ${step.type}) has no regkit equivalent: a placeholder step warns in its place — ${hint}`,
  );
  return [
    {
      name: `TODO ${title(step, c)}`,
      id: uniqueId(step.name, c),
      run: `echo "::warning::Codefresh step ${step.name} (type ${step.type}) was not converted; see MIGRATION.md"`,
      commentBefore: ` Codefresh step \`${step.name}\` (type ${step.type}, ${c.pipeline.file}:${step.pos.line}) was not converted: ${hint}.`,
    },
  ];
}
