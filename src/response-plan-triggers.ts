import { aws_cloudwatch as cloudwatch, aws_events as events, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Stack, Token } from './private/core';
import { IncidentManagerValidationError, shown } from './private/errors';
import { checkConstruct, kindOf } from './private/inputs';
import { eventsRoleOf } from './private/rules';
import { IResponsePlan } from './response-plan';

/**
 * A CloudWatch alarm action that starts an incident with a response plan: one of this app, an
 * imported one, or one shared from another account.
 *
 * Unlike aws-cdk-lib's `SsmIncidentAction`, which builds the ARN from a name and the alarm's own
 * account, the action is the plan's own ARN, so a plan shared from another account works.
 * @example
 * import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
 * import * as im from 'cdk-incident-manager';
 *
 * declare const alarm: cloudwatch.Alarm;
 * const shared = im.ResponsePlan.fromResponsePlanArn(this, 'Critical',
 *   'arn:aws:ssm-incidents::111122223333:response-plan/checkout-critical');
 * alarm.addAlarmAction(new im.ResponsePlanAlarmAction(shared));
 *
 */
export class ResponsePlanAlarmAction implements cloudwatch.IAlarmAction {
  constructor(private readonly responsePlan: IResponsePlan) {}

  public bind(scope: Construct, alarm: cloudwatch.IAlarm): cloudwatch.AlarmActionConfig {
    checkPlan(Construct.isConstruct(alarm) ? alarm : scope, 'the response plan of a ResponsePlanAlarmAction', this.responsePlan);
    return { alarmActionArn: this.responsePlan.responsePlanArn };
  }
}

/**
 * Properties of a `ResponsePlanTarget`.
 */
export interface ResponsePlanTargetProps {
  /**
   * The role EventBridge uses to start the incident. It is granted `ssm-incidents:StartIncident` on the
   * plan.
   *
   * @default - one role per rule, assumable by events.amazonaws.com for this account, that may start
   * incidents with exactly the plans the rule targets
   */
  readonly role?: iam.IRole;
}

/**
 * An EventBridge rule target that starts an incident with a response plan of the rule's own account.
 *
 * EventBridge's documented cross-account targets are event buses (and, in some Regions, a few other
 * types), not Incident Manager: a rule in an application account cannot start an incident with a
 * plan shared from the operations account. The Incident Manager user guide ("Working with Incident
 * Manager across accounts and Regions") forwards such events to an event bus of the operations
 * account, whose rule targets the plan. A plan of another account is therefore an error; an alarm
 * action (`ResponsePlanAlarmAction`) does work with a shared plan.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html
 *
 * @example
 * import * as events from 'aws-cdk-lib/aws-events';
 * import * as im from 'cdk-incident-manager';
 *
 * declare const plan: im.ResponsePlan;
 * new events.Rule(this, 'HealthEvents', {
 *   eventPattern: { source: ['aws.health'] },
 *   targets: [new im.ResponsePlanTarget(plan)],
 * });
 */
export class ResponsePlanTarget implements events.IRuleTarget {
  constructor(private readonly responsePlan: IResponsePlan, private readonly props: ResponsePlanTargetProps = {}) {}

  public bind(rule: events.IRule, _id?: string): events.RuleTargetConfig {
    checkPlan(rule, 'the response plan of a ResponsePlanTarget', this.responsePlan);
    checkConstruct(rule, 'role of a ResponsePlanTarget', this.props?.role, 'an IAM role', 'RULE_TARGET', false);
    const ruleAccount = Stack.of(rule).account;
    const planAccount = this.responsePlan.env.account;
    if (!Token.isUnresolved(ruleAccount) && !Token.isUnresolved(planAccount) && ruleAccount !== planAccount) {
      throw new IncidentManagerValidationError(
        rule,
        'the response plan of a ResponsePlanTarget',
        `${this.responsePlan.responsePlanArn} of account ${planAccount}`,
        `be a plan of the rule's own account ${ruleAccount}: EventBridge cannot target Incident Manager in another account. Forward the events to an event bus of account ${planAccount} and target the plan there, or use a CloudWatch alarm with ResponsePlanAlarmAction`,
        'RULE_TARGET',
      );
    }
    const roleAccount = this.props?.role?.env.account;
    if (roleAccount !== undefined && !Token.isUnresolved(roleAccount) && !Token.isUnresolved(ruleAccount) && roleAccount !== ruleAccount) {
      // EventBridge assumes a target's role in the rule's own account: the rule's creator passes it
      // (iam:PassRole, which passes only roles of the caller's account), and a role of another account
      // cannot be a rule target's RoleArn (EventBridge user guide, "Using IAM roles with targets").
      throw new IncidentManagerValidationError(
        rule,
        '`role` of a ResponsePlanTarget',
        `${this.props.role!.roleArn} of account ${roleAccount}`,
        `be a role of the rule's own account ${ruleAccount} (EventBridge uses a target role of the rule's account; leave it out and the target creates one)`,
        'RULE_TARGET',
      );
    }
    const role = this.props?.role ?? ruleRole(rule);
    this.responsePlan.grantStartIncident(role);
    return { arn: this.responsePlan.responsePlanArn, role };
  }
}

/** The rule's one role for starting incidents, created on first use. */
function ruleRole(rule: events.IRule): iam.IRole {
  return eventsRoleOf(rule, 'StartIncidentRole', 'Lets EventBridge start incidents with the response plans this rule targets');
}

/** The plan of a trigger: a response plan, defined here or imported (from JavaScript, anything can come). */
function checkPlan(scope: Construct, what: string, plan: IResponsePlan): void {
  if (typeof (plan as any)?.responsePlanArn !== 'string') {
    throw new IncidentManagerValidationError(scope, what, shown(kindOf(plan)), `be ${plan === undefined ? 'given: ' : ''}a response plan (ResponsePlan, or one imported with ResponsePlan.fromResponsePlanArn)`, 'RULE_TARGET');
  }
}
