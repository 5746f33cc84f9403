import { runAction } from './entry.js';
import { UserError } from '../errors.js';

await runAction(async () => {
  throw new UserError('the push action is not implemented yet');
});
