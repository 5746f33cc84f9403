/**
 * The dot of a tag template: Codeship's push-step variables, taken from the GitHub
 * context, plus the extras release tagging needs. Each variable's source is
 * documented in docs/tags.md.
 *
 * Values are computed when a template first reads them, so `{{ .Branch }}` never
 * spawns git and the tag action stays close to a bare node start-up.
 */
import { GoStruct, GoTime, GoTyped } from '../template/index.js';
import { readBuildFacts, type BuildFacts } from './github.js';
import { commitDetails, currentBranch, describe, headCommit, repositoryName, type CommitDetails } from './git.js';

type Env = Record<string, string | undefined>;

export interface VariableOptions {
  env?: Env;
  cwd?: string;
  serviceName?: string;
  stepName?: string;
  imageName?: string;
  /** `github-actions` unless set (`codeship` keeps the tags a Codeship project made). */
  ciName?: string;
  /** The build time; by default the time of the triggering event, else now. */
  time?: Date;
  /** Values that replace variables (`regkit render --var`); Time is set through `time`. */
  overrides?: Partial<Record<VariableName, string>>;
}

/** Go's name for the dot's type, as errors print it: `can't evaluate field X in type tags.Variables`. */
export const VARIABLES_TYPE = 'tags.Variables';

/** Codeship's variables in its documented order, then regkit's extras. */
export const CODESHIP_VARIABLES = [
  'ProjectID', 'BuildID', 'RepoName', 'Branch', 'CommitID', 'CommitMessage', 'CommitDescription',
  'CommitterName', 'CommitterEmail', 'CommitterUsername', 'Time', 'Timestamp', 'StringTime',
  'StepName', 'ServiceName', 'ImageName', 'Ci', 'CiName',
] as const;
export const EXTRA_VARIABLES = ['Tag', 'Ref', 'ShortCommitID', 'PullRequest', 'RunNumber', 'DefaultBranch'] as const;
export type VariableName = (typeof CODESHIP_VARIABLES)[number] | (typeof EXTRA_VARIABLES)[number];

/** Length of ShortCommitID: git's default abbreviation, and what `sha-` tags are looked up by. */
export const SHORT_COMMIT_LENGTH = 7;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Codeship's StringTime: RFC 3339 in UTC with a numeric offset, as its builds
 * exported CI_STRING_TIME (`2017-10-13T10:14:23+00:00`).
 */
export function stringTime(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`;
}

export function unixSeconds(d: Date): bigint {
  return BigInt(Math.floor(d.getTime() / 1000));
}

/** Values of the dot, computed on first read. */
function computeValues(facts: BuildFacts, opts: VariableOptions): { [K in VariableName]: () => unknown } {
  const cwd = facts.workspace;
  let time: Date | undefined;
  const buildTime = () => (time ??= opts.time ?? facts.eventTime ?? new Date());
  let commitId: string | undefined;
  // An overridden CommitID also drives ShortCommitID, CommitDescription and the commit details.
  const commit = () => (commitId ??= opts.overrides?.CommitID ?? facts.commitId ?? headCommit(cwd));
  // The payload describes the event's commit, not one named by an override.
  const payloadCommit = opts.overrides?.CommitID === undefined ? facts.commit : undefined;
  let details: CommitDetails | undefined;
  const fromGit = (variable: string) => (details ??= commitDetails(variable, cwd, commit()));

  return {
    ProjectID: () => facts.repositoryId,
    BuildID: () => facts.runId,
    RepoName: () => facts.repository.split('/')[1] || repositoryName(cwd),
    Branch: () => facts.branch ?? currentBranch(cwd),
    CommitID: commit,
    CommitMessage: () => payloadCommit?.message ?? fromGit('CommitMessage').message,
    CommitDescription: () => describe(cwd, commit()),
    CommitterName: () => payloadCommit?.name ?? fromGit('CommitterName').name,
    CommitterEmail: () => payloadCommit?.email ?? fromGit('CommitterEmail').email,
    CommitterUsername: () => payloadCommit?.username ?? facts.actor,
    Time: () => GoTime.fromDate(buildTime(), 0, 'UTC'),
    Timestamp: () => new GoTyped('int64', 'int', unixSeconds(buildTime())),
    StringTime: () => stringTime(buildTime()),
    StepName: () => opts.stepName || facts.job,
    ServiceName: () => opts.serviceName ?? '',
    ImageName: () => opts.imageName ?? '',
    Ci: () => true,
    CiName: () => opts.ciName || 'github-actions',
    Tag: () => facts.tag,
    Ref: () => facts.ref,
    ShortCommitID: () => commit().slice(0, SHORT_COMMIT_LENGTH),
    PullRequest: () => BigInt(facts.pullRequest),
    RunNumber: () => BigInt(facts.runNumber),
    DefaultBranch: () => facts.defaultBranch,
  };
}

/** An object whose properties compute once, on first read, in declaration order. */
export function lazyFields(compute: Record<string, () => unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(compute)) {
    let done = false;
    let value: unknown;
    Object.defineProperty(fields, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!done) {
          value = fn();
          done = true;
        }
        return value;
      },
    });
  }
  return fields;
}

/** The dot for tag templates, from the GitHub context in `env` (default process.env). */
export function tagVariables(opts: VariableOptions = {}): GoStruct {
  const facts = readBuildFacts(opts.env ?? process.env, opts.cwd ?? process.cwd());
  const compute: Record<string, () => unknown> = computeValues(facts, opts);
  for (const [name, value] of Object.entries(opts.overrides ?? {})) {
    if (name in compute && name !== 'Time') compute[name] = () => value;
  }
  return new GoStruct(VARIABLES_TYPE, lazyFields(compute));
}
