import { Annotations, IResource, TimeZone, aws_iam as iam, aws_ssmcontacts as ssmcontacts } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IContact } from './contact-base';
import { checkInstant, checkInterval } from './on-call/instants';
import { RecurrenceSpec, RotationSpec, handOffsMissedAtStart, rotationShifts, startInstant } from './on-call/shifts';
import { checkTimeZone } from './on-call/time-zones';
import { Shift } from './on-call/types';
import { isoLocal } from './on-call/zoned';
import { READ_ROTATION_ACTIONS } from './private/actions';
import { ROTATION, importPath, parseArn } from './private/arns';
import { ErrorCode } from './private/codes';
import { checkPersonal } from './private/contacts';
import { Names, RemovalPolicy, Resource, Token } from './private/core';
import { IncidentManagerValidationError, Where, shown } from './private/errors';
import { checkEnum, checkGrantee, checkInstance, checkRemovalPolicy, kindOf, requireGiven, requireProps } from './private/inputs';
import { applyRemovalPolicy } from './private/removal';
import { useReplicationSet } from './private/replication-regions';
import { checkTagsAtSynth } from './private/tags';
import { checkCount, checkInteger, checkString } from './private/validate';
import type { ReplicationSetOptions } from './replication-set';

/**
 * A day of the week.
 */
export enum DayOfWeek {
  /** Monday. */
  MONDAY = 'MON',
  /** Tuesday. */
  TUESDAY = 'TUE',
  /** Wednesday. */
  WEDNESDAY = 'WED',
  /** Thursday. */
  THURSDAY = 'THU',
  /** Friday. */
  FRIDAY = 'FRI',
  /** Saturday. */
  SATURDAY = 'SAT',
  /** Sunday. */
  SUNDAY = 'SUN',
}

