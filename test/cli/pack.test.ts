// The install path the README gives: the package npm pack makes installs outside any
// checkout, and its `regkit` bin runs from there (the bundle needs no dependencies).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/cli.js';
import { run, tempDir } from '../env/processes.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

describe('npm pack', () => {
  it('gives a package whose regkit bin runs outside the checkout', async () => {
    const out = tempDir('pack');
    const packed = await run('npm', ['pack', '--silent', '--pack-destination', out], {
      cwd: repoRoot,
      name: 'npm-pack',
    });
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = join(out, packed.stdout.trim().split('\n').pop()!);

    const project = tempDir('pack-install');
    const npmEnv = {
      ...process.env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const installed = await run('npm', ['install', '--prefer-offline', '--no-save', tarball], {
      cwd: project,
      env: npmEnv,
      name: 'npm-install',
    });
    expect(installed.code, installed.stderr).toBe(0);

    const bin = join(project, 'node_modules', '.bin', 'regkit');
    const version = await run(bin, ['--version'], { cwd: project, name: 'regkit-version' });
    expect(version.stdout).toBe(`${pkg.name} ${pkg.version}\n`);
    const rendered = await run(
      bin,
      ['render', '{{ .Branch }}-{{ .ShortCommitID }}', '--var', 'Branch=main', '--var', 'CommitID=0123456789abcdef'],
      {
        cwd: project,
        name: 'regkit-render',
      },
    );
    expect(rendered.stderr).toBe('');
    expect(rendered.stdout).toBe('main-0123456\n');
  });
});
