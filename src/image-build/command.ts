/**
 * The docker command line of a build, for each builder. Pure: a plan in, argv and
 * environment out, so that every option is unit-tested without a daemon.
 */
import type { BuildArg } from './args.js';
import type { Builder } from '../docker/builder.js';

export interface BuildCommandPlan {
  context: string;
  dockerfile: string;
  target?: string;
  /** Names the image gets (-t). */
  refs: string[];
  labels: Record<string, string>;
  args: BuildArg[];
  platforms: string[];
  network?: string;
  /** Cache refs to read (classic: images with inline cache; buildx: registry cache). */
  cacheFrom: string[];
  /** buildx with a registry-capable driver: the registry cache ref to write. */
  cacheTo?: string;
  /** Write inline cache metadata into the image (it is then pushed as the cache ref, or saved). */
  inlineCache: boolean;
  /** buildx only: a local cache folder to read and one to write (the Actions cache, for drivers outside the daemon). */
  localCache?: { from?: string; to: string };
  /** buildx only: FROM names served from elsewhere (fallback pulls). */
  buildContexts: { name: string; ref: string }[];
  iidfile: string;
  /** buildx only: where buildx writes the pushed digest. */
  metadataFile?: string;
  /** buildx only: push from the builder, or load into the daemon. */
  output: 'push' | 'load';
}

export interface DockerInvocation {
  args: string[];
  env: Record<string, string>;
}

// Names the docker client itself reads: a secret arg by one of these names goes on the command line instead.
const CLIENT_ENV = /^(PATH|HOME|TMPDIR|DOCKER_.*|BUILDX_.*|BUILDKIT_.*|(HTTPS?|NO|ALL|FTP)_PROXY|XDG_.*)$/i;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `--build-arg` options. A secret value is passed as `--build-arg NAME` with the value in
 * the client's environment, where the docker client reads it: it never appears in argv.
 */
export function buildArgOptions(args: BuildArg[]): DockerInvocation {
  const out: string[] = [];
  const env: Record<string, string> = {};
  for (const a of args) {
    if (a.secret && ENV_NAME.test(a.name) && !CLIENT_ENV.test(a.name)) {
      out.push('--build-arg', a.name);
      env[a.name] = a.value;
    } else {
      out.push('--build-arg', `${a.name}=${a.value}`);
    }
  }
  return { args: out, env };
}

function common(plan: BuildCommandPlan): string[] {
  const out = ['--file', plan.dockerfile];
  for (const ref of plan.refs) out.push('--tag', ref);
  for (const [k, v] of Object.entries(plan.labels)) out.push('--label', `${k}=${v}`);
  if (plan.target) out.push('--target', plan.target);
  if (plan.network) out.push('--network', plan.network);
  out.push('--iidfile', plan.iidfile);
  return out;
}

/** `docker build` on the daemon's BuildKit (kind buildkit) or the legacy builder. */
export function classicCommand(plan: BuildCommandPlan, kind: 'buildkit' | 'legacy'): DockerInvocation {
  const buildArgs = buildArgOptions(plan.args);
  const args = ['build'];
  if (kind === 'buildkit') args.push('--progress', 'plain');
  args.push(...common(plan), ...buildArgs.args);
  for (const ref of plan.cacheFrom) args.push('--cache-from', ref);
  if (kind === 'buildkit' && plan.inlineCache) args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
  args.push(plan.context);
  return { args, env: { ...buildArgs.env, DOCKER_BUILDKIT: kind === 'buildkit' ? '1' : '0' } };
}

/** `docker buildx build`. */
export function buildxCommand(plan: BuildCommandPlan): DockerInvocation {
  const buildArgs = buildArgOptions(plan.args);
  const args = ['buildx', 'build', '--progress', 'plain', ...common(plan), ...buildArgs.args];
  if (plan.platforms.length) args.push('--platform', plan.platforms.join(','));
  for (const ref of plan.cacheFrom) args.push('--cache-from', `type=registry,ref=${ref}`);
  if (plan.localCache?.from) args.push('--cache-from', `type=local,src=${plan.localCache.from}`);
  if (plan.cacheTo) args.push('--cache-to', `type=registry,ref=${plan.cacheTo},mode=max`);
  else if (plan.localCache) args.push('--cache-to', `type=local,dest=${plan.localCache.to},mode=max`);
  else if (plan.inlineCache) args.push('--cache-to', 'type=inline');
  for (const c of plan.buildContexts) args.push('--build-context', `${c.name}=docker-image://${c.ref}`);
  if (plan.metadataFile) args.push('--metadata-file', plan.metadataFile);
  args.push(plan.output === 'push' ? '--push' : '--load', plan.context);
  return { args, env: buildArgs.env };
}

export function buildCommand(builder: Builder, plan: BuildCommandPlan): DockerInvocation {
  return builder.kind === 'buildx' ? buildxCommand(plan) : classicCommand(plan, builder.kind);
}
