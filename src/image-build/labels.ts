/**
 * Image labels: the OCI annotations (org.opencontainers.image.*) plus regkit's
 * own keys for what Codefresh shows beside an image — branch and commit message —
 * so that they travel with the image; then the user's `labels`, which win.
 */
import { UserError } from '../errors.js';
import { GoStruct } from '../template/index.js';

export const LABEL_BRANCH = 'io.regkit.branch';
export const LABEL_COMMIT_MESSAGE = 'io.regkit.commit-message';

export interface LabelFacts {
  /** Repository URL, e.g. https://github.com/acme/api. */
  source?: string;
  revision?: string;
  created: Date;
  version?: string;
  title?: string;
  branch?: string;
  message?: string;
}

/** The default labels; facts that are unknown are left out rather than written empty. */
export function ociLabels(f: LabelFacts): Record<string, string> {
  const pairs: [string, string | undefined][] = [
    ['org.opencontainers.image.source', f.source],
    ['org.opencontainers.image.revision', f.revision],
    ['org.opencontainers.image.created', f.created.toISOString()],
    ['org.opencontainers.image.version', f.version],
    ['org.opencontainers.image.title', f.title],
    [LABEL_BRANCH, f.branch],
    [LABEL_COMMIT_MESSAGE, f.message],
  ];
  return Object.fromEntries(pairs.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== ''));
}

/** A tag variable's value, or undefined when it cannot be known here (no git, no payload). */
function field(dot: GoStruct, name: string): string | undefined {
  try {
    const v = dot.fields[name];
    return typeof v === 'string' ? v : undefined;
  } catch (err) {
    if (err instanceof UserError) return undefined;
    throw err;
  }
}

/** The facts from the tag variables and the runner's environment. */
export function labelFacts(
  dot: GoStruct,
  env: NodeJS.ProcessEnv,
  opts: { title: string; version?: string; now?: Date },
): LabelFacts {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    source: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined,
    revision: field(dot, 'CommitID'),
    created: opts.now ?? new Date(),
    version: opts.version,
    title: opts.title,
    branch: field(dot, 'Branch'),
    message: field(dot, 'CommitMessage'),
  };
}

/** `labels` lines: KEY=VALUE, values as written. */
export function parseLabels(input: string, inputName = 'labels'): Record<string, string> {
  const out: Record<string, string> = {};
  input.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0)
      throw new UserError(
        `${inputName} line ${i + 1}: expected KEY=VALUE (got ${JSON.stringify(line.length > 40 ? line.slice(0, 37) + '...' : line)})`,
      );
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  });
  return out;
}
