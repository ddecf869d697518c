import { Resource, Stack, Token, aws_chatbot as chatbot, aws_iam as iam, aws_sns as sns } from 'aws-cdk-lib';
import { Construct, IConstruct, IDependable } from 'constructs';
import { resolverListStatement, resolverPlanStatements } from './private/actions';
import { RESPONSE_PLAN, fixedPhysicalName, formatArn, incidentRecordsArn } from './private/arns';
import { IncidentManagerValidationError } from './private/errors';
import { allowIncidentManagerToPublish, checkStandardTopic } from './private/topics';
import { checkSameEnvironment, firstDuplicate } from './private/validate';
import type { IResponsePlan } from './response-plan';

/**
 * A Microsoft Teams channel configuration of AWS Chatbot and the role it uses.
 */
export interface TeamsChannel {
  /**
   * The channel configuration. The chat channel's topics are added to its SNS topics and, unless it
   * has guardrail policies of its own, the chat channel's guardrail policy becomes its guardrail.
   */
  readonly configuration: chatbot.CfnMicrosoftTeamsChannelConfiguration;
  /** The role the configuration uses (its `iamRoleArn`); it gets the responders' permissions. */
  readonly role: iam.IRole;
}

/**
 * What a chat channel gives a response plan that uses it.
 */
export interface ChatChannelBinding {
  /** The ARNs of the SNS topics the plan names as its chat channel (`ChatbotSns`). */
  readonly topicArns: string[];
  /**
   * The policies Incident Manager relies on when it creates the plan (it test-publishes to the
   * topics): the plan depends on them.
   */
  readonly dependencies: IDependable[];
}

/**
 * A chat channel a response plan can use: `ChatChannel`, or a channel of your own.
 */
export interface IChatChannel extends IConstruct {
  /**
   * Called by a response plan that uses the channel: checks the channel against the plan, gives the
   * channel's chat roles what responders need on the plan, and says what the plan names and waits for.
   */
  bindToResponsePlan(plan: IResponsePlan): ChatChannelBinding;
}

/**
 * Properties of a `ChatChannel`.
 */
export interface ChatChannelProps {
  /**
   * The topic Incident Manager publishes incident updates to, in the response plan's account and
   * Region. A topic defined in this app gets the topic policy statement (and, when it is encrypted,
   * the key policy statement) Incident Manager needs; for an imported topic a warning gives the
   * statements to add where it is defined.
   *
   * @default - a topic is created (TLS enforced)
   */
  readonly topic?: sns.ITopic;

  /**
   * More topics of the same account: in the other Regions of the replication set, or in the same
   * Region. AWS recommends a topic in every Region of the replication set, each added to the chat
   * channel, so that updates still reach responders while a Region fails (user guide, "Working with
   * chat channels"); several topics in one Region are allowed too. With `topic`, 1 to 5 topics, each
   * once (the API's and CloudFormation's `ChatbotSns`). They get the same policy statements as `topic`
   * and are relayed by the same Slack and Teams channels.
   *
   * @default - only `topic`
   */
  readonly additionalRegionTopics?: sns.ITopic[];

  /**
   * AWS Chatbot Slack channels that receive the topics' messages. Their role may run, on this channel's
   * response plans and their incidents only, the Incident Manager commands responders use from chat.
   * A channel without guardrail policies of its own gets the chat channel's guardrail policy.
   *
   * @default - none
   */
  readonly slackChannels?: chatbot.SlackChannelConfiguration[];

  /**
   * AWS Chatbot Microsoft Teams channels that receive the topics' messages, with the same permissions
   * and guardrail as Slack channels.
   *
   * @default - none
   */
  readonly teamsChannels?: TeamsChannel[];
}

/**
 * A response plan's chat channel names 1 to 5 topics (API ChatChannel chatbotSns, "Array Members:
 * Minimum number of 1 item. Maximum number of 5 items"; AWS::SSMIncidents::ResponsePlan ChatChannel
 * ChatbotSns, Minimum 1, Maximum 5), each once (the schema's uniqueItems).
 */
