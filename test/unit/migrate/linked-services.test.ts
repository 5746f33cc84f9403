// A run step's linked services in the migrated workflow: started beside it on the job's network,
// dependencies first, with the service name and every link alias; their own settings; built once
// per job; gone after the step; started again for the next step. Paths as Codeship read them.
import { describe, expect, it } from 'vitest';
import { oneLine, project, type GhStep } from './project.js';

const script = (steps: GhStep[], name: string) => oneLine(steps.find((s) => s.name === name)!.run!).split('\n');
const started = (lines: string[]) => lines.filter((l) => /^svc_\w+=\$\(docker run -d /.test(l));

const SERVICES = [
  'app:',
  '  build: .',
  '  add_docker: true',
  '  links: [postgres:db, "search"]',
  '  depends_on: [migrate]',
  '  volumes_from: [data:ro]',
  'postgres:',
  '  image: postgres:9.6',
  '  environment: { POSTGRES_PASSWORD: pw }',
  '  links: [redis:cache]',
  'redis:',
  '  image: redis:7',
  '  command: redis-server --save ""',
  'search:',
  '  build: ./search',
  '  encrypted_env_file: search.env.encrypted',
  'migrate:',
  '  image: flyway',
  '  depends_on: [postgres]',
  'data:',
  '  image: busybox',
  '  volumes: [/artifacts, reports:/reports]',
  'lonely:',
  '  image: busybox',
  '',
].join('\n');

describe('services beside a run step', () => {
  it('starts every service reached through links, depends_on and volumes_from, dependencies first, under each name', async () => {
    const { wf, r } = await project({
      'codeship-services.yml': SERVICES,
      'codeship-steps.yml':
        '- name: unit\n  service: app\n  command: make test\n- name: again\n  service: app\n  command: make e2e\n- name: alone\n  service: lonely\n  command: "true"\n',
    });
    const job = Object.values(wf!.jobs)[0] as { env?: Record<string, string>; steps: GhStep[] };
    expect(job.env).toEqual({
      CODESHIP_NETWORK: expect.stringMatching(
        /^codeship-unit-\$\{\{ github\.run_id \}\}-\$\{\{ github\.run_attempt \}\}$/,
      ),
    });
    const unit = script(job.steps, 'unit');
    expect(unit[0]).toBe(
      'docker network inspect "$CODESHIP_NETWORK" >/dev/null 2>&1 || docker network create "$CODESHIP_NETWORK" >/dev/null',
    );
    expect(unit[2]).toMatch(
      /^trap 'docker ps -aq --filter "label=codeship-step=\$step" \| xargs -r docker rm -f -v >\/dev\/null' EXIT$/,
    );
    const up = started(unit);
    // redis before postgres (postgres links to it), postgres before migrate, all before app.
    expect(up.map((l) => /^svc_(\w+)=/.exec(l)![1])).toEqual(['redis', 'postgres', 'migrate', 'search', 'data']);
    expect(up[0]).toMatch(
      /--network "\$CODESHIP_NETWORK" --label "codeship-step=\$step" --network-alias redis --network-alias cache .* redis:7 redis-server --save ''\)$/,
    );
    expect(up[1]).toMatch(/--network-alias postgres --network-alias db .*-e POSTGRES_PASSWORD=pw postgres:9\.6\)$/);
    expect(up[3]).toMatch(
      /--network-alias search --env-file "\$RUNNER_TEMP\/codeship-env\/search\.env\.encrypted\.env" .*\$\{\{ steps\.build-search\.outputs\.image \}\}\)$/,
    );
    expect(up[4]).toMatch(/-v \/artifacts -v "\$GITHUB_WORKSPACE\/reports:\/reports" /);
    const main = unit[unit.length - 1];
    expect(main).toMatch(
      /^docker run --rm --network "\$CODESHIP_NETWORK" --label "codeship-step=\$step" --network-alias app -e CODESHIP_NETWORK -v \/var\/run\/docker\.sock:\/var\/run\/docker\.sock --volumes-from "\$svc_data:ro" .*\$\{\{ steps\.build-app\.outputs\.image \}\} make test$/,
    );
    // Started again for the next step, under that step's own label.
    const again = script(job.steps, 'again');
    expect(started(again)).toHaveLength(5);
    expect(again[1]).not.toBe(unit[1]);
    // A step that needs nothing stays off the network.
    expect(script(job.steps, 'alone')).toEqual([
      expect.stringMatching(/^docker run --rm -e CI_BRANCH .* busybox true$/),
    ]);
    // Images are built once per job, env files decrypted once; the network goes at the end whatever happened.
    expect(job.steps.filter((s) => s.uses?.endsWith('/build@v1')).map((s) => s.id)).toEqual([
      'build-search',
      'build-app',
    ]);
    expect(job.steps.filter((s) => s.name?.startsWith('Decrypt ')).map((s) => s.name)).toEqual([
      'Decrypt search.env.encrypted',
    ]);
    expect(job.steps.at(-1)).toMatchObject({ name: 'Remove the network of the Codeship services', if: 'always()' });
    expect(r.text).toMatch(
      /step `unit` \(app: make test\) → docker run, with redis, postgres, migrate, search, data started beside it on the job's network/,
    );
    expect(r.text).toMatch(
      /service `data`: volume `reports:\/reports` → the repository's `reports`, as Codeship read a bare name/,
    );
    expect(r.text).not.toMatch(/links|depends_on|volumes_from/);
  });

  it('reports links to services that do not exist, and dependency cycles', async () => {
    const { r } = await project({
      'codeship-services.yml':
        'app:\n  image: a\n  links: [dbb, b]\nb:\n  image: b\n  depends_on: [c]\nc:\n  image: c\n  links: [b]\ndb:\n  image: d\n',
      'codeship-steps.yml': '- service: app\n  command: x\n',
    });
    expect(r.text).toMatch(
      /codeship-services\.yml:3:11: service `app`: links `dbb` is not defined in codeship-services\.yml \(did you mean "db"\?\); it is not started/,
    );
    expect(r.text).toMatch(
      /codeship-services\.yml:4:1: service `b` depends on itself through links, depends_on or volumes_from/,
    );
  });

  it("reads paths relative to the services file's folder", async () => {
    const { steps } = await project(
      {
        'ci/codeship-services.yml':
          'app:\n  build:\n    path: ..\n    dockerfile: ci/Dockerfile\n  env_file: app.env\n  volumes: [deploy:/deploy, ./out:/out, /abs:/abs, "~/cache:/cache", not-a-path]\n',
        'codeship-steps.yml': '- service: app\n  command: x\n',
      },
      'ci/codeship-services.yml',
    );
    expect(steps.find((s) => s.id === 'build-app')!.with).toMatchObject({ context: '.', dockerfile: 'ci/Dockerfile' });
    const run = oneLine(steps.find((s) => s.run?.startsWith('docker run'))!.run!);
    expect(run).toContain(
      '-v "$GITHUB_WORKSPACE/ci/deploy:/deploy" -v "$GITHUB_WORKSPACE/ci/out:/out" -v /abs:/abs -v \'~/cache:/cache\' --env-file ci/app.env',
    );
    expect(run).not.toContain('not-a-path');
  });
});

