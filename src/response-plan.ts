import {
  Annotations,
  CfnTag,
  IResource,
  Lazy,
  Names,
  Resource,
  Stack,
  Token,
  aws_iam as iam,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_ssmincidents as ssmincidents,
} from 'aws-cdk-lib';
import { Construct, IConstruct, IDependable } from 'constructs';
import { IContact } from './contact-base';
import { INCIDENT_MANAGER_PRINCIPAL, SIGNAL_AUTOMATION_ACTIONS, START_INCIDENT_ACTIONS, TOPIC_KEY_ACTIONS, resolverStatements } from './private/actions';
import { RESPONSE_PLAN, automationExecutionsArn, fixedPhysicalName, formatArn, importPath, incidentRecordsArn, parseArn } from './private/arns';
import { IncidentManagerValidationError, Where, shown } from './private/errors';
import { checkConstruct, checkEnum, checkGrantee, checkInstance, checkList, checkMap, kindOf, requireGiven, requireProps } from './private/inputs';
import { checkSymmetricKey, isMultiRegionKey } from './private/keys';
import { refuseSnapshot } from './private/removal';
import { replicationRegionsOf, useReplicationSet } from './private/replication-regions';
import { checkTagsAtSynth } from './private/tags';
import { allowIncidentManagerToPublish, checkStandardTopic, json } from './private/topics';
import { claimUniqueName } from './private/unique';
import { checkCount, checkResponsePlanName, checkSameEnvironment, checkString } from './private/validate';
import type { ReplicationSetOptions } from './replication-set';
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
  private chatTopicArns?: string[];

  constructor(scope: Construct, id: string, props: ResponsePlanProps) {
    super(scope, id);
    requireProps(this, props, 'ResponsePlanProps (title, impact)', 'INPUT');
    this.responsePlanName = props.responsePlanName ?? Names.uniqueResourceName(this, { maxLength: 200, separator: '-' });
    checkResponsePlanName(this, 'responsePlanName', this.responsePlanName);
    // Response plan names are unique per account (their ARNs carry no Region).
    claimUniqueName(this, 'response-plan', this.responsePlanName, false, '`responsePlanName`', 'RESPONSE_PLAN_NAME_UNIQUE');
    // "" is what the API takes for none (IncidentTemplate, 0 to N characters) and what CloudFormation
    // reads back as absent (its schema: 1 to N): the template leaves it out.
    const displayName = props.displayName === '' ? undefined : props.displayName;
    const summary = props.summary === '' ? undefined : props.summary;
    const dedupeString = props.dedupeString === '' ? undefined : props.dedupeString;
    checkString(this, 'displayName', displayName, { min: 1, max: 200, code: 'INCIDENT_TEMPLATE' });
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
    checkString(this, 'summary', summary, { min: 1, max: 4000, code: 'INCIDENT_TEMPLATE' });
    checkString(this, 'dedupeString', dedupeString, { min: 1, max: 1000, code: 'INCIDENT_TEMPLATE' });

    const topics = props.notificationTopics ?? [];
    checkCount(this, 'notificationTopics', topics, 0, MAX_NOTIFICATION_TOPICS, 'topics', 'TOPIC');
    topics.forEach((topic, i) => {
      checkConstruct(this, `notificationTopics[${i}]`, topic, 'an SNS topic (sns.Topic, or one imported with sns.Topic.fromTopicArn)', 'TOPIC');
      checkSameEnvironment(this, `\`notificationTopics[${i}]\``, topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region', 'TOPIC');
      checkStandardTopic(this, `notificationTopics[${i}]`, topic);
    });

    // Incident Manager test-publishes to the topics and reads the PagerDuty secret when it creates or
    // updates the plan, so every policy it relies on must exist before the plan.
    const policies: IDependable[] = [];
    topics.forEach((topic, i) => policies.push(...allowIncidentManagerToPublish(this, topic, `The notification topic notificationTopics[${i}]`)));

    const runbookRole = props.runbook ? this.runbookRoleFor(props.runbook) : undefined;
    this.runbookRole = runbookRole;
    const pagerDuty = props.pagerDuty ? this.renderPagerDuty(props.pagerDuty, policies) : undefined;

    const resource = new ssmincidents.CfnResponsePlan(this, 'Resource', {
      name: this.responsePlanName,
      displayName,
      incidentTemplate: {
        title: props.title,
        impact: IMPACT_VALUES[props.impact],
        summary,
        dedupeString,
        incidentTags: this.renderIncidentTags(props.incidentTags),
        notificationTargets: topics.length > 0 ? topics.map((t) => ({ snsTopicArn: t.topicArn })) : undefined,
      },
      chatChannel: Lazy.any({ produce: () => (this.chatTopicArns ? { chatbotSns: this.chatTopicArns } : undefined) }),
      // A growing list, as aws-cdk-lib renders them: engagements added later are in it at synthesis.
      engagements: Lazy.list({ produce: () => this.engagements.map((c) => c.contactArn) }, { omitEmpty: true }),
      actions: props.runbook && runbookRole ? [{ ssmAutomation: this.renderRunbook(props.runbook, runbookRole) }] : undefined,
      integrations: pagerDuty ? [{ pagerDutyConfiguration: pagerDuty }] : undefined,
    });
    this.responsePlanArn = resource.attrArn;
    if (props.chatChannel) {
      // The chat channel checks its topics against the plan, gives its chat roles the responders'
      // permissions on the plan, and says which policies the plan must wait for.
      const binding = props.chatChannel.bindToResponsePlan(this);
      this.chatTopicArns = binding.topicArns;
      policies.push(...binding.dependencies);
    }
    // Incident Manager checks the runbook role when it creates the plan: the role comes first through
    // its ARN, and its policy through an explicit dependency (a DependsOn on the role itself would
    // repeat the GetAtt, cfn-lint W3005).
    const rolePolicy = runbookRole?.node.tryFindChild('DefaultPolicy');
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

  private renderIncidentTags(tags?: { [key: string]: string }): CfnTag[] | undefined {
    const entries = Object.entries(tags ?? {});
    if (entries.length === 0) {
      return undefined;
    }
    checkCount(this, 'incidentTags', entries, 0, MAX_INCIDENT_TAGS, 'tags', 'INCIDENT_TEMPLATE');
    for (const [key, value] of entries) {
      checkString(this, 'incidentTags key', key, { pattern: INCIDENT_TAG_KEY, format: 'letters, digits and _ = : . + - / only, not starting with aws:', min: 1, max: 128, code: 'INCIDENT_TEMPLATE' });
      checkString(this, `incidentTags["${key}"]`, value, { pattern: INCIDENT_TAG_VALUE, format: 'letters, digits, spaces and _ = @ : . + - / only', min: 1, max: 256, code: 'INCIDENT_TEMPLATE', required: true });
    }
    return entries.map(([key, value]) => ({ key, value }));
  }

  private runbookRoleFor(runbook: RunbookAction): iam.IRole {
    checkInstance(this, 'runbook.runbook', runbook.runbook, Runbook, 'a Runbook (Runbook.awsOwned, fromDocumentName, fromDocumentArn or fromCfnDocument)', 'RUNBOOK');
    // SsmAutomation.TargetAccount: RESPONSE_PLAN_OWNER_ACCOUNT or IMPACTED_ACCOUNT (CloudFormation schema).
    checkEnum(this, 'runbook.targetAccount', runbook.targetAccount, RunbookTargetAccount, 'RunbookTargetAccount', 'RUNBOOK_ROLE');
    checkConstruct(this, 'runbook.role', runbook.role, 'an IAM role', 'RUNBOOK_ROLE', false);
    checkConstruct(this, 'runbook.automationAssumeRole', runbook.automationAssumeRole, 'an IAM role', 'RUNBOOK_ROLE', false);
    runbook.runbook._validate(this);
    if (runbook.automationAssumeRole) {
      if (AUTOMATION_ASSUME_ROLE in (runbook.parameters ?? {})) {
        throw new IncidentManagerValidationError(
          this,
          '`runbook.automationAssumeRole` and `runbook.parameters.AutomationAssumeRole`',
          'both',
          'be given one at a time (`automationAssumeRole` sets the parameter and lets the runbook role pass that role)',
          'RUNBOOK_ROLE',
        );
      }
      if (runbook.targetAccount === RunbookTargetAccount.IMPACTED_ACCOUNT) {
        throw new IncidentManagerValidationError(
          this,
          '`runbook.automationAssumeRole`',
          runbook.automationAssumeRole.node.path,
          "be left out when the runbook runs in the impacted account (a role of the plan's account cannot be passed in another account; the runbook uses that account's AWS-SystemsManager-AutomationExecutionRole)",
          'RUNBOOK_ROLE',
        );
      }
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
      if (runbook.impactedAccounts) {
        throw new IncidentManagerValidationError(
          this,
          '`runbook.impactedAccounts`',
          runbook.impactedAccounts,
          'be left out when `runbook.role` is given (it only scopes the role the plan creates; give your role the sts:AssumeRole it needs)',
          'RUNBOOK_ROLE',
        );
      }
      const roleAccount = runbook.role.env.account;
      const account = Stack.of(this).account;
      if (!Token.isUnresolved(roleAccount) && !Token.isUnresolved(account) && roleAccount !== account) {
        throw new IncidentManagerValidationError(
          this,
          '`runbook.role`',
          runbook.role.roleArn,
          `be a role of the plan's account ${account}: Incident Manager starts the runbook with a role of the plan's own account (to run in another account, use RunbookTargetAccount.IMPACTED_ACCOUNT)`,
          'RUNBOOK_ROLE',
        );
      }
      checkRunbookRoleArn(this, runbook.role);
      if (runbook.automationAssumeRole) {
        Annotations.of(this).addWarningV2(
          'cdk-incident-manager:ResponsePlan.automationAssumeRoleWithRole',
          `runbook.automationAssumeRole is passed to the runbook as its AutomationAssumeRole parameter, but runbook.role is yours: allow it iam:PassRole on ${runbook.automationAssumeRole.roleArn} (condition iam:PassedToService ssm.amazonaws.com), or the runbook cannot start.`,
        );
      }
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
    checkMap(this, 'runbook.parameters', runbook.parameters, 'RUNBOOK_PARAMETERS');
    checkMap(this, 'runbook.dynamicParameters', runbook.dynamicParameters, 'RUNBOOK_PARAMETERS');
    const parameters: { [name: string]: string[] } = { ...(runbook.parameters ?? {}) };
    if (runbook.automationAssumeRole) {
      parameters[AUTOMATION_ASSUME_ROLE] = [runbook.automationAssumeRole.roleArn];
    }
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
    this.checkDocumentParameters(runbook.runbook, [...parameterEntries.map(([key]) => key), ...dynamicEntries.map(([key]) => key)]);
    const version = runbook.documentVersion;
    checkString(this, 'runbook.documentVersion', version, { format: '$DEFAULT, $LATEST or a version number (1, 2, ...)', code: 'RUNBOOK' });
    if (version !== undefined && !Token.isUnresolved(version) && !DOCUMENT_VERSION.test(version)) {
      throw new IncidentManagerValidationError(this, '`runbook.documentVersion`', version, 'be $DEFAULT, $LATEST or a version number (1, 2, ...)', 'RUNBOOK');
    }

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

  /**
   * Systems Manager refuses to start an automation with a parameter its document does not declare, or
   * without one it requires (declared without a default), so such a plan would fail at every incident.
   * Checked where the document's parameters are known (`Runbook.declaredParameters`,
   * `Runbook.requiredParameters`).
   */
  private checkDocumentParameters(runbook: Runbook, given: string[]): void {
    const declared = runbook.declaredParameters;
    if (declared) {
      for (const key of given) {
        if (!Token.isUnresolved(key) && !declared.includes(key)) {
          throw new IncidentManagerValidationError(
            this,
            '`runbook` parameter',
            key,
            `be one the document ${runbook._description} declares (${declared.join(', ') || 'none'}): Systems Manager refuses to start an automation with an undeclared parameter`,
            'RUNBOOK_PARAMETERS',
          );
        }
      }
    }
    // A parameter name only known at deployment may be the required one.
    if (given.some((key) => Token.isUnresolved(key))) {
      return;
    }
    const missing = (runbook.requiredParameters ?? []).find((name) => !given.includes(name));
    if (missing) {
      throw new IncidentManagerValidationError(
        this,
        `\`runbook.parameters.${missing}\``,
        undefined,
        `be given, as a fixed value in \`runbook.parameters\` or an Incident Manager value in \`runbook.dynamicParameters\`: the document ${runbook._description} requires it (declared without a default), and Systems Manager refuses to start an automation without it`,
        'RUNBOOK_PARAMETERS',
      );
    }
  }

  private renderPagerDuty(pagerDuty: PagerDutyIntegration, policies: IDependable[]): ssmincidents.CfnResponsePlan.PagerDutyConfigurationProperty {
    const name = pagerDuty.name ?? 'PagerDuty';
    checkString(this, 'pagerDuty.name', name, { min: 1, max: 200, code: 'PAGERDUTY' });
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
    const stack = Stack.of(this);
    // aws:SourceAccount keeps another account's Incident Manager out (user guide, "Cross-service
    // confused deputy prevention"), but no AWS page says Incident Manager sends the key when it reads
    // the secret: the PagerDuty page's statements have no condition, and the one Incident Manager
    // statement AWS documents with it (the SNS topic policy, "Chat channels") uses
    // StringEqualsIfExists. With StringEquals and no key sent, creating the plan would fail ("unable to
    // validate the AWS Secrets Manager secret"); IfExists cannot lock the service out.
    const sourceAccount = { StringEqualsIfExists: { 'aws:SourceAccount': stack.account } };
    // User guide, "Storing PagerDuty access credentials in an AWS Secrets Manager secret": the secret's
    // resource policy allows ssm-incidents.amazonaws.com secretsmanager:GetSecretValue, and in a
    // secret's resource policy `*` is the secret itself.
    const secretStatement = new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
      actions: ['secretsmanager:GetSecretValue'],
      resources: ['*'],
      conditions: sourceAccount,
    });
    // The same page: the key allows ssm-incidents.amazonaws.com kms:Decrypt and kms:GenerateDataKey*,
    // optionally only through Secrets Manager (kms:ViaService secretsmanager.<region>.amazonaws.com).
    // Incident Manager reads the secret in every Region of the replication set, so every one of them.
    const regions = Lazy.list({ produce: () => (replicationRegionsOf(this) ?? [stack.region]).map((r) => `secretsmanager.${r}.${stack.urlSuffix}`) });
    const keyStatement = new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
      actions: TOPIC_KEY_ACTIONS,
      resources: ['*'],
      conditions: { StringEquals: { 'kms:ViaService': regions }, ...sourceAccount },
    });

    const added = secret.addToResourcePolicy(secretStatement);
    if (added.statementAdded) {
      if (added.policyDependable) policies.push(added.policyDependable);
    } else {
      Annotations.of(this).addWarningV2(
        'cdk-incident-manager:ResponsePlan.pagerDutySecretPolicy',
        `The PagerDuty secret ${secret.secretArn} is imported: where it is defined, add this statement to its resource policy: ${json(this, secretStatement)}, and this statement to its key's policy: ${json(this, keyStatement)}`,
      );
    }
    const key = secret.encryptionKey;
    if (key) {
      checkSymmetricKey(this, 'the key of `pagerDuty.secret`', key);
      const keyAdded = key.addToResourcePolicy(keyStatement, true);
      if (keyAdded.statementAdded) {
        // The key policy is part of the key resource.
        policies.push(key);
      } else if (added.statementAdded) {
        Annotations.of(this).addWarningV2(
          'cdk-incident-manager:ResponsePlan.pagerDutyKeyPolicy',
          `The key ${key.keyArn} of the PagerDuty secret is imported: where it is defined, add this statement to its policy: ${json(this, keyStatement)}`,
        );
      }
      // User guide, same page: to replicate the response plan to more than one Region the key must be
      // a multi-Region key.
      this.node.addValidation({
        validate: () => {
          const replicated = replicationRegionsOf(this);
          if (replicated && replicated.length > 1 && isMultiRegionKey(key) === false) {
            Annotations.of(this).addWarningV2(
              'cdk-incident-manager:ResponsePlan.pagerDutyKeyNotMultiRegion',
              `The PagerDuty secret's key ${key.node.path} is not a multi-Region key, but the replication set has ${replicated.length} Regions (${replicated.join(', ')}): Incident Manager reads the secret in each of them, so replicate the secret to them with a multi-Region key (user guide, "Storing PagerDuty access credentials in an AWS Secrets Manager secret").`,
            );
          }
          return [];
        },
      });
    }
    return { name, secretId: secret.secretArn, pagerDutyIncidentConfiguration: { serviceId: pagerDuty.serviceId } };
  }
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

