export const id = 741;
export const ids = [741,876];
export const modules = {

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WF: () => (/* binding */ addLogins),
/* harmony export */   cZ: () => (/* binding */ formatConfig),
/* harmony export */   eQ: () => (/* binding */ configPath),
/* harmony export */   g2: () => (/* binding */ CONFIG_FILE),
/* harmony export */   io: () => (/* binding */ readBytes),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   vZ: () => (/* binding */ writeAtomic)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _naming_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6495);
/**
 * The Docker client's config.json: where it is, what a login adds to it, and
 * writing it so that nobody ever reads half a file.
 *
 * We write `auths` directly instead of running `docker login` (one process per
 * registry, and no credential helpers are needed). Every other key — credsStore,
 * credHelpers, proxies, plugin settings — is kept, and the folder is left alone
 * because buildx keeps its builder state beside config.json.
 */






const CONFIG_FILE = 'config.json';
/** DOCKER_CONFIG when set, else ~/.docker — the folder every later `docker` command reads. */
function dockerConfigDir(env = process.env) {
    const fromEnv = env.DOCKER_CONFIG?.trim();
    return fromEnv ? fromEnv : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME?.trim() || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
}
function configPath(dir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, CONFIG_FILE);
}
/** Parses config.json text; an empty or absent file is an empty config. */
function parseConfig(text, file) {
    if (text === undefined || text.trim() === '')
        return {};
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        // The parser's message quotes the text around the fault: another registry's base64 user:pass.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}${jsonErrorPlace(text, err)}: not valid JSON; fix or remove the Docker config`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: the Docker config must be a JSON object`);
    }
    return doc;
}
/** `:line:column` of a JSON.parse failure, from the offset alone (never the quoted text). */
function jsonErrorPlace(text, err) {
    const message = String(err?.message);
    const m = /at position (\d+)/.exec(message);
    if (!m && !/end of JSON/i.test(message))
        return '';
    const offset = m ? Math.min(Number(m[1]), text.length) : text.trimEnd().length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `:${line}:${offset - before.lastIndexOf('\n')}`;
}
function objectAt(doc, key, file) {
    const value = doc[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${file}: "${key}" must be a JSON object`);
    return value;
}
/**
 * Adds the logins to a parsed config, in place. When a credential store or a
 * helper would take a registry over, Docker would ignore our `auths` entry; an
 * empty `credHelpers` entry sends the client back to the file for that registry.
 */
function addLogins(doc, logins, file) {
    const auths = objectAt(doc, 'auths', file) ?? {};
    const helpers = objectAt(doc, 'credHelpers', file);
    const storeSet = typeof doc.credsStore === 'string' && doc.credsStore !== '';
    const touched = { auths: [], credHelpers: [] };
    for (const login of logins) {
        const key = (0,_naming_index_js__WEBPACK_IMPORTED_MODULE_5__.configKey)(login.domain);
        auths[key] = { auth: (0,_naming_index_js__WEBPACK_IMPORTED_MODULE_5__.basicAuth)(login.username, login.password) };
        touched.auths.push(key);
        if (storeSet || (helpers && key in helpers)) {
            const target = doc.credHelpers ?? (doc.credHelpers = {});
            target[key] = '';
            touched.credHelpers.push(key);
        }
    }
    doc.auths = auths;
    return touched;
}
/** Docker's own layout: tab-indented JSON. */
function formatConfig(doc) {
    return JSON.stringify(doc, null, '\t') + '\n';
}
/** The file's bytes, or undefined when there is none. */
function readBytes(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`cannot read the Docker config ${file}: ${err.message}`);
    }
}
/** The real file behind a symlinked config.json, so that the link survives a rename. */
function resolveTarget(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return file;
    }
}
/**
 * Replaces the file in one rename: a reader sees the old bytes or the new ones.
 * The temporary file is created with the final mode, so a secret is never
 * readable by others even for a moment.
 */
function writeAtomic(file, data, mode = 0o600) {
    const target = resolveTarget(file);
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), `.${CONFIG_FILE}.regkit-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.randomBytes)(4).toString('hex')}`);
    let fd;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), { recursive: true, mode: 0o700 });
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(tmp, 'wx', mode);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fsyncSync)(fd);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        fd = undefined;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(tmp, mode); // the umask may have narrowed or the caller asked for the old mode
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, target);
    }
    catch (err) {
        try {
            if (fd !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(tmp, { force: true });
        }
        catch {
            // the folder itself is the problem; nothing was created in it
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`cannot write the Docker config ${file}: ${err.message}`);
    }
}


/***/ }),

/***/ 6495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DOCKER_HUB_ALIASES: () => (/* reexport */ DOCKER_HUB_ALIASES),
  DOCKER_HUB_API_HOST: () => (/* reexport */ DOCKER_HUB_API_HOST),
  DOCKER_HUB_KEY: () => (/* reexport */ DOCKER_HUB_KEY),
  InvalidReferenceError: () => (/* reexport */ InvalidReferenceError),
  apiHost: () => (/* reexport */ apiHost),
  bareHost: () => (/* reexport */ bareHost),
  basicAuth: () => (/* reexport */ basicAuth),
  configKey: () => (/* reexport */ configKey),
  didYouMean: () => (/* reexport */ didYouMean),
  familiarName: () => (/* reexport */ familiarName),
  formatRef: () => (/* reexport */ formatRef),
  hostname: () => (/* reexport */ hostname),
  isDockerHub: () => (/* reexport */ isDockerHub),
  isDomainComponent: () => (/* reexport */ isDomainComponent),
  isLoopback: () => (/* reexport */ isLoopback),
  isPathComponent: () => (/* reexport */ isPathComponent),
  isValidTag: () => (/* reexport */ isValidTag),
  manifestReference: () => (/* reexport */ manifestReference),
  normalizeDomain: () => (/* reexport */ normalizeDomain),
  parseImageRef: () => (/* reexport */ parseImageRef),
  splitImageName: () => (/* reexport */ splitImageName),
  suggest: () => (/* reexport */ suggest),
  validateDigest: () => (/* reexport */ validateDigest),
  withDefaultTag: () => (/* reexport */ withDefaultTag),
  withTag: () => (/* reexport */ withTag)
});

;// CONCATENATED MODULE: ./src/naming/host.ts
/**
 * Registry hosts: the one place that says which names mean Docker Hub, what a
 * domain looks like in normal form, which hosts are loopback (where plain http
 * never leaves the machine), and how Docker keys and encodes a login.
 */
/** Every name Docker accepts for Docker Hub; all of them mean one registry, written docker.io. */
const DOCKER_HUB_ALIASES = [
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
];
/** The host that actually serves Docker Hub's /v2/ API. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key Docker stores Docker Hub credentials under in config.json, whatever alias the user wrote. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/** host[:port] as written, without a scheme or path, lower-cased; the port is kept. */
function bareHost(domain) {
    return domain
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
}
/**
 * The normal form of a registry domain: host[:port], lower case, no scheme, path,
 * or :443 (https's own port), IPv6 in brackets; every Docker Hub alias becomes docker.io. Accepts the
 * keys of a .dockercfg / config.json `auths` map.
 */
function normalizeDomain(domain) {
    let host = bareHost(domain);
    // A bare IPv6 address (two colons or more, no brackets) has no port: bracket it, as URLs do.
    if (!host.startsWith('[') && (host.match(/:/g) ?? []).length > 1)
        host = `[${host}]`;
    host = host.replace(/:443$/, '');
    return DOCKER_HUB_ALIASES.includes(host) ? 'docker.io' : host;
}
function isDockerHub(domain) {
    return normalizeDomain(domain) === 'docker.io';
}
/** The host serving the /v2/ API for a domain (Docker Hub's aliases all map to one). */
function apiHost(domain) {
    const host = normalizeDomain(domain);
    return host === 'docker.io' ? DOCKER_HUB_API_HOST : host;
}
/** The host without its port: `[::1]:5000` → `::1`, `localhost:5000` → `localhost`. */
function hostname(domain) {
    const h = bareHost(domain);
    if (h.startsWith('['))
        return h.slice(1, h.indexOf(']'));
    // Two or more colons and no brackets: a bare IPv6 address, which has no port.
    return (h.match(/:/g) ?? []).length === 1 ? h.split(':')[0] : h;
}
/**
 * localhost, 127.0.0.0/8 and ::1, with or without a port. Names under .localhost
 * are not counted: whether they resolve to this machine is up to the resolver, and
 * credentials in plain http must not depend on that.
 */
function isLoopback(domain) {
    const h = hostname(domain);
    return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127(\.\d{1,3}){3}$/.test(h);
}
/** The auths key Docker looks a registry up by: the Hub's index URL, else host[:port]. */
function configKey(domain) {
    return isDockerHub(domain) ? DOCKER_HUB_KEY : normalizeDomain(domain);
}
/** `base64(username:password)`: config.json's `auth`, and the credentials of HTTP Basic. */
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/naming/reference.ts
/**
 * Image references, parsed and normalised exactly as Docker does
 * (the rules of Docker's reference package: Parse and ParseNormalizedNamed):
 *
 *   parseImageRef('alpine')                    → docker.io/library/alpine (no tag)
 *   parseImageRef('localhost:5000/a/b:1@sha256:…') → domain localhost:5000, path a/b, tag 1, digest
 *   formatRef(ref)                             → 'docker.io/library/alpine:latest'
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain '/'] path          domain := host [':' port]
 */


// The grammar, built from the same pieces as Docker's regexp.go.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|${ipv6})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const referenceRe = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRe = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const identifierRe = /^[a-f0-9]{64}$/;
const tagRe = new RegExp(`^${tagPat}$`);
const pathComponentRe = new RegExp(`^${pathComponent}$`);
const MAX_NAME = 255;
/** Hex lengths of the algorithms go-digest registers. */
const DIGEST_HEX = { sha256: 64, sha384: 96, sha512: 128 };
class InvalidReferenceError extends errors/* UserError */.yo {
    name = 'InvalidReferenceError';
}
function fail(input, why) {
    throw new InvalidReferenceError(`invalid image reference "${input}": ${why}`);
}
/** Checks a digest as go-digest's Parse does; returns it unchanged. */
function validateDigest(digest, input = digest) {
    const i = digest.indexOf(':');
    const algorithm = digest.slice(0, i);
    const hex = digest.slice(i + 1);
    if (i <= 0 || !hex)
        fail(input, 'invalid checksum digest format');
    const want = DIGEST_HEX[algorithm];
    if (want === undefined)
        fail(input, `unsupported digest algorithm "${algorithm}"`);
    if (hex.length !== want)
        fail(input, `invalid checksum digest length`);
    if (!/^[a-f0-9]+$/.test(hex))
        fail(input, 'invalid checksum digest format');
    return digest;
}
/** Docker's Parse: the grammar only, no normalisation (domain may be ''). */
function parseReference(input) {
    if (input === '')
        fail(input, 'repository name must have at least one component');
    const m = referenceRe.exec(input);
    if (!m) {
        if (input.toLowerCase() !== input && referenceRe.test(input.toLowerCase()))
            fail(input, 'repository name must be lowercase');
        fail(input, 'invalid reference format');
    }
    // The whole name (domain included) is limited, as in Docker's Parse and Distribution 2.8.
    if (m[1].length > MAX_NAME)
        fail(input, `repository name must not be more than ${MAX_NAME} characters`);
    const n = anchoredNameRe.exec(m[1]);
    const domain = n?.[1] ?? '';
    const path = n ? n[2] : m[1];
    const ref = { domain, path };
    if (m[2] !== undefined)
        ref.tag = m[2];
    if (m[3] !== undefined)
        ref.digest = validateDigest(m[3], input);
    return ref;
}
/** Docker's rule for the first component of a name: a registry when it has a dot, a port or capitals, or is localhost. */
function isDomainComponent(first) {
    return first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first;
}
/** Docker's splitDockerDomain: which part of a familiar name is the registry. */
function splitDockerDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return ['docker.io', `library/${name}`];
    const maybeDomain = name.slice(0, slash);
    let domain;
    let remote;
    if (isDomainComponent(maybeDomain)) {
        [domain, remote] = [maybeDomain === 'index.docker.io' ? 'docker.io' : maybeDomain, name.slice(slash + 1)];
    }
    else {
        [domain, remote] = ['docker.io', name];
    }
    if (domain === 'docker.io' && !remote.includes('/'))
        remote = `library/${remote}`;
    return [domain, remote];
}
/**
 * The registry (normal form) and the rest of an image name, split as Docker splits
 * it but without checking or completing the rest: `alpine:3` → docker.io, `alpine:3`.
 * For names in files regkit converts, which may hold variables Docker would refuse.
 */
function splitImageName(image) {
    const name = image.split('@')[0];
    const slash = name.indexOf('/');
    if (slash > 0 && isDomainComponent(name.slice(0, slash)))
        return { domain: normalizeDomain(name.slice(0, slash)), path: name.slice(slash + 1) };
    return { domain: 'docker.io', path: name };
}
/** Docker's ParseNormalizedNamed: what `docker pull NAME` understands by NAME. */
function parseImageRef(input) {
    if (identifierRe.test(input))
        fail(input, 'cannot specify 64-byte hexadecimal strings');
    const [domain, remainder] = splitDockerDomain(input);
    const colon = remainder.indexOf(':');
    const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
    if (remote.toLowerCase() !== remote)
        fail(input, `repository name (${remote}) must be lowercase`);
    const ref = parseReference(`${domain}/${remainder}`);
    if (!ref.domain)
        fail(input, 'invalid reference format');
    return ref;
}
/** The repository with its registry: docker.io/library/alpine. */
function repositoryName(ref) {
    return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}
/** The full string: name[:tag][@digest]. */
function formatRef(ref) {
    return repositoryName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}
/** As Docker's UI shows it: without docker.io/ and library/. */
function familiarName(ref) {
    if (ref.domain !== 'docker.io')
        return formatRef(ref);
    let path = ref.path;
    if (path.startsWith('library/') && !path.slice(8).includes('/'))
        path = path.slice(8);
    return formatRef({ ...ref, domain: '', path });
}
/** Docker's TagNameOnly: `latest` when there is neither tag nor digest. */
function withDefaultTag(ref) {
    return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}
/** What to ask the registry for: the digest when there is one (it pins the tag), else the tag. */
function manifestReference(ref) {
    return ref.digest ?? ref.tag ?? 'latest';
}
/** One part of a repository path between slashes: lower-case alphanumerics joined by . _ __ or dashes. */
function isPathComponent(part) {
    return pathComponentRe.test(part);
}
function isValidTag(tag) {
    return tagRe.test(tag);
}
function withTag(ref, tag) {
    if (!isValidTag(tag))
        throw new InvalidReferenceError(`invalid tag "${tag}": tags are up to 128 letters, digits, _ . - and do not start with . or -`);
    return { domain: ref.domain, path: ref.path, tag };
}

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(1916);
;// CONCATENATED MODULE: ./src/naming/suggest.ts

/** The candidate a typo most likely meant, or undefined when none is close enough to be a fair guess. */
function suggest(word, candidates) {
    const lower = word.toLowerCase();
    let best;
    let bestScore = Infinity;
    for (const c of candidates) {
        if (c === word)
            continue;
        const score = c.toLowerCase() === lower ? 0 : (0,mod/* distance */.Io)(lower, c.toLowerCase());
        if (score < bestScore) {
            best = c;
            bestScore = score;
        }
    }
    // A third of the word, at least 2: "usrname" → "username", not "abc" → "xyz".
    const limit = Math.max(2, Math.floor(word.length / 3));
    return bestScore <= limit ? best : undefined;
}
/** ` — did you mean "x"?` or the empty string. */
function didYouMean(word, candidates) {
    const s = suggest(word, candidates);
    return s === undefined ? '' : `did you mean "${s}"?`;
}

;// CONCATENATED MODULE: ./src/naming/index.ts
/**
 * Names of registries, images and tags: every rule about them lives here, and
 * everything else imports them from this file. A leaf: it imports nothing of regkit
 * but errors.
 */





/***/ }),

/***/ 1760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ proxyConfigured),
/* harmony export */   R: () => (/* binding */ proxyHttpsAgent),
/* harmony export */   To: () => (/* binding */ proxyHeaders),
/* harmony export */   iJ: () => (/* binding */ proxyFor)
/* harmony export */ });
/* unused harmony exports ProxyError, proxySecrets, tunnel */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _naming_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6495);


const VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** The proxy refused a tunnel or could not be used. */
class ProxyError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ProxyError';
}
function proxyConfigured(env = process.env) {
    return VARS.some((k) => !!env[k]);
}
// Lenient on purpose: only used to find what to mask, so `user:pass@host:port` without a scheme counts too.
function parseProxyUrl(value) {
    try {
        const url = new URL(value);
        if (url.protocol === 'http:' || url.protocol === 'https:')
            return url;
        return new URL(`http://${value}`);
    }
    catch {
        try {
            return new URL(`http://${value}`);
        }
        catch {
            return undefined;
        }
    }
}
function credentialsOf(url) {
    if (!url.username && !url.password)
        return undefined;
    return { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}
/** Every form of a proxy credential that could be printed: the password, the header value, the URL as written. */
function proxySecrets(env = process.env) {
    const out = new Set();
    for (const k of VARS) {
        const value = env[k];
        const url = value ? parseProxyUrl(value) : undefined;
        const cred = url && credentialsOf(url);
        if (!cred)
            continue;
        if (cred.password)
            out.add(cred.password);
        if (url.password)
            out.add(url.password);
        out.add(basicAuth(cred.user, cred.password));
    }
    return [...out];
}
let loading;
const routes = new Map();
/** The proxy a request to `url` goes through, or undefined for a direct connection. */
async function proxyFor(url) {
    if (!proxyConfigured())
        return undefined;
    const key = `${url.protocol}//${url.host}`;
    const id = [key, ...VARS.map((k) => process.env[k]), process.env.no_proxy, process.env.NO_PROXY].join('\0');
    let route = routes.get(id);
    if (route === undefined) {
        const getProxyUrl = await (loading ??= __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 4942)).then((m) => m.getProxyUrl));
        const href = getProxyUrl(key);
        route = null;
        if (href) {
            const full = new URL(href);
            if (full.protocol !== 'http:' && full.protocol !== 'https:') {
                // Nothing of the value is quoted: it may hold the proxy's password.
                throw new ProxyError(`the proxy variable for ${url.protocol}//${url.host} (HTTPS_PROXY or HTTP_PROXY) is not an http:// or https:// URL — write it as http://[user:password@]host:port`);
            }
            const cred = credentialsOf(full);
            route = {
                proxy: new URL(full.origin),
                authorization: cred ? `Basic ${(0,_naming_index_js__WEBPACK_IMPORTED_MODULE_1__.basicAuth)(cred.user, cred.password)}` : undefined,
            };
        }
        routes.set(id, route);
    }
    return route ?? undefined;
}
/** Headers for an absolute-form (plain http) request through the proxy. */
function proxyHeaders(route) {
    return route.authorization ? { 'proxy-authorization': route.authorization } : {};
}
function defaultPort(url) {
    return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}
