/**
 * The few git questions tag variables ask when the event payload does not answer
 * them, through @actions/exec. Each spawns git (a few ms), so callers ask only for
 * variables a template uses.
 */
import { UserError } from '../errors.js';

export interface GitResult {
  ok: boolean;
  out: string;
  /** First line of git's complaint when !ok. */
  err: string;
}

export async function git(cwd: string, args: string[]): Promise<GitResult> {
  // Loaded only when a template needs git: most tag steps never do.
  const { getExecOutput } = await import('@actions/exec');
  try {
    const r = await getExecOutput('git', args, { cwd, silent: true, ignoreReturnCode: true });
    if (r.exitCode === 0) return { ok: true, out: r.stdout.replace(/\n$/, ''), err: '' };
    return { ok: false, out: '', err: r.stderr.trim().split('\n')[0] };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOENT' || /Unable to locate executable file/.test(String(e.message))
        ? 'git is not installed'
        : String(e.message).split('\n')[0];
    return { ok: false, out: '', err: why };
  }
}

/** Throws a UserError naming the variable that needed git and how to make it answerable. */
function need(variable: string, cwd: string, r: GitResult, hint: string): string {
  if (r.ok) return r.out;
  throw new UserError(`${variable}: git in ${cwd} failed (${r.err}); ${hint}`);
}

const CHECKOUT = 'check the repository out first (actions/checkout)';

export async function headCommit(cwd: string): Promise<string> {
  return need('CommitID', cwd, await git(cwd, ['rev-parse', 'HEAD']), `${CHECKOUT} or set GITHUB_SHA`);
}

/** The checked-out branch, or '' on a detached HEAD. */
export async function currentBranch(cwd: string): Promise<string> {
  const r = await git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']);
  if (r.ok) return r.out;
  // symbolic-ref -q fails silently (no stderr) on a detached HEAD; anything else is a real failure.
  if (r.err === '' || /not a symbolic ref/.test(r.err)) return '';
  return need('Branch', cwd, r, `${CHECKOUT} or set GITHUB_REF_NAME`);
}

export async function repositoryName(cwd: string): Promise<string> {
  const top = need(
    'RepoName',
    cwd,
    await git(cwd, ['rev-parse', '--show-toplevel']),
    `${CHECKOUT} or set GITHUB_REPOSITORY`,
  );
  return top.split(/[\\/]/).pop() ?? '';
}

export interface CommitDetails {
  name: string;
  email: string;
  message: string;
}

/** Committer and message of `rev`; the error says how to fetch a commit a shallow checkout lacks. */
export async function commitDetails(variable: string, cwd: string, rev: string): Promise<CommitDetails> {
  const r = await git(cwd, ['log', '-1', '--format=%cn%x00%ce%x00%B', rev, '--']);
  const out = need(
    variable,
    cwd,
    r,
    `commit ${rev} must be in the checkout (actions/checkout with fetch-depth: 2 for pull requests, 0 for all history)`,
  );
  const [name = '', email = '', message = ''] = out.split('\0');
  return { name, email, message: message.replace(/\n+$/, '') };
}

/** Codeship's CommitDescription: `git describe --abbrev=1 --tags --always` of the commit built. */
export async function describe(cwd: string, rev: string): Promise<string> {
  return need(
    'CommitDescription',
    cwd,
    await git(cwd, ['describe', '--abbrev=1', '--tags', '--always', rev]),
    `commit ${rev} and its tags must be in the checkout (actions/checkout with fetch-depth: 0)`,
  );
}
