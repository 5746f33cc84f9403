import { UserError } from '../../errors.js';
import type { Command } from '../usage.js';

export const command: Command = {
  usage: 'usage: regkit migrate (not implemented yet)',
  async run() {
    throw new UserError('regkit migrate is not implemented yet');
  },
};
