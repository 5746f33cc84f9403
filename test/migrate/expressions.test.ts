// The round trip's evaluator of `${{ }}` expressions, on the forms `regkit migrate` writes.
import { describe, expect, it } from 'vitest';
import { evaluate, interpolate, shouldRun, type ExprContext } from './expressions.js';

const ctx = (over: Partial<ExprContext> = {}): ExprContext => ({
  github: { ref_name: 'release-2.1', sha: 'abc', event: { head_commit: { message: "it's done" } } },
  secrets: { CODESHIP_AES_KEY: 'k' },
  env: {},
  steps: {
    branch: { outcome: 'success', outputs: { master: 'false', 'master-release': 'true' } },
    'build-app': { outcome: 'success', outputs: { image: 'app:release-2.1-abc' } },
    'step-1': { outcome: 'failure', outputs: {} },
  },
  failed: false,
  ...over,
});

describe('expressions', () => {
  it('interpolates context paths into with:, env: and run: text', () => {
    expect(interpolate('${{ steps.build-app.outputs.image }} ${{ secrets.CODESHIP_AES_KEY }}', ctx())).toBe(
      'app:release-2.1-abc k',
    );
    expect(interpolate('${{github.event.head_commit.message}}|${{ github.event.nothing.here }}', ctx())).toBe(
      "it's done|",
    );
    expect(interpolate('${{ secrets.UNSET }}', ctx())).toBe('');
  });

  it('evaluates the filter conditions: ==, !=, &&, || and parentheses, strings compared ignoring case', () => {
    expect(shouldRun("steps.branch.outputs.master-release == 'true'", ctx())).toBe(true);
    expect(
      shouldRun("steps.branch.outputs.master-release == 'TRUE' && steps.branch.outputs.master != 'true'", ctx()),
    ).toBe(true);
    expect(shouldRun("steps.branch.outputs.master == 'true'", ctx())).toBe(false);
    expect(
      shouldRun("(steps.branch.outputs.master == 'true') || (steps.branch.outputs.master-release == 'true')", ctx()),
    ).toBe(true);
    expect(shouldRun("steps.branch.outputs.missing == 'true'", ctx())).toBe(false);
    expect(evaluate("'it''s'", ctx())).toBe("it's");
  });

  it('adds the implicit success() and honours the status functions', () => {
    expect(shouldRun(undefined, ctx({ failed: true }))).toBe(false);
    expect(shouldRun("steps.branch.outputs.master-release == 'true'", ctx({ failed: true }))).toBe(false);
    expect(shouldRun("failure() && steps.step-1.outcome == 'failure'", ctx({ failed: true }))).toBe(true);
    expect(shouldRun('failure()', ctx())).toBe(false);
    expect(shouldRun(false, ctx())).toBe(false);
  });

  it('refuses what it does not know instead of guessing', () => {
    expect(() => interpolate('${{ steps.nope.outputs.x }}', ctx())).toThrow(/steps\.nope is not an earlier step/);
    expect(() => interpolate('${{ vars.X }}', ctx())).toThrow(/not supported/);
    expect(() => shouldRun("contains(github.ref, 'x')", ctx())).toThrow(/not understood|not supported/);
  });
});
