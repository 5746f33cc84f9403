/**
 * KEY=VALUE files, read the way dotenv reads them: blank lines and `#` comment
 * lines, an optional `export ` prefix, values in '…', "…" or `…` with the quotes
 * stripped (in "…", \n and \r become line breaks), and quoted values may span
 * lines. One deliberate difference: in an unquoted value `#` starts a comment
 * only after white space, so a password like `pa#ss` survives.
 *
 * Errors name file:line and the variable, never a value.
 */
import { errorAt } from '../errors.js';

const NAME = /^[\w.-]+/;

/**
 * One pass over the text: a quoted value's closing quote is searched for once, from
 * where the value starts, so an unclosed quote costs one scan, not one per line.
 */
export function parseEnv(text: string, file: string): Map<string, string> {
  const vars = new Map<string, string>();
  const src = text.replace(/^\uFEFF/, '');
  let pos = 0;
  let lineNo = 0;
  while (pos <= src.length) {
    lineNo++;
    const eol = lineEnd(src, pos);
    const raw = src.slice(pos, eol).replace(/\r$/, '');
    const next = eol + 1;
    let rest = raw.trim();
    if (rest === '' || rest.startsWith('#')) {
      pos = next;
      continue;
    }
    rest = rest.replace(/^export\s+/, '');
    const name = NAME.exec(rest)?.[0];
    if (!name)
      throw errorAt({ file, line: lineNo, column: 0 }, `expected KEY=VALUE with a name of letters, digits, _ . or -`);
    rest = rest.slice(name.length).trimStart();
    // The line may be part of an unquoted multi-line value (a PEM body): never echo it.
    if (!rest.startsWith('='))
      throw errorAt(
        { file, line: lineNo, column: 0 },
        'expected KEY=VALUE; a value over several lines must be in quotes',
      );
    rest = rest.slice(1).trimStart();

    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // `rest` is what is left of the line's end, so it starts that far before it.
      const valueStart = pos + raw.trimEnd().length - rest.length + 1;
      const end = closingQuote(src, valueStart, quote);
      if (end < 0)
        throw errorAt({ file, line: lineNo, column: 0 }, `${name}: the ${quote}-quoted value is never closed`);
      const endLine = lineEnd(src, end);
      const after = src.slice(end + 1, endLine).trim();
      if (after === '' || after.startsWith('#')) {
        let value = src.slice(valueStart, end).replace(/\r\n/g, '\n');
        if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
        vars.set(name, value);
        lineNo += countLines(src, pos, end);
        pos = endLine + 1;
        continue;
      }
      // `"a" b`: not a quoted value after all; dotenv keeps it as written.
    }
    vars.set(name, unquotedValue(rest));
    pos = next;
  }
  return vars;
}

function lineEnd(src: string, from: number): number {
  const i = src.indexOf('\n', from);
  return i < 0 ? src.length : i;
}

function countLines(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = src.indexOf('\n', from); i >= 0 && i < to; i = src.indexOf('\n', i + 1)) n++;
  return n;
}

/** Index of the first unescaped `quote` in src from `from`, or -1. */
function closingQuote(src: string, from: number, quote: string): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\' && src[j + 1] === quote) j++;
    else if (src[j] === quote) return j;
  }
  return -1;
}

function unquotedValue(rest: string): string {
  const comment = rest.search(/\s#/);
  return (comment < 0 ? rest : rest.slice(0, comment)).trim();
}
