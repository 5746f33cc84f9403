/**
 * The few git questions tag variables ask when the event payload does not answer
 * them. Each spawns git (a few ms), so callers ask only for variables a template uses.
 */
import { UserError } from '../errors.js';

// node:child_process is loaded only when a template needs git: importing it costs
// more start-up than the rest of the tag action (it pulls in streams and net).
function gitStdout(cwd: string, args: string[]): string {
  if (typeof process.getBuiltinModule !== 'function') {
    throw new UserError(`asking git needs Node.js 20.16 or later (this is ${process.version})`);
  }
  const { execFileSync } = process.getBuiltinModule('node:child_process');
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 << 20 });
}

export interface GitResult {
  ok: boolean;
  out: string;
  /** First line of git's complaint when !ok. */
  err: string;
}

export function git(cwd: string, args: string[]): GitResult {
  try {
    return { ok: true, out: gitStdout(cwd, args).replace(/\n$/, ''), err: '' };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    const why = e.code === 'ENOENT' ? 'git is not installed' : String(e.stderr ?? e.message).trim().split('\n')[0];
    return { ok: false, out: '', err: why };
  }
}

/** Throws a UserError naming the variable that needed git and how to make it answerable. */
function need(variable: string, cwd: string, r: GitResult, hint: string): string {
  if (r.ok) return r.out;
  throw new UserError(`${variable}: git in ${cwd} failed (${r.err}); ${hint}`);
}

const CHECKOUT = 'check the repository out first (actions/checkout)';

export function headCommit(cwd: string): string {
  return need('CommitID', cwd, git(cwd, ['rev-parse', 'HEAD']), `${CHECKOUT} or set GITHUB_SHA`);
}

/** The checked-out branch, or '' on a detached HEAD. */
export function currentBranch(cwd: string): string {
  const r = git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']);
  if (r.ok) return r.out;
  // symbolic-ref -q fails silently (no stderr) on a detached HEAD; anything else is a real failure.
  if (r.err === '' || /not a symbolic ref/.test(r.err)) return '';
  return need('Branch', cwd, r, `${CHECKOUT} or set GITHUB_REF_NAME`);
}

export function repositoryName(cwd: string): string {
  const top = need('RepoName', cwd, git(cwd, ['rev-parse', '--show-toplevel']), `${CHECKOUT} or set GITHUB_REPOSITORY`);
  return top.split(/[\\/]/).pop() ?? '';
}

export interface CommitDetails {
  name: string;
  email: string;
  message: string;
}

/** Committer and message of `rev`; the error says how to fetch a commit a shallow checkout lacks. */
export function commitDetails(variable: string, cwd: string, rev: string): CommitDetails {
  const r = git(cwd, ['log', '-1', '--format=%cn%x00%ce%x00%B', rev, '--']);
  const out = need(variable, cwd, r, `commit ${rev} must be in the checkout (actions/checkout with fetch-depth: 2 for pull requests, 0 for all history)`);
  const [name = '', email = '', message = ''] = out.split('\0');
  return { name, email, message: message.replace(/\n+$/, '') };
}

/** Codeship's CommitDescription: `git describe --abbrev=1 --tags --always` of the commit built. */
export function describe(cwd: string, rev: string): string {
  return need(
    'CommitDescription',
    cwd,
    git(cwd, ['describe', '--abbrev=1', '--tags', '--always', rev]),
    `commit ${rev} and its tags must be in the checkout (actions/checkout with fetch-depth: 0)`,
  );
}
