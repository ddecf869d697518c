import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, Duration, Fn, Stack, Tags, TimeZone, Token, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import {
  ChatChannel,
  Contact,
  ContactChannel,
  DayOfWeek,
  DynamicParameterValue,
  EscalationPlan,
  FoundationEncryption,
  IContact,
  Impact,
  IncidentManagerErrors,
  IncidentManagerFoundation,
  IncidentManagerFoundationProps,
  IncidentManagerKey,
  IncidentManagerShare,
  OnCallSchedule,
  PostIncidentAnalysisTemplate,
  ReplicationSet,
  ResponsePlan,
  ResponsePlanProps,
  Rotation,
  RotationProps,
  RotationRecurrence,
  RotationStart,
  Runbook,
  RunbookTargetAccount,
} from '../src';
import { ACCOUNT, newStack } from './support/stacks';

/*
 * Every rule each construct enforces, as a table: a bad value refused with the exact message, the
 * boundary value accepted, and a value only known at deploy time (a token) passed through. The
 * limits come from the CloudFormation resource schemas in test/support/cfn-schemas and the Incident
 * Manager and SSM Contacts API references, not from the implementation.
 */

interface Case<T> {
  /** What the rule is. */
  readonly rule: string;
  /** A value that breaks it. */
  readonly bad: T;
  /** The whole message. */
  readonly message: string;
  /** The value at the edge of what is allowed. */
  readonly boundary: T;
  /** Whether a string token stands in for the value (false for values that are not strings). */
  readonly token?: boolean;
}

/** Runs the table for one prop: `make` builds the construct with the value in a fresh stack. */
function table<T>(name: string, make: (stack: Stack, value: T) => void, cases: Array<Case<T>>): void {
  describe(name, () => {
    test.each(cases.map((c) => [c.rule, c] as const))('GIVEN %s THEN the bad value is refused with its message', (_rule, c) => {
      // Some rules can only be checked once the app is complete (at synthesis).
      expect(() => {
        const stack = newStack();
        make(stack, c.bad);
        (stack.node.root as App).synth();
      }).toThrow(c.message);
    });
    test.each(cases.map((c) => [c.rule, c] as const))('GIVEN %s THEN the boundary value is accepted', (_rule, c) => {
      const stack = newStack();
      make(stack, c.boundary);
      (stack.node.root as App).synth();
    });
    const tokenCases = cases.filter((c) => c.token !== false && typeof c.boundary === 'string');
    if (tokenCases.length > 0) {
      test.each(tokenCases.map((c) => [c.rule, c] as const))('GIVEN %s THEN a token passes', (_rule, _c) => {
        const stack = newStack();
        make(stack, new CfnParameter(stack, 'Value').valueAsString as unknown as T);
        (stack.node.root as App).synth();
      });
    }
  });
}

