import { describe, expect, it } from 'vitest';
import { actionErrors, workflowErrors } from '../harness/github-parser.js';

describe('GitHub parser harness', () => {
  it('rejects a workflow with an unknown key and a bad job', async () => {
    const errors = await workflowErrors('bad.yml', 'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n');
    expect(errors.join('\n')).toMatch(/stepz/);
  });
  it('accepts a minimal valid workflow', async () => {
    expect(
      await workflowErrors(
        'ok.yml',
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n',
      ),
    ).toEqual([]);
  });
  it('rejects an action.yml without runs', () => {
    expect(actionErrors('action.yml', 'name: x\ndescription: y\n').length).toBeGreaterThan(0);
  });
});
