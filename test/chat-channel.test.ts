import { App, Stack, aws_chatbot as chatbot, aws_iam as iam, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ChatChannel, Impact, ResponsePlan } from '../src';
import { OTHER_PLAN_ARN, PLAN_ARN, PLAN_NAME, RECORD_ACTIONS, ctxFor, logicalId, partitionJoin, plan, publishStatement } from './support/fixtures';
import { isAllowed, isAuthorized, resolve, statementsOfRole } from './support/policy-sim';
import { ACCOUNT, REGION, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

describe('ChatChannel', () => {
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
          publishStatement(topicRef),
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
      for (const action of RECORD_ACTIONS) {
        expect([action, isAuthorized(statements, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`, PLAN_ARN])]).toEqual([action, true]);
        expect([action, isAuthorized(statements, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`, OTHER_PLAN_ARN])]).toEqual([action, false]);
      }
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', PLAN_ARN)).toBe(true);
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:UpdateIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:DeleteResponsePlan', PLAN_ARN)).toBe(false);
    }
    // Without guardrails of their own, both channels get the chat channel's guardrail policy
    // (CloudFormation's default guardrail is AdministratorAccess), which allows the same and no more.
    const guardrailRef = { Ref: logicalId(stack, chat.guardrailPolicy!) };
    template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', { GuardrailPolicies: [guardrailRef] });
    template.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', { GuardrailPolicies: [guardrailRef] });
    const guardrailPolicy = template.toJSON().Resources[logicalId(stack, chat.guardrailPolicy!)];
    const guardrail = resolve(guardrailPolicy.Properties.PolicyDocument.Statement, ctxFor(stack, p));
    for (const action of RECORD_ACTIONS) {
      expect([action, isAuthorized(guardrail, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`, PLAN_ARN])]).toEqual([action, true]);
      expect([action, isAuthorized(guardrail, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`, OTHER_PLAN_ARN])]).toEqual([action, false]);
    }
    expect(isAuthorized(guardrail, 'ssm-incidents:ListIncidentRecords', ['*'])).toBe(true);
    expect(isAllowed(guardrail, 'ssm-incidents:DeleteResponsePlan', PLAN_ARN)).toBe(false);
    expect(isAllowed(guardrail, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/x`)).toBe(false);
  });

  test('GIVEN a Slack channel with guardrails of its own THEN they are kept', () => {
    const stack = newStack();
    const own = iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess');
    const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'incidents', slackWorkspaceId: 'T0123', slackChannelId: 'C0123', guardrailPolicies: [own] });
    plan(stack, { chatChannel: new ChatChannel(stack, 'Chat', { slackChannels: [slack] }) });
    expectValidStack(stack).hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      GuardrailPolicies: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
    });
  });

  test.each([
    ['another account', 'arn:aws:sns:us-east-1:444455556666:t', "`topic` must be in the response plan's account 111122223333 (Incident Manager cannot use a topic of another account or Region) (got \"Stack/T in account 444455556666\") at Stack/Chat"],
    ['another Region', `arn:aws:sns:eu-west-1:${ACCOUNT}:t`, "`topic` must be in the response plan's Region us-east-1 (Incident Manager cannot use a topic of another account or Region) (got \"Stack/T in Region eu-west-1\") at Stack/Chat"],
    ['FIFO', `arn:aws:sns:us-east-1:${ACCOUNT}:t.fifo`, `\`topic\` must be a standard SNS topic, not a FIFO topic (Incident Manager publishes without a message group ID) (got "arn:aws:sns:us-east-1:${ACCOUNT}:t.fifo") at Stack/Chat`],
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

  test('GIVEN a FIFO topic THEN it is refused', () => {
    const stack = newStack();
    expect(() => new ChatChannel(stack, 'Chat', { topic: new sns.Topic(stack, 'T', { fifo: true, topicName: 'chat' }) })).toThrow('[TOPIC]');
  });

  describe('topics of other Regions (additionalRegionTopics)', () => {
    test('GIVEN topics in the other Regions of the replication set THEN the plan and the Slack channel name all of them, each with its policy', () => {
      const app = new App();
      const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const west = new Stack(app, 'West', { env: { account: ACCOUNT, region: 'us-west-2' } });
      const westTopic = new sns.Topic(west, 'Incidents', { topicName: 'incidents' });
      const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'incidents', slackWorkspaceId: 'T0123', slackChannelId: 'C0123' });
      const chat = new ChatChannel(stack, 'Chat', { additionalRegionTopics: [westTopic], slackChannels: [slack] });
      plan(stack, { chatChannel: chat });
      const template = expectValidStack(stack);
      const planProps = Object.values(template.findResources('AWS::SSMIncidents::ResponsePlan'))[0].Properties;
      expect(planProps.ChatChannel.ChatbotSns).toEqual([{ Ref: logicalId(stack, chat.topic) }, partitionJoin(`:sns:us-west-2:${ACCOUNT}:incidents`)]);
      expect(Template.fromStack(west).findResources('AWS::SNS::TopicPolicy')).not.toEqual({});
      expect(Object.values(template.findResources('AWS::Chatbot::SlackChannelConfiguration'))[0].Properties.SnsTopicArns).toHaveLength(2);
    });

    test('GIVEN a topic of another Region without a name THEN the error says to name or import it', () => {
      const app = new App();
      const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const west = new Stack(app, 'West', { env: { account: ACCOUNT, region: 'us-west-2' } });
      expect(() => new ChatChannel(stack, 'Chat', { additionalRegionTopics: [new sns.Topic(west, 'Incidents')] })).toThrow(
        '`additionalRegionTopics[0]` must have a name given in code (`topicName`) or be imported with sns.Topic.fromTopicArn: the response plan names the topic of another Region by its ARN, which needs a fixed name (got "West/Incidents") at Stack/Chat',
      );
    });

    test('GIVEN two topics of one Region THEN the plan names both (ChatbotSns: 1 to 5 topics, no per-Region limit)', () => {
      const stack = newStack();
      const second = sns.Topic.fromTopicArn(stack, 'Second', `arn:aws:sns:${REGION}:${ACCOUNT}:incident-chat-2`);
      const chat = new ChatChannel(stack, 'Chat', { additionalRegionTopics: [second] });
      plan(stack, { chatChannel: chat });
      const planProps = Object.values(expectValidStack(stack).findResources('AWS::SSMIncidents::ResponsePlan'))[0].Properties;
      expect(planProps.ChatChannel.ChatbotSns).toEqual([{ Ref: logicalId(stack, chat.topic) }, `arn:aws:sns:${REGION}:${ACCOUNT}:incident-chat-2`]);
    });

    test('GIVEN a topic twice, six topics, or one of another account THEN they are refused', () => {
      const app = new App();
      const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const same = new sns.Topic(stack, 'Same');
      expect(() => new ChatChannel(stack, 'Chat', { topic: same, additionalRegionTopics: [same] })).toThrow(
        "`additionalRegionTopics` must name each topic once, other than the chat channel's own `topic` (Stack/Same appears twice) (got [\"Stack/Same\",\"Stack/Same\"]) at Stack/Chat",
      );
      const byArn = (id: string, name: string) => sns.Topic.fromTopicArn(stack, id, `arn:aws:sns:us-east-1:${ACCOUNT}:${name}`);
      expect(() => new ChatChannel(stack, 'Chat3', { topic: byArn('A1', 'a'), additionalRegionTopics: [byArn('A2', 'a')] })).toThrow(
        `(arn:aws:sns:us-east-1:${ACCOUNT}:a appears twice)`,
      );
      const five = Array.from({ length: 5 }, (_, i) => byArn(`T${i}`, `t${i}`));
      expect(() => new ChatChannel(stack, 'Chat4', { additionalRegionTopics: five })).toThrow(
        '`additionalRegionTopics` must have at most 4 topics (a chat channel names 1 to 5 topics with `topic`) (got "5 topics") at Stack/Chat4',
      );
      new ChatChannel(stack, 'Chat5', { additionalRegionTopics: five.slice(0, 4) });
      const other = sns.Topic.fromTopicArn(stack, 'Other', 'arn:aws:sns:us-west-2:444455556666:t');
      expect(() => new ChatChannel(stack, 'Chat2', { additionalRegionTopics: [other] })).toThrow(
        "`additionalRegionTopics[0]` must be in the chat channel's account 111122223333 (Incident Manager cannot use a topic of another account) (got \"Stack/Other in account 444455556666\") at Stack/Chat2",
      );
    });
  });

  describe('console-made chat configurations', () => {
    test('GIVEN a Slack configuration imported by ARN and a Teams one by ARN THEN the plan uses the channel and a warning lists what to add to them', () => {
      const stack = newStack();
      const slack = chatbot.SlackChannelConfiguration.fromSlackChannelConfigurationArn(stack, 'Slack', `arn:aws:chatbot::${ACCOUNT}:chat-configuration/slack-channel/incidents`);
      const teamsRole = iam.Role.fromRoleArn(stack, 'TeamsRole', `arn:aws:iam::${ACCOUNT}:role/teams-chat`);
      const chat = new ChatChannel(stack, 'Chat', {
        slackChannels: [slack],
        teamsChannels: [{ configurationArn: `arn:aws:chatbot::${ACCOUNT}:chat-configuration/microsoft-teams-channel/incidents`, role: teamsRole }],
      });
      plan(stack, { chatChannel: chat });
      expect(() => (stack.node.root as App).synth()).not.toThrow();
      const annotations = Annotations.fromStack(stack);
      annotations.hasWarning('/Stack/Chat', Match.stringLikeRegexp(`slackChannels\\[0\\] \\(arn:aws:chatbot::${ACCOUNT}:chat-configuration/slack-channel/incidents\\) is a channel configuration made outside this app.*add the chat channel's SNS topics to it \\(Stack/Chat/Topic\\), attach the chat channel's guardrail policy \\(Stack/Chat/Guardrail\\).*give its role the responders' permissions`));
      annotations.hasWarning('/Stack/Chat', Match.stringLikeRegexp('teamsChannels\\[0\\] .*microsoft-teams-channel/incidents\\) is a channel configuration made outside this app'));
    });

    test('GIVEN a Teams entry with both or neither configuration THEN it is refused', () => {
      const stack = newStack();
      const role = iam.Role.fromRoleArn(stack, 'Role', `arn:aws:iam::${ACCOUNT}:role/teams-chat`);
      expect(() => new ChatChannel(stack, 'Chat', { teamsChannels: [{ role }] })).toThrow(
        '`teamsChannels[0].configuration` and `teamsChannels[0].configurationArn` must be given one at a time: `configuration` for a configuration of this app, `configurationArn` for one made in the console (got "neither") at Stack/Chat [CHAT_CHANNEL]',
      );
    });
  });
});
