export const id = 622;
export const ids = [622];
export const modules = {

/***/ 1622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y4: () => (/* reexport */ accountsByDomain),
  fm: () => (/* reexport */ dockercfgEntries),
  E8: () => (/* reexport */ logIn),
  Nw: () => (/* reexport */ loginPhase),
  MD: () => (/* reexport */ pickEntry)
});

// UNUSED EXPORTS: conflictingDomains, maskCredential, registriesFromInputs, resolveCredentials, secretForms, unionAccounts, usesLoginInputs

// EXTERNAL MODULE: ./src/naming/index.ts + 3 modules
var naming = __webpack_require__(6495);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/credentials/mask.ts
/**
 * Which strings of a credential must be masked in the log. The runner masks line
 * by line, so a multi-line secret (a service-account JSON key) is masked by its
 * secret parts: masking its `{` or `"type": "service_account",` lines would
 * blank those characters all over the log and hide nothing.
 */


function jsonKeyParts(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!doc || typeof doc !== 'object')
        return undefined;
    const { private_key, private_key_id } = doc;
    const parts = [JSON.stringify(doc)];
    if (typeof private_key_id === 'string')
        parts.push(private_key_id);
    if (typeof private_key === 'string') {
        parts.push(...private_key.split(/\r?\n|\\n/).filter((l) => l.trim() !== '' && !/^-----/.test(l)));
    }
    return parts;
}
/** Every form of a secret value that could appear somewhere. */
function mask_secretForms(value) {
    if (value === '')
        return [];
    if (!/[\r\n]/.test(value))
        return [value];
    return jsonKeyParts(value) ?? value.split(/\r?\n/).filter((l) => l.trim() !== '');
}
/** Masks the password in all its forms, and the base64(user:pass) a Docker config holds. */
function maskCredential(credential, mask) {
    (0,errors/* rememberCredential */.bk)(credential.username, credential.password);
    for (const form of mask_secretForms(credential.password))
        mask(form);
    mask((0,naming.basicAuth)(credential.username, credential.password));
}

// EXTERNAL MODULE: ./src/crypto/index.ts + 7 modules
var src_crypto = __webpack_require__(3528);
// EXTERNAL MODULE: ./src/workspace.ts
var workspace = __webpack_require__(3338);
;// CONCATENATED MODULE: ./src/credentials/dockercfg.ts
/**
 * Credentials from a Docker credentials file, plain or encrypted: the legacy
 * `.dockercfg` form (registries at the top) that Codeship's generators write,
 * or the `config.json` form (`{"auths": {...}}`). The entry is picked by the
 * registry's domain, whatever spelling the file uses for it
 * (`https://index.docker.io/v1/`, `quay.io/`, `http://host:5000/v2/`...).
 */




/** The registry entries of either form. */
function dockercfgEntries(text, file) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        // The parser's message can quote the file's content, which holds secrets.
        throw new errors/* UserError */.yo(`${file}: not valid JSON; expected a .dockercfg or a Docker config.json`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        throw new errors/* UserError */.yo(`${file}: expected a JSON object of registries`);
    const auths = doc.auths;
    if (auths !== undefined) {
        if (!auths || typeof auths !== 'object' || Array.isArray(auths))
            throw new errors/* UserError */.yo(`${file}: "auths" must be a JSON object`);
        return auths;
    }
    return doc;
}
function domainOf(key) {
    try {
        return (0,naming.normalizeDomain)(key);
    }
    catch {
        return undefined;
    }
}
/** username and password of one entry: `auth` (base64 user:pass) or separate fields. */
function entryCredential(entry, where) {
    if (!entry || typeof entry !== 'object')
        throw new errors/* UserError */.yo(`${where} is not a JSON object`);
    const { auth, username, password, identitytoken } = entry;
    if (typeof auth === 'string' && auth !== '') {
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0)
            throw new errors/* UserError */.yo(`${where}: "auth" is not base64 of username:password`);
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof username === 'string' && username !== '' && typeof password === 'string')
        return { username, password };
    if (typeof identitytoken === 'string') {
        throw new errors/* UserError */.yo(`${where} holds an identity token, which regkit cannot use; store username and password (or "auth") instead`);
    }
    throw new errors/* UserError */.yo(`${where} has neither "auth" nor "username" and "password"`);
}
/** Picks the entry for `domain`. */
function pickEntry(entries, domain, file, registry) {
    const keys = Object.keys(entries).filter((k) => domainOf(k) === domain);
    if (keys.length === 0) {
        const has = [...new Set(Object.keys(entries).map((k) => domainOf(k) ?? k))];
        throw new errors/* UserError */.yo(`registry ${registry}: ${file} has no entry for ${domain} (it has ${has.length ? has.join(', ') : 'none'}); add one or point credentials at the right file`);
    }
    // Several spellings of one domain: the exact host[:port] wins, else the first.
    const key = keys.find((k) => k === domain) ?? keys[0];
    return entryCredential(entries[key], `registry ${registry}: entry "${key}" of ${file}`);
}
/**
 * Decrypts a credential file; a key that does not fit is named with the registry, the
 * registries file position and where the key came from (input, environment, key file).
 */
async function decryptFor(data, file, place, ctx) {
    const key = await ctx.key(file);
    try {
        return (0,src_crypto/* decrypt */.Yc)(data, key, { file, expect: 'json' });
    }
    catch (err) {
        if (!(err instanceof errors/* UserError */.yo))
            throw err;
        const origin = ctx.keyOrigin?.();
        throw (0,errors/* errorAt */.Os)(place.at, `${place.subject}: ${err.message}${origin ? ` (the key came from ${origin})` : ''}`);
    }
}
async function fromDockercfg(registry, file, encrypted, ctx) {
    const key = encrypted ? 'encrypted_dockercfg' : 'dockercfg';
    const place = {
        at: registry.positions[`credentials.${key}`] ?? registry.at,
        subject: `registry "${registry.name}": credentials.${key}`,
    };
    const at = `${(0,errors/* formatPosition */.Ld)(place.at)}: ${place.subject}`;
    (0,workspace/* workspacePath */.X)(file, at, undefined, place.at);
    const data = await (0,src_crypto/* readInput */.R5)(file);
    const sealed = (0,src_crypto/* isEncrypted */.ph)(data);
    const plain = sealed ? await decryptFor(data, file, place, ctx) : data;
    const entries = dockercfgEntries(plain.toString('utf8'), file);
    const found = pickEntry(entries, registry.domain, file, registry.name);
    if (encrypted && !sealed) {
        ctx.warn?.(`${at}: ${file} is not encrypted — a plaintext credential file sits in the repository; encrypt it (regkit encrypt) or move it out of version control`, place.at);
    }
    const source = `${sealed ? 'encrypted dockercfg' : encrypted ? 'dockercfg (not encrypted)' : 'dockercfg'} ${file}`;
    return { ...found, source };
}

// EXTERNAL MODULE: ./src/registries-file/index.ts + 12 modules
var registries_file = __webpack_require__(899);
;// CONCATENATED MODULE: ./src/credentials/oidc.ts
/**
 * GitHub's OIDC token for keyless logins: asked for once per audience, masked
 * the moment it arrives, and described in errors only by its claims (subject,
 * audience, expiry) — never the token itself.
 */

