import { dateOfDay, dayNumber, daysInMonth, formatLocal, instantOf, isoLocal, weekdayOfDay } from '../../src/on-call/zoned';

/*
 * Wall-clock time in IANA zones. Expected instants were worked out by hand from the zones' rules:
 * Europe/London goes from 01:00 GMT to 02:00 BST on Sunday 28 March 2027 (the last Sunday of March);
 * America/New_York goes from 02:00 EDT back to 01:00 EST on Sunday 7 November 2027 (the first Sunday of
 * November); Asia/Kolkata is UTC+05:30 all year.
 */

describe('instantOf: the instant of a wall-clock time', () => {
  test.each<[string, [number, number, number, number, number], string, string]>([
    ['an ordinary time, half-hour offset', [2027, 1, 4, 9, 0], 'Asia/Kolkata', '2027-01-04T03:30:00.000Z'],
    ['summer time', [2027, 7, 1, 9, 0], 'Europe/London', '2027-07-01T08:00:00.000Z'],
    ['a time the change skips moves forward by the gap (01:30 is 02:30 BST)', [2027, 3, 28, 1, 30], 'Europe/London', '2027-03-28T01:30:00.000Z'],
    ['a time the change repeats is its first occurrence (01:30 EDT)', [2027, 11, 7, 1, 30], 'America/New_York', '2027-11-07T05:30:00.000Z'],
    ['the hour after the repeat is standard time', [2027, 11, 7, 2, 0], 'America/New_York', '2027-11-07T07:00:00.000Z'],
  ])('GIVEN %s THEN the instant is right', (_name, [year, month, day, hour, minute], zone, expected) => {
    expect(new Date(instantOf(year, month, day, hour, minute, zone)).toISOString()).toBe(expected);
  });
});

describe('isoLocal and formatLocal: an instant as a wall-clock time', () => {
  test('GIVEN an instant THEN its wall-clock time in the zone, to the second', () => {
    expect(isoLocal(Date.UTC(2027, 0, 4, 9, 0, 5), 'Asia/Kolkata')).toBe('2027-01-04T14:30:05');
    expect(isoLocal(Date.UTC(2027, 10, 7, 6, 30), 'America/New_York')).toBe('2027-11-07T01:30:00');
    expect(formatLocal(Date.UTC(2027, 6, 1, 23, 15), 'Europe/London')).toBe('2027-07-02 00:15');
  });
});

describe('calendar days', () => {
  test('GIVEN day numbers THEN dates, weekdays and month lengths', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1970, 1, 5)).toBe(4);
    expect(weekdayOfDay(dayNumber(1970, 1, 5))).toBe(0); // a Monday
    expect(weekdayOfDay(dayNumber(2027, 1, 3))).toBe(6); // a Sunday
    expect(weekdayOfDay(dayNumber(1969, 12, 31))).toBe(2); // a Wednesday, before day 0
    expect(dateOfDay(dayNumber(2028, 2, 29))).toEqual({ year: 2028, month: 2, day: 29 });
    expect([daysInMonth(2027, 2), daysInMonth(2028, 2), daysInMonth(2027, 4), daysInMonth(2027, 12)]).toEqual([28, 29, 30, 31]);
  });
});
