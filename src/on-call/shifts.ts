/*
 * A rotation's shifts, computed offline from its definition (what AWS::SSMContacts::Rotation's properties say).
 *
 * Semantics, from the SSM Contacts API reference (RecurrenceSettings, CoverageTime) and the user
 * guide's on-call schedule pages, with the decisions where they are silent (README, "Who is on call"):
 * - The first shift starts at the rotation's start time, with the first contacts in order. A shift
 *   ends at the next hand-off after it began: every hand-off time of the recurrence (daily times,
 *   weekly days and times, monthly days and times) in the rotation's time zone.
 * - RecurrenceMultiplier m ("the number of days, weeks, or months a single rotation lasts"): the
 *   hand-offs are those of every m-th day, week (Monday to Sunday) or month, counted from the one the
 *   rotation starts in. With one hand-off a period, a shift lasts m periods. (Decision, where the
 *   reference is silent: with several hand-offs a period, those of the periods in between are skipped.)
 * - NumberOfOnCalls k: each shift has the next k contacts in order, wrapping around (A B, C A, B C for
 *   three contacts and k = 2). (Decision: the reference says k contacts are on call at once.)
 * - A monthly hand-off on a day the month lacks (the 31st in February) does not happen that month.
 *   (Decision.)
 * - ShiftCoverages: when given, the rotation is on call only in those hours of those days (its time
 *   zone); the shifts still hand off as if it were always on call. An end at or before the start runs
 *   past midnight; 23:59, the latest time the console offers, is the end of the day. (Decision.)
 * - Wall-clock times that a daylight-saving change skips move forward by the gap; times it repeats are
 *   their first occurrence (zoned.instantOf).
 */
import { dateOfDay, dayNumber, daysInMonth, instantOf, localTimeOf, weekdayOfDay } from './zoned';

/** How often shifts hand off: one of `daily`, `weekly` and `monthly`, with times `HH:MM`. */
export interface RecurrenceSpec {
  readonly daily?: string[];
  /** Days MON to SUN. */
  readonly weekly?: Array<{ readonly day: string; readonly time: string }>;
  readonly monthly?: Array<{ readonly dayOfMonth: number; readonly time: string }>;
  readonly numberOfOnCalls: number;
  readonly multiplier: number;
}

/** A rotation, as its props give it once checked. */
export interface RotationSpec extends RecurrenceSpec {
  /** YYYY-MM-DDTHH:MM[:SS], wall clock in `timeZone`. */
  readonly start: string;
  readonly timeZone: string;
  /** The hours of the week it is on call (days MON to SUN, times `HH:MM`); none: around the clock. */
  readonly coverage?: Array<{ readonly day: string; readonly start: string; readonly end: string }>;
  readonly contactCount: number;
}

/** A shift: who (indexes into the rotation's contacts) from `start` (inclusive) to `end` (exclusive), in ms. */
export interface RawShift {
  readonly start: number;
  readonly end: number;
  readonly members: number[];
}

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
/** 1970-01-05, day 4, was a Monday. */
const FIRST_MONDAY = 4;

const hm = (time: string) => time.split(':').map(Number) as [number, number];

/** The hand-off instants of period `p`, in order. */
function handOffsOf(spec: RotationSpec, p: number): number[] {
  const tz = spec.timeZone;
  const at = (dayNo: number, time: string) => {
    const { year, month, day } = dateOfDay(dayNo);
    const [h, m] = hm(time);
    return instantOf(year, month, day, h, m, tz);
  };
  let points: number[];
  if (spec.daily) {
    points = spec.daily.map((t) => at(p, t));
  } else if (spec.weekly) {
    points = spec.weekly.map((w) => at(FIRST_MONDAY + 7 * p + DAYS.indexOf(w.day), w.time));
  } else {
    const year = Math.floor(p / 12);
    const month = (p % 12) + 1;
    points = (spec.monthly ?? [])
      .filter((m) => m.dayOfMonth <= daysInMonth(year, month))
      .map((m) => {
        const [h, mi] = hm(m.time);
        return instantOf(year, month, m.dayOfMonth, h, mi, tz);
      });
  }
  return [...new Set(points)].sort((a, b) => a - b);
}

/** The period (day, Monday-based week or month number) a local date is in. */
function periodOf(spec: RotationSpec, year: number, month: number, day: number): number {
  const dayNo = dayNumber(year, month, day);
  if (spec.daily) return dayNo;
  if (spec.weekly) return Math.floor((dayNo - FIRST_MONDAY) / 7);
  return year * 12 + (month - 1);
}

/** The rotation's start, as an instant. */
export function startInstant(spec: RotationSpec): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(spec.start);
  if (!m) throw new Error(`a rotation start time ${spec.start} that is not YYYY-MM-DDTHH:MM`);
  return instantOf(+m[1], +m[2], +m[3], +m[4], +m[5], spec.timeZone);
}

