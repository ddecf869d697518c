import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, CfnResource, Duration, Fn, RemovalPolicy, Stack, Tags, TimeZone, Token, aws_chatbot as chatbot, aws_events as events, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
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
  ResponsePlanTarget,
  Rotation,
  RotationProps,
  RotationRecurrence,
  RotationStart,
  Runbook,
  RunbookExecutionRole,
  RunbookTargetAccount,
} from '../src';
import { plan } from './support/fixtures';
import { ACCOUNT, newStack } from './support/stacks';
import { table } from './support/tables';

/*
 * Every rule each construct enforces, as a table: a bad value refused with the exact message, the
 * boundary value accepted, and a value only known at deploy time (a token) passed through. The
 * limits come from the CloudFormation resource schemas in test/support/cfn-schemas and the Incident
 * Manager and SSM Contacts API references, not from the implementation.
 */

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
    { rule: 'a slash', bad: 'home/work', boundary: "Jane's home + work & 2_x-y", message: '`channel name` must be letters, digits, spaces and _ . - + \' & only (got "home/work") at Stack/C [CHANNEL]' },
    // The API takes letters of any language and dots (CreateContactChannel Name: ^[\p{L}\p{Z}\p{N}_.\-]*$).
    { rule: 'an @', bad: 'zoe@work', boundary: 'Téléphone de Zoë.pro', message: '`channel name` must be letters, digits, spaces and _ . - + \' & only (got "zoe@work") at Stack/C [CHANNEL]' },
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

  table<number>('On-call schedule rotations (up to 8; none synthesizes with a warning)', (s, v) => {
    const schedule = new OnCallSchedule(s, 'S', { alias: 'oncall', displayName: 'On call' });
    const who = person(s);
    for (let i = 0; i < v; i++) {
      schedule.addRotation(new Rotation(s, `R${i}`, { contacts: [who], startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.ETC_UTC, recurrence: weekly }));
    }
  }, [
    { rule: '9', bad: 9, boundary: 8, message: '`rotations` must have at most 8 rotations (got "9 rotations") at Stack/S [ON_CALL_SCHEDULE]' },
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
    // A share without resources fails when the app synthesizes (resources may be added until then).
    new IncidentManagerShare(stack, 'Share');
    let caught: unknown;
    try {
      (stack.node.root as App).synth();
    } catch (e) {
      caught = e;
    }
    expect(IncidentManagerErrors.codeOf(caught)).toEqual('SHARE');
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

describe('RemovalPolicy.SNAPSHOT on Incident Manager resources', () => {
  // CloudFormation takes DeletionPolicy Snapshot only for volume and database types (cfn-lint E3035).
  const ALLOWED = 'be RemovalPolicy.RETAIN (the default), RETAIN_ON_UPDATE_OR_DELETE or DESTROY';
  test.each<[string, (stack: Stack, removalPolicy: RemovalPolicy) => void, string, string]>([
    ['a contact', (s, removalPolicy) => new Contact(s, 'C', { alias: 'jane', displayName: 'Jane', removalPolicy }), 'AWS::SSMContacts::Contact', 'Stack/C'],
    ['an escalation plan', (s, removalPolicy) => new EscalationPlan(s, 'E', { alias: 'esc', displayName: 'Esc', stages: [{ duration: Duration.minutes(5), targets: [{ contact: person(s) }] }], removalPolicy }), 'AWS::SSMContacts::Contact', 'Stack/E'],
    ['an on-call schedule', (s, removalPolicy) => new OnCallSchedule(s, 'O', { alias: 'oncall', displayName: 'On call', rotations: [rotation(s)], removalPolicy }), 'AWS::SSMContacts::Contact', 'Stack/O'],
    ['a rotation', (s, removalPolicy) => rotation(s, { removalPolicy }), 'AWS::SSMContacts::Rotation', 'Stack/Rotation'],
    ['a replication set', (s, removalPolicy) => new ReplicationSet(s, 'R', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }], deletionProtection: false, removalPolicy }), 'AWS::SSMIncidents::ReplicationSet', 'Stack/R'],
    ['an analysis template', (s, removalPolicy) => new PostIncidentAnalysisTemplate(s, 'A', { content: { schemaVersion: '1.0', sections: [{ id: 'overview', name: 'Overview', components: [] }] }, removalPolicy }), 'AWS::SSM::Document', 'Stack/A'],
  ])('GIVEN %s with RemovalPolicy.SNAPSHOT THEN it is refused', (_name, make, type, where) => {
    expect(() => make(newStack(), RemovalPolicy.SNAPSHOT)).toThrow(
      `\`removalPolicy\` must ${ALLOWED}: CloudFormation cannot snapshot ${type} (cfn-lint E3035) (got "RemovalPolicy.SNAPSHOT") at ${where} [REMOVAL_POLICY]`,
    );
    const stack = newStack();
    make(stack, RemovalPolicy.DESTROY);
    (stack.node.root as App).synth();
  });

  test('GIVEN SNAPSHOT applied later (applyRemovalPolicy, RemovalPolicies) THEN synthesis fails with the resource', () => {
    const stack = newStack();
    const contact = new Contact(stack, 'C', { alias: 'jane', displayName: 'Jane', channels: [channelOf('jane@example.com')] });
    contact.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    expect(() => (stack.node.root as App).synth()).toThrow(
      `the removal policy of Stack/C/Resource must ${ALLOWED}: CloudFormation cannot snapshot AWS::SSMContacts::Contact (cfn-lint E3035) (got "RemovalPolicy.SNAPSHOT") at Stack/C [REMOVAL_POLICY]`,
    );
    const other = newStack();
    const channelled = new Contact(other, 'C', { alias: 'jane', displayName: 'Jane', channels: [channelOf('jane@example.com')] });
    (channelled.node.findChild('ChannelEmail') as CfnResource).applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    expect(() => (other.node.root as App).synth()).toThrow('the removal policy of Stack/C/ChannelEmail must');
    const third = newStack();
    plan(third).applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    expect(() => (third.node.root as App).synth()).toThrow(
      `the removal policy of Stack/Plan/Resource must ${ALLOWED}: CloudFormation cannot snapshot AWS::SSMIncidents::ResponsePlan (cfn-lint E3035) (got "RemovalPolicy.SNAPSHOT") at Stack/Plan [REMOVAL_POLICY]`,
    );
  });
});

