export const id = 478;
export const ids = [478,876];
export const modules = {

/***/ 9478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/migrate/helpers.ts
/**
 * Two small scripts written beside the workflow (.github/codeship/) and run with the
 * runner's node: no npm install, nothing fetched. They are plain CommonJS so that any
 * node the runner has runs them.
 */
const HELPER_DIR = '.github/codeship';
const BRANCH_FILTERS = `${HELPER_DIR}/branch-filters.cjs`;
const DECRYPT_ENV = `${HELPER_DIR}/decrypt-env.cjs`;
const BRANCH_FILTERS_SOURCE = `// Written by \`regkit migrate\`. Evaluates Codeship's tag:/exclude: filters for this
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
const DECRYPT_ENV_SOURCE = `// Written by \`regkit migrate\`. Decrypts a file that \`jet encrypt\` wrote (v1 or v2)
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

;// CONCATENATED MODULE: ./src/migrate/jobs.ts
const MANUAL_ENVIRONMENT = 'codeship-manual';
function layout(steps, report) {
    const jobs = [];
    const ids = new Set();
    let previous = [];
    let current;
    const newJob = (name, needs) => {
        const job = { id: uniqueId(slug(name) || 'job', ids), name, leaves: [], needs };
        jobs.push(job);
        return job;
    };
    const close = () => {
        if (current)
            previous = [current.id];
        current = undefined;
    };
    for (const step of steps) {
        if (step.type === 'parallel') {
            close();
            const stage = [];
            step.steps.forEach((child, i) => {
                const job = newJob(child.name ?? `${step.name ?? 'parallel'} ${i + 1}`, previous);
                job.leaves = flatten(child, report);
                stage.push(job.id);
            });
            appendOnFail(step, jobs.slice(-step.steps.length), report);
            previous = stage.length ? stage : previous;
        }
        else if (step.type === 'manual') {
            close();
            const job = newJob(step.name ?? 'manual', previous);
            job.environment = MANUAL_ENVIRONMENT;
            job.leaves = flatten(step, report);
            report.changed(step.pos, `\`type: manual\` → job \`${job.id}\` waits on the GitHub environment \`${MANUAL_ENVIRONMENT}\`: give that environment required reviewers in the repository settings, or the job runs without waiting`);
            previous = [job.id];
        }
        else {
            current ??= newJob(step.name ?? firstName(step) ?? 'build', previous);
            current.leaves.push(...flatten(step, report));
        }
    }
    return jobs.filter((j) => j.leaves.length);
}
/** The leaves of a step in the order Codeship would start them. */
function flatten(step, report) {
    if (!('steps' in step)) {
        const self = { ...step };
        const onFail = step.onFail.flatMap((s) => flatten(s, report)).map((l) => ({ ...l, onFailOf: self }));
        return [self, ...onFail];
    }
    if (step.type === 'parallel' && step.steps.length > 1) {
        report.changed(step.pos, `parallel group${step.name ? ` \`${step.name}\`` : ''} inside another group: its ${step.steps.length} steps run one after another in one job (GitHub runs jobs, not steps, in parallel)`);
    }
    const leaves = step.steps.flatMap((s) => flatten(s, report));
    const onFail = step.onFail.flatMap((s) => flatten(s, report)).map((l) => ({ ...l, groupOnFail: true }));
    return [...leaves, ...onFail];
}
function appendOnFail(group, jobs, report) {
    if (!group.onFail.length)
        return;
    report.changed(group.pos, "on_fail of a parallel group: its steps run at the end of each of the group's jobs when that job fails");
    for (const job of jobs)
        job.leaves.push(...group.onFail.flatMap((s) => flatten(s, report)).map((l) => ({ ...l, groupOnFail: true })));
}
function firstName(step) {
    if (step.name)
        return step.name;
    if (!('steps' in step))
        return step.service;
    for (const s of step.steps) {
        const n = firstName(s);
        if (n)
            return n;
    }
    return undefined;
}
function slug(s) {
    return s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '');
}
function uniqueId(base, taken) {
    let id = /^[a-z_]/.test(base) ? base : `j-${base}`;
    const root = id;
    for (let i = 2; taken.has(id); i++)
        id = `${root}-${i}`;
    taken.add(id);
    return id;
}

;// CONCATENATED MODULE: ./src/migrate/yaml-tree.ts
/**
 * Codeship files as a tree that remembers where every key and value came from,
 * so that each report line can name file:line:col. Aliases and merge keys (`<<`)
 * are resolved the way YAML 1.1 merge does: explicit keys win, earlier merges win.
 */

/** Parses YAML (JSON is YAML too); the first parser error comes back with its position. */
function parseTree(file, text) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { merge: true, lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    const at = (offset) => {
        const p = lines.linePos(offset);
        return { file, line: p.line, col: p.col };
    };
    if (doc.errors.length) {
        const e = doc.errors[0];
        const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return { ok: false, pos: at(e.pos[0]), message: msg };
    }
    const convert = (node, seen) => {
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(doc);
            if (!target || seen.has(target))
                return { kind: 'scalar', pos: at(node.range?.[0] ?? 0), value: null };
            return convert(target, new Set([...seen, target]));
        }
        const n = node;
        const pos = at(n?.range?.[0] ?? 0);
        if ((0,dist/* isMap */.jh)(n)) {
            const own = [];
            const merged = [];
            for (const pair of n.items) {
                const k = pair.key;
                if ((0,dist/* isScalar */.jn)(k) && typeof k.value === 'symbol') {
                    // `<<: *base` or `<<: [*a, *b]`
                    const v = convert(pair.value, seen);
                    const sources = v.kind === 'seq' ? v.items : [v];
                    for (const s of sources)
                        if (s.kind === 'map')
                            merged.push(...s.entries);
                    continue;
                }
                const keyText = (0,dist/* isScalar */.jn)(k) ? String(k.value) : String(k ?? '');
                own.push({ key: keyText, keyPos: at(k?.range?.[0] ?? 0), value: convert(pair.value, seen) });
            }
            const entries = [...own];
            for (const m of merged)
                if (!entries.some((e) => e.key === m.key))
                    entries.push(m);
            return { kind: 'map', pos, entries };
        }
        if ((0,dist/* isSeq */.oP)(n))
            return { kind: 'seq', pos, items: n.items.map((i) => convert(i, seen)) };
        if ((0,dist/* isScalar */.jn)(n)) {
            const v = n.value;
            const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
            return { kind: 'scalar', pos, value };
        }
        return { kind: 'scalar', pos, value: null };
    };
    return { ok: true, root: convert(doc.contents, new Set()) };
}
function where(p) {
    return `${p.file}:${p.line}:${p.col}`;
}
/** A scalar as the string Codeship would see (YAML `true` → "true"); undefined for maps and lists. */
function yaml_tree_text(node) {
    if (!node || node.kind !== 'scalar' || node.value === null)
        return undefined;
    return String(node.value);
}
function entry(map, key) {
    return map.entries.find((e) => e.key === key);
}

;// CONCATENATED MODULE: ./src/migrate/report.ts
/**
 * What the migration did, line by line: printed on stdout and written to MIGRATION.md.
 * Every Codeship construct ends up here either as converted or with the reason it was not.
 */

class Report {
    lines = [];
    /** What the user must do before the first run of the workflow, in the order found. */
    todos = [];
    add(level, pos, message) {
        this.lines.push({ level, pos, message });
    }
    converted(pos, message) {
        this.add('converted', pos, message);
    }
    changed(pos, message) {
        this.add('changed', pos, message);
    }
    skipped(pos, message) {
        this.add('skipped', pos, message);
    }
    error(pos, message) {
        this.add('error', pos, message);
    }
    /** Something done that only the user can finish before the first run (a secret, a missing credential). */
    todo(pos, message) {
        this.todos.push({ level: 'changed', pos, message });
    }
    count(level) {
        return this.lines.filter((l) => l.level === level).length;
    }
    /** `file:line:col: level: message`, sorted by file and line within each level. */
    format(line) {
        return `${line.pos ? where(line.pos) + ': ' : ''}${LABEL[line.level]}: ${line.message}`;
    }
    sorted(level) {
        return this.lines
            .filter((l) => l.level === level)
            .slice()
            .sort((a, b) => (a.pos?.file ?? '').localeCompare(b.pos?.file ?? '') ||
            (a.pos?.line ?? 0) - (b.pos?.line ?? 0) ||
            (a.pos?.col ?? 0) - (b.pos?.col ?? 0));
    }
}
const LABEL = {
    converted: 'converted',
    changed: 'converted with a difference',
    skipped: 'not converted',
    error: 'error',
};

;// CONCATENATED MODULE: ./src/migrate/markdown.ts
/** MIGRATION.md (and the same text on stdout): what was converted and, with file:line, what was not. */



const SECTIONS = [
    ['error', 'Errors in the Codeship files'],
    ['skipped', 'Not converted'],
    ['changed', 'Converted, with a difference to check'],
    ['converted', 'Converted'],
];
function renderReport(r) {
    const out = ['# Migration from Codeship Pro', ''];
    const from = [r.servicesFile, r.stepsFile]
        .filter(Boolean)
        .map((f) => `\`${f}\``)
        .join(' and ');
    if (r.failed) {
        out.push(`Nothing was converted from ${from || 'the Codeship files'}: the errors below stop the migration. Fix them and run \`regkit migrate\` again.`, '');
    }
    else {
        out.push(`Converted ${from} into:`, '', ...r.outputs.map((f) => `- \`${f}\``), '');
        const lost = r.pushesInFile - r.pushesConverted;
        out.push(`Push steps: ${r.pushesInFile} in the steps file, ${r.pushesConverted} converted` +
            (lost > 0 ? `, **${lost} not converted** (each is listed below with its reason).` : '.'), '');
        const todo = [];
        for (const s of r.secrets)
            todo.push(`Add the repository secret \`${s}\` with the contents of \`codeship.aes\` (the project's AES key); the workflow passes it to regkit's actions as \`aes-key\`.`);
        for (const t of r.report.todos)
            todo.push(`${t.pos ? where(t.pos) + ': ' : ''}${t.message}`);
        if (r.manual)
            todo.push(`Create the environment \`${MANUAL_ENVIRONMENT}\` with required reviewers (Settings → Environments) so that manual steps wait for approval.`);
        if (r.report.count('skipped') + r.report.count('error'))
            todo.push('Read the lines under "Not converted" and "Errors" below: each names the file and line and what to do.');
        if (todo.length)
            out.push('## Before the first run', '', ...todo.map((t) => `- ${t}`), '');
    }
    out.push(...reportSections(r.report, SECTIONS));
    return out.join('\n');
}
/** The report's lines under one heading per level, in the order and with the titles given. */
function reportSections(report, sections) {
    const out = [];
    for (const [level, title] of sections) {
        const lines = report.sorted(level);
        if (!lines.length)
            continue;
        out.push(`## ${title} (${lines.length})`, '');
        for (const l of lines)
            out.push(`- ${report.format(l).replace(`${LABEL[level]}: `, '')}`);
        out.push('');
    }
    return out;
}

// EXTERNAL MODULE: ./src/naming/index.ts + 3 modules
var naming = __webpack_require__(6495);
;// CONCATENATED MODULE: ./src/migrate/fields.ts
/**
 * The keys Codeship Pro reads in each place, and a did-you-mean for the ones it does not.
 * Codeship ignores keys it does not know, so a typo such as `iamge_tag` silently changes
 * what a build does; the report names every one.
 */

const SERVICE_KEYS = [
    'build',
    'image',
    'environment',
    'env_file',
    'encrypted_env_file',
    'encrypted_dockercfg_path',
    'dockercfg_service',
    'add_docker',
    'cached',
    'default_cache_branch',
    'volumes',
    'volumes_from',
    'depends_on',
    'links',
    'command',
    'entrypoint',
    'working_dir',
    'user',
    'privileged',
    'cap_add',
    'cap_drop',
    'hostname',
    'domainname',
    'dns',
    'dns_search',
    'extra_hosts',
    'labels',
    'ports',
    'container_name',
    'healthcheck',
    'ulimits',
    'mem_limit',
    'cpu_shares',
    'cpuset',
    'devices',
    'security_opt',
    'read_only',
    'restart',
    'network_mode',
    'stdin_open',
    'tty',
    'expose',
    'logging',
    'log_driver',
    'dockerfile',
];
const BUILD_KEYS = [
    'image',
    'context',
    'path',
    'dockerfile',
    'dockerfile_path',
    'args',
    'encrypted_args',
    'encrypted_args_file',
];
const STEP_KEYS = [
    'name',
    'type',
    'service',
    'services',
    'command',
    'tag',
    'exclude',
    'steps',
    'image_name',
    'image_tag',
    'registry',
    'encrypted_dockercfg_path',
    'dockercfg_service',
    'on_fail',
];
const STEP_TYPES = ['serial', 'parallel', 'push', 'pull', 'manual', 'matrix'];
/** ` (did you mean "x"?)` after a report line's subject, or nothing. */
function suggestion(word, known) {
    const s = (0,naming.didYouMean)(word, known);
    return s ? ` (${s})` : '';
}

;// CONCATENATED MODULE: ./src/migrate/argv.ts
/**
 * Codeship runs a step's `command` without a shell: the string is split into words
 * (quotes group, backslash escapes, nothing is expanded) and exec'd. The workflow
 * runs `docker run IMAGE word...` from bash, so each word is quoted back for bash.
 */
function splitWords(command) {
    const words = [];
    const operators = [];
    let cur = '';
    let inWord = false;
    let quote = null;
    for (let i = 0; i < command.length; i++) {
        const c = command[i];
        if (quote === "'") {
            if (c === "'")
                quote = null;
            else
                cur += c;
            continue;
        }
        if (quote === '"') {
            if (c === '"')
                quote = null;
            else if (c === '\\' && i + 1 < command.length && '"\\$`'.includes(command[i + 1]))
                cur += command[++i];
            else
                cur += c;
            continue;
        }
        if (c === "'" || c === '"') {
            quote = c;
            inWord = true;
        }
        else if (c === '\\' && i + 1 < command.length) {
            cur += command[++i];
            inWord = true;
        }
        else if (/\s/.test(c)) {
            if (inWord)
                words.push(cur);
            cur = '';
            inWord = false;
        }
        else {
            cur += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push(cur);
    for (const w of words)
        if (/^(&&|\|\||[|;&<>]|>>|2>&1|[0-9]?>)$/.test(w))
            operators.push(w);
    return { words, operators, unterminated: quote !== null };
}
/** One word quoted for bash so that bash passes it through unchanged. */
function bashQuote(word) {
    if (word !== '' && /^[A-Za-z0-9_./:=@%+,-]+$/.test(word))
        return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/** Text placed in a workflow is evaluated by GitHub wherever it contains `${{`; this keeps it literal. */
function literal(s) {
    return s.replace(/\$\{\{/g, "${{ '${{' }}");
}

;// CONCATENATED MODULE: ./src/migrate/read-services.ts
/** Reads codeship-services.yml (or docker-compose.yml) into Service records, reporting what it cannot use. */



/** Keys Codeship reads that have no counterpart in a `docker run` of one step. */
const NOT_CONVERTED = {
    ports: "a step reaches its services by name on the job's network, so nothing is published on the runner; drop it",
    container_name: "containers run under Docker's own names and are reached by service name on the job's network; drop it",
    healthcheck: 'a step starts once its services are started, as on Codeship, without waiting for them to be healthy; if a step needs to wait, make its command retry',
    hostname: read_services_option('--hostname'),
    domainname: read_services_option('--domainname'),
    dns: read_services_option('--dns'),
    dns_search: read_services_option('--dns-search'),
    extra_hosts: read_services_option('--add-host'),
    labels: read_services_option('--label'),
    ulimits: read_services_option('--ulimit'),
    mem_limit: read_services_option('--memory'),
    cpu_shares: read_services_option('--cpu-shares'),
    cpuset: read_services_option('--cpuset-cpus'),
    devices: read_services_option('--device'),
    security_opt: read_services_option('--security-opt'),
    read_only: read_services_option('--read-only'),
    restart: "a step's containers are not restarted, as on Codeship; drop it",
    network_mode: "a step and its services share the job's network; if the step needs another one, change `--network` on its docker run line",
    stdin_open: 'steps on GitHub run without a terminal; a program that needs one must be given its input another way',
    tty: 'steps on GitHub run without a terminal; a program that needs one must be given its input another way',
    expose: "a step and its services reach each other on every port on the job's network; drop it",
    logging: "a container's output goes to the step's log; drop it",
    log_driver: "a container's output goes to the step's log; drop it",
};
function read_services_option(flag) {
    return `not passed to docker run; if the step needs it, add \`${flag}\` to the docker run line in the workflow`;
}
function readServices(root, report) {
    const services = new Map();
    if (root.kind !== 'map') {
        if (!(root.kind === 'scalar' && root.value === null))
            report.error(root.pos, 'the services file must be a mapping of service names to services');
        return services;
    }
    let map = root;
    const nested = entry(root, 'services');
    if (nested &&
        nested.value.kind === 'map' &&
        (entry(root, 'version') || nested.value.entries.every((e) => e.value.kind === 'map'))) {
        map = nested.value;
        for (const e of root.entries) {
            if (e.key === 'services' || e.key === 'version')
                continue;
            report.skipped(e.keyPos, `top-level \`${e.key}:\` of a Compose file is not used by Codeship; nothing to do (volumes are folders of the repository, networks are one per step)`);
        }
    }
    for (const e of map.entries) {
        if (e.key === 'version' && map === root)
            continue;
        if (e.value.kind !== 'map') {
            report.error(e.value.pos, `service \`${e.key}\` must be a mapping of fields, not ${describe(e.value)}`);
            continue;
        }
        services.set(e.key, readService(e, e.value, report));
    }
    return services;
}
function describe(n) {
    return n.kind === 'seq'
        ? 'a list'
        : n.kind === 'map'
            ? 'a mapping'
            : n.value === null
                ? 'empty'
                : `the value \`${String(n.value)}\``;
}
function readService(e, m, report) {
    const s = {
        name: e.key,
        pos: e.keyPos,
        environment: [],
        envFiles: [],
        encryptedEnvFiles: [],
        addDocker: false,
        cached: false,
        volumes: [],
        privileged: false,
        capAdd: [],
        capDrop: [],
        links: [],
        dependsOn: [],
        volumesFrom: [],
        refs: [],
    };
    let serviceDockerfile;
    for (const f of m.entries) {
        const v = f.value;
        switch (f.key) {
            case 'image':
                s.image = yaml_tree_text(v);
                break;
            case 'build':
                s.build = readBuild(v, report);
                break;
            case 'dockerfile':
                serviceDockerfile = f;
                break;
            case 'environment':
                s.environment = readEnvironment(v, report);
                break;
            case 'env_file':
                s.envFiles = strings(v, report, f.key);
                break;
            case 'encrypted_env_file':
                s.encryptedEnvFiles = strings(v, report, f.key);
                break;
            case 'encrypted_dockercfg_path':
                s.encryptedDockercfgPath = yaml_tree_text(v);
                break;
            case 'dockercfg_service':
                s.dockercfgService = yaml_tree_text(v);
                break;
            case 'add_docker':
                s.addDocker = yaml_tree_text(v) === 'true';
                break;
            case 'cached':
                s.cached = yaml_tree_text(v) === 'true';
                break;
            case 'default_cache_branch':
                s.defaultCacheBranch = yaml_tree_text(v);
                break;
            case 'links':
                s.links = readLinks(v, report, s.name, f.key);
                break;
            case 'depends_on':
                s.dependsOn = readLinks(v, report, s.name, f.key);
                break;
            case 'volumes_from':
                s.volumesFrom = readVolumesFrom(v, report, s.name);
                break;
            case 'volumes':
                s.volumes = strings(v, report, f.key);
                break;
            case 'command':
                s.command = words(v);
                break;
            case 'entrypoint':
                s.entrypoint = words(v);
                break;
            case 'working_dir':
                s.workingDir = yaml_tree_text(v);
                break;
            case 'user':
                s.user = yaml_tree_text(v);
                break;
            case 'privileged':
                s.privileged = yaml_tree_text(v) === 'true';
                break;
            case 'cap_add':
                s.capAdd = strings(v, report, f.key);
                break;
            case 'cap_drop':
                s.capDrop = strings(v, report, f.key);
                break;
            default:
                if (f.key in NOT_CONVERTED)
                    report.skipped(f.keyPos, `service \`${s.name}\`: \`${f.key}\` — ${NOT_CONVERTED[f.key]}`);
                else if (BUILD_KEYS.includes(f.key) && f.key !== 'image')
                    report.skipped(f.keyPos, `service \`${s.name}\`: \`${f.key}\` belongs under \`build:\`; Codeship ignores it here, so it is ignored`);
                else
                    report.skipped(f.keyPos, `service \`${s.name}\`: unknown key \`${f.key}\`${suggestion(f.key, SERVICE_KEYS)}; Codeship ignores it, so it is ignored`);
        }
    }
    if (serviceDockerfile) {
        // Compose v1 wrote `build: dir` with a service-level `dockerfile:`; Codeship read it that way.
        if (s.build && !s.build.dockerfile) {
            s.build.dockerfile = yaml_tree_text(serviceDockerfile.value);
            report.converted(serviceDockerfile.keyPos, `service \`${s.name}\`: service-level \`dockerfile\` (Compose v1 style) used as the build's Dockerfile`);
        }
        else
            report.skipped(serviceDockerfile.keyPos, `service \`${s.name}\`: \`dockerfile\` belongs under \`build:\`; ignored as Codeship ignored it — move it under \`build:\` if it was meant`);
    }
    if (!s.image && !s.build)
        report.error(m.pos, `service \`${s.name}\` has neither \`image\` nor \`build\`; it cannot be run or started beside a step — give it one`);
    const branchEntry = entry(m, 'default_cache_branch');
    if (branchEntry && !s.cached)
        report.skipped(branchEntry.keyPos, `service \`${s.name}\`: default_cache_branch has no effect without \`cached: true\`, on Codeship as here; drop it or add \`cached: true\``);
    s.refs = [...new Set([...s.links, ...s.dependsOn, ...s.volumesFrom].map((l) => l.service))];
    return s;
}
/** `links:` / `depends_on:` as a list (`db`, `db:alias`) or, for depends_on, a mapping of names. */
function readLinks(v, report, service, key) {
    if (v.kind === 'map')
        return v.entries.map((e) => ({ service: e.key, pos: e.keyPos }));
    if (v.kind !== 'seq') {
        if (!(v.kind === 'scalar' && v.value === null))
            report.error(v.pos, `service \`${service}\`: \`${key}\` must be a list of service names; ignored — write it as a list`);
        return [];
    }
    return v.items.flatMap((i) => {
        const t = yaml_tree_text(i);
        if (!t)
            return [];
        const [name, alias] = t.split(':');
        return [{ service: name, alias: alias && alias !== name ? alias : undefined, pos: i.pos }];
    });
}
function readVolumesFrom(v, report, service) {
    if (v.kind !== 'seq') {
        if (!(v.kind === 'scalar' && v.value === null))
            report.error(v.pos, `service \`${service}\`: \`volumes_from\` must be a list of service names; ignored — write it as a list`);
        return [];
    }
    return v.items.flatMap((i) => {
        const t = yaml_tree_text(i);
        if (!t)
            return [];
        if (t.startsWith('container:')) {
            report.skipped(i.pos, `service \`${service}\`: volumes_from \`${t}\` names a container, not a service; no such container exists in the workflow — mount the folders it had with \`volumes:\``);
            return [];
        }
        const [name, mode] = t.split(':');
        return [{ service: name, mode: mode === 'ro' || mode === 'rw' ? mode : undefined, pos: i.pos }];
    });
}
/** Every service that links, depends_on and volumes_from name must exist. */
function checkReferences(services, servicesFile, report) {
    for (const s of services.values()) {
        for (const [key, list] of [
            ['links', s.links],
            ['depends_on', s.dependsOn],
            ['volumes_from', s.volumesFrom],
        ]) {
            for (const l of list) {
                if (services.has(l.service))
                    continue;
                report.error(l.pos, `service \`${s.name}\`: ${key} \`${l.service}\` is not defined in ${servicesFile}${suggestion(l.service, [...services.keys()])}; it is not started`);
            }
        }
        for (const l of [...s.links, ...s.dependsOn, ...s.volumesFrom])
            if (l.service === s.name)
                report.error(l.pos, `service \`${s.name}\` names itself in links, depends_on or volumes_from; ignored — remove the entry`);
    }
}
function readBuild(v, report) {
    if (v.kind === 'scalar')
        return { pos: v.pos, context: yaml_tree_text(v) ?? '.', args: [] };
    if (v.kind !== 'map') {
        report.error(v.pos, '`build` must be a folder or a mapping');
        return undefined;
    }
    const b = { pos: v.pos, context: '.', args: [] };
    for (const f of v.entries) {
        switch (f.key) {
            case 'context':
            case 'path':
                b.context = yaml_tree_text(f.value) ?? '.';
                break;
            case 'dockerfile':
            case 'dockerfile_path':
                b.dockerfile = yaml_tree_text(f.value);
                break;
            case 'image':
                b.image = yaml_tree_text(f.value);
                break;
            case 'args':
                b.args = readEnvironment(f.value, report).map(([k, val]) => [k, val ?? '']);
                break;
            case 'encrypted_args':
                b.encryptedArgs = yaml_tree_text(f.value);
                break;
            case 'encrypted_args_file':
                b.encryptedArgsFile = yaml_tree_text(f.value);
                break;
            default:
                if (SERVICE_KEYS.includes(f.key))
                    report.skipped(f.keyPos, `\`${f.key}\` under \`build:\` is a service field; Codeship ignores it here, so it is ignored (move it up one level)`);
                else
                    report.skipped(f.keyPos, `unknown build key \`${f.key}\`${suggestion(f.key, BUILD_KEYS)}; ignored as Codeship ignored it`);
        }
    }
    return b;
}
/** `environment:` as a mapping or a list of KEY=VALUE / KEY (passed from the host). */
function readEnvironment(v, report) {
    if (v.kind === 'map')
        return v.entries.map((e) => [e.key, yaml_tree_text(e.value) ?? '']);
    if (v.kind === 'seq') {
        return v.items.flatMap((i) => {
            const t = yaml_tree_text(i);
            if (t === undefined)
                return [];
            const eq = t.indexOf('=');
            return [eq < 0 ? [t, undefined] : [t.slice(0, eq), t.slice(eq + 1)]];
        });
    }
    if (v.kind === 'scalar' && v.value !== null)
        report.skipped(v.pos, 'environment must be a mapping or a list; ignored — write it as KEY: value lines or a list of KEY=value');
    return [];
}
function strings(v, report, key) {
    if (v.kind === 'scalar')
        return v.value === null ? [] : [String(v.value)];
    if (v.kind === 'seq')
        return v.items.map(yaml_tree_text).filter((t) => t !== undefined);
    report.skipped(v.pos, `\`${key}\` must be a value or a list; ignored — write it as a list of entries`);
    return [];
}
function words(v) {
    if (v.kind === 'seq')
        return v.items.map((i) => yaml_tree_text(i) ?? '');
    const t = yaml_tree_text(v);
    return t === undefined ? undefined : splitWords(t).words;
}

;// CONCATENATED MODULE: ./src/migrate/containers.ts
/**
 * One Codeship step as containers: the step's service and every service it reaches
 * through `links`, `depends_on` and `volumes_from`, started beside it for that step
 * only (Codeship ran each step on a fresh set of containers on a network of its own,
 * services reachable by name and by link alias) — and the `docker run` options of a
 * service, with paths read as Codeship read them.
 */


function companionsOf(name, services) {
    const state = new Map();
    const order = [];
    const cycles = [];
    const visit = (n) => {
        const svc = services.get(n);
        if (!svc)
            return;
        const s = state.get(n);
        if (s === 'done')
            return;
        if (s === 'visiting') {
            if (!cycles.includes(n))
                cycles.push(n);
            return;
        }
        state.set(n, 'visiting');
        for (const d of dependencies(svc))
            if (d !== n)
                visit(d);
        state.set(n, 'done');
        order.push(svc);
    };
    visit(name);
    // A service with neither image nor build is reported where it is read; there is nothing to start.
    const started = order.filter((s) => s.name !== name && (s.image || s.build));
    // A link alias belongs to the linked service, whoever in the step declared the link.
    const aliases = new Map(started.map((s) => [s.name, new Set([s.name])]));
    for (const s of order)
        for (const l of s.links)
            if (l.alias)
                aliases.get(l.service)?.add(l.alias);
    return { order: started.map((s) => ({ service: s, aliases: [...aliases.get(s.name)] })), cycles };
}
function dependencies(svc) {
    return [...svc.dependsOn, ...svc.links, ...svc.volumesFrom].map((l) => l.service);
}
/** A path of the services file (env_file, a volume's host folder) as a path of the repository. */
function repoPath(dir, path) {
    return external_node_path_.posix.normalize(external_node_path_.posix.join(dir, path)).replace(/\/+$/, '') || '.';
}
/**
 * `docker run` options for a service, quoted for bash (no `--rm`, `-d`, network or image):
 * `envFile(file)` names where the decrypted form of an encrypted env file is.
 */
function containerOptions(svc, ctx, envFile, volumesFrom) {
    const opts = [];
    const entry = svc.entrypoint ?? [];
    if (entry.length)
        opts.push('--entrypoint', bashQuote(entry[0]));
    if (svc.workingDir)
        opts.push('-w', bashQuote(svc.workingDir));
    if (svc.user)
        opts.push('-u', bashQuote(svc.user));
    if (svc.privileged)
        opts.push('--privileged');
    for (const c of svc.capAdd)
        opts.push('--cap-add', bashQuote(c));
    for (const c of svc.capDrop)
        opts.push('--cap-drop', bashQuote(c));
    if (svc.addDocker)
        opts.push('-v', '/var/run/docker.sock:/var/run/docker.sock');
    const first = !ctx.reportedVolumes.has(svc.name);
    ctx.reportedVolumes.add(svc.name);
    for (const v of svc.volumes) {
        const m = volume(v, ctx.servicesDir);
        if (first && m.level)
            ctx.report[m.level](svc.pos, `service \`${svc.name}\`: volume \`${v}\` ${m.note}`);
        if (m.arg)
            opts.push('-v', m.arg);
    }
    for (const f of svc.volumesFrom) {
        const source = volumesFrom(f.service);
        if (source)
            opts.push('--volumes-from', `"${source}${f.mode ? ':' + f.mode : ''}"`);
    }
    for (const f of svc.envFiles)
        opts.push('--env-file', bashQuote(repoPath(ctx.servicesDir, f)));
    for (const f of svc.encryptedEnvFiles)
        opts.push('--env-file', envFile(f));
    return opts;
}
/** Arguments after the image: the rest of the entrypoint, then the command. */
function commandWords(svc, argv) {
    return [...(svc.entrypoint ?? []).slice(1), ...(argv ?? svc.command ?? [])];
}
/**
 * Codeship read every host part of a volume as a path relative to the services file's
 * folder (`deploy:/deploy` is the repository's folder deploy); only a lone container
 * path (`/data`) made a volume, an unnamed one that lives as long as the step.
 */
function volume(v, dir) {
    const parts = v.split(':');
    if (parts.length === 1) {
        if (v.startsWith('/'))
            return { arg: bashQuote(v) };
        return {
            level: 'skipped',
            note: 'is neither `host:container` nor an absolute container path; Docker rejects it, so it is left out — fix the entry',
        };
    }
    const [host, ...rest] = parts;
    if (host.startsWith('/'))
        return { arg: bashQuote(v) };
    if (host.startsWith('~'))
        return {
            arg: bashQuote(v),
            level: 'changed',
            note: "→ a folder under the runner's home, which holds nothing of the build; mount a folder of the repository instead",
        };
    const path = repoPath(dir, host);
    const full = path === '.' ? '$GITHUB_WORKSPACE' : `$GITHUB_WORKSPACE/${path}`;
    const arg = `"${[full, ...rest]
        .join(':')
        .replace(/(["\\`])/g, '\\$1')
        .replace(/\$(?!GITHUB_WORKSPACE)/g, '\\$')}"`;
    const bare = !host.startsWith('.') && !host.includes('/');
    if (!bare)
        return { arg };
    return {
        arg,
        level: 'converted',
        note: `→ the repository's \`${path}\`, as Codeship read a bare name (Docker and Compose would make a named volume)`,
    };
}

;// CONCATENATED MODULE: ./src/migrate/read-steps.ts
/** Reads codeship-steps.yml into Step records; groups pass service, filters and credentials down. */



const RUN_ONLY = ['command'];
const PUSH_ONLY = ['image_name', 'image_tag', 'registry'];
function readSteps(root, services, servicesFile, report) {
    if (root.kind === 'scalar' && root.value === null)
        return [];
    if (root.kind !== 'seq') {
        report.error(root.pos, 'the steps file must be a list of steps');
        return [];
    }
    return list(root.items, { filters: [] }, services, servicesFile, report);
}
function list(items, inh, services, servicesFile, report) {
    return items.flatMap((i) => one(i, inh, services, servicesFile, report));
}
function one(node, parent, services, servicesFile, report) {
    if (node.kind !== 'map') {
        report.error(node.pos, `a step must be a mapping of fields, not ${node.kind === 'seq' ? 'a list' : `\`${String(node.value)}\``}`);
        return [];
    }
    const m = node;
    const name = yaml_tree_text(entry(m, 'name')?.value);
    const label = name ? `step \`${name}\`` : 'step';
    let type = yaml_tree_text(entry(m, 'type')?.value);
    const typeEntry = entry(m, 'type');
    if (type !== undefined && !STEP_TYPES.includes(type)) {
        report.error(typeEntry.value.pos, `${label}: unknown step type \`${type}\`${suggestion(type, STEP_TYPES)}; the step is not converted`);
        return [];
    }
    const hasSteps = !!entry(m, 'steps');
    if (type === undefined)
        type = hasSteps ? 'serial' : 'run';
    const inh = { ...parent, filters: [...parent.filters] };
    for (const f of m.entries) {
        const v = f.value;
        switch (f.key) {
            case 'name':
            case 'type':
            case 'steps':
            case 'on_fail':
                break;
            case 'service': {
                const t = yaml_tree_text(v);
                if (t)
                    inh.service = { name: t, pos: v.pos };
                inh.services = undefined;
                break;
            }
            case 'services':
                if (v.kind === 'seq')
                    inh.services = v.items.map((i) => ({ name: yaml_tree_text(i) ?? '', pos: i.pos }));
                else
                    report.error(v.pos, `${label}: \`services\` must be a list of service names`);
                break;
            case 'tag':
            case 'exclude': {
                const t = yaml_tree_text(v);
                if (t === undefined)
                    report.error(v.pos, `${label}: \`${f.key}\` must be a single branch name or regular expression`);
                else
                    inh.filters.push({ pos: v.pos, kind: f.key, value: t });
                break;
            }
            case 'encrypted_dockercfg_path':
                inh.credentials = { kind: 'dockercfg', path: yaml_tree_text(v) ?? '', pos: v.pos };
                break;
            case 'dockercfg_service':
                inh.credentials = { kind: 'generator', service: yaml_tree_text(v) ?? '', pos: v.pos };
                break;
            case 'image_name':
                inh.imageName = yaml_tree_text(v);
                break;
            case 'image_tag':
                inh.imageTag = yaml_tree_text(v);
                break;
            case 'registry':
                inh.registry = yaml_tree_text(v);
                break;
            case 'command':
                break;
            default: {
                const hint = f.key === 'cached' || f.key === 'cache'
                    ? ' — `cached` is a service field (codeship-services.yml); on a step Codeship ignores it'
                    : suggestion(f.key, STEP_KEYS);
                const guess = (0,naming.suggest)(f.key, STEP_KEYS);
                const effect = guess === 'image_tag' && type === 'push' && !entry(m, 'image_tag')
                    ? "; the push uses Codeship's default tag `latest`"
                    : '';
                report.skipped(f.keyPos, `${label}: unknown key \`${f.key}\`${hint}; ignored as Codeship ignores it${effect}`);
            }
        }
    }
    if (type === 'run' || type === 'push' || type === 'pull') {
        for (const key of type === 'run' ? PUSH_ONLY : RUN_ONLY) {
            const e = entry(m, key);
            if (e)
                report.skipped(e.keyPos, `${label}: \`${key}\` has no meaning on a ${type} step; ignored as Codeship ignored it — drop it`);
        }
    }
    const onFailEntry = entry(m, 'on_fail');
    const onFail = onFailEntry
        ? onFailEntry.value.kind === 'seq'
            ? list(onFailEntry.value.items, { ...inh, filters: [] }, services, servicesFile, report)
            : (report.error(onFailEntry.value.pos, `${label}: \`on_fail\` must be a list of steps`), [])
        : [];
    if (type === 'serial' || type === 'parallel' || type === 'manual' || type === 'matrix') {
        const stepsEntry = entry(m, 'steps');
        if (!stepsEntry || stepsEntry.value.kind !== 'seq') {
            report.error(stepsEntry?.value.pos ?? m.pos, `${label}: a ${type} group needs a \`steps:\` list; the group is not converted`);
            return [];
        }
        if (type === 'matrix')
            report.changed(typeEntry.value.pos, `${label}: \`type: matrix\` runs its steps once for each of its services, in parallel`);
        const children = list(stepsEntry.value.items, inh, services, servicesFile, report);
        return [
            {
                type: type === 'matrix' ? 'parallel' : type,
                pos: m.pos,
                name,
                filters: inh.filters,
                credentials: inh.credentials,
                onFail,
                steps: children,
            },
        ];
    }
    // A leaf step: with a group's `services:` list it runs once per service.
    const targets = inh.service ? [inh.service] : (inh.services ?? []);
    if (!targets.length) {
        report.error(m.pos, `${label}: no \`service\` (neither here nor on an enclosing group); ${type === 'push' ? 'push step' : 'step'} not converted`);
        return [];
    }
    const out = [];
    for (const t of targets) {
        if (!services.has(t.name)) {
            const known = [...services.keys()];
            report.error(t.pos, `${label}: service \`${t.name}\` is not defined in ${servicesFile}${suggestion(t.name, known)}; ${type === 'push' ? 'push step' : 'step'} not converted`);
            continue;
        }
        const base = {
            pos: m.pos,
            name,
            filters: inh.filters,
            credentials: inh.credentials,
            onFail,
            service: t.name,
            servicePos: t.pos,
        };
        if (type === 'run') {
            const c = entry(m, 'command');
            out.push({ ...base, type: 'run', command: c ? yaml_tree_text(c.value) : undefined, commandPos: c?.value.pos });
        }
        else {
            out.push({
                ...base,
                type: type,
                imageName: inh.imageName,
                imageTag: inh.imageTag,
                registry: inh.registry,
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/migrate/registries.ts


/** The folder under $RUNNER_TEMP where a generator service regkit does not know writes its dockercfg. */
function generatedDockercfgDir(service) {
    return `codeship-dockercfg/${service.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}
/** Repository path without a tag: `a/b:dev` → `a/b`. */
function withoutTag(path) {
    const at = path.lastIndexOf(':');
    return at > path.lastIndexOf('/') ? path.slice(0, at) : path;
}
function providerFor(domain) {
    if (domain === 'docker.io')
        return 'dockerhub';
    if (domain === 'ghcr.io')
        return 'ghcr';
    if (domain === 'quay.io')
        return 'quay';
    if (/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(domain))
        return 'ecr';
    if (domain === 'gcr.io' || domain.endsWith('.gcr.io'))
        return 'gcr';
    if (domain.endsWith('-docker.pkg.dev'))
        return 'gar';
    if (domain.endsWith('.azurecr.io'))
        return 'acr';
    if (domain.endsWith('icr.io') || domain.endsWith('bluemix.net'))
        return 'ibm';
    return 'other';
}
const IMPLIED = new Set(['dockerhub', 'ghcr', 'quay']);
const GENERATORS = {
    'codeship/aws-ecr-dockercfg-generator': { providers: ['ecr'], credentials: { aws: {} } },
    'codeship/gcr-dockercfg-generator': {
        providers: ['gcr', 'gar'],
        credentials: { google: { json_key: '${GOOGLE_AUTH_JSON}' } },
    },
    'codeship/azure-dockercfg-generator': {
        providers: ['acr'],
        credentials: { azure: { client_id: '${AZURE_USERNAME}', client_secret: '${AZURE_PASSWORD}' } },
        note: "Codeship's generator ran `az login` with AZURE_USERNAME/AZURE_PASSWORD; regkit signs in to ACR as a service principal, so those two variables must hold a service principal's id and secret",
    },
    'codeship/ibm-bluemix-dockercfg-generator': {
        providers: ['ibm'],
        credentials: { ibm: { apikey: '${BLUEMIX_API_KEY}' } },
    },
    'codeship/dockercfg-generator': {
        providers: ['*'],
        credentials: { username: '${DOCKER_USERNAME}', password: '${DOCKER_PASSWORD}' },
    },
    'codeship/heroku-dockercfg-generator': {
        providers: ['other'],
        credentials: { username: '_', password: '${HEROKU_API_KEY}' },
        note: "not one of Codeship's documented generators: Heroku's registry takes the user `_` and an API key, read here from HEROKU_API_KEY in the generator's env file — check the variable name",
    },
};
// The recommended next step after a cloud generator: no stored key at all, GitHub's OIDC token instead.
const KEYLESS = {
    'codeship/aws-ecr-dockercfg-generator': (d) => `\`credentials: { aws: { role: arn:aws:iam::${d.split('.')[0]}:role/<role GitHub may assume> } }\``,
    'codeship/gcr-dockercfg-generator': () => "`credentials: { google: { workload_identity_provider: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>, service_account: <the key's service account> } }`",
    'codeship/azure-dockercfg-generator': () => '`credentials: { azure: { tenant_id: <directory id>, client_id: <app with a federated credential> } }`',
};
class RegistryPlanner {
    services;
    report;
    owner;
    file = { version: 1, registries: [] };
    byKey = new Map();
    told = new Set();
    pending = [];
    runs = [];
    toldRuns = new Set();
    /** Generator services regkit does not know: run as a step before the login, as Codeship ran them. */
    generatorSteps = new Map();
    constructor(services, report, owner) {
        this.services = services;
        this.report = report;
        this.owner = owner;
    }
    /** The registry a push or pull step goes to (undefined when its image name is unusable). */
    forStep(step, imageName) {
        const { domain } = (0,naming.splitImageName)(imageName);
        if (step.registry && (0,naming.normalizeDomain)(step.registry) !== domain && !this.told.has(step.pos)) {
            this.told.add(step.pos);
            this.report.changed(step.pos, `${step.type} step: \`registry: ${step.registry}\` differs from the image name's domain ${domain}; the image goes to ${domain} as its name says`);
        }
        return this.entry(domain, step.credentials, step.pos);
    }
    /** Registries a service's own credentials open (pulls of its image and of private base images). */
    forService(s) {
        const source = s.encryptedDockercfgPath
            ? { kind: 'dockercfg', path: s.encryptedDockercfgPath, pos: s.pos }
            : s.dockercfgService
                ? { kind: 'generator', service: s.dockercfgService, pos: s.pos }
                : undefined;
        if (!source)
            return;
        const image = s.image ?? s.build?.image;
        this.entry(image ? (0,naming.splitImageName)(image).domain : 'docker.io', source, s.pos);
    }
    /**
     * Credentials on a run step or its group serve pulls: of the step's image when it names a
     * registry they fit, else of base images in registries nobody names. They are settled by
     * `unmatched()`, after every push and pull has tied its credentials to a registry.
     */
    forRun(step) {
        if (step.credentials)
            this.runs.push({ credentials: step.credentials, service: step.service });
    }
    unmatched() {
        for (const { credentials: source, service } of this.runs) {
            const image = this.services.get(service)?.image;
            const tied = [...this.byKey.keys()]
                .filter((k) => k.startsWith(sourceKey(source) + '|'))
                .map((k) => k.slice(k.indexOf('|') + 1));
            const domain = image ? (0,naming.splitImageName)(image).domain : undefined;
            if (tied.length) {
                // The file serves those registries; it is not guessed to hold the login of the step image's too.
                const key = `${sourceKey(source)}|${image}`;
                if (domain && !tied.includes(domain) && !this.toldRuns.has(key)) {
                    this.toldRuns.add(key);
                    const what = source.kind === 'dockercfg'
                        ? `encrypted_dockercfg_path ${source.path}`
                        : `dockercfg_service \`${source.service}\``;
                    this.report.changed(source.pos, `${what} serves ${tied.join(', ')}; the step's image ${image} is pulled without it — if it holds the login for ${domain} too, add a registry for ${domain} with the same credentials to .github/registries.yml`);
                }
            }
            else if (domain && this.fits(source, domain))
                this.entry(domain, source, source.pos);
            // A dockercfg file tied to no registry most likely holds Docker Hub's login.
            else if (source.kind === 'dockercfg' && !image)
                this.entry('docker.io', source, source.pos);
            else if (!this.pending.some((p) => sourceKey(p) === sourceKey(source)))
                this.pending.push(source);
        }
        for (const p of this.pending) {
            if ([...this.byKey.keys()].some((k) => k.startsWith(sourceKey(p) + '|')))
                continue;
            const what = p.kind === 'dockercfg' ? `encrypted_dockercfg_path ${p.path}` : `dockercfg_service \`${p.service}\``;
            this.report.skipped(p.pos, `${what} serves only pulls of images whose registry the files do not name (base images of builds?): no registry made for it — add one to .github/registries.yml if the builds need it`);
        }
    }
    fits(source, domain) {
        if (source.kind === 'dockercfg')
            return true;
        const svc = this.services.get(source.service);
        if (!svc)
            return false;
        const gen = GENERATORS[withoutTag((0,naming.splitImageName)(svc.image ?? svc.build?.image ?? '').path)];
        // A generator regkit does not know writes a dockercfg for whatever registries it serves.
        return !gen || gen.providers.includes('*') || gen.providers.includes(providerFor(domain));
    }
    entry(domain, source, pos) {
        const key = `${source ? sourceKey(source) : 'none'}|${domain}`;
        const known = this.byKey.get(key);
        if (known)
            return known;
        const provider = providerFor(domain);
        const e = { name: this.uniqueName(nameFor(provider, domain)), provider };
        if (!IMPLIED.has(provider))
            e.domain = domain;
        if (provider === 'ghcr' && this.owner)
            e.prefix = this.owner;
        if (source?.kind === 'dockercfg') {
            e.credentials = { encrypted_dockercfg: source.path.replace(/^\.\//, '') };
            this.report.converted(source.pos, `encrypted_dockercfg_path ${source.path} → registry \`${e.name}\` (${domain}), the jet file used as it is`);
        }
        else if (source?.kind === 'generator') {
            this.generator(e, source, provider, domain);
        }
        else if (provider === 'ghcr') {
            if (!this.owner)
                this.report.todo(undefined, `registry \`${e.name}\` (ghcr.io) has no \`prefix:\`: set it to your GitHub owner in lower case, e.g. prefix: my-org`);
        }
        else {
            this.report.todo(pos, `no encrypted_dockercfg_path or dockercfg_service gives credentials for ${domain}: registry \`${e.name}\` has none — add them to .github/registries.yml, or pushes to it fail`);
        }
        this.byKey.set(key, e);
        this.file.registries.push(e);
        // Several registries of one domain: the primary one is the first with credentials, never an anonymous one.
        const same = this.file.registries.filter((r) => (r.domain ?? implied(r.provider)) === domain);
        if (same.length > 1) {
            for (const r of same)
                delete r.primary;
            (same.find((r) => r.credentials || r.env_file) ?? same[0]).primary = true;
        }
        return e;
    }
    generator(e, source, provider, domain) {
        const svc = this.services.get(source.service);
        if (!svc) {
            this.report.error(source.pos, `dockercfg_service \`${source.service}\` is not defined in the services file${suggestion(source.service, [...this.services.keys()])}; registry \`${e.name}\` has no credentials — fix the name, or give the registry credentials in .github/registries.yml`);
            return;
        }
        const image = withoutTag((0,naming.splitImageName)(svc.image ?? svc.build?.image ?? '').path);
        const gen = GENERATORS[image];
        if (!gen) {
            e.credentials = { dockercfg: `\${RUNNER_TEMP}/${generatedDockercfgDir(svc.name)}/dockercfg` };
            if (!this.generatorSteps.has(svc.name)) {
                this.report.changed(source.pos, `dockercfg_service \`${svc.name}\` (${svc.build ? 'built here' : image}) is not one of Codeship's generators: ${svc.build ? 'it is built and' : 'it'} runs as a step before the login, as Codeship ran it (a folder mounted at /opt/data, the path /opt/data/dockercfg as its argument), and registry \`${e.name}\` (${domain}) reads the dockercfg it writes there — check that the image writes it there`);
            }
            this.generatorSteps.set(svc.name, svc);
            return;
        }
        if (!gen.providers.includes('*') && !gen.providers.includes(provider)) {
            this.report.error(source.pos, `dockercfg_service \`${svc.name}\` runs ${image}, which logs in to ${gen.providers.join('/')}, but the image goes to ${domain}; registry \`${e.name}\` has no credentials — give it credentials for ${domain} in .github/registries.yml`);
            return;
        }
        e.credentials = structuredClone(gen.credentials);
        const [envFile, ...more] = [...svc.encryptedEnvFiles, ...svc.envFiles];
        if (envFile)
            e.env_file = envFile.replace(/^\.\//, '');
        for (const m of more)
            this.report.skipped(svc.pos, `generator \`${svc.name}\`: env file ${m} is not read (a registry has one env_file; merge it into ${envFile})`);
        if (svc.environment.length) {
            this.report.skipped(svc.pos, `generator \`${svc.name}\`: its \`environment:\` (${svc.environment.map(([k]) => k).join(', ')}) is not read; put those variables into ${envFile ?? 'an env_file of the registry'}`);
        }
        const how = `dockercfg_service \`${svc.name}\` (${image}) → registry \`${e.name}\` (${domain}) with ${Object.keys(gen.credentials).join('/')} credentials${e.env_file ? ` and env_file ${e.env_file}` : ''}`;
        const keyless = KEYLESS[image]?.(domain);
        const next = keyless
            ? `; recommended next step, no stored cloud key: ${keyless} with \`permissions: id-token: write\` in the workflow, then delete ${e.env_file ?? 'the key'} (regkit's docs/login.md, "Keyless logins")`
            : '';
        if (gen.note)
            this.report.changed(source.pos, `${how}: ${gen.note}${next}`);
        else
            this.report.converted(source.pos, how + next);
    }
    uniqueName(base) {
        let name = base;
        for (let i = 2; this.file.registries.some((r) => r.name === name); i++)
            name = `${base}-${i}`;
        return name;
    }
}
function sourceKey(source) {
    return source.kind === 'dockercfg' ? `cfg:${source.path}` : `gen:${source.service}`;
}
/** The domain a provider's registries have without a `domain:` key. */
function implied(provider) {
    return provider === 'dockerhub'
        ? 'docker.io'
        : provider === 'ghcr'
            ? 'ghcr.io'
            : provider === 'quay'
                ? 'quay.io'
                : undefined;
}
function nameFor(provider, domain) {
    if (provider === 'ecr')
        return `ecr-${domain.split('.')[3]}`;
    const host = domain.split(':')[0];
    const labels = host.split('.');
    // An address says nothing about the registry: 127.0.0.1:5000 → registry-127-0-0-1-5000.
    if (provider === 'other' && /^[\d.]+$|^\[/.test(host))
        return `registry-${domain}`.replace(/[^a-z0-9-]+/g, '-').replace(/-+$/, '');
    // registry.heroku.com → heroku; acme.azurecr.io → acme
    if (provider === 'other')
        return (labels.length > 1 ? labels[labels.length - 2] : labels[0]).replace(/[^a-z0-9-]/g, '-');
    if (provider === 'acr' || provider === 'gar')
        return labels[0].replace(/[^a-z0-9-]/g, '-');
    return provider;
}

;// CONCATENATED MODULE: ./src/migrate/re2-charset.ts
/**
 * Character sets of Go's regexp syntax as code point ranges, and how a code point or a
 * range is written in a JavaScript `u` regexp so that it means only itself.
 */
const POSIX = {
    alnum: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x61, 0x7a],
    ],
    alpha: [
        [0x41, 0x5a],
        [0x61, 0x7a],
    ],
    ascii: [[0x00, 0x7f]],
    blank: [
        [0x09, 0x09],
        [0x20, 0x20],
    ],
    cntrl: [
        [0x00, 0x1f],
        [0x7f, 0x7f],
    ],
    digit: [[0x30, 0x39]],
    graph: [[0x21, 0x7e]],
    lower: [[0x61, 0x7a]],
    print: [[0x20, 0x7e]],
    punct: [
        [0x21, 0x2f],
        [0x3a, 0x40],
        [0x5b, 0x60],
        [0x7b, 0x7e],
    ],
    space: [
        [0x09, 0x0d],
        [0x20, 0x20],
    ],
    upper: [[0x41, 0x5a]],
    word: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x5f, 0x5f],
        [0x61, 0x7a],
    ],
    xdigit: [
        [0x30, 0x39],
        [0x41, 0x46],
        [0x61, 0x66],
    ],
};
const GO_SPACE = [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
];
const PERL = { d: POSIX.digit, w: POSIX.word, s: GO_SPACE };
const MAX_RUNE = 0x10ffff;
function complement(ranges) {
    const out = [];
    let next = 0;
    for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
        if (lo > next)
            out.push([next, lo - 1]);
        next = Math.max(next, hi + 1);
    }
    if (next <= MAX_RUNE)
        out.push([next, MAX_RUNE]);
    return out;
}
/** A code point written so that it means itself inside or outside a JS `u` class. */
function lit(cp, inClass) {
    const ch = String.fromCodePoint(cp);
    if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029)
        return `\\u{${cp.toString(16)}}`;
    if (inClass ? '\\]-^['.includes(ch) : '\\^$.|?*+()[]{}/'.includes(ch))
        return '\\' + ch;
    return ch;
}
const rangesSource = (r) => r.map(([lo, hi]) => (lo === hi ? lit(lo, true) : `${lit(lo, true)}-${lit(hi, true)}`)).join('');
const GENERAL_CATEGORIES = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));

;// CONCATENATED MODULE: ./src/migrate/re2.ts
/**
 * Translates a Go (RE2) regular expression into a JavaScript one that matches the same
 * strings, or says why not. Go's syntax is parsed here rule by rule (not patched with
 * string replaces) so that what Go rejects is rejected (lookaround, backreferences,
 * stacked repeats, bad counts) and what differs between the engines is spelled out:
 * `\s` is [\t\n\f\r ] in Go, `.` excludes only \n, `(?m)^` follows only \n, a literal
 * `]` or `{` is fine in Go. Checked against real Go on test/migrate/fixtures (see
 * scripts/go-regexp-oracle).
 */

class Stop extends Error {
    goRejects;
    constructor(goRejects, message) {
        super(message);
        this.goRejects = goRejects;
    }
}
const bad = (m) => new Stop(true, m);
const unsupported = (m) => new Stop(false, m);
/** Go's own limit on nesting (syntax.maxHeight). */
const MAX_NESTING = 1000;
const hits = (set, cp) => set.some(([lo, hi]) => lo <= cp && cp <= hi);
function withinLimit(counts) {
    let n = 1000;
    for (const m of counts) {
        if (m > n)
            return false;
        if (m > 0)
            n = Math.floor(n / m);
    }
    return true;
}
/**
 * A repeated group whose every pass ends (or starts) with one fixed character that none
 * of its varying parts can match (`(\d+\.)+`, `(\.[0-9]+)*`): passes are cut at those
 * characters, so there is one way to match and no backtracking blow-up.
 */
function unambiguous(elems) {
    const fixed = (cp) => cp !== undefined && elems.every((e) => !e.varies || (e.set !== undefined && !hits(e.set, cp)));
    return fixed(elems[elems.length - 1]?.literal) || fixed(elems[0]?.literal);
}
function translate(pattern) {
    try {
        return { ok: true, ...new Translator(pattern).run() };
    }
    catch (e) {
        if (e instanceof Stop)
            return { ok: false, goRejects: e.goRejects, reason: e.message };
        throw e;
    }
}
class Translator {
    pattern;
    pos = 0;
    cps;
    globalI = false;
    /** Counts of the `{n,m}` repeats along each nesting path of the last parsed expression. */
    lastPaths = [];
    /** Whether the last parsed expression holds a `|`. */
    lastAlternates = false;
    /** Code-unit offset in `pattern` of each code point (and of the end). */
    units;
    /** The elements of the last parsed concatenation (of a group with one branch). */
    lastElems = [];
    constructor(pattern) {
        this.pattern = pattern;
        this.cps = [...pattern].map((c) => c.codePointAt(0));
        this.units = [];
        let u = 0;
        for (const cp of this.cps) {
            this.units.push(u);
            u += cp > 0xffff ? 2 : 1;
        }
        this.units.push(u);
    }
    run() {
        // A leading (?i) (possibly with other flags) becomes the JS `i` flag; `i` anywhere else is refused.
        const lead = /^\(\?([imsU]*)\)/.exec(this.pattern);
        if (lead && lead[1].includes('i'))
            this.globalI = true;
        const source = this.alternation({ i: false, m: false, s: false }, 0);
        if (this.pos < this.cps.length)
            throw bad('unexpected )');
        const flags = 'u' + (this.globalI ? 'i' : '');
        try {
            new RegExp(source, flags);
        }
        catch (e) {
            throw unsupported(`JavaScript cannot compile the translation (${e.message})`);
        }
        return { source, flags };
    }
    peek(off = 0) {
        const c = this.cps[this.pos + off];
        return c === undefined ? undefined : String.fromCodePoint(c);
    }
    /**
     * `re` (sticky) matched where the parser stands, without copying the rest of the
     * pattern: a copy per step made long patterns quadratic.
     */
    match(re) {
        re.lastIndex = this.units[this.pos];
        return re.exec(this.pattern);
    }
    /** `flags` is passed in and returned: `(?i)` in the middle changes the rest of the group. */
    alternation(flags, depth) {
        // Go refuses deeper nesting too; here it also keeps the parser off the end of the stack.
        if (depth > MAX_NESTING)
            throw bad('expression nests too deeply');
        const branches = [];
        const paths = [];
        let alternates = false;
        let f = { ...flags };
        for (;;) {
            const [src, after] = this.concat(f, depth);
            branches.push(src);
            for (const p of this.lastPaths)
                paths.push(p);
            alternates ||= this.lastAlternates;
            f = after;
            if (this.peek() === '|') {
                this.pos++;
                continue;
            }
            this.lastPaths = paths;
            this.lastAlternates = alternates || branches.length > 1;
            if (branches.length > 1)
                this.lastElems = [];
            return branches.join('|');
        }
    }
    concat(flags, depth) {
        let out = '';
        let f = { ...flags };
        let last;
        const elems = [];
        const paths = [];
        let alternates = false;
        const flush = () => {
            if (last) {
                out += last.src;
                for (const p of last.paths)
                    paths.push(p);
                alternates ||= last.inner.alt;
                elems.push(last.elem);
            }
            last = undefined;
        };
        while (this.pos < this.cps.length) {
            const c = this.peek();
            if (c === '|' || c === ')')
                break;
            const q = this.quantifier();
            if (q) {
                if (!last)
                    throw bad(`missing argument to repetition operator: \`${q.text}\``);
                if (last.quantified)
                    throw bad(`invalid nested repetition operator: \`${q.text}\``);
                const varies = q.js.replace(/\?$/, '') !== `{${q.max}}` || q.max === undefined;
                const inner = last.quantifiable ? last.src : `(?:${last.src})`;
                const inside = last.paths.length ? last.paths : [[]];
                const next = q.max === undefined ? last.paths : inside.map((p) => [q.max, ...p]);
                // Go's repeatIsValid: nested counts may not multiply past 1000.
                if (q.max !== undefined && q.max >= 2 && next.some((p) => !withinLimit(p)))
                    throw bad(`invalid repeat count: \`${q.text}\``);
                if (q.repeats)
                    this.checkLinear(last.start, last.inner);
                const elem = varies
                    ? { varies: true, set: last.elem.set }
                    : { ...last.elem, literal: undefined, varies: last.elem.varies };
                last = { ...last, src: inner + q.js, quantifiable: false, quantified: true, paths: next, elem };
                continue;
            }
            flush();
            const start = this.pos;
            const atom = this.atom(f, depth);
            if ('flags' in atom) {
                f = atom.flags;
                continue;
            }
            const isGroup = this.cps[start] === 0x28; // '('
            const inner = isGroup ? { alt: this.lastAlternates, elems: this.lastElems } : { alt: false, elems: [] };
            // A group is one element of unknown width; a single character knows its set (unless case folds it).
            const set = isGroup || this.globalI ? undefined : atom.set;
            const elem = isGroup
                ? { varies: inner.alt || inner.elems.some((e) => e.varies) }
                : { varies: false, set, literal: set && set.length === 1 && set[0][0] === set[0][1] ? set[0][0] : undefined };
            last = {
                src: atom.src,
                quantifiable: atom.quantifiable,
                quantified: false,
                paths: atom.paths ?? [],
                start,
                inner,
                elem,
            };
        }
        flush();
        this.lastPaths = paths;
        this.lastAlternates = alternates;
        this.lastElems = elems;
        return [out, f];
    }
    /**
     * Go's RE2 matches in time linear in the input; JavaScript backtracks. A repeat around
     * something that can itself match in several ways (a repeat, or alternatives) can take
     * exponential time — `^([a-z0-9]+-?)+$` on a 40-character branch name runs until the job
     * times out — and each further repeat multiplies the work by the name's length. Such
     * patterns are declined (the filter is reported, not run) instead of run slowly.
     */
    checkLinear(start, inner) {
        const text = () => {
            const t = String.fromCodePoint(...this.cps.slice(start, Math.min(this.pos, start + 40)));
            return this.pos - start > 40 ? `${t}…` : t;
        };
        if (inner.alt) {
            throw unsupported(`\`${text()}\` repeats a group with alternatives (|), which can take exponential time in JavaScript where Go's RE2 is linear; write the filter without a repeat around a |`);
        }
        if (!inner.elems.some((e) => e.varies) || unambiguous(inner.elems))
            return;
        throw unsupported(`\`${text()}\` repeats a group that itself repeats, which can take exponential time in JavaScript where Go's RE2 is linear; write the filter without a repeat around a repeat, or end the group with a character its repeats cannot match (as in (\\d+\\.)+)`);
    }
    /** `repeats`: it may match more than once (not `?` or `{0,1}`). */
    quantifier() {
        const c = this.peek();
        const start = this.pos;
        let js;
        let max;
        let repeats = c !== '?';
        if (c === '*' || c === '+' || c === '?') {
            this.pos++;
            js = c;
        }
        else if (c === '{') {
            const m = this.match(/\{(\d+)(,(\d*))?\}/y);
            if (!m)
                return undefined; // Go reads a `{` that starts no count as a literal
            const min = Number(m[1]);
            const hi = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
            if (min > 1000 || hi > 1000 || (hi >= 0 && hi < min))
                throw bad(`invalid repeat count: \`${m[0]}\``);
            max = hi === 0 ? undefined : hi < 0 ? min : hi;
            repeats = hi < 0 || hi > 1;
            this.pos += [...m[0]].length;
            js = m[0];
        }
        else
            return undefined;
        if (this.peek() === '?') {
            this.pos++;
            js += '?';
        }
        return { text: String.fromCodePoint(...this.cps.slice(start, this.pos)), js, max, repeats };
    }
    checkCase(f) {
        if (f.i !== this.globalI)
            throw unsupported('the flag `i` is translated only as a leading `(?i)` for the whole expression');
    }
    atom(f, depth) {
        const c = this.peek();
        this.pos++;
        switch (c) {
            case '(':
                return this.group(f, depth);
            case '[': {
                this.checkCase(f);
                const { src, set } = this.cls();
                return { src, quantifiable: true, set };
            }
            case '.':
                return {
                    src: f.s ? '[\\s\\S]' : '[^\\n]',
                    quantifiable: true,
                    set: f.s ? [[0, MAX_RUNE]] : complement([[10, 10]]),
                };
            case '^':
                return { src: f.m ? '(?<![^\\n])' : '^', quantifiable: false };
            case '$':
                return { src: f.m ? '(?![^\\n])' : '$', quantifiable: false };
            case '\\':
                return this.escape(f);
            default: {
                const cp = c.codePointAt(0);
                if (/\p{L}/u.test(c))
                    this.checkCase(f);
                return { src: lit(cp, false), quantifiable: true, set: [[cp, cp]] };
            }
        }
    }
    group(f, depth) {
        let inner = { ...f };
        if (this.peek() === '?') {
            if (this.match(/\?(=|!|<=|<!)/y))
                throw bad("lookaround `(?=`, `(?!`, `(?<=`, `(?<!` is not supported by Go's regexp (RE2)");
            const named = this.match(/\?P<([^>]*)>/y);
            if (named) {
                if (!/^[A-Za-z0-9_]+$/.test(named[1]))
                    throw bad(`invalid named capture: \`(${named[0]}\``);
                this.pos += [...named[0]].length;
            }
            else {
                this.pos++; // '?'
                let sign = 1;
                let saw = false;
                const next = { ...f };
                for (;;) {
                    const ch = this.peek();
                    this.pos++;
                    if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'U') {
                        if (ch !== 'U')
                            next[ch] = sign > 0;
                        saw = true;
                    }
                    else if (ch === '-' && sign > 0) {
                        sign = -1;
                        saw = false;
                    }
                    else if ((ch === ')' || ch === ':') && !(sign < 0 && !saw)) {
                        if (ch === ')')
                            return { flags: next };
                        inner = next;
                        break;
                    }
                    else
                        throw bad(`invalid or unsupported Perl syntax: \`(?${ch ?? ''}\``);
                }
            }
        }
        const src = this.alternation(inner, depth + 1);
        if (this.peek() !== ')')
            throw bad('missing closing )');
        this.pos++;
        return { src: `(?:${src})`, quantifiable: true, paths: this.lastPaths };
    }
    escape(f) {
        const c = this.peek();
        if (c === undefined)
            throw bad('trailing backslash at end of expression');
        switch (c) {
            case 'A':
                this.pos++;
                return { src: '^', quantifiable: false };
            case 'z':
                this.pos++;
                return { src: '$', quantifiable: false };
            case 'b':
            case 'B':
                this.pos++;
                if (this.globalI)
                    throw unsupported('`\\b` together with `(?i)` (Go keeps \\b ASCII, JavaScript folds it)');
                return { src: '\\' + c, quantifiable: false };
            case 'Q': {
                this.pos++;
                const from = this.units[this.pos];
                const end = this.pattern.indexOf('\\E', from);
                const body = end < 0 ? this.pattern.slice(from) : this.pattern.slice(from, end);
                this.pos += [...body].length + (end < 0 ? 0 : 2);
                if (/\p{L}/u.test(body))
                    this.checkCase(f);
                const src = [...body].map((ch) => lit(ch.codePointAt(0), false)).join('');
                return { src: `(?:${src})`, quantifiable: true };
            }
        }
        const set = this.classEscape(f);
        if (set.kind === 'ranges')
            return { src: `[${rangesSource(set.ranges)}]`, quantifiable: true, set: set.ranges };
        if (set.kind === 'prop')
            return { src: set.src, quantifiable: true };
        if (/\p{L}/u.test(String.fromCodePoint(set.cp)))
            this.checkCase(f);
        return { src: lit(set.cp, false), quantifiable: true, set: [[set.cp, set.cp]] };
    }
    /** After a backslash, inside or outside a class: one code point, a set of ranges, or a Unicode property. */
    classEscape(f) {
        const c = this.peek();
        this.pos++;
        if ('dws'.includes(c))
            return { kind: 'ranges', ranges: PERL[c] };
        if ('DWS'.includes(c))
            return { kind: 'ranges', ranges: complement(PERL[c.toLowerCase()]) };
        if (c === 'p' || c === 'P') {
            let name;
            if (this.peek() === '{') {
                const m = this.match(/\{([^}]*)\}/y);
                if (!m)
                    throw bad('invalid character class range: missing }');
                name = m[1];
                this.pos += [...m[0]].length;
            }
            else {
                const n = this.peek();
                if (n === undefined)
                    throw bad('invalid character class range: `\\p`');
                name = n;
                this.pos++;
            }
            let negate = c === 'P';
            if (name.startsWith('^'))
                [negate, name] = [!negate, name.slice(1)];
            this.checkCase(f);
            const inner = name === 'Any' ? 'Any' : GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
            const src = `\\${negate ? 'P' : 'p'}{${inner}}`;
            try {
                new RegExp(src, 'u');
            }
            catch {
                throw bad(`invalid character class range: \`\\p{${name}}\` (an unknown Unicode class)`);
            }
            return { kind: 'prop', src };
        }
        if (c >= '1' && c <= '7' && !(this.peek() !== undefined && this.peek() >= '0' && this.peek() <= '7')) {
            throw bad(`invalid escape sequence: \`\\${c}\` (backreferences are not supported by Go's regexp)`);
        }
        if (c >= '0' && c <= '7') {
            let digits = c;
            while (digits.length < 3 && this.peek() !== undefined && this.peek() >= '0' && this.peek() <= '7') {
                digits += this.peek();
                this.pos++;
            }
            return { kind: 'cp', cp: parseInt(digits, 8) };
        }
        if (c === 'x') {
            const m = this.match(/(\{([0-9A-Fa-f]+)\}|[0-9A-Fa-f]{2})/y);
            if (!m)
                throw bad('invalid escape sequence: `\\x`');
            const cp = parseInt(m[2] ?? m[1], 16);
            if (cp > MAX_RUNE)
                throw bad('invalid escape sequence: code point too large');
            this.pos += m[0].length;
            return { kind: 'cp', cp };
        }
        const simple = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
        if (c in simple)
            return { kind: 'cp', cp: simple[c] };
        const cp = c.codePointAt(0);
        if (cp < 0x80 && !/[A-Za-z0-9]/.test(c))
            return { kind: 'cp', cp };
        throw bad(`invalid escape sequence: \`\\${c}\``);
    }
    /** The class's JS source, and its characters when they are known (no \p{…} inside). */
    cls() {
        let negate = false;
        let ranges = [];
        if (this.peek() === '^') {
            negate = true;
            this.pos++;
        }
        const parts = [];
        let first = true;
        for (;;) {
            const c = this.peek();
            if (c === undefined)
                throw bad('missing closing ]');
            if (c === ']' && !first) {
                this.pos++;
                break;
            }
            first = false;
            const posix = this.match(/\[:(\^?)([a-z]+):\]/y);
            if (posix) {
                const r = POSIX[posix[2]];
                if (!r)
                    throw bad(`invalid character class range: \`${posix[0]}\``);
                const these = posix[1] ? complement(r) : r;
                parts.push(rangesSource(these));
                ranges?.push(...these);
                this.pos += posix[0].length;
                continue;
            }
            const lo = this.classChar();
            if (lo.kind !== 'cp') {
                parts.push(lo.kind === 'ranges' ? rangesSource(lo.ranges) : lo.src);
                if (lo.kind === 'ranges')
                    ranges?.push(...lo.ranges);
                else
                    ranges = undefined;
                continue;
            }
            if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
                this.pos++;
                const hi = this.classChar();
                if (hi.kind !== 'cp' || hi.cp < lo.cp)
                    throw bad('invalid character class range');
                parts.push(`${lit(lo.cp, true)}-${lit(hi.cp, true)}`);
                ranges?.push([lo.cp, hi.cp]);
            }
            else {
                parts.push(lit(lo.cp, true));
                ranges?.push([lo.cp, lo.cp]);
            }
        }
        const set = ranges && (negate ? complement(ranges) : ranges);
        return { src: `[${negate ? '^' : ''}${parts.join('')}]`, set };
    }
    classChar() {
        const c = this.peek();
        this.pos++;
        if (c !== '\\')
            return { kind: 'cp', cp: c.codePointAt(0) };
        if (this.peek() === undefined)
            throw bad('missing closing ]');
        return this.classEscape({ i: this.globalI, m: false, s: false });
    }
}

;// CONCATENATED MODULE: ./src/migrate/filters.ts


const FILTER_STEP_ID = 'branch';
function isRegexp(value) {
    return value.includes('^') || value.includes('$');
}
/** The JavaScript regexp for one filter value, or why there is none. */
function compileFilter(value) {
    if (!isRegexp(value)) {
        const escaped = [...value].map((c) => ('\\^$.|?*+()[]{}/'.includes(c) ? '\\' + c : c)).join('');
        return { ok: true, source: `^${escaped}$`, flags: 'u' };
    }
    const t = translate(value);
    if (t.ok)
        return t;
    return {
        ok: false,
        reason: t.goRejects
            ? `Go's regexp rejects it (${t.reason}), so Codeship never ran this step`
            : `not translated: ${t.reason}`,
    };
}
/** The filters one job needs, named by output. */
class JobFilters {
    report;
    reported;
    outputs = new Map();
    byValue = new Map();
    constructor(report, reported) {
        this.report = report;
        this.reported = reported;
    }
    /**
     * An `if:` expression for these filters; `false` when one cannot be evaluated or they
     * can never all hold; undefined when there are none left. `step` names the step in the
     * report when the filters simplify to always or never.
     */
    condition(filters, step) {
        if (!filters.length)
            return undefined;
        const compiled = [];
        for (const f of filters) {
            const c = compileFilter(f.value);
            const first = !this.reported.has(where(f.pos));
            this.reported.add(where(f.pos));
            if (!c.ok) {
                if (first)
                    this.report.error(f.pos, `${f.kind} \`${f.value}\`: ${c.reason}; the steps under it get \`if: false\``);
                return false;
            }
            if (first) {
                const what = isRegexp(f.value)
                    ? `Go regexp, searched → /${c.source}/${c.flags.replace('u', '')}`
                    : 'the whole branch or tag name';
                this.report.converted(f.pos, `${f.kind} \`${f.value}\` (${what}) → output of step \`${FILTER_STEP_ID}\``);
            }
            compiled.push({ f, c });
        }
        const s = simplify(compiled);
        const tell = (message) => {
            if (!step || this.reported.has(`step ${where(step.pos)}`))
                return;
            this.reported.add(`step ${where(step.pos)}`);
            this.report.changed(step.pos, `${step.label}: ${message}`);
        };
        if (s.never) {
            tell(`its filters never all hold (${s.never}); Codeship never ran it, and it gets \`if: false\``);
            return false;
        }
        if (!s.kept.length) {
            tell('its filters hold for every branch and tag name, so it runs on every push, without an `if:`');
            return undefined;
        }
        const parts = s.kept.map(({ f, c }) => `steps.${FILTER_STEP_ID}.outputs.${this.output(f.value, c)} ${f.kind === 'tag' ? '==' : '!='} 'true'`);
        return [...new Set(parts)].join(' && ');
    }
    output(value, c) {
        const known = this.byValue.get(value);
        if (known)
            return known;
        const base = value
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '')
            .slice(0, 30)
            .replace(/-+$/, '') || 'filter';
        let name = /^[a-z]/.test(base) ? base : `b-${base}`;
        const root = name;
        for (let i = 2; this.outputs.has(name); i++)
            name = `${root}-${i}`;
        this.outputs.set(name, c);
        this.byValue.set(value, name);
        return name;
    }
}
/** A value that every branch or tag name matches: `.*`, `^.*$`, `^`, `$`… */
function matchesAll(value) {
    return isRegexp(value) && value.replace(/\.\*|[()^$]/g, '') === '';
}
/**
 * Filters that decide nothing are dropped; `never` says why they cannot all hold. A plain
 * `tag:` pins the name, so every other filter is decided against that name here.
 */
