// `regkit migrate` as a user runs it: the bundled CLI in a Codeship project folder.
import { existsSync, readFileSync, rmSync } from 'node:fs';

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../harness/cli.js';
import { tempDir } from '../env/processes.js';

const corpus = join(repoRoot, 'test', 'fixtures', 'codeship');
const out = tempDir('migrate-cli');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('regkit migrate', () => {
  it('writes the workflow, registries file and MIGRATION.md, and prints the report', async () => {
    const dir = join(out, 'a');
    const r = await runCli(['migrate', '--out', dir, '--name', 'ci'], {
      cwd: join(corpus, 'segmentio__segment-proxy'),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(dir, 'MIGRATION.md'), 'utf8'));
    expect(r.stdout).toMatch(/Push steps: 4 in the steps file, 4 converted\./);
    expect(readFileSync(join(dir, '.github/workflows/ci.yml'), 'utf8')).toMatch(/uses: regkit\/regkit\/push@v1/);
    expect(readFileSync(join(dir, '.github/registries.yml'), 'utf8')).toMatch(
      /encrypted_dockercfg: codeship-dockercfg\.encrypted/,
    );
  });

  it('takes --services and --steps', async () => {
    const dir = join(out, 'b');
    const src = join(corpus, 'binarytemple__docker-riak');
    const r = await runCli(
      [
        'migrate',
        '--services',
        join(src, 'codeship-services.yml'),
        '--steps',
        join(src, 'codeship-steps.yml'),
        '--out',
        dir,
      ],
      { cwd: out },
    );
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, '.github/workflows/codeship.yml'))).toBe(true);
  });

  it('exits 1 with one line naming file:line:col when a file is not valid YAML, and still writes the report', async () => {
    const dir = join(out, 'c');
    const r = await runCli(['migrate', '--out', dir], { cwd: join(corpus, 'wincus__ntopng-docker') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^regkit migrate: codeship-steps\.yml:5:1: not valid YAML: .* \(report in .*MIGRATION\.md\)\n$/,
    );
    expect(existsSync(join(dir, 'MIGRATION.md'))).toBe(true);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('exits 2 on a bad option', async () => {
    const r = await runCli(['migrate', '--nmae', 'x']);
    expect(r.code).toBe(2);
  });
});
