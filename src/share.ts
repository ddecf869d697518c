import { IResource, aws_ram as ram } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IContact } from './contact-base';
import { CONTACT, RESPONSE_PLAN, formatArn, ramPermissionArn } from './private/arns';
import { Lazy, Names, Resource, Stack, Token } from './private/core';
import { IncidentManagerValidationError } from './private/errors';
import { checkBoolean, checkConstruct, checkList, requireProps } from './private/inputs';
import { withListTokens } from './private/lists';
import { ACCOUNT_ID, checkSameEnvironment, checkString, isUnresolved, requireEntries } from './private/validate';
import { IResponsePlan } from './response-plan';

/** The RAM managed permission for sharing response plans. */
const RESPONSE_PLAN_PERMISSION = 'AWSRAMDefaultPermissionSSMIncidentsResponsePlan';
/** The RAM managed permission for sharing contacts, escalation plans and on-call schedules. */
const CONTACT_PERMISSION = 'AWSRAMDefaultPermissionSSMContactsContact';

const OU_ARN = /^arn:aws(-[a-z]+)*:organizations::[0-9]{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;
const ORGANIZATION_ARN = /^arn:aws(-[a-z]+)*:organizations::[0-9]{12}:organization\/o-[a-z0-9]{10,32}$/;

/**
 * Whom a share is for, and its settings. Shared by `IncidentManagerShare` and the foundation's sharing.
 */
export interface IncidentManagerShareOptions {
  /**
   * The name of the resource share.
   *
   * @default - a name generated from the construct path
   */
  readonly shareName?: string;

  /**
   * Account IDs (12 digits) to share with.
   *
   * @default - none
   */
  readonly accounts?: string[];

  /**
   * Organizational units to share with, by ARN
   * (`arn:aws:organizations::<management account>:ou/o-<org id>/ou-<ou id>`).
   *
   * @default - none
   */
  readonly organizationalUnitArns?: string[];

  /**
   * The organization to share with, by ARN (`arn:aws:organizations::<management account>:organization/o-<org id>`).
   *
   * @default - not shared with the whole organization
   */
  readonly organizationArn?: string;

  /**
   * Whether accounts outside the organization may be principals.
   *
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;
}

/**
 * Properties of an `IncidentManagerShare`.
 */
export interface IncidentManagerShareProps extends IncidentManagerShareOptions {
  /**
   * Response plans of this app to share. More can be added with `addResponsePlan`.
   *
   * @default - none
   */
  readonly responsePlans?: IResponsePlan[];

  /**
   * Contacts, escalation plans and on-call schedules of this app to share. More can be added with
   * `addContact`.
   *
   * @default - none
   */
  readonly contacts?: IContact[];
}

/**
 * Shares response plans and contacts of this app with other accounts, organizational units or the
 * whole organization through AWS RAM, with the managed permission each resource type needs.
 *
 * Only the owner of a resource can share it: an imported or shared-in plan or contact is an error.
 *
 * @resource AWS::RAM::ResourceShare
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/sharing.html
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * declare const plan: im.ResponsePlan;
 * declare const escalation: im.EscalationPlan;
 * new im.IncidentManagerShare(this, 'Share', {
 *   responsePlans: [plan],
 *   contacts: [escalation],
 *   accounts: ['444455556666'],
 * });
 */
export class IncidentManagerShare extends Resource {
  /** @attribute */
  public readonly resourceShareArn: string;

  private readonly responsePlans: IResponsePlan[] = [];
  private readonly contacts: IContact[] = [];
  private readonly principals: string[] = [];
  private readonly planArns: string[] = [];
  private readonly contactArns: string[] = [];
  /** The resolved names added so far, by list, so that checking a new one does not read the whole list. */
  private readonly names = { responsePlans: new Set<string>(), contacts: new Set<string>(), principals: new Set<string>() };

  constructor(scope: Construct, id: string, props: IncidentManagerShareProps = {}) {
    super(scope, id);
    requireProps(this, props, 'IncidentManagerShareProps', 'INPUT');
    // CreateResourceShare: name is required (AWS RAM API reference): an empty name is none.
    checkString(this, 'shareName', props.shareName, { min: 1, code: 'SHARE' });
    checkBoolean(this, 'allowExternalPrincipals', props.allowExternalPrincipals, 'SHARE');
    for (const list of ['responsePlans', 'contacts', 'accounts', 'organizationalUnitArns'] as const) {
      checkList(this, list, props[list], 'SHARE');
    }
    const resource = new ram.CfnResourceShare(this, 'Resource', {
      name: props.shareName ?? Names.uniqueResourceName(this, { maxLength: 255 }),
      allowExternalPrincipals: props.allowExternalPrincipals ?? false,
      // Resources and principals added later are in them at synthesis.
      // Response plans first, then contacts, each in the order added.
      resourceArns: Lazy.list({ produce: () => [...this.planArns, ...this.contactArns] }),
      // A list token among the principals is expanded at deploy time.
      principals: Lazy.list({ produce: () => withListTokens(this.principals) }),
      permissionArns: Lazy.list({ produce: () => this.permissionArns() }),
    });
    this.resourceShareArn = resource.attrArn;

    props.responsePlans?.forEach((p) => this.addResponsePlan(p));
    props.contacts?.forEach((c) => this.addContact(c));
    // A list token (a CommaDelimitedList parameter, Fn.split) is one entry here and is expanded at
    // deploy time.
    props.accounts?.forEach((a) => this.addAccount(a));
    props.organizationalUnitArns?.forEach((ou) => this.addOrganizationalUnit(ou));
    if (props.organizationArn !== undefined) {
      this.addOrganization(props.organizationArn);
    }

    requireEntries(this, 'resources', () => this.responsePlans.length + this.contacts.length, 'resources', 'share at least one response plan or contact (add one with addResponsePlan or addContact)', 'SHARE');
    requireEntries(this, 'principals', () => this.principals.length, 'principals', 'name at least one account, organizational unit or organization', 'SHARE');
  }

  /** Shares a response plan of this app. */
  public addResponsePlan(plan: IResponsePlan): void {
    checkConstruct(this, `responsePlans[${this.responsePlans.length}]`, plan, 'a response plan of this app', 'SHARE');
    this.checkOwned(plan, 'response plan');
    this.checkOnce('responsePlans', plan.responsePlanName, this.names.responsePlans);
    this.responsePlans.push(plan);
    this.shareArn(this.planArns, formatArn(this, RESPONSE_PLAN, plan.responsePlanName), plan);
  }

  /** Shares a contact, escalation plan or on-call schedule of this app. */
  public addContact(contact: IContact): void {
    checkConstruct(this, `contacts[${this.contacts.length}]`, contact, 'a contact, escalation plan or on-call schedule of this app', 'SHARE');
    this.checkOwned(contact, 'contact');
    this.checkOnce('contacts', contact.contactAlias, this.names.contacts);
    this.contacts.push(contact);
    this.shareArn(this.contactArns, formatArn(this, CONTACT, contact.contactAlias), contact);
  }

  /** Shares with an account (12-digit ID). */
  public addAccount(accountId: string): void {
    checkString(this, 'accounts[]', accountId, { pattern: ACCOUNT_ID, format: 'a 12-digit account ID', code: 'SHARE', required: true });
    // "Sharing a resource makes it available for use by principals outside of the AWS account that
    // created the resource" (AWS RAM API reference, CreateResourceShare): the owner's own account is not
    // a principal of its share (README, "What this library assumes").
    const owner = Stack.of(this).account;
    if (!isUnresolved(accountId) && !Token.isUnresolved(owner) && accountId === owner) {
      throw new IncidentManagerValidationError(this, '`accounts`', accountId, `name accounts other than the share's own account ${owner} (it owns the shared resources already)`, 'SHARE');
    }
    this.addPrincipal('accounts', accountId);
  }

  /** Shares with an organizational unit, by ARN. */
  public addOrganizationalUnit(organizationalUnitArn: string): void {
    checkString(this, 'organizationalUnitArns[]', organizationalUnitArn, { pattern: OU_ARN, format: 'an OU ARN such as arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdef3456', code: 'SHARE', required: true });
    this.addPrincipal('organizationalUnitArns', organizationalUnitArn);
  }

  /** Shares with the whole organization, by ARN. */
  public addOrganization(organizationArn: string): void {
    checkString(this, 'organizationArn', organizationArn, { pattern: ORGANIZATION_ARN, format: 'an organization ARN such as arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5', code: 'SHARE', required: true });
    this.addPrincipal('organizationArn', organizationArn);
  }

  private addPrincipal(what: string, principal: string): void {
    this.checkOnce(what, principal, this.names.principals);
    this.principals.push(principal);
  }

  /** A plan, contact or principal named twice is an error (RAM would refuse the share at deploy). */
  private checkOnce(what: string, name: string, existing: Set<string>): void {
    if (isUnresolved(name)) {
      return;
    }
    if (existing.has(name)) {
      throw new IncidentManagerValidationError(this, `\`${what}\``, name, 'name each response plan, contact and principal once', 'SHARE');
    }
    existing.add(name);
  }

  private checkOwned(resource: IResource, kind: string): void {
    if (!Resource.isOwnedResource(resource)) {
      throw new IncidentManagerValidationError(
        this,
        `a shared ${kind}`,
        `the imported ${kind} ${resource.node.path}`,
        `be defined in this app (only the owner of a ${kind} can share it; a ${kind} shared with this account cannot be shared again)`,
        'SHARE',
      );
    }
    checkSameEnvironment(this, `a shared ${kind}`, resource, 'resource share', 'a share names resources of its own account and Region', 'SHARE');
  }

  /**
   * Adds a resource by the ARN built from its name or alias, with an explicit dependency, instead of
   * its Arn attribute: a share of resources in nested stacks then needs no stack outputs.
   */
  private shareArn(list: string[], arn: string, resource: IResource): void {
    list.push(arn);
    this.node.addDependency(resource);
  }

  private permissionArns(): string[] {
    return [
      ...(this.responsePlans.length > 0 ? [ramPermissionArn(this, RESPONSE_PLAN_PERMISSION)] : []),
      ...(this.contacts.length > 0 ? [ramPermissionArn(this, CONTACT_PERMISSION)] : []),
    ];
  }
}
