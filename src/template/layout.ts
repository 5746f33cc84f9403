/**
 * Go's time layouts (time/format.go): the reference time Mon Jan 2 15:04:05 MST 2006
 * written the way the output should look.
 */

export const longDayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const longMonthNames = [
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
export const layouts = {
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
} as const;

/** The broken-down time a layout needs. */
export interface Fields {
  year: number;
  month: number; // 1..12
  day: number;
  yday: number; // 1..366
  weekday: number; // 0 = Sunday
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  offset: number; // seconds east of UTC
  zone: string; // abbreviation, '' for an unnamed offset
}

type Chunk = { kind: 'lit' } | { kind: 'std'; std: string; arg?: number; sep?: string };

const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** nextStdChunk: the first layout element in `layout` at or after position 0. */
function nextStd(layout: string): { prefix: string; chunk: Chunk; suffix: string } {
  const at = (i: number, s: string): boolean => layout.startsWith(s, i);
  for (let i = 0; i < layout.length; i++) {
    const found = (std: string, len: number, extra: Partial<Chunk & { kind: 'std' }> = {}) => ({
      prefix: layout.slice(0, i),
      chunk: { kind: 'std' as const, std, ...extra },
      suffix: layout.slice(i + len),
    });
    switch (layout[i]) {
      case 'J':
        if (at(i, 'Jan')) {
          if (at(i, 'January')) return found('January', 7);
          if (!isLower(layout[i + 3])) return found('Jan', 3);
        }
        break;
      case 'M':
        if (at(i, 'Mon')) {
          if (at(i, 'Monday')) return found('Monday', 6);
          if (!isLower(layout[i + 3])) return found('Mon', 3);
        }
        if (at(i, 'MST')) return found('MST', 3);
        break;
      case '0':
        if (layout[i + 1] !== undefined && layout[i + 1]! >= '1' && layout[i + 1]! <= '6')
          return found('0' + layout[i + 1], 2);
        if (at(i, '002')) return found('002', 3);
        break;
      case '1':
        if (layout[i + 1] === '5') return found('15', 2);
        return found('1', 1);
      case '2':
        if (at(i, '2006')) return found('2006', 4);
        return found('2', 1);
      case '_':
        if (layout[i + 1] === '2') {
          // _2006 is really a literal _, followed by stdLongYear.
          if (at(i + 1, '2006'))
            return { prefix: layout.slice(0, i + 1), chunk: { kind: 'std', std: '2006' }, suffix: layout.slice(i + 5) };
          return found('_2', 2);
        }
        if (at(i, '__2')) return found('__2', 3);
        break;
      case '3':
        return found('3', 1);
      case '4':
        return found('4', 1);
      case '5':
        return found('5', 1);
      case 'P':
        if (layout[i + 1] === 'M') return found('PM', 2);
        break;
      case 'p':
        if (layout[i + 1] === 'm') return found('pm', 2);
        break;
      case '-':
        for (const tz of ['-070000', '-07:00:00', '-0700', '-07:00', '-07']) if (at(i, tz)) return found(tz, tz.length);
        break;
      case 'Z':
        for (const tz of ['Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07']) if (at(i, tz)) return found(tz, tz.length);
        break;
      case '.':
      case ',':
        if (layout[i + 1] === '0' || layout[i + 1] === '9') {
          const ch = layout[i + 1];
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
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
function int(x: number, width: number): string {
  const s = String(Math.abs(x)).padStart(width, '0');
  return x < 0 ? '-' + s : s;
}

function zone(t: Fields, std: string): string {
  if (t.offset === 0 && std[0] === 'Z') return 'Z';
  let minutes = Math.trunc(t.offset / 60);
  let abs = t.offset;
  let out = '+';
  if (minutes < 0) {
    out = '-';
    minutes = -minutes;
    abs = -abs;
  }
  out += int(Math.trunc(minutes / 60), 2);
  const colon = std.includes(':');
  if (colon) out += ':';
  if (std !== '-07' && std !== 'Z07') out += int(minutes % 60, 2);
  if (std.endsWith('0000') || std.endsWith(':00:00')) {
    if (colon) out += ':';
    out += int(abs % 60, 2);
  }
  return out;
}

function fraction(nsec: number, std: string, digits: number, sep: string): string {
  let buf = String(nsec).padStart(9, '0');
  let n = Math.min(digits, 9);
  if (std === '.9') {
    while (n > 0 && buf[n - 1] === '0') n--;
    if (n === 0) return '';
  }
  buf = buf.slice(0, n);
  return sep + buf;
}

/** Time.Format. */
export function formatLayout(t: Fields, layout: string): string {
  let out = '';
  while (layout !== '') {
    const { prefix, chunk, suffix } = nextStd(layout);
    out += prefix;
    if (chunk.kind === 'lit') break;
    layout = suffix;
    const hr12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
    switch (chunk.std) {
      case '06':
        out += int(Math.abs(t.year) % 100, 2);
        break;
      case '2006':
        out += int(t.year, 4);
        break;
      case 'Jan':
        out += longMonthNames[t.month - 1]!.slice(0, 3);
        break;
      case 'January':
        out += longMonthNames[t.month - 1];
        break;
      case '1':
        out += int(t.month, 0);
        break;
      case '01':
        out += int(t.month, 2);
        break;
      case 'Mon':
        out += longDayNames[t.weekday]!.slice(0, 3);
        break;
      case 'Monday':
        out += longDayNames[t.weekday];
        break;
      case '2':
        out += int(t.day, 0);
        break;
      case '_2':
        out += (t.day < 10 ? ' ' : '') + int(t.day, 0);
        break;
      case '02':
        out += int(t.day, 2);
        break;
      case '__2':
        out += (t.yday < 100 ? (t.yday < 10 ? '  ' : ' ') : '') + int(t.yday, 0);
        break;
      case '002':
        out += int(t.yday, 3);
        break;
      case '15':
        out += int(t.hour, 2);
        break;
      case '3':
        out += int(hr12, 0);
        break;
      case '03':
        out += int(hr12, 2);
        break;
      case '4':
        out += int(t.min, 0);
        break;
      case '04':
        out += int(t.min, 2);
        break;
      case '5':
        out += int(t.sec, 0);
        break;
      case '05':
        out += int(t.sec, 2);
        break;
      case 'PM':
        out += t.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += t.hour >= 12 ? 'pm' : 'am';
        break;
      case 'MST':
        if (t.zone !== '') out += t.zone;
        else {
          const m = Math.trunc(t.offset / 60);
          out += (m < 0 ? '-' : '+') + int(Math.trunc(Math.abs(m) / 60), 2) + int(Math.abs(m) % 60, 2);
        }
        break;
      case '.0':
      case '.9':
        out += fraction(t.nsec, chunk.std, chunk.arg!, chunk.sep!);
        break;
      default:
        out += zone(t, chunk.std);
    }
  }
  return out;
}
