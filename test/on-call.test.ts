import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, Duration, Lazy, Stack, TimeZone } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  Contact,
  DayOfWeek,
  EscalationPlan,
  Impact,
  IncidentManagerFoundation,
  OnCallAssertions,
  OnCallSchedule,
  ReplicationSet,
  Rotation,
  RotationProps,
  RotationRecurrence,
  RotationStart,
  Shift,
  ShiftCoverage,
} from '../src';
import { newStack } from './support/stacks';

/*
 * Who is on call, computed offline. Every expectation below was worked out by hand from the rotation's
 * definition and the calendar (days of the week, month lengths, daylight-saving dates in the comment).
 */

const people = (stack: Stack, n: number) =>
  Array.from({ length: n }, (_, i) => new Contact(stack, `P${i}`, { alias: String.fromCharCode(97 + i), displayName: `Person ${i}` }));

function rotation(stack: Stack, n: number, props: Omit<RotationProps, 'contacts'>, id = 'R'): Rotation {
  return new Rotation(stack, id, { contacts: people(stack, n), ...props });
}

/** Shifts as [start ISO, end ISO, aliases]. */
const flat = (shifts: Shift[]) => shifts.map((s) => [s.start.toISOString().slice(0, 16), s.end.toISOString().slice(0, 16), s.contacts.map((c) => c.contactAlias).join('')]);
const at = (iso: string) => new Date(`${iso}:00Z`);
const daily = (...handOffTimes: string[]) => RotationRecurrence.daily({ handOffTimes });

interface Case {
  readonly name: string;
  readonly n: number;
  readonly props: Omit<RotationProps, 'contacts'>;
  readonly from: string;
  readonly to: string;
  readonly expected: string[][];
}

const UTC = TimeZone.ETC_UTC;
const start = (iso: string) => RotationStart.fromIsoString(iso);
const weekdays = [DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY];
const businessHours: ShiftCoverage[] = weekdays.map((day) => ({ day, startTime: '09:00', endTime: '17:00' }));

