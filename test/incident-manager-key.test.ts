import { App, Duration, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { IncidentManagerKey } from '../src';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

/**
 * The statement of the user guide's "Data encryption" section, with the principal narrowed to the
 * account (`kms:CallerAccount`): kms:CreateGrant and kms:DescribeKey through ssm-incidents and
 * ssm-contacts only. `kms:ViaService` is the Regional endpoint name, as the AWS KMS developer guide
 * documents the key ("kms:ViaService": `<service>.<region>.amazonaws.com`); the guide's global
 * `ssm-incidents.amazonaws.com` never matches.
 */
const INCIDENT_MANAGER_STATEMENT = {
  Sid: 'Allow CreateGrant through AWS Systems Manager Incident Manager',
  Effect: 'Allow',
  Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${ACCOUNT}:root`]] } },
  Action: ['kms:CreateGrant', 'kms:DescribeKey'],
  Resource: '*',
  Condition: {
    StringEquals: {
      'kms:ViaService': [
        { 'Fn::Join': ['', ['ssm-incidents.us-east-1.', { Ref: 'AWS::URLSuffix' }]] },
        { 'Fn::Join': ['', ['ssm-contacts.us-east-1.', { Ref: 'AWS::URLSuffix' }]] },
      ],
      'kms:CallerAccount': ACCOUNT,
    },
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
    // The alias actions need the alias resource as well as the key (Service Authorization Reference).
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'],
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:kms:us-east-1:${ACCOUNT}:alias/*`]] },
          }),
        ]),
      },
    });
  });

  test('GIVEN an asymmetric or HMAC key THEN grantIncidentManager refuses it', () => {
    for (const [keySpec, keyUsage] of [
      [kms.KeySpec.RSA_2048, kms.KeyUsage.ENCRYPT_DECRYPT],
      [kms.KeySpec.HMAC_256, kms.KeyUsage.GENERATE_VERIFY_MAC],
      [kms.KeySpec.ECC_NIST_P256, kms.KeyUsage.SIGN_VERIFY],
    ] as const) {
      const stack = newStack();
      const key = new kms.Key(stack, 'Key', { keySpec, keyUsage });
      expect(() => IncidentManagerKey.grantIncidentManager(key)).toThrow(
        `the key given to IncidentManagerKey.grantIncidentManager must be a symmetric encryption key (KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT) (got "Stack/Key with key spec ${keySpec} and usage ${keyUsage}") at Stack/Key`,
      );
    }
  });

  test('GIVEN a stack without a Region THEN kms:ViaService names the Region the stack deploys to', () => {
    const stack = new Stack(new App(), 'Agnostic');
    new IncidentManagerKey(stack, 'Key');
    const statement = Template.fromStack(stack).toJSON().Resources.Key961B73FD.Properties.KeyPolicy.Statement[1];
    expect(statement.Condition.StringEquals['kms:ViaService']).toEqual([
      { 'Fn::Join': ['', ['ssm-incidents.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
      { 'Fn::Join': ['', ['ssm-contacts.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
    ]);
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
