// `regkit migrate --from codefresh` as a user runs it: the bundled CLI beside a pipeline.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../harness/cli.js';

const corpus = join(repoRoot, 'test', 'fixtures', 'codefresh');
const out = mkdtempSync(join(tmpdir(), 'regkit-migrate-codefresh-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('regkit migrate --from codefresh', () => {
  it('reads codefresh.yml of the current folder; writes the workflow, registries file and MIGRATION.md; prints the report', async () => {
    const dir = join(out, 'a');
    const r = await runCli(['migrate', '--from', 'codefresh', '--out', dir], {
      cwd: join(corpus, 'oras-project__oras'),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(dir, 'MIGRATION.md'), 'utf8'));
    expect(r.stdout).toContain(
      'Build steps: 1 in the pipeline, 1 converted. Push steps: 1 in the pipeline, 1 converted.',
    );
    const workflow = readFileSync(join(dir, '.github/workflows/codefresh.yml'), 'utf8');
    expect(workflow).toMatch(
      /uses: regkit\/regkit\/push@v1\n\s+with:\n\s+candidate: \$\{\{ steps\.BuildDockerImage\.outputs\.image \}\}\n\s+image-name: orasbot\/\$\{\{ env\.CF_REPO_NAME \}\}\n\s+tags: "\{\{ \.Branch \| tagsafe \}\}"\n\s+registry: dockerhub/,
    );
    expect(readFileSync(join(dir, '.github/registries.yml'), 'utf8')).toMatch(
      /- name: dockerhub\n\s+provider: dockerhub/,
    );
  });

  it('takes --pipeline and --name', async () => {
    const dir = join(out, 'b');
    const r = await runCli(
      [
        'migrate',
        '--from',
        'codefresh',
        '--pipeline',
        join(corpus, 'Judopay__Judopay-Additions', 'codefresh.yml'),
        '--name',
        'ci',
        '--out',
        dir,
      ],
      { cwd: out },
    );
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, '.github/workflows/ci.yml'))).toBe(true);
  });

  it('exits 1 with one line naming file:line:col when the pipeline is not valid YAML, and writes nothing', async () => {
    const dir = join(out, 'c');
    const r = await runCli(['migrate', '--from', 'codefresh', '--out', dir], {
      cwd: join(corpus, 'MoonMoon1919__peyton'),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('regkit migrate: codefresh.yml:24:5: not valid YAML: Tabs are not allowed as indentation\n');
    expect(existsSync(dir)).toBe(false);
  });

  it('exits 2 on a system it does not know, or on Codeship options', async () => {
    expect((await runCli(['migrate', '--from', 'jenkins'])).code).toBe(2);
    const r = await runCli(['migrate', '--from', 'codefresh', '--steps', 'x.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--pipeline FILE/);
  });
});
