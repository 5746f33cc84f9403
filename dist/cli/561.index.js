export const id = 561;
export const ids = [561];
export const modules = {

/***/ 8561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gl: () => (/* binding */ RegistryError),
  GH: () => (/* binding */ RegistrySession),
  H0: () => (/* binding */ StaleTokenError),
  hU: () => (/* binding */ ping),
  iH: () => (/* binding */ pullScope),
  Xu: () => (/* binding */ pushScope)
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

// EXTERNAL MODULE: ./src/registry/endpoint.ts
var endpoint = __webpack_require__(8110);
// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var transport = __webpack_require__(5476);
;// CONCATENATED MODULE: ./src/registry/token.ts
function basicAuth(cred) {
    return 'Basic ' + Buffer.from(`${cred.username}:${cred.password}`).toString('base64');
}
/** The request for a token with all `scopes` at once. */
function tokenRequest(realm, service, scopes, cred) {
    const url = new URL(realm);
    if (cred?.identityToken) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: cred.identityToken, client_id: 'regkit' });
        if (service)
            form.set('service', service);
        if (scopes.length)
            form.set('scope', scopes.join(' '));
        return { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
    }
    if (service)
        url.searchParams.set('service', service);
    for (const s of scopes)
        url.searchParams.append('scope', s);
    return { method: 'GET', url, headers: cred ? { authorization: basicAuth(cred) } : {} };
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
 * - the scheme is learnt once per session from GET /v2/;
 * - several scopes go in one token request (a mount's source pull and target
 *   pull,push), tokens are cached per (realm, service, scopes) until they expire,
 *   and fetched again when the registry answers 401 (also widening the scopes to
 *   what its challenge asks for);
 * - Authorization is only ever sent to the registry's own origin; a token request
 *   carrying a password that is redirected to another host fails.
 */





/** A failure talking to a registry; `status` is the HTTP status when there was one. */
class RegistryError extends errors/* UserError */.y {
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
        this.base = (0,endpoint/* baseUrl */.pc)(registry);
        this.name = (0,endpoint/* bareHost */.n0)(registry.domain);
        this.transport = opts.transport ?? (0,transport/* defaultTransport */.JT)();
    }
    /** An authenticated request; throws RegistryError when access is refused after a fresh token. */
    async request(req) {
        const url = new URL(req.path, this.base);
        const own = url.origin === this.base.origin;
        let scopes = req.scopes;
        const headers = { ...req.headers };
        const send = async () => {
            if (own)
                headers.authorization = await this.authorization(await this.discover(), scopes);
            return this.transport.request({ ...req, url, headers, insecure: this.registry.insecure });
        };
        const res = await send();
        if (res.status !== 401 || !own)
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
        await res.drain();
        if (res.status === 401)
            throw this.wrongPassword(401);
        if (res.status !== 200)
            throw new RegistryError(`registry ${this.name} answered HTTP ${res.status} to GET /v2/`, res.status);
        return state.scheme;
    }
    async probe() {
        const res = await this.transport.request({ method: 'GET', url: new URL('/v2/', this.base), insecure: this.registry.insecure });
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
            return this.secret(basicAuth(this.credential));
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
        const res = await this.transport.request({ ...spec, insecure: this.registry.insecure, onCrossOriginRedirect: 'fail' });
        if (res.status === 401 || (res.status === 403 && cred)) {
            await res.drain();
            throw cred ? this.wrongPassword(res.status) : new RegistryError(`token server ${url.host} refused anonymous access to ${this.name} (HTTP ${res.status})`, res.status);
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
        this.opts.onSecret?.(value);
        return value;
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


/***/ }),

/***/ 8110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   n0: () => (/* binding */ bareHost),
/* harmony export */   pc: () => (/* binding */ baseUrl)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_ALIASES, DOCKER_HUB_API_HOST, apiHost, usesPlainHttp */
/**
 * Where a registry's API lives: the domain a user writes (docker.io, ghcr.io,
 * localhost:5000, https://index.docker.io/v1/) turned into the base URL of its
 * /v2/ API, and whether plain http is allowed there.
 */
