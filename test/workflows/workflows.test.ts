// Every workflow and action.yml passes GitHub's own parser, and the wiring
// between workflows, reusable workflows and regkit's actions is consistent.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionErrors, workflowErrors } from '../harness/github-parser.js';
import { checkWorkflow, loadAction } from '../harness/wiring.js';
import { repoRoot } from '../harness/cli.js';

const workflowDir = join(repoRoot, '.github/workflows');
const workflows = readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f));
const actions: Record<string, string> = { '.': 'login', build: 'build', push: 'push', promote: 'promote', tag: 'tag' };

/** The ```yaml blocks of the README that are whole workflows (they have jobs:). */
export function readmeWorkflows(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => /^jobs:/m.test(y));
}

describe('workflows', () => {
  it.each(workflows)('%s passes GitHub\'s parser', async (file) => {
    expect(await workflowErrors(file, readFileSync(join(workflowDir, file), 'utf8'))).toEqual([]);
  });
  it.each(workflows)('%s is wired consistently', (file) => {
    expect(checkWorkflow(file, readFileSync(join(workflowDir, file), 'utf8'))).toEqual([]);
  });
});

describe('action metadata', () => {
  it.each(Object.keys(actions))('%s/action.yml passes GitHub\'s parser', (dir) => {
    expect(actionErrors(`${dir}/action.yml`, readFileSync(join(repoRoot, dir, 'action.yml'), 'utf8'))).toEqual([]);
  });
  it.each(Object.entries(actions))('every output of %s/action.yml is set by src/actions/%s.ts', (dir, name) => {
    const source = readFileSync(join(repoRoot, 'src/actions', `${name}.ts`), 'utf8');
    const missing = loadAction(dir).outputs.filter((o) => !source.includes(`'${o}'`) && !source.includes(`"${o}"`));
    expect(missing).toEqual([]);
  });
});

describe('README examples', () => {
  const examples = readmeWorkflows();
  it('has a complete workflow for each kind of user', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });
  it.each(examples.map((y, i) => [i + 1, y]))('example %i passes GitHub\'s parser and is wired consistently', async (i, yaml) => {
    expect(await workflowErrors(`README example ${i}`, yaml as string)).toEqual([]);
    expect(checkWorkflow(`README example ${i}`, yaml as string)).toEqual([]);
  });
});

describe('the wiring check can fail', () => {
  const wf = (steps: string) => `on: { workflow_call: { inputs: { a: { type: string } } } }\njobs:\n  j:\n    runs-on: x\n    steps:\n${steps}`;
  it('flags an unknown input of a regkit action', () => {
    const problems = checkWorkflow('t.yml', wf('      - uses: regkit/regkit/tag@v1\n        with: { templat: x }\n'));
    expect(problems.join('\n')).toMatch(/"templat" is not an input of regkit action tag/);
  });
  it('flags a missing required input', () => {
    expect(checkWorkflow('t.yml', wf('      - uses: regkit/regkit/push@v1\n')).join('\n')).toMatch(/required input "candidate"/);
  });
  it('flags undefined inputs, steps and outputs', () => {
    const problems = checkWorkflow('t.yml', wf('      - id: t\n        uses: regkit/regkit/tag@v1\n      - run: echo ${{ inputs.b }} ${{ steps.t.outputs.nope }} ${{ steps.u.outputs.x }}\n'));
    expect(problems).toHaveLength(3);
  });
  it('flags a reusable workflow called with an unknown input', () => {
    const text = 'on: push\njobs:\n  b:\n    uses: regkit/regkit/.github/workflows/build-push.yml@v1\n    with: { image: x }\n';
    expect(checkWorkflow('t.yml', text).join('\n')).toMatch(/"image" is not an input.*required input "image-name"/s);
  });
  it('action sources exist for every action', () => {
    for (const name of Object.values(actions)) expect(existsSync(join(repoRoot, 'src/actions', `${name}.ts`))).toBe(true);
  });
});
