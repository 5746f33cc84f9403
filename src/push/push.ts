/**
 * The push action's work. The candidate is what a build made (its `image`
 * output), any image the daemon has, or a reference in a registry:
 *  - local: tagged with each target name and pushed with `docker push`;
 *  - remote: copied registry to registry with the registry client, no daemon,
 *    read with the `registry-context` account and written with the target's.
 */
import { oneLine, UserError } from '../errors.js';
import {
  defaultImageName,
  insecureFor,
  misreadAsDockerHub,
  pullRegistryFor,
  pushedName,
  pushTarget,
  registriesFor,
  registryByName,
  type RegistriesFile,
  type Registry,
} from '../registries-file/index.js';
import {
  copyImage,
  dockerCredential,
  readRepository,
  RegistryError,
  RegistrySession,
  writeRepository,
  type CopyStats,
} from '../registry/index.js';
import { parseImageRef, type ImageRef } from '../naming/index.js';
import { dockerClients } from '../docker/builder.js';
import { localImage, tagImage, type DockerEnv } from '../docker/image.js';
import { pushRefs } from '../docker/push.js';
import { fieldsRead, renderEach, templatesFromLines, uniqueTags } from '../tags/render.js';
import { tagVariables } from '../tags/variables.js';
import { accountsByDomain, loginPhase, type LoginContext, type PhaseLogin } from '../credentials/index.js';
import type { Log } from '../log.js';

export interface PushInputs {
  candidate: string;
  imageName: string;
  tags: string;
  registry: string;
  registryContext: string;
  config: string;
  aesKey: string;
  env: NodeJS.ProcessEnv;
  mask(secret: string): void;
}

export interface PushResult {
  candidate: string;
  kind: 'local' | 'remote';
  target: Registry;
  tags: string[];
  refs: string[];
  digest: string;
  size?: number;
  /** remote: what the copy moved. */
  stats?: CopyStats;
  logins: { phase: string; name: string; domain: string; username: string }[];
}

async function session(
  registriesFile: RegistriesFile,
  domain: string,
  phase: PhaseLogin,
  mask: (s: string) => void,
): Promise<RegistrySession> {
  const credential = await dockerCredential(domain, { ...process.env, ...phase.env });
  return new RegistrySession({ domain, insecure: insecureFor(registriesFile, domain) }, credential, { onSecret: mask });
}