const channelOf = (address: string) => ContactChannel.email(address);
const WEST_KEY = kms.Key.fromKeyArn(new Stack(), 'West', `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
const person = (stack: Stack, alias = 'alice') => new Contact(stack, `Person-${alias}`, { alias, displayName: alias });
const people = (stack: Stack, n: number): IContact[] => Array.from({ length: n }, (_, i) => person(stack, `p${i}`));
const weekly = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });
const rotation = (stack: Stack, over: Partial<RotationProps> = {}) =>
  new Rotation(stack, 'Rotation', {
    contacts: over.contacts ?? [person(stack)],
    startTime: RotationStart.fromIsoString('2027-01-04T09:00'),
    timeZone: TimeZone.AMERICA_LOS_ANGELES,
    recurrence: weekly,
    ...over,
  });
const plan = (stack: Stack, over: Partial<ResponsePlanProps> = {}) =>
  new ResponsePlan(stack, 'Plan', { responsePlanName: 'critical', title: 'Checkout is down', impact: Impact.CRITICAL, ...over });

describe('validation tables', () => {
  table<string>('Contact alias (CFN: 1 to 255, ^[a-z0-9_\\-.]*$)', (s, v) => new Contact(s, 'C', { alias: v, displayName: 'Jane' }), [
    { rule: 'upper case', bad: 'Jane', boundary: 'jane_doe-1', message: '`alias` must be lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "Jane") at Stack/C [CONTACT_ALIAS]' },
    { rule: 'length', bad: 'a'.repeat(256), boundary: 'a'.repeat(255), message: `\`alias\` must be 1 to 255 characters long (got "${'a'.repeat(100)}"… (256 characters)) at Stack/C [CONTACT_ALIAS]` },
    { rule: 'empty', bad: '', boundary: 'a', message: '`alias` must be 1 to 255 characters long (got "") at Stack/C [CONTACT_ALIAS]' },
    // SSM Contacts API reference, CreateContact: Alias ^[a-z0-9_\-]*$ (the CloudFormation schema allows a dot).
    { rule: 'a dot, which the API refuses', bad: 'jane.doe', boundary: 'jane-doe', message: '`alias` must be lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "jane.doe") at Stack/C [CONTACT_ALIAS]' },
  ]);

  table<string>('Contact display name (CFN: 1 to 255, ^[a-zA-Z0-9_\\-\\s]*$)', (s, v) => new Contact(s, 'C', { alias: 'jane', displayName: v }), [
    { rule: 'a dot', bad: 'Jane D.', boundary: 'Jane Doe_2-x', message: '`displayName` must be letters, digits, spaces and _ - only (got "Jane D.") at Stack/C [CONTACT_DISPLAY_NAME]' },
    { rule: 'length', bad: 'J'.repeat(256), boundary: 'J'.repeat(255), message: `(got "${'J'.repeat(100)}"… (256 characters)) at Stack/C [CONTACT_DISPLAY_NAME]` },
  ]);

  table<string>('E-mail channel', (s, v) => new Contact(s, 'C', { alias: 'jane', displayName: 'Jane', channels: [channelOf(v)] }), [
    { rule: 'no @', bad: 'jane.example.com', boundary: 'j@e.io', message: '`e-mail address` must be an e-mail address such as jane@example.com (got "jane.example.com") at Stack/C [CHANNEL]' },
  ]);

  table<string>('SMS and voice channels (E.164)', (s, v) => new Contact(s, 'C', { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.sms(v), ContactChannel.voice(v)] }), [
    {
      rule: 'no +',
      bad: '2065550100',
      boundary: '+123456789012345',
      message: '`phone number` must be an E.164 phone number: + and the country code, then the number, 15 digits at most, without spaces (for example +12065550100) (got "2065550100") at Stack/C [CHANNEL]',
    },
    { rule: '16 digits', bad: '+1234567890123456', boundary: '+12', message: '(got "+1234567890123456") at Stack/C [CHANNEL]' },
    { rule: 'a leading zero in the country code', bad: '+0123456', boundary: '+1234567', message: '(got "+0123456") at Stack/C [CHANNEL]' },
  ]);

  table<string>('Channel name (CFN ContactChannel ChannelName, 1 to 255)', (s, v) => new Contact(s, 'C', { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.email('j@example.com', { name: v })] }), [
    { rule: 'a slash', bad: 'home/work', boundary: "Jane's home + work & 2_x-y", message: '`channel name` must be letters, digits, spaces and _ - + \' & only (got "home/work") at Stack/C [CHANNEL]' },
    { rule: 'length', bad: 'n'.repeat(256), boundary: 'n'.repeat(255), message: '(256 characters)) at Stack/C [CHANNEL]' },
  ]);

  table<Duration>('Engagement stage duration (SSM Contacts Stage: 0 to 30 minutes)', (s, v) => {
    const c = channelOf('j@example.com');
    new Contact(s, 'C', { alias: 'jane', displayName: 'Jane', channels: [c], engagementPlan: [{ channels: [c], duration: v }] });
  }, [
    { rule: 'over 30', bad: Duration.minutes(31), boundary: Duration.minutes(30), message: '`engagementPlan[0].duration` must be a whole number of minutes from 0 to 30 (got "31 minutes") at Stack/C [ENGAGEMENT_PLAN]' },
  ]);

  table<Duration>('Engagement stage retry interval (SSM Contacts ChannelTargetInfo: 0 to 60 minutes)', (s, v) => {
    const c = channelOf('j@example.com');
    new Contact(s, 'C', { alias: 'jane', displayName: 'Jane', channels: [c], engagementPlan: [{ channels: [c], retryInterval: v }] });
  }, [
    { rule: 'over 60', bad: Duration.minutes(61), boundary: Duration.minutes(60), message: '`engagementPlan[0].retryInterval` must be a whole number of minutes from 0 to 60 (got "1 hour 1 minute") at Stack/C [ENGAGEMENT_PLAN]' },
  ]);

  table<Duration>('Escalation stage duration (0 to 30 minutes, at least 1 without targets)', (s, v) => {
    new EscalationPlan(s, 'E', { alias: 'esc', displayName: 'Esc', stages: [{ duration: v }] });
  }, [
    { rule: 'a wait of 0', bad: Duration.minutes(0), boundary: Duration.minutes(1), message: '`stages[0].duration` must be a whole number of minutes from 1 to 30 when the stage has no targets (got "0 minutes") at Stack/E [ESCALATION_PLAN]' },
    { rule: 'over 30', bad: Duration.minutes(31), boundary: Duration.minutes(30), message: '(got "31 minutes") at Stack/E [ESCALATION_PLAN]' },
  ]);

  table<string>('Rotation name (CFN: 1 to 255, ^[a-zA-Z0-9_]*$)', (s, v) => rotation(s, { rotationName: v }), [
    { rule: 'a dash', bad: 'primary-weekly', boundary: 'Primary_weekly_1', message: '`rotationName` must be letters, digits and _ only (got "primary-weekly") at Stack/Rotation [ROTATION]' },
    { rule: 'length', bad: 'r'.repeat(256), boundary: 'r'.repeat(255), message: '(256 characters)) at Stack/Rotation [ROTATION]' },
  ]);

  table<string>('Rotation start time (a real date and time)', (s, v) => rotation(s, { startTime: RotationStart.fromIsoString(v) }), [
    { rule: 'February 30', bad: '2027-02-30T09:00', boundary: '2028-02-29T09:00', message: '`startTime` must be a real ISO 8601 date and time such as 2026-01-05T09:00 or 2026-01-05T09:00:00Z (a day that exists in its month, hours 00 to 23) (got "2027-02-30T09:00") at Stack/Rotation [ROTATION_START_TIME]' },
    { rule: 'hour 25', bad: '2027-01-04T25:00', boundary: '2027-01-04T23:59:59', message: '(got "2027-01-04T25:00") at Stack/Rotation [ROTATION_START_TIME]' },
    { rule: 'hour 24', bad: '2027-01-04T24:00', boundary: '2027-01-04T00:00', message: '(got "2027-01-04T24:00") at Stack/Rotation [ROTATION_START_TIME]' },
    { rule: 'month 13', bad: '2027-13-01T09:00', boundary: '2027-12-31T09:00', message: '(got "2027-13-01T09:00") at Stack/Rotation [ROTATION_START_TIME]' },
    { rule: 'an offset of +15:00', bad: '2027-01-04T09:00:00+15:00', boundary: '2027-01-04T09:00:00+14:00', message: '(got "2027-01-04T09:00:00+15:00") at Stack/Rotation [ROTATION_START_TIME]' },
    { rule: 'not ISO 8601', bad: '01/04/2027 09:00', boundary: '2027-01-04T09:00:00Z', message: '(got "01/04/2027 09:00") at Stack/Rotation [ROTATION_START_TIME]' },
  ]);

  table<TimeZone>('Rotation time zone (IANA, no fixed-offset Etc/GMT zones)', (s, v) => rotation(s, { timeZone: v }), [
    { rule: 'Etc/GMT+5', bad: TimeZone.of('Etc/GMT+5'), boundary: TimeZone.ETC_UTC, message: '`timeZone` must be an IANA time zone name such as America/Los_Angeles or UTC, not a fixed-offset Etc/GMT zone (Incident Manager refuses them) (got "Etc/GMT+5") at Stack/Rotation [ROTATION_TIME_ZONE]' },
    { rule: 'an unknown zone', bad: TimeZone.of('Mars/Olympus_Mons'), boundary: TimeZone.of('Asia/Seoul'), message: '`timeZone` must be an IANA time zone name such as America/Los_Angeles or UTC (got "Mars/Olympus_Mons") at Stack/Rotation [ROTATION_TIME_ZONE]' },
  ]);

  table<string>('Hand-off time (CFN HandOffTime: ^([0-9]|0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$)', (s, v) => rotation(s, { recurrence: RotationRecurrence.daily({ handOffTimes: [v] }) }), [
    { rule: '24:00', bad: '24:00', boundary: '23:59', message: '`recurrence.handOffTimes[0]` must be a time HH:MM on a 24-hour clock, 00:00 to 23:59 (got "24:00") at Stack/Rotation [ROTATION_RECURRENCE]' },
    { rule: 'minute 60', bad: '09:60', boundary: '00:00', message: '(got "09:60") at Stack/Rotation [ROTATION_RECURRENCE]' },
  ]);

  table<number>('Day of month (CFN MonthlySetting: 1 to 31)', (s, v) => rotation(s, { recurrence: RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: v, handOffTime: '09:00' }] }) }), [
    { rule: '0', bad: 0, boundary: 1, message: '`recurrence.handOffs[0].dayOfMonth` must be a whole number from 1 to 31 (got 0) at Stack/Rotation [ROTATION_RECURRENCE]' },
    { rule: '32', bad: 32, boundary: 31, message: '(got 32) at Stack/Rotation [ROTATION_RECURRENCE]' },
  ]);

  table<number>('Recurrence multiplier (CFN: 1 to 100)', (s, v) => rotation(s, { recurrence: RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }], recurrenceMultiplier: v }) }), [
    { rule: '101', bad: 101, boundary: 100, message: '`recurrence.recurrenceMultiplier` must be a whole number from 1 to 100 (got 101) at Stack/Rotation [ROTATION_RECURRENCE]' },
    { rule: '0', bad: 0, boundary: 1, message: '(got 0) at Stack/Rotation [ROTATION_RECURRENCE]' },
  ]);

  table<number>('Number of on-calls (at least 1, at most the rotation\'s contacts)', (s, v) =>
    rotation(s, { contacts: people(s, 2), recurrence: RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }], numberOfOnCalls: v }) }), [
    { rule: 'more than the contacts', bad: 3, boundary: 2, message: '`recurrence.numberOfOnCalls` must be a whole number from 1 to 2 (got 3) at Stack/Rotation [ROTATION_RECURRENCE]' },
  ]);

  table<number>('Rotation contacts (CFN ContactIds: 1 to 30)', (s, v) => rotation(s, { contacts: people(s, v) }), [
    { rule: '31', bad: 31, boundary: 30, message: '`contacts` must have 1 to 30 contacts (got "31 contacts") at Stack/Rotation [ROTATION]' },
  ]);

  table<string>('Shift coverage time', (s, v) => rotation(s, { shiftCoverage: [{ day: DayOfWeek.MONDAY, startTime: v, endTime: '17:00' }] }), [
    { rule: '9am', bad: '9am', boundary: '9:00', message: '`shiftCoverage[0].startTime` must be a time HH:MM on a 24-hour clock, 00:00 to 23:59 (got "9am") at Stack/Rotation [SHIFT_COVERAGE]' },
  ]);

  table<number>('On-call schedule rotations (1 to 8)', (s, v) => {
    const schedule = new OnCallSchedule(s, 'S', { alias: 'oncall', displayName: 'On call' });
    const who = person(s);
    for (let i = 0; i < v; i++) {
      schedule.addRotation(new Rotation(s, `R${i}`, { contacts: [who], startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.ETC_UTC, recurrence: weekly }));
    }
  }, [
    { rule: '9', bad: 9, boundary: 8, message: '`rotations` must have 1 to 8 rotations (got "9 rotations") at Stack/S [ON_CALL_SCHEDULE]' },
    { rule: '0', bad: 0, boundary: 1, message: '`rotations` must have 1 to 8 rotations (add one with `rotations` or addRotation) (got "0 rotations") at Stack/S [ON_CALL_SCHEDULE]' },
  ]);

  table<string>('Response plan name (CFN: 1 to 200, ^[a-zA-Z0-9_-]*$)', (s, v) => plan(s, { responsePlanName: v }), [
    { rule: 'a dot', bad: 'checkout.critical', boundary: 'Checkout_critical-1', message: '`responsePlanName` must be letters, digits, _ and - only (got "checkout.critical") at Stack/Plan [RESPONSE_PLAN_NAME]' },
    { rule: 'length', bad: 'p'.repeat(201), boundary: 'p'.repeat(200), message: '(201 characters)) at Stack/Plan [RESPONSE_PLAN_NAME]' },
  ]);

  table<string>('Response plan display name (1 to 200)', (s, v) => plan(s, { displayName: v }), [
    { rule: 'length', bad: 'd'.repeat(201), boundary: 'd'.repeat(200), message: '`displayName` must be 1 to 200 characters long' },
  ]);
  table<string>('Incident title (0 to 200)', (s, v) => plan(s, { title: v }), [
    { rule: 'length', bad: 't'.repeat(201), boundary: 't'.repeat(200), message: '`title` must be 0 to 200 characters long' },
  ]);
  table<string>('Incident summary (1 to 4000)', (s, v) => plan(s, { summary: v }), [
    { rule: 'length', bad: 's'.repeat(4001), boundary: 's'.repeat(4000), message: '`summary` must be 1 to 4000 characters long' },
  ]);
  table<string>('Dedupe string (1 to 1000)', (s, v) => plan(s, { dedupeString: v }), [
    { rule: 'length', bad: 'x'.repeat(1001), boundary: 'x'.repeat(1000), message: '`dedupeString` must be 1 to 1000 characters long' },
  ]);

  table<string>('Incident tag key (API and CFN)', (s, v) => plan(s, { incidentTags: { [v]: 'x' } }), [
    { rule: 'a space', bad: 'team lead', boundary: 'team:lead/on_call=1.x+y-z', message: '`incidentTags key` must be letters, digits and _ = : . + - / only, not starting with aws: (got "team lead") at Stack/Plan [INCIDENT_TEMPLATE]', token: false },
    { rule: 'aws: prefix', bad: 'aws:team', boundary: 'awsteam', message: '(got "aws:team") at Stack/Plan [INCIDENT_TEMPLATE]', token: false },
  ]);
  table<string>('Incident tag value (API: ^[A-Za-z0-9 _=@:.+-/]*$, CFN: 1 to 256)', (s, v) => plan(s, { incidentTags: { team: v } }), [
    { rule: 'a comma', bad: 'a,b', boundary: 'Payments team @ HQ: a/b=c+d-e.f_g', message: '`incidentTags["team"]` must be letters, digits, spaces and _ = @ : . + - / only (got "a,b") at Stack/Plan [INCIDENT_TEMPLATE]' },
    { rule: 'length', bad: 'v'.repeat(257), boundary: 'v'.repeat(256), message: '`incidentTags["team"]` must be 1 to 256 characters long' },
  ]);
  table<number>('Incident tags (at most 50)', (s, v) => plan(s, { incidentTags: Object.fromEntries(Array.from({ length: v }, (_, i) => [`k${i}`, 'v'])) }), [
    { rule: '51', bad: 51, boundary: 50, message: '`incidentTags` must have 0 to 50 tags (got "51 tags") at Stack/Plan [INCIDENT_TEMPLATE]' },
  ]);
  table<number>('Notification topics (at most 10)', (s, v) => plan(s, { notificationTopics: Array.from({ length: v }, (_, i) => new sns.Topic(s, `T${i}`)) }), [
    { rule: '11', bad: 11, boundary: 10, message: '`notificationTopics` must have 0 to 10 topics (got "11 topics") at Stack/Plan [TOPIC]' },
  ]);
  table<number>('Engagements (at most 5)', (s, v) => plan(s, { engagements: people(s, v) }), [
    { rule: '6', bad: 6, boundary: 5, message: '`engagements` must have at most 5 contacts (got "6 contacts") at Stack/Plan [RESPONSE_PLAN_ENGAGEMENTS]' },
  ]);

  table<string>('Runbook document version ($DEFAULT, $LATEST or a version number)', (s, v) => plan(s, { runbook: { runbook: Runbook.fromDocumentName('Restart'), documentVersion: v } }), [
    { rule: 'v2', bad: 'v2', boundary: '$LATEST', message: '`runbook.documentVersion` must be $DEFAULT, $LATEST or a version number (1, 2, ...) (got "v2") at Stack/Plan [RUNBOOK]' },
    { rule: '0', bad: '0', boundary: '1', message: '(got "0") at Stack/Plan [RUNBOOK]' },
  ]);
  table<string>('Runbook document name (3 to 128, not reserved for your own documents)', (s, v) => plan(s, { runbook: { runbook: Runbook.fromDocumentName(v) } }), [
    { rule: 'two characters', bad: 'ab', boundary: 'abc', message: '`runbook document name` must be 3 to 128 letters, digits and _ - . : / (got "ab") at Stack/Plan [RUNBOOK]' },
    { rule: 'an AWS prefix', bad: 'AWS-RestartEC2Instance', boundary: 'Restart-AWS', message: '`Runbook.fromDocumentName` must name a document of your account; names that begin with aws, amazon or amzn are AWS\'s own documents: use Runbook.awsOwned (got "AWS-RestartEC2Instance") at Stack/Plan [RUNBOOK]' },
  ]);
  table<string>('AWS-owned runbook name', (s, v) => plan(s, { runbook: { runbook: Runbook.awsOwned(v) } }), [
    { rule: 'not AWS\'s', bad: 'RestartCheckout', boundary: 'AmazonCloudWatch-ManageAgent', message: '`Runbook.awsOwned` must name a document AWS owns (their names begin with AWS or Amazon); for a document of your account use Runbook.fromDocumentName (got "RestartCheckout") at Stack/Plan [RUNBOOK]' },
  ]);
  table<number>('Runbook parameters (at most 200)', (s, v) => plan(s, { runbook: { runbook: Runbook.fromDocumentName('Restart'), parameters: Object.fromEntries(Array.from({ length: v }, (_, i) => [`P${i}`, ['x']])) } }), [
    { rule: '201', bad: 201, boundary: 200, message: '`runbook.parameters` must have 0 to 200 parameters (got "201 parameters") at Stack/Plan [RUNBOOK_PARAMETERS]' },
  ]);
  table<number>('Values of a runbook parameter (1 to 10)', (s, v) => plan(s, { runbook: { runbook: Runbook.fromDocumentName('Restart'), parameters: { P: Array(v).fill('x') } } }), [
    { rule: '11', bad: 11, boundary: 10, message: '`runbook.parameters["P"]` must have 1 to 10 values (got "11 values") at Stack/Plan [RUNBOOK_PARAMETERS]' },
    // The API accepts an empty list, which would start the runbook without a value at every incident (library decision).
    { rule: 'none', bad: 0, boundary: 1, message: '`runbook.parameters["P"]` must have 1 to 10 values (got "0 values") at Stack/Plan [RUNBOOK_PARAMETERS]' },
  ]);
  table<string>('Runbook parameter name (1 to 50)', (s, v) => plan(s, { runbook: { runbook: Runbook.fromDocumentName('Restart'), dynamicParameters: { [v]: DynamicParameterValue.INCIDENT_RECORD_ARN } } }), [
    { rule: '51 characters', bad: 'p'.repeat(51), boundary: 'p'.repeat(50), message: '`runbook.dynamicParameters name` must be 1 to 50 characters long', token: false },
  ]);
  table<string>('Impacted account IDs (12 digits)', (s, v) => plan(s, { runbook: { runbook: Runbook.fromDocumentName('Restart'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts: [v] } }), [
    { rule: '11 digits', bad: '44445555666', boundary: '444455556666', message: '`impactedAccounts[0]` must be a 12-digit account ID (got "44445555666") at Stack/Plan/RunbookRole [RUNBOOK_ROLE]' },
  ]);

  test.each<[string, string[], string]>([
    ['an empty list', [], '`impactedAccounts` must have at least 1 account (got "0 accounts") at Stack/Plan/RunbookRole [RUNBOOK_ROLE]'],
    ['an account twice', ['444455556666', '444455556666'], '`impactedAccounts` must name each account once (got "444455556666") at Stack/Plan/RunbookRole [RUNBOOK_ROLE]'],
  ])('GIVEN impacted accounts as %s THEN they are refused (an empty list is not "any account")', (_name, impactedAccounts, message) => {
    expect(() => plan(newStack(), { runbook: { runbook: Runbook.fromDocumentName('Restart'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts } })).toThrow(message);
  });

  test('GIVEN a runbook role of another account THEN it is refused', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Theirs', 'arn:aws:iam::444455556666:role/runbook');
    expect(() => plan(stack, { runbook: { runbook: Runbook.fromDocumentName('Restart'), role } })).toThrow(
      "`runbook.role` must be a role of the plan's account 111122223333: Incident Manager starts the runbook with a role of the plan's own account (to run in another account, use RunbookTargetAccount.IMPACTED_ACCOUNT) (got \"arn:aws:iam::444455556666:role/runbook\") at Stack/Plan [RUNBOOK_ROLE]",
    );
  });

  table<string>('Key description (KMS CreateKey: up to 8,192 characters)', (s, v) => new IncidentManagerKey(s, 'Key', { description: v }), [
    { rule: 'too long', bad: 'd'.repeat(8193), boundary: 'd'.repeat(8192), message: '`description` must be 0 to 8192 characters long' },
  ]);

  table<number>('Replication set Regions (CFN: 1 to 3)', (s, v) => new ReplicationSet(s, 'Set', { regions: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'].slice(0, v).map((region) => ({ region })) }), [
    { rule: '4', bad: 4, boundary: 3, message: '`regions` must have 1 to 3 Regions (got "4 Regions") at Stack/Set [REPLICATION_SET_REGIONS]' },
    { rule: '0', bad: 0, boundary: 1, message: '(got "0 Regions") at Stack/Set [REPLICATION_SET_REGIONS]' },
  ]);
  table<string>('Replication set Region name', (s, v) => new ReplicationSet(s, 'Set', { regions: [{ region: v }, { region: 'us-west-2' }] }), [
    { rule: 'no number', bad: 'us-east', boundary: 'ap-southeast-2', message: '`regions[0].region` must be a Region name such as us-east-1 (got "us-east") at Stack/Set [REPLICATION_SET_REGIONS]' },
  ]);

  table<string>('Key alias (KMS CreateAlias: letters, digits, / _ -; not alias/aws/)', (s, v) => new IncidentManagerKey(s, 'Key', { alias: v }), [
    { rule: 'a space', bad: 'incident manager', boundary: 'alias/incident-manager/prod_1', message: '`alias` must be letters, digits and / _ - after alias/ (got "incident manager") at Stack/Key [KEY]' },
    { rule: 'the AWS namespace', bad: 'alias/aws/incidents', boundary: 'alias/awsx/incidents', message: '`alias` must not be in the alias/aws/ namespace, which AWS reserves for AWS managed keys (got "alias/aws/incidents") at Stack/Key [KEY]' },
  ]);
  table<Duration>('Key pending window (KMS ScheduleKeyDeletion: 7 to 30 days)', (s, v) => new IncidentManagerKey(s, 'Key', { pendingWindow: v }), [
    { rule: '6 days', bad: Duration.days(6), boundary: Duration.days(7), message: '`pendingWindow` must be a whole number of days from 7 to 30 (got "6 days") at Stack/Key [KEY]' },
    { rule: '31 days', bad: Duration.days(31), boundary: Duration.days(30), message: '(got "31 days") at Stack/Key [KEY]' },
  ]);

  table<string>('Share account IDs (12 digits)', (s, v) => new IncidentManagerShare(s, 'Share', { responsePlans: [plan(s)], accounts: [v] }), [
    { rule: '11 digits', bad: '44445555666', boundary: '444455556666', message: '`accounts[]` must be a 12-digit account ID (got "44445555666") at Stack/Share [SHARE]' },
  ]);

  table<string>('Analysis template name (3 to 128, not reserved)', (s, v) => new PostIncidentAnalysisTemplate(s, 'A', { templateName: v, content: { schemaVersion: '1.0', sections: [{ id: 'overview', name: 'Overview', components: [] }] } }), [
    { rule: 'an amzn prefix', bad: 'Amzn-analysis', boundary: 'analysis-amzn', message: '`templateName` must not begin with aws, amazon or amzn (in any case): Systems Manager reserves those names (got "Amzn-analysis") at Stack/A [ANALYSIS_TEMPLATE]' },
    { rule: 'a slash', bad: 'team/analysis', boundary: 'team_analysis-1.0', message: '`templateName` must be 3 to 128 letters, digits and _ - . (got "team/analysis") at Stack/A [ANALYSIS_TEMPLATE]' },
  ]);
  // The content as JSON is `v` bytes: the description fills what the other fields leave.
  const sections = [{ id: 'overview', name: 'Overview', components: [] }];
  const sized = (bytes: number) => ({ schemaVersion: '1.0', sections, description: 'x'.repeat(bytes - JSON.stringify({ schemaVersion: '1.0', sections, description: '' }).length) });
  table<number>('Analysis template content (Systems Manager documents: 64 KB)', (s, v) => new PostIncidentAnalysisTemplate(s, 'A', { content: sized(v) }), [
    { rule: 'one byte over', bad: 64 * 1024 + 1, boundary: 64 * 1024, message: '`content` must be at most 65536 bytes, the size limit of a Systems Manager document (got "65537 bytes") at Stack/A [ANALYSIS_TEMPLATE]' },
  ]);
  table<any>('Analysis template content (an object)', (s, v) => new PostIncidentAnalysisTemplate(s, 'A', { content: v }), [
    { rule: 'a string', bad: '{"sections":[]}', boundary: { schemaVersion: '1.0', sections }, message: '`content` must be the template document as an object (its JSON, parsed) (got "a string") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    {
      rule: 'the whole GetDocument response',
      bad: { Name: 'AWSIncidents-PostIncidentAnalysisTemplate', DocumentFormat: 'JSON', Content: '{"sections":[]}' },
      boundary: JSON.parse(JSON.stringify({ schemaVersion: '1.0', sections })),
      message: '`content` must be the template itself: JSON.parse(response.Content), not the whole GetDocument response (got "a GetDocument response (with Content, Name, DocumentFormat)") at Stack/A [ANALYSIS_TEMPLATE]',
      token: false,
    },
    // Every Systems Manager document names its schemaVersion (Systems Manager user guide, "Data elements and parameters").
    { rule: 'no schemaVersion', bad: { sections }, boundary: { schemaVersion: '1.0', sections }, message: '`content.schemaVersion` must be given as a string: the schemaVersion of AWSIncidents-PostIncidentAnalysisTemplate\'s content, which every Systems Manager document names (got nothing) at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    { rule: 'no section', bad: { schemaVersion: '1.0', sections: [] }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections` must be a non-empty list of sections, as in AWSIncidents-PostIncidentAnalysisTemplate (got "an empty list") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    { rule: 'sections not a list', bad: { schemaVersion: '1.0', sections: { id: 'overview' } }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections` must be a non-empty list of sections, as in AWSIncidents-PostIncidentAnalysisTemplate (got "object") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    { rule: 'a section without a name', bad: { schemaVersion: '1.0', sections: [{ id: 'overview' }] }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections[0]` must be a section with a string `id` and `name`, as in AWSIncidents-PostIncidentAnalysisTemplate', token: false },
    { rule: 'components not a list', bad: { schemaVersion: '1.0', sections: [{ id: 'a', name: 'A', components: {} }] }, boundary: { schemaVersion: '1.0', sections }, message: '`content.sections[0].components` must be a list of components (got "object") at Stack/A [ANALYSIS_TEMPLATE]', token: false },
    {
      rule: 'a section id twice',
      bad: { schemaVersion: '1.0', sections: [...sections, { id: 'overview', name: 'Again', components: [] }] },
      boundary: { schemaVersion: '1.0', sections: [...sections, { id: 'questions', name: 'Incident questions', components: [] }] },
      message: '`content.sections[1]` must have an id no other section has (got "overview") at Stack/A [ANALYSIS_TEMPLATE]',
      token: false,
    },
  ]);
});

