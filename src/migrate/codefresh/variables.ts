/**
 * Codefresh's `${{NAME}}` in a pipeline → what GitHub or regkit gives in its place.
 * In tags and build arguments (regkit renders them with its tag engine) the variable
 * becomes a tag variable: `${{CF_BRANCH_TAG_NORMALIZED}}` → `{{ .Branch | tagsafe }}`.
 * Everywhere else it becomes a GitHub expression over the environment that the
 * workflow's first step fills the way Codefresh did (CODEFRESH_VARIABLES_SCRIPT).
 * A step's name stands for what the step made: a build's image, a clone's folder.
 */
import type { Report } from '../report.js';
import type { Pos } from '../yaml-tree.js';
import type { CfStep, Pipeline } from './read.js';

const VAR = /\$\{\{\s*([^}]*?)\s*\}\}/g;

/** Codefresh's variables that regkit's tag engine has (docs/tags.md). */
const TEMPLATE: Record<string, string> = {
  CF_BRANCH: '{{ .Branch }}',
  CF_BRANCH_TAG_NORMALIZED: '{{ .Branch | tagsafe }}',
  CF_BRANCH_TAG_NORMALIZED_LOWER_CASE: '{{ .Branch | tagsafe | lower }}',
  CF_REVISION: '{{ .CommitID }}',
  CF_SHORT_REVISION: '{{ .ShortCommitID }}',
  CF_BUILD_ID: '{{ .BuildID }}',
  CF_REPO_NAME: '{{ .RepoName }}',
  CF_COMMIT_MESSAGE: '{{ .CommitMessage }}',
  CF_PULL_REQUEST_NUMBER: '{{ .PullRequest }}',
  CF_RELEASE_TAG: '{{ .Tag }}',
  CF_BUILD_TIMESTAMP: '{{ .Timestamp }}',
};

/** Codefresh's variables the first step of the workflow sets (bash, into $GITHUB_ENV). */
export const CF_VARIABLES = [
  'CF_BRANCH',
  'CF_BRANCH_TAG_NORMALIZED',
  'CF_BRANCH_TAG_NORMALIZED_LOWER_CASE',
  'CF_REVISION',
  'CF_SHORT_REVISION',
  'CF_REPO_OWNER',
  'CF_REPO_NAME',
  'CF_BUILD_ID',
  'CF_BUILD_URL',
  'CF_BUILD_TIMESTAMP',
  'CF_COMMIT_URL',
  'CF_COMMIT_AUTHOR',
  'CF_COMMIT_MESSAGE',
  'CF_PULL_REQUEST_NUMBER',
  'CF_PULL_REQUEST_TARGET',
  'CF_RELEASE_TAG',
  'CF_VOLUME_PATH',
  'CF_VOLUME',
  'CF_VOLUME_NAME',
  'CF_ACCOUNT',
] as const;

export const CODEFRESH_VARIABLES_STEP_ENV: Record<string, string> = {
  PR_HEAD_SHA: '${{ github.event.pull_request.head.sha }}',
  PR_NUMBER: '${{ github.event.pull_request.number }}',
  COMMIT_AUTHOR: '${{ github.event.head_commit.author.name }}',
  COMMIT_MESSAGE: '${{ github.event.head_commit.message }}',
};

// CF_BRANCH_TAG_NORMALIZED: Codefresh drops every character a Docker tag cannot hold,
// as the tag engine's `tagsafe` does.
export const CODEFRESH_VARIABLES_SCRIPT = `cf() { printf '%s=%s\\n' "$1" "$2" >> "$GITHUB_ENV"; }
branch="\${GITHUB_HEAD_REF:-$GITHUB_REF_NAME}"
revision="\${PR_HEAD_SHA:-$GITHUB_SHA}"
normalized="$(printf '%s' "$branch" | tr -cd 'A-Za-z0-9_.-')"
release=""; [ "$GITHUB_REF_TYPE" = tag ] && release="$GITHUB_REF_NAME"
cf CF_BRANCH "$branch"
cf CF_BRANCH_TAG_NORMALIZED "$normalized"
cf CF_BRANCH_TAG_NORMALIZED_LOWER_CASE "$(printf '%s' "$normalized" | tr 'A-Z' 'a-z')"
cf CF_REVISION "$revision"
cf CF_SHORT_REVISION "\${revision:0:7}"
cf CF_REPO_OWNER "$GITHUB_REPOSITORY_OWNER"
cf CF_REPO_NAME "\${GITHUB_REPOSITORY#*/}"
cf CF_BUILD_ID "$GITHUB_RUN_ID"
cf CF_BUILD_URL "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"
cf CF_BUILD_TIMESTAMP "$(date +%s)"
cf CF_COMMIT_URL "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/commit/$revision"
cf CF_COMMIT_AUTHOR "$COMMIT_AUTHOR"
cf CF_PULL_REQUEST_NUMBER "$PR_NUMBER"
cf CF_PULL_REQUEST_TARGET "$GITHUB_BASE_REF"
cf CF_RELEASE_TAG "$release"
cf CF_VOLUME_PATH "$GITHUB_WORKSPACE"
# Codefresh's shared volume is the workspace: a bind mount where compositions mounted the volume.
cf CF_VOLUME "$GITHUB_WORKSPACE"
cf CF_VOLUME_NAME "$GITHUB_WORKSPACE"
cf CF_ACCOUNT "$GITHUB_REPOSITORY_OWNER"
eof="CF_EOF_$RANDOM$RANDOM"
{ echo "CF_COMMIT_MESSAGE<<$eof"; printf '%s\\n' "$COMMIT_MESSAGE"; echo "$eof"; } >> "$GITHUB_ENV"
`;