function simplify(all) {
    const seen = new Set();
    let list = all.filter(({ f }) => !seen.has(`${f.kind} ${f.value}`) && !!seen.add(`${f.kind} ${f.value}`));
    for (const { f } of list) {
        if (f.kind === 'tag' && list.some((o) => o.f.kind === 'exclude' && o.f.value === f.value))
            return { kept: [], never: `tag and exclude \`${f.value}\`` };
        if (f.kind === 'exclude' && matchesAll(f.value))
            return { kept: [], never: `exclude \`${f.value}\` matches every name` };
    }
    list = list.filter(({ f }) => !(f.kind === 'tag' && matchesAll(f.value)));
    const pinned = list.find(({ f }) => f.kind === 'tag' && !isRegexp(f.value));
    if (!pinned)
        return { kept: list };
    const name = pinned.f.value;
    for (const { f, c } of list) {
        if (f === pinned.f)
            continue;
        const hit = new RegExp(c.source, c.flags).test(name);
        if (f.kind === 'tag' && !hit)
            return { kept: [], never: `tag \`${pinned.f.value}\` and tag \`${f.value}\`` };
        if (f.kind === 'exclude' && hit)
            return { kept: [], never: `tag \`${pinned.f.value}\` and exclude \`${f.value}\`` };
    }
    return { kept: [pinned] };
}

