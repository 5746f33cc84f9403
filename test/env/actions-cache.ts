/**
 * A local GitHub Actions cache service, in the test process on 127.0.0.1, speaking
 * the wire protocol @actions/cache uses, so that the real library saves and restores
 * against it:
 *
 *  - v2 (github.com): Twirp JSON under ACTIONS_RESULTS_URL, enabled by ACTIONS_CACHE_SERVICE_V2 —
 *    POST /twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,
 *    FinalizeCacheEntryUpload, GetCacheEntryDownloadURL}; the archive goes to the signed URL
 *    CreateCacheEntry returns, as an Azure block blob (one `PUT` with x-ms-blob-type: BlockBlob,
 *    or `PUT ?comp=block&blockid=…` per block then `PUT ?comp=blocklist`), and comes back
 *    from the signed download URL with a plain GET.
 *  - v1 (GitHub Enterprise Server): REST under ACTIONS_CACHE_URL — GET _apis/artifactcache/cache,
 *    POST caches (reserve), PATCH caches/:id (Content-Range chunks), POST caches/:id (commit).
 *
 *   const svc = await startActionsCache();
 *   env: { ...svc.env('v2') }    // or 'v1': the variables a runner gives a job for that service
 *   svc.entries                  // what was saved: key, version, size, committed
 *   svc.requests                 // [{ method, path, status }] in arrival order
 *   svc.mode = 'read';           // saves refused with the service's "cache write denied:" answer
 *   await svc.close();
 *
 * Keys match as the service matches them: for the key, then each restore key in order, an
 * exact key wins, else the newest entry whose key starts with it; the version must be equal.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  /** Bytes committed (v2: after FinalizeCacheEntryUpload; v1: after commit). */
  size: number;
  committed: boolean;
  data: Buffer;
  /** Uploaded blocks not yet in a block list (v2), or chunks by offset (v1). */
  blocks: Map<string, Buffer>;
  created: number;
}

export interface CacheRequest {
  method: string;
  path: string;
  status: number;
}

export interface ActionsCacheService {
  url: string;
  /** The job's environment for this version of the service. */
  env(version: 'v1' | 'v2'): Record<string, string>;
  entries: CacheEntry[];
  requests: CacheRequest[];
  /** 'read': reads work, saves are refused as for a token scoped read-only. */
  mode: 'write' | 'read';
  token: string;
  close(): Promise<void>;
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';
const V1 = '/_apis/artifactcache/';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, doc: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
}

function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  json(res, status, { code, msg });
}

