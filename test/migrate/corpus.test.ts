// Every one of the 40 real Codeship pairs in test/fixtures/codeship goes through `regkit migrate`:
// it converts (workflow accepted by GitHub's own parser, registries file accepted by
// regkit's loader, every `with:` an input of the action it names, every service a run step
// links to started beside it, no push step lost
// without a report line) or it fails with a report naming the file, line and problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/migrate/index.js';
import { parseRegistriesFile } from '../../src/registries-file/index.js';
import { workflowErrors } from '../harness/github-parser.js';
import { repoRoot } from '../harness/cli.js';

const corpus = join(repoRoot, 'test', 'fixtures', 'codeship');
const pairs = readdirSync(corpus)
  .filter((d) => existsSync(join(corpus, d, 'codeship-steps.yml')))
  .sort();
const INVALID_YAML: Record<string, string> = {
  wincus__ntopng_docker: 'codeship-steps.yml',
  clemenshelm__chillbill_recognizer: 'codeship-services.yml',
};

interface ActionMeta {
  inputs: Record<string, { required?: boolean; default?: string }>;
}
const actions: Record<string, ActionMeta> = {};
for (const [dir, sub] of [
  ['.', ''],
  ['build', '/build'],
  ['push', '/push'],
  ['promote', '/promote'],
  ['tag', '/tag'],
]) {
  actions[`regkit/regkit${sub}@v1`] = parseYaml(readFileSync(join(repoRoot, dir, 'action.yml'), 'utf8')) as ActionMeta;
}

type GhStep = { uses?: string; with?: Record<string, unknown>; run?: string; if?: unknown };
type Raw = Record<string, any>;
let linkedSteps = 0;

// Read here from the files, independently of the migration's own reader.
function codeshipServices(root: Raw): Map<string, Raw> {
  const nested =
    root.services &&
    typeof root.services === 'object' &&
    (root.version || Object.values(root.services).every((v) => v && typeof v === 'object'));
  return new Map(
    Object.entries((nested ? root.services : root) as Raw).filter(
      ([k, v]) => k !== 'version' && v && typeof v === 'object',
    ),
  );
}
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v && typeof v === 'object' ? Object.keys(v) : [];
function closure(service: string, services: Map<string, Raw>): string[] {
  const seen = new Set<string>([service]);
  const visit = (name: string) => {
    const s = services.get(name) ?? {};
    const deps = [
      ...names(s.links),
      ...names(s.depends_on),
      ...names(s.volumes_from).filter((n) => !n.startsWith('container:')),
    ].map((n) => n.split(':')[0]);
    for (const d of deps) {
      if (!services.has(d) || seen.has(d)) continue;
      seen.add(d);
      visit(d);
    }
  };
  visit(service);
  seen.delete(service);
  return [...seen];
}
/** The services of the run steps in a steps file (groups pass `service` / `services` down). */
function runServices(node: unknown, inherited: string[]): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => runServices(n, inherited));
  if (!node || typeof node !== 'object') return [];
  const n = node as Raw;
  const svc = n.service ? [String(n.service)] : Array.isArray(n.services) ? n.services.map(String) : inherited;
  const onFail = runServices(n.on_fail ?? [], svc);
  if (n.steps) return [...runServices(n.steps, svc), ...onFail];
  return [...((n.type ?? 'run') === 'run' ? svc : []), ...onFail];
}
/** The service of a run step's own container and the services started beside it (by their first network alias). */
function started(run: string): { main?: string; beside: string[] } {
  const lines = run.replace(/ \\\n\s*/g, ' ').split('\n');
  const alias = (l: string) => /--network-alias '?([^\s']+)'?/.exec(l)?.[1];
  return {
    main: alias(lines.find((l) => l.startsWith('docker run --rm')) ?? ''),
    beside: lines.filter((l) => /^svc_\w+=\$\(docker run -d /.test(l)).map((l) => alias(l)!),
  };
}

