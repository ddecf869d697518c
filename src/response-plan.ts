import {
  Annotations,
  CfnTag,
  IResource,
  Names,
  Resource,
  Stack,
  aws_iam as iam,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_ssmincidents as ssmincidents,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ChatChannel } from './chat-channel';
import { IContact } from './contact-base';
import {
  INCIDENT_MANAGER_PRINCIPAL,
  RESOLVER_LIST_ACTIONS,
  RESOLVER_PLAN_ACTIONS,
  RESOLVER_RECORD_ACTIONS,
  START_INCIDENT_ACTIONS,
} from './private/actions';
import { RESPONSE_PLAN, formatArn, importPath, incidentRecordsArn, parseArn } from './private/arns';
import { IncidentManagerValidationError, Where } from './private/errors';
import { checkCount, checkSameEnvironment, checkString } from './private/validate';
import { Runbook, RunbookExecutionRole, RunbookTargetAccount } from './runbook';

/**
 * How badly an incident affects the business.
 */
export enum Impact {
  /** Full application failure that affects many customers (1). */
  CRITICAL = 'CRITICAL',
  /** Partial application failure that affects many customers (2). */
  HIGH = 'HIGH',
  /** Partial application failure that affects some customers (3). */
  MEDIUM = 'MEDIUM',
  /** Intermittent failures that affect few customers (4). */
  LOW = 'LOW',
  /** Customers are not yet affected (5). */
  NO_IMPACT = 'NO_IMPACT',
}

const IMPACT_VALUES: Record<Impact, number> = {
  [Impact.CRITICAL]: 1,
  [Impact.HIGH]: 2,
  [Impact.MEDIUM]: 3,
  [Impact.LOW]: 4,
  [Impact.NO_IMPACT]: 5,
};

/**
 * A value Incident Manager fills in when it starts the runbook.
 */
export enum DynamicParameterValue {
  /** The ARN of the incident record (for a `String` parameter). */
  INCIDENT_RECORD_ARN = 'INCIDENT_RECORD_ARN',
  /** The ARNs of the resources involved in the incident (for a `StringList` parameter). */
  INVOLVED_RESOURCES = 'INVOLVED_RESOURCES',
}

/**
 * The runbook a response plan starts, and how.
 */
export interface RunbookAction {
  /** The runbook. */
  readonly runbook: Runbook;

  /**
   * The document version to run.
   *
   * @default - the default version
   */
  readonly documentVersion?: string;

  /**
   * Parameters with fixed values: up to 200, each with up to 10 values.
   *
   * @default - none
   */
  readonly parameters?: { [name: string]: string[] };

  /**
   * Parameters whose values Incident Manager fills in from the incident: up to 200.
   *
   * @default - none
   */
  readonly dynamicParameters?: { [name: string]: DynamicParameterValue };

  /**
   * The account the runbook runs in.
   *
   * @default RunbookTargetAccount.RESPONSE_PLAN_OWNER_ACCOUNT
   */
  readonly targetAccount?: RunbookTargetAccount;

  /**
   * The role Incident Manager uses to start the runbook.
   *
   * @default - a `RunbookExecutionRole` that can start exactly this runbook for this plan's incidents
   */
  readonly role?: iam.IRole;

  /**
   * The role the runbook assumes to do its work. It is given to the runbook as its
   * `AutomationAssumeRole` parameter (unless `parameters` sets that), and the created runbook role may
   * pass it.
   *
   * @default - none
   */
  readonly automationAssumeRole?: iam.IRole;

  /**
   * With `RunbookTargetAccount.IMPACTED_ACCOUNT`, the accounts whose
   * `AWS-SystemsManager-AutomationExecutionRole` the created runbook role may assume.
   *
   * @default - that role in any account
   */
  readonly impactedAccounts?: string[];
}

/**
 * A PagerDuty service that gets an incident whenever the response plan starts one.
 */
export interface PagerDutyIntegration {
  /**
   * A name for the integration: 1 to 200 characters.
   *
   * @default 'PagerDuty'
   */
  readonly name?: string;

  /** The ID of the PagerDuty service. */
  readonly serviceId: string;

  /**
   * The secret that holds the PagerDuty credentials, as JSON with the keys `pagerDutyToken`,
   * `pagerDutyServiceRegion` and `pagerDutyFromEmail`. It must be encrypted with a customer-managed
   * key: Incident Manager cannot use a secret encrypted with the AWS managed key. When the secret and
   * its key are defined in this app, the response plan adds the resource policy statements Incident
   * Manager needs to both.
   */
  readonly secret: secretsmanager.ISecret;
}

/**
 * A response plan, defined here or imported (also one shared from another account).
 */