/** Opens a CONNECT tunnel to host:port; resolves with the socket once the proxy answered 2xx. */
async function tunnel(route, host, port) {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const { proxy } = route;
    // An https:// proxy is spoken to over TLS itself; the tunnel's own TLS runs inside that.
    const mod = proxy.protocol === 'https:' ? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23))).default;
    return new Promise((resolve, reject) => {
        const req = mod.request({
            host: proxy.hostname,
            port: defaultPort(proxy),
            method: 'CONNECT',
            path: target,
            headers: { host: target, ...proxyHeaders(route) },
            agent: false,
        });
        req.once('connect', (res, socket, head) => {
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
                socket.destroy();
                const why = res.statusCode === 407 ? ' (proxy authentication required: put user:password in the proxy URL)' : '';
                reject(new ProxyError(`proxy ${route.proxy.host} refused a tunnel to ${target}: HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim() +
                    why));
                return;
            }
            if (head.length)
                socket.unshift(head);
            resolve(socket);
        });
        req.once('error', (err) => {
            // The transport retries by code and names the proxy in its message.
            reject(Object.assign(new Error(`cannot reach proxy ${route.proxy.host}: ${err.code ?? err.message}`), {
                code: err.code,
                proxy: route.proxy.host,
            }));
        });
        req.end();
    });
}
/**
 * An https agent that opens each connection through the proxy getProxyUrl names for its
 * host (a CONNECT tunnel, then TLS to the registry inside it), or directly. Keep-alive
 * pooling works as for any https.Agent.
 */
async function proxyHttpsAgent(opts) {
    const https = (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default;
    const tlsMod = (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1692, 23))).default;
    class TunnelAgent extends https.Agent {
        createConnection(options, cb) {
            const host = options.host ?? 'localhost';
            const port = Number(options.port) || 443;
            const servername = options.servername || (/^[\d.]+$|:/.test(host) ? undefined : host);
            const url = new URL(`https://${host.includes(':') ? `[${host}]` : host}:${port}`);
            proxyFor(url)
                .then(async (route) => {
                if (!route)
                    return tlsMod.connect({ ...options, host, port, servername });
                const socket = await tunnel(route, host, port);
                return tlsMod.connect({ ...options, socket, servername });
            })
                .then((s) => cb(null, s), (err) => cb(err));
            return undefined;
        }
    }
    return new TunnelAgent(opts);
}


/***/ }),

/***/ 741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CopyProgress: () => (/* reexport */ CopyProgress),
  RegistryError: () => (/* reexport */ RegistryError),
  RegistrySession: () => (/* reexport */ RegistrySession),
  Sessions: () => (/* reexport */ Sessions),
  StatusLines: () => (/* reexport */ StatusLines),
  Transport: () => (/* reexport */ Transport),
  attachedTag: () => (/* reexport */ attachedTag),
  attachedTags: () => (/* reexport */ attachedTags),
  baseUrl: () => (/* reexport */ baseUrl),
  bytesAvoided: () => (/* reexport */ bytesAvoided),
  configPlatform: () => (/* reexport */ configPlatform),
  copyImage: () => (/* reexport */ copyImage),
  copyRefs: () => (/* binding */ copyRefs),
  defaultTransport: () => (/* reexport */ defaultTransport),
  describeAttachment: () => (/* reexport */ describeAttachment),
  describeStats: () => (/* reexport */ describeStats),
  dockerCredential: () => (/* reexport */ dockerCredential),
  formatBytes: () => (/* reexport */ formatBytes),
  formatPlatform: () => (/* reexport */ formatPlatform),
  getManifest: () => (/* reexport */ getManifest),
  headManifest: () => (/* reexport */ headManifest),
  isAttestation: () => (/* reexport */ isAttestation),
  isIndexType: () => (/* reexport */ isIndexType),
  limiter: () => (/* reexport */ limiter),
  listCatalog: () => (/* reexport */ listCatalog),
  listReferrers: () => (/* reexport */ listReferrers),
  listTags: () => (/* reexport */ listTags),
  mergeImages: () => (/* reexport */ mergeImages),
  mergeRefs: () => (/* binding */ mergeRefs),
  parseChallenges: () => (/* reexport */ parseChallenges),
  parsePlatform: () => (/* reexport */ parsePlatform),
  ping: () => (/* reexport */ ping),
  readImageConfig: () => (/* reexport */ readImageConfig),
  readRepository: () => (/* reexport */ readRepository),
  referrersTag: () => (/* reexport */ referrersTag),
  repositoriesFor: () => (/* binding */ repositoriesFor),
  repositoryLabel: () => (/* reexport */ repositoryLabel),
  usesPlainHttp: () => (/* reexport */ usesPlainHttp),
  writeRepository: () => (/* reexport */ writeRepository)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
function parseChallenges(header) {
    const out = [];
    if (!header)
        return out;
    let i = 0;
    const s = header;
    const skipSpace = () => {
        while (i < s.length && /[\s,]/.test(s[i]))
            i++;
    };
    const token = () => {
        const start = i;
        while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i]))
            i++;
        return s.slice(start, i);
    };
    while (i < s.length) {
        skipSpace();
        const scheme = token();
        if (!scheme) {
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        out.push(challenge);
        // params: name=value pairs until the next bare token that is not followed by '='
        for (;;) {
            while (i < s.length && /[\s,]/.test(s[i]))
                i++;
            const save = i;
            const name = token();
            let j = i;
            while (j < s.length && s[j] === ' ')
                j++;
            if (!name || s[j] !== '=') {
                i = save;
                break;
            }
            i = j + 1;
            while (i < s.length && s[i] === ' ')
                i++;
            let value = '';
            if (s[i] === '"') {
                i++;
                while (i < s.length && s[i] !== '"') {
                    if (s[i] === '\\' && i + 1 < s.length)
                        i++;
                    value += s[i++];
                }
                i++;
            }
            else {
                const start = i;
                while (i < s.length && s[i] !== ',' && s[i] !== ' ')
                    i++;
                value = s.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
        }
    }
    return out;
}
/** The challenge regkit answers: Bearer before Basic; undefined when none it knows. */
function pickChallenge(header) {
    const all = parseChallenges(header);
    return all.find((c) => c.scheme === 'bearer') ?? all.find((c) => c.scheme === 'basic');
}

// EXTERNAL MODULE: ./src/naming/index.ts + 3 modules
var naming = __webpack_require__(6495);
;// CONCATENATED MODULE: ./src/registry/endpoint.ts
/**
 * Where a registry's API lives: the domain a user writes (docker.io, ghcr.io,
 * localhost:5000, https://index.docker.io/v1/) turned into the base URL of its
 * /v2/ API, and whether plain http is allowed there.
 */

/** Whether a registry is spoken to over plain http. */
function usesPlainHttp(registry) {
    if (registry.insecure !== undefined)
        return registry.insecure;
    return (0,naming.isLoopback)((0,naming.apiHost)(registry.domain));
}
/** Base URL of the registry's API, e.g. https://ghcr.io (paths are /v2/...). */
function baseUrl(registry) {
    const scheme = usesPlainHttp(registry) ? 'http' : 'https';
    return new URL(`${scheme}://${(0,naming.apiHost)(registry.domain)}`);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/registry/pool.ts
/**
 * Bounded parallelism: at most `n` of the functions given to the limiter run at
 * once; waiting ones start highest `priority` first (a copy starts its largest
 * blobs first, so that the last one to finish is a small one).
 */
function limiter(n) {
    let active = 0;
    const waiting = [];
    return async (fn, priority = 0) => {
        if (active >= n) {
            await new Promise((start) => {
                let i = waiting.length;
                while (i > 0 && waiting[i - 1].priority < priority)
                    i--;
                waiting.splice(i, 0, { priority, start });
            });
        }
        else
            active++;
        try {
            return await fn();
        }
        finally {
            const next = waiting.shift();
            if (next)
                next.start();
            else
                active--;
        }
    };
}
/**
 * Like Promise.all, but waits for every promise to settle before rejecting, so
 * that nothing is still writing to a registry when the caller reports a failure.
 */
async function allSettledOrThrow(promises) {
    const results = await Promise.allSettled(promises);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return results.map((r) => r.value);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A counting semaphore: acquire() waits while `max` are held (the transport: exchanges per origin). */
class Slots {
    max;
    active = 0;
    waiting = [];
    constructor(max) {
        this.max = max;
    }
    async acquire() {
        if (this.active < this.max) {
            this.active++;
            return;
        }
        await new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
}

// EXTERNAL MODULE: ./src/proxy/index.ts
var proxy = __webpack_require__(1760);
;// CONCATENATED MODULE: ./src/registry/response.ts

class Response {
    status;
    headers;
    url;
    body;
    constructor(status, headers, url, body) {
        this.status = status;
        this.headers = headers;
        this.url = url;
        this.body = body;
    }
    header(name) {
        const v = this.headers[name.toLowerCase()];
        return Array.isArray(v) ? v.join(', ') : v;
    }
    /** The whole body; refuses bodies over `limit` bytes (manifests are at most 4 MiB). */
    async buffer(limit = 16 * 1024 * 1024) {
        const chunks = [];
        let size = 0;
        for await (const chunk of this.body) {
            size += chunk.length;
            if (size > limit) {
                this.body.destroy();
                throw new errors/* UserError */.yo(`${this.url.host} sent more than ${limit} bytes for ${this.url.pathname}`);
            }
            chunks.push(chunk);
        }
        return Buffer.concat(chunks);
    }
    async text() {
        return (await this.buffer()).toString('utf8');
    }
    async json() {
        const text = await this.text();
        try {
            return JSON.parse(text);
        }
        catch {
            throw new errors/* UserError */.yo(`${this.url.host} answered ${this.url.pathname} with invalid JSON (HTTP ${this.status})`);
        }
    }
    /** Reads and discards the body so the connection can be reused. */
    async drain() {
        if (this.body.readableEnded || this.body.destroyed)
            return;
        this.body.resume();
        await new Promise((resolve) => {
            this.body.once('end', resolve);
            this.body.once('close', resolve);
            this.body.once('error', () => resolve());
        });
    }
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
/**
 * HTTP for the registry client, on node:http/node:https (measured faster here than
 * fetch) with keep-alive agents. Knows nothing about registries or auth beyond
 * the rules that keep credentials safe:
 *
 *   const t = new Transport({ maxPerHost: 8 });
 *   const res = await t.request({ method: 'GET', url, headers, insecure });
 *   await res.json() | res.buffer() | res.drain()   // always consume: it frees the host slot
 *
 * - at most `maxPerHost` exchanges in flight per origin; a slot is held until the
 *   response body has been read, so callers must consume or drain every response;
 * - retries with exponential backoff (and Retry-After) on 408/429/5xx and on
 *   connection resets/timeouts, when the body can be sent again (none, Buffer, or a
 *   factory); after the last attempt the failing response is returned;
 * - redirects are followed; Authorization is dropped when the origin changes
 *   (or, with onCrossOriginRedirect: 'fail', the request fails instead); a body
 *   marked `credentials` (a token request's password or refresh token) never
 *   follows a redirect to another origin: that request fails;
 * - credentials (any Authorization, or a body marked `credentials`) are never
 *   sent over plain http, except to loopback or when the caller marks the target
 *   `insecure`;
 * - HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured (see proxy.ts): https through a
 *   CONNECT tunnel, plain http as absolute-form requests to the proxy, which then reads
 *   every header, so no credential goes that way unless the target is `insecure`.
 */








/** The network failed (after retries); `code` is Node's (ECONNRESET, ENOTFOUND...). */
class NetworkError extends errors/* UserError */.yo {
    code;
    name = 'NetworkError';
    constructor(message, code) {
        super(message);
        this.code = code;
    }
}
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ECONNABORTED',
    'ENETUNREACH',
    'EHOSTUNREACH',
]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
const transport_sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const isStream = (b) => !!b && typeof b === 'object' && !Buffer.isBuffer(b);
class Transport {
    maxPerHost;
    /** Exchanges made so far (each retry and redirect hop counts). */
    exchanges = 0;
    opts;
    limiters = new Map();
    httpAgent;
    /** Keep-alive connections to an HTTP proxy, for absolute-form requests; made on first use. */
    proxyAgent;
    /** Loaded on first use: node:https costs ~15 ms at start-up, and loopback registries never need it. */
    https;
    agentOpts;
    debug = !!process.env.REGKIT_DEBUG;
    constructor(opts = {}) {
        this.opts = {
            maxPerHost: opts.maxPerHost ?? 8,
            retries: opts.retries ?? 4,
            retryBaseMs: opts.retryBaseMs ?? 250,
            retryMaxMs: opts.retryMaxMs ?? 8000,
            timeoutMs: opts.timeoutMs ?? 120_000,
            userAgent: opts.userAgent ?? 'regkit',
            onExchange: opts.onExchange,
            onRetry: opts.onRetry,
            deadline: opts.deadline,
        };
        this.maxPerHost = this.opts.maxPerHost;
        this.agentOpts = { keepAlive: true, maxSockets: this.maxPerHost, scheduling: 'lifo' };
        this.httpAgent = new (external_node_http_default()).Agent(this.agentOpts);
    }
    /** Sends with retries and redirects; returns the final response (any status). */
    async request(spec) {
        const replayable = !isStream(spec.body);
        const attempts = spec.retry === false || !replayable ? 1 : this.opts.retries + 1;
        const host = new URL(spec.url).host;
        for (let attempt = 1;; attempt++) {
            this.checkDeadline(host, attempt);
            let res;
            try {
                res = await this.follow(spec);
            }
            catch (err) {
                const code = err.code ?? '';
                if (err instanceof errors/* UserError */.yo)
                    throw err;
                const failed = err.host ?? host;
                if (attempt < attempts && RETRY_CODES.has(code)) {
                    await this.pause(this.backoff(attempt), failed, code === 'ETIMEDOUT' ? 'no answer' : code, attempt, attempts);
                    continue;
                }
                if (code === 'ETIMEDOUT')
                    this.checkDeadline(failed, attempt + 1, 0);
                if (RETRY_CODES.has(code) ||
                    code.startsWith('ENOTFOUND') ||
                    code.startsWith('ERR_TLS') ||
                    code.includes('CERT')) {
                    const via = failed !== host ? ` while sending to ${host}` : '';
                    const proxy = err.proxy;
                    throw new NetworkError(`cannot reach ${failed}${proxy ? ` through the proxy ${proxy}` : ''}: ${code}${via}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`, code);
                }
                throw err;
            }
            if (attempt < attempts && RETRY_STATUS.has(res.status)) {
                const after = Number(res.header('retry-after'));
                await res.drain();
                const delay = Number.isFinite(after) && after > 0 ? Math.min(after * 1000, this.opts.retryMaxMs) : this.backoff(attempt);
                await this.pause(delay, res.url.host, `HTTP ${res.status}`, attempt, attempts);
                continue;
            }
            return res;
        }
    }
    /** Waits before the next attempt, saying so; gives up at once when the deadline would pass first. */
    async pause(ms, host, why, attempt, attempts) {
        const { deadline } = this.opts;
        if (deadline !== undefined && Date.now() + ms >= deadline)
            this.checkDeadline(host, attempt + 1, 0);
        this.opts.onRetry?.(`${host}: ${why}; trying again in ${(ms / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`);
        await transport_sleep(ms);
    }
    checkDeadline(host, attempt, left = (this.opts.deadline ?? Infinity) - Date.now()) {
        if (left > 0)
            return;
        const tries = attempt > 1 ? ` (after ${attempt - 1} attempt${attempt > 2 ? 's' : ''})` : '';
        throw new NetworkError(`${host} did not answer in time${tries}; check that the registry is up and reachable from the runner`, 'ETIMEDOUT');
    }
    /** Frees the keep-alive sockets (lets a process exit at once). */
    close() {
        this.httpAgent.destroy();
        this.proxyAgent?.destroy();
        void this.https?.then(({ agent }) => agent.destroy());
    }
    client(url) {
        if (url.protocol !== 'https:')
            return { mod: (external_node_http_default()), agent: this.httpAgent };
        // With a proxy configured the agent tunnels per host (NO_PROXY hosts and loopback go direct).
        return (this.https ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)).then(async (mod) => ({
            mod: mod.default,
            agent: (0,proxy/* proxyConfigured */.$o)() ? await (0,proxy/* proxyHttpsAgent */.R)(this.agentOpts) : new mod.default.Agent(this.agentOpts),
        })));
    }
    backoff(attempt) {
        const base = Math.min(this.opts.retryBaseMs * 2 ** (attempt - 1), this.opts.retryMaxMs);
        return base / 2 + Math.random() * (base / 2);
    }
    async follow(spec) {
        let url = new URL(spec.url);
        let method = spec.method;
        let body = spec.body;
        const headers = {};
        for (const [k, v] of Object.entries(spec.headers ?? {}))
            if (v !== undefined)
                headers[k.toLowerCase()] = v;
        for (let hop = 0;; hop++) {
            const secretBody = !!spec.credentials && body !== undefined;
            const res = await this.once(method, url, headers, body, spec.insecure ?? false, secretBody);
            const location = res.header('location');
            if (!REDIRECT_STATUS.has(res.status) || !location)
                return res;
            await res.drain();
            if (hop >= MAX_REDIRECTS)
                throw new errors/* UserError */.yo(`too many redirects from ${new URL(spec.url).host}${new URL(spec.url).pathname}`);
            const next = new URL(location, url);
            const keepsBody = !(res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST'));
            if (next.origin !== url.origin && (headers.authorization !== undefined || secretBody)) {
                if (spec.onCrossOriginRedirect === 'fail' || (secretBody && keepsBody)) {
                    throw new errors/* UserError */.yo(`${url.host} redirected a request with credentials to another host (${next.host}); regkit does not send credentials there`);
                }
                delete headers.authorization;
            }
            if (!keepsBody) {
                if (method !== 'HEAD')
                    method = 'GET';
                body = undefined;
                delete headers['content-length'];
                delete headers['content-type'];
            }
            else if (isStream(body)) {
                throw new errors/* UserError */.yo(`${url.host} redirected an upload (HTTP ${res.status}) that cannot be sent twice`);
            }
            url = next;
        }
    }
    limiter(url) {
        let l = this.limiters.get(url.origin);
        if (!l)
            this.limiters.set(url.origin, (l = new Slots(this.maxPerHost)));
        return l;
    }
    async once(method, url, headers, body, insecure, secretBody) {
        const credentials = headers.authorization !== undefined || secretBody;
        if (url.protocol === 'http:' && credentials && !insecure && !(0,naming.isLoopback)(url.host)) {
            throw new errors/* UserError */.yo(`refusing to send credentials to ${url.host} over plain http; mark the registry insecure: true only if that is really intended`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new errors/* UserError */.yo(`unsupported URL scheme in ${url.protocol}//${url.host}`);
        const payload = typeof body === 'function' ? body() : body;
        const outHeaders = { 'user-agent': this.opts.userAgent, ...headers };
        if (typeof payload === 'string' || Buffer.isBuffer(payload))
            outHeaders['content-length'] = Buffer.byteLength(payload);
        else if (!payload && (method === 'PUT' || method === 'POST' || method === 'PATCH'))
            outHeaders['content-length'] = 0;
        let { mod, agent } = await this.client(url);
        // Plain http through a proxy: the request goes to the proxy, naming the target in full.
        let target = {};
        const route = url.protocol === 'http:' ? await (0,proxy/* proxyFor */.iJ)(url) : undefined;
        // Credentials get here only for insecure targets (checked above; loopback never uses a proxy).
        if (route) {
            Object.assign(outHeaders, { host: url.host }, (0,proxy/* proxyHeaders */.To)(route));
            if (route.proxy.protocol === 'https:')
                mod = (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).default;
            agent = this.proxyAgent ??= new mod.Agent(this.agentOpts);
            target = {
                protocol: route.proxy.protocol,
                hostname: route.proxy.hostname,
                port: route.proxy.port || undefined,
                path: url.href,
            };
        }
        const limiter = this.limiter(url);
        await limiter.acquire();
        if (this.debug)
            process.stderr.write(`regkit: ${performance.now() | 0} > ${method} ${url.origin}${url.pathname}${url.search ? '?…' : ''}\n`);
        return new Promise((resolve, reject) => {
            let released = false;
            const release = () => {
                if (!released) {
                    released = true;
                    limiter.release();
                }
            };
            const timeout = Math.max(1, Math.min(this.opts.timeoutMs, (this.opts.deadline ?? Infinity) - Date.now()));
            const req = mod.request(url, { ...target, method, headers: outHeaders, agent, timeout }, (res) => {
                res.once('end', release);
                res.once('close', release);
                res.once('error', release);
                this.exchanges++;
                if (this.debug)
                    process.stderr.write(`regkit: ${performance.now() | 0} < ${res.statusCode} ${method} ${url.pathname}\n`);
                const response = new Response(res.statusCode ?? 0, res.headers, url, res);
                this.opts.onExchange?.({ method, url, status: response.status });
                resolve(response);
            });
            req.once('timeout', () => req.destroy(Object.assign(new Error(`timed out talking to ${url.host}`), { code: 'ETIMEDOUT', host: url.host })));
            // A body that fails (a digest mismatch) is the cause, whatever the socket says next.
            // The socket's complaint can come first, so the body gets a moment to report.
            let bodyError;
            // Name the host that failed: after a redirect it is not the one first asked, and a
            // streamed body's source (another registry) may be what broke.
            const named = (e) => Object.assign(e, { host: e.host ?? url.host });
            req.once('error', (err) => {
                release();
                if (route)
                    Object.assign(err, { proxy: route.proxy.host });
                const body = isStream(payload) ? payload : undefined;
                if (!body)
                    return reject(named(err));
                setImmediate(() => reject(named(bodyError ?? body.errored ?? err)));
            });
            if (isStream(payload)) {
                payload.once('error', (err) => (bodyError ??= err));
                (0,external_node_stream_.pipeline)(payload, req, (err) => {
                    if (err)
                        req.destroy(err);
                });
            }
            else {
                req.end(payload);
            }
        });
    }
}
let shared;
/** One transport per process, so keep-alive connections and host limits are shared. */
function defaultTransport() {
    return (shared ??= new Transport());
}

;// CONCATENATED MODULE: ./src/registry/token.ts

/** The Authorization header of HTTP Basic for these credentials. */
function basicHeader(cred) {
    return 'Basic ' + (0,naming.basicAuth)(cred.username, cred.password);
}
/** The request for a token with all `scopes` at once. */
function tokenRequest(realm, service, scopes, cred) {
    const url = new URL(realm);
    if (cred?.identityToken) {
        const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: cred.identityToken,
            client_id: 'regkit',
        });
        if (service)
            form.set('service', service);
        if (scopes.length)
            form.set('scope', scopes.join(' '));
        return {
            method: 'POST',
            url,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
            credentials: true,
        };
    }
    if (service)
        url.searchParams.set('service', service);
    for (const s of scopes)
        url.searchParams.append('scope', s);
    return { method: 'GET', url, headers: cred ? { authorization: basicHeader(cred) } : {} };
}
/** The token of a 200 answer (`token` or OAuth2's `access_token`), undefined when it has none. */
async function readToken(res) {
    const body = await res.json();
    const value = body.token || body.access_token;
    if (!value)
        return undefined;
    // The spec's default lifetime is 60 s; refresh a little early.
    const lifetime = Math.max(Number(body.expires_in) || 60, 60);
    return { value, expiresAt: Date.now() + (lifetime - 10) * 1000 };
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
/**
 * Talking to one registry as one user: anonymous, Basic, or Bearer tokens from
 * the registry's WWW-Authenticate challenge (docs: distribution "token
 * authentication specification").
 *
 *   const s = new RegistrySession({ domain: 'ghcr.io' }, { username, password });
 *   const res = await s.request({ method: 'GET', path: '/v2/acme/app/manifests/1.0',
 *                                 scopes: [pullScope('acme/app')] });
 *   await ping({ domain: 'ghcr.io' }, credential);   // login check: throws RegistryError
 *
 * - the scheme is learnt once per session from the first request's answer (a
 *   challenge or not), so no GET /v2/ ping goes first; the login check pings;
 * - several scopes go in one token request (a mount's source pull and target
 *   pull,push), tokens are cached per (realm, service, scopes) until they expire,
 *   and fetched again when the registry answers 401 (also widening the scopes to
 *   what its challenge asks for);
 * - Authorization is only ever sent to the registry's own origin; a token request
 *   carrying a password or refresh token that is redirected to another host fails;
 * - only a 401 from the registry's own origin is a challenge: a 401 from a host a
 *   redirect led to (a CDN naming its own token realm) is an error.
 */






/** A failure talking to a registry; `status` is the HTTP status when there was one. */
class RegistryError extends errors/* UserError */.yo {
    status;
    name = 'RegistryError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** The token was refused mid-upload and the body cannot be re-sent; retry the whole step. */
class StaleTokenError extends Error {
    name = 'StaleTokenError';
}
const pullScope = (repo) => `repository:${repo}:pull`;
const pushScope = (repo) => `repository:${repo}:pull,push`;
class RegistrySession {
    registry;
    credential;
    opts;
    base;
    name;
    transport;
    state;
    tokens = new Map();
    constructor(registry, credential, opts = {}) {
        this.registry = registry;
        this.credential = credential;
        this.opts = opts;
        this.base = baseUrl(registry);
        this.name = (0,naming.bareHost)(registry.domain);
        this.transport = opts.transport ?? defaultTransport();
        // Every form of the credential is masked before it is first used: a registry may
        // echo the password, the base64 user:pass, or the whole header back in an error.
        if (credential) {
            (0,errors/* rememberCredential */.bk)(credential.username, credential.password);
            (0,errors/* rememberSecret */.Gz)(credential.identityToken);
            for (const form of [
                credential.password,
                credential.password && basicHeader(credential).slice(6),
                credential.identityToken,
            ]) {
                if (form)
                    opts.onSecret?.(form);
            }
        }
    }
    /** An authenticated request; throws RegistryError when access is refused after a fresh token. */
    async request(req) {
        const url = new URL(req.path, this.base);
        const own = url.origin === this.base.origin;
        if (own && !this.state && !isOneShot(req.body)) {
            const answered = await this.learnFrom(req, url);
            if (answered)
                return answered;
        }
        let scopes = req.scopes;
        const headers = { ...req.headers };
        const send = async () => {
            if (own)
                headers.authorization = await this.authorization(await this.discover(), scopes);
            return this.transport.request({ ...req, url, headers, insecure: this.registry.insecure });
        };
        const res = await send();
        if (res.status !== 401)
            return res;
        // Only the registry's own origin may change how we authenticate; a 401 from a host a
        // redirect led to (a CDN) is that host's business, and its challenge is not followed.
        if (res.url.origin !== this.base.origin)
            throw await this.foreign401(res);
        if (!own)
            return res;
        // A stale token, or a registry asking for more than we asked: learn from its challenge.
        const challenge = pickChallenge(res.header('www-authenticate'));
        await res.drain();
        const before = await this.discover();
        if (challenge)
            this.state = Promise.resolve(stateOf(challenge, before));
        this.forget(before, scopes);
        if (challenge?.params.scope)
            scopes = [...new Set([...scopes, ...challenge.params.scope.split(' ')])];
        if (typeof req.body === 'object' && !Buffer.isBuffer(req.body))
            throw new StaleTokenError(`${this.name} refused the token mid-upload`);
        if (challenge?.scheme === 'basic' && (before.scheme === 'basic' || !this.credential)) {
            throw this.credential ? this.wrongPassword(401) : this.denied(scopes);
        }
        const again = await send();
        if (again.status === 401) {
            await again.drain();
            throw this.denied(scopes);
        }
        return again;
    }
    /**
     * Sends the session's first request bare and learns the scheme from the answer:
     * a 401's challenge, else none. Requests made meanwhile wait for the lesson.
     * Returns the answer when it needs no credentials, undefined when the request
     * must be sent again with them.
     */
    async learnFrom(req, url) {
        let learnt;
        let failed;
        const lesson = new Promise((resolve, reject) => ((learnt = resolve), (failed = reject)));
        lesson.catch(() => undefined);
        this.state = lesson;
        let res;
        try {
            res = await this.transport.request({
                ...req,
                url,
                headers: { ...req.headers },
                insecure: this.registry.insecure,
            });
        }
        catch (err) {
            this.state = undefined;
            failed(err);
            throw err;
        }
        if (res.status !== 401) {
            learnt({ scheme: 'none' });
            return res;
        }
        const header = res.header('www-authenticate');
        await res.drain();
        const challenge = pickChallenge(header);
        if (!challenge) {
            const err = new RegistryError(`registry ${this.name} asks for a login regkit does not know (WWW-Authenticate: ${header ?? 'none'})`, 401);
            failed(err);
            throw err;
        }
        learnt(stateOf(challenge, { scheme: 'none' }));
        if (challenge.scheme === 'basic' && !this.credential)
            throw this.denied(req.scopes);
        return undefined;
    }
    /** GET /v2/ once per session to learn how the registry wants to be spoken to. */
    discover() {
        return (this.state ??= this.probe());
    }
    /**
     * Learns the auth scheme and fetches the token for `scopes` ahead of the first
     * request, so that several registries can be made ready at the same time.
     */
    async prepare(scopes) {
        await this.authorization(await this.discover(), scopes);
    }
    /** Proves the credential works (the login check). */
    async verify() {
        const state = await this.discover();
        if (state.scheme === 'none' || !this.credential)
            return state.scheme;
        const res = await this.transport.request({
            method: 'GET',
            url: new URL('/v2/', this.base),
            headers: { authorization: await this.authorization(state, []) },
            insecure: this.registry.insecure,
        });
        if (res.status === 401 && res.url.origin !== this.base.origin)
            throw await this.foreign401(res);
        await res.drain();
        if (res.status === 401)
            throw this.wrongPassword(401);
        if (res.status !== 200)
            throw new RegistryError(`registry ${this.name} answered HTTP ${res.status} to GET /v2/`, res.status);
        return state.scheme;
    }
    async probe() {
        const res = await this.transport.request({
            method: 'GET',
            url: new URL('/v2/', this.base),
            insecure: this.registry.insecure,
        });
        if (res.status === 401 && res.url.origin !== this.base.origin)
            throw await this.foreign401(res);
        await res.drain();
        if (res.status === 200)
            return { scheme: 'none' };
        if (res.status === 401) {
            const challenge = pickChallenge(res.header('www-authenticate'));
            if (!challenge)
                throw new RegistryError(`registry ${this.name} asks for a login regkit does not know (WWW-Authenticate: ${res.header('www-authenticate') ?? 'none'})`, 401);
            return stateOf(challenge, { scheme: 'none' });
        }
        if (res.status === 404)
            throw new RegistryError(`${this.name} does not serve the registry API (GET /v2/ answered HTTP 404); check the domain`, 404);
        throw new RegistryError(`registry ${this.name} answered HTTP ${res.status} to GET /v2/`, res.status);
    }
    async authorization(state, scopes) {
        if (state.scheme === 'none')
            return undefined;
        if (state.scheme === 'basic') {
            if (!this.credential)
                return undefined;
            return this.secret(basicHeader(this.credential));
        }
        return `Bearer ${(await this.token(state, scopes)).value}`;
    }
    tokenKey(state, scopes) {
        return `${state.realm} ${state.service ?? ''} ${[...new Set(scopes)].sort().join(' ')}`;
    }
    forget(state, scopes) {
        if (state.scheme === 'bearer')
            this.tokens.delete(this.tokenKey(state, scopes));
    }
    async token(state, scopes) {
        const key = this.tokenKey(state, scopes);
        const cached = this.tokens.get(key);
        if (cached) {
            const t = await cached.catch(() => undefined);
            if (t && t.expiresAt > Date.now())
                return t;
            if (this.tokens.get(key) === cached)
                this.tokens.delete(key);
        }
        let pending = this.tokens.get(key);
        if (!pending) {
            pending = this.fetchToken(state, [...new Set(scopes)].sort());
            this.tokens.set(key, pending);
            pending.catch(() => this.tokens.get(key) === pending && this.tokens.delete(key));
        }
        return pending;
    }
    async fetchToken(state, scopes) {
        let url;
        try {
            url = new URL(state.realm);
        }
        catch {
            throw new RegistryError(`registry ${this.name} names an invalid token realm "${state.realm}"`);
        }
        const cred = this.credential;
        const spec = tokenRequest(url, state.service, scopes, cred);
        if (spec.headers?.authorization)
            this.secret(String(spec.headers.authorization));
        const res = await this.transport.request({
            ...spec,
            insecure: this.registry.insecure,
            onCrossOriginRedirect: 'fail',
        });
        if (res.status === 401 || (res.status === 403 && cred)) {
            await res.drain();
            throw cred
                ? this.wrongPassword(res.status)
                : new RegistryError(`token server ${url.host} refused anonymous access to ${this.name} (HTTP ${res.status})`, res.status);
        }
        if (res.status !== 200) {
            await res.drain();
            throw new RegistryError(`token server ${url.host} for registry ${this.name} answered HTTP ${res.status}`, res.status);
        }
        const token = await readToken(res);
        if (!token)
            throw new RegistryError(`token server ${url.host} for registry ${this.name} sent no token`);
        this.secret(token.value);
        return token;
    }
    secret(value) {
        (0,errors/* rememberSecret */.Gz)(value);
        this.opts.onSecret?.(value);
        return value;
    }
    async foreign401(res) {
        await res.drain();
        return new RegistryError(`registry ${this.name} redirected to ${res.url.host}, which asked for a login (HTTP 401); regkit logs in only to ${this.name} and the token server its own challenge names`, 401);
    }
    wrongPassword(status) {
        const who = this.credential?.identityToken ? 'identity token' : `user "${this.credential?.username}"`;
        const what = this.credential?.identityToken ? 'expired or wrong identity token' : 'wrong username or password';
        return new RegistryError(`${what} for registry ${this.name} (${who}, HTTP ${status})`, status);
    }
    denied(scopes) {
        const wanted = scopes.map((s) => s.replace(/^repository:/, '')).join(', ');
        if (!this.credential)
            return new RegistryError(`registry ${this.name} requires a login for ${wanted} (HTTP 401); log in first`, 401);
        return new RegistryError(`registry ${this.name} refused ${wanted} to user "${this.credential.username}" (HTTP 401): wrong password, or no such access`, 401);
    }
}
/** A stream body can be sent only once: its request must not be the one that learns the scheme. */
const isOneShot = (body) => typeof body === 'object' && !Buffer.isBuffer(body);
function stateOf(challenge, previous) {
    if (challenge.scheme === 'basic')
        return { scheme: 'basic' };
    const realm = challenge.params.realm;
    if (!realm)
        return previous;
    return { scheme: 'bearer', realm, service: challenge.params.service };
}
/**
 * The login check: GET /v2/, the token flow, and GET /v2/ with the credential.
 * Throws RegistryError (a UserError) naming the registry and the HTTP status.
 */
async function ping(registry, credential, opts = {}) {
    return new RegistrySession(registry, credential, opts).verify();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/registry/repository.ts
/**
 * One repository on one registry, as the protocol steps see it: the session
 * that talks to the registry, the path, and the scopes every request asks for
 * (the same for all requests of a copy, so that one token serves them all).
 */


function readRepository(session, path) {
    return { session, path, scopes: [pullScope(path)] };
}
/** A repository to write to; `mountFrom` adds pull on a source repository of the same registry. */
function writeRepository(session, path, mountFrom) {
    const scopes = [pushScope(path)];
    if (mountFrom && mountFrom !== path)
        scopes.push(pullScope(mountFrom));
    return { session, path, scopes };
}
function repositoryLabel(repo) {
    return `${repo.session.name}/${repo.path}`;
}
/** The registry's own words for a failure ({"errors":[{"code","message"}]}), if it sent any. */
async function registryReason(res) {
    try {
        const text = (await res.buffer(64 * 1024)).toString('utf8');
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        // A registry may echo what it was sent (the Authorization header) in its message.
        if (first)
            return (0,errors/* redact */.E$)([first.code, first.message].filter(Boolean).join(': ').slice(0, 300));
    }
    catch {
        // not JSON, or cut short: the status alone has to do
    }
    return '';
}
/** A RegistryError for an unexpected answer: what was being done, where, the status and the registry's reason. */
async function unexpected(res, what, repo) {
    const reason = res.status >= 400 ? await registryReason(res) : (await res.drain(), '');
    const why = reason ? ` (${reason})` : '';
    if (res.status === 403) {
        return new RegistryError(`${what}: registry ${repo.session.name} denied access to ${repo.path} (HTTP 403${why}); check the account's permissions`, 403);
    }
    return new RegistryError(`${what}: registry ${repo.session.name} answered HTTP ${res.status}${why}`, res.status);
}

;// CONCATENATED MODULE: ./src/registry/blobs.ts
/**
 * Blob steps of the distribution API, named after the protocol:
 *
 *   checkExistingBlob  HEAD  /v2/<name>/blobs/<digest>
 *   mountBlob          POST  /v2/<name>/blobs/uploads/?mount=<digest>&from=<other>
 *   initiateUpload     POST  /v2/<name>/blobs/uploads/
 *   openBlob           GET   /v2/<name>/blobs/<digest>      (redirects followed, digest verified while read)
 *   commitBlob         PUT   <location>?digest=<digest>     (the whole blob streamed in one request)
 *   uploadChunks       PATCH <location> per chunk, then PUT (for registries that refuse one big PUT)
 *
 * Nothing is written to disk and no blob is held in memory whole: a copy pipes
 * the source's GET response through a verifier into the destination's PUT.
 */




/** The bytes received do not match the descriptor: nothing may be committed. */
class BlobMismatchError extends RegistryError {
    name = 'BlobMismatchError';
}
async function checkExistingBlob(repo, digest) {
    const res = await repo.session.request({
        method: 'HEAD',
        path: `/v2/${repo.path}/blobs/${digest}`,
        scopes: repo.scopes,
    });
    await res.drain();
    if (res.status === 200)
        return true;
    if (res.status === 404)
        return false;
    throw await unexpected(res, `checking blob ${digest} in ${repositoryLabel(repo)}`, repo);
}
function uploadLocation(repo, location, what) {
    if (!location)
        throw new RegistryError(`${what}: registry ${repo.session.name} gave no upload location`);
    return new URL(location, repo.session.base);
}
/**
 * Asks the registry to link a blob from another repository. When it cannot (no
 * access to `from`, blob unknown there) it opens an ordinary upload instead,
 * which the caller can use at once.
 */
async function mountBlob(repo, digest, from) {
    const query = new URLSearchParams({ mount: digest, from });
    let res;
    try {
        res = await repo.session.request({
            method: 'POST',
            path: `/v2/${repo.path}/blobs/uploads/?${query}`,
            scopes: repo.scopes,
        });
    }
    catch (err) {
        // A token without pull on `from` is refused outright by some registries: upload instead.
        if (err instanceof RegistryError && err.status === 401)
            return { mounted: false, location: await initiateUpload(repo) };
        throw err;
    }
    if (res.status === 201) {
        await res.drain();
        return { mounted: true };
    }
    if (res.status === 202) {
        await res.drain();
        return { mounted: false, location: uploadLocation(repo, res.header('location'), `mounting ${digest}`) };
    }
    throw await unexpected(res, `mounting blob ${digest} into ${repositoryLabel(repo)}`, repo);
}
async function initiateUpload(repo) {
    const res = await repo.session.request({
        method: 'POST',
        path: `/v2/${repo.path}/blobs/uploads/`,
        scopes: repo.scopes,
    });
    if (res.status !== 202)
        throw await unexpected(res, `starting an upload to ${repositoryLabel(repo)}`, repo);
    await res.drain();
    return uploadLocation(repo, res.header('location'), `starting an upload to ${repositoryLabel(repo)}`);
}
/** Passes bytes through, failing the stream when they are more than, fewer than, or other than the descriptor says. */
function verifier(desc, where, onBytes) {
    const algorithm = desc.digest.slice(0, desc.digest.indexOf(':'));
    const hash = (0,external_node_crypto_.createHash)(algorithm === 'sha512' ? 'sha512' : algorithm === 'sha384' ? 'sha384' : 'sha256');
    let seen = 0;
    return new external_node_stream_.Transform({
        // Fewer, larger chunks on the way from the source socket to the target socket.
        highWaterMark: 1024 * 1024,
        transform(chunk, _enc, done) {
            seen += chunk.length;
            if (seen > desc.size)
                return done(new BlobMismatchError(`${where}: blob ${desc.digest} is longer than its ${desc.size} bytes`));
            hash.update(chunk);
            onBytes?.(seen);
            done(null, chunk);
        },
        flush(done) {
            const got = `${algorithm}:${hash.digest('hex')}`;
            if (seen !== desc.size)
                return done(new BlobMismatchError(`${where}: blob ${desc.digest} ended after ${seen} of ${desc.size} bytes`));
            if (got !== desc.digest)
                return done(new BlobMismatchError(`${where}: blob ${desc.digest} arrived with digest ${got}`));
            done();
        },
    });
}
/** The blob's bytes as a stream that fails unless they match the descriptor; `onBytes` hears how many have passed. */
async function openBlob(repo, desc, onBytes) {
    const res = await repo.session.request({
        method: 'GET',
        path: `/v2/${repo.path}/blobs/${desc.digest}`,
        scopes: repo.scopes,
    });
    if (res.status === 404) {
        await res.drain();
        throw new RegistryError(`blob ${desc.digest} is missing from ${repositoryLabel(repo)} (HTTP 404)`, 404);
    }
    if (res.status !== 200)
        throw await unexpected(res, `reading blob ${desc.digest} from ${repositoryLabel(repo)}`, repo);
    const check = verifier(desc, `reading ${repositoryLabel(repo)}`, onBytes);
    // Errors reach the consumer through `check`; a consumer that gives up destroys it, which frees the source.
    // A dropped source connection surfaces in the upload it feeds: it must name the source's host.
    res.body.once('error', (err) => (err.host ??= res.url.host));
    (0,external_node_stream_.pipeline)(res.body, check, () => { });
    return check;
}
function withDigest(location, digest) {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url;
}
/** Streams the whole blob into the upload in one PUT. */
async function commitBlob(repo, location, desc, body) {
    let res;
    try {
        res = await repo.session.request({
            method: 'PUT',
            path: withDigest(location, desc.digest),
            scopes: repo.scopes,
            headers: { 'content-type': 'application/octet-stream', 'content-length': desc.size },
            body,
        });
    }
    catch (err) {
        body.destroy();
        throw err;
    }
    if (res.status !== 201) {
        body.destroy();
        throw await unexpected(res, `uploading blob ${desc.digest} to ${repositoryLabel(repo)}`, repo);
    }
    await res.drain();
}
/** PATCHes the blob in chunks of at most `chunkSize` bytes (each can be retried), then commits. */
async function uploadChunks(repo, location, desc, body, chunkSize) {
    let url = location;
    let offset = 0;
    const send = async (chunk) => {
        const res = await repo.session.request({
            method: 'PATCH',
            path: url,
            scopes: repo.scopes,
            headers: {
                'content-type': 'application/octet-stream',
                'content-range': `${offset}-${offset + chunk.length - 1}`,
            },
            body: chunk,
        });
        if (res.status !== 202)
            throw await unexpected(res, `uploading part of blob ${desc.digest} to ${repositoryLabel(repo)}`, repo);
        await res.drain();
        url = uploadLocation(repo, res.header('location') ?? url.href, 'uploading a chunk');
        offset += chunk.length;
    };
    try {
        let parts = [];
        let pending = 0;
        for await (const piece of body) {
            let rest = piece;
            while (pending + rest.length >= chunkSize) {
                const take = chunkSize - pending;
                parts.push(rest.subarray(0, take));
                rest = rest.subarray(take);
                await send(Buffer.concat(parts));
                parts = [];
                pending = 0;
            }
            if (rest.length) {
                parts.push(rest);
                pending += rest.length;
            }
        }
        if (pending)
            await send(Buffer.concat(parts));
    }
    catch (err) {
        body.destroy();
        throw err;
    }
    const res = await repo.session.request({ method: 'PUT', path: withDigest(url, desc.digest), scopes: repo.scopes });
    if (res.status !== 201)
        throw await unexpected(res, `finishing the upload of blob ${desc.digest} to ${repositoryLabel(repo)}`, repo);
    await res.drain();
}

;// CONCATENATED MODULE: ./src/registry/image-config.ts
/** An image's config blob (small: read whole, digest checked): its platform, labels and creation time. */



const MAX_CONFIG = 8 * 1024 * 1024;
/** The config's JSON as stored (`os`, `architecture`, `created`, `config.Labels`…). */
async function readImageConfig(repo, manifest) {
    const config = manifest.json.config;
    if (!config?.digest || typeof config.size !== 'number') {
        throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest} has no image config`);
    }
    if (config.size > MAX_CONFIG)
        throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest}: image config of ${config.size} bytes is too large`);
    const stream = await openBlob(repo, { mediaType: config.mediaType ?? '', digest: config.digest, size: config.size });
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(chunk);
    try {
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (json && typeof json === 'object' && !Array.isArray(json))
            return json;
    }
    catch {
        // reported below
    }
    throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest}: the image config is not a JSON object`);
}
/** The platform a config names, or undefined when it names none (an artifact). */
function configPlatform(json) {
    const { os, architecture, variant } = json;
    if (typeof os !== 'string' || typeof architecture !== 'string')
        return undefined;
    const platform = { os, architecture };
    if (typeof variant === 'string' && variant)
        platform.variant = variant;
    if (typeof json['os.version'] === 'string' && json['os.version'])
        platform['os.version'] = json['os.version'];
    return platform;
}
async function readImagePlatform(repo, manifest) {
    const platform = configPlatform(await readImageConfig(repo, manifest));
    if (!platform)
        throw new RegistryError(`${repositoryLabel(repo)}@${manifest.digest}: the image config names no os and architecture`);
    return platform;
}

;// CONCATENATED MODULE: ./src/registry/attached.ts
/**
 * What cosign and the OCI referrers tag schema store next to an image, found by tag name:
 *   sha256-<hex>.sig / .att / .sbom   cosign's signature, attestation, SBOM of sha256:<hex>
 *   sha256-<hex>                      the referrers tag schema's index (registries without the referrers API)
 * These tags are not images of their own.
 */
const ATTACHED_TAG = /^(sha256|sha512)-([0-9a-f]{64}|[0-9a-f]{128})(?:\.(sig|att|sbom))?$/;
const KINDS = { sig: 'signature', att: 'attestation', sbom: 'sbom' };
/** The digest a tag is attached to and its kind, or undefined for an ordinary tag. */
function attachedTag(tag) {
    const m = ATTACHED_TAG.exec(tag);
    if (!m)
        return undefined;
    return { digest: `${m[1]}:${m[2]}`, kind: m[3] ? KINDS[m[3]] : 'referrers' };
}
/** The tags attached to `digest` among `tags`, by the schemas above. */
function attachedTags(tags, digest) {
    const out = [];
    for (const tag of tags)
        if (attachedTag(tag)?.digest === digest)
            out.push(tag);
    return out;
}
/** The tag name the referrers tag schema gives `digest`. */
const referrersTag = (digest) => digest.replace(':', '-');

;// CONCATENATED MODULE: ./src/registry/media.ts
/**
 * What manifests are made of: media types, descriptors, platforms, and reading
 * a manifest's JSON just enough to find its children (index) or blobs (image).
 * The bytes themselves are never re-serialised: digests must not change.
 */


const MEDIA = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
};
/** All four, so that Distribution 2.8 neither refuses (OCI) nor rewrites to schema1. */
const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest].join(', ');
const isIndexType = (t) => t === MEDIA.ociIndex || t === MEDIA.dockerList;
function sha256(data) {
    return 'sha256:' + (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/** Reads manifest bytes; the media type comes from the registry, else from the document. */
function parseManifest(bytes, contentType, where) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* UserError */.yo(`${where}: the manifest is not valid JSON`);
    }
    const declared = typeof json.mediaType === 'string' ? json.mediaType : undefined;
    const header = contentType?.split(';')[0].trim();
    const known = (t) => t && Object.values(MEDIA).includes(t);
    const mediaType = known(header)
        ? header
        : known(declared)
            ? declared
            : Array.isArray(json.manifests)
                ? MEDIA.ociIndex
                : MEDIA.ociManifest;
    if (json.schemaVersion === 1)
        throw new errors/* UserError */.yo(`${where} is a Docker schema 1 manifest, which regkit does not copy; push it again with a current Docker`);
    const descriptors = (v) => (Array.isArray(v) ? v : []);
    const children = isIndexType(mediaType) ? descriptors(json.manifests) : [];
    const blobs = isIndexType(mediaType)
        ? []
        : [...(json.config ? [json.config] : []), ...descriptors(json.layers)];
    for (const d of [...children, ...blobs]) {
        if (typeof d?.digest !== 'string' || typeof d.size !== 'number')
            throw new errors/* UserError */.yo(`${where}: the manifest has a descriptor without digest or size`);
    }
    return { bytes, mediaType, digest: sha256(bytes), children, blobs, json };
}
/** linux/arm64/v8 → { os, architecture, variant }. */
function parsePlatform(text) {
    const [os, architecture, variant, ...rest] = text.trim().split('/');
    if (!os || !architecture || rest.length)
        throw new errors/* UserError */.yo(`platform "${text}" is not os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
    return variant ? { os, architecture, variant } : { os, architecture };
}
function formatPlatform(p) {
    if (!p)
        return 'unknown';
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
// arm64 images usually say v8 or nothing; treat those as the same, as containerd does.
const normalVariant = (p) => (p.architecture === 'arm64' && p.variant === 'v8' ? undefined : p.variant);
/** Whether an image of platform `have` is what `want` asks for (a missing variant matches any). */
function platformMatches(have, want) {
    if (!have || have.os !== want.os || have.architecture !== want.architecture)
        return false;
    return want.variant === undefined || normalVariant(have) === normalVariant(want);
}
/** Attestations and other entries of an index that are not runnable images. */
function isAttestation(d) {
    return (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown'));
}

;// CONCATENATED MODULE: ./src/registry/manifests.ts
/**
 * Manifest steps of the distribution API: HEAD and GET with all four Accept
 * types, PUT with the exact bytes and their media type.
 */



const path = (repo, reference) => `/v2/${repo.path}/manifests/${reference}`;
const isDigest = (reference) => reference.includes(':');
const label = (repo, reference) => `${repositoryLabel(repo)}${isDigest(reference) ? '@' : ':'}${reference}`;
/** What a tag or digest points to, or undefined when the registry does not have it. */
async function headManifest(repo, reference) {
    const res = await repo.session.request({
        method: 'HEAD',
        path: path(repo, reference),
        scopes: repo.scopes,
        headers: { accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) {
        await res.drain();
        return undefined;
    }
    if (res.status !== 200)
        throw await unexpected(res, `checking ${label(repo, reference)}`, repo);
    await res.drain();
    const digest = res.header('docker-content-digest') ?? (isDigest(reference) ? reference : undefined);
    // Without the digest header a HEAD cannot tell whether the content is the same.
    if (!digest)
        return undefined;
    const size = Number(res.header('content-length'));
    return { digest, mediaType: res.header('content-type'), size: Number.isFinite(size) ? size : undefined };
}
/** The manifest's exact bytes; a digest reference is checked against the bytes received. */
async function getManifest(repo, reference) {
    const res = await repo.session.request({
        method: 'GET',
        path: path(repo, reference),
        scopes: repo.scopes,
        headers: { accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) {
        await res.drain();
        throw new RegistryError(`image ${label(repo, reference)} not found (HTTP 404); check the name and ${isDigest(reference) ? 'digest' : 'tag'}`, 404);
    }
    if (res.status !== 200)
        throw await unexpected(res, `reading ${label(repo, reference)}`, repo);
    const bytes = await res.buffer(4 * 1024 * 1024 + 1);
    if (isDigest(reference) && sha256(bytes) !== reference) {
        throw new RegistryError(`registry ${repo.session.name} sent a manifest for ${label(repo, reference)} whose digest is ${sha256(bytes)}`);
    }
    return parseManifest(bytes, res.header('content-type'), label(repo, reference));
}
/** Stores the manifest under a tag or its digest, byte for byte. */
async function putManifest(repo, reference, manifest) {
    const res = await repo.session.request({
        method: 'PUT',
        path: path(repo, reference),
        scopes: repo.scopes,
        headers: { 'content-type': manifest.mediaType },
        body: manifest.bytes,
    });
    if (res.status !== 201 && res.status !== 200)
        throw await unexpected(res, `writing ${label(repo, reference)}`, repo);
    await res.drain();
    const stored = res.header('docker-content-digest');
    if (stored && stored !== manifest.digest) {
        throw new RegistryError(`registry ${repo.session.name} stored ${label(repo, reference)} as ${stored}, not ${manifest.digest}`);
    }
}

;// CONCATENATED MODULE: ./src/registry/listing.ts
/**
 * Listing steps of the distribution API, with their `Link: <…>; rel="next"` pages:
 *
 *   listCatalog  GET /v2/_catalog?n=…            (repositories; many registries refuse it)
 *   listTags     GET /v2/<name>/tags/list?n=…
 *   listReferrers GET /v2/<name>/referrers/<digest>   (OCI 1.1; undefined where the registry lacks it)
 */



const CATALOG_SCOPE = 'registry:catalog:*';
const PAGE = 1000;
/** A registry that pages forever is stopped here. */
const MAX_PAGES = 1000;
function nextPage(res, current) {
    const link = res.header('link');
    const m = link && /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
    if (!m)
        return undefined;
    const next = new URL(m[1], current);
    // A next page elsewhere would take our credentials with it: stay on the registry.
    return next.origin === current.origin ? next : undefined;
}
/** Every page's names; undefined when the first page answers one of the `absent` statuses. */
async function pages(repo, first, read, what, absent) {
    const { session, scopes } = repo;
    const out = [];
    let url = new URL(first, session.base);
    for (let i = 0; url && i < MAX_PAGES; i++) {
        const res = await session.request({ method: 'GET', path: url, scopes });
        if (i === 0 && absent.includes(res.status)) {
            await res.drain();
            return undefined;
        }
        if (res.status !== 200)
            throw await unexpected(res, what, repo);
        out.push(...read(await res.json()));
        url = nextPage(res, url);
    }
    return out;
}
/** Every repository the registry names in its catalog; undefined when it offers none (or not to us). */
async function listCatalog(session) {
    const pseudo = { session, path: '_catalog', scopes: [CATALOG_SCOPE] };
    try {
        return await pages(pseudo, `/v2/_catalog?n=${PAGE}`, (b) => b.repositories ?? [], `listing the repositories of ${session.name}`, [401, 403, 404]);
    }
    catch (err) {
        // A token server that will not grant the catalog scope: the same as no catalog.
        if (err instanceof RegistryError && (err.status === 401 || err.status === 403))
            return undefined;
        throw err;
    }
}
/** The repository's tags; [] when the repository does not exist. */
async function listTags(repo) {
    const tags = await pages(repo, `/v2/${repo.path}/tags/list?n=${PAGE}`, (b) => b.tags ?? [], `listing the tags of ${repositoryLabel(repo)}`, [404]);
    return tags ?? [];
}
/** What the registry lists as referring to `digest`; undefined when it has no referrers API. */
async function listReferrers(repo, digest) {
    const res = await repo.session.request({
        method: 'GET',
        path: `/v2/${repo.path}/referrers/${digest}`,
        scopes: repo.scopes,
        headers: { accept: MEDIA.ociIndex },
    });
    if (res.status === 404 || res.status === 405 || res.status === 400) {
        await res.drain();
        return undefined;
    }
    if (res.status !== 200)
        throw await unexpected(res, `listing what refers to ${repositoryLabel(repo)}@${digest}`, repo);
    const type = res.header('content-type') ?? '';
    const body = await res.json();
    // Some registries answer unknown paths with 200 and something else entirely.
    if (!type.startsWith(MEDIA.ociIndex) || !Array.isArray(body.manifests))
        return undefined;
    return body.manifests;
}

;// CONCATENATED MODULE: ./src/registry/attachments.ts
/**
 * Carrying what is attached to an image along with it: cosign's sidecar tags
 * (sha256-<hex>.sig / .att / .sbom) and OCI 1.1 referrers (signatures,
 * attestations, SBOMs whose manifest names the image as its `subject`).
 *
 * Reading: the source's tag list (one request) finds the sidecar tags and the
 * referrers tag schema's index (sha256-<hex>); the referrers API, where the
 * source has it, is asked per digest instead of that index. Writing: sidecars
 * under the same tag; referrers by digest, and where the target has no
 * referrers API, merged into its tag-schema index so that clients find them.
 */





/** One line for logs and summaries: "signature (sha256-ab….sig)", "referrer application/vnd.…". */
function describeAttachment(a) {
    if (a.tag)
        return `${a.kind} ${a.tag.length > 24 ? `${a.tag.slice(0, 19)}…${a.tag.slice(a.tag.lastIndexOf('.'))}` : a.tag}`;
    return `referrer ${a.artifactType ?? a.digest.slice(0, 19)}`;
}
/** Everything attached to `subjects` in `source`. */
async function findAttachments(source, subjects) {
    const wanted = new Set(subjects);
    const [tags, apiReferrers] = await Promise.all([listTags(source), listReferrers(source, subjects[0])]);
    const manifests = new Map();
    const attachments = [];
    const viaTag = tags.map((tag) => ({ tag, a: attachedTag(tag) })).filter((t) => t.a && wanted.has(t.a.digest));
    await Promise.all(viaTag.map(async ({ tag, a }) => {
        if (a.kind === 'referrers' && apiReferrers)
            return; // the API is the source of truth where it exists
        const m = await getManifest(source, tag);
        if (a.kind === 'referrers') {
            for (const d of m.children)
                attachments.push({ subject: a.digest, kind: 'referrer', digest: d.digest, artifactType: d.artifactType });
        }
        else {
            manifests.set(m.digest, m);
            attachments.push({ subject: a.digest, kind: a.kind, digest: m.digest, tag });
        }
    }));
    if (apiReferrers) {
        const rest = await Promise.all(subjects.slice(1).map((s) => listReferrers(source, s)));
        [apiReferrers, ...rest].forEach((list, i) => {
            for (const d of list ?? [])
                attachments.push({ subject: subjects[i], kind: 'referrer', digest: d.digest, artifactType: d.artifactType });
        });
    }
    attachments.sort((x, y) => (x.tag ?? x.digest).localeCompare(y.tag ?? y.digest));
    return { attachments, manifests };
}
/** Writes `found` into the transfer's target; returns what was written or found already there. */
async function carryAttachments(transfer, found) {
    const { source, target } = transfer;
    const carried = [];
    const referrers = found.attachments.filter((a) => a.kind === 'referrer');
    await Promise.all(found.attachments
        .filter((a) => a.tag)
        .map(async (a) => {
        const there = await headManifest(target, a.tag);
        carried.push(a);
        if (there?.digest === a.digest)
            return;
        const m = found.manifests.get(a.digest) ?? (await getManifest(source, a.digest));
        await transfer.ensureContent(m);
        await putManifest(target, a.tag, m);
        transfer.ctx.stats.manifestsWritten++;
    }));
    if (!referrers.length)
        return carried;
    for (const a of referrers) {
        await transfer.ensureManifest({ mediaType: MEDIA.ociManifest, digest: a.digest, size: 0 });
        carried.push(a);
    }
    // A target with the referrers API has indexed them on PUT; else keep its tag-schema index up to date.
    const bySubject = new Map();
    for (const a of referrers)
        bySubject.set(a.subject, [...(bySubject.get(a.subject) ?? []), a]);
    for (const [subject, list] of bySubject) {
        if ((await listReferrers(target, subject)) !== undefined)
            continue;
        await mergeReferrersIndex(transfer, subject, list);
    }
    return carried;
}
async function mergeReferrersIndex(transfer, subject, list) {
    const { source, target } = transfer;
    const tag = referrersTag(subject);
    let existing = [];
    try {
        existing = (await getManifest(target, tag)).children;
    }
    catch (err) {
        if (!(err instanceof RegistryError && err.status === 404))
            throw err;
    }
    const have = new Set(existing.map((d) => d.digest));
    const added = [];
    for (const a of list) {
        if (have.has(a.digest))
            continue;
        const m = await getManifest(source, a.digest);
        added.push({
            mediaType: m.mediaType,
            digest: m.digest,
            size: m.bytes.length,
            ...(a.artifactType ? { artifactType: a.artifactType } : {}),
        });
    }
    if (!added.length)
        return;
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: [...existing, ...added] }));
    await putManifest(target, tag, parseManifest(bytes, MEDIA.ociIndex, `${target.path}:${tag}`));
    transfer.ctx.stats.manifestsWritten++;
}

;// CONCATENATED MODULE: ./src/registry/transfer.ts
/**
 * Moving content from one source repository into one target repository:
 * children before parents, each blob skipped when present, mounted when the
 * source is on the same registry, else streamed GET → PUT. Every blob is retried
 * on its own (starting that blob over), so one failed transfer does not repeat
 * the others. Tags are not written here: the caller tags only once everything
 * below the tag is in place.
 */





function emptyStats() {
    return {
        blobsCopied: 0,
        bytesCopied: 0,
        blobsMounted: 0,
        bytesMounted: 0,
        blobsSkipped: 0,
        bytesSkipped: 0,
        manifestsWritten: 0,
    };
}
function targetContext(opts = {}, stats = emptyStats()) {
    return { stats, blobs: new Map(), manifests: new Map(), limit: limiter(opts.parallel ?? 4), opts };
}
const transfer_RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const transfer_RETRY_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
/** Registries that refuse one large PUT answer with these; chunks may pass. */
const CHUNK_FALLBACK_STATUS = new Set([413, 405, 501]);
function retriable(err) {
    if (err instanceof StaleTokenError || err instanceof BlobMismatchError)
        return true;
    if (err instanceof RegistryError)
        return err.status !== undefined && transfer_RETRY_STATUS.has(err.status);
    return transfer_RETRY_CODES.has(err?.code ?? '');
}
/** Foreign (non-distributable) layers live outside registries and are not copied, as Docker does. */
const distributable = (d) => !/foreign|nondistributable/.test(d.mediaType) || !d.urls?.length;
function sameRegistry(a, b) {
    return a.session.base.origin === b.session.base.origin;
}
function sameRepository(a, b) {
    return sameRegistry(a, b) && a.path === b.path;
}
class Transfer {
    source;
    target;
    ctx;
    constructor(source, target, ctx) {
        this.source = source;
        this.target = target;
        this.ctx = ctx;
    }
    /** Puts a manifest named by descriptor (and all below it) into the target, untagged. */
    ensureManifest(desc, known) {
        if (sameRepository(this.source, this.target))
            return Promise.resolve();
        let work = this.ctx.manifests.get(desc.digest);
        if (!work) {
            work = (async () => {
                // HEAD at the target and GET at the source at once; the GET is wasted only when the target has it.
                const [head, got] = await Promise.allSettled([
                    headManifest(this.target, desc.digest),
                    known ?? getManifest(this.source, desc.digest),
                ]);
                if (head.status === 'rejected')
                    throw head.reason;
                if (head.value)
                    return;
                if (got.status === 'rejected')
                    throw got.reason;
                const manifest = got.value;
                await this.ensureContent(manifest);
                await putManifest(this.target, manifest.digest, manifest);
                this.ctx.stats.manifestsWritten++;
            })();
            this.ctx.manifests.set(desc.digest, work);
        }
        return work;
    }
    /** Everything a manifest points to: its children (index) or its blobs (image). */
    async ensureContent(manifest) {
        if (sameRepository(this.source, this.target))
            return;
        if (isIndexType(manifest.mediaType))
            await allSettledOrThrow(manifest.children.map((c) => this.ensureManifest(c)));
        else
            await allSettledOrThrow(manifest.blobs.filter(distributable).map((b) => this.ensureBlob(b)));
    }
    ensureBlob(desc) {
        let work = this.ctx.blobs.get(desc.digest);
        if (!work) {
            // Mounts send no bytes: only the transport's per-host limit holds them back. Copies
            // wait for one of the `parallel` places, largest first.
            work = sameRegistry(this.source, this.target)
                ? this.blobWithRetries(desc)
                : this.ctx.limit(() => this.blobWithRetries(desc), desc.size);
            this.ctx.blobs.set(desc.digest, work);
        }
        return work;
    }
    async blobWithRetries(desc) {
        const attempts = this.ctx.opts.blobAttempts ?? 3;
        for (let attempt = 1;; attempt++) {
            try {
                return await this.moveBlob(desc);
            }
            catch (err) {
                if (attempt >= attempts || !retriable(err))
                    throw err;
                await sleep((this.ctx.opts.retryBaseMs ?? 500) * 2 ** (attempt - 1));
            }
        }
    }
    async moveBlob(desc) {
        const { stats } = this.ctx;
        if (sameRegistry(this.source, this.target)) {
            // A mount answers for blobs already in the target too, so no HEAD is needed first.
            const mount = await mountBlob(this.mountingTarget(), desc.digest, this.source.path);
            if (mount.mounted) {
                stats.blobsMounted++;
                stats.bytesMounted += desc.size;
                this.tell(desc, 'mounted', 0);
                return;
            }
            await this.ctx.limit(() => this.stream(desc, mount.location), desc.size);
        }
        else {
            // HEAD, the upload POST and the source GET at once: one round trip instead of three.
            // When the target has the blob, the GET is closed unread and the empty upload is left
            // for the registry to purge (cancelling it would need delete rights and another token).
            const [exists, upload, body] = await Promise.allSettled([
                checkExistingBlob(this.target, desc.digest),
                initiateUpload(this.target),
                this.open(desc),
            ]);
            const present = exists.status === 'fulfilled' && exists.value;
            const failed = [exists, upload, body].find((r) => r.status === 'rejected');
            if ((present || failed) && body.status === 'fulfilled')
                body.value.destroy();
            if (present) {
                stats.blobsSkipped++;
                stats.bytesSkipped += desc.size;
                this.tell(desc, 'skipped', 0);
                return;
            }
            if (failed)
                throw failed.reason;
            await this.stream(desc, upload.value, body.value);
        }
        stats.blobsCopied++;
        stats.bytesCopied += desc.size;
        this.tell(desc, 'copied', desc.size);
    }
    tell(desc, state, sent) {
        this.ctx.opts.onBlob?.({ digest: desc.digest, size: desc.size, state, sent });
    }
    /** Opens the blob at the source, telling `onBlob` as its bytes pass. */
    open(desc) {
        if (!this.ctx.opts.onBlob)
            return openBlob(this.source, desc);
        let started = false;
        return openBlob(this.source, desc, (sent) => {
            if (!started) {
                started = true;
                this.tell(desc, 'start', 0);
            }
            this.tell(desc, 'bytes', sent);
        });
    }
    /** The target with pull on the source in its scopes (usually there already: then the same token). */
    mountingTarget() {
        const scope = pullScope(this.source.path);
        const { scopes } = this.target;
        return scopes.includes(scope) ? this.target : { ...this.target, scopes: [...scopes, scope] };
    }
    async stream(desc, location, opened) {
        const body = opened ?? (await this.open(desc));
        const chunkSize = this.ctx.opts.chunkSize;
        if (chunkSize)
            return uploadChunks(this.target, location, desc, body, chunkSize);
        try {
            await commitBlob(this.target, location, desc, body);
        }
        catch (err) {
            if (!(err instanceof RegistryError && err.status !== undefined && CHUNK_FALLBACK_STATUS.has(err.status)))
                throw err;
            const fresh = await initiateUpload(this.target);
            await uploadChunks(this.target, fresh, desc, await openBlob(this.source, desc), 8 * 1024 * 1024);
        }
    }
}

;// CONCATENATED MODULE: ./src/registry/copy.ts
/**
 * Copying an image (a whole index by default, or chosen platforms) from a
 * source reference to tags in one or more target repositories.
 *
 *   const result = await copyImage({ source, reference: '1.2.3', targets: [{ repo, tags: ['prod'] }] });
 *   result.digest, result.platforms, result.stats (bytes copied / mounted / skipped)
 *
 * Request budget: each target tag is HEADed first and left alone when it already
 * points at the digest (a repeat copy costs that one request per tag, plus the
 * source manifest GET when the source is a tag). A retag within one repository
 * is one manifest GET and one PUT. Tags are written last, after every child
 * and blob is in place, so a failed copy never leaves a tag on a partial image.
 */







const copy_isDigest = (reference) => reference.includes(':');
function platformsOf(manifest, wanted) {
    if (isIndexType(manifest.mediaType))
        return manifest.children.filter((c) => !isAttestation(c)).map((c) => formatPlatform(c.platform));
    return wanted?.length === 1 ? [formatPlatform(wanted[0])] : [];
}
/** The manifest to copy when only some platforms are wanted. */
async function selectPlatforms(source, reference, manifest, wanted) {
    const where = `${repositoryLabel(source)}${copy_isDigest(reference) ? '@' : ':'}${reference}`;
    if (!isIndexType(manifest.mediaType)) {
        const platform = await readImagePlatform(source, manifest);
        if (!wanted.some((w) => platformMatches(platform, w))) {
            throw new errors/* UserError */.yo(`${where} is a single-platform image for ${formatPlatform(platform)}, not ${wanted.map(formatPlatform).join(', ')}`);
        }
        return manifest;
    }
    const images = manifest.children.filter((c) => !isAttestation(c));
    const chosen = images.filter((c) => wanted.some((w) => platformMatches(c.platform, w)));
    for (const w of wanted) {
        if (!chosen.some((c) => platformMatches(c.platform, w))) {
            throw new errors/* UserError */.yo(`${where} has no ${formatPlatform(w)} image (it has ${images.map((c) => formatPlatform(c.platform)).join(', ')})`);
        }
    }
    if (wanted.length === 1)
        return getManifest(source, chosen[0].digest);
    // Several platforms: a new index listing only them (so a new digest).
    const json = { ...manifest.json, manifests: chosen };
    return parseManifest(Buffer.from(JSON.stringify(json)), manifest.mediaType, where);
}
async function copyImage(req, opts = {}) {
    const { source, reference } = req;
    const wanted = opts.platforms?.length ? opts.platforms : undefined;
    // The tags' HEADs do not depend on the source: they go out together with the source GET.
    const sourceWork = !copy_isDigest(reference) || wanted
        ? getManifest(source, reference).then((m) => (wanted ? selectPlatforms(source, reference, m, wanted) : m))
        : Promise.resolve(undefined);
    const heads = req.targets.map((t) => t.tags.map((tag) => (sameRepository(source, t.repo) ? Promise.resolve(undefined) : headManifest(t.repo, tag))));
    const [fromSource, ...fromHeads] = await Promise.allSettled([sourceWork, ...heads.flat()]);
    if (fromSource.status === 'rejected')
        throw fromSource.reason;
    const failedHead = fromHeads.find((h) => h.status === 'rejected');
    if (failedHead)
        throw failedHead.reason;
    let top = fromSource.value;
    const digest = top?.digest ?? reference;
    const current = fromHeads.map((h) => h.value);
    const stats = emptyStats();
    const transfers = new Map();
    const transferTo = (t) => transfers.get(t) ?? transfers.set(t, new Transfer(source, t.repo, targetContext(opts, stats))).get(t);
    const refs = [];
    const upToDate = [];
    let k = 0;
    for (const target of req.targets) {
        const label = repositoryLabel(target.repo);
        const stale = [];
        const found = target.tags.map(() => current[k++]);
        // No tags: stored by digest only, which can be checked only now that the digest is known.
        const tags = target.tags.length ? target.tags : [digest];
        if (!target.tags.length)
            found.push(sameRepository(source, target.repo) ? undefined : await headManifest(target.repo, digest));
        tags.forEach((tag, i) => {
            // Within one repository a PUT is as cheap as a HEAD and always right: retag is GET + PUT.
            if (found[i]?.digest === digest)
                upToDate.push(`${label}:${tag}`);
            else
                stale.push(tag);
            refs.push(copy_isDigest(tag) ? `${label}@${tag}` : `${label}:${tag}`);
        });
        if (!stale.length)
            continue;
        top ??= await getManifest(source, digest);
        await transferTo(target).ensureContent(top);
        for (const tag of stale) {
            await putManifest(target.repo, tag, top);
            stats.manifestsWritten++;
        }
    }
    // Attachments go last: they name the image, which is complete and tagged by now.
    let attached = [];
    const elsewhere = req.targets.filter((t) => !sameRepository(source, t.repo));
    if (opts.attachments && elsewhere.length) {
        const subjects = [digest, ...(top && isIndexType(top.mediaType) ? top.children.map((c) => c.digest) : [])];
        const found = await findAttachments(source, subjects);
        attached = found.attachments;
        if (attached.length)
            for (const t of elsewhere)
                await carryAttachments(transferTo(t), found);
    }
    return {
        digest,
        mediaType: top?.mediaType ?? '',
        platforms: top ? platformsOf(top, wanted) : [],
        refs,
        upToDate,
        stats,
        attached,
    };
}

;// CONCATENATED MODULE: ./src/registry/merge.ts
/**
 * Merging per-platform images (one per runner of a multi-platform build) into
 * one index: each image's platform is read from its config, each image is put
 * into the target repository (mounted when it lives elsewhere on the same
 * registry), then the index is written under the tags.
 *
 *   await mergeImages([{ repo: amd64Repo, reference: 'sha256:…' }, …], target, ['1.0'])
 */








async function entriesOf(source) {
    const manifest = await getManifest(source.repo, source.reference);
    if (isIndexType(manifest.mediaType))
        return manifest.children.map((desc) => ({ source, desc }));
    const platform = await readImagePlatform(source.repo, manifest);
    return [
        {
            source,
            manifest,
            desc: { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length, platform },
        },
    ];
}
/** A Docker manifest list when every entry is a Docker manifest, else an OCI index. */
function buildIndex(descs) {
    const docker = descs.every((d) => d.mediaType === MEDIA.dockerManifest);
    const mediaType = docker ? MEDIA.dockerList : MEDIA.ociIndex;
    const manifests = descs.map(({ mediaType, digest, size, platform, annotations }) => ({
        mediaType,
        digest,
        size,
        ...(platform ? { platform } : {}),
        ...(annotations ? { annotations } : {}),
    }));
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }, null, 2));
    return parseManifest(bytes, mediaType, 'merged index');
}
/**
 * When the platforms asked for are given, the images must be for exactly those: a
 * runner that built its own platform instead of the one asked for (or two images
 * of one platform) must not give an index that names a platform twice or misses one.
 */
function checkPlatforms(entries, want) {
    const images = entries.filter((e) => !isAttestation(e.desc));
    const have = images.map((e) => formatPlatform(e.desc.platform)).join(', ');
    const missing = want.filter((w) => !images.some((e) => platformMatches(e.desc.platform, w)));
    const extra = images.filter((e) => !want.some((w) => platformMatches(e.desc.platform, w)));
    if (missing.length || extra.length || images.length !== want.length) {
        const asked = want.map(formatPlatform).join(', ');
        throw new errors/* UserError */.yo(`platforms: asked for ${asked}, but the images are for ${have} — build each image for its platform (the build's platforms), one image per platform`);
    }
}
async function mergeImages(sources, into, tags, opts = {}) {
    if (sources.length === 0)
        throw new errors/* UserError */.yo('merge needs at least one source image');
    // One token for the whole merge: pull on every source on the target's registry, push on the target.
    const pulls = sources
        .filter((s) => sameRegistry(s.repo, into) && s.repo.path !== into.path)
        .map((s) => pullScope(s.repo.path));
    const target = { ...into, scopes: [...new Set([...into.scopes, ...pulls])] };
    const shared = sources.map((s) => s.repo.session === target.session ? { ...s, repo: { ...s.repo, scopes: target.scopes } } : s);
    const entries = (await allSettledOrThrow(shared.map(entriesOf))).flat();
    const seen = new Map();
    for (const e of entries) {
        if (isAttestation(e.desc))
            continue;
        const platform = formatPlatform(e.desc.platform);
        const where = `${repositoryLabel(e.source.repo)}@${e.desc.digest}`;
        const other = seen.get(platform);
        if (other && other !== e.desc.digest)
            throw new errors/* UserError */.yo(`two source images are for ${platform}: ${other} and ${where}; give one image per platform`);
        seen.set(platform, where);
    }
    if (opts.platforms?.length)
        checkPlatforms(entries, opts.platforms);
    const stats = emptyStats();
    const ctx = targetContext(opts, stats);
    // Children first: every image is in the target repository before the index names it.
    await allSettledOrThrow(entries.map((e) => new Transfer(e.source.repo, target, ctx).ensureManifest(e.desc, e.manifest)));
    const unique = [...new Map(entries.map((e) => [e.desc.digest, e.desc])).values()];
    const index = buildIndex(unique);
    const label = repositoryLabel(target);
    for (const tag of tags.length ? tags : [index.digest]) {
        const current = await headManifest(target, tag);
        if (current?.digest !== index.digest) {
            await putManifest(target, tag, index);
            stats.manifestsWritten++;
        }
    }
    return {
        digest: index.digest,
        mediaType: index.mediaType,
        platforms: unique.filter((d) => !isAttestation(d)).map((d) => formatPlatform(d.platform)),
        refs: (tags.length ? tags : [index.digest]).map((t) => (t.includes(':') ? `${label}@${t}` : `${label}:${t}`)),
        stats,
    };
}

// EXTERNAL MODULE: ./src/docker/config.ts
var config = __webpack_require__(656);
;// CONCATENATED MODULE: ./src/registry/docker-credentials.ts
/**
 * Credentials for a registry from the Docker config that the login action (or
 * `docker login`) wrote: $DOCKER_CONFIG/config.json, else ~/.docker/config.json.
 *
 * Lookup, as the Docker client does it: a `credHelpers` entry for the registry
 * (an empty one means "use the file", which is what our login writes when a
 * store is configured), else the `auths` entry under any spelling of the
 * registry (Docker Hub: https://index.docker.io/v1/, docker.io, ...), else the
 * `credsStore`. No entry: anonymous.
 */



function docker_credentials_sameRegistry(key, domain) {
    if ((0,naming.isDockerHub)(domain))
        return (0,naming.isDockerHub)(key);
    return (0,naming.bareHost)(key) === (0,naming.bareHost)(domain);
}
function fromEntry(entry, where) {
    if (!entry || typeof entry !== 'object')
        return undefined;
    const { auth, username, password, identitytoken } = entry;
    if (typeof identitytoken === 'string' && identitytoken) {
        return {
            username: typeof username === 'string' ? username : '<token>',
            password: '',
            identityToken: identitytoken,
        };
    }
    if (typeof auth === 'string' && auth) {
        const text = Buffer.from(auth, 'base64').toString('utf8');
        const colon = text.indexOf(':');
        if (colon <= 0)
            throw new errors/* UserError */.yo(`${where}: "auth" is not base64 of username:password; log in again`);
        return { username: text.slice(0, colon), password: text.slice(colon + 1) };
    }
    if (typeof username === 'string' && username && typeof password === 'string')
        return { username, password };
    return undefined;
}
/** Runs docker-credential-<helper> get; undefined when it has nothing for the server. */
async function fromHelper(helper, server, env) {
    // Loaded only when a helper is configured: most runs never start a process.
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
    return new Promise((resolve, reject) => {
        const child = spawn(`docker-credential-${helper}`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env });
        const out = [];
        child.stdout.on('data', (b) => out.push(b));
        child.on('error', () => reject(new errors/* UserError */.yo(`the Docker config names credential helper "${helper}", but docker-credential-${helper} cannot be run`)));
        child.on('close', (code) => {
            if (code !== 0)
                return resolve(undefined); // "credentials not found"
            try {
                const { Username, Secret } = JSON.parse(Buffer.concat(out).toString('utf8'));
                if (!Username || !Secret)
                    return resolve(undefined);
                resolve(Username === '<token>'
                    ? { username: Username, password: '', identityToken: Secret }
                    : { username: Username, password: Secret });
            }
            catch {
                reject(new errors/* UserError */.yo(`docker-credential-${helper} answered something that is not JSON`));
            }
        });
        child.stdin.end(server);
    });
}
/** The credential Docker would use for `domain`, or undefined for anonymous access. */
async function dockerCredential(domain, env = process.env) {
    const file = (0,config/* configPath */.eQ)((0,config/* dockerConfigDir */.kG)(env));
    const doc = (0,config/* parseConfig */.o4)((0,config/* readBytes */.io)(file)?.toString('utf8'), file);
    const server = (0,naming.isDockerHub)(domain) ? naming.DOCKER_HUB_KEY : (0,naming.bareHost)(domain);
    const helpers = (doc.credHelpers ?? {});
    const helperKey = Object.keys(helpers).find((k) => docker_credentials_sameRegistry(k, domain));
    const helper = helperKey !== undefined ? helpers[helperKey] : undefined;
    if (typeof helper === 'string' && helper)
        return fromHelper(helper, server, env);
    const auths = (doc.auths ?? {});
    // The exact key first (the one our login writes), then any other spelling.
    const keys = Object.keys(auths).sort((a, b) => Number(b === server) - Number(a === server));
    for (const key of keys) {
        if (!docker_credentials_sameRegistry(key, domain))
            continue;
        const cred = fromEntry(auths[key], `${file}: auths["${key}"]`);
        if (cred)
            return cred;
    }
    if (helperKey === undefined && typeof doc.credsStore === 'string' && doc.credsStore)
        return fromHelper(doc.credsStore, server, env);
    return undefined;
}

;// CONCATENATED MODULE: ./src/registry/sessions.ts
/**
 * One RegistrySession per registry for a whole command, so that connections,
 * the learnt auth scheme and tokens are shared by every repository on it.
 *
 *   const sessions = new Sessions({ credential: dockerCredential });
 *   const session = await sessions.get('ghcr.io');
 */



class Sessions {
    opts;
    sessions = new Map();
    constructor(opts = {}) {
        this.opts = opts;
    }
    get(domain) {
        const key = (0,naming.isDockerHub)(domain) ? 'docker.io' : (0,naming.bareHost)(domain);
        let session = this.sessions.get(key);
        if (!session) {
            session = (async () => {
                const credential = await (this.opts.credential ?? ((d) => dockerCredential(d)))(domain);
                return new RegistrySession({ domain, insecure: this.opts.insecure?.(domain) }, credential, this.opts);
            })();
            this.sessions.set(key, session);
        }
        return session;
    }
}

;// CONCATENATED MODULE: ./src/registry/report.ts
/**
 * Sizes in words, the one way regkit writes them everywhere (summaries, logs,
 * progress, listings): decimal units as Docker prints them, "512 B", "46.3 kB", "2.0 MB".
 */
function formatBytes(n) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let v = n;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) {
        v /= 1000;
        i++;
    }
    return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}
/** Bytes not sent because the target had them or could mount them. */
function bytesAvoided(stats) {
    return stats.bytesMounted + stats.bytesSkipped;
}
function describeStats(stats) {
    const parts = [`${formatBytes(stats.bytesCopied)} copied (${stats.blobsCopied} blobs)`];
    if (stats.blobsMounted)
        parts.push(`${formatBytes(stats.bytesMounted)} mounted (${stats.blobsMounted} blobs)`);
    if (stats.blobsSkipped)
        parts.push(`${formatBytes(stats.bytesSkipped)} already there (${stats.blobsSkipped} blobs)`);
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/registry/status.ts
class StatusLines {
    out;
    opts;
    drawn = 0;
    last;
    tty;
    /** Whether any line went to a log: the caller then ends with a final summary. */
    logged = false;
    constructor(out, opts = {}) {
        this.out = out;
        this.opts = opts;
        this.tty = opts.tty ?? !!out.isTTY;
        this.last = this.now();
    }
    now() {
        return (this.opts.now ?? Date.now)();
    }
    /** The current state: every line on a terminal; the first (the overall line) in a log, when it is time. */
    show(lines) {
        if (this.opts.quiet || !lines.length)
            return;
        if (this.tty) {
            const width = Math.max(20, (this.out.columns ?? 100) - 1);
            const clear = this.drawn ? `\x1b[${this.drawn}A` : '';
            this.out.write(clear +
                lines.map((l) => `\x1b[2K${l.length > width ? l.slice(0, width - 1) + '…' : l}\n`).join('') +
                (this.drawn > lines.length ? '\x1b[J' : ''));
            this.drawn = lines.length;
            return;
        }
        const t = this.now();
        if (t - this.last < (this.opts.everyMs ?? 5000))
            return;
        this.last = t;
        this.logged = true;
        this.out.write(lines[0] + '\n');
    }
    /** Removes the live lines from a terminal. */
    finish() {
        if (this.tty && this.drawn)
            this.out.write(`\x1b[${this.drawn}A\x1b[J`);
        this.drawn = 0;
    }
}

;// CONCATENATED MODULE: ./src/registry/copy-progress.ts
/**
 * Progress of a copy on stderr, as skopeo and docker show it: on a terminal a
 * live line per blob in flight (bytes, rate) under an overall line; in a log an
 * overall line every few seconds, and a final table when there were any.
 *
 *   const progress = new CopyProgress(process.stderr, { quiet });
 *   await copyRefs(src, dsts, sessions, { onBlob: progress.onBlob });
 *   progress.finish();
 */


const copy_progress_short = (digest) => digest.replace(/^sha256:/, '').slice(0, 12);
class CopyProgress {
    out;
    opts;
    status;
    flights = new Map();
    done = { copied: [0, 0], mounted: [0, 0], skipped: [0, 0] };
    sentDone = 0;
    started;
    now;
    constructor(out, opts = {}) {
        this.out = out;
        this.opts = opts;
        this.now = opts.now ?? Date.now;
        this.started = this.now();
        this.status = new StatusLines(out, opts);
    }
    onBlob = (e) => {
        if (e.state === 'start')
            this.flights.set(e.digest, { size: e.size, sent: 0, started: this.now() });
        else if (e.state === 'bytes') {
            const f = this.flights.get(e.digest);
            if (f)
                f.sent = e.sent;
        }
        else {
            this.flights.delete(e.digest);
            this.done[e.state][0]++;
            this.done[e.state][1] += e.size;
            if (e.state === 'copied')
                this.sentDone += e.size;
        }
        this.status.show(this.lines());
    };
    rate(bytes, since) {
        const seconds = Math.max((this.now() - since) / 1000, 0.001);
        return `${formatBytes(bytes / seconds)}/s`;
    }
    lines() {
        const sent = this.sentDone + [...this.flights.values()].reduce((n, f) => n + f.sent, 0);
        const { copied, mounted, skipped } = this.done;
        const overall = [
            `copying: ${formatBytes(sent)} sent (${this.rate(sent, this.started)}), ${copied[0]} blobs copied`,
        ];
        if (this.flights.size)
            overall.push(`${this.flights.size} in flight`);
        if (mounted[0])
            overall.push(`${mounted[0]} mounted`);
        if (skipped[0])
            overall.push(`${skipped[0]} already there`);
        const blobs = [...this.flights.entries()].map(([digest, f]) => `  ${copy_progress_short(digest)}  ${formatBytes(f.sent)} of ${formatBytes(f.size)}  ${this.rate(f.sent, f.started)}`);
        return [overall.join(', '), ...blobs];
    }
    /** Clears the live lines; in a log that showed progress, prints the final table. */
    finish() {
        this.status.finish();
        if (!this.status.logged || this.opts.quiet)
            return;
        const seconds = (this.now() - this.started) / 1000;
        const rows = ['copied', 'mounted', 'skipped'].map((k) => [
            k === 'skipped' ? 'already there' : k,
            String(this.done[k][0]),
            formatBytes(this.done[k][1]),
        ]);
        const table = [['', 'blobs', 'bytes'], ...rows];
        const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i].length)));
        this.out.write(table.map((r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')).join('\n') +
            `\nin ${seconds.toFixed(1)} s (${this.rate(this.sentDone, this.started)})\n`);
    }
}

