/**
 * Runs an action's main (and post) step: the runner calls the same file twice,
 * and the state `isPost` tells the two apart. Failures become one line (report.ts).
 */
import * as core from '@actions/core';
import { fail } from './report.js';
import { proxySecrets } from '../proxy/index.js';

export async function runAction(main: () => Promise<void>, post?: () => Promise<void>): Promise<void> {
  const isPost = core.getState('isPost') === 'true';
  // The proxy's password is in the environment, not an input: masked before any request.
  for (const secret of proxySecrets()) core.setSecret(secret);
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
