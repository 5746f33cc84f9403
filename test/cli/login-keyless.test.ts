// `regkit login` in a workflow's run step: keyless registries use the job's OIDC token too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli.js';
import { tempDir } from '../env/processes.js';
import { SA, SECRETS, startStand, WIP, type Stand } from '../integration/keyless/stand.js';
import { basicAuth, readConfig, workspace } from '../actions/login-fixture.js';

let s: Stand;
beforeAll(async () => {
  s = await startStand();
});
afterAll(() => s?.stop());

const files = () =>
  workspace([
    {
      name: 'gar',
      provider: 'gar',
      domain: 'europe-docker.pkg.dev',
      credentials: { google: { workload_identity_provider: WIP, service_account: SA } },
    },
  ]);

describe('regkit login, keyless', () => {
  it("trades the job's OIDC token and writes the login", async () => {
    const cfg = tempDir('docker-config');
    const r = await runCli(['login', '--no-verify'], {
      cwd: files(),
      env: { ...s.env, DOCKER_CONFIG: cfg, REGKIT_AES_KEY: undefined },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `logged in to europe-docker.pkg.dev as oauth2accesstoken (gar, Google service account ${SA} (keyless))`,
    );
    expect(readConfig(cfg).auths).toEqual({
      'europe-docker.pkg.dev': { auth: basicAuth('oauth2accesstoken', SECRETS.saToken) },
    });
    expect(r.stdout).not.toContain(SECRETS.saToken);
  });

  it('outside a workflow: one line, exit status 1', async () => {
    const env = {
      ...s.env,
      GITHUB_ACTIONS: undefined,
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
      DOCKER_CONFIG: tempDir('docker-config'),
      REGKIT_AES_KEY: undefined,
    };
    const r = await runCli(['login', '--no-verify'], { cwd: files(), env });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      'registry gar: keyless logins trade the OIDC token of a GitHub Actions job, and this is not one',
    );
  });
});
