/**
 * Files named in the registries file and in action inputs (env files, dockercfgs,
 * key files, the Dockerfile, encrypted build args) are read from the repository
 * only: a registries file from a pull request must not be able to make regkit read
 * /etc/passwd or a runner's own secrets and echo any of it. Symlinks count where
 * they lead. The job's temporary folder (RUNNER_TEMP) is allowed too: an earlier step
 * of the same job may write a credential file there (a dockercfg generator). The CLI
 * may lift the rule when its user asks explicitly.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError, type Position } from './errors.js';

let outsideAllowed = false;

/** For the CLI's explicit opt-out: paths may point anywhere from now on. */
export function allowPathsOutsideWorkspace(): void {
  outsideAllowed = true;
}

/** Where a path really leads, following symlinks as far as the path exists. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(real(parent), basename(path));
  }
}

/**
 * The absolute path of `path` (relative to `root`, the repository), or a UserError
 * starting with `what` (file:line:col and key, or the input's name) when it leads outside;
 * `at`, the place in the registries file, lets an action annotate that line.
 */
export function workspacePath(path: string, what: string, root = process.cwd(), at?: Position): string {
  const full = resolve(root, path);
  if (outsideAllowed) return full;
  const target = real(full);
  const inside = (dir: string) => {
    const rel = relative(real(resolve(dir)), target);
    return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  const runnerTemp = process.env.RUNNER_TEMP?.trim();
  if (inside(root) || (runnerTemp && inside(runnerTemp))) return full;
  throw new UserError(
    `${what}: "${path}" is outside the repository — keep the file in the repository and give its path relative to the repository root`,
    { at },
  );
}
