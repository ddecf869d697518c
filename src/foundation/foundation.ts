import { Duration, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CoverageOptions } from '../on-call';
import {
  FoundationContact,
  FoundationEscalationPlan,
  FoundationOnCallSchedule,
  FoundationResponsePlan,
  FoundationSharing,
} from './entries';
import { EntryPath } from './entry-path';
import { HOW_TO_SPLIT, Placement } from './placement';
import { PostIncidentAnalysisTemplate, PostIncidentAnalysisTemplateProps } from '../analysis-template';
import { ChatChannel, ChatChannelProps } from '../chat-channel';
import { Contact, ContactChannel, ContactChannelType, EngagementStage } from '../contact';
import { IContact } from '../contact-base';
import { EscalationPlan } from '../escalation-plan';
import { IncidentManagerKey, IncidentManagerKeyProps } from '../incident-manager-key';
import { checkCoverageOptions } from '../on-call/coverage';
import { OnCallSchedule } from '../on-call-schedule';
import { Stack, Token } from '../private/core';
import { IncidentManagerValidationError, shown } from '../private/errors';
import { checkBoolean, checkConstruct, checkEnum, checkList, checkMap, kindOf, requireGiven, requireProps } from '../private/inputs';
import { validateStackLimits } from '../private/stack-limits';
import { checkCount, checkString, isUnresolved, minutesWithin } from '../private/validate';
import { IReplicationSet, ReplicationSet } from '../replication-set';
import { IChatChannel, ResponsePlan } from '../response-plan';
import { Rotation } from '../rotation';
import { IncidentManagerShare } from '../share';

/**
 * How the replication set is encrypted.
 */
export enum FoundationEncryption {
  /** A customer-managed key in every Region (an `IncidentManagerKey` in the stack's Region). */
  CUSTOMER_MANAGED_KEY = 'CUSTOMER_MANAGED_KEY',
  /** An AWS owned key. */
  AWS_OWNED_KEY = 'AWS_OWNED_KEY',
}

/**
 * Properties of an `IncidentManagerFoundation`.
 */
export interface IncidentManagerFoundationProps {
  /**
   * The Regions of the replication set to create: 1 to 3 (2 or more recommended). Only for an account
   * without a replication set: give `existingReplicationSet` otherwise.
   *
   * @default - none
   */
  readonly regions?: string[];

  /**
   * How the replication set to create is encrypted.
   *
   * @default FoundationEncryption.CUSTOMER_MANAGED_KEY
   */
  readonly encryption?: FoundationEncryption;

  /**
   * Customer-managed keys by Region, for the replication set to create. Every Region other than the
   * stack's needs one (a KMS key stays in its Region); the stack's Region gets an `IncidentManagerKey`
   * unless it is given here.
   *
   * @default - only the stack's Region's key, created
   */
  readonly regionKeys?: { [region: string]: kms.IKey };

  /**
   * Settings of the `IncidentManagerKey` the foundation creates for the stack's Region.
   *
   * @default - the IncidentManagerKey defaults
   */
  readonly keyOptions?: IncidentManagerKeyProps;

  /**
   * The account's replication set, when it already has one (every account that can still use
   * Incident Manager does): none is created.
   *
   * @default - a replication set is created from `regions`
   */
  readonly existingReplicationSet?: IReplicationSet;

  /**
   * People, with their channels and engagement plans. More can be added with `addContact`.
   *
   * @default - none
   */
  readonly contacts?: FoundationContact[];

  /**
   * Contacts, schedules and escalation plans defined elsewhere, referred to by alias. A person
   * defined in this app (a `Contact`) can take shifts in the foundation's rotations; an imported
   * contact cannot, since its type is not known at synthesis.
   *
   * @default - none
   */
  readonly existingContacts?: IContact[];

  /**
   * On-call schedules. More can be added with `addOnCallSchedule`.
   *
   * @default - none
   */
  readonly onCallSchedules?: FoundationOnCallSchedule[];

  /**
   * Escalation plans. A stage may name escalation plans listed before it. More can be added with
   * `addEscalationPlan`.
   *
   * @default - none
   */
  readonly escalationPlans?: FoundationEscalationPlan[];

  /**
   * A chat channel to create, for the response plans, with the `ChatChannel` props.
   *
   * @default - none, unless `existingChatChannel` is given
   */
  readonly chatChannel?: ChatChannelProps;

