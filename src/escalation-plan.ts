import { Annotations, Duration, aws_ssmcontacts as ssmcontacts } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ContactBase, ContactNameOptions, IContact } from './contact-base';
import { combine } from './on-call/combine';
import { addCoverageCheck, describeGaps } from './on-call/coverage';
import { checkInstant } from './on-call/instants';
import type { ScheduleShifts } from './on-call/schedules';
import { CoverageOptions } from './on-call/types';
import { defineContactResource, definedContact, importContactArn } from './private/contacts';
import { Stack, Token } from './private/core';
import { IncidentManagerValidationError } from './private/errors';
import { checkBoolean, checkConstruct, checkRemovalPolicy, requireGiven, requireProps } from './private/inputs';
import { applyRemovalPolicy } from './private/removal';
import { checkCount, minutesWithin } from './private/validate';
import { warnAtSynthesis } from './private/warnings';
import type { ReplicationSetOptions } from './replication-set';

/**
 * A contact that a stage of an escalation plan engages.
 */
export interface EscalationTarget {
  /**
   * The contact to engage: a personal contact or an on-call schedule of the plan's own account.
   * Another escalation plan is accepted with a warning (AWS documents only contacts and on-call
   * schedules as a stage's escalation channels), and escalation plans that engage each other in a
   * cycle are an error.
   */
  readonly contact: IContact;

  /**
   * Whether this contact's acknowledgement stops the plan from moving on to its next stages.
   *
   * @default true
   */
  readonly acknowledgementStopsPlan?: boolean;
}

/**
 * The timing of one stage of an escalation plan.
 */
export interface EscalationStageOptions {
  /**
   * How long the stage lasts before the next stage starts: a whole number of minutes from 0 to 30,
   * and more than 0 when the stage engages no one.
   */
  readonly duration: Duration;
}

/**
 * One stage of an escalation plan.
 */
export interface EscalationStage extends EscalationStageOptions {
  /**
   * The contacts the stage engages when it starts.
   *
   * @default - none: the stage only waits for `duration`
   */
  readonly targets?: EscalationTarget[];
}

/**
 * Properties of an `EscalationPlan`.
 */
export interface EscalationPlanProps extends ContactNameOptions, ReplicationSetOptions {
  /**
   * The stages, in the order Incident Manager runs them. More can be added with `addStage`. A plan
   * without stages engages nobody: the API and CloudFormation allow it (API Plan: Stages not
   * required), so it synthesizes with a warning.
   *
   * @default - none
   */
  readonly stages?: EscalationStage[];

  /**
   * A check, at synthesis, that the first stage pages someone at every moment of the coming weeks
   * (following its on-call schedules): with `requireFullCoverage`, a warning gives the times when it
   * would page nobody.
   *
   * @default - no check
   */
  readonly coverage?: CoverageOptions;
}

const STAGE_MINUTES = { min: 0, max: 30 };

/** The page that says what a stage engages. */
const ESCALATION_PAGE = 'https://docs.aws.amazon.com/incident-manager/latest/userguide/escalation.html';

/**
 * An escalation plan: stages that engage personal contacts and on-call schedules in turn until
 * someone acknowledges.
 *
 * The stages are an `AWS::SSMContacts::Plan` of their own, not the contact's inline plan: the plan
 * then depends on the contacts it names, but no contact depends on another, so escalation plans that
 * name each other never form a CloudFormation dependency cycle.
 *
 * @resource AWS::SSMContacts::Contact
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/escalation.html
 *
 * @example
 * import { Duration } from 'aws-cdk-lib';
 * import * as im from 'cdk-incident-manager';
 *
 * declare const schedule: im.OnCallSchedule;
 * declare const lead: im.Contact;
 * new im.EscalationPlan(this, 'Escalation', {
 *   alias: 'sre-escalation',
 *   displayName: 'SRE escalation',
 *   stages: [
 *     { duration: Duration.minutes(15), targets: [{ contact: schedule }] },
 *     { duration: Duration.minutes(0), targets: [{ contact: lead }] },
 *   ],
 * });
 */
export class EscalationPlan extends ContactBase {
  /**
   * Imports an escalation plan by ARN (`arn:<partition>:ssm-contacts:<region>:<account>:contact/<alias>`).
   */
  public static fromEscalationPlanArn(scope: Construct, id: string, escalationPlanArn: string): IContact {
    return importContactArn(scope, id, escalationPlanArn);
  }

  /** @attribute */
  public readonly contactArn: string;
  /** @attribute */
  public readonly contactAlias: string;

