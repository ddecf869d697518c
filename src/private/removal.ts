import { IConstruct } from 'constructs';
import { CfnDeletionPolicy, CfnResource, RemovalPolicy } from './core';
import { IncidentManagerValidationError } from './errors';

/*
 * CloudFormation takes DeletionPolicy and UpdateReplacePolicy Snapshot only for resource types that
 * keep data in a volume or database (AWS CloudFormation user guide, "DeletionPolicy attribute"; cfn-lint
 * rule E3035), and none of Incident Manager's: a stack with it fails to deploy.
 */
const ALLOWED = 'be RemovalPolicy.RETAIN (the default), RETAIN_ON_UPDATE_OR_DELETE or DESTROY';

/**
 * Applies `policy` (RETAIN unless given) to `resource`, refusing `RemovalPolicy.SNAPSHOT` now, and at
 * synthesis when it was applied later (`applyRemovalPolicy`, `RemovalPolicies.of(...)`).
 */
export function applyRemovalPolicy(owner: IConstruct, resource: CfnResource, policy: RemovalPolicy | undefined): void {
  if (policy === RemovalPolicy.SNAPSHOT) {
    throw new IncidentManagerValidationError(owner, '`removalPolicy`', 'RemovalPolicy.SNAPSHOT', `${ALLOWED}: CloudFormation cannot snapshot ${resource.cfnResourceType} (cfn-lint E3035)`, 'REMOVAL_POLICY');
  }
  resource.applyRemovalPolicy(policy ?? RemovalPolicy.RETAIN);
  refuseSnapshot(owner, resource);
}

/** Fails synthesis when `resource` has `RemovalPolicy.SNAPSHOT` by then (`applyRemovalPolicy`, `RemovalPolicies.of(...)`). */
export function refuseSnapshot(owner: IConstruct, resource: CfnResource): void {
  owner.node.addValidation({
    validate: () => {
      const { deletionPolicy, updateReplacePolicy } = resource.cfnOptions;
      if (deletionPolicy === CfnDeletionPolicy.SNAPSHOT || updateReplacePolicy === CfnDeletionPolicy.SNAPSHOT) {
        throw new IncidentManagerValidationError(
          owner,
          `the removal policy of ${resource.node.path}`,
          'RemovalPolicy.SNAPSHOT',
          `${ALLOWED}: CloudFormation cannot snapshot ${resource.cfnResourceType} (cfn-lint E3035)`,
          'REMOVAL_POLICY',
        );
      }
      return [];
    },
  });
}