const CASES: Case[] = [
  {
    name: 'daily at 09:00, three people (4 January 2027 is a Monday)',
    n: 3,
    props: { startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: daily('09:00') },
    from: '2027-01-04T09:00',
    to: '2027-01-07T09:00',
    expected: [['2027-01-04T09:00', '2027-01-05T09:00', 'a'], ['2027-01-05T09:00', '2027-01-06T09:00', 'b'], ['2027-01-06T09:00', '2027-01-07T09:00', 'c']],
  },
  {
    name: 'daily, multiplier 2: shifts of two days',
    n: 2,
    props: { startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: RotationRecurrence.daily({ handOffTimes: ['09:00'], recurrenceMultiplier: 2 }) },
    from: '2027-01-04T09:00',
    to: '2027-01-10T09:00',
    expected: [['2027-01-04T09:00', '2027-01-06T09:00', 'a'], ['2027-01-06T09:00', '2027-01-08T09:00', 'b'], ['2027-01-08T09:00', '2027-01-10T09:00', 'a']],
  },
  {
    name: 'daily, two hand-offs: day and night shifts',
    n: 2,
    props: { startTime: start('2027-01-04T08:00'), timeZone: UTC, recurrence: daily('08:00', '20:00') },
    from: '2027-01-04T08:00',
    to: '2027-01-05T20:00',
    expected: [['2027-01-04T08:00', '2027-01-04T20:00', 'a'], ['2027-01-04T20:00', '2027-01-05T08:00', 'b'], ['2027-01-05T08:00', '2027-01-05T20:00', 'a']],
  },
  {
    name: 'two on call at once, three people: ab, ca, bc',
    n: 3,
    props: { startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: RotationRecurrence.daily({ handOffTimes: ['09:00'], numberOfOnCalls: 2 }) },
    from: '2027-01-04T09:00',
    to: '2027-01-07T09:00',
    expected: [['2027-01-04T09:00', '2027-01-05T09:00', 'ab'], ['2027-01-05T09:00', '2027-01-06T09:00', 'ca'], ['2027-01-06T09:00', '2027-01-07T09:00', 'bc']],
  },
  {
    name: 'a start between hand-offs: a short first shift',
    n: 2,
    props: { startTime: start('2027-01-04T12:00'), timeZone: UTC, recurrence: daily('09:00') },
    from: '2027-01-04T00:00',
    to: '2027-01-06T09:00',
    expected: [['2027-01-04T12:00', '2027-01-05T09:00', 'a'], ['2027-01-05T09:00', '2027-01-06T09:00', 'b']],
  },
  {
    name: 'weekly, Monday and Thursday at 09:00',
    n: 2,
    props: {
      startTime: start('2027-01-04T09:00'),
      timeZone: UTC,
      recurrence: RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }, { day: DayOfWeek.THURSDAY, handOffTime: '09:00' }] }),
    },
    from: '2027-01-04T09:00',
    to: '2027-01-14T09:00',
    expected: [['2027-01-04T09:00', '2027-01-07T09:00', 'a'], ['2027-01-07T09:00', '2027-01-11T09:00', 'b'], ['2027-01-11T09:00', '2027-01-14T09:00', 'a']],
  },
  {
    name: 'weekly, multiplier 2: fortnightly on Mondays',
    n: 2,
    props: { startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }], recurrenceMultiplier: 2 }) },
    from: '2027-01-04T09:00',
    to: '2027-02-01T09:00',
    expected: [['2027-01-04T09:00', '2027-01-18T09:00', 'a'], ['2027-01-18T09:00', '2027-02-01T09:00', 'b']],
  },
  {
    name: 'monthly on the 1st: January (31 days), February (28), March',
    n: 2,
    props: { startTime: start('2027-01-01T09:00'), timeZone: UTC, recurrence: RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: 1, handOffTime: '09:00' }] }) },
    from: '2027-01-01T09:00',
    to: '2027-04-01T09:00',
    expected: [['2027-01-01T09:00', '2027-02-01T09:00', 'a'], ['2027-02-01T09:00', '2027-03-01T09:00', 'b'], ['2027-03-01T09:00', '2027-04-01T09:00', 'a']],
  },
  {
    name: 'monthly on the 31st: February and April have none, so shifts run to the next 31st',
    n: 2,
    props: { startTime: start('2027-01-31T09:00'), timeZone: UTC, recurrence: RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: 31, handOffTime: '09:00' }] }) },
    from: '2027-01-31T09:00',
    to: '2027-05-31T09:00',
    expected: [['2027-01-31T09:00', '2027-03-31T09:00', 'a'], ['2027-03-31T09:00', '2027-05-31T09:00', 'b']],
  },
  {
    name: 'monthly on the 15th and the 31st',
    n: 2,
    props: {
      startTime: start('2027-01-15T09:00'),
      timeZone: UTC,
      recurrence: RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: 15, handOffTime: '09:00' }, { dayOfMonth: 31, handOffTime: '09:00' }] }),
    },
    from: '2027-01-15T09:00',
    to: '2027-03-31T09:00',
    expected: [
      ['2027-01-15T09:00', '2027-01-31T09:00', 'a'],
      ['2027-01-31T09:00', '2027-02-15T09:00', 'b'],
      ['2027-02-15T09:00', '2027-03-15T09:00', 'a'],
      ['2027-03-15T09:00', '2027-03-31T09:00', 'b'],
    ],
  },
  {
    name: 'shift coverage 09:00 to 17:00 on weekdays',
    n: 2,
    props: { startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: daily('09:00'), shiftCoverage: businessHours },
    from: '2027-01-04T00:00',
    to: '2027-01-06T00:00',
    expected: [['2027-01-04T09:00', '2027-01-04T17:00', 'a'], ['2027-01-05T09:00', '2027-01-05T17:00', 'b']],
  },
  {
    name: 'a coverage past midnight (22:00 to 06:00) and 23:59 as the end of the day',
    n: 1,
    props: {
      startTime: start('2027-01-04T00:00'),
      timeZone: UTC,
      recurrence: daily('00:00'),
      shiftCoverage: [{ day: DayOfWeek.MONDAY, startTime: '22:00', endTime: '06:00' }, { day: DayOfWeek.WEDNESDAY, startTime: '12:00', endTime: '23:59' }],
    },
    from: '2027-01-04T00:00',
    to: '2027-01-07T00:00',
    expected: [['2027-01-04T22:00', '2027-01-05T06:00', 'a'], ['2027-01-06T12:00', '2027-01-07T00:00', 'a']],
  },
  {
    // Europe/London: clocks go forward at 01:00 GMT on Sunday 28 March 2027 (the last Sunday of March).
    name: 'London, clocks forward: the shift across the change lasts 23 hours',
    n: 2,
    props: { startTime: start('2027-03-27T09:00'), timeZone: TimeZone.EUROPE_LONDON, recurrence: daily('09:00') },
    from: '2027-03-27T09:00',
    to: '2027-03-29T08:00',
    expected: [['2027-03-27T09:00', '2027-03-28T08:00', 'a'], ['2027-03-28T08:00', '2027-03-29T08:00', 'b']],
  },
  {
    // America/New_York: clocks go back at 02:00 EDT on Sunday 7 November 2027 (the first Sunday of November).
    name: 'New York, clocks back: the shift across the change lasts 25 hours',
    n: 2,
    props: { startTime: start('2027-11-06T09:00'), timeZone: TimeZone.AMERICA_NEW_YORK, recurrence: daily('09:00') },
    from: '2027-11-06T13:00',
    to: '2027-11-08T14:00',
    expected: [['2027-11-06T13:00', '2027-11-07T14:00', 'a'], ['2027-11-07T14:00', '2027-11-08T14:00', 'b']],
  },
  {
    // America/New_York: clocks go forward at 02:00 EST on Sunday 14 March 2027; 02:30 does not exist that day.
    name: 'New York, a hand-off time the change skips moves forward by the gap (02:30 is 03:30 EDT)',
    n: 2,
    props: { startTime: start('2027-03-13T02:30'), timeZone: TimeZone.AMERICA_NEW_YORK, recurrence: daily('02:30') },
    from: '2027-03-13T07:30',
    to: '2027-03-15T06:30',
    expected: [['2027-03-13T07:30', '2027-03-14T07:30', 'a'], ['2027-03-14T07:30', '2027-03-15T06:30', 'b']],
  },
  {
    // 01:30 on 7 November 2027 happens twice in New York: first at 05:30Z (EDT), again at 06:30Z (EST).
    name: 'New York, a hand-off time the change repeats is its first occurrence',
    n: 2,
    props: { startTime: start('2027-11-06T01:30'), timeZone: TimeZone.AMERICA_NEW_YORK, recurrence: daily('01:30') },
    from: '2027-11-06T05:30',
    to: '2027-11-08T06:30',
    expected: [['2027-11-06T05:30', '2027-11-07T05:30', 'a'], ['2027-11-07T05:30', '2027-11-08T06:30', 'b']],
  },
];