/** `HH:MM` on a 24-hour clock, as CloudFormation accepts it. */
const HAND_OFF_TIME = /^([0-9]|0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$/;

function checkTime(scope: Where, name: string, time: string, code: ErrorCode): void {
  checkString(scope, name, time, { pattern: HAND_OFF_TIME, format: 'a time HH:MM on a 24-hour clock, 00:00 to 23:59', code, required: true });
}

/**
 * Options every recurrence shares.
 */
export interface RecurrenceOptions {
  /**
   * How many of the rotation's contacts are on call at the same time.
   *
   * @default 1
   */
  readonly numberOfOnCalls?: number;

  /**
   * How many days, weeks or months (by the recurrence's kind) one shift lasts: 1 to 100.
   *
   * @default 1
   */
  readonly recurrenceMultiplier?: number;
}

/**
 * A daily recurrence.
 */
export interface DailyRecurrenceOptions extends RecurrenceOptions {
  /**
   * The times of day (`HH:MM`, 24-hour clock) when one shift hands off to the next.
   */
  readonly handOffTimes: string[];
}

/**
 * When a weekly shift hands off.
 */
export interface WeeklyHandOff {
  /** The day of the hand-off. */
  readonly day: DayOfWeek;
  /** The time of the hand-off, `HH:MM` on a 24-hour clock. */
  readonly handOffTime: string;
}

/**
 * A weekly recurrence.
 */
export interface WeeklyRecurrenceOptions extends RecurrenceOptions {
  /** The days and times when one shift hands off to the next. */
  readonly handOffs: WeeklyHandOff[];
}

/**
 * When a monthly shift hands off.
 */
export interface MonthlyHandOff {
  /** The day of the month of the hand-off: 1 to 31. */
  readonly dayOfMonth: number;
  /** The time of the hand-off, `HH:MM` on a 24-hour clock. */
  readonly handOffTime: string;
}

/**
 * A monthly recurrence.
 */
export interface MonthlyRecurrenceOptions extends RecurrenceOptions {
  /** The days of the month and times when one shift hands off to the next. */
  readonly handOffs: MonthlyHandOff[];
}

/**
 * How often a rotation's shifts hand off: daily, weekly or monthly.
 */
export class RotationRecurrence {
  /** Shifts that hand off at given times of each day. */
  public static daily(options: DailyRecurrenceOptions): RotationRecurrence {
    options = options ?? ({} as DailyRecurrenceOptions);
    return new RotationRecurrence(options, (scope) => {
      checkCount(scope, 'recurrence.handOffTimes', options.handOffTimes, 1, Number.MAX_SAFE_INTEGER, 'hand-off times', 'ROTATION_RECURRENCE');
      options.handOffTimes.forEach((t, i) => checkTime(scope, `recurrence.handOffTimes[${i}]`, t, 'ROTATION_RECURRENCE'));
      return { daily: [...options.handOffTimes] };
    });
  }

  /** Shifts that hand off on given days of the week. */
  public static weekly(options: WeeklyRecurrenceOptions): RotationRecurrence {
    options = options ?? ({} as WeeklyRecurrenceOptions);
    return new RotationRecurrence(options, (scope) => {
      checkCount(scope, 'recurrence.handOffs', options.handOffs, 1, Number.MAX_SAFE_INTEGER, 'hand-offs', 'ROTATION_RECURRENCE');
      options.handOffs.forEach((h, i) => {
        requireGiven(scope, `recurrence.handOffs[${i}]`, h, 'a day and a handOffTime', 'ROTATION_RECURRENCE');
        // The CloudFormation schema's DayOfWeek enum (MON to SUN): jsii does not check enums at run time.
        checkEnum(scope, `recurrence.handOffs[${i}].day`, h.day, DayOfWeek, 'DayOfWeek', 'ROTATION_RECURRENCE', true);
        checkTime(scope, `recurrence.handOffs[${i}].handOffTime`, h.handOffTime, 'ROTATION_RECURRENCE');
      });
      return { weekly: options.handOffs.map((h) => ({ day: h.day, time: h.handOffTime })) };
    });
  }

  /** Shifts that hand off on given days of the month. */
  public static monthly(options: MonthlyRecurrenceOptions): RotationRecurrence {
    options = options ?? ({} as MonthlyRecurrenceOptions);
    return new RotationRecurrence(options, (scope) => {
      checkCount(scope, 'recurrence.handOffs', options.handOffs, 1, Number.MAX_SAFE_INTEGER, 'hand-offs', 'ROTATION_RECURRENCE');
      options.handOffs.forEach((h, i) => {
        requireGiven(scope, `recurrence.handOffs[${i}]`, h, 'a dayOfMonth and a handOffTime', 'ROTATION_RECURRENCE');
        requireGiven(scope, `recurrence.handOffs[${i}].dayOfMonth`, h.dayOfMonth, 'a day of the month, 1 to 31', 'ROTATION_RECURRENCE');
        checkInteger(scope, `recurrence.handOffs[${i}].dayOfMonth`, h.dayOfMonth, 1, 31, 'ROTATION_RECURRENCE');
        checkTime(scope, `recurrence.handOffs[${i}].handOffTime`, h.handOffTime, 'ROTATION_RECURRENCE');
      });
      return { monthly: options.handOffs.map((h) => ({ dayOfMonth: h.dayOfMonth, time: h.handOffTime })) };
    });
  }

  private constructor(
    private readonly options: RecurrenceOptions,
    private readonly handOffs: (scope: Where) => Pick<RecurrenceSpec, 'daily' | 'weekly' | 'monthly'>,
  ) {}

  /**
   * The recurrence, checked for `scope`: what the rotation's shifts are computed from and its
   * template is written from.
   * @internal
   */
  public _spec(scope: Where, contactCount: number): RecurrenceSpec {
    const numberOfOnCalls = this.options.numberOfOnCalls ?? 1;
    const multiplier = this.options.recurrenceMultiplier ?? 1;
    // More people on call at once than the rotation has is refused by Incident Manager.
    checkInteger(scope, 'recurrence.numberOfOnCalls', numberOfOnCalls, 1, Math.max(contactCount, 1), 'ROTATION_RECURRENCE');
    checkInteger(scope, 'recurrence.recurrenceMultiplier', multiplier, 1, 100, 'ROTATION_RECURRENCE');
    return { numberOfOnCalls, multiplier, ...this.handOffs(scope) };
  }
}

/**
 * When a rotation starts.
 */
export class RotationStart {
  /**
   * An instant, written as the wall-clock time it is in the rotation's time zone.
   */
  public static fromDate(date: Date): RotationStart {
    return new RotationStart(date);
  }

  /**
   * An ISO 8601 date and time. Without an offset (`2026-01-05T09:00`) it is a wall-clock time in the
   * rotation's time zone; with one (`2026-01-05T09:00:00Z`, `...+01:00`) it is an instant, written as
   * the wall-clock time it is in that time zone.
   */
  public static fromIsoString(isoString: string): RotationStart {
    return new RotationStart(isoString);
  }

  private constructor(private readonly value: Date | string) {}

  /**
   * The start, checked: the wall-clock time `YYYY-MM-DDTHH:MM:SS` in `timeZone`, without an offset
   * (what the shifts count from, and the form CloudFormation's StartTime takes).
   * @internal
   */
  public _wallClock(scope: Where, timeZone: string): string {
    if (typeof this.value === 'string') {
      if (Token.isUnresolved(this.value)) {
        return this.value;
      }
      const bad = () =>
        new IncidentManagerValidationError(
          scope,
          '`startTime`',
          this.value,
          'be a real ISO 8601 date and time such as 2026-01-05T09:00 or 2026-01-05T09:00:00Z (a day that exists in its month, hours 00 to 23)',
          'ROTATION_START_TIME',
        );
      const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(this.value);
      if (!parts || !isRealDateTime(parts.slice(1, 7).map((p) => (p === undefined ? 0 : Number(p))), parts[8])) {
        throw bad();
      }
      if (parts[8] === undefined) {
        if (parts[7] !== undefined) {
          throw bad(); // CloudFormation takes whole seconds of a wall-clock time
        }
        return `${parts[1]}-${parts[2]}-${parts[3]}T${parts[4]}:${parts[5]}:${parts[6] ?? '00'}`;
      }
      return wallClock(new Date(this.value), timeZone);
    }
    if (!(this.value instanceof Date)) {
      throw new IncidentManagerValidationError(scope, '`startTime`', shown(kindOf(this.value)), 'be given to RotationStart.fromIsoString as an ISO 8601 string, or to RotationStart.fromDate as a Date', 'ROTATION_START_TIME');
    }
    if (isNaN(this.value.getTime())) {
      throw new IncidentManagerValidationError(scope, '`startTime`', 'an invalid Date', 'be a valid Date', 'ROTATION_START_TIME');
    }
    return wallClock(this.value, timeZone);
  }
}

/**
 * Whether year, month, day, hour, minute and second name a real moment: the day exists in its month
 * (2027-02-30 does not), hours 0 to 23, minutes and seconds 0 to 59, and an offset within ±14:00.
 */
function isRealDateTime([year, month, day, hour, minute, second]: number[], offset?: string): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  const dayExists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const offsetOk = offset === undefined || offset === 'Z' || (Number(offset.slice(1, 3)) <= 14 && Number(offset.slice(4, 6)) <= 59);
  return dayExists && hour <= 23 && minute <= 59 && second <= 59 && offsetOk;
}

