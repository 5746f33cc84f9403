/**
 * What the builder's output tells us: cache hits, cache imports, the digest buildx pushed.
 */

const LAYER_STEPS = ['RUN', 'COPY', 'ADD', 'WORKDIR'];

export interface CacheStats {
  /** Build steps served from cache. */
  hits: number;
  /** Build steps that make a layer (RUN, COPY, ADD, WORKDIR), as BuildKit numbers them. */
  steps: number;
  /** Cache refs the builder imported. */
  imported: string[];
}

/**
 * BuildKit's plain progress (`#7 [3/4] COPY x /x` … `#7 CACHED`) and the legacy
 * builder's (`Step 3/5 : COPY x /x` … ` ---> Using cache`).
 */
export function cacheStats(output: string): CacheStats {
  const lines = output.split(/\r?\n/);
  const steps = new Set<string>();
  const cached = new Set<string>();
  const imported = new Set<string>();
  const failedImports = new Set<string>();
  const importing = new Map<string, string>();
  let legacySteps = 0;
  let legacyHits = 0;
  let legacyCounted = false;
  for (const line of lines) {
    let m = /^#(\d+) \[(?:[^\]]*\s)?\d+\/\d+\] (\S+)/.exec(line);
    if (m) {
      if (m[2].toUpperCase() !== 'FROM') steps.add(m[1]);
      continue;
    }
    m = /^#(\d+) CACHED\s*$/.exec(line);
    if (m) {
      cached.add(m[1]);
      continue;
    }
    m = /^#(\d+) importing cache manifest from (\S+)/.exec(line);
    if (m) {
      importing.set(m[1], m[2]);
      imported.add(m[2]);
      continue;
    }
    m = /^#(\d+) ERROR:/.exec(line);
    if (m && importing.has(m[1])) {
      failedImports.add(importing.get(m[1])!);
      continue;
    }
    m = /^Step \d+\/\d+ : (\S+)/.exec(line);
    if (m) {
      // As BuildKit counts them: the instructions that make a layer (not FROM, ARG, ENV, LABEL…).
      legacyCounted = LAYER_STEPS.includes(m[1].toUpperCase());
      if (legacyCounted) legacySteps++;
      continue;
    }
    if (/^ ---> Using cache\s*$/.test(line) && legacyCounted) legacyHits++;
  }
  const hits = [...cached].filter((id) => steps.has(id)).length + legacyHits;
  return { hits, steps: steps.size + legacySteps, imported: [...imported].filter((r) => !failedImports.has(r)) };
}

/** The digest buildx writes to --metadata-file. */
export function metadataDigest(json: string): string | undefined {
  try {
    const doc = JSON.parse(json) as Record<string, unknown>;
    const d = doc['containerimage.digest'];
    return typeof d === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}
