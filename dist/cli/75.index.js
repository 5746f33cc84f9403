export const id = 75;
export const ids = [75];
export const modules = {

/***/ 6075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ unexpected),
/* harmony export */   readRepository: () => (/* binding */ readRepository),
/* harmony export */   v: () => (/* binding */ repositoryLabel),
/* harmony export */   writeRepository: () => (/* binding */ writeRepository)
/* harmony export */ });
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8561);
/**
 * One repository on one registry, as the protocol steps see it: the session
 * that talks to the registry, the path, and the scopes every request asks for
 * (the same for all requests of a copy, so that one token serves them all).
 */

function readRepository(session, path) {
    return { session, path, scopes: [(0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .pullScope */ .iH)(path)] };
}
/** A repository to write to; `mountFrom` adds pull on a source repository of the same registry. */
function writeRepository(session, path, mountFrom) {
    const scopes = [(0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .pushScope */ .Xu)(path)];
    if (mountFrom && mountFrom !== path)
        scopes.push((0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .pullScope */ .iH)(mountFrom));
    return { session, path, scopes };
}
function repositoryLabel(repo) {
    return `${repo.session.name}/${repo.path}`;
}
/** The registry's own words for a failure ({"errors":[{"code","message"}]}), if it sent any. */
async function registryReason(res) {
    try {
        const text = (await res.buffer(64 * 1024)).toString('utf8');
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (first)
            return [first.code, first.message].filter(Boolean).join(': ');
    }
    catch {
        // not JSON, or cut short: the status alone has to do
    }
    return '';
}
/** A RegistryError for an unexpected answer: what was being done, where, the status and the registry's reason. */
async function unexpected(res, what, repo) {
    const reason = res.status >= 400 ? await registryReason(res) : (await res.drain(), '');
    const why = reason ? ` (${reason})` : '';
    if (res.status === 403) {
        return new _auth_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${what}: registry ${repo.session.name} denied access to ${repo.path} (HTTP 403${why}); check the account's permissions`, 403);
    }
    return new _auth_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryError */ .gl(`${what}: registry ${repo.session.name} answered HTTP ${res.status}${why}`, res.status);
}


/***/ })

};
