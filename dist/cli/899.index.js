export const id = 899;
export const ids = [899];
export const modules = {

/***/ 899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultConfigPath: () => (/* binding */ defaultConfigPath),
  D5: () => (/* reexport */ ecrParts),
  Ld: () => (/* reexport */ errors/* formatPosition */.Ld),
  insecureFor: () => (/* binding */ insecureFor),
  loadRegistriesFile: () => (/* reexport */ load_loadRegistriesFile),
  gd: () => (/* reexport */ pullRegistryFor),
  Wq: () => (/* reexport */ registryEnv),
  zD: () => (/* reexport */ resolveCredentialSpec),
  selectRegistries: () => (/* reexport */ selectRegistries)
});

// UNUSED EXPORTS: allowsPlainHttp, defaultImageName, domainProblem, fallbackChain, misreadAsDockerHub, parseRegistriesFile, parseYaml, positionOf, positionsUnder, providers, pushTarget, pushedName, registriesFor, registryByName

// EXTERNAL MODULE: ./src/naming/index.ts + 3 modules
var naming = __webpack_require__(6495);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/registries-file/types.ts
const providers = [
    'dockerhub',
    'ghcr',
    'ecr',
    'gcr',
    'gar',
    'acr',
    'quay',
    'artifactory',
    'ibm',
    'other',
];


// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./src/registries-file/schema.ts
// The shape of the registries file (zod 4). Rules between keys live in rules.ts.


const schema_text = schemas/* string */.YjP().min(1);
const awsSchema = schemas/* strictObject */.rej({
    region: schema_text.optional(),
    access_key_id: schema_text.optional(),
    secret_access_key: schema_text.optional(),
    session_token: schema_text.optional(),
    // Keyless: the role GitHub's OIDC token is traded for (AssumeRoleWithWebIdentity).
    role: schema_text.optional(),
    audience: schema_text.optional(),
});
// Exactly one form is checked in rules.ts, where the error can name the keys found.
const googleSchema = schemas/* strictObject */.rej({
    json_key: schema_text.optional(),
    json_key_file: schema_text.optional(),
    access_token: schema_text.optional(),
    // Keyless: workload identity federation with GitHub's OIDC token.
    workload_identity_provider: schema_text.optional(),
    service_account: schema_text.optional(),
    audience: schema_text.optional(),
});
// client_secret (a service principal's password) or tenant_id (keyless, a federated credential): rules.ts.
const azureSchema = schemas/* strictObject */.rej({
    client_id: schema_text,
    client_secret: schema_text.optional(),
    tenant_id: schema_text.optional(),
    audience: schema_text.optional(),
});
// Docker Hub's OIDC connection: the organisation (or user) and the connection's id.
const dockerhubSchema = schemas/* strictObject */.rej({ username: schema_text, connection_id: schema_text });
const ibmSchema = schemas/* strictObject */.rej({ apikey: schema_text });
const credentialsSchema = schemas/* strictObject */.rej({
    username: schema_text.optional(),
    password: schema_text.optional(),
    dockercfg: schema_text.optional(),
    encrypted_dockercfg: schema_text.optional(),
    aws: awsSchema.optional(),
    google: googleSchema.optional(),
    azure: azureSchema.optional(),
    dockerhub: dockerhubSchema.optional(),
    ibm: ibmSchema.optional(),
});
const registrySchema = schemas/* strictObject */.rej({
    name: schema_text,
    provider: schemas/* enum */.k5n(providers),
    domain: schema_text.optional(),
    prefix: schema_text.optional(),
    primary: schemas/* boolean */.zMY().optional(),
    fallback: schema_text.optional(),
    insecure: schemas/* boolean */.zMY().optional(),
    env_file: schema_text.optional(),
    credentials: credentialsSchema.optional(),
});
const fileSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1),
    default: schema_text.optional(),
    caching: schema_text.optional(),
    registries: schemas/* array */.YOg(registrySchema).min(1),
    env_files: schemas/* array */.YOg(schema_text).optional(),
});
/** The keys allowed at a place in the file, by its path without list indexes ("registries.credentials.aws"). */
const keysAt = {
    '': Object.keys(fileSchema.shape),
    registries: Object.keys(registrySchema.shape),
    'registries.credentials': Object.keys(credentialsSchema.shape),
    'registries.credentials.aws': Object.keys(awsSchema.shape),
    'registries.credentials.google': Object.keys(googleSchema.shape),
    'registries.credentials.azure': Object.keys(azureSchema.shape),
    'registries.credentials.dockerhub': Object.keys(dockerhubSchema.shape),
    'registries.credentials.ibm': Object.keys(ibmSchema.shape),
};
/** What to write for a key that is missing. */
const exampleFor = {
    version: 'version: 1 at the top of the file',
    registries: 'registries: with a list of registries',
    name: 'name: with a unique name, e.g. name: ghcr',
    provider: `provider: one of ${providers.join(', ')}`,
    client_id: 'client_id: ${AZURE_CLIENT_ID}',
    client_secret: 'client_secret: ${AZURE_CLIENT_SECRET}',
    connection_id: 'connection_id: <the OIDC connection id from Docker Hub>',
    username: 'username: <user or organisation>',
    apikey: 'apikey: ${IBM_API_KEY}',
};

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/registries-file/yaml-source.ts
// A YAML file parsed with positions, so that any path into its data can be named as file:line:col.


