/**
 * Codefresh's `when:` → a GitHub `if:`. Branch lists (exact names and `/regex/flags`) are
 * matched by the branch-filters helper with JavaScript's own regexps (Codefresh's are
 * JavaScript's too); `condition: all/any` expressions are translated token by token; a
 * construct GitHub cannot express turns the step off (`false`) and is reported.
 */
import type { Report } from '../report.js';
import { entry, text, type Pos, type YNode } from '../yaml-tree.js';
import type { CfStep } from './read.js';
import { stepId, type Variables } from './variables.js';

export const FILTER_STEP = 'branch';

export interface WhenContext {
  vars: Variables;
  report: Report;
  steps: Map<string, CfStep>;
  /** A step with `scale:`, by its name: the steps it became. */
  scaled: Map<string, CfStep[]>;
  /** The git-clone step the job's checkout stands for: it has no step of its own. */
  mainClone?: CfStep;
  /** Steps that run in a job of their own, by name: their job's result stands for their outcome. */
  jobOf: Map<string, string>;
  /** Branch filters by output name: [regexp source, flags]. */
  filters: Map<string, [string, string]>;
}

/** The `if:` for a step's `when:`; undefined when it always runs. */
export function whenToIf(step: CfStep, when: YNode, ctx: WhenContext): string | undefined {
  const parts: string[] = [];
  const label = `step \`${step.name}\``;
  if (when.kind !== 'map') {
    ctx.report.skipped(
      when.pos,
      `${label}: \`when:\` is not a mapping; the step is turned off (if: false) until you write its if:`,
    );
    return 'false';
  }
  for (const e of when.entries) {
    if (e.key === 'branch') parts.push(...branch(step, e.value, ctx));
    else if (e.key === 'condition') parts.push(...condition(step, e.value, ctx));
    else if (e.key === 'steps') parts.push(...stepsClause(step, e.value, ctx));
    else {
      ctx.report.skipped(
        e.keyPos,
        `${label}: \`when.${e.key}\` is not one of branch, condition, steps; the step is turned off (if: false) until you write its if:`,
      );
      parts.push('false');
    }
  }
  return parts.length ? join(parts, '&&') : undefined;
}

function join(parts: string[], op: '&&' | '||'): string {
  return parts.length === 1
    ? parts[0]
    : parts.map((p) => (/&&|\|\|/.test(p) && !grouped(p) ? `(${p})` : p)).join(` ${op} `);
}

/** `(…)` or `!(…)` that is one group from end to end. */
function grouped(p: string): boolean {
  const body = p.startsWith('!') ? p.slice(1) : p;
  if (!body.startsWith('(') || !body.endsWith(')')) return false;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "'") quoted = !quoted;
    if (quoted) continue;
    if (body[i] === '(') depth++;
    else if (body[i] === ')' && --depth === 0 && i < body.length - 1) return false;
  }
  return true;
}

