import { UserError } from '../../errors.js';
import { parse, UsageError, type Command } from '../usage.js';
import { readJsonData } from '../../tags/data.js';
import { fieldsRead, renderTags } from '../../tags/render.js';
import { CODESHIP_VARIABLES, EXTRA_VARIABLES, tagVariables, type VariableName } from '../../tags/variables.js';
import { didYouMean } from '../../naming/index.js';

const usage = `usage: regkit render TEMPLATE... [--var Name=Value]... [--data FILE.json] [--raw]

Renders Go text/template image tags and prints one tag per line (duplicates once).

  --var Name=Value  set a variable (repeatable); values are strings, except Time,
                    which takes an RFC 3339 time (2024-05-02T09:12:45Z) and also sets
                    Timestamp and StringTime
  --data FILE.json  make this JSON document the dot instead of the variables
                    ("-" reads standard input); --var then sets its keys
  --raw             print each template's output as it is, not made a Docker tag

Without --data the dot holds Codeship's variables (Branch, CommitID, Timestamp, ...)
from the GITHUB_* environment and event payload, or from git in the current folder.
See docs/tags.md.`;

const NAMES: readonly string[] = [...CODESHIP_VARIABLES, ...EXTRA_VARIABLES];
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;

function parseVars(items: string[]): Map<string, string> {
  const vars = new Map<string, string>();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var ${item}: expected Name=Value`);
    vars.set(item.slice(0, eq), item.slice(eq + 1));
  }
  return vars;
}

function variablesDot(vars: Map<string, string>, uses: Set<string>): Promise<unknown> {
  const overrides: Partial<Record<VariableName, string>> = {};
  let time: Date | undefined;
  for (const [name, value] of vars) {
    if (!NAMES.includes(name)) {
      const hint = didYouMean(name, NAMES);
      throw new UserError(`--var ${name}: no such variable${hint ? `; ${hint}` : ''} (variables: ${NAMES.join(', ')})`);
    }
    if (name === 'Time') {
      time = new Date(value);
      if (!RFC3339.test(value) || Number.isNaN(time.getTime())) {
        throw new UserError(`--var Time=${value}: not an RFC 3339 time; write e.g. 2024-05-02T09:12:45Z`);
      }
    } else {
      overrides[name as VariableName] = value;
    }
  }
  return tagVariables({ overrides, time, uses });
}

function dataDot(file: string, vars: Map<string, string>): unknown {
  const data = readJsonData(file);
  if (vars.size === 0) return data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`--var needs --data ${file} to hold a JSON object, to set keys in`);
  }
  return { ...(data as Record<string, unknown>), ...Object.fromEntries(vars) };
}

export const command: Command = {
  usage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { var: { type: 'string', multiple: true }, data: { type: 'string' }, raw: { type: 'boolean' } },
      { min: 0, max: Infinity },
    );
    if (positionals.length === 0) throw new UsageError('give at least one TEMPLATE');
    const vars = parseVars(values.var ?? []);
    const templates = positionals.map((text, i) => ({ name: `template ${i + 1}`, text }));
    const dot =
      values.data !== undefined ? dataDot(values.data, vars) : await variablesDot(vars, fieldsRead(templates));
    const tags = renderTags(templates, dot, { raw: values.raw ?? false });
    process.stdout.write(tags.map((t) => t + '\n').join(''));
  },
};
