import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit copy (not implemented yet)',
  async run() {
    throw new UserError('regkit copy is not implemented yet');
  },
};
