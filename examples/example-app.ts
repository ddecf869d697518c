import { App, Duration, Stack, StackProps, TimeZone, aws_cloudwatch as cloudwatch, aws_events as events } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  DayOfWeek,
  DynamicParameterValue,
  IResponsePlan,
  Impact,
  IncidentManagerFoundation,
  IncidentManagerKey,
  ResponsePlan,
  ResponsePlanAlarmAction,
  ResponsePlanTarget,
  RotationRecurrence,
  RotationStart,
  Runbook,
} from '../src';

/** The operations (management) account, which owns Incident Manager. Replace it with yours. */
export const OPERATIONS_ACCOUNT = '111122223333';
/** An application account, whose alarms and events start incidents. Replace it with yours. */
export const APPLICATION_ACCOUNT = '444455556666';
export const PRIMARY_REGION = 'us-east-1';
export const SECONDARY_REGION = 'us-west-2';
export const CRITICAL_PLAN = 'checkout-critical';

/**
 * The key for the replication set's second Region. A KMS key lives in one Region, so it is defined
 * in a stack of that Region.
 */
export class SecondaryRegionKeyStack extends Stack {
  public readonly key: IncidentManagerKey;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.key = new IncidentManagerKey(this, 'Key', { alias: 'incident-manager' });
  }
}

export interface OperationsStackProps extends StackProps {
  /** The customer-managed key of the secondary Region. */
  readonly secondaryRegionKey: IncidentManagerKey;
}

/**
 * The operations account's Incident Manager, in one construct: a replication set over two Regions
 * with a customer-managed key in each; three people; an on-call schedule with a primary and a
 * secondary weekly rotation; an escalation plan that pages the schedule first and the team lead after
 * 15 minutes; a chat channel; a critical response plan that engages the escalation plan, posts to the
 * chat channel and runs a runbook; and a share of all of it with the application account.
 */
export class OperationsStack extends Stack {
  public readonly foundation: IncidentManagerFoundation;

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props);

    // Shifts hand off on Monday morning; the secondary runs the same people in the opposite order.
    const weeklyOnMonday = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });
    const start = RotationStart.fromIsoString('2027-01-04T09:00');

    this.foundation = new IncidentManagerFoundation(this, 'IncidentManager', {
      regions: [PRIMARY_REGION, SECONDARY_REGION],
      regionKeys: { [SECONDARY_REGION]: props.secondaryRegionKey },
      contacts: [
        { alias: 'alice', displayName: 'Alice Rivera', email: 'alice@example.com', sms: '+12065550100', voice: '+12065550100' },
        { alias: 'bob', displayName: 'Bob Chen', email: 'bob@example.com', sms: '+12065550101' },
        { alias: 'team-lead', displayName: 'Team Lead', email: 'lead@example.com', voice: '+12065550102' },
      ],
      onCallSchedules: [
        {
          alias: 'sre-oncall',
          displayName: 'SRE on call',
          rotations: [
            { contacts: ['alice', 'bob'], startTime: start, timeZone: TimeZone.AMERICA_LOS_ANGELES, recurrence: weeklyOnMonday },
            { contacts: ['bob', 'alice'], startTime: start, timeZone: TimeZone.AMERICA_LOS_ANGELES, recurrence: weeklyOnMonday },
          ],
        },
      ],
      escalationPlans: [
        {
          alias: 'sre-escalation',
          displayName: 'SRE escalation',
          stages: [
            { duration: Duration.minutes(15), targets: ['sre-oncall'] },
            { duration: Duration.minutes(0), targets: ['team-lead'] },
          ],
        },
      ],
      chatChannel: {},
      responsePlans: [
        {
          responsePlanName: CRITICAL_PLAN,
          title: 'Checkout is failing',
          impact: Impact.CRITICAL,
          summary: 'Customers cannot complete checkout.',
          dedupeString: CRITICAL_PLAN,
          incidentTags: { service: 'checkout' },
          engagements: ['sre-escalation'],
          runbook: {
            runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate'),
            dynamicParameters: { IncidentRecordArn: DynamicParameterValue.INCIDENT_RECORD_ARN },
          },
        },
      ],
      sharing: { accounts: [APPLICATION_ACCOUNT] },
    });

    startIncidents(this, this.foundation.responsePlans[0]);
  }
}

/**
 * An application account: its alarm and its EventBridge rule start incidents with the response plan
 * the operations account shares with it.
 */
export class ApplicationStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const shared = ResponsePlan.fromResponsePlanArn(
      this,
      'SharedCriticalPlan',
      `arn:aws:ssm-incidents::${OPERATIONS_ACCOUNT}:response-plan/${CRITICAL_PLAN}`,
    );
    startIncidents(this, shared);
  }
}

/** An alarm on checkout errors, and AWS Health events about the services checkout runs on. */
function startIncidents(scope: Construct, plan: IResponsePlan): void {
  const errors = new cloudwatch.Metric({ namespace: 'Checkout', metricName: 'Errors', period: Duration.minutes(1), statistic: 'Sum' });
  new cloudwatch.Alarm(scope, 'CheckoutErrors', {
    metric: errors,
    threshold: 10,
    evaluationPeriods: 3,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new ResponsePlanAlarmAction(plan));

  new events.Rule(scope, 'HealthEvents', {
    eventPattern: { source: ['aws.health'], detailType: ['AWS Health Event'], detail: { service: ['EC2', 'RDS'] } },
    targets: [new ResponsePlanTarget(plan)],
  });
}

/** Defines the example's stacks in `app`. */
export function defineExampleApp(app: App): { keys: SecondaryRegionKeyStack; operations: OperationsStack; application: ApplicationStack } {
  const keys = new SecondaryRegionKeyStack(app, 'IncidentManagerKey-us-west-2', {
    env: { account: OPERATIONS_ACCOUNT, region: SECONDARY_REGION },
    crossRegionReferences: true,
  });
  const operations = new OperationsStack(app, 'IncidentManager', {
    env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION },
    crossRegionReferences: true,
    secondaryRegionKey: keys.key,
  });
  const application = new ApplicationStack(app, 'Application', {
    env: { account: APPLICATION_ACCOUNT, region: PRIMARY_REGION },
  });
  return { keys, operations, application };
}
