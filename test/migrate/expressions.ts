// GitHub's `${{ }}` expressions, as far as generated workflows use them: context paths
// (github.*, secrets.*, steps.<id>.outputs.*, steps.<id>.outcome, env.*), string and
// boolean literals, ==, !=, !, &&, ||, parentheses and the status functions. Anything
// else throws, so a generator change the tests cannot follow fails loudly instead of
// being evaluated wrongly.
type Value = string | boolean | null;

export interface StepState {
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
}

export interface ExprContext {
  github: Record<string, unknown>;
  secrets: Record<string, string>;
  env: Record<string, string>;
  steps: Record<string, StepState>;
  /** Whether an earlier step of the job failed (for success() / failure()). */
  failed: boolean;
}

const TOKEN = /\s*(?:('(?:[^']|'')*')|(&&|\|\||==|!=|!|\(|\))|([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)(\(\))?)/y;

function tokens(expr: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(expr);
    if (!m) throw new Error(`expression not understood at ${TOKEN.lastIndex}: ${expr}`);
    out.push(m[1] ?? m[2] ?? `${m[3]}${m[4] ?? ''}`);
  }
  return out;
}

function lookup(path: string, ctx: ExprContext): Value {
  const [root, ...rest] = path.split('.');
  if (root === 'secrets' && rest.length === 1) return ctx.secrets[rest[0]] ?? '';
  if (root === 'env' && rest.length === 1) return ctx.env[rest[0]] ?? '';
  if (root === 'steps' && rest.length >= 2) {
    const step = ctx.steps[rest[0]];
    // A typo'd step id is a wiring bug: fail here rather than quietly compare null.
    if (!step) throw new Error(`steps.${rest[0]} is not an earlier step with that id`);
    if (rest[1] === 'outcome' && rest.length === 2) return step.outcome;
    if (rest[1] === 'outputs' && rest.length === 3) return step.outputs[rest[2]] ?? '';
  }
  if (root === 'github') {
    let v: unknown = ctx.github;
    for (const k of rest) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (v === undefined || v === null) return null;
    return typeof v === 'boolean' ? v : String(v);
  }
  throw new Error(`context path not supported by the test runner: ${path}`);
}

function status(name: string, ctx: ExprContext): boolean {
  if (name === 'success()') return !ctx.failed;
  if (name === 'failure()') return ctx.failed;
  if (name === 'always()') return true;
  if (name === 'cancelled()') return false;
  throw new Error(`function not supported by the test runner: ${name}`);
}

const truthy = (v: Value) => v !== null && v !== false && v !== '';

// GitHub compares strings ignoring case; other mixes do not occur in generated workflows.
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === null || b === null) return a === b;
  if (typeof a === typeof b) return a === b;
  throw new Error(`comparison of ${typeof a} with ${typeof b} is not supported by the test runner`);
}

/** Evaluates one expression (without the `${{ }}`). */
export function evaluate(expr: string, ctx: ExprContext): Value {
  const t = tokens(expr);
  let i = 0;
  const peek = () => t[i];
  const primary = (): Value => {
    const tok = t[i++];
    if (tok === undefined) throw new Error(`expression ends early: ${expr}`);
    if (tok === '(') {
      const v = or();
      if (t[i++] !== ')') throw new Error(`missing ) in ${expr}`);
      return v;
    }
    if (tok === '!') return !truthy(primary());
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (tok === 'null') return null;
    if (tok.endsWith('()')) return status(tok, ctx);
    if (/^[A-Za-z_]/.test(tok)) return lookup(tok, ctx);
    throw new Error(`unexpected ${tok} in ${expr}`);
  };
  const comparison = (): Value => {
    const left = primary();
    if (peek() === '==' || peek() === '!=') {
      const op = t[i++];
      const same = equal(left, primary());
      return op === '==' ? same : !same;
    }
    return left;
  };
  const and = (): Value => {
    let v = comparison();
    while (peek() === '&&') {
      i++;
      const r = comparison();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (peek() === '||') {
      i++;
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const v = or();
  if (i !== t.length) throw new Error(`unexpected ${t[i]} in ${expr}`);
  return v;
}

/** Replaces every `${{ … }}` in a string with its value, as the runner does for with:, env: and run:. */
export function interpolate(text: string, ctx: ExprContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => {
    const v = evaluate(expr, ctx);
    return v === null ? '' : String(v);
  });
}

/** A step's `if:`: a condition without a status function gets an implicit success() &&. */
export function shouldRun(condition: unknown, ctx: ExprContext): boolean {
  if (condition === undefined || condition === null) return !ctx.failed;
  if (typeof condition === 'boolean') return condition && !ctx.failed;
  const expr = String(condition)
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const usesStatus = /\b(success|failure|always|cancelled)\(\)/.test(expr);
  return truthy(evaluate(usesStatus ? expr : `success() && (${expr})`, ctx));
}
