export const id = 458;
export const ids = [458,876,916,495];
export const modules = {

/***/ 1916:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = true;
exports.Io = __webpack_unused_export__ = void 0;
var peq = new Uint32Array(0x10000);
var myers_32 = function (a, b) {
    var n = a.length;
    var m = b.length;
    var lst = 1 << (n - 1);
    var pv = -1;
    var mv = 0;
    var sc = n;
    var i = n;
    while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
    }
    for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= ((eq & pv) + pv) ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
            sc++;
        }
        if (pv & lst) {
            sc--;
        }
        mv = (mv << 1) | 1;
        pv = (pv << 1) | ~(xv | mv);
        mv &= xv;
    }
    i = n;
    while (i--) {
        peq[a.charCodeAt(i)] = 0;
    }
    return sc;
};
var myers_x = function (b, a) {
    var n = a.length;
    var m = b.length;
    var mhc = [];
    var phc = [];
    var hsize = Math.ceil(n / 32);
    var vsize = Math.ceil(m / 32);
    for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
    }
    var j = 0;
    for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
            var eq = peq[a.charCodeAt(i)];
            var pb = (phc[(i / 32) | 0] >>> i) & 1;
            var mb = (mhc[(i / 32) | 0] >>> i) & 1;
            var xv = eq | mv_1;
            var xh = ((((eq | mb) & pv_1) + pv_1) ^ pv_1) | eq | mb;
            var ph = mv_1 | ~(xh | pv_1);
            var mh = pv_1 & xh;
            if ((ph >>> 31) ^ pb) {
                phc[(i / 32) | 0] ^= 1 << i;
            }
            if ((mh >>> 31) ^ mb) {
                mhc[(i / 32) | 0] ^= 1 << i;
            }
            ph = (ph << 1) | pb;
            mh = (mh << 1) | mb;
            pv_1 = mh | ~(xv | ph);
            mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
            peq[b.charCodeAt(k)] = 0;
        }
    }
    var mv = 0;
    var pv = -1;
    var start = j * 32;
    var vlen = Math.min(32, m - start) + start;
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
    }
    var score = m;
    for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = (phc[(i / 32) | 0] >>> i) & 1;
        var mb = (mhc[(i / 32) | 0] >>> i) & 1;
        var xv = eq | mv;
        var xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += (ph >>> (m - 1)) & 1;
        score -= (mh >>> (m - 1)) & 1;
        if ((ph >>> 31) ^ pb) {
            phc[(i / 32) | 0] ^= 1 << i;
        }
        if ((mh >>> 31) ^ mb) {
            mhc[(i / 32) | 0] ^= 1 << i;
        }
        ph = (ph << 1) | pb;
        mh = (mh << 1) | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
    }
    for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
    }
    return score;
};
var distance = function (a, b) {
    if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
    }
    if (b.length === 0) {
        return a.length;
    }
    if (a.length <= 32) {
        return myers_32(a, b);
    }
    return myers_x(a, b);
};
exports.Io = distance;
var closest = function (str, arr) {
    var min_distance = Infinity;
    var min_index = 0;
    for (var i = 0; i < arr.length; i++) {
        var dist = distance(str, arr[i]);
        if (dist < min_distance) {
            min_distance = dist;
            min_index = i;
        }
    }
    return arr[min_index];
};
__webpack_unused_export__ = closest;


/***/ }),

/***/ 1458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/tags/data.ts
/**
 * `regkit render --data FILE.json`: the JSON document as the dot, as Go's
 * encoding/json decodes into `any` — objects are map[string]interface{} (plain
 * objects), arrays []interface{}, every number float64 (a JS number), which is
 * what JSON.parse gives, save for the one case Go refuses: numbers beyond float64.
 */


