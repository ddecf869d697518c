import { aws_cloudwatch as cloudwatch, aws_events as events, aws_iam as iam, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IResponsePlan } from './response-plan';

/**
 * A CloudWatch alarm action that starts an incident with a response plan: one of this app, an
 * imported one, or one shared from another account.
 *
 * Unlike aws-cdk-lib's `SsmIncidentAction`, which builds the ARN from a name and the alarm's own
 * account, the action is the plan's own ARN, so a plan shared from another account works.
 */
export class ResponsePlanAlarmAction implements cloudwatch.IAlarmAction {
  constructor(private readonly responsePlan: IResponsePlan) {}

  public bind(_scope: Construct, _alarm: cloudwatch.IAlarm): cloudwatch.AlarmActionConfig {
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
 * An EventBridge rule target that starts an incident with a response plan.
 */
export class ResponsePlanTarget implements events.IRuleTarget {
  constructor(private readonly responsePlan: IResponsePlan, private readonly props: ResponsePlanTargetProps = {}) {}

  public bind(rule: events.IRule, _id?: string): events.RuleTargetConfig {
    const role = this.props.role ?? ruleRole(rule);
    this.responsePlan.grantStartIncident(role);
    // No `targetResource`: a plan shared from another account is a direct target of this account's rule
    // (Incident Manager accepts it), not a reason to route events to the other account's event bus.
    return { arn: this.responsePlan.responsePlanArn, role };
  }
}

/** The rule's one role for starting incidents, created on first use. */
function ruleRole(rule: events.IRule): iam.IRole {
  const id = 'StartIncidentRole';
  const existing = rule.node.tryFindChild(id) as iam.IRole | undefined;
  if (existing) {
    return existing;
  }
  return new iam.Role(rule as unknown as Construct, id, {
    description: 'Lets EventBridge start incidents with the response plans this rule targets',
    assumedBy: new iam.ServicePrincipal('events.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(rule).account } },
    }),
  });
}
