export const id = 513;
export const ids = [513];
export const modules = {

/***/ 3513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeStats: () => (/* binding */ describeStats)
/* harmony export */ });
/* unused harmony exports formatBytes, bytesAvoided */
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
/** Bytes not sent because the target had them or could mount them. */
function bytesAvoided(stats) {
    return stats.bytesMounted + stats.bytesSkipped;
}
function describeStats(stats) {
    const parts = [`${formatBytes(stats.bytesCopied)} copied (${stats.blobsCopied} blobs)`];
    if (stats.blobsMounted)
        parts.push(`${formatBytes(stats.bytesMounted)} mounted (${stats.blobsMounted} blobs)`);
    if (stats.blobsSkipped)
        parts.push(`${formatBytes(stats.bytesSkipped)} already there (${stats.blobsSkipped} blobs)`);
    return parts.join(', ');
}


/***/ })

};
