// Every one of the 40 real Codefresh pipelines in test/fixtures/codefresh goes through
// `regkit migrate --from codefresh`: the workflow is accepted by GitHub's own parser, the
// registries file by regkit's loader, every `with:` is an input of the action it names,
// and every build and push step of the pipeline became a regkit build/push step with the
// same registry, image name and tags. Tags are compared by value: the pipeline's tag with
// Codefresh's variables filled in as Codefresh documents them, against the workflow's
// template rendered by regkit's tag engine for the same push. `regkit validate` (the
// bundled CLI) accepts each registries file, and the report has a line for every step.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRegistriesFile } from '../../src/registries-file/index.js';
import { migrateCodefresh } from '../../src/migrate/codefresh/index.js';
import { fieldsRead, renderTags, templatesFromLines } from '../../src/tags/render.js';
import { tagVariables } from '../../src/tags/variables.js';
import { tempDir } from '../env/processes.js';
import { repoRoot, runCli } from '../harness/cli.js';
import { parseTree, type YMap } from '../../src/migrate/yaml-tree.js';
import { workflowErrors } from '../harness/github-parser.js';
import { checkWorkflow } from '../harness/wiring.js';

const corpus = join(repoRoot, 'test', 'fixtures', 'codefresh');
const pipelines = readdirSync(corpus)
  .filter((d) => statSync(join(corpus, d)).isDirectory())
  .sort();
const INVALID_YAML: Record<string, string> = {
  MoonMoon1919__peyton: 'codefresh.yml:24:5: not valid YAML: Tabs are not allowed as indentation',
};

type Obj = Record<string, any>;
const actions: Record<string, { inputs: Record<string, { required?: boolean }> }> = {};
for (const [dir, sub] of [
  ['.', ''],
  ['build', '/build'],
  ['push', '/push'],
]) {
  actions[`regkit/regkit${sub}@v1`] = parseYaml(readFileSync(join(repoRoot, dir, 'action.yml'), 'utf8'));
}

// One push of commit SHA to BRANCH of acme/shop-api: what Codefresh would have set, per its variables page.
const SHA = '9c2e5f8d0b1a2c3d4e5f60718293a4b5c6d7e8f9';
/** A pipeline variable's value: its own, so that tags made of different variables differ. */
const userValue = (name: string) => `v1.2.3-${name.toLowerCase()}`;
function codefreshValues(branch: string): Record<string, string> {
  return {
    CF_BRANCH: branch,
    // "without any chars that are illegal in case the branch name were to be used as the Docker image tag name"
    CF_BRANCH_TAG_NORMALIZED: branch.replace(/[^A-Za-z0-9_.-]/g, ''),
    CF_BRANCH_TAG_NORMALIZED_LOWER_CASE: branch.replace(/[^A-Za-z0-9_.-]/g, '').toLowerCase(),
    CF_REVISION: SHA,
    CF_SHORT_REVISION: SHA.slice(0, 7),
    CF_REPO_OWNER: 'acme',
    CF_REPO_NAME: 'shop-api',
    CF_BUILD_ID: '4242',
    CF_PULL_REQUEST_NUMBER: '0',
    CF_RELEASE_TAG: '',
  };
}
const githubEnv = (branch: string) => ({
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: `refs/heads/${branch}`,
  GITHUB_REF_NAME: branch,
  GITHUB_REF_TYPE: 'branch',
  GITHUB_SHA: SHA,
  GITHUB_REPOSITORY: 'acme/shop-api',
  GITHUB_REPOSITORY_OWNER: 'acme',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_NUMBER: '7',
  GITHUB_WORKSPACE: repoRoot,
});

/** A Codefresh value with its `${{VAR}}` filled in: Codefresh's variables, any other with its userValue. */
const codefreshText = (s: string, values: Record<string, string>) =>
  s.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, n: string) => values[n] ?? userValue(n));
/** A workflow value with its `${{ env.X }}` filled in from the same values. */
const workflowText = (s: string, values: Record<string, string>) =>
  s.replace(/\$\{\{ env\.(\w+) \}\}/g, (_, n: string) => values[n] ?? userValue(n));

