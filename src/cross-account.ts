import { Annotations, aws_cloudwatch as cloudwatch, aws_events as events, aws_events_targets as targets, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ASSUME_ROLE_ACTIONS, AUTOMATION_EXECUTION_ROLE_NAME, PASS_ROLE_ACTIONS, SIGNAL_AUTOMATION_ACTIONS, START_AUTOMATION_ACTIONS } from './private/actions';
import { automationExecutionsArn, roleArn, startAutomationArns } from './private/arns';
import { ArnFormat, Stack, Token } from './private/core';
import { IncidentManagerValidationError, Where } from './private/errors';
import { eachInList, isListTokenElement, withListTokens } from './private/lists';
import { eventsRoleOf } from './private/rules';
import { claimUniqueName } from './private/unique';
import { ACCOUNT_ID, REGION_NAME, checkAccountIds, checkCount, checkResponsePlanName, checkString, firstDuplicate } from './private/validate';
import { warnAtSynthesis } from './private/warnings';
import { IResponsePlan, ResponsePlan } from './response-plan';
import { ResponsePlanAlarmAction, ResponsePlanTarget } from './response-plan-triggers';
import { Runbook, RunbookExecutionRole } from './runbook';

/*
 * The two sides of Incident Manager's cross-account set-up (user guide, "Cross-Region and
 * cross-account incident management", Setup and configuration), which AWS ships as downloadable
 * CloudFormation templates: each side is one construct, and the two meet by values (account IDs,
 * response plan names, the event bus name), never by cross-stack references.
 *
 * The read-only roles' contents are not in the Incident Manager guide. They follow the Systems Manager
 * multi-account Automation pair ("Running automations in multiple AWS Regions and accounts", Setting up
 * management account permissions): an administration role in the account that reads may assume an
 * execution-side role, of a fixed name, in the account where the runbook ran, and that role trusts
 * exactly the administration role. Here the pair only reads automation executions.
 *
 * Cross-account trust names a role of the other account through `aws:PrincipalArn` (the other account
 * as principal, the role's ARN as condition), not the role's ARN as principal: IAM refuses a trust
 * policy whose principal is a role that does not exist yet (IAM JSON policy elements: Principal, "IAM
 * roles"), and each side is deployed on its own, in either order.
 */

/** The role in the account where runbooks run that other accounts assume to read their status. */
const AUTOMATION_READ_ONLY_ROLE_NAME = 'AWS-SystemsManager-AutomationReadOnlyRole';
/**
 * The role in the reading account that assumes it. The user guide's text says
 * "AWS-SystemsManager-AutomationAdministrationReadOnlyRole", its template file
 * "AWS-SystemManager-AutomationAdministrationReadOnlyRole.zip": the default follows the template, and
 * both names are props (README, "What this library assumes").
 */
const AUTOMATION_ADMINISTRATION_READ_ONLY_ROLE_NAME = 'AWS-SystemManager-AutomationAdministrationReadOnlyRole';
/** IAM role names: 1 to 64 letters, digits and +=,.@_- (IAM API reference, CreateRole: RoleName). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** The event bus both sides name by default. */
const DEFAULT_EVENT_BUS_NAME = 'incident-manager';
/** Reading an automation's status: the incident details page's runbook tab. */
const READ_AUTOMATION_ACTIONS = ['ssm:GetAutomationExecution', 'ssm:DescribeAutomationStepExecutions'];
/** Takes no resource (Service Authorization Reference, Systems Manager). */
const LIST_AUTOMATION_ACTIONS = ['ssm:DescribeAutomationExecutions'];

const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const EVENT_BUS_NAME = /^[A-Za-z0-9._-]{1,256}$/;

function checkAccounts(scope: Where, what: string, accounts: string[] | undefined, self: string, code: 'CROSS_ACCOUNT'): void {
  checkAccountIds(scope, what, accounts, code);
  if (accounts === undefined || Token.isUnresolved(accounts)) return;
  if (!Token.isUnresolved(self) && accounts.includes(self)) {
    throw new IncidentManagerValidationError(scope, `\`${what}\``, self, "name other accounts, not this stack's own account", code);
  }
}

/**
 * The names of the read-only roles with which the incident details page shows the status of runbooks
 * across accounts. Give the same names on every side: each side's roles name the other side's by them.
 */
