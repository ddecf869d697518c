import { aws_ssmcontacts as ssmcontacts } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { CONTACT, formatArn, importPath, parseArn } from './arns';
import { RemovalPolicy } from './core';
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

/** The type of a contact, as CloudFormation's AWS::SSMContacts::Contact `Type` names it. */
export type ContactType = 'PERSONAL' | 'ESCALATION' | 'ONCALL_SCHEDULE';

/** How an error names a contact of each type. */
const CONTACT_TYPE_WORDS: Record<Exclude<ContactType, 'PERSONAL'>, string> = {
  ESCALATION: 'the escalation plan',
  ONCALL_SCHEDULE: 'the on-call schedule',
};

/**
 * What kind of contact a construct is: the one answer, recorded by `defineContactResource` with the
 * type it gives CloudFormation. It is kept on the construct's node, so that the foundation's ARN
 * references (which share their contact's node) are known too, also by another copy of this library
 * in the process. An imported contact has none: its type is not known at synthesis.
 */
const DEFINED_CONTACT = Symbol.for('cdk-incident-manager.DefinedContact');

interface DefinedContact {
  readonly type: ContactType;
  readonly contact: IContact;
}

function definedContactOf(contact: IConstruct): DefinedContact | undefined {
  return (contact.node as any)[DEFINED_CONTACT];
}

/** The type of a contact defined in this app, through its node; undefined for an imported contact. */
export function contactTypeOf(contact: IConstruct): ContactType | undefined {
  return definedContactOf(contact)?.type;
}

/**
 * The contact defined in this app that `contact` is (or that the foundation's ARN reference `contact`
 * refers to), when it is of `type`: an escalation plan, say, for what its stages engage.
 */
export function definedContact<T extends IContact>(contact: IConstruct, type: ContactType): T | undefined {
  const defined = definedContactOf(contact);
  return defined?.type === type ? (defined.contact as T) : undefined;
}

/** Throws unless `contact` can take shifts: a personal contact, or an imported one (its type is not known). */
export function checkPersonal(scope: Where, contact: IContact, where: string): void {
  checkConstruct(scope, where, contact, 'a personal contact (a Contact, or one imported with Contact.fromContactArn)', 'PERSONAL_CONTACT');
  const type = contactTypeOf(contact);
  if (type !== undefined && type !== 'PERSONAL') {
    throw new IncidentManagerValidationError(scope, `\`${where}\``, `${CONTACT_TYPE_WORDS[type]} ${contact.node.path}`, 'be a personal contact (only people take shifts)', 'PERSONAL_CONTACT');
  }
}

/** What every contact type's props share. */
interface ContactNames {
  readonly alias: string;
  readonly displayName: string;
  readonly removalPolicy?: RemovalPolicy;
  readonly replicationSet?: IReplicationSet;
}

/**
 * Records the contact's type, checks the names and defines the contact's L1 (id `Resource`), retained
 * unless told otherwise.
 */
export function defineContactResource(
  scope: ContactBase,
  props: ContactNames,
  type: ContactType,
  plan?: ssmcontacts.CfnContact.StageProperty[],
): ssmcontacts.CfnContact {
  const defined: DefinedContact = { type, contact: scope };
  Object.defineProperty(scope.node, DEFINED_CONTACT, { value: defined, enumerable: false });
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
