export const id = 317;
export const ids = [317];
export const modules = {

/***/ 317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7485);
/**
 * regkit merge TARGET SOURCE...: one multi-platform index from per-platform
 * images (each pushed by its own runner), platforms read from the images.
 */

const command = {
    usage: [
        'usage: regkit merge TARGET SOURCE... [--tag TAG]...',
        '',
        'Builds an OCI image index (a Docker manifest list when every image is a Docker',
        'manifest) from single-platform images given by digest (REPO@sha256:...), reading',
        "each image's platform from its config, and pushes it as TARGET (REPO:TAG) and",
        'under every --tag. Images elsewhere on the same registry are mounted, not copied.',
        'Credentials come from the Docker config. Prints TARGET@digest.',
    ].join('\n'),
    async run(argv) {
        const { values, positionals } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .q)(argv, { tag: { type: 'string', multiple: true } }, { min: 2, max: Infinity });
        const reg = await Promise.all(/* import() */[__webpack_require__.e(741), __webpack_require__.e(916)]).then(__webpack_require__.bind(__webpack_require__, 741));
        const names = await __webpack_require__.e(/* import() */ 495).then(__webpack_require__.bind(__webpack_require__, 6495));
        const target = names.parseImageRef(positionals[0]);
        if (target.digest)
            throw new _usage_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`TARGET ${positionals[0]} must name a tag, not a digest`);
        const tags = [...new Set([target.tag ?? 'latest', ...(values.tag ?? [])])];
        for (const t of tags)
            names.withTag(target, t);
        const sessions = new reg.Sessions();
        try {
            const sources = positionals.slice(1).map((text) => names.parseImageRef(text));
            const result = await reg.mergeRefs(sources, target, tags, sessions);
            process.stderr.write(`merged ${sources.length} images (${result.platforms.join(', ')}) into ${result.refs.join(', ')}: ${reg.describeStats(result.stats)}\n`);
            process.stdout.write(`${names.formatRef({ domain: target.domain, path: target.path })}@${result.digest}\n`);
        }
        finally {
            reg.defaultTransport().close();
        }
    },
};


/***/ })

};
