import { Annotations, aws_chatbot as chatbot, aws_iam as iam, aws_sns as sns } from 'aws-cdk-lib';
import { Construct, IConstruct, IDependable } from 'constructs';
import { resolverListStatement, resolverPlanStatements } from './private/actions';
import { RESPONSE_PLAN, fixedPhysicalName, formatArn, incidentRecordsArn } from './private/arns';
import { Resource, Stack, Token } from './private/core';
import { IncidentManagerValidationError, shown } from './private/errors';
import { checkConstruct, checkInstance, checkList, isCfnOfType, kindOf, requireGiven } from './private/inputs';
import { allowIncidentManagerToPublish, checkStandardTopic } from './private/topics';
import { checkSameEnvironment, checkString, firstDuplicate } from './private/validate';
import type { ChatChannelBinding, IChatChannel, IResponsePlan } from './response-plan';

/**
 * A Microsoft Teams channel configuration of AWS Chatbot and the role it uses.
 */
export interface TeamsChannel {
  /**
   * The channel configuration, defined in this app. The chat channel's topics are added to its SNS
   * topics and, unless it has guardrail policies of its own, the chat channel's guardrail policy
   * becomes its guardrail. Give this or `configurationArn`.
   *
   * @default - none: `configurationArn` names the configuration
   */
  readonly configuration?: chatbot.CfnMicrosoftTeamsChannelConfiguration;
  /**
   * A channel configuration made elsewhere (in the console, say), by ARN
   * (`arn:<partition>:chatbot::<account>:chat-configuration/microsoft-teams-channel/<name>`). The app
   * cannot change it: a warning at synthesis gives the topics to add to it and the guardrail policy to
   * attach. Give this or `configuration`.
   *
   * @default - none: `configuration` is the configuration
   */
  readonly configurationArn?: string;
  /**
   * The role the configuration runs as (its `iamRoleArn`); it gets the responders' permissions. With
   * `configuration`, it must be the role the configuration names.
   */
  readonly role: iam.IRole;
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
   * A channel without guardrail policies of its own gets the chat channel's guardrail policy. A
   * configuration made in the console (`SlackChannelConfiguration.fromSlackChannelConfigurationArn`)
   * cannot be changed by the app: a warning at synthesis gives the topics to add to it, the guardrail
   * policy to attach and the permissions its role needs.
   *
   * @default - none
   */
  readonly slackChannels?: chatbot.ISlackChannelConfiguration[];

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
    // Check: every rule of the props, before anything is created.
    this.checkTopics(props);
    this.checkRelays(props);
    const slackChannels = props.slackChannels ?? [];
    const teamsChannels = props.teamsChannels ?? [];

