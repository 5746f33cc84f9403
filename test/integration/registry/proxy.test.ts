// The actions and the CLI behind a forward proxy (HTTPS_PROXY/HTTP_PROXY/NO_PROXY), against
// registries only the proxy can reach: their host names do not resolve, the proxy maps them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, secretLeaks } from '../../harness/action.js';
import { runCli } from '../../harness/cli.js';
import {
  getManifest,
  makeCert,
  makeImage,
  pushImage,
  startForwardProxy,
  startRegistry,
  tempDir,
  type ForwardProxy,
  type Registry,
  type TestCert,
} from '../../env/index.js';
import { pushEvent, workspace } from '../../actions/build-fixture.js';
import { readConfig } from '../../actions/login-fixture.js';
import { startEcrEndpoint, type EcrEndpoint } from '../../env/ecr-endpoint.js';
import { startOidcIssuer } from '../../env/clouds/oidc-issuer.js';
import { startStsEndpoint } from '../../env/clouds/aws-sts.js';
import { startDockerIdentity } from '../../env/clouds/docker-identity.js';

const HOST = 'registry.regkit.invalid';
const PLAIN = 'plain.regkit.invalid';
const ECR_API = 'ecr.regkit.invalid';
const STS_API = 'sts.regkit.invalid';
const IDENTITY_API = 'identity.regkit.invalid';
const ALICE = 'alice-Proxy1!pw';
const PROXY_USER = 'corp-user';
const PROXY_PW = 'corp-Pw9#proxy';
const basic = (u: string, p: string) => Buffer.from(`${u}:${p}`).toString('base64');

let cert: TestCert;
let secure: Registry; // https, htpasswd, reachable as registry.regkit.invalid (443) through the proxy
let plain: Registry; // plain http, htpasswd, reachable as plain.regkit.invalid (80) through the proxy
let seed: Registry; // loopback, no auth: where images start
let proxy: ForwardProxy;
let ecr: EcrEndpoint; // the AWS ECR API over https, as ecr.regkit.invalid
const image = makeImage({ seed: 'proxy-test', layers: [3_000] });

beforeAll(async () => {
  cert = await makeCert([HOST, ECR_API, STS_API, IDENTITY_API]);
  [secure, plain, seed] = await Promise.all([
    startRegistry({ auth: 'htpasswd', users: { alice: ALICE }, tls: cert, name: 'registry-tls' }),
    startRegistry({ auth: 'htpasswd', users: { alice: ALICE }, name: 'registry-plain' }),
    startRegistry(),
  ]);
  ecr = await startEcrEndpoint(
    { AKIAREGKITPROXY: { secretAccessKey: 'ecr/proxy+SECRET', account: '111122223333', password: 'ecr-token-pw' } },
    { tls: cert },
  );
  proxy = await startForwardProxy({
    hosts: { [HOST]: secure.host, [PLAIN]: plain.host, [ECR_API]: ecr.url.replace('https://', '') },
    auth: { username: PROXY_USER, password: PROXY_PW },
  });
  await pushImage({ url: seed.url }, 'app', image, '1.0');
});

afterAll(async () => {
  await Promise.all([secure?.stop(), plain?.stop(), seed?.stop(), proxy?.stop(), ecr?.close()]);
});

beforeEach(() => {
  proxy.requests.length = 0;
});

const registries = () => [
  { name: 'corp', provider: 'other', domain: HOST, credentials: { username: 'alice', password: '${ALICE_PW}' } },
  {
    name: 'legacy',
    provider: 'other',
    domain: PLAIN,
    insecure: true,
    credentials: { username: 'alice', password: '${ALICE_PW}' },
  },
];
const proxyEnv = () => ({
  HTTPS_PROXY: proxy.urlWith(PROXY_USER, PROXY_PW),
  HTTP_PROXY: proxy.urlWith(PROXY_USER, PROXY_PW),
  NODE_EXTRA_CA_CERTS: cert.certPath,
});

/** What the proxy was sent, as text, with its own credentials (expected there) taken out. */
function seenByProxy(): string {
  return proxy.received().toString('latin1').split(basic(PROXY_USER, PROXY_PW)).join('<proxy-auth>');
}