describe('shifts of a rotation, computed offline', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('GIVEN %s THEN the shifts are the ones worked out by hand', (_name, c) => {
    const r = rotation(newStack(), c.n, c.props);
    expect(flat(r.shiftsBetween(at(c.from), at(c.to)))).toEqual(c.expected);
  });

  test('GIVEN a time before the rotation starts THEN nobody of it is on call', () => {
    const r = rotation(newStack(), 2, { startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: daily('09:00') });
    expect(r.onCallAt(at('2027-01-04T08:59'))).toEqual([]);
    expect(r.onCallAt(at('2027-01-04T09:00')).map((c) => c.contactAlias)).toEqual(['a']);
    expect(r.onCallAt(at('2027-01-05T08:59')).map((c) => c.contactAlias)).toEqual(['a']);
    expect(r.onCallAt(at('2027-01-05T09:00')).map((c) => c.contactAlias)).toEqual(['b']);
  });

  test('GIVEN a start time known only at deployment THEN the question is an error', () => {
    const stack = newStack();
    const r = new Rotation(stack, 'R', { contacts: people(stack, 1), startTime: start('2027-01-04T09:00'), timeZone: TimeZone.of(Lazy.string({ produce: () => 'Europe/Paris' })), recurrence: daily('09:00') });
    expect(() => r.shiftsBetween(at('2027-01-04T09:00'), at('2027-01-05T09:00'))).toThrow(
      'shiftsBetween must be called on a rotation defined with values (got "a rotation whose start time, time zone or recurrence is known only at deployment") at Stack/R [ON_CALL_COVERAGE]',
    );
  });
});

