/**
 * Credentials from a Docker credentials file, plain or encrypted: the legacy
 * `.dockercfg` form (registries at the top) that Codeship's generators write,
 * or the `config.json` form (`{"auths": {...}}`). The entry is picked by the
 * registry's domain, whatever spelling the file uses for it
 * (`https://index.docker.io/v1/`, `quay.io/`, `http://host:5000/v2/`...).
 */
import { decrypt, isEncrypted, readInput } from '../crypto/index.js';
import type { Registry } from '../registries-file/index.js';
import { errorAt, formatPosition, UserError, type Position } from '../errors.js';
import { normalizeDomain } from '../naming/index.js';
import type { Credential, CredentialContext } from './types.js';
import { workspacePath } from '../workspace.js';

type Entries = Record<string, unknown>;

/** The registry entries of either form. */
export function dockercfgEntries(text: string, file: string): Entries {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // The parser's message can quote the file's content, which holds secrets.
    throw new UserError(`${file}: not valid JSON; expected a .dockercfg or a Docker config.json`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new UserError(`${file}: expected a JSON object of registries`);
  const auths = (doc as Entries).auths;
  if (auths !== undefined) {
    if (!auths || typeof auths !== 'object' || Array.isArray(auths))
      throw new UserError(`${file}: "auths" must be a JSON object`);
    return auths as Entries;
  }
  return doc as Entries;
}

function domainOf(key: string): string | undefined {
  try {
    return normalizeDomain(key);
  } catch {
    return undefined;
  }
}

/** username and password of one entry: `auth` (base64 user:pass) or separate fields. */
function entryCredential(entry: unknown, where: string): { username: string; password: string } {
  if (!entry || typeof entry !== 'object') throw new UserError(`${where} is not a JSON object`);
  const { auth, username, password, identitytoken } = entry as Record<string, unknown>;
  if (typeof auth === 'string' && auth !== '') {
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new UserError(`${where}: "auth" is not base64 of username:password`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof username === 'string' && username !== '' && typeof password === 'string') return { username, password };
  if (typeof identitytoken === 'string') {
    throw new UserError(
      `${where} holds an identity token, which regkit cannot use; store username and password (or "auth") instead`,
    );
  }
  throw new UserError(`${where} has neither "auth" nor "username" and "password"`);
}

/** Picks the entry for `domain`. */
export function pickEntry(
  entries: Entries,
  domain: string,
  file: string,
  registry: string,
): { username: string; password: string } {
  const keys = Object.keys(entries).filter((k) => domainOf(k) === domain);
  if (keys.length === 0) {
    const has = [...new Set(Object.keys(entries).map((k) => domainOf(k) ?? k))];
    throw new UserError(
      `registry ${registry}: ${file} has no entry for ${domain} (it has ${has.length ? has.join(', ') : 'none'}); add one or point credentials at the right file`,
    );
  }
  // Several spellings of one domain: the exact host[:port] wins, else the first.
  const key = keys.find((k) => k === domain) ?? keys[0];
  return entryCredential(entries[key], `registry ${registry}: entry "${key}" of ${file}`);
}

/**
 * Decrypts a credential file; a key that does not fit is named with the registry, the
 * registries file position and where the key came from (input, environment, key file).
 */
export async function decryptFor(
  data: Buffer,
  file: string,
  place: { at: Position; subject: string },
  ctx: CredentialContext,
): Promise<Buffer> {
  const key = await ctx.key(file);
  try {
    return decrypt(data, key, { file, expect: 'json' });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const origin = ctx.keyOrigin?.();
    throw errorAt(place.at, `${place.subject}: ${err.message}${origin ? ` (the key came from ${origin})` : ''}`);
  }
}

export async function fromDockercfg(
  registry: Registry,
  file: string,
  encrypted: boolean,
  ctx: CredentialContext,
): Promise<Credential> {
  const key = encrypted ? 'encrypted_dockercfg' : 'dockercfg';
  const place = {
    at: registry.positions[`credentials.${key}`] ?? registry.at,
    subject: `registry "${registry.name}": credentials.${key}`,
  };
  const at = `${formatPosition(place.at)}: ${place.subject}`;
  workspacePath(file, at, undefined, place.at);
  const data = await readInput(file);
  const sealed = isEncrypted(data);
  const plain = sealed ? await decryptFor(data, file, place, ctx) : data;
  const entries = dockercfgEntries(plain.toString('utf8'), file);
  const found = pickEntry(entries, registry.domain, file, registry.name);
  if (encrypted && !sealed) {
    ctx.warn?.(
      `${at}: ${file} is not encrypted — a plaintext credential file sits in the repository; encrypt it (regkit encrypt) or move it out of version control`,
      place.at,
    );
  }
  const source = `${sealed ? 'encrypted dockercfg' : encrypted ? 'dockercfg (not encrypted)' : 'dockercfg'} ${file}`;
  return { ...found, source };
}
