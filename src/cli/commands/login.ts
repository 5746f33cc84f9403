import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit login (not implemented yet)',
  async run() {
    throw new UserError('regkit login is not implemented yet');
  },
};
