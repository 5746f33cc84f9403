// The tag action run as the runner runs it (dist/tag, build it first: npm run build -- tag),
// on the push, pull_request, tag and release payloads of test/unit/tags/fixtures.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../harness/action.js';
import { tempDir } from '../env/processes.js';
import { eventFile, makeRepo, type TestRepo } from '../unit/tags/gitrepo.js';
import { githubEnv, PR_HEAD_SHA, PUSH_SHA, TAG_COMMIT, type EventFixture } from '../unit/tags/events.js';
import { isValidTag } from '../../src/naming/index.js';

const corpus = readFileSync(new URL('../fixtures/image_tag_templates.txt', import.meta.url), 'utf8');

/** The runner's environment for a fixture event; the workspace is an empty folder unless given. */
function eventEnv(
  event: EventFixture,
  workspace = tempDir('tag-workspace'),
  edit?: (p: any) => void,
  over: Record<string, string | undefined> = {},
) {
  return { cwd: workspace, env: githubEnv(event, workspace, eventFile(tempDir('tag-event'), event, edit), over) };
}

describe('tag action on a push to a branch', () => {
  it('renders the templates, sets tags, tag and json, and writes the summary', async () => {
    const r = await runAction('tag', {
      ...eventEnv('push'),
      inputs: {
        templates: [
          '{{ .Branch }}-{{ .ShortCommitID }}',
          '{{ .CiName }}-{{ .Branch }}',
          '',
          '{{ .Branch }}-{{ .ShortCommitID }}',
        ],
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const tags = ['featureLogin-Page-9c2e5f8', 'github-actions-featureLogin-Page'];
    expect(r.outputs.tags).toBe(tags.join('\n'));
    expect(r.outputs.tag).toBe(tags[0]);
    expect(JSON.parse(r.outputs.json!)).toEqual(tags);
    expect(r.summary).toContain('| Template | Tag |');
    expect(r.summary).toContain('| `{{ .Branch }}-{{ .ShortCommitID }}` | featureLogin-Page-9c2e5f8 |');
    expect(r.summary).toContain('| `{{ .Branch }}-{{ .ShortCommitID }}` | featureLogin-Page-9c2e5f8 (duplicate) |');
    expect(r.stdout).toBe(tags.map((t) => t + '\n').join(''));
    expect(r.stderr).toBe('');
  });

  it('uses the default template when none is given', async () => {
    const r = await runAction('tag', eventEnv('push'));
    expect(r.outputs.tags).toBe(`featureLogin-Page-${PUSH_SHA.slice(0, 7)}`);
  });

  it('renders every corpus template to a valid tag', async () => {
    // CommitDescription needs the commit in a checkout: a repository whose HEAD the event names.
    const repo: TestRepo = makeRepo();
    try {
      repo.commit('one');
      repo.git('tag', 'v0.1.0');
      const sha = repo.commit('two');
      const r = await runAction('tag', {
        ...eventEnv('push', repo.dir, (p) => (p.head_commit.id = sha), { GITHUB_SHA: sha }),
        inputs: { templates: corpus, 'service-name': 'web' },
      });
      expect(r.errors).toEqual([]);
      const tags = r.outputs.tags!.split('\n');
      expect(tags.length).toBeGreaterThan(15);
      for (const t of tags) expect(isValidTag(t), t).toBe(true);
      expect(tags).toContain('development-1714641165');
      expect(tags).toContain('web.featureLogin-Page');
      expect(tags.some((t) => /^featureLogin-Page\.v0\.1\.0-1-g[0-9a-f]+$/.test(t))).toBe(true);
    } finally {
      repo.remove();
    }
  });

  it('passes ci-name, service-name, step-name and image-name to the variables', async () => {
    const r = await runAction('tag', {
      ...eventEnv('push'),
      inputs: {
        templates: '{{ .CiName }}-{{ .ServiceName }}-{{ .StepName }}-{{ .ImageName | replace "/" "_" }}',
        'ci-name': 'codeship',
        'service-name': 'web',
        'step-name': 'push_web',
        'image-name': 'acme/web',
      },
    });
    expect(r.outputs.tag).toBe('codeship-web-push_web-acme_web');
  });

  it('keeps the output as rendered with raw: true', async () => {
    const r = await runAction('tag', {
      ...eventEnv('push'),
      inputs: { templates: '{{ .Branch }}:{{ .StringTime }}', raw: true },
    });
    expect(r.outputs.tag).toBe('feature/Login-Page:2024-05-02T09:12:45+00:00');
    expect(r.summary).toContain('| Template | Output (raw) |');
  });
});

describe('tag action on a pull request', () => {
  it('tags the head branch and head commit, not the merge commit', async () => {
    const r = await runAction('tag', {
      ...eventEnv('pull_request'),
      inputs: {
        templates: [
          'pr-{{ .PullRequest }}-{{ .Branch | replace "/" "-" }}',
          '{{ printf "%.8s" .CommitID }}',
          '{{ .Time.Format "20060102" }}-{{ .RunNumber }}',
        ],
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.outputs.tags!.split('\n')).toEqual(['pr-42-fix-cart-totals', PR_HEAD_SHA.slice(0, 8), '20240521-318']);
  });
});

describe('tag action on a tag push', () => {
  it('gives semver parts of the tag and the tag as Branch', async () => {
    const r = await runAction('tag', {
      ...eventEnv('tag'),
      inputs: {
        templates: [
          '{{ semver .Tag "major.minor.patch" }}',
          '{{ semver .Tag "major.minor" }}',
          '{{ semver .Tag "major" }}',
          '{{ semver .Tag "prerelease" }}',
          '{{ .Branch }}',
          'sha-{{ .ShortCommitID }}',
        ],
      },
    });
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.outputs.json!)).toEqual([
      '1.4.0',
      '1.4',
      '1',
      'rc.2',
      'v1.4.0-rc.2',
      `sha-${TAG_COMMIT.slice(0, 7)}`,
    ]);
  });
});

describe('tag action on a release', () => {
  it('takes the release tag', async () => {
    const r = await runAction('tag', {
      ...eventEnv('release'),
      inputs: { templates: ['{{ semver .Tag "major.minor.patch" }}', '{{ semver .Tag "major.minor" }}', 'latest'] },
    });
    expect(r.outputs.tags).toBe('2.0.1\n2.0\nlatest');
  });
});

describe('tag action failures', () => {
  it("names the template line and Go's message, without a stack trace", async () => {
    const r = await runAction('tag', { ...eventEnv('push'), inputs: { templates: '{{ .Branch }}\n{{ .Brnch }}' } });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'template: templates line 2:1:3: executing "templates line 2" at <.Brnch>: can\'t evaluate field Brnch in type tags.Variables',
    ]);
    expect(r.stderr).toBe('');
    expect(r.outputs).toEqual({});
  });

  it('fails on a template that does not parse', async () => {
    const r = await runAction('tag', { ...eventEnv('push'), inputs: { templates: '{{ .Branch ' } });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^template: templates line 1:1:/);
  });

  it('fails clearly when semver is given a branch', async () => {
    const r = await runAction('tag', { ...eventEnv('push'), inputs: { templates: '{{ semver .Branch "major" }}' } });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/error calling semver: "feature\/Login-Page" is not a semantic version/);
  });

  it('fails naming the template when no valid tag is left', async () => {
    const r = await runAction('tag', { ...eventEnv('push'), inputs: { templates: 'latest\n{{ .Tag }}' } });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'templates line 2: template "{{ .Tag }}" rendered nothing, which leaves no valid tag characters ([A-Za-z0-9_.-], not starting with . or -)',
    ]);
  });

  it('says how to get the commit when CommitDescription has no checkout', async () => {
    const r = await runAction('tag', { ...eventEnv('push'), inputs: { templates: '{{ .CommitDescription }}' } });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /^CommitDescription: git in .* failed \(fatal: not a git repository.*fetch-depth: 0\)$/,
    );
  });

  it('refuses an empty template list', async () => {
    const r = await runAction('tag', { ...eventEnv('push'), inputs: { templates: '  \n' } });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual(['input "templates" is required — set it under with: in the workflow step']);
  });

  it('names the payload file when it cannot be read', async () => {
    const workspace = tempDir('tag-workspace');
    const r = await runAction('tag', {
      cwd: workspace,
      env: githubEnv('push', workspace, join(workspace, 'gone.json')),
    });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/^GITHUB_EVENT_PATH=.*gone\.json: cannot read the event payload \(ENOENT\)$/);
  });
});
