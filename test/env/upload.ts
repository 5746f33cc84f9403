/**
 * A small, independent registry client for tests (never src/registry: tests must not
 * lean on the code they check). Plain node:http; Basic or Bearer as the challenge says.
 *
 *   const target = { url: reg.url, username: 'alice', password: 'a-pass' };  // or { url } anonymous
 *   await pushImage(target, 'team/app', img, '1.0');        // blobs, then manifest by tag
 *   await pushImage(target, 'team/app', index, 'multi');    // children by digest, then the index
 *   const m = await getManifest(target, 'team/app', '1.0');  // { status, digest, mediaType, body }
 *   await blobExists(target, 'team/app', img.layers[0].digest);
 *   const r = await registryRequest(target, 'team/app', 'GET', '/v2/team/app/tags/list');
 *
 * Scope asked for a token: `repository:<repo>:pull,push` (pull only for reads).
 * Throws with the status and body when the registry refuses.
 */
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { MANIFEST_ACCEPT, type Image, type Index } from './images.js';

export interface RegistryTarget {
  url: string;
  username?: string;
  password?: string;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<HttpReply> {
  // https: a test registry with a self-signed certificate (makeCert); this side channel does not check it.
  const [send, tls] = url.startsWith('https:') ? [httpsRequest, { rejectUnauthorized: false }] : [request, {}];
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { method, headers: body ? { ...headers, 'content-length': String(body.length) } : headers, agent: false, ...tls },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `Bearer realm="…",service="…"` → { scheme: 'bearer', realm, service }. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^(\w+)\s*(.*)$/.exec(header.trim());
  const params: Record<string, string> = {};
  for (const p of (m?.[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)) params[p[1]!.toLowerCase()] = p[2]!;
  return { scheme: (m?.[1] ?? '').toLowerCase(), params };
}

const tokens = new WeakMap<RegistryTarget, Map<string, string>>();

/** The Authorization value for a challenge; undefined for Basic without credentials. */
async function authorize(target: RegistryTarget, challenge: string, scope: string): Promise<string | undefined> {
  const { scheme, params } = parseChallenge(challenge);
  const basic =
    target.username !== undefined
      ? 'Basic ' + Buffer.from(`${target.username}:${target.password ?? ''}`).toString('base64')
      : undefined;
  if (scheme === 'basic') return basic;
  if (scheme !== 'bearer' || !params.realm) throw new Error(`unsupported challenge: ${challenge}`);
  const q = new URLSearchParams();
  if (params.service) q.set('service', params.service);
  q.append('scope', scope);
  const reply = await send(`${params.realm}?${q}`, 'GET', basic ? { authorization: basic } : {});
  if (reply.status !== 200) throw new Error(`token request ${reply.status}: ${reply.body.toString()}`);
  const body = JSON.parse(reply.body.toString()) as { token?: string; access_token?: string };
  return `Bearer ${body.token ?? body.access_token}`;
}

/** A request to the registry, answering one auth challenge. */
export async function registryRequest(
  target: RegistryTarget,
  repo: string,
  method: string,
  pathOrUrl: string,
  opts: { headers?: Record<string, string>; body?: Buffer; actions?: string } = {},
): Promise<HttpReply> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : target.url + pathOrUrl;
  const scope = `repository:${repo}:${opts.actions ?? (method === 'GET' || method === 'HEAD' ? 'pull' : 'pull,push')}`;
  const cache = tokens.get(target) ?? new Map<string, string>();
  tokens.set(target, cache);
  const headers = { ...opts.headers };
  // Basic credentials serve every scope; a Bearer token only the scope it was asked for.
  const cached = cache.get('basic') ?? cache.get(scope);
  if (cached) headers.authorization = cached;
  let reply = await send(url, method, headers, opts.body);
  const challenge = reply.headers['www-authenticate'];
  if (reply.status === 401 && typeof challenge === 'string') {
    const auth = await authorize(target, challenge, scope);
    if (!auth) return reply;
    cache.set(auth.startsWith('Basic ') ? 'basic' : scope, auth);
    reply = await send(url, method, { ...headers, authorization: auth }, opts.body);
  }
  return reply;
}

function expect(reply: HttpReply, ok: number[], what: string): HttpReply {
  if (!ok.includes(reply.status))
    throw new Error(`${what}: HTTP ${reply.status} ${reply.body.toString().slice(0, 500)}`);
  return reply;
}

export async function blobExists(target: RegistryTarget, repo: string, digest: string): Promise<boolean> {
  const r = await registryRequest(target, repo, 'HEAD', `/v2/${repo}/blobs/${digest}`);
  return r.status === 200;
}

export async function pushBlob(
  target: RegistryTarget,
  repo: string,
  blob: { digest: string; data: Buffer },
): Promise<void> {
  if (await blobExists(target, repo, blob.digest)) return;
  const start = expect(
    await registryRequest(target, repo, 'POST', `/v2/${repo}/blobs/uploads/`),
    [202],
    `start upload to ${repo}`,
  );
  const location = new URL(String(start.headers.location), target.url);
  location.searchParams.set('digest', blob.digest);
  expect(
    await registryRequest(target, repo, 'PUT', location.toString(), {
      headers: { 'content-type': 'application/octet-stream' },
      body: blob.data,
    }),
    [201],
    `upload ${blob.digest} to ${repo}`,
  );
}

export async function putManifest(
  target: RegistryTarget,
  repo: string,
  ref: string,
  mediaType: string,
  manifest: Buffer,
): Promise<void> {
  expect(
    await registryRequest(target, repo, 'PUT', `/v2/${repo}/manifests/${ref}`, {
      headers: { 'content-type': mediaType },
      body: manifest,
    }),
    [201],
    `put manifest ${repo}:${ref}`,
  );
}

/** Pushes an image or an index (children first); tags it when `tag` is given. */
export async function pushImage(
  target: RegistryTarget,
  repo: string,
  image: Image | Index,
  tag?: string,
): Promise<void> {
  if (image.kind === 'index') {
    for (const child of image.images) await pushImage(target, repo, child);
  } else {
    for (const blob of image.blobs) await pushBlob(target, repo, blob);
  }
  await putManifest(target, repo, tag ?? image.digest, image.mediaType, image.manifest);
}

export interface FetchedManifest {
  status: number;
  digest?: string;
  mediaType?: string;
  body: Buffer;
}

/** GET a manifest with all four Accept types (Distribution 2.8 answers MANIFEST_UNKNOWN or a rewritten schema1 manifest without them). */
export async function getManifest(target: RegistryTarget, repo: string, ref: string): Promise<FetchedManifest> {
  const r = await registryRequest(target, repo, 'GET', `/v2/${repo}/manifests/${ref}`, {
    headers: { accept: MANIFEST_ACCEPT },
  });
  const digest = r.headers['docker-content-digest'];
  const type = r.headers['content-type'];
  return {
    status: r.status,
    digest: typeof digest === 'string' ? digest : undefined,
    mediaType: typeof type === 'string' ? type : undefined,
    body: r.body,
  };
}

export async function listTags(target: RegistryTarget, repo: string): Promise<string[]> {
  const r = expect(await registryRequest(target, repo, 'GET', `/v2/${repo}/tags/list`), [200], `tags of ${repo}`);
  return ((JSON.parse(r.body.toString()) as { tags?: string[] | null }).tags ?? []).sort();
}
