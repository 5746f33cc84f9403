export const id = 60;
export const ids = [60];
export const modules = {

/***/ 3060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COLUMNS: () => (/* reexport */ COLUMNS),
  describeChoice: () => (/* reexport */ describeChoice),
  formatJson: () => (/* reexport */ formatJson),
  formatTable: () => (/* reexport */ formatTable),
  listImages: () => (/* reexport */ listImages),
  listImagesForJob: () => (/* reexport */ listImagesForJob),
  matches: () => (/* reexport */ matches),
  parseQuery: () => (/* reexport */ parseQuery),
  parseSince: () => (/* reexport */ parseSince),
  pullRef: () => (/* reexport */ pullRef),
  renderHtml: () => (/* reexport */ renderHtml),
  resolveQuery: () => (/* reexport */ resolveQuery),
  tableCells: () => (/* reexport */ tableCells)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/registry/index.ts + 23 modules
var registry = __webpack_require__(741);
;// CONCATENATED MODULE: ./src/image-build/labels.ts
/**
 * Image labels: the OCI annotations (org.opencontainers.image.*) plus regkit's
 * own keys for what Codefresh shows beside an image — branch and commit message —
 * so that they travel with the image; then the user's `labels`, which win.
 */

const LABEL_BRANCH = 'io.regkit.branch';
const LABEL_COMMIT_MESSAGE = 'io.regkit.commit-message';
/** The default labels; facts that are unknown are left out rather than written empty. */
function ociLabels(f) {
    const pairs = [
        ['org.opencontainers.image.source', f.source],
        ['org.opencontainers.image.revision', f.revision],
        ['org.opencontainers.image.created', f.created.toISOString()],
        ['org.opencontainers.image.version', f.version],
        ['org.opencontainers.image.title', f.title],
        [LABEL_BRANCH, f.branch],
        [LABEL_COMMIT_MESSAGE, f.message],
    ];
    return Object.fromEntries(pairs.filter((p) => p[1] !== undefined && p[1] !== ''));
}
/** A tag variable's value, or undefined when it cannot be known here (no git, no payload). */
function field(dot, name) {
    try {
        const v = dot.fields[name];
        return typeof v === 'string' ? v : undefined;
    }
    catch (err) {
        if (err instanceof UserError)
            return undefined;
        throw err;
    }
}
/** The facts from the tag variables and the runner's environment. */
function labelFacts(dot, env, opts) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    return {
        source: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined,
        revision: field(dot, 'CommitID'),
        created: opts.now ?? new Date(),
        version: opts.version,
        title: opts.title,
        branch: field(dot, 'Branch'),
        message: field(dot, 'CommitMessage'),
    };
}
/** `labels` lines: KEY=VALUE, values as written. */
function parseLabels(input, inputName = 'labels') {
    const out = {};
    input.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new UserError(`${inputName} line ${i + 1}: expected KEY=VALUE (got ${JSON.stringify(line.length > 40 ? line.slice(0, 37) + '...' : line)})`);
        out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    });
    return out;
}

;// CONCATENATED MODULE: ./src/images/image.ts
/**
 * One image as the listing shows it: where it is, what it is (digest,
 * platforms, size, creation time) and what built it (the OCI and regkit labels).
 */

const LABELS = {
    revision: 'org.opencontainers.image.revision',
    source: 'org.opencontainers.image.source',
    created: 'org.opencontainers.image.created',
    base: 'org.opencontainers.image.base.name',
    version: 'org.opencontainers.image.version',
    branch: LABEL_BRANCH,
    message: LABEL_COMMIT_MESSAGE,
};
/** The full reference by digest, and by its first tag when it has one. */
function pullRef(row, byTag = true) {
    const name = `${row.domain}/${row.repository}`;
    return byTag && row.tags.length ? `${name}:${row.tags[0]}` : `${name}@${row.digest}`;
}
/** Newest first; images without a creation time last. */
function byNewest(a, b) {
    return (b.created ?? '').localeCompare(a.created ?? '');
}