export interface IResponsePlan extends IResource {
  /**
   * The ARN of the response plan.
   * @attribute
   */
  readonly responsePlanArn: string;

  /**
   * The name of the response plan.
   * @attribute
   */
  readonly responsePlanName: string;

  /**
   * Lets `grantee` start incidents with this plan (`ssm-incidents:StartIncident` on its ARN).
   */
  grantStartIncident(grantee: iam.IGrantable): iam.Grant;

  /**
   * Lets `grantee` respond to this plan's incidents: what the AWSIncidentManagerResolverAccess managed
   * policy allows, but only on this plan and its incident records (`incident-record/<plan>/*`), with
   * `*` only for the two list actions that take no resource.
   */
  grantResolveIncidents(grantee: iam.IGrantable): iam.Grant;
}

abstract class ResponsePlanBase extends Resource implements IResponsePlan {
  public abstract readonly responsePlanArn: string;
  public abstract readonly responsePlanName: string;

  public grantStartIncident(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: START_INCIDENT_ACTIONS, resourceArns: [this.responsePlanArn] });
  }

  public grantResolveIncidents(grantee: iam.IGrantable): iam.Grant {
    const onPlan = iam.Grant.addToPrincipal({ grantee, actions: RESOLVER_PLAN_ACTIONS, resourceArns: [this.responsePlanArn] });
    const onRecords = iam.Grant.addToPrincipal({ grantee, actions: RESOLVER_RECORD_ACTIONS, resourceArns: [this.incidentRecordsArn()] });
    const lists = iam.Grant.addToPrincipal({ grantee, actions: RESOLVER_LIST_ACTIONS, resourceArns: ['*'] });
    return onPlan.combine(onRecords).combine(lists);
  }

  /** Every incident record of this plan. */
  protected incidentRecordsArn(): string {
    return incidentRecordsArn(this, this.env.account, this.responsePlanName);
  }
}

/**
 * Properties of a `ResponsePlan`.
 */
export interface ResponsePlanProps {
  /**
   * The plan's name: 1 to 200 letters, digits, `_` and `-`. Changing it replaces the plan.
   *
   * @default - a name generated from the construct path
   */
  readonly responsePlanName?: string;

  /**
   * The plan's display name: 1 to 200 characters.
   *
   * @default - none
   */
  readonly displayName?: string;

  /** The title of the incidents the plan starts: up to 200 characters. */
  readonly title: string;

  /** The impact of the incidents the plan starts. */
  readonly impact: Impact;

  /**
   * A summary of the incident: 1 to 4,000 characters.
   *
   * @default - none
   */
  readonly summary?: string;

  /**
   * Incidents with the same dedupe string are merged into one: 1 to 1,000 characters.
   *
   * @default - no deduplication
   */
  readonly dedupeString?: string;

  /**
   * Tags applied to each incident record the plan starts: up to 50.
   *
   * @default - none
   */
  readonly incidentTags?: { [key: string]: string };

  /**
   * Topics notified of the incident's updates: up to 10, in the plan's account.
   *
   * @default - none
   */
  readonly notificationTopics?: sns.ITopic[];

  /**
   * The contacts, escalation plans and on-call schedules engaged when an incident starts: up to 5.
   * More can be added with `addEngagement`.
   *
   * @default - none
   */
  readonly engagements?: IContact[];

  /**
   * The chat channel responders work in.
   *
   * @default - none
   */
  readonly chatChannel?: ChatChannel;

  /**
   * The runbook started when an incident begins.
   *
   * @default - none
   */
  readonly runbook?: RunbookAction;

  /**
   * A PagerDuty service that gets a matching incident.
   *
   * @default - none
   */
  readonly pagerDuty?: PagerDutyIntegration;
}

const PLAN_NAME = /^[a-zA-Z0-9_-]*$/;
const INCIDENT_TAG_KEY = /^(?!aws:)[a-zA-Z+-=._:/]+$/;
const MAX_ENGAGEMENTS = 5;
const MAX_NOTIFICATION_TOPICS = 10;
const MAX_INCIDENT_TAGS = 50;
const MAX_PARAMETERS = 200;
const MAX_PARAMETER_VALUES = 10;

/**
 * An Incident Manager response plan: the template for an incident, who is engaged, where responders
 * talk, and which runbook runs.
 *
 * @resource AWS::SSMIncidents::ResponsePlan
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/response-plans.html
 */