interface Expected {
  name: string;
  type: 'build' | 'push';
  fields: Obj;
}
/** The build and push steps of a pipeline, read here independently of the converter. */
function buildsAndPushes(steps: Obj, parent = 'parallel'): Expected[] {
  const out: Expected[] = [];
  const entries: [string, Obj][] = Array.isArray(steps)
    ? steps.map((s, i) => [`${parent}_${i + 1}`, s])
    : Object.entries(steps ?? {});
  for (const [name, raw] of entries) {
    if (!raw || typeof raw !== 'object') continue;
    const fields: Obj = { ...raw, ...(raw.arguments ?? {}) };
    for (const [old, now] of [
      ['image-name', 'image_name'],
      ['working-directory', 'working_directory'],
    ])
      if (fields[old] !== undefined) fields[now] ??= fields[old];
    if (fields.type === 'parallel' || (fields.steps && !fields.type)) out.push(...buildsAndPushes(fields.steps, name));
    if (fields.type !== 'build' && fields.type !== 'push') continue;
    if (fields.scale && typeof fields.scale === 'object') {
      for (const [sub, over] of Object.entries(fields.scale as Obj))
        out.push({ name: sub, type: fields.type, fields: { ...fields, ...(over ?? {}) } });
    } else out.push({ name, type: fields.type, fields });
  }
  return out;
}

const tagsOf = (f: Obj): string[] => {
  const all = [f.tag, ...(Array.isArray(f.tags) ? f.tags : [f.tags])]
    .filter((t) => t !== undefined && t !== null)
    .map((t) => String(t).trim())
    .filter(Boolean);
  return [...new Set(all.length ? all : ['latest'])];
};
const validTag = (t: string) => /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(t);

