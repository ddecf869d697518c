import { Lazy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ContactBase, ContactNameOptions, IContact } from './contact-base';
import { defineContactResource, importContactArn, markNotPersonal } from './private/contacts';
import { IncidentManagerValidationError } from './private/errors';
import { requireEntries } from './private/validate';
import type { ReplicationSetOptions } from './replication-set';
import { IRotation } from './rotation';

/**
 * Properties of an `OnCallSchedule`.
 */
export interface OnCallScheduleProps extends ContactNameOptions, ReplicationSetOptions {
  /**
   * The schedule's rotations: 1 to 8. More can be added with `addRotation`.
   *
   * @default - none
   */
  readonly rotations?: IRotation[];
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

  constructor(scope: Construct, id: string, props: OnCallScheduleProps) {
    super(scope, id);
    markNotPersonal(this, 'the on-call schedule');
    // The schedule's plan only names its rotations (CloudFormation rejects stages on a schedule);
    // rotations added later are in it at synthesis.
    const resource = defineContactResource(this, props, 'ONCALL_SCHEDULE', [{ rotationIds: Lazy.list({ produce: () => this.rotationArns }) }]);
    this.contactArn = resource.attrArn;
    this.contactAlias = props.alias;

    for (const rotation of props.rotations ?? []) {
      this.addRotation(rotation);
    }
    requireEntries(this, 'rotations', () => this.rotations.length, 'rotations', 'have 1 to 8 rotations (add one with `rotations` or addRotation)', 'ON_CALL_SCHEDULE');
  }

  /**
   * Adds a rotation to the schedule.
   */
  public addRotation(rotation: IRotation): void {
    if (this.rotations.includes(rotation)) {
      throw new IncidentManagerValidationError(this, 'a rotation', rotation.node.path, 'be added to a schedule once', 'ON_CALL_SCHEDULE');
    }
    if (this.rotations.length >= MAX_ROTATIONS) {
      throw new IncidentManagerValidationError(this, '`rotations`', `${this.rotations.length + 1} rotations`, 'have 1 to 8 rotations', 'ON_CALL_SCHEDULE');
    }
    this.rotations.push(rotation);
    this.rotationArns.push(rotation.rotationArn);
  }
}
