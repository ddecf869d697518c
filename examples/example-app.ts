import { App, ArnFormat, Duration, Stack, StackProps, TimeZone, aws_cloudwatch as cloudwatch, aws_events as events, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  DayOfWeek,
  IResponsePlan,
  Impact,
  IncidentManagerApplicationAccount,
  IncidentManagerFoundation,
  IncidentManagerNag,
  IncidentManagerOperationsAccount,
  ReplicationSet,
  ResponsePlanAlarmAction,
  ResponsePlanTarget,
  RotationRecurrence,
  RotationStart,
  Runbook,
  RunbookTargetAccount,
} from '../src';

/** The operations (management) account, which owns Incident Manager. Replace it with yours. */
export const OPERATIONS_ACCOUNT = '111122223333';
/** An application account, whose alarms and events start incidents. Replace it with yours. */
export const APPLICATION_ACCOUNT = '444455556666';
export const PRIMARY_REGION = 'us-east-1';
export const SECONDARY_REGION = 'us-west-2';
export const CRITICAL_PLAN = 'checkout-critical';
/** A plan whose runbook runs in the application account where the incident happened. */
export const RESTART_PLAN = 'checkout-restart';
/**
 * The runbook that plan runs (AWS owned, so every account has it). It requires `InstanceId`, the
 * identifier of the DB instance to reboot, which no value Incident Manager fills in gives (those are
 * ARNs): the plan names the checkout database, whose identifier its team chose.
 */
export const RESTART_RUNBOOK = 'AWS-RebootRdsInstance';
/** The identifier of the checkout database in the application account. Replace it with yours. */
export const CHECKOUT_DB_INSTANCE = 'checkout';

/**
 * The operations account's Incident Manager, in one construct, on the account's existing replication
 * set (every account that can still use Incident Manager has one, made in the console); three people; an on-call schedule with a primary and a
 * secondary weekly rotation; an escalation plan that pages the schedule first and the team lead after
 * 15 minutes; a chat channel; a critical response plan that engages the escalation plan, posts to the
 * chat channel and runs a runbook; and a share of all of it with the application account.
 */
export class OperationsStack extends Stack {
  public readonly foundation: IncidentManagerFoundation;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    // Shifts hand off on Monday morning; the secondary runs the same people in the opposite order.
    const weeklyOnMonday = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });
    const start = RotationStart.fromIsoString('2027-01-04T09:00');

    this.foundation = new IncidentManagerFoundation(this, 'IncidentManager', {
      // The account's replication set, as the console made it: nothing to create, nothing to wait for.
      existingReplicationSet: ReplicationSet.fromAccount(this, 'ReplicationSet', { replicationRegions: [PRIMARY_REGION, SECONDARY_REGION] }),
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
          // AWS's template runbook, started without parameters: a parameter the document does not
          // declare would make every start fail.
          runbook: { runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate') },
        },
        {
          responsePlanName: RESTART_PLAN,
          title: 'The checkout database is unhealthy',
          impact: Impact.HIGH,
          engagements: ['sre-oncall'],
          runbook: {
            runbook: Runbook.awsOwned(RESTART_RUNBOOK),
            // Every parameter the runbook requires gets a value; a missing one fails synthesis.
            parameters: { InstanceId: [CHECKOUT_DB_INSTANCE] },
            targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT,
            impactedAccounts: [APPLICATION_ACCOUNT],
          },
        },
      ],
      sharing: { accounts: [APPLICATION_ACCOUNT] },
    });

    const critical = this.foundation.responsePlans[0];
    alarmOnCheckoutErrors(this, critical);
    // AWS Health events of this account start incidents directly: EventBridge targets Incident
    // Manager only in the rule's own account.
    new events.Rule(this, 'HealthEvents', {
      eventPattern: HEALTH_EVENTS,
      targets: [new ResponsePlanTarget(critical)],
    });

    // The application accounts' side meets this one by values: account IDs, plan names, the bus name.
    const crossAccount = new IncidentManagerOperationsAccount(this, 'CrossAccount', { applicationAccounts: [APPLICATION_ACCOUNT] });
    crossAccount.startIncidentsFromEvents('ApplicationHealthEvents', { responsePlan: critical, eventPattern: HEALTH_EVENTS });

    // For cdk-nag (README, "cdk-nag"): acknowledges the wildcards AWS leaves no narrower choice for.
    IncidentManagerNag.acknowledgeWildcards(this);
  }
}

/** AWS Health events about EC2 and RDS. */
const HEALTH_EVENTS: events.EventPattern = { source: ['aws.health'], detailType: ['AWS Health Event'], detail: { service: ['EC2', 'RDS'] } };

/**
 * An application account: its alarm starts incidents with the response plan the operations account
 * shares with it, its AWS Health events go to the operations account's event bus, and the restart
 * plan's runbook runs here with the execution role.
 */
export class ApplicationStack extends Stack {
  public readonly incidentManager: IncidentManagerApplicationAccount;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.incidentManager = new IncidentManagerApplicationAccount(this, 'IncidentManager', {
      operationsAccount: OPERATIONS_ACCOUNT,
      // The Region of the operations account's event bus (its IncidentManagerOperationsAccount).
      operationsRegion: PRIMARY_REGION,
      runbookResponsePlans: [RESTART_PLAN],
    });
    this.incidentManager.grantRunbook(Runbook.awsOwned(RESTART_RUNBOOK));
    // What AWS-RebootRdsInstance does: read the DB instance's state, reboot it, and wait until it is
    // available again; on the checkout database only.
    this.incidentManager.executionRole!.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['rds:DescribeDBInstances', 'rds:RebootDBInstance'],
        resources: [this.formatArn({ service: 'rds', resource: 'db', resourceName: CHECKOUT_DB_INSTANCE, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    );
    this.incidentManager.forwardEvents('HealthEvents', { eventPattern: HEALTH_EVENTS });
    alarmOnCheckoutErrors(this, this.incidentManager.responsePlan(CRITICAL_PLAN));

    // For cdk-nag (README, "cdk-nag"): acknowledges the wildcards AWS leaves no narrower choice for.
    IncidentManagerNag.acknowledgeWildcards(this);
  }
}

/** An alarm on checkout errors that starts an incident with `plan`. */
function alarmOnCheckoutErrors(scope: Construct, plan: IResponsePlan): void {
  const errors = new cloudwatch.Metric({ namespace: 'Checkout', metricName: 'Errors', period: Duration.minutes(1), statistic: 'Sum' });
  new cloudwatch.Alarm(scope, 'CheckoutErrors', {
    metric: errors,
    threshold: 10,
    evaluationPeriods: 3,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new ResponsePlanAlarmAction(plan));
}

/** Defines the example's stacks in `app`. */
export function defineExampleApp(app: App): { operations: OperationsStack; application: ApplicationStack } {
  const operations = new OperationsStack(app, 'IncidentManager', {
    env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION },
  });
  const application = new ApplicationStack(app, 'Application', {
    env: { account: APPLICATION_ACCOUNT, region: PRIMARY_REGION },
  });
  return { operations, application };
}
