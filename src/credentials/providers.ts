/**
 * The fixed-username providers: each turns its key into the username/password
 * pair its registry expects from `docker login`.
 */
import { isEncrypted, readInput } from '../crypto/index.js';
import type { CredentialSpec, GoogleCredentials, Registry } from '../registries-file/index.js';
import { formatPosition, UserError } from '../errors.js';
import { workspacePath } from '../workspace.js';
import { fromAzureKeyless } from './azure.js';
import { decryptFor } from './dockercfg.js';
import { fromDockerHubKeyless } from './dockerhub.js';
import { fromGoogleKeyless } from './google.js';
import type { Credential, CredentialContext, CredentialRequest } from './types.js';

function checkJsonKey(text: string, registry: Registry, what: string): string {
  try {
    const doc = JSON.parse(text);
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) return text;
  } catch {
    // the parser's message would quote the key
  }
  throw new UserError(`registry ${registry.name}: ${what} is not a service-account JSON key`);
}

/** gcr/gar: `_json_key` with the service-account JSON, or `oauth2accesstoken` with a short-lived token. */
export async function fromGoogle(
  registry: Registry,
  google: GoogleCredentials,
  env: CredentialRequest['env'],
  ctx: CredentialContext,
): Promise<Credential> {
  if ('workload_identity_provider' in google) return fromGoogleKeyless(registry, google, env, ctx);
  if ('access_token' in google)
    return { username: 'oauth2accesstoken', password: google.access_token, source: 'Google access token' };
  if ('json_key' in google) {
    return {
      username: '_json_key',
      password: checkJsonKey(google.json_key, registry, 'credentials.google.json_key'),
      source: 'Google service-account key',
    };
  }
  const file = google.json_key_file;
  const place = {
    at: registry.positions['credentials.google.json_key_file'] ?? registry.at,
    subject: `registry "${registry.name}": credentials.google.json_key_file`,
  };
  const at = `${formatPosition(place.at)}: ${place.subject}`;
  workspacePath(file, at, undefined, place.at);
  const data = await readInput(file);
  const plain = isEncrypted(data) ? await decryptFor(data, file, place, ctx) : data;
  const text = checkJsonKey(plain.toString('utf8'), registry, file);
  return { username: '_json_key', password: text, source: `Google service-account key ${file}` };
}

/** username/password, named after what it is for the provider. */
export function fromStatic(registry: Registry, spec: { username: string; password: string }): Credential {
  let source = 'username/password';
  if (registry.provider === 'ghcr' && registry.credentials === undefined) source = 'GITHUB_TOKEN';
  else if (registry.provider === 'quay' && spec.username.includes('+')) source = 'Quay robot account';
  else if (registry.provider === 'acr') source = 'ACR admin user';
  return { username: spec.username, password: spec.password, source };
}

/** The credential of every form that needs no network and no batching. */
export async function fromSpec(
  registry: Registry,
  spec: Exclude<CredentialSpec, { aws: unknown } | { dockercfg: string } | { encrypted_dockercfg: string }>,
  env: CredentialRequest['env'],
  ctx: CredentialContext,
): Promise<Credential> {
  if ('username' in spec) return fromStatic(registry, spec);
  if ('google' in spec) return fromGoogle(registry, spec.google, env, ctx);
  if ('azure' in spec) {
    if ('tenant_id' in spec.azure) return fromAzureKeyless(registry, spec.azure, env, ctx);
    return { username: spec.azure.client_id, password: spec.azure.client_secret, source: 'Azure service principal' };
  }
  if ('dockerhub' in spec) return fromDockerHubKeyless(registry, spec.dockerhub, env, ctx);
  return { username: 'iamapikey', password: spec.ibm.apikey, source: 'IBM Cloud API key' };
}
