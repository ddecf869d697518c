import { Annotations, CfnTag, IResource, aws_iam as iam, aws_secretsmanager as secretsmanager, aws_sns as sns, aws_ssmincidents as ssmincidents } from 'aws-cdk-lib';
import { Construct, IConstruct, IDependable } from 'constructs';
import { IContact } from './contact-base';
import { SIGNAL_AUTOMATION_ACTIONS, START_INCIDENT_ACTIONS, resolverStatements } from './private/actions';
import { RESPONSE_PLAN, automationExecutionsArn, fixedPhysicalName, formatArn, importPath, incidentRecordsArn, parseArn } from './private/arns';
import { Lazy, Names, Resource, Stack, Token } from './private/core';
import { IncidentManagerValidationError, Where, shown } from './private/errors';
import { checkConstruct, checkEnum, checkGrantee, checkList, checkMap, kindOf, requireGiven, requireProps } from './private/inputs';
import { checkSymmetricKey, isMultiRegionKey } from './private/keys';
import { refuseSnapshot } from './private/removal';
import { replicationRegionsOf, useReplicationSet } from './private/replication-regions';
import { allowIncidentManagerToReadSecret } from './private/secrets';
import { checkTagsAtSynth } from './private/tags';
import { allowIncidentManagerToPublish, checkStandardTopic } from './private/topics';
import { claimUniqueName } from './private/unique';
import { checkCount, checkResponsePlanName, checkSameEnvironment, checkString } from './private/validate';
import { warnAtSynthesis } from './private/warnings';
import type { ReplicationSetOptions } from './replication-set';
import { Runbook, RunbookExecutionRole, RunbookExecutionRoleProps, RunbookTargetAccount } from './runbook';

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
   * Where the document's parameters are known (`Runbook.requiredParameters`), each parameter it
   * requires must have a value here or in `dynamicParameters`, and each one given must be declared.
   * `AutomationAssumeRole` belongs in `automationAssumeRole` when the plan creates the runbook role
   * (that role may pass only that role); here it is accepted with your own `role`, or when the runbook
   * runs in the impacted account.
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
   * @default - that role in any account, with a warning at synth (`RunbookExecutionRoleProps.impactedAccounts`)
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
   * policy allows, but only on this plan and its incident records: the record actions on both
   * `incident-record/<plan>/*` and the plan (the Service Authorization Reference requires both
   * resource types), and `*` only for the two list actions that take no resource.
   */
  grantResolveIncidents(grantee: iam.IGrantable): iam.Grant;

  /**
   * Lets `grantee` advance the manual steps of the runbook this plan starts in its own account: a
   * runbook whose steps wait for a person (`aws:pause`, `aws:approve`) goes on only when a responder
   * sends `ssm:SendAutomationSignal` (Resume, Approve, Reject, StartStep). Granted on the automation
   * executions of the plan's account, the one resource type the Service Authorization Reference
   * requires; their IDs are generated when the runbook starts, so no ARN narrows it to this plan's
   * runbook. Not needed for runbooks without such steps. For a runbook that runs in the impacted
   * account, grant `IncidentManagerApplicationAccount.grantRunbookSignals` there instead.
   */
  grantRunbookSignals(grantee: iam.IGrantable): iam.Grant;
}

abstract class ResponsePlanBase extends Resource implements IResponsePlan {
  public abstract readonly responsePlanArn: string;
  public abstract readonly responsePlanName: string;

  public grantStartIncident(grantee: iam.IGrantable): iam.Grant {
    checkGrantee(this, grantee, 'INPUT');
    return iam.Grant.addToPrincipal({ grantee, actions: START_INCIDENT_ACTIONS, resourceArns: [this.arnSeenFrom(grantee)] });
  }