  /**
   * A chat channel defined elsewhere, for the response plans.
   *
   * @default - none
   */
  readonly existingChatChannel?: IChatChannel;

  /**
   * Response plans. More can be added with `addResponsePlan`.
   *
   * @default - none
   */
  readonly responsePlans?: FoundationResponsePlan[];

  /**
   * Sharing of the response plans (and contacts) with other accounts through AWS RAM. Entries added
   * later with the add methods are shared too.
   *
   * @default - nothing is shared
   */
  readonly sharing?: FoundationSharing;

  /**
   * A post-incident analysis template, with the `PostIncidentAnalysisTemplate` props.
   *
   * @default - none
   */
  readonly analysisTemplate?: PostIncidentAnalysisTemplateProps;

  /**
   * A coverage check for every on-call schedule (an error when nobody is on call) and escalation plan
   * (a warning when the first stage pages nobody) the foundation creates.
   *
   * @default - no check
   */
  readonly coverage?: CoverageOptions;

  /**
   * Whether contacts, on-call schedules, escalation plans and response plans go into nested stacks,
   * one per group (each entry's `group`, or its kind's default group), so that large organizations stay
   * within CloudFormation's 500 resources per stack. The replication set, key, chat channel, share and
   * analysis template stay in this stack.
   *
   * Decide before the first deployment: turning it on or off later moves every entry to another
   * stack, which replaces it (its channels must be activated again).
   *
   * @default false
   */
  readonly nestedStacks?: boolean;
}

/**
 * Incident Manager, prepared in one construct, as the console's "Get prepared" wizard does it: the
 * replication set and its keys, contacts, on-call schedules and escalation plans, a chat channel,
 * response plans with runbooks, sharing with application accounts, and a post-incident analysis
 * template.
 *
 * Entries are plain values that refer to each other by alias; each kind of entry takes the options of
 * its construct (`ContactNameOptions`, `RotationOptions`, `ResponsePlanOptions`, ...). Everything the
 * foundation creates is a public property, and every piece can be given instead (`existing...`). Its
 * IAM is its own and least-privilege; stateful resources are retained, the replication set has
 * deletion protection, keys rotate, topic policies carry source-account conditions, and shares keep
 * external principals off.
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * new im.IncidentManagerFoundation(this, 'IncidentManager', {
 *   existingReplicationSet: im.ReplicationSet.fromReplicationSetArn(this, 'ReplicationSet',
 *     'arn:aws:ssm-incidents::111122223333:replication-set/40bd98f0-4110-2dee-b35e-b87006f9e172'),
 *   contacts: [{ alias: 'alice', displayName: 'Alice', email: 'alice@example.com', group: 'payments' }],
 *   nestedStacks: true,
 * });
 */
export class IncidentManagerFoundation extends Construct {
  /** The replication set, created or given. */
  public readonly replicationSet: IReplicationSet;
  /** The customer-managed key of the stack's Region, when the foundation created one. */
  public readonly key?: IncidentManagerKey;
  /** The people the foundation created. */
  public readonly contacts: Contact[] = [];
  /** The rotations of the on-call schedules. */
  public readonly rotations: Rotation[] = [];
  /** The on-call schedules. */
  public readonly onCallSchedules: OnCallSchedule[] = [];
  /** The escalation plans. */
  public readonly escalationPlans: EscalationPlan[] = [];
  /** The chat channel, created or given. */
  public readonly chatChannel?: IChatChannel;
  /** The response plans. */
  public readonly responsePlans: ResponsePlan[] = [];
  /** The resource share, when sharing is configured. */
  public readonly share?: IncidentManagerShare;
  /** The post-incident analysis template, when configured. */
  public readonly analysisTemplate?: PostIncidentAnalysisTemplate;

  private readonly placement: Placement;
  private readonly shareContacts: boolean;
  private readonly coverage?: CoverageOptions;
  private tokenEntries = 0;
  /** The response plan names given so far, with the entry that gave each. */
  private readonly planNames = new Map<string, string>();

