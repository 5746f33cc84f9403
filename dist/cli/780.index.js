export const id = 780;
export const ids = [780];
export const modules = {

/***/ 3780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7485);
/**
 * regkit copy SRC DST: registry to registry without a daemon, credentials from
 * the Docker config (what `regkit login` or `docker login` wrote).
 */

const command = {
    usage: [
        'usage: regkit copy SRC DST [--platform os/arch[/variant]]...',
        '',
        'Copies an image between registries without a Docker daemon: every platform of',
        'an index unless --platform names some. Credentials come from the Docker config',
        '($DOCKER_CONFIG/config.json, else ~/.docker/config.json). Loopback registries',
        'are spoken to over plain http. Prints DST@digest.',
    ].join('\n'),
    async run(argv) {
        const { values, positionals } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .q)(argv, { platform: { type: 'string', multiple: true } }, { min: 2, max: 2 });
        const { copyRefs, defaultTransport, describeStats, parsePlatform, Sessions } = await Promise.all(/* import() */[__webpack_require__.e(981), __webpack_require__.e(916)]).then(__webpack_require__.bind(__webpack_require__, 8981));
        const { formatRef, parseImageRef, withDefaultTag } = await __webpack_require__.e(/* import() */ 495).then(__webpack_require__.bind(__webpack_require__, 6495));
        const source = parseImageRef(positionals[0]);
        const target = withDefaultTag(parseImageRef(positionals[1]));
        const platforms = (values.platform ?? []).flatMap((p) => p.split(',')).filter(Boolean).map(parsePlatform);
        try {
            const result = await copyRefs(source, [target], new Sessions(), { platforms });
            const what = result.platforms.length ? ` (${result.platforms.join(', ')})` : '';
            const how = result.upToDate.length ? 'already up to date' : describeStats(result.stats);
            process.stderr.write(`copied ${formatRef(source)} to ${formatRef(target)}${what}: ${how}\n`);
            process.stdout.write(`${formatRef({ ...target, tag: undefined })}@${result.digest}\n`);
        }
        finally {
            defaultTransport().close();
        }
    },
};


/***/ })

};
