// The GITHUB_* variables the runner sets alongside each fixture payload in ./fixtures.

export type EventFixture = 'push' | 'pull_request' | 'tag' | 'release';

export const PUSH_SHA = '9c2e5f81a0b3d4c6e7f8091a2b3c4d5e6f708192';
export const PR_HEAD_SHA = '7f3e9a1c5b2d8e4f6a0c1b3d5e7f9a2c4e6b8d0f';
export const PR_MERGE_SHA = 'c0ffee0123456789abcdef0123456789abcdef01';
export const TAG_COMMIT = '51d0c6f2a8e4b7d9c3f1a0e2b4d6c8f0a2e4b6d8';
export const RELEASE_COMMIT = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c';

const perEvent: Record<EventFixture, Record<string, string>> = {
  push: {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/feature/Login-Page',
    GITHUB_REF_NAME: 'feature/Login-Page',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: PUSH_SHA,
    GITHUB_ACTOR: 'jdoe',
  },
  pull_request: {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF: 'refs/pull/42/merge',
    GITHUB_REF_NAME: '42/merge',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: PR_MERGE_SHA,
    GITHUB_HEAD_REF: 'fix/cart-totals',
    GITHUB_BASE_REF: 'main',
    GITHUB_ACTOR: 'mchen',
  },
  tag: {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v1.4.0-rc.2',
    GITHUB_REF_NAME: 'v1.4.0-rc.2',
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SHA: TAG_COMMIT,
    GITHUB_ACTOR: 'rel-bot',
  },
  release: {
    GITHUB_EVENT_NAME: 'release',
    GITHUB_REF: 'refs/tags/v2.0.1',
    GITHUB_REF_NAME: 'v2.0.1',
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SHA: RELEASE_COMMIT,
    GITHUB_ACTOR: 'jdoe',
  },
};

/** What the runner sets for `event` with its payload at `eventPath`; `over` changes or (undefined) removes variables. */
export function githubEnv(
  event: EventFixture,
  workspace: string,
  eventPath: string,
  over: Record<string, string | undefined> = {},
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop-api',
    GITHUB_REPOSITORY_ID: '704213985',
    GITHUB_RUN_ID: '9123456789',
    GITHUB_RUN_NUMBER: '318',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_HEAD_REF: '',
    GITHUB_BASE_REF: '',
    ...perEvent[event],
    ...over,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env as Record<string, string>;
}