;// CONCATENATED MODULE: ./src/images/describe.ts
/**
 * What one tag or digest of a repository is: its manifest (and for an index,
 * the first platform's manifest), and that image's config for the platform,
 * creation time and labels. Manifests and configs already read in this listing
 * are not read again (many tags share a digest, many images a config).
 */


/** Counts the requests of a listing and stops it past its budget. */
class Budget {
    limit;
    spent = 0;
    constructor(limit) {
        this.limit = limit;
    }
    spend(n = 1) {
        if (this.spent + n > this.limit)
            throw new BudgetExceeded(this.limit);
        this.spent += n;
    }
}
class BudgetExceeded extends Error {
    limit;
    name = 'BudgetExceeded';
    constructor(limit) {
        super(`request budget of ${limit} used up`);
        this.limit = limit;
    }
}
const describeCache = () => ({ byDigest: new Map(), configs: new Map() });
const describe_text = (v) => (typeof v === 'string' && v ? v : undefined);
function readLabels(config) {
    const inner = (config.config ?? {});
    const out = {};
    for (const [k, v] of Object.entries(inner.Labels ?? {}))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
const blobBytes = (m) => m.blobs.reduce((n, b) => n + b.size, 0);
async function config(repo, manifest, cache, budget) {
    const digest = manifest.json.config?.digest ?? manifest.digest;
    const key = `${repo.session.base.origin} ${digest}`;
    let work = cache.configs.get(key);
    if (!work) {
        budget.spend();
        work = (0,registry.readImageConfig)(repo, manifest);
        cache.configs.set(key, work);
    }
    return work;
}
async function fromManifest(repo, top, cache, budget) {
    let image = top;
    let platforms = [];
    if ((0,registry.isIndexType)(top.mediaType)) {
        const children = top.children.filter((c) => !(0,registry.isAttestation)(c));
        platforms = children.map((c) => (0,registry.formatPlatform)(c.platform));
        if (!children.length)
            return { digest: top.digest, kind: 'index', platforms, size: 0 };
        budget.spend();
        image = await (0,registry.getManifest)(repo, children[0].digest);
    }
    const json = image.json.config ? await config(repo, image, cache, budget) : {};
    const labels = readLabels(json);
    if (!(0,registry.isIndexType)(top.mediaType)) {
        const p = (0,registry.configPlatform)(json);
        platforms = p ? [(0,registry.formatPlatform)(p)] : [];
    }
    return {
        digest: top.digest,
        kind: (0,registry.isIndexType)(top.mediaType) ? 'index' : 'image',
        platforms,
        size: blobBytes(image),
        created: describe_text(json.created) ?? describe_text(labels[LABELS.created]),
        branch: describe_text(labels[LABELS.branch]),
        revision: describe_text(labels[LABELS.revision]),
        message: describe_text(labels[LABELS.message]),
        source: describe_text(labels[LABELS.source]),
        base: describe_text(labels[LABELS.base]),
        version: describe_text(labels[LABELS.version]),
    };
}
/** Describes `reference` (a tag or digest) in `repo`. */
async function describeImage(repo, reference, cache, budget) {
    const key = (digest) => `${repo.session.base.origin}/${repo.path}@${digest}`;
    if (reference.includes(':')) {
        let work = cache.byDigest.get(key(reference));
        if (!work) {
            budget.spend();
            work = (0,registry.getManifest)(repo, reference).then((m) => fromManifest(repo, m, cache, budget));
            cache.byDigest.set(key(reference), work);
        }
        return work;
    }
    budget.spend();
    const top = await (0,registry.getManifest)(repo, reference);
    let work = cache.byDigest.get(key(top.digest));
    if (!work) {
        work = fromManifest(repo, top, cache, budget);
        cache.byDigest.set(key(top.digest), work);
    }
    return work;
}

;// CONCATENATED MODULE: ./src/images/glob.ts
/** Shell-style patterns for names and tags: `*` any run of characters, `?` one; nothing else is special. */
function globMatcher(pattern) {
    if (!/[*?]/.test(pattern))
        return (text) => text === pattern;
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    const re = new RegExp(`^${source}$`);
    return (text) => re.test(text);
}
const isGlob = (pattern) => /[*?]/.test(pattern);

;// CONCATENATED MODULE: ./src/images/filter.ts
/**
 * The listing's filters. All given filters must hold (AND), as on Codefresh's
 * Images page: branch, tag and base take `*`/`?` patterns; revision matches a
 * commit by its full hash or a prefix of at least 7 characters.
 */


/** --since: an ISO date or time, or an age such as 36h, 7d, 2w. */
function parseSince(text, now = Date.now()) {
    const age = /^(\d+)\s*([mhdw])$/.exec(text.trim());
    if (age) {
        const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }[age[2]];
        return new Date(now - Number(age[1]) * unit);
    }
    const at = new Date(text.trim());
    if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(at.getTime())) {
        throw new errors/* UserError */.yo(`since: "${text}" is neither a date (2026-01-31, 2026-01-31T12:00:00Z) nor an age (36h, 7d, 2w)`);
    }
    return at;
}
/** Whether a tag may name a matching image (decided before the image is read, to spare requests). */
function tagMatcher(filter) {
    return filter.tag ? globMatcher(filter.tag) : () => true;
}
function matches(row, filter) {
    if (filter.tagged !== undefined && row.tags.length > 0 !== filter.tagged)
        return false;
    if (filter.tag && !row.tags.some(globMatcher(filter.tag)))
        return false;
    if (filter.branch && !(row.branch !== undefined && globMatcher(filter.branch)(row.branch)))
        return false;
    if (filter.base && !(row.base !== undefined && globMatcher(filter.base)(row.base)))
        return false;
    if (filter.revision) {
        const want = filter.revision.toLowerCase();
        if (!row.revision ||
            !(want.length >= 7 ? row.revision.toLowerCase().startsWith(want) : row.revision.toLowerCase() === want))
            return false;
    }
    if (filter.since && !(row.created && new Date(row.created) >= filter.since))
        return false;
    return true;
}

