import {
  CfnElement,
  CfnParameter,
  Duration,
  Stack,
  Tags,
  aws_chatbot as chatbot,
  aws_cloudwatch as cloudwatch,
  aws_events as events,
  aws_iam as iam,
  aws_kms as kms,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_ssm as ssm,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ChatChannel,
  Contact,
  DynamicParameterValue,
  EscalationPlan,
  Impact,
  ResponsePlan,
  ResponsePlanAlarmAction,
  ResponsePlanProps,
  ResponsePlanTarget,
  Runbook,
  RunbookExecutionRole,
  RunbookTargetAccount,
} from '../src';
import { isAllowed, statementsOfRole } from './support/policy-sim';
import { ACCOUNT, REGION, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

const PLAN_NAME = 'critical';
const PLAN_ARN = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/${PLAN_NAME}`;
const OTHER_PLAN_ARN = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/other`;
const partitionJoin = (...parts: any[]) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ...parts]] });
const logicalId = (stack: Stack, c: any) => stack.getLogicalId(c instanceof CfnElement ? c : c.node.defaultChild ?? c.node.findChild('Resource'));
const getAtt = (stack: Stack, c: { node: any }) => ({ 'Fn::GetAtt': [logicalId(stack, c), 'Arn'] });

function plan(stack: Stack, props: Partial<ResponsePlanProps> = {}, id = 'Plan'): ResponsePlan {
  return new ResponsePlan(stack, id, { responsePlanName: PLAN_NAME, title: 'Checkout is down', impact: Impact.CRITICAL, ...props });
}

/** Resolve a template's policies with the plan's ARN standing for its GetAtt. */
function ctxFor(stack: Stack, p: ResponsePlan) {
  return { account: ACCOUNT, region: REGION, arns: { [logicalId(stack, p)]: PLAN_ARN } };
}

