import { Duration } from 'aws-cdk-lib';
import { ContactChannelType, EngagementStageOptions } from '../contact';
import { ContactNameOptions } from '../contact-base';
import { EscalationStageOptions } from '../escalation-plan';
import { ResponsePlanOptions } from '../response-plan';
import { RotationOptions } from '../rotation';
import { IncidentManagerShareOptions } from '../share';

/*
 * The foundation's entries: the L2s' own options (shared base interfaces), with aliases where an L2
 * takes a construct, and the group that places the entry. A prop added to an L2's options reaches the
 * foundation without a copy here.
 */

/**
 * Where an entry goes. With `nestedStacks: true` on the foundation, entries of the same group share a
 * nested stack (the group's name is the nested stack's id), whatever their kind, and an entry's stack
 * depends only on its own group: adding, removing or reordering other entries moves nothing.
 */
export interface FoundationGroupOptions {
  /**
   * The group (a team, say) whose nested stack the entry goes into: 1 to 64 letters, digits and `-`,
   * starting with a letter or digit. Ignored without `nestedStacks` (with a warning).
   *
   * Choose names that last: moving an entry to another group moves it to another stack, which replaces
   * it. To keep entries where earlier versions of this library placed them, name that nested stack
   * (`Contacts2`, `Schedules1`, ...).
   *
   * @default - the default group of the entry's kind: `Contacts1`, `Schedules1`, `EscalationPlans1` or `ResponsePlans1`
   */
  readonly group?: string;
}

/**
 * One stage of a person's engagement plan, by channel type.
 */
export interface FoundationEngagementStage extends EngagementStageOptions {
  /**
   * The person's channels the stage engages (`EMAIL`, `SMS`, `VOICE`; each must be given on the
   * person), each retried at the stage's `retryInterval`. None, here and in `channelTargets`, makes the
   * stage a wait.
   *
   * @default - none
   */
  readonly channels?: ContactChannelType[];

  /**
   * Channels the stage engages with a retry interval of their own, after those of `channels`, in order.
   *
   * @default - none
   */
  readonly channelTargets?: FoundationChannelTarget[];
}

/**
 * A channel of an engagement plan stage, by type, with a retry interval of its own.
 */
export interface FoundationChannelTarget {
  /** The channel (`EMAIL`, `SMS`, `VOICE`; it must be given on the person). */
  readonly channel: ContactChannelType;

  /**
   * How long Incident Manager waits before it tries this channel again when the engagement failed:
   * a whole number of minutes from 0 to 60.
   *
   * @default - the stage's `retryInterval`
   */
  readonly retryInterval?: Duration;
}

/**
 * A person, as plain values.
 */
export interface FoundationContact extends ContactNameOptions, FoundationGroupOptions {
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
   * Whether each channel's activation code is sent later instead of when the channel is created.
   * @default false
   */
  readonly deferActivation?: boolean;
  /**
   * With the default engagement plan: how long Incident Manager waits after engaging e-mail and SMS
   * before it calls. Only with `voice` and `email` or `sms`, and not with `engagementPlan`.
   * @default Duration.minutes(5)
   */
  readonly callAfter?: Duration;
  /**
   * The person's engagement plan, by channel type.
   * @default - e-mail and SMS at once, then a call after `callAfter`
   */
  readonly engagementPlan?: FoundationEngagementStage[];
}

/**
 * A rotation of an on-call schedule: the rotation's options, with its people by alias.
 */
export interface FoundationRotation extends RotationOptions {
  /** The aliases of the people who take shifts, in order: 1 to 30. */
  readonly contacts: string[];
}

/**
 * An on-call schedule, as plain values.
 */
export interface FoundationOnCallSchedule extends ContactNameOptions, FoundationGroupOptions {
  /** The schedule's rotations: up to 8. None gives a schedule that engages nobody (the library warns). */
  readonly rotations: FoundationRotation[];
}

/**
 * A stage of an escalation plan, with its targets by alias.
 */
export interface FoundationEscalationStage extends EscalationStageOptions {
  /**
   * The aliases of the people, on-call schedules and earlier escalation plans the stage engages,
   * whose acknowledgement stops the plan.
   * @default - none
   */
  readonly targets?: string[];
  /**
   * The aliases of targets that are engaged but whose acknowledgement does not stop the plan.
   * @default - none
   */
  readonly nonEssentialTargets?: string[];
}

/**
 * An escalation plan, as plain values.
 */
export interface FoundationEscalationPlan extends ContactNameOptions, FoundationGroupOptions {
  /** The stages, in order. None gives a plan that engages nobody (the library warns). */
  readonly stages: FoundationEscalationStage[];
}

/**
 * A response plan: the plan's options, with its engagements by alias. The foundation needs
 * `responsePlanName`: it names the plan's construct.
 */
export interface FoundationResponsePlan extends ResponsePlanOptions, FoundationGroupOptions {
  /**
   * The aliases of the contacts, on-call schedules and escalation plans to engage: up to 5.
   * @default - none
   */
  readonly engagements?: string[];
  /**
   * Whether the plan posts to the foundation's chat channel.
   * @default true when the foundation has a chat channel
   */
  readonly useChatChannel?: boolean;
}

/**
 * Whom the foundation shares its response plans (and contacts) with: the share's options.
 */
export interface FoundationSharing extends IncidentManagerShareOptions {
  /**
   * Whether contacts, on-call schedules and escalation plans are shared too, so that application
   * accounts can see and start engagements.
   * @default true
   */
  readonly shareContacts?: boolean;
}