describe('the Codefresh corpus', () => {
  it('has the 40 pipelines', () => expect(pipelines).toHaveLength(40));

  for (const dir of pipelines) {
    it(dir, async () => {
      const result = migrateCodefresh({ cwd: join(corpus, dir), pipeline: 'codefresh.yml', name: 'codefresh' });
      if (INVALID_YAML[dir]) {
        expect(result.ok).toBe(false);
        expect(result.files.size).toBe(0);
        expect(result.report.lines.filter((l) => l.level === 'error').map((l) => result.report.format(l))).toEqual([
          `${INVALID_YAML[dir].replace(': not', ': error: not')}`,
        ]);
        return;
      }
      expect(result.ok, result.text).toBe(true);
      const workflowFile = result.files.get('.github/workflows/codefresh.yml')!;
      expect(await workflowErrors('codefresh.yml', workflowFile)).toEqual([]);
      expect(checkWorkflow('codefresh.yml', workflowFile)).toEqual([]);
      const workflow = parseYaml(workflowFile) as { jobs: Record<string, { steps: Obj[] }> };
      const registriesText = result.files.get('.github/registries.yml');
      const registries = registriesText ? parseRegistriesFile(registriesText, '.github/registries.yml') : undefined;
      const names = new Set(registries?.registries.map((r) => r.name));

      for (const [id, job] of Object.entries(workflow.jobs as Record<string, { needs?: string[] }>))
        for (const n of job.needs ?? []) expect(Object.keys(workflow.jobs), `${id} needs ${n}`).toContain(n);
      const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
      const byId = new Map(steps.filter((s) => s.id).map((s) => [s.id as string, s]));
      for (const s of steps) {
        if (!s.uses?.startsWith('regkit/')) continue;
        const meta = actions[s.uses];
        expect(meta, s.uses).toBeDefined();
        for (const key of Object.keys(s.with ?? {}))
          expect(Object.keys(meta.inputs), `${s.uses} input ${key}`).toContain(key);
        for (const [key, input] of Object.entries(meta.inputs))
          if (input.required) expect(s.with?.[key], `${s.uses} needs ${key}`).toBeTruthy();
        for (const key of ['registry', 'registry-context'])
          if (s.with?.[key]) expect([...names]).toContain(s.with[key]);
        for (const r of String(s.with?.['registry-contexts'] ?? '')
          .split('\n')
          .filter(Boolean))
          expect([...names]).toContain(r);
      }

      const source = parseYaml(readFileSync(join(corpus, dir, 'codefresh.yml'), 'utf8'), {
        merge: true,
        uniqueKeys: false,
      }) as Obj;
      const expected = buildsAndPushes(source.steps);
      const seen = { builds: 0, pushes: 0, tagsCompared: 0 };
      for (const e of expected) {
        const f = e.fields;
        const s = byId.get(e.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^(?=[^A-Za-z_])/, 's-'));
        expect(s, `${e.type} ${e.name}`).toBeDefined();
        expect(s!.uses).toBe(e.type === 'build' ? 'regkit/regkit/build@v1' : 'regkit/regkit/push@v1');
        const w = s!.with as Obj;
        seen[e.type === 'build' ? 'builds' : 'pushes']++;

        // The registry: the integration's own name, or none (the registries file's default).
        const pushes = e.type === 'push' || !['true', 'yes'].includes(String(f.disable_push).toLowerCase());
        if (!pushes) expect(w['disable-push']).toBe('true');
        else if (f.registry === undefined) {
          expect(w.registry).toBeUndefined();
          expect(registries?.default, 'a default registry for steps that name none').toBeDefined();
        } else if (/^[\w.-]+$/.test(f.registry)) expect(w.registry).toBe(f.registry);
        else expect([...names]).toContain(w.registry);

        // The image name, with variables filled in as each system fills them.
        const candidate = e.type === 'push' ? /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(String(f.candidate).trim()) : null;
        let imageName = f.image_name;
        if (e.type === 'push' && imageName === undefined) {
          imageName = candidate
            ? expected.find((b) => b.name === candidate[1])?.fields.image_name
            : String(f.candidate).replace(/:[^/:]*$/, '');
        }
        for (const branch of ['master', 'feature/Login-2']) {
          const values = codefreshValues(branch);
          expect(workflowText(w['image-name'], values), `${e.name} image name`).toBe(
            codefreshText(String(imageName).trim(), values),
          );

          // The tags: each that Codefresh could push (a valid Docker tag) is the tag regkit renders.
          const want = tagsOf(f).map((t) => codefreshText(t, values));
          const templates = templatesFromLines(workflowText(w.tags, values), 'tags');
          const dot = await tagVariables({
            env: githubEnv(branch),
            overrides: { CommitMessage: 'Release' },
            uses: fieldsRead(templates),
          });
          expect(templates.length, `${e.name} tags ${w.tags}`).toBe(want.length);
          want.forEach((t, i) => {
            // A tag Codefresh could not have pushed (empty, or a branch with "/") is not compared.
            if (!validTag(t)) return;
            seen.tagsCompared++;
            expect(renderTags([templates[i]], dot), `${e.name} tag ${tagsOf(f)[i]} on ${branch}`).toEqual([t]);
          });
          if (e.type === 'push') {
            const expectCandidate = candidate
              ? `\${{ steps.${candidate[1].replace(/[^A-Za-z0-9_-]+/g, '-')}.outputs.image }}`
              : codefreshText(String(f.candidate).trim(), values);
            expect(workflowText(w.candidate, values)).toBe(expectCandidate);
          }
        }
      }
      // Every step of the pipeline, nested ones too, has its line in the report.
      const tree = parseTree('codefresh.yml', readFileSync(join(corpus, dir, 'codefresh.yml'), 'utf8'));
      const stepLines = (m: YMap): number[] =>
        m.entries.flatMap((e) => {
          if (e.value.kind !== 'map') return [];
          const inner = e.value.entries.find((x) => x.key === 'steps')?.value;
          return [e.keyPos.line, ...(inner?.kind === 'map' ? stepLines(inner) : [])];
        });
      const top =
        tree.ok && tree.root.kind === 'map' ? tree.root.entries.find((e) => e.key === 'steps')?.value : undefined;
      for (const line of top?.kind === 'map' ? stepLines(top) : [])
        expect(result.text, `a report line for the step at line ${line}`).toMatch(
          new RegExp(`codefresh\\.yml:${line}:\\d+: `),
        );

      // regkit validate accepts the registries file once the variables its credentials name are set.
      if (registriesText) {
        const project = tempDir('codefresh-validate');
        for (const [path, content] of result.files) {
          mkdirSync(dirname(join(project, path)), { recursive: true });
          writeFileSync(join(project, path), content);
        }
        const env = Object.fromEntries([...registriesText.matchAll(/\$\{(\w+)\}/g)].map((m) => [m[1], 'x']));
        const validate = await runCli(['validate'], {
          cwd: project,
          env: { ...env, GITHUB_TOKEN: 'ghs_x', GITHUB_ACTOR: 'ann' },
        });
        expect(validate.stderr).toBe('');
        expect(validate.code).toBe(0);
      }

      // Nothing lost without the report saying so, and the report counts what it converted.
      expect(result.text).toContain(
        `Build steps: ${seen.builds} in the pipeline, ${seen.builds} converted. Push steps: ${seen.pushes} in the pipeline, ${seen.pushes} converted.`,
      );
      if (expected.length) expect(seen.tagsCompared).toBeGreaterThan(0);
    });
  }
});
