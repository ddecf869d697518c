import { CfnParameter, Duration, Stack, Tags, TimeZone, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  Contact,
  DayOfWeek,
  EscalationPlan,
  IContact,
  OnCallSchedule,
  Rotation,
  RotationProps,
  RotationRecurrence,
  RotationStart,
} from '../src';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

const arnOf = (stack: Stack, construct: { node: any }) => ({ 'Fn::GetAtt': [stack.getLogicalId(construct.node.findChild('Resource')), 'Arn'] });

function people(stack: Stack, n = 2, prefix = 'p'): IContact[] {
  return Array.from({ length: n }, (_, i) => new Contact(stack, `${prefix}${i}`, { alias: `${prefix}${i}`, displayName: `${prefix}${i}` }));
}

const weekly = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });

function rotationProps(contacts: IContact[], over: Partial<RotationProps> = {}): RotationProps {
  return {
    contacts,
    startTime: RotationStart.fromIsoString('2026-01-05T09:00'),
    timeZone: TimeZone.EUROPE_LONDON,
    recurrence: weekly,
    ...over,
  };
}

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

describe('OnCallSchedule', () => {
  test('GIVEN two rotations THEN an ONCALL_SCHEDULE contact names them and carries no stages', () => {
    const stack = newStack();
    const [a, b] = people(stack);
    const primary = new Rotation(stack, 'Primary', rotationProps([a, b]));
    const secondary = new Rotation(stack, 'Secondary', rotationProps([b, a]));
    const schedule = new OnCallSchedule(stack, 'Schedule', { alias: 'sre-oncall', displayName: 'SRE on call', rotations: [primary] });
    schedule.addRotation(secondary);
    const template = expectValidStack(stack);
    template.hasResource('AWS::SSMContacts::Contact', {
      DeletionPolicy: 'Retain',
      Properties: {
        Alias: 'sre-oncall',
        DisplayName: 'SRE on call',
        Type: 'ONCALL_SCHEDULE',
        Plan: [{ RotationIds: [arnOf(stack, primary), arnOf(stack, secondary)] }],
      },
    });
    template.resourceCountIs('AWS::SSMContacts::Plan', 0);
  });

  test('GIVEN grantEngage, tags and an import THEN the grant names exactly the schedule', () => {
    const stack = newStack();
    const schedule = new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S', rotations: [new Rotation(stack, 'R', rotationProps(people(stack)))] });
    Tags.of(schedule).add('team', 'sre');
    const imported = OnCallSchedule.fromOnCallScheduleArn(stack, 'Imported', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/other-oncall`);
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    schedule.grantEngage(role);
    imported.grantEngage(role);
    const template = expectValidStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: arnOf(stack, schedule) },
          { Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/other-oncall` },
        ],
      },
    });
  });

  test('GIVEN no rotation THEN it synthesizes naming no rotations, with a warning (API Plan: RotationIds, 0 to 25 items)', () => {
    const stack = newStack();
    new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S' });
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Contact', { Type: 'ONCALL_SCHEDULE', Plan: [{ RotationIds: [] }] });
    Annotations.fromStack(stack).hasWarning('/Stack/Schedule', Match.stringLikeRegexp('The on-call schedule has no rotations, so it engages nobody'));
  });

  test('GIVEN nine rotations or the same one twice THEN they are refused', () => {
    const stack = newStack();
    const contacts = people(stack);
    const rotations = Array.from({ length: 9 }, (_, i) => new Rotation(stack, `R${i}`, rotationProps(contacts)));
    expect(() => new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S', rotations })).toThrow(
      '`rotations` must have at most 8 rotations (got "9 rotations") at Stack/Schedule',
    );
    expect(() => new OnCallSchedule(stack, 'Twice', { alias: 't', displayName: 'T', rotations: [rotations[0], rotations[0]] })).toThrow(
      'a rotation must be added to a schedule once (got "Stack/R0") at Stack/Twice',
    );
  });

  test('GIVEN a schedule as a rotation contact THEN it is refused', () => {
    const stack = newStack();
    const [a] = people(stack, 1);
    const schedule = new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S', rotations: [new Rotation(stack, 'R', rotationProps([a]))] });
    expect(() => new Rotation(stack, 'R2', rotationProps([schedule]))).toThrow(
      '`contacts[0]` must be a personal contact (only people take shifts) (got "the on-call schedule Stack/Schedule") at Stack/R2',
    );
  });

  test('GIVEN a bad alias THEN it is refused, and tokens pass', () => {
    const stack = newStack();
    expect(() => new OnCallSchedule(stack, 'Schedule', { alias: 'SRE', displayName: 'S' })).toThrow('`alias` must be lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "SRE") at Stack/Schedule');
    const rotation = Rotation.fromRotationArn(stack, 'R', new CfnParameter(stack, 'RotationArn').valueAsString);
    new OnCallSchedule(stack, 'Tokens', { alias: new CfnParameter(stack, 'Alias').valueAsString, displayName: 'T', rotations: [rotation] });
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Contact', { Plan: [{ RotationIds: [{ Ref: 'RotationArn' }] }] });
  });
});