export interface AutomationReadOnlyRoleNameOptions {
  /**
   * The name of the role, in the account where a runbook ran, that the other accounts' administration
   * read-only role assumes to read its status.
   *
   * @default 'AWS-SystemsManager-AutomationReadOnlyRole'
   */
  readonly automationReadOnlyRoleName?: string;

  /**
   * The name of the role with which an account reads the status of runbooks that ran in the other
   * accounts. AWS's text spells it "AWS-SystemsManager-AutomationAdministrationReadOnlyRole", its
   * template file "AWS-SystemManager-AutomationAdministrationReadOnlyRole"; the default follows the
   * template (README, "What this library assumes", says how to confirm it in your account).
   *
   * @default 'AWS-SystemManager-AutomationAdministrationReadOnlyRole'
   */
  readonly automationAdministrationReadOnlyRoleName?: string;
}

/** The read-only roles' names, checked, with their defaults. */
function readOnlyRoleNames(scope: Where, options: AutomationReadOnlyRoleNameOptions): { readOnly: string; administration: string } {
  const readOnly = options.automationReadOnlyRoleName ?? AUTOMATION_READ_ONLY_ROLE_NAME;
  const administration = options.automationAdministrationReadOnlyRoleName ?? AUTOMATION_ADMINISTRATION_READ_ONLY_ROLE_NAME;
  const rule = { pattern: ROLE_NAME, format: 'an IAM role name: 1 to 64 letters, digits and + = , . @ _ -', code: 'CROSS_ACCOUNT' } as const;
  checkString(scope, 'automationReadOnlyRoleName', readOnly, rule);
  checkString(scope, 'automationAdministrationReadOnlyRoleName', administration, rule);
  if (!Token.isUnresolved(readOnly) && readOnly === administration) {
    throw new IncidentManagerValidationError(scope, '`automationAdministrationReadOnlyRoleName`', administration, 'differ from `automationReadOnlyRoleName` (both roles exist in every account)', 'CROSS_ACCOUNT');
  }
  return { readOnly, administration };
}

/**
 * Claims the fixed name of `role` in its account across the app: a second construct of the same
 * account (a stack per Region) would fail at deploy, after the first Region deployed.
 */
function claimRoleName(role: iam.Role, name: string, side: 'Operations' | 'Application'): void {
  claimUniqueName(
    role,
    'iam-role',
    name,
    false,
    'the role name',
    'CROSS_ACCOUNT',
    `IAM names are global to an account, so define IncidentManager${side}Account once per account and IncidentManager${side}Region in each of the account's other Regions`,
  );
}

/**
 * The two read-only roles of the incident details page's runbook tab, in the account of `scope`:
 * `AWS-SystemsManager-AutomationReadOnlyRole`, which `readers` assume to read the automations that
 * ran here, and `AWS-SystemManager-AutomationAdministrationReadOnlyRole`, with which this account
 * reads the automations that ran in `sources` (or the names given instead).
 */
function readOnlyRoles(
  scope: Construct,
  readers: string[],
  sources: string[],
  names: { readOnly: string; administration: string },
  side: 'Operations' | 'Application',
): { readOnly: iam.Role; administration: iam.Role } {
  const stack = Stack.of(scope);
  const readOnly = new iam.Role(scope, 'AutomationReadOnlyRole', {
    roleName: names.readOnly,
    description: 'Lets the Incident Manager accounts named in its trust read the status of runbooks that ran in this account',
    // Nobody else: the account itself, which IAM requires a trust policy to name someone.
    assumedBy:
      readers.length === 0
        ? new iam.AccountRootPrincipal()
        : trustRoles(readers, eachInList(readers, (a) => roleArn(scope, a, names.administration))),
  });
  claimRoleName(readOnly, names.readOnly, side);
  readOnly.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: READ_AUTOMATION_ACTIONS,
      resources: [stack.formatArn({ service: 'ssm', region: '*', resource: 'automation-execution', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME })],
    }),
  );
  readOnly.addToPrincipalPolicy(new iam.PolicyStatement({ actions: LIST_AUTOMATION_ACTIONS, resources: ['*'] }));

  // The incident details page runs as the signed-in principal of this account: the account trusts
  // the role (its principals still need sts:AssumeRole on it in their own policies).
  const administration = new iam.Role(scope, 'AutomationAdministrationReadOnlyRole', {
    roleName: names.administration,
    description: `Lets this account read the status of Incident Manager runbooks that ran in the accounts it may assume ${names.readOnly} in`,
    assumedBy: new iam.AccountRootPrincipal(),
  });
  claimRoleName(administration, names.administration, side);
  if (sources.length > 0) {
    administration.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ASSUME_ROLE_ACTIONS,
        resources: eachInList(sources, (account) => roleArn(scope, account, names.readOnly)),
      }),
    );
  }
  return { readOnly, administration };
}