function decodeJson(text, source) {
    let value;
    try {
        value = JSON.parse(text, (_key, v) => {
            if (typeof v === 'number' && !Number.isFinite(v)) {
                throw new RangeError('a number does not fit a float64 (Go: cannot unmarshal number into Go value of type float64)');
            }
            return v;
        });
    }
    catch (err) {
        throw new errors/* UserError */.yo(`${source}: not valid JSON: ${err.message}`);
    }
    return value;
}
/** Reads FILE ("-" for standard input) and decodes it. */
function readJsonData(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file === '-' ? 0 : file, 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new errors/* UserError */.yo(`--data ${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
    }
    return decodeJson(text, `--data ${file}`);
}

;// CONCATENATED MODULE: ./src/template/error.ts

/**
 * A template that does not parse or fails while executing. The message has Go's
 * shape so users can search for it: `template: NAME:LINE:COL: ...`.
 */
class TemplateError extends errors/* UserError */.yo {
    name = 'TemplateError';
}

;// CONCATENATED MODULE: ./src/template/funcerror.ts
/** A Go function's error result: the executor reports it as `error calling NAME: MESSAGE`. */
class FuncError extends Error {
}

;// CONCATENATED MODULE: ./src/template/layout.ts
/**
 * Go's time layouts (time/format.go): the reference time Mon Jan 2 15:04:05 MST 2006
 * written the way the output should look.
 */
const longDayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const longMonthNames = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
];
/** Go's named layouts, so docs and callers can refer to them by name. */
const layouts = {
    Layout: "01/02 03:04:05PM '06 -0700",
    ANSIC: 'Mon Jan _2 15:04:05 2006',
    UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
    RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
    RFC822: '02 Jan 06 15:04 MST',
    RFC822Z: '02 Jan 06 15:04 -0700',
    RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
    RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
    RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
    RFC3339: '2006-01-02T15:04:05Z07:00',
    RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
    Kitchen: '3:04PM',
    Stamp: 'Jan _2 15:04:05',
    StampMilli: 'Jan _2 15:04:05.000',
    StampMicro: 'Jan _2 15:04:05.000000',
    StampNano: 'Jan _2 15:04:05.000000000',
};
const isLower = (c) => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
/** nextStdChunk: the first layout element in `layout` at or after position 0. */
function nextStd(layout) {
    const at = (i, s) => layout.startsWith(s, i);
    for (let i = 0; i < layout.length; i++) {
        const found = (std, len, extra = {}) => ({
            prefix: layout.slice(0, i),
            chunk: { kind: 'std', std, ...extra },
            suffix: layout.slice(i + len),
        });
        switch (layout[i]) {
            case 'J':
                if (at(i, 'Jan')) {
                    if (at(i, 'January'))
                        return found('January', 7);
                    if (!isLower(layout[i + 3]))
                        return found('Jan', 3);
                }
                break;
            case 'M':
                if (at(i, 'Mon')) {
                    if (at(i, 'Monday'))
                        return found('Monday', 6);
                    if (!isLower(layout[i + 3]))
                        return found('Mon', 3);
                }
                if (at(i, 'MST'))
                    return found('MST', 3);
                break;
            case '0':
                if (layout[i + 1] !== undefined && layout[i + 1] >= '1' && layout[i + 1] <= '6')
                    return found('0' + layout[i + 1], 2);
                if (at(i, '002'))
                    return found('002', 3);
                break;
            case '1':
                if (layout[i + 1] === '5')
                    return found('15', 2);
                return found('1', 1);
            case '2':
                if (at(i, '2006'))
                    return found('2006', 4);
                return found('2', 1);
            case '_':
                if (layout[i + 1] === '2') {
                    // _2006 is really a literal _, followed by stdLongYear.
                    if (at(i + 1, '2006'))
                        return { prefix: layout.slice(0, i + 1), chunk: { kind: 'std', std: '2006' }, suffix: layout.slice(i + 5) };
                    return found('_2', 2);
                }
                if (at(i, '__2'))
                    return found('__2', 3);
                break;
            case '3':
                return found('3', 1);
            case '4':
                return found('4', 1);
            case '5':
                return found('5', 1);
            case 'P':
                if (layout[i + 1] === 'M')
                    return found('PM', 2);
                break;
            case 'p':
                if (layout[i + 1] === 'm')
                    return found('pm', 2);
                break;
            case '-':
                for (const tz of ['-070000', '-07:00:00', '-0700', '-07:00', '-07'])
                    if (at(i, tz))
                        return found(tz, tz.length);
                break;
            case 'Z':
                for (const tz of ['Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07'])
                    if (at(i, tz))
                        return found(tz, tz.length);
                break;
            case '.':
            case ',':
                if (layout[i + 1] === '0' || layout[i + 1] === '9') {
                    const ch = layout[i + 1];
                    let j = i + 1;
                    while (j < layout.length && layout[j] === ch)
                        j++;
                    if (!isDigit(layout[j])) {
                        return found(ch === '0' ? '.0' : '.9', j - i, { arg: j - (i + 1), sep: layout[i] });
                    }
                }
                break;
        }
    }
    return { prefix: layout, chunk: { kind: 'lit' }, suffix: '' };
}
/** appendInt: decimal with zero padding to `width`, sign first. */
function layout_int(x, width) {
    const s = String(Math.abs(x)).padStart(width, '0');
    return x < 0 ? '-' + s : s;
}
function zone(t, std) {
    if (t.offset === 0 && std[0] === 'Z')
        return 'Z';
    let minutes = Math.trunc(t.offset / 60);
    let abs = t.offset;
    let out = '+';
    if (minutes < 0) {
        out = '-';
        minutes = -minutes;
        abs = -abs;
    }
    out += layout_int(Math.trunc(minutes / 60), 2);
    const colon = std.includes(':');
    if (colon)
        out += ':';
    if (std !== '-07' && std !== 'Z07')
        out += layout_int(minutes % 60, 2);
    if (std.endsWith('0000') || std.endsWith(':00:00')) {
        if (colon)
            out += ':';
        out += layout_int(abs % 60, 2);
    }
    return out;
}
function fraction(nsec, std, digits, sep) {
    let buf = String(nsec).padStart(9, '0');
    let n = Math.min(digits, 9);
    if (std === '.9') {
        while (n > 0 && buf[n - 1] === '0')
            n--;
        if (n === 0)
            return '';
    }
    buf = buf.slice(0, n);
    return sep + buf;
}
/** Time.Format. */
function formatLayout(t, layout) {
    let out = '';
    while (layout !== '') {
        const { prefix, chunk, suffix } = nextStd(layout);
        out += prefix;
        if (chunk.kind === 'lit')
            break;
        layout = suffix;
        const hr12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
        switch (chunk.std) {
            case '06':
                out += layout_int(Math.abs(t.year) % 100, 2);
                break;
            case '2006':
                out += layout_int(t.year, 4);
                break;
            case 'Jan':
                out += longMonthNames[t.month - 1].slice(0, 3);
                break;
            case 'January':
                out += longMonthNames[t.month - 1];
                break;
            case '1':
                out += layout_int(t.month, 0);
                break;
            case '01':
                out += layout_int(t.month, 2);
                break;
            case 'Mon':
                out += longDayNames[t.weekday].slice(0, 3);
                break;
            case 'Monday':
                out += longDayNames[t.weekday];
                break;
            case '2':
                out += layout_int(t.day, 0);
                break;
            case '_2':
                out += (t.day < 10 ? ' ' : '') + layout_int(t.day, 0);
                break;
            case '02':
                out += layout_int(t.day, 2);
                break;
            case '__2':
                out += (t.yday < 100 ? (t.yday < 10 ? '  ' : ' ') : '') + layout_int(t.yday, 0);
                break;
            case '002':
                out += layout_int(t.yday, 3);
                break;
            case '15':
                out += layout_int(t.hour, 2);
                break;
            case '3':
                out += layout_int(hr12, 0);
                break;
            case '03':
                out += layout_int(hr12, 2);
                break;
            case '4':
                out += layout_int(t.min, 0);
                break;
            case '04':
                out += layout_int(t.min, 2);
                break;
            case '5':
                out += layout_int(t.sec, 0);
                break;
            case '05':
                out += layout_int(t.sec, 2);
                break;
            case 'PM':
                out += t.hour >= 12 ? 'PM' : 'AM';
                break;
            case 'pm':
                out += t.hour >= 12 ? 'pm' : 'am';
                break;
            case 'MST':
                if (t.zone !== '')
                    out += t.zone;
                else {
                    const m = Math.trunc(t.offset / 60);
                    out += (m < 0 ? '-' : '+') + layout_int(Math.trunc(Math.abs(m) / 60), 2) + layout_int(Math.abs(m) % 60, 2);
                }
                break;
            case '.0':
            case '.9':
                out += fraction(t.nsec, chunk.std, chunk.arg, chunk.sep);
                break;
            default:
                out += zone(t, chunk.std);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/template/strconv/unicode-go.ts
/**
 * Code points that Go's unicode tables (Unicode 13.0, the Go the templates were
 * checked against) do not know, but that JavaScript's newer tables class as
 * letters, marks, numbers, punctuation or symbols. Go treats them as not printable
 * (unassigned), so quoting and the js escaper must escape them as Go does.
 * Generated by comparing unicode.IsPrint with the \p{L,M,N,P,S} classes over every code point.
 */
const NEWER_THAN_GO = [
    0x61d, 0x61d, 0x870, 0x88f, 0x897, 0x89f, 0x8b5, 0x8b5, 0x8c8, 0x8d2, 0xc3c, 0xc3c, 0xc5c, 0xc5d, 0xcdc, 0xcdd, 0xcf3,
    0xcf3, 0xece, 0xece, 0x170d, 0x170d, 0x1715, 0x1715, 0x171f, 0x171f, 0x180f, 0x180f, 0x1ac1, 0x1add, 0x1ae0, 0x1aeb,
    0x1b4c, 0x1b4c, 0x1b4e, 0x1b4f, 0x1b7d, 0x1b7f, 0x1c89, 0x1c8a, 0x1dfa, 0x1dfa, 0x20c0, 0x20c1, 0x2427, 0x2429,
    0x2b96, 0x2b96, 0x2c2f, 0x2c2f, 0x2c5f, 0x2c5f, 0x2e53, 0x2e5d, 0x2ffc, 0x2fff, 0x31e4, 0x31e5, 0x31ef, 0x31ef,
    0x9ffd, 0x9fff, 0xa7c0, 0xa7c1, 0xa7cb, 0xa7dc, 0xa7f1, 0xa7f4, 0xfbc2, 0xfbd2, 0xfd40, 0xfd4f, 0xfd90, 0xfd91,
    0xfdc8, 0xfdcf, 0xfdfe, 0xfdff, 0x10570, 0x1057a, 0x1057c, 0x1058a, 0x1058c, 0x10592, 0x10594, 0x10595, 0x10597,
    0x105a1, 0x105a3, 0x105b1, 0x105b3, 0x105b9, 0x105bb, 0x105bc, 0x105c0, 0x105f3, 0x10780, 0x10785, 0x10787, 0x107b0,
    0x107b2, 0x107ba, 0x10940, 0x10959, 0x10d40, 0x10d65, 0x10d69, 0x10d85, 0x10d8e, 0x10d8f, 0x10ec2, 0x10ec7, 0x10ed0,
    0x10ed8, 0x10efa, 0x10eff, 0x10f70, 0x10f89, 0x11070, 0x11075, 0x110c2, 0x110c2, 0x1123f, 0x11241, 0x11380, 0x11389,
    0x1138b, 0x1138b, 0x1138e, 0x1138e, 0x11390, 0x113b5, 0x113b7, 0x113c0, 0x113c2, 0x113c2, 0x113c5, 0x113c5, 0x113c7,
    0x113ca, 0x113cc, 0x113d5, 0x113d7, 0x113d8, 0x113e1, 0x113e2, 0x116b9, 0x116b9, 0x116d0, 0x116e3, 0x11740, 0x11746,
    0x11ab0, 0x11abf, 0x11b00, 0x11b09, 0x11b60, 0x11b67, 0x11bc0, 0x11be1, 0x11bf0, 0x11bf9, 0x11db0, 0x11ddb, 0x11de0,
    0x11de9, 0x11f00, 0x11f10, 0x11f12, 0x11f3a, 0x11f3e, 0x11f5a, 0x12f90, 0x12ff2, 0x1342f, 0x1342f, 0x13440, 0x13455,
    0x13460, 0x143fa, 0x16100, 0x16139, 0x16a70, 0x16abe, 0x16ac0, 0x16ac9, 0x16d40, 0x16d79, 0x16ea0, 0x16eb8, 0x16ebb,
    0x16ed3, 0x16ff2, 0x16ff6, 0x187f8, 0x187ff, 0x18cff, 0x18cff, 0x18d09, 0x18d1e, 0x18d80, 0x18df2, 0x1aff0, 0x1aff3,
    0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b11f, 0x1b122, 0x1b132, 0x1b132, 0x1b155, 0x1b155, 0x1cc00, 0x1ccfc, 0x1cd00,
    0x1ceb3, 0x1ceba, 0x1ced0, 0x1cee0, 0x1cef0, 0x1cf00, 0x1cf2d, 0x1cf30, 0x1cf46, 0x1cf50, 0x1cfc3, 0x1d1e9, 0x1d1ea,
    0x1d2c0, 0x1d2d3, 0x1df00, 0x1df1e, 0x1df25, 0x1df2a, 0x1e030, 0x1e06d, 0x1e08f, 0x1e08f, 0x1e290, 0x1e2ae, 0x1e4d0,
    0x1e4f9, 0x1e5d0, 0x1e5fa, 0x1e5ff, 0x1e5ff, 0x1e6c0, 0x1e6de, 0x1e6e0, 0x1e6f5, 0x1e6fe, 0x1e6ff, 0x1e7e0, 0x1e7e6,
    0x1e7e8, 0x1e7eb, 0x1e7ed, 0x1e7ee, 0x1e7f0, 0x1e7fe, 0x1f6d8, 0x1f6d8, 0x1f6dc, 0x1f6df, 0x1f774, 0x1f77f, 0x1f7d9,
    0x1f7d9, 0x1f7f0, 0x1f7f0, 0x1f8b2, 0x1f8bb, 0x1f8c0, 0x1f8c1, 0x1f8d0, 0x1f8d8, 0x1f979, 0x1f979, 0x1f9cc, 0x1f9cc,
    0x1fa54, 0x1fa57, 0x1fa75, 0x1fa77, 0x1fa7b, 0x1fa7c, 0x1fa87, 0x1fa8a, 0x1fa8e, 0x1fa8f, 0x1faa9, 0x1faaf, 0x1fab7,
    0x1fabf, 0x1fac3, 0x1fac6, 0x1fac8, 0x1fac8, 0x1facd, 0x1facf, 0x1fad7, 0x1fadc, 0x1fadf, 0x1faea, 0x1faef, 0x1faf8,
    0x1fbcb, 0x1fbef, 0x1fbfa, 0x1fbfa, 0x2a6de, 0x2a6df, 0x2b735, 0x2b73f, 0x2cea2, 0x2cead, 0x2ebf0, 0x2ee5d, 0x31350,
    0x33479,
];
/** Whether r is in one of the [first, last] pairs of NEWER_THAN_GO. */
function newerThanGo(r) {
    let lo = 0;
    let hi = NEWER_THAN_GO.length / 2 - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (r < NEWER_THAN_GO[2 * mid])
            hi = mid - 1;
        else if (r > NEWER_THAN_GO[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/template/strconv/quote.ts
/** Go's strconv quoting: Quote, QuoteRune, CanBackquote, and Unquote for template literals. */

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space, as of Go's Unicode tables. */
function isPrint(r) {
    if (r < 0x20 || r === 0x7f)
        return false;
    if (r < 0x7f)
        return true;
    if (r >= 0xd800 && r <= 0xdfff)
        return false;
    return printable.test(String.fromCodePoint(r)) && !newerThanGo(r);
}
function hex(n, width) {
    return n.toString(16).padStart(width, '0');
}
function escapeRune(r, quote, asciiOnly) {
    if (r === quote || r === 0x5c)
        return '\\' + String.fromCodePoint(r);
    if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r))
        return String.fromCodePoint(r);
    switch (r) {
        case 7:
            return '\\a';
        case 8:
            return '\\b';
        case 12:
            return '\\f';
        case 10:
            return '\\n';
        case 13:
            return '\\r';
        case 9:
            return '\\t';
        case 11:
            return '\\v';
    }
    if (r < 0x20 || r === 0x7f)
        return '\\x' + hex(r, 2);
    if (r >= 0xd800 && r <= 0xdfff)
        return '\\ufffd';
    if (r < 0x10000)
        return '\\u' + hex(r, 4);
    return '\\U' + hex(r, 8);
}
/** strconv.Quote (or QuoteToASCII). */
function quote(s, asciiOnly = false) {
    let out = '"';
    for (const ch of s)
        out += escapeRune(ch.codePointAt(0), 0x22, asciiOnly);
    return out + '"';
}
/** strconv.QuoteRune (or QuoteRuneToASCII). */
function quoteRune(r, asciiOnly = false) {
    if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0)
        r = 0xfffd;
    return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}
/** strconv.CanBackquote. */
function canBackquote(s) {
    for (const ch of s) {
        const r = ch.codePointAt(0);
        if (r === 0xfeff || r === 0x60 || r === 0x7f)
            return false;
        if (r < 0x20 && r !== 9)
            return false;
    }
    return true;
}
/** `%#U`-style "U+0041 'A'" as Go's lexer prints bad characters. */
function unicodeName(r) {
    const code = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
    return isPrint(r) ? `${code} '${String.fromCodePoint(r)}'` : code;
}
class QuoteSyntaxError extends Error {
    constructor() {
        super('invalid syntax');
    }
}
/**
 * strconv.UnquoteChar: one possibly escaped character at the start of `s`.
 * Returns the bytes it stands for (a \x or octal escape is a single byte) and the rest.
 */
function unquoteChar(s, quote) {
    const c = s.codePointAt(0);
    if (c === undefined)
        throw new QuoteSyntaxError();
    const first = String.fromCodePoint(c);
    if (first === quote && (quote === "'" || quote === '"'))
        throw new QuoteSyntaxError();
    if (first !== '\\') {
        return { bytes: [...Buffer.from(first, 'utf8')], rune: c, tail: s.slice(first.length) };
    }
    if (s.length <= 1)
        throw new QuoteSyntaxError();
    const e = s[1];
    let rest = s.slice(2);
    const simple = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
    if (e in simple)
        return { bytes: [simple[e]], rune: simple[e], tail: rest };
    if (e === "'" || e === '"') {
        if (e !== quote)
            throw new QuoteSyntaxError();
        return { bytes: [e.charCodeAt(0)], rune: e.charCodeAt(0), tail: rest };
    }
    const width = { x: 2, u: 4, U: 8 }[e];
    if (width !== undefined) {
        const digits = rest.slice(0, width);
        if (digits.length < width || !/^[0-9a-fA-F]+$/.test(digits))
            throw new QuoteSyntaxError();
        const v = parseInt(digits, 16);
        rest = rest.slice(width);
        if (e === 'x')
            return { bytes: [v], rune: v, tail: rest };
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
            throw new QuoteSyntaxError();
        return { bytes: [...Buffer.from(String.fromCodePoint(v), 'utf8')], rune: v, tail: rest };
    }
    if (e >= '0' && e <= '7') {
        const digits = s.slice(1, 4);
        if (!/^[0-7]{3}$/.test(digits))
            throw new QuoteSyntaxError();
        const v = parseInt(digits, 8);
        if (v > 255)
            throw new QuoteSyntaxError();
        return { bytes: [v], rune: v, tail: s.slice(4) };
    }
    throw new QuoteSyntaxError();
}
/** strconv.Unquote for "…" and `…` literals. */
function unquote(lit) {
    const q = lit[0];
    if (lit.length < 2 || lit[lit.length - 1] !== q)
        throw new QuoteSyntaxError();
    const body = lit.slice(1, -1);
    if (q === '`') {
        if (body.includes('`'))
            throw new QuoteSyntaxError();
        return body.replace(/\r/g, '');
    }
    if (q !== '"')
        throw new QuoteSyntaxError();
    if (!body.includes('\\') && !body.includes('"') && !body.includes('\n'))
        return body;
    const bytes = [];
    let rest = body;
    while (rest.length > 0) {
        if (rest[0] === '\n')
            throw new QuoteSyntaxError();
        const { bytes: b, tail } = unquoteChar(rest, '"');
        bytes.push(...b);
        rest = tail;
    }
    return Buffer.from(bytes).toString('utf8');
}

;// CONCATENATED MODULE: ./src/template/values.ts
/**
 * How JavaScript values stand for Go values — the dot, function arguments and results.
 * Go's printing, truthiness and comparisons depend on a value's kind, and JavaScript
 * has one number type, so ints and floats are told apart by representation:
 *
 *   Go                        JavaScript
 *   string                    string
 *   float64                   number   (encoding/json decodes every number this way)
 *   int                       bigint   (integer constants such as 3, results of len)
 *   int64, time.Month, …      GoTyped  (a named or sized Go type around a bigint/number)
 *   bool                      boolean
 *   nil                       null or undefined
 *   []interface {}            Array
 *   map[string]interface {}   plain object, or Map with string keys
 *   struct                    GoStruct (Go type name + fields in declaration order)
 *   time.Time                 GoTime   (with Go's methods: Format, Unix, Year, …)
 *   func                      JavaScript function (for `call`)
 *
 * A missing map key is not nil: it is "no value" (printed `<no value>`), as in Go.
 */
/** A Go struct value: missing fields are errors (unlike map keys), printing is `{a b}`. */
class GoStruct {
    typeName;
    fields;
    constructor(
    /** Go's name for the type, used in error messages, e.g. `tags.Vars`. */
    typeName, fields) {
        this.typeName = typeName;
        this.fields = fields;
    }
}
/** A value of a named or sized Go type: `int64`, `time.Month`, `uint8`, … */
class GoTyped {
    type;
    kind;
    value;
    stringer;
    constructor(
    /** The Go type as Go prints it in `%T` and in errors. */
    type, kind, 
    /** bigint for int/uint kinds, number for float, string, boolean. */
    value, 
    /** Go's String() method, when the type has one (time.Month prints `November`). */
    stringer) {
        this.type = type;
        this.kind = kind;
        this.value = value;
        this.stringer = stringer;
    }
}
const goSignature = Symbol('regkit.goSignature');
/**
 * Declares a function's Go signature so templates get Go's argument checks
 * (`wrong number of args for trunc: want 2 got 1`, `wrong type for value; expected int; got string`).
 * Functions without one take any number of arguments of any type.
 */
function goFunc(signature, fn) {
    fn[goSignature] = signature;
    return fn;
}
function signatureOf(fn) {
    return fn[goSignature];
}
/** Go's invalid reflect.Value: what a missing map key yields. Prints `<no value>`. */
const NO_VALUE = Symbol('no value');
function isPlainMap(v) {
    if (v instanceof Map)
        return true;
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}
function kindOf(v) {
    if (v === NO_VALUE)
        return 'invalid';
    if (v === null || v === undefined)
        return 'nil';
    switch (typeof v) {
        case 'boolean':
            return 'bool';
        case 'bigint':
            return 'int';
        case 'number':
            return 'float';
        case 'string':
            return 'string';
        case 'function':
            return 'func';
    }
    if (Array.isArray(v))
        return 'slice';
    if (v instanceof GoTyped)
        return v.kind;
    if (isPlainMap(v))
        return 'map';
    return 'struct';
}
/** Go's name for a value's type, as `%T` and error messages print it. */
function typeString(v) {
    if (v === null || v === undefined || v === NO_VALUE)
        return '<nil>';
    switch (typeof v) {
        case 'boolean':
            return 'bool';
        case 'bigint':
            return 'int';
        case 'number':
            return 'float64';
        case 'string':
            return 'string';
        case 'function':
            return funcTypeString(v);
    }
    if (Array.isArray(v))
        return '[]interface {}';
    if (v instanceof GoTyped)
        return v.type;
    if (v instanceof GoStruct)
        return v.typeName;
    if (isPlainMap(v))
        return 'map[string]interface {}';
    const named = v.goType;
    return typeof named === 'string' ? named : 'struct {}';
}
/** Go's name for each parameter type, as signatures and errors print it. */
const paramTypes = {
    string: 'string',
    int: 'int',
    int64: 'int64',
    float64: 'float64',
    bool: 'bool',
    any: 'interface {}',
};
function funcTypeString(fn) {
    const sig = signatureOf(fn) ?? { params: [], variadic: 'any', result: 'any' };
    const params = sig.params.map((p) => paramTypes[p]);
    if (sig.variadic)
        params.push('...' + paramTypes[sig.variadic]);
    return `func(${params.join(', ')}) ${paramTypes[sig.result ?? 'any']}`;
}
/** Entries of a Go map, keys sorted as Go's fmt and range sort string keys (by bytes). */
function sortedEntries(m) {
    const entries = m instanceof Map ? [...m.entries()] : Object.entries(m);
    return entries.sort(([a], [b]) => compareStrings(a, b));
}
/** Go compares strings byte by byte (UTF-8), which is code point order, not UTF-16 order. */
function compareStrings(a, b) {
    if (a === b)
        return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const ca = a.codePointAt(i);
        const cb = b.codePointAt(i);
        if (ca !== cb)
            return ca < cb ? -1 : 1;
        if (ca > 0xffff)
            i++;
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
function mapGet(m, key) {
    if (m instanceof Map)
        return m.has(key) ? m.get(key) : NO_VALUE;
    return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : NO_VALUE;
}
function mapSize(m) {
    return m instanceof Map ? m.size : Object.keys(m).length;
}
/** The int value of an int-kinded Go value, or undefined. */
function intValue(v) {
    if (typeof v === 'bigint')
        return v;
    if (v instanceof GoTyped && (v.kind === 'int' || v.kind === 'uint'))
        return v.value;
    return undefined;
}
/** UTF-8 length of a string, as Go's len counts it. */
function utf8Length(s) {
    return Buffer.byteLength(s, 'utf8');
}
/**
 * A value read out of an interface-typed slot (a map[string]interface{} value, an
 * element of []interface{}): Go keeps the interface type until a pipeline ends,
 * which shows in messages such as `can't evaluate field X in type interface {}`.
 */
class Iface {
    value;
    constructor(value) {
        this.value = value;
    }
}
/** The value inside an interface slot; a nil interface is null. */
function strip(v) {
    if (v instanceof Iface)
        return v.value ?? null;
    return v === undefined ? null : v;
}

;// CONCATENATED MODULE: ./src/template/time.ts
/**
 * Go's time.Time as a template sees it: an instant with nanoseconds, shown in a
 * zone (UTC, a fixed offset, or the machine's local zone), with Go's methods.
 */



const DAY = 86400;
/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
function civilFromDays(z) {
    z += 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp + (mp < 10 ? 3 : -9);
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}
function goMonth(m) {
    return new GoTyped('time.Month', 'int', BigInt(m), () => longMonthNames[m - 1] ?? `%!Month(${m})`);
}
function goWeekday(d) {
    return new GoTyped('time.Weekday', 'int', BigInt(d), () => longDayNames[d] ?? `%!Weekday(${d})`);
}
const int64 = (n) => new GoTyped('int64', 'int', BigInt.asIntN(64, n));
class GoTime {
    unixSeconds;
    nanos;
    offset;
    zone;
    where;
    goType = 'time.Time';
    constructor(
    /** Whole seconds since the Unix epoch. */
    unixSeconds, 
    /** 0..999999999 */
    nanos, 
    /** Seconds east of UTC. */
    offset, 
    /** Zone abbreviation; '' for an unnamed fixed offset. */
    zone, where) {
        this.unixSeconds = unixSeconds;
        this.nanos = nanos;
        this.offset = offset;
        this.zone = zone;
        this.where = where;
    }
    /**
     * An instant from a JavaScript Date (millisecond precision), shown in UTC or in a
     * fixed zone as Go's time.FixedZone(name, offset); see fromUnix.
     */
    static fromDate(date, offsetSeconds = 0, zoneName) {
        const ms = BigInt(date.getTime());
        const sec = ms >= 0n ? ms / 1000n : -((-ms + 999n) / 1000n);
        const nsec = Number(ms - sec * 1000n) * 1_000_000;
        return GoTime.fromUnix(sec, nsec, offsetSeconds, zoneName);
    }
    /**
     * time.Unix(sec, nsec), then In(FixedZone(zoneName, offsetSeconds)); with offset 0
     * and no name (or the name UTC) the time is in Go's time.UTC.
     */
    static fromUnix(sec, nsec = 0, offsetSeconds = 0, zoneName) {
        let s = BigInt(sec);
        s += BigInt(Math.floor(nsec / 1e9));
        nsec = ((nsec % 1e9) + 1e9) % 1e9;
        if (offsetSeconds === 0 && (zoneName === undefined || zoneName === 'UTC'))
            return new GoTime(s, nsec, 0, 'UTC', 'UTC');
        return new GoTime(s, nsec, offsetSeconds, zoneName ?? '', 'Fixed');
    }
    /** The same instant in the machine's local zone, as Go's Local(). */
    Local() {
        const ms = Number(this.unixSeconds) * 1000;
        const offset = -new Date(ms).getTimezoneOffset() * 60;
        const name = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
            .formatToParts(new Date(ms))
            .find((p) => p.type === 'timeZoneName')?.value;
        return new GoTime(this.unixSeconds, this.nanos, offset, name === 'GMT' || !name ? 'UTC' : name, 'Local');
    }
    UTC() {
        return new GoTime(this.unixSeconds, this.nanos, 0, 'UTC', 'UTC');
    }
    fields() {
        const local = Number(this.unixSeconds) + this.offset;
        const days = Math.floor(local / DAY);
        const secs = local - days * DAY;
        const { y, m, d } = civilFromDays(days);
        return {
            year: y,
            month: m,
            day: d,
            yday: days - daysFromCivil(y, 1, 1) + 1,
            weekday: (((days + 4) % 7) + 7) % 7,
            hour: Math.floor(secs / 3600),
            min: Math.floor((secs % 3600) / 60),
            sec: secs % 60,
            nsec: this.nanos,
            offset: this.offset,
            zone: this.zone,
        };
    }
    Format(layout) {
        return formatLayout(this.fields(), layout);
    }
    String() {
        return this.Format('2006-01-02 15:04:05.999999999 -0700 MST');
    }
    GoString() {
        const f = this.fields();
        const loc = this.where === 'UTC' ? 'time.UTC' : this.where === 'Local' ? 'time.Local' : `time.Location(${quote(this.zone)})`;
        return `time.Date(${f.year}, time.${longMonthNames[f.month - 1]}, ${f.day}, ${f.hour}, ${f.min}, ${f.sec}, ${f.nsec}, ${loc})`;
    }
    /** AddDate as Go's: normalises month and day overflow (Oct 31 + 1 month = Dec 1). */
    AddDate(years, months, days) {
        const f = this.fields();
        let y = f.year + years;
        let m = f.month - 1 + months;
        y += Math.floor(m / 12);
        m = ((m % 12) + 12) % 12;
        const day = daysFromCivil(y, m + 1, 1) + f.day - 1 + days;
        const sec = BigInt(day) * BigInt(DAY) + BigInt(f.hour * 3600 + f.min * 60 + f.sec - this.offset);
        return new GoTime(sec, this.nanos, this.offset, this.zone, this.where);
    }
    /** Go's methods by name, for templates (`.Time.Format "2006"`). */
    static methods = {
        Format: { params: ['string'], results: 1, call: (t, layout) => t.Format(layout) },
        String: { params: [], results: 1, call: (t) => t.String() },
        GoString: { params: [], results: 1, call: (t) => t.GoString() },
        Unix: { params: [], results: 1, call: (t) => int64(t.unixSeconds) },
        UnixMilli: {
            params: [],
            results: 1,
            call: (t) => int64(t.unixSeconds * 1000n + BigInt(Math.floor(t.nanos / 1e6))),
        },
        UnixMicro: {
            params: [],
            results: 1,
            call: (t) => int64(t.unixSeconds * 1000000n + BigInt(Math.floor(t.nanos / 1e3))),
        },
        UnixNano: { params: [], results: 1, call: (t) => int64(t.unixSeconds * 1000000000n + BigInt(t.nanos)) },
        UTC: { params: [], results: 1, call: (t) => t.UTC() },
        Local: { params: [], results: 1, call: (t) => t.Local() },
        Year: { params: [], results: 1, call: (t) => BigInt(t.fields().year) },
        Month: { params: [], results: 1, call: (t) => goMonth(t.fields().month) },
        Day: { params: [], results: 1, call: (t) => BigInt(t.fields().day) },
        Hour: { params: [], results: 1, call: (t) => BigInt(t.fields().hour) },
        Minute: { params: [], results: 1, call: (t) => BigInt(t.fields().min) },
        Second: { params: [], results: 1, call: (t) => BigInt(t.fields().sec) },
        Nanosecond: { params: [], results: 1, call: (t) => BigInt(t.nanos) },
        YearDay: { params: [], results: 1, call: (t) => BigInt(t.fields().yday) },
        Weekday: { params: [], results: 1, call: (t) => goWeekday(t.fields().weekday) },
        IsZero: { params: [], results: 1, call: (t) => t.unixSeconds === -62135596800n && t.nanos === 0 },
        AddDate: {
            params: ['int', 'int', 'int'],
            results: 1,
            call: (t, y, m, d) => t.AddDate(y, m, d),
        },
        // Go methods with several results cannot be called from a template; kept for Go's error.
        Date: { params: [], results: 3, call: () => undefined },
        Clock: { params: [], results: 3, call: () => undefined },
        Zone: { params: [], results: 2, call: () => undefined },
        ISOWeek: { params: [], results: 2, call: () => undefined },
    };
}

;// CONCATENATED MODULE: ./src/template/strconv/ftoa.ts
/**
 * Go's strconv.FormatFloat: shortest digits, or exact decimal digits rounded half
 * to even as Go rounds them, laid out as %e, %f, %g, %b or %x.
 */
/** The exact decimal expansion of a finite double. */
function exactDigits(x) {
    if (x === 0)
        return { d: '', dp: 0 };
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const expBits = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & ((1n << 52n) - 1n);
    let exp;
    if (expBits === 0)
        exp = -1074;
    else {
        mant |= 1n << 52n;
        exp = expBits - 1075;
    }
    let d;
    let dp;
    if (exp >= 0) {
        d = (mant << BigInt(exp)).toString();
        dp = d.length;
    }
    else {
        d = (mant * 5n ** BigInt(-exp)).toString();
        dp = d.length + exp;
    }
    return trim({ d, dp });
}
function trim(x) {
    const d = x.d.replace(/0+$/, '');
    return { d, dp: d.length === 0 ? 0 : x.dp };
}
/** Rounds to `nd` digits, half to even on exact ties, as Go's decimal rounding does. */
function roundTo(x, nd) {
    if (nd < 0 || nd >= x.d.length)
        return x;
    const next = x.d.charCodeAt(nd) - 48;
    let up = next > 5;
    if (next === 5) {
        const exact = nd + 1 === x.d.length;
        up = !exact || (nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1);
    }
    if (!up)
        return trim({ d: x.d.slice(0, nd), dp: x.d.slice(0, nd) === '' ? 0 : x.dp });
    let i = nd - 1;
    while (i >= 0 && x.d[i] === '9')
        i--;
    if (i < 0)
        return { d: '1', dp: x.dp + 1 };
    return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
}
/** Shortest digits that read back as x (JavaScript and Go agree on these). */
function shortestDigits(x) {
    if (x === 0)
        return { d: '', dp: 0 };
    const [mant, e] = x.toExponential().split('e');
    return trim({ d: mant.replace('.', ''), dp: Number(e) + 1 });
}
function fmtE(neg, x, prec, letter) {
    let out = (neg ? '-' : '') + (x.d[0] ?? '0');
    if (prec > 0)
        out += '.' + x.d.slice(1, prec + 1).padEnd(prec, '0');
    let exp = x.d.length === 0 ? 0 : x.dp - 1;
    const sign = exp < 0 ? '-' : '+';
    exp = Math.abs(exp);
    return out + letter + sign + String(exp).padStart(2, '0');
}
function fmtF(neg, x, prec) {
    let out = neg ? '-' : '';
    if (x.dp > 0)
        out += x.d.slice(0, x.dp).padEnd(x.dp, '0');
    else
        out += '0';
    if (prec > 0) {
        out += '.';
        for (let i = 1; i <= prec; i++) {
            const j = x.dp + i - 1;
            out += j >= 0 && j < x.d.length ? x.d[j] : '0';
        }
    }
    return out;
}
function fmtB(x) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const neg = bits >> 63n === 1n;
    const expBits = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & ((1n << 52n) - 1n);
    let exp = expBits - 1075;
    if (expBits === 0)
        exp = -1074;
    else
        mant |= 1n << 52n;
    return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : '-'}${Math.abs(exp)}`;
}
/** %x / %X of a float: hexadecimal mantissa and binary exponent (strconv's fmtX). */
function fmtX(x, prec, verb) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const neg = bits >> 63n === 1n;
    const expBits = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & ((1n << 52n) - 1n);
    let exp = expBits;
    if (exp === 0)
        exp++;
    else
        mant |= 1n << 52n;
    exp -= 1023;
    if (mant === 0n)
        exp = 0;
    // Put the leading 1 at bit 60.
    mant <<= 8n;
    while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
        mant <<= 1n;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        const shift = BigInt(prec * 4);
        const extra = (mant << shift) & ((1n << 60n) - 1n);
        mant >>= 60n - shift;
        if ((extra | (mant & 1n)) > 1n << 59n)
            mant++;
        mant <<= 60n - shift;
        if ((mant & (1n << 61n)) !== 0n) {
            mant >>= 1n;
            exp++;
        }
    }
    const upper = verb === 'X';
    let out = (neg ? '-' : '') + '0' + verb + String((mant >> 60n) & 1n);
    mant = (mant << 4n) & ((1n << 64n) - 1n);
    const digit = () => {
        const d = Number((mant >> 60n) & 15n).toString(16);
        mant = (mant << 4n) & ((1n << 64n) - 1n);
        return upper ? d.toUpperCase() : d;
    };
    if (prec < 0 && mant !== 0n) {
        out += '.';
        while (mant !== 0n)
            out += digit();
    }
    else if (prec > 0) {
        out += '.';
        for (let i = 0; i < prec; i++)
            out += digit();
    }
    out += (upper ? 'P' : 'p') + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
    return out;
}
/** strconv.FormatFloat(x, verb, prec, 64) for verbs e E f g G b x X; prec -1 is shortest. */
function formatFloat(x, verb, prec) {
    if (Number.isNaN(x))
        return 'NaN';
    if (x === Infinity)
        return '+Inf';
    if (x === -Infinity)
        return '-Inf';
    if (verb === 'b')
        return fmtB(x);
    if (verb === 'x' || verb === 'X')
        return fmtX(x, prec, verb);
    const neg = x < 0 || Object.is(x, -0);
    const abs = Math.abs(x);
    const shortest = prec < 0;
    let digs;
    if (shortest) {
        digs = shortestDigits(abs);
        if (verb === 'e' || verb === 'E')
            prec = Math.max(digs.d.length - 1, 0);
        else if (verb === 'f')
            prec = Math.max(digs.d.length - digs.dp, 0);
        else
            prec = digs.d.length;
    }
    else {
        const exact = exactDigits(abs);
        if (verb === 'e' || verb === 'E')
            digs = roundTo(exact, prec + 1);
        else if (verb === 'f')
            digs = roundTo(exact, exact.dp + prec);
        else {
            if (prec === 0)
                prec = 1;
            digs = roundTo(exact, prec);
        }
    }
    switch (verb) {
        case 'e':
        case 'E':
            return fmtE(neg, digs, prec, verb);
        case 'f':
            return fmtF(neg, digs, prec);
        default: {
            let eprec = prec;
            if (eprec > digs.d.length && digs.d.length >= digs.dp)
                eprec = digs.d.length;
            if (shortest)
                eprec = 6;
            const exp = digs.dp - 1;
            if (exp < -4 || exp >= eprec) {
                if (prec > digs.d.length)
                    prec = digs.d.length;
                return fmtE(neg, digs, prec - 1, verb === 'g' ? 'e' : 'E');
            }
            if (prec > digs.dp)
                prec = digs.d.length;
            return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
        }
    }
}

;// CONCATENATED MODULE: ./src/template/fmt/format.ts
/**
 * Go's fmt formatting primitives (fmt/format.go): padding, integers, floats and
 * strings under the flags, width and precision of one verb.
 */


const ldigits = '0123456789abcdefx';
const udigits = '0123456789ABCDEFX';

class Flags {
    widPresent = false;
    precPresent = false;
    minus = false;
    plus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
    wid = 0;
    prec = 0;
}
const runeCount = (s) => {
    let n = 0;
    for (const _ of s)
        n++;
    return n;
};
/** One fmt verb's formatter writing into a shared buffer. */
class Formatter {
    buf = '';
    f = new Flags();
    clearFlags() {
        this.f = new Flags();
    }
    writePadding(n) {
        if (n <= 0)
            return;
        this.buf += (this.f.zero ? '0' : ' ').repeat(n);
    }
    pad(s) {
        const f = this.f;
        if (!f.widPresent || f.wid === 0) {
            this.buf += s;
            return;
        }
        const width = f.wid - runeCount(s);
        if (!f.minus) {
            this.writePadding(width);
            this.buf += s;
        }
        else {
            this.buf += s;
            this.writePadding(width);
        }
    }
    fmtBoolean(v) {
        this.pad(v ? 'true' : 'false');
    }
    fmtUnicode(u) {
        let prec = 4;
        if (this.f.precPresent && this.f.prec > 4)
            prec = this.f.prec;
        let out = 'U+' + u.toString(16).toUpperCase().padStart(prec, '0');
        if (this.f.sharp && u <= 0x10ffffn && isPrint(Number(u)))
            out += ` '${String.fromCodePoint(Number(u))}'`;
        const zero = this.f.zero;
        this.f.zero = false;
        this.pad(out);
        this.f.zero = zero;
    }
    /** fmtInteger: `u` is the value, negative only when signed. */
    fmtInteger(v, base, verb, digits) {
        const f = this.f;
        const negative = v < 0n;
        const u = negative ? -v : v;
        let prec = 0;
        if (f.precPresent) {
            prec = f.prec;
            if (prec === 0 && u === 0n) {
                const zero = f.zero;
                f.zero = false;
                this.writePadding(f.wid);
                f.zero = zero;
                return;
            }
        }
        else if (f.zero && f.widPresent) {
            prec = f.wid;
            if (negative || f.plus || f.space)
                prec--;
        }
        let s = u.toString(base);
        if (digits === udigits)
            s = s.toUpperCase();
        if (s.length < prec)
            s = s.padStart(prec, '0');
        if (f.sharp) {
            if (base === 2)
                s = '0b' + s;
            else if (base === 8 && s[0] !== '0')
                s = '0' + s;
            else if (base === 16)
                s = '0' + digits[16] + s;
        }
        if (verb === 'O')
            s = '0o' + s;
        if (negative)
            s = '-' + s;
        else if (f.plus)
            s = '+' + s;
        else if (f.space)
            s = ' ' + s;
        const zero = f.zero;
        f.zero = false;
        this.pad(s);
        f.zero = zero;
    }
    truncateString(s) {
        if (!this.f.precPresent)
            return s;
        let n = this.f.prec;
        let i = 0;
        for (const ch of s) {
            if (--n < 0)
                return s.slice(0, i);
            i += ch.length;
        }
        return s;
    }
    fmtS(s) {
        this.pad(this.truncateString(s));
    }
    /** %x / %X of a string: hex of its UTF-8 bytes. */
    fmtSx(s, digits) {
        const f = this.f;
        const bytes = Buffer.from(s, 'utf8');
        let length = bytes.length;
        if (f.precPresent && f.prec < length)
            length = f.prec;
        let width = 2 * length;
        if (width > 0) {
            if (f.space) {
                if (f.sharp)
                    width *= 2;
                width += length - 1;
            }
            else if (f.sharp)
                width += 2;
        }
        else {
            if (f.widPresent)
                this.writePadding(f.wid);
            return;
        }
        if (f.widPresent && f.wid > width && !f.minus)
            this.writePadding(f.wid - width);
        let out = f.sharp ? '0' + digits[16] : '';
        for (let i = 0; i < length; i++) {
            if (f.space && i > 0)
                out += f.sharp ? ' 0' + digits[16] : ' ';
            const c = bytes[i];
            out += digits[c >> 4] + digits[c & 0xf];
        }
        this.buf += out;
        if (f.widPresent && f.wid > width && f.minus)
            this.writePadding(f.wid - width);
    }
    fmtQ(s) {
        s = this.truncateString(s);
        if (this.f.sharp && canBackquote(s)) {
            this.pad('`' + s + '`');
            return;
        }
        this.pad(quote(s, this.f.plus));
    }
    fmtC(c) {
        const r = c < 0n || c > 0x10ffffn || (c >= 0xd800n && c <= 0xdfffn) ? 0xfffd : Number(c);
        this.pad(String.fromCodePoint(r));
    }
    fmtQc(c) {
        const r = c < 0n || c > 0x10ffffn ? 0xfffd : Number(c);
        this.pad(quoteRune(r, this.f.plus));
    }
    fmtFloat(v, verb, prec) {
        const f = this.f;
        if (f.precPresent)
            prec = f.prec;
        let num = formatFloat(v, verb === 'F' ? 'f' : verb, prec);
        if (num[0] !== '-' && num[0] !== '+')
            num = '+' + num;
        if (f.space && num[0] === '+' && !f.plus)
            num = ' ' + num.slice(1);
        if (num[1] === 'I' || num[1] === 'N') {
            const zero = f.zero;
            f.zero = false;
            if (num[1] === 'N' && !f.space && !f.plus)
                num = num.slice(1);
            this.pad(num);
            f.zero = zero;
            return;
        }
        if (f.sharp && verb !== 'b')
            num = this.sharpFloat(num, verb, prec);
        if (f.plus || num[0] !== '+') {
            if (f.zero && f.widPresent && f.wid > num.length) {
                this.buf += num[0];
                this.writePadding(f.wid - num.length);
                this.buf += num.slice(1);
                return;
            }
            this.pad(num);
            return;
        }
        this.pad(num.slice(1));
    }
    /** The '#' flag: keep the decimal point, and for %g keep trailing zeros. */
    sharpFloat(num, verb, prec) {
        let digits = 0;
        if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x')
            digits = prec === -1 ? 6 : prec;
        let tail = '';
        let hasDecimalPoint = false;
        let sawNonzeroDigit = false;
        for (let i = 1; i < num.length; i++) {
            const c = num[i];
            if (c === '.')
                hasDecimalPoint = true;
            else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
                tail = num.slice(i);
                num = num.slice(0, i);
                break;
            }
            else {
                if (c !== '0')
                    sawNonzeroDigit = true;
                if (sawNonzeroDigit)
                    digits--;
            }
        }
        if (!hasDecimalPoint) {
            if (num.length === 2 && num[1] === '0')
                digits--;
            num += '.';
        }
        while (digits > 0) {
            num += '0';
            digits--;
        }
        return num + tail;
    }
}

;// CONCATENATED MODULE: ./src/template/fmt/print-value.ts
/**
 * fmt's printer (fmt/print.go): one argument under one verb — Stringers, badVerb
 * reports, and Go's printing of maps, slices, structs and nil.
 */



/**
 * A nil pointer inside a struct: time.Time's *time.Location in UTC. (Other zones
 * are real pointers whose addresses Go prints; those print as 0 here.)
 */
class NilPointer {
    type;
    constructor(type) {
        this.type = type;
    }
}
/** time.Time's fields as fmt sees them when no method applies (`%d` of a time). */
function timeFields(t) {
    return [
        ['wall', new GoTyped('uint64', 'uint', BigInt(t.nanos))],
        ['ext', new GoTyped('int64', 'int', t.unixSeconds + 62135596800n)],
        ['loc', new NilPointer('*time.Location')],
    ];
}
const typeOf = (v) => (v instanceof NilPointer ? v.type : typeString(v));
class Printer extends Formatter {
    /** The value being printed, for badVerb; undefined inside containers as Go's p.arg = nil. */
    erroring = false;
    badVerb(verb, v) {
        this.erroring = true;
        this.buf += '%!' + verb + '(';
        if (v === null || v === undefined || v === NO_VALUE)
            this.buf += '<nil>';
        else {
            this.buf += typeOf(v) + '=';
            this.printValue(v, 'v', 0);
        }
        this.buf += ')';
        this.erroring = false;
    }
    /** Stringer and GoStringer, as fmt's handleMethods. */
    handleMethods(v, verb) {
        if (this.erroring)
            return false;
        if (this.f.sharpV) {
            if (v instanceof GoTime) {
                this.fmtS(v.GoString());
                return true;
            }
            return false;
        }
        if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q')
            return false;
        let s;
        if (v instanceof GoTime)
            s = v.String();
        else if (v instanceof GoTyped && v.stringer)
            s = v.stringer();
        if (s === undefined)
            return false;
        this.fmtString(s, verb, v);
        return true;
    }
    printArg(arg, verb) {
        if (arg === null || arg === undefined || arg === NO_VALUE) {
            if (verb === 'T' || verb === 'v')
                this.pad('<nil>');
            else
                this.badVerb(verb, null);
            return;
        }
        if (verb === 'T') {
            this.fmtS(typeString(arg));
            return;
        }
        if (verb === 'p') {
            this.badVerb(verb, arg);
            return;
        }
        if (this.handleMethods(arg, verb))
            return;
        this.printValue(arg, verb, 0);
    }
    printValue(v, verb, depth) {
        if (depth > 0 && this.handleMethods(v, verb))
            return;
        const f = this.f;
        if (v instanceof NilPointer) {
            if (verb === 'v')
                this.pad('<nil>');
            else if ('bodxX'.includes(verb))
                this.fmtInt(0n, false, verb, v);
            else
                this.badVerb(verb, v);
            return;
        }
        switch (kindOf(v)) {
            case 'invalid':
            case 'nil':
                // Inside a container a nil is an interface holding nothing, whatever the verb.
                this.buf += f.sharpV ? 'interface {}(nil)' : '<nil>';
                return;
            case 'bool':
                if (verb === 't' || verb === 'v')
                    this.fmtBoolean(unwrap(v));
                else
                    this.badVerb(verb, v);
                return;
            case 'int':
            case 'uint':
                this.fmtInt(unwrap(v), kindOf(v) === 'int', verb, v);
                return;
            case 'float':
                this.fmtFloatVerb(unwrap(v), verb, v);
                return;
            case 'string':
                this.fmtString(unwrap(v), verb, v);
                return;
            case 'map': {
                const m = v;
                this.buf += f.sharpV ? typeString(v) + '{' : 'map[';
                sortedEntries(m).forEach(([key, value], i) => {
                    if (i > 0)
                        this.buf += f.sharpV ? ', ' : ' ';
                    this.printValue(key, verb, depth + 1);
                    this.buf += ':';
                    this.printValue(value, verb, depth + 1);
                });
                this.buf += f.sharpV ? '}' : ']';
                return;
            }
            case 'slice': {
                const a = v;
                this.buf += f.sharpV ? typeString(v) + '{' : '[';
                a.forEach((e, i) => {
                    if (i > 0)
                        this.buf += f.sharpV ? ', ' : ' ';
                    this.printValue(e, verb, depth + 1);
                });
                this.buf += f.sharpV ? '}' : ']';
                return;
            }
            case 'struct': {
                const fields = v instanceof GoStruct ? Object.entries(v.fields) : v instanceof GoTime ? timeFields(v) : [];
                if (f.sharpV)
                    this.buf += typeString(v);
                this.buf += '{';
                fields.forEach(([name, value], i) => {
                    if (i > 0)
                        this.buf += f.sharpV ? ', ' : ' ';
                    if (f.plusV || f.sharpV)
                        this.buf += name + ':';
                    this.printValue(value, verb, depth + 1);
                });
                this.buf += '}';
                return;
            }
            case 'func':
                this.badVerb(verb, v);
                return;
        }
    }
    fmtInt(n, signed, verb, v) {
        switch (verb) {
            case 'v':
                if (this.f.sharpV && !signed) {
                    const sharp = this.f.sharp;
                    this.f.sharp = true;
                    this.fmtInteger(n, 16, 'v', ldigits);
                    this.f.sharp = sharp;
                }
                else
                    this.fmtInteger(n, 10, verb, ldigits);
                return;
            case 'd':
                return this.fmtInteger(n, 10, verb, ldigits);
            case 'b':
                return this.fmtInteger(n, 2, verb, ldigits);
            case 'o':
            case 'O':
                return this.fmtInteger(n, 8, verb, ldigits);
            case 'x':
                return this.fmtInteger(n, 16, verb, ldigits);
            case 'X':
                return this.fmtInteger(n, 16, verb, udigits);
            case 'c':
                return this.fmtC(n);
            case 'q':
                return this.fmtQc(n);
            case 'U':
                return this.fmtUnicode(signed ? BigInt.asUintN(64, n) : n);
            default:
                return this.badVerb(verb, v);
        }
    }
    fmtFloatVerb(x, verb, v) {
        switch (verb) {
            case 'v':
                return this.fmtFloat(x, 'g', -1);
            case 'b':
            case 'g':
            case 'G':
            case 'x':
            case 'X':
                return this.fmtFloat(x, verb, -1);
            case 'f':
            case 'e':
            case 'E':
            case 'F':
                return this.fmtFloat(x, verb, 6);
            default:
                return this.badVerb(verb, v);
        }
    }
    fmtString(s, verb, v) {
        switch (verb) {
            case 'v':
                if (this.f.sharpV)
                    this.fmtQ(s);
                else
                    this.fmtS(s);
                return;
            case 's':
                return this.fmtS(s);
            case 'x':
                return this.fmtSx(s, ldigits);
            case 'X':
                return this.fmtSx(s, udigits);
            case 'q':
                return this.fmtQ(s);
            default:
                return this.badVerb(verb, v);
        }
    }
}
function unwrap(v) {
    return v instanceof GoTyped ? v.value : v;
}
function isStringKind(v) {
    return kindOf(v) === 'string';
}

;// CONCATENATED MODULE: ./src/template/fmt/print.ts
/**
 * Go's fmt.Sprint, Sprintln and Sprintf (fmt/print.go) over the value model of
 * ../values.ts: verbs, flags, width, precision, argument indexes, and Go's
 * `%!verb(type=value)`, `%!v(MISSING)` and `%!(EXTRA …)` reports.
 */


/** fmt.Sprint: spaces between operands when neither side is a string. */
function sprint(args) {
    const p = new Printer();
    let prevString = false;
    args.forEach((arg, i) => {
        const isString = isStringKind(arg);
        if (i > 0 && !isString && !prevString)
            p.buf += ' ';
        p.printArg(arg, 'v');
        prevString = isString;
    });
    return p.buf;
}
/** fmt.Sprintln: spaces always, and a newline. */
function sprintln(args) {
    const p = new Printer();
    args.forEach((arg, i) => {
        if (i > 0)
            p.buf += ' ';
        p.printArg(arg, 'v');
    });
    return p.buf + '\n';
}
const tooLarge = (x) => x > 1e6 || x < -1e6;
/** parsenum: a run of decimal digits at s[start:end]. */
function parsenum(s, start, end) {
    let num = 0;
    let isnum = false;
    let i = start;
    for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
        if (tooLarge(num))
            return { num: 0, isnum: false, next: end };
        num = num * 10 + (s.charCodeAt(i) - 48);
        isnum = true;
    }
    return { num, isnum, next: i };
}
function intFromArg(a, argNum) {
    if (argNum >= a.length)
        return { num: 0, isInt: false, argNum };
    const v = a[argNum];
    const k = kindOf(v);
    let num = 0;
    let isInt = false;
    if (k === 'int' || k === 'uint') {
        const n = unwrap(v);
        if (n >= -(2n ** 63n) && n < 2n ** 63n) {
            num = Number(n);
            isInt = true;
        }
    }
    if (tooLarge(num))
        return { num: 0, isInt: false, argNum: argNum + 1 };
    return { num, isInt, argNum: argNum + 1 };
}
function sprintf(format, a) {
    const p = new Printer();
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    let reordered = false;
    let goodArgNum = true;
    const argNumber = (i) => {
        if (format.length <= i || format[i] !== '[')
            return { argNum, i, found: false };
        reordered = true;
        // parseArgNumber
        let index = 0;
        let wid = 1;
        let ok = false;
        const rest = format.slice(i);
        if (rest.length >= 3) {
            for (let j = 1; j < rest.length; j++) {
                if (rest[j] === ']') {
                    const { num, isnum, next } = parsenum(rest, 1, j);
                    if (!isnum || next !== j) {
                        wid = j + 1;
                    }
                    else {
                        index = num - 1;
                        wid = j + 1;
                        ok = true;
                    }
                    break;
                }
            }
        }
        if (ok && index >= 0 && index < a.length)
            return { argNum: index, i: i + wid, found: true };
        goodArgNum = false;
        return { argNum, i: i + wid, found: ok };
    };
    let i = 0;
    while (i < end) {
        goodArgNum = true;
        const lasti = i;
        while (i < end && format[i] !== '%')
            i++;
        if (i > lasti)
            p.buf += format.slice(lasti, i);
        if (i >= end)
            break;
        i++;
        p.clearFlags();
        const f = p.f;
        flags: for (; i < end; i++) {
            switch (format[i]) {
                case '#':
                    f.sharp = true;
                    break;
                case '0':
                    f.zero = !f.minus;
                    break;
                case '+':
                    f.plus = true;
                    break;
                case '-':
                    f.minus = true;
                    f.zero = false;
                    break;
                case ' ':
                    f.space = true;
                    break;
                default:
                    break flags;
            }
        }
        let r = argNumber(i);
        argNum = r.argNum;
        i = r.i;
        afterIndex = r.found;
        if (i < end && format[i] === '*') {
            i++;
            const w = intFromArg(a, argNum);
            f.wid = w.num;
            f.widPresent = w.isInt;
            argNum = w.argNum;
            if (!f.widPresent)
                p.buf += '%!(BADWIDTH)';
            if (f.wid < 0) {
                f.wid = -f.wid;
                f.minus = true;
                f.zero = false;
            }
            afterIndex = false;
        }
        else {
            const w = parsenum(format, i, end);
            f.wid = w.num;
            f.widPresent = w.isnum;
            i = w.next;
            if (afterIndex && f.widPresent)
                goodArgNum = false;
        }
        if (i + 1 < end && format[i] === '.') {
            i++;
            if (afterIndex)
                goodArgNum = false;
            r = argNumber(i);
            argNum = r.argNum;
            i = r.i;
            afterIndex = r.found;
            if (i < end && format[i] === '*') {
                i++;
                const w = intFromArg(a, argNum);
                f.prec = w.num;
                f.precPresent = w.isInt;
                argNum = w.argNum;
                if (f.prec < 0) {
                    f.prec = 0;
                    f.precPresent = false;
                }
                if (!f.precPresent)
                    p.buf += '%!(BADPREC)';
                afterIndex = false;
            }
            else {
                const w = parsenum(format, i, end);
                f.prec = w.num;
                f.precPresent = w.isnum;
                i = w.next;
                if (!f.precPresent) {
                    f.prec = 0;
                    f.precPresent = true;
                }
            }
        }
        if (!afterIndex) {
            r = argNumber(i);
            argNum = r.argNum;
            i = r.i;
            afterIndex = r.found;
        }
        if (i >= end) {
            p.buf += '%!(NOVERB)';
            break;
        }
        const verb = String.fromCodePoint(format.codePointAt(i));
        i += verb.length;
        if (verb === '%')
            p.buf += '%';
        else if (!goodArgNum)
            p.buf += '%!' + verb + '(BADINDEX)';
        else if (argNum >= a.length)
            p.buf += '%!' + verb + '(MISSING)';
        else {
            if (verb === 'v') {
                f.sharpV = f.sharp;
                f.sharp = false;
                f.plusV = f.plus;
                f.plus = false;
            }
            p.printArg(a[argNum], verb);
            argNum++;
        }
    }
    if (!reordered && argNum < a.length) {
        p.clearFlags();
        p.buf += '%!(EXTRA ';
        a.slice(argNum).forEach((arg, j) => {
            if (j > 0)
                p.buf += ', ';
            if (arg === null || arg === undefined || arg === NO_VALUE)
                p.buf += '<nil>';
            else {
                p.buf += typeString(arg) + '=';
                p.printArg(arg, 'v');
            }
        });
        p.buf += ')';
    }
    return p.buf;
}

;// CONCATENATED MODULE: ./src/template/compare.ts
/**
 * Go's truth and its comparison builtins (eq, ne, lt, le, gt, ge): basic kinds
 * compare within their kind, ints with uints; anything else is Go's error.
 */




/** Go's truth: false for missing, nil, zero numbers, empty strings/slices/maps. */
function isTrue(v) {
    v = strip(v);
    if (v instanceof GoTyped)
        v = v.value;
    switch (kindOf(v)) {
        case 'invalid':
        case 'nil':
            return false;
        case 'bool':
            return v;
        case 'int':
        case 'uint':
            return v !== 0n;
        case 'float':
            return v !== 0;
        case 'string':
            return v.length > 0;
        case 'slice':
            return v.length > 0;
        case 'map':
            return mapSize(v) > 0;
        default:
            return true;
    }
}
function basicKind(v) {
    const k = kindOf(v);
    return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}
const raw = (v) => (v instanceof GoTyped ? v.value : v);
const isZero = (v) => v === NO_VALUE || v === null || v === undefined;
const BAD_COMPARISON = 'incompatible types for comparison';
const BAD_COMPARISON_TYPE = 'invalid type for comparison';
function comparable(v) {
    const k = kindOf(v);
    return k !== 'map' && k !== 'slice' && k !== 'func';
}
/** Go's == on comparable non-basic values (structs, times). */
function sameValue(a, b) {
    if (a === b)
        return true;
    if (a instanceof GoTime && b instanceof GoTime) {
        return a.unixSeconds === b.unixSeconds && a.nanos === b.nanos && a.offset === b.offset && a.zone === b.zone;
    }
    if (a instanceof GoStruct && b instanceof GoStruct) {
        if (a.typeName !== b.typeName)
            return false;
        return Object.keys(a.fields).every((k) => {
            const x = strip(a.fields[k]);
            const y = strip(b.fields[k]);
            return basicKind(x) !== 'invalid' ? raw(x) === raw(y) : sameValue(x, y);
        });
    }
    return false;
}
function eq(arg1, ...arg2) {
    if (arg2.length === 0)
        throw new FuncError('missing argument for comparison');
    const k1 = basicKind(arg1);
    for (const arg of arg2) {
        const k2 = basicKind(arg);
        let truth = false;
        if (k1 !== k2) {
            if (k1 === 'int' && k2 === 'uint')
                truth = raw(arg1) >= 0n && raw(arg1) === raw(arg);
            else if (k1 === 'uint' && k2 === 'int')
                truth = raw(arg) >= 0n && raw(arg1) === raw(arg);
            else if (!isZero(arg1) && !isZero(arg))
                throw new FuncError(BAD_COMPARISON);
        }
        else if (k1 !== 'invalid') {
            truth = raw(arg1) === raw(arg);
        }
        else {
            const kind1 = kindOf(arg1);
            const kind2 = kindOf(arg);
            const invalid = (k) => k === 'invalid' || k === 'nil';
            if (kind1 !== kind2 && !invalid(kind1) && !invalid(kind2)) {
                throw new FuncError(sprintf('non-comparable types %s: %v, %s: %v', [arg1, typeString(arg1), typeString(arg), arg]));
            }
            if (isZero(arg1) || isZero(arg))
                truth = isZero(arg1) === isZero(arg);
            else if (!comparable(arg))
                throw new FuncError(sprintf('non-comparable type %s: %v', [arg, typeString(arg)]));
            else
                truth = sameValue(arg1, arg);
        }
        if (truth)
            return true;
    }
    return false;
}
function lt(arg1, arg2) {
    const k1 = basicKind(arg1);
    if (k1 === 'invalid')
        throw new FuncError(BAD_COMPARISON_TYPE);
    const k2 = basicKind(arg2);
    if (k2 === 'invalid')
        throw new FuncError(BAD_COMPARISON_TYPE);
    const a = raw(arg1);
    const b = raw(arg2);
    if (k1 !== k2) {
        if (k1 === 'int' && k2 === 'uint')
            return a < 0n || a < b;
        if (k1 === 'uint' && k2 === 'int')
            return b >= 0n && a < b;
        throw new FuncError(BAD_COMPARISON);
    }
    if (k1 === 'bool')
        throw new FuncError(BAD_COMPARISON_TYPE);
    if (k1 === 'string')
        return compareStrings(a, b) < 0;
    return a < b;
}
const le = (a, b) => lt(a, b) || eq(a, b);

;// CONCATENATED MODULE: ./src/template/escape.ts
/** The html, js and urlquery escapers of Go's text/template (funcs.go) and net/url. */

function htmlEscape(s) {
    return s.replace(/[\0"'&<>]/g, (c) => {
        switch (c) {
            case '\0':
                return '\uFFFD';
            case '"':
                return '&#34;';
            case "'":
                return '&#39;';
            case '&':
                return '&amp;';
            case '<':
                return '&lt;';
            default:
                return '&gt;';
        }
    });
}
const jsSpecial = {
    '\\': '\\\\',
    "'": "\\'",
    '"': '\\"',
    '<': '\\u003C',
    '>': '\\u003E',
    '&': '\\u0026',
    '=': '\\u003D',
};
function jsEscape(s) {
    let out = '';
    for (const ch of s) {
        const r = ch.codePointAt(0);
        if (jsSpecial[ch])
            out += jsSpecial[ch];
        else if (r < 0x20)
            out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
        else if (r < 0x80 || isPrint(r))
            out += ch;
        else
            out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
    }
    return out;
}
/** url.QueryEscape: space as '+', everything but letters, digits and -_.~ as %XX of its UTF-8 bytes. */
function queryEscape(s) {
    let out = '';
    for (const b of Buffer.from(s, 'utf8')) {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c))
            out += c;
        else if (c === ' ')
            out += '+';
        else
            out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
}

;// CONCATENATED MODULE: ./src/template/funcs.ts
/**
 * Go's template builtins (text/template/funcs.go) and the bridge for custom
 * functions. A FuncError becomes Go's `error calling NAME: MESSAGE`.
 */






/** indexArg: an int index within [0, cap]. */
function indexArg(index, cap) {
    const k = kindOf(index);
    if (k === 'invalid' || k === 'nil')
        throw new FuncError('cannot index slice/array with nil');
    if (k !== 'int' && k !== 'uint')
        throw new FuncError(`cannot index slice/array with type ${typeString(index)}`);
    const x = raw(index);
    if (x < 0n || x > BigInt(cap))
        throw new FuncError(`index out of range: ${x}`);
    return Number(x);
}
function index(item, ...indexes) {
    if (isZero(item))
        throw new FuncError('index of untyped nil');
    for (const i of indexes) {
        item = strip(item);
        if (isZero(item))
            throw new FuncError('index of nil pointer');
        const k = kindOf(item);
        if (k === 'slice' || k === 'string') {
            const isString = k === 'string';
            const bytes = isString ? Buffer.from(raw(item), 'utf8') : undefined;
            const len = bytes ? bytes.length : item.length;
            const x = indexArg(i, len);
            if (x === len)
                throw new FuncError(`reflect: ${isString ? 'string' : 'slice'} index out of range`);
            item = bytes ? new GoTyped('uint8', 'uint', BigInt(bytes[x])) : new Iface(item[x]);
        }
        else if (k === 'map') {
            if (isZero(i))
                throw new FuncError('value is nil; should be of type string');
            if (typeString(i) !== 'string')
                throw new FuncError(`value has type ${typeString(i)}; should be string`);
            const v = mapGet(item, i);
            item = new Iface(v === NO_VALUE ? null : v);
        }
        else
            throw new FuncError(`can't index item of type ${typeString(item)}`);
    }
    return item;
}
function slice(item, ...indexes) {
    if (isZero(item))
        throw new FuncError('slice of untyped nil');
    if (indexes.length > 3)
        throw new FuncError(`too many slice indexes: ${indexes.length}`);
    const k = kindOf(item);
    let len;
    if (k === 'string') {
        if (indexes.length === 3)
            throw new FuncError('cannot 3-index slice a string');
        len = utf8Length(raw(item));
    }
    else if (k === 'slice')
        len = item.length;
    else
        throw new FuncError(`can't slice item of type ${typeString(item)}`);
    const idx = [0, len, 0];
    indexes.forEach((x, i) => (idx[i] = indexArg(x, len)));
    if (idx[0] > idx[1])
        throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
    if (indexes.length === 3 && idx[1] > idx[2])
        throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
    if (k === 'string') {
        const s = Buffer.from(raw(item), 'utf8')
            .subarray(idx[0], idx[1])
            .toString('utf8');
        return item instanceof GoTyped ? new GoTyped(item.type, 'string', s) : s;
    }
    return item.slice(idx[0], idx[1]);
}
function funcs_length(item) {
    if (item === NO_VALUE)
        throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
    if (isZero(item))
        throw new FuncError('len of nil pointer');
    switch (kindOf(item)) {
        case 'string':
            return BigInt(utf8Length(raw(item)));
        case 'slice':
            return BigInt(item.length);
        case 'map':
            return BigInt(mapSize(item));
    }
    throw new FuncError(`len of type ${typeString(item)}`);
}
/** evalArgs of html/js/urlquery: one string as is, anything else as fmt.Sprint prints it. */
function evalArgs(args) {
    if (args.length === 1 && typeof args[0] === 'string')
        return args[0];
    return sprint(args.map((a) => (isZero(a) ? '<no value>' : a)));
}
const v = (params, call, variadic) => ({
    params,
    variadic,
    results: 2,
    errorResult: true,
    call: (args) => call(...args),
});
const builtins = {
    and: v(['value'], () => undefined, 'value'),
    or: v(['value'], () => undefined, 'value'),
    not: v(['value'], (a) => !isTrue(a)),
    len: v(['value'], funcs_length),
    index: v(['value'], index, 'value'),
    slice: v(['value'], slice, 'value'),
    print: v([], (...a) => sprint(a), 'any'),
    printf: v(['string'], (f, ...a) => sprintf(f, a), 'any'),
    println: v([], (...a) => sprintln(a), 'any'),
    html: v([], (...a) => htmlEscape(evalArgs(a)), 'any'),
    js: v([], (...a) => jsEscape(evalArgs(a)), 'any'),
    urlquery: v([], (...a) => queryEscape(evalArgs(a)), 'any'),
    eq: v(['value'], eq, 'value'),
    ne: v(['value', 'value'], (a, b) => !eq(a, b)),
    lt: v(['value', 'value'], lt),
    le: v(['value', 'value'], le),
    gt: v(['value', 'value'], (a, b) => !le(a, b)),
    ge: v(['value', 'value'], (a, b) => !lt(a, b)),
    call: v(['value'], callFunction, 'value'),
};
// ---- custom functions ----
const paramTypeName = (t) => (t === 'value' ? 'reflect.Value' : paramTypes[t]);
/** Whether a value can be passed where Go expects `t` without conversion. */
function assignable(value, t) {
    if (t === 'any' || t === 'value')
        return true;
    return typeString(value) === paramTypes[t];
}
/** Go value → what the JavaScript function receives for a declared parameter. */
function toJs(value, t) {
    if (t === 'int' || t === 'int64')
        return Number(raw(value));
    return value;
}
function fromJs(result, t) {
    if (result === undefined)
        result = null;
    if (t === 'int' && typeof result === 'number')
        return BigInt(Math.trunc(result));
    if (t === 'int64' && (typeof result === 'number' || typeof result === 'bigint')) {
        return new GoTyped('int64', 'int', BigInt(typeof result === 'number' ? Math.trunc(result) : result));
    }
    return t === undefined || t === 'any' ? new Iface(result) : result;
}
/** A FuncMap entry as the executor calls it. Throws from the function become FuncError. */
function customFunc(fn) {
    const sig = signatureOf(fn);
    const params = sig ? sig.params : [];
    const variadic = sig ? sig.variadic : 'any';
    return {
        params,
        variadic,
        results: 2,
        errorResult: true,
        call(args) {
            const converted = args.map((a, i) => toJs(a, i < params.length ? params[i] : variadic));
            try {
                return fromJs(fn(...converted), sig?.result);
            }
            catch (err) {
                throw new FuncError(err instanceof Error ? err.message : String(err));
            }
        },
    };
}
/** Go's `call` builtin: checks arguments the way reflect would, then calls. */
function callFunction(fn, ...args) {
    fn = strip(fn);
    if (isZero(fn))
        throw new FuncError('call of nil');
    if (typeof fn !== 'function')
        throw new FuncError(`non-function of type ${typeString(fn)}`);
    const f = customFunc(fn);
    const numIn = f.params.length;
    if (f.variadic) {
        if (args.length < numIn)
            throw new FuncError(`wrong number of args: got ${args.length} want at least ${numIn}`);
    }
    else if (args.length !== numIn)
        throw new FuncError(`wrong number of args: got ${args.length} want ${numIn}`);
    const argv = args.map((arg, i) => {
        arg = strip(arg);
        const t = i < numIn ? f.params[i] : f.variadic;
        if (isZero(arg)) {
            if (t === 'any' || t === 'value')
                return null;
            throw new FuncError(`arg ${i}: value is nil; should be of type ${paramTypeName(t)}`);
        }
        if (assignable(arg, t))
            return arg;
        const k = kindOf(arg);
        if ((k === 'int' || k === 'uint') && (t === 'int' || t === 'int64'))
            return t === 'int' ? raw(arg) : new GoTyped('int64', 'int', raw(arg));
        throw new FuncError(`arg ${i}: value has type ${typeString(arg)}; should be ${paramTypeName(t)}`);
    });
    return f.call(argv);
}

