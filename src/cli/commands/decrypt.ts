import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit decrypt (not implemented yet)',
  async run() {
    throw new UserError('regkit decrypt is not implemented yet');
  },
};