const MAX_TOPICS = 5;

/**
 * A chat channel for incident responders: the SNS topics Incident Manager publishes to (one in each
 * Region of the replication set, as AWS recommends, or more; 1 to 5 in all), with the topic policy statement that lets
 * `ssm-incidents.amazonaws.com` publish for this account only, and optionally the AWS Chatbot
 * (Amazon Q Developer in chat applications) channels that relay it.
 *
 * Slack and Teams channels get a guardrail policy that allows no more than the responders'
 * permissions on this channel's response plans: without guardrail policies, a channel configuration
 * gets CloudFormation's default guardrail, AdministratorAccess, and a channel member's own role could
 * do anything its policies allow.
 *
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/chat.html
 *
 * @example
 * import * as chatbot from 'aws-cdk-lib/aws-chatbot';
 * import * as im from 'cdk-incident-manager';
 *
 * const slack = new chatbot.SlackChannelConfiguration(this, 'Slack', {
 *   slackChannelConfigurationName: 'incidents',
 *   slackWorkspaceId: 'T0123456789',
 *   slackChannelId: 'C0123456789',
 * });
 * const chat = new im.ChatChannel(this, 'Chat', { slackChannels: [slack] });
 * new im.ResponsePlan(this, 'Plan', { title: 'Checkout is failing', impact: im.Impact.HIGH, chatChannel: chat });
 */
export class ChatChannel extends Construct implements IChatChannel {
  /** The topic Incident Manager publishes to in the stack's Region. */
  public readonly topic: sns.ITopic;

  /** Every topic of the channel: `topic`, then `additionalRegionTopics`. */
  public readonly topics: sns.ITopic[];

  /**
   * The guardrail policy of the Slack and Teams channels that have none of their own, when the channel
   * has any. It allows what `ResponsePlan.grantResolveIncidents` allows, on this channel's plans.
   */
  public readonly guardrailPolicy?: iam.ManagedPolicy;

  private readonly chatRoles: iam.IGrantable[] = [];
  private readonly policyDependables: IDependable[] = [];

