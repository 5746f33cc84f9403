// Instants and sample data shared by the case tables.

/** Unix seconds of a UTC calendar time (month 1..12). */
export const utc = (y, mo, d, h = 0, mi = 0, s = 0) => {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  date.setUTCFullYear(y);
  return Math.floor(date.getTime() / 1000);
};

export const times = {
  utc: { unix: 1700000000, nsec: 123456789 }, // Tue 2023-11-14 22:13:20.123456789 UTC
  cet: { unix: 1700000000, nsec: 123456789, zone: 'CET', offset: 3600 },
  unnamed: { unix: utc(2000, 1, 1, 0, 5), nsec: 0, zone: '', offset: -19800 }, // -05:30, no name
  npt: { unix: 1230958245, nsec: 120000, zone: 'NPT', offset: 20700 }, // +05:45
  before1970: { unix: -1, nsec: 999000000 },
  year999: { unix: utc(999, 3, 7, 9, 8, 7), nsec: 1000 },
  lmt: { unix: 1600000000, nsec: 500000000, zone: 'LMT', offset: -3723 }, // -01:02:03
  leapNoon: { unix: utc(2024, 2, 29, 12, 0, 0), nsec: 0, zone: 'EST', offset: -18000 },
  midnight: { unix: utc(2021, 1, 1, 0, 0, 0), nsec: 10 },
  year10000: { unix: utc(10000, 2, 10, 1, 2, 3), nsec: 0 },
  year0: { unix: utc(0, 12, 31, 23, 59, 59), nsec: 0, zone: 'X', offset: 7200 },
};

/** A dot with one value of every JSON kind. */
export const sample = {
  s: 'go',
  e: '',
  u: 'héllo wörld',
  n: 42,
  f: 1.5,
  z: 0,
  neg: -7,
  big: 1e21,
  tiny: 1.5e-7,
  t: true,
  no: false,
  nil: null,
  a: [1, 'x', null, true],
  empty: [],
  m: { b: 2, a: 1, c: 'x' },
  em: {},
  nested: { in: { deep: 'yes', list: [10, 20, 30] } },
  items: [
    { name: 'a', n: 1 },
    { name: 'b', n: 2 },
  ],
};
