/**
 * Everything a build decides before it runs anything: tags and names, build args,
 * the Dockerfile's FROM images, labels, cache refs, and which account serves
 * which domain in which phase. Every bad input fails here, before a login or pull.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import {
  registriesFor,
  pullRegistryFor,
  pushedName,
  pushTarget,
  selectRegistries,
  fallbackChain,
  type RegistriesFile,
  type Registry,
} from '../registries-file/index.js';
import { parseImageRef } from '../naming/index.js';
import { renderEach, templatesFromLines, uniqueTags } from '../tags/render.js';
import { tagVariables } from '../tags/variables.js';
import type { GoStruct } from '../template/index.js';
import { argValues, mergeBuildArgs, readEncryptedArgs, renderBuildArgs, type BuildArg } from './args.js';
import { actionsCacheKeys, type ActionsCachePlan } from './actions-cache.js';
import { cacheMode, cachePlan, type CachePlan } from './cache.js';
import { fromImages, type DockerfileImages } from './dockerfile.js';
import { workspacePath } from '../workspace.js';
import { labelFacts, ociLabels, parseLabels } from './labels.js';

export interface BuildInputs {
  imageName: string;
  /** Tag templates, one per line. */
  tags: string;
  registry: string;
  registryContexts: string[];
  context: string;
  dockerfile: string;
  target: string;
  buildArgs: string;
  encryptedBuildArgs: string;
  platforms: string[];
  labels: string;
  ociLabels: boolean;
  disablePush: boolean;
  cache: string;
  /** The branch whose cache a branch without one starts from; default the repository's default branch. */
  defaultCacheBranch: string;
  /** Base URL of buildx releases (GitHub's by default), for installing buildx where it is missing. */
  buildxMirror: string;
  network: string;
  pull: boolean;
  /** Path of the registries file. */
  config: string;
  aesKey: string;
  env: NodeJS.ProcessEnv;
  mask(secret: string): void;
}

export interface BuildPlan {
  registriesFile: RegistriesFile;
  dot: GoStruct;
  tags: string[];
  /** Where a push goes; undefined for a local build with no registry to name it after. */
  target?: Registry;
  /** The names the image gets, one per tag. */
  refs: string[];
  args: BuildArg[];
  dockerfile: string;
  from: DockerfileImages;
  labels: Record<string, string>;
  cache?: CachePlan;
  /** The build cache in the Actions cache (no caching registry, or cache: actions). */
  actionsCache?: ActionsCachePlan;
  contexts: Registry[];
  /** Registries read during the build: FROM domains, their fallbacks, the cache. */
  readRegistries: Registry[];
}

function field(dot: GoStruct, name: string): string {
  try {
    const v = dot.fields[name];
    return typeof v === 'string' ? v : '';
  } catch (err) {
    if (err instanceof UserError) return '';
    throw err;
  }
}

/** `image:tag` for a local build, checked as Docker checks a name. */
function localRef(imageName: string, tag: string): string {
  const ref = `${imageName}:${tag}`;
  parseImageRef(ref);
  return ref;
}

function readDockerfile(inputs: BuildInputs): { path: string; text: string } {
  const context = inputs.context || '.';
  let isDir = false;
  try {
    isDir = statSync(context).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir)
    throw new UserError(`context: ${context} is not a folder — set context to the folder the build starts from`);
  const path = inputs.dockerfile || join(context, 'Dockerfile');
  if (inputs.dockerfile) workspacePath(path, 'dockerfile');
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UserError(
        `dockerfile: ${path} does not exist — add it, or set the dockerfile input to the Dockerfile's path`,
      );
    throw new UserError(`dockerfile: cannot read ${path} (${code ?? (err as Error).message})`);
  }
}

/** The registries a pull of these FROM images may use: each domain's account and its fallbacks. */
function readRegistriesFor(
  registriesFile: RegistriesFile,
  file: string,
  from: DockerfileImages,
  contextNames: string[],
  cache?: CachePlan,
): Registry[] {
  const out: Registry[] = [];
  for (const img of from.images) {
    let domain: string;
    try {
      domain = parseImageRef(img.image).domain;
    } catch (err) {
      throw err instanceof UserError ? new UserError(`${file}:${img.line}: FROM ${img.image}: ${err.message}`) : err;
    }
    const registry = pullRegistryFor(registriesFile, domain, contextNames);
    if (registry) out.push(...fallbackChain(registriesFile, registry.name));
  }
  if (cache) out.push(cache.registry);
  return [...new Set(out)];
}

export async function planBuild(inputs: BuildInputs): Promise<BuildPlan> {
  const imageName = inputs.imageName.trim();
  if (!imageName) throw new UserError('image-name: give the image name, e.g. api or team/api');
  const registriesFile = await registriesFor(inputs.config, imageName, 'image-name');
  // selectRegistries gives every registry for no names: no contexts is none.
  const contexts = inputs.registryContexts.length
    ? selectRegistries(registriesFile, inputs.registryContexts, 'registry-contexts')
    : [];
  // Two contexts on one domain are refused whatever the Dockerfile pulls.
  for (const c of contexts) pullRegistryFor(registriesFile, c.domain, inputs.registryContexts);

  // The dot also feeds build args, labels and cache keys: git may answer any variable.
  const dot = await tagVariables({ imageName, env: inputs.env });
  const tags = uniqueTags(renderEach(templatesFromLines(inputs.tags, 'tags'), dot));
  if (tags.length === 0)
    throw new UserError('tags: no tag templates — give at least one, e.g. {{ .Branch }}-{{ .ShortCommitID }}');

  const target =
    inputs.registry || !inputs.disablePush || registriesFile.default !== undefined
      ? pushTarget(registriesFile, inputs.registry || undefined)
      : undefined;
  const refs = tags.map((t) => (target ? pushedName(target, imageName, t) : localRef(imageName, t)));

  const plain = renderBuildArgs(inputs.buildArgs, dot);
  const keyOpts = { input: inputs.aesKey, env: inputs.env };
  const encrypted = inputs.encryptedBuildArgs
    ? await readEncryptedArgs(inputs.encryptedBuildArgs, keyOpts, inputs.mask)
    : [];
  const args = mergeBuildArgs(plain, encrypted, inputs.encryptedBuildArgs);

  const dockerfile = readDockerfile(inputs);
  const from = fromImages(dockerfile.text, dockerfile.path, argValues(args), inputs.target || undefined);

  const facts = labelFacts(dot, inputs.env, { title: imageName, version: tags[0] });
  const labels = { ...(inputs.ociLabels ? ociLabels(facts) : {}), ...parseLabels(inputs.labels) };
  const branch = field(dot, 'Branch');
  const defaultBranch = inputs.defaultCacheBranch.trim() || field(dot, 'DefaultBranch');
  const cache = cachePlan(registriesFile, inputs.cache, imageName, branch, defaultBranch);
  const actionsCache =
    cacheMode(registriesFile, inputs.cache) === 'actions'
      ? {
          ...actionsCacheKeys(imageName, branch, defaultBranch, field(dot, 'CommitID')),
          auto: inputs.cache.trim().toLowerCase() !== 'actions',
        }
      : undefined;
  const readRegistries = readRegistriesFor(registriesFile, dockerfile.path, from, inputs.registryContexts, cache);
  return {
    registriesFile,
    dot,
    tags,
    target,
    refs,
    args,
    dockerfile: dockerfile.path,
    from,
    labels,
    cache,
    actionsCache,
    contexts,
    readRegistries,
  };
}
