import { Stack, aws_iam as iam, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  ASSUME_ROLE_ACTIONS,
  AUTOMATION_EXECUTION_ROLE_NAME,
  INCIDENT_MANAGER_PRINCIPAL,
  PASS_ROLE_ACTIONS,
  START_AUTOMATION_ACTIONS,
} from './private/actions';
import { automationDefinitionArn, incidentRecordsArn, roleArn } from './private/arns';
import { Where } from './private/errors';
import { checkString } from './private/validate';

/** The document name pattern of the Incident Manager API (SsmAutomation.documentName). */
const DOCUMENT_NAME = /^[a-zA-Z0-9_\-.:/]{3,128}$/;

/**
 * A Systems Manager Automation runbook that a response plan starts when an incident begins.
 */
export class Runbook {
  /**
   * A runbook owned by the response plan's account, by name.
   */
  public static fromDocumentName(documentName: string): Runbook {
    return new Runbook(documentName, false);
  }

  /**
   * A runbook owned by AWS, such as `AWSIncidents-CriticalIncidentRunbookTemplate`.
   */
  public static awsOwned(documentName: string): Runbook {
    return new Runbook(documentName, true);
  }

  /**
   * A runbook defined in this app. It must be of type `Automation`.
   */
  public static fromCfnDocument(document: ssm.CfnDocument): Runbook {
    return new Runbook(document.ref, false);
  }

  private constructor(
    /** The name of the Automation document. */
    public readonly documentName: string,
    /** Whether AWS owns the document. */
    public readonly isAwsOwned: boolean,
  ) {}

  /**
   * Checks the document name.
   * @internal
   */
  public _validate(scope: Where): void {
    checkString(scope, 'runbook document name', this.documentName, { pattern: DOCUMENT_NAME });
  }

}

/**
 * The account a runbook runs in.
 */
export enum RunbookTargetAccount {
  /** The account that owns the response plan. */
  RESPONSE_PLAN_OWNER_ACCOUNT = 'RESPONSE_PLAN_OWNER_ACCOUNT',
  /**
   * The account where the incident happened. The runbook role then assumes that account's
   * `AWS-SystemsManager-AutomationExecutionRole`.
   */
  IMPACTED_ACCOUNT = 'IMPACTED_ACCOUNT',
}

/**
 * Properties of a `RunbookExecutionRole`.
 */
export interface RunbookExecutionRoleProps {
  /**
   * The name of the response plan whose incidents may use the role (`aws:SourceArn`).
   */
  readonly responsePlanName: string;

  /**
   * The runbook the role may start, and nothing else.
   */
  readonly runbook: Runbook;

  /**
   * The role the runbook assumes to do its work (its `AutomationAssumeRole` parameter). The runbook
   * role may pass this role, and no other.
   *
   * @default - the runbook role passes no role
   */
  readonly automationAssumeRole?: iam.IRole;

  /**
   * The account the runbook runs in.
   *
   * @default RunbookTargetAccount.RESPONSE_PLAN_OWNER_ACCOUNT
   */
  readonly targetAccount?: RunbookTargetAccount;

  /**
   * With `RunbookTargetAccount.IMPACTED_ACCOUNT`, the application accounts whose
   * `AWS-SystemsManager-AutomationExecutionRole` the role may assume.
   *
   * @default - that role in any account
   */
  readonly impactedAccounts?: string[];
}

/**
 * The role Incident Manager uses to start a response plan's runbook.
 *
 * Only `ssm-incidents.amazonaws.com` can assume it, only for the account's own incidents
 * (`aws:SourceAccount`) of this response plan (`aws:SourceArn`). It can start exactly the runbook's
 * automation definition, pass only the automation assume role you name, and assume
 * `AWS-SystemsManager-AutomationExecutionRole` only when the runbook runs in the impacted account.
 *
 * @resource AWS::IAM::Role
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/response-plans.html
 */
export class RunbookExecutionRole extends iam.Role {
  constructor(scope: Construct, id: string, props: RunbookExecutionRoleProps) {
    const account = Stack.of(scope).account;
    super(scope, id, {
      description: `Lets Incident Manager start the runbook of response plan ${props.responsePlanName}`,
      assumedBy: new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL, {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          // The user guide's confused-deputy example: any Region, this account, this plan's incident records.
          ArnLike: { 'aws:SourceArn': incidentRecordsArn(scope, account, props.responsePlanName, '*') },
        },
      }),
    });
    props.runbook._validate(this);

    this.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: START_AUTOMATION_ACTIONS,
        resources: [automationDefinitionArn(this, props.runbook.documentName, props.runbook.isAwsOwned)],
      }),
    );
    if (props.automationAssumeRole) {
      this.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: PASS_ROLE_ACTIONS,
          resources: [props.automationAssumeRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
        }),
      );
    }
    if (props.targetAccount === RunbookTargetAccount.IMPACTED_ACCOUNT) {
      const accounts = props.impactedAccounts && props.impactedAccounts.length > 0 ? props.impactedAccounts : ['*'];
      props.impactedAccounts?.forEach((a, i) => checkString(this, `impactedAccounts[${i}]`, a, { pattern: /^[0-9]{12}$/ }));
      this.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ASSUME_ROLE_ACTIONS,
          resources: accounts.map((a) => roleArn(this, a, AUTOMATION_EXECUTION_ROLE_NAME)),
        }),
      );
    }
  }
}