;// CONCATENATED MODULE: ./src/registry/index.ts
/**
 * The registry client: copy images between registries with the OCI distribution
 * API, no daemon. Everything outside src/registry imports from here.
 *
 *   const sessions = new Sessions();                       // credentials from the Docker config
 *   const result = await copyRefs('ghcr.io/a/app:1', ['registry.example/a/app:prod'], sessions);
 */





















/**
 * Repositories for reading `source` and writing `targets`. On one registry the
 * source reads with the target's scopes, so that a single token serves the
 * reads, the mounts (pull on the source) and the writes.
 */
async function repositoriesFor(source, targets, sessions) {
    const sourceSession = await sessions.get(source.domain);
    let sourceRepo = readRepository(sourceSession, source.path);
    const targetRepos = [];
    for (const t of targets) {
        const session = await sessions.get(t.domain);
        const same = session.base.origin === sourceSession.base.origin;
        const repo = writeRepository(session, t.path, same ? source.path : undefined);
        if (same && targets.length === 1 && session === sourceSession)
            sourceRepo = { ...sourceRepo, scopes: repo.scopes };
        targetRepos.push(repo);
    }
    return { source: sourceRepo, targets: targetRepos };
}
/**
 * One multi-platform index from per-platform images (by digest or tag), pushed to
 * `target`'s repository under every tag in `tags`.
 */
