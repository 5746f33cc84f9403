/**
 * The tag action: templates (one per line) → Docker tags, from Codeship's
 * variables in the GitHub context. Imports nothing it does not use (no
 * @actions/core, zod or yaml) because it starts on every job; see bench/tag-startup.
 */
import { runAction } from './entry.js';
import { appendSummary, getBoolean, getInput, info, setOutput, summaryTable } from './runner.js';
import { renderEach, templatesFromLines, uniqueTags } from '../tags/render.js';
import { tagVariables } from '../tags/variables.js';

/** A markdown code span that survives backticks in the template. */
function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

void runAction(async () => {
  const templates = templatesFromLines(getInput('templates', { required: true }), 'templates');
  const raw = getBoolean('raw', false);
  const dot = tagVariables({
    serviceName: getInput('service-name'),
    stepName: getInput('step-name'),
    imageName: getInput('image-name'),
    ciName: getInput('ci-name'),
  });
  const rendered = renderEach(templates, dot, { raw });
  const tags = uniqueTags(rendered);
  for (const tag of tags) info(tag);
  setOutput('tags', tags.join('\n'));
  setOutput('tag', tags[0] ?? '');
  setOutput('json', JSON.stringify(tags));
  const rows = rendered.map((r) => [code(r.template.text), r.duplicate ? `${r.tag} (duplicate)` : r.tag]);
  appendSummary(`### Image tags\n\n${summaryTable(['Template', raw ? 'Output (raw)' : 'Tag'], rows)}`);
});
