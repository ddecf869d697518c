import { IAspect } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Aspects, CfnResource, Stack, Stage, Token } from './core';

/** Resource types that Incident Manager refuses to create before the account has a replication set. */
const NEEDS_REPLICATION_SET = /^AWS::(SSMIncidents|SSMContacts)::/;

/**
 * Makes every Incident Manager resource of the replication set's account in the same app (CDK stage)
 * depend on the replication set, wherever it is: its own stack, a parent, sibling or child nested
 * stack of it (resources are unknown-account there too: they deploy with it), or another stack of the
 * same known account. Without it CloudFormation creates them in parallel with the replication set and
 * the service rejects them. An aspect sees resources defined before and after the replication set, by
 * this library or as L1s, so no construct has to remember to do it. CDK turns each dependency into the
 * narrowest one CloudFormation can express: a DependsOn in one template, a dependency on the nested
 * stack resource that holds the replication set (or of the nested stack that holds the resource) within
 * one deployment, a stack dependency across deployments.
 */
class DependOnReplicationSet implements IAspect {
  private readonly stage: Stage | undefined;
  private readonly root: Stack;
  private readonly account: string;

  constructor(private readonly replicationSet: CfnResource) {
    const stack = Stack.of(replicationSet);
    this.stage = Stage.of(stack);
    this.root = rootOf(stack);
    this.account = stack.account;
  }

  public visit(node: IConstruct): void {
    if (
      !CfnResource.isCfnResource(node) ||
      node === this.replicationSet ||
      !NEEDS_REPLICATION_SET.test(node.cfnResourceType) ||
      node.cfnResourceType === this.replicationSet.cfnResourceType ||
      !this.isSameAccount(node)
    ) {
      return;
    }
    addResourceDependency(node, this.replicationSet);
  }

  /** In the same deployment (one root stack), or in another stack of the same known account and stage. */
  private isSameAccount(node: CfnResource): boolean {
    const stack = Stack.of(node);
    if (rootOf(stack) === this.root) {
      return true;
    }
    // Stacks of another stage (a nested Stage, a pipeline stage) deploy as another assembly: CDK cannot
    // order across them.
    const known = !Token.isUnresolved(stack.account) && !Token.isUnresolved(this.account);
    return Stage.of(stack) === this.stage && known && stack.account === this.account;
  }
}

/**
 * `source` waits for `target`, both L1s: what CDK does when it prepares the app for a construct
 * dependency between them (`node.addDependency`: a DependsOn in one template, a dependency of or on a
 * nested stack resource, or a stack dependency), done now, without the construct dependency CDK would
 * first have to resolve. The method is `addResourceDependency` in newer aws-cdk-lib, which deprecates
 * `addDependency`; the floor version has only `addDependency`.
 */
function addResourceDependency(source: CfnResource, target: CfnResource): void {
  const renamed = (source as { addResourceDependency?: (t: CfnResource) => void }).addResourceDependency;
  if (renamed) {
    renamed.call(source, target);
  } else {
    source.addDependency(target);
  }
}

function rootOf(stack: Stack): Stack {
  let s = stack;
  while (s.nestedStackParent) s = s.nestedStackParent;
  return s;
}

export function dependOnReplicationSet(replicationSet: CfnResource): void {
  // The whole stage (the app, usually), so that resources outside the replication set's own stack and
  // its nested stacks are seen too.
  const stack = Stack.of(replicationSet);
  Aspects.of(Stage.of(stack) ?? rootOf(stack)).add(new DependOnReplicationSet(replicationSet));
}
