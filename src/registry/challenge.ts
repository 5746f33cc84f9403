/**
 * WWW-Authenticate challenges (RFC 7235), as registries send them:
 *   Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"
 *   Basic realm="Registry Realm"
 * A header may hold several challenges; params may be quoted with \-escapes.
 */
export interface Challenge {
  scheme: string; // lower-cased: 'bearer', 'basic', ...
  params: Record<string, string>; // keys lower-cased
}

export function parseChallenges(header: string | undefined): Challenge[] {
  const out: Challenge[] = [];
  if (!header) return out;
  let i = 0;
  const s = header;
  const skipSpace = () => {
    while (i < s.length && /[\s,]/.test(s[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipSpace();
    const scheme = token();
    if (!scheme) {
      i++;
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    // params: name=value pairs until the next bare token that is not followed by '='
    for (;;) {
      while (i < s.length && /[\s,]/.test(s[i])) i++;
      const save = i;
      const name = token();
      let j = i;
      while (j < s.length && s[j] === ' ') j++;
      if (!name || s[j] !== '=') {
        i = save;
        break;
      }
      i = j + 1;
      while (i < s.length && s[i] === ' ') i++;
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i++];
        }
        i++;
      } else {
        const start = i;
        while (i < s.length && s[i] !== ',' && s[i] !== ' ') i++;
        value = s.slice(start, i);
      }
      challenge.params[name.toLowerCase()] = value;
    }
  }
  return out;
}

/** The challenge regkit answers: Bearer before Basic; undefined when none it knows. */
export function pickChallenge(header: string | undefined): Challenge | undefined {
  const all = parseChallenges(header);
  return all.find((c) => c.scheme === 'bearer') ?? all.find((c) => c.scheme === 'basic');
}