  constructor(scope: Construct, id: string, props: IncidentManagerFoundationProps) {
    super(scope, id);
    requireProps(this, props, 'IncidentManagerFoundationProps', 'INPUT');
    this.placement = new Placement(this, props.nestedStacks ?? false);
    this.shareContacts = props.sharing?.shareContacts ?? true;
    this.coverage = props.coverage;
    validateStackLimits(this, HOW_TO_SPLIT);

    this.checkOptions(props);
    if (props.existingReplicationSet) {
      this.replicationSet = props.existingReplicationSet;
    } else {
      const { replicationSet, key } = this.defineReplicationSet(props);
      this.replicationSet = replicationSet;
      this.key = key;
    }

    for (const contact of props.existingContacts ?? []) {
      this.placement.register(contact.contactAlias, contact, this.entry('existingContacts'), undefined);
    }
    this.chatChannel =
      props.existingChatChannel ?? (props.chatChannel ? this.entry('chatChannel').define(() => new ChatChannel(this, 'ChatChannel', props.chatChannel)) : undefined);
    if (props.sharing) {
      const { shareContacts, ...shareOptions } = props.sharing;
      this.share = this.entry('sharing').define(() => new IncidentManagerShare(this, 'Share', shareOptions));
    }

    (props.contacts ?? []).forEach((c, i) => this.entry(`contacts[${i}]`).define((at) => this.defineContact(c, at)));
    (props.onCallSchedules ?? []).forEach((s, i) => this.entry(`onCallSchedules[${i}]`).define((at) => this.defineSchedule(s, at)));
    (props.escalationPlans ?? []).forEach((p, i) => this.entry(`escalationPlans[${i}]`).define((at) => this.defineEscalationPlan(p, at)));
    (props.responsePlans ?? []).forEach((p, i) => this.entry(`responsePlans[${i}]`).define((at) => this.defineResponsePlan(p, at)));

    if (props.analysisTemplate) {
      this.analysisTemplate = this.entry('analysisTemplate').define(() => new PostIncidentAnalysisTemplate(this, 'AnalysisTemplate', props.analysisTemplate!));
    }
  }

  /**
   * Adds a person, placed by its `group` like the people of `contacts`, and shared when the
   * foundation shares contacts.
   */
  public addContact(entry: FoundationContact): Contact {
    return this.added('addContact', entry?.alias).define((at) => this.defineContact(entry, at));
  }

  /**
   * Adds an on-call schedule whose rotations name people of the foundation by alias.
   */
  public addOnCallSchedule(entry: FoundationOnCallSchedule): OnCallSchedule {
    return this.added('addOnCallSchedule', entry?.alias).define((at) => this.defineSchedule(entry, at));
  }

  /**
   * Adds an escalation plan whose stages name contacts, schedules and earlier plans by alias.
   */
  public addEscalationPlan(entry: FoundationEscalationPlan): EscalationPlan {
    return this.added('addEscalationPlan', entry?.alias).define((at) => this.defineEscalationPlan(entry, at));
  }

  /**
   * Adds a response plan, which uses the foundation's chat channel (unless `useChatChannel: false`)
   * and is shared when the foundation shares.
   */
  public addResponsePlan(entry: FoundationResponsePlan): ResponsePlan {
    return this.added('addResponsePlan', entry?.responsePlanName).define((at) => this.defineResponsePlan(entry, at));
  }

  /**
   * The contact, on-call schedule or escalation plan with this alias, created or given.
   */
  public findContact(alias: string): IContact {
    const found = this.placement.find(alias);
    if (!found) {
      throw new IncidentManagerValidationError(this, 'an alias', alias, `be one of the foundation's contacts (${this.placement.aliases().join(', ') || 'none'})`, 'FOUNDATION');
    }
    return found;
  }

  /**
   * The construct id of an entry: its kind and alias or name, so that it stays put when other entries
   * come and go. A value only known at deploy time cannot be part of an id: such an entry is numbered
   * in the order of such entries.
   */
  private idFor(kind: string, name: string): string {
    return Token.isUnresolved(name) ? `${kind}-token-${++this.tokenEntries}` : `${kind}-${name}`;
  }

  /** The entry `path` of the props (`contacts[2]`, `sharing`). */
  private entry(path: string): EntryPath {
    return new EntryPath(this, path);
  }

  /** The entry given to the add method `method`, named in errors as the method was called: `addContact("alice")`. */
  private added(method: string, name: string | undefined): EntryPath {
    return new EntryPath(this, method, `${method}(${JSON.stringify(name)})`);
  }

