/**
 * Templates → tags: each template rendered with the tag functions, sanitised to a
 * Docker tag (unless raw), duplicates dropped keeping the first.
 */
import { UserError } from '../errors.js';
import { Template, type FuncMap, type Limits } from '../template/index.js';
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

// What docker/metadata-action and build-push-action users write in `tags`; the clean-up
// into a Docker tag would turn either into nonsense (`typerefeventbranch`) without a word.
const METADATA_RULE = /^type=[a-z]+(,|$)/;
const FULL_REFERENCE = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?|[a-z0-9-]+:\d+)\/[^\s:]+:.+$/i;

function dockerTagForm(name: string, text: string): UserError | undefined {
  if (METADATA_RULE.test(text)) {
    return new UserError(
      `${name}: "${text}" is docker/metadata-action's syntax — write the tag as a template, e.g. {{ .Branch }}, sha-{{ .ShortCommitID }}, {{ semver .Tag "major.minor" }} or latest`,
    );
  }
  if (FULL_REFERENCE.test(text)) {
    const at = text.indexOf(':', text.indexOf('/'));
    return new UserError(
      `${name}: "${text}" is a full image reference — tags are the tag part only: give "${text.slice(at + 1)}" here and the repository (${text.slice(0, at)}) as image-name`,
    );
  }
  return undefined;
}

/** The template list of a multi-line input: one template per non-blank line, named `INPUT line N`. */
export function templatesFromLines(input: string, inputName: string): TagTemplate[] {
  const out: TagTemplate[] = [];
  input.split(/\r?\n/).forEach((line, i) => {
    const text = line.trim();
    if (text === '') return;
    const name = `${inputName} line ${i + 1}`;
    const wrong = dockerTagForm(name, text);
    if (wrong) throw wrong;
    out.push({ name, text });
  });
  return out;
}

/** A tag is at most 128 characters; these leave room for anything a tag template really does. */
export const TAG_LIMITS: Limits = { maxOutput: 64 * 1024, maxSteps: 200_000 };

export interface RenderedTag {
  template: TagTemplate;
  tag: string;
  /** An earlier template gave the same tag. */
  duplicate: boolean;
}

/** The field names the templates read, for tagVariables' `uses`: git answers only those. */
export function fieldsRead(templates: TagTemplate[], opts: RenderTagsOptions = {}): Set<string> {
  const funcs = { ...tagFuncs, ...opts.funcs };
  const names = new Set<string>();
  for (const t of templates) for (const n of Template.parse(t.name, t.text, { funcs }).fieldNames()) names.add(n);
  return names;
}

/** Each template's tag, in order, with repeats marked. */
export function renderEach(templates: TagTemplate[], dot: unknown, opts: RenderTagsOptions = {}): RenderedTag[] {
  const funcs = { ...tagFuncs, ...opts.funcs };
  const seen = new Set<string>();
  return templates.map((template) => {
    const output = Template.parse(template.name, template.text, { funcs }).execute(dot, TAG_LIMITS);
    const tag = opts.raw ? output : toTag(output, template.name, template.text);
    const duplicate = seen.has(tag);
    seen.add(tag);
    return { template, tag, duplicate };
  });
}

export function uniqueTags(rendered: RenderedTag[]): string[] {
  return rendered.filter((r) => !r.duplicate).map((r) => r.tag);
}

/** The tags of `templates`, duplicates removed keeping the first. */
export function renderTags(templates: TagTemplate[], dot: unknown, opts: RenderTagsOptions = {}): string[] {
  return uniqueTags(renderEach(templates, dot, opts));
}