export async function runPush(inputs: PushInputs, log: Log): Promise<PushResult> {
  const candidate = inputs.candidate.trim();
  if (!candidate)
    throw new UserError(
      "candidate: give the image to push (a build's image output, a local image, or a registry reference)",
    );
  const named = inputs.imageName.trim();
  const registriesFile = await registriesFor(inputs.config, named || candidate, named ? 'image-name' : 'candidate');
  const target = pushTarget(registriesFile, inputs.registry || undefined);
  const reader = inputs.registryContext
    ? registryByName(registriesFile, inputs.registryContext, 'registry-context')
    : undefined;
  const imageName = inputs.imageName.trim() || defaultImageName(registriesFile, candidate);
  const templates = templatesFromLines(inputs.tags, 'tags');
  const dot = await tagVariables({ imageName, env: inputs.env, uses: fieldsRead(templates) });
  const tags = uniqueTags(renderEach(templates, dot));
  if (tags.length === 0) throw new UserError('tags: no tag templates — give at least one');
  const refs = tags.map((t) => pushedName(target, imageName, t));
  const ctx: LoginContext = {
    config: inputs.config,
    registriesFile,
    env: inputs.env,
    key: { input: inputs.aesKey, env: inputs.env },
    mask: inputs.mask,
  };

  const client = dockerClients(inputs.env)[0];
  const local = client ? await localImage({ client, env: {} }, candidate) : undefined;
  const phases: PhaseLogin[] = [];
  try {
    const writer = await loginPhase('push', accountsByDomain([target]), ctx);
    phases.push(writer);
    const logins = () =>
      phases.flatMap((p) =>
        p.logins.map((l) => ({ phase: p.phase, name: l.name, domain: l.domain, username: l.username })),
      );
    if (local && client) {
      if (reader) log.info(`registry-context ${reader.name} is not needed: ${candidate} is a local image`);
      const digest = await pushLocal({ client, env: writer.env }, candidate, refs, writer, log);
      return { candidate, kind: 'local', target, tags, refs, digest, size: local.size, logins: logins() };
    }
    const source = remoteRef(candidate, !!client);
    const readAccount = reader ?? pullRegistryFor(registriesFile, source.domain, []);
    if (reader && reader.domain !== source.domain) {
      throw new UserError(
        `registry-context: ${reader.name} is for ${reader.domain}, but the candidate ${candidate} is at ${source.domain} — name a registry of ${source.domain}`,
      );
    }
    const readPhase = await loginPhase('read', readAccount ? accountsByDomain([readAccount]) : new Map(), ctx);
    phases.push(readPhase);
    const result = await copyRemote(registriesFile, source, candidate, refs, readPhase, writer, inputs.mask).catch(
      (err: unknown) => {
        // A typo in a registry name reads as a Docker Hub image: say so before the network error.
        const hint = misreadAsDockerHub(registriesFile, candidate, 'candidate');
        throw hint && err instanceof UserError ? new UserError(`${hint} (${oneLine(err)})`) : err;
      },
    );
    log.info(`Copied ${candidate} to ${refs.join(', ')} (${result.digest}) without the daemon`);
    return {
      candidate,
      kind: 'remote',
      target,
      tags,
      refs,
      digest: result.digest,
      stats: result.stats,
      logins: logins(),
    };
  } finally {
    for (const p of phases) p.remove();
  }
}

async function pushLocal(
  d: DockerEnv,
  candidate: string,
  refs: string[],
  writer: PhaseLogin,
  log: Log,
): Promise<string> {
  for (const ref of refs) await tagImage(d, candidate, ref);
  const username = (ref: string) => writer.logins.find((l) => ref.startsWith(`${l.domain}/`))?.username;
  const pushed = await log.group('docker push', () => pushRefs(d, refs, { account: username, stream: true }));
  return pushed.find((p) => p.digest)?.digest ?? '';
}

function remoteRef(candidate: string, daemon: boolean): ImageRef {
  try {
    return parseImageRef(candidate);
  } catch (err) {
    const where = daemon ? 'not a local image, and ' : '';
    throw new UserError(`candidate ${candidate} is ${where}not an image reference: ${(err as Error).message}`);
  }
}

async function copyRemote(
  registriesFile: RegistriesFile,
  source: ImageRef,
  candidate: string,
  refs: string[],
  reader: PhaseLogin,
  writer: PhaseLogin,
  mask: (s: string) => void,
) {
  const targets = refs.map((r) => parseImageRef(r));
  const sourceSession = await session(registriesFile, source.domain, reader, mask);
  const targetSession = await session(registriesFile, targets[0].domain, writer, mask);
  const sameRegistry = sourceSession.base.origin === targetSession.base.origin;
  try {
    return await copyImage({
      source: readRepository(sourceSession, source.path),
      reference: source.digest ?? source.tag ?? 'latest',
      targets: [
        {
          repo: writeRepository(targetSession, targets[0].path, sameRegistry ? source.path : undefined),
          tags: targets.map((t) => t.tag!),
        },
      ],
    });
  } catch (err) {
    if (
      err instanceof RegistryError &&
      err.status === 404 &&
      /not found/.test(err.message) &&
      err.message.includes(source.path)
    ) {
      throw new UserError(
        `candidate ${candidate} does not exist locally or at ${source.domain}/${source.path}:${source.tag ?? source.digest ?? 'latest'} (the registry answered 404) — check the name and tag`,
      );
    }
    throw err;
  }
}