/** The wall-clock time of `instant` in `timeZone`, as YYYY-MM-DDTHH:MM:SS (UTC while the zone is a token). */
function wallClock(instant: Date, timeZone: string): string {
  return isoLocal(instant.getTime(), Token.isUnresolved(timeZone) ? 'UTC' : timeZone);
}

/**
 * Hours of one day of the week during which the rotation is on call.
 */
export interface ShiftCoverage {
  /** The day of the week. */
  readonly day: DayOfWeek;
  /** When coverage starts, `HH:MM` on a 24-hour clock. */
  readonly startTime: string;
  /** When coverage ends, `HH:MM` on a 24-hour clock. */
  readonly endTime: string;
}

/**
 * An on-call rotation, defined here or imported.
 */
export interface IRotation extends IResource {
  /**
   * The ARN of the rotation.
   * @attribute
   */
  readonly rotationArn: string;

  /**
   * Lets `grantee` read the rotation and its shifts and overrides.
   */
  grantRead(grantee: iam.IGrantable): iam.Grant;
}

abstract class RotationBase extends Resource implements IRotation {
  public abstract readonly rotationArn: string;

  public grantRead(grantee: iam.IGrantable): iam.Grant {
    checkGrantee(this, grantee, 'INPUT');
    return iam.Grant.addToPrincipal({ grantee, actions: READ_ROTATION_ACTIONS, resourceArns: [this.rotationArn] });
  }
}

/**
 * What a rotation is, apart from who is in it. Shared by `Rotation` and the foundation's rotations.
 */
export interface RotationOptions {
  /**
   * When the rotation starts.
   */
  readonly startTime: RotationStart;

  /**
   * The time zone the start time, hand-off times and coverage hours are in (IANA names).
   */
  readonly timeZone: TimeZone;

  /**
   * How often shifts hand off.
   */
  readonly recurrence: RotationRecurrence;

