import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack, TimeZone, aws_cloudwatch as cloudwatch, aws_events as events } from 'aws-cdk-lib';
import {
  DayOfWeek,
  FoundationEncryption,
  Impact,
  IncidentManagerFoundation,
  ResponsePlanAlarmAction,
  ResponsePlanTarget,
  RotationRecurrence,
  RotationStart,
  Runbook,
} from '../src';

/*
 * Integration test: the foundation with everything it can create, and both ways to start an
 * incident. `integ-runner` compares the synthesized assembly with the committed snapshot in
 * integ.foundation.ts.snapshot/ (no deployment happens unless the snapshot changes and someone runs
 * it against an account).
 */
const app = new App();
const stack = new Stack(app, 'IncidentManagerFoundationInteg', { env: { region: 'us-east-1' } });

const weekly = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });
const start = RotationStart.fromIsoString('2027-01-04T09:00');

const foundation = new IncidentManagerFoundation(stack, 'IncidentManager', {
  regions: ['us-east-1', 'us-west-2'],
  encryption: FoundationEncryption.AWS_OWNED_KEY,
  contacts: [
    { alias: 'integ-alice', displayName: 'Alice', email: 'alice@example.com' },
    { alias: 'integ-bob', displayName: 'Bob', email: 'bob@example.com', voice: '+12065550101' },
  ],
  onCallSchedules: [
    {
      alias: 'integ-oncall',
      displayName: 'Integ on call',
      rotations: [{ contacts: ['integ-alice', 'integ-bob'], startTime: start, timeZone: TimeZone.ETC_UTC, recurrence: weekly }],
    },
  ],
  escalationPlans: [
    {
      alias: 'integ-escalation',
      displayName: 'Integ escalation',
      stages: [
        { duration: Duration.minutes(15), targets: ['integ-oncall'] },
        { duration: Duration.minutes(0), targets: ['integ-bob'] },
      ],
    },
  ],
  chatChannel: {},
  responsePlans: [
    {
      responsePlanName: 'integ-critical',
      title: 'Integration test incident',
      impact: Impact.CRITICAL,
      engagements: ['integ-escalation'],
      runbook: { runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate') },
    },
  ],
});

const plan = foundation.responsePlans[0];
new cloudwatch.Alarm(stack, 'Alarm', {
  metric: new cloudwatch.Metric({ namespace: 'IncidentManagerInteg', metricName: 'Errors' }),
  threshold: 1,
  evaluationPeriods: 1,
}).addAlarmAction(new ResponsePlanAlarmAction(plan));
new events.Rule(stack, 'Rule', {
  eventPattern: { source: ['incident-manager.integ'] },
  targets: [new ResponsePlanTarget(plan)],
});

new IntegTest(app, 'FoundationInteg', { testCases: [stack] });
