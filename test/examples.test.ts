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

  test('THEN three people have channels and engagement plans', () => {
    const template = expectValidStack(main);
    template.resourceCountIs('AWS::SSMContacts::ContactChannel', 7);
    expect(Object.values(template.findResources('AWS::SSMContacts::Contact')).map((c) => c.Properties.Type).sort()).toEqual([
      'ESCALATION',
      'ONCALL_SCHEDULE',
      'PERSONAL',
      'PERSONAL',
      'PERSONAL',
    ]);
  });

  test('THEN an on-call schedule has two weekly rotations of the contacts, and the escalation plan pages it, then the lead after 15 minutes', () => {
    const template = expectValidStack(main);
    const ids = (type: string) => Object.keys(template.findResources('AWS::SSMContacts::Contact', { Properties: { Type: type } }));
    const [schedule] = ids('ONCALL_SCHEDULE');
    const [escalation] = ids('ESCALATION');
    const lead = Object.keys(template.findResources('AWS::SSMContacts::Contact', { Properties: { Alias: 'team-lead' } }))[0];
    const rotations = template.findResources('AWS::SSMContacts::Rotation');
    expect(Object.keys(rotations)).toHaveLength(2);
    for (const rotation of Object.values(rotations)) {
      expect(rotation.Properties.ContactIds).toHaveLength(2);
      expect(rotation.Properties.Recurrence.WeeklySettings).toEqual([{ DayOfWeek: 'MON', HandOffTime: '09:00' }]);
    }
    template.hasResourceProperties('AWS::SSMContacts::Contact', {
      Type: 'ONCALL_SCHEDULE',
      Plan: [{ RotationIds: Object.keys(rotations).map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })) }],
    });
    template.hasResourceProperties('AWS::SSMContacts::Plan', {
      ContactId: { 'Fn::GetAtt': [escalation, 'Arn'] },
      Stages: [
        { DurationInMinutes: 15, Targets: [{ ContactTargetInfo: { ContactId: { 'Fn::GetAtt': [schedule, 'Arn'] }, IsEssential: true } }] },
        { DurationInMinutes: 0, Targets: [{ ContactTargetInfo: { ContactId: { 'Fn::GetAtt': [lead, 'Arn'] }, IsEssential: true } }] },
      ],
    });
  });

  test('THEN the critical response plan engages the escalation plan, posts to the chat channel, runs a runbook, and is started by an alarm and a rule', () => {
    const template = expectValidStack(main);
    const [escalation] = Object.keys(template.findResources('AWS::SSMContacts::Contact', { Properties: { Type: 'ESCALATION' } }));
    const [topic] = Object.keys(template.findResources('AWS::SNS::Topic'));
    const [plan] = Object.keys(template.findResources('AWS::SSMIncidents::ResponsePlan'));
    template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Name: 'checkout-critical',
      IncidentTemplate: Match.objectLike({ Impact: 1 }),
      Engagements: [{ 'Fn::GetAtt': [escalation, 'Arn'] }],
      ChatChannel: { ChatbotSns: [{ Ref: topic }] },
      Actions: [{ SsmAutomation: Match.objectLike({ DocumentName: 'AWSIncidents-CriticalIncidentRunbookTemplate', RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CriticalPlanRunbookRole'), 'Arn'] } }) }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ 'Fn::GetAtt': [plan, 'Arn'] }] });
    template.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [plan, 'Arn'] } })] });
  });

  test('THEN the templates match their snapshots (a changed logical ID would replace data-bearing resources)', () => {
    expect(Template.fromStack(keyStack).toJSON()).toMatchSnapshot();
    expect(Template.fromStack(main).toJSON()).toMatchSnapshot();
  });
});