export class ResponsePlan extends ResponsePlanBase {
  /**
   * Imports a response plan by ARN (`arn:<partition>:ssm-incidents::<account>:response-plan/<name>`),
   * also one another account shares with this one.
   */
  public static fromResponsePlanArn(scope: Construct, id: string, responsePlanArn: string): IResponsePlan {
    const parsed = parseArn(importPath(scope, id), RESPONSE_PLAN, responsePlanArn, 'responsePlanArn');
    class Import extends ResponsePlanBase {
      public readonly responsePlanArn = responsePlanArn;
      public readonly responsePlanName = parsed.resourceName;
    }
    return new Import(scope, id, { environmentFromArn: responsePlanArn });
  }

  /**
   * Imports a response plan of this stack's account by name.
   */
  public static fromResponsePlanName(scope: Construct, id: string, responsePlanName: string): IResponsePlan {
    checkString(importPath(scope, id), 'responsePlanName', responsePlanName, { pattern: PLAN_NAME, min: 1, max: 200 });
    class Import extends ResponsePlanBase {
      public readonly responsePlanName = responsePlanName;
      public readonly responsePlanArn = formatArn(this, RESPONSE_PLAN, responsePlanName);
    }
    return new Import(scope, id);
  }

  /** @attribute */
  public readonly responsePlanArn: string;
  /** @attribute */
  public readonly responsePlanName: string;

  /** The role that starts the runbook, when the plan has a runbook. */
  public readonly runbookRole?: iam.IRole;

  private readonly engagements: IContact[] = [];
  private readonly resource: ssmincidents.CfnResponsePlan;

