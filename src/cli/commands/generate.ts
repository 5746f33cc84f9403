import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit generate (not implemented yet)',
  async run() {
    throw new UserError('regkit generate is not implemented yet');
  },
};
