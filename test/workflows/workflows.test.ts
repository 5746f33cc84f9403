// Every workflow and action.yml passes GitHub's own parser, and the wiring
// between workflows, reusable workflows and regkit's actions is consistent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionErrors, workflowErrors } from '../harness/github-parser.js';
import { actionDirs, actionSource, checkWorkflow, loadAction, outputsSet } from '../harness/wiring.js';
import { repoRoot } from '../harness/cli.js';

const workflowDir = join(repoRoot, '.github/workflows');
const workflows = readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f));
const actions = actionDirs();

/** The ```yaml blocks of the README that are whole workflows (they have jobs:). */
export function readmeWorkflows(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => /^jobs:/m.test(y));
}

describe('workflows', () => {
  it.each(workflows)("%s passes GitHub's parser", async (file) => {
    expect(await workflowErrors(file, readFileSync(join(workflowDir, file), 'utf8'))).toEqual([]);
  });
  it.each(workflows)('%s is wired consistently', (file) => {
    expect(checkWorkflow(file, readFileSync(join(workflowDir, file), 'utf8'))).toEqual([]);
  });
});

describe('action metadata', () => {
  it('finds every action', () => {
    expect(actions).toEqual(expect.arrayContaining(['.', 'build', 'push', 'promote', 'tag']));
  });
  it.each(actions)("%s/action.yml passes GitHub's parser", (dir) => {
    expect(actionErrors(`${dir}/action.yml`, readFileSync(join(repoRoot, dir, 'action.yml'), 'utf8'))).toEqual([]);
  });
  it.each(actions)('%s/action.yml runs a bundle of a source that exists', (dir) => {
    expect(actionSource(dir).problem).toBeUndefined();
  });
  it.each(actions)('every output of %s/action.yml is set by its entry point', (dir) => {
    const set = outputsSet(readFileSync(join(repoRoot, actionSource(dir).source!), 'utf8'));
    expect(loadAction(dir).outputs.filter((o) => !set.includes(o))).toEqual([]);
  });
});

describe('README examples', () => {
  const examples = readmeWorkflows();
  it('has a complete workflow for each kind of user', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });
  it.each(examples.map((y, i) => [i + 1, y]))(
    "example %i passes GitHub's parser and is wired consistently",
    async (i, yaml) => {
      expect(await workflowErrors(`README example ${i}`, yaml as string)).toEqual([]);
      expect(checkWorkflow(`README example ${i}`, yaml as string)).toEqual([]);
    },
  );
});

describe('the wiring check can fail', () => {
  const wf = (steps: string) =>
    `on: { workflow_call: { inputs: { a: { type: string } } } }\njobs:\n  j:\n    runs-on: x\n    steps:\n${steps}`;
  it('flags an unknown input of a regkit action', () => {
    const problems = checkWorkflow('t.yml', wf('      - uses: regkit/regkit/tag@v1\n        with: { templat: x }\n'));
    expect(problems.join('\n')).toMatch(/"templat" is not an input of regkit action tag/);
  });
  it('flags a missing required input', () => {
    expect(checkWorkflow('t.yml', wf('      - uses: regkit/regkit/push@v1\n')).join('\n')).toMatch(
      /required input "candidate"/,
    );
  });
  it('flags undefined inputs, steps and outputs', () => {
    const problems = checkWorkflow(
      't.yml',
      wf(
        '      - id: t\n        uses: regkit/regkit/tag@v1\n      - run: echo ${{ inputs.b }} ${{ steps.t.outputs.nope }} ${{ steps.u.outputs.x }}\n',
      ),
    );
    expect(problems).toHaveLength(3);
  });
  it('flags a reusable workflow called with an unknown input', () => {
    const text =
      'on: push\njobs:\n  b:\n    uses: regkit/regkit/.github/workflows/build-push.yml@v1\n    with: { image: x }\n';
    expect(checkWorkflow('t.yml', text).join('\n')).toMatch(/"image" is not an input.*required input "image-name"/s);
  });
  it('flags an action whose bundle has no source', () => {
    expect(actionSource('build', { main: '../dist/nope/index.js' }).problem).toMatch(/bundles no entry "nope"/);
    expect(actionSource('build', { main: 'index.js' }).problem).toMatch(/is not a bundle/);
    expect(actionSource('.', { main: 'dist/login/index.js', post: 'dist/tag/index.js' }).problem).toMatch(/runs.post/);
  });
  it('counts an output as set only where setOutput sets it', () => {
    // An input read by the same name, or a word in a string, is not an output set.
    const source =
      "const r = getInput('registries'); core.setOutput('refs', x);\nsetOutput( \"digest\", d); const t = 'tags';";
    expect(outputsSet(source)).toEqual(['refs', 'digest']);
  });
});
