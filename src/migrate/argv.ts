/**
 * Codeship runs a step's `command` without a shell: the string is split into words
 * (quotes group, backslash escapes, nothing is expanded) and exec'd. The workflow
 * runs `docker run IMAGE word...` from bash, so each word is quoted back for bash.
 */

export interface Words {
  words: string[];
  /** Unquoted `&&`, `|`, `;`, `>`… that a shell would act on but Codeship passes as words. */
  operators: string[];
  unterminated: boolean;
}

export function splitWords(command: string): Words {
  const words: string[] = [];
  const operators: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < command.length && '"\\$`'.includes(command[i + 1])) cur += command[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < command.length) {
      cur += command[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  for (const w of words) if (/^(&&|\|\||[|;&<>]|>>|2>&1|[0-9]?>)$/.test(w)) operators.push(w);
  return { words, operators, unterminated: quote !== null };
}

/** One word quoted for bash so that bash passes it through unchanged. */
export function bashQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Text placed in a workflow is evaluated by GitHub wherever it contains `${{`; this keeps it literal. */
export function literal(s: string): string {
  return s.replace(/\$\{\{/g, "${{ '${{' }}");
}
