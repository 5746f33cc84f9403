/**
 * The Docker client's config.json: where it is, what a login adds to it, and
 * writing it so that nobody ever reads half a file.
 *
 * We write `auths` directly instead of running `docker login` (one process per
 * registry, and no credential helpers are needed). Every other key — credsStore,
 * credHelpers, proxies, plugin settings — is kept, and the folder is left alone
 * because buildx keeps its builder state beside config.json.
 */
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { basicAuth, configKey } from '../naming/index.js';

export const CONFIG_FILE = 'config.json';

/** DOCKER_CONFIG when set, else ~/.docker — the folder every later `docker` command reads. */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.DOCKER_CONFIG?.trim();
  return fromEnv ? fromEnv : join(env.HOME?.trim() || homedir(), '.docker');
}

export function configPath(dir: string): string {
  return join(dir, CONFIG_FILE);
}

export interface Login {
  /** Registry domain as host[:port] (Docker Hub as docker.io). */
  domain: string;
  username: string;
  password: string;
}

export type ConfigDocument = Record<string, unknown>;

/** Parses config.json text; an empty or absent file is an empty config. */
export function parseConfig(text: string | undefined, file: string): ConfigDocument {
  if (text === undefined || text.trim() === '') return {};
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    // The parser's message quotes the text around the fault: another registry's base64 user:pass.
    throw new UserError(`${file}${jsonErrorPlace(text, err)}: not valid JSON; fix or remove the Docker config`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(`${file}: the Docker config must be a JSON object`);
  }
  return doc as ConfigDocument;
}

/** `:line:column` of a JSON.parse failure, from the offset alone (never the quoted text). */
function jsonErrorPlace(text: string, err: unknown): string {
  const message = String((err as Error)?.message);
  const m = /at position (\d+)/.exec(message);
  if (!m && !/end of JSON/i.test(message)) return '';
  const offset = m ? Math.min(Number(m[1]), text.length) : text.trimEnd().length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `:${line}:${offset - before.lastIndexOf('\n')}`;
}

function objectAt(doc: ConfigDocument, key: string, file: string): Record<string, unknown> | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${file}: "${key}" must be a JSON object`);
  return value as Record<string, unknown>;
}

/** The keys a login added or replaced, so that they alone can be undone later. */
export interface TouchedKeys {
  auths: string[];
  credHelpers: string[];
}

/**
 * Adds the logins to a parsed config, in place. When a credential store or a
 * helper would take a registry over, Docker would ignore our `auths` entry; an
 * empty `credHelpers` entry sends the client back to the file for that registry.
 */
export function addLogins(doc: ConfigDocument, logins: Login[], file: string): TouchedKeys {
  const auths = objectAt(doc, 'auths', file) ?? {};
  const helpers = objectAt(doc, 'credHelpers', file);
  const storeSet = typeof doc.credsStore === 'string' && doc.credsStore !== '';
  const touched: TouchedKeys = { auths: [], credHelpers: [] };
  for (const login of logins) {
    const key = configKey(login.domain);
    auths[key] = { auth: basicAuth(login.username, login.password) };
    touched.auths.push(key);
    if (storeSet || (helpers && key in helpers)) {
      const target = (doc.credHelpers as Record<string, unknown> | undefined) ?? (doc.credHelpers = {});
      (target as Record<string, unknown>)[key] = '';
      touched.credHelpers.push(key);
    }
  }
  doc.auths = auths;
  return touched;
}

/** Docker's own layout: tab-indented JSON. */
export function formatConfig(doc: ConfigDocument): string {
  return JSON.stringify(doc, null, '\t') + '\n';
}

/** The file's bytes, or undefined when there is none. */
export function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read the Docker config ${file}: ${(err as Error).message}`);
  }
}

/** The real file behind a symlinked config.json, so that the link survives a rename. */
function resolveTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * Replaces the file in one rename: a reader sees the old bytes or the new ones.
 * The temporary file is created with the final mode, so a secret is never
 * readable by others even for a moment.
 */
export function writeAtomic(file: string, data: string | Buffer, mode = 0o600): void {
  const target = resolveTarget(file);
  const tmp = join(dirname(target), `.${CONFIG_FILE}.regkit-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    fd = openSync(tmp, 'wx', mode);
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, mode); // the umask may have narrowed or the caller asked for the old mode
    renameSync(tmp, target);
  } catch (err) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is the problem; nothing was created in it
    }
    throw new UserError(`cannot write the Docker config ${file}: ${(err as Error).message}`);
  }
}
