// Small Codeship projects written to a temporary folder and migrated; outputs checked by reading them back.
import { describe, expect, it } from 'vitest';
import { oneLine, project } from './project.js';

describe('services files', () => {
  it('reads Compose style (`version` + `services:`) from docker-compose.yml when there is no codeship-services.yml', async () => {
    const { r, steps } = await project({
      'docker-compose.yml':
        'version: "3"\nservices:\n  app:\n    image: busybox\n    environment:\n      - A=1\n      - B\nvolumes:\n  data: {}\n',
      'codeship-steps.json': '[{"service": "app", "command": "echo hi"}]',
    });
    expect(r.ok).toBe(true);
    expect(r.text).toMatch(/docker-compose\.yml:8:1: top-level `volumes:` of a Compose file is not used by Codeship/);
    expect(oneLine(steps.find((s) => s.run)!.run!)).toMatch(/-e A=1 -e B busybox echo hi$/);
  });

  it('reads anchors and merge keys in the services file', async () => {
    const { steps } = await project({
      'codeship-services.yml':
        'x-base: &base\n  image: alpine:3\n  working_dir: /src\napp:\n  <<: *base\n  working_dir: /app\n',
      'codeship-steps.yml': '- service: app\n  command: pwd\n',
    });
    expect(oneLine(steps.find((s) => s.run)!.run!)).toMatch(/-w \/app .* alpine:3 pwd$/);
  });
});

