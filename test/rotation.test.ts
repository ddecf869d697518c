import { CfnParameter, Duration, Lazy, Stack, Tags, TimeZone, aws_iam as iam } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import {
  Contact,
  DayOfWeek,
  EscalationPlan,
  Rotation,
  RotationProps,
  RotationRecurrence,
  RotationStart,
} from '../src';
import { UTC, arnOf, at, businessHours, daily, flat, lettered, people, rotationProps, start } from './support/on-call';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

describe('Rotation', () => {
  test('GIVEN a weekly rotation THEN contacts in order, start time without offset, time zone and recurrence are emitted', () => {
    const stack = newStack();
    const [a, b] = people(stack);
    const rotation = new Rotation(stack, 'Primary', {
      ...rotationProps([a, b]),
      rotationName: 'primary',
      recurrence: RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }], recurrenceMultiplier: 2 }),
      shiftCoverage: [
        { day: DayOfWeek.MONDAY, startTime: '08:00', endTime: '12:00' },
        { day: DayOfWeek.MONDAY, startTime: '13:00', endTime: '17:00' },
        { day: DayOfWeek.TUESDAY, startTime: '08:00', endTime: '17:00' },
      ],
    });
    const template = expectValidStack(stack);
    template.hasResource('AWS::SSMContacts::Rotation', {
      DeletionPolicy: 'Retain',
      Properties: {
        Name: 'primary',
        ContactIds: [arnOf(stack, a), arnOf(stack, b)],
        StartTime: '2026-01-05T09:00:00',
        TimeZoneId: 'Europe/London',
        Recurrence: {
          NumberOfOnCalls: 1,
          RecurrenceMultiplier: 2,
          WeeklySettings: [{ DayOfWeek: 'MON', HandOffTime: '09:00' }],
          ShiftCoverages: [
            { DayOfWeek: 'MON', CoverageTimes: [{ StartTime: '08:00', EndTime: '12:00' }, { StartTime: '13:00', EndTime: '17:00' }] },
            { DayOfWeek: 'TUE', CoverageTimes: [{ StartTime: '08:00', EndTime: '17:00' }] },
          ],
        },
      },
    });
    expect(stack.resolve(rotation.rotationArn)).toEqual(arnOf(stack, rotation));
  });

  test.each([
    ['daily', RotationRecurrence.daily({ handOffTimes: ['07:00', '19:00'], numberOfOnCalls: 2 }), { DailySettings: ['07:00', '19:00'], NumberOfOnCalls: 2 }],
    ['monthly', RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: 1, handOffTime: '9:30' }] }), { MonthlySettings: [{ DayOfMonth: 1, HandOffTime: '9:30' }] }],
  ])('GIVEN a %s recurrence THEN its settings are emitted', (_name, recurrence, expected) => {
    const stack = newStack();
    new Rotation(stack, 'R', rotationProps(people(stack), { recurrence }));
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Rotation', { Recurrence: Match.objectLike(expected) });
  });

  test.each([
    ['a Date', RotationStart.fromDate(new Date('2026-01-05T09:00:00Z')), 'America/Los_Angeles', '2026-01-05T01:00:00'],
    ['an ISO string with Z', RotationStart.fromIsoString('2026-07-01T12:00:00Z'), 'Europe/Berlin', '2026-07-01T14:00:00'],
    ['an ISO string with an offset', RotationStart.fromIsoString('2026-07-01T12:00:00+05:30'), 'UTC', '2026-07-01T06:30:00'],
    ['a local ISO string with seconds', RotationStart.fromIsoString('2026-07-01T12:15:30'), 'Asia/Seoul', '2026-07-01T12:15:30'],
  ])('GIVEN %s THEN the start time is the wall-clock time in the rotation time zone', (_name, startTime, zone, expected) => {
    const stack = newStack();
    new Rotation(stack, 'R', rotationProps(people(stack), { startTime, timeZone: TimeZone.of(zone) }));
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Rotation', { StartTime: expected, TimeZoneId: zone });
  });

  test('GIVEN no name THEN a valid one is generated from the construct path', () => {
    const stack = newStack();
    new Rotation(stack, 'Primary-Weekly', rotationProps(people(stack)));
    const [rotation] = Object.values(expectValidStack(stack).findResources('AWS::SSMContacts::Rotation'));
    expect(rotation.Properties.Name).toMatch(/^StackPrimaryWeekly[A-Z0-9]{8}$/);
  });

  test('GIVEN grantRead, tags and an import THEN the grant names exactly the rotation', () => {
    const stack = newStack();
    const rotation = new Rotation(stack, 'R', rotationProps(people(stack)));
    Tags.of(rotation).add('team', 'sre');
    const imported = Rotation.fromRotationArn(stack, 'Imported', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:rotation/abc`);
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    rotation.grantRead(role);
    imported.grantRead(role);
    const template = expectValidStack(stack);
    const actions = ['ssm-contacts:GetRotation', 'ssm-contacts:ListRotationShifts', 'ssm-contacts:ListRotationOverrides'];
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: actions, Resource: arnOf(stack, rotation) },
          { Effect: 'Allow', Action: actions, Resource: `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:rotation/abc` },
        ],
      },
    });
    template.hasResourceProperties('AWS::SSMContacts::Rotation', { Tags: [{ Key: 'team', Value: 'sre' }] });
  });

  describe('validation', () => {
    test.each<[string, (s: Stack) => Partial<RotationProps>, string]>([
      ['no contacts', () => ({ contacts: [] }), '`contacts` must have 1 to 30 contacts (got "0 contacts") at Stack/R'],
      ['31 contacts', (s) => ({ contacts: people(s, 31, 'q') }), '`contacts` must have 1 to 30 contacts (got "31 contacts") at Stack/R'],
      ['a bad name', () => ({ rotationName: 'primary-weekly' }), '`rotationName` must be letters, digits and _ only (got "primary-weekly") at Stack/R'],
      ['an unknown time zone', () => ({ timeZone: TimeZone.of('Mars/Olympus') }), '`timeZone` must be an IANA time zone name such as America/Los_Angeles or UTC (got "Mars/Olympus") at Stack/R'],
      ['a malformed start', () => ({ startTime: RotationStart.fromIsoString('05/01/2026 09:00') }), '`startTime` must be a real ISO 8601 date and time such as 2026-01-05T09:00 or 2026-01-05T09:00:00Z (a day that exists in its month, hours 00 to 23) (got "05/01/2026 09:00") at Stack/R'],
      ['an invalid Date', () => ({ startTime: RotationStart.fromDate(new Date('nope')) }), '`startTime` must be a valid Date (got "an invalid Date") at Stack/R'],
      ['a hand-off at 24:00', () => ({ recurrence: RotationRecurrence.daily({ handOffTimes: ['24:00'] }) }), '`recurrence.handOffTimes[0]` must be a time HH:MM on a 24-hour clock, 00:00 to 23:59 (got "24:00") at Stack/R'],
      ['no hand-off times', () => ({ recurrence: RotationRecurrence.daily({ handOffTimes: [] }) }), '`recurrence.handOffTimes` must have at least 1 hand-off time (got "0 hand-off times") at Stack/R'],
      ['no weekly hand-offs', () => ({ recurrence: RotationRecurrence.weekly({ handOffs: [] }) }), '`recurrence.handOffs` must have at least 1 hand-off (got "0 hand-offs") at Stack/R'],
      ['day 32 of a month', () => ({ recurrence: RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: 32, handOffTime: '09:00' }] }) }), '`recurrence.handOffs[0].dayOfMonth` must be a whole number from 1 to 31 (got 32) at Stack/R'],
      ['a multiplier of 101', () => ({ recurrence: RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.FRIDAY, handOffTime: '17:00' }], recurrenceMultiplier: 101 }) }), '`recurrence.recurrenceMultiplier` must be a whole number from 1 to 100 (got 101) at Stack/R'],
      ['more on-calls than contacts', () => ({ recurrence: RotationRecurrence.daily({ handOffTimes: ['09:00'], numberOfOnCalls: 3 }) }), '`recurrence.numberOfOnCalls` must be a whole number from 1 to 2 (got 3) at Stack/R'],
      ['a coverage time of 9am', () => ({ shiftCoverage: [{ day: DayOfWeek.MONDAY, startTime: '9am', endTime: '17:00' }] }), '`shiftCoverage[0].startTime` must be a time HH:MM on a 24-hour clock, 00:00 to 23:59 (got "9am") at Stack/R'],
    ])('GIVEN %s THEN it is refused', (_name, override, message) => {
      const stack = newStack();
      expect(() => new Rotation(stack, 'R', rotationProps(people(stack), override(stack)))).toThrow(message);
    });

    test('GIVEN an escalation plan or a schedule as a rotation contact THEN it is refused', () => {
      const stack = newStack();
      const [a] = people(stack, 1);
      const plan = new EscalationPlan(stack, 'Plan', { alias: 'plan', displayName: 'Plan', stages: [{ duration: Duration.minutes(5), targets: [{ contact: a }] }] });
      expect(() => new Rotation(stack, 'R', rotationProps([a, plan]))).toThrow(
        '`contacts[1]` must be a personal contact (only people take shifts) (got "the escalation plan Stack/Plan") at Stack/R',
      );
    });

    test('GIVEN tokens for contacts, start, zone, times and numbers THEN nothing is rejected', () => {
      const stack = newStack();
      const p = (id: string) => new CfnParameter(stack, id).valueAsString;
      const n = (id: string) => new CfnParameter(stack, id, { type: 'Number' }).valueAsNumber;
      new Rotation(stack, 'R', {
        contacts: [Contact.fromContactArn(stack, 'C', p('ContactArn'))],
        startTime: RotationStart.fromIsoString(p('Start')),
        timeZone: TimeZone.of(p('Zone')),
        rotationName: p('Name'),
        recurrence: RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: n('Day'), handOffTime: p('Time') }], numberOfOnCalls: n('OnCalls'), recurrenceMultiplier: n('Mult') }),
        shiftCoverage: [{ day: DayOfWeek.SUNDAY, startTime: p('From'), endTime: p('To') }],
      });
      expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Rotation', { StartTime: { Ref: 'Start' }, TimeZoneId: { Ref: 'Zone' } });
    });
  });
});

/*
 * Who is on call, computed offline. Every expectation below was worked out by hand from the rotation's
 * definition and the calendar (days of the week, month lengths, daylight-saving dates in the comment).
 */

function rotationOf(stack: Stack, n: number, props: Omit<RotationProps, 'contacts'>, id = 'R'): Rotation {
  return new Rotation(stack, id, { contacts: lettered(stack, n), ...props });
}

interface Case {
  readonly name: string;
  readonly n: number;
  readonly props: Omit<RotationProps, 'contacts'>;
  readonly from: string;
  readonly to: string;
  readonly expected: string[][];
}

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
    const r = rotationOf(newStack(), c.n, c.props);
    expect(flat(r.shiftsBetween(at(c.from), at(c.to)))).toEqual(c.expected);
  });

  test('GIVEN a time before the rotation starts THEN nobody of it is on call', () => {
    const r = rotationOf(newStack(), 2, { startTime: start('2027-01-04T09:00'), timeZone: UTC, recurrence: daily('09:00') });
    expect(r.onCallAt(at('2027-01-04T08:59'))).toEqual([]);
    expect(r.onCallAt(at('2027-01-04T09:00')).map((c) => c.contactAlias)).toEqual(['a']);
    expect(r.onCallAt(at('2027-01-05T08:59')).map((c) => c.contactAlias)).toEqual(['a']);
    expect(r.onCallAt(at('2027-01-05T09:00')).map((c) => c.contactAlias)).toEqual(['b']);
  });

  test('GIVEN a start time known only at deployment THEN the question is an error', () => {
    const stack = newStack();
    const r = new Rotation(stack, 'R', { contacts: lettered(stack, 1), startTime: start('2027-01-04T09:00'), timeZone: TimeZone.of(Lazy.string({ produce: () => 'Europe/Paris' })), recurrence: daily('09:00') });
    expect(() => r.shiftsBetween(at('2027-01-04T09:00'), at('2027-01-05T09:00'))).toThrow(
      'shiftsBetween must be called on a rotation defined with values (got "a rotation whose start time, time zone or recurrence is known only at deployment") at Stack/R [ON_CALL_COVERAGE]',
    );
  });
});