describe('list tokens pass where lists are expected', () => {
  test('GIVEN a CommaDelimitedList and Fn.split for share principals and impacted accounts THEN synthesis works and the lists are expanded at deploy', () => {
    const stack = newStack();
    const accounts = new CfnParameter(stack, 'Accounts', { type: 'CommaDelimitedList' }).valueAsList;
    const ous = Fn.split(',', new CfnParameter(stack, 'Ous').valueAsString);
    const p = plan(stack, { runbook: { runbook: Runbook.fromDocumentName('Restart'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts: accounts } });
    new IncidentManagerShare(stack, 'Share', { responsePlans: [p], accounts: ['444455556666', ...Token.asList(accounts)], organizationalUnitArns: ous });
    const template = (stack.node.root as App).synth().getStackByName(stack.stackName).template;
    const share = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::RAM::ResourceShare');
    expect(share.Properties.Principals).toEqual({
      'Fn::Split': [',', { 'Fn::Join': [',', ['444455556666', { 'Fn::Join': [',', { Ref: 'Accounts' }] }, { 'Fn::Join': [',', { 'Fn::Split': [',', { Ref: 'Ous' }] }] }]] }],
    });
    const policy = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r).includes('sts:AssumeRole'));
    const assume = policy.Properties.PolicyDocument.Statement.find((st: any) => st.Action === 'sts:AssumeRole');
    expect(JSON.stringify(assume.Resource)).toContain('"Fn::Split":["|"');
    expect(JSON.stringify(assume.Resource)).toContain('{"Ref":"Accounts"}');
  });

  test('GIVEN a token channel name THEN the contact synthesizes (the channel is numbered in its id)', () => {
    const stack = newStack();
    const name = new CfnParameter(stack, 'Name').valueAsString;
    new Contact(stack, 'C', { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.email('j@example.com', { name }), ContactChannel.sms('+12065550100', { name })] });
    const ids = Object.keys((stack.node.root as App).synth().getStackByName(stack.stackName).template.Resources);
    expect(ids.filter((id) => id.startsWith('CChannel'))).toHaveLength(2);
  });
});

