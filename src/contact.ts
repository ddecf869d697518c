import { Duration, aws_ssmcontacts as ssmcontacts } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ContactBase, ContactNameOptions, IContact } from './contact-base';
import { defineContactResource, importContactAlias, importContactArn } from './private/contacts';
import { RemovalPolicy, Token } from './private/core';
import { IncidentManagerValidationError } from './private/errors';
import { checkBoolean, checkInstance, checkList, checkRemovalPolicy, requireGiven, requireProps } from './private/inputs';
import { applyRemovalPolicy } from './private/removal';
import { checkCount, checkString, minutesWithin } from './private/validate';
import { warnAtSynthesis } from './private/warnings';
import type { ReplicationSetOptions } from './replication-set';

/**
 * How a channel reaches its contact.
 */
export enum ContactChannelType {
  /** An e-mail message. */
  EMAIL = 'EMAIL',
  /** A text message (SMS). */
  SMS = 'SMS',
  /** A voice call. */
  VOICE = 'VOICE',
}

/**
 * Options of a contact channel.
 */
export interface ContactChannelOptions {
  /**
   * The channel's name, unique within its contact: letters (of any language), digits, spaces and
   * `_ . - + ' &`: what the API takes (CreateContactChannel Name, `^[\p{L}\p{Z}\p{N}_.\-]*$`) and the
   * characters CloudFormation's schema names (ContactChannel ChannelName).
   *
   * The name is also the id of the channel's construct, so renaming a channel replaces it and the
   * new channel must be activated again.
   *
   * @default - the channel type: 'Email', 'SMS' or 'Voice'
   */
  readonly name?: string;

  /**
   * Whether to send the activation code later instead of when the channel is created. A channel
   * cannot be engaged before it is activated.
   *
   * @default false
   */
  readonly deferActivation?: boolean;
}