/** The largest registries file read: a real one is a few KB; anything far bigger is a mistake. */
const MAX_YAML_BYTES = 1024 * 1024;
const MAX_DEPTH = 64;
// The parser's messages may quote the text at fault — a password — so only our own words are used.
const SAY = {
    BAD_ALIAS: 'an alias (*name) is used where it is not allowed',
    BAD_DIRECTIVE: 'an unsupported % directive',
    BAD_DQ_ESCAPE: 'an invalid \\ escape in a double-quoted string',
    BAD_INDENT: 'wrong indentation (items of one mapping or list must start at the same column)',
    BAD_PROP_ORDER: 'anchor and tag in the wrong order',
    BAD_SCALAR_START: 'a plain value cannot start with this character; put the value in quotes',
    BLOCK_AS_IMPLICIT_KEY: 'a mapping nested on one line (a: b: c); put the value in quotes',
    BLOCK_IN_FLOW: 'a block value inside [ ] or { }',
    DUPLICATE_KEY: 'Map keys must be unique',
    KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
    MISSING_CHAR: 'a quote or bracket is never closed',
    MULTILINE_IMPLICIT_KEY: 'a key that runs over several lines',
    MULTIPLE_ANCHORS: 'two anchors on one value',
    MULTIPLE_DOCS: 'more than one document (---) in the file',
    MULTIPLE_TAGS: 'two tags on one value',
    RESOURCE_EXHAUSTION: 'values are nested too deeply',
    TAB_AS_INDENT: 'a tab used for indentation; indent with spaces',
    UNEXPECTED_TOKEN: 'unexpected characters (a block scalar header such as > or | takes nothing after it on its line)',
};
function parseYaml(text, file) {
    if (Buffer.byteLength(text) > MAX_YAML_BYTES) {
        throw new errors/* UserError */.yo(`${file}: the file is larger than ${MAX_YAML_BYTES / 1024} KiB — a registries file is a few KB; check that config points at the right file`);
    }
    const lines = new dist/* LineCounter */.HN();
    const where = (offset) => {
        const { line, col } = lines.linePos(offset);
        return { file, line, column: col };
    };
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
    }
    catch (err) {
        throw tooDeep(err, file) ?? err;
    }
    const err = doc.errors[0];
    if (err) {
        const what = SAY[err.code] ?? `YAML syntax error (${err.code})`;
        throw (0,errors/* errorAt */.Os)(where(err.pos[0]), `YAML syntax error: ${what} — fix the YAML at that place`);
    }
    checkDepthAndAliases(doc, where);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        if (e instanceof ReferenceError && /alias/i.test(e.message)) {
            throw new errors/* UserError */.yo(`${file}: aliases (*name) expand to too much data — write the values out instead of nesting aliases`);
        }
        throw tooDeep(e, file) ?? e;
    }
    return { file, doc, lines, data };
}
function tooDeep(err, file) {
    if (err instanceof RangeError)
        return new errors/* UserError */.yo(`${file}: values are nested too deeply — a registries file needs only a few levels`);
    return undefined;
}
/** Unknown aliases and absurd nesting, found by position before anything is built from the tree. */
function checkDepthAndAliases(doc, where) {
    const anchors = new Set();
    const stack = [{ node: doc.contents, depth: 0 }];
    while (stack.length) {
        const { node, depth } = stack.pop();
        if (!node || typeof node !== 'object')
            continue;
        const at = node.range?.[0] ?? 0;
        if (depth > MAX_DEPTH)
            throw (0,errors/* errorAt */.Os)(where(at), `values are nested more than ${MAX_DEPTH} levels deep — a registries file needs only a few`);
        if ((0,dist/* isAlias */.Vj)(node)) {
            // Anchors must come before their alias: a document-order walk sees the anchor first.
            if (!anchors.has(node.source))
                throw (0,errors/* errorAt */.Os)(where(at), 'YAML alias (*) names no anchor (&) defined before it — quote the value if * is part of it');
            continue;
        }
        const anchor = node.anchor;
        if (anchor)
            anchors.add(anchor);
        const children = [];
        if ((0,dist/* isMap */.jh)(node))
            for (const pair of node.items)
                children.push(pair.key, pair.value);
        else if ((0,dist/* isSeq */.oP)(node))
            children.push(...node.items);
        for (let i = children.length - 1; i >= 0; i--)
            stack.push({ node: children[i], depth: depth + 1 });
    }
}
function positionAt(src, offset) {
    const { line, col } = src.lines.linePos(offset);
    return { file: src.file, line, column: col };
}
function keyText(key) {
    return (0,dist/* isScalar */.jn)(key) ? String(key.value) : String(key);
}
function deref(src, node) {
    return (0,dist/* isAlias */.Vj)(node) ? node.resolve(src.doc) : node;
}
/**
 * Where `path` is in the file: its value, or its key when `key` is set. A path that is not
 * in the file (a missing key) is reported at the deepest part that is.
 */
function yaml_source_positionOf(src, path, key = false) {
    let node = src.doc.contents;
    let at = node?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
        node = deref(src, node);
        const seg = path[i];
        const last = i === path.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => keyText(p.key) === String(seg));
            if (!pair)
                break;
            const keyStart = pair.key?.range?.[0];
            const value = pair.value;
            const valueStart = value && !((0,dist/* isScalar */.jn)(value) && value.value === null) ? value.range?.[0] : undefined;
            if (last && key && keyStart !== undefined)
                return positionAt(src, keyStart);
            at = valueStart ?? keyStart ?? at;
            node = value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
            node = node.items[seg];
            at = node?.range?.[0] ?? at;
        }
        else {
            break;
        }
    }
    return positionAt(src, at);
}
/** Position of every key under `path`, by dotted path relative to it ("credentials.aws.region"). */
function positionsUnder(src, path) {
    const out = {};
    const walk = (node, prefix, here) => {
        node = deref(src, node);
        if (!(0,dist/* isMap */.jh)(node))
            return;
        for (const pair of node.items) {
            const k = keyText(pair.key);
            const dotted = prefix ? `${prefix}.${k}` : k;
            out[dotted] = yaml_source_positionOf(src, [...here, k]);
            walk(pair.value, dotted, [...here, k]);
        }
    };
    let node = src.doc.contents;
    for (const seg of path) {
        node = deref(src, node);
        if ((0,dist/* isMap */.jh)(node))
            node = node.items.find((p) => keyText(p.key) === String(seg))?.value;
        else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number')
            node = node.items[seg];
        else
            return out;
    }
    walk(node, '', path);
    return out;
}

;// CONCATENATED MODULE: ./src/registries-file/problems.ts





