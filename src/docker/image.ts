/**
 * Images in the daemon's store: whether one is there, its size, tagging, and
 * pulling with retries.
 */
import { dockerReason, runDocker } from './cli.js';
import { UserError } from '../errors.js';

export interface DockerEnv {
  client: string;
  /** DOCKER_CONFIG of the phase, and anything else the client needs. */
  env: Record<string, string>;
}

export interface LocalImage {
  id: string;
  size: number;
  repoDigests: string[];
}

/** The image the daemon has under `ref`, or undefined. */
export async function localImage(d: DockerEnv, ref: string): Promise<LocalImage | undefined> {
  const r = await runDocker({
    client: d.client,
    args: ['image', 'inspect', '--format', '{{json .}}', ref],
    env: d.env,
  });
  if (r.code !== 0) return undefined;
  try {
    const doc = JSON.parse(r.stdout.trim().split('\n')[0]) as { Id?: string; Size?: number; RepoDigests?: string[] };
    return { id: doc.Id ?? '', size: doc.Size ?? 0, repoDigests: doc.RepoDigests ?? [] };
  } catch {
    return undefined;
  }
}

export async function tagImage(d: DockerEnv, source: string, target: string): Promise<void> {
  const r = await runDocker({ client: d.client, args: ['tag', source, target], env: d.env });
  if (r.code !== 0) throw new UserError(`docker tag ${source} ${target} failed: ${dockerReason(r)}`);
}

/** Removes a name (not the image, when other names point to it); a failure does not matter. */
export async function untag(d: DockerEnv, ref: string): Promise<void> {
  await runDocker({ client: d.client, args: ['image', 'rm', '--no-prune', ref], env: d.env });
}

/** `docker save` of one image to a tar file. */
export async function saveImage(d: DockerEnv, ref: string, file: string): Promise<void> {
  const r = await runDocker({ client: d.client, args: ['save', '--output', file, ref], env: d.env });
  if (r.code !== 0) throw new UserError(`docker save ${ref} failed: ${dockerReason(r)}`);
}

/** `docker load` of a tar file; the name the image was saved under. */
export async function loadImage(d: DockerEnv, file: string): Promise<string> {
  const r = await runDocker({ client: d.client, args: ['load', '--input', file], env: d.env });
  if (r.code !== 0) throw new UserError(`docker load failed: ${dockerReason(r)}`);
  const name = /^Loaded image: (\S+)\s*$/m.exec(r.stdout)?.[1];
  if (!name) throw new UserError(`docker load of ${file} gave no image name`);
  return name;
}

export interface PullResult {
  ok: boolean;
  attempts: number;
  /** docker's reason for the last failure. */
  reason?: string;
}

// Answers that another attempt will not change.
const PERMANENT =
  /not found|manifest unknown|does not exist|denied|unauthori[sz]ed|authentication required|invalid reference|repository name must/i;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `docker pull`, tried `attempts` times with a doubling pause, unless the answer is final. */
export async function pullWithRetries(
  d: DockerEnv,
  ref: string,
  opts: { attempts?: number; backoffMs?: number; platform?: string } = {},
): Promise<PullResult> {
  const attempts = opts.attempts ?? 3;
  let reason = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const args = ['pull', ...(opts.platform ? ['--platform', opts.platform] : []), ref];
    const r = await runDocker({ client: d.client, args, env: d.env });
    if (r.code === 0) return { ok: true, attempts: attempt };
    reason = dockerReason(r);
    if (PERMANENT.test(reason) || attempt === attempts) return { ok: false, attempts: attempt, reason };
    await sleep((opts.backoffMs ?? 1000) * 2 ** (attempt - 1));
  }
  return { ok: false, attempts, reason };
}
