/**
 * What the GitHub runner tells a step about the build: the GITHUB_* variables and
 * the event payload at GITHUB_EVENT_PATH, reduced to the facts tag variables need.
 * Pure: no git here (see git.ts), so each fact's source is visible in one place.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';

type Env = Record<string, string | undefined>;
// The payload is GitHub's JSON; only the fields read below are relied on.
// The event payload is whatever GitHub sent; fields are checked where they are read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface BuildFacts {
  eventName: string;
  /** Full ref, e.g. refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge. */
  ref: string;
  /** Set on tag pushes and release events. */
  tag: string;
  /** The branch built; undefined when the environment does not say (ask git). */
  branch?: string;
  /** The commit built (the head commit of a pull request, not its merge commit). */
  commitId?: string;
  /** Commit message and committer, when the payload carries them (push events). */
  commit?: { message: string; name: string; email: string; username?: string };
  pullRequest: number;
  repository: string;
  repositoryId: string;
  runId: string;
  runNumber: number;
  job: string;
  actor: string;
  defaultBranch: string;
  /** When the event happened: the same for every job and re-run of a workflow run. */
  eventTime?: Date;
  /** Where the repository is checked out. */
  workspace: string;
}

function readPayload(env: Env): Json {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // The runner always writes the file; a missing one is a broken local setup.
    throw new UserError(
      `GITHUB_EVENT_PATH=${path}: cannot read the event payload (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : {};
  } catch (err) {
    throw new UserError(`GITHUB_EVENT_PATH=${path}: the event payload is not JSON (${(err as Error).message})`);
  }
}

function date(value: unknown): Date | undefined {
  // repository.pushed_at is Unix seconds on push events and an ISO string elsewhere.
  const d =
    typeof value === 'number'
      ? new Date(value * 1000)
      : typeof value === 'string' && value
        ? new Date(value)
        : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function int(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(str(value), 10);
  return Number.isFinite(n) ? n : 0;
}

export function readBuildFacts(env: Env = process.env, cwd = process.cwd()): BuildFacts {
  const payload = readPayload(env);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? str(payload.ref);
  const refName = env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, '');
  const isTagRef = ref.startsWith('refs/tags/');
  const pr: Json | undefined = payload.pull_request;
  const release: Json | undefined = payload.release;

  const tag = release ? str(release.tag_name) : isTagRef ? refName : '';

  let branch: string | undefined;
  let commitId: string | undefined;
  let eventTime: Date | undefined;
  if (pr) {
    branch = env.GITHUB_HEAD_REF || str(pr.head?.ref);
    commitId = str(pr.head?.sha) || undefined;
    eventTime = date(pr.updated_at);
  } else if (release) {
    // Codeship built tags with the tag name as the branch; a release is a tag.
    branch = tag;
    eventTime = date(release.published_at) ?? date(release.created_at);
  } else if (ref.startsWith('refs/heads/') || isTagRef || (ref === '' && env.GITHUB_REF_NAME)) {
    // GITHUB_REF_NAME alone: set by hand to render for a branch outside Actions.
    branch = refName;
  }
  // head_commit before `after`: for an annotated tag, `after` is the tag object.
  if (!pr) commitId = env.GITHUB_SHA || str(payload.head_commit?.id) || str(payload.after) || undefined;
  // A deleted branch's push has after=000…; nothing was built, keep GITHUB_SHA.
  if (commitId && /^0+$/.test(commitId)) commitId = env.GITHUB_SHA || undefined;

  const head: Json | undefined = payload.head_commit;
  let commit: BuildFacts['commit'];
  if (head && (!commitId || head.id === commitId)) {
    commit = {
      message: str(head.message),
      name: str(head.committer?.name),
      email: str(head.committer?.email),
      username: str(head.committer?.username) || undefined,
    };
  }
  if (!eventTime) eventTime = date(payload.repository?.pushed_at) ?? date(head?.timestamp);

  return {
    eventName,
    ref,
    tag,
    branch,
    commitId,
    commit,
    pullRequest: pr ? int(pr.number ?? payload.number) : 0,
    repository: env.GITHUB_REPOSITORY ?? str(payload.repository?.full_name),
    repositoryId: env.GITHUB_REPOSITORY_ID ?? str(payload.repository?.id),
    runId: env.GITHUB_RUN_ID ?? '',
    runNumber: int(env.GITHUB_RUN_NUMBER),
    job: env.GITHUB_JOB ?? '',
    actor: env.GITHUB_ACTOR ?? str(payload.sender?.login),
    defaultBranch: str(payload.repository?.default_branch),
    eventTime,
    workspace: env.GITHUB_WORKSPACE || cwd,
  };
}
