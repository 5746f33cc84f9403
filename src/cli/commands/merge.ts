import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit merge (not implemented yet)',
  async run() {
    throw new UserError('regkit merge is not implemented yet');
  },
};
