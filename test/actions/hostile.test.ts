// The actions (as the runner runs dist/) against registries that misbehave on purpose:
// what each foreign host received, and every byte printed (stdout, stderr, summary,
// outputs), is checked for every form of every credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, secretLeaks } from '../harness/action.js';
import {
  answer,
  fakeRegistry,
  makeImage,
  startHostile,
  startRegistry,
  startSilent,
  tempDir,
  type HostileServer,
  type Registry,
} from '../env/index.js';
import { oneError, pushEvent, workspace } from './build-fixture.js';

const USER = 'alice';
const PASS = 'Xk9-pw-Secret-77';
const B64 = Buffer.from(`${USER}:${PASS}`).toString('base64');
const ID_TOKEN = 'idtok-Zr7-refresh-Secret-77';
const SECRETS = [PASS, B64, ID_TOKEN];
const image = makeImage({ seed: 'hostile-actions', layers: [4096] });

let target: Registry;
const servers: HostileServer[] = [];
beforeAll(async () => {
  target = await startRegistry();
});
afterAll(async () => {
  await Promise.all([target?.stop(), ...servers.map((s) => s.stop())]);
});
async function host(address: string, handler: Parameters<typeof startHostile>[1]) {
  const s = await startHostile(address, handler);
  servers.push(s);
  return s;
}

const files = () => [
  { name: 'staging', provider: 'other', domain: '', credentials: { username: USER, password: '${S_PW}' } },
  { name: 'prod', provider: 'other', domain: target.host, primary: true },
];
function promoteIn(sourceHost: string, extra: Record<string, string> = {}) {
  const registries = files();
  registries[0].domain = sourceHost;
  const cwd = workspace(registries, {});
  return runAction('promote', {
    cwd,
    env: { S_PW: PASS, ...pushEvent('main'), ...extra },
    inputs: { source: 'staging/team/app:1.0', registry: 'prod', tags: '1.0' },
  });
}

describe('promote', () => {
  it('a blob redirected to a CDN that asks for its own login: fails, and the CDN and its realm get nothing', async () => {
    const thief = await host('127.0.0.14', (_r, res) => answer(res, 200, { token: 'stolen' }));
    const cdn = await host('127.0.0.13', (_r, res) =>
      answer(res, 401, '', { 'www-authenticate': `Bearer realm="${thief.url}/token",service="cdn"` }),
    );
    const reg = await host(
      '127.0.0.12',
      fakeRegistry({
        users: { [USER]: PASS },
        image,
        repo: 'team/app',
        tag: '1.0',
        blob: (_r, res, d) => (res.writeHead(307, { location: `${cdn.url}/b/${d}` }).end(), true),
      }),
    );
    const r = await promoteIn(reg.host);
    expect(oneError(r)).toMatch(
      new RegExp(`registry ${reg.host} redirected to ${cdn.host}, which asked for a login \\(HTTP 401\\)`),
    );
    expect(thief.requests).toEqual([]);
    expect(cdn.requests.length).toBeGreaterThan(0);
    for (const s of SECRETS) expect(cdn.received()).not.toContain(s);
    expect(secretLeaks(r, [PASS, B64])).toEqual({ printed: [], unmasked: [] });
  });

  it('a registry that echoes Authorization in its error body: the error names it, prints no form of the password', async () => {
    const echo = (req: { headers: Record<string, unknown> }) => {
      const auth = String(req.headers.authorization ?? '');
      const plain = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString();
      return {
        errors: [
          {
            code: 'DENIED',
            message: `you sent ${auth}; that is ${plain}; password ${plain.split(':')[1]}; b64 ${auth.slice(6)}`,
          },
        ],
      };
    };
    const reg = await host(
      '127.0.0.15',
      fakeRegistry({
        users: { [USER]: PASS },
        image,
        repo: 'team/app',
        tag: '1.0',
        manifest: (req, res) => (answer(res, 400, echo(req)), true),
      }),
    );
    const r = await promoteIn(reg.host);
    const line = oneError(r);
    expect(line).toMatch(
      new RegExp(
        `registry ${reg.host} answered HTTP 400 \\(DENIED: you sent \\*\\*\\*; that is alice:\\*\\*\\*; password \\*\\*\\*; b64 \\*\\*\\*\\)`,
      ),
    );
    expect(secretLeaks(r, [PASS, B64])).toEqual({ printed: [], unmasked: [] });
  });

  it('an identity token whose token server 307s to another host: nothing reaches that host, nothing is printed', async () => {
    const thief = await host('127.0.0.18', (_r, res) => answer(res, 200, { token: 'stolen' }));
    const tokens = await host('127.0.0.17', (_r, res) => res.writeHead(307, { location: `${thief.url}/token` }).end());
    const reg = await host('127.0.0.16', (_r, res) =>
      answer(res, 401, '', { 'www-authenticate': `Bearer realm="${tokens.url}/token",service="reg"` }),
    );
    const dockerConfig = tempDir('hostile-docker');
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: { [reg.host]: { auth: Buffer.from('<token>:').toString('base64'), identitytoken: ID_TOKEN } },
      }),
    );
    const cwd = workspace([{ name: 'prod', provider: 'other', domain: target.host, primary: true }], {});
    mkdirSync(join(cwd, '.github'), { recursive: true });
    const r = await runAction('promote', {
      cwd,
      env: { DOCKER_CONFIG: dockerConfig, ...pushEvent('main') },
      inputs: { source: `${reg.host}/team/app:1.0`, registry: 'prod', 'image-name': 'app', tags: '1.0' },
    });
    expect(oneError(r)).toContain(
      `${tokens.host} redirected a request with credentials to another host (${thief.host}); regkit does not send credentials there`,
    );
    expect(thief.requests).toEqual([]);
    expect(secretLeaks(r, [ID_TOKEN])).toEqual({ printed: [], unmasked: [] });
  });
});

