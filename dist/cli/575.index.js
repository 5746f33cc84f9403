export const id = 575;
export const ids = [575];
export const modules = {

/***/ 2575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _crypto_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3528);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _registries_file_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(899);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7485);
/* harmony import */ var _workspace_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3338);
/* harmony import */ var _credentials_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1622);
// regkit validate: the registries file's shape and rules, every registry's ${VAR}s, and the files it names.







const command = {
    usage: [
        'usage: regkit validate [--config FILE] [--key-path P] [--allow-outside-repo]',
        '',
        'Checks a registries file: its shape, every rule, every ${VAR} of every registry',
        '(from env files and the environment), and that the files it names can be read',
        '(encrypted ones with the AES key). Prints a summary; never prints a secret.',
        '',
        'options:',
        `  --config FILE   the registries file (default ${_registries_file_index_js__WEBPACK_IMPORTED_MODULE_3__.defaultConfigPath})`,
        `  --key-path P    AES key file for encrypted files (default ${_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_KEY_PATH */ .Qn}, used when REGKIT_AES_KEY is not set; a named file wins)`,
        '  --allow-outside-repo  let the registries file name files outside the current folder',
    ].join('\n'),
    async run(argv) {
        const { values } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .q)(argv, { config: { type: 'string' }, 'key-path': { type: 'string' }, 'allow-outside-repo': { type: 'boolean' } }, { min: 0, max: 0 });
        if (values['allow-outside-repo'])
            (0,_workspace_js__WEBPACK_IMPORTED_MODULE_5__/* .allowPathsOutsideWorkspace */ .K)();
        const registriesFile = await (0,_registries_file_index_js__WEBPACK_IMPORTED_MODULE_3__.loadRegistriesFile)(values.config ?? _registries_file_index_js__WEBPACK_IMPORTED_MODULE_3__.defaultConfigPath);
        const key = await keyIfNeeded(registriesFile, values['key-path']);
        const forms = [];
        for (const registry of registriesFile.registries) {
            await (0,_registries_file_index_js__WEBPACK_IMPORTED_MODULE_3__/* .registryEnv */ .Wq)(registriesFile, registry, { env: process.env, key });
            const spec = await (0,_registries_file_index_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveCredentialSpec */ .zD)(registriesFile, registry, { env: process.env, key });
            const plaintext = await checkFiles(registry, spec, key);
            forms.push(plaintext ? 'dockercfg (NOT encrypted)' : formOf(registry, spec));
        }
        process.stdout.write(summary(registriesFile, forms));
    },
};
/** Paths of credential files a spec names, by their dotted key. */
function credentialFiles(spec) {
    if (!spec)
        return [];
    if ('dockercfg' in spec)
        return [['dockercfg', spec.dockercfg]];
    if ('encrypted_dockercfg' in spec)
        return [['encrypted_dockercfg', spec.encrypted_dockercfg]];
    if ('google' in spec && 'json_key_file' in spec.google)
        return [['google.json_key_file', spec.google.json_key_file]];
    return [];
}
/** The file's bytes; undefined when it cannot be read or is outside the repository (reported later, by key). */
async function readInside(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,_workspace_js__WEBPACK_IMPORTED_MODULE_5__/* .workspacePath */ .X)(path, path));
    }
    catch {
        return undefined;
    }
}
// The key is looked for only when a file is encrypted: a file without encrypted parts validates without one.
async function keyIfNeeded(registriesFile, keyPath) {
    const paths = [
        ...registriesFile.envFiles,
        ...registriesFile.registries.flatMap((r) => [
            ...(r.envFile ? [r.envFile] : []),
            ...credentialFiles(r.credentials).map(([, p]) => p),
        ]),
    ];
    for (const path of paths) {
        if (path.includes('$'))
            continue;
        const data = await readInside(path);
        if (data && (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isEncrypted */ .ph)(data))
            return (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .findKey */ .Tj)({ keyPath, keyPathExplicit: keyPath !== undefined });
    }
    return undefined;
}
/**
 * Reads every credential file the way login will, and fails as login would (no entry for the
 * registry's domain, say). True when an encrypted_dockercfg is in fact plain JSON (warned about).
 */
async function checkFiles(registry, spec, key) {
    let plaintext = false;
    for (const [dotted, path] of credentialFiles(spec)) {
        const at = (0,_registries_file_index_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPosition */ .Ld)(registry.positions[`credentials.${dotted}`] ?? registry.at);
        const prefix = `${at}: registry "${registry.name}": `;
        let data;
        (0,_workspace_js__WEBPACK_IMPORTED_MODULE_5__/* .workspacePath */ .X)(path, `${at}: registry "${registry.name}": credentials.${dotted}`);
        try {
            data = await (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readSecretFile */ .fW)(path, key, 'json');
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${prefix}${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(err)}`);
            throw err;
        }
        try {
            JSON.parse(data.toString('utf8'));
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${prefix}${path} is not JSON — ${dotted === 'google.json_key_file' ? 'give the service account key file' : 'give a .dockercfg or config.json file'}`);
        }
        if (dotted === 'google.json_key_file')
            continue;
        try {
            (0,_credentials_index_js__WEBPACK_IMPORTED_MODULE_6__/* .pickEntry */ .MD)((0,_credentials_index_js__WEBPACK_IMPORTED_MODULE_6__/* .dockercfgEntries */ .fm)(data.toString('utf8'), path), registry.domain, path, registry.name);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${at}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(err)}`);
            throw err;
        }
        if (dotted === 'encrypted_dockercfg' && !(0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isEncrypted */ .ph)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path))) {
            plaintext = true;
            process.stderr.write(`regkit validate: warning: ${prefix}credentials.encrypted_dockercfg: ${path} is not encrypted — a plaintext credential file sits in the repository; encrypt it (regkit encrypt) or move it out of version control\n`);
        }
    }
    return plaintext;
}
function formOf(registry, spec) {
    if (!spec)
        return 'anonymous';
    const form = Object.keys(spec)[0];
    const implied = registry.credentials === undefined;
    if (form === 'username')
        return implied ? 'GITHUB_ACTOR/GITHUB_TOKEN' : 'username/password';
    if (form === 'aws')
        return implied ? 'aws (environment)' : 'aws';
    if (form === 'google')
        return `google ${Object.keys(spec.google)[0]}`;
    return form;
}
function summary(registriesFile, forms) {
    const domains = new Set(registriesFile.registries.map((r) => r.domain));
    const n = registriesFile.registries.length;
    const head = [
        `${registriesFile.file}: OK — ${n} ${n === 1 ? 'registry' : 'registries'} on ${domains.size} ${domains.size === 1 ? 'domain' : 'domains'}`,
    ];
    head.push(`default ${registriesFile.default ?? '(none)'}`, `caching ${registriesFile.caching ?? '(none)'}`);
    const rows = registriesFile.registries.map((r, i) => {
        const notes = [
            r.prefix ? `prefix ${r.prefix}` : '',
            r.primary ? 'primary' : '',
            r.fallback ? `fallback ${r.fallback}` : '',
            r.insecure ? 'insecure' : '',
            registriesFile.default === r.name ? 'default' : '',
            registriesFile.caching === r.name ? 'caching' : '',
        ].filter(Boolean);
        return [r.name, r.provider, r.domain, forms[i], notes.join(', ')];
    });
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c].length)));
    const lines = rows.map((row) => '  ' +
        row
            .map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell))
            .join('  ')
            .trimEnd());
    return `${head.join(', ')}\n${lines.join('\n')}\n`;
}


/***/ })

};
