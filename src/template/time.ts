/**
 * Go's time.Time as a template sees it: an instant with nanoseconds, shown in a
 * zone (UTC, a fixed offset, or the machine's local zone), with Go's methods.
 */
import { formatLayout, longDayNames, longMonthNames, type Fields } from './layout.js';
import { quote } from './strconv/quote.js';
import { GoTyped, type GoParam } from './values.js';

const DAY = 86400;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
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

export function goMonth(m: number): GoTyped {
  return new GoTyped('time.Month', 'int', BigInt(m), () => longMonthNames[m - 1] ?? `%!Month(${m})`);
}

export function goWeekday(d: number): GoTyped {
  return new GoTyped('time.Weekday', 'int', BigInt(d), () => longDayNames[d] ?? `%!Weekday(${d})`);
}

const int64 = (n: bigint): GoTyped => new GoTyped('int64', 'int', BigInt.asIntN(64, n));

/** A method as templates call it: Go parameter types, result type, number of results. */
export interface TimeMethod {
  params: GoParam[];
  results: number;
  call(t: GoTime, ...args: any[]): unknown;
}

type Where = 'UTC' | 'Local' | 'Fixed';

export class GoTime {
  readonly goType = 'time.Time';

  private constructor(
    /** Whole seconds since the Unix epoch. */
    readonly unixSeconds: bigint,
    /** 0..999999999 */
    readonly nanos: number,
    /** Seconds east of UTC. */
    readonly offset: number,
    /** Zone abbreviation; '' for an unnamed fixed offset. */
    readonly zone: string,
    private readonly where: Where,
  ) {}

  /**
   * An instant from a JavaScript Date (millisecond precision), shown in UTC or in a
   * fixed zone as Go's time.FixedZone(name, offset); see fromUnix.
   */
  static fromDate(date: Date, offsetSeconds = 0, zoneName?: string): GoTime {
    const ms = BigInt(date.getTime());
    const sec = ms >= 0n ? ms / 1000n : -((-ms + 999n) / 1000n);
    const nsec = Number(ms - sec * 1000n) * 1_000_000;
    return GoTime.fromUnix(sec, nsec, offsetSeconds, zoneName);
  }

  /**
   * time.Unix(sec, nsec), then In(FixedZone(zoneName, offsetSeconds)); with offset 0
   * and no name (or the name UTC) the time is in Go's time.UTC.
   */
  static fromUnix(sec: bigint | number, nsec = 0, offsetSeconds = 0, zoneName?: string): GoTime {
    let s = BigInt(sec);
    s += BigInt(Math.floor(nsec / 1e9));
    nsec = ((nsec % 1e9) + 1e9) % 1e9;
    if (offsetSeconds === 0 && (zoneName === undefined || zoneName === 'UTC'))
      return new GoTime(s, nsec, 0, 'UTC', 'UTC');
    return new GoTime(s, nsec, offsetSeconds, zoneName ?? '', 'Fixed');
  }

  /** The same instant in the machine's local zone, as Go's Local(). */
  Local(): GoTime {
    const ms = Number(this.unixSeconds) * 1000;
    const offset = -new Date(ms).getTimezoneOffset() * 60;
    const name = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    return new GoTime(this.unixSeconds, this.nanos, offset, name === 'GMT' || !name ? 'UTC' : name, 'Local');
  }

  UTC(): GoTime {
    return new GoTime(this.unixSeconds, this.nanos, 0, 'UTC', 'UTC');
  }

  fields(): Fields {
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

  Format(layout: string): string {
    return formatLayout(this.fields(), layout);
  }

  String(): string {
    return this.Format('2006-01-02 15:04:05.999999999 -0700 MST');
  }

  GoString(): string {
    const f = this.fields();
    const loc =
      this.where === 'UTC' ? 'time.UTC' : this.where === 'Local' ? 'time.Local' : `time.Location(${quote(this.zone)})`;
    return `time.Date(${f.year}, time.${longMonthNames[f.month - 1]}, ${f.day}, ${f.hour}, ${f.min}, ${f.sec}, ${f.nsec}, ${loc})`;
  }

  /** AddDate as Go's: normalises month and day overflow (Oct 31 + 1 month = Dec 1). */
  AddDate(years: number, months: number, days: number): GoTime {
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
  static readonly methods: Readonly<Record<string, TimeMethod>> = {
    Format: { params: ['string'], results: 1, call: (t, layout: string) => t.Format(layout) },
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
      call: (t) => int64(t.unixSeconds * 1_000_000n + BigInt(Math.floor(t.nanos / 1e3))),
    },
    UnixNano: { params: [], results: 1, call: (t) => int64(t.unixSeconds * 1_000_000_000n + BigInt(t.nanos)) },
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
      call: (t, y: number, m: number, d: number) => t.AddDate(y, m, d),
    },
    // Go methods with several results cannot be called from a template; kept for Go's error.
    Date: { params: [], results: 3, call: () => undefined },
    Clock: { params: [], results: 3, call: () => undefined },
    Zone: { params: [], results: 2, call: () => undefined },
    ISOWeek: { params: [], results: 2, call: () => undefined },
  };
}
