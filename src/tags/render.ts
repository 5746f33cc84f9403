/**
 * Templates → tags: each template rendered with the tag functions, sanitised to a
 * Docker tag (unless raw), duplicates dropped keeping the first.
 */
import { Template, type FuncMap } from '../template/index.js';
import { tagFuncs } from './funcs.js';
import { toTag } from './sanitize.js';

export interface TagTemplate {
  /** How errors name the template, e.g. `templates line 2` or `template 1`. */
  name: string;
  text: string;
}

export interface RenderTagsOptions {
  /** Keep each template's output as it is (no sanitising, empty allowed). */
  raw?: boolean;
  funcs?: FuncMap;
}

/** The template list of a multi-line input: one template per non-blank line, named `INPUT line N`. */
export function templatesFromLines(input: string, inputName: string): TagTemplate[] {
  const out: TagTemplate[] = [];
  input.split(/\r?\n/).forEach((line, i) => {
    const text = line.trim();
    if (text !== '') out.push({ name: `${inputName} line ${i + 1}`, text });
  });
  return out;
}

export function renderTags(templates: TagTemplate[], dot: unknown, opts: RenderTagsOptions = {}): string[] {
  const funcs = { ...tagFuncs, ...opts.funcs };
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const t of templates) {
    const rendered = Template.parse(t.name, t.text, { funcs }).execute(dot);
    const tag = opts.raw ? rendered : toTag(rendered, t.name, t.text);
    if (!seen.has(tag)) {
      seen.add(tag);
      tags.push(tag);
    }
  }
  return tags;
}
