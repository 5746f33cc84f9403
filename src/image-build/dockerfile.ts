/**
 * The base images a Dockerfile builds FROM, as the builder will resolve them:
 * global ARGs (those before the first FROM) with their defaults, overridden by
 * the build args, substituted into each FROM; `scratch` and earlier stage names
 * skipped; only the stages up to `target`.
 *
 * Written here rather than with dockerfile-ast because that parser resolves
 * variables per stage only (a FROM cannot see the global ARGs there,
 * rcjsuen/dockerfile-ast#22) and knows nothing of build args; what a FROM needs
 * is the escape directive, line continuations, ARG and FROM.
 */
import { errorAt, UserError } from '../errors.js';

export interface FromImage {
  /** The image as the builder asks for it, variables substituted. */
  image: string;
  /** Line of the FROM instruction (1-based). */
  line: number;
  /** Index of the stage it starts. */
  stage: number;
  /** --platform value without variables, when given. */
  platform?: string;
}

export interface DockerfileImages {
  images: FromImage[];
  /** Stage names in order ('' for an unnamed stage). */
  stages: string[];
  /** FROM values that could not be resolved (an unknown ${...} form), by line. */
  unresolved: { text: string; line: number }[];
}

interface Instruction {
  keyword: string;
  rest: string;
  line: number;
}

/** The escape character of the `# escape=` parser directive (only at the very top of the file). */
function escapeChar(lines: string[]): string {
  for (const line of lines) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line.trim());
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

/** Logical instructions: continuation lines joined, comments and blank lines dropped. */
export function instructions(text: string): Instruction[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const escape = escapeChar(lines);
  const out: Instruction[] = [];
  let current: { text: string; line: number } | undefined;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && current)) return;
    if (trimmed === '') return;
    const continues = raw.trimEnd().endsWith(escape);
    const body = continues ? raw.trimEnd().slice(0, -1) : raw;
    if (current) current.text += body;
    else current = { text: body.trimStart(), line: i + 1 };
    if (!continues) {
      const m = /^(\S+)\s*([\s\S]*)$/.exec(current.text.trim());
      if (m) out.push({ keyword: m[1].toUpperCase(), rest: m[2].trim(), line: current.line });
      current = undefined;
    }
  });
  if (current) {
    const m = /^(\S+)\s*([\s\S]*)$/.exec(current.text.trim());
    if (m) out.push({ keyword: m[1].toUpperCase(), rest: m[2].trim(), line: current.line });
  }
  return out;
}

/** Marker for a `${...}` form the builder knows and we do not: the FROM is left alone. */
class Unresolvable extends Error {}

/**
 * Docker's word expansion for the forms a FROM uses: $NAME, ${NAME}, ${NAME:-word},
 * ${NAME-word}, ${NAME:+word}, ${NAME+word}; `\$` is a literal dollar. Unset is empty.
 */
export function expand(text: string, vars: Map<string, string>, escape = '\\'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && text[i + 1] === '$') {
      out += '$';
      i++;
    } else if (c !== '$') {
      out += c;
    } else if (text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end < 0) throw new Unresolvable();
      const inner = text.slice(i + 2, end);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(inner);
      if (!m) throw new Unresolvable();
      const [, name, op, word] = m;
      const value = vars.get(name);
      const set = op?.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
      if (!op) out += value ?? '';
      else if (op.endsWith('-')) out += set ? value! : expand(word, vars, escape);
      else out += set ? expand(word, vars, escape) : '';
      i = end;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      if (!m) {
        out += '$';
        continue;
      }
      out += vars.get(m[0]) ?? '';
      i += m[0].length;
    }
  }
  return out;
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

/** `ARG A=1 B="x y" C`: names with their raw default (undefined: none). */
function argDeclarations(rest: string): [string, string | undefined][] {
  const words = rest.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? [w, undefined] : [w.slice(0, eq), unquote(w.slice(eq + 1))];
  });
}

/**
 * The FROM images of `text` (named `file` in errors) for a build with `buildArgs`
 * up to `target` (the last stage when absent).
 */
export function fromImages(
  text: string,
  file: string,
  buildArgs: Map<string, string>,
  target?: string,
): DockerfileImages {
  const escape = escapeChar(text.split(/\r?\n/));
  const globals = new Map<string, string>();
  const stages: string[] = [];
  const images: FromImage[] = [];
  const unresolved: DockerfileImages['unresolved'] = [];
  let seenFrom = false;
  for (const ins of instructions(text)) {
    if (ins.keyword === 'ARG' && !seenFrom) {
      for (const [name, raw] of argDeclarations(ins.rest)) {
        let value = buildArgs.get(name);
        if (value === undefined && raw !== undefined) {
          try {
            value = expand(raw, globals, escape);
          } catch {
            value = undefined;
          }
        }
        if (value !== undefined) globals.set(name, value);
      }
      continue;
    }
    if (ins.keyword !== 'FROM') continue;
    seenFrom = true;
    const words = ins.rest.split(/\s+/).filter(Boolean);
    let platform: string | undefined;
    while (words[0]?.startsWith('--')) {
      const flag = words.shift()!;
      const m = /^--platform=(.*)$/.exec(flag);
      if (m && !m[1].includes('$')) platform = m[1];
    }
    const [imageText, as, name] = words;
    if (!imageText) throw errorAt({ file, line: ins.line, column: 0 }, 'FROM needs an image');
    const stageName = as?.toUpperCase() === 'AS' && name ? name.toLowerCase() : '';
    const stage = stages.length;
    let image: string | undefined;
    try {
      image = expand(imageText, globals, escape);
    } catch {
      unresolved.push({ text: imageText, line: ins.line });
    }
    const earlierStage = image !== undefined && stages.includes(image.toLowerCase());
    if (image !== undefined && image !== '' && image.toLowerCase() !== 'scratch' && !earlierStage) {
      images.push({ image, line: ins.line, stage, ...(platform ? { platform } : {}) });
    }
    stages.push(stageName);
    if (target && stageName === target.toLowerCase()) return { images, stages, unresolved };
  }
  if (stages.length === 0)
    throw new UserError(`${file}: no FROM instruction — a Dockerfile starts its first stage with FROM`);
  if (target) {
    const named = stages.filter(Boolean);
    throw new UserError(
      `target "${target}" is not a stage of ${file} (stages: ${named.length ? named.join(', ') : 'none named'}) — name a stage with FROM … AS ${target}`,
    );
  }
  return { images, stages, unresolved };
}
