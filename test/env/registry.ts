/**
 * A real CNCF Distribution registry (`docker-registry serve`, Debian's 2.8) on
 * 127.0.0.1 and a free port, storage in a temp dir, delete enabled.
 *
 *   const open = await startRegistry();                              // no auth
 *   const basic = await startRegistry({ auth: 'htpasswd', users: { alice: 'a-pass' } });
 *   const tok = await startRegistry({
 *     auth: 'token',
 *     users: { alice: 'a-pass', reader: 'r-pass' },
 *     access: { reader: [{ repo: '*', actions: ['pull'] }] },     // default: all actions
 *     anonymous: [{ repo: 'public/*', actions: ['pull'] }],       // default: no anonymous token
 *   });
 *   tok.host        // '127.0.0.1:PORT' (image refs: `${tok.host}/team/app:1`)
 *   tok.url         // 'http://127.0.0.1:PORT'
 *   tok.tokenServer // the token server (its .requests), made for it unless one is passed in
 *   await tok.stop();   // also stops a token server it made
 *
 * TLS: `startRegistry({ tls: await makeCert(['registry.regkit.invalid']) })` serves https
 * (url https://127.0.0.1:PORT); clients trust it through NODE_EXTRA_CA_CERTS.
 * Two registries can share one token server: `startRegistry({ auth: 'token', tokenServer })`.
 * Default user when `users` is omitted (htpasswd/token): { tester: 'tester-pass' }.
 * The generated config is at .configPath, the log (with access log) at .logFile.
 */
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { freePort } from './ports.js';
import { runOk, spawnTracked, tempDir, type Tracked } from './processes.js';
import { startTokenServer, type AccessRule, type TokenServer } from './token-server.js';

export type RegistryAuth = 'none' | 'htpasswd' | 'token';

export interface RegistryOptions {
  auth?: RegistryAuth;
  /** username → password (htpasswd and token). */
  users?: Record<string, string>;
  /** token: per-user rules; users not named get every action on every repository. */
  access?: Record<string, AccessRule[]>;
  /** token: what a caller without credentials is granted; omit to refuse anonymous tokens. */
  anonymous?: AccessRule[];
  /** token: use this token server (its service and issuer) instead of making one. */
  tokenServer?: TokenServer;
  name?: string;
  /** Serve https with this certificate and key. */
  tls?: { certPath: string; keyPath: string };
}

export interface Registry {
  name: string;
  auth: RegistryAuth;
  host: string;
  port: number;
  url: string;
  dataDir: string;
  configPath: string;
  logFile: string;
  htpasswdPath?: string;
  users: Record<string, string>;
  tokenServer?: TokenServer;
  process: Tracked;
  stop(): Promise<void>;
}

export const DEFAULT_USERS: Record<string, string> = { tester: 'tester-pass' };

/** Whatever status GET /v2/ answers with, or undefined when nothing answers yet. */
export function probeV2(url: string): Promise<number | undefined> {
  const send = url.startsWith('https:') ? httpsRequest : request;
  return new Promise((resolve) => {
    const req = send(`${url}/v2/`, { method: 'GET', agent: false, timeout: 2000, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export async function htpasswdFile(path: string, users: Record<string, string>): Promise<void> {
  const lines: string[] = [];
  for (const [user, pass] of Object.entries(users)) lines.push((await runOk('htpasswd', ['-Bbn', user, pass])).trim());
  writeFileSync(path, lines.join('\n') + '\n', { mode: 0o600 });
}

export async function startRegistry(opts: RegistryOptions = {}): Promise<Registry> {
  const auth = opts.auth ?? 'none';
  const name = opts.name ?? `registry-${auth}`;
  const users = auth === 'none' ? {} : (opts.users ?? DEFAULT_USERS);
  const dir = tempDir(name);
  const dataDir = join(dir, 'data');
  const configPath = join(dir, 'config.yml');
  const logFile = join(dir, 'registry.log');

  let authConfig: object | undefined;
  let htpasswdPath: string | undefined;
  let tokenServer = opts.tokenServer;
  const ownTokenServer = auth === 'token' && !tokenServer;
  if (auth === 'htpasswd') {
    htpasswdPath = join(dir, 'htpasswd');
    await htpasswdFile(htpasswdPath, users);
    authConfig = { htpasswd: { realm: `${name}-realm`, path: htpasswdPath } };
  } else if (auth === 'token') {
    tokenServer ??= await startTokenServer({
      users: Object.fromEntries(
        Object.entries(users).map(([u, password]) => [u, { password, access: opts.access?.[u] }]),
      ),
      anonymous: opts.anonymous,
    });
    authConfig = {
      token: {
        realm: tokenServer.realm,
        service: tokenServer.service,
        issuer: tokenServer.issuer,
        rootcertbundle: tokenServer.certPath,
      },
    };
  }

  // A port can be taken between freePort() and the bind: try again with another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = {
      version: 0.1,
      log: { level: 'info', formatter: 'text', accesslog: { disabled: false } },
      storage: {
        filesystem: { rootdirectory: dataDir },
        delete: { enabled: true },
        maintenance: { uploadpurging: { enabled: false } },
      },
      http: {
        addr: `127.0.0.1:${port}`,
        secret: randomBytes(16).toString('hex'),
        headers: { 'X-Content-Type-Options': ['nosniff'] },
        ...(opts.tls ? { tls: { certificate: opts.tls.certPath, key: opts.tls.keyPath } } : {}),
      },
      ...(authConfig ? { auth: authConfig } : {}),
    };
    writeFileSync(configPath, stringify(config));
    const proc = spawnTracked('docker-registry', ['serve', configPath], { name, logFile });
    const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    const status = await waitReady(url, proc);
    if (status === undefined) {
      await proc.stop();
      const log = await readFile(logFile, 'utf8').catch(() => '');
      if (/address already in use/.test(log) && attempt < 5) continue;
      throw new Error(`registry did not start on ${url}; log ${logFile}:\n${log.slice(-2000)}`);
    }
    return {
      name,
      auth,
      host: `127.0.0.1:${port}`,
      port,
      url,
      dataDir,
      configPath,
      logFile,
      htpasswdPath,
      users,
      tokenServer,
      process: proc,
      async stop() {
        await proc.stop();
        if (ownTokenServer) await tokenServer!.stop();
      },
    };
  }
}

async function waitReady(url: string, proc: Tracked): Promise<number | undefined> {
  const until = Date.now() + 20_000;
  while (Date.now() < until && proc.running()) {
    const status = await probeV2(url);
    if (status !== undefined) return status;
    await new Promise((r) => setTimeout(r, 30));
  }
  return undefined;
}