describe('uniqueness across the app', () => {
  const twoStacks = (regionB = 'us-east-1') => {
    const app = new App();
    return [
      new Stack(app, 'A', { env: { account: ACCOUNT, region: 'us-east-1' } }),
      new Stack(app, 'B', { env: { account: ACCOUNT, region: regionB } }),
      new Stack(app, 'Other', { env: { account: '444455556666', region: 'us-east-1' } }),
    ] as const;
  };

  test('GIVEN a contact alias in two stacks of one account and Region THEN the second is refused; another Region or account may reuse it', () => {
    const [a, b, other] = twoStacks();
    new Contact(a, 'Alice', { alias: 'alice', displayName: 'Alice' });
    expect(() => new EscalationPlan(b, 'Alice', { alias: 'alice', displayName: 'Alice' })).toThrow(
      '`alias` must be unique in account 111122223333 and Region us-east-1 across the app (A/Alice uses it too) (got "alice") at B/Alice [CONTACT_ALIAS_UNIQUE]',
    );
    new Contact(other, 'Alice', { alias: 'alice', displayName: 'Alice' });
    const [, west] = twoStacks('us-west-2');
    new Contact(west, 'Alice', { alias: 'alice', displayName: 'Alice' });
  });

  test('GIVEN a response plan name in two stacks of one account, even in two Regions THEN the second is refused', () => {
    const [a, b] = twoStacks('us-west-2');
    plan(a);
    expect(() => plan(b)).toThrow('`responsePlanName` must be unique in account 111122223333 across the app (A/Plan uses it too) (got "critical") at B/Plan [RESPONSE_PLAN_NAME_UNIQUE]');
  });

  test('GIVEN replication sets in two stacks of one account, in two Regions THEN the second is refused', () => {
    const [a, b, other] = twoStacks('us-west-2');
    new ReplicationSet(a, 'Set', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }] });
    new ReplicationSet(other, 'Set', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }] });
    expect(() => new ReplicationSet(b, 'Set', { regions: [{ region: 'us-west-2' }, { region: 'us-east-1' }] })).toThrow(
      'an account must have one replication set (in every stack and Region of the app): import the existing one with ReplicationSet.fromReplicationSetArn (got "a second replication set; the first is A/Set") at B/Set [REPLICATION_SET_SINGLETON]',
    );
  });

  test('GIVEN a plan, a contact or an account named twice in a share THEN it is refused', () => {
    const stack = newStack();
    const p = plan(stack);
    const alice = person(stack);
    const share = new IncidentManagerShare(stack, 'Share', { responsePlans: [p], contacts: [alice], accounts: ['444455556666'] });
    expect(() => share.addResponsePlan(p)).toThrow('`responsePlans` must name each response plan, contact and principal once (got "critical") at Stack/Share [SHARE]');
    expect(() => share.addContact(alice)).toThrow('`contacts` must name each response plan, contact and principal once (got "alice") at Stack/Share [SHARE]');
    expect(() => share.addAccount('444455556666')).toThrow('`accounts` must name each response plan, contact and principal once (got "444455556666") at Stack/Share [SHARE]');
  });

  test('GIVEN token aliases in two stacks THEN nothing is claimed', () => {
    const [a, b] = twoStacks();
    new Contact(a, 'C', { alias: new CfnParameter(a, 'Alias').valueAsString, displayName: 'x' });
    new Contact(b, 'C', { alias: new CfnParameter(b, 'Alias').valueAsString, displayName: 'x' });
  });
});

