import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { APPLICATION_ACCOUNT, CHECKOUT_DB_INSTANCE, CRITICAL_PLAN, OPERATIONS_ACCOUNT, RESTART_PLAN, defineExampleApp } from '../examples/example-app';
import { expectValidStack } from './support/template-check';

describe('the example app of the README', () => {
  const app = new App();
  const { operations, application } = defineExampleApp(app);
  const ops = expectValidStack(operations);
  const contactId = (alias: string) => Object.keys(ops.findResources('AWS::SSMContacts::Contact', { Properties: { Alias: alias } }))[0];
  const contactArn = (alias: string) => ({ 'Fn::GetAtt': [contactId(alias), 'Arn'] });

  test('GIVEN every stack THEN its template passes the schema and IAM checks', () => {
    expectValidStack(operations);
    expectValidStack(application);
  });

  test('THEN the account\'s existing replication set is used: none is created, and no stack has a custom resource or a Lambda function', () => {
    ops.resourceCountIs('AWS::SSMIncidents::ReplicationSet', 0);
    ops.resourceCountIs('AWS::KMS::Key', 0);
    for (const stack of [operations, application]) {
      const types = Object.values<any>(Template.fromStack(stack).toJSON().Resources).map((r) => r.Type);
      expect(types.filter((t) => t.startsWith('Custom::') || t === 'AWS::Lambda::Function' || t === 'AWS::CloudFormation::CustomResource')).toEqual([]);
    }
  });

  test('THEN three people have channels and engagement plans', () => {
    ops.resourceCountIs('AWS::SSMContacts::ContactChannel', 7);
    expect(Object.values(ops.findResources('AWS::SSMContacts::Contact')).map((c) => c.Properties.Type).sort()).toEqual([
      'ESCALATION',
      'ONCALL_SCHEDULE',
      'PERSONAL',
      'PERSONAL',
      'PERSONAL',
    ]);
    ops.resourceCountIs('AWS::SSMContacts::Plan', 4);
  });

  test('THEN an on-call schedule has two weekly rotations of the contacts, and the escalation plan pages it, then the lead after 15 minutes', () => {
    const rotations = ops.findResources('AWS::SSMContacts::Rotation');
    expect(Object.keys(rotations)).toHaveLength(2);
    for (const rotation of Object.values(rotations)) {
      expect(rotation.Properties.ContactIds).toHaveLength(2);
      expect(rotation.Properties.Recurrence.WeeklySettings).toEqual([{ DayOfWeek: 'MON', HandOffTime: '09:00' }]);
    }
    ops.hasResourceProperties('AWS::SSMContacts::Contact', {
      Type: 'ONCALL_SCHEDULE',
      Plan: [{ RotationIds: Object.keys(rotations).map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })) }],
    });
    ops.hasResourceProperties('AWS::SSMContacts::Plan', {
      ContactId: { 'Fn::GetAtt': [contactId('sre-escalation'), 'Arn'] },
      Stages: [
        { DurationInMinutes: 15, Targets: [{ ContactTargetInfo: { ContactId: contactArn('sre-oncall'), IsEssential: true } }] },
        { DurationInMinutes: 0, Targets: [{ ContactTargetInfo: { ContactId: contactArn('team-lead'), IsEssential: true } }] },
      ],
    });
  });

  test('THEN the critical response plan engages the escalation plan, posts to the chat channel, runs a runbook, and is started by an alarm and a rule', () => {
    const [topic] = Object.keys(ops.findResources('AWS::SNS::Topic'));
    const [plan] = Object.keys(ops.findResources('AWS::SSMIncidents::ResponsePlan'));
    ops.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Name: CRITICAL_PLAN,
      IncidentTemplate: Match.objectLike({ Impact: 1 }),
      Engagements: [contactArn('sre-escalation')],
      ChatChannel: { ChatbotSns: [{ Ref: topic }] },
      Actions: [{ SsmAutomation: Match.objectLike({ DocumentName: 'AWSIncidents-CriticalIncidentRunbookTemplate', RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('RunbookRole'), 'Arn'] } }) }],
    });
    ops.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ 'Fn::GetAtt': [plan, 'Arn'] }] });
    ops.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [plan, 'Arn'] } })] });
  });

  test('THEN the operations account shares the plan and contacts with the application account, whose alarm starts incidents with it', () => {
    ops.hasResourceProperties('AWS::RAM::ResourceShare', { Principals: [APPLICATION_ACCOUNT], AllowExternalPrincipals: false });
    const sharedArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm-incidents::${OPERATIONS_ACCOUNT}:response-plan/${CRITICAL_PLAN}`]] };
    const appTemplate = expectValidStack(application);
    appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [sharedArn] });
    // EventBridge cannot target Incident Manager in another account: the one rule forwards to the
    // operations account's event bus.
    appTemplate.resourceCountIs('AWS::Events::Rule', 1);
    appTemplate.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ Arn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:events:us-east-1:${OPERATIONS_ACCOUNT}:event-bus/incident-manager`]] } })],
    });
  });

  test('THEN the restart plan runs AWS-RebootRdsInstance in the impacted account with its required InstanceId, and the execution role may reboot that instance only', () => {
    // Automation runbook reference, AWS-RebootRdsInstance: InstanceId (String) is required,
    // AutomationAssumeRole is optional.
    ops.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Name: RESTART_PLAN,
      Actions: [{ SsmAutomation: Match.objectLike({ DocumentName: 'AWS-RebootRdsInstance', TargetAccount: 'IMPACTED_ACCOUNT', Parameters: [{ Key: 'InstanceId', Values: [CHECKOUT_DB_INSTANCE] }] }) }],
    });
    expectValidStack(application).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: ['rds:DescribeDBInstances', 'rds:RebootDBInstance'],
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:rds:us-east-1:${APPLICATION_ACCOUNT}:db:${CHECKOUT_DB_INSTANCE}`]] },
          },
        ]),
      },
    });
  });

  test('THEN the templates match their snapshots (a changed logical ID would replace data-bearing resources)', () => {
    expect(Template.fromStack(operations).toJSON()).toMatchSnapshot();
    expect(Template.fromStack(application).toJSON()).toMatchSnapshot();
  });
});