;// CONCATENATED MODULE: ./src/template/parse/nodes.ts
/**
 * Parse tree nodes as Go's text/template/parse/node.go has them. String() gives
 * Go's text for each node, which execution errors quote (`at <.Foo>`).
 */

class Base {
    tree;
    pos;
    constructor(tree, pos) {
        this.tree = tree;
        this.pos = pos;
    }
}
class ListNode extends Base {
    type = 'list';
    nodes = [];
    toString() {
        return this.nodes.map(String).join('');
    }
}
class TextNode extends Base {
    text;
    type = 'text';
    constructor(tree, pos, text) {
        super(tree, pos);
        this.text = text;
    }
    toString() {
        return this.text;
    }
}
class CommentNode extends Base {
    text;
    type = 'comment';
    constructor(tree, pos, text) {
        super(tree, pos);
        this.text = text;
    }
    toString() {
        return `{{${this.text}}}`;
    }
}
class PipeNode extends Base {
    line;
    type = 'pipe';
    isAssign = false;
    decl = [];
    cmds = [];
    constructor(tree, pos, line) {
        super(tree, pos);
        this.line = line;
    }
    toString() {
        let s = '';
        if (this.decl.length > 0)
            s = this.decl.map(String).join(', ') + ' := ';
        return s + this.cmds.map(String).join(' | ');
    }
}
class ActionNode extends Base {
    line;
    pipe;
    type = 'action';
    constructor(tree, pos, line, pipe) {
        super(tree, pos);
        this.line = line;
        this.pipe = pipe;
    }
    toString() {
        return `{{${this.pipe}}}`;
    }
}
class CommandNode extends Base {
    type = 'command';
    args = [];
    toString() {
        return this.args.map((a) => (a instanceof PipeNode ? `(${a})` : String(a))).join(' ');
    }
}
class IdentifierNode extends Base {
    ident;
    type = 'identifier';
    constructor(tree, pos, ident) {
        super(tree, pos);
        this.ident = ident;
    }
    toString() {
        return this.ident;
    }
}
class VariableNode extends Base {
    type = 'variable';
    ident;
    constructor(tree, pos, text) {
        super(tree, pos);
        this.ident = text.split('.');
    }
    toString() {
        return this.ident.join('.');
    }
}
class DotNode extends Base {
    type = 'dot';
    toString() {
        return '.';
    }
}
class NilNode extends Base {
    type = 'nil';
    toString() {
        return 'nil';
    }
}
class FieldNode extends Base {
    type = 'field';
    ident;
    constructor(tree, pos, text) {
        super(tree, pos);
        this.ident = text.slice(1).split('.');
    }
    toString() {
        return this.ident.map((id) => '.' + id).join('');
    }
}
class ChainNode extends Base {
    node;
    type = 'chain';
    fields = [];
    constructor(tree, pos, node) {
        super(tree, pos);
        this.node = node;
    }
    add(field) {
        if (field.length === 0 || field[0] !== '.')
            throw new Error('no dot in field');
        field = field.slice(1);
        if (field === '')
            throw new Error('empty field');
        this.fields.push(field);
    }
    toString() {
        const head = this.node instanceof PipeNode ? `(${this.node})` : String(this.node);
        return head + this.fields.map((f) => '.' + f).join('');
    }
}
class BoolNode extends Base {
    value;
    type = 'bool';
    constructor(tree, pos, value) {
        super(tree, pos);
        this.value = value;
    }
    toString() {
        return this.value ? 'true' : 'false';
    }
}
/** A number constant, held in every form it can take, as Go's ideal constants. */
class NumberNode extends Base {
    text;
    type = 'number';
    isInt = false;
    isUint = false;
    isFloat = false;
    isComplex = false;
    int64 = 0n;
    uint64 = 0n;
    float64 = 0;
    constructor(tree, pos, text) {
        super(tree, pos);
        this.text = text;
    }
    toString() {
        return this.text;
    }
}
class StringNode extends Base {
    quoted;
    text;
    type = 'string';
    constructor(tree, pos, quoted, text) {
        super(tree, pos);
        this.quoted = quoted;
        this.text = text;
    }
    toString() {
        return this.quoted;
    }
}
class EndNode extends Base {
    type = 'end';
    toString() {
        return '{{end}}';
    }
}
class ElseNode extends Base {
    line;
    type = 'else';
    constructor(tree, pos, line) {
        super(tree, pos);
        this.line = line;
    }
    toString() {
        return '{{else}}';
    }
}
/** if, range and with. */
class BranchNode extends Base {
    type;
    line;
    pipe;
    list;
    elseList;
    constructor(tree, pos, type, line, pipe, list, elseList) {
        super(tree, pos);
        this.type = type;
        this.line = line;
        this.pipe = pipe;
        this.list = list;
        this.elseList = elseList;
    }
    toString() {
        const elseText = this.elseList ? `{{else}}${this.elseList}` : '';
        return `{{${this.type} ${this.pipe}}}${this.list}${elseText}{{end}}`;
    }
}
class BreakNode extends Base {
    type = 'break';
    toString() {
        return '{{break}}';
    }
}
class ContinueNode extends Base {
    type = 'continue';
    toString() {
        return '{{continue}}';
    }
}
class TemplateNode extends Base {
    line;
    name;
    pipe;
    type = 'template';
    constructor(tree, pos, line, name, pipe) {
        super(tree, pos);
        this.line = line;
        this.name = name;
        this.pipe = pipe;
    }
    toString() {
        return `{{template ${quote(this.name)}${this.pipe ? ' ' + this.pipe : ''}}}`;
    }
}

