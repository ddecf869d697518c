import { createHash } from 'crypto';
import { Annotations, aws_iam as iam, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import {
  ASSUME_ROLE_ACTIONS,
  AUTOMATION_EXECUTION_ROLE_NAME,
  INCIDENT_MANAGER_PRINCIPAL,
  PASS_ROLE_ACTIONS,
  START_AUTOMATION_ACTIONS,
} from './private/actions';
import { DocumentLocation, incidentRecordsArn, roleArn, startAutomationArns } from './private/arns';
import { DocumentParameters, awsRunbookParameters } from './private/aws-runbooks';
import { Arn, ArnFormat, Stack, Token } from './private/core';
import { IncidentManagerValidationError, Where } from './private/errors';
import { checkConstruct, checkEnum, checkInstance, checkList, isCfnOfType, requireGiven, requireProps } from './private/inputs';
import { eachInList } from './private/lists';
import { REGION_NAME, SSM_DOCUMENT_NAME, checkAccountIds, checkCount, checkResponsePlanName, checkString, isUnresolved } from './private/validate';

/** The document name pattern of the Incident Manager API (SsmAutomation.documentName). */
const DOCUMENT_NAME = /^[a-zA-Z0-9_\-.:/]{3,128}$/;

/**
 * A Systems Manager Automation runbook that a response plan starts when an incident begins.
 */
export class Runbook {
  /**
   * A runbook owned by the response plan's account, by name. Incident Manager starts it in the Region
   * the incident is created in, so it must exist in every Region of the replication set.
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
   * A runbook another account shares with the response plan's account (or one of this account in a
   * single Region), by its ARN: `arn:<partition>:ssm:<region>:<account>:document/<name>`.
   *
   * The response plan names the document by this ARN, as Systems Manager requires for a shared
   * document, and the runbook role may start exactly this document of that account and Region.
   */
  public static fromDocumentArn(documentArn: string): Runbook {
    // A malformed ARN is reported by the response plan or role that uses the runbook, with its path.
    return new Runbook(documentArn, false, parseDocumentArn(documentArn) ?? INVALID_ARN);
  }

  /**
   * A runbook defined in this app. It must be of type `Automation`; when its content is known at
   * synth, the parameters the response plan passes are checked against the ones it declares.
   */
  public static fromCfnDocument(document: ssm.CfnDocument): Runbook {
    // From JavaScript anything can come: a value that is not a document is reported, with its path, by
    // the response plan or role that uses the runbook.
    if (!isCfnOfType('AWS::SSM::Document')(document)) {
      return new Runbook(undefined as unknown as string, false, undefined, undefined);
    }
    return new Runbook(document.ref, false, undefined, document);
  }

  /**
   * The parameters the document declares, when they are known at synth: for a document defined in the
   * app whose content is known, and for the AWS-owned runbooks whose parameters the library lists
   * (`AWS-RestartEC2Instance`, `AWS-RebootRdsInstance`).
   */
  public readonly declaredParameters?: string[];

  /**
   * The parameters the document requires (declared without a default), when they are known at synth:
   * for a document defined in the app whose content is known, and for the AWS-owned runbooks whose
   * parameters the library lists (`AWS-RestartEC2Instance`, `AWS-RebootRdsInstance`,
   * `AWSIncidents-CriticalIncidentRunbookTemplate`). A response plan must give each of them a value.
   */
  public readonly requiredParameters?: string[];

  private constructor(
    /** The name of the Automation document, or its ARN for a document shared from another account. */
    public readonly documentName: string,
    /** Whether AWS owns the document. */
    public readonly isAwsOwned: boolean,
    private readonly arnParts?: { readonly account: string; readonly region: string; readonly name: string },
    private readonly document?: ssm.CfnDocument,
  ) {
    const known = document
      ? documentParameters(document)
      : isAwsOwned && !Token.isUnresolved(documentName)
        ? awsRunbookParameters(documentName)
        : undefined;
    this.declaredParameters = known?.declared;
    this.requiredParameters = known?.required;
  }

  /**
   * The document, for error messages: its path when it is defined in the app, else its name or ARN.
   * @internal
   */
  public get _description(): string {
    return this.document ? this.document.node.path : this.documentName;
  }

  /**
   * The account that owns the document, when it is not the response plan's own account or AWS.
   */
  public get documentOwner(): string | undefined {
    return this.arnParts === INVALID_ARN ? undefined : this.arnParts?.account;
  }

  /**
   * Checks the document name and type.
   * @internal
   */
  public _validate(scope: Where): void {
    if (this.arnParts === INVALID_ARN) {
      throw new IncidentManagerValidationError(scope, '`Runbook.fromDocumentArn`', this.documentName, 'be given an ARN of the form arn:<partition>:ssm:<region>:<account>:document/<name>', 'RUNBOOK');
    }
    checkString(scope, 'runbook document name', this.documentName, { pattern: DOCUMENT_NAME, format: '3 to 128 letters, digits and _ - . : /', code: 'RUNBOOK', required: true });
    // Names that begin with aws, amazon or amzn are reserved for AWS's own documents (Systems Manager
    // API reference, CreateDocument: Name), whose ARNs carry no account.
    if (!this.arnParts && !this.document && !isUnresolved(this.documentName)) {
      // A name with an ARN would give the runbook role a policy on `document/arn:...`, which matches
      // no document: the runbook could never start.
      if (/^arn:/.test(this.documentName)) {
        throw new IncidentManagerValidationError(scope, `\`Runbook.${this.isAwsOwned ? 'awsOwned' : 'fromDocumentName'}\``, this.documentName, 'be given a document name, not an ARN: for a document named by its ARN (one another account shares with yours) use Runbook.fromDocumentArn', 'RUNBOOK');
      }
      const reserved = /^(aws|amazon|amzn)/i.test(this.documentName);
      if (reserved && !this.isAwsOwned) {
        throw new IncidentManagerValidationError(scope, '`Runbook.fromDocumentName`', this.documentName, 'name a document of your account; names that begin with aws, amazon or amzn are AWS\'s own documents: use Runbook.awsOwned', 'RUNBOOK');
      }
      if (!reserved && this.isAwsOwned) {
        throw new IncidentManagerValidationError(scope, '`Runbook.awsOwned`', this.documentName, 'name a document AWS owns (their names begin with AWS or Amazon); for a document of your account use Runbook.fromDocumentName', 'RUNBOOK');
      }
    }
    const type = this.document?.documentType;
    if (type !== undefined && !Token.isUnresolved(type) && type !== 'Automation') {
      throw new IncidentManagerValidationError(scope, '`runbook`', `the document ${this.document!.node.path} of type ${type}`, 'be a document of type Automation', 'RUNBOOK');
    }
  }

  /**
   * Systems Manager refuses to start an automation with a parameter its document does not declare, or
   * without one it requires (declared without a default), so such a plan would fail at every incident.
   * Checked where the document's parameters are known (`declaredParameters`, `requiredParameters`).
   * @internal
   */
  public _checkParameters(scope: Where, given: string[]): void {
    const declared = this.declaredParameters;
    if (declared) {
      for (const key of given) {
        if (!Token.isUnresolved(key) && !declared.includes(key)) {
          throw new IncidentManagerValidationError(
            scope,
            '`runbook` parameter',
            key,
            `be one the document ${this._description} declares (${declared.join(', ') || 'none'}): Systems Manager refuses to start an automation with an undeclared parameter`,
            'RUNBOOK_PARAMETERS',
          );
        }
      }
    }
    // A parameter name only known at deployment may be the required one.
    if (given.some((key) => Token.isUnresolved(key))) {
      return;
    }
    const missing = (this.requiredParameters ?? []).find((name) => !given.includes(name));
    if (missing) {
      throw new IncidentManagerValidationError(
        scope,
        `\`runbook.parameters.${missing}\``,
        undefined,
        `be given, as a fixed value in \`runbook.parameters\` or an Incident Manager value in \`runbook.dynamicParameters\`: the document ${this._description} requires it (declared without a default), and Systems Manager refuses to start an automation without it`,
        'RUNBOOK_PARAMETERS',
      );
    }
  }

  /**
   * Where the document lives, for the runbook role's policy.
   * @internal
   */
  public _location(scope: IConstruct): DocumentLocation {
    if (this.arnParts) {
      return { documentName: this.arnParts.name, account: this.arnParts.account, region: this.arnParts.region };
    }
    return { documentName: this.documentName, account: this.isAwsOwned ? '' : Stack.of(scope).account, region: '*' };
  }

  /**
   * Where the document lives when a response plan of account `owner` runs it in another account
   * (`RunbookTargetAccount.IMPACTED_ACCOUNT`): a document named by name (or defined in the app) is the
   * owner's, shared with the account it runs in. Incident Manager's guide ("Working with Systems
   * Manager Automation runbooks", Define a runbook) shares the runbook of the management account with
   * the application accounts; Systems Manager names a shared document by its ARN. AWS-owned documents
   * and documents named by ARN stay where they are.
   * @internal
   */
  public _locationOwnedBy(scope: IConstruct, owner: string): DocumentLocation {
    const location = this._location(scope);
    return this.arnParts || this.isAwsOwned ? location : { ...location, account: owner };
  }
}

/** What `fromDocumentArn` keeps for an ARN it cannot read, so that the runbook's user can report it. */
const INVALID_ARN = { account: '', region: '', name: '' };

/** The account, Region and name of an SSM document ARN, or undefined when it is not one. */
function parseDocumentArn(arn: string): { account: string; region: string; name: string } | undefined {
  let parts;
  try {
    parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
  } catch {
    return undefined;
  }
  if (Token.isUnresolved(arn)) {
    return { account: parts.account!, region: parts.region!, name: parts.resourceName! };
  }
  if (
    parts.service !== 'ssm' ||
    parts.resource !== 'document' ||
    !parts.resourceName ||
    !SSM_DOCUMENT_NAME.test(parts.resourceName) ||
    !/^[0-9]{12}$/.test(parts.account ?? '') ||
    !REGION_NAME.test(parts.region ?? '')
  ) {
    return undefined;
  }
  return { account: parts.account!, region: parts.region!, name: parts.resourceName };
}

/**
 * The parameters an Automation document defined in the app declares, and those without a default
 * (required: Systems Manager API reference, DocumentParameter), when its content is known at synth.
 */
function documentParameters(document: ssm.CfnDocument): DocumentParameters | undefined {
  let content = document.content;
  if (Token.isUnresolved(content)) {
    return undefined;
  }
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content);
    } catch {
      return undefined; // YAML text: not read here
    }
  }
  if (typeof content !== 'object' || content === null || Token.isUnresolved(content.parameters)) {
    return undefined;
  }
  const parameters: { [name: string]: unknown } = content.parameters ?? {};
  const declared = Object.keys(parameters);
  if (declared.some((name) => Token.isUnresolved(name))) {
    return undefined;
  }
  // A declaration only known at deployment may have a default: not required.
  const required = declared.filter((name) => {
    const declaration = parameters[name];
    return typeof declaration === 'object' && declaration !== null && !Token.isUnresolved(declaration) && !('default' in declaration);
  });
  return { declared, required, source: document.node.path };
}