  /**
   * The hours of each day the rotation is on call.
   *
   * @default - on call around the clock, every day
   */
  readonly shiftCoverage?: ShiftCoverage[];

  /**
   * The rotation's name: 1 to 255 letters, digits and underscores.
   *
   * @default - a name generated from the construct path
   */
  readonly rotationName?: string;

  /**
   * What happens to the rotation when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Properties of a `Rotation`.
 */
export interface RotationProps extends RotationOptions, ReplicationSetOptions {
  /**
   * The personal contacts the shifts rotate through, in order: 1 to 30.
   */
  readonly contacts: IContact[];
}

const ROTATION_NAME = /^[a-zA-Z0-9_]*$/;
const MAX_CONTACTS = 30;

/**
 * An on-call rotation: personal contacts who take shifts in turn, on a daily, weekly or monthly
 * recurrence. Add it to an `OnCallSchedule`.
 *
 * @resource AWS::SSMContacts::Rotation
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/incident-manager-on-call-schedule.html
 *
 * @example
 * import { TimeZone } from 'aws-cdk-lib';
 * import * as im from 'cdk-incident-manager';
 *
 * declare const alice: im.Contact;
 * declare const bob: im.Contact;
 * new im.Rotation(this, 'Daily', {
 *   contacts: [alice, bob],
 *   startTime: im.RotationStart.fromIsoString('2027-01-04T08:00'),
 *   timeZone: TimeZone.AMERICA_NEW_YORK,
 *   recurrence: im.RotationRecurrence.daily({ handOffTimes: ['08:00', '20:00'] }),
 * });
 */
export class Rotation extends RotationBase {
  /**
   * Imports a rotation by ARN (`arn:<partition>:ssm-contacts:<region>:<account>:rotation/<id>`).
   */
  public static fromRotationArn(scope: Construct, id: string, rotationArn: string): IRotation {
    parseArn(importPath(scope, id), ROTATION, rotationArn, 'rotationArn');
    class Import extends RotationBase {
      public readonly rotationArn = rotationArn;
    }
    return new Import(scope, id, { environmentFromArn: rotationArn });
  }

  /** @attribute */
  public readonly rotationArn: string;
  /** The contacts the shifts rotate through, in order. */
  public readonly contacts: IContact[];

  private readonly spec: RotationSpec;

  constructor(scope: Construct, id: string, props: RotationProps) {
    super(scope, id);
    requireProps(this, props, 'RotationProps (contacts, startTime, timeZone, recurrence)', 'INPUT');
    checkCount(this, 'contacts', props.contacts, 1, MAX_CONTACTS, 'contacts', 'ROTATION');
    checkString(this, 'rotationName', props.rotationName, { pattern: ROTATION_NAME, format: 'letters, digits and _ only', min: 1, max: 255, code: 'ROTATION' });
    checkInstance(this, 'startTime', props.startTime, RotationStart, 'a RotationStart (RotationStart.fromIsoString or RotationStart.fromDate)', 'ROTATION_START_TIME');
    checkInstance(this, 'timeZone', props.timeZone, (z: any) => typeof z?.timezoneName === 'string', 'a TimeZone, such as TimeZone.AMERICA_LOS_ANGELES or TimeZone.of(\'Europe/Dublin\')', 'ROTATION_TIME_ZONE');
    checkInstance(this, 'recurrence', props.recurrence, RotationRecurrence, 'a RotationRecurrence (RotationRecurrence.daily, weekly or monthly)', 'ROTATION_RECURRENCE');
    checkRemovalPolicy(this, 'removalPolicy', props.removalPolicy, 'ROTATION');
    const timeZone = props.timeZone.timezoneName;
    checkTimeZone(this, timeZone);
    props.contacts.forEach((contact, i) => checkPersonal(this, contact, `contacts[${i}]`));
    checkOncePerRotation(this, props.contacts);
    checkCount(this, 'shiftCoverage', props.shiftCoverage ?? [], 0, Number.MAX_SAFE_INTEGER, 'coverage times', 'SHIFT_COVERAGE');
    (props.shiftCoverage ?? []).forEach((c, i) => checkCoverageTime(this, c, i));

    this.spec = {
      start: props.startTime._wallClock(this, timeZone),
      timeZone,
      ...props.recurrence._spec(this, props.contacts.length),
      coverage: props.shiftCoverage?.map((c) => ({ day: c.day, start: c.startTime, end: c.endTime })),
      contactCount: props.contacts.length,
    };
    this.contacts = [...props.contacts];
    const resource = new ssmcontacts.CfnRotation(this, 'Resource', {
      name: props.rotationName ?? Names.uniqueResourceName(this, { maxLength: 255 }),
      contactIds: props.contacts.map((c) => c.contactArn),
      startTime: this.spec.start,
      timeZoneId: timeZone,
      recurrence: renderRecurrence(this.spec),
    });
    applyRemovalPolicy(this, resource, props.removalPolicy);
    checkTagsAtSynth(this, resource);
    useReplicationSet(this, props.replicationSet);
    this.rotationArn = resource.attrArn;
    warnStartBetweenHandOffs(this, this.spec);
  }

