import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/*
 * The replication sets defined in an app, by account, so that constructs which must act in every
 * Region of the replication set (a PagerDuty secret's key policy) can find those Regions.
 */

const REPLICATION_SETS = Symbol.for('cdk-incident-manager.ReplicationSets');

interface Registered {
  readonly account: string;
  readonly regions: string[];
  readonly path: string;
}

function registry(scope: IConstruct): Registered[] {
  const root = scope.node.root as any;
  if (!root[REPLICATION_SETS]) {
    Object.defineProperty(root, REPLICATION_SETS, { value: [], enumerable: false });
  }
  return root[REPLICATION_SETS];
}

export function registerReplicationSet(set: IConstruct, regions: string[]): void {
  registry(set).push({ account: Stack.of(set).account, regions, path: set.node.path });
}

/**
 * The Regions of the replication set of `scope`'s account defined in this app: the one whose account
 * is the same, or, when accounts are not known, the only one in the app. Undefined when there is none.
 */
export function replicationRegionsOf(scope: IConstruct): string[] | undefined {
  const account = Stack.of(scope).account;
  const sets = registry(scope);
  const same = sets.find((s) => !Token.isUnresolved(account) && s.account === account);
  if (same) return same.regions;
  if (Token.isUnresolved(account) && sets.length === 1) return sets[0].regions;
  return undefined;
}

/** The path of a replication set already defined in the app for the same (known) account as `scope`. */
export function otherReplicationSetOf(scope: IConstruct): string | undefined {
  const account = Stack.of(scope).account;
  if (Token.isUnresolved(account)) {
    return undefined;
  }
  return registry(scope).find((s) => s.account === account)?.path;
}