/** The prefix of the names of runbook roles whose runbook runs in the impacted account. */
const IMPACTED_RUNBOOK_ROLE_PREFIX = 'IncidentManagerRunbook-';

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
   * @default - that role in any account, with a warning at synth: the runbook then runs in any account
   * whose execution role trusts this role and where an incident with the plan starts
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
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * // ResponsePlan creates this role for its runbook; create one yourself to share or extend it.
 * new im.RunbookExecutionRole(this, 'RunbookRole', {
 *   responsePlanName: 'checkout-critical',
 *   runbook: im.Runbook.awsOwned('AWS-RestartEC2Instance'),
 * });
 */
export class RunbookExecutionRole extends iam.Role {
  /**
   * The name of the runbook role of response plan `responsePlanName` when its runbook runs in the
   * impacted account: `IncidentManagerRunbook-<plan>`, or, when that is longer than IAM's 64
   * characters, the first 46 characters of it, `-` and 8 hexadecimal digits of the plan name's SHA-256.
   *
   * Application accounts trust exactly this role (`IncidentManagerApplicationAccount`), knowing only
   * the operations account and the plan's name.
   */
  public static roleNameFor(responsePlanName: string): string {
    // Only its presence is checked: the foundation's cross-account side passes a placeholder for a list token.
    checkString('RunbookExecutionRole.roleNameFor', 'responsePlanName', responsePlanName, { code: 'RESPONSE_PLAN_NAME', required: true });
    const full = `${IMPACTED_RUNBOOK_ROLE_PREFIX}${responsePlanName}`;
    if (full.length <= 64) {
      return full;
    }
    return `${full.slice(0, 46)}-${createHash('sha256').update(responsePlanName).digest('hex').slice(0, 8)}`;
  }

