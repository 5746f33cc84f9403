export const id = 706;
export const ids = [706];
export const modules = {

/***/ 7706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: ./src/crypto/index.ts + 7 modules
var src_crypto = __webpack_require__(3528);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/integrations/index.ts + 11 modules
var integrations = __webpack_require__(6322);
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
        if (!snapshot.dirExisted)
            removeEmptyDir(dirname(file));
    }
    return 'restored';
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
        throw new errors/* UserError */.y(`${file}: not valid JSON; expected a .dockercfg or a Docker config.json`);
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        throw new errors/* UserError */.y(`${file}: expected a JSON object of registries`);
    const auths = doc.auths;
    if (auths !== undefined) {
        if (!auths || typeof auths !== 'object' || Array.isArray(auths))
            throw new errors/* UserError */.y(`${file}: "auths" must be a JSON object`);
        return auths;
    }
    return doc;
}
function domainOf(key) {
    try {
        return (0,integrations/* normalizeDomain */.AT)(key);
    }
    catch {
        return undefined;
    }
}
/** username and password of one entry: `auth` (base64 user:pass) or separate fields. */
function entryCredential(entry, where) {
    if (!entry || typeof entry !== 'object')
        throw new errors/* UserError */.y(`${where} is not a JSON object`);
    const { auth, username, password, identitytoken } = entry;
    if (typeof auth === 'string' && auth !== '') {
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0)
            throw new errors/* UserError */.y(`${where}: "auth" is not base64 of username:password`);
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof username === 'string' && username !== '' && typeof password === 'string')
        return { username, password };
    if (typeof identitytoken === 'string') {
        throw new errors/* UserError */.y(`${where} holds an identity token, which regkit cannot use; store username and password (or "auth") instead`);
    }
    throw new errors/* UserError */.y(`${where} has neither "auth" nor "username" and "password"`);
}
/** Picks the entry for `domain`. */
function pickEntry(entries, domain, file, registry) {
    const keys = Object.keys(entries).filter((k) => domainOf(k) === domain);
    if (keys.length === 0) {
        const has = [...new Set(Object.keys(entries).map((k) => domainOf(k) ?? k))];
        throw new errors/* UserError */.y(`registry ${registry}: ${file} has no entry for ${domain} (it has ${has.length ? has.join(', ') : 'none'}); add one or point credentials at the right file`);
    }
    // Several spellings of one domain: the exact host[:port] wins, else the first.
    const key = keys.find((k) => k === domain) ?? keys[0];
    return entryCredential(entries[key], `registry ${registry}: entry "${key}" of ${file}`);
}
async function fromDockercfg(registry, file, encrypted, ctx) {
    const data = await (0,src_crypto/* readInput */.R5)(file);
    const plain = (0,src_crypto/* isEncrypted */.ph)(data) ? (0,src_crypto/* decrypt */.Yc)(data, await ctx.key(file), { file, expect: 'json' }) : data;
    const entries = dockercfgEntries(plain.toString('utf8'), file);
    const found = pickEntry(entries, registry.domain, file, registry.name);
    const source = `${encrypted || (0,src_crypto/* isEncrypted */.ph)(data) ? 'encrypted dockercfg' : 'dockercfg'} ${file}`;
    return { ...found, source };
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
/** Region, endpoint and keys of one registry; missing pieces come from its AWS_* environment. */
function callFor(req, ctx) {
    const { registry, aws, env } = req;
    const parsed = (0,integrations/* ecrParts */.D5)(registry.domain);
    const region = nonEmpty(aws.region) ?? parsed?.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
    if (!region) {
        throw new errors/* UserError */.y(`registry ${registry.name}: ${registry.domain} is not an ECR domain (<account>.dkr.ecr.<region>.amazonaws.com); set credentials.aws.region`);
    }
    if (parsed && aws.region && parsed.region !== aws.region.trim()) {
        throw new errors/* UserError */.y(`registry ${registry.name}: credentials.aws.region ${aws.region} differs from the region of ${registry.domain} (${parsed.region}); an ECR token serves one region`);
    }
    const accessKeyId = nonEmpty(aws.access_key_id) ?? nonEmpty(env.AWS_ACCESS_KEY_ID);
    const secretAccessKey = nonEmpty(aws.secret_access_key) ?? nonEmpty(env.AWS_SECRET_ACCESS_KEY);
    const sessionToken = nonEmpty(aws.session_token) ?? nonEmpty(env.AWS_SESSION_TOKEN);
    for (const s of [secretAccessKey, sessionToken])
        if (s)
            ctx.mask(s);
    if (!accessKeyId !== !secretAccessKey) {
        const missing = accessKeyId ? 'secret access key (AWS_SECRET_ACCESS_KEY)' : 'access key id (AWS_ACCESS_KEY_ID)';
        throw new errors/* UserError */.y(`registry ${registry.name}: the AWS ${missing} is missing; set both or neither (neither: the AWS SDK's default credentials)`);
    }
    const endpoint = nonEmpty(env.AWS_ENDPOINT_URL_ECR) ?? nonEmpty(env.AWS_ENDPOINT_URL);
    return { region, endpoint, keys: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined };
}
/** Registries that can share one token: same region, endpoint and AWS credentials. */
function groupCalls(requests, ctx) {
    const calls = new Map();
    for (const req of requests) {
        const call = callFor(req, ctx);
        const id = JSON.stringify([call.region, call.endpoint, call.keys?.accessKeyId, call.keys?.secretAccessKey, call.keys?.sessionToken]);
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
    const { ECRClient, GetAuthorizationTokenCommand } = await __webpack_require__.e(/* import() */ 249).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    const client = new ECRClient({ region: call.region, endpoint: call.endpoint, credentials: call.keys, maxAttempts: 3 });
    const names = call.registries.map((r) => r.name).join(', ');
    let token;
    try {
        const out = await client.send(new GetAuthorizationTokenCommand({}));
        token = out.authorizationData?.[0]?.authorizationToken;
    }
    catch (err) {
        const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
        throw new errors/* UserError */.y(`registry ${names}: ECR GetAuthorizationToken in ${call.region} failed: ${name}${(0,errors/* oneLine */.T)(err)}`);
    }
    finally {
        client.destroy();
    }
    const decoded = token ? Buffer.from(token, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new errors/* UserError */.y(`registry ${names}: ECR GetAuthorizationToken in ${call.region} returned no usable token`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/** A credential for every ECR registry, by registry name; one API call per region and AWS identity. */
async function ecrCredentials(requests, ctx) {
    const calls = groupCalls(requests, ctx);
    const results = await Promise.all(calls.map(async (call) => {
        const token = await fetchToken(call);
        ctx.mask(token.password);
        return { call, token };
    }));
    const byName = new Map();
    for (const { call, token } of results) {
        for (const r of call.registries)
            byName.set(r.name, { ...token, source: `ECR token (${call.region})` });
    }
    return byName;
}

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
function secretForms(value) {
    if (value === '')
        return [];
    if (!/[\r\n]/.test(value))
        return [value];
    return jsonKeyParts(value) ?? value.split(/\r?\n/).filter((l) => l.trim() !== '');
}
/** Masks the password in all its forms, and the base64(user:pass) a Docker config holds. */
function maskCredential(credential, mask) {
    for (const form of secretForms(credential.password))
        mask(form);
    mask((0,config/* basicAuth */.tB)(credential.username, credential.password));
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
    throw new errors/* UserError */.y(`registry ${registry.name}: ${what} is not a service-account JSON key`);
}
/** gcr/gar: `_json_key` with the service-account JSON, or `oauth2accesstoken` with a short-lived token. */
async function fromGoogle(registry, google, ctx) {
    if ('access_token' in google)
        return { username: 'oauth2accesstoken', password: google.access_token, source: 'Google access token' };
    if ('json_key' in google) {
        return { username: '_json_key', password: checkJsonKey(google.json_key, registry, 'credentials.google.json_key'), source: 'Google service-account key' };
    }
    const file = google.json_key_file;
    const data = await (0,src_crypto/* readInput */.R5)(file);
    const plain = (0,src_crypto/* isEncrypted */.ph)(data) ? (0,src_crypto/* decrypt */.Yc)(data, await ctx.key(file), { file, expect: 'json' }) : data;
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
async function fromSpec(registry, spec, ctx) {
    if ('username' in spec)
        return fromStatic(registry, spec);
    if ('google' in spec)
        return fromGoogle(registry, spec.google, ctx);
    if ('azure' in spec)
        return { username: spec.azure.client_id, password: spec.azure.client_secret, source: 'Azure service principal' };
    return { username: 'iamapikey', password: spec.ibm.apikey, source: 'IBM Cloud API key' };
}

;// CONCATENATED MODULE: ./src/credentials/index.ts
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
        throw new errors/* UserError */.y(`registry ${name}: the username is empty`);
    if (cred.username.includes(':'))
        throw new errors/* UserError */.y(`registry ${name}: the username must not contain ":"`);
    if (cred.password === '')
        throw new errors/* UserError */.y(`registry ${name}: the password is empty`);
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
                    : fromSpec(registry, spec, ctx);
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

;// CONCATENATED MODULE: ./src/credentials/plan.ts
/**
 * Which account logs in to which domain. Docker keeps one login per domain, so
 * when several selected registries share a domain exactly one of them is
 * written: the registry-contexts entry for that domain, else the primary, else
 * the only one.
 */


function chooseAccounts(integ, selected, registryContexts) {
    const contexts = registryContexts.length ? (0,integrations/* selectRegistries */.g2)(integ, registryContexts, 'input registry-contexts') : [];
    // Every context domain is checked, so two contexts on one domain fail even where nothing else is selected.
    for (const d of new Set(contexts.map((r) => r.domain)))
        (0,integrations/* pullRegistryFor */.gd)(integ, d, registryContexts);
    const domains = [...new Set(selected.map((r) => r.domain))];
    return domains.map((domain) => {
        const onDomain = selected.filter((r) => r.domain === domain);
        const chosen = contexts.find((r) => r.domain === domain) ?? (onDomain.length === 1 ? onDomain[0] : onDomain.find((r) => r.primary));
        if (!chosen) {
            const names = onDomain.map((r) => `"${r.name}"`).join(' and ');
            throw new errors/* UserError */.y(`registries ${names} are all for ${domain} and none of them is primary — select one, or name the one to use in registry-contexts`);
        }
        return { domain, registry: chosen, passedOver: onDomain.filter((r) => r !== chosen) };
    });
}

// EXTERNAL MODULE: ./src/registry/auth.ts + 2 modules
var auth = __webpack_require__(8561);
;// CONCATENATED MODULE: ./src/credentials/verify.ts
/**
 * The login check: every credential is tried against its registry, all at once
 * (GET /v2/ with Basic, or the Bearer token flow its challenge asks for; the
 * registry client retries 429, 5xx and connection errors with backoff).
 */


/** Resolves when every login works; else one UserError line naming each registry that failed. */
async function verifyLogins(checks, mask) {
    const results = await Promise.allSettled(checks.map(({ registry, credential }) => 
    // insecure: false means "not asked for": loopback still speaks plain http, as DESIGN §3 allows.
    (0,auth/* ping */.hU)({ domain: registry.domain, insecure: registry.insecure || undefined }, credential, { onSecret: mask })));
    const failures = [];
    results.forEach((result, i) => {
        if (result.status === 'rejected') {
            // Whatever a misbehaving registry caused, the user needs to know which login it broke.
            failures.push(`login to ${checks[i].registry.name} failed: ${(0,errors/* oneLine */.T)(result.reason)}`);
        }
    });
    if (failures.length)
        throw new errors/* UserError */.y(failures.join('; '));
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
                throw new errors/* UserError */.y((0,src_crypto/* noKeyMessage */._o)(opts, file));
            return this.key;
        },
    };
}
async function logIn(opts) {
    const integ = await (0,integrations/* loadIntegrations */.U_)(opts.config);
    const selected = (0,integrations/* selectRegistries */.g2)(integ, opts.registries, 'input registries');
    const plan = chooseAccounts(integ, selected, opts.registryContexts);
    const keys = keySource(opts.key);
    const notLoggedIn = [];
    const requests = [];
    for (const { domain, registry, passedOver } of plan) {
        for (const r of passedOver)
            notLoggedIn.push({ name: r.name, domain, reason: `${registry.name} serves ${domain}` });
        const resolveOpts = { env: opts.env, key: await maybeKey(integ.envFiles, registry, keys, opts.key) };
        const spec = await (0,integrations/* resolveCredentialSpec */.zD)(integ, registry, resolveOpts);
        if (!spec) {
            notLoggedIn.push({ name: registry.name, domain, reason: 'no credentials (anonymous)' });
            continue;
        }
        requests.push({ registry, spec, env: 'aws' in spec ? await (0,integrations/* registryEnv */.Wq)(integ, registry, resolveOpts) : {} });
    }
    const credentials = await resolveCredentials(requests, { key: (file) => keys.forFile(file), mask: opts.mask });
    const checks = requests.map(({ registry }) => ({ registry, credential: credentials.get(registry.name) }));
    if (opts.verify)
        await verifyLogins(checks, opts.mask);
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

// EXTERNAL MODULE: ./src/registry/transport.ts + 1 modules
var transport = __webpack_require__(5476);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/commands/login.ts







const list = (v) => (v ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
const command = {
    usage: [
        'usage: regkit login [--config FILE] [--registry NAME]... [--registry-context NAME]... [--aes-key-env NAME] [--key-path P] [--no-verify]',
        '',
        'Logs in to the registries of a registries file the way the login action does, writing',
        "the credentials into the Docker config ($DOCKER_CONFIG/config.json, else ~/.docker/config.json).",
        'Unlike the action there is no post step: the logins stay until you `docker logout`.',
        '',
        'options:',
        `  --config FILE             registries file (default ${integrations/* defaultConfigPath */.jE})`,
        '  --registry NAME           log in to this registry only (repeat, or comma separated; default all)',
        '  --registry-context NAME   use this registry\'s account for its domain instead of the primary',
        `  --aes-key-env NAME        read the AES key from environment variable NAME (default ${src_crypto/* KEY_ENV */.uM})`,
        `  --key-path P              key file (default ${src_crypto/* DEFAULT_KEY_PATH */.Qn}), used when the variable is unset`,
        '  --no-verify               write the logins without checking them against the registries',
    ].join('\n'),
    async run(argv) {
        const { values } = (0,usage/* parse */.q)(argv, {
            config: { type: 'string' },
            registry: { type: 'string', multiple: true },
            'registry-context': { type: 'string', multiple: true },
            'aes-key-env': { type: 'string' },
            'key-path': { type: 'string' },
            'no-verify': { type: 'boolean' },
        }, { min: 0, max: 0 });
        const keyEnv = values['aes-key-env'];
        if (keyEnv !== undefined && !(keyEnv in process.env))
            throw new errors/* UserError */.y(`--aes-key-env ${keyEnv}: the environment variable ${keyEnv} is not set`);
        try {
            const result = await logIn({
                config: values.config ?? integrations/* defaultConfigPath */.jE,
                registries: list(values.registry),
                registryContexts: list(values['registry-context']),
                verify: !values['no-verify'],
                env: process.env,
                key: {
                    env: keyEnv ? { [src_crypto/* KEY_ENV */.uM]: process.env[keyEnv] } : process.env,
                    keyPath: values['key-path'],
                    keyPathExplicit: values['key-path'] !== undefined,
                },
                dockerConfigDir: (0,config/* dockerConfigDir */.kG)(),
                mask: () => { }, // nothing here prints a secret, and a terminal has no log masking
            });
            const out = result.logins.map((l) => `logged in to ${l.domain} as ${l.username} (${l.name}, ${l.source}${l.verified ? ', verified' : ''})`);
            for (const n of result.notLoggedIn)
                out.push(`not logged in to ${n.domain} with ${n.name}: ${n.reason}`);
            out.push(`wrote ${result.configDir}/config.json`);
            process.stdout.write(out.join('\n') + '\n');
        }
        finally {
            (0,transport/* defaultTransport */.JT)().close();
        }
    },
};


/***/ }),

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WF: () => (/* binding */ addLogins),
/* harmony export */   cZ: () => (/* binding */ formatConfig),
/* harmony export */   eQ: () => (/* binding */ configPath),
/* harmony export */   io: () => (/* binding */ readBytes),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   tB: () => (/* binding */ basicAuth),
/* harmony export */   vZ: () => (/* binding */ writeAtomic)
/* harmony export */ });
/* unused harmony exports CONFIG_FILE, DOCKER_HUB_KEY, authKey */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
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
/** The key Docker stores Docker Hub credentials under, whatever alias the user wrote. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/** DOCKER_CONFIG when set, else ~/.docker — the folder every later `docker` command reads. */
function dockerConfigDir(env = process.env) {
    const fromEnv = env.DOCKER_CONFIG?.trim();
    return fromEnv ? fromEnv : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME?.trim() || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
}
function configPath(dir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, CONFIG_FILE);
}
/** The auths key Docker looks a registry up by: the Hub's index URL, else host[:port]. */
function authKey(domain) {
    return domain === 'docker.io' ? DOCKER_HUB_KEY : domain;
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${file}: not valid JSON (${err.message}); fix or remove the Docker config`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${file}: the Docker config must be a JSON object`);
    }
    return doc;
}
function objectAt(doc, key, file) {
    const value = doc[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`${file}: "${key}" must be a JSON object`);
    return value;
}
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
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
        const key = authKey(login.domain);
        auths[key] = { auth: basicAuth(login.username, login.password) };
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`cannot read the Docker config ${file}: ${err.message}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`cannot write the Docker config ${file}: ${err.message}`);
    }
}


/***/ })

};
