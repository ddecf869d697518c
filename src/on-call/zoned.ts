/*
 * Wall-clock times in an IANA time zone, with Intl only: an instant's local date and time, and the
 * instant of a local date and time.
 */

export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of `ms` in `timeZone`. */
export function localTimeOf(ms: number, timeZone: string): LocalTime {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The offset of `timeZone` from UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const t = localTimeOf(ms, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(ms / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant of a wall-clock time in `timeZone`. A time that occurs twice (clocks set back) is its
 * first occurrence; a time that does not occur (clocks set forward) moves forward by the length of
 * the gap (02:30 on a night that jumps from 02:00 to 03:00 is 03:30): the "compatible" rule of
 * RFC 5545 and JavaScript's Temporal.
 */
export function instantOf(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const before = asUtc - offsetAt(asUtc - DAY_MS, timeZone);
  const after = asUtc - offsetAt(asUtc + DAY_MS, timeZone);
  const valid = (ms: number) => {
    const t = localTimeOf(ms, timeZone);
    return t.year === year && t.month === month && t.day === day && t.hour === hour && t.minute === minute;
  };
  const candidates = [before, after].filter(valid);
  if (candidates.length > 0) {
    return Math.min(...candidates);
  }
  // In the gap: the offset before the change carries the wall-clock time past it.
  return before;
}

/** Days since 1970-01-01 of a calendar date (no time zone). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The calendar date of a day number. */
export function dateOfDay(dayNo: number): { year: number; month: number; day: number } {
  const d = new Date(dayNo * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Monday is 0, Sunday 6 (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayNo: number): number {
  return (((dayNo + 3) % 7) + 7) % 7;
}

/** The number of days of a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DDTHH:MM:SS` of an instant in `timeZone`: the form of AWS::SSMContacts::Rotation StartTime. */
export function isoLocal(ms: number, timeZone: string): string {
  const t = localTimeOf(ms, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
}

/** `YYYY-MM-DD HH:MM` of an instant in `timeZone`. */
export function formatLocal(ms: number, timeZone: string): string {
  return isoLocal(ms, timeZone).slice(0, 16).replace('T', ' ');
}
