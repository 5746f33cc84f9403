import { UserError } from '../errors.js';

/**
 * A template that does not parse or fails while executing. The message has Go's
 * shape so users can search for it: `template: NAME:LINE:COL: ...`.
 */
export class TemplateError extends UserError {
  override name = 'TemplateError';
}
