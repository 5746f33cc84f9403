import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit encrypt (not implemented yet)',
  async run() {
    throw new UserError('regkit encrypt is not implemented yet');
  },
};
