/**
 * Rendered text → a valid Docker tag, the way Codeship stripped `image_tag`
 * results: Docker allows `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
 */
import { UserError } from '../errors.js';

export const MAX_TAG_LENGTH = 128;

/** Every character a Docker tag cannot hold removed (what Codefresh's CF_BRANCH_TAG_NORMALIZED does to a branch). */
export function tagCharacters(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '');
}

/** Removes what Docker does not allow; '' when nothing is left. */
export function sanitizeTag(rendered: string): string {
  return tagCharacters(rendered)
    .replace(/^[.-]+/, '')
    .slice(0, MAX_TAG_LENGTH);
}

/** Quotes a template for a one-line message, shortened when long. */
export function quoteTemplate(text: string): string {
  const one = text.replace(/\r?\n/g, '\\n');
  return JSON.stringify(one.length > 80 ? one.slice(0, 77) + '...' : one);
}

/** The sanitised tag; an empty result is the user's to fix, so the error names the template. */
export function toTag(rendered: string, templateName: string, templateText: string): string {
  const tag = sanitizeTag(rendered);
  if (tag === '') {
    const got =
      rendered === '' ? 'nothing' : JSON.stringify(rendered.length > 40 ? rendered.slice(0, 37) + '...' : rendered);
    throw new UserError(
      `${templateName}: template ${quoteTemplate(templateText)} rendered ${got}, which leaves no valid tag characters ([A-Za-z0-9_.-], not starting with . or -)`,
    );
  }
  return tag;
}