/** Every name Docker accepts for Docker Hub; all of them mean one registry. */
const DOCKER_HUB_ALIASES = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];
/** The host that actually serves Docker Hub's /v2/ API. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The bare host[:port] of a domain as users write it, lower-cased. */
function bareHost(domain) {
    let host = domain.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    host = host.split('/')[0];
    return host.toLowerCase();
}
function isDockerHub(domain) {
    return DOCKER_HUB_ALIASES.includes(bareHost(domain));
}
/** The host serving the /v2/ API for a domain (Docker Hub's aliases all map to one). */
function apiHost(domain) {
    const host = bareHost(domain);
    return DOCKER_HUB_ALIASES.includes(host) ? DOCKER_HUB_API_HOST : host;
}
/** True for localhost, 127.0.0.0/8 and ::1 (with or without a port, IPv6 with or without brackets). */
function isLoopback(hostname) {
    let h = hostname.toLowerCase();
    if (h.startsWith('['))
        h = h.slice(1, h.indexOf(']'));
    else if ((h.match(/:/g) ?? []).length === 1)
        h = h.split(':')[0];
    return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}
/** Whether a registry is spoken to over plain http. */
function usesPlainHttp(registry) {
    if (registry.insecure !== undefined)
        return registry.insecure;
    return isLoopback(apiHost(registry.domain));
}
/** Base URL of the registry's API, e.g. https://ghcr.io (paths are /v2/...). */
function baseUrl(registry) {
    const scheme = usesPlainHttp(registry) ? 'http' : 'https';
    return new URL(`${scheme}://${apiHost(registry.domain)}`);
}


/***/ }),

/***/ 7937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TA: () => (/* binding */ limiter),
/* harmony export */   WR: () => (/* binding */ Slots),
/* harmony export */   eu: () => (/* binding */ allSettledOrThrow),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
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


/***/ }),

/***/ 5476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  JT: () => (/* binding */ defaultTransport)
});

// UNUSED EXPORTS: NetworkError, Response

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/registry/endpoint.ts
var endpoint = __webpack_require__(8110);
// EXTERNAL MODULE: ./src/registry/pool.ts
var pool = __webpack_require__(7937);
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
                throw new errors/* UserError */.y(`${this.url.host} sent more than ${limit} bytes for ${this.url.pathname}`);
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
            throw new errors/* UserError */.y(`${this.url.host} answered ${this.url.pathname} with invalid JSON (HTTP ${this.status})`);
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
 *   (or, with onCrossOriginRedirect: 'fail', the request fails instead);
 * - Basic credentials are never sent over plain http, except to loopback or when
 *   the caller marks the target `insecure`.
 */







