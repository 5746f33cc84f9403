import { describe, expect, it } from 'vitest';
import { allSettledOrThrow, limiter } from '../../../src/registry/pool.js';

describe('limiter', () => {
  it('runs at most n at once and starts waiting work highest priority first', async () => {
    const run = limiter(2);
    const started: string[] = [];
    let active = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = (name: string, priority: number) =>
      run(() => {
        started.push(name);
        active++;
        peak = Math.max(peak, active);
        return new Promise<void>((resolve) =>
          releases.push(() => {
            active--;
            resolve();
          }),
        );
      }, priority);
    const all = [job('a', 1), job('b', 1), job('small', 10), job('large', 1000), job('mid', 500)];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a', 'b']);
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(all);
    expect(started).toEqual(['a', 'b', 'large', 'mid', 'small']);
    expect(peak).toBe(2);
  });
});

describe('allSettledOrThrow', () => {
  it('waits for every promise before rejecting with the first failure', async () => {
    let slowDone = false;
    const slow = new Promise<void>((r) =>
      setTimeout(() => {
        slowDone = true;
        r();
      }, 20),
    );
    await expect(allSettledOrThrow([Promise.reject(new Error('first')), slow])).rejects.toThrow('first');
    expect(slowDone).toBe(true);
  });
});