  /**
   * The rules of a runbook's target, wherever they are stated: by the role's own props, or by a
   * response plan's `runbook` (`prefix` `runbook.`, as the plan's user wrote them). A runbook of the
   * library, a known target account, no automation assume role in the impacted account, and a document
   * the runbook may name.
   * @internal
   */
  public static _checkTarget(where: Where, prefix: string, target: Pick<RunbookExecutionRoleProps, 'runbook' | 'targetAccount' | 'automationAssumeRole'>): void {
    checkInstance(where, `${prefix}runbook`, target.runbook, Runbook, 'a Runbook (Runbook.awsOwned, fromDocumentName, fromDocumentArn or fromCfnDocument)', 'RUNBOOK');
    // SsmAutomation.TargetAccount: RESPONSE_PLAN_OWNER_ACCOUNT or IMPACTED_ACCOUNT (CloudFormation schema).
    checkEnum(where, `${prefix}targetAccount`, target.targetAccount, RunbookTargetAccount, 'RunbookTargetAccount', 'RUNBOOK_ROLE');
    checkConstruct(where, `${prefix}automationAssumeRole`, target.automationAssumeRole, 'an IAM role', 'RUNBOOK_ROLE', false);
    if (target.automationAssumeRole && target.targetAccount === RunbookTargetAccount.IMPACTED_ACCOUNT) {
      throw new IncidentManagerValidationError(
        where,
        `\`${prefix}automationAssumeRole\``,
        target.automationAssumeRole.node.path,
        'be left out when the runbook runs in the impacted account (a role of the plan\'s account cannot be passed in another account; the runbook uses that account\'s AWS-SystemsManager-AutomationExecutionRole)',
        'RUNBOOK_ROLE',
      );
    }
    target.runbook._validate(where);
  }