describe('ResponsePlan', () => {
  test('GIVEN an incident template THEN name, impact number, summary, dedupe string, tags and topics are emitted', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    const p = plan(stack, {
      displayName: 'Critical incidents',
      summary: 'Customers cannot pay',
      dedupeString: 'checkout',
      incidentTags: { team: 'payments' },
      notificationTopics: [topic],
    });
    Tags.of(p).add('owner', 'sre');
    const template = expectValidStack(stack);
    template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Name: PLAN_NAME,
      DisplayName: 'Critical incidents',
      IncidentTemplate: {
        Title: 'Checkout is down',
        Impact: 1,
        Summary: 'Customers cannot pay',
        DedupeString: 'checkout',
        IncidentTags: [{ Key: 'team', Value: 'payments' }],
        NotificationTargets: [{ SnsTopicArn: { Ref: logicalId(stack, topic) } }],
      },
      Tags: [{ Key: 'owner', Value: 'sre' }],
      Engagements: Match.absent(),
      Actions: Match.absent(),
    });
  });

  test.each([
    [Impact.CRITICAL, 1],
    [Impact.HIGH, 2],
    [Impact.MEDIUM, 3],
    [Impact.LOW, 4],
    [Impact.NO_IMPACT, 5],
  ])('GIVEN impact %s THEN the template has %d', (impact, value) => {
    const stack = newStack();
    plan(stack, { impact });
    expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { IncidentTemplate: Match.objectLike({ Impact: value }) });
  });

  test('GIVEN no name THEN a valid one is generated from the construct path', () => {
    const stack = newStack();
    new ResponsePlan(stack, 'Critical Plan', { title: 't', impact: Impact.LOW });
    const [resource] = Object.values(expectValidStack(stack).findResources('AWS::SSMIncidents::ResponsePlan'));
    expect(resource.Properties.Name).toMatch(/^Stack-CriticalPlan-[A-Z0-9]{8}$/);
  });

  test('GIVEN engagements THEN their ARNs are emitted, including ones added later', () => {
    const stack = newStack();
    const alice = new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice' });
    const escalation = new EscalationPlan(stack, 'Escalation', { alias: 'esc', displayName: 'Esc', stages: [{ duration: Duration.minutes(5), targets: [{ contact: alice }] }] });
    const p = plan(stack, { engagements: [escalation] });
    p.addEngagement(alice);
    expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Engagements: [getAtt(stack, escalation), getAtt(stack, alice)],
    });
  });

  describe('grants', () => {
    test('GIVEN grantStartIncident THEN exactly StartIncident on the plan ARN', () => {
      const stack = newStack();
      const p = plan(stack);
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      p.grantStartIncident(role);
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: getAtt(stack, p) }] },
      });
    });

    test('GIVEN grantResolveIncidents THEN the resolver managed policy\'s actions on this plan and its records, * only for the list actions', () => {
      const stack = newStack();
      const p = plan(stack);
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      p.grantResolveIncidents(role);
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: ['ssm-incidents:StartIncident', 'ssm-incidents:GetResponsePlan'], Resource: getAtt(stack, p) },
            {
              Effect: 'Allow',
              Action: [
                'ssm-incidents:GetIncidentRecord',
                'ssm-incidents:UpdateIncidentRecord',
                'ssm-incidents:ListTimelineEvents',
                'ssm-incidents:CreateTimelineEvent',
                'ssm-incidents:GetTimelineEvent',
                'ssm-incidents:UpdateTimelineEvent',
                'ssm-incidents:DeleteTimelineEvent',
                'ssm-incidents:ListRelatedItems',
                'ssm-incidents:UpdateRelatedItems',
              ],
              Resource: partitionJoin(`:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/*`),
            },
            { Effect: 'Allow', Action: ['ssm-incidents:ListResponsePlans', 'ssm-incidents:ListIncidentRecords'], Resource: '*' },
          ],
        },
      });
      const statements = statementsOfRole(template.toJSON(), logicalId(stack, role), ctxFor(stack, p));
      expect(isAllowed(statements, 'ssm-incidents:UpdateIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`)).toBe(true);
      expect(isAllowed(statements, 'ssm-incidents:UpdateIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:DeleteIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`)).toBe(false);
    });
  });

  describe('importers', () => {
    test('GIVEN a plan shared from another account THEN name, account and grants come from its ARN', () => {
      const stack = newStack();
      const arn = 'arn:aws:ssm-incidents::444455556666:response-plan/shared-critical';
      const shared = ResponsePlan.fromResponsePlanArn(stack, 'Shared', arn);
      expect(shared.responsePlanName).toEqual('shared-critical');
      expect(shared.env.account).toEqual('444455556666');
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      shared.grantResolveIncidents(role);
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Resource: arn }),
            Match.objectLike({ Resource: partitionJoin(':ssm-incidents::444455556666:incident-record/shared-critical/*') }),
          ]),
        },
      });
    });

    test('GIVEN a name THEN the ARN is the region-less one of the stack account', () => {
      const stack = newStack();
      expect(stack.resolve(ResponsePlan.fromResponsePlanName(stack, 'P', 'critical').responsePlanArn)).toEqual(
        partitionJoin(`:ssm-incidents::${ACCOUNT}:response-plan/critical`),
      );
    });

    test.each([
      ['a contact ARN', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/a`],
      ['a regional ARN', `arn:aws:ssm-incidents:us-east-1:${ACCOUNT}:response-plan/a`],
    ])('GIVEN %s THEN fromResponsePlanArn refuses it', (_name, arn) => {
      const stack = newStack();
      expect(() => ResponsePlan.fromResponsePlanArn(stack, 'P', arn)).toThrow(
        `\`responsePlanArn\` must be an ARN of the form arn:<partition>:ssm-incidents::<account>:response-plan/<name> (got "${arn}") at Stack/P`,
      );
    });
  });

  describe('runbook', () => {
    test('GIVEN a runbook of the account THEN the action and a role that can start exactly that runbook for this plan\'s incidents', () => {
      const stack = newStack();
      const p = plan(stack, {
        runbook: {
          runbook: Runbook.fromDocumentName('RestartCheckout'),
          documentVersion: '3',
          parameters: { Service: ['checkout'] },
          dynamicParameters: { IncidentArn: DynamicParameterValue.INCIDENT_RECORD_ARN, Resources: DynamicParameterValue.INVOLVED_RESOURCES },
        },
      });
      const template = expectValidStack(stack);
      const roleId = logicalId(stack, p.runbookRole!);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Actions: [
          {
            SsmAutomation: {
              DocumentName: 'RestartCheckout',
              DocumentVersion: '3',
              RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
              TargetAccount: 'RESPONSE_PLAN_OWNER_ACCOUNT',
              Parameters: [{ Key: 'Service', Values: ['checkout'] }],
              DynamicParameters: [
                { Key: 'IncidentArn', Value: { Variable: 'INCIDENT_RECORD_ARN' } },
                { Key: 'Resources', Value: { Variable: 'INVOLVED_RESOURCES' } },
              ],
            },
          },
        ],
      });
      // Trust: the user guide's confused-deputy example, plus aws:SourceAccount.
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ssm-incidents.amazonaws.com' },
              Action: 'sts:AssumeRole',
              Condition: {
                StringEquals: { 'aws:SourceAccount': ACCOUNT },
                ArnLike: { 'aws:SourceArn': partitionJoin(`:ssm-incidents:*:${ACCOUNT}:incident-record/${PLAN_NAME}/*`) },
              },
            },
          ],
        },
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: [{ Effect: 'Allow', Action: 'ssm:StartAutomationExecution', Resource: partitionJoin(`:ssm:*:${ACCOUNT}:automation-definition/RestartCheckout:*`) }],
        },
      });
      // The plan waits for the role's policy.
      const [planResource] = Object.values(template.findResources('AWS::SSMIncidents::ResponsePlan'));
      expect(planResource.DependsOn).toEqual(expect.arrayContaining([roleId, expect.stringMatching(/DefaultPolicy/)]));

      const statements = statementsOfRole(template.toJSON(), roleId, ctxFor(stack, p));
      expect(isAllowed(statements, 'ssm:StartAutomationExecution', `arn:aws:ssm:us-east-1:${ACCOUNT}:automation-definition/RestartCheckout:3`)).toBe(true);
      expect(isAllowed(statements, 'ssm:StartAutomationExecution', `arn:aws:ssm:us-east-1:${ACCOUNT}:automation-definition/DeleteEverything:1`)).toBe(false);
      expect(isAllowed(statements, 'ssm:StartAutomationExecution', 'arn:aws:ssm:us-east-1:444455556666:automation-definition/RestartCheckout:1')).toBe(false);
      expect(isAllowed(statements, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/Admin`)).toBe(false);
      expect(isAllowed(statements, 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/AWS-SystemsManager-AutomationExecutionRole`)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
    });

    test('GIVEN an AWS-owned runbook, an automation assume role and the impacted account THEN PassRole and AssumeRole are granted on exactly those roles', () => {
      const stack = newStack();
      const assume = new iam.Role(stack, 'AutomationRole', { assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com') });
      const p = plan(stack, {
        runbook: {
          runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate'),
          automationAssumeRole: assume,
          targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT,
          impactedAccounts: ['444455556666'],
        },
      });
      const template = expectValidStack(stack);
      const roleId = logicalId(stack, p.runbookRole!);
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: 'ssm:StartAutomationExecution', Resource: partitionJoin(':ssm:*::automation-definition/AWSIncidents-CriticalIncidentRunbookTemplate:*') },
            {
              Effect: 'Allow',
              Action: 'iam:PassRole',
              Resource: { 'Fn::GetAtt': [logicalId(stack, assume), 'Arn'] },
              Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
            },
            { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: partitionJoin(':iam::444455556666:role/AWS-SystemsManager-AutomationExecutionRole') },
          ],
        },
      });
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Actions: [{ SsmAutomation: Match.objectLike({ TargetAccount: 'IMPACTED_ACCOUNT', Parameters: [{ Key: 'AutomationAssumeRole', Values: [{ 'Fn::GetAtt': [logicalId(stack, assume), 'Arn'] }] }] }) }],
      });
      const statements = statementsOfRole(template.toJSON(), roleId, { account: ACCOUNT, region: REGION, arns: { [logicalId(stack, assume)]: `arn:aws:iam::${ACCOUNT}:role/automation` } });
      expect(isAllowed(statements, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/automation`)).toBe(true);
      expect(isAllowed(statements, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/Admin`)).toBe(false);
      expect(isAllowed(statements, 'sts:AssumeRole', 'arn:aws:iam::777788889999:role/AWS-SystemsManager-AutomationExecutionRole')).toBe(false);
    });

    test('GIVEN an ssm.CfnDocument and a role of the user THEN the document name is its Ref and no role is created', () => {
      const stack = newStack();
      const doc = new ssm.CfnDocument(stack, 'Doc', { documentType: 'Automation', content: { schemaVersion: '0.3', mainSteps: [] } });
      const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('ssm-incidents.amazonaws.com') });
      const p = plan(stack, { runbook: { runbook: Runbook.fromCfnDocument(doc), role } });
      expect(p.runbookRole).toBe(role);
      const template = expectValidStack(stack);
      template.resourceCountIs('AWS::IAM::Role', 1);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Actions: [{ SsmAutomation: Match.objectLike({ DocumentName: { Ref: logicalId(stack, doc) }, RoleArn: { 'Fn::GetAtt': [logicalId(stack, role), 'Arn'] } }) }],
      });
    });

    test('GIVEN a RunbookExecutionRole of its own THEN impacted accounts default to any account', () => {
      const stack = newStack();
      new RunbookExecutionRole(stack, 'Role', { responsePlanName: 'p', runbook: Runbook.fromDocumentName('Doc'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT });
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: Match.arrayWith([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: partitionJoin(':iam::*:role/AWS-SystemsManager-AutomationExecutionRole') }]) },
      });
    });
  });

  describe('chat channel', () => {
    test('GIVEN a chat channel THEN a TLS-only topic with the user guide\'s publishing statement, and the plan names it', () => {
      const stack = newStack();
      const chat = new ChatChannel(stack, 'Chat');
      plan(stack, { chatChannel: chat });
      const template = expectValidStack(stack);
      const topicRef = { Ref: logicalId(stack, chat.topic) };
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { ChatChannel: { ChatbotSns: [topicRef] } });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            {
              Sid: 'IncidentManagerSNSPublishingPermissions',
              Effect: 'Allow',
              Principal: { Service: 'ssm-incidents.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: topicRef,
              Condition: { StringEqualsIfExists: { 'AWS:SourceAccount': ACCOUNT } },
            },
          ]),
        },
      });
    });

    test('GIVEN Slack and Teams channels THEN they get the topic, and their roles reach only this plan and its incidents', () => {
      const stack = newStack();
      const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'incidents', slackWorkspaceId: 'T0123', slackChannelId: 'C0123' });
      const teamsRole = new iam.Role(stack, 'TeamsRole', { assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com') });
      const teams = new chatbot.CfnMicrosoftTeamsChannelConfiguration(stack, 'Teams', {
        configurationName: 'incidents',
        iamRoleArn: teamsRole.roleArn,
        teamId: '00000000-0000-0000-0000-000000000000',
        teamsChannelId: '19%3Aabc%40thread.tacv2',
        teamsTenantId: '00000000-0000-0000-0000-000000000001',
      });
      const chat = new ChatChannel(stack, 'Chat', { slackChannels: [slack], teamsChannels: [{ configuration: teams, role: teamsRole }] });
      const p = plan(stack, { chatChannel: chat });
      const template = expectValidStack(stack);
      const topicRef = { Ref: logicalId(stack, chat.topic) };
      template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', { SnsTopicArns: [topicRef] });
      template.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', { SnsTopicArns: [topicRef] });
      for (const role of [slack.role!, teamsRole]) {
        const statements = statementsOfRole(template.toJSON(), logicalId(stack, role), ctxFor(stack, p));
        expect(isAllowed(statements, 'ssm-incidents:CreateTimelineEvent', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`)).toBe(true);
        expect(isAllowed(statements, 'ssm-incidents:StartIncident', PLAN_ARN)).toBe(true);
        expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
        expect(isAllowed(statements, 'ssm-incidents:UpdateIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`)).toBe(false);
        expect(isAllowed(statements, 'ssm-incidents:DeleteResponsePlan', PLAN_ARN)).toBe(false);
      }
    });

    test.each([
      ['another account', 'arn:aws:sns:us-east-1:444455556666:t', "`topic` must be in the response plan's account 111122223333 (Incident Manager cannot use a topic of another account or Region) (got \"Stack/T in account 444455556666\") at Stack/Chat"],
      ['another Region', `arn:aws:sns:eu-west-1:${ACCOUNT}:t`, "`topic` must be in the response plan's Region us-east-1 (Incident Manager cannot use a topic of another account or Region) (got \"Stack/T in Region eu-west-1\") at Stack/Chat"],
      ['this account and Region, imported', `arn:aws:sns:us-east-1:${ACCOUNT}:t`, `\`topic\` must be a topic defined in this app, so that its policy can let Incident Manager publish (got "an imported topic (arn:aws:sns:us-east-1:${ACCOUNT}:t)") at Stack/Chat`],
    ])('GIVEN a topic of %s THEN it is refused', (_name, arn, message) => {
      const stack = newStack();
      expect(() => new ChatChannel(stack, 'Chat', { topic: sns.Topic.fromTopicArn(stack, 'T', arn) })).toThrow(message);
    });

    test('GIVEN an environment-agnostic stack THEN account and Region tokens are not compared', () => {
      const stack = new Stack();
      const other = new Stack(stack.node.root as any, 'Other');
      const chat = new ChatChannel(stack, 'Chat');
      new ResponsePlan(stack, 'Plan', { title: 't', impact: Impact.LOW, chatChannel: chat, notificationTopics: [new sns.Topic(other, 'T')] });
      expectValidStack(stack);
    });

    test('GIVEN a topic of another stack in another Region as notification target THEN it is refused', () => {
      const stack = newStack();
      const other = new Stack(stack.node.root as any, 'Other', { env: { account: ACCOUNT, region: 'eu-west-1' } });
      expect(() => plan(stack, { notificationTopics: [new sns.Topic(other, 'T')] })).toThrow(
        "`notificationTopics[0]` must be in the response plan's Region us-east-1 (Incident Manager cannot use a topic of another account or Region) (got \"Other/T in Region eu-west-1\") at Stack/Plan",
      );
    });
  });

  describe('PagerDuty', () => {
    test('GIVEN a secret with a customer-managed key THEN the integration, the secret policy and the key policy statement for Incident Manager', () => {
      const stack = newStack();
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
      const secret = new secretsmanager.Secret(stack, 'Secret', { encryptionKey: key });
      plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } });
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Integrations: [{ PagerDutyConfiguration: { Name: 'PagerDuty', SecretId: { Ref: logicalId(stack, secret) }, PagerDutyIncidentConfiguration: { ServiceId: 'PABC123' } } }],
      });
      template.hasResourceProperties('AWS::SecretsManager::ResourcePolicy', {
        ResourcePolicy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm-incidents.amazonaws.com' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] },
      });
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Principal: { Service: 'ssm-incidents.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
              Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
            },
          ]),
        },
      });
    });

    test('GIVEN a secret with the AWS managed key THEN it is refused', () => {
      const stack = newStack();
      const secret = new secretsmanager.Secret(stack, 'Secret');
      expect(() => plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } })).toThrow(
        '`pagerDuty.secret` must be encrypted with a customer-managed key (set encryptionKey on the secret) (got "Stack/Secret encrypted with the AWS managed key") at Stack/Plan',
      );
    });

    test('GIVEN an imported secret THEN a warning says which statements to add where it is defined', () => {
      const stack = newStack();
      const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Secret', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pd-AbCdEf`);
      plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } });
      expectValidStack(stack);
      Annotations.fromStack(stack).hasWarning('/Stack/Plan', Match.stringLikeRegexp('The PagerDuty secret .* is imported: allow ssm-incidents.amazonaws.com secretsmanager:GetSecretValue'));
    });
  });

  describe('what starts an incident', () => {
    test('GIVEN an alarm THEN its action is the plan ARN; for a shared plan the owner account ARN', () => {
      const stack = newStack();
      const p = plan(stack);
      const shared = ResponsePlan.fromResponsePlanArn(stack, 'Shared', 'arn:aws:ssm-incidents::444455556666:response-plan/shared-critical');
      const metric = new cloudwatch.Metric({ namespace: 'Checkout', metricName: 'Errors' });
      new cloudwatch.Alarm(stack, 'Alarm', { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new ResponsePlanAlarmAction(p));
      new cloudwatch.Alarm(stack, 'SharedAlarm', { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new ResponsePlanAlarmAction(shared));
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [getAtt(stack, p)] });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: ['arn:aws:ssm-incidents::444455556666:response-plan/shared-critical'] });
    });

    test('GIVEN rule targets THEN one role per rule, trusted by EventBridge of this account, starts exactly the targeted plans', () => {
      const stack = newStack();
      const p = plan(stack);
      const second = plan(stack, { responsePlanName: 'second' }, 'Second');
      const rule = new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.health'] } });
      rule.addTarget(new ResponsePlanTarget(p));
      rule.addTarget(new ResponsePlanTarget(second));
      const template = expectValidStack(stack);
      const role = rule.node.findChild('StartIncidentRole') as iam.Role;
      const roleArn = { 'Fn::GetAtt': [logicalId(stack, role), 'Arn'] };
      template.hasResourceProperties('AWS::Events::Rule', {
        Targets: [
          { Arn: getAtt(stack, p), Id: 'Target0', RoleArn: roleArn },
          { Arn: getAtt(stack, second), Id: 'Target1', RoleArn: roleArn },
        ],
      });
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }],
        },
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: logicalId(stack, role) }],
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: getAtt(stack, p) },
            { Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: getAtt(stack, second) },
          ],
        },
      });
      const statements = statementsOfRole(template.toJSON(), logicalId(stack, role), {
        account: ACCOUNT,
        region: REGION,
        arns: { [logicalId(stack, p)]: PLAN_ARN, [logicalId(stack, second)]: `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/second` },
      });
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', PLAN_ARN)).toBe(true);
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:UpdateIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/x`)).toBe(false);
    });

    test('GIVEN a plan shared from another account THEN the rule targets its ARN directly and the role may start incidents with it', () => {
      const stack = newStack();
      const arn = 'arn:aws:ssm-incidents::444455556666:response-plan/shared-critical';
      const shared = ResponsePlan.fromResponsePlanArn(stack, 'Shared', arn);
      new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.health'] }, targets: [new ResponsePlanTarget(shared)] });
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ Arn: arn })] });
      template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: arn }] } });
    });

    test('GIVEN a role of the user THEN the target uses it and grants it StartIncident', () => {
      const stack = newStack();
      const p = plan(stack);
      const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('events.amazonaws.com') });
      new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.securityhub'] }, targets: [new ResponsePlanTarget(p, { role })] });
      const template = expectValidStack(stack);
      template.resourceCountIs('AWS::IAM::Role', 1);
      template.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ RoleArn: { 'Fn::GetAtt': [logicalId(stack, role), 'Arn'] } })] });
    });
  });

  describe('validation', () => {
    test.each<[string, Partial<ResponsePlanProps>, string]>([
      ['a name with a dot', { responsePlanName: 'critical.plan' }, '`responsePlanName` must match ^[a-zA-Z0-9_-]*$ (got "critical.plan") at Stack/Plan'],
      ['a name too long', { responsePlanName: 'a'.repeat(201) }, `\`responsePlanName\` must be 1 to 200 characters long (got "${'a'.repeat(201)}") at Stack/Plan`],
      ['an empty display name', { displayName: '' }, '`displayName` must be 1 to 200 characters long (got "") at Stack/Plan'],
      ['a title too long', { title: 't'.repeat(201) }, `\`title\` must be 0 to 200 characters long (got "${'t'.repeat(201)}") at Stack/Plan`],
      ['an empty summary', { summary: '' }, '`summary` must be 1 to 4000 characters long (got "") at Stack/Plan'],
      ['an empty dedupe string', { dedupeString: '' }, '`dedupeString` must be 1 to 1000 characters long (got "") at Stack/Plan'],
      ['an incident tag key of AWS', { incidentTags: { 'aws:team': 'x' } }, '`incidentTags key` must match ^(?!aws:)[a-zA-Z+-=._:/]+$ (got "aws:team") at Stack/Plan'],
      ['an empty incident tag value', { incidentTags: { team: '' } }, '`incidentTags["team"]` must be 1 to 256 characters long (got "") at Stack/Plan'],
      ['a runbook name too short', { runbook: { runbook: Runbook.fromDocumentName('ab') } }, '`runbook document name` must match ^[a-zA-Z0-9_\\-.:/]{3,128}$ (got "ab") at Stack/Plan'],
      ['eleven values of a parameter', { runbook: { runbook: Runbook.fromDocumentName('Doc'), parameters: { P: Array(11).fill('v') } } }, '`runbook.parameters["P"]` must have 0 to 10 values (got "11 values") at Stack/Plan'],
      ['a parameter name too long', { runbook: { runbook: Runbook.fromDocumentName('Doc'), dynamicParameters: { ['p'.repeat(51)]: DynamicParameterValue.INCIDENT_RECORD_ARN } } }, `\`runbook.dynamicParameters name\` must be 1 to 50 characters long (got "${'p'.repeat(51)}") at Stack/Plan`],
      ['an impacted account that is not one', { runbook: { runbook: Runbook.fromDocumentName('Doc'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts: ['prod'] } }, '`impactedAccounts[0]` must match ^[0-9]{12}$ (got "prod") at Stack/Plan/RunbookRole'],
      ['an empty PagerDuty service', { pagerDuty: { serviceId: '', secret: undefined as any } }, '`pagerDuty.serviceId` must be 1 to 200 characters long (got "") at Stack/Plan'],
    ])('GIVEN %s THEN it is refused', (_name, props, message) => {
      const stack = newStack();
      expect(() => plan(stack, props)).toThrow(message);
    });

    test('GIVEN eleven notification topics, six engagements or one twice THEN they are refused', () => {
      const stack = newStack();
      const topics = Array.from({ length: 11 }, (_, i) => new sns.Topic(stack, `T${i}`));
      expect(() => plan(stack, { notificationTopics: topics })).toThrow('`notificationTopics` must have 0 to 10 topics (got "11 topics") at Stack/Plan');
      const contacts = Array.from({ length: 6 }, (_, i) => new Contact(stack, `C${i}`, { alias: `c${i}`, displayName: `C${i}` }));
      expect(() => plan(stack, { engagements: contacts }, 'Six')).toThrow('`engagements` must have at most 5 contacts (got "6 contacts") at Stack/Six');
      expect(() => plan(stack, { engagements: [contacts[0], contacts[0]] }, 'Twice')).toThrow('`engagements` must name each contact once (got "Stack/C0") at Stack/Twice');
    });

    test('GIVEN tokens everywhere THEN nothing is rejected', () => {
      const stack = newStack();
      const p = (id: string) => new CfnParameter(stack, id).valueAsString;
      new ResponsePlan(stack, 'Plan', {
        responsePlanName: p('Name'),
        displayName: p('Display'),
        title: p('Title'),
        impact: Impact.HIGH,
        summary: p('Summary'),
        dedupeString: p('Dedupe'),
        incidentTags: { team: p('Team') },
        runbook: { runbook: Runbook.fromDocumentName(p('Doc')), parameters: { P: [p('Value')] }, documentVersion: p('Version') },
      });
      expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { Name: { Ref: 'Name' }, IncidentTemplate: Match.objectLike({ Title: { Ref: 'Title' } }) });
    });
  });
});