/** The rotation's shifts that overlap [from, to), clipped to it, with coverage applied. */
export function rotationShifts(spec: RotationSpec, from: number, to: number): RawShift[] {
  const start = startInstant(spec);
  if (to <= start || to <= from) return [];
  const local = /^(\d{4})-(\d{2})-(\d{2})/.exec(spec.start)!;
  const p0 = periodOf(spec, +local[1], +local[2], +local[3]);

  const shifts: RawShift[] = [];
  let shiftStart = start;
  let k = 0;
  const members = (index: number) => Array.from({ length: spec.numberOfOnCalls }, (_, j) => (index * spec.numberOfOnCalls + j) % spec.contactCount);
  for (let p = p0; shiftStart < to; p += spec.multiplier) {
    for (const handOff of handOffsOf(spec, p)) {
      if (handOff <= shiftStart) continue;
      if (handOff > from) shifts.push({ start: Math.max(shiftStart, from), end: Math.min(handOff, to), members: members(k) });
      shiftStart = handOff;
      k++;
      if (shiftStart >= to) break;
    }
    if (p - p0 > 200_000) throw new Error('a rotation without hand-offs');
  }
  const open = shifts.filter((s) => s.end > s.start);
  return spec.coverage && spec.coverage.length > 0 ? applyCoverage(spec, open, from, to) : open;
}

/** The covered windows of [from, to), as instants. */
function coverageWindows(spec: RotationSpec, from: number, to: number): Array<[number, number]> {
  const tz = spec.timeZone;
  const first = localTimeOf(from, tz);
  const last = localTimeOf(to, tz);
  const windows: Array<[number, number]> = [];
  for (let d = dayNumber(first.year, first.month, first.day) - 1; d <= dayNumber(last.year, last.month, last.day); d++) {
    const weekday = DAYS[weekdayOfDay(d)];
    for (const c of spec.coverage!.filter((x) => x.day === weekday)) {
      const { year, month, day } = dateOfDay(d);
      const [sh, sm] = hm(c.start);
      const [eh, em] = hm(c.end);
      const startMs = instantOf(year, month, day, sh, sm, tz);
      const endDay = c.end === '23:59' || eh * 60 + em <= sh * 60 + sm ? dateOfDay(d + 1) : { year, month, day };
      const [endHour, endMinute] = c.end === '23:59' ? [0, 0] : [eh, em];
      const endMs = instantOf(endDay.year, endDay.month, endDay.day, endHour, endMinute, tz);
      windows.push([startMs, endMs]);
    }
  }
  return windows.sort((a, b) => a[0] - b[0]);
}

function applyCoverage(spec: RotationSpec, shifts: RawShift[], from: number, to: number): RawShift[] {
  const windows = coverageWindows(spec, from, to);
  const out: RawShift[] = [];
  for (const s of shifts) {
    for (const [ws, we] of windows) {
      const start = Math.max(s.start, ws);
      const end = Math.min(s.end, we);
      if (end > start) out.push({ start, end, members: s.members });
    }
  }
  return mergeAdjacent(out.sort((a, b) => a.start - b.start));
}

/** Joins pieces that touch and have the same members (coverage windows of consecutive days, say). */
function mergeAdjacent(shifts: RawShift[]): RawShift[] {
  const out: RawShift[] = [];
  for (const s of shifts) {
    const prev = out[out.length - 1];
    if (prev && prev.end >= s.start && prev.members.join() === s.members.join()) {
      out[out.length - 1] = { start: prev.start, end: Math.max(prev.end, s.end), members: prev.members };
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * The hand-offs of the recurrence, as text, when the rotation starts at none of them (its first shift
 * then runs only from the start to the next hand-off); undefined when it starts at one.
 */
export function handOffsMissedAtStart(spec: RotationSpec): { weekday: string; handOffs: string[] } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(spec.start);
  if (!m) return undefined;
  const minutes = Number(m[4]) * 60 + Number(m[5]);
  const at = (time: string) => {
    const [h, mi] = hm(time);
    return h * 60 + mi === minutes && m[6] === '00';
  };
  const weekday = DAYS[weekdayOfDay(dayNumber(Number(m[1]), Number(m[2]), Number(m[3])))];
  const handOffs = spec.daily
    ? spec.daily.map((t) => ({ text: t, hit: at(t) }))
    : spec.weekly
      ? spec.weekly.map((w) => ({ text: `${w.day} ${w.time}`, hit: w.day === weekday && at(w.time) }))
      : (spec.monthly ?? []).map((h) => ({ text: `day ${h.dayOfMonth} ${h.time}`, hit: h.dayOfMonth === Number(m[3]) && at(h.time) }));
  if (handOffs.length === 0 || handOffs.some((h) => h.hit)) {
    return undefined;
  }
  return { weekday, handOffs: handOffs.map((h) => h.text) };
}
