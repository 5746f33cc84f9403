export const id = 495;
export const ids = [495,876,916];
export const modules = {

/***/ 1916:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = true;
exports.Io = __webpack_unused_export__ = void 0;
var peq = new Uint32Array(0x10000);
var myers_32 = function (a, b) {
    var n = a.length;
    var m = b.length;
    var lst = 1 << (n - 1);
    var pv = -1;
    var mv = 0;
    var sc = n;
    var i = n;
    while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
    }
    for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= ((eq & pv) + pv) ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
            sc++;
        }
        if (pv & lst) {
            sc--;
        }
        mv = (mv << 1) | 1;
        pv = (pv << 1) | ~(xv | mv);
        mv &= xv;
    }
    i = n;
    while (i--) {
        peq[a.charCodeAt(i)] = 0;
    }
    return sc;
};
var myers_x = function (b, a) {
    var n = a.length;
    var m = b.length;
    var mhc = [];
    var phc = [];
    var hsize = Math.ceil(n / 32);
    var vsize = Math.ceil(m / 32);
    for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
    }
    var j = 0;
    for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
            var eq = peq[a.charCodeAt(i)];
            var pb = (phc[(i / 32) | 0] >>> i) & 1;
            var mb = (mhc[(i / 32) | 0] >>> i) & 1;
            var xv = eq | mv_1;
            var xh = ((((eq | mb) & pv_1) + pv_1) ^ pv_1) | eq | mb;
            var ph = mv_1 | ~(xh | pv_1);
            var mh = pv_1 & xh;
            if ((ph >>> 31) ^ pb) {
                phc[(i / 32) | 0] ^= 1 << i;
            }
            if ((mh >>> 31) ^ mb) {
                mhc[(i / 32) | 0] ^= 1 << i;
            }
            ph = (ph << 1) | pb;
            mh = (mh << 1) | mb;
            pv_1 = mh | ~(xv | ph);
            mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] = 0;
        }
    }
    var mv = 0;
    var pv = -1;
    var start = j * 32;
    var vlen = Math.min(32, m - start) + start;
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
    }
    var score = m;
    for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = (phc[(i / 32) | 0] >>> i) & 1;
        var mb = (mhc[(i / 32) | 0] >>> i) & 1;
        var xv = eq | mv;
        var xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += (ph >>> (m - 1)) & 1;
        score -= (mh >>> (m - 1)) & 1;
        if ((ph >>> 31) ^ pb) {
            phc[(i / 32) | 0] ^= 1 << i;
        }
        if ((mh >>> 31) ^ mb) {
            mhc[(i / 32) | 0] ^= 1 << i;
        }
        ph = (ph << 1) | pb;
        mh = (mh << 1) | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
    }
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
    }
    return score;
};
var distance = function (a, b) {
    if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
    }
    if (b.length === 0) {
        return a.length;
    }
    if (a.length <= 32) {
        return myers_32(a, b);
    }
    return myers_x(a, b);
};
exports.Io = distance;
var closest = function (str, arr) {
    var min_distance = Infinity;
    var min_index = 0;
    for (var i = 0; i < arr.length; i++) {
        var dist = distance(str, arr[i]);
        if (dist < min_distance) {
            min_distance = dist;
            min_index = i;
        }
    }
    return arr[min_index];
};
__webpack_unused_export__ = closest;


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





/***/ })

};
