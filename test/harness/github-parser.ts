// GitHub's own parser for workflows and action.yml files (@actions/workflow-parser).
// It must be loaded through vitest (it imports its JSON schema without import
// attributes, which plain node refuses).
import { NoOperationTraceWriter, parseWorkflow, convertWorkflowTemplate } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';

function messages(result: { context: { errors: { getErrors(): { message: string }[] } } }): string[] {
  return result.context.errors.getErrors().map((e) => e.message);
}

/** Parse and convert a workflow as GitHub does; returns the errors (empty when valid). */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = messages(parsed);
  if (errors.length || !parsed.value) return errors.length ? errors : ['workflow did not parse'];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e: { Message: string }) => e.Message);
}

/** Parse an action.yml as GitHub does; returns the errors (empty when valid). */
export function actionErrors(name: string, content: string): string[] {
  return messages(parseAction({ name, content }, new NoOperationTraceWriter()));
}
