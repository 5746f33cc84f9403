// Go time layouts x instants, named layouts, and the methods templates call.

const elements = [
  '2006',
  '06',
  '01',
  '1',
  'Jan',
  'January',
  'Mon',
  'Monday',
  '02',
  '2',
  '_2',
  '__2',
  '002',
  '15',
  '03',
  '3',
  '04',
  '4',
  '05',
  '5',
  'PM',
  'pm',
  'MST',
  '-0700',
  '-07:00',
  '-07',
  '-070000',
  '-07:00:00',
  'Z0700',
  'Z07:00',
  'Z07',
  'Z070000',
  'Z07:00:00',
  '.000',
  '.999',
  ',000',
  ',999',
  '.000000',
  '.999999999',
  '.0',
  '.9',
  '05.000',
  '05,999999',
];
const combos = [
  '20060102',
  '20060102150405',
  '2006-01-02T15:04:05Z07:00',
  'Jan _2 15:04:05',
  'Monday, January 2, 2006',
  '3:04:05 pm MST',
  '2006.01.02-15.04',
  'Janet Monet MSTX',
  '_2006',
  'x2006y',
  '1.2.3',
  '15h04m05s',
  '.000x.9y',
  '02-Jan-06 03:04PM',
  'Mon Jan 2 15:04:05 -0700 MST 2006',
  'plain text',
  '',
  '%Y-%m-%d',
  '060102.150405',
];
const named = [
  'ANSIC',
  'UnixDate',
  'RubyDate',
  'RFC822',
  'RFC822Z',
  'RFC850',
  'RFC1123',
  'RFC1123Z',
  'RFC3339',
  'RFC3339Nano',
  'Kitchen',
  'Stamp',
  'StampMilli',
  'StampMicro',
  'StampNano',
  'Layout',
];
// Go's layout constants, spelled out: templates cannot name Go constants.
export const namedLayouts = {
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
const methods = [
  'Year',
  'Month',
  'Day',
  'Hour',
  'Minute',
  'Second',
  'Nanosecond',
  'YearDay',
  'Weekday',
  'Unix',
  'UnixNano',
  'UnixMilli',
  'UnixMicro',
  'String',
  'UTC',
  'IsZero',
];

const q = (s) => JSON.stringify(s);

export default function timeCases(_times) {
  const cases = [];
  // The instant is the dot's Time key, so every case needs a map dot.
  const add = (name, template, time, extra = {}) =>
    cases.push({ name: `time/${name} @${time}`, template, time, data: {}, ...extra });
  const elementTimes = ['utc', 'cet', 'unnamed', 'npt', 'before1970', 'year999', 'lmt', 'leapNoon', 'midnight'];
  for (const el of elements) {
    for (const t of elementTimes) add(`layout ${q(el)}`, `{{.Time.Format ${q(el)}}}`, t);
  }
  for (const c of combos)
    for (const t of ['utc', 'npt', 'midnight', 'year10000', 'year0'])
      add(`layout ${q(c)}`, `{{.Time.Format ${q(c)}}}`, t);
  for (const n of named)
    for (const t of ['utc', 'cet', 'unnamed']) add(`named ${n}`, `{{.Time.Format ${q(namedLayouts[n])}}}`, t);
  for (const m of methods)
    for (const t of ['utc', 'cet', 'before1970', 'year999', 'year10000', 'year0'])
      add(`method ${m}`, `{{.Time.${m}}}`, t);
  const extra = {
    'print time': '{{.Time}}',
    'time in map print': '{{print .}}',
    'UTC then format': '{{.Time.UTC.Format "15:04 MST"}}',
    'chained methods': '{{.Time.UTC.Hour}} {{.Time.UTC.Weekday}}',
    'method in pipeline': '{{"2006" | .Time.Format}}',
    'format with variable': '{{$l := "Jan 2"}}{{.Time.Format $l}}',
    AddDate: '{{(.Time.AddDate 0 1 0).Format "2006-01-02"}}',
    'AddDate overflow': '{{(.Time.AddDate 1 -13 40).Format "2006-01-02 15:04 MST"}}',
    'AddDate wrong args': '{{.Time.AddDate 1}}',
    'AddDate wrong type': '{{.Time.AddDate 1 "x" 2}}',
    'Format missing arg': '{{.Time.Format}}',
    'Format int arg': '{{.Time.Format 2006}}',
    'Format too many': '{{.Time.Format "2006" "01"}}',
    'Format from field': '{{.Time.Format .layout}}',
    'Format from float field': '{{.Time.Format .n}}',
    'no such method': '{{.Time.Foo}}',
    'several results': '{{.Time.Date}}',
    'two results': '{{.Time.Zone}}',
    'month String': '{{.Time.Month.String}}',
    'month eq': '{{if eq .Time.Month.String "November"}}nov{{end}}',
    'year compare': '{{if gt .Time.Year 2000}}new{{else}}old{{end}}',
    'year printf': '{{printf "%04d-%02d" .Time.Year .Time.Month}}',
    'unix eq int': '{{eq .Time.Unix 1700000000}}',
    'Timestamp style': '{{.Time.Format "20060102150405"}}',
    'time truth': '{{if .Time}}yes{{end}}',
    'time len': '{{len .Time}}',
    'with time': '{{with .Time}}{{.Year}}{{end}}',
    'time field of map missing': '{{.Time.Year.Foo}}',
  };
  for (const [name, template] of Object.entries(extra)) {
    add(name, template, 'utc', { data: { layout: '2006/01/02', n: 1 } });
  }
  return cases;
}