describe('the Codeship corpus', () => {
  it('has the 40 pairs', () => expect(pairs).toHaveLength(40));

  for (const pair of pairs) {
    it(pair, async () => {
      const result = migrate({ cwd: join(corpus, pair), name: 'codeship' });
      const invalid = INVALID_YAML[pair.replace(/[-.]/g, '_')];
      const report = result.files.get('MIGRATION.md')!;
      expect(report).toBe(result.text);
      if (invalid) {
        expect(result.ok).toBe(false);
        expect(report).toMatch(new RegExp(`${invalid.replace('.', '\\.')}:\\d+:\\d+: not valid YAML: \\S`));
        expect([...result.files.keys()]).toEqual(['MIGRATION.md']);
        return;
      }
      expect(result.ok).toBe(true);

      const workflowText = result.files.get('.github/workflows/codeship.yml')!;
      expect(await workflowErrors('codeship.yml', workflowText)).toEqual([]);
      const workflow = parseYaml(workflowText) as {
        jobs: Record<string, { steps: GhStep[]; needs?: string | string[] }>;
      };

      const registriesText = result.files.get('.github/registries.yml');
      const registryNames = new Set<string>();
      if (registriesText)
        for (const r of parseRegistriesFile(registriesText, '.github/registries.yml').registries)
          registryNames.add(r.name);

      let pushes = 0;
      for (const [id, job] of Object.entries(workflow.jobs)) {
        for (const n of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs), `${id} needs ${n}`).toContain(n);
        for (const step of job.steps) {
          if (step.run?.includes('.github/codeship/'))
            expect([...result.files.keys()]).toContain(/(\.github\/codeship\/[\w.-]+)/.exec(step.run)![1]);
          if (!step.uses?.startsWith('regkit/')) continue;
          const meta = actions[step.uses];
          expect(meta, step.uses).toBeDefined();
          for (const key of Object.keys(step.with ?? {}))
            expect(Object.keys(meta.inputs), `${step.uses} input ${key}`).toContain(key);
          for (const [key, input] of Object.entries(meta.inputs))
            if (input.required) expect(step.with?.[key], `${step.uses} needs ${key}`).toBeTruthy();
          if (step.with?.registry) expect([...registryNames]).toContain(step.with.registry);
          if (step.uses.includes('/push@')) pushes++;
        }
      }
      // Every service a run step reaches through links, depends_on and volumes_from is started beside it.
      const services = codeshipServices(
        parseYaml(readFileSync(join(corpus, pair, 'codeship-services.yml'), 'utf8'), { merge: true }),
      );
      const stepsFile = parseYaml(readFileSync(join(corpus, pair, 'codeship-steps.yml'), 'utf8'), { merge: true });
      const scripts = Object.values(workflow.jobs)
        .flatMap((j) => j.steps)
        .flatMap((s) => (s.run ? [started(s.run)] : []));
      for (const service of new Set(runServices(stepsFile, []).filter((n) => services.has(n)))) {
        const needed = closure(service, services);
        if (!needed.length) continue;
        linkedSteps++;
        const mine = scripts.filter((s) => s.main === service);
        expect(mine.length, `run steps of ${service}`).toBeGreaterThan(0);
        for (const s of mine)
          expect(s.beside, `services started beside ${service}`).toEqual(expect.arrayContaining(needed));
      }
      // No push step disappears without a line saying so.
      const inFile = Number(/Push steps: (\d+) in the steps file, (\d+) converted/.exec(report)![1]);
      expect(Number(/Push steps: (\d+) in the steps file, (\d+) converted/.exec(report)![2])).toBe(pushes);
      const lost = (report.match(/push step not converted/g) ?? []).length;
      expect(pushes + lost).toBe(inFile);
    });
  }

  // Services of run steps that reach others, over all pairs: each one checked above.
  it('has run steps with linked services to check', () => expect(linkedSteps).toBe(19));

  it('reports the `iamge_tag` typo with its line and a did-you-mean', () => {
    const r = migrate({ cwd: join(corpus, 'adam-golab__example-hello-world-for-rancher'), name: 'codeship' });
    expect(r.text).toMatch(
      /codeship-steps\.yml:5:3: step: unknown key `iamge_tag` \(did you mean "image_tag"\?\); ignored as Codeship ignores it; the push uses Codeship's default tag `latest`/,
    );
  });

  it('reports a push step whose service is missing, and does not count it as converted', () => {
    const r = migrate({ cwd: join(corpus, 'Civitium__docker-alpine-wkhtmltopdf'), name: 'codeship' });
    expect(r.text).toMatch(
      /codeship-steps\.yml:2:12: step `deploy`: service `docker_pgbouncer` is not defined in codeship-services\.yml; push step not converted/,
    );
    expect(r.text).toMatch(/Push steps: 1 in the steps file, 0 converted, \*\*1 not converted\*\*/);
  });

  it('reports misplaced keys: `cache` for `cached`, `cached` under build, `cached` on a step', () => {
    expect(migrate({ cwd: join(corpus, 'keplergl__kepler.gl-tableau'), name: 'c' }).text).toMatch(
      /codeship-services\.yml:8:3: service `kepler_prod`: unknown key `cache` \(did you mean "cached"\?\)/,
    );
    expect(migrate({ cwd: join(corpus, 'sil-org__idp-id-sync'), name: 'c' }).text).toMatch(
      /codeship-services\.yml:5:9: `cached` under `build:` is a service field/,
    );
    expect(migrate({ cwd: join(corpus, 'fritzlabs__swift-framework'), name: 'c' }).text).toMatch(
      /codeship-steps\.yml:5:3: step `ios_docs_build`: unknown key `cached` — `cached` is a service field/,
    );
  });

  it('names the parser position of invalid YAML', () => {
    const r = migrate({ cwd: join(corpus, 'wincus__ntopng-docker'), name: 'codeship' });
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(
      /codeship-steps\.yml:5:1: not valid YAML: A block sequence may not be used as an implicit map key/,
    );
    const s = migrate({ cwd: join(corpus, 'clemenshelm__chillbill-recognizer'), name: 'codeship' });
    expect(s.text).toMatch(/codeship-services\.yml:7:10: not valid YAML: Nested mappings are not allowed/);
  });
});
