/**
 * Steps that run a container: freestyle steps (`docker run` of the image with its
 * commands, as Codefresh runs them) and compositions (docker compose).
 */
import { posix } from 'node:path';
import { Document } from 'yaml';
import { bashQuote } from '../argv.js';
import { splitImageName } from '../../naming/index.js';
import { text, type YNode } from '../yaml-tree.js';
import {
  CODEFRESH_DIR,
  EXPORT_FILE,
  title,
  uniqueId,
  workingDirectory,
  type Converter,
  type GhStep,
} from './converter.js';
import { field, fieldText, list, type CfStep } from './read.js';
import { stepId } from './variables.js';

/** `docker run` of a step's image with its commands, as Codefresh runs a freestyle step. */
export function containerRun(step: CfStep, src: YNode | CfStep, c: Converter, label: string): GhStep | undefined {
  const get = (k: string) =>
    'fields' in src
      ? field(src, k)?.value
      : src.kind === 'map'
        ? src.entries.find((e) => e.key === k)?.value
        : undefined;
  let image = text(get('image'));
  if (!image && 'fields' in src && src.fields.has('image_name')) {
    image = text(get('image_name'));
    c.report.changed(
      src.fields.get('image_name')!.keyPos,
      `step \`${step.name}\`: image_name on a freestyle step is read as image (Codefresh ran it so)`,
    );
  }
  if (!image) {
    c.report.skipped(step.pos, `${label}: no image to run; not converted`);
    return undefined;
  }
  const ref = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(image.trim());
  const refStep = ref ? c.pipeline.byName.get(ref[1]) : undefined;
  const imageExpr =
    refStep?.type === 'build'
      ? `"\${{ steps.${stepId(refStep.name)}.outputs.image }}"`
      : bashQuote(c.vars.expression(image.trim(), step.pos));
  const shell = text(get('shell')) === 'bash' ? 'bash' : 'sh';
  const commands = list(get('commands'));
  const wd = 'fields' in src ? workingDirectory(src, c) : '.';
  const dir = wd.startsWith('/')
    ? bashQuote(c.vars.expression(wd, step.pos))
    : `"$GITHUB_WORKSPACE${wd === '.' ? '' : `/${wd}`}"`;
  const opts = ['--rm', '-v "$GITHUB_WORKSPACE:$GITHUB_WORKSPACE"'];
  // Codefresh's volume held the clone at /codefresh/volume/<repository>: the same place here.
  if (
    JSON.stringify('fields' in src ? [...src.fields.values()].map((e) => e.value) : src).includes('/codefresh/volume')
  )
    opts.push('-v "$GITHUB_WORKSPACE:/codefresh/volume/${GITHUB_REPOSITORY#*/}"');
  opts.push(`-w ${dir}`, '__ENV__');
  const env = get('environment');
  const pairs = env?.kind === 'map' ? env.entries.map((e) => `${e.key}=${text(e.value) ?? ''}`) : list(env);
  for (const p of pairs) opts.push(`-e ${bashQuote(c.vars.expression(p, step.pos))}`);
  for (const v of list(get('volumes'))) {
    // Codefresh's volume is the workspace here: ${{CF_VOLUME}}/x and relative x are folders in it.
    const [host, ...rest] = c.vars
      .expression(v.replace(/^\$\{\{\s*CF_VOLUME(?:_NAME|_PATH)?\s*\}\}\/?/, ''), step.pos)
      .split(':');
    const path = host.startsWith('/') || !rest.length ? host : `$GITHUB_WORKSPACE/${host}`;
    opts.push(`-v "${[path, ...rest].join(':')}"`);
  }
  let argv: string;
  if (commands.length) {
    const exported = commands.some((l) => /\bcf_export\b/.test(l));
    const script = [
      ...(exported ? [CF_EXPORT_FUNCTION] : []),
      ...commands.map((l) => c.vars.expression(l, step.pos)),
    ].join('\n');
    opts.push(`--entrypoint ${shell}`);
    argv = `${imageExpr} -ec ${bashQuote(script)}`;
    const entry = 'fields' in src ? field(src, 'entry_point') : undefined;
    if (entry) {
      c.report.changed(
        entry.keyPos,
        `step \`${step.name}\`: entry_point ${text(entry.value)} is not used: the commands run in ${shell}, as Codefresh ran them`,
      );
    }
  } else {
    const entry = text(get('entry_point'));
    if (entry) opts.push(`--entrypoint ${bashQuote(entry)}`);
    argv = [imageExpr, ...list(get('cmd')).map((w) => bashQuote(c.vars.expression(w, step.pos)))].join(' ');
  }
  const lines = [`docker run ${opts.join(' \\\n  ')} \\\n  ${argv}`];
  if (commands.some((l) => /\bcf_export\b|env_vars_to_export/.test(l))) lines.push(EXPORT_TO_GITHUB);
  return { run: lines.join('\n') };
}

/** cf_export inside the container: Codefresh's way of passing variables to later steps. */
const CF_EXPORT_FUNCTION = `cf_export() { for a in "$@"; do case "$a" in *=*) printf '%s\\n' "$a" >> "$CF_VOLUME_PATH/${EXPORT_FILE}"; export "$a";; *) eval "printf '%s=%s\\\\n' \\"$a\\" \\"\\\${$a}\\"" >> "$CF_VOLUME_PATH/${EXPORT_FILE}";; esac; done; }`;
const EXPORT_TO_GITHUB = `if [ -f "$GITHUB_WORKSPACE/${EXPORT_FILE}" ]; then cat "$GITHUB_WORKSPACE/${EXPORT_FILE}" >> "$GITHUB_ENV"; rm "$GITHUB_WORKSPACE/${EXPORT_FILE}"; fi`;

