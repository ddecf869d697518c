import { App, Duration, Stack, aws_cloudwatch as cloudwatch, aws_events as events, aws_iam as iam } from 'aws-cdk-lib';
import {
  IncidentManagerApplicationAccount,
  IncidentManagerApplicationRegion,
  IncidentManagerOperationsAccount,
  IncidentManagerOperationsRegion,
  ResponsePlan,
  Runbook,
  RunbookExecutionRole,
  RunbookTargetAccount,
} from '../src';
import { APPLICATION_ACCOUNT, CRITICAL_PLAN, OPERATIONS_ACCOUNT, PRIMARY_REGION, RESTART_PLAN, SECONDARY_REGION } from './example-app';

/*
 * An organization's cross-account set-up in two Regions on each side, as AWS recommends for the
 * replication set: the operations side and the application side are separate apps, each with a stack
 * per Region. In each side's first Region the account construct (roles of fixed names, once per
 * account), in the second the Region construct. The application Regions are not the operations
 * Regions: each forwards to the operations bus of the Region it names. CI lints these templates
 * (.ci/cfn-lint); test/cross-account.test.ts checks them.
 */
export const OPERATIONS_REGIONS = [PRIMARY_REGION, SECONDARY_REGION];
export const APPLICATION_REGIONS = ['eu-west-1', 'eu-central-1'];
export const SHARED_RUNBOOK = 'Checkout-Restart';
const HEALTH: events.EventPattern = { source: ['aws.health'], detailType: ['AWS Health Event'] };

/** The operations account's stacks, one per Region of `OPERATIONS_REGIONS`. */
export function defineOperationsRegions(app: App): Stack[] {
  return OPERATIONS_REGIONS.map((region, i) => {
    const stack = new Stack(app, `Operations-${region}`, { env: { account: OPERATIONS_ACCOUNT, region } });
    const props = { applicationAccounts: [APPLICATION_ACCOUNT] };
    const side = i === 0 ? new IncidentManagerOperationsAccount(stack, 'CrossAccount', props) : new IncidentManagerOperationsRegion(stack, 'CrossAccount', props);
    side.startIncidentsFromEvents('HealthEvents', { responsePlan: ResponsePlan.fromResponsePlanName(stack, 'Critical', CRITICAL_PLAN), eventPattern: HEALTH });
    if (i === 0) {
      // Response plans are global to the account: the runbook role of the restart plan exists once.
      new RunbookExecutionRole(stack, 'RestartRunbookRole', {
        responsePlanName: RESTART_PLAN,
        runbook: Runbook.fromDocumentName(SHARED_RUNBOOK),
        targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT,
        impactedAccounts: [APPLICATION_ACCOUNT],
      });
    }
    return stack;
  });
}

/** The application account's stacks, one per Region of `APPLICATION_REGIONS`, each forwarding to the operations Region of the same index. */
export function defineApplicationRegions(app: App): Stack[] {
  return APPLICATION_REGIONS.map((region, i) => {
    const stack = new Stack(app, `Application-${region}`, { env: { account: APPLICATION_ACCOUNT, region } });
    const operationsRegion = OPERATIONS_REGIONS[i];
    let side: IncidentManagerApplicationRegion;
    if (i === 0) {
      const account = new IncidentManagerApplicationAccount(stack, 'IncidentManager', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion, runbookResponsePlans: [RESTART_PLAN] });
      account.grantRunbook(Runbook.fromDocumentName(SHARED_RUNBOOK));
      account.grantRunbookSignals(new iam.Role(stack, 'Responder', { assumedBy: new iam.AccountRootPrincipal() }));
      side = account;
    } else {
      side = new IncidentManagerApplicationRegion(stack, 'IncidentManager', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion });
    }
    side.forwardEvents('HealthEvents', { eventPattern: HEALTH });
    const errors = new cloudwatch.Metric({ namespace: 'Checkout', metricName: 'Errors', period: Duration.minutes(1), statistic: 'Sum' });
    new cloudwatch.Alarm(stack, 'CheckoutErrors', { metric: errors, threshold: 10, evaluationPeriods: 3 }).addAlarmAction(side.alarmAction(CRITICAL_PLAN));
    return stack;
  });
}

// `npx ts-node --project examples/tsconfig.json examples/multi-region.ts <outdir>`: both apps into <outdir>/operations and <outdir>/application.
if (require.main === module) {
  const outdir = process.argv[2] ?? 'cdk.out/multi-region';
  defineOperationsRegions(new App({ outdir: `${outdir}/operations` })).forEach((s) => (s.node.root as App).synth());
  const application = new App({ outdir: `${outdir}/application` });
  defineApplicationRegions(application);
  application.synth();
}