/** A schedule of a weekday business-hours rotation and, optionally, an out-of-hours one (24/7 together). */
function schedule(stack: Stack, withNights: boolean, coverage?: { requireFullCoverage: boolean; from: Date; weeks?: number }): OnCallSchedule {
  const staff = people(stack, 3);
  const day = new Rotation(stack, 'Day', { contacts: [staff[0], staff[1]], startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: daily('09:00'), shiftCoverage: businessHours });
  const rotations = [day];
  if (withNights) {
    const nights: ShiftCoverage[] = [
      ...weekdays.map((d) => ({ day: d, startTime: '17:00', endTime: '09:00' })),
      { day: DayOfWeek.SATURDAY, startTime: '00:00', endTime: '23:59' },
      { day: DayOfWeek.SUNDAY, startTime: '00:00', endTime: '23:59' },
    ];
    // Monday's night starts at 17:00 and Friday's runs to Saturday 09:00, inside Saturday's coverage.
    rotations.push(new Rotation(stack, 'Night', { contacts: [staff[2]], startTime: start('2027-01-03T00:00'), timeZone: UTC, recurrence: daily('09:00'), shiftCoverage: [...nights, { day: DayOfWeek.MONDAY, startTime: '00:00', endTime: '09:00' }] }));
  }
  return new OnCallSchedule(stack, 'Schedule', { alias: 'oncall', displayName: 'On call', rotations, coverage });
}

describe('who is on call in a schedule', () => {
  test('GIVEN a business-hours and an out-of-hours rotation THEN there is no gap, and the answers follow the hours', () => {
    const s = schedule(newStack(), true);
    expect(s.gapsBetween(at('2027-01-04T00:00'), at('2027-03-01T00:00'))).toEqual([]);
    expect(s.onCallAt(at('2027-01-04T10:00')).map((c) => c.contactAlias)).toEqual(['a']);
    expect(s.onCallAt(at('2027-01-05T10:00')).map((c) => c.contactAlias)).toEqual(['b']);
    expect(s.onCallAt(at('2027-01-05T18:00')).map((c) => c.contactAlias)).toEqual(['c']);
    expect(s.onCallAt(at('2027-01-09T12:00')).map((c) => c.contactAlias)).toEqual(['c']);
    expect(flat(s.shiftsBetween(at('2027-01-04T00:00'), at('2027-01-05T12:00')))).toEqual([
      ['2027-01-04T00:00', '2027-01-04T09:00', 'c'],
      ['2027-01-04T09:00', '2027-01-04T17:00', 'a'],
      ['2027-01-04T17:00', '2027-01-05T09:00', 'c'],
      ['2027-01-05T09:00', '2027-01-05T12:00', 'b'],
    ]);
  });

  test('GIVEN only business hours THEN the gaps are the nights and the weekend, exactly', () => {
    const s = schedule(newStack(), false);
    const gaps = s.gapsBetween(at('2027-01-04T00:00'), at('2027-01-11T00:00')).map((g) => [g.start.toISOString().slice(0, 16), g.end.toISOString().slice(0, 16)]);
    expect(gaps).toEqual([
      ['2027-01-04T00:00', '2027-01-04T09:00'],
      ['2027-01-04T17:00', '2027-01-05T09:00'],
      ['2027-01-05T17:00', '2027-01-06T09:00'],
      ['2027-01-06T17:00', '2027-01-07T09:00'],
      ['2027-01-07T17:00', '2027-01-08T09:00'],
      ['2027-01-08T17:00', '2027-01-11T00:00'],
    ]);
  });
});