export async function startActionsCache(): Promise<ActionsCacheService> {
  const token = randomBytes(12).toString('hex');
  const sig = randomBytes(12).toString('hex');
  let nextId = 1;
  const svc: ActionsCacheService = {
    url: '',
    env: () => ({}),
    entries: [],
    requests: [],
    mode: 'write',
    token,
    close: async () => {},
  };

  const find = (keys: string[], version: string): CacheEntry | undefined => {
    const ready = svc.entries.filter((e) => e.committed && e.version === version);
    for (const k of keys) {
      const exact = ready.find((e) => e.key === k);
      if (exact) return exact;
      const prefixed = ready.filter((e) => e.key.startsWith(k)).sort((a, b) => b.created - a.created || b.id - a.id)[0];
      if (prefixed) return prefixed;
    }
    return undefined;
  };
  const blobUrl = (e: CacheEntry) =>
    `${svc.url}/devstoreaccount1/actions-cache/${e.id}?sv=2024-01-01&sp=rcw&sig=${sig}`;
  const archiveUrl = (e: CacheEntry) => `${svc.url}/archives/${e.id}?sig=${sig}`;
  const authorized = (req: IncomingMessage) => req.headers.authorization === `Bearer ${token}`;
  const writeDenied = 'cache write denied: the token of this run may only read the cache';

  async function twirp(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return twirpError(res, 404, 'bad_route', 'POST only');
    if (!authorized(req)) return twirpError(res, 401, 'unauthenticated', 'missing or wrong bearer token');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    } catch {
      return twirpError(res, 400, 'malformed', 'body is not JSON');
    }
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    if (!key || !version) return twirpError(res, 400, 'invalid_argument', 'key and version are required');
    switch (method) {
      case 'CreateCacheEntry': {
        if (svc.mode === 'read') return json(res, 200, { ok: false, message: writeDenied });
        if (svc.entries.some((e) => e.key === key && e.version === version))
          return twirpError(
            res,
            409,
            'already_exists',
            'cache entry with the same key, version, and scope already exists',
          );
        const e: CacheEntry = {
          id: nextId++,
          key,
          version,
          size: 0,
          committed: false,
          data: Buffer.alloc(0),
          blocks: new Map(),
          created: Date.now(),
        };
        svc.entries.push(e);
        return json(res, 200, { ok: true, signed_upload_url: blobUrl(e) });
      }
      case 'FinalizeCacheEntryUpload': {
        const e = svc.entries.find((x) => x.key === key && x.version === version && !x.committed);
        if (!e) return twirpError(res, 404, 'not_found', 'no cache entry is being uploaded under this key and version');
        if (String(e.data.length) !== String(body.size_bytes))
          return json(res, 200, {
            ok: false,
            message: `size ${body.size_bytes} does not match the ${e.data.length} bytes uploaded`,
          });
        e.committed = true;
        e.size = e.data.length;
        return json(res, 200, { ok: true, entry_id: String(e.id) });
      }
      case 'GetCacheEntryDownloadURL': {
        const restore = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
        const e = find([key, ...restore], version);
        if (!e) return json(res, 200, { ok: false });
        return json(res, 200, { ok: true, signed_download_url: archiveUrl(e), matched_key: e.key });
      }
      default:
        return twirpError(res, 404, 'bad_route', `no method ${method}`);
    }
  }

  /** The Azure Blob service's Put Blob, Put Block and Put Block List, on the signed URL. */
  async function blob(id: number, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const e = svc.entries.find((x) => x.id === id && !x.committed);
    if (url.searchParams.get('sig') !== sig) return void res.writeHead(403).end('signature mismatch');
    if (!e || req.method !== 'PUT') return void res.writeHead(404).end('no such upload');
    const body = await readBody(req);
    const headers = {
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2024-01-01',
      etag: `"0x${e.id}${e.blocks.size}"`,
      'last-modified': new Date().toUTCString(),
    };
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) return void res.writeHead(400).end('blockid missing');
      e.blocks.set(blockId, body);
      return void res.writeHead(201, headers).end();
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]);
      if (ids.some((b) => !e.blocks.has(b))) return void res.writeHead(400).end('InvalidBlockList');
      e.data = Buffer.concat(ids.map((b) => e.blocks.get(b)!));
      e.blocks.clear();
      return void res.writeHead(201, headers).end();
    }
    if (comp) return void res.writeHead(400).end(`comp=${comp} not supported`);
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
      return void res.writeHead(400).end('x-ms-blob-type: BlockBlob expected');
    e.data = body;
    res.writeHead(201, headers).end();
  }

  async function v1(resource: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorized(req)) return json(res, 401, { message: 'missing or wrong bearer token' });
    if (req.method === 'GET' && resource === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
      const e = find(keys, url.searchParams.get('version') ?? '');
      if (!e) return void res.writeHead(204).end();
      return json(res, 200, {
        cacheKey: e.key,
        scope: 'refs/heads/main',
        cacheVersion: e.version,
        creationTime: new Date(e.created).toISOString(),
        archiveLocation: archiveUrl(e),
      });
    }
    if (req.method === 'POST' && resource === 'caches') {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { key?: string; version?: string };
      if (svc.mode === 'read') return json(res, 403, { message: writeDenied });
      if (!body.key || !body.version) return json(res, 400, { message: 'key and version are required' });
      if (svc.entries.some((e) => e.key === body.key && e.version === body.version))
        return json(res, 409, {
          message: `Cache already exists. Scope: refs/heads/main, Key: ${body.key}, Version: ${body.version}`,
        });
      const e: CacheEntry = {
        id: nextId++,
        key: body.key,
        version: body.version,
        size: 0,
        committed: false,
        data: Buffer.alloc(0),
        blocks: new Map(),
        created: Date.now(),
      };
      svc.entries.push(e);
      return json(res, 201, { cacheId: e.id });
    }
    const m = /^caches\/(\d+)$/.exec(resource);
    const e = m ? svc.entries.find((x) => x.id === Number(m[1]) && !x.committed) : undefined;
    if (!e) return json(res, 404, { message: `no cache upload ${resource}` });
    const body = await readBody(req);
    if (req.method === 'PATCH') {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range'] ?? ''));
      if (!range || Number(range[2]) - Number(range[1]) + 1 !== body.length)
        return json(res, 400, { message: 'Content-Range does not match the body' });
      e.blocks.set(range[1], body);
      return void res.writeHead(204).end();
    }
    if (req.method === 'POST') {
      const chunks = [...e.blocks.entries()].sort((a, b) => Number(a[0]) - Number(b[0]));
      e.data = Buffer.concat(chunks.map(([, b]) => b));
      const { size } = JSON.parse(body.toString('utf8') || '{}') as { size?: number };
      if (size !== e.data.length)
        return json(res, 400, { message: `size ${size} does not match the ${e.data.length} bytes uploaded` });
      e.blocks.clear();
      e.committed = true;
      e.size = e.data.length;
      return void res.writeHead(204).end();
    }
    return json(res, 405, { message: `${req.method} not allowed` });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rec: CacheRequest = { method: req.method ?? '', path: url.pathname, status: 0 };
    svc.requests.push(rec);
    res.on('finish', () => (rec.status = res.statusCode));
    void (async () => {
      if (url.pathname.startsWith(TWIRP)) return twirp(url.pathname.slice(TWIRP.length), req, res);
      if (url.pathname.startsWith(V1)) return v1(url.pathname.slice(V1.length), url, req, res);
      let m = /^\/devstoreaccount1\/actions-cache\/(\d+)$/.exec(url.pathname);
      if (m) return blob(Number(m[1]), url, req, res);
      m = /^\/archives\/(\d+)$/.exec(url.pathname);
      const e = m ? svc.entries.find((x) => x.id === Number(m![1]) && x.committed) : undefined;
      if (e && req.method === 'GET' && url.searchParams.get('sig') === sig) {
        return void res
          .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(e.data.length) })
          .end(e.data);
      }
      res.writeHead(404).end();
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  svc.url = `http://127.0.0.1:${port}`;
  svc.env = (version): Record<string, string> =>
    version === 'v2'
      ? {
          ACTIONS_RESULTS_URL: `${svc.url}/`,
          ACTIONS_CACHE_SERVICE_V2: 'true',
          ACTIONS_RUNTIME_TOKEN: token,
          GITHUB_SERVER_URL: 'https://github.com',
        }
      : // A server URL that is not github.com is GitHub Enterprise Server: the library speaks v1 there.
        {
          ACTIONS_CACHE_URL: `${svc.url}/`,
          ACTIONS_RUNTIME_TOKEN: token,
          GITHUB_SERVER_URL: 'https://ghes.example.com',
        };
  svc.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return svc;
}
