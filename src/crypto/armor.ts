/**
 * The text wrapping shared by the encrypted formats: an optional header line,
 * then standard base64 (line breaks allowed, as `openssl base64` wraps at 64).
 */

export interface Armored {
  /** First line when it looks like `name:vN` (regkit:v1, codeship:v2), else undefined. */
  header?: string;
  /** The rest, with line breaks and surrounding white space removed. */
  body: string;
}

const HEADER = /^([a-z]+):v(\d+)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function splitArmor(text: string): Armored {
  const stripped = text.replace(/^\uFEFF/, '');
  const nl = stripped.indexOf('\n');
  const first = (nl < 0 ? stripped : stripped.slice(0, nl)).trim();
  if (HEADER.test(first)) return { header: first, body: joinLines(nl < 0 ? '' : stripped.slice(nl + 1)) };
  return { body: joinLines(stripped) };
}

/** `regkit:v1` → { name: 'regkit', version: 1 }. */
export function headerParts(header: string): { name: string; version: number } {
  const m = HEADER.exec(header)!;
  return { name: m[1], version: Number(m[2]) };
}

function joinLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .join('');
}

/** Strict standard base64, or undefined (Buffer.from skips bad characters silently). */
export function decodeBase64(body: string): Buffer | undefined {
  if (body.length % 4 !== 0 || !BASE64.test(body)) return undefined;
  return Buffer.from(body, 'base64');
}

/** Only base64 characters and line breaks: what a jet v1 file is made of. */
export function looksLikeBase64(text: string): boolean {
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  return (
    lines.every((l) => /^[A-Za-z0-9+/]*={0,2}$/.test(l.trimEnd())) && decodeBase64(joinLines(text.trim())) !== undefined
  );
}
