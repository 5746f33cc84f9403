export const id = 132;
export const ids = [132];
export const modules = {

/***/ 2132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _crypto_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3528);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _registries_file_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(899);
/* harmony import */ var _credentials_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1622);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(656);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(741);
/* harmony import */ var _workspace_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3338);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7485);








const list = (v) => (v ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
const command = {
    usage: [
        'usage: regkit login [--config FILE] [--registry NAME]... [--registry-context NAME]... [--aes-key-env NAME] [--key-path P] [--no-verify]',
        '',
        'Logs in to the registries of a registries file the way the login action does, writing',
        'the credentials into the Docker config ($DOCKER_CONFIG/config.json, else ~/.docker/config.json).',
        'Unlike the action there is no post step: the logins stay until you `docker logout`.',
        '',
        'options:',
        `  --config FILE             registries file (default ${_registries_file_index_js__WEBPACK_IMPORTED_MODULE_2__.defaultConfigPath})`,
        '  --registry NAME           log in to this registry only (repeat, or comma separated; default all)',
        "  --registry-context NAME   use this registry's account for its domain instead of the primary",
        `  --aes-key-env NAME        read the AES key from environment variable NAME (default ${_crypto_index_js__WEBPACK_IMPORTED_MODULE_0__/* .KEY_ENV */ .uM})`,
        `  --key-path P              key file (default ${_crypto_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_KEY_PATH */ .Qn}), used when the variable is unset`,
        '  --no-verify               write the logins without checking them against the registries',
        '  --allow-outside-repo      let the registries file name files outside the current folder',
    ].join('\n'),
    async run(argv) {
        const { values } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_7__/* .parse */ .q)(argv, {
            config: { type: 'string' },
            registry: { type: 'string', multiple: true },
            'registry-context': { type: 'string', multiple: true },
            'aes-key-env': { type: 'string' },
            'key-path': { type: 'string' },
            'no-verify': { type: 'boolean' },
            'allow-outside-repo': { type: 'boolean' },
        }, { min: 0, max: 0 });
        if (values['allow-outside-repo'])
            (0,_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .allowPathsOutsideWorkspace */ .K)();
        const keyEnv = values['aes-key-env'];
        if (keyEnv !== undefined && !(keyEnv in process.env))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`--aes-key-env ${keyEnv}: the environment variable ${keyEnv} is not set`);
        try {
            const result = await (0,_credentials_index_js__WEBPACK_IMPORTED_MODULE_3__/* .logIn */ .E8)({
                config: values.config ?? _registries_file_index_js__WEBPACK_IMPORTED_MODULE_2__.defaultConfigPath,
                registries: list(values.registry),
                registryContexts: list(values['registry-context']),
                verify: !values['no-verify'],
                env: process.env,
                key: {
                    env: keyEnv ? { [_crypto_index_js__WEBPACK_IMPORTED_MODULE_0__/* .KEY_ENV */ .uM]: process.env[keyEnv] } : process.env,
                    keyPath: values['key-path'],
                    keyPathExplicit: values['key-path'] !== undefined,
                },
                dockerConfigDir: (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerConfigDir */ .kG)(),
                mask: () => { }, // nothing here prints a secret, and a terminal has no log masking
                idToken: async (audience) => (await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(260), __webpack_require__.e(58)]).then(__webpack_require__.bind(__webpack_require__, 6058))).getIDToken(audience), // in a workflow's run step
                log: (line) => process.stderr.write(`regkit login: ${line}\n`),
                warn: (message) => process.stderr.write(`regkit login: warning: ${message}\n`),
            });
            const out = result.logins.map((l) => `logged in to ${l.domain} as ${l.username} (${l.name}, ${l.source}${l.verified ? ', verified' : ''})`);
            for (const n of result.notLoggedIn)
                out.push(`not logged in to ${n.domain} with ${n.name}: ${n.reason}`);
            out.push(`wrote ${result.configDir}/config.json`);
            process.stdout.write(out.join('\n') + '\n');
        }
        finally {
            (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_5__.defaultTransport)().close();
        }
    },
};


/***/ })

};
