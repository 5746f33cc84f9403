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

export function parseEnv(text: string, file: string): Map<string, string> {
  const vars = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let rest = lines[i].trim();
    if (rest === '' || rest.startsWith('#')) continue;
    rest = rest.replace(/^export\s+/, '');
    const name = NAME.exec(rest)?.[0];
    if (!name) throw errorAt({ file, line: lineNo, column: 0 }, `expected KEY=VALUE with a name of letters, digits, _ . or -`);
    rest = rest.slice(name.length).trimStart();
    if (!rest.startsWith('=')) throw errorAt({ file, line: lineNo, column: 0 }, `${name}: expected "=" after the name (KEY=VALUE)`);
    rest = rest.slice(1).trimStart();

    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // A quoted value may run over several lines; find its closing quote.
      let body = rest.slice(1);
      let end = closingQuote(body, quote);
      let last = i;
      while (end < 0 && last + 1 < lines.length) {
        last++;
        body += '\n' + lines[last];
        end = closingQuote(body, quote);
      }
      if (end < 0) throw errorAt({ file, line: lineNo, column: 0 }, `${name}: the ${quote}-quoted value is never closed`);
      const after = body.slice(end + 1).trim();
      if (after === '' || after.startsWith('#')) {
        let value = body.slice(0, end);
        if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
        vars.set(name, value);
        i = last;
        continue;
      }
      // `"a" b`: not a quoted value after all; dotenv keeps it as written.
    }
    vars.set(name, unquotedValue(rest));
  }
  return vars;
}

/** Index of the first unescaped `quote` in body, or -1. */
function closingQuote(body: string, quote: string): number {
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '\\' && body[j + 1] === quote) j++;
    else if (body[j] === quote) return j;
  }
  return -1;
}

function unquotedValue(rest: string): string {
  const comment = rest.search(/\s#/);
  return (comment < 0 ? rest : rest.slice(0, comment)).trim();
}
