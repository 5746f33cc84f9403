// The local Actions cache service against the real @actions/cache (and the Azure SDK it
// uploads with): what the library saves comes back, for v2 (Twirp + block blobs) and v1 (GHES).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startActionsCache, type ActionsCacheService } from './actions-cache.js';
import { tempDir } from './processes.js';

let svc: ActionsCacheService;
const saved = { ...process.env };

beforeAll(async () => {
  svc = await startActionsCache();
});
afterAll(async () => svc?.close());
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  svc.mode = 'write';
});

/** A job's environment for the service, and a folder to cache (the library reads process.env). */
function job(version: 'v1' | 'v2'): { dir: string; file: string; content: Buffer } {
  const ws = tempDir('cache-ws');
  Object.assign(process.env, svc.env(version), { GITHUB_WORKSPACE: ws, RUNNER_TEMP: tempDir('cache-temp') });
  const dir = join(ws, 'stuff');
  mkdirSync(dir);
  const content = randomBytes(200_000);
  writeFileSync(join(dir, 'blob.bin'), content);
  return { dir, file: join(dir, 'blob.bin'), content };
}

const cache = () => import('@actions/cache');
const twirp = (method: string) => `/twirp/github.actions.results.api.v1.CacheService/${method}`;

describe.each(['v2', 'v1'] as const)('the Actions cache service (%s)', (version) => {
  it('keeps what the library saves and gives it back by exact key, then by restore-key prefix', async () => {
    const { saveCache, restoreCache } = await cache();
    const { dir, file, content } = job(version);
    const key = `t-${version}-${randomBytes(3).toString('hex')}`;
    svc.requests.length = 0;
    expect(
      await saveCache([dir], `${key}:main:1`, version === 'v1' ? { uploadChunkSize: 64 * 1024 } : undefined),
    ).toBeGreaterThan(0);
    const entry = svc.entries.find((e) => e.key === `${key}:main:1`)!;
    expect(entry.committed).toBe(true);
    if (version === 'v2') {
      expect(svc.requests.map((r) => `${r.method} ${r.path.replace(/\d+$/, 'N')} ${r.status}`)).toEqual([
        `POST ${twirp('CreateCacheEntry')} 200`,
        'PUT /devstoreaccount1/actions-cache/N 201',
        `POST ${twirp('FinalizeCacheEntryUpload')} 200`,
      ]);
    } else {
      // Chunks of 64 KiB: the archive is compressed random bytes, so a little over 200 kB.
      const patches = svc.requests.filter((r) => r.method === 'PATCH');
      expect(patches.length).toBe(Math.ceil(entry.size / (64 * 1024)));
      expect(svc.requests.at(-1)).toMatchObject({ method: 'POST', status: 204 });
    }

    rmSync(dir, { recursive: true });
    expect(await restoreCache([dir], `${key}:feature:2`, [`${key}:feature:`, `${key}:main:`])).toBe(`${key}:main:1`);
    expect(readFileSync(file).equals(content)).toBe(true);
    // Another path list is another version: no hit.
    expect(await restoreCache([dir, join(dir, 'x')], `${key}:main:1`)).toBeUndefined();
  });

  it('refuses saves when the run may only read, and the library only warns', async () => {
    const { saveCache } = await cache();
    const { dir } = job(version);
    svc.mode = 'read';
    const before = svc.entries.length;
    expect(await saveCache([dir], `ro-${randomBytes(3).toString('hex')}`)).toBe(-1);
    expect(svc.entries.length).toBe(before);
  });
});

it('assembles a blob uploaded in blocks (Put Block + Put Block List), as the Azure SDK sends a large archive', async () => {
  const { BlockBlobClient } = await import('@azure/storage-blob');
  const token = { authorization: `Bearer ${svc.token}`, 'content-type': 'application/json' };
  const call = (method: string, body: object) =>
    fetch(`${svc.url}${twirp(method)}`, { method: 'POST', headers: token, body: JSON.stringify(body) }).then(
      (r) => r.json() as Promise<Record<string, string>>,
    );
  const key = `blocks-${randomBytes(3).toString('hex')}`;
  const created = await call('CreateCacheEntry', { key, version: 'v' });
  expect(created.ok).toBe(true);
  const data = randomBytes(10_000);
  svc.requests.length = 0;
  await new BlockBlobClient(created.signed_upload_url).uploadData(data, {
    blockSize: 4096,
    maxSingleShotSize: 4096,
    concurrency: 1,
  });
  expect(svc.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 201', 'PUT 201', 'PUT 201', 'PUT 201']);
  expect((await call('FinalizeCacheEntryUpload', { key, version: 'v', size_bytes: String(data.length) })).ok).toBe(
    true,
  );
  const found = await call('GetCacheEntryDownloadURL', { key: 'nope', restore_keys: ['blocks-'], version: 'v' });
  expect(found.matched_key).toBe(key);
  expect(Buffer.from(await (await fetch(found.signed_download_url)).arrayBuffer()).equals(data)).toBe(true);
  // Without the token the service answers nothing.
  expect((await fetch(`${svc.url}${twirp('GetCacheEntryDownloadURL')}`, { method: 'POST', body: '{}' })).status).toBe(
    401,
  );
});
