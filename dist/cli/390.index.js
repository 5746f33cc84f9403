export const id = 390;
export const ids = [390];
export const modules = {

/***/ 4390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _crypto_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3528);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7485);



const command = {
    usage: [
        'usage: regkit generate [--key-path P]',
        '',
        'Writes a new random AES key (32 bytes, base64) to a key file readable by you alone.',
        'Never overwrites an existing key file. Keep the file out of git; store its',
        'content as the REGKIT_AES_KEY secret (or the aes-key input) for workflows.',
        '',
        'options:',
        `  --key-path P   key file to create (default ${_crypto_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_KEY_PATH */ .Qn})`,
    ].join('\n'),
    async run(argv) {
        const { values } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .q)(argv, { 'key-path': { type: 'string' } }, { min: 0, max: 0 });
        const path = values['key-path'] ?? _crypto_index_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_KEY_PATH */ .Qn;
        try {
            await (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_0__/* .writeFileAtomic */ .Zf)(path, (0,_crypto_index_js__WEBPACK_IMPORTED_MODULE_0__/* .generateKey */ .rh)(), { mode: 0o600, noReplace: true });
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo && err.message.includes('already exists')) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${path} already exists; refusing to overwrite a key (files encrypted with it would be lost): move it away or pass another --key-path`);
            }
            throw err;
        }
        process.stdout.write(`wrote a new AES key to ${path} (mode 0600); do not commit it\n`);
    },
};


/***/ })

};
