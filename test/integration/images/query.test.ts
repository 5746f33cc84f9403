// Picking an image by what it is (`regkit copy 'repo?branch=main&newest' …`) on real registries,
// and carrying its signature along.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../harness/cli.js';
import { getManifest, listTags, sidecarTag } from '../../env/index.js';
import { parseQuery } from '../../../src/images/index.js';
import { B, files, images, REV, sigV11, startWorld, type World } from './fixture.js';

let w: World;

beforeAll(async () => {
  w = await startWorld();
});

afterAll(async () => {
  await w?.stop();
});

describe('picking an image by what it is', () => {
  it('copies the newest image built from a branch, with its signature, and names what it picked', async () => {
    const { cwd, env } = files(w);
    const r = await runCli(['copy', `${w.staging.host}/app?branch=main&newest`, `${w.prod.host}/acme/app:promoted`], {
      cwd,
      env,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${w.prod.host}/acme/app@${images.v11.digest}\n`);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `picked ${w.staging.host}/app@${images.v11.digest} (tags 1.1, latest, branch main, commit bbbbbbb, created 2026-02-01 10:00)`,
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^copied ${w.staging.host}/app@${images.v11.digest} to ${w.prod.host}/acme/app:promoted: [\\d.]+ kB copied \\(\\d blobs\\)$`,
      ),
    );
    expect(lines[2]).toMatch(/^with signature sha256-[0-9a-f]{12}….sig$/);
    const target = { url: w.prod.url, ...B };
    expect((await getManifest(target, 'acme/app', 'promoted')).digest).toBe(images.v11.digest);
    expect((await getManifest(target, 'acme/app', sidecarTag(images.v11.digest, 'sig'))).digest).toBe(sigV11.digest);
  });

  it('copies the image of a commit to several tags at once, then finds all of them up to date', async () => {
    const { cwd, env } = files(w);
    const args = [
      'copy',
      `${w.staging.host}/app?revision=${REV.v10}`,
      `${w.prod.host}/acme/app:1.0`,
      '--tag',
      'stable',
      '--tag',
      'prod',
      '--no-attachments',
    ];
    const r = await runCli(args, { cwd, env });
    expect(r.code).toBe(0);
    expect(await listTags({ url: w.prod.url, ...B }, 'acme/app')).toEqual(
      expect.arrayContaining(['1.0', 'prod', 'stable']),
    );
    for (const tag of ['1.0', 'stable', 'prod'])
      expect((await getManifest({ url: w.prod.url, ...B }, 'acme/app', tag)).digest).toBe(images.v10.digest);
    const again = await runCli(args, { cwd, env });
    expect(again.stderr.trimEnd().split('\n')[1]).toBe(
      `copied ${w.staging.host}/app@${images.v10.digest} to ${w.prod.host}/acme/app:1.0, ${w.prod.host}/acme/app:stable, ${w.prod.host}/acme/app:prod: already up to date`,
    );
  });

  it('fails with one line when nothing matches, or several do without newest', async () => {
    const { cwd, env } = files(w);
    const none = await runCli(['copy', `${w.staging.host}/app?branch=nope`, `${w.prod.host}/acme/app:x`], { cwd, env });
    expect([none.code, none.stderr]).toEqual([
      1,
      `regkit copy: no image of ${w.staging.host}/app matches "${w.staging.host}/app?branch=nope"\n`,
    ]);
    const several = await runCli(['copy', `${w.staging.host}/app?branch=main`, `${w.prod.host}/acme/app:x`], {
      cwd,
      env,
    });
    expect([several.code, several.stderr]).toEqual([
      1,
      `regkit copy: 2 images of ${w.staging.host}/app match "${w.staging.host}/app?branch=main" (1.1, 1.0); add &newest to take the newest, or narrow the query\n`,
    ]);
  });

  it('reads queries strictly', () => {
    expect(parseQuery('staging/app:1.0')).toBeUndefined();
    expect(parseQuery('staging/app?branch=main&newest')).toMatchObject({
      name: 'staging/app',
      filter: { branch: 'main' },
      newest: true,
    });
    expect(parseQuery('staging/app?commit=abc1234')).toMatchObject({ filter: { revision: 'abc1234' }, newest: false });
    expect(() => parseQuery('staging/app?brnach=main')).toThrow(
      'source: unknown query key "brnach" in "staging/app?brnach=main" (keys: branch, tag, base, revision, commit, since, tagged, newest) did you mean "branch"?',
    );
    expect(() => parseQuery('staging/app:1.0?branch=main')).toThrow(/give the image name without :tag or @digest/);
    expect(() => parseQuery('staging/app?newest')).toThrow(
      'source: "staging/app?newest" asks nothing after "?" (e.g. ?branch=main&newest)',
    );
    expect(() => parseQuery('staging/app?since=yesterday')).toThrow(/since: "yesterday" is neither a date/);
  });
});
