import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
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
  ShiftCoverage,
} from '../src';
import { UTC, at, businessHours, daily, flat, lettered, start, weekdays } from './support/on-call';
import { newStack } from './support/stacks';

/*
 * Who is on call in a schedule, computed offline. Every expectation below was worked out by hand from the
 * rotations' definitions and the calendar (4 January 2027 is a Monday).
 */

/** A schedule of a weekday business-hours rotation and, optionally, an out-of-hours one (24/7 together). */
function schedule(stack: Stack, withNights: boolean, coverage?: { requireFullCoverage: boolean; from: Date; weeks?: number }): OnCallSchedule {
  const staff = lettered(stack, 3);
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