  /** Props that would be silently ignored in combination are errors. */
  private checkOptions(props: IncidentManagerFoundationProps): void {
    const fail = (what: string, received: unknown, allowed: string) => {
      throw new IncidentManagerValidationError(this, what, received, allowed, 'FOUNDATION');
    };
    // From JavaScript, the lists and the enum are whatever was passed: jsii checks neither at run time.
    for (const list of ['regions', 'contacts', 'existingContacts', 'onCallSchedules', 'escalationPlans', 'responsePlans'] as const) {
      checkList(this, list, props[list], 'FOUNDATION');
      (props[list] as unknown[] | undefined)?.forEach((entry, i) => requireGiven(this, `${list}[${i}]`, entry, 'an entry', 'FOUNDATION'));
    }
    checkEnum(this, 'encryption', props.encryption, FoundationEncryption, 'FoundationEncryption', 'FOUNDATION');
    checkBoolean(this, 'nestedStacks', props.nestedStacks, 'FOUNDATION');
    checkConstruct(this, 'existingReplicationSet', props.existingReplicationSet, 'a replication set (ReplicationSet.fromReplicationSetArn or ReplicationSet.fromAccount)', 'FOUNDATION', false);
    (props.existingContacts ?? []).forEach((c, i) => checkConstruct(this, `existingContacts[${i}]`, c, 'a contact, on-call schedule or escalation plan (Contact.fromContactArn, say)', 'FOUNDATION'));
    for (const name of ['chatChannel', 'sharing', 'analysisTemplate', 'keyOptions'] as const) {
      checkMap(this, name, props[name], 'FOUNDATION', 'an object of options');
    }
    if (props.existingChatChannel !== undefined && typeof (props.existingChatChannel as any)?.bindToResponsePlan !== 'function') {
      fail('`existingChatChannel`', shown(kindOf(props.existingChatChannel)), 'be a ChatChannel, or another IChatChannel');
    }
    checkCoverageOptions(this, props.coverage);
    checkMap(this, 'regionKeys', props.regionKeys, 'FOUNDATION');
    // Incident Manager creates contacts, rotations and response plans only in a Region of the
    // replication set: the stack's Region must be one, which is an error of `regions` (or of the
    // existing set's `replicationRegions`), not of the first entry that would be created.
    const stackRegion = Stack.of(this).region;
    const setRegions = props.existingReplicationSet ? props.existingReplicationSet.replicationRegions : props.regions;
    const known = setRegions !== undefined && !Token.isUnresolved(setRegions) && !Token.isUnresolved(stackRegion) && setRegions.every((r) => typeof r === 'string' && !isUnresolved(r));
    const entries = [props.contacts, props.onCallSchedules, props.escalationPlans, props.responsePlans].some((list) => (list ?? []).length > 0);
    if (entries && known && setRegions!.length > 0 && !setRegions!.includes(stackRegion)) {
      fail(
        props.existingReplicationSet ? 'the Regions of `existingReplicationSet`' : '`regions`',
        setRegions,
        `include the stack's Region ${stackRegion}: Incident Manager creates contacts, rotations and response plans only in a Region of the replication set`,
      );
    }
    if (props.existingReplicationSet) {
      for (const [name, value] of [['regions', props.regions], ['encryption', props.encryption], ['regionKeys', props.regionKeys], ['keyOptions', props.keyOptions]] as const) {
        if (value !== undefined) {
          fail(`\`${name}\``, value, 'be left out with `existingReplicationSet` (they configure the replication set the foundation would create)');
        }
      }
    }
    if (props.regions !== undefined && Token.isUnresolved(props.regions)) {
      fail('`regions`', 'a list token', 'be a list of Region names: each Region becomes a Region configuration of its own, which CloudFormation cannot expand from a list parameter');
    }
    const regionKeys = Object.keys(props.regionKeys ?? {});
    if (props.encryption === FoundationEncryption.AWS_OWNED_KEY) {
      if (regionKeys.length > 0) {
        fail('`regionKeys`', regionKeys, 'be left out with `encryption: FoundationEncryption.AWS_OWNED_KEY` (an AWS owned key needs no key)');
      }
      if (props.keyOptions !== undefined) {
        fail('`keyOptions`', 'given', 'be left out with `encryption: FoundationEncryption.AWS_OWNED_KEY` (no key is created)');
      }
    }
    const regions = props.regions ?? [];
    const stray = regionKeys.filter((r) => !Token.isUnresolved(r) && !regions.some((region) => Token.isUnresolved(region) || region === r));
    if (stray.length > 0 && !props.existingReplicationSet) {
      fail('`regionKeys`', stray, `name only Regions of \`regions\` (${regions.join(', ') || 'none'})`);
    }
    if (props.chatChannel && props.existingChatChannel) {
      fail('`chatChannel` and `existingChatChannel`', 'both', 'be given one at a time');
    }
  }