  constructor(scope: Construct, id: string, props: ChatChannelProps = {}) {
    super(scope, id);
    if (props.topic) {
      checkSameEnvironment(this, '`topic`', props.topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region', 'TOPIC');
      checkStandardTopic(this, 'topic', props.topic);
    }
    this.topic = props.topic ?? new sns.Topic(this, 'Topic', { enforceSSL: true });
    const additional = props.additionalRegionTopics ?? [];
    this.topics = [this.topic, ...additional];
    this.checkRegionTopics(additional);

    this.topics.forEach((topic, i) => {
      const what = i === 0 ? 'The chat channel topic' : `The chat channel topic additionalRegionTopics[${i - 1}]`;
      this.policyDependables.push(...allowIncidentManagerToPublish(this, topic, what));
    });

    const slackChannels = props.slackChannels ?? [];
    const teamsChannels = props.teamsChannels ?? [];
    if (slackChannels.length + teamsChannels.length > 0) {
      this.guardrailPolicy = new iam.ManagedPolicy(this, 'Guardrail', {
        description: 'The most that chat channels relaying Incident Manager may do: respond to their response plans',
        statements: [resolverListStatement()],
      });
    }
    for (const slack of slackChannels) {
      this.topics.forEach((topic) => slack.addNotificationTopic(topic));
      this.chatRoles.push(slack);
      const cfn = slack.node.defaultChild as chatbot.CfnSlackChannelConfiguration;
      if (!hasGuardrails(cfn, cfn.guardrailPolicies)) {
        cfn.guardrailPolicies = [this.guardrailPolicy!.managedPolicyArn];
      }
    }
    for (const teams of teamsChannels) {
      teams.configuration.snsTopicArns = [...(teams.configuration.snsTopicArns ?? []), ...this.topics.map((t) => t.topicArn)];
      this.chatRoles.push(teams.role);
      if (!hasGuardrails(teams.configuration, teams.configuration.guardrailPolicies)) {
        teams.configuration.guardrailPolicies = [this.guardrailPolicy!.managedPolicyArn];
      }
    }
  }

  public bindToResponsePlan(plan: IResponsePlan): ChatChannelBinding {
    checkSameEnvironment(plan, '`chatChannel`', this.topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region', 'TOPIC');
    this.grantChatRoles(plan);
    return { topicArns: this.topics.map((t) => t.topicArn), dependencies: [...this.policyDependables] };
  }

  /**
   * Gives the chat channels' roles the responders' permissions on `plan`, and widens the guardrail to
   * the same.
   */
  private grantChatRoles(plan: IResponsePlan): void {
    for (const role of this.chatRoles) {
      plan.grantResolveIncidents(role);
    }
    if (this.guardrailPolicy) {
      // Built from the plan's name, which fixes its ARN: no reference to a plan in another (nested) stack.
      const planArn = formatArn(this.guardrailPolicy, RESPONSE_PLAN, plan.responsePlanName);
      const records = incidentRecordsArn(this.guardrailPolicy, Stack.of(this.guardrailPolicy).account, plan.responsePlanName);
      this.guardrailPolicy.addStatements(...resolverPlanStatements(planArn, records));
    }
  }

  private checkRegionTopics(additional: sns.ITopic[]): void {
    if (additional.length > MAX_TOPICS - 1) {
      throw new IncidentManagerValidationError(
        this,
        '`additionalRegionTopics`',
        `${additional.length} topics`,
        `have at most ${MAX_TOPICS - 1} topics (a chat channel names 1 to ${MAX_TOPICS} topics with \`topic\`)`,
        'TOPIC',
      );
    }
    const here = Stack.of(this);
    additional.forEach((topic, i) => {
      checkStandardTopic(this, `additionalRegionTopics[${i}]`, topic);
      if (Resource.isOwnedResource(topic) && Stack.of(topic) !== here && fixedPhysicalName(topic) === undefined) {
        throw new IncidentManagerValidationError(
          this,
          `\`additionalRegionTopics[${i}]\``,
          topic.node.path,
          'have a name given in code (`topicName`) or be imported with sns.Topic.fromTopicArn: the response plan names the topic of another Region by its ARN, which needs a fixed name',
          'TOPIC',
        );
      }
      const account = topic.env.account;
      if (!Token.isUnresolved(account) && !Token.isUnresolved(here.account) && account !== here.account) {
        throw new IncidentManagerValidationError(
          this,
          `\`additionalRegionTopics[${i}]\``,
          `${topic.node.path} in account ${account}`,
          `be in the chat channel's account ${here.account} (Incident Manager cannot use a topic of another account)`,
          'TOPIC',
        );
      }
    });
    // The same topic twice: the same construct, or the same ARN (ChatbotSns items are unique).
    const keys = this.topics.map((t) => (Token.isUnresolved(t.topicArn) ? t.node.path : t.topicArn));
    const duplicate = firstDuplicate(keys);
    if (duplicate) {
      throw new IncidentManagerValidationError(
        this,
        '`additionalRegionTopics`',
        keys,
        `name each topic once, other than the chat channel's own \`topic\` (${duplicate} appears twice)`,
        'TOPIC',
      );
    }
  }
}

/** Whether a channel configuration already has guardrail policies (also through a lazy list). */
function hasGuardrails(scope: Construct, guardrails: string[] | undefined): boolean {
  if (guardrails === undefined) {
    return false;
  }
  const resolved = Stack.of(scope).resolve(guardrails);
  return resolved !== undefined && (!Array.isArray(resolved) || resolved.length > 0);
}
