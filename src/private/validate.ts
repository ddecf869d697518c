import { Duration, IResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ErrorCode } from './codes';
import { Stack, Token } from './core';
import { IncidentManagerValidationError, Where, shown } from './errors';
import { isDuration, kindOf } from './inputs';
import { isListTokenElement } from './lists';

/** A 12-digit AWS account ID. */
export const ACCOUNT_ID = /^[0-9]{12}$/;
/** A Region name such as us-east-1. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
/** The name of an SSM document of one's own (Systems Manager API reference, CreateDocument: Name). */
export const SSM_DOCUMENT_NAME = /^[a-zA-Z0-9_\-.]{3,128}$/;

/*
 * Synth-time checks shared by every construct. Each one is token-safe: a value that is not known
 * until deployment is never rejected.
 */

/**
 * Whether a value is only known at deploy time: a token, or an element of a list token
 * (`Token.asList(...)`, `param.valueAsList`), which `Token.isUnresolved` does not recognise.
 */
export function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value) || isListTokenElement(value);
}

/** Throws unless `value` matches `pattern` and is `min` to `max` characters long. */
export function checkString(
  scope: Where,
  name: string,
  value: string | undefined,
  rule: {
    readonly code: ErrorCode;
    readonly pattern?: RegExp;
    /** What the pattern means, said to the user instead of the regular expression. */
    readonly format?: string;
    readonly min?: number;
    readonly max?: number;
    /** Whether the value must be given: undefined is then an error. */
    readonly required?: boolean;
  },
): void {
  if (value === undefined && rule.required) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, undefined, `be given: ${describeRule(rule)}`, rule.code);
  }
  if (value !== undefined && typeof value !== 'string') {
    // From JavaScript or another jsii language, a value of another type.
    const described = describeRule(rule);
    throw new IncidentManagerValidationError(scope, `\`${name}\``, shown(kindOf(value)), described === 'a string' ? 'be a string' : `be a string: ${described}`, rule.code);
  }
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  const min = rule.min ?? 0;
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  if (value.length < min || value.length > max) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, value, `be ${lengthRange(min, max)} long`, rule.code);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, value, rule.format ? `be ${rule.format}` : `match ${rule.pattern.source}`, rule.code);
  }
}

/** What a string rule allows, in words. */
function describeRule(rule: { readonly format?: string; readonly pattern?: RegExp; readonly min?: number; readonly max?: number }): string {
  const length = rule.min ? lengthRange(rule.min, rule.max ?? Number.MAX_SAFE_INTEGER) : rule.max !== undefined ? `up to ${rule.max} characters` : undefined;
  const shape = rule.format ?? (rule.pattern ? `matching ${rule.pattern.source}` : undefined);
  return [shape, length].filter((x) => x !== undefined).join(', ') || 'a string';
}

function lengthRange(min: number, max: number): string {
  if (max === Number.MAX_SAFE_INTEGER) {
    return `at least ${min} character${min === 1 ? '' : 's'}`;
  }
  return min === max ? `${min} characters` : `${min} to ${max} characters`;
}

/** Throws unless the number is an integer from `min` to `max`. */
export function checkInteger(scope: Where, name: string, value: number | undefined, min: number, max: number, code: ErrorCode): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, value, `be a whole number from ${min} to ${max}`, code);
  }
}

/**
 * Converts a `Duration` to whole minutes from `min` to `max`, or throws. A duration that is a token
 * resolves to a token.
 */
export function minutesWithin(scope: Where, name: string, duration: Duration, min: number, max: number, code: ErrorCode, condition = ''): number {
  if (!isDuration(duration)) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, shown(kindOf(duration)), `be ${duration === undefined ? 'given: ' : ''}a Duration of whole minutes from ${min} to ${max}${condition}, such as Duration.minutes(${Math.max(min, 1)})`, code);
  }
  if (duration.isUnresolved()) {
    return duration.toMinutes();
  }
  const seconds = duration.toSeconds();
  if (seconds % 60 !== 0 || seconds / 60 < min || seconds / 60 > max) {
    throw new IncidentManagerValidationError(
      scope,
      `\`${name}\``,
      duration.toHumanString(),
      `be a whole number of minutes from ${min} to ${max}${condition}`,
      code,
    );
  }
  return seconds / 60;
}

