import { App, Duration, Stack, StackProps, TimeZone, aws_cloudwatch as cloudwatch, aws_events as events } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  ChatChannel,
  Contact,
  ContactChannel,
  DayOfWeek,
  DynamicParameterValue,
  EscalationPlan,
  Impact,
  IncidentManagerKey,
  OnCallSchedule,
  ReplicationSet,
  ResponsePlan,
  ResponsePlanAlarmAction,
  ResponsePlanTarget,
  Rotation,
  RotationRecurrence,
  RotationStart,
  Runbook,
} from '../src';

/** The account the example deploys to. Replace it with yours. */
export const EXAMPLE_ACCOUNT = '111122223333';
export const PRIMARY_REGION = 'us-east-1';
export const SECONDARY_REGION = 'us-west-2';

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

export interface IncidentManagerStackProps extends StackProps {
  /** The customer-managed key of the secondary Region. */
  readonly secondaryRegionKey: IncidentManagerKey;
}

/**
 * The operations account's Incident Manager: the replication set over two Regions, each with its
 * own customer-managed key, the responders, their on-call schedule, and the escalation plan that
 * pages the schedule first and the team lead after 15 minutes; and the critical response plan that
 * engages it, posts to a chat channel, runs a runbook, and is started by an alarm and an EventBridge
 * rule.
 */
export class IncidentManagerStack extends Stack {
  constructor(scope: Construct, id: string, props: IncidentManagerStackProps) {
    super(scope, id, props);

    const primaryKey = new IncidentManagerKey(this, 'Key', { alias: 'incident-manager' });
    new ReplicationSet(this, 'ReplicationSet', {
      regions: [
        { region: PRIMARY_REGION, key: primaryKey },
        { region: SECONDARY_REGION, key: props.secondaryRegionKey },
      ],
    });

    const aliceMail = ContactChannel.email('alice@example.com');
    const aliceSms = ContactChannel.sms('+12065550100');
    const aliceVoice = ContactChannel.voice('+12065550100');
    const alice = new Contact(this, 'Alice', {
      alias: 'alice',
      displayName: 'Alice Rivera',
      channels: [aliceMail, aliceSms, aliceVoice],
      engagementPlan: [
        { channels: [aliceMail, aliceSms], duration: Duration.minutes(5) },
        { channels: [aliceVoice], retryInterval: Duration.minutes(3) },
      ],
    });

    const bobMail = ContactChannel.email('bob@example.com');
    const bobSms = ContactChannel.sms('+12065550101');
    const bob = new Contact(this, 'Bob', {
      alias: 'bob',
      displayName: 'Bob Chen',
      channels: [bobMail, bobSms],
      engagementPlan: [{ channels: [bobSms, bobMail] }],
    });

    const leadMail = ContactChannel.email('lead@example.com');
    const leadVoice = ContactChannel.voice('+12065550102');
    const lead = new Contact(this, 'TeamLead', {
      alias: 'team-lead',
      displayName: 'Team Lead',
      channels: [leadMail, leadVoice],
      engagementPlan: [{ channels: [leadMail, leadVoice] }],
    });

    // Weekly shifts that hand off on Monday morning; the secondary runs the same people in the
    // opposite order, so whoever is not primary is secondary.
    const weeklyOnMonday = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });
    const start = RotationStart.fromIsoString('2027-01-04T09:00');
    const primary = new Rotation(this, 'PrimaryRotation', {
      contacts: [alice, bob],
      startTime: start,
      timeZone: TimeZone.AMERICA_LOS_ANGELES,
      recurrence: weeklyOnMonday,
    });
    const secondary = new Rotation(this, 'SecondaryRotation', {
      contacts: [bob, alice],
      startTime: start,
      timeZone: TimeZone.AMERICA_LOS_ANGELES,
      recurrence: weeklyOnMonday,
    });
    const onCall = new OnCallSchedule(this, 'OnCall', {
      alias: 'sre-oncall',
      displayName: 'SRE on call',
      rotations: [primary, secondary],
    });

    const escalation = new EscalationPlan(this, 'Escalation', {
      alias: 'sre-escalation',
      displayName: 'SRE escalation',
      stages: [
        { duration: Duration.minutes(15), targets: [{ contact: onCall }] },
        { duration: Duration.minutes(0), targets: [{ contact: lead }] },
      ],
    });

    const critical = new ResponsePlan(this, 'CriticalPlan', {
      responsePlanName: 'checkout-critical',
      displayName: 'Checkout critical',
      title: 'Checkout is failing',
      impact: Impact.CRITICAL,
      summary: 'Customers cannot complete checkout.',
      dedupeString: 'checkout-critical',
      incidentTags: { service: 'checkout' },
      engagements: [escalation],
      chatChannel: new ChatChannel(this, 'ChatChannel'),
      runbook: {
        runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate'),
        dynamicParameters: { IncidentRecordArn: DynamicParameterValue.INCIDENT_RECORD_ARN },
      },
    });

    // An alarm on the checkout service's errors starts an incident...
    const errors = new cloudwatch.Metric({ namespace: 'Checkout', metricName: 'Errors', period: Duration.minutes(1), statistic: 'Sum' });
    new cloudwatch.Alarm(this, 'CheckoutErrors', {
      metric: errors,
      threshold: 10,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new ResponsePlanAlarmAction(critical));

    // ...and so does an AWS Health event about the services checkout runs on.
    new events.Rule(this, 'HealthEvents', {
      eventPattern: { source: ['aws.health'], detailType: ['AWS Health Event'], detail: { service: ['EC2', 'RDS'] } },
      targets: [new ResponsePlanTarget(critical)],
    });
  }
}

/** Defines the example's stacks in `app`. */
export function defineExampleApp(app: App): Stack[] {
  const keys = new SecondaryRegionKeyStack(app, 'IncidentManagerKey-us-west-2', {
    env: { account: EXAMPLE_ACCOUNT, region: SECONDARY_REGION },
    crossRegionReferences: true,
  });
  const main = new IncidentManagerStack(app, 'IncidentManager', {
    env: { account: EXAMPLE_ACCOUNT, region: PRIMARY_REGION },
    crossRegionReferences: true,
    secondaryRegionKey: keys.key,
  });
  return [keys, main];
}