/*
 * Bad input as JavaScript or another jsii language passes it: jsii checks neither enums nor required
 * props at run time, so every value below reaches the library. Each is refused with the library's
 * error (construct path, the prop as written, the value, what is allowed, the code), never a TypeError
 * or the L1's "supplied properties not correct".
 */
describe('bad input from JavaScript and rules the API adds to the CloudFormation schema', () => {
  const js: any = {
    Contact,
    EscalationPlan,
    OnCallSchedule,
    Rotation,
    ResponsePlan,
    IncidentManagerShare,
    PostIncidentAnalysisTemplate,
    ReplicationSet,
    IncidentManagerFoundation,
    RunbookExecutionRole,
  };
  const personal = (s: Stack, alias: string) => new Contact(s, `P-${alias}`, { alias, displayName: alias });
  const rotationWith = (s: Stack, over: any) => new Rotation(s, 'R', { contacts: over.contacts ?? [personal(s, 'ann')], startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.AMERICA_LOS_ANGELES, recurrence: weekly, ...over });
  const aws = Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate');
  const existing = (s: Stack) => ReplicationSet.fromAccount(s, 'RS', { replicationRegions: ['us-east-1', 'us-west-2'] });
  const days = 'one of DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY';

  test.each<[string, (s: Stack) => void, string]>([
    // Enums (CloudFormation schemas: Rotation DayOfWeek, ResponsePlan TargetAccount and VariableType; API: impact 1 to 5).
    ['a day of the week that is not one', (s) => rotationWith(s, { recurrence: RotationRecurrence.weekly({ handOffs: [{ day: 'MONDAY' as any, handOffTime: '09:00' }] }) }),
      `\`recurrence.handOffs[0].day\` must be ${days} (got "MONDAY") at Stack/R [ROTATION_RECURRENCE]`],
    ['a coverage day that is not one', (s) => rotationWith(s, { shiftCoverage: [{ day: 'Mon', startTime: '09:00', endTime: '17:00' }] }),
      `\`shiftCoverage[0].day\` must be ${days} (got "Mon") at Stack/R [SHIFT_COVERAGE]`],
    ['an impact that is not one', (s) => plan(s, { impact: 'SEVERE' as any }),
      '`impact` must be one of Impact.CRITICAL, Impact.HIGH, Impact.MEDIUM, Impact.LOW, Impact.NO_IMPACT (got "SEVERE") at Stack/Plan [INCIDENT_TEMPLATE]'],
    ['an impact as its number', (s) => plan(s, { impact: 1 as any }),
      '`impact` must be one of Impact.CRITICAL, Impact.HIGH, Impact.MEDIUM, Impact.LOW, Impact.NO_IMPACT (got 1) at Stack/Plan [INCIDENT_TEMPLATE]'],
    ['a target account that is not one', (s) => plan(s, { runbook: { runbook: aws, targetAccount: 'OTHER_ACCOUNT' as any } }),
      '`runbook.targetAccount` must be one of RunbookTargetAccount.RESPONSE_PLAN_OWNER_ACCOUNT, RunbookTargetAccount.IMPACTED_ACCOUNT (got "OTHER_ACCOUNT") at Stack/Plan [RUNBOOK_ROLE]'],
    ['a dynamic parameter variable that is not one', (s) => plan(s, { runbook: { runbook: aws, dynamicParameters: { IncidentArn: 'INCIDENT_ARN' as any } } }),
      '`runbook.dynamicParameters["IncidentArn"]` must be one of DynamicParameterValue.INCIDENT_RECORD_ARN, DynamicParameterValue.INVOLVED_RESOURCES (got "INCIDENT_ARN") at Stack/Plan [RUNBOOK_PARAMETERS]'],
    ['a foundation encryption that is not one', (s) => new IncidentManagerFoundation(s, 'IM', { regions: ['us-east-1'], encryption: 'KMS' as any }),
      '`encryption` must be one of FoundationEncryption.CUSTOMER_MANAGED_KEY, FoundationEncryption.AWS_OWNED_KEY (got "KMS") at Stack/IM [FOUNDATION]'],
    // Required props left out.
    ['a contact without props', (s) => new js.Contact(s, 'C'),
      '`props` must be given: an object of ContactProps (alias, displayName) (got nothing) at Stack/C [INPUT]'],
    ['a contact without an alias', (s) => new js.Contact(s, 'C', { displayName: 'Ann' }),
      '`alias` must be given: lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one), 1 to 255 characters (got nothing) at Stack/C [CONTACT_ALIAS]'],
    ['a rotation without a time zone', (s) => rotationWith(s, { timeZone: undefined }),
      "`timeZone` must be given: a TimeZone, such as TimeZone.AMERICA_LOS_ANGELES or TimeZone.of('Europe/Dublin') (got nothing) at Stack/R [ROTATION_TIME_ZONE]"],
    ['a rotation whose start time is a string', (s) => rotationWith(s, { startTime: '2027-01-04T09:00' }),
      '`startTime` must be a RotationStart (RotationStart.fromIsoString or RotationStart.fromDate) (got a string) at Stack/R [ROTATION_START_TIME]'],
    ['a weekly recurrence without hand-offs', (s) => rotationWith(s, { recurrence: (RotationRecurrence as any).weekly({}) }),
      '`recurrence.handOffs` must be given: a list of 1 or more hand-offs (got nothing) at Stack/R [ROTATION_RECURRENCE]'],
    ['an escalation stage without a duration', (s) => new js.EscalationPlan(s, 'E', { alias: 'e', displayName: 'E', stages: [{ targets: [{ contact: personal(s, 'ann') }] }] }),
      '`stages[0].duration` must be given: a Duration of whole minutes from 0 to 30, such as Duration.minutes(1) (got nothing) at Stack/E [ESCALATION_PLAN]'],
    ['a response plan without a title (not the L1 text)', (s) => plan(s, { title: undefined as any }),
      '`title` must be given: up to 200 characters (got nothing) at Stack/Plan [INCIDENT_TEMPLATE]'],
    ['a title that is a number (not the L1 text)', (s) => plan(s, { title: 5 as any }),
      '`title` must be a string: up to 200 characters (got a number) at Stack/Plan [INCIDENT_TEMPLATE]'],
    ['a replication set Region without its name', (s) => new js.ReplicationSet(s, 'Set', { regions: [{}] }),
      '`regions[0].region` must be given: a Region name such as us-east-1, up to 20 characters (got nothing) at Stack/Set [REPLICATION_SET_REGIONS]'],
    ['an analysis template without content', (s) => new js.PostIncidentAnalysisTemplate(s, 'A', {}),
      '`content` must be given: the template document as an object (the content of AWSIncidents-PostIncidentAnalysisTemplate, with your questions) (got nothing) at Stack/A [ANALYSIS_TEMPLATE]'],
    ['a foundation schedule without rotations', (s) => new IncidentManagerFoundation(s, 'IM', { existingReplicationSet: existing(s), onCallSchedules: [{ alias: 'o', displayName: 'O' } as any] }),
      'in `onCallSchedules[0]` of the foundation Stack/IM: `onCallSchedules[0].rotations` must be given: a list of 1 to 8 rotations (got nothing) at Stack/IM [FOUNDATION]'],
    ['a chat channel whose Slack entry is not a configuration', (s) => new ChatChannel(s, 'Chat', { slackChannels: [{} as any] }),
      '`slackChannels[0]` must be a Slack channel configuration (chatbot.SlackChannelConfiguration, or one imported by ARN) (got an object) at Stack/Chat [CHAT_CHANNEL]'],
    // SSM Contacts API, CreateContact: Alias ^[a-z0-9_\-]*$; the response plan schema's engagements refuse a dot too.
    ['an imported contact whose alias has a dot', (s) => plan(s, { engagements: [Contact.fromContactArn(s, 'Imported', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/ann.lee`)] }),
      '`contactArn` must be an ARN whose alias is lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "ann.lee") at Stack/Imported [CONTACT_ALIAS]'],
    // AWS::SSMIncidents::ResponsePlan SsmAutomation.RoleArn: [^.]+ after the account.
    ['a runbook role whose ARN has a dot', (s) => plan(s, { runbook: { runbook: aws, role: iam.Role.fromRoleArn(s, 'Role', `arn:aws:iam::${ACCOUNT}:role/ops.runbook`) } }),
      `\`runbook.role\` must be an IAM role ARN of the aws, aws-cn or aws-us-gov partition without a dot in its name or path (the AWS::SSMIncidents::ResponsePlan schema refuses a dot in SsmAutomation.RoleArn) (got "arn:aws:iam::${ACCOUNT}:role/ops.runbook") at Stack/Plan [RUNBOOK_ROLE]`],
    ['a runbook role of this app named with a dot', (s) => plan(s, { runbook: { runbook: aws, role: new iam.Role(s, 'Role', { roleName: 'ops.runbook', assumedBy: new iam.ServicePrincipal('ssm-incidents.amazonaws.com') }) } }),
      '`runbook.role` must be an IAM role ARN of the aws, aws-cn or aws-us-gov partition without a dot in its name or path (the AWS::SSMIncidents::ResponsePlan schema refuses a dot in SsmAutomation.RoleArn) (got "Stack/Role named ops.runbook") at Stack/Plan [RUNBOOK_ROLE]'],
    // AWS RAM: a share is for principals outside the owner's account; CreateResourceShare requires a name.
    ['a share with its own account', (s) => new IncidentManagerShare(s, 'Share', { accounts: [ACCOUNT], responsePlans: [plan(s)] }),
      `\`accounts\` must name accounts other than the share's own account ${ACCOUNT} (it owns the shared resources already) (got "${ACCOUNT}") at Stack/Share [SHARE]`],
    ['a share with an empty name', (s) => new IncidentManagerShare(s, 'Share', { shareName: '', accounts: ['444455556666'], responsePlans: [plan(s)] }),
      '`shareName` must be at least 1 character long (got "") at Stack/Share [SHARE]'],
    // User guide, "Creating an on-call schedule and rotation": at least 30 minutes between start and end.
    ['a coverage window of 15 minutes', (s) => rotationWith(s, { shiftCoverage: [{ day: DayOfWeek.MONDAY, startTime: '09:00', endTime: '09:15' }] }),
      "`shiftCoverage[0]` must last at least 30 minutes (the Incident Manager user guide's minimum from start to end; an end before the start runs past midnight) (got \"MON 09:00 to 09:15, 15 minutes\") at Stack/R [SHIFT_COVERAGE]"],
    ['a coverage window of 20 minutes past midnight', (s) => rotationWith(s, { shiftCoverage: [{ day: DayOfWeek.MONDAY, startTime: '23:50', endTime: '00:10' }] }),
      "`shiftCoverage[0]` must last at least 30 minutes (the Incident Manager user guide's minimum from start to end; an end before the start runs past midnight) (got \"MON 23:50 to 00:10, 20 minutes\") at Stack/R [SHIFT_COVERAGE]"],
    ['the same person twice in a rotation', (s) => {
      const ann = personal(s, 'ann');
      rotationWith(s, { contacts: [ann, personal(s, 'bob'), ann] });
    }, '`contacts[2]` must name each person once in a rotation (the console adds a contact to a rotation once; give a person more shifts with a second rotation) (got "Stack/P-ann, already contacts[0]") at Stack/R [ROTATION]'],
    // A Teams entry's role is the role its configuration runs as.
    ['a Teams entry whose role is another role', (s) => {
      const runsAs = new iam.Role(s, 'RunsAs', { assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com') });
      const other = new iam.Role(s, 'Other', { assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com') });
      const configuration = new chatbot.CfnMicrosoftTeamsChannelConfiguration(s, 'Teams', { configurationName: 'incidents', iamRoleArn: runsAs.roleArn, teamId: 'team', teamsChannelId: 'channel', teamsTenantId: 'tenant' });
      new ChatChannel(s, 'Chat', { teamsChannels: [{ configuration, role: other }] });
    }, "`teamsChannels[0].role` must be the role the channel configuration Stack/Teams runs as (its iamRoleArn): that role gets the responders' permissions (got \"Stack/Other\") at Stack/Chat [CHAT_CHANNEL]"],
    // EventBridge uses a target role of the rule's own account.
    ['an EventBridge target role of another account', (s) => {
      const rule = new events.Rule(s, 'Rule', { eventPattern: { source: ['aws.health'] } });
      rule.addTarget(new ResponsePlanTarget(plan(s), { role: iam.Role.fromRoleArn(s, 'Role', 'arn:aws:iam::444455556666:role/start-incidents') }));
    }, `\`role\` of a ResponsePlanTarget must be a role of the rule's own account ${ACCOUNT} (EventBridge uses a target role of the rule's account; leave it out and the target creates one) (got "arn:aws:iam::444455556666:role/start-incidents of account 444455556666") at Stack/Rule [RULE_TARGET]`],
    // Time zones: AWS names canonical IANA zones (America/Los_Angeles, UTC, Asia/Seoul) and no designators.
    ['a time zone alias', (s) => rotationWith(s, { timeZone: TimeZone.of('US/Pacific') }),
      '`timeZone` must be an IANA time zone name such as America/Los_Angeles or UTC: a canonical IANA name, not an alias (use America/Los_Angeles) (got "US/Pacific") at Stack/R [ROTATION_TIME_ZONE]'],
    ['a time zone alias ICU keeps as its own name', (s) => rotationWith(s, { timeZone: TimeZone.of('Asia/Calcutta') }),
      '`timeZone` must be an IANA time zone name such as America/Los_Angeles or UTC: a canonical IANA name, not an alias (use Asia/Kolkata) (got "Asia/Calcutta") at Stack/R [ROTATION_TIME_ZONE]'],
    ['a designator without a region', (s) => rotationWith(s, { timeZone: TimeZone.of('PST8PDT') }),
      '`timeZone` must be an IANA time zone name such as America/Los_Angeles or UTC, not a designator without a region (Incident Manager does not support designators such as PST and PDT) (got "PST8PDT") at Stack/R [ROTATION_TIME_ZONE]'],
    // Other values of the wrong type.
    ['deferActivation as a string', (s) => new Contact(s, 'C', { alias: 'ann', displayName: 'Ann', channels: [ContactChannel.email('ann@example.com', { deferActivation: 'yes' as any })] }),
      '`deferActivation` must be true or false (got "yes") at Stack/C [CHANNEL]'],
    ['channels that are not a list', (s) => new Contact(s, 'C', { alias: 'ann', displayName: 'Ann', channels: ContactChannel.email('ann@example.com') as any }),
      '`channels` must be a list of channels (got an instance of ContactChannel) at Stack/C [CHANNEL]'],
    ['allowExternalPrincipals as a string', (s) => new IncidentManagerShare(s, 'Share', { allowExternalPrincipals: 'no' as any, accounts: ['444455556666'], responsePlans: [plan(s)] }),
      '`allowExternalPrincipals` must be true or false (got "no") at Stack/Share [SHARE]'],
    ['a grant to nothing', (s) => personal(s, 'ann').grantEngage(undefined as any),
      '`grantee` must be given: an IGrantable (an IAM role, user, group, or a construct with a role) (got nothing) at Stack/P-ann [INPUT]'],
    ['coverage that is not an object', (s) => new OnCallSchedule(s, 'O', { alias: 'o', displayName: 'O', rotations: [rotationWith(s, {})], coverage: true as any }),
      '`coverage` must be an object such as { requireFullCoverage: true } (got a boolean) at Stack/O [ON_CALL_COVERAGE]'],
    ['a document version that is a number', (s) => plan(s, { runbook: { runbook: aws, documentVersion: 3 as any } }),
      '`runbook.documentVersion` must be a string: $DEFAULT, $LATEST or a version number (1, 2, ...) (got a number) at Stack/Plan [RUNBOOK]'],
    ['an incident tag without a value', (s) => plan(s, { incidentTags: { team: undefined as any } }),
      '`incidentTags["team"]` must be given: letters, digits, spaces and _ = @ : . + - / only, 1 to 256 characters (got nothing) at Stack/Plan [INCIDENT_TEMPLATE]'],
    // Messages that name what the user wrote.
    ['two foundation response plans of one name', (s) => new IncidentManagerFoundation(s, 'IM', {
      existingReplicationSet: existing(s),
      responsePlans: [{ responsePlanName: 'checkout', title: 'A', impact: Impact.LOW }, { responsePlanName: 'checkout', title: 'B', impact: Impact.HIGH }],
    }), "in `responsePlans[1]` of the foundation Stack/IM: `responsePlans[1].responsePlanName` must be unique among the foundation's response plans (responsePlans[0] has it too): response plan names are unique per account (got \"checkout\") at Stack/IM [RESPONSE_PLAN_NAME_UNIQUE]"],
    ['a foundation callAfter over 30 minutes', (s) => new IncidentManagerFoundation(s, 'IM', {
      existingReplicationSet: existing(s),
      contacts: [{ alias: 'ann', displayName: 'Ann', email: 'ann@example.com', voice: '+12065550100', callAfter: Duration.minutes(40) }],
    }), 'in `contacts[0]` of the foundation Stack/IM: `contacts[0].callAfter` must be a whole number of minutes from 0 to 30 (got "40 minutes") at Stack/IM [FOUNDATION]'],
    ["a foundation whose regions leave out the stack's Region", (s) => new IncidentManagerFoundation(s, 'IM', {
      regions: ['us-west-2'],
      encryption: FoundationEncryption.AWS_OWNED_KEY,
      contacts: [{ alias: 'ann', displayName: 'Ann', email: 'ann@example.com' }],
    }), "`regions` must include the stack's Region us-east-1: Incident Manager creates contacts, rotations and response plans only in a Region of the replication set (got [\"us-west-2\"]) at Stack/IM [FOUNDATION]"],
  ])('GIVEN %s THEN it is refused with its message', (_name, make, message) => {
    let thrown: unknown;
    try {
      const stack = newStack();
      make(stack);
      (stack.node.root as App).synth();
    } catch (error) {
      thrown = error;
    }
    expect(IncidentManagerErrors.isValidationError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(message);
  });

  test('GIVEN values known only at deployment for the new checks THEN they pass', () => {
    const stack = newStack();
    const value = (id: string) => new CfnParameter(stack, id).valueAsString;
    const ann = new Contact(stack, 'Ann', { alias: value('Alias'), displayName: 'Ann' });
    new Rotation(stack, 'R', {
      contacts: [ann],
      startTime: RotationStart.fromIsoString('2027-01-04T09:00'),
      timeZone: TimeZone.of(value('Zone')),
      recurrence: RotationRecurrence.weekly({ handOffs: [{ day: value('Day') as DayOfWeek, handOffTime: '09:00' }] }),
      shiftCoverage: [{ day: DayOfWeek.MONDAY, startTime: value('Start'), endTime: '09:10' }],
    });
    const p = plan(stack, {
      runbook: { runbook: aws, role: iam.Role.fromRoleArn(stack, 'Role', value('RoleArn')), dynamicParameters: { P: value('Variable') as DynamicParameterValue } },
      engagements: [Contact.fromContactArn(stack, 'Imported', value('ContactArn'))],
    });
    new IncidentManagerShare(stack, 'Share', { accounts: [value('Account')], shareName: value('ShareName'), responsePlans: [p] });
    // A Teams configuration that runs as a role given by parameter, with the entry's role another parameter.
    const configuration = new chatbot.CfnMicrosoftTeamsChannelConfiguration(stack, 'Teams', { configurationName: 'incidents', iamRoleArn: value('TeamsRoleArn'), teamId: 'team', teamsChannelId: 'channel', teamsTenantId: 'tenant' });
    new ChatChannel(stack, 'Chat', { teamsChannels: [{ configuration, role: iam.Role.fromRoleArn(stack, 'TeamsRole', value('EntryRoleArn')) }] });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
  });

  test("GIVEN the replication set's Regions as a list parameter THEN the foundation's Region checks pass them", () => {
    const stack = newStack();
    const regions = new CfnParameter(stack, 'Regions', { type: 'CommaDelimitedList' }).valueAsList;
    new IncidentManagerFoundation(stack, 'IM', {
      existingReplicationSet: ReplicationSet.fromAccount(stack, 'RS', { replicationRegions: regions }),
      contacts: [{ alias: 'ann', displayName: 'Ann', email: 'ann@example.com' }],
    });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
  });

  test('GIVEN valid edge values THEN they are accepted', () => {
    const stack = newStack();
    const ann = personal(stack, 'ann_lee-2');
    // 30 minutes exactly, a window past midnight, the console's whole day, UTC and a canonical zone.
    rotationWith(stack, {
      contacts: [ann],
      timeZone: TimeZone.of('UTC'),
      shiftCoverage: [
        { day: DayOfWeek.MONDAY, startTime: '09:00', endTime: '09:30' },
        { day: DayOfWeek.TUESDAY, startTime: '23:45', endTime: '00:15' },
        { day: DayOfWeek.WEDNESDAY, startTime: '00:00', endTime: '23:59' },
      ],
    });
    new Rotation(stack, 'Kolkata', { contacts: [ann], startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.of('Asia/Kolkata'), recurrence: weekly });
    plan(stack, { runbook: { runbook: aws, role: iam.Role.fromRoleArn(stack, 'Role', `arn:aws:iam::${ACCOUNT}:role/ops/runbook_role-1`) } });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
  });
});

describe('rules that apply silently are warnings', () => {
  test('GIVEN a coverage window 00:00-00:00 THEN a warning says it means 24 hours', () => {
    const stack = newStack();
    rotation(stack, { shiftCoverage: [{ day: DayOfWeek.MONDAY, startTime: '00:00', endTime: '00:00' }] });
    Annotations.fromStack(stack).hasWarning('/Stack/Rotation', Match.stringLikeRegexp(
      'shiftCoverage\\[0\\] runs from 00:00 to 00:00: an end at the start is read as 24 hours, from 00:00 on MON to 00:00 the next day.*For the whole of MON, write 00:00 to 23:59.*Rotation.wholeDayCoverage',
    ));
  });

  test('GIVEN a start between hand-offs THEN a warning says the first shift is short; at a hand-off, none', () => {
    const stack = newStack();
    // 2027-01-06 is a Wednesday; the rotation hands off on Mondays at 09:00.
    rotation(stack, { startTime: RotationStart.fromIsoString('2027-01-06T10:00') });
    Annotations.fromStack(stack).hasWarning('/Stack/Rotation', Match.stringLikeRegexp(
      "The rotation starts at 2027-01-06T10:00:00 \\(America/Los_Angeles, WED\\), which is not one of its hand-offs \\(MON 09:00\\): the first shift runs only from the start to the next hand-off, so the first person's shift is short.*Rotation.startBetweenHandOffs",
    ));
    const atHandOff = newStack();
    rotation(atHandOff); // 2027-01-04, a Monday, 09:00
    expect(Annotations.fromStack(atHandOff).findWarning('*', Match.stringLikeRegexp('startBetweenHandOffs'))).toEqual([]);
  });
});
