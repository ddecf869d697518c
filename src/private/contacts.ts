import { Construct } from 'constructs';
import { CONTACT, formatArn, importPath, parseArn } from './arns';
import { Where } from './errors';
import { checkString } from './validate';
import { ContactBase, IContact } from '../contact-base';

/** The pattern CloudFormation allows for a contact alias. */
export const CONTACT_ALIAS_PATTERN = /^[a-z0-9_\-.]*$/;
/** The pattern CloudFormation allows for a contact display name. */
export const CONTACT_DISPLAY_NAME_PATTERN = /^[a-zA-Z0-9_\-\s]*$/;

/** Checks an alias and display name against CloudFormation's rules. */
export function checkContactNames(scope: Where, alias: string, displayName?: string): void {
  checkString(scope, 'alias', alias, { pattern: CONTACT_ALIAS_PATTERN, min: 1, max: 255 });
  checkString(scope, 'displayName', displayName, { pattern: CONTACT_DISPLAY_NAME_PATTERN, min: 1, max: 255 });
}

/**
 * Imports a contact of any type by ARN (`arn:<partition>:ssm-contacts:<region>:<account>:contact/<alias>`).
 */
export function importContactArn(scope: Construct, id: string, contactArn: string): IContact {
  const parsed = parseArn(importPath(scope, id), CONTACT, contactArn, 'contactArn');
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
  checkString(importPath(scope, id), 'alias', alias, { pattern: CONTACT_ALIAS_PATTERN, min: 1, max: 255 });
  class Import extends ContactBase {
    public readonly contactAlias = alias;
    public readonly contactArn = formatArn(this, CONTACT, alias);
  }
  return new Import(scope, id);
}
