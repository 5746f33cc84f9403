/**
 * Two small scripts written beside the workflow (.github/codeship/) and run with the
 * runner's node: no npm install, nothing fetched. They are plain CommonJS so that any
 * node the runner has runs them.
 */

export const HELPER_DIR = '.github/codeship';
export const BRANCH_FILTERS = `${HELPER_DIR}/branch-filters.cjs`;
export const DECRYPT_ENV = `${HELPER_DIR}/decrypt-env.cjs`;

export const BRANCH_FILTERS_SOURCE = `// Written by \`regkit migrate\`. Evaluates Codeship's tag:/exclude: filters for this
// build's branch or tag name. FILTERS maps an output name to [source, flags] of a
// JavaScript regexp that matches exactly what Codeship's Go regexp matched.
'use strict';
const fs = require('fs');
const branch = process.env.BRANCH || '';
const filters = JSON.parse(process.env.FILTERS || '{}');
const lines = [];
for (const [name, [source, flags]] of Object.entries(filters)) {
  const matched = new RegExp(source, flags).test(branch);
  lines.push(name + '=' + matched);
  console.log(name + ': ' + (matched ? 'matches ' : 'does not match ') + JSON.stringify(branch));
}
if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, lines.join('\\n') + '\\n');
`;

export const DECRYPT_ENV_SOURCE = `// Written by \`regkit migrate\`. Decrypts a file that \`jet encrypt\` wrote (v1 or v2)
// with the project's AES key (AES_KEY, base64) into an env file for \`docker run --env-file\`,
// and masks every value in the log. Usage: node decrypt-env.cjs IN OUT
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const [input, output] = process.argv.slice(2);
const fail = (why) => { console.error(input + ': ' + why); process.exit(1); };
const key = Buffer.from((process.env.AES_KEY || '').trim(), 'base64');
if (key.length !== 32) fail('AES_KEY is not a base64 AES-256 key (set the repository secret CODESHIP_AES_KEY to the contents of codeship.aes)');
let text = fs.readFileSync(input, 'utf8').trim();
const v2 = text.startsWith('codeship:v2');
if (v2) text = text.slice('codeship:v2'.length);
const data = Buffer.from(text.replace(/\\s+/g, ''), 'base64');
if (data.length < 16) fail('too short to be a jet-encrypted file');
const decipher = crypto.createDecipheriv('aes-256-cfb', key, data.subarray(0, 16));
let plain = Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
if (v2) {
  const sum = plain.subarray(0, 32).toString('latin1');
  plain = plain.subarray(32);
  if (crypto.createHash('md5').update(plain).digest('hex') !== sum) fail('wrong key or damaged file (checksum differs)');
}
const body = plain.toString('utf8');
const lines = body.split(/\\r?\\n/).filter((l) => l.trim() && !l.trim().startsWith('#'));
// v1 has no checksum: a wrong key shows as lines that are not KEY=VALUE.
if (body.includes('\\ufffd') || !lines.every((l) => /^[^=\\s]+=/.test(l))) fail('wrong key or damaged file (not KEY=VALUE lines)');
for (const l of lines) {
  const value = l.slice(l.indexOf('=') + 1);
  if (value) console.log('::add-mask::' + value);
}
fs.writeFileSync(output, lines.join('\\n') + '\\n', { mode: 0o600 });
`;