describe('steps', () => {
  it('carries group filters down; exclude wins; values with ^ or $ are regexps', async () => {
    const { wf, r } = await project({
      'codeship-services.yml': 'app:\n  image: busybox\n',
      'codeship-steps.yml': [
        '- type: serial',
        '  tag: ^(master|release/.*)$',
        '  steps:',
        '    - service: app',
        '      exclude: release/old',
        '      command: "true"',
        '',
      ].join('\n'),
    });
    const job = Object.values(wf!.jobs)[0];
    const filter = job.steps.find((s) => s.id === 'branch')!;
    expect(JSON.parse((filter as { env: { FILTERS: string } }).env.FILTERS)).toEqual({
      'master-release': ['^(?:master|release\\/[^\\n]*)$', 'u'],
      'release-old': ['^release\\/old$', 'u'],
    });
    expect(job.steps.at(-1)!.if).toBe(
      "steps.branch.outputs.master-release == 'true' && steps.branch.outputs.release-old != 'true'",
    );
    expect(r.text).toMatch(/codeship-steps\.yml:2:8: tag `\^\(master\|release\/\.\*\)\$` \(Go regexp, searched/);
  });

  it('keeps a push under a filter Go rejects, with if: false and an error line', async () => {
    const { steps, r } = await project({
      'codeship-services.yml': 'app:\n  build: .\n',
      'codeship-steps.yml': '- service: app\n  type: push\n  tag: ^(?!master)\n  image_name: acme/app\n',
    });
    const push = steps.find((s) => s.uses?.endsWith('/push@v1'))!;
    expect(push.if).toBe(false);
    expect(r.text).toMatch(/codeship-steps\.yml:3:8: tag `\^\(\?!master\)`: Go's regexp rejects it \(lookaround/);
  });

  it('turns a parallel group into jobs that the next steps need, and a manual group into an environment job', async () => {
    const { wf } = await project({
      'codeship-services.yml': 'app:\n  image: busybox\n',
      'codeship-steps.yml': [
        '- type: parallel',
        '  steps:',
        '    - {name: lint, service: app, command: "true"}',
        '    - {name: test, service: app, command: "true"}',
        '- {name: after, service: app, command: "true"}',
        '- type: manual',
        '  steps:',
        '    - {name: deploy, service: app, command: "true"}',
        '',
      ].join('\n'),
    });
    expect(Object.keys(wf!.jobs)).toEqual(['lint', 'test', 'after', 'manual']);
    expect(wf!.jobs.after.needs).toEqual(['lint', 'test']);
    expect(wf!.jobs.manual).toMatchObject({ needs: 'after', environment: 'codeship-manual' });
  });

  it('runs on_fail steps only when their step failed', async () => {
    const { steps } = await project({
      'codeship-services.yml': 'app:\n  image: busybox\n',
      'codeship-steps.yml':
        '- name: test\n  service: app\n  command: "false"\n  on_fail:\n    - service: app\n      command: echo failed\n',
    });
    const test = steps.find((s) => s.name === 'test')!;
    expect(test.id).toBeTruthy();
    expect(steps.find((s) => s.run?.endsWith('echo failed'))!.if).toBe(
      `failure() && steps.${test.id}.outcome == 'failure'`,
    );
  });

  it('reports a typo in a step type and a step naming a missing service', async () => {
    const { r } = await project({
      'codeship-services.yml': 'app:\n  image: busybox\n',
      'codeship-steps.yml': '- service: ap\n  command: "true"\n- type: paralel\n  steps: []\n',
    });
    expect(r.text).toMatch(
      /codeship-steps\.yml:1:12: step: service `ap` is not defined in codeship-services\.yml \(did you mean "app"\?\)/,
    );
    expect(r.text).toMatch(/codeship-steps\.yml:3:9: step: unknown step type `paralel` \(did you mean "parallel"\?\)/);
  });
});

describe('builds, runs and pushes', () => {
  it('builds with args, encrypted args and cache; runs argv with entrypoint, docker socket and volumes', async () => {
    const { steps, r } = await project({
      'codeship-services.yml': [
        'app:',
        '  build:',
        '    context: ./src',
        '    dockerfile_path: docker/Dockerfile.ci',
        '    args:',
        '      VERSION: "1.{{ .Branch }}"',
        '    encrypted_args: QUJD',
        '  cached: true',
        '  default_cache_branch: develop',
        '  add_docker: true',
        '  entrypoint: npm run',
        '  volumes:',
        '    - ./tmp:/out',
        '    - data:/data',
        '',
      ].join('\n'),
      'codeship-steps.yml': `- service: app\n  command: test -- --grep 'a b'\n`,
    });
    const build = steps.find((s) => s.uses?.endsWith('/build@v1'))!;
    expect(build.with).toMatchObject({
      context: 'src',
      dockerfile: 'src/docker/Dockerfile.ci',
      'build-args': 'VERSION=1.{{ .Branch }}',
      cache: 'actions',
      'default-cache-branch': 'develop',
      'encrypted-build-args': '.github/codeship/app.build-args.encrypted',
      'disable-push': 'true',
      'aes-key': '${{ secrets.CODESHIP_AES_KEY }}',
    });
    expect(r.files.get('.github/codeship/app.build-args.encrypted')).toBe('QUJD\n');
    const run = steps.find((s) => s.run?.startsWith('docker run'))!.run!;
    expect(run).toContain('--entrypoint npm');
    expect(run).toContain('-v /var/run/docker.sock:/var/run/docker.sock');
    expect(run).toContain('-v "$GITHUB_WORKSPACE/tmp:/out"');
    // A bare name is a folder of the repository, as Codeship read it, not a named volume.
    expect(run).toContain('-v "$GITHUB_WORKSPACE/data:/data"');
    expect(r.text).toMatch(
      /codeship-services\.yml:1:1: service `app`: volume `data:\/data` → the repository's `data`, as Codeship read a bare name/,
    );
    expect(r.files.get('.github/registries.yml')).toBeUndefined();
    expect(run).toMatch(/\$\{\{ steps\.build-app\.outputs\.image \}\} \\\n\s+run test -- --grep 'a b'$/);
  });

  it('pushes with image_tag unchanged; uses the tag action for .ServiceName', async () => {
    const { steps, integrations } = await project({
      'codeship-services.yml': 'app:\n  build: .\n',
      'codeship-steps.yml': [
        '- service: app',
        '  type: push',
        '  image_name: quay.io/acme/app',
        '  image_tag: "{{ .Branch }}-{{ .CommitID }}"',
        '  encrypted_dockercfg_path: dockercfg.encrypted',
        '- name: svc',
        '  service: app',
        '  type: push',
        '  image_name: quay.io/acme/app',
        '  image_tag: "{{.ServiceName}}.{{.Branch}}"',
        '  encrypted_dockercfg_path: dockercfg.encrypted',
        '',
      ].join('\n'),
    });
    const pushes = steps.filter((s) => s.uses?.endsWith('/push@v1'));
    expect(pushes[0].with).toMatchObject({
      candidate: '${{ steps.build-app.outputs.image }}',
      registry: 'quay',
      'image-name': 'acme/app',
      tags: '{{ .Branch }}-{{ .CommitID }}',
    });
    const tag = steps.find((s) => s.uses?.endsWith('/tag@v1'))!;
    expect(tag.with).toMatchObject({
      templates: '{{.ServiceName}}.{{.Branch}}',
      'service-name': 'app',
      'step-name': 'svc',
      'image-name': 'acme/app',
    });
    expect(pushes[1].with!.tags).toBe(`\${{ steps.${tag.id}.outputs.tags }}`);
    expect(integrations!.registries.map((r) => [r.name, r.provider, r.credentials])).toEqual([
      ['quay', 'quay', { encrypted_dockercfg: 'dockercfg.encrypted' }],
    ]);
  });
});

describe('registry names', () => {
  it('names a registry on an address after the address, not one of its digits', async () => {
    const { integrations, steps } = await project({
      'codeship-services.yml': 'app:\n  build: .\n',
      'codeship-steps.yml': [
        '- service: app',
        '  type: push',
        '  registry: 127.0.0.1:5999',
        '  image_name: 127.0.0.1:5999/acme/app',
        '  encrypted_dockercfg_path: dockercfg.encrypted',
        '',
      ].join('\n'),
    });
    expect(integrations!.registries.map((r) => [r.name, r.domain])).toEqual([
      ['registry-127-0-0-1-5999', '127.0.0.1:5999'],
    ]);
    expect(steps.find((s) => s.uses?.endsWith('/push@v1'))!.with!.registry).toBe('registry-127-0-0-1-5999');
  });
});

describe('registries from dockercfg generators', () => {
  it("maps each Codeship generator to its provider with the generator's encrypted env file", async () => {
    const gens = {
      aws: 'codeship/aws-ecr-dockercfg-generator',
      gcr: 'codeship/gcr-dockercfg-generator',
      az: 'codeship/azure-dockercfg-generator',
      ibm: 'codeship/ibm-bluemix-dockercfg-generator',
      gen: 'codeship/dockercfg-generator',
    };
    const images = {
      aws: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app',
      gcr: 'eu.gcr.io/proj/app',
      az: 'acme.azurecr.io/app',
      ibm: 'us.icr.io/ns/app',
      gen: 'registry.example.com/app',
    };
    const services = [
      'app:\n  build: .\n',
      ...Object.entries(gens).map(
        ([k, img]) => `${k}:\n  image: ${img}\n  add_docker: true\n  encrypted_env_file: ${k}.env.encrypted\n`,
      ),
    ].join('');
    const steps = Object.keys(gens)
      .map(
        (k) =>
          `- service: app\n  type: push\n  image_name: ${images[k as keyof typeof images]}\n  dockercfg_service: ${k}\n`,
      )
      .join('');
    const { integrations, r } = await project({ 'codeship-services.yml': services, 'codeship-steps.yml': steps });
    const got = Object.fromEntries(
      integrations!.registries.map((x) => [
        x.provider,
        { domain: x.domain, env: x.envFile, credentials: x.credentials },
      ]),
    );
    expect(got).toEqual({
      ecr: {
        domain: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
        env: 'aws.env.encrypted',
        credentials: { aws: {} },
      },
      gcr: {
        domain: 'eu.gcr.io',
        env: 'gcr.env.encrypted',
        credentials: { google: { json_key: '${GOOGLE_AUTH_JSON}' } },
      },
      acr: {
        domain: 'acme.azurecr.io',
        env: 'az.env.encrypted',
        credentials: { azure: { client_id: '${AZURE_USERNAME}', client_secret: '${AZURE_PASSWORD}' } },
      },
      ibm: { domain: 'us.icr.io', env: 'ibm.env.encrypted', credentials: { ibm: { apikey: '${BLUEMIX_API_KEY}' } } },
      other: {
        domain: 'registry.example.com',
        env: 'gen.env.encrypted',
        credentials: { username: '${DOCKER_USERNAME}', password: '${DOCKER_PASSWORD}' },
      },
    });
    expect(r.text).toMatch(/AZURE_USERNAME\/AZURE_PASSWORD; regkit signs in to ACR as a service principal/);
  });

  it('recommends the keyless form after the ECR, GCR and Azure generators, without writing it into the file', async () => {
    const gens = {
      aws: 'codeship/aws-ecr-dockercfg-generator',
      gcr: 'codeship/gcr-dockercfg-generator',
      az: 'codeship/azure-dockercfg-generator',
      gen: 'codeship/dockercfg-generator',
    };
    const images = {
      aws: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app',
      gcr: 'eu.gcr.io/proj/app',
      az: 'acme.azurecr.io/app',
      gen: 'registry.example.com/app',
    };
    const services = [
      'app:\n  build: .\n',
      ...Object.entries(gens).map(([k, img]) => `${k}:\n  image: ${img}\n  encrypted_env_file: ${k}.env.encrypted\n`),
    ].join('');
    const steps = Object.keys(gens)
      .map(
        (k) =>
          `- service: app\n  type: push\n  image_name: ${images[k as keyof typeof images]}\n  dockercfg_service: ${k}\n`,
      )
      .join('');
    const { integrations, r } = await project({ 'codeship-services.yml': services, 'codeship-steps.yml': steps });
    const lines = r.text.split('\n').filter((l) => l.includes('recommended next step, no stored cloud key'));
    expect(lines).toHaveLength(3);
    const about = (what: string) => lines.find((l) => l.includes(what))!;
    expect(about('registry `ecr-eu-west-1`')).toContain(
      'registry `ecr-eu-west-1` (123456789012.dkr.ecr.eu-west-1.amazonaws.com) with aws credentials and env_file aws.env.encrypted; recommended next step, no stored cloud key: `credentials: { aws: { role: arn:aws:iam::123456789012:role/<role GitHub may assume> } }` with `permissions: id-token: write` in the workflow, then delete aws.env.encrypted (regkit\'s docs/login.md, "Keyless logins")',
    );
    expect(about('eu.gcr.io')).toContain(
      "`credentials: { google: { workload_identity_provider: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>, service_account: <the key's service account> } }`",
    );
    expect(about('acme.azurecr.io')).toContain(
      "a service principal's id and secret; recommended next step, no stored cloud key: `credentials: { azure: { tenant_id: <directory id>, client_id: <app with a federated credential> } }`",
    );
    // The generated file keeps what works today.
    expect(integrations!.registries.find((x) => x.provider === 'ecr')!.credentials).toEqual({ aws: {} });
  });

  it("reports a generator whose provider does not fit the image's registry", async () => {
    const { r } = await project({
      'codeship-services.yml': 'app:\n  build: .\naws:\n  image: codeship/aws-ecr-dockercfg-generator\n',
      'codeship-steps.yml': '- service: app\n  type: push\n  image_name: quay.io/a/b\n  dockercfg_service: aws\n',
    });
    expect(r.text).toMatch(
      /codeship-steps\.yml:4:22: dockercfg_service `aws` runs codeship\/aws-ecr-dockercfg-generator, which logs in to ecr, but the image goes to quay\.io/,
    );
  });
});

describe('credentials on run steps', () => {
  it('make a registry for the step image they fit, and are reported when they fit none', async () => {
    const { integrations, r } = await project({
      'codeship-services.yml':
        'tool:\n  image: quay.io/acme/tool\nbuilt:\n  build: .\naws:\n  image: codeship/aws-ecr-dockercfg-generator\n  encrypted_env_file: aws.env.encrypted\n',
      'codeship-steps.yml': [
        '- service: tool',
        '  command: run',
        '  encrypted_dockercfg_path: quay.encrypted',
        '- type: serial',
        '  dockercfg_service: aws',
        '  steps:',
        '    - service: built',
        '      command: make',
        '',
      ].join('\n'),
    });
    expect(integrations!.registries.map((x) => [x.name, x.credentials])).toEqual([
      ['quay', { encrypted_dockercfg: 'quay.encrypted' }],
    ]);
    expect(r.text).toMatch(
      /codeship-steps\.yml:5:22: dockercfg_service `aws` serves only pulls of images whose registry the files do not name/,
    );
  });
});

describe('credentials a file already ties to a registry', () => {
  it("are not guessed to be Docker Hub's when a run step names the same file", async () => {
    const { integrations, r } = await project({
      'codeship-services.yml': 'app:\n  build: .\ntool:\n  image: busybox\n',
      'codeship-steps.yml': [
        '- service: app',
        '  command: make',
        '  encrypted_dockercfg_path: dockercfg.encrypted',
        '- service: tool',
        '  command: "true"',
        '  encrypted_dockercfg_path: dockercfg.encrypted',
        '- service: app',
        '  type: push',
        '  image_name: quay.io/acme/app',
        '  encrypted_dockercfg_path: dockercfg.encrypted',
        '',
      ].join('\n'),
    });
    expect(integrations!.registries.map((x) => [x.name, x.provider])).toEqual([['quay', 'quay']]);
    expect(r.text).toMatch(
      /codeship-steps\.yml:6:29: encrypted_dockercfg_path dockercfg\.encrypted serves quay\.io; the step's image busybox is pulled without it — if it holds the login for docker\.io too, add a registry/,
    );
  });

  it('an unknown generator runs as a step writing a dockercfg that its registry reads; never an anonymous primary', async () => {
    const { integrations, r, wf } = await project({
      'codeship-services.yml':
        'app:\n  build: .\nmine:\n  image: acme/my-dockercfg-generator\n  encrypted_env_file: creds.env.encrypted\n',
      'codeship-steps.yml': [
        '- service: app',
        '  type: push',
        '  image_name: acme/app',
        '  dockercfg_service: mine',
        '- service: app',
        '  type: push',
        '  image_name: acme/app',
        '  encrypted_dockercfg_path: hub.encrypted',
        '',
      ].join('\n'),
    });
    expect(integrations!.registries.map((x) => [x.name, x.credentials, x.primary])).toEqual([
      ['dockerhub', { dockercfg: '${RUNNER_TEMP}/codeship-dockercfg/mine/dockercfg' }, true],
      ['dockerhub-2', { encrypted_dockercfg: 'hub.encrypted' }, false],
    ]);
    const steps = Object.values(wf!.jobs)[0].steps;
    const gen = steps.findIndex((s) => s.name === 'Generate registry credentials with mine');
    expect(gen).toBeGreaterThan(0);
    expect(steps[gen + 1].name).toBe('Log in to the registries');
    expect(oneLine(steps[gen].run!)).toMatch(
      /node \.github\/codeship\/decrypt-env\.cjs creds\.env\.encrypted .*\ndocker run --rm --env-file "\$RUNNER_TEMP\/codeship-env\/creds\.env\.encrypted\.env" .* -v "\$RUNNER_TEMP\/codeship-dockercfg\/mine:\/opt\/data" acme\/my-dockercfg-generator \/opt\/data\/dockercfg$/,
    );
    expect(r.text).toMatch(
      /dockercfg_service `mine` \(acme\/my-dockercfg-generator\) is not one of Codeship's generators: it runs as a step before the login/,
    );
  });

  it('a registry without credentials is never primary over one with them', async () => {
    const { integrations, r } = await project({
      'codeship-services.yml': 'app:\n  build: .\n',
      'codeship-steps.yml': [
        '- service: app',
        '  type: push',
        '  image_name: acme/app',
        '- service: app',
        '  type: push',
        '  image_name: acme/app',
        '  encrypted_dockercfg_path: hub.encrypted',
        '',
      ].join('\n'),
    });
    expect(integrations!.registries.map((x) => [x.name, x.primary])).toEqual([
      ['dockerhub', false],
      ['dockerhub-2', true],
    ]);
    // What only the user can do comes first in the report.
    const before = r.text.slice(
      r.text.indexOf('## Before the first run'),
      r.text.indexOf('\n## ', r.text.indexOf('## Before the first run') + 5),
    );
    expect(before).toMatch(
      /codeship-steps\.yml:1:3: no encrypted_dockercfg_path or dockercfg_service gives credentials for docker\.io: registry `dockerhub` has none — add them/,
    );
  });
});

describe('branch filters that decide nothing', () => {
  it('a step with tag X in a group with exclude X never runs, and says so; a pinned name decides the others', async () => {
    const { wf, r } = await project({
      'codeship-services.yml': 'app:\n  image: busybox\n',
      'codeship-steps.yml': [
        '- type: serial',
        '  exclude: master',
        '  steps:',
        '    - name: never',
        '      service: app',
        '      tag: master',
        '      command: "true"',
        '    - name: pinned',
        '      service: app',
        '      tag: release',
        '      command: "true"',
        '- name: everything',
        '  service: app',
        '  tag: ^.*$',
        '  command: "true"',
        '',
      ].join('\n'),
    });
    const steps = Object.values(wf!.jobs).flatMap((j) => j.steps);
    expect(steps.find((s) => s.name === 'never')!.if).toBe(false);
    expect(steps.find((s) => s.name === 'pinned')!.if).toMatch(/^steps\.branch\.outputs\.release == 'true'$/);
    expect(steps.find((s) => s.name === 'everything')!.if).toBeUndefined();
    expect(r.text).toMatch(
      /codeship-steps\.yml:4:7: step `never`: its filters never all hold \(tag and exclude `master`\); Codeship never ran it/,
    );
    expect(r.text).toMatch(
      /codeship-steps\.yml:12:3: step `everything`: its filters hold for every branch and tag name, so it runs on every push/,
    );
  });
});

describe('missing input', () => {
  it('fails with a report when there is no services file', async () => {
    const { r } = await project({ 'codeship-steps.yml': '- service: app\n  command: x\n' });
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(
      /no services file: looked for codeship-services\.yml, codeship-services\.yaml, codeship-services\.json, docker-compose\.yml/,
    );
  });
});
