export const id = 836;
export const ids = [836];
export const modules = {

/***/ 836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(916);

const command = {
    usage: 'usage: regkit migrate (not implemented yet)',
    async run() {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('regkit migrate is not implemented yet');
    },
};


/***/ })

};
