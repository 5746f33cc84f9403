// The login action without stored cloud keys: @actions/core asks the local GitHub OIDC
// issuer for tokens, each cloud's stand-in trades them, the real docker client pulls and
// pushes with what the action wrote, and every token was masked before anything printed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, secretLeaks, type ActionResult } from '../harness/action.js';
import { startDockerd, baseImage, dockerOk, dockerConfig, type Dockerd } from '../env/dockerd.js';
import { tempDir } from '../env/processes.js';
import { CONNECTION, ROLE, SA, SECRETS, startStand, WIP, type Stand } from '../integration/keyless/stand.js';
import { basicAuth, readConfig, workspace } from './login-fixture.js';

let s: Stand;
let d: Dockerd;
let base: string;
beforeAll(async () => {
  [s, d] = await Promise.all([startStand(), startDockerd()]);
  base = await baseImage(d);
});
afterAll(() => s?.stop());

const ECR = '111122223333.dkr.ecr.us-east-1.amazonaws.com';
const ECR_EU = '111122223333.dkr.ecr.eu-west-1.amazonaws.com';
const GAR = 'europe-docker.pkg.dev';

function files(): string {
  return workspace([
    { name: 'prod', provider: 'ecr', domain: ECR, credentials: { aws: { role: ROLE } } },
    { name: 'prod-eu', provider: 'ecr', domain: ECR_EU, credentials: { aws: { region: 'eu-west-1', role: ROLE } } },
    {
      name: 'gar',
      provider: 'gar',
      domain: GAR,
      credentials: { google: { workload_identity_provider: WIP, service_account: SA } },
    },
    { name: 'hub', provider: 'dockerhub', credentials: { dockerhub: { username: 'acme', connection_id: CONNECTION } } },
  ]);
}

/** Each secret first shows up in its own `::add-mask::` line: it was masked before anything could print it. */
function maskedFirst(r: ActionResult, secrets: string[]): string[] {
  return secrets.filter((secret) => {
    const first = r.stdout.indexOf(secret);
    return first < 0 || r.stdout.lastIndexOf('::add-mask::', first) !== first - '::add-mask::'.length;
  });
}

describe('login action, keyless', () => {
  it('logs in to ECR, GAR and Docker Hub with GitHub tokens only; docker pulls and pushes with what it wrote', async () => {
    const cfgDir = tempDir('docker-config');
    const ghBefore = s.gh.issued.length;
    const r = await runAction('login', {
      cwd: files(),
      inputs: { verify: false },
      env: { ...s.env, DOCKER_CONFIG: cfgDir, GITHUB_RUN_ID: '4242' },
      post: 'later',
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);

    const issued = s.gh.issued.slice(ghBefore);
    expect(issued.map((t) => t.audience).sort()).toEqual([
      `https://iam.googleapis.com/${WIP}`,
      'https://identity.docker.com',
      'sts.amazonaws.com',
    ]);
    expect(s.sts.calls.at(-1)).toMatchObject({ role: ROLE, sessionName: 'regkit-4242', status: 200 });
    const ecr = { auth: basicAuth('AWS', SECRETS.ecrPassword) };
    const gar = { auth: basicAuth('oauth2accesstoken', SECRETS.saToken) };
    const hub = { auth: basicAuth('acme', SECRETS.hubToken) };
    expect(readConfig(cfgDir).auths).toEqual({
      [ECR]: ecr,
      [ECR_EU]: ecr,
      [GAR]: gar,
      'https://index.docker.io/v1/': hub,
    });
    expect(JSON.parse(r.outputs.registries)).toEqual([
      { name: 'prod', domain: ECR, username: 'AWS' },
      { name: 'prod-eu', domain: ECR_EU, username: 'AWS' },
      { name: 'gar', domain: GAR, username: 'oauth2accesstoken' },
      { name: 'hub', domain: 'docker.io', username: 'acme' },
    ]);
    expect(r.summary).toContain(
      `| gar | ${GAR} | oauth2accesstoken | Google service account ${SA} (keyless) | no (verify: false) |`,
    );

    const secrets = [
      ...issued.map((t) => t.token),
      s.google.issued.at(-1)!,
      SECRETS.stsSecret,
      SECRETS.stsSession,
      SECRETS.ecrPassword,
      SECRETS.saToken,
      SECRETS.hubToken,
      ecr.auth,
      gar.auth,
      hub.auth,
    ];
    expect(secretLeaks(r, secrets)).toEqual({ printed: [], unmasked: [] });
    expect(maskedFirst(r, secrets)).toEqual([]);

    // The registry knows these accounts: each credential the action wrote pulls and pushes there.
    const decoded = (auth: string) => {
      const text = Buffer.from(auth, 'base64').toString();
      return { username: text.slice(0, text.indexOf(':')), password: text.slice(text.indexOf(':') + 1) };
    };
    const written = readConfig(cfgDir).auths!;
    for (const [name, domain] of [
      ['ecr', ECR],
      ['gar', GAR],
      ['hub', 'https://index.docker.io/v1/'],
    ]) {
      const config = dockerConfig({ [s.registry.host]: decoded(written[domain].auth) });
      const ref = `${s.registry.host}/team/keyless-${name}:1`;
      await dockerOk(d, ['tag', base, ref]);
      await dockerOk(d, ['push', ref], { config });
      await dockerOk(d, ['rmi', ref]);
      await dockerOk(d, ['pull', ref], { config });
    }

    const post = await r.runPost!();
    expect(post.code).toBe(0);
  });

  it('without id-token: write, fails with one line saying which permission to add', async () => {
    const before = s.sts.calls.length + s.google.calls.length + s.identity.calls.length;
    const r = await runAction('login', {
      cwd: files(),
      inputs: { registries: 'gar', verify: false },
      env: {
        ...s.env,
        ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
        DOCKER_CONFIG: tempDir('docker-config'),
      },
      post: false,
    });
    expect(r.code).not.toBe(0);
    expect(r.errors).toEqual([
      'registry gar: this job may not ask GitHub for an OIDC token — add "permissions: id-token: write" to the workflow or the job',
    ]);
    expect(s.sts.calls.length + s.google.calls.length + s.identity.calls.length).toBe(before);
  });

  it("a token the cloud refuses: the cloud's reason and the claims, never the token", async () => {
    const ghBefore = s.gh.issued.length;
    s.gh.subject = 'repo:someone/fork:pull_request';
    try {
      const r = await runAction('login', {
        cwd: files(),
        inputs: { registries: 'hub', verify: false },
        env: { ...s.env, DOCKER_CONFIG: tempDir('docker-config') },
        post: false,
      });
      expect(r.errors).toEqual([
        `registry hub: Docker Hub (connection ${CONNECTION}) refused GitHub's OIDC token: access_denied: no ruleset of the connection matches the token (the token has subject "repo:someone/fork:pull_request", audience "https://identity.docker.com") — the connection's rulesets must accept this repository's subject`,
      ]);
      const token = s.gh.issued.at(-1)!.token;
      expect(s.gh.issued.length).toBe(ghBefore + 1);
      expect(secretLeaks(r, [token])).toEqual({ printed: [], unmasked: [] });
    } finally {
      s.gh.subject = 'repo:acme/app:ref:refs/heads/main';
    }
  });
});
