import { ResourceEnvironment } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Resource, Stack, Token } from './core';
import { IncidentManagerValidationError } from './errors';
import { isUnresolved } from './validate';

/*
 * The replication sets defined in an app, by account, and the Incident Manager constructs that need
 * them: Incident Manager refuses to create a contact, rotation or response plan before the account has
 * a replication set, and only in one of its Regions. In the replication set's own stack an aspect
 * orders everything after it; across stacks the construct depends on the replication set (a stack
 * dependency), whichever of the two is defined first.
 */

/**
 * What this module reads of a replication set (an `IReplicationSet` is one): its construct, account
 * and Regions. Declared here so that this module does not import the module that uses it.
 */
interface ReplicationSetLike extends IConstruct {
  /** The account and Region of the replication set's stack, or of its ARN. */
  readonly env: ResourceEnvironment;
  /** The Regions of the replication set, when they are known. */
  readonly replicationRegions?: string[];
}

const REGISTRY = Symbol.for('cdk-incident-manager.ReplicationSets');

interface Registry {
  readonly sets: Array<{
    readonly account: string;
    readonly root: Stack;
    readonly regions: string[];
    readonly path: string;
    readonly set: ReplicationSetLike;
  }>;
  readonly users: Array<{ readonly account: string; readonly owner: IConstruct }>;
}

function registry(scope: IConstruct): Registry {
  const root = scope.node.root as any;
  if (!root[REGISTRY]) {
    Object.defineProperty(root, REGISTRY, { value: { sets: [], users: [] }, enumerable: false });
  }
  return root[REGISTRY];
}

/** Records a replication set defined in the app; constructs of its account in other stacks wait for it. */
export function registerReplicationSet(set: ReplicationSetLike, regions: string[]): void {
  const account = Stack.of(set).account;
  const reg = registry(set);
  reg.sets.push({ account, root: rootOf(Stack.of(set)), regions, path: set.node.path, set });
  for (const user of reg.users) {
    if (sameAccount(user.account, account)) {
      dependOn(user.owner, set);
    }
  }
}

/**
 * Makes `owner` (a construct that creates an Incident Manager resource) wait for its account's
 * replication set, given or found in the app, and checks that its Region is one of the set's.
 */
export function useReplicationSet(owner: IConstruct, given?: ReplicationSetLike): void {
  const stack = Stack.of(owner);
  const reg = registry(owner);
  if (given) {
    const setAccount = given.env.account;
    if (!Token.isUnresolved(setAccount) && !Token.isUnresolved(stack.account) && setAccount !== stack.account) {
      throw new IncidentManagerValidationError(owner, '`replicationSet`', `the replication set ${given.node.path} of account ${setAccount}`, `be the replication set of this account ${stack.account}`, 'REPLICATION_SET_REGIONS');
    }
    if (Resource.isOwnedResource(given)) {
      dependOn(owner, given);
    }
    checkRegion(owner, given.replicationRegions);
    return;
  }
  reg.users.push({ account: stack.account, owner });
  for (const set of reg.sets) {
    if (sameAccount(set.account, stack.account)) {
      dependOn(owner, set.set);
      checkRegion(owner, set.regions);
    }
  }
}

function sameAccount(a: string, b: string): boolean {
  return !Token.isUnresolved(a) && !Token.isUnresolved(b) && a === b;
}

/** Across stacks, a construct dependency becomes a stack dependency; in one stack the aspect orders. */
function dependOn(owner: IConstruct, set: ReplicationSetLike): void {
  if (rootOf(Stack.of(owner)) !== rootOf(Stack.of(set))) {
    owner.node.addDependency(set);
  }
}

function rootOf(stack: Stack): Stack {
  let s = stack;
  while (s.nestedStackParent) s = s.nestedStackParent;
  return s;
}

function checkRegion(owner: IConstruct, regions: string[] | undefined): void {
  const region = Stack.of(owner).region;
  // A list token (a CommaDelimitedList parameter) is one element that Token.isUnresolved does not see.
  if (!regions || Token.isUnresolved(region) || Token.isUnresolved(regions) || regions.some((r) => isUnresolved(r)) || regions.includes(region)) {
    return;
  }
  throw new IncidentManagerValidationError(
    owner,
    'the stack Region',
    region,
    `be a Region of the account's replication set (${regions.join(', ')}): Incident Manager creates contacts, rotations and response plans only there`,
    'REPLICATION_SET_REGIONS',
  );
}

/**
 * The Regions of the replication set of `scope`'s account defined in this app: the one whose account
 * is the same, or, when accounts are not known, the only one in the app. Undefined when there is none.
 */
export function replicationRegionsOf(scope: IConstruct): string[] | undefined {
  const account = Stack.of(scope).account;
  const sets = registry(scope).sets;
  const same = sets.find((s) => !Token.isUnresolved(account) && s.account === account);
  if (same) return same.regions;
  if (Token.isUnresolved(account) && sets.length === 1) return sets[0].regions;
  return undefined;
}

/**
 * The path of a replication set already defined in the app for the same account as `scope`: one of
 * the same known account, or, when accounts are not known, one in the same stack (or its nested stacks).
 */
export function otherReplicationSetOf(scope: IConstruct): string | undefined {
  const account = Stack.of(scope).account;
  const root = rootOf(Stack.of(scope));
  return registry(scope).sets.find((s) => sameAccount(s.account, account) || s.root === root)?.path;
}