  public grantResolveIncidents(grantee: iam.IGrantable): iam.Grant {
    checkGrantee(this, grantee, 'INPUT');
    const [onPlan, ...rest] = resolverStatements(this.arnSeenFrom(grantee), this.incidentRecordsArn()).map((statement) =>
      iam.Grant.addToPrincipal({ grantee, actions: statement.actions, resourceArns: statement.resources }),
    );
    return rest.reduce((all, grant) => all.combine(grant), onPlan);
  }

  public grantRunbookSignals(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: SIGNAL_AUTOMATION_ACTIONS, resourceArns: [automationExecutionsArn(this, this.env.account)] });
  }

  /**
   * The plan's ARN for a grantee in another stack (a nested stack of the foundation, say): built from
   * the name, as Incident Manager builds it, so that no stack output and no cross-stack reference is
   * needed. In the plan's own stack, and for imported plans, it is the plan's ARN itself.
   */
  private arnSeenFrom(grantee: iam.IGrantable): string {
    const name = this.responsePlanName;
    if (!Resource.isOwnedResource(this) || Token.isUnresolved(name) || !Construct.isConstruct(grantee) || Stack.of(grantee) === this.stack) {
      return this.responsePlanArn;
    }
    return formatArn(grantee, RESPONSE_PLAN, name, this.env.account);
  }

  /** Every incident record of this plan. */
  protected incidentRecordsArn(): string {
    return incidentRecordsArn(this, this.env.account, this.responsePlanName);
  }
}

/**
 * What a chat channel gives a response plan that uses it.
 */
export interface ChatChannelBinding {
  /** The ARNs of the SNS topics the plan names as its chat channel (`ChatbotSns`). */
  readonly topicArns: string[];
  /**
   * The policies Incident Manager relies on when it creates the plan (it test-publishes to the
   * topics): the plan depends on them.
   */
  readonly dependencies: IDependable[];
}

/**
 * A chat channel a response plan can use: `ChatChannel`, or a channel of your own.
 */
export interface IChatChannel extends IConstruct {
  /**
   * Called by a response plan that uses the channel: checks the channel against the plan, gives the
   * channel's chat roles what responders need on the plan, and says what the plan names and waits for.
   */
  bindToResponsePlan(plan: IResponsePlan): ChatChannelBinding;
}

/**
 * A response plan's own settings: everything but the contacts it engages and its chat channel, which
 * the foundation names by alias. Shared by `ResponsePlan` and the foundation's response plans.
 */
export interface ResponsePlanOptions {
  /**
   * The plan's name: 1 to 200 letters, digits, `_` and `-`. Changing it replaces the plan.
   *
   * @default - a name generated from the construct path
   */
  readonly responsePlanName?: string;

  /**
   * The plan's display name: up to 200 characters. An empty string is the same as none: the API takes
   * "", CloudFormation takes 1 to 200 characters and reads "" back as no display name.
   *
   * @default - none
   */
  readonly displayName?: string;

  /** The title of the incidents the plan starts: up to 200 characters. */
  readonly title: string;

  /** The impact of the incidents the plan starts. */
  readonly impact: Impact;

  /**
   * A summary of the incident: up to 4,000 characters. An empty string is the same as none: the API
   * takes "" (IncidentTemplate summary, 0 to 4,000 characters), CloudFormation takes 1 to 4,000 and
   * reads "" back as no summary.
   *
   * @default - none
   */
  readonly summary?: string;