/**
 * Trust in named roles of other accounts: the accounts as principals, the roles' ARNs as the
 * aws:PrincipalArn condition. When the accounts are a list known only at deployment, the principal is
 * `*` and the condition alone names the roles (IAM documents aws:PrincipalArn for this).
 */
function trustRoles(accounts: string[], roleArns: string[]): iam.IPrincipal {
  const conditions = { ArnEquals: { 'aws:PrincipalArn': roleArns } };
  if (accounts.some(isListTokenElement)) {
    return new iam.AnyPrincipal().withConditions(conditions);
  }
  return new iam.CompositePrincipal(...[...new Set(accounts)].map((a) => new iam.AccountPrincipal(a))).withConditions(conditions);
}

/**
 * Properties of `IncidentManagerOperationsRegion`.
 */
export interface IncidentManagerOperationsRegionProps {
  /**
   * The application accounts: their events may reach the event bus, and they may read the status of
   * runbooks that run in this account (and this account theirs). 1 to 100 12-digit account IDs.
   */
  readonly applicationAccounts: string[];

  /**
   * The AWS Organizations organization (`o-...`) whose accounts may put events on the bus, instead
   * of the application accounts one by one. Rules still match only the events of
   * `applicationAccounts`, unless their pattern names accounts.
   *
   * @default - only `applicationAccounts`
   */
  readonly organizationId?: string;

  /**
   * The name of the event bus application accounts forward events to. Give the same name to
   * `IncidentManagerApplicationAccount` (or `IncidentManagerApplicationRegion`).
   *
   * @default 'incident-manager'
   */
  readonly eventBusName?: string;
}

/**
 * Properties of `IncidentManagerOperationsAccount`.
 */
export interface IncidentManagerOperationsAccountProps extends IncidentManagerOperationsRegionProps, AutomationReadOnlyRoleNameOptions {}

/**
 * A rule on the operations account's event bus.
 */
export interface IncidentRuleOptions {
  /** The response plan of this account whose incident the matching events start. */
  readonly responsePlan: IResponsePlan;

  /**
   * The events that start an incident. Without an `account` field, events from every application
   * account match.
   */
  readonly eventPattern: events.EventPattern;

  /**
   * The rule's name. With a name, the rule's role trusts exactly this rule (`aws:SourceArn`).
   *
   * @default - a name CloudFormation generates
   */
  readonly ruleName?: string;
}

/**
 * What the operations account's side of the cross-account set-up has in one Region: an event bus that
 * admits only events that rules of the application accounts (or of the organization) forward, and
 * rules on it that start incidents with this account's response plans.
 *
 * Event bus names are regional: define one in each Region the application accounts forward events to
 * (`IncidentManagerApplicationRegion`'s `operationsRegion`), in a stack per Region. In one of the
 * account's Regions, define `IncidentManagerOperationsAccount` instead, which adds what exists once per
 * account.
 *
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/incident-manager-cross-account-cross-region.html
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * declare const plan: im.IResponsePlan;
 * // In the stack of the operations account's second Region:
 * const operations = new im.IncidentManagerOperationsRegion(this, 'CrossAccount', {
 *   applicationAccounts: ['444455556666'],
 * });
 * operations.startIncidentsFromEvents('HealthEvents', {
 *   responsePlan: plan,
 *   eventPattern: { source: ['aws.health'] },
 * });
 */
export class IncidentManagerOperationsRegion extends Construct {
  /** The event bus application accounts forward events to. */
  public readonly eventBus: events.EventBus;

  private readonly applicationAccounts: string[];

