import { Construct } from 'constructs';
import { ErrorCode } from './codes';
import { CfnResource, RemovalPolicy, Token } from './core';
import { IncidentManagerValidationError, Where, shown } from './errors';

/*
 * What TypeScript's types promise but JavaScript (and the other jsii languages, whose enums and
 * required props jsii does not check at run time) may still pass: props left out, values of the wrong
 * type, values outside an enum. Each check throws this library's error naming the prop as the user
 * wrote it, never a TypeError or the L1's "supplied properties not correct".
 */

/** What a received value is, for a message: its type, or its class. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' || typeof value === 'function') {
    const name = (value as any).constructor?.name;
    return name && name !== 'Object' ? `an instance of ${name}` : 'an object';
  }
  return `a ${typeof value}`;
}

/** The props object of a construct: throws when it is left out or is not an object. */
export function requireProps<T>(where: Where, props: T | undefined, propsType: string, code: ErrorCode): T {
  if (props === undefined || props === null || typeof props !== 'object' || Array.isArray(props)) {
    throw new IncidentManagerValidationError(where, '`props`', shown(kindOf(props)), `be given: an object of ${propsType}`, code);
  }
  return props;
}

/** Throws when a required value is left out. */
export function requireGiven(where: Where, name: string, value: unknown, allowed: string, code: ErrorCode): void {
  if (value === undefined || value === null) {
    throw new IncidentManagerValidationError(where, `\`${name}\``, shown(kindOf(value)), `be given: ${allowed}`, code);
  }
}

/** Throws unless `value` (when given, or always when `required`) is a list. A list token is a list. */
export function checkList(where: Where, name: string, value: unknown, code: ErrorCode, required = false): void {
  if (value === undefined && !required) return;
  if (!Array.isArray(value)) {
    throw new IncidentManagerValidationError(where, `\`${name}\``, shown(kindOf(value)), `be ${required ? 'given: ' : ''}a list`, code);
  }
}

/** Throws unless `value` (when given) is an object such as `{ key: value }`, not a list. */
export function checkMap(where: Where, name: string, value: unknown, code: ErrorCode, allowed = 'an object of names and values'): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new IncidentManagerValidationError(where, `\`${name}\``, shown(kindOf(value)), `be ${allowed}`, code);
  }
}

/** Throws unless `value` (when given, or always when `required`) is one of the enum's values. */
export function checkEnum(where: Where, name: string, value: unknown, values: object, enumName: string, code: ErrorCode, required = false): void {
  if (value === undefined && !required) return;
  if (typeof value === 'string' && Token.isUnresolved(value)) return;
  const allowed = Object.values(values).filter((v) => typeof v === 'string') as string[];
  if (!allowed.includes(value as string)) {
    const keys = Object.keys(values).filter((k) => typeof (values as any)[k] === 'string');
    throw new IncidentManagerValidationError(
      where,
      `\`${name}\``,
      value === undefined || typeof value === 'object' ? shown(kindOf(value)) : value,
      `be ${value === undefined ? 'given: ' : ''}one of ${keys.map((k) => `${enumName}.${k}`).join(', ')}`,
      code,
    );
  }
}

/**
 * Throws unless `value` (when given, or always when `required`) is made by the library's class `cls`
 * (its static factories): `made` says how one is made.
 */
export function checkInstance(
  where: Where,
  name: string,
  value: unknown,
  cls: Function | ((value: any) => boolean),
  made: string,
  code: ErrorCode,
  required = true,
): void {
  if (value === undefined && !required) return;
  // A class of aws-cdk-lib is recognised by its shape (`is`), so that a second copy of aws-cdk-lib in
  // the app's node_modules is no error.
  const ok = cls.prototype === undefined ? (cls as (value: any) => boolean)(value) : value instanceof cls;
  if (!ok) {
    throw new IncidentManagerValidationError(where, `\`${name}\``, shown(kindOf(value)), `be ${required && value === undefined ? 'given: ' : ''}${made}`, code);
  }
}

/** Throws unless `value` (when given, or always when `required`) is a construct (an L2 or an import of one). */
export function checkConstruct(where: Where, name: string, value: unknown, what: string, code: ErrorCode, required = true): void {
  if (value === undefined && !required) return;
  // A construct, or an object that stands for one (it has its node): the foundation refers to contacts
  // of other nested stacks through such objects.
  if (!Construct.isConstruct(value) && !(typeof value === 'object' && value !== null && typeof (value as any).node?.path === 'string')) {
    throw new IncidentManagerValidationError(where, `\`${name}\``, shown(kindOf(value)), `be ${value === undefined ? 'given: ' : ''}${what}`, code);
  }
}

/** Whether `value` is an aws-cdk-lib Duration (of any copy of aws-cdk-lib). */
export const isDuration = (value: any): boolean => typeof value?.toSeconds === 'function' && typeof value?.isUnresolved === 'function';

/** Whether `value` is an L1 of the CloudFormation type `type` (of any copy of aws-cdk-lib). */
export const isCfnOfType = (type: string) => (value: any): boolean => CfnResource.isCfnResource(value) && value.cfnResourceType === type;

/** Throws unless `value` (when given) is a RemovalPolicy. */
export function checkRemovalPolicy(where: Where, name: string, value: unknown, code: ErrorCode): void {
  checkEnum(where, name, value, RemovalPolicy, 'RemovalPolicy', code);
}

/** Throws unless `value` (when given) is true or false. */
export function checkBoolean(where: Where, name: string, value: unknown, code: ErrorCode): void {
  if (value === undefined || typeof value === 'boolean' || Token.isUnresolved(value)) return;
  throw new IncidentManagerValidationError(where, `\`${name}\``, value, 'be true or false', code);
}

/** Throws unless `grantee` is something IAM can grant to (a role, user, group or other principal). */
export function checkGrantee(where: Where, grantee: unknown, code: ErrorCode): void {
  if (typeof (grantee as any)?.grantPrincipal !== 'object') {
    throw new IncidentManagerValidationError(where, '`grantee`', shown(kindOf(grantee)), `be ${grantee === undefined ? 'given: ' : ''}an IGrantable (an IAM role, user, group, or a construct with a role)`, code);
  }
}