const E164 = /^\+[1-9][0-9]{1,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The API's pattern (CreateContactChannel Name: ^[\p{L}\p{Z}\p{N}_.\-]*$) and the characters of
// CloudFormation's (ContactChannel ChannelName, which also names + ' &).
const CHANNEL_NAME = /^[\p{L}\p{Z}\p{N}_.\-+'&]+$/u;

/**
 * A way Incident Manager reaches a personal contact: e-mail, SMS or voice.
 */
export class ContactChannel {
  /**
   * An e-mail address.
   */
  public static email(address: string, options: ContactChannelOptions = {}): ContactChannel {
    return new ContactChannel(ContactChannelType.EMAIL, address, options?.name ?? 'Email', options?.deferActivation);
  }

  /**
   * A mobile number for text messages, in E.164 form (`+` and up to 15 digits, for example `+12065550100`).
   */
  public static sms(phoneNumber: string, options: ContactChannelOptions = {}): ContactChannel {
    return new ContactChannel(ContactChannelType.SMS, phoneNumber, options?.name ?? 'SMS', options?.deferActivation);
  }

  /**
   * A phone number for voice calls, in E.164 form (`+` and up to 15 digits, for example `+12065550100`).
   */
  public static voice(phoneNumber: string, options: ContactChannelOptions = {}): ContactChannel {
    return new ContactChannel(ContactChannelType.VOICE, phoneNumber, options?.name ?? 'Voice', options?.deferActivation);
  }

  private constructor(
    /** How the channel reaches its contact. */
    public readonly type: ContactChannelType,
    /** The e-mail address or phone number. */
    public readonly address: string,
    /** The channel's name within its contact. */
    public readonly name: string,
    /** Whether activation is deferred. */
    public readonly deferActivation?: boolean,
  ) {}
}

/**
 * The timing of one stage of a personal contact's engagement plan.
 */
export interface EngagementStageOptions {
  /**
   * How long the stage lasts before the next stage starts: a whole number of minutes from 0 to 30.
   *
   * @default Duration.minutes(0)
   */
  readonly duration?: Duration;

  /**
   * How long Incident Manager waits before it tries a channel of this stage again when the engagement
   * failed: a whole number of minutes from 0 to 60.
   *
   * @default Duration.minutes(5)
   */
  readonly retryInterval?: Duration;
}

/**
 * A channel of an engagement plan stage with a retry interval of its own.
 */
export interface ChannelTarget {
  /** The channel: one of this contact's. */
  readonly channel: ContactChannel;

  /**
   * How long Incident Manager waits before it tries this channel again when the engagement failed:
   * a whole number of minutes from 0 to 60. `AWS::SSMContacts::Plan` holds one interval per target
   * (`ChannelTargetInfo.RetryIntervalInMinutes`), as the console sets it per channel.
   *
   * @default - the stage's `retryInterval`
   */
  readonly retryInterval?: Duration;
}

/**
 * One stage of a personal contact's engagement plan.
 */
export interface EngagementStage extends EngagementStageOptions {
  /**
   * The contact's channels that Incident Manager engages when the stage starts, each retried at the
   * stage's `retryInterval`. Only channels of this contact. A stage without channels (here or in
   * `channelTargets`) is a wait of `duration` (at least a minute).
   *
   * @default - none
   */
  readonly channels?: ContactChannel[];

  /**
   * Channels the stage engages with a retry interval of their own, after those of `channels`, in
   * order. Only channels of this contact.
   *
   * @default - none
   */
  readonly channelTargets?: ChannelTarget[];
}

/**
 * Properties of a `Contact`.
 */
export interface ContactProps extends ContactNameOptions, ReplicationSetOptions {
  /**
   * The contact's channels. More can be added with `addChannel`.
   *
   * @default - none
   */
  readonly channels?: ContactChannel[];

  /**
   * The contact's engagement plan: which of its channels are engaged, in which order. A contact can
   * only be engaged once it has a plan. More stages can be added with `addEngagementStage`.
   *
   * @default - none
   */
  readonly engagementPlan?: EngagementStage[];
}

/** Limits of an engagement plan stage, from the Incident Manager API reference. */
const STAGE_MINUTES = { min: 0, max: 30 };
const RETRY_MINUTES = { min: 0, max: 60 };
const DEFAULT_RETRY = Duration.minutes(5);

/**
 * A person Incident Manager can engage: their channels (e-mail, SMS, voice) and their engagement
 * plan.
 *
 * The engagement plan is an `AWS::SSMContacts::Plan` of its own: it names the channels' ARNs, and the
 * channels name the contact's ARN, so a plan inside the contact would be a dependency cycle.
 *
 * @resource AWS::SSMContacts::Contact
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/contacts.html
 *
 * @example
 * import { Duration } from 'aws-cdk-lib';
 * import * as im from 'cdk-incident-manager';
 *
 * const email = im.ContactChannel.email('alice@example.com');
 * const voice = im.ContactChannel.voice('+12065550100');
 * new im.Contact(this, 'Alice', {
 *   alias: 'alice',
 *   displayName: 'Alice Rivera',
 *   channels: [email, voice],
 *   engagementPlan: [{ channels: [email] }, { channels: [voice], duration: Duration.minutes(5) }],
 * });
 */
export class Contact extends ContactBase {
  /**
   * Imports a contact by ARN.
   */
  public static fromContactArn(scope: Construct, id: string, contactArn: string): IContact {
    return importContactArn(scope, id, contactArn);
  }

  /**
   * Imports a contact of this stack's account and Region by alias.
   */
  public static fromContactAlias(scope: Construct, id: string, alias: string): IContact {
    return importContactAlias(scope, id, alias);
  }

  /** @attribute */
  public readonly contactArn: string;
  /** @attribute */
  public readonly contactAlias: string;

  private readonly removal: RemovalPolicy;
  private readonly channels = new Map<ContactChannel, ssmcontacts.CfnContactChannel>();
  private readonly renderedStages: ssmcontacts.CfnPlan.StageProperty[] = [];
  private plan?: ssmcontacts.CfnPlan;

  constructor(scope: Construct, id: string, props: ContactProps) {
    super(scope, id);
    requireProps(this, props, 'ContactProps (alias, displayName)', 'INPUT');
    checkRemovalPolicy(this, 'removalPolicy', props.removalPolicy, 'CONTACT_ALIAS');
    checkCount(this, 'channels', props.channels ?? [], 0, Number.MAX_SAFE_INTEGER, 'channels', 'CHANNEL');
    checkCount(this, 'engagementPlan', props.engagementPlan ?? [], 0, Number.MAX_SAFE_INTEGER, 'stages', 'ENGAGEMENT_PLAN');
    this.removal = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const resource = defineContactResource(this, props, 'PERSONAL');
    this.contactArn = resource.attrArn;
    this.contactAlias = props.alias;

    for (const channel of props.channels ?? []) {
      this.addChannel(channel);
    }
    for (const stage of props.engagementPlan ?? []) {
      this.addEngagementStage(stage);
    }

    warnAtSynthesis(this, 'cdk-incident-manager:Contact.noEngagementPlan', () =>
      this.renderedStages.length === 0
        ? 'The contact has no engagement plan, so Incident Manager cannot engage it. Add a stage with addEngagementStage.'
        : undefined,
    );
  }

  /**
   * Adds a channel to the contact.
   *
   * @returns the ARN of the channel
   */
  public addChannel(channel: ContactChannel): string {
    checkInstance(this, 'channels[]', channel, ContactChannel, 'a ContactChannel (ContactChannel.email, sms or voice)', 'CHANNEL');
    checkBoolean(this, 'deferActivation', channel.deferActivation, 'CHANNEL');
    if (this.channels.has(channel)) {
      throw new IncidentManagerValidationError(this, 'a channel', channel.name, 'be added to a contact once', 'CHANNEL');
    }
    checkString(this, 'channel name', channel.name, { pattern: CHANNEL_NAME, format: "letters, digits, spaces and _ . - + ' & only", min: 1, max: 255, code: 'CHANNEL', required: true });
    if (!Token.isUnresolved(channel.name) && [...this.channels.keys()].some((c) => c.name === channel.name)) {
      throw new IncidentManagerValidationError(
        this,
        'channel names',
        channel.name,
        'be unique within a contact (give each channel a `name`)',
        'CHANNEL',
      );
    }
    if (channel.type === ContactChannelType.EMAIL) {
      checkString(this, 'e-mail address', channel.address, { pattern: EMAIL, format: 'an e-mail address such as jane@example.com', min: 3, max: 254, code: 'CHANNEL', required: true });
    } else {
      checkString(this, 'phone number', channel.address, { pattern: E164, format: 'an E.164 phone number: + and the country code, then the number, 15 digits at most, without spaces (for example +12065550100)', code: 'CHANNEL', required: true });
    }

    // The name is the construct id, so that a channel keeps its logical ID; a name only known at deploy
    // time cannot be part of an id, so such a channel is numbered by type instead.
    const id = Token.isUnresolved(channel.name)
      ? `Channel${channel.type}${[...this.channels.keys()].filter((c) => c.type === channel.type).length + 1}`
      : `Channel${channel.name}`;
    const resource = new ssmcontacts.CfnContactChannel(this, id, {
      contactId: this.contactArn,
      channelName: channel.name,
      channelType: channel.type,
      channelAddress: channel.address,
      deferActivation: channel.deferActivation,
    });
    applyRemovalPolicy(this, resource, this.removal);
    this.channels.set(channel, resource);
    return resource.attrArn;
  }

  /**
   * Adds a stage at the end of the contact's engagement plan.
   */
  public addEngagementStage(stage: EngagementStage): void {
    const index = this.renderedStages.length;
    requireGiven(this, `engagementPlan[${index}]`, stage, 'a stage with `channels` or `channelTargets`', 'ENGAGEMENT_PLAN');
    checkList(this, `engagementPlan[${index}].channels`, stage.channels, 'ENGAGEMENT_PLAN');
    checkList(this, `engagementPlan[${index}].channelTargets`, stage.channelTargets, 'ENGAGEMENT_PLAN');
    const channels = stage.channels ?? [];
    const channelTargets = stage.channelTargets ?? [];
    checkCount(this, `engagementPlan[${index}].channels`, channels, 0, Number.MAX_SAFE_INTEGER, 'channels', 'ENGAGEMENT_PLAN');
    checkCount(this, `engagementPlan[${index}].channelTargets`, channelTargets, 0, Number.MAX_SAFE_INTEGER, 'channel targets', 'ENGAGEMENT_PLAN');
    for (const [i, target] of channelTargets.entries()) {
      requireGiven(this, `engagementPlan[${index}].channelTargets[${i}]`, target, 'a channel target with `channel`', 'ENGAGEMENT_PLAN');
    }
    const named: Array<[string, ContactChannel]> = [
      ...channels.map((c, i): [string, ContactChannel] => [`channels[${i}]`, c]),
      ...channelTargets.map((t, i): [string, ContactChannel] => [`channelTargets[${i}].channel`, t.channel]),
    ];
    for (const [where, channel] of named) {
      checkInstance(this, `engagementPlan[${index}].${where}`, channel, ContactChannel, 'a ContactChannel of this contact', 'ENGAGEMENT_PLAN');
      if (!this.channels.has(channel)) {
        throw new IncidentManagerValidationError(
          this,
          `engagementPlan[${index}]`,
          `channel "${channel.name}" (${channel.address})`,
          'name only channels of this contact (add the channel with `channels` or addChannel first)',
          'ENGAGEMENT_PLAN',
        );
      }
    }
    // A stage without channels is a wait (the API allows it): it must then last at least a minute.
    const waits = channels.length === 0 && channelTargets.length === 0;
    const duration = minutesWithin(
      this,
      `engagementPlan[${index}].duration`,
      stage.duration ?? Duration.minutes(0),
      waits ? 1 : STAGE_MINUTES.min,
      STAGE_MINUTES.max,
      'ENGAGEMENT_PLAN',
      waits ? ' when the stage has no channels' : '',
    );
    const retry = minutesWithin(this, `engagementPlan[${index}].retryInterval`, stage.retryInterval ?? DEFAULT_RETRY, RETRY_MINUTES.min, RETRY_MINUTES.max, 'ENGAGEMENT_PLAN');
    const targets = [
      ...channels.map((channel) => ({ channel, retry })),
      ...channelTargets.map((target, j) => ({
        channel: target.channel,
        retry:
          target.retryInterval === undefined
            ? retry
            : minutesWithin(this, `engagementPlan[${index}].channelTargets[${j}].retryInterval`, target.retryInterval, RETRY_MINUTES.min, RETRY_MINUTES.max, 'ENGAGEMENT_PLAN'),
      })),
    ];

    const rendered: ssmcontacts.CfnPlan.StageProperty = {
      durationInMinutes: duration,
      targets: targets.map((target) => ({
        channelTargetInfo: {
          channelId: this.channels.get(target.channel)!.attrArn,
          retryIntervalInMinutes: target.retry,
        },
      })),
    };
    this.renderedStages.push(rendered);
    this.renderEngagementPlan();
  }

  /** Writes the engagement plan with the stages so far: created with the first stage, rewritten with each. */
  private renderEngagementPlan(): void {
    const stages = [...this.renderedStages];
    if (this.plan) {
      this.plan.stages = stages;
      return;
    }
    this.plan = new ssmcontacts.CfnPlan(this, 'EngagementPlan', { contactId: this.contactArn, stages });
    applyRemovalPolicy(this, this.plan, this.removal);
  }
}