  /**
   * The rotation's shifts from `from` to `to`, computed from its definition (no AWS call): who is on
   * call, from when to when. Shifts are cut at `from`, `to` and the shift coverage's hours; the
   * semantics, and the decisions where AWS's documents are silent, are in the README ("Who is on
   * call").
   */
  public shiftsBetween(from: Date, to: Date): Shift[] {
    const [start, end] = checkInterval(this, from, to);
    return this._shifts(start, end).map((r) => ({ start: new Date(r.start), end: new Date(r.end), contacts: r.members }));
  }

  /**
   * The contacts on call at `at` (none outside the shift coverage or before the rotation starts).
   */
  public onCallAt(at: Date): IContact[] {
    const ms = checkInstant(this, 'at', at);
    return this._shifts(ms, ms + 1, 'onCallAt')[0]?.members ?? [];
  }

  /** @internal */
  public _shifts(from: number, to: number, what = 'shiftsBetween'): Array<{ start: number; end: number; members: IContact[] }> {
    return rotationShifts(this.known(what), from, to).map((r) => ({ start: r.start, end: r.end, members: r.members.map((i) => this.contacts[i]) }));
  }

  /** The time zone of the rotation's times. @internal */
  public get _timeZone(): string {
    return this.spec.timeZone;
  }

  /** When the rotation starts, as an instant; undefined while its start or time zone is a token. @internal */
  public get _startInstant(): number | undefined {
    return Token.isUnresolved(this.spec.start) || Token.isUnresolved(this.spec.timeZone) ? undefined : startInstant(this.spec);
  }

