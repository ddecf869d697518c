import { RotationSpec, handOffsMissedAtStart, rotationShifts, startInstant } from '../../src/on-call/shifts';

/** A UTC rotation of three contacts, daily at 09:00 from Monday 4 January 2027 09:00, with `over` on top. */
const spec = (over: Partial<RotationSpec> = {}): RotationSpec => ({
  start: '2027-01-04T09:00:00',
  timeZone: 'UTC',
  daily: ['09:00'],
  numberOfOnCalls: 1,
  multiplier: 1,
  contactCount: 3,
  ...over,
});
const hour = 3_600_000;
const jan4at9 = Date.UTC(2027, 0, 4, 9);

describe('rotationShifts: a rotation specification to shifts', () => {
  test('GIVEN a daily rotation THEN a shift a day, contacts in turn by index', () => {
    expect(rotationShifts(spec(), jan4at9, jan4at9 + 72 * hour)).toEqual([
      { start: jan4at9, end: jan4at9 + 24 * hour, members: [0] },
      { start: jan4at9 + 24 * hour, end: jan4at9 + 48 * hour, members: [1] },
      { start: jan4at9 + 48 * hour, end: jan4at9 + 72 * hour, members: [2] },
    ]);
  });

  test('GIVEN two on call of three THEN the members wrap around (0 1, 2 0)', () => {
    expect(rotationShifts(spec({ numberOfOnCalls: 2 }), jan4at9, jan4at9 + 48 * hour).map((s) => s.members)).toEqual([[0, 1], [2, 0]]);
  });

  test('GIVEN an interval before the start, or an empty one THEN no shifts', () => {
    expect(rotationShifts(spec(), jan4at9 - 48 * hour, jan4at9)).toEqual([]);
    expect(rotationShifts(spec(), jan4at9 + hour, jan4at9 + hour)).toEqual([]);
  });

  test('GIVEN a start that is not a wall-clock date and time THEN startInstant throws', () => {
    expect(startInstant(spec({ start: '2027-01-04T09:00:00', timeZone: 'Asia/Kolkata' }))).toBe(Date.UTC(2027, 0, 4, 3, 30));
    expect(() => startInstant(spec({ start: 'Monday' }))).toThrow('a rotation start time Monday that is not YYYY-MM-DDTHH:MM');
  });
});

describe('handOffsMissedAtStart: a rotation that starts between hand-offs', () => {
  test.each<[string, Partial<RotationSpec>, ReturnType<typeof handOffsMissedAtStart>]>([
    ['a daily start at the hand-off', {}, undefined],
    ['a daily start three hours late', { start: '2027-01-04T12:00:00' }, { weekday: 'MON', handOffs: ['09:00'] }],
    ['a start 30 seconds after the hand-off', { start: '2027-01-04T09:00:30' }, { weekday: 'MON', handOffs: ['09:00'] }],
    ['a weekly start on the hand-off day (Monday)', { daily: undefined, weekly: [{ day: 'MON', time: '09:00' }] }, undefined],
    ['a weekly start a day early (Sunday)', { start: '2027-01-03T09:00:00', daily: undefined, weekly: [{ day: 'MON', time: '09:00' }, { day: 'THU', time: '09:00' }] }, { weekday: 'SUN', handOffs: ['MON 09:00', 'THU 09:00'] }],
    ['a monthly start on the hand-off day', { daily: undefined, monthly: [{ dayOfMonth: 4, time: '09:00' }] }, undefined],
    ['a monthly start on another day', { daily: undefined, monthly: [{ dayOfMonth: 1, time: '09:00' }] }, { weekday: 'MON', handOffs: ['day 1 09:00'] }],
  ])('GIVEN %s THEN the missed hand-offs are right', (_name, over, expected) => {
    expect(handOffsMissedAtStart(spec(over))).toEqual(expected);
  });
});