;// CONCATENATED MODULE: ./src/template/scope.ts
/**
 * What an executing template knows besides dot: its variables, the node being
 * executed (for errors), and how Go words an execution error.
 */



/** Line and byte column of a node, as Go's ErrorContext computes them. */
function scope_location(node) {
    const text = node.tree.text.slice(0, node.pos);
    const nl = text.lastIndexOf('\n');
    const line = 1 + (text.match(/\n/g)?.length ?? 0);
    return `${node.tree.parseName}:${line}:${utf8Length(text.slice(nl + 1))}`;
}
class Scope {
    set;
    tree;
    node;
    vars;
    constructor(set, tree, dot) {
        this.set = set;
        this.tree = tree;
        this.vars = [{ name: '$', value: dot }];
    }
    // ---- errors and variables ----
    errorf(message) {
        const name = this.tree.name;
        if (!this.node)
            throw new TemplateError(`template: ${name}: ${message}`);
        throw new TemplateError(`template: ${scope_location(this.node)}: executing ${quote(name)} at <${this.node}>: ${message}`);
    }
    at(node) {
        this.node = node;
    }
    mark() {
        return this.vars.length;
    }
    pop(mark) {
        this.vars.length = mark;
    }
    setVar(name, value) {
        for (let i = this.vars.length - 1; i >= 0; i--) {
            if (this.vars[i].name === name) {
                this.vars[i].value = value;
                return;
            }
        }
        this.errorf(`undefined variable: ${name}`);
    }
    varValue(name) {
        for (let i = this.vars.length - 1; i >= 0; i--)
            if (this.vars[i].name === name)
                return this.vars[i].value;
        this.errorf(`undefined variable: ${name}`);
    }
}

;// CONCATENATED MODULE: ./src/template/eval.ts
/**
 * Evaluating pipelines, commands, fields, method and function calls, shaped like
 * Go's exec.go so that errors point at the node Go points at.
 */







