import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit render (not implemented yet)',
  async run() {
    throw new UserError('regkit render is not implemented yet');
  },
};