describe('chat channel', () => {
  test('GIVEN a FIFO topic THEN it is refused', () => {
    const stack = newStack();
    expect(() => new ChatChannel(stack, 'Chat', { topic: new sns.Topic(stack, 'T', { fifo: true, topicName: 'chat' }) })).toThrow('[TOPIC]');
  });
});

describe('tags that reach resources of this library', () => {
  test('GIVEN an organization-wide tag key with a colon THEN synthesis names the tag and the contact', () => {
    const stack = newStack();
    person(stack);
    Tags.of(stack.node.root).add('acme:cost-center', '1234');
    expect(() => (stack.node.root as App).synth()).toThrow(
      'the key of the tag "acme:cost-center" of Stack/Person-alice/Resource (AWS::SSMContacts::Contact) must be 1 to 128 letters, digits and _ + = - \\ / (no : . or spaces); ' +
        'a tag added with Tags.of(scope) reaches every resource below scope: leave this type out with `excludeResourceTypes` (got "acme:cost-center") at Stack/Person-alice [TAGS]',
    );
  });

  test('GIVEN the same tag excluded from the SSM Contacts types THEN it reaches the response plan, whose alphabet allows it', () => {
    const stack = newStack();
    person(stack);
    plan(stack);
    Tags.of(stack.node.root).add('acme:cost-center', '1234', { excludeResourceTypes: ['AWS::SSMContacts::Contact', 'AWS::SSMContacts::Rotation'] });
    (stack.node.root as App).synth();
  });

  test.each<[string, (s: Stack) => IConstruct, string, string, string]>([
    ['a rotation value with a comma', (s) => rotation(s), 'team', 'a,b', 'the value of the tag "team" of Stack/Rotation/Resource (AWS::SSMContacts::Rotation) must be up to 256 letters, digits, spaces and _ . : / = + - @'],
    ['an empty response plan value', (s) => plan(s), 'team', '', 'the value of the tag "team" of Stack/Plan/Resource (AWS::SSMIncidents::ResponsePlan) must be 1 to 256 characters'],
    ['a response plan key with a space', (s) => plan(s), 'cost center', 'x', 'the key of the tag "cost center" of Stack/Plan/Resource (AWS::SSMIncidents::ResponsePlan) must be 1 to 128 letters, digits and _ . : / + - = (not starting with aws:)'],
    ['a replication set key of AWS', (s) => new ReplicationSet(s, 'Set', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }] }), 'aws:owner', 'x', 'the key of the tag "aws:owner" of Stack/Set/Resource (AWS::SSMIncidents::ReplicationSet)'],
  ])('GIVEN %s THEN synthesis refuses it', (_name, define, key, value, message) => {
    const stack = newStack();
    Tags.of(define(stack)).add(key, value);
    expect(() => (stack.node.root as App).synth()).toThrow(message);
  });

  test('GIVEN tag values that are tokens THEN they pass', () => {
    const stack = newStack();
    person(stack);
    plan(stack);
    Tags.of(stack).add('team', new CfnParameter(stack, 'Team').valueAsString);
    (stack.node.root as App).synth();
  });
});