  private defineReplicationSet(props: IncidentManagerFoundationProps): { replicationSet: ReplicationSet; key?: IncidentManagerKey } {
    const regions = props.regions ?? [];
    if (regions.length === 0) {
      throw new IncidentManagerValidationError(this, '`regions`', 'none', 'name 1 to 3 Regions, or give `existingReplicationSet`', 'FOUNDATION');
    }
    if ((props.encryption ?? FoundationEncryption.CUSTOMER_MANAGED_KEY) === FoundationEncryption.AWS_OWNED_KEY) {
      return { replicationSet: new ReplicationSet(this, 'ReplicationSet', { regions: regions.map((region) => ({ region })) }) };
    }
    const stackRegion = Stack.of(this).region;
    const given = props.regionKeys ?? {};
    const missing = regions.filter((r) => !given[r] && (Token.isUnresolved(stackRegion) || r !== stackRegion));
    if (missing.length > 0) {
      throw new IncidentManagerValidationError(
        this,
        '`regionKeys`',
        `no key for ${missing.join(', ')}`,
        `name a customer-managed key for every Region other than the stack's own (${Token.isUnresolved(stackRegion) ? 'the stack has no Region set' : stackRegion}): a KMS key stays in its Region, so define an IncidentManagerKey in a stack of that Region and pass it, or import it with kms.Key.fromKeyArn`,
        'FOUNDATION',
      );
    }
    const key = regions.includes(stackRegion) && !given[stackRegion] ? new IncidentManagerKey(this, 'Key', props.keyOptions) : undefined;
    const replicationSet = new ReplicationSet(this, 'ReplicationSet', {
      regions: regions.map((region) => ({ region, key: given[region] ?? key })),
    });
    return { replicationSet, key };
  }

  private defineContact(entry: FoundationContact, at: EntryPath): Contact {
    requireGiven(this, at.at(), entry, 'a contact entry', 'FOUNDATION');
    checkList(this, at.at('engagementPlan'), entry.engagementPlan, 'FOUNDATION');
    this.placement.checkAliasFree(entry.alias, at, 'alias');
    const options = { deferActivation: entry.deferActivation };
    const channels = new Map<ContactChannelType, ContactChannel>();
    if (entry.email) channels.set(ContactChannelType.EMAIL, ContactChannel.email(entry.email, options));
    if (entry.sms) channels.set(ContactChannelType.SMS, ContactChannel.sms(entry.sms, options));
    if (entry.voice) channels.set(ContactChannelType.VOICE, ContactChannel.voice(entry.voice, options));
    if (channels.size === 0) {
      at.fail(undefined, entry.alias, 'have at least one of email, sms and voice');
    }
    if (entry.callAfter !== undefined) {
      // The wait is the first stage's duration: 0 to 30 whole minutes (SSM Contacts API, Stage.DurationInMinutes),
      // said of `callAfter`, which the user wrote.
      minutesWithin(this, at.at('callAfter'), entry.callAfter, 0, 30, 'FOUNDATION');
    }
    const stages = entry.engagementPlan ? this.engagementPlanOf(entry, channels, at) : defaultEngagementPlan(entry, channels, at);
    const contact = new Contact(this.placement.scopeFor('contacts', entry.group, at), this.idFor('Contact', entry.alias), {
      alias: entry.alias,
      displayName: entry.displayName,
      removalPolicy: entry.removalPolicy,
      replicationSet: this.replicationSet,
      channels: [...channels.values()],
      engagementPlan: stages,
    });
    this.placement.register(entry.alias, contact, at, 'alias');
    this.contacts.push(contact);
    if (this.share && this.shareContacts) this.share.addContact(contact);
    return contact;
  }

