import { IConstruct } from 'constructs';
import { ErrorCode } from './codes';
import { Stack, Token } from './core';
import { IncidentManagerValidationError } from './errors';

/*
 * Names that must be unique in an account (and Region, for regional resources) across the whole
 * app, not only within one construct or stack: two stacks of the same account that both define
 * contact "oncall" would fail at deploy, the second one after the first has already been created.
 */

const CLAIMS = Symbol.for('cdk-incident-manager.UniqueNames');

/**
 * Claims `name` for `owner` in the namespace `kind` of the owner's account (and Region when
 * `regional`). Throws when another construct of the app claimed it. Names, accounts and Regions that
 * are tokens claim nothing: they are only known at deploy time. `hint` says how to fix it.
 */
export function claimUniqueName(
  owner: IConstruct,
  kind: string,
  name: string,
  regional: boolean,
  what: string,
  code: ErrorCode,
  hint?: string,
): void {
  const stack = Stack.of(owner);
  const parts = [stack.account, ...(regional ? [stack.region] : []), name];
  if (parts.some((p) => Token.isUnresolved(p))) {
    return;
  }
  const root = owner.node.root as any;
  if (!root[CLAIMS]) {
    Object.defineProperty(root, CLAIMS, { value: new Map<string, string>(), enumerable: false });
  }
  const claims: Map<string, string> = root[CLAIMS];
  const key = [kind, ...parts].join('\u0000');
  const other = claims.get(key);
  if (other !== undefined && other !== owner.node.path) {
    const scope = regional ? `account ${stack.account} and Region ${stack.region}` : `account ${stack.account}`;
    throw new IncidentManagerValidationError(owner, what, name, `be unique in ${scope} across the app (${other} uses it too)${hint ? `: ${hint}` : ''}`, code);
  }
  claims.set(key, owner.node.path);
}
