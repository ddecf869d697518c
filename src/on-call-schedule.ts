import { aws_ssmcontacts as ssmcontacts } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ContactBase, ContactNameOptions, IContact } from './contact-base';
import { combine } from './on-call/combine';
import { addCoverageCheck, describeGaps } from './on-call/coverage';
import { checkInstant, checkInterval } from './on-call/instants';
import { CoverageGap, CoverageOptions, Shift } from './on-call/types';
import { defineContactResource, importContactArn } from './private/contacts';
import { IncidentManagerValidationError } from './private/errors';
import { checkConstruct, checkList, checkRemovalPolicy, requireProps } from './private/inputs';
import { warnAtSynthesis } from './private/warnings';
import type { ReplicationSetOptions } from './replication-set';
import { IRotation, Rotation } from './rotation';

/**
 * Properties of an `OnCallSchedule`.
 */
export interface OnCallScheduleProps extends ContactNameOptions, ReplicationSetOptions {
  /**
   * The schedule's rotations: up to 8 (user guide, "Each on-call schedule supports up to eight
   * rotations"). More can be added with `addRotation`. A schedule without rotations engages nobody:
   * the API allows it (API Plan: RotationIds, 0 to 25 items), so it synthesizes with a warning.
   *
   * @default - none
   */
  readonly rotations?: IRotation[];

  /**
   * A check, at synthesis, that someone is on call at every moment of the coming weeks: with
   * `requireFullCoverage`, a time when nobody is on call is an error that gives the exact times in
   * the first rotation's time zone.
   *
   * @default - no check
   */
  readonly coverage?: CoverageOptions;
}

const MAX_ROTATIONS = 8;

/**
 * An on-call schedule: up to eight rotations whose on-call contacts Incident Manager engages when
 * the schedule is engaged, directly or as a stage of an escalation plan.
 *
 * The schedule names its rotations and has no stages of its own (CloudFormation rejects stages on an
 * on-call schedule).
 *
 * @resource AWS::SSMContacts::Contact
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/incident-manager-on-call-schedule.html
 *
 * @example
 * import { TimeZone } from 'aws-cdk-lib';
 * import * as im from 'cdk-incident-manager';
 *
 * declare const alice: im.Contact;
 * declare const bob: im.Contact;
 * const rotation = new im.Rotation(this, 'Weekly', {
 *   contacts: [alice, bob],
 *   startTime: im.RotationStart.fromIsoString('2027-01-04T09:00'),
 *   timeZone: TimeZone.EUROPE_LONDON,
 *   recurrence: im.RotationRecurrence.weekly({ handOffs: [{ day: im.DayOfWeek.MONDAY, handOffTime: '09:00' }] }),
 * });
 * new im.OnCallSchedule(this, 'OnCall', { alias: 'sre-oncall', displayName: 'SRE on call', rotations: [rotation] });
 */
export class OnCallSchedule extends ContactBase {
  /**
   * Imports an on-call schedule by ARN (`arn:<partition>:ssm-contacts:<region>:<account>:contact/<alias>`).
   */
  public static fromOnCallScheduleArn(scope: Construct, id: string, onCallScheduleArn: string): IContact {
    return importContactArn(scope, id, onCallScheduleArn);
  }

  /** @attribute */
  public readonly contactArn: string;
  /** @attribute */
  public readonly contactAlias: string;

  private readonly rotations: IRotation[] = [];
  private readonly rotationArns: string[] = [];
  private readonly resource: ssmcontacts.CfnContact;