function valueAt(data, path) {
    let v = data;
    for (const seg of path)
        v = v !== null && typeof v === 'object' ? v[seg] : undefined;
    return v;
}
/** `registry "hub": ` for anything inside a registry entry. */
function subject(data, path) {
    if (path[0] !== 'registries' || typeof path[1] !== 'number')
        return '';
    const name = valueAt(data, [...path.slice(0, 2), 'name']);
    return typeof name === 'string' && name ? `registry "${name}": ` : `registry #${path[1] + 1}: `;
}
function problemLine(src, p) {
    const at = formatPosition(positionOf(src, p.path, p.key));
    return `${at}: ${problemText(src, p)}`;
}
function problemText(src, p) {
    return `${subject(src.data, p.path)}${p.what} — ${p.fix}`;
}
/** The problem that comes first in the file, as a UserError. */
function firstProblem(src, problems) {
    if (!problems.length)
        return undefined;
    const ranked = problems.map((p, i) => ({ p, i, at: yaml_source_positionOf(src, p.path, p.key) }));
    ranked.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column || a.i - b.i);
    return (0,errors/* errorAt */.Os)(ranked[0].at, problemText(src, ranked[0].p));
}
function kindOf(v) {
    if (v === null)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a map';
    if (typeof v === 'string')
        return 'text';
    return `a ${typeof v}`;
}
const expectedText = {
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of keys',
    number: 'a number',
};
function label(path) {
    const last = path[path.length - 1];
    if (typeof last === 'number') {
        const parent = path[path.length - 2];
        return parent === 'registries' ? `registry #${last + 1}` : `${String(parent)} entry ${last + 1}`;
    }
    return last === undefined ? 'the file' : `"${String(last)}"`;
}
/** zod's issues in the user's words; never quoting a value that could be a secret. */
function fromZodIssue(issue, data) {
    const path = issue.path.filter((s) => typeof s !== 'symbol');
    const last = path[path.length - 1];
    const value = valueAt(data, path);
    if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
        const name = String(last);
        return [{ path, what: `missing "${name}"`, fix: `add ${exampleFor[name] ?? `${name}: <value>`}` }];
    }
    switch (issue.code) {
        case 'unrecognized_keys': {
            const place = path.filter((s) => typeof s === 'string').join('.');
            const allowed = keysAt[place] ?? [];
            return issue.keys.map((k) => {
                let fix = (0,naming.didYouMean)(k, allowed);
                if (!fix && place === 'registries' && keysAt['registries.credentials'].includes(k))
                    fix = 'put it under credentials:';
                if (!fix)
                    fix = `remove it (allowed here: ${allowed.join(', ')})`;
                return { path: [...path, k], what: `unknown key "${k}"`, fix, key: true };
            });
        }
        case 'invalid_type': {
            const expected = expectedText[issue.expected] ?? issue.expected;
            if (value === null)
                return [{ path, what: `${label(path)} has no value`, fix: `give it ${expected} or remove the key` }];
            let fix = `write ${expected}`;
            if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
                fix = 'put the value in quotes';
            if (issue.expected === 'array')
                fix = `write a list, e.g. ${String(last)}: [${typeof value === 'string' ? value : '...'}]`;
            return [{ path, what: `${label(path)} must be ${expected}, not ${kindOf(value)}`, fix }];
        }
        case 'invalid_value': {
            if (last === 'provider' && typeof value === 'string') {
                const fix = (0,naming.didYouMean)(value, providers) || `use one of ${providers.join(', ')}`;
                return [{ path, what: `unknown provider "${value}"`, fix }];
            }
            if (last === 'version')
                return [{ path, what: `version ${JSON.stringify(value)} is not supported`, fix: 'write version: 1' }];
            return [
                {
                    path,
                    what: `${label(path)} has a value that is not allowed`,
                    fix: `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
                },
            ];
        }
        case 'too_small':
            if (Array.isArray(value))
                return [
                    {
                        path,
                        what: `${label(path)} is an empty list`,
                        fix: last === 'registries' ? 'add at least one registry' : 'add an entry or remove the key',
                    },
                ];
            return [{ path, what: `${label(path)} is empty`, fix: 'give it a value or remove the key' }];
        default:
            return [{ path, what: `${label(path)}: ${issue.message}`, fix: 'correct this value' }];
    }
}

;// CONCATENATED MODULE: ./src/registries-file/domains.ts
// What each provider's domain looks like (the rules about names themselves are in src/naming).

const domains_label = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const hostPort = new RegExp(`^(?:${domains_label}(?:\\.${domains_label})*|\\[[0-9a-f:.]+\\])(?::\\d{1,5})?$`);
/** The domain every registry of this provider has, when it has one. */
const impliedDomain = {
    dockerhub: 'docker.io',
    ghcr: 'ghcr.io',
    quay: 'quay.io',
};
// Only the hosted services whose domain has a fixed shape; artifactory, ibm and other are any host[:port].
const shapes = {
    ecr: {
        test: /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/,
        expected: '<account>.dkr.ecr.<region>.amazonaws.com, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com',
    },
    gar: { test: /^[a-z0-9-]+-docker\.pkg\.dev$/, expected: '<region>-docker.pkg.dev, e.g. europe-west1-docker.pkg.dev' },
    gcr: { test: /^(?:[a-z]+\.)?gcr\.io$/, expected: 'gcr.io or <region>.gcr.io (us.gcr.io, eu.gcr.io, asia.gcr.io)' },
    acr: { test: /^[a-z0-9]+\.azurecr\.(?:io|cn|us)$/, expected: '<name>.azurecr.io, e.g. acme.azurecr.io' },
    dockerhub: { test: /^docker\.io$/, expected: 'docker.io (or leave domain out)' },
    ghcr: { test: /^ghcr\.io$/, expected: 'ghcr.io (or leave domain out)' },
};
/**
 * Why `raw` cannot be this provider's domain, as "what is wrong — what to do"; undefined when it can.
 * `raw` is the domain as written in the file.
 */
function domainProblem(provider, raw) {
    const text = raw.trim();
    if (text.includes('${'))
        return `domain "${text}" holds a \${VAR}, which is expanded only inside credentials — write the domain itself`;
    if (/^http:\/\//i.test(text))
        return `domain "${text}" has an http:// scheme — write the host alone and set insecure: true for plain http`;
    const withoutScheme = text.replace(/^https:\/\//i, '');
    const path = withoutScheme.includes('/') ? withoutScheme.slice(withoutScheme.indexOf('/')) : '';
    if (path && !((0,naming.isDockerHub)(text) && /^\/(v1\/?)?$/.test(path)) && path !== '/') {
        return `domain "${text}" has a path "${path}" — write host[:port] only and put repository paths in prefix`;
    }
    const domain = (0,naming.normalizeDomain)(text);
    if (!hostPort.test(domain))
        return `domain "${text}" is not a host name — write host[:port], e.g. registry.example.com:5000`;
    const shape = shapes[provider];
    if (shape && !shape.test.test(domain))
        return `domain "${text}" is not a domain for provider ${provider} — expected ${shape.expected}`;
    return undefined;
}
/** Account and region of an ECR domain. */
function ecrParts(domain) {
    const m = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec((0,naming.normalizeDomain)(domain));
    return m ? { account: m[1], region: m[2] } : undefined;
}

;// CONCATENATED MODULE: ./src/registries-file/interpolate.ts
// `${VAR}` in credential values; `$$` is a literal `$`; any other `$` stays as written.
const interpolate_name = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The pieces of a value, or a "what is wrong — what to do" string when a `${` is malformed. */
function splitVariables(value) {
    const pieces = [];
    let text = '';
    let i = 0;
    while (i < value.length) {
        const c = value[i];
        if (c === '$' && value[i + 1] === '$') {
            text += '$';
            i += 2;
        }
        else if (c === '$' && value[i + 1] === '{') {
            const end = value.indexOf('}', i + 2);
            if (end < 0)
                return `"\${" without a closing "}" — write \${NAME}, or $$ for a literal $`;
            const variable = value.slice(i + 2, end);
            if (!interpolate_name.test(variable)) {
                // The value may be a secret: the reference is described, never quoted.
                return `a "\${...}" that is not a variable reference — write \${NAME} with letters, digits and _ only (no defaults), or $$ for a literal $`;
            }
            if (text)
                pieces.push({ text });
            text = '';
            pieces.push({ variable });
            i = end + 1;
        }
        else {
            text += c;
            i += 1;
        }
    }
    if (text || pieces.length === 0)
        pieces.push({ text });
    return pieces;
}
/** The names a value refers to, in order. */
function variablesIn(value) {
    const pieces = splitVariables(value);
    if (typeof pieces === 'string')
        return [];
    return pieces.flatMap((p) => ('variable' in p ? [p.variable] : []));
}
/** The value with each variable looked up; `missing` is called for the first one `lookup` has no value for. */
function interpolate(value, lookup, missing) {
    const pieces = splitVariables(value);
    if (typeof pieces === 'string')
        throw new Error(`unchecked value: ${pieces}`);
    return pieces.map((p) => ('text' in p ? p.text : (lookup(p.variable) ?? missing(p.variable)))).join('');
}

;// CONCATENATED MODULE: ./src/registries-file/rules.ts
// The rules of the registries file that tie keys together (docs/registries-file.md); the shape itself was checked by schema.ts.




/** The domain a registry's entry gives it (normalised), or undefined when it has none it may use. */
function registryDomain(r) {
    const raw = r.domain ?? impliedDomain[r.provider];
    return raw === undefined || domainProblem(r.provider, raw) ? undefined : (0,naming.normalizeDomain)(raw);
}
const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// Providers whose service answers only https: `insecure` there can only be a mistake.
const httpsOnly = new Set(['dockerhub', 'ghcr', 'ecr', 'gcr', 'gar', 'acr', 'ibm']);
// Which generator form belongs to which provider; the static and dockercfg forms fit any.
const generatorFor = {
    aws: ['ecr'],
    google: ['gcr', 'gar'],
    azure: ['acr'],
    dockerhub: ['dockerhub'],
    ibm: ['ibm'],
};
const rules_forms = ['username', 'dockercfg', 'encrypted_dockercfg', 'aws', 'google', 'azure', 'dockerhub', 'ibm'];
function credentialProblems(r, c, at) {
    const out = [];
    const given = rules_forms.filter((f) => c[f] !== undefined || (f === 'username' && c.password !== undefined));
    if (given.length === 0) {
        return [
            {
                path: at,
                what: 'credentials has no form',
                fix: "add username/password, dockercfg, encrypted_dockercfg or the provider's own form — or remove credentials",
            },
        ];
    }
    if (given.length > 1) {
        const second = given[1] === 'username' && c.username === undefined ? 'password' : given[1];
        const first = given[0] === 'username' ? 'username/password' : given[0];
        out.push({
            path: [...at, second],
            what: `credentials has both ${first} and ${second === 'username' ? 'username/password' : second}`,
            fix: 'keep exactly one form',
            key: true,
        });
        return out;
    }
    const form = given[0];
    if (form === 'username') {
        if (c.username === undefined)
            out.push({
                path: [...at, 'password'],
                what: 'credentials has a password but no username',
                fix: 'add username:',
                key: true,
            });
        if (c.password === undefined)
            out.push({
                path: [...at, 'username'],
                what: 'credentials has a username but no password',
                fix: 'add password:',
                key: true,
            });
    }
    const owners = generatorFor[form];
    if (owners && !owners.includes(r.provider)) {
        out.push({
            path: [...at, form],
            what: `${form} credentials are for provider ${owners.join(' or ')}, not ${r.provider}`,
            fix: 'use username/password or dockercfg here, or change provider',
            key: true,
        });
    }
    if (c.google) {
        const keys = Object.keys(c.google).filter((k) => k !== 'service_account' && k !== 'audience');
        if (keys.length !== 1) {
            out.push({
                path: [...at, 'google'],
                what: keys.length ? `google has ${keys.join(' and ')}` : 'google is empty',
                fix: 'give exactly one of json_key, json_key_file, access_token, workload_identity_provider',
                key: true,
            });
        }
        else if (keys[0] !== 'workload_identity_provider') {
            for (const k of ['service_account', 'audience']) {
                if (c.google[k] !== undefined)
                    out.push({
                        path: [...at, 'google', k],
                        what: `google ${k} goes with workload_identity_provider, not ${keys[0]}`,
                        fix: `remove ${k}, or use workload_identity_provider instead of ${keys[0]}`,
                        key: true,
                    });
            }
        }
    }
    out.push(...keylessProblems(c, at));
    if (c.aws?.region && r.provider === 'ecr' && r.domain) {
        const parts = ecrParts(r.domain);
        if (parts && !c.aws.region.includes('${') && parts.region !== c.aws.region) {
            out.push({
                path: [...at, 'aws', 'region'],
                what: `aws region ${c.aws.region} differs from the domain's region ${parts.region}`,
                fix: `write region: ${parts.region} or leave region out`,
            });
        }
    }
    // Variable references are checked here so that `regkit validate` finds them without any environment.
    const visit = (v, path) => {
        if (typeof v === 'string') {
            const split = splitVariables(v);
            if (typeof split === 'string')
                out.push({
                    path,
                    what: `${String(path[path.length - 1])}: ${split.split(' — ')[0]}`,
                    fix: split.split(' — ')[1],
                });
        }
        else if (v && typeof v === 'object') {
            for (const [k, inner] of Object.entries(v))
                visit(inner, [...path, k]);
        }
    };
    visit(c, at);
    return out;
}
// What the keyless forms name must have its cloud's shape; a ${VAR} is checked once resolved, by the cloud.
const shapesOf = {
    role: { test: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, expected: 'arn:aws:iam::<account>:role/<name>' },
    workload_identity_provider: {
        test: /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]+\/providers\/[a-z0-9-]+$/,
        expected: 'projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>',
    },
    service_account: {
        test: /^[^@\s]+@[a-z0-9.-]+\.iam\.gserviceaccount\.com$/,
        expected: '<name>@<project>.iam.gserviceaccount.com',
    },
    tenant_id: {
        test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        expected: 'the directory (tenant) id, a GUID',
    },
    connection_id: {
        test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        expected: 'the connection id Docker Hub shows, a UUID',
    },
};
/** The keyless forms: GitHub's OIDC token instead of a stored key. */
function keylessProblems(c, at) {
    const out = [];
    const shape = (block, key) => {
        const v = c[block]?.[key];
        const s = shapesOf[key];
        if (v !== undefined && !v.includes('${') && !s.test.test(v.trim()))
            out.push({
                path: [...at, block, key],
                what: `${key} "${v}" is not ${s.expected}`,
                fix: `write ${key}: ${s.expected}`,
            });
    };
    if (c.aws) {
        if (c.aws.role !== undefined) {
            for (const k of ['access_key_id', 'secret_access_key', 'session_token']) {
                if (c.aws[k] !== undefined)
                    out.push({
                        path: [...at, 'aws', k],
                        what: `aws has both role and ${k}`,
                        fix: "remove the keys: with role, GitHub's OIDC token is traded for the role's credentials",
                        key: true,
                    });
            }
        }
        else if (c.aws.audience !== undefined) {
            out.push({
                path: [...at, 'aws', 'audience'],
                what: 'aws audience goes with role',
                fix: 'add role: arn:aws:iam::<account>:role/<name>, or remove audience',
                key: true,
            });
        }
        shape('aws', 'role');
    }
    if (c.google)
        for (const k of ['workload_identity_provider', 'service_account'])
            shape('google', k);
    if (c.azure) {
        const { client_secret, tenant_id, audience } = c.azure;
        if (client_secret !== undefined && tenant_id !== undefined) {
            out.push({
                path: [...at, 'azure', 'tenant_id'],
                what: 'azure has both client_secret and tenant_id',
                fix: "keep client_secret (a stored secret) or tenant_id (keyless, GitHub's OIDC token), not both",
                key: true,
            });
        }
        else if (client_secret === undefined && tenant_id === undefined) {
            out.push({
                path: [...at, 'azure'],
                what: 'azure has client_id only',
                fix: 'add tenant_id: <directory id> (keyless) or client_secret: ${AZURE_CLIENT_SECRET}',
                key: true,
            });
        }
        else if (audience !== undefined && tenant_id === undefined) {
            out.push({
                path: [...at, 'azure', 'audience'],
                what: 'azure audience goes with tenant_id',
                fix: 'remove audience, or use tenant_id instead of client_secret',
                key: true,
            });
        }
        shape('azure', 'tenant_id');
    }
    if (c.dockerhub)
        shape('dockerhub', 'connection_id');
    return out;
}
function registryProblems(r, i) {
    const out = [];
    const at = (...p) => ['registries', i, ...p];
    const provider = r.provider;
    if (!namePattern.test(r.name)) {
        out.push({
            path: at('name'),
            what: `name "${r.name}" has characters a name cannot have`,
            fix: 'use letters, digits, ".", "_" and "-", starting with a letter or digit',
        });
    }
    if (r.domain === undefined && impliedDomain[provider] === undefined) {
        out.push({
            path: at(),
            what: `provider ${provider} needs a domain`,
            fix: `add domain: ${provider === 'ecr' ? '<account>.dkr.ecr.<region>.amazonaws.com' : provider === 'gar' ? '<region>-docker.pkg.dev' : provider === 'gcr' ? 'gcr.io' : provider === 'acr' ? '<name>.azurecr.io' : 'registry.example.com'}`,
        });
    }
    else if (r.domain !== undefined) {
        const problem = domainProblem(provider, r.domain);
        if (problem) {
            const [what, fix] = problem.split(' — ');
            out.push({ path: at('domain'), what, fix });
        }
    }
    if (r.prefix !== undefined) {
        if (r.prefix.startsWith('/') || r.prefix.endsWith('/')) {
            out.push({
                path: at('prefix'),
                what: `prefix "${r.prefix}" starts or ends with "/"`,
                fix: `write prefix: ${r.prefix.replace(/^\/+|\/+$/g, '')}`,
            });
        }
        else if (!r.prefix.split('/').every((c) => pathComponent.test(c))) {
            out.push({
                path: at('prefix'),
                what: `prefix "${r.prefix}" is not a repository path`,
                fix: 'use lower-case letters, digits and ".", "_", "-" between them, with "/" between parts',
            });
        }
    }
    if (r.insecure && httpsOnly.has(provider)) {
        out.push({
            path: at('insecure'),
            what: `insecure: true on provider ${provider}, which serves https only`,
            fix: 'remove insecure (it is for your own registries: provider other, artifactory or quay)',
        });
    }
    if (r.credentials)
        out.push(...credentialProblems(r, r.credentials, at('credentials')));
    return out;
}
/** Every rule that ties several keys or registries together. */
function ruleProblems(file) {
    const out = [];
    const names = file.registries.map((r) => r.name);
    const index = new Map();
    file.registries.forEach((r, i) => {
        out.push(...registryProblems(r, i));
        const seen = index.get(r.name);
        if (seen !== undefined) {
            out.push({
                path: ['registries', i, 'name'],
                what: `name "${r.name}" is already used by registry #${seen + 1}`,
                fix: 'give each registry its own name',
            });
        }
        else {
            index.set(r.name, i);
        }
    });
    const mustName = (value, path, key) => {
        if (value === undefined || index.has(value))
            return true;
        const hint = (0,naming.didYouMean)(value, names);
        out.push({ path, what: `${key} "${value}" names no registry`, fix: hint || `use one of ${names.join(', ')}` });
        return false;
    };
    mustName(file.default, ['default'], 'default');
    if (mustName(file.caching, ['caching'], 'caching') && file.caching !== undefined) {
        const caching = file.registries[index.get(file.caching)];
        if (caching.provider === 'dockerhub' || (registryDomain(caching) && (0,naming.isDockerHub)(registryDomain(caching)))) {
            out.push({
                path: ['caching'],
                what: `caching registry "${file.caching}" is on Docker Hub, which does not keep build cache`,
                fix: 'name another registry as caching, or remove caching',
            });
        }
    }
    file.registries.forEach((r, i) => {
        if (r.fallback === undefined)
            return;
        if (!mustName(r.fallback, ['registries', i, 'fallback'], 'fallback'))
            return;
        const chain = [r.name];
        let next = r.fallback;
        while (next !== undefined && index.has(next)) {
            chain.push(next);
            if (next === r.name) {
                out.push({
                    path: ['registries', i, 'fallback'],
                    what: `fallback chain loops: ${chain.join(' → ')}`,
                    fix: 'end the chain at a registry without fallback',
                });
                break;
            }
            if (chain.indexOf(next) < chain.length - 1)
                break; // a loop that does not pass through r: reported at its own members
            next = file.registries[index.get(next)].fallback;
        }
    });
    out.push(...primaryProblems(file));
    return out;
}
/** When several registries share a domain, exactly one of them is primary. */
function primaryProblems(file) {
    const byDomain = new Map();
    file.registries.forEach((r, i) => {
        const d = registryDomain(r);
        if (d !== undefined)
            byDomain.set(d, [...(byDomain.get(d) ?? []), i]);
    });
    const out = [];
    for (const [domain, members] of byDomain) {
        if (members.length < 2)
            continue;
        const names = members.map((i) => `"${file.registries[i].name}"`).join(', ');
        const primaries = members.filter((i) => file.registries[i].primary);
        if (primaries.length === 0) {
            out.push({
                path: ['registries', members[1]],
                what: `registries ${names} share domain ${domain} and none is primary`,
                fix: 'add primary: true to the one whose account serves pulls',
            });
        }
        else if (primaries.length > 1) {
            out.push({
                path: ['registries', primaries[1], 'primary'],
                what: `registries ${primaries.map((i) => `"${file.registries[i].name}"`).join(', ')} share domain ${domain} and are all primary`,
                fix: 'keep primary: true on one of them only',
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/registries-file/load.ts
// Reading the registries file: YAML with positions, then shape (zod), then the rules between keys.






async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            throw new errors/* UserError */.yo(`${path}: no such file — create the registries file or point the config option at it`);
        if (code === 'EISDIR')
            throw new errors/* UserError */.yo(`${path}: is a folder — point the config option at the registries file`);
        throw new errors/* UserError */.yo(`${path}: cannot read: ${err.message}`);
    }
}
/** Shape and rules checked; throws the first problem in the file as a one-line UserError. */
function checkSource(src) {
    if (src.data === null || src.data === undefined) {
        throw new errors/* UserError */.yo(`${src.file}:1:1: the file is empty — add version: 1 and registries:`);
    }
    const parsed = fileSchema.safeParse(src.data);
    if (!parsed.success) {
        const problems = parsed.error.issues.flatMap((i) => fromZodIssue(i, src.data));
        throw firstProblem(src, problems) ?? new errors/* UserError */.yo(`${src.file}: ${parsed.error.issues[0]?.message}`);
    }
    const broken = firstProblem(src, ruleProblems(parsed.data));
    if (broken)
        throw broken;
    return parsed.data;
}
function toRegistry(src, r, i) {
    const at = yaml_source_positionOf(src, ['registries', i]);
    const registry = {
        name: r.name,
        provider: r.provider,
        domain: registryDomain(r),
        primary: r.primary ?? false,
        insecure: r.insecure ?? false,
        at,
        positions: positionsUnder(src, ['registries', i]),
    };
    if (r.prefix !== undefined)
        registry.prefix = r.prefix;
    if (r.fallback !== undefined)
        registry.fallback = r.fallback;
    if (r.env_file !== undefined)
        registry.envFile = r.env_file;
    // The rules left exactly one form; drop the keys zod filled with undefined.
    if (r.credentials)
        registry.credentials = JSON.parse(JSON.stringify(r.credentials));
    return registry;
}
/** The registries file from YAML text (for tests and callers that already read it). */
function parseRegistriesFile(text, file) {
    const src = parseYaml(text, file);
    const raw = checkSource(src);
    const registriesFile = {
        file,
        registries: raw.registries.map((r, i) => toRegistry(src, r, i)),
        envFiles: raw.env_files ?? [],
        positions: positionsUnder(src, []),
    };
    (raw.env_files ?? []).forEach((_, i) => (registriesFile.positions[`env_files.${i}`] = yaml_source_positionOf(src, ['env_files', i])));
    if (raw.default !== undefined)
        registriesFile.default = raw.default;
    if (raw.caching !== undefined)
        registriesFile.caching = raw.caching;
    return registriesFile;
}
async function load_loadRegistriesFile(path) {
    return parseRegistriesFile(await readText(path), path);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/registries-file/image-registry.ts
/**
 * A repository with one registry needs no registries file: when the file is absent and
 * the step's image is a full reference (ghcr.io/acme/api), that reference's registry is
 * the only registry, the default one, with no credentials of its own — the Docker config
 * (what a login step wrote) carries them, as with docker/build-push-action.
 */




/** The registries file at `config`, or the one registry `image` names when there is no file. `input` names where the image came from. */
async function registriesFor(config, image, input) {
    if (existsSync(config))
        return loadRegistriesFile(config);
    const first = image.trim().split('/')[0] ?? '';
    if (image.includes('/') && isDomainComponent(first)) {
        const domain = normalizeDomain(first);
        const at = { file: `input ${input}`, line: 1, column: 1 };
        return {
            file: `input ${input}`,
            default: domain,
            registries: [
                { name: domain, provider: 'other', domain, primary: false, insecure: false, at, positions: { domain: at } },
            ],
            envFiles: [],
            positions: {},
        };
    }
    try {
        return await loadRegistriesFile(config);
    }
    catch (err) {
        if (err instanceof UserError)
            throw new UserError(`${err.message}, or give ${input} as a full reference such as ghcr.io/acme/api (its registry is then the only one)`);
        throw err;
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/crypto/index.ts + 7 modules
var src_crypto = __webpack_require__(3528);
// EXTERNAL MODULE: ./src/workspace.ts
var workspace = __webpack_require__(3338);
;// CONCATENATED MODULE: ./src/registries-file/variables.ts
// `${VAR}` resolution for a registry: its env_file, then the file's env_files, then the process environment.







// One read per env file and key for the life of the loaded file, however many registries use it.
const cache = new WeakMap();
function readEnvFile(registriesFile, path, at, subject, key, opts) {
    let files = cache.get(registriesFile);
    if (!files)
        cache.set(registriesFile, (files = new Map()));
    const id = `${opts.cwd ?? ''}\0${path}\0${opts.key?.toString('hex') ?? ''}`;
    let pending = files.get(id);
    if (!pending) {
        pending = (async () => {
            (0,workspace/* workspacePath */.X)(path, `${(0,errors/* formatPosition */.Ld)(at)}: ${subject}${key}`, opts.cwd, at);
            const full = opts.cwd ? (0,external_node_path_.resolve)(opts.cwd, path) : path;
            if (!(0,external_node_fs_.existsSync)(full)) {
                throw (0,errors/* errorAt */.Os)(at, `${subject}env file "${path}" does not exist — create it or fix the path (relative to the repository root)`);
            }
            try {
                const data = await (0,src_crypto/* readSecretFile */.fW)(full, opts.key, 'env', opts.keyFrom);
                return (0,src_crypto/* parseEnv */.vc)(data.toString('utf8'), path);
            }
            catch (err) {
                // Named as the user wrote it, not as resolved against cwd.
                // The annotation goes on the env file's own line where the error knows it.
                if (err instanceof errors/* UserError */.yo)
                    throw new errors/* UserError */.yo(`${(0,errors/* formatPosition */.Ld)(at)}: ${subject}${(0,errors/* oneLine */.TN)(err).split(full).join(path)}`, {
                        at: err.at ?? at,
                    });
                throw err;
            }
        })();
        files.set(id, pending);
    }
    return pending;
}
async function sourcesFor(registriesFile, registry, opts) {
    const subject = `registry "${registry.name}": `;
    const files = [];
    if (registry.envFile !== undefined) {
        const at = registry.positions['env_file'] ?? registry.at;
        const path = registry.envFile;
        files.push(readEnvFile(registriesFile, path, at, subject, 'env_file', opts).then((values) => ({ where: path, values })));
    }
    registriesFile.envFiles.forEach((path, i) => {
        const at = registriesFile.positions[`env_files.${i}`] ?? { file: registriesFile.file, line: 1, column: 1 };
        files.push(readEnvFile(registriesFile, path, at, '', `env_files[${i}]`, opts).then((values) => ({ where: path, values })));
    });
    return [...(await Promise.all(files)), { where: 'the environment', values: opts.env }];
}
/** The environment a provider generator sees for this registry: env, overlaid by env_files, overlaid by the registry env_file. */
async function registryEnv(registriesFile, registry, opts) {
    const out = {};
    for (const source of (await sourcesFor(registriesFile, registry, opts)).reverse()) {
        for (const [k, v] of source.values instanceof Map ? source.values : Object.entries(source.values))
            if (v !== undefined)
                out[k] = v;
    }
    return out;
}
// Providers whose credentials may be left out because the runner or the SDK environment supplies them.
function impliedCredentials(registry) {
    if (registry.provider === 'ghcr')
        return { username: '${GITHUB_ACTOR}', password: '${GITHUB_TOKEN}' };
    if (registry.provider === 'ecr')
        return { aws: {} };
    return undefined;
}
/**
 * The registry's credentials with every `${VAR}` replaced. Undefined when the registry has none and
 * its provider implies none (anonymous). Only this registry's variables are looked up.
 */
async function resolveCredentialSpec(registriesFile, registry, opts) {
    const spec = registry.credentials ?? impliedCredentials(registry);
    if (!spec)
        return undefined;
    // Env files are read only when needed: static credentials work without the AES key.
    if (!JSON.stringify(spec).includes('$'))
        return structuredClone(spec);
    const sources = await sourcesFor(registriesFile, registry, opts);
    const implied = registry.credentials === undefined;
    const lookup = (name) => {
        for (const s of sources) {
            const v = s.values instanceof Map ? s.values.get(name) : s.values[name];
            if (v !== undefined)
                return { v, where: s.where };
        }
        return undefined;
    };
    const resolveString = (value, dotted) => {
        const at = registry.positions[`credentials.${dotted}`] ?? registry.at;
        const prefix = `registry "${registry.name}": `;
        const why = implied ? ` (provider ${registry.provider} without credentials uses it)` : '';
        return interpolate(value, (name) => {
            const found = lookup(name);
            if (found && found.v === '')
                throw (0,errors/* errorAt */.Os)(at, `${prefix}\${${name}} is empty in ${found.where}${why} — give ${name} a value`);
            return found?.v;
        }, (name) => {
            const places = sources.map((s) => s.where).join(', ');
            throw (0,errors/* errorAt */.Os)(at, `${prefix}\${${name}} is not set${why} — set ${name} in one of: ${places}`);
        });
    };
    const walk = (v, dotted) => {
        if (typeof v === 'string')
            return resolveString(v, dotted);
        if (v && typeof v === 'object') {
            return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner, dotted ? `${dotted}.${k}` : k)]));
        }
        return v;
    };
    return walk(spec, '');
}

;// CONCATENATED MODULE: ./src/registries-file/resolve.ts
// Which registry a step means: by name, for a pull from a domain, as a push target, as a fallback.


/** The registry called `name`; else a UserError naming `where` (e.g. "input registry-contexts") with a did-you-mean. */
function registryByName(registriesFile, name, where) {
    const found = registriesFile.registries.find((r) => r.name === name);
    if (found)
        return found;
    const names = registriesFile.registries.map((r) => r.name);
    const hint = (0,naming.didYouMean)(name, names);
    throw new errors/* UserError */.yo(`${where ? `${where}: ` : ''}no registry named "${name}" in ${registriesFile.file} — ${hint ? `${hint} ` : ''}(registries: ${names.join(', ')})`);
}
/** The named registries in the order given, without repeats; every registry when names is empty. */
function selectRegistries(registriesFile, names, where) {
    if (names.length === 0)
        return [...registriesFile.registries];
    const out = [];
    for (const name of names) {
        const r = registryByName(registriesFile, name, where);
        if (!out.includes(r))
            out.push(r);
    }
    return out;
}
/**
 * Which registry's credentials serve a pull from `domain`: the registry-contexts entry for the
 * domain, else the primary for it, else the only registry for it; undefined when none.
 * Every context must name a registry; two contexts on one domain is a UserError.
 */
function pullRegistryFor(registriesFile, domain, registryContexts) {
    const d = (0,naming.normalizeDomain)(domain);
    const contexts = registryContexts.length
        ? selectRegistries(registriesFile, registryContexts, 'registry-contexts')
        : [];
    // The input is wrong whichever domain is asked about, so it is refused for every one.
    for (const r of contexts) {
        const same = contexts.filter((c) => c.domain === r.domain);
        if (same.length > 1) {
            throw new errors/* UserError */.yo(`registry-contexts: ${same.map((c) => `"${c.name}"`).join(' and ')} are both for ${r.domain} — keep one registry context per domain`);
        }
    }
    const context = contexts.find((r) => r.domain === d);
    if (context)
        return context;
    const onDomain = registriesFile.registries.filter((r) => r.domain === d);
    return onDomain.find((r) => r.primary) ?? (onDomain.length === 1 ? onDomain[0] : undefined);
}
/** Where a push goes: the step's `registry`, else the file's `default`, else a UserError saying what to set. */
function pushTarget(registriesFile, name) {
    if (name)
        return registryByName(registriesFile, name, 'registry');
    if (registriesFile.default !== undefined)
        return registryByName(registriesFile, registriesFile.default, `${registriesFile.file}: default`);
    throw new UserError(`no registry to push to — set the step's registry input or add default: <name> to ${registriesFile.file}`);
}
/** The registries to pull from, in order: `name` itself, then its fallback, then that one's fallback... */
function fallbackChain(registriesFile, name) {
    const chain = [];
    let next = name;
    // The loader refuses loops; the guard keeps a hand-built RegistriesFile from spinning.
    while (next !== undefined && !chain.some((r) => r.name === next)) {
        const r = registryByName(registriesFile, next, chain.length ? `fallback of "${chain[chain.length - 1].name}"` : undefined);
        chain.push(r);
        next = r.fallback;
    }
    return chain;
}
/**
 * When `text` (an image an input names) was read as a Docker Hub image only because its
 * first part is not a domain, and that part is close to a registry name of the file:
 * a sentence saying how it was read and what was probably meant. Undefined otherwise.
 */
function misreadAsDockerHub(registriesFile, text, input) {
    const trimmed = text.trim();
    const slash = trimmed.indexOf('/');
    if (slash <= 0)
        return undefined;
    const first = trimmed.slice(0, slash);
    if (isDomainComponent(first))
        return undefined;
    const names = registriesFile.registries.map((r) => r.name);
    if (names.includes(first))
        return undefined;
    const meant = suggest(first, names);
    if (meant === undefined)
        return undefined;
    return `${input}: "${trimmed}" was read as the Docker Hub image docker.io/${trimmed}, as "${first}" is not a registry of ${registriesFile.file} — did you mean the registry "${meant}" (${meant}${trimmed.slice(slash)})?`;
}

;// CONCATENATED MODULE: ./src/registries-file/pushed-name.ts
// The full name an image gets when pushed to a registry: domain, prefix, image name, tag.


/**
 * `<domain>/<prefix>/<image>[:<tag>]` for a push to `registry`. The image name may already start
 * with the registry's domain or prefix (neither is doubled) and may carry its own `:tag` when
 * `tag` is not given. On Docker Hub a one-part name without prefix becomes `library/<name>`.
 */
function pushedName(registry, imageName, tag) {
    let name = imageName.trim();
    const tagAt = name.lastIndexOf(':');
    if (tagAt > name.lastIndexOf('/')) {
        if (tag !== undefined)
            throw new UserError(`image name "${imageName}" already has a tag and the tag "${tag}" was given too — give the image name without ":${name.slice(tagAt + 1)}"`);
        tag = name.slice(tagAt + 1);
        name = name.slice(0, tagAt);
    }
    if (name.includes('@'))
        throw new UserError(`image name "${imageName}" has a digest — give the repository name only; pushes are by tag`);
    const parts = name.split('/');
    if (parts.length > 1 && isDomainComponent(parts[0])) {
        if (normalizeDomain(parts[0]) !== registry.domain) {
            throw new UserError(`image name "${imageName}" names domain ${parts[0]}, but the push goes to registry "${registry.name}" (${registry.domain}) — give the image name without a domain`);
        }
        parts.shift();
    }
    let path = parts.join('/');
    if (!parts.every(isPathComponent)) {
        throw new UserError(`image name "${imageName}" is not a repository name — use lower-case letters, digits and ".", "_", "-" between them, with "/" between parts`);
    }
    if (registry.prefix && !path.startsWith(registry.prefix + '/'))
        path = `${registry.prefix}/${path}`;
    if (isDockerHub(registry.domain) && !path.includes('/'))
        path = `library/${path}`;
    if (tag !== undefined && !isValidTag(tag)) {
        throw new UserError(`tag "${tag}" is not a valid tag — use up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`);
    }
    return `${registry.domain}/${path}${tag !== undefined ? `:${tag}` : ''}`;
}
const IMAGE_ID = /^(sha256:)?[0-9a-f]{12,64}$/;
/** The image name at the target when none is given: the candidate's path without its registry's prefix. */
function defaultImageName(file, candidate) {
    if (IMAGE_ID.test(candidate))
        throw new UserError(`image-name: the candidate ${candidate} is an image ID — give image-name for the pushed image`);
    const ref = parseImageRef(candidate);
    let path = ref.path;
    const prefixes = file.registries.filter((r) => r.domain === ref.domain && r.prefix).map((r) => r.prefix);
    const prefix = prefixes.find((p) => path.startsWith(`${p}/`));
    if (prefix)
        path = path.slice(prefix.length + 1);
    return ref.domain === 'docker.io' && path.startsWith('library/') ? path.slice(8) : path;
}

;// CONCATENATED MODULE: ./src/registries-file/index.ts
/**
 * The registries file (.github/registries.yml): loading with positions, every rule
 * about its contents, `${VAR}` resolution, and the name and domain resolution every action uses.
 * Everything outside src/registries-file imports from here.
 */









const defaultConfigPath = '.github/registries.yml';
/**
 * The registry client's `insecure` for a domain: true where the file marks a registry
 * of that domain insecure; otherwise unset, so that loopback speaks plain http and
 * everything else https.
 */
function insecureFor(file, domain) {
    return file.registries.some((r) => r.domain === domain && r.insecure) || undefined;
}
/** Plain http may carry this registry's credentials: loopback always, others only when marked insecure. */
function allowsPlainHttp(registry) {
    return registry.insecure || isLoopback(registry.domain);
}


/***/ }),

/***/ 3338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ allowPathsOutsideWorkspace),
/* harmony export */   X: () => (/* binding */ workspacePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * Files named in the registries file and in action inputs (env files, dockercfgs,
 * key files, the Dockerfile, encrypted build args) are read from the repository
 * only: a registries file from a pull request must not be able to make regkit read
 * /etc/passwd or a runner's own secrets and echo any of it. Symlinks count where
 * they lead. The job's temporary folder (RUNNER_TEMP) is allowed too: an earlier step
 * of the same job may write a credential file there (a dockercfg generator). The CLI
 * may lift the rule when its user asks explicitly.
 */



let outsideAllowed = false;
/** For the CLI's explicit opt-out: paths may point anywhere from now on. */
function allowPathsOutsideWorkspace() {
    outsideAllowed = true;
}
/** Where a path really leads, following symlinks as far as the path exists. */
function real(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
        return parent === path ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(real(parent), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path));
    }
}
/**
 * The absolute path of `path` (relative to `root`, the repository), or a UserError
 * starting with `what` (file:line:col and key, or the input's name) when it leads outside;
 * `at`, the place in the registries file, lets an action annotate that line.
 */
function workspacePath(path, what, root = process.cwd(), at) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, path);
    if (outsideAllowed)
        return full;
    const target = real(full);
    const inside = (dir) => {
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(real((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir)), target);
        return rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel);
    };
    const runnerTemp = process.env.RUNNER_TEMP?.trim();
    if (inside(root) || (runnerTemp && inside(runnerTemp)))
        return full;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what}: "${path}" is outside the repository — keep the file in the repository and give its path relative to the repository root`, { at });
}


/***/ })

};