;// CONCATENATED MODULE: ./src/images/list.ts
/**
 * Every image across registries: repositories from each registry's catalog (or
 * the names given), their tags, and what each tag is. At most `parallel`
 * images are read at once per registry, and at most `budget` requests are made
 * to one registry: past it the listing stops there and says so.
 *
 *   const { rows } = await listImages({ registries, sessions, filter: { branch: 'main' } });
 */






const withPrefix = (r, name) => r.prefix && !name.startsWith(`${r.prefix}/`) ? `${r.prefix}/${name}` : name;
async function repositoriesOf(r, opts, budget) {
    const patterns = (opts.repositories ?? []).map((p) => withPrefix(r, p.trim())).filter(Boolean);
    if (patterns.length && !patterns.some(isGlob))
        return [...new Set(patterns)];
    budget.spend();
    const catalog = await (0,registry.listCatalog)(await opts.sessions.get(r.domain));
    if (!catalog) {
        const what = patterns.length
            ? `patterns (${patterns.filter(isGlob).join(', ')}) need it`
            : 'name the repositories with --repository';
        throw new errors/* UserError */.yo(`registry ${r.name} (${r.domain}) offers no catalog of its repositories to this account; ${what}`);
    }
    const wanted = patterns.length
        ? patterns.map(globMatcher)
        : [r.prefix ? (n) => n.startsWith(`${r.prefix}/`) : () => true];
    return catalog.filter((n) => wanted.some((w) => w(n)));
}
async function listRegistry(r, opts, cache, budget) {
    const filter = opts.filter ?? {};
    const limit = (0,registry.limiter)(opts.parallel ?? 8);
    const progress = {
        registry: r.name,
        repositories: 0,
        repositoriesDone: 0,
        images: 0,
        imagesDone: 0,
        requests: 0,
    };
    const report = () => opts.onProgress?.({ ...progress, requests: budget.spent });
    const repos = await repositoriesOf(r, opts, budget);
    progress.repositories = repos.length;
    report();
    const session = await opts.sessions.get(r.domain);
    const wantTag = tagMatcher(filter);
    // Only the requests hold one of the `parallel` places (a repository waiting for its images must not).
    const perRepo = repos.map(async (path) => {
        const repo = (0,registry.readRepository)(session, path);
        const tags = await limit(() => (budget.spend(), (0,registry.listTags)(repo)));
        progress.repositoriesDone++;
        const plain = tags.filter((t) => !(0,registry.attachedTag)(t));
        const attached = new Map();
        for (const t of tags) {
            const a = (0,registry.attachedTag)(t);
            if (a)
                attached.set(a.digest, [...(attached.get(a.digest) ?? []), a.kind]);
        }
        const chosen = plain.filter(wantTag);
        progress.images += chosen.length;
        report();
        const described = await Promise.all(chosen.map((tag) => limit(async () => {
            // One unreadable image (a schema 1 manifest, a broken config) is named, not fatal.
            const d = await describeImage(repo, tag, cache, budget).catch((err) => {
                if (err instanceof BudgetExceeded || !(err instanceof errors/* UserError */.yo))
                    throw err;
                opts.warn?.(`registry ${r.name}: skipped ${path}:${tag}: ${err.message}`);
                return undefined;
            });
            progress.imagesDone++;
            report();
            return { tag, d };
        }))).then((all) => all.filter((x) => x.d !== undefined));
        const rows = new Map();
        for (const { tag, d } of described) {
            const row = rows.get(d.digest) ?? {
                registry: r.name,
                domain: session.name,
                repository: path,
                tags: [],
                attached: attached.get(d.digest) ?? [],
                ...d,
            };
            row.tags.push(tag);
            rows.set(d.digest, row);
        }
        // The API cannot list untagged manifests; those a signature or attestation still names can be found.
        if (filter.tagged !== true && !filter.tag) {
            const orphans = [...attached.keys()].filter((digest) => !rows.has(digest) && !described.some((x) => x.d.digest === digest));
            for (const digest of orphans) {
                const d = await limit(() => describeImage(repo, digest, cache, budget)).catch((err) => {
                    if (err instanceof BudgetExceeded)
                        throw err;
                    return undefined; // the signed image itself is gone
                });
                if (d)
                    rows.set(digest, {
                        registry: r.name,
                        domain: session.name,
                        repository: path,
                        tags: [],
                        attached: attached.get(digest) ?? [],
                        ...d,
                    });
            }
        }
        for (const row of rows.values())
            row.tags.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        return [...rows.values()];
    });
    const settled = await Promise.allSettled(perRepo);
    const failed = settled.find((s) => s.status === 'rejected' && !(s.reason instanceof BudgetExceeded));
    if (failed)
        throw failed.reason;
    if (settled.some((s) => s.status === 'rejected')) {
        opts.warn?.(`registry ${r.name}: stopped after ${budget.limit} requests (the request budget); the listing of it is incomplete`);
    }
    return settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
}
async function listImages(opts) {
    const cache = describeCache();
    const requests = {};
    const perRegistry = await Promise.all(opts.registries.map(async (r) => {
        const budget = new Budget(opts.budget ?? 5000);
        try {
            return await listRegistry(r, opts, cache, budget);
        }
        catch (err) {
            if (!(err instanceof BudgetExceeded))
                throw err;
            opts.warn?.(`registry ${r.name}: stopped after ${budget.limit} requests (the request budget); the listing of it is incomplete`);
            return [];
        }
        finally {
            requests[r.name] = budget.spent;
        }
    }));
    const filter = opts.filter ?? {};
    const rows = perRegistry.flat().filter((row) => matches(row, filter));
    rows.sort((a, b) => byNewest(a, b) || a.repository.localeCompare(b.repository));
    return { rows, requests };
}

