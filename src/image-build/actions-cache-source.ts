/**
 * The Actions cache entry as a builder's cache source:
 *  - builders that build into the daemon (BuildKit through an older client, the legacy
 *    builder, buildx's docker driver) get the previous image back with `docker load` and
 *    name it in --cache-from; BuildKit reads the inline cache metadata it was built with,
 *    the legacy builder its layers. After the build the new image is `docker save`d.
 *  - buildx drivers outside the daemon read and write a local cache folder
 *    (`--cache-from type=local` / `--cache-to type=local,mode=max`), which is the entry.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadImage, saveImage, tagImage, untag, type DockerEnv } from '../docker/image.js';
import { actionsCacheDir, restoreActionsCache, saveActionsCache, type ActionsCachePlan } from './actions-cache.js';
import type { Log } from '../log.js';

export interface ActionsCacheSource {
  plan: ActionsCachePlan;
  layout: 'image' | 'buildx';
  dir: string;
  /** The key of the entry restored. */
  matched?: string;
  /** Warned already that the cache cannot be used: nothing is saved. */
  unusable?: boolean;
  /** image layout: the local name of the previous image, for --cache-from. */
  loaded?: string;
  /** buildx layout: the folders buildx reads and writes. */
  local?: { from?: string; to: string };
}

const IMAGE_TAR = 'image.tar';

export async function restoreCacheSource(
  plan: ActionsCachePlan,
  inDaemon: boolean,
  d: DockerEnv,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<ActionsCacheSource> {
  const layout = inDaemon ? 'image' : 'buildx';
  const dir = actionsCacheDir(env, layout);
  rmSync(dir, { recursive: true, force: true });
  const src: ActionsCacheSource = { plan, layout, dir };
  const restored = await log.group('Build cache: restore from the Actions cache', () =>
    restoreActionsCache(plan, dir, env, log),
  );
  src.matched = restored.matched;
  src.unusable = restored.unusable;
  if (layout === 'buildx') {
    src.local = { from: src.matched && existsSync(join(dir, 'index.json')) ? dir : undefined, to: `${dir}-new` };
    return src;
  }
  const tar = join(dir, IMAGE_TAR);
  if (src.matched && existsSync(tar)) {
    try {
      src.loaded = await loadImage(d, tar);
    } catch (err) {
      log.warning(
        `cache: the Actions cache entry ${src.matched} could not be loaded (${(err as Error).message}) — building without cache`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return src;
}

/** Saves what this build leaves as the next build's cache source; whether it was saved. */
export async function saveCacheSource(
  src: ActionsCacheSource,
  imageId: string,
  d: DockerEnv,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<boolean> {
  if (src.unusable) return false;
  if (src.plan.save && src.matched === src.plan.save) {
    log.info(`Actions cache entry ${src.matched} exists already (this commit was built before): not saved again`);
    return false;
  }
  return log.group('Build cache: save to the Actions cache', async () => {
    if (src.layout === 'buildx') {
      if (!src.local || !existsSync(src.local.to)) {
        log.warning('cache: buildx wrote no cache folder — build cache not saved');
        return false;
      }
      rmSync(src.dir, { recursive: true, force: true });
      renameSync(src.local.to, src.dir);
    } else {
      if (!imageId) return false;
      mkdirSync(src.dir, { recursive: true });
      // Saved under a name of its own, so the next build's `docker load` names nothing of the user's.
      const name = `regkit-build-cache:${randomBytes(6).toString('hex')}`;
      try {
        await tagImage(d, imageId, name);
        await saveImage(d, name, join(src.dir, IMAGE_TAR));
      } catch (err) {
        log.warning(`cache: build cache not saved (${(err as Error).message})`);
        return false;
      } finally {
        await untag(d, name);
      }
    }
    return saveActionsCache(src.plan, src.dir, env, log);
  });
}

/** Removes the loaded image's name and the folders, whatever happened. */
export async function releaseCacheSource(src: ActionsCacheSource, d: DockerEnv): Promise<void> {
  if (src.loaded) await untag(d, src.loaded);
  rmSync(dirname(src.dir), { recursive: true, force: true });
  if (src.local) rmSync(src.local.to, { recursive: true, force: true });
}