  private readonly renderedStages: ssmcontacts.CfnPlan.StageProperty[] = [];
  private readonly plan: ssmcontacts.CfnPlan;
  private readonly escalationTargets: EscalationPlan[] = [];
  private readonly stageTargets: IContact[][] = [];

  constructor(scope: Construct, id: string, props: EscalationPlanProps) {
    super(scope, id);
    requireProps(this, props, 'EscalationPlanProps (alias, displayName, stages)', 'INPUT');
    checkRemovalPolicy(this, 'removalPolicy', props.removalPolicy, 'CONTACT_ALIAS');
    checkCount(this, 'stages', props.stages ?? [], 0, Number.MAX_SAFE_INTEGER, 'stages', 'ESCALATION_PLAN');
    const resource = defineContactResource(this, props, 'ESCALATION');
    this.contactArn = resource.attrArn;
    this.contactAlias = props.alias;

    // Its stages are written with each stage addStage adds.
    this.plan = new ssmcontacts.CfnPlan(this, 'Plan', { contactId: this.contactArn, stages: [] });
    applyRemovalPolicy(this, this.plan, props.removalPolicy);

    for (const stage of props.stages ?? []) {
      this.addStage(stage);
    }
    warnAtSynthesis(this, 'cdk-incident-manager:EscalationPlan.noStages', () =>
      this.renderedStages.length === 0 ? 'The escalation plan has no stages, so it engages nobody. Add one with `stages` or addStage.' : undefined,
    );
    this.node.addValidation({ validate: () => this.findCycle() });
    addCoverageCheck(
      this,
      props.coverage,
      () => this._latestStart([]),
      (from, to) => (this.stageTargets.length === 0 ? [] : combine(this._stagePieces(0, from, to, []), from, to).gaps),
      (gaps, period) => {
        const schedule = this.stageTargets[0].map(scheduleOf).find((x) => x !== undefined);
        Annotations.of(this).addWarningV2(
          'cdk-incident-manager:EscalationPlan.firstStageGap',
          `The first stage pages nobody at some times of the ${period}: ${describeGaps(gaps, schedule ? schedule._firstTimeZone : 'UTC')}. Incidents then wait for the second stage.`,
        );
      },
    );
  }

  /**
   * The contacts stage `stage` (0 is the first) pages at `at`: its contacts, the contacts on call in
   * its on-call schedules, and what the first stage of an escalation plan it engages pages.
   */
  public pagedAt(at: Date, stage?: number): IContact[] {
    const ms = checkInstant(this, 'at', at);
    const index = stage ?? 0;
    if (!Number.isInteger(index) || index < 0 || index >= this.stageTargets.length) {
      throw new IncidentManagerValidationError(this, '`stage`', index, `be a stage of the plan, 0 to ${this.stageTargets.length - 1}`, 'ESCALATION_PLAN');
    }
    const paged: IContact[] = [];
    for (const piece of this._stagePieces(index, ms, ms + 1, [])) {
      for (const c of piece.members) if (!paged.includes(c)) paged.push(c);
    }
    return paged;
  }

  /**
   * The latest start of the rotations the first stage follows (through its on-call schedules and the
   * first stages of the escalation plans it engages). @internal
   */
  public _latestStart(seen: EscalationPlan[]): number | undefined {
    if (seen.includes(this)) return undefined;
    const starts = (this.stageTargets[0] ?? []).map((target) => {
      const schedule = scheduleOf(target);
      if (schedule) return schedule._latestStart();
      return definedContact<EscalationPlan>(target, 'ESCALATION')?._latestStart([...seen, this]);
    });
    const known = starts.filter((s): s is number => s !== undefined);
    return known.length > 0 ? Math.max(...known) : undefined;
  }

  /** @internal */
  public _stagePieces(stage: number, from: number, to: number, seen: EscalationPlan[]): Array<{ start: number; end: number; members: IContact[] }> {
    if (seen.includes(this)) return []; // a cycle, which synthesis refuses (findCycle)
    return (this.stageTargets[stage] ?? []).flatMap((target) => {
      const schedule = scheduleOf(target);
      if (schedule) return schedule._pieces(from, to);
      const plan = definedContact<EscalationPlan>(target, 'ESCALATION');
      if (plan) return plan._stagePieces(0, from, to, [...seen, this]);
      return [{ start: from, end: to, members: [target] }];
    });
  }