  constructor(scope: Construct, id: string, props: ResponsePlanProps) {
    super(scope, id);
    this.responsePlanName = props.responsePlanName ?? Names.uniqueResourceName(this, { maxLength: 200, separator: '-' });
    checkString(this, 'responsePlanName', this.responsePlanName, { pattern: PLAN_NAME, min: 1, max: 200 });
    checkString(this, 'displayName', props.displayName, { min: 1, max: 200 });
    checkString(this, 'title', props.title, { max: 200 });
    checkString(this, 'summary', props.summary, { min: 1, max: 4000 });
    checkString(this, 'dedupeString', props.dedupeString, { min: 1, max: 1000 });

    const topics = props.notificationTopics ?? [];
    checkCount(this, 'notificationTopics', topics, 0, MAX_NOTIFICATION_TOPICS, 'topics');
    topics.forEach((topic, i) => checkSameEnvironment(this, `\`notificationTopics[${i}]\``, topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region'));

    if (props.chatChannel) {
      checkSameEnvironment(this, '`chatChannel`', props.chatChannel.topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region');
    }

    const runbookRole = props.runbook ? this.runbookRoleFor(props.runbook) : undefined;
    this.runbookRole = runbookRole;

    const resource = new ssmincidents.CfnResponsePlan(this, 'Resource', {
      name: this.responsePlanName,
      displayName: props.displayName,
      incidentTemplate: {
        title: props.title,
        impact: IMPACT_VALUES[props.impact],
        summary: props.summary,
        dedupeString: props.dedupeString,
        incidentTags: this.renderIncidentTags(props.incidentTags),
        notificationTargets: topics.length > 0 ? topics.map((t) => ({ snsTopicArn: t.topicArn })) : undefined,
      },
      chatChannel: props.chatChannel ? { chatbotSns: [props.chatChannel.topic.topicArn] } : undefined,
      actions: props.runbook && runbookRole ? [{ ssmAutomation: this.renderRunbook(props.runbook, runbookRole) }] : undefined,
      integrations: props.pagerDuty ? [{ pagerDutyConfiguration: this.renderPagerDuty(props.pagerDuty) }] : undefined,
    });
    if (runbookRole) {
      // The role and its policy exist before Incident Manager checks the plan.
      resource.node.addDependency(runbookRole);
    }
    this.responsePlanArn = resource.attrArn;
    this.resource = resource;

    for (const contact of props.engagements ?? []) {
      this.addEngagement(contact);
    }
    props.chatChannel?._bind(this);
  }

  /**
   * Adds a contact, escalation plan or on-call schedule to engage when an incident starts.
   */
  public addEngagement(contact: IContact): void {
    if (this.engagements.includes(contact)) {
      throw new IncidentManagerValidationError(this, '`engagements`', contact.node.path, 'name each contact once');
    }
    if (this.engagements.length >= MAX_ENGAGEMENTS) {
      throw new IncidentManagerValidationError(this, '`engagements`', `${this.engagements.length + 1} contacts`, `have at most ${MAX_ENGAGEMENTS} contacts`);
    }
    this.engagements.push(contact);
    // Set on the first engagement, so that a plan without engagements has none in its template.
    this.resource.engagements = this.engagements.map((c) => c.contactArn);
  }

  private renderIncidentTags(tags?: { [key: string]: string }): CfnTag[] | undefined {
    const entries = Object.entries(tags ?? {});
    if (entries.length === 0) {
      return undefined;
    }
    checkCount(this, 'incidentTags', entries, 0, MAX_INCIDENT_TAGS, 'tags');
    for (const [key, value] of entries) {
      checkString(this, 'incidentTags key', key, { pattern: INCIDENT_TAG_KEY, min: 1, max: 128 });
      checkString(this, `incidentTags["${key}"]`, value, { min: 1, max: 256 });
    }
    return entries.map(([key, value]) => ({ key, value }));
  }

  private runbookRoleFor(runbook: RunbookAction): iam.IRole {
    runbook.runbook._validate(this);
    if (runbook.role) {
      return runbook.role;
    }
    return new RunbookExecutionRole(this, 'RunbookRole', {
      responsePlanName: this.responsePlanName,
      runbook: runbook.runbook,
      automationAssumeRole: runbook.automationAssumeRole,
      targetAccount: runbook.targetAccount,
      impactedAccounts: runbook.impactedAccounts,
    });
  }

  private renderRunbook(runbook: RunbookAction, role: iam.IRole): ssmincidents.CfnResponsePlan.SsmAutomationProperty {
    const parameters: { [name: string]: string[] } = { ...(runbook.parameters ?? {}) };
    if (runbook.automationAssumeRole && !('AutomationAssumeRole' in parameters)) {
      parameters.AutomationAssumeRole = [runbook.automationAssumeRole.roleArn];
    }
    const parameterEntries = Object.entries(parameters);
    const dynamicEntries = Object.entries(runbook.dynamicParameters ?? {});
    checkCount(this, 'runbook.parameters', parameterEntries, 0, MAX_PARAMETERS, 'parameters');
    checkCount(this, 'runbook.dynamicParameters', dynamicEntries, 0, MAX_PARAMETERS, 'parameters');
    for (const [key, values] of parameterEntries) {
      checkParameterName(this, 'runbook.parameters', key);
      checkCount(this, `runbook.parameters["${key}"]`, values, 0, MAX_PARAMETER_VALUES, 'values');
      values.forEach((v, i) => checkString(this, `runbook.parameters["${key}"][${i}]`, v, { max: 10000 }));
    }
    for (const [key] of dynamicEntries) {
      checkParameterName(this, 'runbook.dynamicParameters', key);
    }
    checkString(this, 'runbook.documentVersion', runbook.documentVersion, { max: 128 });

    return {
      documentName: runbook.runbook.documentName,
      documentVersion: runbook.documentVersion,
      roleArn: role.roleArn,
      targetAccount: runbook.targetAccount ?? RunbookTargetAccount.RESPONSE_PLAN_OWNER_ACCOUNT,
      parameters: parameterEntries.length > 0 ? parameterEntries.map(([key, values]) => ({ key, values })) : undefined,
      dynamicParameters:
        dynamicEntries.length > 0 ? dynamicEntries.map(([key, variable]) => ({ key, value: { variable } })) : undefined,
    };
  }

  private renderPagerDuty(pagerDuty: PagerDutyIntegration): ssmincidents.CfnResponsePlan.PagerDutyConfigurationProperty {
    const name = pagerDuty.name ?? 'PagerDuty';
    checkString(this, 'pagerDuty.name', name, { min: 1, max: 200 });
    checkString(this, 'pagerDuty.serviceId', pagerDuty.serviceId, { min: 1, max: 200 });
    const secret = pagerDuty.secret;
    if (!secret.encryptionKey && Resource.isOwnedResource(secret)) {
      throw new IncidentManagerValidationError(
        this,
        '`pagerDuty.secret`',
        `${secret.node.path} encrypted with the AWS managed key`,
        'be encrypted with a customer-managed key (set encryptionKey on the secret)',
      );
    }
    // Incident Manager reads the secret, and decrypts it with its key, in the plan's Region. In a
    // secret's resource policy `*` is the secret itself.
    const added = secret.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['*'],
      }),
    );
    if (!added.statementAdded) {
      Annotations.of(this).addWarningV2(
        'cdk-incident-manager:ResponsePlan.pagerDutySecretPolicy',
        `The PagerDuty secret ${secret.secretArn} is imported: allow ssm-incidents.amazonaws.com secretsmanager:GetSecretValue in its resource policy, and kms:Decrypt and kms:GenerateDataKey* in its key's policy, where they are defined.`,
      );
    }
    secret.encryptionKey?.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` } },
      }),
      true,
    );
    return { name, secretId: secret.secretArn, pagerDutyIncidentConfiguration: { serviceId: pagerDuty.serviceId } };
  }
}

function checkParameterName(scope: Where, what: string, key: string): void {
  checkString(scope, `${what} name`, key, { min: 1, max: 50 });
}