describe('login', () => {
  it('a registry that accepts connections and never answers: one error within the deadline, a line per retry', async () => {
    const silent = await startSilent('127.0.0.19');
    servers.push(silent);
    const cwd = workspace(
      [{ name: 'stuck', provider: 'other', domain: silent.host, credentials: { username: USER, password: '${S_PW}' } }],
      {},
    );
    const started = Date.now();
    const r = await runAction('login', { cwd, env: { S_PW: PASS } });
    const took = Date.now() - started;
    expect(oneError(r)).toMatch(
      new RegExp(`^login to stuck failed: ${silent.host} did not answer in time \\(after \\d attempts?\\)`),
    );
    const retries = r.stdout.split('\n').filter((l) => l.startsWith('login check: '));
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toMatch(new RegExp(`^login check: ${silent.host}: no answer; trying again in`));
    expect(secretLeaks(r, [PASS, B64])).toEqual({ printed: [], unmasked: [] });
    expect(took).toBeLessThan(90_000); // a ceiling, not a speed: 10 minutes before
  });
});

describe('files outside the repository', () => {
  it('env_file: /etc/passwd is refused at its key, and nothing of the file is printed', async () => {
    const cwd = workspace(
      [
        {
          name: 'r',
          provider: 'other',
          domain: target.host,
          env_file: '/etc/passwd',
          credentials: { username: USER, password: '${root}' },
        },
      ],
      {},
    );
    const r = await runAction('login', { cwd, inputs: { verify: false } });
    expect(oneError(r)).toBe(
      '.github/registries.yml:6:15: registry "r": env_file: "/etc/passwd" is outside the repository — keep the file in the repository and give its path relative to the repository root',
    );
    const printed = [
      r.stdout,
      r.stderr,
      r.summary,
      ...Object.values(r.outputs),
      r.post?.stdout ?? '',
      r.post?.stderr ?? '',
    ].join('\n');
    expect(printed).not.toMatch(/root:|daemon:|nologin/);
  });
});