  /**
   * Adds a stage at the end of the plan.
   */
  public addStage(stage: EscalationStage): void {
    const index = this.renderedStages.length;
    requireGiven(this, `stages[${index}]`, stage, 'a stage with a `duration`', 'ESCALATION_PLAN');
    checkCount(this, `stages[${index}].targets`, stage.targets ?? [], 0, Number.MAX_SAFE_INTEGER, 'targets', 'ESCALATION_PLAN');
    (stage.targets ?? []).forEach((t, i) => {
      requireGiven(this, `stages[${index}].targets[${i}]`, t, 'a target with a `contact`', 'ESCALATION_PLAN');
      checkConstruct(this, `stages[${index}].targets[${i}].contact`, t.contact, 'a contact, on-call schedule or escalation plan', 'ESCALATION_PLAN');
      checkBoolean(this, `stages[${index}].targets[${i}].acknowledgementStopsPlan`, t.acknowledgementStopsPlan, 'ESCALATION_PLAN');
    });
    const targets = stage.targets ?? [];
    // Incident Manager accepts a 0-minute stage only when it engages someone.
    const minimum = targets.length === 0 ? 1 : STAGE_MINUTES.min;
    const duration = minutesWithin(this, `stages[${index}].duration`, stage.duration, minimum, STAGE_MINUTES.max, 'ESCALATION_PLAN', targets.length === 0 ? ' when the stage has no targets' : '');
    targets.forEach((target, i) => this.checkTarget(target.contact, `stages[${index}].targets[${i}]`));

    this.stageTargets.push(targets.map((t) => t.contact));
    this.renderedStages.push({
      durationInMinutes: duration,
      targets: targets.map((target) => ({
        contactTargetInfo: {
          contactId: target.contact.contactArn,
          isEssential: target.acknowledgementStopsPlan ?? true,
        },
      })),
    });
    this.plan.stages = [...this.renderedStages];
  }

  /** Throws when an engagement cycle passes through this plan (A engages B engages A). */
  private findCycle(): string[] {
    const path: EscalationPlan[] = [];
    const visit = (plan: EscalationPlan): EscalationPlan[] | undefined => {
      if (plan === this && path.length > 0) {
        return [...path, plan];
      }
      if (path.includes(plan)) {
        return undefined; // a cycle that does not pass through this plan is reported by its own plans
      }
      path.push(plan);
      for (const next of plan.escalationTargets) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
      path.pop();
      return undefined;
    };
    const cycle = visit(this);
    if (!cycle) {
      return [];
    }
    throw new IncidentManagerValidationError(
      this,
      'the stages',
      cycle.map((p) => p.contactAlias).join(' -> '),
      'not form an engagement cycle of escalation plans (each plan would engage the other again and again)',
      'ESCALATION_CYCLE',
    );
  }

  private checkTarget(contact: IContact, where: string): void {
    if (contact === this || contact.node === this.node) {
      throw new IncidentManagerValidationError(this, `\`${where}\``, this.node.path, 'name a contact other than the plan itself', 'ESCALATION_PLAN');
    }
    const plan = definedContact<EscalationPlan>(contact, 'ESCALATION');
    if (plan) {
      this.escalationTargets.push(plan);
      // The user guide ("Working with escalation plans", Stages) says a stage engages a contact or an
      // on-call schedule, and documents no escalation plan as a target. The API's ContactTargetInfo
      // takes any contact ARN, so this is not refused, but it is not AWS's documented use.
      Annotations.of(this).addWarningV2(
        'cdk-incident-manager:EscalationPlan.targetsEscalationPlan',
        `${where} engages the escalation plan ${plan.node.path}: AWS documents a stage's escalation channel as a contact or an on-call schedule (${ESCALATION_PAGE}), not an escalation plan. Prefer engaging that plan's contacts and schedules directly.`,
      );
    }
    const account = Stack.of(this).account;
    const targetAccount = contact.env.account;
    if (!Token.isUnresolved(account) && !Token.isUnresolved(targetAccount) && account !== targetAccount) {
      throw new IncidentManagerValidationError(
        this,
        `\`${where}\``,
        `a contact of account ${targetAccount} (${contact.node.path})`,
        `be a contact of the plan's own account ${account} (escalation plans engage only contacts of their account)`,
        'ESCALATION_PLAN',
      );
    }
  }
}

/** The on-call schedule defined in this app that `contact` is, with its shifts. */
function scheduleOf(contact: IContact): ScheduleShifts | undefined {
  return definedContact<IContact & ScheduleShifts>(contact, 'ONCALL_SCHEDULE');
}
