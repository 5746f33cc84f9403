export const id = 147;
export const ids = [147];
export const modules = {

/***/ 3528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qn: () => (/* reexport */ DEFAULT_KEY_PATH),
  uM: () => (/* reexport */ KEY_ENV),
  Yc: () => (/* reexport */ decrypt),
  Tz: () => (/* reexport */ detectFormat),
  w: () => (/* reexport */ encrypt),
  Tj: () => (/* reexport */ findKey),
  rh: () => (/* reexport */ generateKey),
  ph: () => (/* reexport */ isEncrypted),
  _9: () => (/* reexport */ keyOrigin),
  cv: () => (/* reexport */ loadKey),
  _o: () => (/* reexport */ noKeyMessage),
  vc: () => (/* reexport */ parseEnv),
  R5: () => (/* reexport */ readInput),
  fW: () => (/* reexport */ readSecretFile),
  Zf: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: parseKey

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/crypto/armor.ts
/**
 * The text wrapping shared by the encrypted formats: an optional header line,
 * then standard base64 (line breaks allowed, as `openssl base64` wraps at 64).
 */
const HEADER = /^([a-z]+):v(\d+)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
function splitArmor(text) {
    const stripped = text.replace(/^\uFEFF/, '');
    const nl = stripped.indexOf('\n');
    const first = (nl < 0 ? stripped : stripped.slice(0, nl)).trim();
    if (HEADER.test(first))
        return { header: first, body: joinLines(nl < 0 ? '' : stripped.slice(nl + 1)) };
    return { body: joinLines(stripped) };
}
/** `regkit:v1` → { name: 'regkit', version: 1 }. */
function headerParts(header) {
    const m = HEADER.exec(header);
    return { name: m[1], version: Number(m[2]) };
}
function joinLines(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .join('');
}
/** Strict standard base64, or undefined (Buffer.from skips bad characters silently). */
function decodeBase64(body) {
    if (body.length % 4 !== 0 || !BASE64.test(body))
        return undefined;
    return Buffer.from(body, 'base64');
}
/** Only base64 characters and line breaks: what a jet v1 file is made of. */
function looksLikeBase64(text) {
    const lines = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
    return (lines.every((l) => /^[A-Za-z0-9+/]*={0,2}$/.test(l.trimEnd())) && decodeBase64(joinLines(text.trim())) !== undefined);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/crypto/jet.ts
/**
 * Codeship's jet formats. Both are AES-256-CFB with a random 16-byte IV in front.
 * v1: base64(IV ‖ CFB(plaintext)), no integrity check at all.
 * v2: a `codeship:v2` line, then base64(IV ‖ CFB(hex MD5(plaintext) ‖ plaintext)).
 * The MD5 only tells a wrong key from a right one; it does not authenticate.
 */


const JET_V2_HEADER = 'codeship:v2';
const IV_BYTES = 16;
const MD5_HEX_BYTES = 32;
function cfb(decipher, key, iv, data) {
    const c = decipher ? (0,external_node_crypto_.createDecipheriv)('aes-256-cfb', key, iv) : (0,external_node_crypto_.createCipheriv)('aes-256-cfb', key, iv);
    return Buffer.concat([c.update(data), c.final()]);
}
/** Decoded jet v1 body → plaintext. Any key "works": callers must check the result. */
function decryptJetV1(raw, key, file) {
    if (raw.length < IV_BYTES)
        throw new errors/* UserError */.yo(`${file} is truncated: a jet v1 file holds at least ${IV_BYTES} bytes of IV, this one ${raw.length}`);
    return cfb(true, key, raw.subarray(0, IV_BYTES), raw.subarray(IV_BYTES));
}
/** Decoded jet v2 body (after the header line) → plaintext, checked against its MD5. */
function decryptJetV2(raw, key, file) {
    if (raw.length < IV_BYTES + MD5_HEX_BYTES) {
        throw new errors/* UserError */.yo(`${file} is truncated: a jet v2 file holds at least ${IV_BYTES + MD5_HEX_BYTES} bytes after the codeship:v2 line, this one ${raw.length}`);
    }
    const out = cfb(true, key, raw.subarray(0, IV_BYTES), raw.subarray(IV_BYTES));
    const sum = out.subarray(0, MD5_HEX_BYTES);
    const plain = out.subarray(MD5_HEX_BYTES);
    const expected = Buffer.from((0,external_node_crypto_.createHash)('md5').update(plain).digest('hex'), 'ascii');
    if (!(0,external_node_crypto_.timingSafeEqual)(sum, expected)) {
        throw new errors/* UserError */.yo(`cannot decrypt ${file}: jet v2 checksum mismatch — wrong AES key, or the file is corrupt or truncated`);
    }
    return plain;
}
/** jet v2 as `jet encrypt` writes it: header line, newline, base64, no trailing newline. */
function encryptJetV2(plain, key, iv = (0,external_node_crypto_.randomBytes)(IV_BYTES)) {
    const sum = Buffer.from((0,external_node_crypto_.createHash)('md5').update(plain).digest('hex'), 'ascii');
    const body = Buffer.concat([iv, cfb(false, key, iv, Buffer.concat([sum, plain]))]);
    return Buffer.from(`${JET_V2_HEADER}\n${body.toString('base64')}`, 'ascii');
}

;// CONCATENATED MODULE: ./src/crypto/regkit-format.ts
/**
 * regkit's own format, version 1:
 *
 *   regkit:v1\n
 *   base64(nonce (12 bytes) ‖ AES-256-GCM ciphertext ‖ tag (16 bytes))\n
 *
 * The header line (without its newline) is the additional authenticated data, so
 * the version cannot be swapped without the tag failing. A new version gets a new
 * header and may change everything after it.
 */


const REGKIT_V1_HEADER = 'regkit:v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from(REGKIT_V1_HEADER, 'ascii');
function encryptRegkitV1(plain, key, nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES)) {
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(AAD);
    const body = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return Buffer.from(`${REGKIT_V1_HEADER}\n${body.toString('base64')}\n`, 'ascii');
}
/** Decoded body (after the header line) → plaintext; fails unless key, header and data all match. */
function decryptRegkitV1(raw, key, file) {
    if (raw.length < NONCE_BYTES + TAG_BYTES) {
        throw new errors/* UserError */.yo(`${file} is truncated: a regkit:v1 file holds at least ${NONCE_BYTES + TAG_BYTES} bytes after its header, this one ${raw.length}`);
    }
    const nonce = raw.subarray(0, NONCE_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    const plain = decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES));
    try {
        decipher.final();
    }
    catch {
        throw new errors/* UserError */.yo(`cannot decrypt ${file}: authentication failed — wrong AES key, or the file was changed or truncated`);
    }
    return plain;
}

