import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tagVariables, CODESHIP_VARIABLES, EXTRA_VARIABLES } from '../../../src/tags/variables.js';
import { fieldsRead, renderEach } from '../../../src/tags/render.js';
import { GoStruct, GoTime, GoTyped } from '../../../src/template/index.js';
import { UserError } from '../../../src/errors.js';
import { makeRepo, writeEvent, type TestRepo } from './gitrepo.js';
import { githubEnv, PR_HEAD_SHA, PUSH_SHA, TAG_COMMIT } from './events.js';

const repos: TestRepo[] = [];
function repo(): TestRepo {
  const r = makeRepo();
  repos.push(r);
  return r;
}
afterEach(() => {
  while (repos.length) repos.pop()!.remove();
});

function fields(s: GoStruct): Record<string, unknown> {
  return s.fields as Record<string, unknown>;
}

const pushEnv = (workspace: string, eventPath: string) => githubEnv('push', workspace, eventPath);

describe('tag variables on a push to a branch', () => {
  it('takes every variable from the payload and GITHUB_* without git', async () => {
    const r = repo();
    // A workspace that does not exist: any git call would fail, so none may happen.
    const env = pushEnv(join(r.dir, 'missing'), writeEvent(r, 'push'));
    const v = fields(await tagVariables({ env }));
    expect(v.ProjectID).toBe('704213985');
    expect(v.BuildID).toBe('9123456789');
    expect(v.RepoName).toBe('shop-api');
    expect(v.Branch).toBe('feature/Login-Page');
    expect(v.CommitID).toBe(PUSH_SHA);
    expect(v.CommitMessage).toBe('Add login page\n\nValidates the e-mail address before posting.');
    expect(v.CommitterName).toBe('Jane Doe');
    expect(v.CommitterEmail).toBe('jane@example.com');
    expect(v.CommitterUsername).toBe('jdoe');
    // repository.pushed_at (Unix seconds on push events): 2024-05-02T09:12:45Z
    expect(v.Timestamp).toEqual(new GoTyped('int64', 'int', 1714641165n));
    expect(v.StringTime).toBe('2024-05-02T09:12:45+00:00');
    expect(v.Time).toBeInstanceOf(GoTime);
    expect(v.Time).toEqual(GoTime.fromDate(new Date('2024-05-02T09:12:45Z'), 0, 'UTC'));
    expect(v.StepName).toBe('build');
    expect(v.ServiceName).toBe('');
    expect(v.ImageName).toBe('');
    expect(v.Ci).toBe(true);
    expect(v.CiName).toBe('github-actions');
    expect(v.Tag).toBe('');
    expect(v.Ref).toBe('refs/heads/feature/Login-Page');
    expect(v.ShortCommitID).toBe('9c2e5f8');
    expect(v.PullRequest).toBe(0n);
    expect(v.RunNumber).toBe(318n);
    expect(v.DefaultBranch).toBe('main');
    expect(() => v.CommitDescription).toThrow(UserError);
    expect(() => v.CommitDescription).toThrow(/^CommitDescription: git in .*missing failed/);
  });

  it('declares Codeship variables in Codeship order, then the extras, as a tags.Variables struct', async () => {
    const r = repo();
    const s = await tagVariables({ env: pushEnv(r.dir, writeEvent(r, 'push')) });
    expect(s.typeName).toBe('tags.Variables');
    expect(Object.keys(s.fields)).toEqual([...CODESHIP_VARIABLES, ...EXTRA_VARIABLES]);
  });

  it('describes the commit built with git describe --abbrev=1 --tags --always', async () => {
    const r = repo();
    r.commit('first');
    r.git('tag', 'v1.0.0');
    r.commit('second');
    const head = r.commit('third');
    const env = {
      ...pushEnv(
        r.dir,
        writeEvent(r, 'push', (p) => (p.head_commit.id = head)),
      ),
      GITHUB_SHA: head,
    };
    const description = fields(await tagVariables({ env })).CommitDescription as string;
    const m = /^v1\.0\.0-2-g([0-9a-f]+)$/.exec(description);
    expect(m, description).not.toBeNull();
    expect(head.startsWith(m![1])).toBe(true);
    // --abbrev=1 asks for the shortest unique prefix (git's minimum is 4), not 7.
    expect(m![1].length).toBeLessThan(7);
  });

  it('gives the inputs and ci-name to ServiceName, StepName, ImageName and CiName', async () => {
    const r = repo();
    const v = fields(
      await tagVariables({
        env: pushEnv(r.dir, writeEvent(r, 'push')),
        serviceName: 'web',
        stepName: 'push-web',
        imageName: 'acme/web',
        ciName: 'codeship',
      }),
    );
    expect([v.ServiceName, v.StepName, v.ImageName, v.CiName]).toEqual(['web', 'push-web', 'acme/web', 'codeship']);
  });

  it('describes an overriding CommitID from git, not from the payload', async () => {
    const r = repo();
    const sha = r.commit('Other work', { name: 'Sam Other', email: 'sam@example.com' });
    const v = fields(await tagVariables({ env: pushEnv(r.dir, writeEvent(r, 'push')), overrides: { CommitID: sha } }));
    expect([v.CommitID, v.ShortCommitID, v.CommitMessage, v.CommitterName]).toEqual([
      sha,
      sha.slice(0, 7),
      'Other work',
      'Sam Other',
    ]);
  });

  it('takes a given time over the event time', async () => {
    const r = repo();
    const v = fields(
      await tagVariables({ env: pushEnv(r.dir, writeEvent(r, 'push')), time: new Date('2030-01-02T03:04:05Z') }),
    );
    expect(v.StringTime).toBe('2030-01-02T03:04:05+00:00');
    expect(v.Timestamp).toEqual(new GoTyped('int64', 'int', 1893553445n));
  });
});

