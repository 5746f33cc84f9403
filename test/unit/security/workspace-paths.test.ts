// Files named by the registries file or by inputs are read from the repository only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePath } from '../../../src/workspace.js';
import { parseRegistriesFile, resolveCredentialSpec } from '../../../src/registries-file/index.js';
import { UserError } from '../../../src/errors.js';
import { tempDir } from '../../env/processes.js';

// A runner's own RUNNER_TEMP (in CI) is an allowed place; these tests choose their own.
const runnerTemp = process.env.RUNNER_TEMP;
beforeAll(() => delete process.env.RUNNER_TEMP);
afterAll(() => {
  if (runnerTemp !== undefined) process.env.RUNNER_TEMP = runnerTemp;
});

const root = tempDir('workspace-paths');
const repo = join(root, 'repo');
mkdirSync(join(repo, '.github'), { recursive: true });
writeFileSync(join(root, 'outside.env'), 'SECRET_WORD=outside-Secret-1\n');
writeFileSync(join(repo, 'inside.env'), 'PW=inside-pw\n');
symlinkSync('../outside.env', join(repo, 'link.env'));
symlinkSync(root, join(repo, 'up'));

function refused(path: string): string {
  try {
    workspacePath(path, 'registries.yml:3:5: env_file', repo);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('workspacePath', () => {
  it('accepts files in the repository, existing or not', () => {
    expect(workspacePath('inside.env', 'k', repo)).toBe(join(repo, 'inside.env'));
    expect(workspacePath('./.github/../inside.env', 'k', repo)).toBe(join(repo, 'inside.env'));
    expect(workspacePath('not/yet/there.env', 'k', repo)).toBe(join(repo, 'not/yet/there.env'));
    expect(workspacePath('..inside', 'k', repo)).toBe(join(repo, '..inside'));
  });

  it('refuses absolute paths, .. and symlinks that lead out, naming the key', () => {
    expect(refused('/etc/passwd')).toBe(
      'registries.yml:3:5: env_file: "/etc/passwd" is outside the repository — keep the file in the repository and give its path relative to the repository root',
    );
    for (const p of ['../outside.env', 'link.env', 'up/outside.env', 'up/nothing-here'])
      expect(refused(p)).toContain(`env_file: "${p}" is outside the repository`);
  });

  it("accepts the job's temporary folder, where an earlier step may write a credential file", () => {
    process.env.RUNNER_TEMP = root;
    try {
      expect(workspacePath(join(root, 'outside.env'), 'k', repo)).toBe(join(root, 'outside.env'));
      expect(refused('/etc/passwd')).toContain('is outside the repository');
    } finally {
      delete process.env.RUNNER_TEMP;
    }
  });

  it('an env_file of the registries file that leads out is an error at its key, and nothing of the file is read', async () => {
    const text = [
      'version: 1',
      'registries:',
      '  - name: hub',
      '    provider: dockerhub',
      '    env_file: /etc/passwd',
      '    credentials: { username: u, password: "${PW}" }',
    ].join('\n');
    const integ = parseRegistriesFile(text, '.github/registries.yml');
    const err = (await resolveCredentialSpec(integ, integ.registries[0], { env: {}, cwd: repo }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      '.github/registries.yml:5:15: registry "hub": env_file: "/etc/passwd" is outside the repository — keep the file in the repository and give its path relative to the repository root',
    );
    expect(err.message).not.toMatch(/root:|daemon|nologin/);
  });
});
