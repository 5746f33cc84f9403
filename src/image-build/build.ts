/**
 * The build action's work: plan, log in per phase, get the FROM images (with
 * fallbacks), build, push, write the cache. Every Docker config it makes is its
 * own and is removed before it returns, whatever happened.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { Registry } from '../registries-file/index.js';
import { familiarName, parseImageRef } from '../naming/index.js';
import { buildsIntoDaemon, detectBuilder, type Builder } from '../docker/builder.js';
import { installBuildx } from '../docker/buildx-install.js';
import { runDocker } from '../docker/cli.js';
import { localImage, pullWithRetries, tagImage, untag, type DockerEnv } from '../docker/image.js';
import { tempRoot } from '../docker/phase-config.js';
import { pushRefs } from '../docker/push.js';
import {
  releaseCacheSource,
  restoreCacheSource,
  saveCacheSource,
  type ActionsCacheSource,
} from './actions-cache-source.js';
import {
  accountsByDomain,
  conflictingDomains,
  loginPhase,
  unionAccounts,
  type LoginContext,
  type PhaseLogin,
} from '../credentials/index.js';
import { prepareBaseImages, type BaseImage } from './base-images.js';
import { buildCommand, type BuildCommandPlan } from './command.js';
import { cacheStats, metadataDigest, type CacheStats } from './output.js';
import { planBuild, type BuildInputs, type BuildPlan } from './plan.js';
import type { Log } from '../log.js';

export interface BuildResult {
  plan: BuildPlan;
  builder: Builder;
  image: string;
  digest: string;
  pushed: boolean;
  imageId: string;
  size?: number;
  baseImages: BaseImage[];
  /** Refs of the caching registry, or keys of the Actions cache (`kind`). */
  cache?: CacheStats & { kind: 'registry' | 'actions'; from: string[]; to?: string; written: boolean };
  logins: { phase: string; name: string; domain: string; username: string }[];
  /** Domains read with one account and pushed with another. */
  split: string[];
}

/** The line of the builder's output that says why the build failed. */
export function buildFailure(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const picked =
    [...lines].reverse().find((l) => /^(error:|ERROR:|failed to solve)/i.test(l)) ??
    [...lines].reverse().find((l) => /returned a non-zero code|error/i.test(l)) ??
    lines[lines.length - 1];
  return (picked ?? 'no output').replace(/^(error|ERROR):\s*/, '');
}

/** The name buildx's dockerfile frontend looks a FROM up by in --build-context. */
function contextName(image: string): string {
  return familiarName(parseImageRef(image)).replace(/:latest$/, '');
}

/**
 * The accounts of each phase, and whether the builder pushes by itself (buildx drivers
 * that do not keep images in the daemon; only possible when one config serves both phases).
 */
export function phaseAccounts(
  plan: Pick<BuildPlan, 'readRegistries' | 'contexts' | 'target' | 'cache'>,
  builder: Builder,
  disablePush: boolean,
  platforms: string[],
) {
  const read = accountsByDomain(plan.readRegistries, plan.contexts);
  const writes: Registry[] = [];
  if (!disablePush && plan.target) writes.push(plan.target);
  if (plan.cache?.to) writes.push(plan.cache.registry);
  const write = accountsByDomain(writes);
  const split = conflictingDomains(read, write);
  const inDaemon = buildsIntoDaemon(builder);
  // A builder that pushes by itself can only push in the build phase, with one config for both.
  const pushInBuild = !inDaemon && !disablePush && split.length === 0;
  if (!inDaemon && !disablePush && split.length && platforms.length > 1) {
    throw new UserError(
      `platforms: several platforms are pushed by buildx during the build, but ${split.join(', ')} is read with one account and pushed with another — build one platform per job, or use one account`,
    );
  }
  // Such a builder also writes the cache during the build: with no conflict, the build config has every account.
  return {
    read: !inDaemon && split.length === 0 ? unionAccounts(read, write) : read,
    write,
    split,
    inDaemon,
    pushInBuild,
  };
}