/** Throws unless the list has `min` to `max` entries. `noun` is plural ("channels"). */
export function checkCount(scope: Where, name: string, items: readonly unknown[], min: number, max: number, noun: string, code: ErrorCode): void {
  if (items === undefined && min === 0) {
    return;
  }
  if (!Array.isArray(items)) {
    const range = max === Number.MAX_SAFE_INTEGER ? (min === 0 ? '' : `${min} or more `) : min === 0 ? `up to ${max} ` : `${min} to ${max} `;
    throw new IncidentManagerValidationError(scope, `\`${name}\``, shown(kindOf(items)), `be ${items === undefined ? 'given: ' : ''}a list of ${range}${noun}`, code);
  }
  if (Token.isUnresolved(items)) {
    return;
  }
  if (items.length < min || items.length > max) {
    const counted = (n: number) => `${n} ${n === 1 ? noun.replace(/s$/, '') : noun}`;
    const allowed = max === Number.MAX_SAFE_INTEGER ? `at least ${counted(min)}` : min === max ? counted(min) : `${min} to ${counted(max)}`;
    throw new IncidentManagerValidationError(scope, `\`${name}\``, counted(items.length), `have ${allowed}`, code);
  }
}

/** Returns the first resolved value that occurs twice, if any. */
export function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (isUnresolved(value)) {
      continue;
    }
    if (seen.has(value)) {
      return value;
    }
    seen.add(value);
  }
  return undefined;
}

/**
 * Fails synthesis when a collection that `addXxx()` calls may still grow is empty by then.
 * `allowed` says what is allowed and how to add one. Like every check of this library that runs at
 * synthesis, it throws the library's error (not a message CDK collects), so that users can tell it
 * apart by its code.
 */
export function requireEntries(scope: IConstruct, name: string, count: () => number, noun: string, allowed: string, code: ErrorCode): void {
  scope.node.addValidation({
    validate: () => {
      if (count() === 0) {
        throw new IncidentManagerValidationError(scope, `\`${name}\``, `0 ${noun}`, allowed, code);
      }
      return [];
    },
  });
}

/**
 * Fails when `resource` is in another account or Region than `scope` (both known): `owner` names what
 * `scope` is and `why` why they must match.
 */
export function checkSameEnvironment(scope: IConstruct, what: string, resource: IResource, owner: string, why: string, code: ErrorCode): void {
  const here = Stack.of(scope);
  const there = resource.env;
  for (const [kind, mine, theirs] of [
    ['account', here.account, there.account],
    ['Region', here.region, there.region],
  ] as const) {
    if (!Token.isUnresolved(mine) && !Token.isUnresolved(theirs) && mine !== theirs) {
      throw new IncidentManagerValidationError(scope, what, `${resource.node.path} in ${kind} ${theirs}`, `be in the ${owner}'s ${kind} ${mine} (${why})`, code);
    }
  }
}

/** A response plan name, as the Incident Manager API and CloudFormation allow it. */
export const RESPONSE_PLAN_NAME = /^[a-zA-Z0-9_-]*$/;

/** Throws unless `name` is a valid response plan name: 1 to 200 letters, digits, `_` and `-`. */
export function checkResponsePlanName(scope: Where, what: string, name: string | undefined): void {
  checkString(scope, what, name, { pattern: RESPONSE_PLAN_NAME, format: 'letters, digits, _ and - only', min: 1, max: 200, code: 'RESPONSE_PLAN_NAME' });
}

/** Each of `accounts` a 12-digit account ID, and named once (tokens pass). */
export function checkAccountIds(scope: Where, what: string, accounts: string[] | undefined, code: ErrorCode): void {
  accounts?.forEach((a, i) => checkString(scope, `${what}[${i}]`, a, { pattern: ACCOUNT_ID, format: 'a 12-digit account ID', code }));
  if (!accounts || Token.isUnresolved(accounts)) return;
  const twice = firstDuplicate(accounts);
  if (twice) {
    throw new IncidentManagerValidationError(scope, `\`${what}\``, twice, 'name each account once', code);
  }
}
