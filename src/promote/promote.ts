/**
 * What the promote action does, apart from reading inputs and writing outputs:
 * resolve the source (a full reference, or `registry-name/image:tag` of the
 * registries file) and the target (registry by name, its prefix, rendered
 * tags), log in to what is needed, and copy (or merge) registry to registry.
 */
import { oneLine, UserError } from '../errors.js';
import {
  defaultImageName,
  insecureFor,
  loadRegistriesFile,
  misreadAsDockerHub,
  pullRegistryFor,
  pushedName,
  pushTarget,
  type RegistriesFile,
  type Registry,
} from '../registries-file/index.js';
import { accountsByDomain, loginPhase, type LoginContext, type PhaseLogin } from '../credentials/index.js';
import { fieldsRead, renderEach, templatesFromLines, uniqueTags } from '../tags/render.js';
import { tagVariables } from '../tags/variables.js';
import {
  copyRefs,
  dockerCredential,
  mergeRefs,
  parsePlatform,
  Sessions,
  type Attachment,
  type BlobEvent,
  type CopyStats,
} from '../registry/index.js';
import { describeChoice, parseQuery, resolveQuery } from '../images/index.js';
import { formatRef, parseImageRef, withDefaultTag, type ImageRef } from '../naming/index.js';

export interface PromoteInputs {
  mode: string;
  source: string;
  sources: string[];
  registry: string;
  imageName: string;
  tags: string;
  platforms: string[];
  config: string;
  aesKey: string;
  /** Carry signatures, attestations and SBOMs along (default true). */
  attachments?: boolean;
  env: NodeJS.ProcessEnv;
  mask(secret: string): void;
  onBlob?(event: BlobEvent): void;
}

export interface PromoteResult {
  mode: 'copy' | 'merge';
  sources: string[];
  target: Registry;
  refs: string[];
  digest: string;
  platforms: string[];
  upToDate: string[];
  stats: CopyStats;
  attached: Attachment[];
  /** The image a query in `source` picked, in words. */
  picked?: string;
}

/** A full reference, or `<registry name>/<image>[:tag|@digest]` naming a registry of the file. */
export function resolveSource(
  registriesFile: RegistriesFile,
  text: string,
): { ref: ImageRef; registry?: Registry; imageName?: string } {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const named = slash > 0 ? registriesFile.registries.find((r) => r.name === trimmed.slice(0, slash)) : undefined;
  if (!named) {
    const ref = withDefaultTag(parseImageRef(trimmed));
    return { ref, registry: pullRegistryFor(registriesFile, ref.domain, []) };
  }
  const rest = trimmed.slice(slash + 1);
  const at = rest.indexOf('@');
  const name = at >= 0 ? rest.slice(0, at) : rest;
  const ref = withDefaultTag(parseImageRef(pushedName(named, name) + (at >= 0 ? rest.slice(at) : '')));
  const tagAt = name.lastIndexOf(':');
  return { ref, registry: named, imageName: tagAt > name.lastIndexOf('/') ? name.slice(0, tagAt) : name };
}

export async function runPromote(inputs: PromoteInputs): Promise<PromoteResult> {
  const mode = inputs.mode.trim() || 'copy';
  if (mode !== 'copy' && mode !== 'merge') throw new UserError(`mode: "${mode}" is not copy, merge or images`);
  const registriesFile = await loadRegistriesFile(inputs.config);
  const texts = mode === 'merge' ? inputs.sources : [inputs.source];
  if (!texts.length || texts.some((t) => !t.trim())) {
    throw new UserError(
      mode === 'merge'
        ? 'sources: give the per-platform images (by digest), one per line'
        : 'source: give the image to promote',
    );
  }
  const query = mode === 'copy' ? parseQuery(texts[0]) : undefined;
  const sources = texts.map((t) => resolveSource(registriesFile, query ? query.name : t));
  const target = pushTarget(registriesFile, inputs.registry.trim() || undefined);
  const imageName =
    inputs.imageName.trim() || sources[0].imageName || defaultImageName(registriesFile, formatRef(sources[0].ref));
  const templates = templatesFromLines(inputs.tags, 'tags');
  const tags = uniqueTags(
    renderEach(templates, await tagVariables({ imageName, env: inputs.env, uses: fieldsRead(templates) })),
  );
  if (!tags.length) throw new UserError('tags: no tag templates — give at least one');
  const refs = tags.map((t) => pushedName(target, imageName, t));
  const targets = refs.map((r) => parseImageRef(r));
  const platforms = inputs.platforms.map(parsePlatform);

  const ctx: LoginContext = {
    config: inputs.config,
    env: inputs.env,
    key: { input: inputs.aesKey, env: inputs.env },
    mask: inputs.mask,
  };
  const readers = [
    ...new Map(sources.filter((s) => s.registry).map((s) => [s.registry!.domain, s.registry!])).values(),
  ];
  const phases: PhaseLogin[] = [];
  try {
    // Writes use the target's account; reads the source registry's, in its own config when they share a domain.
    const writer = await loginPhase('promote-write', accountsByDomain([target]), ctx);
    phases.push(writer);
    const reader = await loginPhase(
      'promote-read',
      accountsByDomain(readers.filter((r) => r.domain !== target.domain)),
      ctx,
    );
    phases.push(reader);
    const sessions = new Sessions({
      credential: (domain) =>
        dockerCredential(domain, { ...inputs.env, ...(domain === target.domain ? writer.env : reader.env) }),
      insecure: (domain) => insecureFor(registriesFile, domain),
      onSecret: inputs.mask,
    });
    let picked: string | undefined;
    if (query) {
      const { ref, registry } = sources[0];
      const row = await resolveQuery(
        query,
        { name: registry?.name ?? ref.domain, domain: ref.domain },
        ref.path,
        sessions,
      );
      sources[0].ref = { domain: ref.domain, path: ref.path, digest: row.digest };
      picked = describeChoice(row);
    }
    const base = { mode, sources: sources.map((s) => formatRef(s.ref)), target, refs, picked } as const;
    if (mode === 'copy') {
      const r = await copyRefs(sources[0].ref, targets, sessions, {
        platforms,
        attachments: inputs.attachments ?? true,
        onBlob: inputs.onBlob,
      }).catch((err: unknown) => {
        // A typo in a registry name reads as a Docker Hub image: say so before the network error.
        const hint = misreadAsDockerHub(registriesFile, texts[0], 'source');
        throw hint && err instanceof UserError ? new UserError(`${hint} (${oneLine(err)})`) : err;
      });
      return {
        ...base,
        digest: r.digest,
        platforms: r.platforms,
        upToDate: r.upToDate,
        stats: r.stats,
        attached: r.attached,
      };
    }
    const r = await mergeRefs(
      sources.map((s) => s.ref),
      targets[0],
      targets.map((t) => t.tag!),
      sessions,
      { platforms },
    );
    return { ...base, digest: r.digest, platforms: r.platforms, upToDate: [], stats: r.stats, attached: [] };
  } finally {
    for (const p of phases) p.remove();
  }
}