  private known(what: string): RotationSpec {
    const unresolved = [this.spec.start, this.spec.timeZone, this.spec.numberOfOnCalls, this.spec.multiplier].some((v) => Token.isUnresolved(v));
    if (unresolved) {
      throw new IncidentManagerValidationError(this, what, 'a rotation whose start time, time zone or recurrence is known only at deployment', 'be called on a rotation defined with values', 'ON_CALL_COVERAGE');
    }
    return this.spec;
  }
}

/**
 * Warns when the rotation starts between two hand-offs: its first shift then runs only from the start
 * to the next hand-off, so the first person's shift is short and the order looks one person off.
 */
function warnStartBetweenHandOffs(scope: Rotation, spec: RotationSpec): void {
  const values = [
    spec.start,
    spec.timeZone,
    ...(spec.daily ?? []),
    ...(spec.weekly ?? []).flatMap((w) => [w.day, w.time]),
    ...(spec.monthly ?? []).flatMap((m) => [m.dayOfMonth, m.time]),
  ];
  const missed = values.some((v) => Token.isUnresolved(v)) ? undefined : handOffsMissedAtStart(spec);
  if (!missed) {
    return;
  }
  Annotations.of(scope).addWarningV2(
    'cdk-incident-manager:Rotation.startBetweenHandOffs',
    `The rotation starts at ${spec.start} (${spec.timeZone}, ${missed.weekday}), which is not one of its hand-offs (${missed.handOffs.join(', ')}): the first shift runs only from the start to the next hand-off, so the first person's shift is short and the order looks one person off. Start the rotation at a hand-off to give the first person a full shift (README, "Who is on call").`,
  );
}

/** AWS::SSMContacts::Rotation's Recurrence, written from the rotation's checked specification. */
function renderRecurrence(spec: RotationSpec): ssmcontacts.CfnRotation.RecurrenceSettingsProperty {
  return {
    numberOfOnCalls: spec.numberOfOnCalls,
    recurrenceMultiplier: spec.multiplier,
    dailySettings: spec.daily,
    weeklySettings: spec.weekly?.map((w) => ({ dayOfWeek: w.day, handOffTime: w.time })),
    monthlySettings: spec.monthly?.map((m) => ({ dayOfMonth: m.dayOfMonth, handOffTime: m.time })),
    shiftCoverages: renderCoverage(spec.coverage),
  };
}

function renderCoverage(coverage: RotationSpec['coverage']): ssmcontacts.CfnRotation.ShiftCoverageProperty[] | undefined {
  if (!coverage || coverage.length === 0) {
    return undefined;
  }
  const byDay = new Map<string, ssmcontacts.CfnRotation.CoverageTimeProperty[]>();
  for (const c of coverage) {
    byDay.set(c.day, [...(byDay.get(c.day) ?? []), { startTime: c.start, endTime: c.end }]);
  }
  return [...byDay.entries()].map(([dayOfWeek, coverageTimes]) => ({ dayOfWeek, coverageTimes }));
}

/**
 * The same person twice in one rotation is refused. The SSM Contacts API reference (CreateRotation:
 * ContactIds) lists the rotation's contacts "in their shift order" and says nothing of a contact named
 * twice; the console's rotation form adds each contact once. A person named twice is taken for a
 * mistake (a copied line): to give someone more shifts, give them a second rotation or a longer
 * `recurrenceMultiplier`. (README, "What this library assumes".)
 */
function checkOncePerRotation(scope: Rotation, contacts: IContact[]): void {
  contacts.forEach((contact, i) => {
    const sameArn = (c: IContact) => !Token.isUnresolved(c.contactArn) && c.contactArn === contact.contactArn;
    const same = (c: IContact) => c === contact || c.node === contact.node || sameArn(c);
    const first = contacts.findIndex(same);
    if (first !== i) {
      throw new IncidentManagerValidationError(
        scope,
        `\`contacts[${i}]\``,
        `${contact.node.path}, already contacts[${first}]`,
        'name each person once in a rotation (the console adds a contact to a rotation once; give a person more shifts with a second rotation)',
        'ROTATION',
      );
    }
  });
}

/** The shortest coverage time: "The length of time between the start and end of a rotation must be at least 30 minutes." */
const MIN_COVERAGE_MINUTES = 30;

/**
 * One coverage time: a real day and times, at least 30 minutes long (user guide, "Creating an on-call
 * schedule and rotation": "The length of time between the start and end of a rotation must be at least
 * 30 minutes"), counted as the shifts are (an end at or before the start runs past midnight; 23:59 is
 * the end of the day). A start equal to the end is a whole day, which a warning says.
 */
function checkCoverageTime(scope: Rotation, c: ShiftCoverage, i: number): void {
  requireGiven(scope, `shiftCoverage[${i}]`, c, 'a day, a startTime and an endTime', 'SHIFT_COVERAGE');
  checkEnum(scope, `shiftCoverage[${i}].day`, c.day, DayOfWeek, 'DayOfWeek', 'SHIFT_COVERAGE', true);
  checkTime(scope, `shiftCoverage[${i}].startTime`, c.startTime, 'SHIFT_COVERAGE');
  checkTime(scope, `shiftCoverage[${i}].endTime`, c.endTime, 'SHIFT_COVERAGE');
  if (Token.isUnresolved(c.startTime) || Token.isUnresolved(c.endTime)) {
    return;
  }
  const minutes = (t: string) => {
    const [h, m] = t.split(':').map(Number);
    return h * 60 + m;
  };
  const start = minutes(c.startTime);
  const end = c.endTime === '23:59' ? 24 * 60 : minutes(c.endTime);
  if (start === end) {
    Annotations.of(scope).addWarningV2(
      'cdk-incident-manager:Rotation.wholeDayCoverage',
      `shiftCoverage[${i}] runs from ${c.startTime} to ${c.endTime}: an end at the start is read as 24 hours, from ${c.startTime} on ${c.day} to ${c.startTime} the next day (README, "Who is on call"). For the whole of ${c.day}, write 00:00 to 23:59, as the console does.`,
    );
    return;
  }
  const length = end > start ? end - start : end - start + 24 * 60;
  if (length < MIN_COVERAGE_MINUTES) {
    throw new IncidentManagerValidationError(
      scope,
      `\`shiftCoverage[${i}]\``,
      `${c.day} ${c.startTime} to ${c.endTime}, ${length} minute${length === 1 ? '' : 's'}`,
      `last at least ${MIN_COVERAGE_MINUTES} minutes (the Incident Manager user guide's minimum from start to end; an end before the start runs past midnight)`,
      'SHIFT_COVERAGE',
    );
  }
}
