import { Stack, aws_chatbot as chatbot, aws_iam as iam, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { INCIDENT_MANAGER_PRINCIPAL, PUBLISH_ACTIONS } from './private/actions';
import { IncidentManagerValidationError } from './private/errors';
import { checkSameEnvironment } from './private/validate';
import type { IResponsePlan } from './response-plan';

/**
 * A Microsoft Teams channel configuration of AWS Chatbot and the role it uses.
 */
export interface TeamsChannel {
  /** The channel configuration. The chat channel's topic is added to its SNS topics. */
  readonly configuration: chatbot.CfnMicrosoftTeamsChannelConfiguration;
  /** The role the configuration uses (its `iamRoleArn`); it gets the responders' permissions. */
  readonly role: iam.IRole;
}

/**
 * Properties of a `ChatChannel`.
 */
export interface ChatChannelProps {
  /**
   * The topic Incident Manager publishes incident updates to. It must be in the response plan's
   * account and Region.
   *
   * @default - a topic is created (TLS enforced)
   */
  readonly topic?: sns.ITopic;

  /**
   * AWS Chatbot Slack channels that receive the topic's messages. Their role may run, on this channel's
   * response plans and their incidents only, the Incident Manager commands responders use from chat.
   *
   * @default - none
   */
  readonly slackChannels?: chatbot.SlackChannelConfiguration[];

  /**
   * AWS Chatbot Microsoft Teams channels that receive the topic's messages, with the same permissions
   * as Slack channels.
   *
   * @default - none
   */
  readonly teamsChannels?: TeamsChannel[];
}

/**
 * A chat channel for incident responders: the SNS topic Incident Manager publishes to, with the topic
 * policy statement that lets `ssm-incidents.amazonaws.com` publish for this account only, and
 * optionally the AWS Chatbot channels that relay it.
 *
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/chat.html
 */
export class ChatChannel extends Construct {
  /** The topic Incident Manager publishes to. */
  public readonly topic: sns.ITopic;

  private readonly chatRoles: iam.IGrantable[] = [];

  constructor(scope: Construct, id: string, props: ChatChannelProps = {}) {
    super(scope, id);
    if (props.topic) {
      checkSameEnvironment(this, '`topic`', props.topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region');
    }
    this.topic = props.topic ?? new sns.Topic(this, 'Topic', { enforceSSL: true });

    const account = Stack.of(this).account;
    const result = this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'IncidentManagerSNSPublishingPermissions',
        principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
        actions: PUBLISH_ACTIONS,
        resources: [this.topic.topicArn],
        conditions: { StringEqualsIfExists: { 'AWS:SourceAccount': account } },
      }),
    );
    if (!result.statementAdded) {
      throw new IncidentManagerValidationError(
        this,
        '`topic`',
        `an imported topic (${this.topic.topicArn})`,
        'be a topic defined in this app, so that its policy can let Incident Manager publish',
      );
    }

    for (const slack of props.slackChannels ?? []) {
      slack.addNotificationTopic(this.topic);
      this.chatRoles.push(slack);
    }
    for (const teams of props.teamsChannels ?? []) {
      teams.configuration.snsTopicArns = [...(teams.configuration.snsTopicArns ?? []), this.topic.topicArn];
      this.chatRoles.push(teams.role);
    }
  }

  /**
   * Gives the chat channels' roles the responders' permissions on `plan`.
   * @internal
   */
  public _bind(plan: IResponsePlan): void {
    for (const role of this.chatRoles) {
      plan.grantResolveIncidents(role);
    }
  }
}