  private engagementPlanOf(entry: FoundationContact, channels: Map<ContactChannelType, ContactChannel>, at: EntryPath): EngagementStage[] {
    if (entry.callAfter !== undefined) {
      at.fail('callAfter', entry.callAfter.toHumanString(), 'be left out with `engagementPlan` (it shapes only the default plan)');
    }
    return entry.engagementPlan!.map((stage, i) => {
      const plan = `engagementPlan[${i}]`;
      requireGiven(this, at.at(plan), stage, 'a stage with `channels` or `channelTargets`', 'FOUNDATION');
      checkList(this, at.at(`${plan}.channels`), stage.channels, 'FOUNDATION');
      checkList(this, at.at(`${plan}.channelTargets`), stage.channelTargets, 'FOUNDATION');
      const channelOf = (type: ContactChannelType, path: string) => {
        const channel = channels.get(type);
        if (!channel) {
          at.fail(`${plan}.${path}`, type, `be a channel the person has (${[...channels.keys()].join(', ')})`);
        }
        return channel;
      };
      return {
        duration: stage.duration,
        retryInterval: stage.retryInterval,
        channels: (stage.channels ?? []).map((type, j) => channelOf(type, `channels[${j}]`)),
        channelTargets: stage.channelTargets?.map((target, j) => ({
          channel: channelOf(target.channel, `channelTargets[${j}].channel`),
          retryInterval: target.retryInterval,
        })),
      };
    });
  }

  private defineSchedule(entry: FoundationOnCallSchedule, at: EntryPath): OnCallSchedule {
    requireGiven(this, at.at(), entry, 'an on-call schedule entry', 'FOUNDATION');
    checkCount(this, at.at('rotations'), entry.rotations, 1, 8, 'rotations', 'FOUNDATION');
    entry.rotations.forEach((r, i) => {
      requireGiven(this, at.at(`rotations[${i}]`), r, 'a rotation entry', 'FOUNDATION');
      checkCount(this, at.at(`rotations[${i}].contacts`), r.contacts, 1, 30, 'aliases', 'FOUNDATION');
    });
    this.placement.checkAliasFree(entry.alias, at, 'alias');
    const scope = this.placement.scopeFor('schedules', entry.group, at);
    const rotations = entry.rotations.map((r, i) => {
      const dependencies: IContact[] = [];
      const { contacts, ...options } = r;
      const rotation = new Rotation(scope, `${this.idFor('Rotation', entry.alias)}-${i + 1}`, {
        ...options,
        replicationSet: this.replicationSet,
        contacts: contacts.map((alias, j) => this.placement.reference(alias, at, `rotations[${i}].contacts[${j}]`, scope, dependencies, true)),
      });
      if (dependencies.length > 0) rotation.node.addDependency(...dependencies);
      return rotation;
    });
    this.rotations.push(...rotations);
    const schedule = new OnCallSchedule(scope, this.idFor('OnCallSchedule', entry.alias), {
      alias: entry.alias,
      displayName: entry.displayName,
      removalPolicy: entry.removalPolicy,
      replicationSet: this.replicationSet,
      rotations,
      coverage: this.coverage,
    });
    this.placement.register(entry.alias, schedule, at, 'alias');
    this.onCallSchedules.push(schedule);
    if (this.share && this.shareContacts) this.share.addContact(schedule);
    return schedule;
  }

  private defineEscalationPlan(entry: FoundationEscalationPlan, at: EntryPath): EscalationPlan {
    requireGiven(this, at.at(), entry, 'an escalation plan entry', 'FOUNDATION');
    checkCount(this, at.at('stages'), entry.stages, 1, Number.MAX_SAFE_INTEGER, 'stages', 'FOUNDATION');
    entry.stages.forEach((stage, i) => {
      requireGiven(this, at.at(`stages[${i}]`), stage, 'a stage with a `duration`', 'FOUNDATION');
      checkList(this, at.at(`stages[${i}].targets`), stage.targets, 'FOUNDATION');
      checkList(this, at.at(`stages[${i}].nonEssentialTargets`), stage.nonEssentialTargets, 'FOUNDATION');
    });
    this.placement.checkAliasFree(entry.alias, at, 'alias');
    const scope = this.placement.scopeFor('escalationPlans', entry.group, at);
    const dependencies: IContact[] = [];
    const target = (alias: string, prop: string, essential: boolean) => ({
      contact: this.placement.reference(alias, at, prop, scope, dependencies),
      acknowledgementStopsPlan: essential,
    });
    const plan = new EscalationPlan(scope, this.idFor('EscalationPlan', entry.alias), {
      alias: entry.alias,
      displayName: entry.displayName,
      removalPolicy: entry.removalPolicy,
      replicationSet: this.replicationSet,
      coverage: this.coverage,
      stages: entry.stages.map((stage, i) => ({
        duration: stage.duration,
        targets: [
          ...(stage.targets ?? []).map((alias, j) => target(alias, `stages[${i}].targets[${j}]`, true)),
          ...(stage.nonEssentialTargets ?? []).map((alias, j) => target(alias, `stages[${i}].nonEssentialTargets[${j}]`, false)),
        ],
      })),
    });
    if (dependencies.length > 0) plan.node.addDependency(...dependencies);
    this.placement.register(entry.alias, plan, at, 'alias');
    this.escalationPlans.push(plan);
    if (this.share && this.shareContacts) this.share.addContact(plan);
    return plan;
  }