/** Fills in the variables each `docker run` passes on, once every step is converted. */
export function finishContainerEnv(steps: GhStep[], names: string[]): void {
  const flags = names.map((n) => `-e ${n}`).join(' ');
  for (const s of steps)
    if (typeof s.run === 'string') s.run = s.run.replace(/__ENV__( \\\n {2})?/, flags ? `${flags}$1` : '');
}

export function freestyle(step: CfStep, c: Converter): GhStep[] {
  for (const k of ['registry_context', 'matrix', 'services']) {
    const e = field(step, k);
    if (!e) continue;
    if (k === 'registry_context') {
      const name = c.registries.named(text(e.value) ?? '', e.value.pos, `step \`${step.name}\``);
      c.report.changed(
        e.keyPos,
        `step \`${step.name}\`: registry_context ${text(e.value)} — docker pulls the image with the login step's account for its domain: mark registry \`${name}\` primary: true if several registries share that domain`,
      );
    } else
      c.report.skipped(
        e.keyPos,
        `step \`${step.name}\`: ${k} is not converted; ${k === 'matrix' ? 'use a job strategy.matrix by hand' : 'start the services with docker compose in a step before it'}`,
      );
  }
  const run = containerRun(step, step, c, `step \`${step.name}\``);
  if (!run) return [];
  const image = fieldText(step, 'image') ?? '';
  const ref = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(image.trim());
  if (ref && c.pipeline.byName.get(ref[1])?.type === 'build')
    c.report.converted(step.pos, `step \`${step.name}\` → docker run of build \`${ref[1]}\`'s image with its commands`);
  else {
    const pull =
      image && !/\$\{\{/.test(image) && splitImageName(image).domain !== 'docker.io'
        ? c.registries.forImage(image, step.pos, `step \`${step.name}\``)
        : undefined;
    c.report.converted(
      step.pos,
      `step \`${step.name}\` (${image}) → docker run with its commands${pull ? `, pulled through registry \`${pull}\`` : ''}`,
    );
  }
  return [{ name: title(step, c), id: uniqueId(step.name, c), ...run }];
}

export function composition(step: CfStep, c: Converter): GhStep[] {
  const comp = field(step, 'composition');
  const cands = field(step, 'composition_candidates');
  const vars = list(field(step, 'composition_variables')?.value);
  const env: Record<string, string> = {};
  // Step references and variables become compose's own ${VAR}, filled from the step's env.
  const toCompose = (node: YNode): unknown => {
    if (node.kind === 'map') return Object.fromEntries(node.entries.map((e) => [e.key, toCompose(e.value)]));
    if (node.kind === 'seq') return node.items.map(toCompose);
    if (typeof node.value !== 'string') return node.value;
    return node.value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => {
      const e = c.vars.expressionOf(name, node.pos);
      const v = `CF_${name.replace(/\W+/g, '_').toUpperCase()}`;
      if (e) env[v] = `\${{ ${e} }}`;
      return e ? `\${${v}}` : whole;
    });
  };
  const files: string[] = [];
  const id = stepId(step.name);
  if (comp?.value.kind === 'map') {
    const path = `${CODEFRESH_DIR}/${id}.compose.yml`;
    c.files.set(path, new Document(toCompose(comp.value)).toString({ lineWidth: 0 }));
    files.push(path);
  } else if (comp && text(comp.value)) files.push(posix.join(workingDirectory(step, c), text(comp.value)!));
  const candidates: string[] = [];
  if (cands?.value.kind === 'map') {
    const path = `${CODEFRESH_DIR}/${id}.candidates.yml`;
    candidates.push(...cands.value.entries.map((e) => e.key));
    c.files.set(path, new Document({ services: toCompose(cands.value) }).toString({ lineWidth: 0 }));
    files.push(path);
  }
  for (const v of vars) {
    const [k, ...rest] = v.split('=');
    env[k] = c.vars.expression(rest.join('='), step.pos);
  }
  if (!files.length) {
    c.report.skipped(step.pos, `composition \`${step.name}\` names no composition; not converted`);
    return [];
  }
  const f = files.map((p) => `-f ${bashQuote(p)}`).join(' ');
  const launch = step.type === 'launch-composition';
  const up = launch
    ? `docker compose ${f} up -d`
    : `docker compose ${f} up --abort-on-container-exit${candidates.length ? ` --exit-code-from ${bashQuote(candidates[0])}` : ''}`;
  const run = launch ? up : `status=0\n${up} || status=$?\ndocker compose ${f} down -v\nexit $status`;
  for (const k of ['composition_variables', 'add_flow_volume_to_composition', 'environment_name', 'entry_point'])
    field(step, k);
  c.report.changed(
    step.pos,
    `${step.type} \`${step.name}\` → docker compose on the runner (${files.join(', ')})${candidates.length > 1 ? `; the exit code is ${candidates[0]}'s` : ''}; Codefresh's shared volume is not mounted: add the workspace as a volume where a service needs it`,
  );
  return [{ name: title(step, c), id: uniqueId(step.name, c), run, ...(Object.keys(env).length ? { env } : {}) }];
}
