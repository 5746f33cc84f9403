export const id = 440;
export const ids = [440];
export const modules = {

/***/ 5440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command),
/* harmony export */   writeStdout: () => (/* binding */ writeStdout)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _crypto_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3528);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7485);



const command = {
    usage: [
        'usage: regkit encrypt IN OUT [--key-path P] [--format regkit|jet]',
        '',
        'Encrypts the file IN ("-" for stdin) into OUT ("-" for stdout) with the AES key.',
        '',
        'options:',
        `  --key-path P      key file (default ${_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_KEY_PATH */ .Qn}, used when REGKIT_AES_KEY is not set; a named file wins over REGKIT_AES_KEY)`,
        '  --format regkit   regkit:v1, authenticated AES-256-GCM (default)',
        "  --format jet      jet v2 (codeship:v2), readable by Codeship's jet",
    ].join('\n'),
    async run(argv) {
        const { values, positionals } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .q)(argv, { 'key-path': { type: 'string' }, format: { type: 'string' } }, { min: 2, max: 2 });
        const format = values.format ?? 'regkit';
        if (format !== 'regkit' && format !== 'jet')
            throw new _usage_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--format must be regkit or jet, not "${format}"`);
        const [input, output] = positionals;
        const plain = input === '-' ? await readStdin() : await (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readInput */ .R5)(input, Infinity); // a file the user names, of any size
        const already = (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .detectFormat */ .Tz)(plain);
        if (already === 'regkit-v1' || already === 'jet-v2') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input === '-' ? 'stdin' : input} is already encrypted (${already}); decrypt it first if you mean to re-encrypt it`);
        }
        const key = await (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadKey */ .cv)({ keyPath: values['key-path'], keyPathExplicit: values['key-path'] !== undefined });
        const sealed = (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .encrypt */ .w)(plain, key, format);
        if (output === '-')
            await writeStdout(sealed);
        else
            await (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomic */ .Zf)(output, sealed);
    },
};
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
function writeStdout(data) {
    return new Promise((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve())));
}


/***/ })

};