/** No value passed down the pipeline (Go's missingVal). */
const MISSING = Symbol('missing');
/** The value a pipeline stage hands on: interfaces are unwrapped, nil becomes "no value". */
function concrete(v) {
    if (v instanceof Iface)
        v = v.value;
    return v === null || v === undefined ? NO_VALUE : v;
}
class Evaluator extends Scope {
    // ---- pipelines and commands ----
    evalPipeline(dot, pipe) {
        if (!pipe)
            return NO_VALUE;
        this.at(pipe);
        let value = MISSING;
        for (const cmd of pipe.cmds)
            value = concrete(this.evalCommand(dot, cmd, value));
        for (const v of pipe.decl) {
            if (pipe.isAssign)
                this.setVar(v.ident[0], value);
            else
                this.vars.push({ name: v.ident[0], value });
        }
        return value;
    }
    notAFunction(args, final) {
        if (args.length > 1 || final !== MISSING)
            this.errorf(`can't give argument to non-function ${args[0]}`);
    }
    evalCommand(dot, cmd, final) {
        const first = cmd.args[0];
        if (first instanceof FieldNode)
            return this.evalFieldNode(dot, first, cmd.args, final);
        if (first instanceof ChainNode)
            return this.evalChainNode(dot, first, cmd.args, final);
        if (first instanceof IdentifierNode)
            return this.evalFunction(dot, first, cmd, cmd.args, final);
        if (first instanceof PipeNode) {
            this.notAFunction(cmd.args, final);
            return this.evalPipeline(dot, first);
        }
        if (first instanceof VariableNode)
            return this.evalVariableNode(dot, first, cmd.args, final);
        this.at(first);
        this.notAFunction(cmd.args, final);
        if (first instanceof BoolNode)
            return first.value;
        if (first instanceof DotNode)
            return dot;
        if (first instanceof NilNode)
            this.errorf('nil is not a command');
        if (first instanceof NumberNode)
            return this.idealConstant(first);
        if (first instanceof StringNode)
            return first.text;
        this.errorf(`can't evaluate command ${quote(String(first))}`);
    }
    idealConstant(c) {
        this.at(c);
        if (c.isComplex)
            this.errorf(`complex constant ${c.text} is not supported`);
        const isHexInt = c.text.length > 2 && c.text[0] === '0' && 'xX'.includes(c.text[1]) && !/[pP]/.test(c.text);
        if (c.isFloat && !isHexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text))
            return c.float64;
        if (c.isInt)
            return c.int64;
        if (c.isUint)
            this.errorf(`${c.text} overflows int`);
        return NO_VALUE;
    }
    evalFieldNode(dot, field, args, final) {
        this.at(field);
        return this.evalFieldChain(dot, dot, field, field.ident, args, final);
    }
    evalChainNode(dot, chain, args, final) {
        this.at(chain);
        if (chain.node instanceof NilNode)
            this.errorf(`indirection through explicit nil in ${chain}`);
        const pipe = this.evalArg(dot, undefined, chain.node);
        return this.evalFieldChain(dot, pipe, chain, chain.fields, args, final);
    }
    evalVariableNode(dot, variable, args, final) {
        this.at(variable);
        const value = this.varValue(variable.ident[0]);
        if (variable.ident.length === 1) {
            this.notAFunction(args, final);
            return value;
        }
        return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
    }
    evalFieldChain(dot, receiver, node, ident, args, final) {
        const n = ident.length;
        for (let i = 0; i < n - 1; i++)
            receiver = this.evalField(dot, ident[i], node, undefined, MISSING, receiver);
        return this.evalField(dot, ident[n - 1], node, args, final, receiver);
    }
    evalFunction(dot, node, cmd, args, final) {
        this.at(node);
        const fn = this.set.funcs.get(node.ident) ?? builtins[node.ident];
        if (!fn)
            this.errorf(`${quote(node.ident)} is not a defined function`);
        return this.evalCall(dot, fn, !this.set.funcs.has(node.ident), cmd, node.ident, args, final);
    }
    evalField(dot, fieldName, node, args, final, receiver) {
        if (receiver === NO_VALUE)
            return NO_VALUE;
        const typ = receiver instanceof Iface ? 'interface {}' : typeString(receiver);
        receiver = strip(receiver);
        if (receiver === null)
            this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
        const method = methodOf(receiver, fieldName);
        if (method)
            return this.evalCall(dot, method, false, node, fieldName, args, final);
        const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
        if (receiver instanceof GoStruct && Object.prototype.hasOwnProperty.call(receiver.fields, fieldName)) {
            if (!/^\p{Lu}/u.test(fieldName))
                this.errorf(`${fieldName} is an unexported field of struct type ${typ}`);
            if (hasArgs)
                this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
            const value = receiver.fields[fieldName];
            return value === null || value === undefined ? new Iface(null) : value;
        }
        if (isPlainMap(receiver)) {
            if (hasArgs)
                this.errorf(`${fieldName} is not a method but has arguments`);
            const value = mapGet(receiver, fieldName);
            return value === NO_VALUE ? NO_VALUE : new Iface(value);
        }
        this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
    }
    evalCall(dot, fn, isBuiltin, node, name, args, final) {
        const rest = args ? args.slice(1) : [];
        let numIn = rest.length;
        if (final !== MISSING)
            numIn++;
        let numFixed = rest.length;
        if (fn.variadic) {
            numFixed = fn.params.length;
            if (numIn < numFixed)
                this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${rest.length}`);
        }
        else if (numIn !== fn.params.length) {
            this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
        }
        if (fn.results !== 1 && !(fn.results === 2 && fn.errorResult))
            this.errorf(`can't call method/function ${quote(name)} with ${fn.results} results`);
        if (isBuiltin && (name === 'and' || name === 'or')) {
            let v = NO_VALUE;
            for (const arg of rest) {
                v = this.evalArg(dot, 'value', arg);
                if (isTrue(v) === (name === 'or'))
                    return v;
            }
            if (final !== MISSING)
                v = this.validateType(final, 'value');
            return v;
        }
        const argv = [];
        let i = 0;
        for (; i < numFixed && i < rest.length; i++)
            argv.push(this.evalArg(dot, fn.params[i], rest[i]));
        if (fn.variadic)
            for (; i < rest.length; i++)
                argv.push(this.evalArg(dot, fn.variadic, rest[i]));
        if (final !== MISSING) {
            let t = fn.variadic ?? fn.params[fn.params.length - 1];
            if (fn.variadic && numIn - 1 < numFixed)
                t = fn.params[numIn - 1];
            argv.push(this.validateType(final, t));
        }
        try {
            return fn.call(argv);
        }
        catch (err) {
            if (!(err instanceof FuncError))
                throw err;
            this.at(node);
            this.errorf(`error calling ${name}: ${err.message}`);
        }
    }
    /** Checks a computed value against a parameter type (Go's validateType). */
    validateType(value, t) {
        if (value === NO_VALUE || value === MISSING) {
            if (t === undefined || t === 'value')
                return NO_VALUE;
            if (t === 'any')
                return null;
            this.errorf(`invalid value; expected ${paramTypeName(t)}`);
        }
        if (t === undefined)
            return value;
        if (t === 'value' || t === 'any')
            return strip(value);
        const inner = strip(value);
        if (inner !== null && typeString(inner) === paramTypeName(t))
            return inner;
        const got = inner === null ? 'interface {}' : typeString(value instanceof Iface ? inner : value);
        this.errorf(`wrong type for value; expected ${paramTypeName(t)}; got ${got}`);
    }
    evalArg(dot, t, n) {
        this.at(n);
        if (n instanceof DotNode)
            return this.validateType(dot, t);
        if (n instanceof NilNode) {
            if (t === 'any')
                return null;
            if (t === 'value')
                return NO_VALUE;
            this.errorf(`cannot assign nil to ${t === undefined ? '<nil>' : paramTypeName(t)}`);
        }
        if (n instanceof FieldNode)
            return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), t);
        if (n instanceof VariableNode)
            return this.validateType(this.evalVariableNode(dot, n, [], MISSING), t);
        if (n instanceof PipeNode)
            return this.validateType(this.evalPipeline(dot, n), t);
        if (n instanceof IdentifierNode)
            return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), t);
        if (n instanceof ChainNode)
            return this.validateType(this.evalChainNode(dot, n, [], MISSING), t);
        switch (t) {
            case 'bool':
                if (n instanceof BoolNode)
                    return n.value;
                return this.errorf(`expected bool; found ${n}`);
            case 'float64':
                if (n instanceof NumberNode && n.isFloat)
                    return n.float64;
                return this.errorf(`expected float; found ${n}`);
            case 'int':
            case 'int64':
                if (n instanceof NumberNode && n.isInt)
                    return t === 'int' ? n.int64 : new GoTyped('int64', 'int', n.int64);
                return this.errorf(`expected integer; found ${n}`);
            case 'string':
                if (n instanceof StringNode)
                    return n.text;
                return this.errorf(`expected string; found ${n}`);
            case 'any':
            case 'value':
                if (n instanceof BoolNode)
                    return n.value;
                if (n instanceof NumberNode)
                    return this.idealConstant(n);
                if (n instanceof StringNode)
                    return n.text;
        }
        this.errorf(`can't handle ${n} for arg of type ${t === undefined ? '<nil>' : paramTypeName(t)}`);
    }
}
/** Methods a value has: time.Time's, and String on named types such as time.Month. */
function methodOf(receiver, name) {
    if (receiver instanceof GoTime) {
        const m = GoTime.methods[name];
        if (!m)
            return undefined;
        return {
            params: m.params,
            results: m.results,
            call: (args) => m.call(receiver, ...args.map((a) => (typeof a === 'bigint' ? Number(a) : a))),
        };
    }
    if (receiver instanceof GoTyped && receiver.stringer && name === 'String') {
        const s = receiver.stringer;
        return { params: [], results: 1, call: () => s() };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/template/exec.ts
/**
 * The executor's walk over the tree (Go's exec.go): actions, if/with/range with
 * Go's variable scoping, break/continue, and {{template}} calls.
 */






const MAX_DEPTH = 100000;
/** What an execution has used so far, shared by the templates it calls. */
class Budget {
    limits;
    output = 0;
    steps = 0;
    constructor(limits = {}) {
        this.limits = limits;
    }
}
class Break {
}
class Continue {
}
class State extends Evaluator {
    out;
    depth;
    budget;
    constructor(set, tree, out, dot, depth = 0, budget = new Budget()) {
        super(set, tree, dot);
        this.out = out;
        this.depth = depth;
        this.budget = budget;
    }
    emit(text) {
        const { maxOutput } = this.budget.limits;
        this.budget.output += text.length;
        if (maxOutput !== undefined && this.budget.output > maxOutput) {
            this.errorf(`output longer than ${maxOutput} characters — the template runs away (recursion or a huge loop?)`);
        }
        this.out.push(text);
    }
    // ---- walking ----
    walk(dot, node) {
        this.at(node);
        const { maxSteps } = this.budget.limits;
        if (maxSteps !== undefined && ++this.budget.steps > maxSteps) {
            this.errorf(`execution took more than ${maxSteps} steps — the template runs away (recursion or a huge loop?)`);
        }
        if (node instanceof ActionNode) {
            const val = this.evalPipeline(dot, node.pipe);
            if (node.pipe.decl.length === 0)
                this.printValue(node, val);
        }
        else if (node instanceof BreakNode)
            throw new Break();
        else if (node instanceof ContinueNode)
            throw new Continue();
        else if (node instanceof CommentNode)
            return;
        else if (node instanceof BranchNode) {
            if (node.type === 'range')
                this.walkRange(dot, node);
            else
                this.walkIfOrWith(node, dot);
        }
        else if (node instanceof ListNode)
            for (const n of node.nodes)
                this.walk(dot, n);
        else if (node instanceof TemplateNode)
            this.walkTemplate(dot, node);
        else if (node instanceof TextNode)
            this.emit(node.text);
        else
            this.errorf(`unknown node: ${node}`);
    }
    walkIfOrWith(node, dot) {
        const mark = this.mark();
        try {
            const val = this.evalPipeline(dot, node.pipe);
            if (isTrue(val))
                this.walk(node.type === 'with' ? val : dot, node.list);
            else if (node.elseList)
                this.walk(dot, node.elseList);
        }
        finally {
            this.pop(mark);
        }
    }
    walkRange(dot, r) {
        this.at(r);
        const outer = this.mark();
        try {
            const val = strip(this.evalPipeline(dot, r.pipe));
            const mark = this.mark();
            const oneIteration = (index, elem) => {
                if (r.pipe.decl.length > 0)
                    this.vars[this.vars.length - 1].value = elem;
                if (r.pipe.decl.length > 1)
                    this.vars[this.vars.length - 2].value = index;
                try {
                    this.walk(elem, r.list);
                }
                catch (err) {
                    if (!(err instanceof Continue))
                        throw err;
                }
                finally {
                    this.pop(mark);
                }
            };
            const k = kindOf(val);
            if (k === 'slice' && val.length > 0) {
                val.forEach((e, i) => oneIteration(BigInt(i), new Iface(e)));
                return;
            }
            if (k === 'map') {
                const entries = sortedEntries(val);
                if (entries.length > 0) {
                    for (const [key, value] of entries)
                        oneIteration(key, new Iface(value));
                    return;
                }
            }
            else if (k !== 'slice' && k !== 'invalid' && k !== 'nil') {
                this.errorf(`range can't iterate over ${sprint([val])}`);
            }
            if (r.elseList)
                this.walk(dot, r.elseList);
        }
        catch (err) {
            if (!(err instanceof Break))
                throw err;
        }
        finally {
            this.pop(outer);
        }
    }
    walkTemplate(dot, t) {
        this.at(t);
        const tree = this.set.trees.get(t.name);
        if (!tree)
            this.errorf(`template ${quote(t.name)} not defined`);
        if (this.depth === MAX_DEPTH)
            this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
        dot = this.evalPipeline(dot, t.pipe);
        const state = new State(this.set, tree, this.out, dot, this.depth + 1, this.budget);
        try {
            state.walk(dot, tree.root);
        }
        catch (err) {
            // JavaScript runs out of stack long before Go's depth limit: report it as Go would.
            if (err instanceof RangeError && err.message.includes('call stack')) {
                this.at(t);
                this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
            }
            throw err;
        }
    }
    printValue(n, v) {
        this.at(n);
        if (v === NO_VALUE) {
            this.emit('<no value>');
            return;
        }
        if (kindOf(v) === 'func')
            this.errorf(`can't print ${n} of type ${typeString(v)}`);
        this.emit(sprint([v]));
    }
}

;// CONCATENATED MODULE: ./src/template/parse/lexer.ts
/**
 * Lexer machinery: token types, items, and the cursor the states in lex-states.ts move
 * (Go's text/template/parse/lex.go).
 */

var T;
(function (T) {
    T[T["Error"] = 0] = "Error";
    T[T["Bool"] = 1] = "Bool";
    T[T["Char"] = 2] = "Char";
    T[T["CharConstant"] = 3] = "CharConstant";
    T[T["Comment"] = 4] = "Comment";
    T[T["Complex"] = 5] = "Complex";
    T[T["Assign"] = 6] = "Assign";
    T[T["Declare"] = 7] = "Declare";
    T[T["EOF"] = 8] = "EOF";
    T[T["Field"] = 9] = "Field";
    T[T["Identifier"] = 10] = "Identifier";
    T[T["LeftDelim"] = 11] = "LeftDelim";
    T[T["LeftParen"] = 12] = "LeftParen";
    T[T["Number"] = 13] = "Number";
    T[T["Pipe"] = 14] = "Pipe";
    T[T["RawString"] = 15] = "RawString";
    T[T["RightDelim"] = 16] = "RightDelim";
    T[T["RightParen"] = 17] = "RightParen";
    T[T["Space"] = 18] = "Space";
    T[T["String"] = 19] = "String";
    T[T["Text"] = 20] = "Text";
    T[T["Variable"] = 21] = "Variable";
    T[T["Keyword"] = 22] = "Keyword";
    T[T["Block"] = 23] = "Block";
    T[T["Break"] = 24] = "Break";
    T[T["Continue"] = 25] = "Continue";
    T[T["Dot"] = 26] = "Dot";
    T[T["Define"] = 27] = "Define";
    T[T["Else"] = 28] = "Else";
    T[T["End"] = 29] = "End";
    T[T["If"] = 30] = "If";
    T[T["Nil"] = 31] = "Nil";
    T[T["Range"] = 32] = "Range";
    T[T["Template"] = 33] = "Template";
    T[T["With"] = 34] = "With";
})(T || (T = {}));
const keywords = {
    '.': T.Dot,
    block: T.Block,
    break: T.Break,
    continue: T.Continue,
    define: T.Define,
    else: T.Else,
    end: T.End,
    if: T.If,
    range: T.Range,
    nil: T.Nil,
    template: T.Template,
    with: T.With,
};
/** item.String() as Go prints tokens in "unexpected …" errors. */
function itemString(i) {
    if (i.type === T.EOF)
        return 'EOF';
    if (i.type === T.Error)
        return i.val;
    if (i.type > T.Keyword)
        return `<${i.val}>`;
    if (Buffer.byteLength(i.val) > 10)
        return quote([...i.val].slice(0, 10).join('')) + '...';
    return quote(i.val);
}
const isSpace = (c) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const alnum = /^[\p{L}\p{Nd}_]$/u;
const isAlphaNumeric = (c) => c !== undefined && alnum.test(c);
const hasLeftTrimMarker = (s, i) => s[i] === '-' && isSpace(s[i + 1]);
const hasRightTrimMarker = (s, i) => isSpace(s[i]) && s[i + 1] === '-';
const LEFT = '{{';
const RIGHT = '}}';
class Lexer {
    input;
    breakOK;
    continueOK;
    items = [];
    pos = 0;
    start = 0;
    parenDepth = 0;
    lineStarts = [0];
    constructor(input, breakOK, continueOK) {
        this.input = input;
        this.breakOK = breakOK;
        this.continueOK = continueOK;
        for (let i = 0; i < input.length; i++)
            if (input[i] === '\n')
                this.lineStarts.push(i + 1);
    }
    lineAt(pos) {
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= pos)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
    /** Next code point, or undefined at the end. */
    next() {
        if (this.pos >= this.input.length) {
            this.pos = this.input.length + 1; // remembers that we read past the end
            return undefined;
        }
        const c = String.fromCodePoint(this.input.codePointAt(this.pos));
        this.pos += c.length;
        return c;
    }
    backup(c) {
        this.pos -= c === undefined ? 1 : c.length;
    }
    peek() {
        const c = this.next();
        this.backup(c);
        return c;
    }
    emit(type) {
        this.items.push({
            type,
            pos: this.start,
            val: this.input.slice(this.start, this.pos),
            line: this.lineAt(this.start),
        });
        this.start = this.pos;
    }
    ignore() {
        this.start = this.pos;
    }
    accept(valid) {
        const c = this.next();
        if (c !== undefined && valid.includes(c))
            return true;
        this.backup(c);
        return false;
    }
    acceptRun(valid) {
        for (;;) {
            const c = this.next();
            if (c === undefined || !valid.includes(c)) {
                this.backup(c);
                return;
            }
        }
    }
    errorf(message) {
        this.items.push({ type: T.Error, pos: this.start, val: message, line: this.lineAt(this.start) });
        return null;
    }
    atRightDelim() {
        if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2))
            return { delim: true, trim: true };
        if (this.input.startsWith(RIGHT, this.pos))
            return { delim: true, trim: false };
        return { delim: false, trim: false };
    }
    atTerminator() {
        const r = this.peek();
        if (isSpace(r))
            return true;
        if (r === undefined || '.,|:)('.includes(r))
            return true;
        return this.input.startsWith(RIGHT, this.pos);
    }
}

;// CONCATENATED MODULE: ./src/template/parse/lex-states.ts
/**
 * The template lexer, state for state as Go's text/template/parse/lex.go, so that
 * trim markers, comments, numbers and error positions come out the same.
 */