describe('foundation props that would be silently ignored', () => {
  const base = { regions: ['us-east-1', 'us-west-2'], encryption: FoundationEncryption.AWS_OWNED_KEY };
  test.each<[string, Partial<IncidentManagerFoundationProps>, string]>([
    ['callAfter without voice', { contacts: [{ alias: 'a', displayName: 'A', email: 'a@example.com', callAfter: Duration.minutes(2) }] }, '`contacts[0].callAfter` must be given only with `voice` (it is how long Incident Manager waits before it calls) (got "2 minutes") at Stack/IM [FOUNDATION]'],
    ['callAfter with voice only', { contacts: [{ alias: 'a', displayName: 'A', voice: '+12065550100', callAfter: Duration.minutes(2) }] }, '`contacts[0].callAfter` must be given only with `email` or `sms` as well (it is the wait after those before the call) (got "2 minutes") at Stack/IM [FOUNDATION]'],
    ['a key for a Region not in regions', { encryption: undefined, regionKeys: { 'us-west-2': WEST_KEY, 'eu-west-1': WEST_KEY } }, '`regionKeys` must name only Regions of `regions` (us-east-1, us-west-2) (got ["eu-west-1"]) at Stack/IM [FOUNDATION]'],
    ['keys with the AWS owned key', { regionKeys: { 'us-west-2': WEST_KEY } }, '`regionKeys` must be left out with `encryption: FoundationEncryption.AWS_OWNED_KEY` (an AWS owned key needs no key) (got ["us-west-2"]) at Stack/IM [FOUNDATION]'],
    ['useChatChannel without a chat channel', { responsePlans: [{ responsePlanName: 'p', title: 't', impact: Impact.LOW, useChatChannel: true }] }, '`responsePlans[0].useChatChannel` must be left out unless the foundation has a chat channel (`chatChannel` or `existingChatChannel`) (got true) at Stack/IM [FOUNDATION]'],
  ])('GIVEN %s THEN it is refused', (_name, over, message) => {
    const stack = newStack();
    expect(() => new IncidentManagerFoundation(stack, 'IM', { ...base, ...over })).toThrow(message);
  });

  test('GIVEN regions with an existing replication set THEN it is refused', () => {
    const stack = newStack();
    const existing = ReplicationSet.fromReplicationSetArn(stack, 'Existing', `arn:aws:ssm-incidents::${ACCOUNT}:replication-set/abc`);
    expect(() => new IncidentManagerFoundation(stack, 'IM', { existingReplicationSet: existing, regions: ['us-east-1'] })).toThrow(
      '`regions` must be left out with `existingReplicationSet` (they configure the replication set the foundation would create) (got ["us-east-1"]) at Stack/IM [FOUNDATION]',
    );
  });

  test('GIVEN a bad phone number of a foundation contact THEN the error names the foundation prop', () => {
    const stack = newStack();
    expect(() => new IncidentManagerFoundation(stack, 'IM', { ...base, contacts: [{ alias: 'a', displayName: 'A', sms: '206 555 0100' }] })).toThrow(
      /^in `contacts\[0\]` of the foundation Stack\/IM: `phone number` must be an E\.164 phone number.*\(got "206 555 0100"\) at Stack\/IM\/Contact-a \[CHANNEL\]$/,
    );
  });
});

