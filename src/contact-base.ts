import { IResource, Resource, aws_iam as iam } from 'aws-cdk-lib';
import { ENGAGE_CONTACT_ACTIONS } from './private/actions';

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
 * What all contacts share: identity and grants.
 */
export abstract class ContactBase extends Resource implements IContact {
  public abstract readonly contactArn: string;
  public abstract readonly contactAlias: string;

  public grantEngage(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ENGAGE_CONTACT_ACTIONS,
      resourceArns: [this.contactArn],
    });
  }
}
