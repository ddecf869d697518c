import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { defineExampleApp } from '../examples/example-app';
import { expectValidStack } from './support/template-check';

describe('the example app of the README', () => {
  const app = new App();
  const [keyStack, main] = defineExampleApp(app);

  test('GIVEN every stack THEN its template passes the schema and IAM checks', () => {
    expectValidStack(keyStack);
    expectValidStack(main);
  });

  test('THEN the replication set spans two Regions, each with its customer-managed key', () => {
    const template = expectValidStack(main);
    template.hasResourceProperties('AWS::SSMIncidents::ReplicationSet', {
      DeletionProtected: true,
      Regions: [
        { RegionName: 'us-east-1', RegionConfiguration: { SseKmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } } },
        // The us-west-2 key crosses Regions through CDK's SSM-parameter export.
        { RegionName: 'us-west-2', RegionConfiguration: { SseKmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ExportsReader'), Match.stringLikeRegexp('^/cdk/exports/IncidentManager/.*Key.*Arn')] } } },
      ],
    });
    expectValidStack(keyStack).hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('THEN two contacts have channels and engagement plans', () => {
    const template = expectValidStack(main);
    template.resourceCountIs('AWS::SSMContacts::Contact', 2);
    template.resourceCountIs('AWS::SSMContacts::ContactChannel', 5);
    template.resourceCountIs('AWS::SSMContacts::Plan', 2);
  });

  test('THEN the templates match their snapshots (a changed logical ID would replace data-bearing resources)', () => {
    expect(Template.fromStack(keyStack).toJSON()).toMatchSnapshot();
    expect(Template.fromStack(main).toJSON()).toMatchSnapshot();
  });
});