const PERMISSION = 'add "permissions: id-token: write" to the workflow or the job';
// One token per audience for the whole login, however many registries share it.
const tokens = new WeakMap();
/** GitHub's OIDC token for `audience`; `names` are the registries that need it, for messages. */
function githubIdToken(ctx, env, audience, names) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        const line = env.GITHUB_ACTIONS === 'true'
            ? `this job may not ask GitHub for an OIDC token — ${PERMISSION}`
            : 'keyless logins trade the OIDC token of a GitHub Actions job, and this is not one — log in from a workflow with "permissions: id-token: write", or give the registry stored credentials';
        return Promise.reject(new errors/* UserError */.yo(`registry ${names}: ${line}`));
    }
    const request = ctx.idToken;
    if (!request)
        return Promise.reject(new errors/* UserError */.yo(`registry ${names}: keyless logins are done by the login action (it asks GitHub for the OIDC token) — use the action, or give the registry stored credentials`));
    let byAudience = tokens.get(ctx);
    if (!byAudience)
        tokens.set(ctx, (byAudience = new Map()));
    let pending = byAudience.get(audience);
    if (!pending) {
        pending = request(audience).then((token) => {
            ctx.mask(token);
            return token;
        }, (err) => {
            const why = (0,errors/* oneLine */.TN)(err).replace(/^Error message: /, '');
            throw new errors/* UserError */.yo(`registry ${names}: GitHub gave no OIDC token for audience "${audience}": ${why} — check that the job has ${PERMISSION.replace(/^add /, '')}`);
        });
        byAudience.set(audience, pending);
    }
    return pending;
}
/** The token's claims, read without checking the signature: only for telling the user what the cloud saw. */
function claimsOf(token) {
    try {
        return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}
/**
 * A cloud refused GitHub's token: its reason (the token cut out, should it echo it), then the claims
 * its trust settings are matched against, so the user sees which one differs.
 */
function refused(names, cloud, reason, token, fix) {
    const c = claimsOf(token);
    const said = reason.split(token).join('[the token]').replace(/\s+/g, ' ').trim();
    const claims = [`subject "${c.sub ?? '?'}"`, `audience "${[c.aud ?? '?'].flat().join(', ')}"`];
    if (typeof c.exp === 'number' && c.exp * 1000 <= Date.now())
        claims.push(`expired at ${new Date(c.exp * 1000).toISOString()}`);
    return new errors/* UserError */.yo(`registry ${names}: ${cloud} refused GitHub's OIDC token: ${said} (the token has ${claims.join(', ')}) — ${fix}`);
}
const shared = new WeakMap();
/** One exchange per key for the whole login: registries that share a cloud identity share its token. */
function once(ctx, key, make) {
    let byKey = shared.get(ctx);
    if (!byKey)
        shared.set(ctx, (byKey = new Map()));
    const id = JSON.stringify(key);
    let pending = byKey.get(id);
    if (!pending)
        byKey.set(id, (pending = make()));
    return pending;
}

// EXTERNAL MODULE: ./src/proxy/index.ts
var proxy = __webpack_require__(1760);
;// CONCATENATED MODULE: ./src/credentials/aws-role.ts
/**
 * AWS without stored keys: GitHub's OIDC token is traded with STS
 * (AssumeRoleWithWebIdentity, the AWS SDK's own client) for the role's
 * temporary keys, which then sign ECR's GetAuthorizationToken. Registries that
 * name the same role share one assumed session.
 */



// What STS says when the token or the trust policy does not fit: the token's claims help there.
const REFUSALS = new Set([
    'InvalidIdentityTokenException',
    'AccessDenied',
    'ExpiredTokenException',
    'IDPRejectedClaimException',
]);
/** The session name CloudTrail shows: the workflow run, when there is one. */
function sessionName(env) {
    const run = env.GITHUB_RUN_ID
        ? `-${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `-${env.GITHUB_RUN_ATTEMPT}` : ''}`
        : '';
    return `regkit${run}`.replace(/[^\w+=,.@-]/g, '').slice(0, 64);
}
async function assumeRole(req, ctx) {
    const token = await githubIdToken(ctx, req.env, req.audience ?? 'sts.amazonaws.com', req.names);
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const endpoint = req.env.AWS_ENDPOINT_URL_STS?.trim() || req.env.AWS_ENDPOINT_URL?.trim() || undefined;
    // Through HTTPS_PROXY like the ECR call (the SDK reads no proxy variables itself).
    const requestHandler = (0,proxy/* proxyConfigured */.$o)() ? { httpsAgent: await (0,proxy/* proxyHttpsAgent */.R)({ keepAlive: true }) } : undefined;
    const client = new STSClient({ region: req.region, endpoint, maxAttempts: 3, requestHandler });
    try {
        const out = await client.send(new AssumeRoleWithWebIdentityCommand({
            RoleArn: req.role,
            RoleSessionName: sessionName(req.env),
            WebIdentityToken: token,
            DurationSeconds: 3600,
        }));
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey)
            throw new errors/* UserError */.yo(`registry ${req.names}: AWS STS returned no credentials for ${req.role}`);
        ctx.mask(c.SecretAccessKey);
        if (c.SessionToken)
            ctx.mask(c.SessionToken);
        return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    }
    catch (err) {
        if (err instanceof errors/* UserError */.yo)
            throw err;
        const name = err.name;
        if (REFUSALS.has(name)) {
            throw refused(req.names, `AWS STS (role ${req.role})`, `${name}: ${(0,errors/* oneLine */.TN)(err)}`, token, "the role's trust policy must allow token.actions.githubusercontent.com with this subject and audience");
        }
        throw new errors/* UserError */.yo(`registry ${req.names}: AWS STS AssumeRoleWithWebIdentity for ${req.role} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${(0,errors/* oneLine */.TN)(err)}`);
    }
    finally {
        client.destroy();
    }
}

;// CONCATENATED MODULE: ./src/credentials/ecr.ts
/**
 * Amazon ECR: a registry password is a 12-hour token from GetAuthorizationToken.
 * One token serves every registry of that region the AWS principal may use, so
 * ECR registries that share a region and AWS credentials cost a single call.
 * The AWS SDK is loaded only when an ECR registry is logged in to.
 */




