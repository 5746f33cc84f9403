/**
 * Number constants as Go's parse.newNumber reads them: strconv's ParseInt,
 * ParseUint and ParseFloat with base prefixes and underscores.
 */

const MAX_INT64 = 2n ** 63n - 1n;
const MAX_UINT64 = 2n ** 64n - 1n;

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64). */
export function parseUint(s0: string): bigint | undefined {
  let s = s0;
  if (s === '') return undefined;
  let base = 10;
  if (s[0] === '0') {
    if (s.length >= 3 && 'bBoOxX'.includes(s[1]!)) {
      base = { b: 2, o: 8, x: 16 }[s[1]!.toLowerCase() as 'b' | 'o' | 'x'];
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
  }
  if (n > MAX_UINT64) return undefined;
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64). */
export function parseInt64(s: string): bigint | undefined {
  if (s === '') return undefined;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const u = parseUint(s);
  if (u === undefined) return undefined;
  if (!neg && u > MAX_INT64) return undefined;
  if (neg && u > MAX_INT64 + 1n) return undefined;
  return neg ? -u : u;
}

/** strconv.ParseFloat(s, 64); undefined for bad syntax or out of range. */
export function parseFloat64(s: string): number | undefined {
  let body = s;
  let sign = 1;
  if (body[0] === '+' || body[0] === '-') {
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  if (body.includes('_') && !underscoreOK(s)) return undefined;
  body = body.replace(/_/g, '');
  let v: number;
  const hexm = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
  if (hexm) {
    const [, int = '', frac = '', exp] = hexm;
    if (int === '' && frac === '') return undefined;
    const mant = BigInt('0x' + (int + frac || '0'));
    v = Number(mant) * 2 ** (Number(exp) - 4 * frac.length);
    if (!Number.isFinite(v) && mant !== 0n) {
      // large mantissas: scale in two steps to avoid overflow in the intermediate
      v = Number(mant) * 2 ** (Number(exp) - 4 * frac.length - 64) * 2 ** 64;
    }
  } else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
    v = Number(body);
  } else return undefined;
  if (!Number.isFinite(v)) return undefined;
  return sign * v;
}
