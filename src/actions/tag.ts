/**
 * The tag action: templates (one per line) → Docker tags, from Codeship's
 * variables in the GitHub context.
 */
import * as core from '@actions/core';
import { runAction } from './entry.js';
import { booleanInput, input } from './inputs.js';
import { summaryTable, writeSummary } from './report.js';
import { fieldsRead, renderEach, templatesFromLines, uniqueTags } from '../tags/render.js';
import { tagVariables } from '../tags/variables.js';

/** A markdown code span that survives backticks in the template. */
function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

void runAction(async () => {
  const templates = templatesFromLines(input('templates', { required: true }), 'templates');
  const raw = booleanInput('raw', false);
  const dot = await tagVariables({
    serviceName: input('service-name'),
    stepName: input('step-name'),
    imageName: input('image-name'),
    ciName: input('ci-name'),
    uses: fieldsRead(templates),
  });
  const rendered = renderEach(templates, dot, { raw });
  const tags = uniqueTags(rendered);
  for (const t of tags) core.info(t);
  core.setOutput('tags', tags.join('\n'));
  core.setOutput('tag', tags[0] ?? '');
  core.setOutput('json', JSON.stringify(tags));
  const rows = rendered.map((r) => [code(r.template.text), r.duplicate ? `${r.tag} (duplicate)` : r.tag]);
  await writeSummary('Image tags', summaryTable(['Template', raw ? 'Output (raw)' : 'Tag'], rows));
});
