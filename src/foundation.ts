import { Duration, Resource, Stack, TimeZone, Token, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PostIncidentAnalysisTemplate } from './analysis-template';
import { ChatChannel, ChatChannelProps } from './chat-channel';
import { Contact, ContactChannel } from './contact';
import { IContact } from './contact-base';
import { EscalationPlan } from './escalation-plan';
import { IncidentManagerKey } from './incident-manager-key';
import { OnCallSchedule } from './on-call-schedule';
import { CONTACT, formatArn } from './private/arns';
import { IncidentManagerValidationError, isValidationError } from './private/errors';
import { LimitedNestedStack, validateStackLimits } from './private/stack-limits';
import { IReplicationSet, ReplicationSet } from './replication-set';
import { Impact, PagerDutyIntegration, ResponsePlan, RunbookAction } from './response-plan';
import { Rotation, RotationRecurrence, RotationStart, ShiftCoverage } from './rotation';
import { IncidentManagerShare } from './share';

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
 * A person, as plain values.
 */
export interface FoundationContact {
  /** The contact's alias; other entries of the foundation refer to the contact by it. */
  readonly alias: string;
  /** The contact's full name. */
  readonly displayName: string;
  /**
   * An e-mail address.
   * @default - no e-mail channel
   */
  readonly email?: string;
  /**
   * A mobile number for text messages (E.164).
   * @default - no SMS channel
   */
  readonly sms?: string;
  /**
   * A phone number for voice calls (E.164).
   * @default - no voice channel
   */
  readonly voice?: string;
  /**
   * How long Incident Manager waits after engaging e-mail and SMS before it calls.
   * @default Duration.minutes(5)
   */
  readonly callAfter?: Duration;
}

/**
 * A rotation of an on-call schedule, as plain values.
 */
export interface FoundationRotation {
  /** The aliases of the contacts who take shifts, in order. */
  readonly contacts: string[];
  /** When the rotation starts. */
  readonly startTime: RotationStart;
  /** The rotation's time zone. */
  readonly timeZone: TimeZone;
  /** How often shifts hand off. */
  readonly recurrence: RotationRecurrence;
  /**
   * The hours of each day the rotation is on call.
   * @default - around the clock
   */
  readonly shiftCoverage?: ShiftCoverage[];
}

/**
 * An on-call schedule, as plain values.
 */
export interface FoundationOnCallSchedule {
  /** The schedule's alias; escalation plans and response plans refer to it by it. */
  readonly alias: string;
  /** The schedule's name. */
  readonly displayName: string;
  /** The schedule's rotations: 1 to 8. */
  readonly rotations: FoundationRotation[];
}

/**
 * A stage of an escalation plan, as plain values.
 */
export interface FoundationEscalationStage {
  /** How long the stage lasts before the next one starts: 0 to 30 minutes. */
  readonly duration: Duration;
  /**
   * The aliases of the contacts, on-call schedules or earlier escalation plans the stage engages.
   * Each one's acknowledgement stops the plan.
   * @default - none: the stage only waits
   */
  readonly targets?: string[];
}

/**
 * An escalation plan, as plain values.
 */
export interface FoundationEscalationPlan {
  /** The plan's alias; response plans and later escalation plans refer to it by it. */
  readonly alias: string;
  /** The plan's name. */
  readonly displayName: string;
  /** The stages, in order. */
  readonly stages: FoundationEscalationStage[];
}

/**
 * A response plan, as plain values.
 */
export interface FoundationResponsePlan {
  /** The plan's name. */
  readonly responsePlanName: string;
  /** The title of its incidents. */
  readonly title: string;
  /** The impact of its incidents. */
  readonly impact: Impact;
  /**
   * A summary of the incident.
   * @default - none
   */
  readonly summary?: string;
  /**
   * Incidents with the same dedupe string are merged.
   * @default - no deduplication
   */
  readonly dedupeString?: string;
  /**
   * Tags of the incident records.
   * @default - none
   */
  readonly incidentTags?: { [key: string]: string };
  /**
   * The aliases of the contacts, on-call schedules and escalation plans to engage: up to 5.
   * @default - none
   */
  readonly engagements?: string[];
  /**
   * The runbook to start.
   * @default - none
   */
  readonly runbook?: RunbookAction;
  /**
   * A PagerDuty service that gets a matching incident.
   * @default - none
   */
  readonly pagerDuty?: PagerDutyIntegration;
  /**
   * Whether the plan posts to the foundation's chat channel.
   * @default true when the foundation has a chat channel
   */
  readonly useChatChannel?: boolean;
}

