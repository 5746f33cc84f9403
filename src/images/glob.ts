/** Shell-style patterns for names and tags: `*` any run of characters, `?` one; nothing else is special. */
export function globMatcher(pattern: string): (text: string) => boolean {
  if (!/[*?]/.test(pattern)) return (text) => text === pattern;
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`);
  return (text) => re.test(text);
}

export const isGlob = (pattern: string) => /[*?]/.test(pattern);