describe('tag variables on a pull request', () => {
  function prRepo() {
    const r = repo();
    const base = r.commit('Initial commit');
    r.git('tag', 'v0.9.0');
    r.git('checkout', '-q', '-b', 'fix/cart-totals');
    const head = r.commit('Fix cart totals\n\nRounds each line before summing.', {
      name: 'Mei Chen',
      email: 'mei@example.com',
    });
    // What actions/checkout leaves for a pull_request: the merge commit, detached.
    r.git('checkout', '-q', '--detach', base);
    r.git(
      '-c',
      'user.name=GitHub',
      '-c',
      'user.email=noreply@github.com',
      'merge',
      '-q',
      '--no-ff',
      '-m',
      'Merge into main',
      head,
    );
    const merge = r.git('rev-parse', 'HEAD');
    return { r, head, merge };
  }

  const prEnv = (workspace: string, eventPath: string, merge: string) =>
    githubEnv('pull_request', workspace, eventPath, { GITHUB_SHA: merge });

  it('uses the head branch and head commit, not the merge commit', async () => {
    const { r, head, merge } = prRepo();
    const event = writeEvent(r, 'pull_request', (p) => {
      p.pull_request.head.sha = head;
      p.after = head;
    });
    const v = fields(await tagVariables({ env: prEnv(r.dir, event, merge) }));
    expect(v.Branch).toBe('fix/cart-totals');
    expect(v.CommitID).toBe(head);
    expect(v.ShortCommitID).toBe(head.slice(0, 7));
    expect(v.CommitMessage).toBe('Fix cart totals\n\nRounds each line before summing.');
    expect(v.CommitterName).toBe('Mei Chen');
    expect(v.CommitterEmail).toBe('mei@example.com');
    expect(v.CommitterUsername).toBe('mchen');
    expect(v.CommitDescription).toMatch(/^v0\.9\.0-1-g[0-9a-f]{4,}$/);
    expect(v.PullRequest).toBe(42n);
    expect(v.Ref).toBe('refs/pull/42/merge');
    expect(v.Tag).toBe('');
    // pull_request.updated_at: 2024-05-21T14:33:07Z
    expect(v.Timestamp).toEqual(new GoTyped('int64', 'int', 1716301987n));
    expect(v.DefaultBranch).toBe('main');
  });

  it('says how to fetch the head commit when a shallow checkout lacks it', async () => {
    const { r, merge } = prRepo();
    const v = fields(await tagVariables({ env: prEnv(r.dir, writeEvent(r, 'pull_request'), merge) }));
    expect(v.CommitID).toBe(PR_HEAD_SHA);
    expect(() => v.CommitMessage).toThrow(/^CommitMessage: git in .* failed .*fetch-depth: 2/);
  });
});

describe('tag variables on a tag push', () => {
  const tagEnv = (workspace: string, eventPath: string, sha: string | undefined = TAG_COMMIT) =>
    githubEnv('tag', workspace, eventPath, { GITHUB_SHA: sha });

  it('gives the tag as Branch (as Codeship did) and as Tag', async () => {
    const r = repo();
    const v = fields(await tagVariables({ env: tagEnv(r.dir, writeEvent(r, 'tag')) }));
    expect(v.Branch).toBe('v1.4.0-rc.2');
    expect(v.Tag).toBe('v1.4.0-rc.2');
    expect(v.Ref).toBe('refs/tags/v1.4.0-rc.2');
    expect(v.CommitID).toBe(TAG_COMMIT);
    expect(v.CommitMessage).toBe('Release 1.4.0-rc.2');
    expect(v.CommitterName).toBe('GitHub');
    expect(v.CommitterUsername).toBe('web-flow');
    expect(v.StringTime).toBe('2024-06-01T12:10:00+00:00');
  });

  it('takes the tagged commit, not the annotated tag object in `after`, when GITHUB_SHA is unset', async () => {
    const r = repo();
    const v = fields(await tagVariables({ env: tagEnv(r.dir, writeEvent(r, 'tag'), undefined) }));
    expect(v.CommitID).toBe(TAG_COMMIT);
  });
});