async function mergeRefs(sources, target, tags, sessions, opts = {}) {
    const into = writeRepository(await sessions.get(target.domain), target.path);
    const from = await Promise.all(sources.map(async (s) => ({
        repo: readRepository(await sessions.get(s.domain), s.path),
        reference: (0,naming.manifestReference)((0,naming.withDefaultTag)(s)),
    })));
    return mergeImages(from, into, tags, opts);
}
/** Copies `source` to every target reference (tags grouped per repository). */
async function copyRefs(source, targets, sessions, opts = {}) {
    const src = (0,naming.withDefaultTag)(source);
    const dsts = targets.map(naming.withDefaultTag);
    const byRepo = new Map();
    for (const t of dsts) {
        const key = `${t.domain}/${t.path}`;
        const entry = byRepo.get(key) ?? { ref: t, tags: [] };
        if (t.digest && !t.tag)
            throw new errors/* UserError */.yo(`target ${(0,naming.formatRef)(t)} has a digest; give targets by tag`);
        entry.tags.push(t.tag);
        byRepo.set(key, entry);
    }
    const groups = [...byRepo.values()];
    const repos = await repositoriesFor(src, groups.map((g) => g.ref), sessions);
    return copyImage({
        source: repos.source,
        reference: (0,naming.manifestReference)(src),
        targets: groups.map((g, i) => ({ repo: repos.targets[i], tags: g.tags })),
    }, opts);
}






/***/ })

};