;// CONCATENATED MODULE: ./src/crypto/env-file.ts
/**
 * KEY=VALUE files, read the way dotenv reads them: blank lines and `#` comment
 * lines, an optional `export ` prefix, values in '…', "…" or `…` with the quotes
 * stripped (in "…", \n and \r become line breaks), and quoted values may span
 * lines. One deliberate difference: in an unquoted value `#` starts a comment
 * only after white space, so a password like `pa#ss` survives.
 *
 * Errors name file:line and the variable, never a value.
 */

const NAME = /^[\w.-]+/;
/**
 * One pass over the text: a quoted value's closing quote is searched for once, from
 * where the value starts, so an unclosed quote costs one scan, not one per line.
 */
function parseEnv(text, file) {
    const vars = new Map();
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
            throw (0,errors/* errorAt */.Os)({ file, line: lineNo, column: 0 }, `expected KEY=VALUE with a name of letters, digits, _ . or -`);
        rest = rest.slice(name.length).trimStart();
        // The line may be part of an unquoted multi-line value (a PEM body): never echo it.
        if (!rest.startsWith('='))
            throw (0,errors/* errorAt */.Os)({ file, line: lineNo, column: 0 }, 'expected KEY=VALUE; a value over several lines must be in quotes');
        rest = rest.slice(1).trimStart();
        const quote = rest[0];
        if (quote === '"' || quote === "'" || quote === '`') {
            // `rest` is what is left of the line's end, so it starts that far before it.
            const valueStart = pos + raw.trimEnd().length - rest.length + 1;
            const end = closingQuote(src, valueStart, quote);
            if (end < 0)
                throw (0,errors/* errorAt */.Os)({ file, line: lineNo, column: 0 }, `${name}: the ${quote}-quoted value is never closed`);
            const endLine = lineEnd(src, end);
            const after = src.slice(end + 1, endLine).trim();
            if (after === '' || after.startsWith('#')) {
                let value = src.slice(valueStart, end).replace(/\r\n/g, '\n');
                if (quote === '"')
                    value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
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
function lineEnd(src, from) {
    const i = src.indexOf('\n', from);
    return i < 0 ? src.length : i;
}
function countLines(src, from, to) {
    let n = 0;
    for (let i = src.indexOf('\n', from); i >= 0 && i < to; i = src.indexOf('\n', i + 1))
        n++;
    return n;
}
/** Index of the first unescaped `quote` in src from `from`, or -1. */
function closingQuote(src, from, quote) {
    for (let j = from; j < src.length; j++) {
        if (src[j] === '\\' && src[j + 1] === quote)
            j++;
        else if (src[j] === quote)
            return j;
    }
    return -1;
}
function unquotedValue(rest) {
    const comment = rest.search(/\s#/);
    return (comment < 0 ? rest : rest.slice(0, comment)).trim();
}

;// CONCATENATED MODULE: ./src/crypto/format.ts
/**
 * Which encrypted format a file is in, and decrypting/encrypting by format.
 * A regkit or codeship header names the format; without one, a body of nothing
 * but base64 is taken for jet v1.
 */





const JET_V1_MIN_BYTES = 16;
/** The format a file claims, or undefined for something that is not encrypted. */
function detectFormat(data) {
    const text = data.toString('latin1');
    const { header } = splitArmor(text);
    if (header === REGKIT_V1_HEADER)
        return 'regkit-v1';
    if (header === JET_V2_HEADER)
        return 'jet-v2';
    if (header !== undefined)
        return undefined;
    if (!looksLikeBase64(text))
        return undefined;
    const raw = decodeBase64(splitArmor(text).body);
    return raw && raw.length >= JET_V1_MIN_BYTES ? 'jet-v1' : undefined;
}
function isEncrypted(data) {
    if (detectFormat(data))
        return true;
    // Another version of ours or jet's: encrypted, just not readable by this regkit.
    const { header } = splitArmor(data.toString('latin1'));
    return header !== undefined && ['regkit', 'codeship'].includes(headerParts(header).name);
}
function decrypt(data, key, opts = {}) {
    const file = opts.file ?? 'the input';
    const text = data.toString('latin1');
    if (text.trim() === '')
        throw new errors/* UserError */.yo(`${file} is empty: nothing to decrypt`);
    const { header, body } = splitArmor(text);
    if (header !== undefined) {
        const { name, version } = headerParts(header);
        const known = header === REGKIT_V1_HEADER || header === JET_V2_HEADER;
        if (!known && (name === 'regkit' || name === 'codeship')) {
            throw new errors/* UserError */.yo(`${file} is in ${header} format, which this regkit cannot read (it reads regkit:v1, codeship:v2 and jet v1)${name === 'regkit' && version > 1 ? '; upgrade regkit' : ''}`);
        }
    }
    if (header === REGKIT_V1_HEADER || header === JET_V2_HEADER) {
        if (body === '')
            throw new errors/* UserError */.yo(`${file} is truncated: nothing follows the ${header} line`);
        const raw = decodeBase64(body);
        if (!raw)
            throw new errors/* UserError */.yo(`${file} is corrupt: what follows the ${header} line is not base64`);
        return header === REGKIT_V1_HEADER ? decryptRegkitV1(raw, key, file) : decryptJetV2(raw, key, file);
    }
    const raw = looksLikeBase64(text) ? decodeBase64(body) : undefined;
    if (!raw)
        throw new errors/* UserError */.yo(`${file} is not an encrypted file: no regkit:v1 or codeship:v2 line, and not base64 as jet v1 writes`);
    const plain = decryptJetV1(raw, key, file);
    checkExpected(plain, opts.expect ?? 'any', file);
    return plain;
}
/** jet v1 has no checksum: the only sign of a wrong key is output that is not what the caller expects. */
function checkExpected(plain, expect, file) {
    if (expect === 'any')
        return;
    const what = expect === 'json' ? 'JSON' : expect === 'env' ? 'KEY=VALUE' : 'text';
    const text = new TextDecoder('utf-8', { fatal: false }).decode(plain);
    // Control characters other than tab and line breaks are as good a sign of garbage as bad UTF-8.
    // Control characters other than tab and line breaks: decrypted with the wrong key.
    // eslint-disable-next-line no-control-regex
    let ok = !text.includes('\uFFFD') && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text);
    if (ok && expect !== 'text') {
        try {
            if (expect === 'json')
                JSON.parse(text);
            else
                parseEnv(text, file);
        }
        catch {
            ok = false;
        }
    }
    if (!ok)
        throw new errors/* UserError */.yo(`decrypted output of ${file} is not valid ${what}: wrong AES key? (jet v1 files carry no checksum)`);
}
function encrypt(plain, key, format = 'regkit') {
    return format === 'jet' ? encryptJetV2(plain, key) : encryptRegkitV1(plain, key);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/crypto/key.ts
/**
 * The AES key: 32 bytes written as standard base64 (44 characters), as `jet generate`
 * writes it. Error messages say where a key came from and what is wrong with it,
 * never what it is.
 */




const KEY_BYTES = 32;
const DEFAULT_KEY_PATH = './codeship.aes';
const KEY_ENV = 'REGKIT_AES_KEY';
const key_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A key from its base64 text; `source` names where the text came from. */
function parseKey(text, source) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new errors/* UserError */.yo(`AES key from ${source} is empty: expected 44 characters of base64 (make one with 'regkit generate')`);
    if (!key_BASE64.test(trimmed) || trimmed.length % 4 !== 0) {
        const hint = /[-_]/.test(trimmed) ? ' (URL-safe base64 with - or _ is not accepted)' : '';
        throw new errors/* UserError */.yo(`AES key from ${source} is not standard base64${hint}: expected 44 characters of A-Z a-z 0-9 + / ending in =`);
    }
    const key = Buffer.from(trimmed, 'base64');
    if (key.length !== KEY_BYTES) {
        throw new errors/* UserError */.yo(`AES key from ${source} is ${key.length} bytes, expected ${KEY_BYTES} (44 characters of base64; make one with 'regkit generate')`);
    }
    return key;
}
/** A new random key, as the text a key file holds (no newline, like jet). */
function generateKey() {
    return (0,external_node_crypto_.randomBytes)(KEY_BYTES).toString('base64');
}
/**
 * The key from the action input, then REGKIT_AES_KEY, then the key file, or
 * undefined when none of them holds one. A key file the user named
 * (--key-path) wins over the environment: what was typed is what was meant.
 * A key that is there but malformed is an error, never skipped in favour of
 * the next source.
 */
async function findKey(opts = {}) {
    if (opts.input !== undefined && opts.input.trim() !== '')
        return parseKey(opts.input, 'the aes-key input');
    const fromEnv = (opts.env ?? process.env)[KEY_ENV];
    if (!opts.keyPathExplicit && fromEnv !== undefined && fromEnv.trim() !== '')
        return parseKey(fromEnv, KEY_ENV);
    const path = opts.keyPath ?? DEFAULT_KEY_PATH;
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT') {
            if (opts.keyPathExplicit)
                throw new errors/* UserError */.yo(`No AES key provided: key file ${path} does not exist`);
            return undefined;
        }
        throw new errors/* UserError */.yo(`cannot read AES key file ${path}: ${code ?? err.message}`);
    }
    return parseKey(text, `key file ${path}`);
}
/** Where findKey takes the key from, in the words of a message: "the aes-key input", "REGKIT_AES_KEY", "key file ./codeship.aes". */
function keyOrigin(opts = {}) {
    if (opts.input !== undefined && opts.input.trim() !== '')
        return 'the aes-key input';
    const fromEnv = (opts.env ?? process.env)[KEY_ENV];
    if (!opts.keyPathExplicit && fromEnv !== undefined && fromEnv.trim() !== '')
        return KEY_ENV;
    return `key file ${opts.keyPath ?? DEFAULT_KEY_PATH}`;
}
/** Like findKey, but no key at all is a UserError naming every place looked at. */
async function loadKey(opts = {}) {
    const key = await findKey(opts);
    if (key)
        return key;
    throw new errors/* UserError */.yo(noKeyMessage(opts));
}
/** "No AES key provided: …": what to set, and where regkit looked. */
function noKeyMessage(opts = {}, forFile) {
    const path = opts.keyPath ?? DEFAULT_KEY_PATH;
    const withInput = 'input' in opts;
    const what = forFile ? `No AES key provided to decrypt ${forFile}` : 'No AES key provided';
    const set = withInput
        ? `set the aes-key input or ${KEY_ENV}, or put the key in ${path}`
        : `set ${KEY_ENV} or put the key in ${path}`;
    const looked = [...(withInput ? ['the aes-key input'] : []), KEY_ENV, (0,external_node_path_.resolve)(path)];
    return `${what}: ${set} (looked at: ${looked.join(', ')})`;
}

;// CONCATENATED MODULE: ./src/crypto/files.ts
/** Secret files on disk: read plain or encrypted; write without leaving half a file. */






/** Credential, env and key files are a few KB; anything far bigger is the wrong file, refused before it is read. */
const MAX_SECRET_FILE_BYTES = 1024 * 1024;
async function readInput(path, maxBytes = MAX_SECRET_FILE_BYTES) {
    try {
        const size = (await (0,promises_.stat)(path)).size;
        if (size > maxBytes)
            throw new errors/* UserError */.yo(`${path} is larger than ${Math.round(maxBytes / 1024)} KiB — a credential or env file is a few KB; check the path`);
        return await (0,promises_.readFile)(path);
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            throw err;
        const code = err.code;
        if (code === 'ENOENT')
            throw new errors/* UserError */.yo(`${path} does not exist`);
        if (code === 'EISDIR')
            throw new errors/* UserError */.yo(`${path} is a folder, not a file`);
        throw new errors/* UserError */.yo(`cannot read ${path}: ${code ?? err.message}`);
    }
}
/** `keyFrom`: where the caller looked for the key, for the message when there was none. */
async function readSecretFile(path, key, expect, keyFrom = {}) {
    const data = await readInput(path);
    if (!isEncrypted(data))
        return data;
    if (!key)
        throw new errors/* UserError */.yo(noKeyMessage(keyFrom, path));
    return decrypt(data, key, { file: path, expect });
}
/**
 * Writes beside `path` and renames over it, so a failure leaves whatever was
 * there before. `mode` applies to the new file (0600 for secrets and keys).
 */
async function writeFileAtomic(path, data, opts = {}) {
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        await (0,promises_.writeFile)(tmp, data, { mode: opts.mode ?? 0o644, flag: 'wx' });
        if (opts.noReplace) {
            // link() fails when path exists, where rename() would replace it.
            await (0,promises_.link)(tmp, path);
            await (0,promises_.unlink)(tmp);
        }
        else {
            await (0,promises_.rename)(tmp, path);
        }
    }
    catch (err) {
        await (0,promises_.rm)(tmp, { force: true });
        const code = err.code;
        if (code === 'EEXIST' && opts.noReplace)
            throw new errors/* UserError */.yo(`${path} already exists; refusing to overwrite it`);
        if (code === 'ENOENT')
            throw new errors/* UserError */.yo(`cannot write ${path}: folder ${(0,external_node_path_.dirname)(path)} does not exist`);
        if (code === 'EISDIR')
            throw new errors/* UserError */.yo(`cannot write ${path}: it is a folder`);
        throw new errors/* UserError */.yo(`cannot write ${path}: ${code ?? err.message}`);
    }
}

;// CONCATENATED MODULE: ./src/crypto/index.ts
/**
 * Encrypted files: the AES key, jet v1/v2 (Codeship) and regkit's own format.
 * Everything outside src/crypto imports from here.
 */






/***/ })

};