describe('tag variables on a release', () => {
  it('takes the release tag, its publication time, and the commit details from git', async () => {
    const r = repo();
    r.commit('Prepare 2.0.0');
    const sha = r.commit('Fix checkout rounding', { name: 'Jane Doe', email: 'jane@example.com' });
    r.git('tag', '-a', 'v2.0.1', '-m', 'v2.0.1');
    const env = githubEnv('release', r.dir, writeEvent(r, 'release'), { GITHUB_SHA: sha });
    const v = fields(await tagVariables({ env }));
    expect(v.Tag).toBe('v2.0.1');
    expect(v.Branch).toBe('v2.0.1');
    expect(v.CommitID).toBe(sha);
    expect(v.CommitMessage).toBe('Fix checkout rounding');
    expect(v.CommitterName).toBe('Jane Doe');
    expect(v.CommitterUsername).toBe('jdoe');
    expect(v.CommitDescription).toBe('v2.0.1');
    // release.published_at: 2024-06-10T09:15:22Z
    expect(v.Timestamp).toEqual(new GoTyped('int64', 'int', 1718010922n));
  });
});

describe('tag variables outside GitHub Actions', () => {
  it('asks git for the branch, commit, message and repository name', async () => {
    const r = repo();
    const sha = r.commit('Local work', { name: 'Dev Eloper', email: 'dev@example.com' });
    const before = Date.now();
    const v = fields(await tagVariables({ env: {}, cwd: r.dir }));
    expect(v.Branch).toBe('main');
    expect(v.CommitID).toBe(sha);
    expect(v.CommitMessage).toBe('Local work');
    expect(v.CommitterName).toBe('Dev Eloper');
    expect(v.RepoName).toBe('shop-api');
    expect(v.CommitDescription).toBe(sha.slice(0, (v.CommitDescription as string).length));
    const seconds = Number((v.Timestamp as GoTyped).value);
    expect(seconds).toBeGreaterThanOrEqual(Math.floor(before / 1000));
    expect(seconds).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });

  it('takes Branch and CommitID from GITHUB_REF_NAME and GITHUB_SHA set by hand', async () => {
    const r = repo();
    r.commit('one');
    const v = fields(await tagVariables({ env: { GITHUB_REF_NAME: 'release/2.x', GITHUB_SHA: PUSH_SHA }, cwd: r.dir }));
    expect([v.Branch, v.CommitID]).toEqual(['release/2.x', PUSH_SHA]);
  });

  it('gives an empty Branch on a detached HEAD', async () => {
    const r = repo();
    const sha = r.commit('one');
    r.git('checkout', '-q', '--detach', sha);
    expect(fields(await tagVariables({ env: {}, cwd: r.dir })).Branch).toBe('');
  });

  it('fails with one line naming the variable outside a repository', async () => {
    const r = repo();
    const outside = join(r.dir, '..');
    const v = fields(await tagVariables({ env: {}, cwd: outside }));
    expect(() => v.CommitID).toThrow(/^CommitID: git in .* failed \(fatal: not a git repository.*set GITHUB_SHA$/);
  });

  it('asks git only for what the templates read, and fails only where a template reads what git could not answer', async () => {
    const r = repo();
    const outside = join(r.dir, '..');
    const templates = [{ name: 't', text: '{{ .Branch }}{{ if false }}{{ .CommitDescription }}{{ end }}' }];
    const dot = await tagVariables({ env: { GITHUB_REF_NAME: 'main' }, cwd: outside, uses: fieldsRead(templates) });
    expect(renderEach(templates, dot, { raw: true }).map((x) => x.tag)).toEqual(['main']);
    expect(() => renderEach([{ name: 't', text: '{{ .CommitDescription }}' }], dot, { raw: true })).toThrow(
      /^CommitID: git in .* failed/,
    );
    // Not named by the templates: never asked, and reading it anyway is a bug, not a git error.
    expect(() => fields(dot).RepoName).toThrow(/RepoName was read, but git was not asked for it/);
  });

  it('names the file when the event payload is not JSON', async () => {
    const r = repo();
    const path = join(r.dir, '..', 'broken.json');
    writeFileSync(path, '{"ref": ');
    await expect(tagVariables({ env: { GITHUB_EVENT_PATH: path } })).rejects.toThrow(
      /^GITHUB_EVENT_PATH=.*broken\.json: the event payload is not JSON/,
    );
  });
});