function lexText(l) {
    const x = l.input.indexOf(LEFT, l.pos);
    if (x >= 0) {
        l.pos = x;
        let trimLength = 0;
        if (hasLeftTrimMarker(l.input, l.pos + LEFT.length)) {
            const text = l.input.slice(l.start, l.pos);
            trimLength = text.length - text.replace(/[ \t\r\n]+$/, '').length;
        }
        l.pos -= trimLength;
        if (l.pos > l.start)
            l.emit(T.Text);
        l.pos += trimLength;
        l.ignore();
        return lexLeftDelim;
    }
    l.pos = l.input.length;
    if (l.pos > l.start)
        l.emit(T.Text);
    l.emit(T.EOF);
    return null;
}
function skipLeadingSpace(l) {
    while (isSpace(l.input[l.pos]))
        l.pos++;
}
function lexLeftDelim(l) {
    l.pos += LEFT.length;
    const trim = hasLeftTrimMarker(l.input, l.pos);
    const afterMarker = trim ? 2 : 0;
    if (l.input.startsWith('/*', l.pos + afterMarker)) {
        l.pos += afterMarker;
        l.ignore();
        return lexComment;
    }
    l.emit(T.LeftDelim);
    l.pos += afterMarker;
    l.ignore();
    l.parenDepth = 0;
    return lexInsideAction;
}
function lexComment(l) {
    l.pos += 2;
    const i = l.input.indexOf('*/', l.pos);
    if (i < 0)
        return l.errorf('unclosed comment');
    l.pos = i + 2;
    const { delim, trim } = l.atRightDelim();
    if (!delim)
        return l.errorf('comment ends before closing delimiter');
    if (trim)
        l.pos += 2;
    l.pos += RIGHT.length;
    if (trim)
        skipLeadingSpace(l);
    l.ignore();
    return lexText;
}
function lexRightDelim(l) {
    const trim = hasRightTrimMarker(l.input, l.pos);
    if (trim) {
        l.pos += 2;
        l.ignore();
    }
    l.pos += RIGHT.length;
    l.emit(T.RightDelim);
    if (trim) {
        skipLeadingSpace(l);
        l.ignore();
    }
    return lexText;
}
function lexInsideAction(l) {
    if (l.atRightDelim().delim) {
        if (l.parenDepth === 0)
            return lexRightDelim;
        return l.errorf('unclosed left paren');
    }
    const r = l.next();
    if (r === undefined)
        return l.errorf('unclosed action');
    if (isSpace(r)) {
        l.backup(r);
        return lexSpace;
    }
    switch (r) {
        case '=':
            l.emit(T.Assign);
            return lexInsideAction;
        case ':':
            if (l.next() !== '=')
                return l.errorf('expected :=');
            l.emit(T.Declare);
            return lexInsideAction;
        case '|':
            l.emit(T.Pipe);
            return lexInsideAction;
        case '"':
            return lexQuote;
        case '`':
            return lexRawQuote;
        case '$':
            return lexVariable;
        case "'":
            return lexChar;
        case '(':
            l.emit(T.LeftParen);
            l.parenDepth++;
            return lexInsideAction;
        case ')':
            l.emit(T.RightParen);
            l.parenDepth--;
            if (l.parenDepth < 0)
                return l.errorf(`unexpected right paren ${unicodeName(0x29)}`);
            return lexInsideAction;
    }
    if (r === '.') {
        const c = l.input[l.pos];
        if (l.pos < l.input.length && (c < '0' || c > '9'))
            return lexField;
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        l.backup(r);
        return lexNumber;
    }
    if (isAlphaNumeric(r)) {
        l.backup(r);
        return lexIdentifier;
    }
    const code = r.codePointAt(0);
    if (code <= 0x7f && code >= 0x20 && code !== 0x7f) {
        l.emit(T.Char);
        return lexInsideAction;
    }
    return l.errorf(`unrecognized character in action: ${unicodeName(code)}`);
}
function lexSpace(l) {
    let numSpaces = 0;
    while (isSpace(l.peek())) {
        l.next();
        numSpaces++;
    }
    if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(RIGHT, l.pos + 1)) {
        l.pos--; // before the space
        if (numSpaces === 1)
            return lexRightDelim;
    }
    l.emit(T.Space);
    return lexInsideAction;
}
function lexIdentifier(l) {
    for (;;) {
        const r = l.next();
        if (isAlphaNumeric(r))
            continue;
        l.backup(r);
        const word = l.input.slice(l.start, l.pos);
        if (!l.atTerminator())
            return l.errorf(`bad character ${unicodeName(r === undefined ? -1 : r.codePointAt(0))}`);
        const key = keywords[word];
        if (key !== undefined && key > T.Keyword) {
            if ((key === T.Break && !l.breakOK) || (key === T.Continue && !l.continueOK))
                l.emit(T.Identifier);
            else
                l.emit(key);
        }
        else if (word[0] === '.')
            l.emit(T.Field);
        else if (word === 'true' || word === 'false')
            l.emit(T.Bool);
        else
            l.emit(T.Identifier);
        return lexInsideAction;
    }
}
function lexField(l) {
    return lexFieldOrVariable(l, T.Field);
}
function lexVariable(l) {
    if (l.atTerminator()) {
        l.emit(T.Variable);
        return lexInsideAction;
    }
    return lexFieldOrVariable(l, T.Variable);
}
function lexFieldOrVariable(l, type) {
    if (l.atTerminator()) {
        l.emit(type === T.Variable ? T.Variable : T.Dot);
        return lexInsideAction;
    }
    let r;
    for (;;) {
        r = l.next();
        if (!isAlphaNumeric(r)) {
            l.backup(r);
            break;
        }
    }
    if (!l.atTerminator())
        return l.errorf(`bad character ${unicodeName(r === undefined ? -1 : r.codePointAt(0))}`);
    l.emit(type);
    return lexInsideAction;
}
function lexQuoted(l, close, type, message) {
    for (;;) {
        const c = l.next();
        if (c === '\\') {
            const r = l.next();
            if (r !== undefined && r !== '\n')
                continue;
            return l.errorf(message);
        }
        if (c === undefined || c === '\n')
            return l.errorf(message);
        if (c === close)
            break;
    }
    l.emit(type);
    return lexInsideAction;
}
function lexChar(l) {
    return lexQuoted(l, "'", T.CharConstant, 'unterminated character constant');
}
function lexQuote(l) {
    return lexQuoted(l, '"', T.String, 'unterminated quoted string');
}
function lexRawQuote(l) {
    const i = l.input.indexOf('`', l.pos);
    if (i < 0) {
        l.pos = l.input.length;
        return l.errorf('unterminated raw quoted string');
    }
    l.pos = i + 1;
    l.emit(T.RawString);
    return lexInsideAction;
}
function lexNumber(l) {
    if (!scanNumber(l))
        return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === '+' || sign === '-') {
        if (!scanNumber(l) || l.input[l.pos - 1] !== 'i')
            return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
        l.emit(T.Complex);
    }
    else
        l.emit(T.Number);
    return lexInsideAction;
}
function scanNumber(l) {
    l.accept('+-');
    let digits = '0123456789_';
    if (l.accept('0')) {
        if (l.accept('xX'))
            digits = '0123456789abcdefABCDEF_';
        else if (l.accept('oO'))
            digits = '01234567_';
        else if (l.accept('bB'))
            digits = '01_';
    }
    l.acceptRun(digits);
    if (l.accept('.'))
        l.acceptRun(digits);
    if (digits.length === 11 && l.accept('eE')) {
        l.accept('+-');
        l.acceptRun('0123456789_');
    }
    if (digits.length === 23 && l.accept('pP')) {
        l.accept('+-');
        l.acceptRun('0123456789_');
    }
    l.accept('i');
    if (isAlphaNumeric(l.peek())) {
        l.next();
        return false;
    }
    return true;
}
/** All tokens of `input`, ending with EOF or with the first error. */
function lex(input, opts) {
    const l = new Lexer(input, opts.breakOK, opts.continueOK);
    for (let state = lexText; state;)
        state = state(l);
    return l.items;
}

;// CONCATENATED MODULE: ./src/template/parse/number.ts
/**
 * Number constants as Go's parse.newNumber reads them: strconv's ParseInt,
 * ParseUint and ParseFloat with base prefixes and underscores.
 */
const MAX_INT64 = 2n ** 63n - 1n;
const MAX_UINT64 = 2n ** 64n - 1n;
/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s) {
    let saw = '^';
    let i = 0;
    if (s[0] === '-' || s[0] === '+')
        s = s.slice(1);
    let hex = false;
    if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
        i = 2;
        saw = '0';
        hex = s[1] === 'x' || s[1] === 'X';
    }
    for (; i < s.length; i++) {
        const c = s[i];
        if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
            saw = '0';
            continue;
        }
        if (c === '_') {
            if (saw !== '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw === '_')
            return false;
        saw = '!';
    }
    return saw !== '_';
}
/** strconv.ParseUint(s, 0, 64). */
function parseUint(s0) {
    let s = s0;
    if (s === '')
        return undefined;
    let base = 10;
    if (s[0] === '0') {
        if (s.length >= 3 && 'bBoOxX'.includes(s[1])) {
            base = { b: 2, o: 8, x: 16 }[s[1].toLowerCase()];
            s = s.slice(2);
        }
        else {
            base = 8;
            s = s.slice(1);
        }
    }
    let n = 0n;
    let underscores = false;
    for (const c of s) {
        if (c === '_') {
            underscores = true;
            continue;
        }
        const d = parseInt(c, 36);
        if (Number.isNaN(d) || d >= base)
            return undefined;
        n = n * BigInt(base) + BigInt(d);
    }
    if (n > MAX_UINT64)
        return undefined;
    if (underscores && !underscoreOK(s0))
        return undefined;
    return n;
}
/** strconv.ParseInt(s, 0, 64). */
function parseInt64(s) {
    if (s === '')
        return undefined;
    let neg = false;
    if (s[0] === '+' || s[0] === '-') {
        neg = s[0] === '-';
        s = s.slice(1);
    }
    const u = parseUint(s);
    if (u === undefined)
        return undefined;
    if (!neg && u > MAX_INT64)
        return undefined;
    if (neg && u > MAX_INT64 + 1n)
        return undefined;
    return neg ? -u : u;
}
/** strconv.ParseFloat(s, 64); undefined for bad syntax or out of range. */
function parseFloat64(s) {
    let body = s;
    let sign = 1;
    if (body[0] === '+' || body[0] === '-') {
        sign = body[0] === '-' ? -1 : 1;
        body = body.slice(1);
    }
    if (body.includes('_') && !underscoreOK(s))
        return undefined;
    body = body.replace(/_/g, '');
    let v;
    const hexm = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
    if (hexm) {
        const [, int = '', frac = '', exp] = hexm;
        if (int === '' && frac === '')
            return undefined;
        const mant = BigInt('0x' + (int + frac || '0'));
        v = Number(mant) * 2 ** (Number(exp) - 4 * frac.length);
        if (!Number.isFinite(v) && mant !== 0n) {
            // large mantissas: scale in two steps to avoid overflow in the intermediate
            v = Number(mant) * 2 ** (Number(exp) - 4 * frac.length - 64) * 2 ** 64;
        }
    }
    else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
        v = Number(body);
    }
    else
        return undefined;
    if (!Number.isFinite(v))
        return undefined;
    return sign * v;
}

;// CONCATENATED MODULE: ./src/template/parse/tokens.ts
/**
 * The parser's view of the token stream: Go's one-to-three token lookahead, and
 * Go's wording for parse errors (`template: NAME:LINE: …`).
 */


/** A parse failure; the message is already Go's full text. */
class ParseError extends Error {
}
/** Tokens shared by the top-level tree and the define/block trees parsed inside it. */
class Stream {
    items;
    i = 0;
    constructor(items) {
        this.items = items;
    }
    nextItem() {
        const item = this.items[Math.min(this.i, this.items.length - 1)];
        this.i++;
        return item;
    }
}
class TokenReader {
    stream;
    tree;
    token = [];
    peekCount = 0;
    actionLine = 0;
    constructor(name, parseName, text, stream) {
        this.stream = stream;
        this.tree = { name, parseName, text, root: undefined };
    }
    next() {
        if (this.peekCount > 0)
            this.peekCount--;
        else
            this.token[0] = this.stream.nextItem();
        return this.token[this.peekCount];
    }
    backup() {
        this.peekCount++;
    }
    backup2(t1) {
        this.token[1] = t1;
        this.peekCount = 2;
    }
    backup3(t2, t1) {
        this.token[1] = t1;
        this.token[2] = t2;
        this.peekCount = 3;
    }
    peek() {
        if (this.peekCount > 0)
            return this.token[this.peekCount - 1];
        this.peekCount = 1;
        this.token[0] = this.stream.nextItem();
        return this.token[0];
    }
    nextNonSpace() {
        let token;
        do
            token = this.next();
        while (token.type === T.Space);
        return token;
    }
    peekNonSpace() {
        const token = this.nextNonSpace();
        this.backup();
        return token;
    }
    errorf(message) {
        throw new ParseError(`template: ${this.tree.parseName}:${this.token[0]?.line ?? 1}: ${message}`);
    }
    expect(expected, context) {
        const token = this.nextNonSpace();
        if (token.type !== expected)
            this.unexpected(token, context);
        return token;
    }
    unexpected(token, context) {
        if (token.type === T.Error) {
            let extra = '';
            if (this.actionLine !== 0 && this.actionLine !== token.line) {
                extra = ` in action started at ${this.tree.parseName}:${this.actionLine}`;
                if (token.val.endsWith(' action'))
                    extra = extra.slice(' in action'.length);
            }
            this.errorf(`${itemString(token)}${extra}`);
        }
        this.errorf(`unexpected ${itemString(token)} in ${context}`);
    }
    unquoteOrFail(text) {
        try {
            return unquote(text);
        }
        catch (err) {
            return this.errorf(err.message);
        }
    }
}

;// CONCATENATED MODULE: ./src/template/parse/pipeline.ts
/**
 * Pipelines, commands and operands (Go's parse.go from pipeline() down), with
 * number constants read as Go's ideal constants.
 */






class PipelineParser extends TokenReader {
    hasFunction;
    vars = ['$'];
    constructor(name, parseName, text, stream, hasFunction) {
        super(name, parseName, text, stream);
        this.hasFunction = hasFunction;
    }
    pipeline(context, end) {
        const first = this.peekNonSpace();
        const pipe = new PipeNode(this.tree, first.pos, first.line);
        decls: for (;;) {
            const v = this.peekNonSpace();
            if (v.type !== T.Variable)
                break;
            this.next();
            const tokenAfterVariable = this.peek();
            const next = this.peekNonSpace();
            if (next.type === T.Assign || next.type === T.Declare) {
                pipe.isAssign = next.type === T.Assign;
                this.nextNonSpace();
                pipe.decl.push(new VariableNode(this.tree, v.pos, v.val));
                this.vars.push(v.val);
            }
            else if (next.type === T.Char && next.val === ',') {
                this.nextNonSpace();
                pipe.decl.push(new VariableNode(this.tree, v.pos, v.val));
                this.vars.push(v.val);
                if (context === 'range' && pipe.decl.length < 2) {
                    const after = this.peekNonSpace().type;
                    if (after === T.Variable || after === T.RightDelim || after === T.RightParen)
                        continue decls;
                    this.errorf('range can only initialize variables');
                }
                this.errorf(`too many declarations in ${context}`);
            }
            else if (tokenAfterVariable.type === T.Space) {
                this.backup3(v, tokenAfterVariable);
            }
            else {
                this.backup2(v);
            }
            break;
        }
        for (;;) {
            const token = this.nextNonSpace();
            if (token.type === end) {
                this.checkPipeline(pipe, context);
                return pipe;
            }
            switch (token.type) {
                case T.Bool:
                case T.CharConstant:
                case T.Complex:
                case T.Dot:
                case T.Field:
                case T.Identifier:
                case T.Number:
                case T.Nil:
                case T.RawString:
                case T.String:
                case T.Variable:
                case T.LeftParen:
                    this.backup();
                    pipe.cmds.push(this.command());
                    break;
                default:
                    this.unexpected(token, context);
            }
        }
    }
    checkPipeline(pipe, context) {
        if (pipe.cmds.length === 0)
            this.errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
            const first = c.args[0];
            if (first instanceof BoolNode ||
                first instanceof DotNode ||
                first instanceof NilNode ||
                first instanceof NumberNode ||
                first instanceof StringNode) {
                this.errorf(`non executable command in pipeline stage ${i + 2}`);
            }
        });
    }
    command() {
        const cmd = new CommandNode(this.tree, this.peekNonSpace().pos);
        for (;;) {
            this.peekNonSpace();
            const operand = this.operand();
            if (operand)
                cmd.args.push(operand);
            const token = this.next();
            if (token.type === T.Space)
                continue;
            if (token.type === T.RightDelim || token.type === T.RightParen)
                this.backup();
            else if (token.type !== T.Pipe)
                this.unexpected(token, 'operand');
            break;
        }
        if (cmd.args.length === 0)
            this.errorf('empty command');
        return cmd;
    }
    operand() {
        let node = this.term();
        if (!node)
            return undefined;
        if (this.peek().type === T.Field) {
            const chain = new ChainNode(this.tree, this.peek().pos, node);
            while (this.peek().type === T.Field)
                chain.add(this.next().val);
            if (node instanceof FieldNode)
                node = new FieldNode(this.tree, chain.pos, String(chain));
            else if (node instanceof VariableNode)
                node = new VariableNode(this.tree, chain.pos, String(chain));
            else if (node instanceof BoolNode ||
                node instanceof StringNode ||
                node instanceof NumberNode ||
                node instanceof NilNode ||
                node instanceof DotNode) {
                this.errorf(`unexpected . after term ${quote(String(node))}`);
            }
            else
                node = chain;
        }
        return node;
    }
    term() {
        const token = this.nextNonSpace();
        switch (token.type) {
            case T.Identifier:
                if (!this.hasFunction(token.val))
                    this.errorf(`function ${quote(token.val)} not defined`);
                return new IdentifierNode(this.tree, token.pos, token.val);
            case T.Dot:
                return new DotNode(this.tree, token.pos);
            case T.Nil:
                return new NilNode(this.tree, token.pos);
            case T.Variable:
                return this.useVar(token);
            case T.Field:
                return new FieldNode(this.tree, token.pos, token.val);
            case T.Bool:
                return new BoolNode(this.tree, token.pos, token.val === 'true');
            case T.CharConstant:
            case T.Complex:
            case T.Number:
                return this.number(token);
            case T.LeftParen:
                return this.pipeline('parenthesized pipeline', T.RightParen);
            case T.String:
            case T.RawString:
                return new StringNode(this.tree, token.pos, token.val, this.unquoteOrFail(token.val));
        }
        this.backup();
        return undefined;
    }
    useVar(token) {
        const v = new VariableNode(this.tree, token.pos, token.val);
        if (!this.vars.includes(v.ident[0]))
            this.errorf(`undefined variable ${quote(v.ident[0])}`);
        return v;
    }
    number(token) {
        const text = token.val;
        const n = new NumberNode(this.tree, token.pos, text);
        if (token.type === T.CharConstant) {
            let r;
            try {
                r = unquoteChar(text.slice(1), "'");
            }
            catch (err) {
                this.errorf(err.message);
            }
            if (r.tail !== "'")
                this.errorf(`malformed character constant: ${text}`);
            n.int64 = n.uint64 = BigInt(r.rune);
            n.float64 = r.rune;
            n.isInt = n.isUint = n.isFloat = true;
            return n;
        }
        if (token.type === T.Complex || (text.endsWith('i') && parseFloat64(text.slice(0, -1)) !== undefined)) {
            n.isComplex = true;
            return n;
        }
        const u = parseUint(text);
        if (u !== undefined) {
            n.isUint = true;
            n.uint64 = u;
        }
        const i = parseInt64(text);
        if (i !== undefined) {
            n.isInt = true;
            n.int64 = i;
            if (i === 0n) {
                n.isUint = true;
                n.uint64 = u ?? 0n;
            }
        }
        if (n.isInt) {
            n.isFloat = true;
            n.float64 = Number(n.int64);
        }
        else if (n.isUint) {
            n.isFloat = true;
            n.float64 = Number(n.uint64);
        }
        else {
            const f = parseFloat64(text);
            if (f !== undefined) {
                if (!/[.eEpP]/.test(text))
                    this.errorf(`integer overflow: ${quote(text)}`);
                n.isFloat = true;
                n.float64 = f;
                if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
                    n.isInt = true;
                    n.int64 = BigInt(f);
                }
                if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
                    n.isUint = true;
                    n.uint64 = BigInt(f);
                }
            }
        }
        if (!n.isInt && !n.isUint && !n.isFloat)
            this.errorf(`illegal number syntax: ${quote(text)}`);
        return n;
    }
}

;// CONCATENATED MODULE: ./src/template/parse/parser.ts
/**
 * The template parser, following Go's text/template/parse/parse.go closely enough
 * that the same templates fail with the same messages on the same lines.
 */