function nonEmpty(v) {
    return v === undefined || v.trim() === '' ? undefined : v.trim();
}
function regionOf(req) {
    const { registry, aws, env } = req;
    const parsed = (0,registries_file/* ecrParts */.D5)(registry.domain);
    const region = nonEmpty(aws.region) ?? parsed?.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
    if (!region) {
        throw new errors/* UserError */.yo(`registry ${registry.name}: ${registry.domain} is not an ECR domain (<account>.dkr.ecr.<region>.amazonaws.com); set credentials.aws.region`);
    }
    if (parsed && aws.region && parsed.region !== aws.region.trim()) {
        throw new errors/* UserError */.yo(`registry ${registry.name}: credentials.aws.region ${aws.region} differs from the region of ${registry.domain} (${parsed.region}); an ECR token serves one region`);
    }
    return region;
}
/** Region, endpoint and keys of one registry; missing pieces come from its AWS_* environment, or from its assumed role. */
function callFor(req, ctx, assumed) {
    const { registry, aws, env } = req;
    const region = regionOf(req);
    const endpoint = nonEmpty(env.AWS_ENDPOINT_URL_ECR) ?? nonEmpty(env.AWS_ENDPOINT_URL);
    if (assumed)
        return { region, endpoint, keys: assumed };
    const accessKeyId = nonEmpty(aws.access_key_id) ?? nonEmpty(env.AWS_ACCESS_KEY_ID);
    const secretAccessKey = nonEmpty(aws.secret_access_key) ?? nonEmpty(env.AWS_SECRET_ACCESS_KEY);
    const sessionToken = nonEmpty(aws.session_token) ?? nonEmpty(env.AWS_SESSION_TOKEN);
    for (const s of [secretAccessKey, sessionToken])
        if (s)
            ctx.mask(s);
    if (!accessKeyId !== !secretAccessKey) {
        const missing = accessKeyId ? 'secret access key (AWS_SECRET_ACCESS_KEY)' : 'access key id (AWS_ACCESS_KEY_ID)';
        throw new errors/* UserError */.yo(`registry ${registry.name}: the AWS ${missing} is missing; set both or neither (neither: the AWS SDK's default credentials)`);
    }
    return {
        region,
        endpoint,
        keys: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined,
    };
}
/** Registries that can share one token: same region, endpoint and AWS credentials. */
function groupCalls(requests, ctx, assumed = new Map()) {
    const calls = new Map();
    for (const req of requests) {
        const call = callFor(req, ctx, assumed.get(req));
        const id = JSON.stringify([
            call.region,
            call.endpoint,
            call.keys?.accessKeyId,
            call.keys?.secretAccessKey,
            call.keys?.sessionToken,
        ]);
        const existing = calls.get(id);
        if (existing)
            existing.registries.push(req.registry);
        else
            calls.set(id, { ...call, registries: [req.registry] });
    }
    return [...calls.values()];
}
async function fetchToken(call) {
    // The SDK warns on Node 20 on every start; the action runs on node24, the CLI need not nag.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { ECRClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    // The SDK reads no proxy variables itself: https goes through the same tunnelling agent as
    // the registry client. A plain-http endpoint (signed headers, a session token) is not sent
    // through a proxy, which could read it: it is reached directly.
    const requestHandler = (0,proxy/* proxyConfigured */.$o)() ? { httpsAgent: await (0,proxy/* proxyHttpsAgent */.R)({ keepAlive: true }) } : undefined;
    const client = new ECRClient({
        region: call.region,
        endpoint: call.endpoint,
        credentials: call.keys,
        maxAttempts: 3,
        requestHandler,
    });
    const names = call.registries.map((r) => r.name).join(', ');
    let token;
    try {
        const out = await client.send(new GetAuthorizationTokenCommand({}));
        token = out.authorizationData?.[0]?.authorizationToken;
    }
    catch (err) {
        const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
        throw new errors/* UserError */.yo(`registry ${names}: ECR GetAuthorizationToken in ${call.region} failed: ${name}${(0,errors/* oneLine */.TN)(err)}`);
    }
    finally {
        client.destroy();
    }
    const decoded = token ? Buffer.from(token, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new errors/* UserError */.yo(`registry ${names}: ECR GetAuthorizationToken in ${call.region} returned no usable token`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/** A credential for every ECR registry, by registry name; one API call per region and AWS identity. */
/** Keys for every request that names a role: one AssumeRoleWithWebIdentity per role (and STS endpoint). */
async function assumeRoles(requests, ctx) {
    const byRole = new Map();
    for (const req of requests) {
        if (!req.aws.role)
            continue;
        const id = JSON.stringify([
            req.aws.role.trim(),
            req.aws.audience,
            nonEmpty(req.env.AWS_ENDPOINT_URL_STS) ?? nonEmpty(req.env.AWS_ENDPOINT_URL),
        ]);
        byRole.set(id, [...(byRole.get(id) ?? []), req]);
    }
    const out = new Map();
    await Promise.all([...byRole.values()].map(async (reqs) => {
        const [first] = reqs;
        const names = reqs.map((r) => r.registry.name).join(', ');
        const keys = await assumeRole({ role: first.aws.role.trim(), audience: first.aws.audience, region: regionOf(first), names, env: first.env }, ctx);
        for (const r of reqs)
            out.set(r, keys);
    }));
    return out;
}
async function ecrCredentials(requests, ctx) {
    const calls = groupCalls(requests, ctx, await assumeRoles(requests, ctx));
    const results = await Promise.all(calls.map(async (call) => {
        const token = await fetchToken(call);
        ctx.mask(token.password);
        return { call, token };
    }));
    const byName = new Map();
    for (const { call, token } of results) {
        for (const r of call.registries) {
            const role = requests.find((q) => q.registry === r)?.aws.role;
            byName.set(r.name, {
                ...token,
                source: role ? `ECR token (${call.region}), role ${role.trim()} (keyless)` : `ECR token (${call.region})`,
            });
        }
    }
    return byName;
}

// EXTERNAL MODULE: ./src/registry/index.ts + 23 modules
var src_registry = __webpack_require__(741);
;// CONCATENATED MODULE: ./src/credentials/exchange.ts
/**
 * The HTTP of token exchanges (Google STS and IAM credentials, Microsoft Entra,
 * ACR, Docker Identity): tokens travel over https only (plain http to loopback,
 * where tests run their endpoints), and never across a redirect. Behind HTTPS_PROXY
 * (which Node's fetch does not read) a request goes through @actions/http-client,
 * which tunnels it as the rest of the toolkit does.
 */




/** Checks where a token may be sent; `what` names the endpoint in messages ("Google STS"). */
function exchangeUrl(url, what) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        throw new errors/* UserError */.yo(`${what} endpoint "${url}" is not a URL — write it as https://host[/path]`);
    }
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && (0,naming.isLoopback)(u.host))) {
        throw new errors/* UserError */.yo(`${what} endpoint ${u.origin} is not https — tokens are sent over https only (plain http to localhost only)`);
    }
    return u;
}
const ATTEMPTS = 3;
const TIMEOUT_MS = 30_000;
function pause(attempt, retryAfter) {
    const asked = Number(retryAfter);
    const ms = Number.isFinite(asked) && asked >= 0 ? Math.min(asked * 1000, 10_000) : 500 * 2 ** (attempt - 1);
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** One exchange (retried on 429, 5xx and network errors); a redirect is refused rather than followed with the token. */
async function send(url, what, init) {
    const headers = { accept: 'application/json', ...init.headers };
    let body;
    if (init.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(init.form).toString();
    }
    else if (init.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(init.json);
    }
    const method = init.method ?? (body === undefined ? 'GET' : 'POST');
    let res;
    const viaProxy = (await (0,proxy/* proxyFor */.iJ)(url)) !== undefined;
    // A busy or briefly failing service gets two more tries; a refusal (4xx) is final.
    for (let attempt = 1;; attempt++) {
        try {
            res = viaProxy
                ? await throughProxy(url, method, headers, body)
                : await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
        }
        catch (err) {
            if (attempt < ATTEMPTS) {
                await pause(attempt, undefined);
                continue;
            }
            const cause = err.cause;
            throw new errors/* UserError */.yo(`${what} at ${url.origin} could not be reached: ${(0,errors/* oneLine */.TN)(cause ?? err)} (after ${ATTEMPTS} attempts)`);
        }
        if (attempt >= ATTEMPTS || (res.status !== 429 && res.status < 500))
            break;
        await res.body?.cancel();
        await pause(attempt, res.headers.get('retry-after'));
    }
    if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        throw new errors/* UserError */.yo(`${what} at ${url.origin} answered with a redirect (${res.status}); tokens are not sent on to another address`);
    }
    const text = await res.text();
    let json;
    try {
        const doc = JSON.parse(text);
        if (doc && typeof doc === 'object' && !Array.isArray(doc))
            json = doc;
    }
    catch {
        // not JSON: the status says enough
    }
    return { status: res.status, json, headers: res.headers };
}
/** The same request with @actions/http-client (proxy tunnel, no redirects followed), answered as fetch answers. */
async function throughProxy(url, method, headers, body) {
    const { HttpClient } = await __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 4942));
    const client = new HttpClient('regkit', [], { allowRedirects: false, socketTimeout: TIMEOUT_MS });
    try {
        const r = await client.request(method, url.href, body ?? null, headers);
        const text = await r.readBody();
        const out = new Headers();
        for (const [k, v] of Object.entries(r.message.headers))
            for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v])
                out.append(k, one);
        return new Response(text, { status: r.message.statusCode ?? 0, headers: out });
    }
    finally {
        client.dispose();
    }
}
/** The string field `key` of a JSON answer, or undefined. */
function field(a, key) {
    const v = a.json?.[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/** An OAuth error answer ({error, error_description}) or Google's ({error: {message, status}}) in one phrase. */
function reasonOf(a) {
    const err = a.json?.error;
    if (err && typeof err === 'object') {
        const { status, message } = err;
        return [status, message].filter((x) => typeof x === 'string' && x).join(': ') || `HTTP ${a.status}`;
    }
    const parts = [err, a.json?.error_description ?? a.json?.message ?? a.json?.detail].filter((x) => typeof x === 'string' && x);
    return parts.length ? parts.join(': ') : `HTTP ${a.status}`;
}
/** The access token a cloud gave for GitHub's OIDC token, masked at once; a refusal names the claims to fix. */
function tradedToken(a, ctx, t) {
    const access = field(a, 'access_token');
    if (a.status === 200 && access) {
        ctx.mask(access);
        return access;
    }
    if ((t.refusals ?? [400, 401, 403]).includes(a.status))
        throw refused(t.names, t.refuser, reasonOf(a), t.token, t.fix);
    throw new errors/* UserError */.yo(`registry ${t.names}: ${t.service} answered ${a.status}: ${reasonOf(a)}`);
}

;// CONCATENATED MODULE: ./src/credentials/azure.ts
/**
 * Azure Container Registry without a stored secret: GitHub's OIDC token is the
 * client assertion of an Entra app with a federated credential; Entra answers
 * with an access token, which the registry's own `/oauth2/exchange` trades for
 * an ACR refresh token. That refresh token is the registry password, with the
 * all-zero username ACR expects for it. The exchange lives beside the realm
 * the registry's challenge names (as the Azure CLI finds it), so sovereign
 * clouds (azurecr.us, azurecr.cn) need nothing but AZURE_AUTHORITY_HOST.
 */




const ACR_REFRESH_USERNAME = '00000000-0000-0000-0000-000000000000';
// The resource ACR accepts Entra tokens for: Azure Resource Manager of the cloud the authority belongs to.
function armScope(authority) {
    if (authority.hostname.endsWith('.us'))
        return 'https://management.usgovcloudapi.net/.default';
    if (authority.hostname.endsWith('.cn'))
        return 'https://management.chinacloudapi.cn/.default';
    return 'https://management.azure.com/.default';
}
async function entraToken(a, env, ctx, names) {
    const token = await githubIdToken(ctx, env, a.audience ?? 'api://AzureADTokenExchange', names);
    const authority = exchangeUrl(env.AZURE_AUTHORITY_HOST?.trim() || 'https://login.microsoftonline.com', 'Microsoft Entra');
    const url = new URL(`${authority.pathname.replace(/\/$/, '')}/${encodeURIComponent(a.tenant_id)}/oauth2/v2.0/token`, authority);
    const answer = await send(url, 'Microsoft Entra', {
        form: {
            grant_type: 'client_credentials',
            client_id: a.client_id,
            scope: armScope(authority),
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: token,
        },
    });
    return tradedToken(answer, ctx, {
        names,
        service: 'Microsoft Entra',
        refuser: `Microsoft Entra (app ${a.client_id})`,
        token,
        fix: "add a federated credential to the app whose issuer, subject and audience match this token's",
        refusals: [400, 401],
    });
}
/** Where this registry exchanges Entra tokens: beside the realm its challenge names, on its own host. */
async function exchangeEndpoint(registry) {
    const v2 = new URL('/v2/', (0,src_registry.baseUrl)({ domain: registry.domain, insecure: registry.insecure || undefined }));
    const answer = await send(exchangeUrl(v2.href, `registry ${registry.name}`), `registry ${registry.name}`, {});
    const bearer = (0,src_registry.parseChallenges)(answer.headers.get('www-authenticate') ?? undefined).find((c) => c.scheme === 'bearer');
    if (answer.status !== 401 || !bearer?.params.realm) {
        throw new errors/* UserError */.yo(`registry ${registry.name}: ${registry.domain} did not ask for a Bearer token (HTTP ${answer.status}), so it is not an Azure container registry — check the domain`);
    }
    const realm = exchangeUrl(bearer.params.realm, `registry ${registry.name}'s token realm`);
    // The Entra token is good for the whole tenant: it goes to the registry's own host and nowhere else.
    if (realm.hostname !== v2.hostname) {
        throw new errors/* UserError */.yo(`registry ${registry.name}: ${registry.domain} names its token service on ${realm.hostname}; an Azure token is only sent to the registry's own host`);
    }
    return { url: new URL('/oauth2/exchange', realm), service: bearer.params.service || v2.host };
}
async function fromAzureKeyless(registry, a, env, ctx) {
    const names = registry.name;
    const access = await once(ctx, ['entra', a, env.AZURE_AUTHORITY_HOST ?? ''], () => entraToken(a, env, ctx, names));
    const { url, service } = await exchangeEndpoint(registry);
    const answer = await send(url, `registry ${registry.name}'s token exchange`, {
        form: { grant_type: 'access_token', service, tenant: a.tenant_id, access_token: access },
    });
    const refresh = field(answer, 'refresh_token');
    if (answer.status !== 200 || !refresh) {
        const fix = answer.status === 401 || answer.status === 403
            ? ` — give the app ${a.client_id} the AcrPush (or AcrPull) role on the registry`
            : '';
        throw new errors/* UserError */.yo(`registry ${names}: ${registry.domain} refused to exchange the Entra token: ${reasonOf(answer)}${fix}`);
    }
    ctx.mask(refresh);
    return {
        username: ACR_REFRESH_USERNAME,
        password: refresh,
        source: `Azure federated credential, app ${a.client_id} (keyless)`,
    };
}

;// CONCATENATED MODULE: ./src/credentials/dockerhub.ts
/**
 * Docker Hub without a stored token: GitHub's OIDC token goes to Docker's
 * identity service with the id of an OIDC connection set up in Docker Hub
 * (OAuth 2.0 token exchange, RFC 8693), which answers with a short-lived
 * Docker Hub access token used as the password of the connection's user or
 * organisation — the exchange docker/login-action does.
 */



const IDENTITY = 'https://identity.docker.com';
// The longest life Docker grants; the login serves the whole job.
const LIFETIME_SECONDS = 3600;
async function hubToken(d, env, ctx, names) {
    // Checked again here: from a ${VAR} it was not seen when the file was read.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(d.connection_id.trim())) {
        throw new errors/* UserError */.yo(`registry ${names}: credentials.dockerhub.connection_id is not a UUID — copy the connection's id from Docker Hub`);
    }
    const token = await githubIdToken(ctx, env, IDENTITY, names);
    const base = env.REGKIT_DOCKER_IDENTITY_URL?.trim() || IDENTITY;
    const url = exchangeUrl(`${base.replace(/\/$/, '')}/oauth/token`, 'Docker identity');
    const a = await send(url, 'Docker identity', {
        form: {
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
            subject_token: token,
            connection_id: d.connection_id.trim(),
            expires_in: String(LIFETIME_SECONDS),
        },
    });
    return tradedToken(a, ctx, {
        names,
        service: 'Docker identity',
        refuser: `Docker Hub (connection ${d.connection_id})`,
        token,
        fix: "the connection's rulesets must accept this repository's subject",
    });
}
async function fromDockerHubKeyless(registry, d, env, ctx) {
    const password = await once(ctx, ['dockerhub', d, env.REGKIT_DOCKER_IDENTITY_URL ?? ''], () => hubToken(d, env, ctx, registry.name));
    return { username: d.username, password, source: 'Docker Hub OIDC connection (keyless)' };
}

;// CONCATENATED MODULE: ./src/credentials/google.ts
/**
 * Google without a stored key: GitHub's OIDC token goes to Google's Security
 * Token Service (workload identity federation) for a federated access token,
 * which either is the registry password itself or, with a service account,
 * is traded at IAM credentials for that account's access token. The registry
 * username is then `oauth2accesstoken`, as for any Google access token.
 */



const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/**
 * The base URL of a Google API: gcloud's own override variable (CLOUDSDK_API_ENDPOINT_OVERRIDES_STS,
 * …_IAMCREDENTIALS), else the API on the universe domain (GOOGLE_CLOUD_UNIVERSE_DOMAIN, for sovereign clouds).
 */
function apiBase(env, api) {
    const override = env[`CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`]?.trim();
    if (override)
        return override.endsWith('/') ? override : `${override}/`;
    return `https://${api}.${env.GOOGLE_CLOUD_UNIVERSE_DOMAIN?.trim() || 'googleapis.com'}/`;
}
async function federatedToken(g, env, ctx, names) {
    const audience = g.audience ?? `https://iam.googleapis.com/${g.workload_identity_provider}`;
    const token = await githubIdToken(ctx, env, audience, names);
    const url = exchangeUrl(`${apiBase(env, 'sts')}v1/token`, 'Google STS');
    const a = await send(url, 'Google STS', {
        json: {
            grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
            audience: `//iam.googleapis.com/${g.workload_identity_provider}`,
            scope: SCOPE,
            requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
            subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
            subjectToken: token,
        },
    });
    return tradedToken(a, ctx, {
        names,
        service: 'Google STS',
        refuser: `Google STS (${g.workload_identity_provider})`,
        token,
        fix: "the provider's attribute condition and its allowed audiences must accept this token",
    });
}
async function serviceAccountToken(g, federated, env, ctx, names) {
    const url = exchangeUrl(`${apiBase(env, 'iamcredentials')}v1/projects/-/serviceAccounts/${encodeURIComponent(g.service_account)}:generateAccessToken`, 'Google IAM credentials');
    const a = await send(url, 'Google IAM credentials', {
        headers: { authorization: `Bearer ${federated}` },
        json: { scope: [SCOPE], lifetime: '3600s' },
    });
    const token = field(a, 'accessToken');
    if (a.status === 200 && token) {
        ctx.mask(token);
        return token;
    }
    const fix = a.status === 403 || a.status === 401
        ? ` — grant the workload identity pool's principal for this repository roles/iam.workloadIdentityUser on ${g.service_account}`
        : '';
    throw new errors/* UserError */.yo(`registry ${names}: Google IAM credentials refused an access token for ${g.service_account}: ${reasonOf(a)}${fix}`);
}
/** gcr/gar keyless: the access token of the service account (or the federated token itself, without one). */
async function fromGoogleKeyless(registry, g, env, ctx) {
    const names = registry.name;
    const federated = await once(ctx, ['google-sts', g, apiBase(env, 'sts')], () => federatedToken(g, env, ctx, names));
    if (!g.service_account)
        return { username: 'oauth2accesstoken', password: federated, source: 'Google workload identity (keyless)' };
    const sa = { ...g, service_account: g.service_account };
    const token = await once(ctx, ['google-sa', g, apiBase(env, 'iamcredentials')], () => serviceAccountToken(sa, federated, env, ctx, names));
    return {
        username: 'oauth2accesstoken',
        password: token,
        source: `Google service account ${g.service_account} (keyless)`,
    };
}

;// CONCATENATED MODULE: ./src/credentials/providers.ts
/**
 * The fixed-username providers: each turns its key into the username/password
 * pair its registry expects from `docker login`.
 */







function checkJsonKey(text, registry, what) {
    try {
        const doc = JSON.parse(text);
        if (doc && typeof doc === 'object' && !Array.isArray(doc))
            return text;
    }
    catch {
        // the parser's message would quote the key
    }
    throw new errors/* UserError */.yo(`registry ${registry.name}: ${what} is not a service-account JSON key`);
}
/** gcr/gar: `_json_key` with the service-account JSON, or `oauth2accesstoken` with a short-lived token. */
async function fromGoogle(registry, google, env, ctx) {
    if ('workload_identity_provider' in google)
        return fromGoogleKeyless(registry, google, env, ctx);
    if ('access_token' in google)
        return { username: 'oauth2accesstoken', password: google.access_token, source: 'Google access token' };
    if ('json_key' in google) {
        return {
            username: '_json_key',
            password: checkJsonKey(google.json_key, registry, 'credentials.google.json_key'),
            source: 'Google service-account key',
        };
    }
    const file = google.json_key_file;
    const place = {
        at: registry.positions['credentials.google.json_key_file'] ?? registry.at,
        subject: `registry "${registry.name}": credentials.google.json_key_file`,
    };
    const at = `${(0,errors/* formatPosition */.Ld)(place.at)}: ${place.subject}`;
    (0,workspace/* workspacePath */.X)(file, at, undefined, place.at);
    const data = await (0,src_crypto/* readInput */.R5)(file);
    const plain = (0,src_crypto/* isEncrypted */.ph)(data) ? await decryptFor(data, file, place, ctx) : data;
    const text = checkJsonKey(plain.toString('utf8'), registry, file);
    return { username: '_json_key', password: text, source: `Google service-account key ${file}` };
}
/** username/password, named after what it is for the provider. */
function fromStatic(registry, spec) {
    let source = 'username/password';
    if (registry.provider === 'ghcr' && registry.credentials === undefined)
        source = 'GITHUB_TOKEN';
    else if (registry.provider === 'quay' && spec.username.includes('+'))
        source = 'Quay robot account';
    else if (registry.provider === 'acr')
        source = 'ACR admin user';
    return { username: spec.username, password: spec.password, source };
}
/** The credential of every form that needs no network and no batching. */
async function fromSpec(registry, spec, env, ctx) {
    if ('username' in spec)
        return fromStatic(registry, spec);
    if ('google' in spec)
        return fromGoogle(registry, spec.google, env, ctx);
    if ('azure' in spec) {
        if ('tenant_id' in spec.azure)
            return fromAzureKeyless(registry, spec.azure, env, ctx);
        return { username: spec.azure.client_id, password: spec.azure.client_secret, source: 'Azure service principal' };
    }
    if ('dockerhub' in spec)
        return fromDockerHubKeyless(registry, spec.dockerhub, env, ctx);
    return { username: 'iamapikey', password: spec.ibm.apikey, source: 'IBM Cloud API key' };
}

;// CONCATENATED MODULE: ./src/credentials/resolve.ts
/**
 * Turns each registry's resolved `credentials:` spec into a username and
 * password. Every secret is masked the moment it is known. ECR registries are
 * fetched together so that registries sharing an AWS identity and region cost
 * one API call.
 */





function checked(req, cred, ctx) {
    // Masked before it is checked, so that not even an error about it can show it.
    maskCredential(cred, ctx.mask);
    const name = req.registry.name;
    if (cred.username === '')
        throw new errors/* UserError */.yo(`registry ${name}: the username is empty`);
    if (cred.username.includes(':'))
        throw new errors/* UserError */.yo(`registry ${name}: the username must not contain ":"`);
    if (cred.password === '')
        throw new errors/* UserError */.yo(`registry ${name}: the password is empty`);
    return cred;
}
/** A credential for every request, by registry name. Rejects with the first UserError. */
async function resolveCredentials(requests, ctx) {
    const ecr = [];
    const single = [];
    for (const req of requests) {
        const { registry, spec } = req;
        if ('aws' in spec)
            ecr.push({ registry, aws: spec.aws, env: req.env });
        else {
            const pending = 'dockercfg' in spec
                ? fromDockercfg(registry, spec.dockercfg, false, ctx)
                : 'encrypted_dockercfg' in spec
                    ? fromDockercfg(registry, spec.encrypted_dockercfg, true, ctx)
                    : fromSpec(registry, spec, req.env, ctx);
            single.push(pending.then((cred) => [registry.name, checked(req, cred, ctx)]));
        }
    }
    const fromEcr = ecr.length ? ecrCredentials(ecr, ctx) : Promise.resolve(new Map());
    const [pairs, ecrMap] = await Promise.all([Promise.all(single), fromEcr]);
    const out = new Map(pairs);
    for (const req of requests) {
        const cred = ecrMap.get(req.registry.name);
        if (cred)
            out.set(req.registry.name, checked(req, cred, ctx));
    }
    return out;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/docker/config.ts
var config = __webpack_require__(656);
;// CONCATENATED MODULE: ./src/docker/snapshot.ts
/**
 * What the Docker config was before a login, and putting it back.
 *
 * The snapshot is taken, and handed to the caller to keep (the action saves it to
 * its state), BEFORE anything is written, so that the post step can undo a main
 * step that failed half-way. When later steps left the file as we wrote it, the
 * original bytes come back exactly; when they changed it, only our entries are
 * undone and their changes stay.
 */






const sha256 = (b) => (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex');
function takeSnapshot(dir) {
    const file = (0,config/* configPath */.eQ)(dir);
    const bytes = (0,config/* readBytes */.io)(file);
    const snapshot = { file, dirExisted: (0,external_node_fs_.existsSync)(dir) };
    if (bytes !== undefined) {
        snapshot.content = bytes.toString('base64');
        snapshot.mode = (0,external_node_fs_.statSync)(file).mode & 0o777;
    }
    else if (isSymlink(file)) {
        snapshot.link = (0,external_node_fs_.readlinkSync)(file);
    }
    return snapshot;
}
/** What writing these logins would produce, without writing: parse errors surface before any change. */
function planWrite(snapshot, logins) {
    const before = snapshot.content === undefined ? undefined : Buffer.from(snapshot.content, 'base64').toString('utf8');
    const doc = (0,config/* parseConfig */.o4)(before, snapshot.file);
    const touched = (0,config/* addLogins */.WF)(doc, logins, snapshot.file);
    return { text: (0,config/* formatConfig */.cZ)(doc), touched };
}
/** Writes a planned config and records what was written in the snapshot. */
function commitWrite(snapshot, plan) {
    (0,config/* writeAtomic */.vZ)(snapshot.file, plan.text, 0o600);
    snapshot.written = { sha256: sha256(Buffer.from(plan.text, 'utf8')), touched: plan.touched };
}
/** Puts the config back as the snapshot found it. */
function restoreSnapshot(snapshot) {
    const { file } = snapshot;
    const now = readBytes(file);
    const original = snapshot.content === undefined ? undefined : Buffer.from(snapshot.content, 'base64');
    if (now === undefined ? original === undefined : original !== undefined && now.equals(original))
        return 'unchanged';
    // Not ours any more: a later step changed the file; keep its changes.
    if (now !== undefined && snapshot.written && sha256(now) !== snapshot.written.sha256) {
        undoEntries(snapshot, now, original, snapshot.written.touched);
        return 'entries-removed';
    }
    if (original !== undefined) {
        writeAtomic(file, original, snapshot.mode ?? 0o600);
    }
    else {
        rmSync(file, { force: true });
        if (snapshot.link !== undefined)
            symlinkSync(snapshot.link, file);
        else if (!snapshot.dirExisted)
            removeEmptyDir(dirname(file));
    }
    return 'restored';
}
function isSymlink(file) {
    try {
        return (0,external_node_fs_.lstatSync)(file).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/**
 * The snapshot kept for the post step, as a file only the runner's user can read: it holds
 * the old config's credentials, and a big config does not fit in the step's environment.
 */
function snapshotFileIn(dir) {
    return join(dir, `regkit-login-${process.pid}-${randomBytes(6).toString('hex')}.json`);
}
function saveSnapshotFile(path, snapshot) {
    writeAtomic(path, JSON.stringify(snapshot), 0o600);
}
/** The snapshot a main step kept; undefined when there is none (main never got to write). */
function loadSnapshotFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new UserError(`${path}: the login's saved state is damaged; the Docker config could not be put back`);
    }
}
function removeSnapshotFile(path) {
    rmSync(path, { force: true });
}
function removeEmptyDir(dir) {
    try {
        rmdirSync(dir);
    }
    catch {
        // not empty (buildx or another tool wrote there since): leave it
    }
}
function section(doc, key) {
    const v = doc[key];
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function undoSection(now, before, name, keys) {
    const current = section(now, name);
    if (!current)
        return;
    const previous = section(before, name);
    for (const key of keys) {
        if (previous && key in previous)
            current[key] = previous[key];
        else
            delete current[key];
    }
    if (Object.keys(current).length === 0 && !(name in before))
        delete now[name];
}
function undoEntries(snapshot, now, original, touched) {
    let doc;
    try {
        doc = parseConfig(now.toString('utf8'), snapshot.file);
    }
    catch {
        throw new UserError(`${snapshot.file}: changed by a later step and no longer valid JSON; regkit's logins could not be removed`);
    }
    const before = parseConfig(original?.toString('utf8'), snapshot.file);
    undoSection(doc, before, 'auths', touched.auths);
    undoSection(doc, before, 'credHelpers', touched.credHelpers);
    writeAtomic(snapshot.file, formatConfig(doc), snapshot.mode ?? 0o600);
}

;// CONCATENATED MODULE: ./src/credentials/plan.ts
/**
 * Which account logs in to which domain. Docker keeps one login per domain, so
 * when several selected registries share a domain exactly one of them is
 * written: the registry-contexts entry for that domain, else the primary, else
 * the only one.
 */


function chooseAccounts(registriesFile, selected, registryContexts) {
    const contexts = registryContexts.length
        ? (0,registries_file.selectRegistries)(registriesFile, registryContexts, 'input registry-contexts')
        : [];
    // Every context domain is checked, so two contexts on one domain fail even where nothing else is selected.
    for (const d of new Set(contexts.map((r) => r.domain)))
        (0,registries_file/* pullRegistryFor */.gd)(registriesFile, d, registryContexts);
    const domains = [...new Set(selected.map((r) => r.domain))];
    return domains.map((domain) => {
        const onDomain = selected.filter((r) => r.domain === domain);
        const chosen = contexts.find((r) => r.domain === domain) ??
            (onDomain.length === 1 ? onDomain[0] : onDomain.find((r) => r.primary));
        if (!chosen) {
            const names = onDomain.map((r) => `"${r.name}"`).join(' and ');
            throw new errors/* UserError */.yo(`registries ${names} are all for ${domain} and none of them is primary — select one, or name the one to use in registry-contexts`);
        }
        return { domain, registry: chosen, passedOver: onDomain.filter((r) => r !== chosen) };
    });
}

;// CONCATENATED MODULE: ./src/credentials/verify.ts
/**
 * The login check: every credential is tried against its registry, all at once
 * (GET /v2/ with Basic, or the Bearer token flow its challenge asks for; the
 * registry client retries 429, 5xx and connection errors with backoff).
 */


/** How long the whole check may take, and each silent wait within it. */
const VERIFY_DEADLINE_MS = 30_000;
const IDLE_MS = 10_000;
/**
 * Resolves when every login works; else one UserError line naming each registry that failed.
 * A registry that never answers fails the check within VERIFY_DEADLINE_MS, and each retry is
 * said in one `log` line, so a stuck step is never silent.
 */
async function verifyLogins(checks, mask, log = () => { }) {
    const transport = new src_registry.Transport({
        timeoutMs: IDLE_MS,
        retries: 2,
        deadline: Date.now() + VERIFY_DEADLINE_MS,
        onRetry: (m) => log(`login check: ${m}`),
    });
    let results;
    try {
        results = await Promise.allSettled(checks.map(({ registry, credential }) => 
        // insecure: false means "not asked for": loopback still speaks plain http, which never leaves the machine.
        (0,src_registry.ping)({ domain: registry.domain, insecure: registry.insecure || undefined }, credential, {
            onSecret: mask,
            transport,
        })));
    }
    finally {
        transport.close();
    }
    const failures = [];
    results.forEach((result, i) => {
        if (result.status === 'rejected') {
            // Whatever a misbehaving registry caused, the user needs to know which login it broke.
            failures.push(`login to ${checks[i].registry.name} failed: ${(0,errors/* oneLine */.TN)(result.reason)}`);
        }
    });
    if (failures.length)
        throw new errors/* UserError */.yo(failures.join('; '));
}

;// CONCATENATED MODULE: ./src/credentials/login.ts
/**
 * Logging in to the registries of a registries file: what the login action and
 * `regkit login` both do. Everything that can fail — the file, `${VAR}`s, the
 * AES key, credential sources, the registries' answers — is done before the
 * Docker config is touched, and the config is then replaced in one rename, so
 * a failed login leaves it as it was.
 */







/** The AES key, read at most once, and only asked for when an encrypted file is met. */
function keySource(opts) {
    return {
        key: undefined,
        async forFile(file) {
            this.key ??= await (0,src_crypto/* findKey */.Tj)(opts);
            if (!this.key)
                throw new errors/* UserError */.yo((0,src_crypto/* noKeyMessage */._o)(opts, file));
            return this.key;
        },
    };
}
async function logIn(opts) {
    const registriesFile = opts.registriesFile ?? (await (0,registries_file.loadRegistriesFile)(opts.config));
    const selected = (0,registries_file.selectRegistries)(registriesFile, opts.registries, 'input registries');
    const plan = chooseAccounts(registriesFile, selected, opts.registryContexts);
    const keys = keySource(opts.key);
    const notLoggedIn = [];
    const requests = [];
    for (const { domain, registry, passedOver } of plan) {
        for (const r of passedOver)
            notLoggedIn.push({ name: r.name, domain, reason: `${registry.name} serves ${domain}` });
        const resolveOpts = {
            env: opts.env,
            key: await maybeKey(registriesFile.envFiles, registry, keys, opts.key),
            keyFrom: opts.key,
        };
        const spec = await (0,registries_file/* resolveCredentialSpec */.zD)(registriesFile, registry, resolveOpts);
        if (!spec) {
            notLoggedIn.push({ name: registry.name, domain, reason: 'no credentials (anonymous)' });
            continue;
        }
        // ECR and the keyless forms read their endpoints (and GitHub's OIDC variables) from the environment.
        const keyless = ('google' in spec && 'workload_identity_provider' in spec.google) ||
            ('azure' in spec && 'tenant_id' in spec.azure) ||
            'dockerhub' in spec;
        requests.push({
            registry,
            spec,
            env: 'aws' in spec || keyless ? await (0,registries_file/* registryEnv */.Wq)(registriesFile, registry, resolveOpts) : {},
        });
    }
    // Every secret masked is also remembered, so that error lines and registry text are cleaned of it.
    const mask = (0,errors/* remembering */.Mw)(opts.mask);
    const credentials = await resolveCredentials(requests, {
        key: (file) => keys.forFile(file),
        keyOrigin: () => (0,src_crypto/* keyOrigin */._9)(opts.key),
        mask,
        idToken: opts.idToken,
        warn: opts.warn,
    });
    const checks = requests.map(({ registry }) => ({ registry, credential: credentials.get(registry.name) }));
    if (opts.verify)
        await verifyLogins(checks, mask, opts.log);
    const snapshot = takeSnapshot(opts.dockerConfigDir);
    const write = planWrite(snapshot, checks.map(({ registry, credential }) => ({ domain: registry.domain, ...credential })));
    opts.onSnapshot?.(snapshot);
    commitWrite(snapshot, write);
    opts.onSnapshot?.(snapshot);
    return {
        logins: checks.map(({ registry, credential }) => ({
            name: registry.name,
            domain: registry.domain,
            username: credential.username,
            source: credential.source,
            verified: opts.verify,
        })),
        notLoggedIn,
        configDir: opts.dockerConfigDir,
    };
}
/**
 * The key for resolving a registry's `${VAR}`s, when an env file it reads may be
 * encrypted; undefined otherwise, so that a registry with plain credentials
 * never needs the key.
 */
async function maybeKey(envFiles, registry, keys, opts) {
    if (envFiles.length === 0 && registry.envFile === undefined)
        return undefined;
    return (keys.key ??= await (0,src_crypto/* findKey */.Tj)(opts));
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/docker/phase-config.ts
/**
 * A Docker config folder of its own for one phase of a step (pull/build, push),
 * so that each phase can use another account for the same domain, and the
 * user's config is never written.
 *
 * It starts as the user's: config.json copied (logins of the login action, proxies,
 * credential helpers stay), everything else beside it — buildx builder state,
 * cli-plugins, contexts — linked, so that buildx finds its builders (it keeps their state beside config.json).
 * The folder holds credentials: it is made private and removed when the step ends.
 */




/** Where temporary folders go: the runner's temp folder, else the system's. */
function tempRoot(env = process.env) {
    return env.RUNNER_TEMP?.trim() || (0,external_node_os_.tmpdir)();
}
function createPhaseConfig(name, env = process.env) {
    const base = (0,config/* dockerConfigDir */.kG)(env);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempRoot(env), `regkit-docker-${name}-`)); // mode 0700
    if ((0,external_node_fs_.existsSync)(base)) {
        for (const entry of (0,external_node_fs_.readdirSync)(base)) {
            if (entry === config/* CONFIG_FILE */.g2)
                (0,external_node_fs_.copyFileSync)((0,config/* configPath */.eQ)(base), (0,config/* configPath */.eQ)(dir));
            else if (!entry.startsWith('.config.json.'))
                (0,external_node_fs_.symlinkSync)((0,external_node_path_.join)(base, entry), (0,external_node_path_.join)(dir, entry));
        }
    }
    return {
        dir,
        env: { DOCKER_CONFIG: dir },
        remove: () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true }),
    };
}

;// CONCATENATED MODULE: ./src/credentials/accounts.ts
/**
 * Which account serves which domain in each phase of a step, and the Docker
 * config of each phase, written by the login code (src/credentials/login.ts).
 *
 * Docker keeps one login per domain. A build reads (FROM images, fallbacks,
 * cache) with the registry-contexts' accounts, and pushes with the target's; when
 * both phases need the same domain under different accounts — Codefresh's
 * staging-to-production case — each phase gets its own config.
 */


/** One registry per domain: a context for its domain wins, else the first one listed. */
function accountsByDomain(registries, contexts = []) {
    const out = new Map();
    for (const r of registries) {
        if (out.has(r.domain))
            continue;
        out.set(r.domain, contexts.find((c) => c.domain === r.domain) ?? r);
    }
    return out;
}
/** Domains that the two phases need under different accounts. */
function conflictingDomains(read, write) {
    return [...write]
        .filter(([domain, r]) => read.has(domain) && read.get(domain).name !== r.name)
        .map(([domain]) => domain);
}
/** Both phases in one config (no conflicts): the write accounts added to the read ones. */
function unionAccounts(read, write) {
    return new Map([...read, ...write]);
}
/**
 * A config folder for the phase holding the user's config plus a login for each
 * account. Removes the folder again when the login fails.
 */
async function loginPhase(phase, accounts, ctx) {
    const config = createPhaseConfig(phase, ctx.env);
    if (accounts.size === 0)
        return { ...config, phase, logins: [], anonymous: [] };
    try {
        const chosen = [...accounts.values()];
        const result = await logIn({
            config: ctx.config,
            registriesFile: ctx.registriesFile,
            registries: chosen.map((r) => r.name),
            // The choice is made already; naming it as the context keeps logIn from asking for a primary.
            registryContexts: chosen.map((r) => r.name),
            verify: false,
            env: ctx.env,
            key: ctx.key,
            dockerConfigDir: config.dir,
            mask: ctx.mask,
        });
        return { ...config, phase, logins: result.logins, anonymous: result.notLoggedIn.map((n) => n.name) };
    }
    catch (err) {
        config.remove();
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/credentials/login-inputs.ts
/**
 * Logging in without a registries file, with the inputs docker/login-action users
 * already write: `registry`, `username`, `password`, `ecr`, or several registries at
 * once as the YAML list `registry-auth`. They become an in-memory registries file,
 * so the login that follows is the same one — verification, masking, the Docker
 * config written in one rename and put back in the post step. Positions in it name
 * the input (`input registry-auth:3:5`), never a file that does not exist.
 *
 * Values from inputs are taken literally: a `$` in a password is a `$`, not a `${VAR}`.
 */




const ENTRY_KEYS = (/* unused pure expression or super */ null && (['registry', 'username', 'password', 'ecr']));
/** Whether the step names its registries by inputs rather than by a registries file. */
function usesLoginInputs(inputs) {
    return [inputs.registry, inputs.username, inputs.password, inputs.ecr, inputs.registryAuth].some((v) => v.trim() !== '');
}
// `$$` is how the registries file writes a literal `$`; input values never hold variables.
const literal = (s) => s.replace(/\$/g, '$$$$');
function scalar(src, value, path, what) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    throw new UserError(`${formatPosition(positionOf(src, path))}: ${what} must be a single value`);
}
function fromRegistryAuth(text, mask) {
    const src = parseYaml(text, 'input registry-auth');
    const list = src.data;
    if (!Array.isArray(list)) {
        throw new UserError(`${formatPosition(positionOf(src, []))}: registry-auth must be a YAML list, one "- registry: …, username: …, password: …" per registry`);
    }
    // Masked first: nothing below prints a password, but nothing is trusted not to.
    for (const item of list) {
        const password = item?.password;
        if (typeof password === 'string' || typeof password === 'number')
            for (const form of secretForms(String(password)))
                mask(form);
    }
    const entries = list.map((item, i) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
            throw new UserError(`${formatPosition(positionOf(src, [i]))}: registry-auth entry ${i + 1} must be a mapping with registry, username and password`);
        }
        const o = item;
        return {
            registry: scalar(src, o.registry, [i, 'registry'], 'registry'),
            username: scalar(src, o.username, [i, 'username'], 'username'),
            password: scalar(src, o.password, [i, 'password'], 'password'),
            ecr: scalar(src, o.ecr, [i, 'ecr'], 'ecr'),
            at: positionOf(src, [i]),
            positions: positionsUnder(src, [i]),
        };
    });
    list.forEach((item, i) => {
        for (const key of Object.keys(item)) {
            if (ENTRY_KEYS.includes(key))
                continue;
            const hint = didYouMean(key, ENTRY_KEYS);
            throw new UserError(`${formatPosition(positionOf(src, [i, key], true))}: registry-auth entry ${i + 1} has an unknown key "${key}"${hint ? ` — ${hint}` : ''} (keys: ${ENTRY_KEYS.join(', ')})`);
        }
    });
    if (entries.length === 0)
        throw new UserError('input registry-auth: the list is empty — give at least one registry');
    return entries;
}
function toRegistry(e, seen) {
    const at = (key) => e.positions[key] ?? e.at;
    const where = (key) => formatPosition(at(key));
    const raw = e.registry.trim() || 'docker.io';
    const problem = domainProblem('other', raw);
    if (problem)
        throw new UserError(`${where('registry')}: registry ${problem.replace(/^domain /, '')}`);
    const domain = normalizeDomain(raw);
    const before = seen.get(domain);
    if (before)
        throw new UserError(`${where('registry')}: ${domain} is given twice (also at ${formatPosition(before)}) — one login per registry`);
    seen.set(domain, at('registry'));
    const ecrMode = e.ecr.trim().toLowerCase() || 'auto';
    if (!['auto', 'true', 'false'].includes(ecrMode))
        throw new UserError(`${where('ecr')}: ecr must be auto, true or false, not "${e.ecr}"`);
    const isEcr = ecrMode === 'true' || (ecrMode === 'auto' && ecrParts(domain) !== undefined);
    if (isEcr && !ecrParts(domain)) {
        throw new UserError(`${where('ecr')}: ecr: true, but ${domain} is not an Amazon ECR domain (<account>.dkr.ecr.<region>.amazonaws.com)`);
    }
    let credentials;
    if (isEcr) {
        // As docker/login-action: username and password are the AWS access key, else the AWS environment.
        credentials = { aws: {} };
        if (e.username || e.password)
            credentials.aws = { access_key_id: literal(e.username), secret_access_key: literal(e.password) };
    }
    else {
        if (!e.username)
            throw new UserError(`${where('username')}: no username for ${domain} — give username and password`);
        if (!e.password)
            throw new UserError(`${where('password')}: no password for ${domain} — give password (a token), e.g. \${{ secrets.REGISTRY_TOKEN }}`);
        credentials = { username: literal(e.username), password: literal(e.password) };
    }
    const positions = {};
    if (e.positions.username)
        positions[isEcr ? 'credentials.aws.access_key_id' : 'credentials.username'] = e.positions.username;
    if (e.positions.password)
        positions[isEcr ? 'credentials.aws.secret_access_key' : 'credentials.password'] = e.positions.password;
    if (e.positions.registry)
        positions.domain = e.positions.registry;
    return {
        name: domain,
        provider: isEcr ? 'ecr' : 'other',
        domain,
        primary: false,
        insecure: false,
        credentials,
        at: e.at,
        positions,
    };
}
/**
 * The registries the login inputs name, as a registries file held in memory; undefined
 * when the step uses none of them (the registries file is read instead).
 */
