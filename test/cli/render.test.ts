// regkit render, run as a user runs it: the bundled dist/cli (build it first: npm run build -- cli).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../harness/cli.js';
import { eventFile, makeRepo, type TestRepo } from '../unit/tags/gitrepo.js';
import { githubEnv, PUSH_SHA } from '../unit/tags/events.js';

let repo: TestRepo;
let head: string;
beforeEach(() => {
  repo = makeRepo();
  head = repo.commit('Local change', { name: 'Dev Eloper', email: 'dev@example.com' });
});
afterEach(() => repo.remove());

// The GitHub context of the test process (when the suite itself runs in Actions) must not leak in.
const noGitHub = Object.fromEntries(
  Object.keys(process.env)
    .filter((k) => k.startsWith('GITHUB_'))
    .map((k) => [k, undefined]),
);

const render = (args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}) =>
  runCli(['render', ...args], { cwd: repo.dir, env: { ...noGitHub, ...opts.env }, input: opts.input });

describe('regkit render with the variables', () => {
  it('takes them from git outside GitHub Actions', async () => {
    const r = await render([
      '{{ .Branch }}-{{ .ShortCommitID }}',
      '{{ .RepoName }}',
      '{{ .CommitterName | lower | replace " " "-" }}',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`main-${head.slice(0, 7)}\nshop-api\ndev-eloper\n`);
  });

  it('takes them from GITHUB_* and the event payload in Actions', async () => {
    const env = githubEnv('push', repo.dir, eventFile(join(repo.dir, '..'), 'push'));
    const r = await render(['{{ .Branch }}-{{ .ShortCommitID }}', '{{ .Timestamp }}', '{{ .CiName }}'], { env });
    expect(r.stdout).toBe(`featureLogin-Page-${PUSH_SHA.slice(0, 7)}\n1714641165\ngithub-actions\n`);
  });

  it('prints duplicates once, in order', async () => {
    const r = await render(['latest', '{{ .Branch }}', 'latest']);
    expect(r.stdout).toBe('latest\nmain\n');
  });

  it('sets variables with --var, and Time with Timestamp and StringTime', async () => {
    const r = await render([
      '--var',
      'Tag=v1.2.3',
      '--var',
      'Time=2024-05-02T09:12:45Z',
      '--var',
      'CiName=codeship',
      '--var',
      'CommitID=abcdef0123456789',
      '{{ semver .Tag "major.minor" }}',
      '{{ .Timestamp }}',
      '{{ .Time.Format "2006.01.02" }}',
      '{{ .StringTime }}',
      '{{ .CiName }}',
      '{{ .ShortCommitID }}',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1.2\n1714641165\n2024.05.02\n2024-05-02T0912450000\ncodeship\nabcdef0\n');
  });

  it('prints the output unsanitised with --raw', async () => {
    const r = await render(['--raw', '--var', 'Branch=feature/x', '{{ .Branch }}', '{{ .Tag }}']);
    expect(r.stdout).toBe('feature/x\n\n');
  });
});

describe('regkit render --data', () => {
  it('makes the JSON document the dot, numbers being float64 as in Go', async () => {
    const file = join(repo.dir, 'data.json');
    writeFileSync(file, '{"Version": "2.1", "Build": 7, "Big": 1e21, "List": [1, "a"], "Nested": {"b": 2, "a": true}}');
    const r = await render([
      '--raw',
      '--data',
      file,
      '{{ .Version }}.{{ .Build }}',
      '{{ printf "%T %v" .Build .Big }}',
      '{{ .List }}',
      '{{ .Nested }}',
      '{{ .Missing }}',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('2.1.7\nfloat64 1e+21\n[1 a]\nmap[a:true b:2]\n<no value>\n');
  });

  it('reads standard input for -, and --var sets keys', async () => {
    const r = await render(['--data', '-', '--var', 'Build=8', '{{ .Version }}-{{ .Build }}'], {
      input: '{"Version":"2.1","Build":7}',
    });
    expect(r.stdout).toBe('2.1-8\n');
  });

  it('fails with one line on JSON that does not parse or a missing file', async () => {
    const bad = await render(['--data', '-', 'x'], { input: '{"a": ' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^regkit render: --data -: not valid JSON: .*\n$/);
    const missing = await render(['--data', 'nope.json', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('regkit render: --data nope.json: cannot read the file (no such file)\n');
  });

  it('refuses numbers Go cannot hold in a float64', async () => {
    const r = await render(['--data', '-', 'x'], { input: '{"n": 1e400}' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not fit a float64/);
  });

  it('needs an object for --var', async () => {
    const r = await render(['--data', '-', '--var', 'a=b', 'x'], { input: '[1]' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('regkit render: --var needs --data - to hold a JSON object, to set keys in\n');
  });
});

describe('regkit render errors', () => {
  it("exits 1 with Go's message naming the template", async () => {
    const r = await render(['ok', '{{ .Brnch }}']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'regkit render: template: template 2:1:3: executing "template 2" at <.Brnch>: can\'t evaluate field Brnch in type tags.Variables\n',
    );
  });

  it('exits 1 naming the template that leaves no tag', async () => {
    const r = await render(['{{ .Tag }}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^regkit render: template 1: template "\{\{ \.Tag \}\}" rendered nothing/);
  });

  it('exits 1 on an unknown --var, suggesting the name meant', async () => {
    const r = await render(['--var', 'Brnch=x', '{{ .Branch }}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^regkit render: --var Brnch: no such variable; did you mean "Branch"\? \(variables: ProjectID, /,
    );
  });

  it('exits 1 on a Time that is not RFC 3339', async () => {
    const r = await render(['--var', 'Time=yesterday', '{{ .Timestamp }}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'regkit render: --var Time=yesterday: not an RFC 3339 time; write e.g. 2024-05-02T09:12:45Z\n',
    );
  });

  it('exits 2 with the usage for no template or a malformed --var', async () => {
    const none = await render([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^regkit render: give at least one TEMPLATE\nusage: regkit render TEMPLATE\.\.\./);
    const malformed = await render(['--var', 'Branch', 'x']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^regkit render: --var Branch: expected Name=Value\n/);
  });
});
