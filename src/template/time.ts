/** Go's time.Time: an instant plus the zone it is shown in. */
export class GoTime {
  private constructor(
    /** Nanoseconds since the Unix epoch. */
    readonly unixNano: bigint,
    /** Seconds east of UTC. */
    readonly offset: number,
    /** Zone abbreviation: `UTC`, `CET`, … or '' for an unnamed fixed offset. */
    readonly zone: string,
  ) {}

  /** `offsetSeconds` east of UTC (default 0, named `UTC`); `zoneName` defaults as Go's FixedZone("")... */
  static fromDate(date: Date, offsetSeconds = 0, zoneName?: string): GoTime {
    return new GoTime(BigInt(date.getTime()) * 1_000_000n, offsetSeconds, zoneName ?? (offsetSeconds === 0 ? 'UTC' : ''));
  }
}