    // Act: the topics and their policies, the guardrail, and the relays.
    this.topic = props.topic ?? new sns.Topic(this, DEFAULT_TOPIC_ID, { enforceSSL: true });
    this.topics = [this.topic, ...(props.additionalRegionTopics ?? [])];
    this.topics.forEach((topic, i) => {
      const what = i === 0 ? 'The chat channel topic' : `The chat channel topic additionalRegionTopics[${i - 1}]`;
      this.policyDependables.push(...allowIncidentManagerToPublish(this, topic, what));
    });
    if (slackChannels.length + teamsChannels.length > 0) {
      this.guardrailPolicy = new iam.ManagedPolicy(this, 'Guardrail', {
        description: 'The most that chat channels relaying Incident Manager may do: respond to their response plans',
        statements: [resolverListStatement()],
      });
    }
    slackChannels.forEach((slack, i) => this.relayToSlack(slack, i));
    teamsChannels.forEach((teams, i) => this.relayToTeams(teams, i));
  }

  public bindToResponsePlan(plan: IResponsePlan): ChatChannelBinding {
    checkConstruct(this, 'plan', plan, 'a response plan', 'INPUT');
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

  /**
   * A channel configuration made outside the app cannot be changed by it: a warning says what to add
   * to it where it is managed (the AWS Chatbot console).
   */
  private warnConsoleMade(where: string, arn: string, role: iam.IRole | undefined): void {
    const named = (c: IConstruct, value: string) => (Token.isUnresolved(value) ? c.node.path : value);
    const topics = this.topics.map((t) => named(t, t.topicArn)).join(', ');
    const guardrail = this.guardrailPolicy!.node.path;
    const grant = role
      ? ''
      : ", and give its role the responders' permissions on the chat channel's response plans (ResponsePlan.grantResolveIncidents; for Teams, pass the role as teamsChannels[].role)";
    Annotations.of(this).addWarningV2(
      'cdk-incident-manager:ChatChannel.consoleMadeConfiguration',
      `${where} (${named(this, arn)}) is a channel configuration made outside this app, which the app cannot change. Where it is managed (the AWS Chatbot console): add the chat channel's SNS topics to it (${topics}), attach the chat channel's guardrail policy (${guardrail}) as its guardrail${grant}.`,
    );
  }

  /** The Slack and Teams channels: configurations of AWS Chatbot, each with the role it runs as. */
  private checkRelays(props: ChatChannelProps): void {
    checkList(this, 'slackChannels', props.slackChannels, 'CHAT_CHANNEL');
    checkList(this, 'teamsChannels', props.teamsChannels, 'CHAT_CHANNEL');
    (props.slackChannels ?? []).forEach((slack, i) => {
      checkConstruct(this, `slackChannels[${i}]`, slack, 'a Slack channel configuration (chatbot.SlackChannelConfiguration, or one imported by ARN)', 'CHAT_CHANNEL');
      if (typeof slack.slackChannelConfigurationArn !== 'string') {
        throw new IncidentManagerValidationError(this, `\`slackChannels[${i}]\``, shown(kindOf(slack)), 'be a Slack channel configuration (chatbot.SlackChannelConfiguration, or one imported by ARN)', 'CHAT_CHANNEL');
      }
      const l1 = slackConfigurationOfApp(slack);
      if (l1) {
        checkRunsAs(this, `slackChannels[${i}]`, l1, l1.iamRoleArn, slack.role);
      }
    });
    (props.teamsChannels ?? []).forEach((teams, i) => checkTeamsChannel(this, teams, i));
  }

  /**
   * Relays the topics to a Slack channel: adds them to its configuration, gives its role the
   * responders' permissions, and makes the guardrail its own unless it has one.
   */
  private relayToSlack(slack: chatbot.ISlackChannelConfiguration, i: number): void {
    const l1 = slackConfigurationOfApp(slack);
    if (!l1) {
      this.warnConsoleMade(`slackChannels[${i}]`, slack.slackChannelConfigurationArn, slack.role);
      if (slack.role) this.chatRoles.push(slack.role);
      return;
    }
    this.topics.forEach((topic) => (slack as chatbot.SlackChannelConfiguration).addNotificationTopic(topic));
    this.chatRoles.push(slack);
    if (!hasGuardrails(l1, l1.guardrailPolicies)) {
      l1.guardrailPolicies = [this.guardrailPolicy!.managedPolicyArn];
    }
  }

  /** Relays the topics to a Teams channel, as `relayToSlack` does. */
  private relayToTeams(teams: TeamsChannel, i: number): void {
    this.chatRoles.push(teams.role);
    const configuration = teams.configuration;
    if (!configuration) {
      this.warnConsoleMade(`teamsChannels[${i}]`, teams.configurationArn!, teams.role);
      return;
    }
    configuration.snsTopicArns = [...(configuration.snsTopicArns ?? []), ...this.topics.map((t) => t.topicArn)];
    if (!hasGuardrails(configuration, configuration.guardrailPolicies)) {
      configuration.guardrailPolicies = [this.guardrailPolicy!.managedPolicyArn];
    }
  }

  /** The topic and the topics of other Regions: standard topics of the channel's account, each once. */
  private checkTopics(props: ChatChannelProps): void {
    checkConstruct(this, 'topic', props.topic, 'an SNS topic (sns.Topic, or one imported with sns.Topic.fromTopicArn)', 'TOPIC', false);
    checkList(this, 'additionalRegionTopics', props.additionalRegionTopics, 'TOPIC');
    const additional = props.additionalRegionTopics ?? [];
    additional.forEach((t, i) => checkConstruct(this, `additionalRegionTopics[${i}]`, t, 'an SNS topic of another Region', 'TOPIC'));
    if (props.topic) {
      checkSameEnvironment(this, '`topic`', props.topic, 'response plan', 'Incident Manager cannot use a topic of another account or Region', 'TOPIC');
      checkStandardTopic(this, 'topic', props.topic);
    }
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
    // The same topic twice: the same construct, or the same ARN (ChatbotSns items are unique). The
    // topic the channel creates, by the path it will have, is no other.
    const key = (t: sns.ITopic) => (Token.isUnresolved(t.topicArn) ? t.node.path : t.topicArn);
    const keys = [props.topic ? key(props.topic) : `${this.node.path}/${DEFAULT_TOPIC_ID}`, ...additional.map(key)];
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

/** The id of the topic a chat channel creates when it is given none. */
const DEFAULT_TOPIC_ID = 'Topic';

/**
 * The L1 of a Slack channel configuration defined in this app, which the app can change; undefined for
 * one made in the console (imported by ARN).
 */
function slackConfigurationOfApp(slack: chatbot.ISlackChannelConfiguration): chatbot.CfnSlackChannelConfiguration | undefined {
  const cfn = slack.node.defaultChild;
  if (typeof (slack as any).addNotificationTopic !== 'function' || !isCfnOfType('AWS::Chatbot::SlackChannelConfiguration')(cfn)) {
    return undefined;
  }
  return cfn as chatbot.CfnSlackChannelConfiguration;
}

/** Whether a channel configuration already has guardrail policies (also through a lazy list). */
function hasGuardrails(scope: Construct, guardrails: string[] | undefined): boolean {
  if (guardrails === undefined) {
    return false;
  }
  const resolved = Stack.of(scope).resolve(guardrails);
  return resolved !== undefined && (!Array.isArray(resolved) || resolved.length > 0);
}

/** A Teams entry: a configuration of this app or the ARN of one made elsewhere, and its role. */
function checkTeamsChannel(scope: Construct, teams: TeamsChannel, i: number): void {
  const where = `teamsChannels[${i}]`;
  requireGiven(scope, where, teams, 'an entry with `configuration` (or `configurationArn`) and `role`', 'CHAT_CHANNEL');
  checkConstruct(scope, `${where}.role`, teams.role, 'the IAM role the configuration runs as', 'CHAT_CHANNEL');
  if ((teams.configuration === undefined) === (teams.configurationArn === undefined)) {
    throw new IncidentManagerValidationError(
      scope,
      `\`${where}.configuration\` and \`${where}.configurationArn\``,
      teams.configuration === undefined ? 'neither' : 'both',
      'be given one at a time: `configuration` for a configuration of this app, `configurationArn` for one made in the console',
      'CHAT_CHANNEL',
    );
  }
  if (teams.configuration !== undefined) {
    checkInstance(scope, `${where}.configuration`, teams.configuration, isCfnOfType('AWS::Chatbot::MicrosoftTeamsChannelConfiguration'), 'a chatbot.CfnMicrosoftTeamsChannelConfiguration', 'CHAT_CHANNEL');
    checkRunsAs(scope, where, teams.configuration, teams.configuration.iamRoleArn, teams.role);
  } else {
    checkString(scope, `${where}.configurationArn`, teams.configurationArn, {
      pattern: TEAMS_CONFIGURATION_ARN,
      format: 'an ARN such as arn:aws:chatbot::111122223333:chat-configuration/microsoft-teams-channel/incidents',
      code: 'CHAT_CHANNEL',
    });
  }
}

/** AWS::Chatbot::MicrosoftTeamsChannelConfiguration Arn, as AWS Chatbot writes it. */
const TEAMS_CONFIGURATION_ARN = /^arn:aws[a-z-]*:chatbot::[0-9]{12}:chat-configuration\/microsoft-teams-channel\/.+$/;

/**
 * The role an entry gives is the role its configuration runs as (its IamRoleArn): the responders'
 * permissions go to that role, and another one would get them in its place.
 */
function checkRunsAs(scope: Construct, where: string, configuration: Construct, iamRoleArn: string, role: iam.IRole | undefined): void {
  if (!role) return;
  const stack = Stack.of(configuration);
  const runsAs = stack.resolve(iamRoleArn);
  const given = stack.resolve(role.roleArn);
  // Two values, or two roles of the app (Fn::GetAtt of their logical IDs), that differ are two roles;
  // anything else known only at deployment (parameters, imports) may be the same role and passes.
  const roleOfApp = (v: any) => (Array.isArray(v?.['Fn::GetAtt']) && v['Fn::GetAtt'][1] === 'Arn' ? String(v['Fn::GetAtt'][0]) : undefined);
  const differ =
    typeof runsAs === 'string' && typeof given === 'string'
      ? runsAs !== given
      : roleOfApp(runsAs) !== undefined && roleOfApp(given) !== undefined && roleOfApp(runsAs) !== roleOfApp(given);
  if (differ) {
    throw new IncidentManagerValidationError(
      scope,
      `\`${where}.role\``,
      role.node.path,
      `be the role the channel configuration ${configuration.node.path} runs as (its iamRoleArn): that role gets the responders' permissions`,
      'CHAT_CHANNEL',
    );
  }
}