describe('props that only half apply', () => {
  test('GIVEN an automation assume role with a role of the user THEN a warning says what the role needs', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Mine', `arn:aws:iam::${ACCOUNT}:role/mine`);
    const assume = iam.Role.fromRoleArn(stack, 'Assume', `arn:aws:iam::${ACCOUNT}:role/automation`);
    plan(stack, { runbook: { runbook: Runbook.fromDocumentName('Restart'), role, automationAssumeRole: assume } });
    Annotations.fromStack(stack).hasWarning('/Stack/Plan', Match.stringLikeRegexp('allow it iam:PassRole on arn:aws:iam::111122223333:role/automation'));
  });
});

describe('IncidentManagerErrors', () => {
  test('GIVEN an error of this library, its message, or another error THEN the guard and the code tell them apart', () => {
    let caught: unknown;
    try {
      new Contact(newStack(), 'C', { alias: 'Jane', displayName: 'Jane' });
    } catch (e) {
      caught = e;
    }
    expect(IncidentManagerErrors.isValidationError(caught)).toBe(true);
    expect(IncidentManagerErrors.codeOf(caught)).toEqual('CONTACT_ALIAS');
    expect(IncidentManagerErrors.codeOf((caught as Error).message)).toEqual('CONTACT_ALIAS');
    expect(IncidentManagerErrors.isValidationError(new Error('boom [NOT_A_CODE]'))).toBe(false);
    expect(IncidentManagerErrors.codeOf(new Error('boom'))).toBeUndefined();
    expect(IncidentManagerErrors.codeOf(undefined)).toBeUndefined();
  });

  test('GIVEN a check that runs at synthesis THEN it throws the same error, with its code', () => {
    const stack = newStack();
    new EscalationPlan(stack, 'E', { alias: 'esc', displayName: 'Esc' });
    let caught: unknown;
    try {
      (stack.node.root as App).synth();
    } catch (e) {
      caught = e;
    }
    expect(IncidentManagerErrors.codeOf(caught)).toEqual('ESCALATION_PLAN');
  });

  test('GIVEN the README THEN its table lists every code with its rule, and nothing else', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');
    const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(rows)).toEqual(IncidentManagerErrors.allCodes());
  });

  test('GIVEN the source THEN every code it throws is a listed code', () => {
    const codes = new Set(Object.keys(IncidentManagerErrors.allCodes()));
    const used = new Set<string>();
    for (const dir of ['src', path.join('src', 'private'), path.join('src', 'foundation')]) {
      for (const file of fs.readdirSync(path.join(__dirname, '..', dir)).filter((f) => f.endsWith('.ts') && f !== 'codes.ts')) {
        const text = fs.readFileSync(path.join(__dirname, '..', dir, file), 'utf-8');
        for (const m of text.matchAll(/'([A-Z][A-Z_]+)'/g)) {
          if (codes.has(m[1])) used.add(m[1]);
        }
      }
    }
    expect([...codes].filter((c) => !used.has(c))).toEqual([]);
  });
});

describe('analysis template content without sections', () => {
  test('GIVEN content without sections THEN synthesis warns (the format is not published beyond AWS\'s template) but passes', () => {
    const stack = newStack();
    new PostIncidentAnalysisTemplate(stack, 'A', { content: { schemaVersion: '1.0' } });
    Annotations.fromStack(stack).hasWarning('/Stack/A', Match.stringLikeRegexp('The content has no `sections`.*PostIncidentAnalysisTemplate.noSections'));
  });
});
