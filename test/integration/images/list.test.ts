// Listing images across two real registries: the library, then `regkit images` as a user runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../harness/cli.js';
import { makeImage, MEDIA, pushImage, sha256, startProxy, startRegistry, type Proxy } from '../../env/index.js';
import { listImages, type ImageRow } from '../../../src/images/index.js';
import { Sessions, Transport } from '../../../src/registry/index.js';
import { A, B, files, images, REV, startWorld, type World } from './fixture.js';

let w: World;
let proxy: Proxy;
let transport: Transport;

beforeAll(async () => {
  w = await startWorld();
  proxy = await startProxy(w.staging.url);
  transport = new Transport({ retryBaseMs: 5 });
});

afterAll(async () => {
  transport?.close();
  await proxy?.stop();
  await w?.stop();
});

const sessions = () =>
  new Sessions({
    transport,
    credential: async (d) => (d === proxy.host || d === w.staging.host ? A : d === w.prod.host ? B : undefined),
  });
const brief = (rows: ImageRow[]) => rows.map((r) => `${r.registry}/${r.repository}:${r.tags.join(',') || '-'}`);

describe('listing images', () => {
  it('lists every image of every registry with its labels, newest first, one row per digest', async () => {
    const { rows, requests } = await listImages({
      registries: [
        { name: 'staging', domain: proxy.host },
        { name: 'prod', domain: w.prod.host, prefix: 'acme' },
      ],
      sessions: sessions(),
    });
    expect(brief(rows)).toEqual([
      'staging/app:1.1,latest',
      'staging/worker:1.0',
      'staging/app:feature-x',
      'prod/acme/app:2.0',
      'staging/app:1.0',
      'staging/app:-',
    ]);
    const v11 = rows[0];
    expect(v11).toMatchObject({
      domain: proxy.host,
      digest: images.v11.digest,
      kind: 'image',
      platforms: ['linux/amd64'],
      created: '2026-02-01T10:00:00Z',
      branch: 'main',
      revision: REV.v11,
      message: 'Second release\n\nWith a body',
      source: 'https://github.com/acme/app',
      attached: ['signature'],
    });
    expect(v11.size).toBe(images.v11.blobs.reduce((n, b) => n + b.size, 0));
    expect(rows[1]).toMatchObject({
      kind: 'index',
      platforms: ['linux/amd64', 'linux/arm64'],
      base: 'docker.io/library/node:20',
      digest: images.worker.digest,
    });
    // The untagged image is found through the signature that still names it.
    expect(rows[5]).toMatchObject({ digest: images.untagged.digest, tags: [], attached: ['signature'], branch: 'old' });
    // staging: catalog, 2 tag lists, 5 tags + 1 untagged digest, 1 child manifest (worker's amd64), 5 configs
    // (1.1 and latest share one manifest's config; the proxy shows every request it made).
    const made = proxy.requests.filter((r) => r.status !== 401).length;
    expect(requests.staging).toBe(made);
    expect(made).toBe(1 + 2 + 6 + 1 + 5);
  });

  it('combines filters with AND: branch, tag, base, revision, tagged/untagged, since', async () => {
    const list = (filter: object, repositories?: string[]) =>
      listImages({
        registries: [{ name: 'staging', domain: w.staging.host }],
        sessions: sessions(),
        filter,
        repositories,
      }).then((l) => brief(l.rows));
    expect(await list({ branch: 'main' })).toEqual(['staging/app:1.1,latest', 'staging/worker:1.0', 'staging/app:1.0']);
    // With --tag only the matching tags are read, so only they are shown.
    expect(await list({ branch: 'main', tag: '1.*' })).toEqual([
      'staging/app:1.1',
      'staging/worker:1.0',
      'staging/app:1.0',
    ]);
    expect(await list({ branch: 'main', tag: '1.*' }, ['app'])).toEqual(['staging/app:1.1', 'staging/app:1.0']);
    expect(await list({ branch: 'feature/*' })).toEqual(['staging/app:feature-x']);
    expect(await list({ base: '*node:20' })).toEqual(['staging/worker:1.0']);
    expect(await list({ revision: REV.v10.slice(0, 7) })).toEqual(['staging/app:1.0']);
    expect(await list({ tagged: false })).toEqual(['staging/app:-']);
    expect(await list({ since: new Date('2026-01-16T00:00:00Z'), branch: 'main' })).toEqual([
      'staging/app:1.1,latest',
      'staging/worker:1.0',
    ]);
    expect(await list({ branch: 'nope' })).toEqual([]);
  });

  it('names an image it cannot read and lists the rest', async () => {
    const broken = makeImage({ seed: 'img-broken' });
    const config = Buffer.from('not json');
    const bad = { ...broken, config: { ...broken.config, data: config, digest: sha256(config), size: config.length } };
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        config: { mediaType: MEDIA.ociConfig, digest: bad.config.digest, size: bad.config.size },
        layers: [],
      }),
    );
    const own = await startRegistry({ auth: 'none' });
    try {
      await pushImage(
        { url: own.url },
        'broken',
        { ...bad, blobs: [bad.config], manifest, digest: sha256(manifest) },
        '1.0',
      );
      await pushImage({ url: own.url }, 'fine', images.v10, '1.0');
      const warnings: string[] = [];
      const l = await listImages({
        registries: [{ name: 'own', domain: own.host }],
        sessions: sessions(),
        warn: (m) => warnings.push(m),
      });
      expect(brief(l.rows)).toEqual(['own/fine:1.0']);
      expect(warnings).toEqual([
        `registry own: skipped broken:1.0: ${own.host}/broken@${sha256(manifest)}: the image config is not a JSON object`,
      ]);
    } finally {
      await own.stop();
    }
  });

  it('stops at the request budget and says so', async () => {
    const warnings: string[] = [];
    const l = await listImages({
      registries: [{ name: 'staging', domain: w.staging.host }],
      sessions: sessions(),
      budget: 4,
      warn: (m) => warnings.push(m),
    });
    expect(l.requests.staging).toBeLessThanOrEqual(4);
    expect(warnings).toEqual([
      'registry staging: stopped after 4 requests (the request budget); the listing of it is incomplete',
    ]);
  });
});