/**
 * Whom the foundation shares its response plans and contacts with.
 */
export interface FoundationSharing {
  /**
   * Account IDs.
   * @default - none
   */
  readonly accounts?: string[];
  /**
   * Organizational unit ARNs.
   * @default - none
   */
  readonly organizationalUnitArns?: string[];
  /**
   * The organization's ARN.
   * @default - not the whole organization
   */
  readonly organizationArn?: string;
  /**
   * Whether accounts outside the organization may be principals.
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;
  /**
   * Whether contacts, on-call schedules and escalation plans are shared too, so that application
   * accounts can see and start engagements.
   * @default true
   */
  readonly shareContacts?: boolean;
}

/**
 * A post-incident analysis template, as plain values.
 */
export interface FoundationAnalysisTemplate {
  /** The template's name. */
  readonly templateName: string;
  /** The template's JSON content. */
  readonly content: any;
}

/**
 * Properties of an `IncidentManagerFoundation`.
 */
export interface IncidentManagerFoundationProps {
  /**
   * The Regions of the replication set: 1 to 3 (2 or more recommended). Required unless
   * `existingReplicationSet` is given.
   *
   * @default - none
   */
  readonly regions?: string[];

  /**
   * How the replication set is encrypted.
   *
   * @default FoundationEncryption.CUSTOMER_MANAGED_KEY
   */
  readonly encryption?: FoundationEncryption;

  /**
   * Customer-managed keys by Region. Every Region other than the stack's needs one (a KMS key stays in
   * its Region); the stack's Region gets an `IncidentManagerKey` unless it is given here.
   *
   * @default - only the stack's Region's key, created
   */
  readonly regionKeys?: { [region: string]: kms.IKey };

  /**
   * The account's replication set, when it already has one: none is created.
   *
   * @default - a replication set is created
   */
  readonly existingReplicationSet?: IReplicationSet;

  /**
   * People, with their channels. Each gets an engagement plan that engages e-mail and SMS at once
   * and calls after `callAfter`.
   *
   * @default - none
   */
  readonly contacts?: FoundationContact[];

  /**
   * Contacts, schedules and escalation plans defined elsewhere, referred to by alias.
   *
   * @default - none
   */
  readonly existingContacts?: IContact[];

  /**
   * On-call schedules.
   *
   * @default - none
   */
  readonly onCallSchedules?: FoundationOnCallSchedule[];

  /**
   * Escalation plans. A stage may name escalation plans listed before it.
   *
   * @default - none
   */
  readonly escalationPlans?: FoundationEscalationPlan[];

  /**
   * A chat channel to create, for the response plans.
   *
   * @default - none, unless `existingChatChannel` is given
   */
  readonly chatChannel?: ChatChannelProps;

  /**
   * A chat channel defined elsewhere, for the response plans.
   *
   * @default - none
   */
  readonly existingChatChannel?: ChatChannel;

  /**
   * Response plans.
   *
   * @default - none
   */
  readonly responsePlans?: FoundationResponsePlan[];

  /**
   * Sharing of the response plans (and contacts) with other accounts through AWS RAM.
   *
   * @default - nothing is shared
   */
  readonly sharing?: FoundationSharing;

  /**
   * A post-incident analysis template.
   *
   * @default - none
   */
  readonly analysisTemplate?: FoundationAnalysisTemplate;

