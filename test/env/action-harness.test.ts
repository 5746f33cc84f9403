import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFileCommands, runAction, runActionAt, secretLeaks } from '../harness/action.js';
import { tempDir } from './processes.js';

// A node action written with nothing but the runner's protocol, so the harness is
// checked against the protocol itself rather than against regkit's runner.ts.
const MAIN = String.raw`
const fs = require('fs');
const put = (file, k, v) => fs.appendFileSync(process.env[file], k + '<<EOF_1\n' + v + '\nEOF_1\n');
const inputs = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_')));
inputs['INPUT_API-KEY'] = 'length ' + inputs['INPUT_API-KEY'].length; // a secret: never in an output
console.log('::add-mask::' + process.env['INPUT_API-KEY']);
put('GITHUB_OUTPUT', 'inputs', JSON.stringify(inputs));
put('GITHUB_OUTPUT', 'multi', 'line 1\nline 2');
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'plain=a=b\n');
put('GITHUB_ENV', 'EXPORTED', 'from-main');
put('GITHUB_STATE', 'isPost', 'true');
put('GITHUB_STATE', 'saved', 'state value');
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, '| a | b |\n');
console.log('::warning::careful%0Anext line');
console.log(JSON.stringify({ workspace: process.env.GITHUB_WORKSPACE, cwd: process.cwd(), temp: process.env.RUNNER_TEMP, home: process.env.HOME, leaked: process.env.INPUT_LEAK ?? null }));
if (process.env.INPUT_FAIL === 'true') { console.log('::error::it failed: bad input'); process.exitCode = 1; }
`;
const POST = String.raw`
console.log(JSON.stringify({ saved: process.env.STATE_saved, exported: process.env.EXPORTED, input: process.env['INPUT_API-KEY'] }));
`;

function fixture(postIf?: string): string {
  const dir = tempDir('fixture-action');
  writeFileSync(join(dir, 'main.js'), MAIN);
  writeFileSync(join(dir, 'post.js'), POST);
  writeFileSync(
    join(dir, 'action.yml'),
    [
      'name: fixture',
      'inputs:',
      '  api-key: { required: true }',
      '  image name: { default: "app" }',
      '  flag: { default: true }',
      '  fail: { default: "false" }',
      '  list: { required: false }',
      'runs:',
      '  using: node24',
      '  main: main.js',
      '  post: post.js',
      ...(postIf ? [`  post-if: ${postIf}`] : []),
    ].join('\n'),
  );
  return dir;
}

describe('runner file commands', () => {
  it('parses heredoc blocks and name=value lines', () => {
    expect(parseFileCommands('a<<X\n1\n2\nX\nb=c=d\n\nempty<<Y\nY\n')).toEqual({ a: '1\n2', b: 'c=d', empty: '' });
    expect(() => parseFileCommands('a<<X\nno end\n')).toThrow(/no closing X/);
  });
});

describe('action harness', () => {
  it('passes inputs with defaults, reads outputs, env, state, summary, masks, warnings', async () => {
    const ws = tempDir('ws');
    const r = await runActionAt(fixture(), {
      inputs: { 'api-key': 'k-123', list: ['x', 'y'] },
      cwd: ws,
      post: false,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.inputs!)).toEqual({
      'INPUT_API-KEY': 'length 5',
      INPUT_IMAGE_NAME: 'app',
      INPUT_FLAG: 'true',
      INPUT_FAIL: 'false',
      INPUT_LIST: 'x\ny',
    });
    expect(r.outputs.multi).toBe('line 1\nline 2');
    expect(r.outputs.plain).toBe('a=b');
    expect(r.env).toEqual({ EXPORTED: 'from-main' });
    expect(r.state).toEqual({ isPost: 'true', saved: 'state value' });
    expect(r.summary).toBe('| a | b |\n');
    expect(r.masks).toEqual(['k-123']);
    expect(r.warnings).toEqual(['careful\nnext line']);
    expect(r.post).toBeUndefined();
    const seen = JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{'))!) as Record<string, string>;
    expect(seen.workspace).toBe(ws);
    expect(seen.cwd).toBe(ws);
    expect(existsSync(seen.temp!)).toBe(true);
    expect(seen.home).toBe(r.home);
  });

  it('runs the post step with saved state and exported variables; keeps test INPUT_* out', async () => {
    process.env.INPUT_LEAK = 'from the test process';
    try {
      const r = await runActionAt(fixture(), { inputs: { 'api-key': 'k' } });
      expect(r.stdout).toContain('"leaked":null');
      expect(r.post?.code).toBe(0);
      expect(JSON.parse(r.post!.stdout.trim())).toEqual({ saved: 'state value', exported: 'from-main', input: 'k' });
    } finally {
      delete process.env.INPUT_LEAK;
    }
  });

  it('reads a failure: exit code and error line; post-if success() then skips the post step', async () => {
    const r = await runActionAt(fixture('success()'), { inputs: { 'api-key': 'k', fail: true } });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual(['it failed: bad input']);
    expect(r.post).toBeUndefined();
  });

  it('refuses an input the action does not declare', async () => {
    await expect(runActionAt(fixture(), { inputs: { 'api-key': 'k', typo: 'x' } })).rejects.toThrow(/no input "typo"/);
  });

  it('finds secrets printed unmasked', async () => {
    const r = await runActionAt(fixture(), {
      inputs: { 'api-key': 'k-999', 'image name': 'also-secret' },
      post: false,
    });
    const leaks = secretLeaks(r, ['k-999', 'also-secret', 'never-seen']);
    // k-999 is printed only in its ::add-mask:: line; also-secret is in the `inputs` output.
    expect(leaks.printed).toEqual(['also-secret']);
    expect(leaks.unmasked).toEqual(['also-secret', 'never-seen']);
  });
});

describe('bundled actions through the harness', () => {
  it('login in an empty workspace fails with one error line and exit code 1', async () => {
    const r = await runAction('login', { post: false });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).not.toMatch(/\n/);
  });
});