  constructor(scope: Construct, id: string, props: IncidentManagerOperationsRegionProps) {
    super(scope, id);
    const stack = Stack.of(this);
    checkCount(this, 'applicationAccounts', props.applicationAccounts, 1, 100, 'accounts', 'CROSS_ACCOUNT');
    checkAccounts(this, 'applicationAccounts', props.applicationAccounts, stack.account, 'CROSS_ACCOUNT');
    checkString(this, 'organizationId', props.organizationId, { pattern: ORGANIZATION_ID, format: 'an organization ID such as o-a1b2c3d4e5', code: 'CROSS_ACCOUNT' });
    const eventBusName = props.eventBusName ?? DEFAULT_EVENT_BUS_NAME;
    checkString(this, 'eventBusName', eventBusName, { pattern: EVENT_BUS_NAME, format: 'letters, digits and . _ - only, 1 to 256 characters', code: 'CROSS_ACCOUNT' });
    if (eventBusName === 'default') {
      throw new IncidentManagerValidationError(this, '`eventBusName`', eventBusName, "be a bus of its own: a resource policy on the account's default bus would admit the accounts to every rule on it", 'CROSS_ACCOUNT');
    }
    this.applicationAccounts = [...props.applicationAccounts];

    this.eventBus = new events.EventBus(this, 'EventBus', { eventBusName });
    claimUniqueName(this.eventBus, 'event-bus', eventBusName, true, '`eventBusName`', 'CROSS_ACCOUNT', 'define one IncidentManagerOperationsRegion (or IncidentManagerOperationsAccount) per account and Region');
    // EventBridge, "Sending and receiving events between AWS accounts": the receiving bus's policy
    // allows events:PutEvents to the sending accounts (or, with aws:PrincipalOrgID, the organization).
    // Only events that a rule forwards, not PutEvents calls of any principal of those accounts:
    // events:eventBusInvocation is "true" for an event forwarded from an event bus (Service
    // Authorization Reference, EventBridge condition keys: "whether an event was forwarded from an
    // event bus rather than published through a direct API call"; EventBridge user guide, "Using IAM
    // policy conditions", events:eventBusInvocation). Forwarding by a rule is what the cross-account
    // guide asks for, so the documented path is unaffected.
    const forwarded = { 'events:eventBusInvocation': 'true' };
    if (props.organizationId) {
      this.eventBus.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'OrganizationPutsEvents',
          principals: [new iam.AnyPrincipal()],
          actions: ['events:PutEvents'],
          resources: [this.eventBus.eventBusArn],
          conditions: { StringEquals: { 'aws:PrincipalOrgID': props.organizationId, ...forwarded } },
        }),
      );
    } else {
      const listed = !props.applicationAccounts.some(isListTokenElement);
      this.eventBus.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'ApplicationAccountsPutEvents',
          // A list known only at deployment cannot be principals: aws:PrincipalAccount names them instead.
          principals: listed ? props.applicationAccounts.map((a) => new iam.AccountPrincipal(a)) : [new iam.AnyPrincipal()],
          actions: ['events:PutEvents'],
          resources: [this.eventBus.eventBusArn],
          conditions: { StringEquals: listed ? forwarded : { 'aws:PrincipalAccount': withListTokens(props.applicationAccounts), ...forwarded } },
        }),
      );
    }
  }

  /**
   * Starts an incident with `options.responsePlan` for each event on the bus that matches
   * `options.eventPattern`. The rule's role may start incidents with that plan only.
   */
  public startIncidentsFromEvents(id: string, options: IncidentRuleOptions): events.Rule {
    const account = options.eventPattern.account ?? withListTokens(this.applicationAccounts);
    const pattern: events.EventPattern = { ...options.eventPattern, account };
    return new events.Rule(this, id, {
      eventBus: this.eventBus,
      ruleName: options.ruleName,
      eventPattern: pattern,
      targets: [new ResponsePlanTarget(options.responsePlan)],
    });
  }
}

/**
 * The operations account's side of Incident Manager's cross-account set-up, in the account's first
 * Region: what exists once per account, the read-only roles with which the incident details page
 * shows the status of runbooks across accounts, and, as `IncidentManagerOperationsRegion`, this
 * Region's event bus and the rules on it that start incidents with this account's response plans.
 *
 * Define it once per account: the read-only roles have the fixed names AWS's set-up uses, and IAM
 * names are global to the account. In each other Region the application accounts forward events to,
 * define `IncidentManagerOperationsRegion` (a stack per Region).
 *
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/incident-manager-cross-account-cross-region.html
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * declare const plan: im.ResponsePlan;
 * const operations = new im.IncidentManagerOperationsAccount(this, 'CrossAccount', {
 *   applicationAccounts: ['444455556666'],
 * });
 * operations.startIncidentsFromEvents('HealthEvents', {
 *   responsePlan: plan,
 *   eventPattern: { source: ['aws.health'] },
 * });
 */