  /**
   * Whether contacts, on-call schedules, escalation plans and response plans go into nested stacks
   * (a fixed number of each per nested stack, in the order given), so that large organizations stay
   * within CloudFormation's 500 resources per stack. The replication set, keys, chat channel, share
   * and analysis template stay in this stack.
   *
   * Decide before the first deployment: turning it on or off later moves every contact to another
   * stack, which replaces it (its channels must be activated again). Append new entries at the end
   * of their list, so that existing ones keep their nested stack.
   *
   * @default false
   */
  readonly nestedStacks?: boolean;
}

/** How many of each kind one nested stack holds: its largest possible cost within 450 resources. */
const PER_NESTED_STACK = {
  /** A contact is at most 5 resources: the contact, 3 channels and its engagement plan. */
  contacts: 90,
  /** A schedule is at most 9 resources: the schedule and 8 rotations. */
  schedules: 50,
  /** An escalation plan is 2 resources: the contact and its plan. */
  escalationPlans: 225,
  /** A response plan is at most 3 resources: the plan, its runbook role and the role's policy. */
  responsePlans: 150,
};

const HOW_TO_SPLIT =
  'set `nestedStacks: true` on the IncidentManagerFoundation to spread contacts, schedules and plans over nested stacks, or move other resources to another stack';

/**
 * Incident Manager, prepared in one construct, as the console's "Get prepared" wizard does it: the
 * replication set and its keys, contacts, on-call schedules and escalation plans, a chat channel,
 * response plans with runbooks, sharing with application accounts, and a post-incident analysis
 * template.
 *
 * Everything it creates is a public property, and every piece can be given instead (`existing...`).
 * Its IAM is its own and least-privilege; stateful resources are retained, the replication set has
 * deletion protection, keys rotate, topic policies carry source-account conditions, and shares keep
 * external principals off.
 */
export class IncidentManagerFoundation extends Construct {
  /** The replication set, created or given. */
  public readonly replicationSet: IReplicationSet;
  /** The customer-managed key of the stack's Region, when the foundation created one. */
  public readonly key?: IncidentManagerKey;
  /** The people. */
  public readonly contacts: Contact[] = [];
  /** The rotations of the on-call schedules. */
  public readonly rotations: Rotation[] = [];
  /** The on-call schedules. */
  public readonly onCallSchedules: OnCallSchedule[] = [];
  /** The escalation plans. */
  public readonly escalationPlans: EscalationPlan[] = [];
  /** The chat channel, created or given. */
  public readonly chatChannel?: ChatChannel;
  /** The response plans. */
  public readonly responsePlans: ResponsePlan[] = [];
  /** The resource share, when sharing is configured. */
  public readonly share?: IncidentManagerShare;
  /** The post-incident analysis template, when configured. */
  public readonly analysisTemplate?: PostIncidentAnalysisTemplate;

  private readonly byAlias = new Map<string, { readonly construct: IContact; readonly personal: boolean }>();
  private readonly nested: boolean;
  private readonly nestedStacks = new Map<string, Construct>();
  private readonly arnReferences = new Map<string, IContact>();

  constructor(scope: Construct, id: string, props: IncidentManagerFoundationProps) {
    super(scope, id);
    this.nested = props.nestedStacks ?? false;
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
      this.register(contact.contactAlias, contact, 'existingContacts', false);
    }
    (props.contacts ?? []).forEach((c, i) => this.within(`contacts[${i}]`, () => this.defineContact(c, i)));
    (props.onCallSchedules ?? []).forEach((s, i) => this.within(`onCallSchedules[${i}]`, () => this.defineSchedule(s, i)));
    (props.escalationPlans ?? []).forEach((p, i) => this.within(`escalationPlans[${i}]`, () => this.defineEscalationPlan(p, i)));

    this.chatChannel =
      props.existingChatChannel ?? (props.chatChannel ? this.within('chatChannel', () => new ChatChannel(this, 'ChatChannel', props.chatChannel)) : undefined);

    (props.responsePlans ?? []).forEach((p, i) => this.within(`responsePlans[${i}]`, () => this.defineResponsePlan(p, i)));

