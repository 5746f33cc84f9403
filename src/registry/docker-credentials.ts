/**
 * Credentials for a registry from the Docker config that the login action (or
 * `docker login`) wrote: $DOCKER_CONFIG/config.json, else ~/.docker/config.json.
 *
 * Lookup, as the Docker client does it: a `credHelpers` entry for the registry
 * (an empty one means "use the file", which is what our login writes when a
 * store is configured), else the `auths` entry under any spelling of the
 * registry (Docker Hub: https://index.docker.io/v1/, docker.io, ...), else the
 * `credsStore`. No entry: anonymous.
 */
import { configPath, dockerConfigDir, parseConfig, readBytes } from '../docker/config.js';
import { UserError } from '../errors.js';
import type { Credential } from './auth.js';
import { bareHost, DOCKER_HUB_KEY, isDockerHub } from '../naming/index.js';

function sameRegistry(key: string, domain: string): boolean {
  if (isDockerHub(domain)) return isDockerHub(key);
  return bareHost(key) === bareHost(domain);
}

function fromEntry(entry: unknown, where: string): Credential | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const { auth, username, password, identitytoken } = entry as Record<string, unknown>;
  if (typeof identitytoken === 'string' && identitytoken) {
    return {
      username: typeof username === 'string' ? username : '<token>',
      password: '',
      identityToken: identitytoken,
    };
  }
  if (typeof auth === 'string' && auth) {
    const text = Buffer.from(auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon <= 0) throw new UserError(`${where}: "auth" is not base64 of username:password; log in again`);
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  if (typeof username === 'string' && username && typeof password === 'string') return { username, password };
  return undefined;
}

/** Runs docker-credential-<helper> get; undefined when it has nothing for the server. */
async function fromHelper(helper: string, server: string, env: NodeJS.ProcessEnv): Promise<Credential | undefined> {
  // Loaded only when a helper is configured: most runs never start a process.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${helper}`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', () =>
      reject(
        new UserError(
          `the Docker config names credential helper "${helper}", but docker-credential-${helper} cannot be run`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined); // "credentials not found"
      try {
        const { Username, Secret } = JSON.parse(Buffer.concat(out).toString('utf8')) as {
          Username?: string;
          Secret?: string;
        };
        if (!Username || !Secret) return resolve(undefined);
        resolve(
          Username === '<token>'
            ? { username: Username, password: '', identityToken: Secret }
            : { username: Username, password: Secret },
        );
      } catch {
        reject(new UserError(`docker-credential-${helper} answered something that is not JSON`));
      }
    });
    child.stdin.end(server);
  });
}

/** The credential Docker would use for `domain`, or undefined for anonymous access. */
export async function dockerCredential(
  domain: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credential | undefined> {
  const file = configPath(dockerConfigDir(env));
  const doc = parseConfig(readBytes(file)?.toString('utf8'), file);
  const server = isDockerHub(domain) ? DOCKER_HUB_KEY : bareHost(domain);
  const helpers = (doc.credHelpers ?? {}) as Record<string, unknown>;
  const helperKey = Object.keys(helpers).find((k) => sameRegistry(k, domain));
  const helper = helperKey !== undefined ? helpers[helperKey] : undefined;
  if (typeof helper === 'string' && helper) return fromHelper(helper, server, env);
  const auths = (doc.auths ?? {}) as Record<string, unknown>;
  // The exact key first (the one our login writes), then any other spelling.
  const keys = Object.keys(auths).sort((a, b) => Number(b === server) - Number(a === server));
  for (const key of keys) {
    if (!sameRegistry(key, domain)) continue;
    const cred = fromEntry(auths[key], `${file}: auths["${key}"]`);
    if (cred) return cred;
  }
  if (helperKey === undefined && typeof doc.credsStore === 'string' && doc.credsStore)
    return fromHelper(doc.credsStore, server, env);
  return undefined;
}