export class IncidentManagerOperationsAccount extends IncidentManagerOperationsRegion {
  /** `AWS-SystemsManager-AutomationReadOnlyRole`: the application accounts read runbooks that ran here. */
  public readonly automationReadOnlyRole: iam.Role;
  /** `AWS-SystemManager-AutomationAdministrationReadOnlyRole`: this account reads runbooks that ran in application accounts. */
  public readonly automationAdministrationReadOnlyRole: iam.Role;

  constructor(scope: Construct, id: string, props: IncidentManagerOperationsAccountProps) {
    super(scope, id, props);
    const names = readOnlyRoleNames(this, props);
    const roles = readOnlyRoles(this, props.applicationAccounts, props.applicationAccounts, names, 'Operations');
    this.automationReadOnlyRole = roles.readOnly;
    this.automationAdministrationReadOnlyRole = roles.administration;
  }
}

/**
 * Properties of `IncidentManagerApplicationRegion`.
 */
export interface IncidentManagerApplicationRegionProps {
  /** The operations account, which owns Incident Manager and its response plans. */
  readonly operationsAccount: string;

  /**
   * The Region of the operations account's event bus that this Region's events are forwarded to
   * (where that account defines `IncidentManagerOperationsAccount` or `IncidentManagerOperationsRegion`).
   * It may differ from this stack's Region: EventBridge sends events to a bus of another account in a
   * supported cross-Region destination Region (EventBridge user guide, "Sending and receiving events
   * between AWS accounts").
   */
  readonly operationsRegion: string;

  /**
   * The name of the operations account's event bus (`IncidentManagerOperationsAccount`'s
   * `eventBusName`).
   *
   * @default 'incident-manager'
   */
  readonly eventBusName?: string;
}

/**
 * Properties of `IncidentManagerApplicationAccount`.
 */
export interface IncidentManagerApplicationAccountProps extends AutomationReadOnlyRoleNameOptions {
  /** The operations account, which owns Incident Manager and its response plans. */
  readonly operationsAccount: string;

  /**
   * The Region of the operations account's event bus that this stack's Region forwards events to.
   *
   * @default - this stack's Region, with a warning at synth when events are forwarded: if the
   * operations account has no bus there, every forwarded event is dropped
   */
  readonly operationsRegion?: string;

  /**
   * The names of the operations account's response plans whose runbook runs in this account
   * (`RunbookTargetAccount.IMPACTED_ACCOUNT`): their runbook roles, and no other role, may assume
   * this account's `AWS-SystemsManager-AutomationExecutionRole`. Names known only at deployment (a
   * list parameter) must be at most 41 characters: their role name is not shortened
   * (`RunbookExecutionRole.roleNameFor`). Grant each plan's runbook with `grantRunbook`.
   *
   * @default - no runbook runs here, and no execution role is created
   */
  readonly runbookResponsePlans?: string[];

  /**
   * Other application accounts that may read the status of runbooks that ran here (the user guide
   * names "the management account and other application accounts").
   *
   * @default - the operations account only
   */
  readonly otherApplicationAccounts?: string[];

  /**
   * The name of the operations account's event bus (`IncidentManagerOperationsAccount`'s
   * `eventBusName`).
   *
   * @default 'incident-manager'
   */
  readonly eventBusName?: string;
}

/**
 * Options of forwarding events to the operations account.
 */
export interface ForwardEventsOptions {
  /** The events of this account to forward. */
  readonly eventPattern: events.EventPattern;

  /**
   * The rule's name.
   *
   * @default - a name CloudFormation generates
   */
  readonly ruleName?: string;
}

/**
 * What an application account's side of the cross-account set-up has in one Region: a rule that
 * forwards this Region's events to the operations account's event bus in the Region you name, and
 * alarm actions that start incidents with the operations account's shared response plans. It creates
 * no IAM role of a fixed name.
 *
 * In one of the account's Regions define `IncidentManagerApplicationAccount` instead, which adds what
 * exists once per account (the execution role and the read-only roles); in each other Region, this
 * construct (a stack per Region).
 *
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/incident-manager-cross-account-cross-region.html
 *
 * @example
 * import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
 * import * as im from 'cdk-incident-manager';
 *
 * declare const alarm: cloudwatch.Alarm;
 * // In the stack of the application account's second Region:
 * const application = new im.IncidentManagerApplicationRegion(this, 'IncidentManager', {
 *   operationsAccount: '111122223333',
 *   operationsRegion: 'us-west-2',
 * });
 * alarm.addAlarmAction(application.alarmAction('checkout-critical'));
 * application.forwardEvents('Health', { eventPattern: { source: ['aws.health'] } });
 */