  /**
   * Every rule of the role's props, for the role at `path` (a response plan checks the role it will
   * create before it creates anything).
   * @internal
   */
  public static _checkProps(path: string, props: RunbookExecutionRoleProps): void {
    requireProps(path, props, 'RunbookExecutionRoleProps (responsePlanName, runbook)', 'INPUT');
    requireGiven(path, 'responsePlanName', props.responsePlanName, 'the name of the response plan whose incidents use the role', 'RESPONSE_PLAN_NAME');
    // The name ends up in the trust policy's aws:SourceArn: a malformed one would never match.
    checkResponsePlanName(path, 'responsePlanName', props.responsePlanName);
    RunbookExecutionRole._checkTarget(path, '', props);
    if (props.impactedAccounts && props.targetAccount !== RunbookTargetAccount.IMPACTED_ACCOUNT) {
      throw new IncidentManagerValidationError(
        path,
        '`impactedAccounts`',
        props.impactedAccounts,
        'be given only with `targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT`',
        'RUNBOOK_ROLE',
      );
    }
    checkList(path, 'impactedAccounts', props.impactedAccounts, 'RUNBOOK_ROLE');
    checkAccountIds(path, 'impactedAccounts', props.impactedAccounts, 'RUNBOOK_ROLE');
    if (props.impactedAccounts && !Token.isUnresolved(props.impactedAccounts)) {
      // An empty list would grant nothing; it is not "any account", which leaving the prop out means.
      checkCount(path, 'impactedAccounts', props.impactedAccounts, 1, Number.MAX_SAFE_INTEGER, 'accounts', 'RUNBOOK_ROLE');
    }
  }

  constructor(scope: Construct, id: string, props: RunbookExecutionRoleProps) {
    RunbookExecutionRole._checkProps(scope.node.path ? `${scope.node.path}/${id}` : id, props);
    const account = Stack.of(scope).account;
    super(scope, id, {
      // Named when the runbook runs in the impacted account, so that application accounts can trust
      // exactly this role by value (a generated name is only known after deployment).
      roleName:
        props.targetAccount === RunbookTargetAccount.IMPACTED_ACCOUNT && !Token.isUnresolved(props.responsePlanName)
          ? RunbookExecutionRole.roleNameFor(props.responsePlanName)
          : undefined,
      description: `Lets Incident Manager start the runbook of response plan ${props.responsePlanName}`,
      assumedBy: new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL, {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          // The user guide's confused-deputy example: any Region, this account, this plan's incident records.
          ArnLike: { 'aws:SourceArn': incidentRecordsArn(scope, account, props.responsePlanName, '*') },
        },
      }),
    });
    if (props.targetAccount === RunbookTargetAccount.IMPACTED_ACCOUNT && props.impactedAccounts === undefined) {
      // Not an error: an organization whose plans are shared with every account may mean it, and
      // each application account still decides by trusting (or not) this role by name.
      Annotations.of(this).addWarningV2(
        'cdk-incident-manager:RunbookExecutionRole.anyImpactedAccount',
        `The runbook of response plan ${props.responsePlanName} runs in the impacted account, and no impactedAccounts are named: this role may assume ${AUTOMATION_EXECUTION_ROLE_NAME} in every account, so the runbook runs in any account where an incident with this plan starts and whose execution role trusts this role, not only the application accounts you mean. Name them in impactedAccounts.`,
      );
    }
    this.allowStartingRunbook(props);
  }

  /** What the role may do: start the runbook, pass its assume role, assume the impacted account's execution role. */
  private allowStartingRunbook(props: RunbookExecutionRoleProps): void {
    this.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: START_AUTOMATION_ACTIONS,
        resources: startAutomationArns(this, props.runbook._location(this)),
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
      this.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ASSUME_ROLE_ACTIONS,
          resources: eachInList(accounts, (a) => roleArn(this, a, AUTOMATION_EXECUTION_ROLE_NAME)),
        }),
      );
    }
  }
}
