// The two scripts `regkit migrate` writes beside the workflow, run with node as the runner runs them.
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFilter } from '../../../src/migrate/filters.js';
import { BRANCH_FILTERS_SOURCE, DECRYPT_ENV_SOURCE } from '../../../src/migrate/helpers.js';
import { repoRoot } from '../../harness/cli.js';
import { tempDir } from '../../env/processes.js';

const dir = tempDir('migrate-helpers');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const filtersScript = join(dir, 'branch-filters.cjs');
const decryptScript = join(dir, 'decrypt-env.cjs');
writeFileSync(filtersScript, BRANCH_FILTERS_SOURCE);
writeFileSync(decryptScript, DECRYPT_ENV_SOURCE);

const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

describe('branch-filters.cjs', () => {
  const go = JSON.parse(readFileSync(join(repoRoot, 'test/migrate/fixtures/regexp-go.json'), 'utf8')) as {
    results: { pattern: string; error?: string; matches?: Record<string, boolean> }[];
  };

  // Filters as Codeship would read them: the fixture patterns that contain ^ or $.
  const regexps = go.results.filter(
    (r) => !r.error && (r.pattern.includes('^') || r.pattern.includes('$')) && compileFilter(r.pattern).ok,
  );
  const table = Object.fromEntries(
    regexps.map((r, i) => {
      const c = compileFilter(r.pattern) as { source: string; flags: string };
      return [`f${i}`, [c.source, c.flags]];
    }),
  );
  const expected = (subject: string) =>
    Object.fromEntries(regexps.map((r, i) => [`f${i}`, String(r.matches![subject])]));

  /** The script's own code, run in a sandbox with a stand-in process (fast enough for every subject). */
  function inProcess(subject: string): Record<string, string> {
    let written = '';
    const sandbox = {
      require: (m: string) => (m === 'fs' ? { appendFileSync: (_: string, t: string) => (written += t) } : undefined),
      process: { env: { BRANCH: subject, FILTERS: JSON.stringify(table), GITHUB_OUTPUT: 'out' } },
      console: { log: () => undefined },
      JSON,
      RegExp,
      Object,
      String,
    };
    runInNewContext(BRANCH_FILTERS_SOURCE, sandbox);
    return Object.fromEntries(
      written
        .trim()
        .split('\n')
        .map((l) => l.split('=')),
    );
  }

  it('sets the outputs Go would, for every filter and branch name of the table', () => {
    const subjects = Object.keys(regexps[0].matches!);
    expect(regexps.length).toBeGreaterThanOrEqual(40);
    for (const subject of subjects) expect([subject, inProcess(subject)]).toEqual([subject, expected(subject)]);
  });

  it('does the same when node runs the file, as the workflow step does', () => {
    for (const subject of ['master', 'v1.2.3-beta.1', 'feature/master', 'MASTER', '']) {
      const out = join(dir, 'out');
      writeFileSync(out, '');
      const p = run(filtersScript, [], { BRANCH: subject, FILTERS: JSON.stringify(table), GITHUB_OUTPUT: out });
      expect(p.status, p.stderr).toBe(0);
      const got = Object.fromEntries(
        readFileSync(out, 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split('=')),
      );
      expect([subject, got]).toEqual([subject, expected(subject)]);
    }
  });

  it('matches a plain name as the whole name, with case', () => {
    const c = compileFilter('feature/x.y');
    expect(c.ok).toBe(true);
    const re = new RegExp((c as { source: string }).source, (c as { flags: string }).flags);
    expect(['feature/x.y', 'feature/xzy', 'Feature/x.y', 'my-feature/x.y'].map((b) => re.test(b))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('decrypt-env.cjs', () => {
  const vectors = join(repoRoot, 'test', 'fixtures', 'jet');
  const key = readFileSync(join(vectors, 'examples-key.aes'), 'utf8').trim();

  it('decrypts a jet v1 env file and masks every value', () => {
    const out = join(dir, 'env');
    const p = run(decryptScript, [join(vectors, 'environment.v1.encrypted'), out], { AES_KEY: key });
    expect(p.status, p.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('FOO=bar\nBAZ=bat\n');
    expect(p.stdout.split('\n').filter(Boolean)).toEqual(['::add-mask::bar', '::add-mask::bat']);
  });

  it('decrypts a jet v2 env file and checks its checksum', () => {
    const plain = Buffer.from('TOKEN=s3cret=x\n# note\nEMPTY=\n');
    const iv = randomBytes(16);
    const k = Buffer.from(key, 'base64');
    const c = createCipheriv('aes-256-cfb', k, iv);
    const body = Buffer.concat([
      iv,
      c.update(Buffer.concat([Buffer.from(createHash('md5').update(plain).digest('hex')), plain])),
      c.final(),
    ]);
    const file = join(dir, 'v2.encrypted');
    writeFileSync(file, `codeship:v2\n${body.toString('base64')}\n`);
    const p = run(decryptScript, [file, join(dir, 'v2.env')], { AES_KEY: key });
    expect(p.status, p.stderr).toBe(0);
    expect(readFileSync(join(dir, 'v2.env'), 'utf8')).toBe('TOKEN=s3cret=x\nEMPTY=\n');
    expect(p.stdout).toBe('::add-mask::s3cret=x\n');
    const wrong = run(decryptScript, [file, join(dir, 'bad.env')], {
      AES_KEY: readFileSync(join(vectors, 'build-args-key.aes'), 'utf8'),
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/wrong key or damaged file \(checksum differs\)/);
  });

  it('refuses a v1 file under the wrong key without printing what came out', () => {
    const p = run(decryptScript, [join(vectors, 'environment.v1.encrypted'), join(dir, 'x.env')], {
      AES_KEY: readFileSync(join(vectors, 'build-args-key.aes'), 'utf8'),
    });
    expect(p.status).toBe(1);
    expect(p.stderr).toMatch(/wrong key or damaged file/);
    expect(p.stdout).toBe('');
  });

  it('says which secret is missing', () => {
    const p = run(decryptScript, [join(vectors, 'environment.v1.encrypted'), join(dir, 'y.env')], {});
    expect(p.stderr).toMatch(/CODESHIP_AES_KEY/);
  });
});
