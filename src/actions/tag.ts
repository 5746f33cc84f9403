/**
 * The tag action: templates (one per line) → Docker tags, from Codeship's
 * variables in the GitHub context. Imports nothing it does not use (no
 * @actions/core, zod or yaml) because it starts on every job; see bench/tag-startup.
 */
import { writeSync } from 'node:fs';
import { runAction } from './entry.js';
import { appendSummary, getBoolean, getInput, setOutput, summaryTable } from './runner.js';
import { renderEach, templatesFromLines, uniqueTags } from '../tags/render.js';
import { tagVariables } from '../tags/variables.js';

/** A markdown code span that survives backticks in the template. */
function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/**
 * Writes to the log through fd 1: the first use of process.stdout loads Node's
 * stream machinery, ~10% of this action's run. Falls back to it if fd 1 will not take
 * the text at once (a non-blocking pipe that is full).
 */
function log(text: string): void {
  let rest = Buffer.from(text);
  try {
    while (rest.length > 0) rest = rest.subarray(writeSync(1, rest));
  } catch {
    process.stdout.write(rest);
  }
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
  log(tags.map((t) => t + '\n').join(''));
  setOutput('tags', tags.join('\n'));
  setOutput('tag', tags[0] ?? '');
  setOutput('json', JSON.stringify(tags));
  const rows = rendered.map((r) => [code(r.template.text), r.duplicate ? `${r.tag} (duplicate)` : r.tag]);
  appendSummary(`### Image tags\n\n${summaryTable(['Template', raw ? 'Output (raw)' : 'Tag'], rows)}`);
});