class Parser extends PipelineParser {
    treeSet;
    rangeDepth = 0;
    constructor(name, parseName, text, stream, treeSet, hasFunction) {
        super(name, parseName, text, stream, hasFunction);
        this.treeSet = treeSet;
    }
    parse() {
        this.tree.root = new ListNode(this.tree, this.peek().pos);
        while (this.peek().type !== T.EOF) {
            if (this.peek().type === T.LeftDelim) {
                const delim = this.next();
                if (this.nextNonSpace().type === T.Define) {
                    const def = new Parser('definition', this.tree.parseName, this.tree.text, this.stream, this.treeSet, this.hasFunction);
                    def.parseDefinition();
                    continue;
                }
                this.backup2(delim);
            }
            const n = this.textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode)
                this.errorf(`unexpected ${n}`);
            this.tree.root.nodes.push(n);
        }
        this.add();
    }
    add() {
        const existing = this.treeSet.get(this.tree.name);
        if (!existing || isEmptyTree(existing.root)) {
            this.treeSet.set(this.tree.name, this.tree);
            return;
        }
        if (!isEmptyTree(this.tree.root))
            this.errorf(`template: multiple definition of template ${quote(this.tree.name)}`);
    }
    parseDefinition() {
        const context = 'define clause';
        const name = this.nextNonSpace();
        if (name.type !== T.String && name.type !== T.RawString)
            this.unexpected(name, context);
        this.tree.name = this.unquoteOrFail(name.val);
        this.expect(T.RightDelim, context);
        const [list, end] = this.itemList();
        this.tree.root = list;
        if (!(end instanceof EndNode))
            this.errorf(`unexpected ${end} in ${context}`);
        this.add();
    }
    itemList() {
        const list = new ListNode(this.tree, this.peekNonSpace().pos);
        while (this.peekNonSpace().type !== T.EOF) {
            const n = this.textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode)
                return [list, n];
            list.nodes.push(n);
        }
        this.errorf('unexpected EOF');
    }
    textOrAction() {
        const token = this.nextNonSpace();
        switch (token.type) {
            case T.Text:
                return new TextNode(this.tree, token.pos, token.val);
            case T.LeftDelim:
                this.actionLine = token.line;
                try {
                    return this.action();
                }
                finally {
                    this.actionLine = 0;
                }
            case T.Comment:
                return new CommentNode(this.tree, token.pos, token.val);
            default:
                this.unexpected(token, 'input');
        }
    }
    action() {
        const token = this.nextNonSpace();
        switch (token.type) {
            case T.Block:
                return this.blockControl();
            case T.Break:
                return this.breakControl(token, 'break');
            case T.Continue:
                return this.breakControl(token, 'continue');
            case T.Else:
                return this.elseControl();
            case T.End:
                return new EndNode(this.tree, this.expect(T.RightDelim, 'end').pos);
            case T.If:
                return this.branch('if', true);
            case T.Range:
                return this.branch('range', false);
            case T.Template:
                return this.templateControl();
            case T.With:
                return this.branch('with', false);
        }
        this.backup();
        const first = this.peek();
        return new ActionNode(this.tree, first.pos, first.line, this.pipeline('command', T.RightDelim));
    }
    breakControl(token, word) {
        const next = this.nextNonSpace();
        if (next.type !== T.RightDelim)
            this.unexpected(next, `{{${word}}}`);
        if (this.rangeDepth === 0)
            this.errorf(`{{${word}}} outside {{range}}`);
        return word === 'break' ? new BreakNode(this.tree, token.pos) : new ContinueNode(this.tree, token.pos);
    }
    branch(kind, allowElseIf) {
        const mark = this.vars.length;
        try {
            const pipe = this.pipeline(kind, T.RightDelim);
            if (kind === 'range')
                this.rangeDepth++;
            const [list, next0] = this.itemList();
            let next = next0;
            if (kind === 'range')
                this.rangeDepth--;
            let elseList;
            if (next instanceof ElseNode) {
                if (allowElseIf && this.peek().type === T.If) {
                    // {{else if …}} is {{else}}{{if …}}…{{end}}{{end}} with one {{end}}.
                    this.next();
                    elseList = new ListNode(this.tree, next.pos);
                    elseList.nodes.push(this.branch('if', true));
                }
                else {
                    [elseList, next] = this.itemList();
                    if (!(next instanceof EndNode))
                        this.errorf(`expected end; found ${next}`);
                }
            }
            return new BranchNode(this.tree, pipe.pos, kind, pipe.line, pipe, list, elseList);
        }
        finally {
            this.vars.length = mark;
        }
    }
    elseControl() {
        const peek = this.peekNonSpace();
        if (peek.type === T.If)
            return new ElseNode(this.tree, peek.pos, peek.line);
        const token = this.expect(T.RightDelim, 'else');
        return new ElseNode(this.tree, token.pos, token.line);
    }
    blockControl() {
        const context = 'block clause';
        const token = this.nextNonSpace();
        const name = this.templateName(token, context);
        const pipe = this.pipeline(context, T.RightDelim);
        const block = new Parser(name, this.tree.parseName, this.tree.text, this.stream, this.treeSet, this.hasFunction);
        const [list, end] = block.itemList();
        block.tree.root = list;
        if (!(end instanceof EndNode))
            this.errorf(`unexpected ${end} in ${context}`);
        block.add();
        return new TemplateNode(this.tree, token.pos, token.line, name, pipe);
    }
    templateControl() {
        const context = 'template clause';
        const token = this.nextNonSpace();
        const name = this.templateName(token, context);
        let pipe;
        if (this.nextNonSpace().type !== T.RightDelim) {
            this.backup();
            pipe = this.pipeline(context, T.RightDelim);
        }
        return new TemplateNode(this.tree, token.pos, token.line, name, pipe);
    }
    templateName(token, context) {
        if (token.type === T.String || token.type === T.RawString)
            return this.unquoteOrFail(token.val);
        this.unexpected(token, context);
    }
}
function isEmptyTree(n) {
    if (!n)
        return true;
    if (n instanceof CommentNode)
        return true;
    if (n instanceof ListNode)
        return n.nodes.every(isEmptyTree);
    if (n instanceof TextNode)
        return n.text.trim().length === 0;
    return false;
}
/** Parses `text` as template `name`; returns every template it defines, by name. */
function parse(name, text, hasFunction) {
    const items = lex(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') });
    const treeSet = new Map();
    const parser = new Parser(name, name, text, new Stream(items), treeSet, hasFunction);
    parser.parse();
    return treeSet;
}

;// CONCATENATED MODULE: ./src/template/index.ts
/**
 * Go's text/template in TypeScript: the same language, functions, fmt verbs and
 * time layouts, with Go's error messages. See docs/templates.md for the value model.
 */










const goodName = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;
class Template {
    name;
    set;
    constructor(name, set) {
        this.name = name;
        this.set = set;
    }
    /** Parses `text`; throws TemplateError with Go's message when it does not parse. */
    static parse(name, text, opts = {}) {
        const funcs = new Map();
        for (const [fname, fn] of Object.entries(opts.funcs ?? {})) {
            if (!goodName.test(fname))
                throw new TemplateError(`function name ${quote(fname)} is not a valid identifier`);
            if (typeof fn !== 'function')
                throw new TemplateError(`value for ${fname} not a function`);
            funcs.set(fname, customFunc(fn));
        }
        const hasFunction = (f) => funcs.has(f) || Object.prototype.hasOwnProperty.call(builtins, f);
        try {
            return new Template(name, { trees: parse(name, text, hasFunction), funcs });
        }
        catch (err) {
            if (err instanceof ParseError)
                throw new TemplateError(err.message);
            throw err;
        }
    }
    /** Names of the templates this text defines (with `define` and `block`), and its own. */
    get templateNames() {
        return [...this.set.trees.keys()];
    }
    /**
     * Every field name the text can read (`.A.B`, `$x.A`, `(…).A`), in any template it
     * defines: what a caller must be ready to answer before executing. A name read
     * only on a branch never taken is listed too.
     */
    fieldNames() {
        const names = new Set();
        const visit = (value) => {
            if (Array.isArray(value))
                return value.forEach(visit);
            if (value === null || typeof value !== 'object')
                return;
            const node = value;
            if (node.type === 'field')
                node.ident.forEach((n) => names.add(n));
            else if (node.type === 'variable')
                node.ident.slice(1).forEach((n) => names.add(n));
            else if (node.type === 'chain')
                node.fields.forEach((n) => names.add(n));
            // `tree` points back up from every node.
            for (const [key, child] of Object.entries(value))
                if (key !== 'tree')
                    visit(child);
        };
        for (const tree of this.set.trees.values())
            visit(tree.root);
        return names;
    }
    /** Executes with `data` as dot; throws TemplateError as Go's Execute would fail. */
    execute(data, limits) {
        return this.executeTemplate(this.name, data, limits);
    }
    /** Go's ExecuteTemplate: runs one of the templates the text defines. */
    executeTemplate(name, data, limits) {
        const tree = this.set.trees.get(name);
        if (!tree)
            throw new TemplateError(`template: no template ${quote(name)} associated with template ${quote(this.name)}`);
        const out = [];
        const dot = data === null || data === undefined ? NO_VALUE : data;
        new State(this.set, tree, out, dot, 0, new Budget(limits)).walk(dot, tree.root);
        return out.join('');
    }
}
/** Parse and execute in one step. */
function render(name, text, data, opts = {}) {
    return Template.parse(name, text, opts).execute(data);
}

;// CONCATENATED MODULE: ./src/tags/sanitize.ts
/**
 * Rendered text → a valid Docker tag, the way Codeship stripped `image_tag`
 * results: Docker allows `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
 */

const MAX_TAG_LENGTH = 128;
/** Every character a Docker tag cannot hold removed (what Codefresh's CF_BRANCH_TAG_NORMALIZED does to a branch). */
function tagCharacters(text) {
    return text.replace(/[^A-Za-z0-9_.-]+/g, '');
}
/** Removes what Docker does not allow; '' when nothing is left. */
function sanitizeTag(rendered) {
    return tagCharacters(rendered)
        .replace(/^[.-]+/, '')
        .slice(0, MAX_TAG_LENGTH);
}
/** Quotes a template for a one-line message, shortened when long. */
function quoteTemplate(text) {
    const one = text.replace(/\r?\n/g, '\\n');
    return JSON.stringify(one.length > 80 ? one.slice(0, 77) + '...' : one);
}
/** The sanitised tag; an empty result is the user's to fix, so the error names the template. */
function toTag(rendered, templateName, templateText) {
    const tag = sanitizeTag(rendered);
    if (tag === '') {
        const got = rendered === '' ? 'nothing' : JSON.stringify(rendered.length > 40 ? rendered.slice(0, 37) + '...' : rendered);
        throw new errors/* UserError */.yo(`${templateName}: template ${quoteTemplate(templateText)} rendered ${got}, which leaves no valid tag characters ([A-Za-z0-9_.-], not starting with . or -)`);
    }
    return tag;
}

;// CONCATENATED MODULE: ./src/tags/semver.ts
const SEMVER_PARTS = ['major', 'minor', 'patch', 'prerelease', 'build'];
const NUM = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUM}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const BUILD_ID = '[0-9A-Za-z-]+';
// An optional leading v, because release tags are written v1.2.3.
const SEMVER = new RegExp(`^[vV]?(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`);
function parseSemver(version) {
    const m = SEMVER.exec(version);
    if (!m)
        return undefined;
    return { major: m[1], minor: m[2], patch: m[3], prerelease: m[4] ?? '', build: m[5] ?? '' };
}
/**
 * Formats `version` by `format`: each part name in the format is replaced by that
 * part, other characters are kept. An empty part (no prerelease or build) takes the
 * separator before it away with it, so "major.minor.patch-prerelease" of 1.2.3 is
 * `1.2.3`. Throws an Error with a message meant for the user.
 */
function formatSemver(version, format) {
    const v = parseSemver(version);
    if (!v) {
        throw new Error(`"${version}" is not a semantic version (MAJOR.MINOR.PATCH with an optional v, -prerelease and +build, e.g. v1.2.3)`);
    }
    const words = format.match(/[A-Za-z]+/g) ?? [];
    if (words.length === 0)
        throw new Error(`format "${format}" names no part; use ${SEMVER_PARTS.join(', ')}, e.g. "major.minor"`);
    for (const w of words) {
        if (!SEMVER_PARTS.includes(w)) {
            throw new Error(`format "${format}": unknown part "${w}"; parts are ${SEMVER_PARTS.join(', ')}`);
        }
    }
    // Each part with the separator characters in front of it.
    return format.replace(/([^A-Za-z]*)([A-Za-z]+)/g, (_, sep, part) => v[part] === '' ? '' : sep + v[part]);
}

;// CONCATENATED MODULE: ./src/tags/funcs.ts
/**
 * Functions tag templates get beyond Go's built-ins. Names, argument order and
 * behaviour follow Sprig (Helm, docker/metadata-action users know them), so the
 * value comes last and pipelines read naturally: `{{ .Branch | replace "/" "-" | lower }}`.
 */



function chars(s) {
    return Array.from(s);
}
/** Sprig's notion of empty: Go's zero values and empty collections. */
function isEmpty(value) {
    if (value === null || value === undefined)
        return true;
    if (typeof value === 'string')
        return value === '';
    if (typeof value === 'number')
        return value === 0;
    if (typeof value === 'bigint')
        return value === 0n;
    if (typeof value === 'boolean')
        return !value;
    if (Array.isArray(value))
        return value.length === 0;
    if (value instanceof Map)
        return value.size === 0;
    if (value instanceof GoTyped)
        return isEmpty(value.value);
    if (Object.getPrototypeOf(value) === Object.prototype)
        return Object.keys(value).length === 0;
    return false; // structs, times, functions
}
const tagFuncs = {
    /** `lower STRING` */
    lower: goFunc({ params: ['string'], result: 'string' }, (s) => s.toLowerCase()),
    /** `upper STRING` */
    upper: goFunc({ params: ['string'], result: 'string' }, (s) => s.toUpperCase()),
    /** `trunc N STRING`: the first N characters; a negative N keeps the last -N. */
    trunc: goFunc({ params: ['int', 'string'], result: 'string' }, (n, s) => {
        const c = chars(s);
        if (n >= 0)
            return c.slice(0, n).join('');
        return c.slice(Math.max(0, c.length + n)).join('');
    }),
    /** `replace OLD NEW STRING`: every OLD replaced by NEW. */
    replace: goFunc({ params: ['string', 'string', 'string'], result: 'string' }, (old, repl, s) => 
    // Go's strings.ReplaceAll: an empty OLD matches before every character and at the end.
    old === ''
        ? repl +
            chars(s)
                .map((c) => c + repl)
                .join('')
        : s.split(old).join(repl)),
    /** `default FALLBACK [VALUE]`: VALUE, or FALLBACK when VALUE is missing or empty ("", 0, false, nil, empty list or map). */
    default: goFunc({ params: ['any'], variadic: 'any', result: 'any' }, (fallback, ...given) => given.length === 0 || isEmpty(given[0]) ? fallback : given[0]),
    /** `tagsafe STRING`: the characters a Docker tag cannot hold removed, as Codefresh's CF_BRANCH_TAG_NORMALIZED is made: `feature/login` → `featurelogin`. */
    tagsafe: goFunc({ params: ['string'], result: 'string' }, (s) => tagCharacters(s)),
    /** `semver VERSION FORMAT`: parts of a semantic version, e.g. `semver "v1.2.3" "major.minor"` is 1.2. */
    semver: goFunc({ params: ['string', 'string'], result: 'string' }, (version, format) => formatSemver(version, format)),
};

;// CONCATENATED MODULE: ./src/tags/render.ts
/**
 * Templates → tags: each template rendered with the tag functions, sanitised to a
 * Docker tag (unless raw), duplicates dropped keeping the first.
 */




// What docker/metadata-action and build-push-action users write in `tags`; the clean-up
// into a Docker tag would turn either into nonsense (`typerefeventbranch`) without a word.
const METADATA_RULE = /^type=[a-z]+(,|$)/;
const FULL_REFERENCE = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?|[a-z0-9-]+:\d+)\/[^\s:]+:.+$/i;
function dockerTagForm(name, text) {
    if (METADATA_RULE.test(text)) {
        return new UserError(`${name}: "${text}" is docker/metadata-action's syntax — write the tag as a template, e.g. {{ .Branch }}, sha-{{ .ShortCommitID }}, {{ semver .Tag "major.minor" }} or latest`);
    }
    if (FULL_REFERENCE.test(text)) {
        const at = text.indexOf(':', text.indexOf('/'));
        return new UserError(`${name}: "${text}" is a full image reference — tags are the tag part only: give "${text.slice(at + 1)}" here and the repository (${text.slice(0, at)}) as image-name`);
    }
    return undefined;
}
/** The template list of a multi-line input: one template per non-blank line, named `INPUT line N`. */
function templatesFromLines(input, inputName) {
    const out = [];
    input.split(/\r?\n/).forEach((line, i) => {
        const text = line.trim();
        if (text === '')
            return;
        const name = `${inputName} line ${i + 1}`;
        const wrong = dockerTagForm(name, text);
        if (wrong)
            throw wrong;
        out.push({ name, text });
    });
    return out;
}
/** A tag is at most 128 characters; these leave room for anything a tag template really does. */
const TAG_LIMITS = { maxOutput: 64 * 1024, maxSteps: 200_000 };
/** The field names the templates read, for tagVariables' `uses`: git answers only those. */
function fieldsRead(templates, opts = {}) {
    const funcs = { ...tagFuncs, ...opts.funcs };
    const names = new Set();
    for (const t of templates)
        for (const n of Template.parse(t.name, t.text, { funcs }).fieldNames())
            names.add(n);
    return names;
}
/** Each template's tag, in order, with repeats marked. */
function renderEach(templates, dot, opts = {}) {
    const funcs = { ...tagFuncs, ...opts.funcs };
    const seen = new Set();
    return templates.map((template) => {
        const output = Template.parse(template.name, template.text, { funcs }).execute(dot, TAG_LIMITS);
        const tag = opts.raw ? output : toTag(output, template.name, template.text);
        const duplicate = seen.has(tag);
        seen.add(tag);
        return { template, tag, duplicate };
    });
}
function uniqueTags(rendered) {
    return rendered.filter((r) => !r.duplicate).map((r) => r.tag);
}
/** The tags of `templates`, duplicates removed keeping the first. */
function renderTags(templates, dot, opts = {}) {
    return uniqueTags(renderEach(templates, dot, opts));
}

;// CONCATENATED MODULE: ./src/tags/github.ts
/**
 * What the GitHub runner tells a step about the build: the GITHUB_* variables and
 * the event payload at GITHUB_EVENT_PATH, reduced to the facts tag variables need.
 * Pure: no git here (see git.ts), so each fact's source is visible in one place.
 */


function readPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        // The runner always writes the file; a missing one is a broken local setup.
        throw new errors/* UserError */.yo(`GITHUB_EVENT_PATH=${path}: cannot read the event payload (${err.code ?? 'error'})`);
    }
    try {
        const value = JSON.parse(text);
        return value && typeof value === 'object' ? value : {};
    }
    catch (err) {
        throw new errors/* UserError */.yo(`GITHUB_EVENT_PATH=${path}: the event payload is not JSON (${err.message})`);
    }
}
function date(value) {
    // repository.pushed_at is Unix seconds on push events and an ISO string elsewhere.
    const d = typeof value === 'number'
        ? new Date(value * 1000)
        : typeof value === 'string' && value
            ? new Date(value)
            : undefined;
    return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
function str(value) {
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
function github_int(value) {
    const n = typeof value === 'number' ? value : Number.parseInt(str(value), 10);
    return Number.isFinite(n) ? n : 0;
}
function readBuildFacts(env = process.env, cwd = process.cwd()) {
    const payload = readPayload(env);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const ref = env.GITHUB_REF ?? str(payload.ref);
    const refName = env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, '');
    const isTagRef = ref.startsWith('refs/tags/');
    const pr = payload.pull_request;
    const release = payload.release;
    const tag = release ? str(release.tag_name) : isTagRef ? refName : '';
    let branch;
    let commitId;
    let eventTime;
    if (pr) {
        branch = env.GITHUB_HEAD_REF || str(pr.head?.ref);
        commitId = str(pr.head?.sha) || undefined;
        eventTime = date(pr.updated_at);
    }
    else if (release) {
        // Codeship built tags with the tag name as the branch; a release is a tag.
        branch = tag;
        eventTime = date(release.published_at) ?? date(release.created_at);
    }
    else if (ref.startsWith('refs/heads/') || isTagRef || (ref === '' && env.GITHUB_REF_NAME)) {
        // GITHUB_REF_NAME alone: set by hand to render for a branch outside Actions.
        branch = refName;
    }
    // head_commit before `after`: for an annotated tag, `after` is the tag object.
    if (!pr)
        commitId = env.GITHUB_SHA || str(payload.head_commit?.id) || str(payload.after) || undefined;
    // A deleted branch's push has after=000…; nothing was built, keep GITHUB_SHA.
    if (commitId && /^0+$/.test(commitId))
        commitId = env.GITHUB_SHA || undefined;
    const head = payload.head_commit;
    let commit;
    if (head && (!commitId || head.id === commitId)) {
        commit = {
            message: str(head.message),
            name: str(head.committer?.name),
            email: str(head.committer?.email),
            username: str(head.committer?.username) || undefined,
        };
    }
    if (!eventTime)
        eventTime = date(payload.repository?.pushed_at) ?? date(head?.timestamp);
    return {
        eventName,
        ref,
        tag,
        branch,
        commitId,
        commit,
        pullRequest: pr ? github_int(pr.number ?? payload.number) : 0,
        repository: env.GITHUB_REPOSITORY ?? str(payload.repository?.full_name),
        repositoryId: env.GITHUB_REPOSITORY_ID ?? str(payload.repository?.id),
        runId: env.GITHUB_RUN_ID ?? '',
        runNumber: github_int(env.GITHUB_RUN_NUMBER),
        job: env.GITHUB_JOB ?? '',
        actor: env.GITHUB_ACTOR ?? str(payload.sender?.login),
        defaultBranch: str(payload.repository?.default_branch),
        eventTime,
        workspace: env.GITHUB_WORKSPACE || cwd,
    };
}

;// CONCATENATED MODULE: ./src/tags/git.ts
/**
 * The few git questions tag variables ask when the event payload does not answer
 * them, through @actions/exec. Each spawns git (a few ms), so callers ask only for
 * variables a template uses.
 */

async function git(cwd, args) {
    // Loaded only when a template needs git: most tag steps never do.
    const { getExecOutput } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 1260));
    try {
        const r = await getExecOutput('git', args, { cwd, silent: true, ignoreReturnCode: true });
        if (r.exitCode === 0)
            return { ok: true, out: r.stdout.replace(/\n$/, ''), err: '' };
        return { ok: false, out: '', err: r.stderr.trim().split('\n')[0] };
    }
    catch (err) {
        const e = err;
        const why = e.code === 'ENOENT' || /Unable to locate executable file/.test(String(e.message))
            ? 'git is not installed'
            : String(e.message).split('\n')[0];
        return { ok: false, out: '', err: why };
    }
}
/** Throws a UserError naming the variable that needed git and how to make it answerable. */
function need(variable, cwd, r, hint) {
    if (r.ok)
        return r.out;
    throw new errors/* UserError */.yo(`${variable}: git in ${cwd} failed (${r.err}); ${hint}`);
}
const CHECKOUT = 'check the repository out first (actions/checkout)';
async function headCommit(cwd) {
    return need('CommitID', cwd, await git(cwd, ['rev-parse', 'HEAD']), `${CHECKOUT} or set GITHUB_SHA`);
}
/** The checked-out branch, or '' on a detached HEAD. */
async function currentBranch(cwd) {
    const r = await git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']);
    if (r.ok)
        return r.out;
    // symbolic-ref -q fails silently (no stderr) on a detached HEAD; anything else is a real failure.
    if (r.err === '' || /not a symbolic ref/.test(r.err))
        return '';
    return need('Branch', cwd, r, `${CHECKOUT} or set GITHUB_REF_NAME`);
}
async function repositoryName(cwd) {
    const top = need('RepoName', cwd, await git(cwd, ['rev-parse', '--show-toplevel']), `${CHECKOUT} or set GITHUB_REPOSITORY`);
    return top.split(/[\\/]/).pop() ?? '';
}
/** Committer and message of `rev`; the error says how to fetch a commit a shallow checkout lacks. */
async function commitDetails(variable, cwd, rev) {
    const r = await git(cwd, ['log', '-1', '--format=%cn%x00%ce%x00%B', rev, '--']);
    const out = need(variable, cwd, r, `commit ${rev} must be in the checkout (actions/checkout with fetch-depth: 2 for pull requests, 0 for all history)`);
    const [name = '', email = '', message = ''] = out.split('\0');
    return { name, email, message: message.replace(/\n+$/, '') };
}
/** Codeship's CommitDescription: `git describe --abbrev=1 --tags --always` of the commit built. */
async function describe(cwd, rev) {
    return need('CommitDescription', cwd, await git(cwd, ['describe', '--abbrev=1', '--tags', '--always', rev]), `commit ${rev} and its tags must be in the checkout (actions/checkout with fetch-depth: 0)`);
}

