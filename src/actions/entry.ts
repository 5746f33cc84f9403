/**
 * Runs an action's main (and post) step, turning any failure into one
 * `::error::` line: user errors as they are, unexpected ones prefixed so that a
 * bug is visible as a bug, never a stack trace.
 */
import { getState, saveState, setFailed } from './runner.js';
import { oneLine, UserError } from '../errors.js';
import { InputError } from './runner.js';

function report(err: unknown): void {
  if (err instanceof UserError || err instanceof InputError) setFailed(oneLine(err));
  else setFailed(`regkit internal error: ${oneLine(err)} (please report this)`);
}

export async function runAction(main: () => Promise<void>, post?: () => Promise<void>): Promise<void> {
  const isPost = getState('isPost') === 'true';
  try {
    if (isPost) {
      if (post) await post();
    } else {
      if (post) saveState('isPost', 'true');
      await main();
    }
  } catch (err) {
    report(err);
  }
}
