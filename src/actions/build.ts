import { runAction } from './entry.js';
import { UserError } from '../errors.js';

await runAction(async () => {
  throw new UserError('the build action is not implemented yet');
});