  private defineResponsePlan(entry: FoundationResponsePlan, at: EntryPath): ResponsePlan {
    requireGiven(this, at.at(), entry, 'a response plan entry', 'FOUNDATION');
    checkList(this, at.at('engagements'), entry.engagements, 'FOUNDATION');
    checkBoolean(this, at.at('useChatChannel'), entry.useChatChannel, 'FOUNDATION');
    if (entry.responsePlanName === undefined) {
      at.fail('responsePlanName', undefined, 'be given: the foundation names and places the plan by it');
    }
    checkString(this, at.at('responsePlanName'), entry.responsePlanName, { code: 'RESPONSE_PLAN_NAME' });
    // Response plan names are unique per account: a second plan of the same name is this prop's error,
    // not the clash of the construct ids the foundation derives from the name.
    const earlier = this.planNames.get(entry.responsePlanName);
    if (earlier !== undefined) {
      at.fail(
        'responsePlanName',
        entry.responsePlanName,
        `be unique among the foundation's response plans (${earlier} has it too): response plan names are unique per account`,
        'RESPONSE_PLAN_NAME_UNIQUE',
      );
    }
    if (!Token.isUnresolved(entry.responsePlanName)) this.planNames.set(entry.responsePlanName, at.path);
    if (entry.useChatChannel === true && !this.chatChannel) {
      at.fail('useChatChannel', true, 'be left out unless the foundation has a chat channel (`chatChannel` or `existingChatChannel`)');
    }
    const scope = this.placement.scopeFor('responsePlans', entry.group, at);
    const dependencies: IContact[] = [];
    const { engagements, useChatChannel, group, ...options } = entry;
    const plan = new ResponsePlan(scope, this.idFor('ResponsePlan', entry.responsePlanName), {
      ...options,
      replicationSet: this.replicationSet,
      engagements: (engagements ?? []).map((alias, j) => this.placement.reference(alias, at, `engagements[${j}]`, scope, dependencies)),
      chatChannel: useChatChannel ?? true ? this.chatChannel : undefined,
    });
    if (dependencies.length > 0) plan.node.addDependency(...dependencies);
    this.responsePlans.push(plan);
    this.share?.addResponsePlan(plan);
    return plan;
  }
}

/**
 * The default engagement plan of a person: e-mail and SMS at once, then a call `callAfter` later
 * (only a call, or only e-mail and SMS, when that is all the person has).
 */
function defaultEngagementPlan(entry: FoundationContact, channels: Map<ContactChannelType, ContactChannel>, at: EntryPath): EngagementStage[] {
  const instant = [channels.get(ContactChannelType.EMAIL), channels.get(ContactChannelType.SMS)].filter((c): c is ContactChannel => !!c);
  const voice = channels.get(ContactChannelType.VOICE);
  if (entry.callAfter !== undefined && !voice) {
    at.fail('callAfter', entry.callAfter.toHumanString(), 'be given only with `voice` (it is how long Incident Manager waits before it calls)');
  }
  if (entry.callAfter !== undefined && instant.length === 0) {
    at.fail('callAfter', entry.callAfter.toHumanString(), 'be given only with `email` or `sms` as well (it is the wait after those before the call)');
  }
  const stages: EngagementStage[] = [];
  if (instant.length > 0) {
    stages.push({ channels: instant, duration: voice ? entry.callAfter ?? Duration.minutes(5) : Duration.minutes(0) });
  }
  if (voice) {
    stages.push({ channels: [voice] });
  }
  return stages;
}