export class IncidentManagerApplicationRegion extends Construct {
  /** The operations account's event bus, by ARN, in `operationsRegion`. */
  public readonly operationsEventBus: events.IEventBus;

  private readonly sharingAccount: string;
  private readonly plans = new Map<string, IResponsePlan>();

  constructor(scope: Construct, id: string, props: IncidentManagerApplicationRegionProps) {
    super(scope, id);
    const stack = Stack.of(this);
    checkString(this, 'operationsAccount', props.operationsAccount, { pattern: ACCOUNT_ID, format: 'a 12-digit account ID', code: 'CROSS_ACCOUNT' });
    if (!Token.isUnresolved(props.operationsAccount) && props.operationsAccount === stack.account) {
      throw new IncidentManagerValidationError(this, '`operationsAccount`', props.operationsAccount, "be another account than this stack's (this construct is the application account's side)", 'CROSS_ACCOUNT');
    }
    checkString(this, 'operationsRegion', props.operationsRegion, { pattern: REGION_NAME, format: 'a Region name such as us-east-1', code: 'CROSS_ACCOUNT' });
    const eventBusName = props.eventBusName ?? DEFAULT_EVENT_BUS_NAME;
    checkString(this, 'eventBusName', eventBusName, { pattern: EVENT_BUS_NAME, format: 'letters, digits and . _ - only, 1 to 256 characters', code: 'CROSS_ACCOUNT' });
    this.sharingAccount = props.operationsAccount;

    this.operationsEventBus = events.EventBus.fromEventBusArn(
      this,
      'OperationsEventBus',
      stack.formatArn({
        service: 'events',
        region: props.operationsRegion,
        account: props.operationsAccount,
        resource: 'event-bus',
        resourceName: eventBusName,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    );
  }

  /**
   * The operations account's response plan `responsePlanName`, shared with this account, by ARN.
   */
  public responsePlan(responsePlanName: string): IResponsePlan {
    checkResponsePlanName(this, 'responsePlanName', responsePlanName);
    let plan = this.plans.get(responsePlanName);
    if (!plan) {
      const arn = Stack.of(this).formatArn({
        service: 'ssm-incidents',
        region: '',
        account: this.sharingAccount,
        resource: 'response-plan',
        resourceName: responsePlanName,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
      plan = ResponsePlan.fromResponsePlanArn(this, `ResponsePlan-${responsePlanName}`, arn);
      this.plans.set(responsePlanName, plan);
    }
    return plan;
  }

  /**
   * An alarm action that starts an incident with the operations account's shared response plan
   * `responsePlanName` (CloudWatch alarms may name a plan shared through AWS RAM).
   */
  public alarmAction(responsePlanName: string): cloudwatch.IAlarmAction {
    return new ResponsePlanAlarmAction(this.responsePlan(responsePlanName));
  }

  /**
   * Forwards this account's events that match `options.eventPattern` to the operations account's
   * event bus (`operationsEventBus`), where `startIncidentsFromEvents` starts incidents. The rule's
   * role may put events on that bus only.
   */
  public forwardEvents(id: string, options: ForwardEventsOptions): events.Rule {
    const rule = new events.Rule(this, id, { ruleName: options.ruleName, eventPattern: options.eventPattern });
    // A role of its own, which only this rule may use (aws-cdk-lib's default role has no conditions).
    const role = eventsRoleOf(rule, 'ForwardRole', "Lets EventBridge put this rule's events on the operations account's Incident Manager event bus");
    rule.addTarget(new targets.EventBus(this.operationsEventBus, { role }));
    return rule;
  }
}

/**
 * An application account's side of Incident Manager's cross-account set-up, in the account's first
 * Region: what exists once per account, the `AWS-SystemsManager-AutomationExecutionRole` that the
 * operations account's runbooks run with here, trusted by exactly those plans' runbook roles, and the
 * read-only roles of the incident details page; and, as `IncidentManagerApplicationRegion`, a rule
 * that forwards this Region's events to the operations account's event bus and alarm actions that
 * start incidents with the operations account's shared response plans.
 *
 * It names the operations account's resources by value (account ID, plan names, bus name and
 * Region), so the two sides can be separate apps. Define it once per account (the roles have fixed
 * names); in the account's other Regions define `IncidentManagerApplicationRegion`.
 *
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/incident-manager-cross-account-cross-region.html
 *
 * @example
 * import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
 * import * as im from 'cdk-incident-manager';
 *
 * declare const alarm: cloudwatch.Alarm;
 * const application = new im.IncidentManagerApplicationAccount(this, 'IncidentManager', {
 *   operationsAccount: '111122223333',
 *   operationsRegion: 'us-east-1',
 *   runbookResponsePlans: ['checkout-critical'],
 * });
 * application.grantRunbook(im.Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate'));
 * alarm.addAlarmAction(application.alarmAction('checkout-critical'));
 * application.forwardEvents('Health', { eventPattern: { source: ['aws.health'] } });
 */
export class IncidentManagerApplicationAccount extends IncidentManagerApplicationRegion {
  /**
   * `AWS-SystemsManager-AutomationExecutionRole`, when `runbookResponsePlans` is given. Grant it what
   * the runbooks do here, and `grantRunbook` each runbook.
   */
  public readonly executionRole?: iam.Role;
  /** `AWS-SystemsManager-AutomationReadOnlyRole`: the operations account reads runbooks that ran here. */
  public readonly automationReadOnlyRole: iam.Role;
  /** `AWS-SystemManager-AutomationAdministrationReadOnlyRole`: this account reads runbooks that ran in the operations account. */
  public readonly automationAdministrationReadOnlyRole: iam.Role;

  private readonly operationsAccount: string;
  private readonly operationsRegionNamed: boolean;
  private runbooksGranted = 0;
  private regionWarned = false;

  constructor(scope: Construct, id: string, props: IncidentManagerApplicationAccountProps) {
    super(scope, id, {
      operationsAccount: props.operationsAccount,
      operationsRegion: props.operationsRegion ?? Stack.of(scope).region,
      eventBusName: props.eventBusName,
    });
    const stack = Stack.of(this);
    checkAccounts(this, 'otherApplicationAccounts', props.otherApplicationAccounts, stack.account, 'CROSS_ACCOUNT');
    if (props.otherApplicationAccounts?.includes(props.operationsAccount)) {
      throw new IncidentManagerValidationError(this, '`otherApplicationAccounts`', props.operationsAccount, 'name application accounts, not the operations account (it is trusted already)', 'CROSS_ACCOUNT');
    }
    const plans = props.runbookResponsePlans;
    if (plans !== undefined && !Token.isUnresolved(plans)) {
      checkCount(this, 'runbookResponsePlans', plans, 1, 100, 'response plan names', 'CROSS_ACCOUNT');
      plans.forEach((p, i) => checkResponsePlanName(this, `runbookResponsePlans[${i}]`, p));
      const twice = firstDuplicate(plans);
      if (twice) {
        throw new IncidentManagerValidationError(this, '`runbookResponsePlans`', twice, 'name each plan once', 'CROSS_ACCOUNT');
      }
    }
    const names = readOnlyRoleNames(this, props);
    this.operationsAccount = props.operationsAccount;
    this.operationsRegionNamed = props.operationsRegion !== undefined;

    if (plans !== undefined) {
      this.executionRole = this.createExecutionRole(plans);
    }

    const readers = [props.operationsAccount, ...(props.otherApplicationAccounts ?? [])];
    const roles = readOnlyRoles(this, readers, [props.operationsAccount], names, 'Application');
    this.automationReadOnlyRole = roles.readOnly;
    this.automationAdministrationReadOnlyRole = roles.administration;

    warnAtSynthesis(this, 'cdk-incident-manager:IncidentManagerApplicationAccount.noRunbookGranted', () =>
      this.executionRole && this.runbooksGranted === 0
        ? `runbookResponsePlans names ${plans!.some(isListTokenElement) ? 'response plans' : plans!.join(', ')}, but no runbook is granted to ${AUTOMATION_EXECUTION_ROLE_NAME}: Systems Manager denies every start of their runbooks in this account. Call grantRunbook with each plan's runbook.`
        : undefined,
    );
  }

  /**
   * Lets the execution role start `runbook` in this account: `ssm:StartAutomationExecution` on the
   * document, its automation definition and this account's automation executions (the resource types
   * the Service Authorization Reference requires).
   *
   * Which document runs: the one the operations account's response plan names. A runbook given by
   * name (`Runbook.fromDocumentName`, or `Runbook.fromCfnDocument`) is the operations account's
   * document, which that account shares with this one (Incident Manager's guide shares the runbook
   * from the management account): the grant names it by ARN, with the operations account as owner,
   * in every Region. An AWS-owned runbook (`Runbook.awsOwned`) and one given by ARN
   * (`Runbook.fromDocumentArn`) are granted as they are.
   */
  public grantRunbook(runbook: Runbook): iam.Grant {
    if (!this.executionRole) {
      throw new IncidentManagerValidationError(this, 'grantRunbook', runbook.documentName, 'be called only with `runbookResponsePlans` (no execution role is created without them)', 'CROSS_ACCOUNT');
    }
    runbook._validate(this);
    this.runbooksGranted++;
    return iam.Grant.addToPrincipal({
      grantee: this.executionRole,
      actions: START_AUTOMATION_ACTIONS,
      resourceArns: startAutomationArns(this, runbook._locationOwnedBy(this, this.operationsAccount)),
    });
  }

  /**
   * Lets `grantee` advance the manual steps (`aws:pause`, `aws:approve`) of runbooks that run in this
   * account: `ssm:SendAutomationSignal` on this account's automation executions, the one resource type
   * the Service Authorization Reference requires (an execution's ID is generated when it starts). Only
   * needed when a runbook of `runbookResponsePlans` has such steps.
   */
  public grantRunbookSignals(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: SIGNAL_AUTOMATION_ACTIONS,
      resourceArns: [automationExecutionsArn(this, Stack.of(this).account)],
    });
  }

  /**
   * Forwards this account's events that match `options.eventPattern` to the operations account's
   * event bus in `operationsRegion` (without it, in this stack's Region, with a warning).
   */
  public forwardEvents(id: string, options: ForwardEventsOptions): events.Rule {
    if (!this.operationsRegionNamed && !this.regionWarned) {
      this.regionWarned = true;
      const region = Stack.of(this).region;
      Annotations.of(this).addWarningV2(
        'cdk-incident-manager:IncidentManagerApplicationAccount.operationsRegionAssumed',
        `Events are forwarded to the operations account's event bus in this stack's Region (${Token.isUnresolved(region) ? 'the Region it is deployed to' : region}), since operationsRegion is not given: if the operations account has no such bus in that Region, every forwarded event is dropped. Name the Region of the operations account's bus in operationsRegion.`,
      );
    }
    return super.forwardEvents(id, options);
  }

  private createExecutionRole(plans: string[]): iam.Role {
    const stack = Stack.of(this);
    const operationsAccount = this.operationsAccount;
    const role = new iam.Role(this, 'AutomationExecutionRole', {
      roleName: AUTOMATION_EXECUTION_ROLE_NAME,
      description: plans.some(isListTokenElement)
        ? `Runs the runbooks of Incident Manager response plans of account ${operationsAccount} in this account`
        : `Runs the runbooks of Incident Manager response plans ${plans.join(', ')} of account ${operationsAccount} in this account`,
      assumedBy: new iam.CompositePrincipal(
        // Incident Manager's runbook role of each plan (response plans page: it assumes this role
        // to run the runbook in the impacted account).
        trustRoles([operationsAccount], eachInList(plans, (p) => roleArn(this, operationsAccount, RunbookExecutionRole.roleNameFor(p)))),
        // Automation runs the runbook's steps with it in this account. Systems Manager's execution
        // role template ("Setting up management account permissions for multi-Region and
        // multi-account automation") and its confused-deputy page trust ssm.amazonaws.com with
        // aws:SourceAccount and aws:SourceArn arn:<partition>:ssm:*:<account>:automation-execution/*.
        new iam.ServicePrincipal('ssm.amazonaws.com', {
          conditions: {
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: { 'aws:SourceArn': automationExecutionsArn(this, stack.account) },
          },
        }),
      ),
    });
    claimRoleName(role, AUTOMATION_EXECUTION_ROLE_NAME, 'Application');
    // Systems Manager's execution role template: the role passes itself to Automation.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: PASS_ROLE_ACTIONS,
        resources: [roleArn(this, stack.account, AUTOMATION_EXECUTION_ROLE_NAME)],
        conditions: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
      }),
    );
    return role;
  }
}
