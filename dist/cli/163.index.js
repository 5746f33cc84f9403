export const id = 163;
export const ids = [163];
export const modules = {

/***/ 163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7485);
/**
 * regkit images: every image across the registries of a registries file, with
 * the branch, commit and message that built it; filters combine with AND.
 */



const list = (v) => (v ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
function count(name, v, fallback) {
    if (v === undefined)
        return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--${name} ${v}: give a whole number of at least 1`);
    return n;
}
const command = {
    usage: [
        'usage: regkit images [--config FILE] [--registry NAME]... [--repository PATTERN]... [filters] [--json | --html FILE]',
        '',
        'Lists the images of the registries of a registries file: for each image its tags, digest,',
        'platforms, size, creation time, and the branch, commit and message that built it (from its',
        "labels). Repositories come from the registry's catalog, or from --repository where it has none.",
        'Credentials come from the Docker config (run `regkit login` first). Progress goes to stderr.',
        '',
        'options:',
        '  --config FILE          registries file (default .github/registries.yml)',
        '  --registry NAME        list this registry only (repeat, or comma separated; default all)',
        "  --repository PATTERN   repositories to list, relative to the registry's prefix; * and ? need a catalog",
        '  --branch PATTERN       built from a matching branch',
        '  --tag PATTERN          with a matching tag (e.g. v1.*)',
        '  --base PATTERN         built on a matching base image (where the image records it)',
        '  --revision SHA         built from this commit (full hash or a prefix of 7 or more)',
        '  --tagged | --untagged  only tagged images, or only untagged ones still named by a signature or attestation',
        '  --since WHEN           created at or after a date (2026-01-31) or within an age (36h, 7d, 2w)',
        '  --json                 JSON for scripts instead of the table',
        '  --html FILE            also write a self-contained page, sortable and filterable in a browser',
        '  --parallel N           images read at once per registry (default 8)',
        '  --budget N             requests at most per registry (default 5000); past it the listing stops',
        '  --quiet                no progress on stderr',
    ].join('\n'),
    async run(argv) {
        const { values } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .q)(argv, {
            config: { type: 'string' },
            registry: { type: 'string', multiple: true },
            repository: { type: 'string', multiple: true },
            branch: { type: 'string' },
            tag: { type: 'string' },
            base: { type: 'string' },
            revision: { type: 'string' },
            tagged: { type: 'boolean' },
            untagged: { type: 'boolean' },
            since: { type: 'string' },
            json: { type: 'boolean' },
            html: { type: 'string' },
            parallel: { type: 'string' },
            budget: { type: 'string' },
            quiet: { type: 'boolean' },
        }, { min: 0, max: 0 });
        if (values.tagged && values.untagged)
            throw new _usage_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('--tagged and --untagged exclude each other');
        const { defaultConfigPath, insecureFor, loadRegistriesFile, selectRegistries } = await Promise.all(/* import() */[__webpack_require__.e(746), __webpack_require__.e(816), __webpack_require__.e(147), __webpack_require__.e(899), __webpack_require__.e(876)]).then(__webpack_require__.bind(__webpack_require__, 899));
        const { Sessions, StatusLines, defaultTransport } = await Promise.all(/* import() */[__webpack_require__.e(741), __webpack_require__.e(916)]).then(__webpack_require__.bind(__webpack_require__, 741));
        const { listImages, parseSince, formatJson, formatTable, renderHtml } = await Promise.all(/* import() */[__webpack_require__.e(746), __webpack_require__.e(816), __webpack_require__.e(147), __webpack_require__.e(741), __webpack_require__.e(899), __webpack_require__.e(622), __webpack_require__.e(60)]).then(__webpack_require__.bind(__webpack_require__, 3060));
        const file = await loadRegistriesFile(values.config ?? defaultConfigPath);
        const registries = selectRegistries(file, list(values.registry), '--registry');
        const filter = {
            branch: values.branch,
            tag: values.tag,
            base: values.base,
            revision: values.revision,
            tagged: values.tagged ? true : values.untagged ? false : undefined,
            since: values.since === undefined ? undefined : parseSince(values.since),
        };
        const status = new StatusLines(process.stderr, { quiet: values.quiet });
        const progress = new Map();
        try {
            const listing = await listImages({
                registries,
                sessions: new Sessions({ insecure: (domain) => insecureFor(file, domain) }),
                repositories: values.repository,
                filter,
                parallel: count('parallel', values.parallel, 8),
                budget: count('budget', values.budget, 5000),
                warn: (m) => process.stderr.write(`regkit images: warning: ${m}\n`),
                onProgress: (p) => {
                    progress.set(p.registry, `${p.registry}: ${p.repositoriesDone}/${p.repositories} repositories, ${p.imagesDone}/${p.images} images, ${p.requests} requests`);
                    status.show([`listing: ${[...progress.values()].join('; ')}`]);
                },
            });
            status.finish();
            if (values.html) {
                try {
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(values.html, renderHtml(listing.rows, { title: `Images of ${registries.map((r) => r.name).join(', ')}` }));
                }
                catch (err) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--html ${values.html}: cannot write the page (${err.code ?? err.message})`);
                }
            }
            process.stdout.write(values.json ? formatJson(listing.rows) : formatTable(listing.rows));
            if (!values.quiet) {
                const requests = Object.entries(listing.requests)
                    .map(([name, n]) => `${name} ${n}`)
                    .join(', ');
                process.stderr.write(`${listing.rows.length} images (requests: ${requests})${values.html ? `; wrote ${values.html}` : ''}\n`);
            }
        }
        finally {
            status.finish();
            defaultTransport().close();
        }
    },
};


/***/ })

};
