import { Aspects, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Resource types that Incident Manager refuses to create before the account has a replication set. */
const NEEDS_REPLICATION_SET = /^AWS::(SSMIncidents|SSMContacts)::/;

/**
 * Makes every Incident Manager resource of the stack (and of its nested stacks) depend on the
 * replication set. Without it CloudFormation creates them in parallel with the replication set and
 * the service rejects them. An aspect sees resources defined before and after the replication set,
 * by this library or as L1s, so no construct has to remember to do it.
 */
class DependOnReplicationSet implements IAspect {
  constructor(private readonly replicationSet: CfnResource) {}

  public visit(node: IConstruct): void {
    if (
      CfnResource.isCfnResource(node) &&
      node !== this.replicationSet &&
      NEEDS_REPLICATION_SET.test(node.cfnResourceType) &&
      node.cfnResourceType !== this.replicationSet.cfnResourceType
    ) {
      // A construct dependency: CfnResource#addDependency is deprecated in newer aws-cdk-lib, and
      // addResourceDependency does not exist at the floor version.
      node.node.addDependency(this.replicationSet);
    }
  }
}

export function dependOnReplicationSet(replicationSet: CfnResource): void {
  Aspects.of(Stack.of(replicationSet)).add(new DependOnReplicationSet(replicationSet));
}
