import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderEach, renderTags, templatesFromLines } from '../../../src/tags/render.js';
import { tagVariables } from '../../../src/tags/variables.js';
import { isValidTag } from '../../../src/naming/index.js';
import { TemplateError } from '../../../src/template/index.js';
import { UserError } from '../../../src/errors.js';
import { makeRepo, writeEvent, type TestRepo } from './gitrepo.js';
import { githubEnv, type EventFixture } from './events.js';

// Every image_tag template found in public Codeship repositories (test/fixtures/SOURCES.md).
const corpus = readFileSync(new URL('../../fixtures/image_tag_templates.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');

let repo: TestRepo;
let commit: string;
beforeAll(() => {
  repo = makeRepo();
  repo.commit('Initial commit');
  repo.git('tag', 'v1.3.0');
  commit = repo.commit('Add login page');
});
afterAll(() => repo.remove());

/** The dot for `event`, its commit being one the test repository has (for git describe). */
async function dot(event: EventFixture, opts: { serviceName?: string } = {}) {
  const path = writeEvent(repo, event, (p) => {
    if (p.head_commit) p.head_commit.id = commit;
    if (p.pull_request) p.pull_request.head.sha = commit;
  });
  const env = githubEnv(event, repo.dir, path, event === 'pull_request' ? {} : { GITHUB_SHA: commit });
  return tagVariables({ env, ...opts });
}

describe('the Codeship corpus', () => {
  it('has the 23 templates found in public repositories', async () => {
    expect(corpus).toHaveLength(23);
  });

  for (const event of ['push', 'pull_request', 'tag', 'release'] as const) {
    it(`renders every template to a valid Docker tag on ${event}`, async () => {
      const d = await dot(event, { serviceName: 'web' });
      for (const [i, text] of corpus.entries()) {
        const [tag] = renderTags([{ name: `corpus ${i + 1}`, text }], d);
        expect(isValidTag(tag!), `${text} → ${tag}`).toBe(true);
      }
    });
  }

  it('renders them on a push as Codeship would have', async () => {
    const d = await dot('push');
    const render = (text: string) => renderTags([{ name: 't', text }], d)[0];
    expect(render('{{ .Branch }}-{{ .CommitID }}')).toBe(`featureLogin-Page-${commit}`);
    expect(render('{{printf "%.8s" .CommitID}}')).toBe(commit.slice(0, 8));
    expect(render('development-{{ .Timestamp }}')).toBe('development-1714641165');
    expect(render('{{ .CiName }}-{{ .Branch }}')).toBe('github-actions-featureLogin-Page');
    expect(render('{{.RepoName}}.{{.CommitID}}')).toBe(`shop-api.${commit}`);
    expect(render('{{.ServiceName}}.{{.BuildID}}')).toBe('9123456789'); // no service: the leading "." goes
    expect(render('{{.Branch}}.{{.CommitDescription}}')).toMatch(
      new RegExp(`^featureLogin-Page\\.v1\\.3\\.0-1-g[0-9a-f]{4,7}$`),
    );
    expect(commit.startsWith(render('{{.Branch}}.{{.CommitDescription}}')!.split('-g')[1]!)).toBe(true);
    expect(render('stub-{{.Branch}}')).toBe('stub-featureLogin-Page');
  });
});

describe('renderTags', () => {
  it('gives one tag per template, duplicates once at their first place', async () => {
    const templates = templatesFromLines(
      '{{ .Branch }}\nlatest\n\n{{ .Tag }}\nlatest\n{{ semver .Tag "major" }}\n',
      'templates',
    );
    expect(renderTags(templates, await dot('tag'))).toEqual(['v1.4.0-rc.2', 'latest', '1']);
  });

  it('marks repeats for the summary', async () => {
    const r = renderEach(templatesFromLines('a\nb\na', 'templates'), await dot('push'));
    expect(r.map((x) => [x.template.name, x.tag, x.duplicate])).toEqual([
      ['templates line 1', 'a', false],
      ['templates line 2', 'b', false],
      ['templates line 3', 'a', true],
    ]);
  });

  it('keeps output unchanged in raw mode', async () => {
    expect(renderTags([{ name: 't', text: '{{ .Branch }}' }], await dot('push'), { raw: true })).toEqual([
      'feature/Login-Page',
    ]);
    expect(renderTags([{ name: 't', text: '{{ .Tag }}' }], await dot('push'), { raw: true })).toEqual(['']);
  });

  it('offers the tag functions', async () => {
    const d = await dot('pull_request');
    const t = (text: string) => renderTags([{ name: 't', text }], d)[0];
    expect(t('{{ .Branch | replace "/" "-" | lower }}')).toBe('fix-cart-totals');
    expect(t('pr-{{ .PullRequest }}-{{ .CommitID | trunc 7 }}')).toBe(`pr-42-${commit.slice(0, 7)}`);
    expect(t('{{ .Tag | default "edge" | upper }}')).toBe('EDGE');
    expect(t('{{ .Time.Format "2006.01.02" }}')).toBe('2024.05.21');
  });

  it("fails naming the template line, with Go's message", async () => {
    const templates = templatesFromLines('{{ .Branch }}\n{{ .Brnch }}', 'templates');
    const d = await dot('push');
    const call = () => renderTags(templates, d);
    expect(call).toThrow(TemplateError);
    expect(call).toThrow(
      'template: templates line 2:1:3: executing "templates line 2" at <.Brnch>: can\'t evaluate field Brnch in type tags.Variables',
    );
  });

  it('fails clearly when semver meets a branch', async () => {
    const d = await dot('push');
    expect(() => renderTags([{ name: 'templates line 1', text: '{{ semver .Branch "major" }}' }], d)).toThrow(
      /error calling semver: "feature\/Login-Page" is not a semantic version/,
    );
  });

  it('fails naming the template when nothing valid is left', async () => {
    const d = await dot('push');
    const call = () => renderTags(templatesFromLines('ok\n{{ .Tag }}', 'templates'), d);
    expect(call).toThrow(UserError);
    expect(call).toThrow(/^templates line 2: template "\{\{ \.Tag \}\}" rendered nothing/);
  });
});

describe('tags written as docker/* users write them', () => {
  it('a metadata-action rule or a full image reference fails with one line saying what to write', () => {
    expect(() => templatesFromLines('latest\ntype=ref,event=branch', 'tags')).toThrow(
      'tags line 2: "type=ref,event=branch" is docker/metadata-action\'s syntax — write the tag as a template, e.g. {{ .Branch }}, sha-{{ .ShortCommitID }}, {{ semver .Tag "major.minor" }} or latest',
    );
    expect(() => templatesFromLines('ghcr.io/acme/api:{{ .Branch }}', 'tags')).toThrow(
      'tags line 1: "ghcr.io/acme/api:{{ .Branch }}" is a full image reference — tags are the tag part only: give "{{ .Branch }}" here and the repository (ghcr.io/acme/api) as image-name',
    );
    expect(() => templatesFromLines('localhost:5000/api:1', 'tags')).toThrow(/is a full image reference/);
  });

  it('templates that merely contain "/" or ":" are left alone', () => {
    const ok = [
      '{{ .Branch | replace "/" "-" }}',
      '{{ .Time.Format "2006/01/02:15" }}',
      'release-{{ .Branch }}',
      'v1.2:{{ .Branch }}',
    ];
    expect(templatesFromLines(ok.join('\n'), 'tags').map((t) => t.text)).toEqual(ok);
  });
});