export async function runBuild(inputs: BuildInputs, log: Log): Promise<BuildResult> {
  const plan = await planBuild(inputs);
  const builder = await builderFor(inputs, plan, log);
  log.info(
    `Builder: ${builder.kind === 'buildx' ? `docker buildx (${builder.driver} driver)` : `docker build (${builder.kind}) with ${builder.client}`}`,
  );
  if (inputs.platforms.length && builder.kind !== 'buildx') {
    throw new UserError(
      `platforms: ${inputs.platforms.join(',')} needs docker buildx, and ${builder.client} has no buildx plugin — install buildx (docker/setup-buildx-action) or leave platforms empty`,
    );
  }
  if (inputs.platforms.length > 1 && inputs.disablePush) {
    throw new UserError(
      `platforms: an image for ${inputs.platforms.length} platforms cannot be kept in the local image store — push it (disable-push: false) or build one platform`,
    );
  }
  const accounts = phaseAccounts(plan, builder, inputs.disablePush, inputs.platforms);
  const ctx: LoginContext = {
    config: inputs.config,
    registriesFile: plan.registriesFile,
    env: inputs.env,
    key: { input: inputs.aesKey, env: inputs.env },
    mask: inputs.mask,
  };
  const phases: PhaseLogin[] = [];
  const work = mkdtempSync(join(tempRoot(inputs.env), 'regkit-build-'));
  let actionsCache: ActionsCacheSource | undefined;
  let releaseCache = async () => {};
  try {
    const buildPhase = await loginPhase('build', accounts.read, ctx);
    phases.push(buildPhase);
    const docker: DockerEnv = { client: builder.client, env: buildPhase.env };
    for (const domain of accounts.split) {
      log.info(
        `${domain}: read with ${accounts.read.get(domain)!.name}, pushed with ${accounts.write.get(domain)!.name} (a Docker config for each phase)`,
      );
    }

    const baseImages = await prepareBaseImages(plan.from.images, plan.dockerfile, {
      registriesFile: plan.registriesFile,
      contexts: inputs.registryContexts,
      docker,
      pullAlways: inputs.pull,
      tagLocally: accounts.inDaemon,
      log: (l) => log.warning(l),
    });

    if (plan.actionsCache) {
      const src = await restoreCacheSource(plan.actionsCache, accounts.inDaemon, docker, inputs.env, log);
      actionsCache = src;
      releaseCache = () => releaseCacheSource(src, docker);
    }
    let cacheFrom = plan.cache?.from ?? (actionsCache?.loaded ? [actionsCache.loaded] : []);
    if (plan.cache && builder.kind === 'legacy') {
      // The legacy builder only reuses layers of images it has: pull the cache refs first.
      const pulled = await Promise.all(cacheFrom.map((ref) => pullWithRetries(docker, ref, { attempts: 1 })));
      cacheFrom = cacheFrom.filter((_, i) => pulled[i].ok);
    }
    const commandPlan: BuildCommandPlan = {
      context: inputs.context || '.',
      dockerfile: plan.dockerfile,
      target: inputs.target || undefined,
      refs: plan.refs,
      labels: plan.labels,
      args: plan.args,
      platforms: inputs.platforms,
      // REGKIT_BUILD_NETWORK: a runner-wide default, for daemons without a default bridge.
      network: inputs.network || inputs.env.REGKIT_BUILD_NETWORK?.trim() || undefined,
      cacheFrom,
      cacheTo: !accounts.inDaemon ? plan.cache?.to : undefined,
      inlineCache: (!!plan.cache?.to || !!plan.actionsCache) && accounts.inDaemon,
      localCache: actionsCache?.local,
      buildContexts:
        builder.kind === 'buildx'
          ? baseImages.filter((b) => b.from).map((b) => ({ name: contextName(b.image), ref: b.from! }))
          : [],
      iidfile: join(work, 'iid'),
      metadataFile: builder.kind === 'buildx' ? join(work, 'metadata.json') : undefined,
      output: accounts.pushInBuild ? 'push' : 'load',
    };
    const cmd = buildCommand(builder, commandPlan);
    const built = await log.group(`docker ${cmd.args[0] === 'buildx' ? 'buildx build' : 'build'}`, () =>
      runDocker({
        client: builder.client,
        args: cmd.args,
        env: { ...cmd.env, ...buildPhase.env },
        stream: true,
        redact: plan.args.filter((a) => a.secret).map((a) => a.value),
      }),
    );
    if (built.code !== 0) throw new UserError(`docker build failed: ${buildFailure(built.output)}`);
    const stats = cacheStats(built.output);
    // The legacy builder does not say what it read: the cache refs it had were pulled above.
    if (builder.kind === 'legacy') stats.imported = cacheFrom;
    // What was read is the Actions cache entry, whatever the builder calls it.
    if (actionsCache)
      stats.imported =
        actionsCache.matched && (actionsCache.loaded || actionsCache.local?.from) ? [actionsCache.matched] : [];
    const imageId = existsSync(commandPlan.iidfile) ? readFileSync(commandPlan.iidfile, 'utf8').trim() : '';
    const local = accounts.inDaemon || commandPlan.output === 'load' ? await localImage(docker, imageId) : undefined;

    const metadata =
      commandPlan.metadataFile && accounts.pushInBuild && existsSync(commandPlan.metadataFile)
        ? readFileSync(commandPlan.metadataFile, 'utf8')
        : '';
    let digest = metadataDigest(metadata) ?? '';
    let cacheWritten = accounts.pushInBuild && !!commandPlan.cacheTo;
    const needsPushPhase = (!inputs.disablePush && !accounts.pushInBuild) || (!!plan.cache?.to && accounts.inDaemon);
    if (needsPushPhase) {
      const pushPhase = await loginPhase('push', accounts.write, ctx);
      phases.push(pushPhase);
      const pusher: DockerEnv = { client: builder.client, env: pushPhase.env };
      const username = (ref: string) => pushPhase.logins.find((l) => ref.startsWith(`${l.domain}/`))?.username;
      if (!inputs.disablePush && !accounts.pushInBuild) {
        const pushed = await log.group('docker push', () =>
          pushRefs(pusher, plan.refs, { account: username, stream: true }),
        );
        digest = pushed.find((p) => p.digest)?.digest ?? '';
      }
      if (plan.cache?.to && accounts.inDaemon) cacheWritten = await writeCache(pusher, imageId, plan.cache.to, log);
    }
    if (actionsCache) cacheWritten = await saveCacheSource(actionsCache, imageId, docker, inputs.env, log);
    const cacheKeys = plan.actionsCache && {
      kind: 'actions' as const,
      from: plan.actionsCache.restore,
      to: plan.actionsCache.save,
    };
    return {
      plan,
      builder,
      image: plan.refs[0],
      digest,
      pushed: !inputs.disablePush,
      imageId,
      size: local?.size,
      baseImages,
      cache: plan.cache
        ? { ...stats, kind: 'registry', from: plan.cache.from, to: plan.cache.to, written: cacheWritten }
        : cacheKeys
          ? { ...stats, ...cacheKeys, written: cacheWritten }
          : undefined,
      logins: phases.flatMap((p) =>
        p.logins.map((l) => ({ phase: p.phase, name: l.name, domain: l.domain, username: l.username })),
      ),
      split: accounts.split,
    };
  } finally {
    await releaseCache();
    for (const p of phases) p.remove();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The detected builder, after installing buildx where the build needs it and the runner's
 * Docker has none: platforms need it (a failed install fails the build); a cache on the
 * legacy builder is better served by BuildKit (a failed install is a warning).
 */
async function builderFor(inputs: BuildInputs, plan: BuildPlan, log: Log): Promise<Builder> {
  const builder = await detectBuilder(inputs.env);
  if (builder.kind === 'buildx' || inputs.env.REGKIT_BUILDER?.trim()) return builder;
  const required = inputs.platforms.length > 0;
  if (!required && !(builder.kind === 'legacy' && (plan.cache || plan.actionsCache))) return builder;
  try {
    await log.group('Install buildx', () =>
      installBuildx({ env: inputs.env, mirror: inputs.buildxMirror, log: (l) => log.info(l) }),
    );
  } catch (err) {
    if (required || !(err instanceof UserError)) throw err;
    log.warning(`${err.message}; building with the legacy builder`);
    return builder;
  }
  const again = await detectBuilder(inputs.env);
  if (again.kind !== 'buildx')
    throw new UserError(
      `buildx: installed, but ${again.client} does not run it as a plugin — install buildx on the runner`,
    );
  return again;
}

/** The image, with its inline cache, pushed as the branch's cache ref; a failure only warns. */
async function writeCache(d: DockerEnv, imageId: string, ref: string, log: Log): Promise<boolean> {
  try {
    await tagImage(d, imageId, ref);
    await pushRefs(d, [ref]);
    log.info(`Build cache written to ${ref}`);
    return true;
  } catch (err) {
    log.warning(`build cache not written to ${ref}: ${(err as Error).message}`);
    return false;
  } finally {
    await untag(d, ref);
  }
}