describe('coverage check at synthesis', () => {
  const from = new Date('2027-01-04T00:00:00Z');

  test('GIVEN a planted gap (09:00-17:00 on weekdays only) THEN synthesis fails with the exact intervals in the rotation time zone', () => {
    const stack = newStack();
    schedule(stack, false, { requireFullCoverage: true, from, weeks: 1 });
    expect(() => (stack.node.root as App).synth()).toThrow(
      'the on-call schedule must have someone on call at every moment of the 1 weeks from 2027-01-04T00:00:00.000Z (coverage.requireFullCoverage); nobody on call 2027-01-04 00:00 to 2027-01-04 09:00, 2027-01-04 17:00 to 2027-01-05 09:00, 2027-01-05 17:00 to 2027-01-06 09:00, 2027-01-06 17:00 to 2027-01-07 09:00, 2027-01-07 17:00 to 2027-01-08 09:00, 2027-01-08 17:00 to 2027-01-11 00:00 (Etc/UTC) (got "6 times with nobody on call") at Stack/Schedule [ON_CALL_COVERAGE]',
    );
  });

  test('GIVEN a 24/7 schedule THEN the check is silent', () => {
    const stack = newStack();
    schedule(stack, true, { requireFullCoverage: true, from, weeks: 8 });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('nobody|coverage'))).toEqual([]);
  });

  test('GIVEN an escalation plan whose first stage is the business-hours schedule THEN a warning names when it pages nobody; with a person too, none', () => {
    const stack = newStack();
    const s = schedule(stack, false);
    new EscalationPlan(stack, 'Gappy', { alias: 'gappy', displayName: 'Gappy', stages: [{ duration: Duration.minutes(5), targets: [{ contact: s }] }], coverage: { requireFullCoverage: true, from, weeks: 1 } });
    const lead = new Contact(stack, 'Lead', { alias: 'lead', displayName: 'Lead' });
    const covered = new EscalationPlan(stack, 'Covered', { alias: 'covered', displayName: 'Covered', stages: [{ duration: Duration.minutes(5), targets: [{ contact: s }, { contact: lead }] }], coverage: { requireFullCoverage: true, from, weeks: 1 } });
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Gappy', Match.stringLikeRegexp('The first stage pages nobody .*2027-01-04 00:00 to 2027-01-04 09:00.*firstStageGap'));
    expect(annotations.findWarning('/Stack/Covered', Match.anyValue())).toEqual([]);
    expect(covered.pagedAt(at('2027-01-04T10:00')).map((c) => c.contactAlias)).toEqual(['a', 'lead']);
    expect(covered.pagedAt(at('2027-01-04T20:00')).map((c) => c.contactAlias)).toEqual(['lead']);
  });

  test('GIVEN the foundation-wide option THEN its schedules are checked', () => {
    const stack = newStack();
    new IncidentManagerFoundation(stack, 'IM', {
      existingReplicationSet: ReplicationSet.fromAccount(stack, 'RS', { replicationRegions: ['us-east-1', 'us-west-2'] }),
      coverage: { requireFullCoverage: true, from, weeks: 1 },
      contacts: [{ alias: 'a', displayName: 'A', email: 'a@example.com' }],
      onCallSchedules: [{ alias: 'days', displayName: 'Days', rotations: [{ contacts: ['a'], startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: daily('09:00'), shiftCoverage: businessHours }] }],
      responsePlans: [{ responsePlanName: 'p', title: 't', impact: Impact.LOW, engagements: ['days'] }],
    });
    expect(() => (stack.node.root as App).synth()).toThrow(/nobody on call 2027-01-04 00:00 to 2027-01-04 09:00.*\[ON_CALL_COVERAGE\]/);
  });
});

