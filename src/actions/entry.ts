/**
 * Runs an action's main (and post) step: the runner calls the same file twice,
 * and the state `isPost` tells the two apart. Failures become one line (report.ts).
 */
import * as core from '@actions/core';
import { fail } from './report.js';

export async function runAction(main: () => Promise<void>, post?: () => Promise<void>): Promise<void> {
  const isPost = core.getState('isPost') === 'true';
  try {
    if (isPost) {
      if (post) await post();
    } else {
      if (post) core.saveState('isPost', 'true');
      await main();
    }
  } catch (err) {
    fail(err);
  }
}
