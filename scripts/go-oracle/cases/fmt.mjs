// Go's fmt through printf: verbs x flags x values, generated.

const ints = ['0', '7', '-42', '255', '1234567', "'x'", '0x1F'];
const floats = ['0.0', '1.0', '-2.5', '3.14159265', '1e6', '123456789.0', '1e21', '0.000012345', '100000.0', '2.5e-7'];
const strings = ['""', '"go"', '"héllo"', '"tab\\there"', '"say \\"hi\\""', '"\\x00\\u00ad"'];
const fields = [
  '.n',
  '.f',
  '.big',
  '.tiny',
  '.z',
  '.neg',
  '.s',
  '.u',
  '.t',
  '.nil',
  '.missing',
  '.a',
  '.m',
  '.em',
  '.empty',
  '.nested',
  '.Time',
];

const intVerbs = [
  '%d',
  '%5d',
  '%-5d|',
  '%05d',
  '%+d',
  '% d',
  '%.3d',
  '%8.3d',
  '%x',
  '%X',
  '%#x',
  '%#X',
  '%o',
  '%#o',
  '%O',
  '%b',
  '%#b',
  '%c',
  '%q',
  '%+q',
  '%U',
  '%#U',
  '%v',
  '%s',
  '%f',
  '%t',
  '%.0d',
];
const floatVerbs = [
  '%v',
  '%e',
  '%E',
  '%f',
  '%F',
  '%g',
  '%G',
  '%.2f',
  '%.0f',
  '%8.3f',
  '%-8.3f|',
  '%08.3f',
  '%+.2e',
  '% .3g',
  '%.3g',
  '%10.4g',
  '%#g',
  '%#.3g',
  '%#v',
  '%b',
  '%d',
  '%s',
  '%x',
];
const stringVerbs = [
  '%s',
  '%v',
  '%q',
  '%#q',
  '%+q',
  '%x',
  '%X',
  '% x',
  '%#x',
  '%8s|',
  '%-8s|',
  '%.2s',
  '%5.1s',
  '%08s',
  '%d',
  '%c',
  '%t',
];
const valueVerbs = ['%v', '%+v', '%#v', '%s', '%d', '%q', '%T', '%t', '%x', '%5v'];

export default function fmtCases() {
  const cases = [];
  const add = (name, template, extra = {}) => cases.push({ name: `fmt/${name}`, template, ...extra });
  for (const v of ints) for (const verb of intVerbs) add(`int ${v} ${verb}`, `{{printf "${verb}" ${v}}}`);
  for (const v of floats) for (const verb of floatVerbs) add(`float ${v} ${verb}`, `{{printf "${verb}" ${v}}}`);
  for (const v of strings) for (const verb of stringVerbs) add(`string ${v} ${verb}`, `{{printf "${verb}" ${v}}}`);
  for (const f of fields) {
    for (const verb of valueVerbs) {
      add(`value ${f} ${verb}`, `{{printf "${verb}" ${f}}}`, { data: 'sample', time: 'utc' });
    }
  }
  // Argument handling: missing, extra, indexes, star width and precision, bad verbs.
  const special = {
    missing: '{{printf "%d %d" 1}}',
    extra: '{{printf "%d" 1 2 "x"}}',
    'extra nil': '{{printf "x" nil}}',
    'no verb': '{{printf "%"}}',
    percent: '{{printf "100%%"}}',
    'percent with flags': '{{printf "%5%|%-5%"}}',
    index: '{{printf "%[2]d %[1]d" 1 2}}',
    'index reuse': '{{printf "%[1]d %[1]x %d" 10 20}}',
    'bad index': '{{printf "%[3]d" 1 2}}',
    'bad index syntax': '{{printf "%[x]d" 1}}',
    'star width': '{{printf "%*d|" 5 42}}',
    'star negative width': '{{printf "%*d|" -5 42}}',
    'star precision': '{{printf "%.*f" 2 3.14159}}',
    'star bad width': '{{printf "%*d" "x" 42}}',
    'star float width': '{{printf "%*d" .f 42}}',
    'star missing': '{{printf "%*d"}}',
    'verb after index width': '{{printf "%[1]*d" 3 4}}',
    'unicode verb': '{{printf "%ä" 1}}',
    'nil verbs': '{{printf "%v %d %s %T" nil nil nil nil}}',
    'sprint spacing': '{{print 1 2 "a" "b" 3 nil 4.5 true}}',
    'sprintln spacing': '{{println 1 2 "a" "b" 3}}',
    'map keys sorted': '{{print .m}}',
    'nested containers': '{{printf "%v|%+v|%d" .nested .items .a}}',
    'hash v containers': '{{printf "%#v" .nested}}',
    'width on map': '{{printf "%6v" .m}}',
    'bad verb width': '{{printf "%5d" "ab"}}',
    'float in slice %d': '{{printf "%d" .a}}',
    'month verbs':
      '{{printf "%v %s %d %q %x %5v %t" .Time.Month .Time.Month .Time.Month .Time.Month .Time.Month .Time.Month .Time.Month}}',
    'weekday verbs': '{{printf "%v %d %T" .Time.Weekday .Time.Weekday .Time.Weekday}}',
    'time verbs': '{{printf "%v|%s|%q|%30.10s|%T" .Time .Time .Time .Time .Time}}',
    'time hash v': '{{printf "%#v" .Time}}',
    'int64 verbs': '{{printf "%v %x %T %s" .Time.Unix .Time.Unix .Time.Unix .Time.Unix}}',
    'big values': '{{printf "%v %e %.1f %g" 1e100 1e100 1e100 5e-324}}',
    'rounding half even': '{{printf "%.0f %.0f %.0f %.1f %.1f %.2f %.3e" 0.5 1.5 2.5 0.25 0.35 1.005 1.0005}}',
    'negative zero': '{{printf "%v %f %.1e" -0.0 -0.0 -0.0}}',
    'zero pad negative float': '{{printf "%08.2f|%+08.2f|% 08.2f" -1.5 1.5 1.5}}',
    'U large precision': '{{printf "%.6U|%#.6U|%U" 65 65 -1}}',
    'c invalid': '{{printf "%c|%c|%q" 1114112 -1 1114112}}',
    'q control runes': '{{printf "%q %+q %q %q" 7 233 10 39}}',
    'x string precision': '{{printf "%.2x|% X|%#.1x|%10x|%-10x|" "hello" "hi" "abc" "ab" "ab"}}',
    'q backquote': '{{printf "%#q|%#q|%#+q" "plain" "back`quote" "é"}}',
    's of slice': '{{printf "%s|%q|%x" .a .a .a}}',
    'T of everything': '{{printf "%T %T %T %T %T %T %T %T" .n .s .t .a .m .nil .Time 3}}',
    'p verb': '{{printf "%p" 3}}',
    'v flags': '{{printf "%+v|%#v|% v|%+d|%+v" 5 5 5 5 "x"}}',
  };
  for (const [name, template] of Object.entries(special)) add(name, template, { data: 'sample', time: 'utc' });
  return cases;
}