function branch(step: CfStep, node: YNode, ctx: WhenContext): string[] {
  const out: string[] = [];
  if (node.kind !== 'map') return ['false'];
  for (const e of node.entries) {
    if (e.key !== 'only' && e.key !== 'ignore') {
      ctx.report.skipped(
        e.keyPos,
        `step \`${step.name}\`: \`when.branch.${e.key}\` is not only or ignore (mis-indented?); it is not converted and the step is turned off (if: false)`,
      );
      out.push('false');
      continue;
    }
    const items = e.value.kind === 'seq' ? e.value.items : [e.value];
    const sources: string[] = [];
    for (const item of items) {
      const v = text(item);
      if (v === undefined) continue;
      const re = /^\/(.*)\/([a-z]*)$/s.exec(v);
      if (re) {
        try {
          new RegExp(re[1], re[2]);
        } catch (err) {
          ctx.report.error(
            item.pos,
            `step \`${step.name}\`: branch regexp ${v} is not valid: ${(err as Error).message}`,
          );
          continue;
        }
        // A case-insensitive item is kept apart (marked here) and matched with the i flag.
        sources.push(`${re[2].includes('i') ? '(?i)' : ''}(?:${re[1]})`);
        if (re[2].replace(/[gi]/g, ''))
          ctx.report.changed(item.pos, `step \`${step.name}\`: flags ${re[2]} of ${v}: only i is kept`);
      } else {
        sources.push(`^${v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      }
    }
    if (!sources.length) continue;
    // One output per list; a case-insensitive item makes its own output.
    const plain = sources.filter((s) => !s.startsWith('(?i)'));
    const folded = sources.filter((s) => s.startsWith('(?i)')).map((s) => s.slice(4));
    const names: string[] = [];
    const add = (srcs: string[], flags: string) => {
      if (!srcs.length) return;
      const name = `${stepId(step.name).replace(/-/g, '_')}_${e.key}${flags ? '_i' : ''}`;
      ctx.filters.set(name, [srcs.join('|'), flags]);
      names.push(`steps.${FILTER_STEP}.outputs.${name} == 'true'`);
    };
    add(plain, '');
    add(folded, 'i');
    ctx.vars.usesCf = true;
    const any = names.length === 1 ? names[0] : `(${names.join(' || ')})`;
    out.push(e.key === 'only' ? any : `!${any.startsWith('(') ? any : `(${any})`}`);
    ctx.report.converted(
      e.keyPos,
      `step \`${step.name}\`: when.branch.${e.key} (${items.map((i) => text(i)).join(', ')}) → if: on the branch-filters step's output`,
    );
  }
  return out;
}

function condition(step: CfStep, node: YNode, ctx: WhenContext): string[] {
  if (node.kind !== 'map') return ['false'];
  const out: string[] = [];
  for (const e of node.entries) {
    if (e.key !== 'all' && e.key !== 'any') {
      ctx.report.skipped(
        e.keyPos,
        `step \`${step.name}\`: \`when.condition.${e.key}\` is not all or any; the step is turned off (if: false)`,
      );
      out.push('false');
      continue;
    }
    const clauses: string[] = [];
    const items = e.value.kind === 'map' ? e.value.entries.map((c) => [c.key, c.value] as const) : [];
    for (const [key, value] of items) {
      const expr = text(value);
      const translated = expr === undefined ? undefined : translate(expr, value.pos, ctx);
      if (translated === undefined) {
        ctx.report.skipped(
          value.pos,
          `step \`${step.name}\`: condition \`${key}\` (${expr ?? 'not a string'}) has no GitHub form; the step is turned off (if: false) until you write its if:`,
        );
        clauses.push('false');
      } else {
        ctx.report.converted(value.pos, `step \`${step.name}\`: condition \`${key}\` → ${translated}`);
        clauses.push(translated);
      }
    }
    if (clauses.length) out.push(join(clauses, e.key === 'all' ? '&&' : '||'));
  }
  return out;
}

function stepsClause(step: CfStep, node: YNode, ctx: WhenContext): string[] {
  let op: '&&' | '||' = '&&';
  let items: YNode[] = [];
  if (node.kind === 'seq') items = node.items;
  else if (node.kind === 'map') {
    const any = entry(node, 'any');
    const all = entry(node, 'all');
    if (any) op = '||';
    items = (any ?? all)?.value.kind === 'seq' ? ((any ?? all)!.value as { items: YNode[] }).items : [];
  }
  let needsAlways = false;
  const clauses: string[] = [];
  for (const item of items) {
    if (item.kind !== 'map') continue;
    const name = text(entry(item, 'name')?.value);
    const on = entry(item, 'on')?.value;
    const states = on?.kind === 'seq' ? on.items.map((i) => text(i) ?? '') : [text(on) ?? 'success'];
    // Codefresh clones the pipeline's repository as main_clone even when no step says so.
    const checkout =
      name === 'main_clone' ||
      (name !== undefined && ctx.steps.get(name) === ctx.mainClone && ctx.mainClone !== undefined);
    if (checkout) {
      // The checkout ran first; when it fails nothing after it runs.
      if (states.every((s) => s === 'success' || s === 'finished')) {
        ctx.report.converted(
          item.pos,
          `step \`${step.name}\`: when.steps ${name} ${states.join('/')} — the job's checkout ran before it, so it holds`,
        );
        continue;
      }
      clauses.push('false');
      continue;
    }
    const scaled = name === undefined ? undefined : ctx.scaled.get(name);
    if (!name || (!ctx.steps.has(name) && !scaled)) {
      ctx.report.skipped(
        item.pos,
        `step \`${step.name}\`: when.steps names \`${name}\`, which is no step of the pipeline; that clause is false`,
      );
      clauses.push('false');
      continue;
    }
    // A scaled step is done when all the steps it became are.
    const targets = scaled ?? [ctx.steps.get(name)!];
    // A parallel step is done when all of its steps are; a step in a job of its own is that job.
    const refs = [
      ...new Set(
        targets
          .flatMap(leaves)
          .map((s) =>
            ctx.jobOf.has(s.name) ? `needs.${ctx.jobOf.get(s.name)}.result` : `steps.${stepId(s.name)}.outcome`,
          ),
      ),
    ];
    const forms = states.map((s) => {
      const each = (test: (ref: string) => string) =>
        refs.length === 1 ? test(refs[0]) : `(${refs.map(test).join(s === 'failure' ? ' || ' : ' && ')})`;
      if (s === 'success') return each((r) => `${r} == 'success'`);
      needsAlways = true;
      if (s === 'failure') return each((r) => `${r} == 'failure'`);
      if (s === 'skipped') return each((r) => `${r} == 'skipped'`);
      return each((r) => `${r} != 'skipped'`); // finished
    });
    clauses.push(forms.length === 1 ? forms[0] : `(${forms.join(' || ')})`);
  }
  if (!clauses.length) return [];
  ctx.report.converted(node.pos, `step \`${step.name}\`: when.steps → if: on those steps' outcomes`);
  const joined = join(clauses, op);
  return [needsAlways ? `!cancelled() && ${clauses.length > 1 ? `(${joined})` : joined}` : joined];
}

function leaves(step: CfStep): CfStep[] {
  return step.type === 'parallel' ? step.children.flatMap(leaves) : [step];
}

const TOKEN =
  /\s*(?:('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(===|!==|==|!=|&&|\|\||!|\(|\)|,|<=|>=|<|>)|(\$\{\{[^}]*\}\})|([A-Za-z_][\w.]*)|(-?\d+(?:\.\d+)?))/y;

/** A Codefresh condition expression → a GitHub expression; undefined when some part has no GitHub form. */
export function translate(expr: string, pos: Pos, ctx: WhenContext): string | undefined {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  const toks: RegExpExecArray[] = [];
  while (TOKEN.lastIndex < expr.length) {
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(expr);
    if (!m) return undefined;
    toks.push(m);
  }
  for (let i = 0; i < toks.length; i++) {
    const [, str, op, varRef, ident, num] = toks[i];
    if (str !== undefined) {
      const s = string(str.slice(1, -1).replace(/\\(.)/g, '$1'), pos, ctx);
      if (s === undefined) return undefined;
      out.push(s);
    } else if (op !== undefined) {
      if (/^[<>]/.test(op)) return undefined;
      out.push(op === '===' ? '==' : op === '!==' ? '!=' : op);
    } else if (varRef !== undefined) {
      const e = ctx.vars.expressionOf(varRef.slice(3, -2).trim(), pos);
      if (!e) return undefined;
      out.push(e);
    } else if (ident !== undefined) {
      if (ident === 'true' || ident === 'false') out.push(ident);
      else if (ident === 'includes' && toks[i + 1]?.[2] === '(') {
        // includes('${{X}}', '{{X}}') is Codefresh's test for an unset X (it stays unreplaced).
        const a = toks[i + 2]?.[1];
        const b = toks[i + 4]?.[1];
        const unset = a && b && /^.\$\{\{(\w+)\}\}.$/.exec(a);
        if (unset && b.slice(1, -1) === `{{${unset[1]}}}` && toks[i + 5]?.[2] === ')') {
          out.push(`(${ctx.vars.expressionOf(unset[1], pos)} == '')`);
          i += 5;
          continue;
        }
        out.push('contains');
      } else if ((ident === 'lower' || ident === 'upper') && toks[i + 1]?.[2] === '(') {
        // GitHub's ==, != and contains() ignore case already: the case change is a no-op there.
        continue;
      } else if (ident === 'Boolean' && toks[i + 1]?.[2] === '(') {
        // Boolean('text') is true for any non-empty text.
        let depth = 0;
        let j = i + 1;
        for (; j < toks.length; j++) {
          if (toks[j][2] === '(') depth++;
          if (toks[j][2] === ')' && --depth === 0) break;
        }
        const inner = translate(
          toks
            .slice(i + 2, j)
            .map((t) => t[0])
            .join(''),
          pos,
          ctx,
        );
        if (inner === undefined) return undefined;
        out.push(`(${inner} != '')`);
        i = j;
      } else if (/^steps\.[^.]+\.result$/.test(ident)) {
        const e = ctx.vars.expressionOf(ident, pos);
        if (!e) return undefined;
        out.push(e);
      } else return undefined;
    } else if (num !== undefined) out.push(`'${num}'`);
  }
  return out
    .join(' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ ,/g, ',')
    .replace(/! /g, '!')
    .replace(/\b(contains) \(/g, '$1(');
}

/** A quoted Codefresh string with `${{X}}` in it → a GitHub literal, variable or format(). */
function string(s: string, pos: Pos, ctx: WhenContext): string | undefined {
  const whole = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(s);
  if (whole) return ctx.vars.expressionOf(whole[1], pos);
  const args: string[] = [];
  let fmt = '';
  let last = 0;
  for (const m of s.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
    const e = ctx.vars.expressionOf(m[1], pos);
    if (!e) return undefined;
    fmt += s.slice(last, m.index).replace(/[{}]/g, '$&$&') + `{${args.length}}`;
    args.push(e);
    last = m.index! + m[0].length;
  }
  fmt += s.slice(last).replace(/[{}]/g, '$&$&');
  const quoted = `'${fmt.replace(/'/g, "''")}'`;
  return args.length ? `format(${quoted}, ${args.join(', ')})` : `'${s.replace(/'/g, "''")}'`;
}