const SECRET_LIKE = /KEY|TOKEN|PASS|SECRET|CREDENTIAL|AUTH|PRIVATE|SSH/i;

/** A GitHub step id for a Codefresh step name. */
export function stepId(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_-]+/g, '-');
  return /^[A-Za-z_]/.test(id) ? id : `s-${id}`;
}

export class Variables {
  /** Whether an expression uses the environment the Codefresh variables step fills. */
  usesCf = false;
  /** Pipeline variables (not Codefresh's, not exported by a step): the workflow env the user fills. */
  readonly user = new Map<string, Pos>();
  /** Variables that `cf_export` or env_vars_to_export set during the build. */
  readonly exported = new Set<string>();
  private told = new Set<string>();

  constructor(
    private pipeline: Pipeline,
    private report: Report,
    /** Where a git-clone step's files are, relative to the workspace. */
    private clonePath: (step: CfStep) => string,
  ) {}

  /** The expression (no `${{ }}`) for a variable or step reference; undefined for one GitHub has no form of. */
  expressionOf(name: string, pos: Pos): string | undefined {
    const step = this.pipeline.byName.get(name);
    if (step) {
      if (step.type === 'build') return `steps.${stepId(name)}.outputs.image`;
      if (step.type === 'git-clone') return `format('{0}/${this.clonePath(step)}', github.workspace)`;
      return 'github.workspace';
    }
    if (name === 'main_clone') return 'github.workspace';
    const member = /^(?:steps\.)?([^.]+)\.(\w+)$/.exec(name);
    if (member && this.pipeline.byName.has(member[1])) {
      const id = stepId(member[1]);
      if (member[2] === 'result') return `steps.${id}.outcome`;
      if (/^image(Name|Id|TagName)?$/.test(member[2]) && this.pipeline.byName.get(member[1])!.type === 'build') {
        this.note(
          pos,
          name,
          `\`\${{${name}}}\` → the build's \`image\` output (its full name; docker finds the same image by it)`,
        );
        return `steps.${id}.outputs.image`;
      }
      this.note(pos, name, `\`\${{${name}}}\` has no GitHub equivalent; replace it by hand`, 'skipped');
      return undefined;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      this.note(pos, name, `\`\${{${name}}}\` is not a variable GitHub can hold; replace it by hand`, 'skipped');
      return undefined;
    }
    if ((CF_VARIABLES as readonly string[]).includes(name)) {
      this.usesCf = true;
      return `env.${name}`;
    }
    if (name.startsWith('CF_')) {
      this.note(
        pos,
        name,
        `\`\${{${name}}}\` is Codefresh's own with no GitHub equivalent: it is read from the workflow env \`${name}\`, which you must fill`,
        'skipped',
      );
    }
    if (!this.exported.has(name) && !this.user.has(name)) this.user.set(name, pos);
    return `env.${name}`;
  }

  /** Text for a `with:`, `env:` or `run:` value: each `${{NAME}}` becomes a GitHub expression. */
  expression(value: string, pos: Pos): string {
    return value.replace(VAR, (whole, name: string) => {
      const e = this.expressionOf(name, pos);
      return e ? `\${{ ${e} }}` : "${{ '${{' }}" + whole.slice(3);
    });
  }

  /** Text for a tag or build argument: a template for regkit's tag engine. */
  template(value: string, pos: Pos): string {
    let out = '';
    let last = 0;
    for (const m of value.matchAll(VAR)) {
      out += escapeTemplate(value.slice(last, m.index));
      last = m.index! + m[0].length;
      const t = TEMPLATE[m[1]];
      out += t ?? this.expression(m[0], pos);
    }
    return out + escapeTemplate(value.slice(last));
  }

  /** The names a text refers to with `${{NAME}}`. */
  static names(value: string): string[] {
    return [...value.matchAll(VAR)].map((m) => m[1]);
  }

  /** The workflow env for pipeline variables, and one report line per variable. */
  workflowEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, pos] of [...this.user].sort(([a], [b]) => a.localeCompare(b))) {
      if (this.exported.has(name)) continue;
      const secret = SECRET_LIKE.test(name);
      env[name] = `\${{ ${secret ? 'secrets' : 'vars'}.${name} }}`;
      this.report.skipped(
        pos,
        `pipeline variable \`${name}\` → workflow env ${name} from the repository ${secret ? 'secret' : 'variable'} ${name}: create it (Settings → Secrets and variables → Actions)${secret ? '' : ', or make it a secret if it is one'}`,
      );
    }
    return env;
  }

  private note(pos: Pos, name: string, message: string, level: 'changed' | 'skipped' = 'changed'): void {
    if (this.told.has(name)) return;
    this.told.add(name);
    this.report.add(level, pos, message);
  }
}

function escapeTemplate(s: string): string {
  return s.replace(/\{\{/g, '{{"{{"}}');
}