describe('build args', () => {
  it('keep their templates; what only Codeship knew is filled in', async () => {
    const { steps, r } = await project({
      'codeship-services.yml':
        'app:\n  build:\n    image: acme/app\n    args:\n      VERSION: "{{ .Branch }}-{{ .CommitID }}"\n      WHO: "{{ .ServiceName | upper }} on {{.CiName}}"\n',
      'codeship-steps.yml': '- name: test\n  service: app\n  command: x\n',
    });
    expect(steps.find((s) => s.id === 'build-app')!.with!['build-args']).toBe(
      'VERSION={{ .Branch }}-{{ .CommitID }}\nWHO={{ "app" | upper }} on {{"codeship"}}',
    );
    expect(r.text).toMatch(/service `app`: \.ServiceName, \.CiName in build args filled in as Codeship rendered them/);
  });

  it('default_cache_branch without cached is reported, as it did nothing on Codeship either', async () => {
    const { steps, r } = await project({
      'codeship-services.yml': 'app:\n  build: .\n  default_cache_branch: develop\n',
      'codeship-steps.yml': '- service: app\n  command: x\n',
    });
    expect(steps.find((s) => s.id === 'build-app')!.with).toMatchObject({ cache: 'false' });
    expect(steps.find((s) => s.id === 'build-app')!.with!['default-cache-branch']).toBeUndefined();
    expect(r.text).toMatch(
      /codeship-services\.yml:3:3: service `app`: default_cache_branch has no effect without `cached: true`/,
    );
  });
});
