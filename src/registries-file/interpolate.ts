// `${VAR}` in credential values; `$$` is a literal `$`; any other `$` stays as written.

export type Piece = { text: string } | { variable: string };

const name = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The pieces of a value, or a "what is wrong — what to do" string when a `${` is malformed. */
export function splitVariables(value: string): Piece[] | string {
  const pieces: Piece[] = [];
  let text = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c === '$' && value[i + 1] === '$') {
      text += '$';
      i += 2;
    } else if (c === '$' && value[i + 1] === '{') {
      const end = value.indexOf('}', i + 2);
      if (end < 0) return `"\${" without a closing "}" — write \${NAME}, or $$ for a literal $`;
      const variable = value.slice(i + 2, end);
      if (!name.test(variable)) {
        // The value may be a secret: the reference is described, never quoted.
        return `a "\${...}" that is not a variable reference — write \${NAME} with letters, digits and _ only (no defaults), or $$ for a literal $`;
      }
      if (text) pieces.push({ text });
      text = '';
      pieces.push({ variable });
      i = end + 1;
    } else {
      text += c;
      i += 1;
    }
  }
  if (text || pieces.length === 0) pieces.push({ text });
  return pieces;
}

/** The names a value refers to, in order. */
export function variablesIn(value: string): string[] {
  const pieces = splitVariables(value);
  if (typeof pieces === 'string') return [];
  return pieces.flatMap((p) => ('variable' in p ? [p.variable] : []));
}

/** The value with each variable looked up; `missing` is called for the first one `lookup` has no value for. */
export function interpolate(
  value: string,
  lookup: (name: string) => string | undefined,
  missing: (name: string) => never,
): string {
  const pieces = splitVariables(value);
  if (typeof pieces === 'string') throw new Error(`unchecked value: ${pieces}`);
  return pieces.map((p) => ('text' in p ? p.text : (lookup(p.variable) ?? missing(p.variable)))).join('');
}
