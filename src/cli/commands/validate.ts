import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit validate (not implemented yet)',
  async run() {
    throw new UserError('regkit validate is not implemented yet');
  },
};