describe('OnCallAssertions, for users\' tests', () => {
  test('GIVEN a 24/7 schedule THEN someone is on call every minute of the next 8 weeks', () => {
    const s = schedule(newStack(), true);
    expect(() => OnCallAssertions.assertFullCoverage(s, at('2027-01-04T00:00'), 8)).not.toThrow();
    expect(() => OnCallAssertions.assertFullCoverage(schedule(newStack(), false), at('2027-01-04T00:00'), 1)).toThrow(
      /Stack\/Schedule: nobody is on call 2027-01-04T00:00:00.000Z to 2027-01-04T09:00:00.000Z, /,
    );
  });

  test('GIVEN a holiday week THEN the assertions say who is and is not on call', () => {
    const s = schedule(newStack(), true);
    const [a, , c] = [0, 1, 2].map((i) => s.node.scope!.node.findChild(`P${i}`) as Contact);
    // a is on call on weekdays 4, 6 and 8 January (business hours), so the week of 11 January is not free.
    expect(() => OnCallAssertions.assertNotOnCallDuring(s, a, at('2027-01-09T00:00'), at('2027-01-11T00:00'))).not.toThrow();
    expect(() => OnCallAssertions.assertNotOnCallDuring(s, a, at('2027-01-11T00:00'), at('2027-01-18T00:00'))).toThrow(/a is on call 2027-01-12T09:00:00.000Z to 2027-01-12T17:00:00.000Z/);
    expect(() => OnCallAssertions.assertOnCallAt(s, at('2027-01-05T20:00'), [c])).not.toThrow();
    expect(() => OnCallAssertions.assertOnCallAt(s, at('2027-01-05T20:00'), [a])).toThrow('Stack/Schedule: at 2027-01-05T20:00:00.000Z c on call, not a');
  });
});

describe('on-call questions, bad input', () => {
  const stackWith = () => {
    const stack = newStack();
    return { stack, s: schedule(stack, true) };
  };
  test.each<[string, () => void, string]>([
    ['coverage of 0 weeks', () => schedule(newStack(), true, { requireFullCoverage: true, from: at('2027-01-04T00:00'), weeks: 0 }), '`coverage.weeks` must be a whole number of weeks from 1 to 52 (got 0) at Stack/Schedule [ON_CALL_COVERAGE]'],
    ['coverage of 53 weeks', () => schedule(newStack(), true, { requireFullCoverage: true, from: at('2027-01-04T00:00'), weeks: 53 }), '(got 53) at Stack/Schedule [ON_CALL_COVERAGE]'],
    ['coverage from an invalid Date', () => schedule(newStack(), true, { requireFullCoverage: true, from: new Date('not a date') }), '`coverage.from` must be a valid Date (got "Invalid Date") at Stack/Schedule [ON_CALL_COVERAGE]'],
    ['an interval that ends before it starts', () => stackWith().s.gapsBetween(at('2027-01-05T00:00'), at('2027-01-04T00:00')), '`to` must be after `from` (2027-01-05T00:00:00.000Z) (got "2027-01-04T00:00:00.000Z") at Stack/Schedule [ON_CALL_COVERAGE]'],
    ['an invalid instant', () => stackWith().s.onCallAt(new Date(NaN)), '`at` must be a valid Date (got "Invalid Date") at Stack/Schedule [ON_CALL_COVERAGE]'],
    ['a stage the plan does not have', () => {
      const { stack, s } = stackWith();
      new EscalationPlan(stack, 'E', { alias: 'e', displayName: 'E', stages: [{ duration: Duration.minutes(5), targets: [{ contact: s }] }] }).pagedAt(at('2027-01-04T10:00'), 1);
    }, '`stage` must be a stage of the plan, 0 to 0 (got 1) at Stack/E [ESCALATION_PLAN]'],
    ['an imported rotation', () => {
      const stack = newStack();
      const r = Rotation.fromRotationArn(stack, 'R', 'arn:aws:ssm-contacts:us-east-1:111122223333:rotation/abc');
      new OnCallSchedule(stack, 'S', { alias: 's', displayName: 'S', rotations: [r] }).onCallAt(at('2027-01-04T10:00'));
    }, "onCallAt must be answered from rotations defined in this app (an imported rotation's shifts are unknown) (got \"rotations[0] (Stack/R), an imported rotation\") at Stack/S [ON_CALL_COVERAGE]"],
    ['assertFullCoverage over 0 weeks', () => OnCallAssertions.assertFullCoverage(stackWith().s, at('2027-01-04T00:00'), 0), '`weeks` of assertFullCoverage must be a whole number of 1 or more (got 0) at Stack/Schedule [ON_CALL_COVERAGE]'],
  ])('GIVEN %s THEN it is an error', (_name, define, message) => {
    expect(define).toThrow(message);
  });
});

