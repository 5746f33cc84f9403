// The promote action picking its source by what it is, carrying the signature, and its images mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, secretLeaks } from '../../harness/action.js';
import { getManifest, sidecarTag } from '../../env/index.js';
import { oneError, pushEvent, workspace } from '../../actions/build-fixture.js';
import { A, B, images, sigV11, startWorld, type World } from './fixture.js';

let w: World;
const registries = () => [
  {
    name: 'staging',
    provider: 'other',
    domain: w.staging.host,
    credentials: { username: 'alice', password: '${A_PW}' },
  },
  {
    name: 'prod',
    provider: 'other',
    domain: w.prod.host,
    prefix: 'acme',
    credentials: { username: 'bob', password: '${B_PW}' },
  },
];
const env = () => ({ A_PW: A.password, B_PW: B.password, ...pushEvent('main') });

beforeAll(async () => {
  w = await startWorld();
});

afterAll(async () => {
  await w?.stop();
});

describe('promote action with images', () => {
  it('promotes the newest image of a branch with its signature, and says what it picked and carried', async () => {
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const r = await runAction('promote', {
      cwd,
      env: env(),
      inputs: { source: 'staging/app?branch=main&newest', tags: 'release' },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs.digest).toBe(images.v11.digest);
    const target = { url: w.prod.url, ...B };
    expect((await getManifest(target, 'acme/app', 'release')).digest).toBe(images.v11.digest);
    expect((await getManifest(target, 'acme/app', sidecarTag(images.v11.digest, 'sig'))).digest).toBe(sigV11.digest);
    expect(r.stdout).toContain(
      `Picked ${w.staging.host}/app@${images.v11.digest} (tags 1.1, latest, branch main, commit bbbbbbb, created 2026-02-01 10:00)`,
    );
    expect(r.summary).toContain(`| Source | ${w.staging.host}/app@${images.v11.digest} |`);
    expect(r.summary).toContain(`| Picked | ${w.staging.host}/app@${images.v11.digest} (tags 1.1, latest`);
    expect(r.summary).toMatch(/\| Attached \| signature sha256-[0-9a-f]{12}….sig \|/);
    expect(r.summary).toContain(`| Targets | ${w.prod.host}/acme/app:release |`);
    expect(secretLeaks(r, [A.password, B.password]).printed).toEqual([]);

    const off = await runAction('promote', {
      cwd,
      env: env(),
      inputs: { source: 'staging/app?branch=feature/*', tags: 'feature', attachments: 'false' },
    });
    expect(off.errors).toEqual([]);
    expect(off.summary).toContain('| Attached | none found |');
  });

  it('fails with one line when the query matches several images without newest', async () => {
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const r = await runAction('promote', { cwd, env: env(), inputs: { source: 'staging/app?branch=main', tags: 'x' } });
    expect(oneError(r)).toBe(
      `2 images of ${w.staging.host}/app match "staging/app?branch=main" (1.1, 1.0); add &newest to take the newest, or narrow the query`,
    );
  });

  it('lists images as a job summary table in images mode', async () => {
    const cwd = workspace(registries(), {}, { default: 'prod' });
    const r = await runAction('promote', {
      cwd,
      env: env(),
      inputs: { mode: 'images', registry: 'staging', filter: 'branch=main&tag=1.*' },
    });
    expect(r.errors).toEqual([]);
    const listed = JSON.parse(r.outputs.images) as { repository: string; tags: string[] }[];
    expect(listed.map((i) => `${i.repository}:${i.tags.join(',')}`)).toEqual(['app:1.1', 'worker:1.0', 'app:1.0']);
    expect(r.summary).toContain('<h3>Images</h3>');
    expect(r.summary).toContain(
      '| Registry | Image | Tags | Digest | Platforms | Size | Created | Branch | Commit | Message | Attached |',
    );
    expect(r.summary).toContain(`| staging | app | 1.1 | \`${images.v11.digest.slice(7, 19)}\` | linux/amd64 |`);
    expect(secretLeaks(r, [A.password, B.password]).printed).toEqual([]);
    const bad = await runAction('promote', { cwd, env: env(), inputs: { mode: 'images', filter: 'brnch=main' } });
    expect(oneError(bad)).toMatch(/^filter: unknown query key "brnch"/);
  });
});
