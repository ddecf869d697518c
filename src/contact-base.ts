import { IResource, aws_iam as iam } from 'aws-cdk-lib';
import { ENGAGE_CONTACT_ACTIONS } from './private/actions';
import { RemovalPolicy, Resource } from './private/core';
import { checkGrantee } from './private/inputs';

/**
 * What every contact, escalation plan and on-call schedule has: its names and what happens to it
 * when it leaves the stack. Shared by the constructs and the foundation's entries.
 */
export interface ContactNameOptions {
  /**
   * The alias, unique in the account and Region: 1 to 255 lower-case letters, digits and `_ - .`.
   * Changing it replaces the contact.
   */
  readonly alias: string;

  /**
   * The name people see: 1 to 255 letters, digits, spaces and `_ -`.
   */
  readonly displayName: string;

  /**
   * What happens to the contact when it leaves the stack. A re-created contact's channels must all be
   * activated again, and its alias stays taken until the retained one is deleted.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A contact of Incident Manager (a person, an escalation plan or an on-call schedule), defined here
 * or imported.
 */
export interface IContact extends IResource {
  /**
   * The ARN of the contact.
   * @attribute
   */
  readonly contactArn: string;

  /**
   * The alias of the contact, unique in its account and Region.
   * @attribute
   */
  readonly contactAlias: string;

  /**
   * Lets `grantee` start an engagement of this contact (`ssm-contacts:StartEngagement` on its ARN).
   */
  grantEngage(grantee: iam.IGrantable): iam.Grant;
}

/**
 * What all contacts share: identity and grants. It is the base of `Contact`, `EscalationPlan` and
 * `OnCallSchedule` and cannot be created itself: create one of those, or refer to an existing contact
 * with `Contact.fromContactArn` or `Contact.fromContactAlias`.
 */
export abstract class ContactBase extends Resource implements IContact {
  public abstract readonly contactArn: string;
  public abstract readonly contactAlias: string;

  public grantEngage(grantee: iam.IGrantable): iam.Grant {
    checkGrantee(this, grantee, 'INPUT');
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ENGAGE_CONTACT_ACTIONS,
      resourceArns: [this.contactArn],
    });
  }
}