describe('coverage weeks known only at deployment', () => {
  test('GIVEN a token number of weeks THEN the check is skipped with a warning, not refused', () => {
    const stack = newStack();
    const weeks = new CfnParameter(stack, 'Weeks', { type: 'Number' }).valueAsNumber;
    schedule(stack, false, { requireFullCoverage: true, from: at('2027-01-04T00:00'), weeks });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
    Annotations.fromStack(stack).hasWarning('/Stack/Schedule', Match.stringLikeRegexp('known only at deployment.*coverage.weeksUnresolved'));
  });
});

describe('synthesis never reads the clock', () => {
  /** Synthesizes a fresh app with the clock at `now`: the template's bytes, or the error's message. */
  type Coverage = { requireFullCoverage: boolean; from?: Date; weeks?: number };
  function synthAt(now: string, withNights: boolean, coverage: Coverage, context?: Record<string, string>): string {
    jest.useFakeTimers({ now: new Date(now) });
    try {
      const app = new App({ context });
      const stack = new Stack(app, 'Stack', { env: { account: '111122223333', region: 'us-east-1' } });
      try {
        schedule(stack, withNights, coverage as any);
        const assembly = app.synth();
        return fs.readFileSync(assembly.getStackByName('Stack').templateFullPath, 'utf-8');
      } catch (error) {
        return `error: ${(error as Error).message}`;
      }
    } finally {
      jest.useRealTimers();
    }
  }

  test('GIVEN a 24/7 schedule without `from` WHEN synthesized under clocks months apart THEN the templates are byte-identical', () => {
    // Both clocks are months after the rotations start (4 January 2027): a check from "now" would look
    // at different weeks; the check starts at the latest rotation start instead.
    const first = synthAt('2027-03-01T12:00:00Z', true, { requireFullCoverage: true });
    const second = synthAt('2027-09-15T03:30:00Z', true, { requireFullCoverage: true });
    expect(first.startsWith('{')).toBe(true);
    expect(second).toBe(first);
  });

  test('GIVEN a schedule with gaps and no `from` WHEN synthesized under clocks months apart THEN both fail with the same message, from the latest rotation start', () => {
    const first = synthAt('2026-06-01T00:00:00Z', false, { requireFullCoverage: true, weeks: 1 });
    const second = synthAt('2028-01-20T18:00:00Z', false, { requireFullCoverage: true, weeks: 1 });
    // The rotation starts 2027-01-04 09:00 UTC; its coverage is 09:00-17:00 on weekdays.
    expect(first).toBe(
      'error: the on-call schedule must have someone on call at every moment of the 1 weeks from 2027-01-04T09:00:00.000Z (the latest start of its rotations; set coverage.from or the context value cdk-incident-manager:coverageFrom to check other weeks) (coverage.requireFullCoverage); nobody on call 2027-01-04 17:00 to 2027-01-05 09:00, 2027-01-05 17:00 to 2027-01-06 09:00, 2027-01-06 17:00 to 2027-01-07 09:00, 2027-01-07 17:00 to 2027-01-08 09:00, 2027-01-08 17:00 to 2027-01-11 09:00 (Etc/UTC) (got "5 times with nobody on call") at Stack/Schedule [ON_CALL_COVERAGE]',
    );
    expect(second).toBe(first);
  });

  test('GIVEN the context value a pipeline sets THEN the checked weeks start there, and `from` wins over it', () => {
    const fromContext = synthAt('2030-01-01T00:00:00Z', false, { requireFullCoverage: true, weeks: 1 }, { 'cdk-incident-manager:coverageFrom': '2027-02-01' });
    expect(fromContext).toContain('of the 1 weeks from 2027-02-01T00:00:00.000Z (coverage.requireFullCoverage); nobody on call 2027-02-01 00:00 to 2027-02-01 09:00,');
    const fromProp = synthAt('2030-01-01T00:00:00Z', false, { requireFullCoverage: true, weeks: 1, from: new Date('2027-03-01T00:00:00Z') }, { 'cdk-incident-manager:coverageFrom': '2027-02-01' });
    expect(fromProp).toContain('of the 1 weeks from 2027-03-01T00:00:00.000Z (coverage.requireFullCoverage)');
  });

  test.each(['next monday', '2027-03-01T09:00', '2027-02-30'])('GIVEN the context value %p THEN it is an error naming it', (value) => {
    expect(synthAt('2030-01-01T00:00:00Z', true, { requireFullCoverage: true }, { 'cdk-incident-manager:coverageFrom': value })).toBe(
      `error: the context value \`cdk-incident-manager:coverageFrom\` must be an ISO 8601 date (2027-03-01) or date and time with an offset (2027-03-01T09:00:00Z) (got ${JSON.stringify(value)}) at Stack/Schedule [ON_CALL_COVERAGE]`,
    );
  });

  test('GIVEN a foundation with the coverage check WHEN synthesized under clocks months apart THEN every template is byte-identical', () => {
    const synth = (now: string) => {
      jest.useFakeTimers({ now: new Date(now) });
      try {
        const app = new App();
        const stack = new Stack(app, 'Stack', { env: { account: '111122223333', region: 'us-east-1' } });
        new IncidentManagerFoundation(stack, 'IM', {
          existingReplicationSet: ReplicationSet.fromAccount(stack, 'RS', { replicationRegions: ['us-east-1', 'us-west-2'] }),
          coverage: { requireFullCoverage: true },
          nestedStacks: true,
          contacts: [{ alias: 'a', displayName: 'A', email: 'a@example.com' }],
          onCallSchedules: [{ alias: 'all-day', displayName: 'All day', rotations: [{ contacts: ['a'], startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: daily('09:00') }] }],
          escalationPlans: [{ alias: 'esc', displayName: 'Esc', stages: [{ duration: Duration.minutes(5), targets: ['all-day'] }] }],
        });
        const assembly = app.synth();
        return assembly.stacks.map((s) => fs.readFileSync(s.templateFullPath, 'utf-8')).concat(
          fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.nested.template.json')).sort().map((f) => fs.readFileSync(path.join(assembly.directory, f), 'utf-8')),
        );
      } finally {
        jest.useRealTimers();
      }
    };
    const first = synth('2027-02-01T00:00:00Z');
    expect(first.length).toBeGreaterThan(1);
    expect(synth('2027-11-20T17:45:00Z')).toEqual(first);
  });

  test('GIVEN the library source THEN nothing in it reads the clock', () => {
    const read = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? read(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const offenders = read(path.join(__dirname, '..', 'src')).filter((f) => /Date\.now\(\)|new Date\(\)/.test(fs.readFileSync(f, 'utf-8')));
    expect(offenders).toEqual([]);
  });
});