  /**
   * Incidents with the same dedupe string are merged into one: up to 1,000 characters. An empty string
   * is the same as none: the API takes "" (IncidentTemplate dedupeString, 0 to 1,000 characters),
   * CloudFormation takes 1 to 1,000 and reads "" back as no dedupe string.
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

/**
 * Properties of a `ResponsePlan`.
 */
export interface ResponsePlanProps extends ResponsePlanOptions, ReplicationSetOptions {
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
  readonly chatChannel?: IChatChannel;
}

// Incident tags must satisfy both the Incident Manager API (IncidentTemplate.incidentTags: key
// ^(?!aws:)[A-Za-z0-9 _=@:.+-/]+$, value ^[A-Za-z0-9 _=@:.+-/]*$) and the CloudFormation schema
// (Tag: key ^(?!aws:)[a-zA-Z+-=._:/]+$, value 1 to 256 characters): keys without spaces or @.
const INCIDENT_TAG_KEY = /^(?!aws:)[A-Za-z0-9_=:.+\-/]+$/;
const INCIDENT_TAG_VALUE = /^[A-Za-z0-9 _=@:.+\-/]*$/;
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
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * declare const escalation: im.EscalationPlan;
 * new im.ResponsePlan(this, 'Critical', {
 *   responsePlanName: 'checkout-critical',
 *   title: 'Checkout is failing',
 *   impact: im.Impact.CRITICAL,
 *   engagements: [escalation],
 *   runbook: { runbook: im.Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate') },
 * });
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
    requireGiven(importPath(scope, id), 'responsePlanName', responsePlanName, 'the name of a response plan of this account', 'RESPONSE_PLAN_NAME');
    checkResponsePlanName(importPath(scope, id), 'responsePlanName', responsePlanName);
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

  constructor(scope: Construct, id: string, props: ResponsePlanProps) {
    super(scope, id);
    requireProps(this, props, 'ResponsePlanProps (title, impact)', 'INPUT');
    this.responsePlanName = props.responsePlanName ?? Names.uniqueResourceName(this, { maxLength: 200, separator: '-' });

    // Check: every rule of the props, before anything is created.
    this.checkTemplate(props);
    const topics = props.notificationTopics ?? [];
    this.checkNotificationTopics(topics);
    if (props.runbook) this.checkRunbook(props.runbook);
    if (props.pagerDuty) this.checkPagerDuty(props.pagerDuty);

    // Act: Incident Manager test-publishes to the topics, checks the runbook role and reads the
    // PagerDuty secret when it creates or updates the plan, so every policy it relies on must exist
    // before the plan.
    const policies = this.allowNotifications(topics);
    this.runbookRole = props.runbook ? this.runbookRoleFor(props.runbook) : undefined;
    if (props.pagerDuty) policies.push(...allowIncidentManagerToReadSecret(this, props.pagerDuty.secret));

    // Render.
    const resource = new ssmincidents.CfnResponsePlan(this, 'Resource', {
      name: this.responsePlanName,
      displayName: noneIfEmpty(props.displayName),
      incidentTemplate: renderIncidentTemplate(props, topics),
      // A growing list, as aws-cdk-lib renders them: engagements added later are in it at synthesis.
      engagements: Lazy.list({ produce: () => this.engagements.map((c) => c.contactArn) }, { omitEmpty: true }),
      actions: props.runbook && this.runbookRole ? [{ ssmAutomation: renderRunbook(props.runbook, this.runbookRole) }] : undefined,
      integrations: props.pagerDuty ? [{ pagerDutyConfiguration: renderPagerDuty(props.pagerDuty) }] : undefined,
    });
    this.responsePlanArn = resource.attrArn;
    if (props.chatChannel) {
      // The chat channel checks its topics against the plan, gives its chat roles the responders'
      // permissions on the plan (which needs the plan's ARN, so the plan exists first), and says which
      // topics the plan names and which policies it must wait for.
      const binding = props.chatChannel.bindToResponsePlan(this);
      resource.chatChannel = { chatbotSns: binding.topicArns };
      policies.push(...binding.dependencies);
    }
    // Incident Manager checks the runbook role when it creates the plan: the role comes first through
    // its ARN, and its policy through an explicit dependency (a DependsOn on the role itself would
    // repeat the GetAtt, cfn-lint W3005).
    const rolePolicy = this.runbookRole?.node.tryFindChild('DefaultPolicy');
    if (rolePolicy) {
      policies.push(rolePolicy);
    }
    if (policies.length > 0) {
      resource.node.addDependency(...policies);
    }
    checkTagsAtSynth(this, resource);
    refuseSnapshot(this, resource);
    useReplicationSet(this, props.replicationSet);

    for (const contact of props.engagements ?? []) {
      this.addEngagement(contact);
    }
  }

  /**
   * Adds a contact, escalation plan or on-call schedule to engage when an incident starts.
   */
  public addEngagement(contact: IContact): void {
    checkConstruct(this, `engagements[${this.engagements.length}]`, contact, 'a contact, on-call schedule or escalation plan', 'RESPONSE_PLAN_ENGAGEMENTS');
    if (this.engagements.includes(contact)) {
      throw new IncidentManagerValidationError(this, '`engagements`', contact.node.path, 'name each contact once', 'RESPONSE_PLAN_ENGAGEMENTS');
    }
    if (this.engagements.length >= MAX_ENGAGEMENTS) {
      throw new IncidentManagerValidationError(this, '`engagements`', `${this.engagements.length + 1} contacts`, `have at most ${MAX_ENGAGEMENTS} contacts`, 'RESPONSE_PLAN_ENGAGEMENTS');
    }
    this.engagements.push(contact);
  }

  /** The plan's name, its incident template, and the shape of every prop. */
  private checkTemplate(props: ResponsePlanProps): void {
    checkResponsePlanName(this, 'responsePlanName', this.responsePlanName);
    // Response plan names are unique per account (their ARNs carry no Region).
    claimUniqueName(this, 'response-plan', this.responsePlanName, false, '`responsePlanName`', 'RESPONSE_PLAN_NAME_UNIQUE');
    checkString(this, 'displayName', noneIfEmpty(props.displayName), { min: 1, max: 200, code: 'INCIDENT_TEMPLATE' });
    // IncidentTemplate: Title and Impact are required (CloudFormation schema and API reference), Impact
    // one of the five levels: jsii does not check enums at run time.
    checkString(this, 'title', props.title, { max: 200, code: 'INCIDENT_TEMPLATE', required: true });
    checkEnum(this, 'impact', props.impact, Impact, 'Impact', 'INCIDENT_TEMPLATE', true);
    checkMap(this, 'incidentTags', props.incidentTags, 'INCIDENT_TEMPLATE');
    checkMap(this, 'runbook', props.runbook, 'RUNBOOK', 'a RunbookAction, such as { runbook: Runbook.awsOwned(...) }');
    checkMap(this, 'pagerDuty', props.pagerDuty, 'PAGERDUTY', 'a PagerDutyIntegration, with serviceId and secret');
    checkList(this, 'engagements', props.engagements, 'RESPONSE_PLAN_ENGAGEMENTS');
    if (props.chatChannel !== undefined && typeof (props.chatChannel as any)?.bindToResponsePlan !== 'function') {
      throw new IncidentManagerValidationError(this, '`chatChannel`', shown(kindOf(props.chatChannel)), 'be a ChatChannel, or another IChatChannel', 'TOPIC');
    }
    checkString(this, 'summary', noneIfEmpty(props.summary), { min: 1, max: 4000, code: 'INCIDENT_TEMPLATE' });
    checkString(this, 'dedupeString', noneIfEmpty(props.dedupeString), { min: 1, max: 1000, code: 'INCIDENT_TEMPLATE' });
    const tags = Object.entries(props.incidentTags ?? {});
    checkCount(this, 'incidentTags', tags, 0, MAX_INCIDENT_TAGS, 'tags', 'INCIDENT_TEMPLATE');
    for (const [key, value] of tags) {
      checkString(this, 'incidentTags key', key, { pattern: INCIDENT_TAG_KEY, format: 'letters, digits and _ = : . + - / only, not starting with aws:', min: 1, max: 128, code: 'INCIDENT_TEMPLATE' });
      checkString(this, `incidentTags["${key}"]`, value, { pattern: INCIDENT_TAG_VALUE, format: 'letters, digits, spaces and _ = @ : . + - / only', min: 1, max: 256, code: 'INCIDENT_TEMPLATE', required: true });
    }
  }

  private checkNotificationTopics(topics: sns.ITopic[]): void {
    checkCount(this, 'notificationTopics', topics, 0, MAX_NOTIFICATION_TOPICS, 'topics', 'TOPIC');
    topics.forEach((topic, i) => {
      checkConstruct(this, `notificationTopics[${i}]`, topic, 'an SNS topic (sns.Topic, or one imported with sns.Topic.fromTopicArn)', 'TOPIC');
      checkSameEnvironment(this, `\`notificationTopics[${i}]\``, topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region', 'TOPIC');
      checkStandardTopic(this, `notificationTopics[${i}]`, topic);
    });
  }

  /** The runbook action: its runbook and target, the role that starts it, its parameters and version. */
  private checkRunbook(runbook: RunbookAction): void {
    RunbookExecutionRole._checkTarget(this, 'runbook.', runbook);
    checkConstruct(this, 'runbook.role', runbook.role, 'an IAM role', 'RUNBOOK_ROLE', false);
    if (runbook.automationAssumeRole && AUTOMATION_ASSUME_ROLE in (runbook.parameters ?? {})) {
      throw new IncidentManagerValidationError(
        this,
        '`runbook.automationAssumeRole` and `runbook.parameters.AutomationAssumeRole`',
        'both',
        'be given one at a time (`automationAssumeRole` sets the parameter and lets the runbook role pass that role)',
        'RUNBOOK_ROLE',
      );
    }
    const assumeRoleParameter = runbook.parameters?.[AUTOMATION_ASSUME_ROLE];
    if (assumeRoleParameter && !runbook.automationAssumeRole && !runbook.role && runbook.targetAccount !== RunbookTargetAccount.IMPACTED_ACCOUNT) {
      // The runbook role the plan creates may pass only `automationAssumeRole` (iam:PassRole): a role
      // named in the parameter alone would be denied at every start. One way to name it, which grants.
      throw new IncidentManagerValidationError(
        this,
        '`runbook.parameters.AutomationAssumeRole`',
        assumeRoleParameter,
        'be given as `runbook.automationAssumeRole` (iam.Role.fromRoleArn for a role defined elsewhere), which sets the parameter and lets the runbook role the plan creates pass that role; or give your own `runbook.role` that may pass it',
        'RUNBOOK_ROLE',
      );
    }
    if (runbook.role) {
      this.checkOwnRunbookRole(runbook, runbook.role);
    } else {
      RunbookExecutionRole._checkProps(`${this.node.path}/${RUNBOOK_ROLE_ID}`, this.runbookRoleProps(runbook));
    }
    this.checkRunbookParameters(runbook);
  }

  /** A runbook role the user gives: of the plan's account, with an ARN the plan can name. */
  private checkOwnRunbookRole(runbook: RunbookAction, role: iam.IRole): void {
    if (runbook.impactedAccounts) {
      throw new IncidentManagerValidationError(
        this,
        '`runbook.impactedAccounts`',
        runbook.impactedAccounts,
        'be left out when `runbook.role` is given (it only scopes the role the plan creates; give your role the sts:AssumeRole it needs)',
        'RUNBOOK_ROLE',
      );
    }
    const roleAccount = role.env.account;
    const account = Stack.of(this).account;
    if (!Token.isUnresolved(roleAccount) && !Token.isUnresolved(account) && roleAccount !== account) {
      throw new IncidentManagerValidationError(
        this,
        '`runbook.role`',
        role.roleArn,
        `be a role of the plan's account ${account}: Incident Manager starts the runbook with a role of the plan's own account (to run in another account, use RunbookTargetAccount.IMPACTED_ACCOUNT)`,
        'RUNBOOK_ROLE',
      );
    }
    checkRunbookRoleArn(this, role);
    if (runbook.automationAssumeRole) {
      Annotations.of(this).addWarningV2(
        'cdk-incident-manager:ResponsePlan.automationAssumeRoleWithRole',
        `runbook.automationAssumeRole is passed to the runbook as its AutomationAssumeRole parameter, but runbook.role is yours: allow it iam:PassRole on ${runbook.automationAssumeRole.roleArn} (condition iam:PassedToService ssm.amazonaws.com), or the runbook cannot start.`,
      );
    }
  }

  private checkRunbookParameters(runbook: RunbookAction): void {
    checkMap(this, 'runbook.parameters', runbook.parameters, 'RUNBOOK_PARAMETERS');
    checkMap(this, 'runbook.dynamicParameters', runbook.dynamicParameters, 'RUNBOOK_PARAMETERS');
    const parameters = runbookParameters(runbook);
    const parameterEntries = Object.entries(parameters);
    const dynamicEntries = Object.entries(runbook.dynamicParameters ?? {});
    checkCount(this, 'runbook.parameters', parameterEntries, 0, MAX_PARAMETERS, 'parameters', 'RUNBOOK_PARAMETERS');
    checkCount(this, 'runbook.dynamicParameters', dynamicEntries, 0, MAX_PARAMETERS, 'parameters', 'RUNBOOK_PARAMETERS');
    for (const [key, values] of parameterEntries) {
      checkParameterName(this, 'runbook.parameters', key);
      // The API accepts an empty list (SsmAutomation.parameters: 0 to 100 values), but the runbook then
      // gets no value at every incident: a parameter without values is left out instead, so that the
      // document's default applies (README, "What this library assumes").
      checkCount(this, `runbook.parameters["${key}"]`, values, 1, MAX_PARAMETER_VALUES, 'values', 'RUNBOOK_PARAMETERS');
      values.forEach((v, i) => checkString(this, `runbook.parameters["${key}"][${i}]`, v, { max: 10000, code: 'RUNBOOK_PARAMETERS', required: true }));
    }
    for (const [key, variable] of dynamicEntries) {
      checkParameterName(this, 'runbook.dynamicParameters', key);
      // DynamicSsmParameterValue.Variable: INCIDENT_RECORD_ARN or INVOLVED_RESOURCES (CloudFormation schema, VariableType).
      checkEnum(this, `runbook.dynamicParameters["${key}"]`, variable, DynamicParameterValue, 'DynamicParameterValue', 'RUNBOOK_PARAMETERS', true);
    }
    const duplicate = dynamicEntries.find(([key]) => key in parameters);
    if (duplicate) {
      throw new IncidentManagerValidationError(this, '`runbook.dynamicParameters`', duplicate[0], 'name parameters that `runbook.parameters` does not also set', 'RUNBOOK_PARAMETERS');
    }
    runbook.runbook._checkParameters(this, [...parameterEntries.map(([key]) => key), ...dynamicEntries.map(([key]) => key)]);
    const version = runbook.documentVersion;
    checkString(this, 'runbook.documentVersion', version, { format: '$DEFAULT, $LATEST or a version number (1, 2, ...)', code: 'RUNBOOK' });
    if (version !== undefined && !Token.isUnresolved(version) && !DOCUMENT_VERSION.test(version)) {
      throw new IncidentManagerValidationError(this, '`runbook.documentVersion`', version, 'be $DEFAULT, $LATEST or a version number (1, 2, ...)', 'RUNBOOK');
    }
  }

  /**
   * The PagerDuty integration: its name, service and secret, which must be encrypted with a
   * customer-managed symmetric key, multi-Region when the plan is replicated to several Regions.
   */
  private checkPagerDuty(pagerDuty: PagerDutyIntegration): void {
    checkString(this, 'pagerDuty.name', pagerDuty.name ?? DEFAULT_PAGERDUTY_NAME, { min: 1, max: 200, code: 'PAGERDUTY' });
    checkString(this, 'pagerDuty.serviceId', pagerDuty.serviceId, { min: 1, max: 200, code: 'PAGERDUTY', required: true });
    checkConstruct(this, 'pagerDuty.secret', pagerDuty.secret, 'a Secrets Manager secret (secretsmanager.Secret, or one imported)', 'PAGERDUTY');
    const secret = pagerDuty.secret;
    if (!secret.encryptionKey && Resource.isOwnedResource(secret)) {
      throw new IncidentManagerValidationError(
        this,
        '`pagerDuty.secret`',
        `${secret.node.path} encrypted with the AWS managed key`,
        'be encrypted with a customer-managed key (set encryptionKey on the secret)',
        'PAGERDUTY',
      );
    }
    const key = secret.encryptionKey;
    if (!key) {
      return;
    }
    checkSymmetricKey(this, 'the key of `pagerDuty.secret`', key);
    // User guide, same page: to replicate the response plan to more than one Region the key must be
    // a multi-Region key. The replication set is known at synthesis.
    warnAtSynthesis(this, 'cdk-incident-manager:ResponsePlan.pagerDutyKeyNotMultiRegion', () => {
      const replicated = replicationRegionsOf(this);
      return replicated && replicated.length > 1 && isMultiRegionKey(key) === false
        ? `The PagerDuty secret's key ${key.node.path} is not a multi-Region key, but the replication set has ${replicated.length} Regions (${replicated.join(', ')}): Incident Manager reads the secret in each of them, so replicate the secret to them with a multi-Region key (user guide, "Storing PagerDuty access credentials in an AWS Secrets Manager secret").`
        : undefined;
    });
  }

  /** Lets Incident Manager publish to the notification topics; returns the policies the plan waits for. */
  private allowNotifications(topics: sns.ITopic[]): IDependable[] {
    return topics.flatMap((topic, i) => allowIncidentManagerToPublish(this, topic, `The notification topic notificationTopics[${i}]`));
  }

  /** The role that starts the runbook: the user's, or one the plan creates for exactly this runbook. */
  private runbookRoleFor(runbook: RunbookAction): iam.IRole {
    return runbook.role ?? new RunbookExecutionRole(this, RUNBOOK_ROLE_ID, this.runbookRoleProps(runbook));
  }

  private runbookRoleProps(runbook: RunbookAction): RunbookExecutionRoleProps {
    return {
      responsePlanName: this.responsePlanName,
      runbook: runbook.runbook,
      automationAssumeRole: runbook.automationAssumeRole,
      targetAccount: runbook.targetAccount,
      impactedAccounts: runbook.impactedAccounts,
    };
  }
}

/** The id of the runbook role a plan creates. */
const RUNBOOK_ROLE_ID = 'RunbookRole';
/** The name of a PagerDuty integration that is given none. */
const DEFAULT_PAGERDUTY_NAME = 'PagerDuty';

/**
 * "" is what the API takes for none (IncidentTemplate, 0 to N characters) and what CloudFormation
 * reads back as absent (its schema: 1 to N): the template leaves it out.
 */
function noneIfEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function renderIncidentTemplate(props: ResponsePlanOptions, topics: sns.ITopic[]): ssmincidents.CfnResponsePlan.IncidentTemplateProperty {
  const tags = Object.entries(props.incidentTags ?? {});
  return {
    title: props.title,
    impact: IMPACT_VALUES[props.impact],
    summary: noneIfEmpty(props.summary),
    dedupeString: noneIfEmpty(props.dedupeString),
    incidentTags: tags.length > 0 ? tags.map(([key, value]): CfnTag => ({ key, value })) : undefined,
    notificationTargets: topics.length > 0 ? topics.map((t) => ({ snsTopicArn: t.topicArn })) : undefined,
  };
}

/** The runbook's fixed parameters, with `automationAssumeRole` as its `AutomationAssumeRole`. */
function runbookParameters(runbook: RunbookAction): { [name: string]: string[] } {
  const parameters: { [name: string]: string[] } = { ...(runbook.parameters ?? {}) };
  if (runbook.automationAssumeRole) {
    parameters[AUTOMATION_ASSUME_ROLE] = [runbook.automationAssumeRole.roleArn];
  }
  return parameters;
}

function renderRunbook(runbook: RunbookAction, role: iam.IRole): ssmincidents.CfnResponsePlan.SsmAutomationProperty {
  const parameters = Object.entries(runbookParameters(runbook));
  const dynamicParameters = Object.entries(runbook.dynamicParameters ?? {});
  return {
    documentName: runbook.runbook.documentName,
    documentVersion: runbook.documentVersion,
    roleArn: role.roleArn,
    targetAccount: runbook.targetAccount ?? RunbookTargetAccount.RESPONSE_PLAN_OWNER_ACCOUNT,
    parameters: parameters.length > 0 ? parameters.map(([key, values]) => ({ key, values })) : undefined,
    dynamicParameters: dynamicParameters.length > 0 ? dynamicParameters.map(([key, variable]) => ({ key, value: { variable } })) : undefined,
  };
}

function renderPagerDuty(pagerDuty: PagerDutyIntegration): ssmincidents.CfnResponsePlan.PagerDutyConfigurationProperty {
  return {
    name: pagerDuty.name ?? DEFAULT_PAGERDUTY_NAME,
    secretId: pagerDuty.secret.secretArn,
    pagerDutyIncidentConfiguration: { serviceId: pagerDuty.serviceId },
  };
}

/** The name of the parameter an Automation runbook takes its assume role in. */
const AUTOMATION_ASSUME_ROLE = 'AutomationAssumeRole';
/** SsmAutomation.DocumentVersion: `$DEFAULT`, `$LATEST` or a version number (Systems Manager's DocumentVersion pattern). */
const DOCUMENT_VERSION = /^(\$DEFAULT|\$LATEST|[1-9][0-9]*)$/;

/**
 * SsmAutomation.RoleArn: the CloudFormation schema's pattern (^arn:aws(-(cn|us-gov))?:[a-z-]+:...:[^.]+$)
 * refuses a dot after the account, which IAM allows in role names and paths, and the API reference's
 * (arn:aws(-cn|-us-gov)?:iam::([0-9]{12})?:role/.+) takes only an IAM role of those partitions.
 */
const RUNBOOK_ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::([0-9]{12})?:role\/[^.]+$/;

/** Throws when the role's ARN (or name, for a role of this app) is one the response plan schema refuses. */
function checkRunbookRoleArn(scope: Construct, role: iam.IRole): void {
  const allowed =
    'be an IAM role ARN of the aws, aws-cn or aws-us-gov partition without a dot in its name or path (the AWS::SSMIncidents::ResponsePlan schema refuses a dot in SsmAutomation.RoleArn)';
  if (!Token.isUnresolved(role.roleArn)) {
    if (!RUNBOOK_ROLE_ARN.test(role.roleArn)) {
      throw new IncidentManagerValidationError(scope, '`runbook.role`', role.roleArn, allowed, 'RUNBOOK_ROLE');
    }
    return;
  }
  const name = fixedPhysicalName(role);
  if (name !== undefined && name.includes('.')) {
    throw new IncidentManagerValidationError(scope, '`runbook.role`', `${role.node.path} named ${name}`, allowed, 'RUNBOOK_ROLE');
  }
}

function checkParameterName(scope: Where, what: string, key: string): void {
  checkString(scope, `${what} name`, key, { min: 1, max: 50, code: 'RUNBOOK_PARAMETERS' });
}

