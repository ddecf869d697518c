import { RemovalPolicy, aws_ssmcontacts as ssmcontacts } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CONTACT, formatArn, importPath, parseArn } from './arns';
import { IncidentManagerValidationError, Where } from './errors';
import { checkConstruct } from './inputs';
import { applyRemovalPolicy } from './removal';
import { useReplicationSet } from './replication-regions';
import { checkTagsAtSynth } from './tags';
import type { IReplicationSet } from '../replication-set';
import { claimUniqueName } from './unique';
import { checkString } from './validate';
import { ContactBase, IContact } from '../contact-base';

/**
 * A contact alias as the SSM Contacts API allows it (CreateContact: Alias, ^[a-z0-9_\-]*$). The
 * CloudFormation schema also allows a dot, but the API refuses one, and the response plan schema's
 * engagement ARNs (SSMContact, [^.]+ after the account) cannot name a contact whose alias has one.
 */
const CONTACT_ALIAS_PATTERN = /^[a-z0-9_\-]*$/;
const CONTACT_ALIAS_FORMAT = 'lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one)';
/** The pattern CloudFormation allows for a contact display name. */
const CONTACT_DISPLAY_NAME_PATTERN = /^[a-zA-Z0-9_\-\s]*$/;

/** Checks an alias and display name against CloudFormation's rules. */
function checkContactNames(scope: Where, alias: string, displayName?: string): void {
  checkString(scope, 'alias', alias, { pattern: CONTACT_ALIAS_PATTERN, format: CONTACT_ALIAS_FORMAT, min: 1, max: 255, code: 'CONTACT_ALIAS', required: true });
  // Required by the CloudFormation schema of AWS::SSMContacts::Contact.
  checkString(scope, 'displayName', displayName, { pattern: CONTACT_DISPLAY_NAME_PATTERN, format: 'letters, digits, spaces and _ - only', min: 1, max: 255, code: 'CONTACT_DISPLAY_NAME', required: true });
}

/**
 * Imports a contact of any type by ARN (`arn:<partition>:ssm-contacts:<region>:<account>:contact/<alias>`).
 */
export function importContactArn(scope: Construct, id: string, contactArn: string): IContact {
  const parsed = parseArn(importPath(scope, id), CONTACT, contactArn, 'contactArn');
  checkString(importPath(scope, id), 'contactArn', parsed.resourceName, { pattern: CONTACT_ALIAS_PATTERN, format: `an ARN whose alias is ${CONTACT_ALIAS_FORMAT}`, code: 'CONTACT_ALIAS' });
  class Import extends ContactBase {
    public readonly contactArn = contactArn;
    public readonly contactAlias = parsed.resourceName;
  }
  return new Import(scope, id, { environmentFromArn: contactArn });
}

/**
 * Imports a contact of any type by alias, in the stack's account and Region.
 */
export function importContactAlias(scope: Construct, id: string, alias: string): IContact {
  checkString(importPath(scope, id), 'alias', alias, { pattern: CONTACT_ALIAS_PATTERN, format: CONTACT_ALIAS_FORMAT, min: 1, max: 255, code: 'CONTACT_ALIAS', required: true });
  class Import extends ContactBase {
    public readonly contactAlias = alias;
    public readonly contactArn = formatArn(this, CONTACT, alias);
  }
  return new Import(scope, id);
}

/** Contacts of this library that are not personal contacts cannot be on call in a rotation. */
const NOT_PERSONAL = Symbol.for('cdk-incident-manager.notPersonalContact');

/** Marks a contact class whose instances cannot take shifts (escalation plans, on-call schedules). */
export function markNotPersonal(contact: IContact, kind: string): void {
  Object.defineProperty(contact, NOT_PERSONAL, { value: kind, enumerable: false });
}

export function checkPersonal(scope: Where, contact: IContact, where: string): void {
  checkConstruct(scope, where, contact, 'a personal contact (a Contact, or one imported with Contact.fromContactArn)', 'PERSONAL_CONTACT');
  const kind = (contact as any)[NOT_PERSONAL] as string | undefined;
  if (kind) {
    throw new IncidentManagerValidationError(scope, `\`${where}\``, `${kind} ${contact.node.path}`, 'be a personal contact (only people take shifts)', 'PERSONAL_CONTACT');
  }
}

/** What every contact type's props share. */
interface ContactNames {
  readonly alias: string;
  readonly displayName: string;
  readonly removalPolicy?: RemovalPolicy;
  readonly replicationSet?: IReplicationSet;
}

/** Checks the names and defines the contact's L1 (id `Resource`), retained unless told otherwise. */
export function defineContactResource(
  scope: Construct,
  props: ContactNames,
  type: 'PERSONAL' | 'ESCALATION' | 'ONCALL_SCHEDULE',
  plan?: ssmcontacts.CfnContact.StageProperty[],
): ssmcontacts.CfnContact {
  checkContactNames(scope, props.alias, props.displayName);
  // Contacts, escalation plans and on-call schedules share one alias namespace per account and Region.
  claimUniqueName(scope, 'contact', props.alias, true, '`alias`', 'CONTACT_ALIAS_UNIQUE');
  const resource = new ssmcontacts.CfnContact(scope, 'Resource', {
    alias: props.alias,
    displayName: props.displayName,
    type,
    plan,
  });
  applyRemovalPolicy(scope, resource, props.removalPolicy);
  checkTagsAtSynth(scope, resource);
  useReplicationSet(scope, props.replicationSet);
  return resource;
}
