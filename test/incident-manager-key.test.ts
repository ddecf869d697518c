import { Duration, RemovalPolicy, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { IncidentManagerKey } from '../src';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

/**
 * The statement of the user guide's "Data encryption" section, with the principal narrowed to the
 * account (`kms:CallerAccount`): kms:CreateGrant and kms:DescribeKey through ssm-incidents and
 * ssm-contacts only.
 */
const INCIDENT_MANAGER_STATEMENT = {
  Sid: 'Allow CreateGrant through AWS Systems Manager Incident Manager',
  Effect: 'Allow',
  Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${ACCOUNT}:root`]] } },
  Action: ['kms:CreateGrant', 'kms:DescribeKey'],
  Resource: '*',
  Condition: {
    StringLike: { 'kms:ViaService': ['ssm-incidents.amazonaws.com', 'ssm-contacts.amazonaws.com'] },
    StringEquals: { 'kms:CallerAccount': ACCOUNT },
  },
};

describe('IncidentManagerKey', () => {
  test('GIVEN defaults THEN rotation is on, the key is retained and its policy lets Incident Manager use it', () => {
    const stack = newStack();
    new IncidentManagerKey(stack, 'Key');
    const template = expectValidStack(stack);
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        EnableKeyRotation: true,
        Description: 'Encrypts AWS Systems Manager Incident Manager data',
        KeyPolicy: {
          Statement: Match.arrayWith([Match.objectEquals(INCIDENT_MANAGER_STATEMENT)]),
        },
      },
    });
  });

  test('GIVEN an alias, admins, a pending window and a removal policy THEN they are applied', () => {
    const stack = newStack();
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    new IncidentManagerKey(stack, 'Key', {
      alias: 'incident-manager',
      admins: [admin],
      pendingWindow: Duration.days(7),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const template = expectValidStack(stack);
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ PendingWindowInDays: 7 }) });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/incident-manager' });
  });

  test('GIVEN an existing key of the app THEN grantIncidentManager adds the same statement', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    IncidentManagerKey.grantIncidentManager(key);
    expectValidStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectEquals(INCIDENT_MANAGER_STATEMENT)]) },
    });
  });

  test('GIVEN an imported key THEN grantIncidentManager says its policy cannot be changed here', () => {
    const stack = newStack();
    const key = kms.Key.fromKeyArn(stack, 'Imported', `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc`);
    expect(() => IncidentManagerKey.grantIncidentManager(key)).toThrow(
      `the key given to IncidentManagerKey.grantIncidentManager must be a key defined in this app; add the Incident Manager statement to an imported key where it is defined (got "an imported key (arn:aws:kms:us-east-1:${ACCOUNT}:key/abc)") at Stack/Imported`,
    );
  });
});
