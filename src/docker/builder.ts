/**
 * Which builder a build uses:
 *  - buildx, when the docker client has the plugin (GitHub's runners): `docker buildx build`;
 *  - buildkit: a docker client older than 23 with DOCKER_BUILDKIT=1 runs `docker build`
 *    on the daemon's BuildKit (inline cache, --cache-from without pulling). Debian's
 *    docker.io installs such a client at /usr/bin/docker next to newer ones;
 *  - legacy: `docker build` with the classic builder (newer clients without buildx).
 *
 * REGKIT_BUILDER (buildx | buildkit | legacy) and REGKIT_DOCKER (the client) override the choice.
 */
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { UserError } from '../errors.js';
import { runDocker } from './cli.js';

export type BuilderKind = 'buildx' | 'buildkit' | 'legacy';

export interface Builder {
  kind: BuilderKind;
  client: string;
  /** buildx only: the builder's driver (docker, docker-container, kubernetes, remote). */
  driver?: string;
}

/** Every `docker` on PATH, in PATH order, each real file once. */
export function dockerClients(env: NodeJS.ProcessEnv = process.env): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, 'docker');
    try {
      accessSync(path, constants.X_OK);
      const real = realpathSync(path);
      if (seen.has(real)) continue;
      seen.add(real);
      out.push(path);
    } catch {
      // not here
    }
  }
  return out;
}

async function clientMajor(client: string): Promise<number | undefined> {
  const r = await runDocker({ client, args: ['version', '--format', '{{.Client.Version}}'] });
  const m = /^(\d+)\./m.exec(r.stdout);
  return m ? Number(m[1]) : undefined;
}

async function buildxDriver(client: string): Promise<string | undefined> {
  const r = await runDocker({ client, args: ['buildx', 'version'] });
  if (r.code !== 0) return undefined;
  const inspect = await runDocker({ client, args: ['buildx', 'inspect'] });
  return /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1] ?? 'docker';
}

const KINDS: BuilderKind[] = ['buildx', 'buildkit', 'legacy'];

export async function detectBuilder(env: NodeJS.ProcessEnv = process.env): Promise<Builder> {
  const forced = env.REGKIT_BUILDER?.trim();
  if (forced && !KINDS.includes(forced as BuilderKind))
    throw new UserError(`REGKIT_BUILDER=${forced}: use buildx, buildkit or legacy`);
  const clients = env.REGKIT_DOCKER?.trim() ? [env.REGKIT_DOCKER.trim()] : dockerClients(env);
  if (clients.length === 0) throw new UserError('no docker client on PATH — install Docker on the runner');
  const first = clients[0];

  if (!forced || forced === 'buildx') {
    const driver = await buildxDriver(first);
    if (driver) return { kind: 'buildx', client: first, driver };
    if (forced) throw new UserError(`REGKIT_BUILDER=buildx, but ${first} has no buildx plugin`);
  }
  if (!forced || forced === 'buildkit') {
    for (const client of clients) {
      const major = await clientMajor(client);
      if (major !== undefined && major < 23) return { kind: 'buildkit', client };
    }
    if (forced)
      throw new UserError(
        `REGKIT_BUILDER=buildkit needs a docker client older than 23 (DOCKER_BUILDKIT=1 without buildx); none on PATH`,
      );
  }
  return { kind: 'legacy', client: first };
}

/** What the summary calls the builder. */
export function builderLabel(b: Builder): string {
  if (b.kind === 'buildx') return `docker buildx (${b.driver} driver)`;
  if (b.kind === 'buildkit') return `docker build with BuildKit (${b.client})`;
  return `docker build, legacy builder (${b.client})`;
}

/** Whether the builder keeps what it builds in the daemon's image store (then `docker push` pushes it). */
export function buildsIntoDaemon(b: Builder): boolean {
  return b.kind !== 'buildx' || b.driver === 'docker';
}
