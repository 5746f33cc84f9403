/**
 * The dot of a tag template: Codeship's push-step variables, taken from the GitHub
 * context, plus the extras release tagging needs. Each variable's source is
 * documented in docs/tags.md.
 *
 * Values are computed when a template first reads them. Git is asked (through
 * @actions/exec, before rendering) only for the variables the templates name and
 * the event does not answer, so `{{ .Branch }}` never spawns git; an answer git
 * could not give is an error only if the template really reads it.
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
  /** The field names the templates read (tags/render.ts fieldsRead); by default all. */
  uses?: ReadonlySet<string>;
}

type Settled<T> = { value: T } | { error: unknown };

function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

function answer<T>(s: Settled<T> | undefined, variable: string): T {
  // Not asked: a caller's `uses` left out a variable its templates read.
  if (!s) throw new Error(`${variable} was read, but git was not asked for it`);
  if ('error' in s) throw s.error;
  return s.value;
}

/** What git said, asked before rendering; each answer is read (or its error thrown) when a template reads it. */
interface GitAnswers {
  commit?: Settled<string>;
  branch?: Settled<string>;
  repo?: Settled<string>;
  details?: Settled<CommitDetails>;
  description?: Settled<string>;
}

const DETAIL_VARIABLES = ['CommitMessage', 'CommitterName', 'CommitterEmail'];

async function askGit(facts: BuildFacts, opts: VariableOptions): Promise<GitAnswers> {
  const cwd = facts.workspace;
  const overridden = (name: VariableName) => opts.overrides?.[name] !== undefined;
  const reads = (name: VariableName) => (opts.uses ? opts.uses.has(name) : true) && !overridden(name);
  const payloadCommit = opts.overrides?.CommitID === undefined ? facts.commit : undefined;
  const needsDetails = DETAIL_VARIABLES.some((n) => reads(n as VariableName)) && !payloadCommit;
  const needsCommit = needsDetails || reads('CommitID') || reads('ShortCommitID') || reads('CommitDescription');
  const out: GitAnswers = {};
  const pending: Promise<unknown>[] = [];
  if (reads('Branch') && facts.branch === undefined)
    pending.push(settle(currentBranch(cwd)).then((a) => (out.branch = a)));
  if (reads('RepoName') && !facts.repository.split('/')[1])
    pending.push(settle(repositoryName(cwd)).then((a) => (out.repo = a)));
  if (needsCommit) {
    const known = opts.overrides?.CommitID ?? facts.commitId;
    out.commit = known !== undefined ? { value: known } : await settle(headCommit(cwd));
    const commit = out.commit;
    const ofCommit = <T>(ask: (rev: string) => Promise<T>): Promise<Settled<T>> =>
      'error' in commit ? Promise.resolve(commit) : settle(ask(commit.value));
    if (needsDetails)
      pending.push(
        ofCommit((rev) =>
          commitDetails(
            DETAIL_VARIABLES.find((n) => reads(n as VariableName))!,
            cwd,
            rev,
          ),
        ).then((a) => (out.details = a)),
      );
    if (reads('CommitDescription'))
      pending.push(ofCommit((rev) => describe(cwd, rev)).then((a) => (out.description = a)));
  }
  await Promise.all(pending);
  return out;
}

/** Go's name for the dot's type, as errors print it: `can't evaluate field X in type tags.Variables`. */
export const VARIABLES_TYPE = 'tags.Variables';

/** Codeship's variables in its documented order, then regkit's extras. */
export const CODESHIP_VARIABLES = [
  'ProjectID',
  'BuildID',
  'RepoName',
  'Branch',
  'CommitID',
  'CommitMessage',
  'CommitDescription',
  'CommitterName',
  'CommitterEmail',
  'CommitterUsername',
  'Time',
  'Timestamp',
  'StringTime',
  'StepName',
  'ServiceName',
  'ImageName',
  'Ci',
  'CiName',
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
function computeValues(
  facts: BuildFacts,
  opts: VariableOptions,
  git: GitAnswers,
): { [K in VariableName]: () => unknown } {
  let time: Date | undefined;
  const buildTime = () => (time ??= opts.time ?? facts.eventTime ?? new Date());
  // An overridden CommitID also drives ShortCommitID, CommitDescription and the commit details.
  const commit = () => opts.overrides?.CommitID ?? facts.commitId ?? answer(git.commit, 'CommitID');
  // The payload describes the event's commit, not one named by an override.
  const payloadCommit = opts.overrides?.CommitID === undefined ? facts.commit : undefined;
  const fromGit = () => answer(git.details, 'the commit details');

  return {
    ProjectID: () => facts.repositoryId,
    BuildID: () => facts.runId,
    RepoName: () => facts.repository.split('/')[1] || answer(git.repo, 'RepoName'),
    Branch: () => facts.branch ?? answer(git.branch, 'Branch'),
    CommitID: commit,
    CommitMessage: () => payloadCommit?.message ?? fromGit().message,
    CommitDescription: () => answer(git.description, 'CommitDescription'),
    CommitterName: () => payloadCommit?.name ?? fromGit().name,
    CommitterEmail: () => payloadCommit?.email ?? fromGit().email,
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
export async function tagVariables(opts: VariableOptions = {}): Promise<GoStruct> {
  const facts = readBuildFacts(opts.env ?? process.env, opts.cwd ?? process.cwd());
  const compute: Record<string, () => unknown> = computeValues(facts, opts, await askGit(facts, opts));
  for (const [name, value] of Object.entries(opts.overrides ?? {})) {
    if (name in compute && name !== 'Time') compute[name] = () => value;
  }
  return new GoStruct(VARIABLES_TYPE, lazyFields(compute));
}