;// CONCATENATED MODULE: ./src/images/table.ts
/** The listing for a terminal (aligned columns) and for scripts (JSON). */

const shortDigest = (digest) => digest.replace(/^sha256:/, '').slice(0, 12);
const shortCommit = (revision) => (revision ? revision.slice(0, 7) : '');
/** 2026-01-31 12:00 (UTC), or '' */
const shortTime = (iso) => iso && !Number.isNaN(new Date(iso).getTime()) ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '';
const firstLine = (text = '', max = 50) => {
    const line = text.split('\n')[0].trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const COLUMNS = [
    'REGISTRY',
    'IMAGE',
    'TAGS',
    'DIGEST',
    'PLATFORMS',
    'SIZE',
    'CREATED',
    'BRANCH',
    'COMMIT',
    'MESSAGE',
    'ATTACHED',
];
function tableCells(row) {
    return [
        row.registry,
        row.repository,
        row.tags.join(', ') || '<untagged>',
        shortDigest(row.digest),
        row.platforms.join(', '),
        (0,registry.formatBytes)(row.size),
        shortTime(row.created),
        row.branch ?? '',
        shortCommit(row.revision),
        firstLine(row.message),
        [...new Set(row.attached)].join(', '),
    ];
}
function formatTable(rows) {
    const lines = [[...COLUMNS], ...rows.map(tableCells)];
    const widths = COLUMNS.map((_, i) => Math.max(...lines.map((l) => [...l[i]].length)));
    return (lines
        .map((l) => l
        .map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd())
        .join('\n') + '\n');
}
function formatJson(rows) {
    return JSON.stringify(rows, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/images/html.ts
/**
 * The listing as one self-contained HTML page: no network assets (the page's
 * own policy forbids them), rows rendered in the page itself so it reads without
 * scripts, and a small script for sorting by column, filters that combine with
 * AND, and copying each row's `docker pull` and `regkit copy` commands.
 */



const html_escape = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const columns = [
    { title: 'Registry', cell: (r) => html_escape(r.registry), key: (r) => r.registry },
    { title: 'Image', cell: (r) => html_escape(r.repository), key: (r) => r.repository },
    {
        title: 'Tags',
        cell: (r) => r.tags.length ? r.tags.map((t) => `<span class="tag">${html_escape(t)}</span>`).join(' ') : '<em>untagged</em>',
        key: (r) => r.tags.join(' '),
    },
    {
        title: 'Digest',
        cell: (r) => `<code title="${html_escape(r.digest)}">${html_escape(shortDigest(r.digest))}</code>`,
        key: (r) => r.digest,
    },
    { title: 'Platforms', cell: (r) => html_escape(r.platforms.join(', ')), key: (r) => r.platforms.join(' ') },
    { title: 'Size', cell: (r) => html_escape((0,registry.formatBytes)(r.size)), key: (r) => r.size },
    { title: 'Created', cell: (r) => html_escape(shortTime(r.created)), key: (r) => r.created ?? '' },
    { title: 'Branch', cell: (r) => html_escape(r.branch ?? ''), key: (r) => r.branch ?? '' },
    {
        title: 'Commit',
        cell: (r) => `<code title="${html_escape(r.revision ?? '')}">${html_escape(shortCommit(r.revision))}</code>`,
        key: (r) => r.revision ?? '',
    },
    {
        title: 'Message',
        cell: (r) => `<span title="${html_escape(r.message ?? '')}">${html_escape(firstLine(r.message))}</span>`,
        key: (r) => r.message ?? '',
    },
    { title: 'Base', cell: (r) => html_escape(r.base ?? ''), key: (r) => r.base ?? '' },
    { title: 'Attached', cell: (r) => html_escape([...new Set(r.attached)].join(', ')), key: (r) => r.attached.length },
];
function commands(r) {
    const pull = `docker pull ${pullRef(r, false)}`;
    const copy = `regkit copy ${pullRef(r, false)} `;
    return (`<button type="button" class="copy" data-command="${html_escape(pull)}" title="${html_escape(pull)}">docker pull</button> ` +
        `<button type="button" class="copy" data-copy-from="${html_escape(copy)}" data-command="${html_escape(copy)}TARGET:TAG" title="${html_escape(copy)}TARGET:TAG">regkit copy</button>`);
}
function rowHtml(r) {
    const data = {
        branch: r.branch ?? '',
        base: r.base ?? '',
        tags: r.tags.join('\n'),
        tagged: r.tags.length ? 'yes' : 'no',
        created: r.created ?? '',
    };
    const attrs = Object.entries(data)
        .map(([k, v]) => ` data-${k}="${html_escape(v)}"`)
        .join('');
    const keys = ` data-keys="${html_escape(JSON.stringify(columns.map((c) => c.key(r))))}"`;
    return `<tr${attrs}${keys}>${columns.map((c) => `<td>${c.cell(r)}</td>`).join('')}<td class="cmd">${commands(r)}</td></tr>`;
}
const STYLE = `
body{font:14px system-ui,sans-serif;margin:1.5rem;color:#1f2328}
h1{font-size:1.3rem}
form{display:flex;flex-wrap:wrap;gap:.75rem;margin:0 0 1rem}
label{display:flex;flex-direction:column;font-size:.8rem;color:#59636e}
input,select{font:inherit;padding:.25rem .4rem}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #d1d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;background:#f6f8fa;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td:nth-child(6),td:nth-child(7),td.cmd,.tag{white-space:nowrap}
.tag{display:inline-block;background:#ddf4ff;border-radius:.6rem;padding:0 .45rem;margin:0 .15rem .15rem 0}
code{font-size:.85rem}
button.copy{font:inherit;font-size:.8rem;cursor:pointer}
#count{color:#59636e}
`;
// Plain ES2017 with no library: sort, filter (AND), copy.
const SCRIPT = `
(function(){
var body=document.querySelector('tbody');var rows=[].slice.call(body.rows);
var form=document.getElementById('filters');var count=document.getElementById('count');
function glob(p){if(!p)return null;var s=p.replace(/[.+^$\\{\\}()|[\\]\\\\]/g,'\\\\$&').replace(/\\*/g,'.*').replace(/\\?/g,'.');return new RegExp('^'+s+'$');}
function apply(){
  var f=form.elements,text=f.text.value.toLowerCase(),branch=glob(f.branch.value),tag=glob(f.tag.value),base=glob(f.base.value),tagged=f.tagged.value,since=f.since.value;
  var shown=0;
  rows.forEach(function(r){
    var d=r.dataset,ok=true;
    if(text&&r.textContent.toLowerCase().indexOf(text)<0)ok=false;
    if(ok&&branch&&!branch.test(d.branch))ok=false;
    if(ok&&base&&!base.test(d.base))ok=false;
    if(ok&&tag&&!d.tags.split('\\n').some(function(t){return tag.test(t)}))ok=false;
    if(ok&&tagged&&d.tagged!==tagged)ok=false;
    if(ok&&since&&!(d.created&&d.created.slice(0,10)>=since))ok=false;
    r.hidden=!ok;if(ok)shown++;
  });
  count.textContent=shown+' of '+rows.length+' images';
}
form.addEventListener('input',apply);form.addEventListener('submit',function(e){e.preventDefault();});
var target=document.getElementById('target');
target.addEventListener('input',function(){
  [].forEach.call(document.querySelectorAll('[data-copy-from]'),function(b){b.dataset.command=b.dataset.copyFrom+(target.value||'TARGET:TAG');b.title=b.dataset.command;});
});
[].forEach.call(document.querySelectorAll('th[data-col]'),function(th){
  th.addEventListener('click',function(){
    var col=+th.dataset.col,dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
    [].forEach.call(document.querySelectorAll('th'),function(h){h.removeAttribute('aria-sort')});
    th.setAttribute('aria-sort',dir>0?'ascending':'descending');
    rows.sort(function(a,b){var x=JSON.parse(a.dataset.keys)[col],y=JSON.parse(b.dataset.keys)[col];return (x<y?-1:x>y?1:0)*dir;});
    rows.forEach(function(r){body.appendChild(r)});
  });
});
document.addEventListener('click',function(e){
  var b=e.target.closest&&e.target.closest('button.copy');if(!b)return;
  var text=b.dataset.command;
  function done(){b.dataset.copied='yes';var old=b.textContent;b.textContent='copied';setTimeout(function(){b.textContent=old},1200);}
  if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(text).then(done,function(){prompt('Copy:',text)});
  else prompt('Copy:',text);
});
apply();
})();
`;
function renderHtml(rows, opts = {}) {
    const title = opts.title ?? 'Images';
    const when = (opts.generated ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
    const head = columns.map((c, i) => `<th data-col="${i}">${html_escape(c.title)}</th>`).join('') + '<th>Commands</th>';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${html_escape(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${html_escape(title)}</h1>
<p>Listed by regkit at ${html_escape(when)} UTC. <span id="count">${rows.length} images</span></p>
<form id="filters">
<label>Search<input name="text" type="search"></label>
<label>Branch<input name="branch" placeholder="main, release-*"></label>
<label>Tag<input name="tag" placeholder="v1.*"></label>
<label>Base image<input name="base" placeholder="node:*"></label>
<label>Tagged<select name="tagged"><option value="">all</option><option value="yes">tagged</option><option value="no">untagged</option></select></label>
<label>Created since<input name="since" type="date"></label>
<label>Copy to<input id="target" placeholder="registry.example/app:prod"></label>
</form>
<table><thead><tr>${head}</tr></thead>
<tbody>
${rows.map(rowHtml).join('\n')}
</tbody></table>
<script>${SCRIPT}</script>
</body></html>
`;
}

// EXTERNAL MODULE: ./src/naming/index.ts + 3 modules
var naming = __webpack_require__(6495);
;// CONCATENATED MODULE: ./src/images/query.ts
/**
 * Picking an image by what it is instead of by tag:
 *
 *   staging/app?branch=main&newest          the newest image of staging/app built from main
 *   staging/app?revision=3f2c1a9            the image whose revision label is that commit
 *   ghcr.io/acme/app?tag=v1.*&newest
 *
 * Keys: branch, tag, base, revision (or commit), since, tagged; `newest` picks
 * the newest of several, without it several different images are an error.
 * Resolved through the same listing as `regkit images`.
 */






const KEYS = ['branch', 'tag', 'base', 'revision', 'commit', 'since', 'tagged', 'newest'];
/** The query in `text`, or undefined when `text` is a plain reference (no `?`). */
function parseQuery(text, where = 'source') {
    const trimmed = text.trim();
    const q = trimmed.indexOf('?');
    if (q < 0)
        return undefined;
    const name = trimmed.slice(0, q);
    if (!name)
        throw new errors/* UserError */.yo(`${where}: "${trimmed}" names no image before "?"`);
    if (/[:@]/.test(name.slice(name.lastIndexOf('/') + 1)))
        throw new errors/* UserError */.yo(`${where}: "${trimmed}": a query picks the tag or digest itself — give the image name without :tag or @digest (use tag=PATTERN to narrow)`);
    const filter = {};
    let newest = false;
    for (const part of trimmed
        .slice(q + 1)
        .split('&')
        .filter(Boolean)) {
        const eq = part.indexOf('=');
        const key = (eq < 0 ? part : part.slice(0, eq)).trim();
        const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).trim());
        if (!KEYS.includes(key))
            throw new errors/* UserError */.yo(`${where}: unknown query key "${key}" in "${trimmed}" (keys: ${KEYS.join(', ')})${(' ' + (0,naming.didYouMean)(key, KEYS)).trimEnd()}`);
        if (key === 'newest') {
            newest = value === '' || value === 'true';
            continue;
        }
        if (key === 'tagged') {
            if (value !== 'true' && value !== 'false' && value !== '')
                throw new errors/* UserError */.yo(`${where}: tagged=${value} in "${trimmed}": give true or false`);
            filter.tagged = value !== 'false';
            continue;
        }
        if (!value)
            throw new errors/* UserError */.yo(`${where}: "${key}" has no value in "${trimmed}" (write ${key}=VALUE)`);
        if (key === 'since')
            filter.since = parseSince(value);
        else
            filter[key === 'commit' ? 'revision' : key] = value;
    }
    if (!Object.keys(filter).length)
        throw new errors/* UserError */.yo(`${where}: "${trimmed}" asks nothing after "?" (e.g. ?branch=main&newest)`);
    return { name, filter, newest, text: trimmed };
}
/** One line naming an image and what it is: for logs and summaries. */
function describeChoice(row) {
    const facts = [
        row.tags.length ? `tags ${row.tags.join(', ')}` : 'untagged',
        row.branch && `branch ${row.branch}`,
        row.revision && `commit ${shortCommit(row.revision)}`,
        row.created && `created ${shortTime(row.created)}`,
    ].filter(Boolean);
    return `${pullRef(row, false)} (${facts.join(', ')})`;
}
/** The one image `query` picks in `repository` of `registry`; throws one line when there is none or, without `newest`, several. */
async function resolveQuery(query, registry, repository, sessions) {
    const { rows } = await listImages({
        registries: [registry],
        repositories: [repository],
        sessions,
        filter: query.filter,
    });
    const where = `${registry.domain}/${repository}`;
    if (!rows.length)
        throw new errors/* UserError */.yo(`no image of ${where} matches "${query.text}"`);
    if (rows.length > 1 && !query.newest) {
        const listed = rows
            .slice(0, 5)
            .map((r) => r.tags[0] ?? shortDigest(r.digest))
            .join(', ');
        throw new errors/* UserError */.yo(`${rows.length} images of ${where} match "${query.text}" (${listed}${rows.length > 5 ? ', …' : ''}); add &newest to take the newest, or narrow the query`);
    }
    return rows[0]; // the listing is newest first
}

// EXTERNAL MODULE: ./src/credentials/index.ts + 18 modules
var credentials = __webpack_require__(1622);
// EXTERNAL MODULE: ./src/registries-file/index.ts + 12 modules
var registries_file = __webpack_require__(899);
;// CONCATENATED MODULE: ./src/images/job.ts
/**
 * Listing images from a workflow step: log in to the chosen registries with
 * their accounts of the registries file (as the promote action does), list,
 * and give back the rows for the job summary.
 */






async function listImagesForJob(job) {
    const file = await (0,registries_file.loadRegistriesFile)(job.config);
    const chosen = (0,registries_file.selectRegistries)(file, job.registries, 'registry');
    const filter = job.filter.trim()
        ? parseQuery(`images?${job.filter.trim().replace(/^\?/, '')}`, 'filter')?.filter
        : {};
    if (!filter)
        throw new errors/* UserError */.yo('filter: give key=value pairs joined by &, e.g. branch=main&since=7d');
    const phase = await (0,credentials/* loginPhase */.Nw)('images-read', (0,credentials/* accountsByDomain */.y4)(chosen), job);
    try {
        const sessions = new registry.Sessions({
            credential: (domain) => (0,registry.dockerCredential)(domain, { ...job.env, ...phase.env }),
            insecure: (domain) => (0,registries_file.insecureFor)(file, domain),
            onSecret: job.mask,
        });
        return await listImages({
            registries: chosen,
            sessions,
            repositories: job.repositories,
            filter,
            warn: job.warn,
            onProgress: job.onProgress,
        });
    }
    finally {
        phase.remove();
    }
}

;// CONCATENATED MODULE: ./src/images/index.ts
/**
 * Images across the registries of a registries file: listing with labels and
 * filters, picking one by what it is, and the listing as a table, JSON or an HTML page.
 */









/***/ })

};