;// CONCATENATED MODULE: ./src/migrate/workflow.ts
/** Turns the job plan into the GitHub workflow: regkit's actions for builds and pushes, docker run for steps. */







/** The one place the actions' owner is named: change it for a fork. */
const ACTIONS_OWNER = 'regkit/regkit';
const ACTIONS_REF = 'v1';
const AES_SECRET = 'CODESHIP_AES_KEY';
const uses = (sub) => `${ACTIONS_OWNER}${sub ? '/' + sub : ''}@${ACTIONS_REF}`;
const aesKey = `\${{ secrets.${AES_SECRET} }}`;
/** Codeship's CI_* variables, from the GitHub context, passed into every step container. */
const CI_ENV = {
    CI_BRANCH: '${{ github.ref_name }}',
    CI_BUILD_ID: '${{ github.run_id }}',
    CI_COMMIT_ID: '${{ github.sha }}',
    CI_COMMIT_MESSAGE: '${{ github.event.head_commit.message }}',
    CI_COMMITTER_NAME: '${{ github.event.head_commit.committer.name }}',
    CI_COMMITTER_EMAIL: '${{ github.event.head_commit.committer.email }}',
    CI_COMMITTER_USERNAME: '${{ github.actor }}',
    CI_REPO_NAME: '${{ github.event.repository.name }}',
};
function buildJob(plan, ctx, reportedFilters) {
    const filters = new JobFilters(ctx.report, reportedFilters);
    const ids = new Set();
    const leafIds = new Map();
    const conditions = new Map();
    for (const leaf of plan.leaves)
        conditions.set(leaf, filters.condition(leaf.filters, {
            pos: leaf.pos,
            label: leaf.name ? `step \`${leaf.name}\`` : `${leaf.type} step`,
        }));
    const steps = [{ uses: 'actions/checkout@v4' }];
    if (filters.outputs.size) {
        ctx.usesFilters.value = true;
        const table = Object.fromEntries([...filters.outputs].map(([k, v]) => [k, [v.source, v.flags]]));
        steps.push({
            name: 'Match Codeship branch filters',
            id: FILTER_STEP_ID,
            run: `node ${BRANCH_FILTERS}`,
            env: { BRANCH: '${{ github.ref_name }}', FILTERS: literal(JSON.stringify(table)) },
        });
    }
    if (ctx.registries.file.registries.length) {
        for (const svc of ctx.registries.generatorSteps.values()) {
            // Built before the login: its build cannot use the credentials it is about to write.
            if (svc.build)
                steps.push(buildStep(svc, ctx));
            steps.push(generatorStep(svc, ctx));
        }
        steps.push({ name: 'Log in to the registries', uses: uses(), with: ctx.needsKey ? { 'aes-key': aesKey } : {} });
    }
    // Decrypted env files and builds serve every step after them; they run when any of those steps runs.
    const whenAny = (leaves) => {
        const cs = leaves.map((l) => conditions.get(l));
        if (cs.some((c) => c === undefined))
            return undefined;
        const live = [...new Set(cs.filter((c) => typeof c === 'string'))];
        return live.length ? live.map((c) => (live.length > 1 ? `(${c})` : c)).join(' || ') : 'false';
    };
    const envFiles = new Map();
    const builds = new Map();
    let network = false;
    for (const leaf of plan.leaves) {
        // A run step's services start beside it: their images are built and their env files decrypted once per job.
        const beside = leaf.type === 'run' ? companionsOf(leaf.service, ctx.services).order.map((c) => c.service) : [];
        if (beside.length)
            network = true;
        for (const svc of [...beside, ctx.services.get(leaf.service)]) {
            if (leaf.type === 'run')
                for (const f of svc.encryptedEnvFiles)
                    envFiles.set(f, [...(envFiles.get(f) ?? []), leaf]);
            if (svc.build && leaf.type !== 'pull' && !ctx.registries.generatorSteps.has(svc.name))
                builds.set(svc.name, [...(builds.get(svc.name) ?? []), leaf]);
        }
    }
    for (const [file, leaves] of envFiles) {
        ctx.usesDecrypt.value = true;
        const path = repoPath(ctx.servicesDir, file);
        steps.push(withIf({
            name: `Decrypt ${path}`,
            run: `mkdir -p "$RUNNER_TEMP/codeship-env"\nnode ${DECRYPT_ENV} ${bashQuote(path)} "$RUNNER_TEMP/codeship-env/${envName(file)}"`,
            env: { AES_KEY: aesKey },
        }, whenAny(leaves)));
    }
    for (const [name, leaves] of builds)
        steps.push(withIf(buildStep(ctx.services.get(name), ctx, leaves[0].name), whenAny(leaves)));
    for (const leaf of plan.leaves) {
        let cond = conditions.get(leaf);
        if (leaf.onFailOf) {
            const id = leafIds.get(leaf.onFailOf);
            const failed = id ? `failure() && steps.${id}.outcome == 'failure'` : 'failure()';
            cond = cond === false ? false : cond ? `${failed} && ${cond}` : failed;
        }
        else if (leaf.groupOnFail)
            cond = cond === false ? false : cond ? `failure() && ${cond}` : 'failure()';
        const step = leaf.type === 'run'
            ? runStep(leaf, ctx, steps.length)
            : leaf.type === 'pull'
                ? pullStep(leaf, ctx)
                : pushSteps(leaf, ctx, ids);
        if (!step)
            continue;
        const list = Array.isArray(step) ? step : [step];
        if (leaf.onFail.length) {
            const id = uniqueStepId(`step-${leafIds.size + 1}`, ids);
            list[list.length - 1].id ??= id;
            leafIds.set(leaf, list[list.length - 1].id);
        }
        for (const s of list)
            steps.push(withIf(s, cond));
    }
    if (network) {
        steps.push({
            name: 'Remove the network of the Codeship services',
            if: 'always()',
            run: 'docker ps -aq --filter "network=$CODESHIP_NETWORK" | xargs -r docker rm -f -v >/dev/null\ndocker network rm "$CODESHIP_NETWORK" >/dev/null 2>&1 || true',
        });
    }
    const job = { name: literal(plan.name), 'runs-on': 'ubuntu-latest' };
    if (plan.needs.length)
        job.needs = plan.needs.length === 1 ? plan.needs[0] : plan.needs;
    if (plan.environment)
        job.environment = plan.environment;
    // One network per job run: runners that share a Docker daemon keep jobs apart.
    if (network)
        job.env = { CODESHIP_NETWORK: `codeship-${plan.id}-\${{ github.run_id }}-\${{ github.run_attempt }}` };
    job.steps = steps;
    return job;
}
function withIf(step, cond) {
    if (cond === undefined)
        return step;
    const { name, ...rest } = step;
    return { ...(name === undefined ? {} : { name }), if: cond, ...rest };
}
function uniqueStepId(base, ids) {
    let id = base;
    for (let i = 2; ids.has(id); i++)
        id = `${base}-${i}`;
    ids.add(id);
    return id;
}
function buildId(service) {
    return `build-${service
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'service'}`;
}
function envName(file) {
    return file.replace(/[^A-Za-z0-9._-]+/g, '_') + '.env';
}
function localName(service) {
    return (service
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'service');
}
/** A service's image in a step: the build's output, or the image it names. */
function imageOf(svc) {
    return svc.build ? `\${{ steps.${buildId(svc.name)}.outputs.image }}` : (svc.image ?? '');
}
function buildStep(svc, ctx, stepName) {
    const b = svc.build;
    const first = !ctx.reportedBuilds.has(svc.name);
    const context = repoPath(ctx.servicesDir, b.context || '.');
    const withs = { 'image-name': localName(svc.name), context };
    if (b.dockerfile) {
        const df = external_node_path_.posix.normalize(external_node_path_.posix.join(context, b.dockerfile));
        if (df !== external_node_path_.posix.join(context, 'Dockerfile'))
            withs.dockerfile = df;
    }
    if (b.args.length) {
        // Codeship rendered build args as Go templates, as the build action renders build-args.
        const known = {
            ServiceName: svc.name,
            CiName: 'codeship',
            ImageName: b.image,
            StepName: stepName,
        };
        const filled = new Set();
        withs['build-args'] = b.args
            .filter(([, v]) => !v.includes('\n'))
            .map(([k, v]) => `${k}=${fillVariables(v, known, filled)}`)
            .join('\n');
        if (first && filled.size)
            ctx.report.converted(b.pos, `service \`${svc.name}\`: ${[...filled].map((f) => `.${f}`).join(', ')} in build args filled in as Codeship rendered them (the build action has no input for them)`);
        const left = b.args.filter(([, v]) => /\{\{[^}]*\.(ServiceName|StepName|ImageName|CiName)\b/.test(fillVariables(v, known, new Set())));
        if (first && left.length)
            ctx.report.changed(b.pos, `service \`${svc.name}\`: build args ${left.map(([k]) => k).join(', ')} use .StepName or .ImageName, which Codeship knew here and the build action does not (.StepName renders the job id, .ImageName the local image name); check them`);
        for (const [k, v] of b.args)
            if (first && v.includes('\n'))
                ctx.report.skipped(b.pos, `service \`${svc.name}\`: build arg ${k} has a line break, which build-args cannot carry; it is left out — move it into an encrypted_args_file`);
    }
    const encrypted = b.encryptedArgsFile
        ? repoPath(ctx.servicesDir, b.encryptedArgsFile)
        : ctx.inlineArgsFiles.get(svc.name);
    if (encrypted)
        withs['encrypted-build-args'] = encrypted;
    withs['disable-push'] = 'true';
    // Codeship kept a cache per service and branch, falling back to default_cache_branch (else master).
    withs.cache = svc.cached ? 'actions' : 'false';
    if (svc.cached && svc.defaultCacheBranch)
        withs['default-cache-branch'] = svc.defaultCacheBranch;
    if (ctx.needsKey)
        withs['aes-key'] = aesKey;
    if (first)
        ctx.report.converted(svc.pos, `service \`${svc.name}\`: build (${context}${withs.dockerfile ? `, ${withs.dockerfile}` : ''}${b.args.length ? `, ${b.args.length} build args` : ''}${encrypted ? ', encrypted build args' : ''}${svc.cached ? `, cached in the Actions cache${svc.defaultCacheBranch ? `, falling back to ${svc.defaultCacheBranch}'s` : ''}` : ''}) → ${uses('build')}`);
    ctx.reportedBuilds.add(svc.name);
    return { name: `Build ${svc.name}`, id: buildId(svc.name), uses: uses('build'), with: mapLiteral(withs) };
}
/** `.ServiceName`… inside `{{ }}` replaced by a Go string literal of the value Codeship had. */
function fillVariables(template, known, filled) {
    return template.replace(/\{\{.*?\}\}/gs, (action) => action.replace(/(?<![\w$)\]])\.(ServiceName|StepName|ImageName|CiName)\b/g, (whole, field) => {
        const value = known[field];
        if (value === undefined)
            return whole;
        filled.add(field);
        return JSON.stringify(value);
    }));
}
function mapLiteral(m) {
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.startsWith('${{') ? v : literal(v)]));
}
function runStep(leaf, ctx, index) {
    const svc = ctx.services.get(leaf.service);
    const beside = companionsOf(leaf.service, ctx.services);
    for (const c of beside.cycles) {
        if (ctx.reportedCycles.has(c))
            continue;
        ctx.reportedCycles.add(c);
        ctx.report.error(ctx.services.get(c).pos, `service \`${c}\` depends on itself through links, depends_on or volumes_from; its services start in file order — break the cycle`);
    }
    const net = beside.order.length > 0;
    const envFile = (f) => `"$RUNNER_TEMP/codeship-env/${envName(f)}"`;
    const volumesFrom = (name) => beside.order.some((c) => c.service.name === name) ? `$${shellVar(name)}` : undefined;
    const joined = net ? ['--network', '"$CODESHIP_NETWORK"', '--label', '"codeship-step=$step"'] : [];
    const lines = [];
    if (net) {
        lines.push('docker network inspect "$CODESHIP_NETWORK" >/dev/null 2>&1 || docker network create "$CODESHIP_NETWORK" >/dev/null', `step="$CODESHIP_NETWORK-${index}"`, 
        // As on Codeship, a step's services live as long as the step, however it ends.
        `trap 'docker ps -aq --filter "label=codeship-step=$step" | xargs -r docker rm -f -v >/dev/null' EXIT`);
        for (const c of beside.order) {
            const opts = [
                '-d',
                ...joined,
                ...c.aliases.flatMap((a) => ['--network-alias', bashQuote(a)]),
                ...containerOptions(c.service, ctx, envFile, volumesFrom),
                ...environment(c.service),
            ];
            lines.push(`${shellVar(c.service.name)}=$(${dockerRun(opts, c.service, commandWords(c.service, undefined))})`);
        }
    }
    let argv;
    if (leaf.command !== undefined) {
        const w = splitWords(leaf.command);
        argv = w.words;
        const notes = [];
        if (w.operators.length)
            notes.push(`\`${w.operators.join(' ')}\` is passed to the program as an argument, as Codeship did (it runs no shell); wrap the command in sh -c '…' if a shell was meant`);
        if (w.unterminated)
            notes.push('an unterminated quote runs to the end of the command');
        if (notes.length)
            ctx.report.changed(leaf.commandPos ?? leaf.pos, `command \`${leaf.command}\`: ${notes.join('; ')}`);
    }
    // With the Docker socket, the step can start containers of its own on the same network.
    const own = net ? ['--network-alias', bashQuote(svc.name), ...(svc.addDocker ? ['-e', 'CODESHIP_NETWORK'] : [])] : [];
    const opts = ['--rm', ...joined, ...own, ...containerOptions(svc, ctx, envFile, volumesFrom), ...environment(svc)];
    lines.push(dockerRun(opts, svc, commandWords(svc, argv)));
    const started = net
        ? `, with ${beside.order.map((c) => c.service.name).join(', ')} started beside it on the job's network`
        : '';
    ctx.report.converted(leaf.pos, `${leaf.name ? `step \`${leaf.name}\`` : 'step'} (${leaf.service}${leaf.command !== undefined ? `: ${leaf.command}` : ''}) → docker run${started}`);
    const name = leaf.name ?? `${leaf.service}${leaf.command !== undefined ? `: ${leaf.command}` : ''}`;
    return { name: literal(name.length > 80 ? name.slice(0, 77) + '...' : name), run: lines.join('\n') };
}
/** A dockercfg generator regkit does not know, run as Codeship ran it: it writes /opt/data/dockercfg. */
function generatorStep(svc, ctx) {
    const dir = `$RUNNER_TEMP/${generatedDockercfgDir(svc.name)}`;
    const lines = [`mkdir -p "${dir}"`];
    for (const f of svc.encryptedEnvFiles) {
        ctx.usesDecrypt.value = true;
        lines.push(`mkdir -p "$RUNNER_TEMP/codeship-env"`, `node ${DECRYPT_ENV} ${bashQuote(repoPath(ctx.servicesDir, f))} "$RUNNER_TEMP/codeship-env/${envName(f)}"`);
    }
    const opts = [
        '--rm',
        ...containerOptions(svc, ctx, (f) => `"$RUNNER_TEMP/codeship-env/${envName(f)}"`, () => undefined),
        ...environment(svc),
        '-v',
        `"${dir}:/opt/data"`,
    ];
    lines.push(dockerRun(opts, svc, ['/opt/data/dockercfg']));
    const step = { name: literal(`Generate registry credentials with ${svc.name}`), run: lines.join('\n') };
    if (svc.encryptedEnvFiles.length)
        step.env = { AES_KEY: aesKey };
    return step;
}
/** The Codeship CI_* variables and the service's `environment`, as `-e` options. */
function environment(svc) {
    const opts = [];
    for (const k of Object.keys(CI_ENV))
        opts.push('-e', k);
    for (const [k, v] of svc.environment)
        opts.push('-e', bashQuote(v === undefined ? k : `${k}=${v}`));
    return opts;
}
/** `docker run OPTS IMAGE WORDS`, wrapped when long; user text made literal for GitHub. */
function dockerRun(options, svc, words) {
    const opts = options.map(literal);
    const args = words.map((w) => literal(bashQuote(w)));
    // The build output reference is the one expression kept.
    const image = svc.build ? imageOf(svc) : literal(bashQuote(imageOf(svc)));
    const run = `docker run ${opts.join(' ')} ${image}${args.length ? ' ' + args.join(' ') : ''}`;
    return run.length > 110
        ? `docker run ${pairs(opts).join(' \\\n  ')} \\\n  ${image}${args.length ? ' \\\n  ' + args.join(' ') : ''}`
        : run;
}
/** A bash variable holding the container of a service started beside a step. */
function shellVar(service) {
    return `svc_${service.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
/** Options with their values kept on one line: `-v x`, `-e K=V`. */
function pairs(opts) {
    const out = [];
    for (let i = 0; i < opts.length; i++) {
        if (opts[i].startsWith('-') &&
            i + 1 < opts.length &&
            !opts[i + 1].startsWith('-') &&
            !['--rm', '-d', '--privileged'].includes(opts[i]))
            out.push(`${opts[i]} ${opts[++i]}`);
        else
            out.push(opts[i]);
    }
    return out;
}
function pullStep(leaf, ctx) {
    const svc = ctx.services.get(leaf.service);
    const image = leaf.imageName ?? svc.image ?? svc.build?.image;
    if (!image) {
        ctx.report.error(leaf.pos, 'pull step without image_name (and its service names no image); not converted — add image_name');
        return undefined;
    }
    ctx.registries.forStep(leaf, image);
    ctx.report.converted(leaf.pos, `pull step (${image}) → docker pull after the registries login`);
    return { name: literal(leaf.name ?? `Pull ${image}`), run: `docker pull ${bashQuote(image)}` };
}
/** Template variables that only the tag action can fill in (the push action has no inputs for them). */
const TAG_ACTION_VARS = /\{\{[^}]*\.(ServiceName|StepName|ImageName|CiName)\b/;
function pushSteps(leaf, ctx, ids) {
    const svc = ctx.services.get(leaf.service);
    const label = leaf.name ? `push step \`${leaf.name}\`` : 'push step';
    if (!leaf.imageName) {
        ctx.report.error(leaf.pos, `${label} (service ${leaf.service}) has no image_name; Codeship needs one too — push step not converted`);
        return undefined;
    }
    const registry = ctx.registries.forStep(leaf, leaf.imageName);
    if (!registry)
        return undefined;
    const { path } = (0,naming.splitImageName)(leaf.imageName);
    const repo = withoutTag(path);
    if (repo !== path)
        ctx.report.changed(leaf.pos, `${label}: the tag in image_name ${leaf.imageName} is dropped; image_tag gives the tag`);
    const template = leaf.imageTag ?? 'latest';
    const out = [];
    let tags = template;
    if (TAG_ACTION_VARS.test(template)) {
        const id = uniqueStepId(`tag-${buildId(leaf.service).slice(6)}`, ids);
        const w = { templates: template, 'service-name': leaf.service, 'image-name': repo };
        if (leaf.name)
            w['step-name'] = leaf.name;
        if (/\.CiName\b/.test(template))
            w['ci-name'] = 'codeship';
        out.push({ name: literal(`Tag for ${leaf.name ?? leaf.imageName}`), id, uses: uses('tag'), with: mapLiteral(w) });
        tags = `\${{ steps.${id}.outputs.tags }}`;
    }
    const withs = { candidate: imageOf(svc), registry: registry.name, 'image-name': repo, tags };
    if (!svc.build)
        ctx.report.changed(leaf.pos, `${label}: service \`${svc.name}\` is not built here; its image ${svc.image} is pushed as it is`);
    if (ctx.needsKey)
        withs['aes-key'] = aesKey;
    ctx.report.converted(leaf.pos, `${label} (${leaf.service} → ${leaf.imageName}:${template}${leaf.imageTag ? '' : ", Codeship's default tag"}) → ${uses('push')} to registry \`${registry.name}\``);
    out.push({ name: literal(leaf.name ?? `Push ${leaf.imageName}`), uses: uses('push'), with: mapLiteral(withs) });
    return out;
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/read.ts
/**
 * A Codefresh pipeline (codefresh.yml) as steps that remember where each key came from.
 * `arguments:` is read as if its keys were on the step (Codefresh allows both), the old
 * hyphenated names (`image-name`, `working-directory`) as the current ones, and `scale:`
 * becomes one step per sub-step, named as Codefresh names them.
 */


/** Step types with a regkit or GitHub equivalent, then the ones that become placeholders. */
const CONVERTED_TYPES = [
    'freestyle',
    'build',
    'push',
    'git-clone',
    'parallel',
    'composition',
    'launch-composition',
];
const PLACEHOLDER_TYPES = [
    'deploy',
    'helm',
    'pending-approval',
    'test-reporting',
    'codefresh-run',
    'git-commit',
    'github-release',
    'jira-issue-manager',
    'slack-notifier',
];
const ALIASES = {
    'image-name': 'image_name',
    'working-directory': 'working_directory',
    'build-arguments': 'build_arguments',
};
function field(step, key) {
    const e = step.fields.get(key);
    if (e)
        step.used.add(key);
    return e;
}
function fieldText(step, key) {
    return yaml_tree_text(field(step, key)?.value);
}
/** A scalar or a list of scalars as a list of strings (`tags: a` and `tags: [a, b]` alike). */
function read_list(node) {
    if (!node)
        return [];
    if (node.kind === 'seq')
        return node.items.map((i) => yaml_tree_text(i)).filter((v) => v !== undefined);
    const t = yaml_tree_text(node);
    return t === undefined ? [] : [t];
}
function readPipeline(file, root, report) {
    if (root.kind !== 'map') {
        report.error(root.pos, 'a Codefresh pipeline is a mapping with `version:` and `steps:`');
        return undefined;
    }
    const steps = entry(root, 'steps');
    if (!steps || steps.value.kind !== 'map') {
        report.error(steps?.value.pos ?? root.pos, '`steps:` must be a mapping of step names to steps');
        return undefined;
    }
    const byName = new Map();
    const scaled = new Map();
    const list = read_readSteps(steps.value, byName, scaled, report);
    return { file, root, steps: list, byName, scaled, mode: yaml_tree_text(entry(root, 'mode')?.value) };
}
function read_readSteps(node, byName, scaled, report, parent = 'parallel') {
    const out = [];
    const pairs = node.kind === 'map'
        ? node.entries.map((e) => [e.key, e.keyPos, e.value])
        : node.kind === 'seq'
            ? node.items.map((v, i) => [`${parent}_${i + 1}`, v.pos, v])
            : [];
    for (const [name, pos, value] of pairs) {
        if (value.kind !== 'map') {
            report.error(value.pos, `step \`${name}\` must be a mapping of its fields`);
            continue;
        }
        const made = readStep(name, pos, value, byName, scaled, report);
        if (made.length && made[0].name !== name)
            scaled.set(name, made);
        for (const s of made) {
            out.push(s);
            byName.set(s.name, s);
        }
    }
    return out;
}
function readStep(name, pos, map, byName, scaled, report) {
    const fields = new Map();
    const put = (e) => fields.set(ALIASES[e.key] ?? e.key, e);
    for (const e of map.entries) {
        if (e.key === 'arguments' && e.value.kind === 'map')
            e.value.entries.forEach(put);
        else
            put(e);
    }
    const typeEntry = fields.get('type');
    let type = yaml_tree_text(typeEntry?.value) ?? (fields.has('steps') && !fields.has('commands') ? 'parallel' : 'freestyle');
    if (!typeEntry && fields.has('image_name') && !fields.has('image') && fields.has('commands'))
        type = 'freestyle';
    const step = {
        name,
        pos,
        type,
        fields,
        used: new Set(['type', 'arguments', 'title', 'description']),
        children: [],
    };
    if (typeEntry &&
        !CONVERTED_TYPES.includes(type) &&
        !PLACEHOLDER_TYPES.includes(type) &&
        !type.includes('/')) {
        report.error(typeEntry.value.pos, `step \`${name}\`: unknown step type \`${type}\`${suggestion(type, [...CONVERTED_TYPES, ...PLACEHOLDER_TYPES])}`);
        return [];
    }
    if (type === 'parallel') {
        const inner = field(step, 'steps');
        if (inner)
            step.children = read_readSteps(inner.value, byName, scaled, report, name);
        return [step];
    }
    const scale = fields.get('scale');
    if (scale?.value.kind === 'map' && scale.value.entries.length) {
        // Each sub-step is the step with the sub-step's keys on top, under the sub-step's name.
        report.converted(pos, `step \`${name}\`: scale → one step per sub-step (${scale.value.entries.map((e) => e.key).join(', ')}), each with the step's fields and its own on top`);
        return scale.value.entries.map((sub) => {
            const own = new Map(fields);
            own.delete('scale');
            if (sub.value.kind === 'map')
                for (const e of sub.value.entries)
                    own.set(ALIASES[e.key] ?? e.key, e);
            return { name: sub.key, pos: sub.keyPos, type, fields: own, used: new Set(step.used), children: [] };
        });
    }
    return [step];
}
/** Every step, depth first, in file order. */
function allSteps(steps) {
    return steps.flatMap((s) => [s, ...allSteps(s.children)]);
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/registries.ts
/**
 * Codefresh's registry integrations → the registries file. A pipeline names integrations
 * (`registry:`, `registry_context(s)`) but not what they are: the provider is guessed from
 * the name or domain where that is clear, and every entry the pipeline cannot describe
 * carries a "fill in" comment. Account-level settings (the default registry, caching,
 * fallback, prefix, primary) are not in the pipeline and become MIGRATION.md to-dos.
 */



/** Stands for the Codefresh account's default registry, which the pipeline never names. */
const DEFAULT_REGISTRY = 'codefresh-default';
/** A domain that resolves nowhere (RFC 2606), for entries the user must fill in. */
const UNKNOWN_DOMAIN = 'registry.invalid';
const unknownDomain = (name) => `${name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.${UNKNOWN_DOMAIN}`;
function guess(name) {
    const n = name.toLowerCase();
    if (n.includes('.')) {
        const domain = (0,naming.normalizeDomain)(n);
        const provider = providerFor(domain);
        return { provider, domain: ['dockerhub', 'ghcr', 'quay'].includes(provider) ? undefined : domain };
    }
    if (/docker-?hub|^hub$|^docker$/.test(n))
        return { provider: 'dockerhub' };
    if (/quay/.test(n))
        return { provider: 'quay' };
    if (/ghcr|github/.test(n))
        return { provider: 'ghcr' };
    if (/^cfcr$|codefresh/.test(n)) {
        return {
            provider: 'other',
            domain: unknownDomain(name),
            fill: "Codefresh's own registry (r.cfcr.io) is closed: pick the registry these images go to now",
        };
    }
    if (/gcr|google/.test(n))
        return {
            provider: 'gcr',
            domain: 'gcr.io',
            fill: 'check the host (gcr.io, us.gcr.io, eu.gcr.io, asia.gcr.io) and add credentials: google',
        };
    if (/ecr|aws|amazon/.test(n))
        return {
            provider: 'ecr',
            domain: '000000000000.dkr.ecr.us-east-1.amazonaws.com',
            fill: 'write your ECR host (<account>.dkr.ecr.<region>.amazonaws.com)',
        };
    if (/acr|azure/.test(n))
        return {
            provider: 'acr',
            domain: 'example.azurecr.io',
            fill: 'write your ACR host (<name>.azurecr.io) and add credentials: azure',
        };
    if (/gar|artifact/.test(n))
        return {
            provider: 'gar',
            domain: 'us-docker.pkg.dev',
            fill: 'write your Artifact Registry host (<region>-docker.pkg.dev)',
        };
    return {
        provider: 'other',
        domain: unknownDomain(name),
        fill: 'the pipeline does not say what this integration is: write its provider and domain',
    };
}
class Integrations {
    report;
    file = { version: 1, registries: [] };
    comments = new Map();
    /** Variables that credentials refer to: the workflow must pass them to regkit's actions. */
    credentialVars = new Set();
    byIntegration = new Map();
    constructor(report) {
        this.report = report;
    }
    /** The registry for an integration name as the pipeline writes it (maybe with variables). */
    named(raw, pos, what) {
        let name = raw.trim();
        const slash = name.indexOf('/');
        if (slash > 0 && !name.slice(0, slash).includes('.')) {
            this.report.changed(pos, `${what}: \`registry: ${raw}\` — the part after "/" is not an integration name; registry \`${name.slice(0, slash)}\` is used`);
            name = name.slice(0, slash);
        }
        const variable = /^\$\{\{\s*(\w+)\s*\}\}$/.exec(name);
        if (variable)
            name = variable[1].toLowerCase().replace(/_/g, '-');
        const known = this.byIntegration.get(name);
        if (known)
            return known.name;
        // A name from a variable says nothing about the registry.
        const g = variable
            ? {
                provider: 'other',
                domain: unknownDomain(name),
                fill: `the integration comes from pipeline variable ${variable[1]}: write the provider and domain of the integration it named`,
            }
            : guess(name);
        const entry = {
            name: name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'registry',
            provider: g.provider,
        };
        if (g.domain)
            entry.domain = g.domain;
        this.add(name, entry, g.fill, pos);
        if (!g.fill)
            this.report.changed(pos, `integration \`${name}\` → registry \`${entry.name}\` (provider ${g.provider}${g.domain ? `, ${g.domain}` : ''}, guessed from the name): add its credentials to .github/registries.yml`);
        return entry.name;
    }
    /** The registry that stands for the account's default registry. */
    defaultRegistry(pos) {
        if (!this.file.default) {
            const entry = {
                name: DEFAULT_REGISTRY,
                provider: 'other',
                domain: unknownDomain(DEFAULT_REGISTRY),
            };
            this.add(DEFAULT_REGISTRY, entry, "your Codefresh account's default registry (Account settings → Integrations → Docker registries, the one marked default): write its provider, domain, prefix and credentials", pos);
            this.file.default = entry.name;
        }
        return this.file.default;
    }
    /** The registry whose account reads an image from a domain (Codefresh's primary per domain). */
    forImage(image, pos, what) {
        // Variables in the tag or path do not change the domain; in the domain they hide it.
        const { domain } = (0,naming.splitImageName)(image.replace(/\$\{\{[^}]*\}\}/g, 'x'));
        if (/\$\{\{/.test(image.split('/')[0]) && image.includes('/'))
            return undefined;
        const provider = providerFor(domain);
        const found = this.file.registries.find((r) => (r.domain ?? implied(r.provider)) === domain);
        if (found)
            return found.name;
        const name = provider === 'other' ? domain.replace(/[^a-z0-9.-]+/g, '-') : provider;
        const entry = { name, provider };
        if (!implied(provider))
            entry.domain = domain;
        this.add(name, entry, undefined, pos);
        this.report.changed(pos, `${what}: ${image} is read through registry \`${name}\` (${domain}), which the pipeline implies: add credentials if the image is private`);
        return name;
    }
    /** Inline `credentials: {username, password}` of a step: the registry's own, as variables. */
    credentials(registry, username, password, pos) {
        const entry = this.file.registries.find((r) => r.name === registry);
        if (!entry || !username || !password)
            return;
        const asVar = (v) => v.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, n) => (this.credentialVars.add(n), `\${${n}}`));
        entry.credentials = { username: asVar(username), password: asVar(password) };
        this.report.converted(pos, `credentials → registry \`${registry}\`'s credentials (username/password from the workflow env)`);
    }
    add(key, entry, fill, pos) {
        this.file.registries.push(entry);
        this.byIntegration.set(key, entry);
        if (fill) {
            this.comments.set(entry, ` fill in: ${fill}`);
            this.report.skipped(pos, `registry \`${entry.name}\`${key === entry.name ? '' : ` (integration \`${key}\`)`}: ${fill}`);
        }
    }
    /** The registries file's text, each entry to fill in with its comment. */
    render(header) {
        const { version, default: def, registries } = this.file;
        const doc = new dist/* Document */.yo({ version, ...(def ? { default: def } : {}), registries });
        const seq = doc.get('registries', true).items;
        registries.forEach((r, i) => {
            const c = this.comments.get(r);
            if (c)
                seq[i].commentBefore = c;
        });
        return header + doc.toString({ lineWidth: 0 });
    }
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/variables.ts
const VAR = /\$\{\{\s*([^}]*?)\s*\}\}/g;
/** Codefresh's variables that regkit's tag engine has (docs/tags.md). */
const TEMPLATE = {
    CF_BRANCH: '{{ .Branch }}',
    CF_BRANCH_TAG_NORMALIZED: '{{ .Branch | tagsafe }}',
    CF_BRANCH_TAG_NORMALIZED_LOWER_CASE: '{{ .Branch | tagsafe | lower }}',
    CF_REVISION: '{{ .CommitID }}',
    CF_SHORT_REVISION: '{{ .ShortCommitID }}',
    CF_BUILD_ID: '{{ .BuildID }}',
    CF_REPO_NAME: '{{ .RepoName }}',
    CF_COMMIT_MESSAGE: '{{ .CommitMessage }}',
    CF_PULL_REQUEST_NUMBER: '{{ .PullRequest }}',
    CF_RELEASE_TAG: '{{ .Tag }}',
    CF_BUILD_TIMESTAMP: '{{ .Timestamp }}',
};
/** Codefresh's variables the first step of the workflow sets (bash, into $GITHUB_ENV). */
const CF_VARIABLES = [
    'CF_BRANCH',
    'CF_BRANCH_TAG_NORMALIZED',
    'CF_BRANCH_TAG_NORMALIZED_LOWER_CASE',
    'CF_REVISION',
    'CF_SHORT_REVISION',
    'CF_REPO_OWNER',
    'CF_REPO_NAME',
    'CF_BUILD_ID',
    'CF_BUILD_URL',
    'CF_BUILD_TIMESTAMP',
    'CF_COMMIT_URL',
    'CF_COMMIT_AUTHOR',
    'CF_COMMIT_MESSAGE',
    'CF_PULL_REQUEST_NUMBER',
    'CF_PULL_REQUEST_TARGET',
    'CF_RELEASE_TAG',
    'CF_VOLUME_PATH',
    'CF_VOLUME',
    'CF_VOLUME_NAME',
    'CF_ACCOUNT',
];
const CODEFRESH_VARIABLES_STEP_ENV = {
    PR_HEAD_SHA: '${{ github.event.pull_request.head.sha }}',
    PR_NUMBER: '${{ github.event.pull_request.number }}',
    COMMIT_AUTHOR: '${{ github.event.head_commit.author.name }}',
    COMMIT_MESSAGE: '${{ github.event.head_commit.message }}',
};
// CF_BRANCH_TAG_NORMALIZED: Codefresh drops every character a Docker tag cannot hold,
// as the tag engine's `tagsafe` does.
const CODEFRESH_VARIABLES_SCRIPT = `cf() { printf '%s=%s\\n' "$1" "$2" >> "$GITHUB_ENV"; }
branch="\${GITHUB_HEAD_REF:-$GITHUB_REF_NAME}"
revision="\${PR_HEAD_SHA:-$GITHUB_SHA}"
normalized="$(printf '%s' "$branch" | tr -cd 'A-Za-z0-9_.-')"
release=""; [ "$GITHUB_REF_TYPE" = tag ] && release="$GITHUB_REF_NAME"
cf CF_BRANCH "$branch"
cf CF_BRANCH_TAG_NORMALIZED "$normalized"
cf CF_BRANCH_TAG_NORMALIZED_LOWER_CASE "$(printf '%s' "$normalized" | tr 'A-Z' 'a-z')"
cf CF_REVISION "$revision"
cf CF_SHORT_REVISION "\${revision:0:7}"
cf CF_REPO_OWNER "$GITHUB_REPOSITORY_OWNER"
cf CF_REPO_NAME "\${GITHUB_REPOSITORY#*/}"
cf CF_BUILD_ID "$GITHUB_RUN_ID"
cf CF_BUILD_URL "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"
cf CF_BUILD_TIMESTAMP "$(date +%s)"
cf CF_COMMIT_URL "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/commit/$revision"
cf CF_COMMIT_AUTHOR "$COMMIT_AUTHOR"
cf CF_PULL_REQUEST_NUMBER "$PR_NUMBER"
cf CF_PULL_REQUEST_TARGET "$GITHUB_BASE_REF"
cf CF_RELEASE_TAG "$release"
cf CF_VOLUME_PATH "$GITHUB_WORKSPACE"
# Codefresh's shared volume is the workspace: a bind mount where compositions mounted the volume.
cf CF_VOLUME "$GITHUB_WORKSPACE"
cf CF_VOLUME_NAME "$GITHUB_WORKSPACE"
cf CF_ACCOUNT "$GITHUB_REPOSITORY_OWNER"
eof="CF_EOF_$RANDOM$RANDOM"
{ echo "CF_COMMIT_MESSAGE<<$eof"; printf '%s\\n' "$COMMIT_MESSAGE"; echo "$eof"; } >> "$GITHUB_ENV"
`;
const SECRET_LIKE = /KEY|TOKEN|PASS|SECRET|CREDENTIAL|AUTH|PRIVATE|SSH/i;
/** A GitHub step id for a Codefresh step name. */
function stepId(name) {
    const id = name.replace(/[^A-Za-z0-9_-]+/g, '-');
    return /^[A-Za-z_]/.test(id) ? id : `s-${id}`;
}
class Variables {
    pipeline;
    report;
    clonePath;
    /** Whether an expression uses the environment the Codefresh variables step fills. */
    usesCf = false;
    /** Pipeline variables (not Codefresh's, not exported by a step): the workflow env the user fills. */
    user = new Map();
    /** Variables that `cf_export` or env_vars_to_export set during the build. */
    exported = new Set();
    told = new Set();
    constructor(pipeline, report, 
    /** Where a git-clone step's files are, relative to the workspace. */
    clonePath) {
        this.pipeline = pipeline;
        this.report = report;
        this.clonePath = clonePath;
    }
    /** The expression (no `${{ }}`) for a variable or step reference; undefined for one GitHub has no form of. */
    expressionOf(name, pos) {
        const step = this.pipeline.byName.get(name);
        if (step) {
            if (step.type === 'build')
                return `steps.${stepId(name)}.outputs.image`;
            if (step.type === 'git-clone')
                return `format('{0}/${this.clonePath(step)}', github.workspace)`;
            return 'github.workspace';
        }
        if (name === 'main_clone')
            return 'github.workspace';
        const member = /^(?:steps\.)?([^.]+)\.(\w+)$/.exec(name);
        if (member && this.pipeline.byName.has(member[1])) {
            const id = stepId(member[1]);
            if (member[2] === 'result')
                return `steps.${id}.outcome`;
            if (/^image(Name|Id|TagName)?$/.test(member[2]) && this.pipeline.byName.get(member[1]).type === 'build') {
                this.note(pos, name, `\`\${{${name}}}\` → the build's \`image\` output (its full name; docker finds the same image by it)`);
                return `steps.${id}.outputs.image`;
            }
            this.note(pos, name, `\`\${{${name}}}\` has no GitHub equivalent; replace it by hand`, 'skipped');
            return undefined;
        }
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            this.note(pos, name, `\`\${{${name}}}\` is not a variable GitHub can hold; replace it by hand`, 'skipped');
            return undefined;
        }
        if (CF_VARIABLES.includes(name)) {
            this.usesCf = true;
            return `env.${name}`;
        }
        if (name.startsWith('CF_')) {
            this.note(pos, name, `\`\${{${name}}}\` is Codefresh's own with no GitHub equivalent: it is read from the workflow env \`${name}\`, which you must fill`, 'skipped');
        }
        if (!this.exported.has(name) && !this.user.has(name))
            this.user.set(name, pos);
        return `env.${name}`;
    }
    /** Text for a `with:`, `env:` or `run:` value: each `${{NAME}}` becomes a GitHub expression. */
    expression(value, pos) {
        return value.replace(VAR, (whole, name) => {
            const e = this.expressionOf(name, pos);
            return e ? `\${{ ${e} }}` : "${{ '${{' }}" + whole.slice(3);
        });
    }
    /** Text for a tag or build argument: a template for regkit's tag engine. */
    template(value, pos) {
        let out = '';
        let last = 0;
        for (const m of value.matchAll(VAR)) {
            out += escapeTemplate(value.slice(last, m.index));
            last = m.index + m[0].length;
            const t = TEMPLATE[m[1]];
            out += t ?? this.expression(m[0], pos);
        }
        return out + escapeTemplate(value.slice(last));
    }
    /** The names a text refers to with `${{NAME}}`. */
    static names(value) {
        return [...value.matchAll(VAR)].map((m) => m[1]);
    }
    /** The workflow env for pipeline variables, and one report line per variable. */
    workflowEnv() {
        const env = {};
        for (const [name, pos] of [...this.user].sort(([a], [b]) => a.localeCompare(b))) {
            if (this.exported.has(name))
                continue;
            const secret = SECRET_LIKE.test(name);
            env[name] = `\${{ ${secret ? 'secrets' : 'vars'}.${name} }}`;
            this.report.skipped(pos, `pipeline variable \`${name}\` → workflow env ${name} from the repository ${secret ? 'secret' : 'variable'} ${name}: create it (Settings → Secrets and variables → Actions)${secret ? '' : ', or make it a secret if it is one'}`);
        }
        return env;
    }
    note(pos, name, message, level = 'changed') {
        if (this.told.has(name))
            return;
        this.told.add(name);
        this.report.add(level, pos, message);
    }
}
function escapeTemplate(s) {
    return s.replace(/\{\{/g, '{{"{{"}}');
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/converter.ts
/**
 * What every step converter shares: the conversion's state, the GitHub step shape, the
 * names of the actions, and how a step's name, id and working directory are found.
 */




const converter_uses = (sub) => `${ACTIONS_OWNER}${sub ? '/' + sub : ''}@${ACTIONS_REF}`;
const ACTIONS = { build: converter_uses('build'), push: converter_uses('push'), login: converter_uses() };
const CHECKOUT = 'actions/checkout@v4';
/** Files the migration writes beside the workflow. */
const CODEFRESH_DIR = '.github/codefresh';
const EXPORT_FILE = 'env_vars_to_export';
function converter_uniqueId(name, c) {
    let id = stepId(name);
    for (let i = 2; c.ids.has(id); i++)
        id = `${stepId(name)}-${i}`;
    c.ids.add(id);
    return id;
}
function title(step, c) {
    const t = fieldText(step, 'title');
    return t ? c.vars.expression(t, step.pos) : step.name;
}
/** Where a step works, relative to the workspace ('.' for the main clone). */
function workingDirectory(step, c, seen = new Set()) {
    const wd = fieldText(step, 'working_directory');
    if (!wd)
        return '.';
    const ref = /^\$\{\{\s*([^}]*?)\s*\}\}(.*)$/.exec(wd.trim());
    if (ref) {
        const target = c.pipeline.byName.get(ref[1]);
        const rest = ref[2].replace(/^\/+/, '');
        let base = '.';
        if (ref[1] === 'main_clone' || ref[1] === 'CF_VOLUME_PATH' || target === c.mainClone)
            base = '.';
        else if (target?.type === 'git-clone')
            base = target.name;
        else if (target && !seen.has(target))
            base = workingDirectory(target, c, new Set([...seen, step]));
        else
            return external_node_path_.posix.normalize(c.vars.expression(wd, step.pos));
        return external_node_path_.posix.normalize(external_node_path_.posix.join(base, rest)) || '.';
    }
    if (wd.startsWith('/'))
        return wd;
    return external_node_path_.posix.normalize(c.vars.expression(wd, step.pos)).replace(/\/+$/, '') || '.';
}
function isMainClone(step, first) {
    const repo = fieldText(step, 'repo') ?? '';
    return step.name === 'main_clone' || /CF_REPO_OWNER\}\}\/\$\{\{\s*CF_REPO_NAME/.test(repo) || first;
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/containers.ts
/**
 * Steps that run a container: freestyle steps (`docker run` of the image with its
 * commands, as Codefresh runs them) and compositions (docker compose).
 */








/** `docker run` of a step's image with its commands, as Codefresh runs a freestyle step. */
function containerRun(step, src, c, label) {
    const get = (k) => 'fields' in src
        ? field(src, k)?.value
        : src.kind === 'map'
            ? src.entries.find((e) => e.key === k)?.value
            : undefined;
    let image = yaml_tree_text(get('image'));
    if (!image && 'fields' in src && src.fields.has('image_name')) {
        image = yaml_tree_text(get('image_name'));
        c.report.changed(src.fields.get('image_name').keyPos, `step \`${step.name}\`: image_name on a freestyle step is read as image (Codefresh ran it so)`);
    }
    if (!image) {
        c.report.skipped(step.pos, `${label}: no image to run; not converted`);
        return undefined;
    }
    const ref = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(image.trim());
    const refStep = ref ? c.pipeline.byName.get(ref[1]) : undefined;
    const imageExpr = refStep?.type === 'build'
        ? `"\${{ steps.${stepId(refStep.name)}.outputs.image }}"`
        : bashQuote(c.vars.expression(image.trim(), step.pos));
    const shell = yaml_tree_text(get('shell')) === 'bash' ? 'bash' : 'sh';
    const commands = read_list(get('commands'));
    const wd = 'fields' in src ? workingDirectory(src, c) : '.';
    const dir = wd.startsWith('/')
        ? bashQuote(c.vars.expression(wd, step.pos))
        : `"$GITHUB_WORKSPACE${wd === '.' ? '' : `/${wd}`}"`;
    const opts = ['--rm', '-v "$GITHUB_WORKSPACE:$GITHUB_WORKSPACE"'];
    // Codefresh's volume held the clone at /codefresh/volume/<repository>: the same place here.
    if (JSON.stringify('fields' in src ? [...src.fields.values()].map((e) => e.value) : src).includes('/codefresh/volume'))
        opts.push('-v "$GITHUB_WORKSPACE:/codefresh/volume/${GITHUB_REPOSITORY#*/}"');
    opts.push(`-w ${dir}`, '__ENV__');
    const env = get('environment');
    const pairs = env?.kind === 'map' ? env.entries.map((e) => `${e.key}=${yaml_tree_text(e.value) ?? ''}`) : read_list(env);
    for (const p of pairs)
        opts.push(`-e ${bashQuote(c.vars.expression(p, step.pos))}`);
    for (const v of read_list(get('volumes'))) {
        // Codefresh's volume is the workspace here: ${{CF_VOLUME}}/x and relative x are folders in it.
        const [host, ...rest] = c.vars
            .expression(v.replace(/^\$\{\{\s*CF_VOLUME(?:_NAME|_PATH)?\s*\}\}\/?/, ''), step.pos)
            .split(':');
        const path = host.startsWith('/') || !rest.length ? host : `$GITHUB_WORKSPACE/${host}`;
        opts.push(`-v "${[path, ...rest].join(':')}"`);
    }
    let argv;
    if (commands.length) {
        const exported = commands.some((l) => /\bcf_export\b/.test(l));
        const script = [
            ...(exported ? [CF_EXPORT_FUNCTION] : []),
            ...commands.map((l) => c.vars.expression(l, step.pos)),
        ].join('\n');
        opts.push(`--entrypoint ${shell}`);
        argv = `${imageExpr} -ec ${bashQuote(script)}`;
        const entry = 'fields' in src ? field(src, 'entry_point') : undefined;
        if (entry) {
            c.report.changed(entry.keyPos, `step \`${step.name}\`: entry_point ${yaml_tree_text(entry.value)} is not used: the commands run in ${shell}, as Codefresh ran them`);
        }
    }
    else {
        const entry = yaml_tree_text(get('entry_point'));
        if (entry)
            opts.push(`--entrypoint ${bashQuote(entry)}`);
        argv = [imageExpr, ...read_list(get('cmd')).map((w) => bashQuote(c.vars.expression(w, step.pos)))].join(' ');
    }
    const lines = [`docker run ${opts.join(' \\\n  ')} \\\n  ${argv}`];
    if (commands.some((l) => /\bcf_export\b|env_vars_to_export/.test(l)))
        lines.push(EXPORT_TO_GITHUB);
    return { run: lines.join('\n') };
}
/** cf_export inside the container: Codefresh's way of passing variables to later steps. */
const CF_EXPORT_FUNCTION = `cf_export() { for a in "$@"; do case "$a" in *=*) printf '%s\\n' "$a" >> "$CF_VOLUME_PATH/${EXPORT_FILE}"; export "$a";; *) eval "printf '%s=%s\\\\n' \\"$a\\" \\"\\\${$a}\\"" >> "$CF_VOLUME_PATH/${EXPORT_FILE}";; esac; done; }`;
const EXPORT_TO_GITHUB = `if [ -f "$GITHUB_WORKSPACE/${EXPORT_FILE}" ]; then cat "$GITHUB_WORKSPACE/${EXPORT_FILE}" >> "$GITHUB_ENV"; rm "$GITHUB_WORKSPACE/${EXPORT_FILE}"; fi`;
/** Fills in the variables each `docker run` passes on, once every step is converted. */
function finishContainerEnv(steps, names) {
    const flags = names.map((n) => `-e ${n}`).join(' ');
    for (const s of steps)
        if (typeof s.run === 'string')
            s.run = s.run.replace(/__ENV__( \\\n {2})?/, flags ? `${flags}$1` : '');
}
function freestyle(step, c) {
    for (const k of ['registry_context', 'matrix', 'services']) {
        const e = field(step, k);
        if (!e)
            continue;
        if (k === 'registry_context') {
            const name = c.registries.named(yaml_tree_text(e.value) ?? '', e.value.pos, `step \`${step.name}\``);
            c.report.changed(e.keyPos, `step \`${step.name}\`: registry_context ${yaml_tree_text(e.value)} — docker pulls the image with the login step's account for its domain: mark registry \`${name}\` primary: true if several registries share that domain`);
        }
        else
            c.report.skipped(e.keyPos, `step \`${step.name}\`: ${k} is not converted; ${k === 'matrix' ? 'use a job strategy.matrix by hand' : 'start the services with docker compose in a step before it'}`);
    }
    const run = containerRun(step, step, c, `step \`${step.name}\``);
    if (!run)
        return [];
    const image = fieldText(step, 'image') ?? '';
    const ref = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(image.trim());
    if (ref && c.pipeline.byName.get(ref[1])?.type === 'build')
        c.report.converted(step.pos, `step \`${step.name}\` → docker run of build \`${ref[1]}\`'s image with its commands`);
    else {
        const pull = image && !/\$\{\{/.test(image) && (0,naming.splitImageName)(image).domain !== 'docker.io'
            ? c.registries.forImage(image, step.pos, `step \`${step.name}\``)
            : undefined;
        c.report.converted(step.pos, `step \`${step.name}\` (${image}) → docker run with its commands${pull ? `, pulled through registry \`${pull}\`` : ''}`);
    }
    return [{ name: title(step, c), id: converter_uniqueId(step.name, c), ...run }];
}
function composition(step, c) {
    const comp = field(step, 'composition');
    const cands = field(step, 'composition_candidates');
    const vars = read_list(field(step, 'composition_variables')?.value);
    const env = {};
    // Step references and variables become compose's own ${VAR}, filled from the step's env.
    const toCompose = (node) => {
        if (node.kind === 'map')
            return Object.fromEntries(node.entries.map((e) => [e.key, toCompose(e.value)]));
        if (node.kind === 'seq')
            return node.items.map(toCompose);
        if (typeof node.value !== 'string')
            return node.value;
        return node.value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (whole, name) => {
            const e = c.vars.expressionOf(name, node.pos);
            const v = `CF_${name.replace(/\W+/g, '_').toUpperCase()}`;
            if (e)
                env[v] = `\${{ ${e} }}`;
            return e ? `\${${v}}` : whole;
        });
    };
    const files = [];
    const id = stepId(step.name);
    if (comp?.value.kind === 'map') {
        const path = `${CODEFRESH_DIR}/${id}.compose.yml`;
        c.files.set(path, new dist/* Document */.yo(toCompose(comp.value)).toString({ lineWidth: 0 }));
        files.push(path);
    }
    else if (comp && yaml_tree_text(comp.value))
        files.push(external_node_path_.posix.join(workingDirectory(step, c), yaml_tree_text(comp.value)));
    const candidates = [];
    if (cands?.value.kind === 'map') {
        const path = `${CODEFRESH_DIR}/${id}.candidates.yml`;
        candidates.push(...cands.value.entries.map((e) => e.key));
        c.files.set(path, new dist/* Document */.yo({ services: toCompose(cands.value) }).toString({ lineWidth: 0 }));
        files.push(path);
    }
    for (const v of vars) {
        const [k, ...rest] = v.split('=');
        env[k] = c.vars.expression(rest.join('='), step.pos);
    }
    if (!files.length) {
        c.report.skipped(step.pos, `composition \`${step.name}\` names no composition; not converted`);
        return [];
    }
    const f = files.map((p) => `-f ${bashQuote(p)}`).join(' ');
    const launch = step.type === 'launch-composition';
    const up = launch
        ? `docker compose ${f} up -d`
        : `docker compose ${f} up --abort-on-container-exit${candidates.length ? ` --exit-code-from ${bashQuote(candidates[0])}` : ''}`;
    const run = launch ? up : `status=0\n${up} || status=$?\ndocker compose ${f} down -v\nexit $status`;
    for (const k of ['composition_variables', 'add_flow_volume_to_composition', 'environment_name', 'entry_point'])
        field(step, k);
    c.report.changed(step.pos, `${step.type} \`${step.name}\` → docker compose on the runner (${files.join(', ')})${candidates.length > 1 ? `; the exit code is ${candidates[0]}'s` : ''}; Codefresh's shared volume is not mounted: add the workspace as a volume where a service needs it`);
    return [{ name: title(step, c), id: converter_uniqueId(step.name, c), run, ...(Object.keys(env).length ? { env } : {}) }];
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/when.ts


const FILTER_STEP = 'branch';
/** The `if:` for a step's `when:`; undefined when it always runs. */
function whenToIf(step, when, ctx) {
    const parts = [];
    const label = `step \`${step.name}\``;
    if (when.kind !== 'map') {
        ctx.report.skipped(when.pos, `${label}: \`when:\` is not a mapping; the step is turned off (if: false) until you write its if:`);
        return 'false';
    }
    for (const e of when.entries) {
        if (e.key === 'branch')
            parts.push(...branch(step, e.value, ctx));
        else if (e.key === 'condition')
            parts.push(...condition(step, e.value, ctx));
        else if (e.key === 'steps')
            parts.push(...stepsClause(step, e.value, ctx));
        else {
            ctx.report.skipped(e.keyPos, `${label}: \`when.${e.key}\` is not one of branch, condition, steps; the step is turned off (if: false) until you write its if:`);
            parts.push('false');
        }
    }
    return parts.length ? join(parts, '&&') : undefined;
}
function join(parts, op) {
    return parts.length === 1
        ? parts[0]
        : parts.map((p) => (/&&|\|\|/.test(p) && !grouped(p) ? `(${p})` : p)).join(` ${op} `);
}
/** `(…)` or `!(…)` that is one group from end to end. */
function grouped(p) {
    const body = p.startsWith('!') ? p.slice(1) : p;
    if (!body.startsWith('(') || !body.endsWith(')'))
        return false;
    let depth = 0;
    let quoted = false;
    for (let i = 0; i < body.length; i++) {
        if (body[i] === "'")
            quoted = !quoted;
        if (quoted)
            continue;
        if (body[i] === '(')
            depth++;
        else if (body[i] === ')' && --depth === 0 && i < body.length - 1)
            return false;
    }
    return true;
}
function branch(step, node, ctx) {
    const out = [];
    if (node.kind !== 'map')
        return ['false'];
    for (const e of node.entries) {
        if (e.key !== 'only' && e.key !== 'ignore') {
            ctx.report.skipped(e.keyPos, `step \`${step.name}\`: \`when.branch.${e.key}\` is not only or ignore (mis-indented?); it is not converted and the step is turned off (if: false)`);
            out.push('false');
            continue;
        }
        const items = e.value.kind === 'seq' ? e.value.items : [e.value];
        const sources = [];
        for (const item of items) {
            const v = yaml_tree_text(item);
            if (v === undefined)
                continue;
            const re = /^\/(.*)\/([a-z]*)$/s.exec(v);
            if (re) {
                try {
                    new RegExp(re[1], re[2]);
                }
                catch (err) {
                    ctx.report.error(item.pos, `step \`${step.name}\`: branch regexp ${v} is not valid: ${err.message}`);
                    continue;
                }
                // A case-insensitive item is kept apart (marked here) and matched with the i flag.
                sources.push(`${re[2].includes('i') ? '(?i)' : ''}(?:${re[1]})`);
                if (re[2].replace(/[gi]/g, ''))
                    ctx.report.changed(item.pos, `step \`${step.name}\`: flags ${re[2]} of ${v}: only i is kept`);
            }
            else {
                sources.push(`^${v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
            }
        }
        if (!sources.length)
            continue;
        // One output per list; a case-insensitive item makes its own output.
        const plain = sources.filter((s) => !s.startsWith('(?i)'));
        const folded = sources.filter((s) => s.startsWith('(?i)')).map((s) => s.slice(4));
        const names = [];
        const add = (srcs, flags) => {
            if (!srcs.length)
                return;
            const name = `${stepId(step.name).replace(/-/g, '_')}_${e.key}${flags ? '_i' : ''}`;
            ctx.filters.set(name, [srcs.join('|'), flags]);
            names.push(`steps.${FILTER_STEP}.outputs.${name} == 'true'`);
        };
        add(plain, '');
        add(folded, 'i');
        ctx.vars.usesCf = true;
        const any = names.length === 1 ? names[0] : `(${names.join(' || ')})`;
        out.push(e.key === 'only' ? any : `!${any.startsWith('(') ? any : `(${any})`}`);
        ctx.report.converted(e.keyPos, `step \`${step.name}\`: when.branch.${e.key} (${items.map((i) => yaml_tree_text(i)).join(', ')}) → if: on the branch-filters step's output`);
    }
    return out;
}
function condition(step, node, ctx) {
    if (node.kind !== 'map')
        return ['false'];
    const out = [];
    for (const e of node.entries) {
        if (e.key !== 'all' && e.key !== 'any') {
            ctx.report.skipped(e.keyPos, `step \`${step.name}\`: \`when.condition.${e.key}\` is not all or any; the step is turned off (if: false)`);
            out.push('false');
            continue;
        }
        const clauses = [];
        const items = e.value.kind === 'map' ? e.value.entries.map((c) => [c.key, c.value]) : [];
        for (const [key, value] of items) {
            const expr = yaml_tree_text(value);
            const translated = expr === undefined ? undefined : when_translate(expr, value.pos, ctx);
            if (translated === undefined) {
                ctx.report.skipped(value.pos, `step \`${step.name}\`: condition \`${key}\` (${expr ?? 'not a string'}) has no GitHub form; the step is turned off (if: false) until you write its if:`);
                clauses.push('false');
            }
            else {
                ctx.report.converted(value.pos, `step \`${step.name}\`: condition \`${key}\` → ${translated}`);
                clauses.push(translated);
            }
        }
        if (clauses.length)
            out.push(join(clauses, e.key === 'all' ? '&&' : '||'));
    }
    return out;
}
function stepsClause(step, node, ctx) {
    let op = '&&';
    let items = [];
    if (node.kind === 'seq')
        items = node.items;
    else if (node.kind === 'map') {
        const any = entry(node, 'any');
        const all = entry(node, 'all');
        if (any)
            op = '||';
        items = (any ?? all)?.value.kind === 'seq' ? (any ?? all).value.items : [];
    }
    let needsAlways = false;
    const clauses = [];
    for (const item of items) {
        if (item.kind !== 'map')
            continue;
        const name = yaml_tree_text(entry(item, 'name')?.value);
        const on = entry(item, 'on')?.value;
        const states = on?.kind === 'seq' ? on.items.map((i) => yaml_tree_text(i) ?? '') : [yaml_tree_text(on) ?? 'success'];
        // Codefresh clones the pipeline's repository as main_clone even when no step says so.
        const checkout = name === 'main_clone' ||
            (name !== undefined && ctx.steps.get(name) === ctx.mainClone && ctx.mainClone !== undefined);
        if (checkout) {
            // The checkout ran first; when it fails nothing after it runs.
            if (states.every((s) => s === 'success' || s === 'finished')) {
                ctx.report.converted(item.pos, `step \`${step.name}\`: when.steps ${name} ${states.join('/')} — the job's checkout ran before it, so it holds`);
                continue;
            }
            clauses.push('false');
            continue;
        }
        const scaled = name === undefined ? undefined : ctx.scaled.get(name);
        if (!name || (!ctx.steps.has(name) && !scaled)) {
            ctx.report.skipped(item.pos, `step \`${step.name}\`: when.steps names \`${name}\`, which is no step of the pipeline; that clause is false`);
            clauses.push('false');
            continue;
        }
        // A scaled step is done when all the steps it became are.
        const targets = scaled ?? [ctx.steps.get(name)];
        // A parallel step is done when all of its steps are; a step in a job of its own is that job.
        const refs = [
            ...new Set(targets
                .flatMap(leaves)
                .map((s) => ctx.jobOf.has(s.name) ? `needs.${ctx.jobOf.get(s.name)}.result` : `steps.${stepId(s.name)}.outcome`)),
        ];
        const forms = states.map((s) => {
            const each = (test) => refs.length === 1 ? test(refs[0]) : `(${refs.map(test).join(s === 'failure' ? ' || ' : ' && ')})`;
            if (s === 'success')
                return each((r) => `${r} == 'success'`);
            needsAlways = true;
            if (s === 'failure')
                return each((r) => `${r} == 'failure'`);
            if (s === 'skipped')
                return each((r) => `${r} == 'skipped'`);
            return each((r) => `${r} != 'skipped'`); // finished
        });
        clauses.push(forms.length === 1 ? forms[0] : `(${forms.join(' || ')})`);
    }
    if (!clauses.length)
        return [];
    ctx.report.converted(node.pos, `step \`${step.name}\`: when.steps → if: on those steps' outcomes`);
    const joined = join(clauses, op);
    return [needsAlways ? `!cancelled() && ${clauses.length > 1 ? `(${joined})` : joined}` : joined];
}
function leaves(step) {
    return step.type === 'parallel' ? step.children.flatMap(leaves) : [step];
}
const TOKEN = /\s*(?:('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(===|!==|==|!=|&&|\|\||!|\(|\)|,|<=|>=|<|>)|(\$\{\{[^}]*\}\})|([A-Za-z_][\w.]*)|(-?\d+(?:\.\d+)?))/y;
/** A Codefresh condition expression → a GitHub expression; undefined when some part has no GitHub form. */
function when_translate(expr, pos, ctx) {
    const out = [];
    TOKEN.lastIndex = 0;
    const toks = [];
    while (TOKEN.lastIndex < expr.length) {
        if (/^\s*$/.test(expr.slice(TOKEN.lastIndex)))
            break;
        const m = TOKEN.exec(expr);
        if (!m)
            return undefined;
        toks.push(m);
    }
    for (let i = 0; i < toks.length; i++) {
        const [, str, op, varRef, ident, num] = toks[i];
        if (str !== undefined) {
            const s = string(str.slice(1, -1).replace(/\\(.)/g, '$1'), pos, ctx);
            if (s === undefined)
                return undefined;
            out.push(s);
        }
        else if (op !== undefined) {
            if (/^[<>]/.test(op))
                return undefined;
            out.push(op === '===' ? '==' : op === '!==' ? '!=' : op);
        }
        else if (varRef !== undefined) {
            const e = ctx.vars.expressionOf(varRef.slice(3, -2).trim(), pos);
            if (!e)
                return undefined;
            out.push(e);
        }
        else if (ident !== undefined) {
            if (ident === 'true' || ident === 'false')
                out.push(ident);
            else if (ident === 'includes' && toks[i + 1]?.[2] === '(') {
                // includes('${{X}}', '{{X}}') is Codefresh's test for an unset X (it stays unreplaced).
                const a = toks[i + 2]?.[1];
                const b = toks[i + 4]?.[1];
                const unset = a && b && /^.\$\{\{(\w+)\}\}.$/.exec(a);
                if (unset && b.slice(1, -1) === `{{${unset[1]}}}` && toks[i + 5]?.[2] === ')') {
                    out.push(`(${ctx.vars.expressionOf(unset[1], pos)} == '')`);
                    i += 5;
                    continue;
                }
                out.push('contains');
            }
            else if ((ident === 'lower' || ident === 'upper') && toks[i + 1]?.[2] === '(') {
                // GitHub's ==, != and contains() ignore case already: the case change is a no-op there.
                continue;
            }
            else if (ident === 'Boolean' && toks[i + 1]?.[2] === '(') {
                // Boolean('text') is true for any non-empty text.
                let depth = 0;
                let j = i + 1;
                for (; j < toks.length; j++) {
                    if (toks[j][2] === '(')
                        depth++;
                    if (toks[j][2] === ')' && --depth === 0)
                        break;
                }
                const inner = when_translate(toks
                    .slice(i + 2, j)
                    .map((t) => t[0])
                    .join(''), pos, ctx);
                if (inner === undefined)
                    return undefined;
                out.push(`(${inner} != '')`);
                i = j;
            }
            else if (/^steps\.[^.]+\.result$/.test(ident)) {
                const e = ctx.vars.expressionOf(ident, pos);
                if (!e)
                    return undefined;
                out.push(e);
            }
            else
                return undefined;
        }
        else if (num !== undefined)
            out.push(`'${num}'`);
    }
    return out
        .join(' ')
        .replace(/\( /g, '(')
        .replace(/ \)/g, ')')
        .replace(/ ,/g, ',')
        .replace(/! /g, '!')
        .replace(/\b(contains) \(/g, '$1(');
}
/** A quoted Codefresh string with `${{X}}` in it → a GitHub literal, variable or format(). */
function string(s, pos, ctx) {
    const whole = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(s);
    if (whole)
        return ctx.vars.expressionOf(whole[1], pos);
    const args = [];
    let fmt = '';
    let last = 0;
    for (const m of s.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
        const e = ctx.vars.expressionOf(m[1], pos);
        if (!e)
            return undefined;
        fmt += s.slice(last, m.index).replace(/[{}]/g, '$&$&') + `{${args.length}}`;
        args.push(e);
        last = m.index + m[0].length;
    }
    fmt += s.slice(last).replace(/[{}]/g, '$&$&');
    const quoted = `'${fmt.replace(/'/g, "''")}'`;
    return args.length ? `format(${quoted}, ${args.join(', ')})` : `'${s.replace(/'/g, "''")}'`;
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/steps.ts
/**
 * Each Codefresh step → GitHub steps: build and push → regkit's actions, git-clone →
 * actions/checkout, freestyle and composition → containers.ts; step types regkit has
 * nothing for → a placeholder that warns. Then what every step may carry: when,
 * fail_fast, timeout, retry, hooks. Steps run in one job, in the pipeline's order:
 * Codefresh's steps share one volume and one Docker daemon, which separate GitHub jobs
 * would not.
 */









const steps_STEP_KEYS = [
    'when',
    'stage',
    'fail_fast',
    'timeout',
    'retry',
    'hooks',
    'on_success',
    'on_fail',
    'on_finish',
    'strict_fail_fast',
];
/** The GitHub steps for one Codefresh step (nested parallel steps inline). */
function convertStep(step, c) {
    if (step.type === 'parallel') {
        c.report.changed(step.pos, `parallel step \`${step.name}\`: its ${step.children.length} steps run one after another in the job — they share Codefresh's volume and images, which separate GitHub jobs would not`);
        return parallelChildren(step, c).flat();
    }
    const own = body(step, c);
    if (!own.length)
        return own;
    const cond = common(step, c);
    const main = own[own.length - 1];
    for (const s of own) {
        if (cond.if)
            s.if = s.if ? `(${cond.if}) && (${s.if})` : cond.if;
    }
    if (cond.continueOnError)
        main['continue-on-error'] = true;
    if (cond.timeout)
        main['timeout-minutes'] = cond.timeout;
    const hooks = hookSteps(step, String(main.id ?? ''), c);
    leftovers(step, c.report);
    return [...own, ...hooks].map(order);
}
/** The GitHub steps of each step of a parallel step, with the parallel step's own `when`, `fail_fast` and `timeout` on each. */
function parallelChildren(step, c) {
    const inner = step.children.map((s) => convertStep(s, c));
    const cond = common(step, c);
    leftovers(step, c.report);
    return inner.map((steps) => steps.map((s) => {
        const out = { ...s };
        if (cond.if)
            out.if = s.if ? `(${cond.if}) && (${s.if})` : cond.if;
        if (cond.continueOnError)
            out['continue-on-error'] = true;
        if (cond.timeout && !out['timeout-minutes'])
            out['timeout-minutes'] = cond.timeout;
        return order(out);
    }));
}
/** name, id, if first: easier to read. */
function order(s) {
    const { name, id, if: cond, ...rest } = s;
    return {
        ...(name !== undefined ? { name } : {}),
        ...(id !== undefined ? { id } : {}),
        ...(cond !== undefined ? { if: cond } : {}),
        ...rest,
    };
}
function common(step, c) {
    const out = {};
    const when = field(step, 'when');
    if (when)
        out.if = whenToIf(step, when.value, c.when);
    const stage = field(step, 'stage');
    if (stage)
        c.report.converted(stage.keyPos, `step \`${step.name}\`: stage ${yaml_tree_text(stage.value)} — GitHub shows a job's steps in order; Codefresh's stages only grouped them on screen`);
    const ff = field(step, 'fail_fast');
    if (ff) {
        if (String(yaml_tree_text(ff.value)) === 'false') {
            out.continueOnError = true;
            c.report.converted(ff.keyPos, `step \`${step.name}\`: fail_fast: false → continue-on-error: true`);
        }
        else
            c.report.converted(ff.keyPos, `step \`${step.name}\`: fail_fast: true is GitHub's default`);
    }
    const sff = field(step, 'strict_fail_fast');
    if (sff)
        c.report.skipped(sff.keyPos, `step \`${step.name}\`: strict_fail_fast has no GitHub form; continue-on-error decides`);
    const timeout = field(step, 'timeout');
    // An approval's timeout (duration and final state) goes with its placeholder.
    if (timeout && timeout.value.kind !== 'map') {
        const minutes = durationMinutes(yaml_tree_text(timeout.value));
        if (minutes) {
            out.timeout = minutes;
            c.report.converted(timeout.keyPos, `step \`${step.name}\`: timeout ${yaml_tree_text(timeout.value)} → timeout-minutes: ${minutes}`);
        }
        else
            c.report.skipped(timeout.keyPos, `step \`${step.name}\`: timeout is not a duration GitHub can take; set timeout-minutes by hand`);
    }
    const retry = field(step, 'retry');
    if (retry && (step.type === 'build' || step.type === 'push')) {
        c.report.changed(retry.keyPos, `step \`${step.name}\`: retry → regkit's own retries: registry requests are retried on 408, 429, 5xx and dropped connections (4 times, backing off) and base images are pulled up to 3 times; the step itself runs once`);
    }
    else if (retry)
        c.report.skipped(retry.keyPos, `step \`${step.name}\`: retry — GitHub runs a step once; re-run the failed job, or loop inside the command`);
    for (const k of ['on_success', 'on_fail', 'on_finish']) {
        const e = field(step, k);
        if (e)
            c.report.skipped(e.keyPos, `step \`${step.name}\`: ${k} (${e.value.kind === 'map' ? e.value.entries.map((x) => x.key).join(', ') : 'value'}) sets Codefresh metadata/annotations, which GitHub does not have; not converted`);
    }
    return out;
}
function durationMinutes(v) {
    const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/.exec((v ?? '').trim());
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const minutes = m[2] === 's' ? n / 60 : m[2] === 'h' ? n * 60 : m[2] === 'd' ? n * 1440 : n;
    return Math.max(1, Math.ceil(minutes));
}
function hookSteps(step, id, c) {
    const hooks = field(step, 'hooks');
    if (!hooks || hooks.value.kind !== 'map')
        return [];
    const out = [];
    for (const h of hooks.value.entries) {
        // `exec:` holds the image and commands; Codefresh also takes them right under the hook.
        const exec = h.value.kind === 'map'
            ? (h.value.entries.find((e) => e.key === 'exec') ??
                (h.value.entries.some((e) => e.key === 'image') ? h : undefined))
            : undefined;
        const when = {
            on_success: `steps.${id}.outcome == 'success'`,
            on_fail: `failure() && steps.${id}.outcome == 'failure'`,
            on_finish: `always()`,
            on_elected: undefined,
        }[h.key];
        if (!exec || exec.value.kind !== 'map' || (h.key !== 'on_elected' && when === undefined) || !id) {
            c.report.skipped(h.keyPos, `step \`${step.name}\`: hook ${h.key} (${h.value.kind === 'map' ? h.value.entries.map((e) => e.key).join(', ') : 'value'}) has no GitHub form here; not converted`);
            continue;
        }
        const run = containerRun(step, exec.value, c, `${step.name} ${h.key}`);
        if (!run)
            continue;
        c.report.converted(h.keyPos, `step \`${step.name}\`: hook ${h.key} → a step after it${when ? ` with if: ${when}` : ''}`);
        out.push({ name: `${title(step, c)} (${h.key})`, ...(when ? { if: when } : {}), ...run });
    }
    return out;
}
function leftovers(step, report) {
    for (const [key, e] of step.fields) {
        if (step.used.has(key))
            continue;
        report.skipped(e.keyPos, `step \`${step.name}\` (${step.type}): \`${key}\` is not converted — regkit and GitHub have no such setting for this step type`);
    }
}
function body(step, c) {
    for (const k of steps_STEP_KEYS)
        if (step.fields.has(k) && k !== 'hooks')
            step.used.add(k);
    step.used.add('hooks');
    switch (step.type) {
        case 'git-clone':
            return gitClone(step, c);
        case 'build':
            return build(step, c);
        case 'push':
            return push(step, c);
        case 'freestyle':
            return freestyle(step, c);
        case 'composition':
        case 'launch-composition':
            return composition(step, c);
        default:
            return placeholder(step, c);
    }
}
function gitClone(step, c) {
    for (const k of ['repo', 'revision', 'git', 'credentials', 'depth', 'use_proxy'])
        field(step, k);
    if (step === c.mainClone) {
        const rev = fieldText(step, 'revision');
        // The run's own branch or commit is what actions/checkout takes anyway.
        if (rev && !/^\$\{\{\s*CF_(BRANCH|REVISION|SHORT_REVISION)\s*\}\}$/.test(rev.trim())) {
            c.checkoutRef = c.vars.expression(rev, step.pos);
            c.report.changed(step.fields.get('revision').keyPos, `git-clone \`${step.name}\`: revision ${rev} → the checkout's ref: every run builds ${rev}, not the commit that triggered it, as on Codefresh`);
        }
        c.report.converted(step.pos, `git-clone \`${step.name}\` → the job's actions/checkout (the repository and commit of the run); \${{${step.name}}} is the workspace`);
        return [];
    }
    const repo = fieldText(step, 'repo') ?? '';
    const m = /(?:github\.com[/:])?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repo.replace(/\$\{\{[^}]*\}\}/g, (v) => v));
    const withs = { repository: c.vars.expression(m ? m[1] : repo, step.pos), path: step.name };
    const rev = fieldText(step, 'revision');
    if (rev)
        withs.ref = c.vars.expression(rev, step.pos);
    if (step.fields.has('credentials'))
        c.report.skipped(step.fields.get('credentials').keyPos, `git-clone \`${step.name}\`: credentials → give actions/checkout a token: input (a secret with access to ${repo})`);
    c.report.changed(step.pos, `git-clone \`${step.name}\` (${repo}) → actions/checkout into ${step.name}/ (a GitHub repository is assumed; other hosts need a run: git clone)`);
    return [{ name: title(step, c), id: converter_uniqueId(step.name, c), uses: CHECKOUT, with: withs }];
}
function tagTemplates(step, c) {
    const tags = [...read_list(field(step, 'tag')?.value), ...read_list(field(step, 'tags')?.value)]
        .map((t) => t.trim())
        .filter(Boolean);
    const unique = [...new Set(tags.length ? tags : ['latest'])];
    return unique.map((t) => c.vars.template(t, step.pos));
}
function build(step, c) {
    c.counts.builds++;
    const imageName = fieldText(step, 'image_name');
    if (!imageName) {
        c.report.skipped(step.pos, `build \`${step.name}\` has no image_name (Codefresh needs one too); not converted`);
        return [];
    }
    const context = workingDirectory(step, c);
    const withs = {
        'image-name': c.vars.expression(imageName.trim(), step.pos),
        tags: tagTemplates(step, c).join('\n'),
    };
    if (context !== '.')
        withs.context = context;
    const df = field(step, 'dockerfile');
    if (df?.value.kind === 'map') {
        const content = df.value.entries.find((e) => e.key === 'content');
        const path = `${CODEFRESH_DIR}/${stepId(step.name)}.Dockerfile`;
        c.files.set(path, (yaml_tree_text(content?.value) ?? '').replace(/\n?$/, '\n'));
        withs.dockerfile = path;
        c.report.converted(df.keyPos, `build \`${step.name}\`: inline dockerfile → ${path}`);
    }
    else if (df) {
        const path = external_node_path_.posix.normalize(external_node_path_.posix.join(context, c.vars.expression(yaml_tree_text(df.value) ?? 'Dockerfile', step.pos)));
        if (path !== external_node_path_.posix.join(context, 'Dockerfile'))
            withs.dockerfile = path;
    }
    const target = fieldText(step, 'target');
    if (target)
        withs.target = c.vars.expression(target, step.pos);
    const args = field(step, 'build_arguments');
    if (args) {
        const lines = args.value.kind === 'map' ? args.value.entries.map((e) => `${e.key}=${yaml_tree_text(e.value) ?? ''}`) : read_list(args.value);
        const kept = lines
            .map((l) => l.trim())
            .filter((l) => /^[A-Za-z_][\w.-]*=/.test(l) ||
            (c.report.changed(args.keyPos, `build \`${step.name}\`: build argument \`${l}\` is not KEY=VALUE; dropped`),
                false));
        if (kept.length)
            withs['build-args'] = kept.map((l) => c.vars.template(l, step.pos)).join('\n');
    }
    const disable = ['true', 'yes'].includes(String(fieldText(step, 'disable_push')).toLowerCase());
    const registry = fieldText(step, 'registry');
    if (disable)
        withs['disable-push'] = 'true';
    else if (registry)
        withs.registry = c.registries.named(registry, step.pos, `build \`${step.name}\``);
    else
        c.registries.defaultRegistry(step.pos);
    const contexts = read_list(field(step, 'registry_contexts')?.value);
    if (contexts.length)
        withs['registry-contexts'] = contexts
            .map((r) => c.registries.named(r, step.pos, `build \`${step.name}\``))
            .join('\n');
    const platform = fieldText(step, 'platform');
    if (platform)
        withs.platforms = platform;
    for (const k of ['no_cf_cache', 'no_cache']) {
        const e = field(step, k);
        if (e && String(yaml_tree_text(e.value)) === 'true') {
            withs.cache = 'false';
            c.report.changed(e.keyPos, `build \`${step.name}\`: ${k} → cache: false (no caching registry); Docker's local layer cache is still used`);
        }
    }
    const bk = field(step, 'buildkit');
    if (bk)
        c.report.converted(bk.keyPos, `build \`${step.name}\`: buildkit — regkit builds with BuildKit when the runner's Docker has it`);
    const cacheFrom = field(step, 'cache_from');
    if (cacheFrom)
        c.report.changed(cacheFrom.keyPos, `build \`${step.name}\`: cache_from is not converted; regkit's caching registry keeps the cache (name one in .github/registries.yml)`);
    c.counts.buildsConverted++;
    c.report.converted(step.pos, `build \`${step.name}\` (${imageName}) → ${ACTIONS.build}${disable ? ' (disable-push)' : ` pushing to ${withs.registry ? `registry \`${withs.registry}\`` : 'the default registry'}`}`);
    return [{ name: title(step, c), id: converter_uniqueId(step.name, c), uses: ACTIONS.build, with: withs }];
}
/** A candidate as the pipeline writes it: a build step's reference, or a full image reference. */
function candidateOf(step, c) {
    const e = step.fields.get('candidate');
    const v = yaml_tree_text(e?.value)?.trim();
    if (!v)
        return { pos: e?.value.pos };
    const m = /^\$\{\{\s*([^}]*?)\s*\}\}$/.exec(v);
    if (m && c.pipeline.byName.has(m[1]))
        return { build: c.pipeline.byName.get(m[1]), ref: m[1], pos: e.value.pos };
    if (m)
        return { ref: m[1], pos: e.value.pos };
    return { image: v, pos: e.value.pos };
}
function push(step, c) {
    c.counts.pushes++;
    field(step, 'candidate');
    const cand = candidateOf(step, c);
    const imageName = fieldText(step, 'image_name');
    const withs = {};
    let what;
    if (cand.build) {
        withs.candidate = `\${{ steps.${stepId(cand.build.name)}.outputs.image }}`;
        const built = cand.build.fields.get('image_name');
        withs['image-name'] = c.vars.expression((imageName ?? yaml_tree_text(built?.value) ?? '').trim(), step.pos);
        what = `the image of build \`${cand.build.name}\``;
    }
    else {
        const image = c.vars.expression(cand.image, step.pos);
        withs.candidate = image;
        withs['image-name'] = c.vars.expression((imageName ?? withoutTag((0,naming.splitImageName)(cand.image).path)).trim(), step.pos);
        what = `${cand.image} (a copy from registry to registry: a promotion)`;
    }
    withs.tags = tagTemplates(step, c).join('\n');
    const registry = fieldText(step, 'registry');
    if (registry)
        withs.registry = c.registries.named(registry, step.pos, `push \`${step.name}\``);
    else
        c.registries.defaultRegistry(step.pos);
    const context = fieldText(step, 'registry_context');
    if (context)
        withs['registry-context'] = c.registries.named(context, step.pos, `push \`${step.name}\``);
    else if (cand.image) {
        const implied = c.registries.forImage(cand.image, step.pos, `push \`${step.name}\``);
        if (implied)
            withs['registry-context'] = implied;
    }
    const creds = field(step, 'credentials');
    if (creds?.value.kind === 'map') {
        const get = (k) => yaml_tree_text(creds.value.kind === 'map' ? creds.value.entries.find((e) => e.key === k)?.value : undefined);
        c.registries.credentials(withs.registry ?? c.registries.defaultRegistry(step.pos), get('username'), get('password'), creds.keyPos);
    }
    c.counts.pushesConverted++;
    c.report.converted(step.pos, `push \`${step.name}\` (${what}) → ${ACTIONS.push} to ${withs.registry ? `registry \`${withs.registry}\`` : 'the default registry'}`);
    return [{ name: title(step, c), id: converter_uniqueId(step.name, c), uses: ACTIONS.push, with: withs }];
}
function placeholder(step, c) {
    for (const k of step.fields.keys())
        step.used.add(k);
    const what = {
        deploy: 'deploy to Kubernetes with kubectl (azure/k8s-deploy) or your deploy tool',
        helm: 'install the chart with helm (azure/setup-helm, then helm upgrade --install)',
        'pending-approval': 'put the steps after it in a job with an environment that has required reviewers',
        'test-reporting': 'publish the report with actions/upload-artifact',
        'codefresh-run': 'trigger the other workflow with workflow_dispatch or workflow_call',
        'git-commit': 'commit and push with git in a run: step',
    };
    const hint = what[step.type] ?? `find a GitHub action that does what the ${step.type} plugin did`;
    c.report.skipped(step.pos, `step \`${step.name}\` (type ${step.type}) has no regkit equivalent: a placeholder step warns in its place — ${hint}`);
    return [
        {
            name: `TODO ${title(step, c)}`,
            id: converter_uniqueId(step.name, c),
            run: `echo "::warning::Codefresh step ${step.name} (type ${step.type}) was not converted; see MIGRATION.md"`,
            commentBefore: ` Codefresh step \`${step.name}\` (type ${step.type}, ${c.pipeline.file}:${step.pos.line}) was not converted: ${hint}.`,
        },
    ];
}

;// CONCATENATED MODULE: ./src/migrate/codefresh/index.ts
/**
 * `regkit migrate --from codefresh`: a Codefresh pipeline → a GitHub workflow on regkit's
 * actions, a registries file naming every integration the pipeline uses, and MIGRATION.md
 * with every line of the pipeline accounted for. Broken input (invalid YAML, an unknown
 * step type, a candidate that names no step) gives errors and no files.
 */















const BRANCH_FILTERS_FILE = `${CODEFRESH_DIR}/branch-filters.cjs`;
// The helper is the Codeship migration's; only its opening comment speaks of Codefresh here.
const BRANCH_FILTERS_HEADER = `// Written by \`regkit migrate --from codefresh\`. Evaluates the pipeline's when.branch
// lists for this build's branch (CF_BRANCH). FILTERS maps an output name to [source, flags]
// of a JavaScript regexp, as Codefresh matched them.
`;
const TOP_KEYS = ['version', 'steps', 'stages', 'mode', 'hooks', 'fail_fast', 'build_version', 'indicators'];
function migrateCodefresh(opts) {
    const report = new Report();
    const files = new Map();
    const fail = () => ({
        ok: false,
        files: new Map(),
        report,
        text: reportSections(report, [['error', 'Errors in the pipeline']]).join('\n'),
    });
    let source;
    try {
        source = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(opts.cwd, opts.pipeline), 'utf8');
    }
    catch (e) {
        report.error(undefined, `${opts.pipeline}: cannot read: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
        return fail();
    }
    const parsed = parseTree(opts.pipeline, source);
    if (!parsed.ok) {
        report.error(parsed.pos, `not valid YAML: ${parsed.message}`);
        return fail();
    }
    const pipeline = readPipeline(opts.pipeline, parsed.root, report);
    if (!pipeline)
        return fail();
    const steps = allSteps(pipeline.steps);
    for (const s of steps) {
        if (s.type !== 'push')
            continue;
        const cand = candidateOf(s, { pipeline });
        if (!cand.pos)
            report.error(s.pos, `push \`${s.name}\` has no candidate (the image to push): add candidate: \${{<build step>}}`);
        else if (cand.ref && !cand.build)
            report.error(cand.pos, `push \`${s.name}\`: candidate \${{${cand.ref}}} names no step${suggestion(cand.ref, [...pipeline.byName.keys()])}`);
        else if (cand.build && cand.build.type !== 'build')
            report.error(cand.pos, `push \`${s.name}\`: candidate \${{${cand.ref}}} is a ${cand.build.type} step, not a build`);
    }
    if (report.count('error'))
        return fail();
    const mainClone = steps.find((s, i) => s.type === 'git-clone' && isMainClone(s, steps.findIndex((x) => x.type === 'git-clone') === i));
    const vars = new Variables(pipeline, report, (s) => (s === mainClone ? '.' : s.name));
    for (const s of steps)
        for (const l of [...listText(s, 'commands')])
            for (const m of l.matchAll(/cf_export\s+([^;&|]+)/g))
                for (const w of m[1].split(/\s+/))
                    if (/^\w+/.test(w))
                        vars.exported.add(w.split('=')[0]);
    const registries = new Integrations(report);
    const filters = new Map();
    const c = {
        pipeline,
        report,
        vars,
        registries,
        files,
        mainClone,
        containerEnv: [],
        ids: new Set([FILTER_STEP, 'codefresh']),
        when: { vars, report, steps: pipeline.byName, scaled: pipeline.scaled, filters, mainClone, jobOf: new Map() },
        counts: { builds: 0, pushes: 0, buildsConverted: 0, pushesConverted: 0 },
    };
    const ordered = pipeline.mode === 'parallel' ? dependencyOrder(pipeline.steps) : pipeline.steps;
    // A parallel step of freestyle steps that only read the fresh checkout can be parallel jobs.
    const lead = ordered.findIndex((s) => s !== mainClone);
    const split = lead >= 0 && separable(ordered[lead], ordered.slice(0, lead), mainClone) ? ordered[lead] : undefined;
    const parallelJobs = [];
    const converted = [];
    for (const s of ordered) {
        if (s !== split) {
            converted.push(...convertStep(s, c));
            continue;
        }
        const taken = new Set(['build']);
        parallelChildren(s, c).forEach((steps, i) => {
            const child = s.children[i];
            const id = uniqueJobId(stepId(child.name), taken);
            for (const leaf of allSteps([child]))
                c.when.jobOf.set(leaf.name, id);
            if (steps.length)
                parallelJobs.push({ id, name: String(steps[0].name ?? child.name), steps });
        });
        report.changed(s.pos, `parallel step \`${s.name}\`: its ${s.children.length} steps run as parallel jobs (${parallelJobs.map((j) => j.id).join(', ')}), each on its own checkout — they only read the clone — and the steps after them wait for all of them (needs)`);
    }
    const hooks = topHooks(c);
    topLevel(c);
    const body = [...converted, ...hooks.after];
    const every = [...body, ...hooks.before, ...parallelJobs.flatMap((j) => j.steps)];
    const containerVars = [
        ...(vars.usesCf || every.some((s) => typeof s.run === 'string' && s.run.includes('__ENV__')) ? CF_VARIABLES : []),
        ...vars.exported,
    ];
    const userEnv = vars.workflowEnv();
    finishContainerEnv(every, [...new Set([...containerVars, ...Object.keys(userEnv)])]);
    const needsCf = vars.usesCf || every.some((s) => typeof s.run === 'string' && /\bCF_/.test(s.run));
    const head = [c.checkoutRef ? { uses: CHECKOUT, with: { ref: c.checkoutRef } } : { uses: CHECKOUT }];
    if (needsCf)
        head.push({
            name: "Codefresh's variables",
            id: 'codefresh',
            run: CODEFRESH_VARIABLES_SCRIPT,
            env: CODEFRESH_VARIABLES_STEP_ENV,
        });
    if (filters.size) {
        files.set(BRANCH_FILTERS_FILE, BRANCH_FILTERS_SOURCE.replace(/^(\/\/.*\n)+/, BRANCH_FILTERS_HEADER));
        head.push({
            name: 'Match the branch filters',
            id: FILTER_STEP,
            run: `node ${BRANCH_FILTERS_FILE}`,
            env: {
                BRANCH: '${{ env.CF_BRANCH }}',
                FILTERS: JSON.stringify(Object.fromEntries(filters)).replace(/\$\{\{/g, "${{ '${{' }}"),
            },
        });
    }
    if (registries.file.registries.length)
        head.push({ name: 'Log in to the registries', uses: ACTIONS.login });
    const workflowPath = `.github/workflows/${opts.name}.yml`;
    const env = { ...userEnv };
    for (const v of registries.credentialVars) {
        env[v] ??= `\${{ secrets.${v} }}`;
        if (!userEnv[v])
            report.skipped(undefined, `registry credentials use ${v}: create the repository secret ${v}`);
    }
    const workflow = {
        name: opts.name,
        on: 'push',
        permissions: { contents: 'read', packages: 'write' },
    };
    if (Object.keys(env).length)
        workflow.env = env;
    const jobSteps = {};
    const jobs = {};
    for (const j of parallelJobs) {
        jobSteps[j.id] = [...head, ...j.steps];
        jobs[j.id] = { name: j.name, 'runs-on': 'ubuntu-latest', steps: jobSteps[j.id] };
    }
    if (body.length || hooks.before.length || !parallelJobs.length) {
        jobSteps.build = [...head, ...hooks.before, ...body];
        jobs.build = {
            name: yaml_tree_text(entry(pipeline.root, 'name')?.value) ?? opts.name,
            ...(parallelJobs.length ? { needs: parallelJobs.map((j) => j.id) } : {}),
            'runs-on': 'ubuntu-latest',
            steps: jobSteps.build,
        };
    }
    for (const j of Object.values(jobs))
        j.steps = j.steps.map(({ commentBefore: _, ...s }) => s);
    workflow.jobs = jobs;
    const doc = new dist/* Document */.yo(workflow, { aliasDuplicateObjects: false });
    for (const [id, steps] of Object.entries(jobSteps)) {
        const seq = doc.getIn(['jobs', id, 'steps'], true);
        if ((0,dist/* isSeq */.oP)(seq))
            steps.forEach((s, i) => s.commentBefore && (0,dist/* isMap */.jh)(seq.items[i]) && (seq.items[i].commentBefore = s.commentBefore));
    }
    files.set(workflowPath, `# Converted from ${opts.pipeline} by \`regkit migrate --from codefresh\`; see MIGRATION.md.\n` +
        doc.toString({ lineWidth: 0 }));
    if (registries.file.registries.length)
        files.set('.github/registries.yml', registries.render(`# Registries for ${workflowPath}, one per Codefresh integration the pipeline uses; see MIGRATION.md.\n`));
    const outputs = [...files.keys()];
    const text_ = renderCodefreshReport(opts.pipeline, outputs, c, registries);
    files.set('MIGRATION.md', text_);
    return { ok: true, files, report, text: text_ };
}
/**
 * Whether a parallel step can be parallel jobs: nothing but the main clone ran before it
 * (so a fresh checkout is all it needs) and each of its steps is a freestyle step that
 * neither runs an image built here nor exports variables.
 */
function separable(step, before, mainClone) {
    if (step.type !== 'parallel' || step.children.length < 2 || before.some((s) => s !== mainClone))
        return false;
    return step.children.every((k) => {
        if (k.type !== 'freestyle' || k.fields.has('hooks'))
            return false;
        const text_ = JSON.stringify([...k.fields.values()].map((e) => e.value));
        return !/cf_export|env_vars_to_export/.test(text_) && !/^\$\{\{/.test(yaml_tree_text(k.fields.get('image')?.value) ?? '');
    });
}
function uniqueJobId(base, taken) {
    let id = /^[A-Za-z_]/.test(base) ? base : `j-${base}`;
    for (let i = 2; taken.has(id); i++)
        id = `${base}-${i}`;
    taken.add(id);
    return id;
}
function listText(s, key) {
    const v = s.fields.get(key)?.value;
    return v?.kind === 'seq' ? v.items.map((i) => yaml_tree_text(i) ?? '') : v ? [yaml_tree_text(v) ?? ''] : [];
}
/** mode: parallel runs each step when the steps its `when.steps` names are done: their order, file order otherwise. */
function dependencyOrder(steps) {
    const out = [];
    const placed = new Set();
    const deps = (s) => {
        const w = s.fields.get('when')?.value;
        const st = w?.kind === 'map' ? entry(w, 'steps')?.value : undefined;
        const items = st?.kind === 'seq'
            ? st.items
            : st?.kind === 'map'
                ? st.entries.flatMap((e) => (e.value.kind === 'seq' ? e.value.items : []))
                : [];
        return items
            .map((i) => (i.kind === 'map' ? yaml_tree_text(entry(i, 'name')?.value) : undefined))
            .filter((n) => !!n && steps.some((x) => x.name === n));
    };
    let left = [...steps];
    while (left.length) {
        const next = left.find((s) => deps(s).every((d) => placed.has(d))) ?? left[0];
        out.push(next);
        placed.add(next.name);
        left = left.filter((s) => s !== next);
    }
    return out;
}
function topHooks(c) {
    const out = { before: [], after: [] };
    const hooks = entry(c.pipeline.root, 'hooks');
    if (!hooks || hooks.value.kind !== 'map')
        return out;
    const cond = { on_success: 'success()', on_fail: 'failure()', on_finish: 'always()' };
    for (const h of hooks.value.entries) {
        const exec = h.value.kind === 'map'
            ? (entry(h.value, 'exec')?.value ?? (entry(h.value, 'image') ? h.value : undefined))
            : undefined;
        if (!exec || exec.kind !== 'map' || !(h.key in cond || h.key === 'on_elected')) {
            c.report.skipped(h.keyPos, `pipeline hook ${h.key} has no GitHub form (only exec: hooks are converted)`);
            continue;
        }
        const fake = {
            name: `hook_${h.key}`,
            pos: h.keyPos,
            type: 'freestyle',
            fields: new Map(exec.entries.map((e) => [e.key, e])),
            used: new Set(),
            children: [],
        };
        const steps = convertStep(fake, c).map((s) => ({
            ...s,
            name: `Pipeline hook ${h.key}`,
            ...(cond[h.key] ? { if: cond[h.key] } : {}),
        }));
        (h.key === 'on_elected' ? out.before : out.after).push(...steps);
    }
    return out;
}
function topLevel(c) {
    for (const e of c.pipeline.root.entries) {
        if (e.key === 'version')
            c.report.converted(e.keyPos, `version ${yaml_tree_text(e.value)}: nothing to convert`);
        else if (e.key === 'steps')
            c.report.converted(e.keyPos, `steps → job \`build\`, in the pipeline's order`);
        else if (e.key === 'stages')
            c.report.converted(e.keyPos, `stages: GitHub has no stages; the steps keep their order`);
        else if (e.key === 'mode')
            c.report.changed(e.keyPos, `mode ${yaml_tree_text(e.value)}${yaml_tree_text(e.value) === 'parallel' ? ': the steps run one after another in an order that keeps every when.steps dependency' : ''}`);
        else if (e.key === 'hooks')
            c.report.converted(e.keyPos, 'hooks: see the lines of each hook');
        else if (e.key === 'fail_fast')
            c.report.changed(e.keyPos, 'fail_fast of the pipeline: GitHub stops a job at the first failed step unless a step has continue-on-error');
        else
            c.report.skipped(e.keyPos, `\`${e.key}\` is not a key Codefresh reads at the top of a pipeline${suggestion(e.key, TOP_KEYS)}; ignored`);
    }
}
function renderCodefreshReport(file, outputs, c, registries) {
    const out = [
        '# Migration from Codefresh',
        '',
        `Converted \`${file}\` into:`,
        '',
        ...outputs.map((f) => `- \`${f}\``),
        `- \`MIGRATION.md\``,
        '',
    ];
    const { builds, pushes, buildsConverted, pushesConverted } = c.counts;
    out.push(`Build steps: ${builds} in the pipeline, ${buildsConverted} converted. Push steps: ${pushes} in the pipeline, ${pushesConverted} converted.`, '');
    const todo = [];
    if (registries.file.registries.length) {
        todo.push('Fill in `.github/registries.yml`: every registry marked `# fill in:` and the credentials of each (Codefresh kept them in its integrations, which the pipeline does not show).');
        todo.push("Carry over your Codefresh account's registry settings, which the pipeline cannot show: which registry is the default (`default:`), which one caches builds (`caching:`), fallbacks (`fallback:`), each registry's repository prefix (`prefix:`) and the primary registry per domain (`primary: true`).");
    }
    todo.push("Check the trigger: the workflow runs `on: push`; Codefresh's triggers (branches, pull requests, tags) were set in its UI.");
    if (c.report.count('skipped'))
        todo.push('Read the lines under "Not converted" below: each names the pipeline line and what to do.');
    out.push('## Before the first run', '', ...todo.map((t) => `- ${t}`), '');
    out.push(...reportSections(c.report, [
        ['skipped', 'Not converted'],
        ['changed', 'Converted, with a difference to check'],
        ['converted', 'Converted'],
    ]));
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/migrate/index.ts
/**
 * `regkit migrate`: Codeship Pro's services and steps files → a GitHub workflow using
 * regkit's actions, a registries file, and a report of everything that was and was not
 * converted. Never throws on bad input: problems become report lines.
 */















const SERVICES_FILES = [
    'codeship-services.yml',
    'codeship-services.yaml',
    'codeship-services.json',
    'docker-compose.yml',
    'docker-compose.yaml',
];
const STEPS_FILES = [
    'codeship-steps.yml',
    'codeship-steps.yaml',
    'codeship-steps.json',
    'jet-steps.yml',
    'jet-steps.json',
];
function migrate(opts) {
    const report = new Report();
    const files = new Map();
    const workflowPath = `.github/workflows/${opts.name}.yml`;
    const servicesFile = locate(opts.cwd, opts.services, SERVICES_FILES, 'services', report);
    const stepsFile = locate(opts.cwd, opts.steps, STEPS_FILES, 'steps', report);
    const servicesTree = servicesFile && load(opts.cwd, servicesFile, report);
    const stepsTree = stepsFile && load(opts.cwd, stepsFile, report);
    const services = servicesTree ? readServices(servicesTree, report) : new Map();
    const steps = stepsTree && servicesTree ? readSteps(stepsTree, services, servicesFile, report) : [];
    const pushesInFile = stepsTree ? countPushes(stepsTree) : 0;
    if (!servicesTree || !stepsTree) {
        const text = renderReport({
            report,
            servicesFile,
            stepsFile,
            outputs: [],
            pushesInFile,
            pushesConverted: 0,
            secrets: [],
            failed: true,
        });
        files.set('MIGRATION.md', text);
        return { ok: false, files, report, text };
    }
    const owner = opts.owner ?? gitOwner(opts.cwd);
    const registries = new RegistryPlanner(services, report, owner);
    checkReferences(services, servicesFile, report);
    const leaves = collect(steps);
    const used = new Set(leaves.map((l) => l.service));
    for (const l of leaves)
        if (l.type === 'run')
            for (const c of companionsOf(l.service, services).order)
                used.add(c.service.name);
    for (const name of used)
        registries.forService(services.get(name));
    for (const l of leaves) {
        if ((l.type === 'push' || l.type === 'pull') && l.imageName)
            registries.forStep(l, l.imageName);
        else if (l.type === 'run')
            registries.forRun(l);
    }
    registries.unmatched();
    const referenced = new Set([...used].flatMap((n) => [...services.get(n).refs, services.get(n).dockercfgService ?? '']));
    for (const l of leaves)
        if (l.credentials?.kind === 'generator')
            referenced.add(l.credentials.service);
    for (const s of services.values()) {
        if (!used.has(s.name) && !referenced.has(s.name))
            report.skipped(s.pos, `service \`${s.name}\` is used by no step; nothing is generated for it, as Codeship started it for no step either`);
    }
    const inlineArgsFiles = new Map();
    for (const name of used) {
        const b = services.get(name).build;
        if (!b?.encryptedArgs)
            continue;
        if (b.encryptedArgsFile) {
            report.skipped(b.pos, `service \`${name}\`: both encrypted_args and encrypted_args_file; the build action takes one file, so encrypted_args_file is used — move the inline args into it (regkit decrypt, add the lines, regkit encrypt)`);
            continue;
        }
        const path = `${HELPER_DIR}/${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.build-args.encrypted`;
        files.set(path, b.encryptedArgs.trim() + '\n');
        inlineArgsFiles.set(name, path);
        report.converted(b.pos, `service \`${name}\`: encrypted_args written as it is to ${path} (jet v1) for encrypted-build-args`);
    }
    const needsKey = registries.file.registries.some((r) => r.env_file || (r.credentials && 'encrypted_dockercfg' in r.credentials)) ||
        [...used].some((n) => services.get(n).encryptedEnvFiles.length ||
            services.get(n).build?.encryptedArgs ||
            services.get(n).build?.encryptedArgsFile);
    // Codeship read paths in the services file relative to its folder.
    const servicesDir = external_node_path_.posix.dirname((0,external_node_path_.relative)(opts.cwd, (0,external_node_path_.resolve)(opts.cwd, servicesFile)).split('\\').join('/'));
    const ctx = {
        services,
        registries,
        report,
        needsKey,
        inlineArgsFiles,
        usesFilters: { value: false },
        usesDecrypt: { value: false },
        reportedBuilds: new Set(),
        reportedCycles: new Set(),
        reportedVolumes: new Set(),
        servicesDir,
    };
    const plans = layout(steps, report);
    const reportedFilters = new Set();
    const jobs = {};
    for (const plan of plans)
        jobs[plan.id] = buildJob(plan, ctx, reportedFilters);
    const pushesConverted = countEmitted(jobs);
    const workflow = {
        name: opts.name,
        on: 'push',
        permissions: { contents: 'read', packages: 'write' },
    };
    const env = {};
    if (registries.file.registries.some((r) => r.provider === 'ghcr' && !r.credentials))
        env.GITHUB_TOKEN = '${{ github.token }}';
    if (leaves.some((l) => l.type === 'run'))
        Object.assign(env, CI_ENV);
    if (Object.keys(env).length)
        workflow.env = env;
    workflow.jobs = Object.keys(jobs).length
        ? jobs
        : { empty: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'echo "The Codeship steps file has no steps."' }] } };
    const header = `# Converted from ${stepsFile} and ${servicesFile} by \`regkit migrate\`; see MIGRATION.md.\n`;
    files.set(workflowPath, header + new dist/* Document */.yo(workflow).toString({ lineWidth: 0 }));
    if (registries.file.registries.length) {
        const regHeader = `# Registries for ${workflowPath}, converted from Codeship's credentials by \`regkit migrate\`.\n`;
        const { version, caching, registries: list } = registries.file;
        files.set('.github/registries.yml', regHeader +
            new dist/* Document */.yo({ version, ...(caching ? { caching } : {}), registries: list }).toString({ lineWidth: 0 }));
    }
    if (ctx.usesFilters.value)
        files.set(BRANCH_FILTERS, BRANCH_FILTERS_SOURCE);
    if (ctx.usesDecrypt.value)
        files.set(DECRYPT_ENV, DECRYPT_ENV_SOURCE);
    const secrets = needsKey ? [AES_SECRET] : [];
    const outputs = [...files.keys()].filter((f) => f !== 'MIGRATION.md');
    const text = renderReport({
        report,
        servicesFile,
        stepsFile,
        outputs,
        pushesInFile,
        pushesConverted,
        secrets,
        failed: false,
        manual: plans.some((p) => p.environment),
    });
    files.set('MIGRATION.md', text);
    return { ok: true, files, report, text };
}
function locate(cwd, given, names, what, report) {
    if (given) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, given)))
            return given;
        report.error(undefined, `${given}: no such ${what} file`);
        return undefined;
    }
    const found = names.find((n) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, n)));
    if (!found)
        report.error(undefined, `no ${what} file: looked for ${names.join(', ')} in ${(0,external_node_path_.relative)(process.cwd(), cwd) || '.'}`);
    return found;
}
function load(cwd, file, report) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, file), 'utf8');
    }
    catch (e) {
        report.error(undefined, `${file}: cannot read: ${e.message}`);
        return undefined;
    }
    const parsed = parseTree(file, text);
    if (!parsed.ok) {
        report.error(parsed.pos, `not valid YAML: ${parsed.message}; nothing in this file is converted`);
        return undefined;
    }
    return parsed.root;
}
function collect(steps) {
    return steps.flatMap((s) => 'steps' in s ? [...collect(s.steps), ...collect(s.onFail)] : [s, ...collect(s.onFail)]);
}
/** Push steps as written in the file, before any could be lost to a broken reference. */
function countPushes(node) {
    if (node.kind === 'seq')
        return node.items.reduce((n, i) => n + countPushes(i), 0);
    if (node.kind !== 'map')
        return 0;
    const self = node.entries.some((e) => e.key === 'type' && e.value.kind === 'scalar' && e.value.value === 'push')
        ? 1
        : 0;
    return (self +
        node.entries.filter((e) => e.key === 'steps' || e.key === 'on_fail').reduce((n, e) => n + countPushes(e.value), 0));
}
function countEmitted(jobs) {
    let n = 0;
    for (const job of Object.values(jobs))
        n += job.steps.filter((s) => s.uses?.includes('/push@')).length;
    return n;
}
/** The GitHub owner of the repository at cwd, from .git/config's origin, in lower case. */
function gitOwner(cwd) {
    try {
        const config = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(cwd, '.git', 'config'), 'utf8');
        const m = /url\s*=\s*(?:https?:\/\/|git@|ssh:\/\/git@)github\.com[:/]([A-Za-z0-9-]+)\//.exec(config);
        return m ? m[1].toLowerCase() : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/commands/migrate.ts





const migrate_usage = `usage: regkit migrate [--from codeship] [--services FILE] [--steps FILE] [--out DIR] [--name NAME]
       regkit migrate --from codefresh [--pipeline FILE] [--out DIR] [--name NAME]

Turns Codeship Pro's codeship-services.yml and codeship-steps.yml into
DIR/.github/workflows/NAME.yml (regkit's actions), DIR/.github/registries.yml and
DIR/MIGRATION.md, and prints the report: what was converted and, with file:line,
what was not and why.

Codefresh: turns a pipeline (codefresh.yml) into the same three files; a broken
pipeline writes nothing.

  --from SYSTEM    codeship (default) or codefresh
  --pipeline FILE  Codefresh pipeline (default: codefresh.yml, then codefresh.yaml)
  --services FILE  services file (default: codeship-services.yml, .yaml, .json,
                   then docker-compose.yml in the current folder)
  --steps FILE     steps file (default: codeship-steps.yml, .yaml, .json)
  --out DIR        where to write (default: the current folder)
  --name NAME      workflow file name without .yml (default: codeship or codefresh)

See docs/migrate.md.`;
const command = {
    usage: migrate_usage,
    async run(argv) {
        const { values } = (0,usage/* parse */.q)(argv, {
            from: { type: 'string' },
            pipeline: { type: 'string' },
            services: { type: 'string' },
            steps: { type: 'string' },
            out: { type: 'string' },
            name: { type: 'string' },
        }, { min: 0, max: 0 });
        const from = values.from ?? 'codeship';
        if (from !== 'codeship' && from !== 'codefresh')
            throw new usage/* UsageError */.e(`--from ${from}: use codeship or codefresh`);
        if (from === 'codefresh' && (values.services || values.steps))
            throw new usage/* UsageError */.e('--services and --steps are for --from codeship; a Codefresh pipeline is one file: --pipeline FILE');
        if (from === 'codeship' && values.pipeline)
            throw new usage/* UsageError */.e('--pipeline is for --from codefresh');
        const name = values.name ?? from;
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
            throw new usage/* UsageError */.e(`--name ${name}: use letters, digits, ".", "_" and "-"`);
        const out = (0,external_node_path_.resolve)(values.out ?? '.');
        if (from === 'codefresh') {
            const pipeline = values.pipeline ?? (['codefresh.yml', 'codefresh.yaml'].find((f) => (0,external_node_fs_.existsSync)(f)) || 'codefresh.yml');
            const result = migrateCodefresh({ cwd: process.cwd(), pipeline, name });
            if (!result.ok) {
                const first = result.report.lines.find((l) => l.level === 'error');
                throw new errors/* UserError */.yo(`${first.pos ? `${where(first.pos)}: ` : ''}${first.message}`);
            }
            write(out, result.files);
            process.stdout.write(result.text);
            return;
        }
        const result = migrate({ cwd: process.cwd(), services: values.services, steps: values.steps, name });
        write(out, result.files);
        process.stdout.write(result.text);
        if (!result.ok) {
            const first = result.report.lines.find((l) => l.level === 'error');
            const at = first?.pos ? `${where(first.pos)}: ` : '';
            throw new errors/* UserError */.yo(`${at}${first?.message ?? 'the Codeship files could not be read'} (report in ${(0,external_node_path_.join)(values.out ?? '.', 'MIGRATION.md')})`);
        }
    },
};
function write(out, files) {
    for (const [path, content] of files) {
        const full = (0,external_node_path_.join)(out, path);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(full), { recursive: true });
        // Written beside and renamed, so a reader never sees half a file.
        const tmp = `${full}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(tmp, content);
        (0,external_node_fs_.renameSync)(tmp, full);
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





/***/ })

};