  constructor(scope: Construct, id: string, props: OnCallScheduleProps) {
    super(scope, id);
    requireProps(this, props, 'OnCallScheduleProps (alias, displayName, rotations)', 'INPUT');
    checkRemovalPolicy(this, 'removalPolicy', props.removalPolicy, 'CONTACT_ALIAS');
    checkList(this, 'rotations', props.rotations, 'ON_CALL_SCHEDULE');
    // The schedule's plan only names its rotations (CloudFormation rejects stages on a schedule),
    // written again with each rotation addRotation adds.
    this.resource = defineContactResource(this, props, 'ONCALL_SCHEDULE', [{ rotationIds: [] }]);
    this.contactArn = this.resource.attrArn;
    this.contactAlias = props.alias;

    for (const rotation of props.rotations ?? []) {
      this.addRotation(rotation);
    }
    warnAtSynthesis(this, 'cdk-incident-manager:OnCallSchedule.noRotations', () =>
      this.rotations.length === 0 ? 'The on-call schedule has no rotations, so it engages nobody. Add one with `rotations` or addRotation.' : undefined,
    );
    addCoverageCheck(
      this,
      props.coverage,
      () => this._latestStart(),
      (from, to) => this.combined(from, to, 'coverage').gaps,
      (gaps, period) => {
        throw new IncidentManagerValidationError(
          this,
          'the on-call schedule',
          `${gaps.length} time${gaps.length === 1 ? '' : 's'} with nobody on call`,
          `have someone on call at every moment of the ${period} (coverage.requireFullCoverage); ${describeGaps(gaps, this._firstTimeZone)}`,
          'ON_CALL_COVERAGE',
        );
      },
    );
  }

  /**
   * Who is on call from `from` to `to`: the combined shifts of the schedule's rotations, one entry
   * for each time the set of contacts on call changes. Times when nobody is on call are left out
   * (see `gapsBetween`).
   */
  public shiftsBetween(from: Date, to: Date): Shift[] {
    const [start, end] = checkInterval(this, from, to);
    return this.combined(start, end, 'shiftsBetween').pieces.map((p) => ({ start: new Date(p.start), end: new Date(p.end), contacts: p.members }));
  }

  /**
   * The times from `from` to `to` when nobody is on call.
   */
  public gapsBetween(from: Date, to: Date): CoverageGap[] {
    const [start, end] = checkInterval(this, from, to);
    return this.combined(start, end, 'gapsBetween').gaps.map((g) => ({ start: new Date(g.start), end: new Date(g.end) }));
  }

  /**
   * The contacts on call at `at`, in the order of the rotations.
   */
  public onCallAt(at: Date): IContact[] {
    const ms = checkInstant(this, 'at', at);
    return this.combined(ms, ms + 1, 'onCallAt').pieces[0]?.members ?? [];
  }

  /** @internal */
  public _pieces(from: number, to: number): Array<{ start: number; end: number; members: IContact[] }> {
    return this.combined(from, to, 'pagedAt').pieces;
  }

  /**
   * The latest start of the schedule's rotations (defined in this app, with values): where its
   * coverage check starts unless told otherwise. @internal
   */
  public _latestStart(): number | undefined {
    const starts = this.rotations.map((r) => (r instanceof Rotation ? r._startInstant : undefined)).filter((s): s is number => s !== undefined);
    return starts.length > 0 ? Math.max(...starts) : undefined;
  }

  /** The time zone gaps are given in: the first rotation's. @internal */
  public get _firstTimeZone(): string {
    const first = this.rotations.find((r): r is Rotation => r instanceof Rotation);
    return first ? first._timeZone : 'UTC';
  }

  private combined(from: number, to: number, what: string) {
    const shifts = this.rotations.flatMap((r, i) => {
      if (!(r instanceof Rotation)) {
        throw new IncidentManagerValidationError(this, what, `rotations[${i}] (${r.node.path}), an imported rotation`, 'be answered from rotations defined in this app (an imported rotation\'s shifts are unknown)', 'ON_CALL_COVERAGE');
      }
      return r._shifts(from, to);
    });
    return combine(shifts, from, to);
  }


  /**
   * Adds a rotation to the schedule.
   */
  public addRotation(rotation: IRotation): void {
    checkConstruct(this, `rotations[${this.rotations.length}]`, rotation, 'a Rotation, or one imported with Rotation.fromRotationArn', 'ON_CALL_SCHEDULE');
    if (this.rotations.includes(rotation)) {
      throw new IncidentManagerValidationError(this, 'a rotation', rotation.node.path, 'be added to a schedule once', 'ON_CALL_SCHEDULE');
    }
    if (this.rotations.length >= MAX_ROTATIONS) {
      throw new IncidentManagerValidationError(this, '`rotations`', `${this.rotations.length + 1} rotations`, 'have at most 8 rotations', 'ON_CALL_SCHEDULE');
    }
    this.rotations.push(rotation);
    this.rotationArns.push(rotation.rotationArn);
    this.resource.plan = [{ rotationIds: [...this.rotationArns] }];
  }
}