/** The network failed (after retries); `code` is Node's (ECONNRESET, ENOTFOUND...). */
class NetworkError extends errors/* UserError */.y {
    code;
    name = 'NetworkError';
    constructor(message, code) {
        super(message);
        this.code = code;
    }
}
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'ENETUNREACH', 'EHOSTUNREACH']);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const isStream = (b) => !!b && typeof b === 'object' && !Buffer.isBuffer(b);
class Transport {
    maxPerHost;
    /** Exchanges made so far (each retry and redirect hop counts). */
    exchanges = 0;
    opts;
    limiters = new Map();
    httpAgent;
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
        };
        this.maxPerHost = this.opts.maxPerHost;
        this.agentOpts = { keepAlive: true, maxSockets: this.maxPerHost, scheduling: 'lifo' };
        this.httpAgent = new (external_node_http_default()).Agent(this.agentOpts);
    }
    /** Sends with retries and redirects; returns the final response (any status). */
    async request(spec) {
        const replayable = !isStream(spec.body);
        const attempts = spec.retry === false || !replayable ? 1 : this.opts.retries + 1;
        for (let attempt = 1;; attempt++) {
            let res;
            try {
                res = await this.follow(spec);
            }
            catch (err) {
                const code = err.code ?? '';
                if (err instanceof errors/* UserError */.y)
                    throw err;
                if (attempt < attempts && RETRY_CODES.has(code)) {
                    await sleep(this.backoff(attempt));
                    continue;
                }
                if (RETRY_CODES.has(code) || code.startsWith('ENOTFOUND') || code.startsWith('ERR_TLS') || code.includes('CERT')) {
                    const host = new URL(spec.url).host;
                    throw new NetworkError(`cannot reach ${host}: ${code}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`, code);
                }
                throw err;
            }
            if (attempt < attempts && RETRY_STATUS.has(res.status)) {
                const after = Number(res.header('retry-after'));
                await res.drain();
                await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, this.opts.retryMaxMs) : this.backoff(attempt));
                continue;
            }
            return res;
        }
    }
    /** Frees the keep-alive sockets (lets a process exit at once). */
    close() {
        this.httpAgent.destroy();
        void this.https?.then(({ agent }) => agent.destroy());
    }
    client(url) {
        if (url.protocol !== 'https:')
            return { mod: (external_node_http_default()), agent: this.httpAgent };
        return (this.https ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)).then((mod) => ({ mod: mod.default, agent: new mod.default.Agent(this.agentOpts) })));
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
            const res = await this.once(method, url, headers, body, spec.insecure ?? false);
            const location = res.header('location');
            if (!REDIRECT_STATUS.has(res.status) || !location)
                return res;
            await res.drain();
            if (hop >= MAX_REDIRECTS)
                throw new errors/* UserError */.y(`too many redirects from ${new URL(spec.url).host}${new URL(spec.url).pathname}`);
            const next = new URL(location, url);
            if (next.origin !== url.origin && headers.authorization !== undefined) {
                if (spec.onCrossOriginRedirect === 'fail') {
                    throw new errors/* UserError */.y(`${url.host} redirected a request with credentials to another host (${next.host}); regkit does not send credentials there`);
                }
                delete headers.authorization;
            }
            if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
                if (method !== 'HEAD')
                    method = 'GET';
                body = undefined;
                delete headers['content-length'];
                delete headers['content-type'];
            }
            else if (isStream(body)) {
                throw new errors/* UserError */.y(`${url.host} redirected an upload (HTTP ${res.status}) that cannot be sent twice`);
            }
            url = next;
        }
    }
    limiter(url) {
        let l = this.limiters.get(url.origin);
        if (!l)
            this.limiters.set(url.origin, (l = new pool/* Slots */.WR(this.maxPerHost)));
        return l;
    }
    async once(method, url, headers, body, insecure) {
        const auth = String(headers.authorization ?? '');
        if (url.protocol === 'http:' && /^basic /i.test(auth) && !insecure && !(0,endpoint/* isLoopback */.U9)(url.host)) {
            throw new errors/* UserError */.y(`refusing to send a password to ${url.host} over plain http; mark the registry insecure: true only if that is really intended`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new errors/* UserError */.y(`unsupported URL scheme in ${url.protocol}//${url.host}`);
        const payload = typeof body === 'function' ? body() : body;
        const outHeaders = { 'user-agent': this.opts.userAgent, ...headers };
        if (typeof payload === 'string' || Buffer.isBuffer(payload))
            outHeaders['content-length'] = Buffer.byteLength(payload);
        else if (!payload && (method === 'PUT' || method === 'POST' || method === 'PATCH'))
            outHeaders['content-length'] = 0;
        const { mod, agent } = await this.client(url);
        const limiter = this.limiter(url);
        await limiter.acquire();
        if (this.debug)
            process.stderr.write(`regkit: ${(performance.now() | 0)} > ${method} ${url.origin}${url.pathname}${url.search ? '?…' : ''}\n`);
        return new Promise((resolve, reject) => {
            let released = false;
            const release = () => {
                if (!released) {
                    released = true;
                    limiter.release();
                }
            };
            const req = mod.request(url, { method, headers: outHeaders, agent, timeout: this.opts.timeoutMs }, (res) => {
                res.once('end', release);
                res.once('close', release);
                res.once('error', release);
                this.exchanges++;
                if (this.debug)
                    process.stderr.write(`regkit: ${(performance.now() | 0)} < ${res.statusCode} ${method} ${url.pathname}\n`);
                const response = new Response(res.statusCode ?? 0, res.headers, url, res);
                this.opts.onExchange?.({ method, url, status: response.status });
                resolve(response);
            });
            req.once('timeout', () => req.destroy(Object.assign(new Error(`timed out talking to ${url.host}`), { code: 'ETIMEDOUT' })));
            // A body that fails (a digest mismatch) is the cause, whatever the socket says next.
            // The socket's complaint can come first, so the body gets a moment to report.
            let bodyError;
            req.once('error', (err) => {
                release();
                const body = isStream(payload) ? payload : undefined;
                if (!body)
                    return reject(err);
                setImmediate(() => reject(bodyError ?? body.errored ?? err));
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


/***/ })

};