;// CONCATENATED MODULE: ./src/tags/variables.ts
/**
 * The dot of a tag template: Codeship's push-step variables, taken from the GitHub
 * context, plus the extras release tagging needs. Each variable's source is
 * documented in docs/tags.md.
 *
 * Values are computed when a template first reads them. Git is asked (through
 * @actions/exec, before rendering) only for the variables the templates name and
 * the event does not answer, so `{{ .Branch }}` never spawns git; an answer git
 * could not give is an error only if the template really reads it.
 */



function settle(p) {
    return p.then((value) => ({ value }), (error) => ({ error }));
}
function answer(s, variable) {
    // Not asked: a caller's `uses` left out a variable its templates read.
    if (!s)
        throw new Error(`${variable} was read, but git was not asked for it`);
    if ('error' in s)
        throw s.error;
    return s.value;
}
const DETAIL_VARIABLES = ['CommitMessage', 'CommitterName', 'CommitterEmail'];
async function askGit(facts, opts) {
    const cwd = facts.workspace;
    const overridden = (name) => opts.overrides?.[name] !== undefined;
    const reads = (name) => (opts.uses ? opts.uses.has(name) : true) && !overridden(name);
    const payloadCommit = opts.overrides?.CommitID === undefined ? facts.commit : undefined;
    const needsDetails = DETAIL_VARIABLES.some((n) => reads(n)) && !payloadCommit;
    const needsCommit = needsDetails || reads('CommitID') || reads('ShortCommitID') || reads('CommitDescription');
    const out = {};
    const pending = [];
    if (reads('Branch') && facts.branch === undefined)
        pending.push(settle(currentBranch(cwd)).then((a) => (out.branch = a)));
    if (reads('RepoName') && !facts.repository.split('/')[1])
        pending.push(settle(repositoryName(cwd)).then((a) => (out.repo = a)));
    if (needsCommit) {
        const known = opts.overrides?.CommitID ?? facts.commitId;
        out.commit = known !== undefined ? { value: known } : await settle(headCommit(cwd));
        const commit = out.commit;
        const ofCommit = (ask) => 'error' in commit ? Promise.resolve(commit) : settle(ask(commit.value));
        if (needsDetails)
            pending.push(ofCommit((rev) => commitDetails(DETAIL_VARIABLES.find((n) => reads(n)), cwd, rev)).then((a) => (out.details = a)));
        if (reads('CommitDescription'))
            pending.push(ofCommit((rev) => describe(cwd, rev)).then((a) => (out.description = a)));
    }
    await Promise.all(pending);
    return out;
}
/** Go's name for the dot's type, as errors print it: `can't evaluate field X in type tags.Variables`. */
const VARIABLES_TYPE = 'tags.Variables';
/** Codeship's variables in its documented order, then regkit's extras. */
const CODESHIP_VARIABLES = [
    'ProjectID',
    'BuildID',
    'RepoName',
    'Branch',
    'CommitID',
    'CommitMessage',
    'CommitDescription',
    'CommitterName',
    'CommitterEmail',
    'CommitterUsername',
    'Time',
    'Timestamp',
    'StringTime',
    'StepName',
    'ServiceName',
    'ImageName',
    'Ci',
    'CiName',
];
const EXTRA_VARIABLES = ['Tag', 'Ref', 'ShortCommitID', 'PullRequest', 'RunNumber', 'DefaultBranch'];
/** Length of ShortCommitID: git's default abbreviation, and what `sha-` tags are looked up by. */
const SHORT_COMMIT_LENGTH = 7;
function pad(n) {
    return String(n).padStart(2, '0');
}
/**
 * Codeship's StringTime: RFC 3339 in UTC with a numeric offset, as its builds
 * exported CI_STRING_TIME (`2017-10-13T10:14:23+00:00`).
 */
function stringTime(d) {
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`;
}
function unixSeconds(d) {
    return BigInt(Math.floor(d.getTime() / 1000));
}
/** Values of the dot, computed on first read. */
function computeValues(facts, opts, git) {
    let time;
    const buildTime = () => (time ??= opts.time ?? facts.eventTime ?? new Date());
    // An overridden CommitID also drives ShortCommitID, CommitDescription and the commit details.
    const commit = () => opts.overrides?.CommitID ?? facts.commitId ?? answer(git.commit, 'CommitID');
    // The payload describes the event's commit, not one named by an override.
    const payloadCommit = opts.overrides?.CommitID === undefined ? facts.commit : undefined;
    const fromGit = () => answer(git.details, 'the commit details');
    return {
        ProjectID: () => facts.repositoryId,
        BuildID: () => facts.runId,
        RepoName: () => facts.repository.split('/')[1] || answer(git.repo, 'RepoName'),
        Branch: () => facts.branch ?? answer(git.branch, 'Branch'),
        CommitID: commit,
        CommitMessage: () => payloadCommit?.message ?? fromGit().message,
        CommitDescription: () => answer(git.description, 'CommitDescription'),
        CommitterName: () => payloadCommit?.name ?? fromGit().name,
        CommitterEmail: () => payloadCommit?.email ?? fromGit().email,
        CommitterUsername: () => payloadCommit?.username ?? facts.actor,
        Time: () => GoTime.fromDate(buildTime(), 0, 'UTC'),
        Timestamp: () => new GoTyped('int64', 'int', unixSeconds(buildTime())),
        StringTime: () => stringTime(buildTime()),
        StepName: () => opts.stepName || facts.job,
        ServiceName: () => opts.serviceName ?? '',
        ImageName: () => opts.imageName ?? '',
        Ci: () => true,
        CiName: () => opts.ciName || 'github-actions',
        Tag: () => facts.tag,
        Ref: () => facts.ref,
        ShortCommitID: () => commit().slice(0, SHORT_COMMIT_LENGTH),
        PullRequest: () => BigInt(facts.pullRequest),
        RunNumber: () => BigInt(facts.runNumber),
        DefaultBranch: () => facts.defaultBranch,
    };
}
/** An object whose properties compute once, on first read, in declaration order. */
function lazyFields(compute) {
    const fields = {};
    for (const [name, fn] of Object.entries(compute)) {
        let done = false;
        let value;
        Object.defineProperty(fields, name, {
            enumerable: true,
            configurable: true,
            get: () => {
                if (!done) {
                    value = fn();
                    done = true;
                }
                return value;
            },
        });
    }
    return fields;
}
/** The dot for tag templates, from the GitHub context in `env` (default process.env). */
async function tagVariables(opts = {}) {
    const facts = readBuildFacts(opts.env ?? process.env, opts.cwd ?? process.cwd());
    const compute = computeValues(facts, opts, await askGit(facts, opts));
    for (const [name, value] of Object.entries(opts.overrides ?? {})) {
        if (name in compute && name !== 'Time')
            compute[name] = () => value;
    }
    return new GoStruct(VARIABLES_TYPE, lazyFields(compute));
}

// EXTERNAL MODULE: ./src/naming/index.ts + 3 modules
var naming = __webpack_require__(6495);
;// CONCATENATED MODULE: ./src/cli/commands/render.ts






const render_usage = `usage: regkit render TEMPLATE... [--var Name=Value]... [--data FILE.json] [--raw]

Renders Go text/template image tags and prints one tag per line (duplicates once).

  --var Name=Value  set a variable (repeatable); values are strings, except Time,
                    which takes an RFC 3339 time (2024-05-02T09:12:45Z) and also sets
                    Timestamp and StringTime
  --data FILE.json  make this JSON document the dot instead of the variables
                    ("-" reads standard input); --var then sets its keys
  --raw             print each template's output as it is, not made a Docker tag

Without --data the dot holds Codeship's variables (Branch, CommitID, Timestamp, ...)
from the GITHUB_* environment and event payload, or from git in the current folder.
See docs/tags.md.`;
const NAMES = [...CODESHIP_VARIABLES, ...EXTRA_VARIABLES];
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;
function parseVars(items) {
    const vars = new Map();
    for (const item of items) {
        const eq = item.indexOf('=');
        if (eq <= 0)
            throw new usage/* UsageError */.e(`--var ${item}: expected Name=Value`);
        vars.set(item.slice(0, eq), item.slice(eq + 1));
    }
    return vars;
}
function variablesDot(vars, uses) {
    const overrides = {};
    let time;
    for (const [name, value] of vars) {
        if (!NAMES.includes(name)) {
            const hint = (0,naming.didYouMean)(name, NAMES);
            throw new errors/* UserError */.yo(`--var ${name}: no such variable${hint ? `; ${hint}` : ''} (variables: ${NAMES.join(', ')})`);
        }
        if (name === 'Time') {
            time = new Date(value);
            if (!RFC3339.test(value) || Number.isNaN(time.getTime())) {
                throw new errors/* UserError */.yo(`--var Time=${value}: not an RFC 3339 time; write e.g. 2024-05-02T09:12:45Z`);
            }
        }
        else {
            overrides[name] = value;
        }
    }
    return tagVariables({ overrides, time, uses });
}
function dataDot(file, vars) {
    const data = readJsonData(file);
    if (vars.size === 0)
        return data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* UserError */.yo(`--var needs --data ${file} to hold a JSON object, to set keys in`);
    }
    return { ...data, ...Object.fromEntries(vars) };
}
const command = {
    usage: render_usage,
    async run(argv) {
        const { values, positionals } = (0,usage/* parse */.q)(argv, { var: { type: 'string', multiple: true }, data: { type: 'string' }, raw: { type: 'boolean' } }, { min: 0, max: Infinity });
        if (positionals.length === 0)
            throw new usage/* UsageError */.e('give at least one TEMPLATE');
        const vars = parseVars(values.var ?? []);
        const templates = positionals.map((text, i) => ({ name: `template ${i + 1}`, text }));
        const dot = values.data !== undefined ? dataDot(values.data, vars) : await variablesDot(vars, fieldsRead(templates));
        const tags = renderTags(templates, dot, { raw: values.raw ?? false });
        process.stdout.write(tags.map((t) => t + '\n').join(''));
    },
};


/***/ }),

/***/ 6495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DOCKER_HUB_ALIASES: () => (/* reexport */ DOCKER_HUB_ALIASES),
  DOCKER_HUB_API_HOST: () => (/* reexport */ DOCKER_HUB_API_HOST),
  DOCKER_HUB_KEY: () => (/* reexport */ DOCKER_HUB_KEY),
  InvalidReferenceError: () => (/* reexport */ InvalidReferenceError),
  apiHost: () => (/* reexport */ apiHost),
  bareHost: () => (/* reexport */ bareHost),
  basicAuth: () => (/* reexport */ basicAuth),
  configKey: () => (/* reexport */ configKey),
  didYouMean: () => (/* reexport */ didYouMean),
  familiarName: () => (/* reexport */ familiarName),
  formatRef: () => (/* reexport */ formatRef),
  hostname: () => (/* reexport */ hostname),
  isDockerHub: () => (/* reexport */ isDockerHub),
  isDomainComponent: () => (/* reexport */ isDomainComponent),
  isLoopback: () => (/* reexport */ isLoopback),
  isPathComponent: () => (/* reexport */ isPathComponent),
  isValidTag: () => (/* reexport */ isValidTag),
  manifestReference: () => (/* reexport */ manifestReference),
  normalizeDomain: () => (/* reexport */ normalizeDomain),
  parseImageRef: () => (/* reexport */ parseImageRef),
  splitImageName: () => (/* reexport */ splitImageName),
  suggest: () => (/* reexport */ suggest),
  validateDigest: () => (/* reexport */ validateDigest),
  withDefaultTag: () => (/* reexport */ withDefaultTag),
  withTag: () => (/* reexport */ withTag)
});

;// CONCATENATED MODULE: ./src/naming/host.ts
/**
 * Registry hosts: the one place that says which names mean Docker Hub, what a
 * domain looks like in normal form, which hosts are loopback (where plain http
 * never leaves the machine), and how Docker keys and encodes a login.
 */
/** Every name Docker accepts for Docker Hub; all of them mean one registry, written docker.io. */
const DOCKER_HUB_ALIASES = [
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
];
/** The host that actually serves Docker Hub's /v2/ API. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The key Docker stores Docker Hub credentials under in config.json, whatever alias the user wrote. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/** host[:port] as written, without a scheme or path, lower-cased; the port is kept. */
function bareHost(domain) {
    return domain
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
}
/**
 * The normal form of a registry domain: host[:port], lower case, no scheme, path,
 * or :443 (https's own port), IPv6 in brackets; every Docker Hub alias becomes docker.io. Accepts the
 * keys of a .dockercfg / config.json `auths` map.
 */
function normalizeDomain(domain) {
    let host = bareHost(domain);
    // A bare IPv6 address (two colons or more, no brackets) has no port: bracket it, as URLs do.
    if (!host.startsWith('[') && (host.match(/:/g) ?? []).length > 1)
        host = `[${host}]`;
    host = host.replace(/:443$/, '');
    return DOCKER_HUB_ALIASES.includes(host) ? 'docker.io' : host;
}
function isDockerHub(domain) {
    return normalizeDomain(domain) === 'docker.io';
}
/** The host serving the /v2/ API for a domain (Docker Hub's aliases all map to one). */
function apiHost(domain) {
    const host = normalizeDomain(domain);
    return host === 'docker.io' ? DOCKER_HUB_API_HOST : host;
}
/** The host without its port: `[::1]:5000` → `::1`, `localhost:5000` → `localhost`. */
function hostname(domain) {
    const h = bareHost(domain);
    if (h.startsWith('['))
        return h.slice(1, h.indexOf(']'));
    // Two or more colons and no brackets: a bare IPv6 address, which has no port.
    return (h.match(/:/g) ?? []).length === 1 ? h.split(':')[0] : h;
}
/**
 * localhost, 127.0.0.0/8 and ::1, with or without a port. Names under .localhost
 * are not counted: whether they resolve to this machine is up to the resolver, and
 * credentials in plain http must not depend on that.
 */
function isLoopback(domain) {
    const h = hostname(domain);
    return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127(\.\d{1,3}){3}$/.test(h);
}
/** The auths key Docker looks a registry up by: the Hub's index URL, else host[:port]. */
function configKey(domain) {
    return isDockerHub(domain) ? DOCKER_HUB_KEY : normalizeDomain(domain);
}
/** `base64(username:password)`: config.json's `auth`, and the credentials of HTTP Basic. */
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/naming/reference.ts
/**
 * Image references, parsed and normalised exactly as Docker does
 * (the rules of Docker's reference package: Parse and ParseNormalizedNamed):
 *
 *   parseImageRef('alpine')                    → docker.io/library/alpine (no tag)
 *   parseImageRef('localhost:5000/a/b:1@sha256:…') → domain localhost:5000, path a/b, tag 1, digest
 *   formatRef(ref)                             → 'docker.io/library/alpine:latest'
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain '/'] path          domain := host [':' port]
 */


// The grammar, built from the same pieces as Docker's regexp.go.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|${ipv6})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const referenceRe = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRe = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const identifierRe = /^[a-f0-9]{64}$/;
const tagRe = new RegExp(`^${tagPat}$`);
const pathComponentRe = new RegExp(`^${pathComponent}$`);
const MAX_NAME = 255;
/** Hex lengths of the algorithms go-digest registers. */
const DIGEST_HEX = { sha256: 64, sha384: 96, sha512: 128 };
class InvalidReferenceError extends errors/* UserError */.yo {
    name = 'InvalidReferenceError';
}
function fail(input, why) {
    throw new InvalidReferenceError(`invalid image reference "${input}": ${why}`);
}
/** Checks a digest as go-digest's Parse does; returns it unchanged. */
function validateDigest(digest, input = digest) {
    const i = digest.indexOf(':');
    const algorithm = digest.slice(0, i);
    const hex = digest.slice(i + 1);
    if (i <= 0 || !hex)
        fail(input, 'invalid checksum digest format');
    const want = DIGEST_HEX[algorithm];
    if (want === undefined)
        fail(input, `unsupported digest algorithm "${algorithm}"`);
    if (hex.length !== want)
        fail(input, `invalid checksum digest length`);
    if (!/^[a-f0-9]+$/.test(hex))
        fail(input, 'invalid checksum digest format');
    return digest;
}
/** Docker's Parse: the grammar only, no normalisation (domain may be ''). */
function parseReference(input) {
    if (input === '')
        fail(input, 'repository name must have at least one component');
    const m = referenceRe.exec(input);
    if (!m) {
        if (input.toLowerCase() !== input && referenceRe.test(input.toLowerCase()))
            fail(input, 'repository name must be lowercase');
        fail(input, 'invalid reference format');
    }
    // The whole name (domain included) is limited, as in Docker's Parse and Distribution 2.8.
    if (m[1].length > MAX_NAME)
        fail(input, `repository name must not be more than ${MAX_NAME} characters`);
    const n = anchoredNameRe.exec(m[1]);
    const domain = n?.[1] ?? '';
    const path = n ? n[2] : m[1];
    const ref = { domain, path };
    if (m[2] !== undefined)
        ref.tag = m[2];
    if (m[3] !== undefined)
        ref.digest = validateDigest(m[3], input);
    return ref;
}
/** Docker's rule for the first component of a name: a registry when it has a dot, a port or capitals, or is localhost. */
function isDomainComponent(first) {
    return first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first;
}
/** Docker's splitDockerDomain: which part of a familiar name is the registry. */
function splitDockerDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return ['docker.io', `library/${name}`];
    const maybeDomain = name.slice(0, slash);
    let domain;
    let remote;
    if (isDomainComponent(maybeDomain)) {
        [domain, remote] = [maybeDomain === 'index.docker.io' ? 'docker.io' : maybeDomain, name.slice(slash + 1)];
    }
    else {
        [domain, remote] = ['docker.io', name];
    }
    if (domain === 'docker.io' && !remote.includes('/'))
        remote = `library/${remote}`;
    return [domain, remote];
}
/**
 * The registry (normal form) and the rest of an image name, split as Docker splits
 * it but without checking or completing the rest: `alpine:3` → docker.io, `alpine:3`.
 * For names in files regkit converts, which may hold variables Docker would refuse.
 */
function splitImageName(image) {
    const name = image.split('@')[0];
    const slash = name.indexOf('/');
    if (slash > 0 && isDomainComponent(name.slice(0, slash)))
        return { domain: normalizeDomain(name.slice(0, slash)), path: name.slice(slash + 1) };
    return { domain: 'docker.io', path: name };
}
/** Docker's ParseNormalizedNamed: what `docker pull NAME` understands by NAME. */
function parseImageRef(input) {
    if (identifierRe.test(input))
        fail(input, 'cannot specify 64-byte hexadecimal strings');
    const [domain, remainder] = splitDockerDomain(input);
    const colon = remainder.indexOf(':');
    const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
    if (remote.toLowerCase() !== remote)
        fail(input, `repository name (${remote}) must be lowercase`);
    const ref = parseReference(`${domain}/${remainder}`);
    if (!ref.domain)
        fail(input, 'invalid reference format');
    return ref;
}
/** The repository with its registry: docker.io/library/alpine. */
function repositoryName(ref) {
    return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}
/** The full string: name[:tag][@digest]. */
function formatRef(ref) {
    return repositoryName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}
/** As Docker's UI shows it: without docker.io/ and library/. */
function familiarName(ref) {
    if (ref.domain !== 'docker.io')
        return formatRef(ref);
    let path = ref.path;
    if (path.startsWith('library/') && !path.slice(8).includes('/'))
        path = path.slice(8);
    return formatRef({ ...ref, domain: '', path });
}
/** Docker's TagNameOnly: `latest` when there is neither tag nor digest. */
function withDefaultTag(ref) {
    return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}
/** What to ask the registry for: the digest when there is one (it pins the tag), else the tag. */
function manifestReference(ref) {
    return ref.digest ?? ref.tag ?? 'latest';
}
/** One part of a repository path between slashes: lower-case alphanumerics joined by . _ __ or dashes. */
function isPathComponent(part) {
    return pathComponentRe.test(part);
}
function isValidTag(tag) {
    return tagRe.test(tag);
}
function withTag(ref, tag) {
    if (!isValidTag(tag))
        throw new InvalidReferenceError(`invalid tag "${tag}": tags are up to 128 letters, digits, _ . - and do not start with . or -`);
    return { domain: ref.domain, path: ref.path, tag };
}

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(1916);
;// CONCATENATED MODULE: ./src/naming/suggest.ts

/** The candidate a typo most likely meant, or undefined when none is close enough to be a fair guess. */
function suggest(word, candidates) {
    const lower = word.toLowerCase();
    let best;
    let bestScore = Infinity;
    for (const c of candidates) {
        if (c === word)
            continue;
        const score = c.toLowerCase() === lower ? 0 : (0,mod/* distance */.Io)(lower, c.toLowerCase());
        if (score < bestScore) {
            best = c;
            bestScore = score;
        }
    }
    // A third of the word, at least 2: "usrname" → "username", not "abc" → "xyz".
    const limit = Math.max(2, Math.floor(word.length / 3));
    return bestScore <= limit ? best : undefined;
}
/** ` — did you mean "x"?` or the empty string. */
function didYouMean(word, candidates) {
    const s = suggest(word, candidates);
    return s === undefined ? '' : `did you mean "${s}"?`;
}

;// CONCATENATED MODULE: ./src/naming/index.ts
/**
 * Names of registries, images and tags: every rule about them lives here, and
 * everything else imports them from this file. A leaf: it imports nothing of regkit
 * but errors.
 */





/***/ })

};
