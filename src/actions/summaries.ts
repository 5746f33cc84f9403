/**
 * The job summary rows and the `metadata` output of the build and push actions:
 * image, tags, digest, registry, size, cache hits, fallback use, accounts.
 */
import type { BuildResult } from '../image-build/build.js';
import type { PushResult } from '../push/push.js';
import { formatBytes } from '../registry/index.js';

export function formatSize(bytes: number | undefined): string {
  return bytes === undefined ? '—' : formatBytes(bytes);
}

const code = (s: string) => (s ? `\`${s}\`` : '—');

function accounts(logins: BuildResult['logins']): string {
  if (!logins.length) return 'none (anonymous or the existing Docker config)';
  return logins.map((l) => `${l.phase}: ${l.username} @ ${l.domain} (${l.name})`).join('<br>');
}

export function cacheText(r: BuildResult): string {
  const c = r.cache;
  if (!c) return 'not used';
  if (c.kind === 'actions') {
    const read = c.imported.length
      ? `restored Actions cache entry ${c.imported.join(', ')}`
      : `no Actions cache entry for ${c.from.join(' or ') || '—'}`;
    const saved = c.to ? (c.written ? `saved as ${c.to}` : `not saved as ${c.to}`) : 'not saved (branch unknown)';
    return `${c.steps ? `${c.hits} of ${c.steps} steps from cache` : 'no build steps'}; ${read}; ${saved}`;
  }
  const read = c.imported.length ? `read ${c.imported.join(', ')}` : `nothing to read at ${c.from.join(', ') || '—'}`;
  const hits = c.steps ? `${c.hits} of ${c.steps} steps from cache` : 'no build steps';
  const wrote = c.to ? (c.written ? `written to ${c.to}` : `not written to ${c.to}`) : 'not written (branch unknown)';
  return `${hits}; ${read}; ${wrote}`;
}

export function fallbackText(r: BuildResult): string {
  const used = r.baseImages.filter((b) => b.status === 'fallback');
  if (!used.length) return 'not needed';
  return used.map((b) => `${b.image} from ${b.fallback} (${b.from})`).join('<br>');
}

export function buildSummaryRows(r: BuildResult): string[][] {
  const registry = r.plan.target ? `${r.plan.target.name} (${r.plan.target.domain})` : '—';
  return [
    ['Image', code(r.image)],
    ['Tags', r.plan.tags.map(code).join(' ')],
    ['Pushed', r.pushed ? r.plan.refs.map(code).join('<br>') : 'no (disable-push): local image only'],
    ['Digest', code(r.digest)],
    ['Registry', registry],
    ['Size', formatSize(r.size)],
    ['Builder', r.builder.kind === 'buildx' ? `buildx (${r.builder.driver})` : r.builder.kind],
    ['Cache', cacheText(r)],
    ['Base images', r.baseImages.map((b) => `${b.image}: ${b.status}`).join('<br>') || 'none'],
    ['Fallback', fallbackText(r)],
    ['Accounts', accounts(r.logins)],
  ];
}

/** The `metadata` output: what was built, without any secret (build arg names only). */
export function buildMetadata(r: BuildResult): Record<string, unknown> {
  return {
    image: r.image,
    imageId: r.imageId,
    digest: r.digest,
    pushed: r.pushed,
    registry: r.plan.target?.name ?? null,
    tags: r.plan.tags,
    refs: r.plan.refs,
    labels: r.plan.labels,
    buildArgs: r.plan.args.map((a) => a.name),
    builder: r.builder.kind,
    size: r.size ?? null,
    cache: r.cache
      ? {
          kind: r.cache.kind,
          from: r.cache.from,
          to: r.cache.to ?? null,
          imported: r.cache.imported,
          hits: r.cache.hits,
          steps: r.cache.steps,
          written: r.cache.written,
        }
      : null,
    baseImages: r.baseImages,
    splitDomains: r.split,
  };
}

export function pushSummaryRows(r: PushResult): string[][] {
  const how =
    r.kind === 'local'
      ? 'local image, docker push'
      : `remote image, copied by the registry client${r.stats ? ` (${formatSize(r.stats.bytesCopied)} copied, ${formatSize(r.stats.bytesMounted)} mounted, ${formatSize(r.stats.bytesSkipped)} already there)` : ''}`;
  return [
    ['Candidate', code(r.candidate)],
    ['How', how],
    ['Registry', `${r.target.name} (${r.target.domain})`],
    ['Pushed', r.refs.map(code).join('<br>')],
    ['Digest', code(r.digest)],
    [
      'Size',
      formatSize(r.size ?? (r.stats ? r.stats.bytesCopied + r.stats.bytesMounted + r.stats.bytesSkipped : undefined)),
    ],
    ['Accounts', accounts(r.logins)],
  ];
}