    if (props.sharing) {
      this.share = this.within('sharing', () => this.defineShare(props.sharing!));
    }
    if (props.analysisTemplate) {
      this.analysisTemplate = this.within('analysisTemplate', () => new PostIncidentAnalysisTemplate(this, 'AnalysisTemplate', props.analysisTemplate!));
    }
  }

  /**
   * Runs `define` for the entry `where` of the props, so that an error of a construct the foundation
   * creates names the foundation prop the user wrote (`contacts[2]`), with the rule's code kept.
   */
  private within<T>(where: string, define: () => T): T {
    try {
      return define();
    } catch (error) {
      if (isValidationError(error) && !error.message.startsWith('in `')) {
        error.message = `in \`${where}\` of the foundation ${this.node.path}: ${error.message}`;
      }
      throw error;
    }
  }

  /** Props that would be silently ignored in combination are errors. */
  private checkOptions(props: IncidentManagerFoundationProps): void {
    const fail = (what: string, received: unknown, allowed: string) => {
      throw new IncidentManagerValidationError(this, what, received, allowed, 'FOUNDATION');
    };
    if (props.existingReplicationSet) {
      for (const [name, value] of [['regions', props.regions], ['encryption', props.encryption], ['regionKeys', props.regionKeys]] as const) {
        if (value !== undefined) {
          fail(`\`${name}\``, value, 'be left out with `existingReplicationSet` (they configure the replication set the foundation would create)');
        }
      }
    }
    if (props.regions !== undefined && Token.isUnresolved(props.regions)) {
      fail('`regions`', 'a list token', 'be a list of Region names: each Region becomes a Region configuration of its own, which CloudFormation cannot expand from a list parameter');
    }
    const regionKeys = Object.keys(props.regionKeys ?? {});
    if (regionKeys.length > 0 && props.encryption === FoundationEncryption.AWS_OWNED_KEY) {
      fail('`regionKeys`', regionKeys, 'be left out with `encryption: FoundationEncryption.AWS_OWNED_KEY` (an AWS owned key needs no key)');
    }
    const regions = props.regions ?? [];
    const stray = regionKeys.filter((r) => !Token.isUnresolved(r) && !regions.some((region) => Token.isUnresolved(region) || region === r));
    if (stray.length > 0 && !props.existingReplicationSet) {
      fail('`regionKeys`', stray, `name only Regions of \`regions\` (${regions.join(', ') || 'none'})`);
    }
    if (props.chatChannel && props.existingChatChannel) {
      fail('`chatChannel` and `existingChatChannel`', 'both', 'be given one at a time');
    }
    const hasChat = !!(props.chatChannel || props.existingChatChannel);
    (props.responsePlans ?? []).forEach((plan, i) => {
      if (plan.useChatChannel === true && !hasChat) {
        fail(`\`responsePlans[${i}].useChatChannel\``, true, 'be left out unless the foundation has a chat channel (`chatChannel` or `existingChatChannel`)');
      }
    });
    (props.contacts ?? []).forEach((contact, i) => {
      if (contact.callAfter !== undefined && !contact.voice) {
        fail(`\`contacts[${i}].callAfter\``, contact.callAfter.toHumanString(), 'be given only with `voice` (it is how long Incident Manager waits before it calls)');
      }
      if (contact.callAfter !== undefined && !contact.email && !contact.sms) {
        fail(`\`contacts[${i}].callAfter\``, contact.callAfter.toHumanString(), 'be given only with `email` or `sms` as well (it is the wait after those before the call)');
      }
    });
  }

  /**
   * The contact, on-call schedule or escalation plan with this alias, created or given.
   */
  public findContact(alias: string): IContact {
    const entry = this.byAlias.get(alias);
    if (!entry) {
      throw new IncidentManagerValidationError(this, 'an alias', alias, `be one of the foundation's contacts (${[...this.byAlias.keys()].join(', ') || 'none'})`, 'FOUNDATION');
    }
    return entry.construct;
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
    const key = regions.includes(stackRegion) && !given[stackRegion] ? new IncidentManagerKey(this, 'Key') : undefined;
    const replicationSet = new ReplicationSet(this, 'ReplicationSet', {
      regions: regions.map((region) => ({ region, key: given[region] ?? key })),
    });
    return { replicationSet, key };
  }

  private checkAliasFree(alias: string, where: string): void {
    if (this.byAlias.has(alias)) {
      throw new IncidentManagerValidationError(this, `\`${where}\``, alias, 'use an alias no other contact, schedule or plan of the foundation uses', 'CONTACT_ALIAS_UNIQUE');
    }
  }

  private register(alias: string, contact: IContact, where: string, personal: boolean): void {
    this.checkAliasFree(alias, where);
    this.byAlias.set(alias, { construct: contact, personal });
  }

  /**
   * The contact with `alias`, for use in `scope`. In one stack that is the contact itself. Across
   * nested stacks it is a reference whose ARN is built from the alias (contact ARNs are
   * deterministic), so that no stack outputs are needed; the contact is then added to `dependencies`
   * and the caller makes the consumer depend on it explicitly.
   */
  private reference(alias: string, where: string, scope: Construct, dependencies: IContact[], personalOnly = false): IContact {
    const entry = this.byAlias.get(alias);
    if (!entry || (personalOnly && !entry.personal)) {
      const known = [...this.byAlias.entries()].filter(([, e]) => !personalOnly || e.personal).map(([a]) => a);
      throw new IncidentManagerValidationError(
        this,
        `\`${where}\``,
        alias,
        `name ${personalOnly ? 'a person' : 'a contact, on-call schedule or escalation plan'} defined before it (known: ${known.join(', ') || 'none'})`,
        'FOUNDATION',
      );
    }
    const target = entry.construct;
    if (!this.nested || !Resource.isOwnedResource(target) || Stack.of(target) === Stack.of(scope)) {
      return target;
    }
    dependencies.push(target);
    const key = `${Stack.of(scope).node.addr}/${alias}`;
    let reference = this.arnReferences.get(key);
    if (!reference) {
      const contactArn = formatArn(scope, CONTACT, alias);
      // A plain object, not a construct: thousands of references cost no constructs in the tree.
      reference = {
        contactArn,
        contactAlias: alias,
        node: target.node,
        stack: Stack.of(scope),
        env: target.env,
        applyRemovalPolicy: () => undefined,
        grantEngage: (grantee) => target.grantEngage(grantee),
      };
      this.arnReferences.set(key, reference);
    }
    return reference;
  }

  /** Where the next entry of `kind` goes: this construct, or the nested stack with room for it. */
  private scopeFor(kind: keyof typeof PER_NESTED_STACK, index: number): Construct {
    if (!this.nested) {
      return this;
    }
    const name = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${Math.floor(index / PER_NESTED_STACK[kind]) + 1}`;
    let stack = this.nestedStacks.get(name);
    if (!stack) {
      stack = new LimitedNestedStack(this, name, HOW_TO_SPLIT);
      this.nestedStacks.set(name, stack);
    }
    return stack;
  }

  private defineContact(props: FoundationContact, index: number): void {
    const where = `contacts[${index}]`;
    this.checkAliasFree(props.alias, `${where}.alias`);
    const instant = [props.email && ContactChannel.email(props.email), props.sms && ContactChannel.sms(props.sms)].filter(
      (c): c is ContactChannel => !!c,
    );
    const voice = props.voice ? ContactChannel.voice(props.voice) : undefined;
    const stages = [];
    if (instant.length > 0) {
      stages.push({ channels: instant, duration: voice ? props.callAfter ?? Duration.minutes(5) : Duration.minutes(0) });
    }
    if (voice) {
      stages.push({ channels: [voice] });
    }
    if (stages.length === 0) {
      throw new IncidentManagerValidationError(this, `\`${where}\``, props.alias, 'have at least one of email, sms and voice', 'FOUNDATION');
    }
    const contact = new Contact(this.scopeFor('contacts', index), idFor('Contact', props.alias, index), {
      alias: props.alias,
      displayName: props.displayName,
      channels: [...instant, ...(voice ? [voice] : [])],
      engagementPlan: stages,
    });
    this.register(props.alias, contact, `${where}.alias`, true);
    this.contacts.push(contact);
  }

  private defineSchedule(props: FoundationOnCallSchedule, index: number): void {
    this.checkAliasFree(props.alias, `onCallSchedules[${index}].alias`);
    const scope = this.scopeFor('schedules', index);
    const rotations = props.rotations.map((r, i) => {
      const dependencies: IContact[] = [];
      const rotation = new Rotation(scope, `${idFor('Rotation', props.alias, index)}-${i + 1}`, {
        contacts: r.contacts.map((alias, j) =>
          this.reference(alias, `onCallSchedules[${index}].rotations[${i}].contacts[${j}]`, scope, dependencies, true),
        ),
        startTime: r.startTime,
        timeZone: r.timeZone,
        recurrence: r.recurrence,
        shiftCoverage: r.shiftCoverage,
      });
      if (dependencies.length > 0) rotation.node.addDependency(...dependencies);
      return rotation;
    });
    this.rotations.push(...rotations);
    const schedule = new OnCallSchedule(scope, idFor('OnCallSchedule', props.alias, index), { alias: props.alias, displayName: props.displayName, rotations });
    this.register(props.alias, schedule, `onCallSchedules[${index}].alias`, false);
    this.onCallSchedules.push(schedule);
  }

  private defineEscalationPlan(props: FoundationEscalationPlan, index: number): void {
    this.checkAliasFree(props.alias, `escalationPlans[${index}].alias`);
    const scope = this.scopeFor('escalationPlans', index);
    const dependencies: IContact[] = [];
    const plan = new EscalationPlan(scope, idFor('EscalationPlan', props.alias, index), {
      alias: props.alias,
      displayName: props.displayName,
      stages: props.stages.map((stage, i) => ({
        duration: stage.duration,
        targets: (stage.targets ?? []).map((alias, j) => ({
          contact: this.reference(alias, `escalationPlans[${index}].stages[${i}].targets[${j}]`, scope, dependencies),
        })),
      })),
    });
    plan.node.addDependency(...dependencies);
    this.register(props.alias, plan, `escalationPlans[${index}].alias`, false);
    this.escalationPlans.push(plan);
  }

  private defineResponsePlan(props: FoundationResponsePlan, index: number): void {
    const useChat = props.useChatChannel ?? true;
    const scope = this.scopeFor('responsePlans', index);
    const dependencies: IContact[] = [];
    const plan = new ResponsePlan(scope, idFor('ResponsePlan', props.responsePlanName, index), {
      responsePlanName: props.responsePlanName,
      title: props.title,
      impact: props.impact,
      summary: props.summary,
      dedupeString: props.dedupeString,
      incidentTags: props.incidentTags,
      engagements: (props.engagements ?? []).map((alias, j) => this.reference(alias, `responsePlans[${index}].engagements[${j}]`, scope, dependencies)),
      runbook: props.runbook,
      pagerDuty: props.pagerDuty,
      chatChannel: useChat ? this.chatChannel : undefined,
    });
    plan.node.addDependency(...dependencies);
    this.responsePlans.push(plan);
  }

  private defineShare(props: FoundationSharing): IncidentManagerShare {
    const contacts = props.shareContacts ?? true ? [...this.contacts, ...this.onCallSchedules, ...this.escalationPlans] : [];
    return new IncidentManagerShare(this, 'Share', {
      responsePlans: this.responsePlans,
      contacts,
      accounts: props.accounts,
      organizationalUnitArns: props.organizationalUnitArns,
      organizationArn: props.organizationArn,
      allowExternalPrincipals: props.allowExternalPrincipals,
    });
  }
}

/**
 * The construct id of an entry: its kind and alias or name, so that it stays put when other entries
 * come and go. A value only known at deploy time cannot be part of an id: such an entry is numbered.
 */
function idFor(kind: string, name: string, index: number): string {
  return Token.isUnresolved(name) ? `${kind}-${index + 1}` : `${kind}-${name}`;
}