function registriesFromInputs(inputs, mask) {
    if (!usesLoginInputs(inputs))
        return undefined;
    let entries;
    if (inputs.registryAuth.trim()) {
        const others = ['registry', 'username', 'password', 'ecr'].filter((k) => inputs[k].trim() !== '');
        entries = fromRegistryAuth(inputs.registryAuth, mask);
        if (others.length)
            throw new UserError(`registry-auth cannot be combined with ${others.join(', ')} — put every registry in the registry-auth list`);
    }
    else {
        for (const form of secretForms(inputs.password))
            mask(form);
        if (![inputs.registry, inputs.username, inputs.password].some((v) => v.trim() !== '')) {
            throw new UserError('input ecr: goes with registry (and username/password), as in docker/login-action — give registry, or remove ecr to use the registries file');
        }
        const at = (name) => ({ file: `input ${name}`, line: 1, column: 1 });
        entries = [
            {
                ...inputs,
                at: at('registry'),
                positions: { registry: at('registry'), username: at('username'), password: at('password'), ecr: at('ecr') },
            },
        ];
    }
    const seen = new Map();
    const registries = entries.map((e) => toRegistry(e, seen));
    return { file: 'inputs', registries, envFiles: [], positions: {} };
}

;// CONCATENATED MODULE: ./src/credentials/index.ts








/***/ })

};