describe('regkit images', () => {
  it('prints a table, JSON, and writes an HTML page; filters on the command line', async () => {
    const { cwd, env } = files(w);
    const table = await runCli(['images', '--branch', 'main', '--quiet'], { cwd, env });
    expect([table.code, table.stderr]).toEqual([0, '']);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^REGISTRY\s+IMAGE\s+TAGS\s+DIGEST\s+PLATFORMS\s+SIZE\s+CREATED\s+BRANCH\s+COMMIT\s+MESSAGE\s+ATTACHED$/,
    );
    expect(
      lines.slice(1).map((l) =>
        l
          .split(/\s{2,}/)
          .slice(0, 3)
          .join(' '),
      ),
    ).toEqual(['staging app 1.1, latest', 'staging worker 1.0', 'prod acme/app 2.0', 'staging app 1.0']);
    expect(lines[1]).toContain('Second release');
    expect(lines[1]).toContain('bbbbbbb');
    expect(lines[1]).toMatch(/ signature$/);

    const json = await runCli(['images', '--registry', 'prod', '--json'], { cwd, env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { registry: 'prod', repository: 'acme/app', tags: ['2.0'], digest: images.prod.digest, branch: 'main' },
    ]);
    expect(json.stderr).toMatch(/^1 images \(requests: prod \d+\)\n$/);

    const page = join(cwd, 'images.html');
    const html = await runCli(['images', '--html', page, '--quiet'], { cwd, env });
    expect(html.code).toBe(0);
    const text = readFileSync(page, 'utf8');
    expect(text).toContain('Try &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;');
    expect(text).not.toMatch(/(src|href)="https?:/);
  });

  it('fails with one line for a registry without a catalog and no --repository, and for a wrong registry name', async () => {
    const { cwd, env } = files(w);
    const anon = await runCli(['images', '--registry', 'prod', '--quiet'], {
      cwd,
      env: { DOCKER_CONFIG: join(cwd, 'nowhere') },
    });
    expect([anon.code, anon.stderr]).toEqual([
      1,
      `regkit images: registry prod (${w.prod.host}) offers no catalog of its repositories to this account; name the repositories with --repository\n`,
    ]);
    const wrong = await runCli(['images', '--registry', 'prdo'], { cwd, env });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(wrong.stderr).toContain('prdo');
  });
});
