import { Duration, IResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { IncidentManagerValidationError, Where } from './errors';

/*
 * Synth-time checks shared by every construct. Each one is token-safe: a value that is not known
 * until deployment is never rejected.
 */

/** Throws unless `value` matches `pattern` and is `min` to `max` characters long. */
export function checkString(
  scope: Where,
  name: string,
  value: string | undefined,
  rule: { readonly pattern?: RegExp; readonly min?: number; readonly max?: number },
): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  const min = rule.min ?? 0;
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  if (value.length < min || value.length > max) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, value, `be ${lengthRange(min, max)} long`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, value, `match ${rule.pattern.source}`);
  }
}

function lengthRange(min: number, max: number): string {
  if (max === Number.MAX_SAFE_INTEGER) {
    return `at least ${min} characters`;
  }
  return min === max ? `${min} characters` : `${min} to ${max} characters`;
}

/** Throws unless the number is an integer from `min` to `max`. */
export function checkInteger(scope: Where, name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new IncidentManagerValidationError(scope, `\`${name}\``, value, `be a whole number from ${min} to ${max}`);
  }
}

/**
 * Converts a `Duration` to whole minutes from `min` to `max`, or throws. A duration that is a token
 * resolves to a token.
 */
export function minutesWithin(scope: Where, name: string, duration: Duration, min: number, max: number, condition = ''): number {
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
    );
  }
  return seconds / 60;
}

/** Throws unless the list has `min` to `max` entries. `noun` is plural ("channels"). */
export function checkCount(scope: Where, name: string, items: readonly unknown[], min: number, max: number, noun: string): void {
  if (Token.isUnresolved(items)) {
    return;
  }
  if (items.length < min || items.length > max) {
    const counted = (n: number) => `${n} ${n === 1 ? noun.replace(/s$/, '') : noun}`;
    const allowed = max === Number.MAX_SAFE_INTEGER ? `at least ${counted(min)}` : min === max ? counted(min) : `${min} to ${counted(max)}`;
    throw new IncidentManagerValidationError(scope, `\`${name}\``, counted(items.length), `have ${allowed}`);
  }
}

/** Returns the first resolved value that occurs twice, if any. */
export function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (Token.isUnresolved(value)) {
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
 * `allowed` says what is allowed and how to add one.
 */
export function requireEntries(scope: IConstruct, name: string, count: () => number, noun: string, allowed: string): void {
  scope.node.addValidation({
    validate: () => (count() === 0 ? [new IncidentManagerValidationError(scope, `\`${name}\``, `0 ${noun}`, allowed).message] : []),
  });
}

/**
 * Fails when `resource` is in another account or Region than `scope` (both known): `owner` names what
 * `scope` is and `why` why they must match.
 */
export function checkSameEnvironment(scope: IConstruct, what: string, resource: IResource, owner: string, why: string): void {
  const here = Stack.of(scope);
  const there = resource.env;
  for (const [kind, mine, theirs] of [
    ['account', here.account, there.account],
    ['Region', here.region, there.region],
  ] as const) {
    if (!Token.isUnresolved(mine) && !Token.isUnresolved(theirs) && mine !== theirs) {
      throw new IncidentManagerValidationError(scope, what, `${resource.node.path} in ${kind} ${theirs}`, `be in the ${owner}'s ${kind} ${mine} (${why})`);
    }
  }
}

/** A response plan name, as the Incident Manager API and CloudFormation allow it. */
export const RESPONSE_PLAN_NAME = /^[a-zA-Z0-9_-]*$/;

/** Throws unless `name` is a valid response plan name: 1 to 200 letters, digits, `_` and `-`. */
export function checkResponsePlanName(scope: Where, what: string, name: string | undefined): void {
  checkString(scope, what, name, { pattern: RESPONSE_PLAN_NAME, min: 1, max: 200 });
}