describe('behind a forward proxy', () => {
  it('login verifies through a CONNECT tunnel; the proxy gets its own credentials and never the registry password', async () => {
    const cwd = workspace(registries(), {});
    const config = tempDir('docker-config');
    const r = await runAction('login', {
      cwd,
      inputs: { registries: 'corp' },
      env: { ...proxyEnv(), ALICE_PW: ALICE, DOCKER_CONFIG: config },
      post: 'later',
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Logged in to ${HOST} as alice (corp, username/password, verified)`);
    expect(readConfig(config).auths?.[HOST]?.auth).toBe(basic('alice', ALICE));

    expect(proxy.requests.length).toBeGreaterThan(0);
    for (const q of proxy.requests) {
      expect(q).toMatchObject({ method: 'CONNECT', target: `${HOST}:443`, status: 200 });
      expect(q.headers['proxy-authorization']).toBe(`Basic ${basic(PROXY_USER, PROXY_PW)}`);
      expect(q.headers.authorization).toBeUndefined();
    }
    const seen = seenByProxy();
    for (const secret of [ALICE, basic('alice', ALICE), 'alice:']) expect(seen).not.toContain(secret);
    // The proxy's password comes from the environment, and is masked all the same.
    expect(secretLeaks(r, [PROXY_PW, basic(PROXY_USER, PROXY_PW), ALICE])).toEqual({ printed: [], unmasked: [] });
    const post = await r.runPost!();
    expect(post.code).toBe(0);
    expect(existsSync(join(config, 'config.json'))).toBe(false);
  });

  it('the lower-case variables work too, and NO_PROXY sends a host around the proxy', async () => {
    const cwd = workspace(registries(), {});
    const env = {
      https_proxy: proxy.urlWith(PROXY_USER, PROXY_PW),
      no_proxy: `example.com, .regkit.invalid`,
      NODE_EXTRA_CA_CERTS: cert.certPath,
      ALICE_PW: ALICE,
    };
    const around = await runAction('login', {
      cwd,
      inputs: { registries: 'corp' },
      env: { ...env, DOCKER_CONFIG: tempDir('docker-config') },
    });
    expect(around.code).not.toBe(0);
    // Went direct, and the name does not resolve outside the proxy.
    expect(around.errors).toEqual([
      expect.stringMatching(new RegExp(`cannot reach ${HOST.replace(/\./g, '\\.')}: ENOTFOUND`)),
    ]);
    expect(proxy.requests).toEqual([]);

    const through = await runAction('login', {
      cwd,
      inputs: { registries: 'corp' },
      env: { ...env, no_proxy: 'example.com', DOCKER_CONFIG: tempDir('docker-config') },
    });
    expect(through.errors).toEqual([]);
    expect(proxy.requests.every((q) => q.method === 'CONNECT')).toBe(true);
  });

  it('a proxy that refuses (wrong proxy password) fails the login with one line naming the proxy', async () => {
    const cwd = workspace(registries(), {});
    const r = await runAction('login', {
      cwd,
      inputs: { registries: 'corp' },
      env: { ...proxyEnv(), HTTPS_PROXY: proxy.urlWith(PROXY_USER, 'wrong-pw'), ALICE_PW: ALICE },
    });
    expect(r.code).not.toBe(0);
    expect(r.errors).toEqual([
      `login to corp failed: proxy ${proxy.host} refused a tunnel to ${HOST}:443: HTTP 407 Proxy Authentication Required (proxy authentication required: put user:password in the proxy URL)`,
    ]);
    expect(secretLeaks(r, ['wrong-pw'])).toEqual({ printed: [], unmasked: [] });
  });

  it('plain http goes to the proxy as absolute-form requests, only for a registry marked insecure', async () => {
    const cwd = workspace(registries(), {});
    const r = await runAction('login', {
      cwd,
      inputs: { registries: 'legacy' },
      env: { ...proxyEnv(), ALICE_PW: ALICE, DOCKER_CONFIG: tempDir('docker-config') },
    });
    expect(r.errors).toEqual([]);
    expect(proxy.requests.map((q) => `${q.method} ${q.target}`)).toContain(`GET http://${PLAIN}/v2/`);
    expect(
      proxy.requests.every(
        (q) =>
          q.target.startsWith(`http://${PLAIN}/`) &&
          q.headers['proxy-authorization'] === `Basic ${basic(PROXY_USER, PROXY_PW)}`,
      ),
    ).toBe(true);
    // What insecure: true accepts: the proxy reads the registry's credentials (docs/proxies.md).
    expect(proxy.requests.some((q) => q.headers.authorization === `Basic ${basic('alice', ALICE)}`)).toBe(true);
  });

  it('the AWS SDK reaches the ECR API through the tunnel too', async () => {
    const domain = '111122223333.dkr.ecr.us-east-1.amazonaws.com';
    const cwd = workspace([{ name: 'aws', provider: 'ecr', domain }], {});
    const config = tempDir('docker-config');
    const env = {
      ...proxyEnv(),
      AWS_ACCESS_KEY_ID: 'AKIAREGKITPROXY',
      AWS_SECRET_ACCESS_KEY: 'ecr/proxy+SECRET',
      AWS_ENDPOINT_URL_ECR: `https://${ECR_API}`,
      DOCKER_CONFIG: config,
    };
    const r = await runAction('login', { cwd, inputs: { registries: 'aws', verify: false }, env, post: false });
    expect(r.errors).toEqual([]);
    expect(ecr.calls.map((c) => [c.region, c.accessKeyId, c.status])).toEqual([['us-east-1', 'AKIAREGKITPROXY', 200]]);
    expect(proxy.requests.map((q) => `${q.method} ${q.target} ${q.status}`)).toEqual([`CONNECT ${ECR_API}:443 200`]);
    expect(readConfig(config).auths?.[domain]?.auth).toBe(basic('AWS', 'ecr-token-pw'));
    expect(seenByProxy()).not.toContain('AKIAREGKITPROXY');
  });

  it("a role assumed with the job's OIDC token: AWS STS and ECR both through the tunnel", async () => {
    const role = 'arn:aws:iam::111122223333:role/push';
    const gh = await startOidcIssuer({ subject: 'repo:acme/app:ref:refs/heads/main' });
    const keys = {
      accessKeyId: 'ASIAREGKITPROXY',
      secretAccessKey: 'sts/Proxy+Secret',
      sessionToken: 'session-token-via-proxy',
    };
    const sts = await startStsEndpoint(
      gh.url,
      { [role]: { audience: 'sts.amazonaws.com', subject: 'repo:acme/app:*', keys } },
      { tls: cert },
    );
    const roleEcr = await startEcrEndpoint(
      {
        [keys.accessKeyId]: {
          secretAccessKey: keys.secretAccessKey,
          sessionToken: keys.sessionToken,
          account: '111122223333',
          password: 'ecr-role-pw',
        },
      },
      { tls: cert },
    );
    const keyless = await startForwardProxy({
      hosts: { [STS_API]: sts.url.replace('https://', ''), [ECR_API]: roleEcr.url.replace('https://', '') },
    });
    try {
      const domain = '111122223333.dkr.ecr.us-east-1.amazonaws.com';
      const cwd = workspace(
        [{ name: 'aws', provider: 'ecr', domain, credentials: { aws: { region: 'us-east-1', role } } }],
        {},
      );
      const config = tempDir('docker-config');
      const env = {
        ...gh.env,
        HTTPS_PROXY: keyless.url,
        NODE_EXTRA_CA_CERTS: cert.certPath,
        AWS_ENDPOINT_URL_STS: `https://${STS_API}`,
        AWS_ENDPOINT_URL_ECR: `https://${ECR_API}`,
        DOCKER_CONFIG: config,
      };
      const r = await runAction('login', { cwd, inputs: { registries: 'aws', verify: false }, env, post: false });
      expect(r.errors).toEqual([]);
      expect(sts.calls.map((c) => [c.role, c.status])).toEqual([[role, 200]]);
      expect(roleEcr.calls.map((c) => [c.accessKeyId, c.status])).toEqual([[keys.accessKeyId, 200]]);
      // The OIDC token service is on loopback: direct, as @actions/http-client does it.
      expect(keyless.requests.map((q) => `${q.method} ${q.target} ${q.status}`)).toEqual([
        `CONNECT ${STS_API}:443 200`,
        `CONNECT ${ECR_API}:443 200`,
      ]);
      expect(readConfig(config).auths?.[domain]?.auth).toBe(basic('AWS', 'ecr-role-pw'));
      expect(keyless.received().toString('latin1')).not.toContain(keys.sessionToken);
    } finally {
      await Promise.all([keyless.stop(), sts.close(), roleEcr.close()]);
      await gh.close();
    }
  });

  it("a keyless token exchange (Docker Hub's OIDC connection) goes through the tunnel", async () => {
    const connection = '0b6f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
    const gh = await startOidcIssuer({ subject: 'repo:acme/app:ref:refs/heads/main' });
    const identity = await startDockerIdentity(
      gh.url,
      { [connection]: { subject: 'repo:acme/app:ref:refs/heads/main', token: 'dckr_oat_via-proxy' } },
      { tls: cert },
    );
    const keyless = await startForwardProxy({ hosts: { [IDENTITY_API]: identity.url.replace('https://', '') } });
    try {
      const cwd = workspace(
        [
          {
            name: 'hub',
            provider: 'dockerhub',
            credentials: { dockerhub: { username: 'acme', connection_id: connection } },
          },
        ],
        {},
      );
      const config = tempDir('docker-config');
      const env = {
        ...gh.env,
        HTTPS_PROXY: keyless.url,
        NODE_EXTRA_CA_CERTS: cert.certPath,
        REGKIT_DOCKER_IDENTITY_URL: `https://${IDENTITY_API}`,
        DOCKER_CONFIG: config,
      };
      const r = await runAction('login', { cwd, inputs: { registries: 'hub', verify: false }, env, post: false });
      expect(r.errors).toEqual([]);
      expect(identity.calls.map((c) => [c.connection, c.status])).toEqual([[connection, 200]]);
      expect(keyless.requests.map((q) => `${q.method} ${q.target} ${q.status}`)).toEqual([
        `CONNECT ${IDENTITY_API}:443 200`,
      ]);
      expect(Object.values(readConfig(config).auths ?? {}).map((a) => a.auth)).toEqual([
        basic('acme', 'dckr_oat_via-proxy'),
      ]);
      expect(secretLeaks(r, ['dckr_oat_via-proxy']).printed).toEqual([]);
    } finally {
      await Promise.all([keyless.stop(), identity.close()]);
      await gh.close();
    }
  });

  it('regkit copy and the promote action copy an image through the proxy', async () => {
    const dockerConfig = tempDir('docker-config');
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [HOST]: { auth: basic('alice', ALICE) } } }),
    );
    // From a loopback registry (direct) to one behind the proxy.
    const copy = await runCli(['copy', `${seed.host}/app:1.0`, `${HOST}/team/app:1.0`], {
      env: { ...proxyEnv(), DOCKER_CONFIG: dockerConfig },
    });
    expect(copy.stderr).toContain('copied');
    expect(copy.code).toBe(0);
    expect(copy.stdout.trim()).toBe(`${HOST}/team/app@${image.digest}`);
    expect(proxy.requests.length).toBeGreaterThan(0);
    expect(proxy.requests.every((q) => q.method === 'CONNECT' && q.target === `${HOST}:443`)).toBe(true);

    proxy.requests.length = 0;
    const cwd = workspace(registries(), {}, { default: 'corp' });
    const r = await runAction('promote', {
      cwd,
      env: { ...proxyEnv(), ALICE_PW: ALICE, ...pushEvent('main') },
      inputs: { source: `corp/team/app:1.0`, 'image-name': 'released/app', tags: '2.0' },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs.digest).toBe(image.digest);
    expect(proxy.requests.every((q) => q.method === 'CONNECT')).toBe(true);
    expect(
      (await getManifest({ url: secure.url, username: 'alice', password: ALICE }, 'released/app', '2.0')).digest,
    ).toBe(image.digest);
    expect(seenByProxy()).not.toContain(ALICE);
    expect(secretLeaks(r, [ALICE, PROXY_PW])).toEqual({ printed: [], unmasked: [] });
  });
});
