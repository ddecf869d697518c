import {
  App,
  Aspects,
  CfnResource,
  Duration,
  Stack,
  TimeZone,
  aws_chatbot as chatbot,
  aws_cloudwatch as cloudwatch,
  aws_events as events,
  aws_iam as iam,
  aws_kms as kms,
  aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import { defineExampleApp } from '../examples/example-app';
import {
  ChatChannel,
  Contact,
  ContactChannel,
  EscalationPlan,
  FoundationEncryption,
  Impact,
  IncidentManagerApplicationAccount,
  IncidentManagerFoundation,
  IncidentManagerKey,
  IncidentManagerNag,
  IncidentManagerOperationsAccount,
  IncidentManagerShare,
  OnCallSchedule,
  PostIncidentAnalysisTemplate,
  ReplicationSet,
  ResponsePlan,
  ResponsePlanAlarmAction,
  ResponsePlanTarget,
  Rotation,
  RotationStart,
  Runbook,
  RunbookTargetAccount,
} from '../src';
import { weekly } from './support/fixtures';
import { ACCOUNT, newStack } from './support/stacks';

/*
 * cdk-nag's AwsSolutions rules on the example app and on a stack of every construct: zero errors and
 * zero warnings. The only acknowledgements are the wildcards AWS itself requires, each with the
 * limitation behind it.
 */

function nagFindings(stack: Stack, acknowledge = true): string[] {
  if (acknowledge) {
    IncidentManagerNag.acknowledgeWildcards(stack);
  }
  Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  const annotations = Annotations.fromStack(stack);
  return [
    ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
  ].map((f) => `${f.id}: ${f.entry.data}`);
}

const constructStacks: Array<[string, (stack: Stack) => void]> = [
  ['ReplicationSet with IncidentManagerKey', (stack) => {
    new ReplicationSet(stack, 'Set', {
      regions: [
        { region: 'us-east-1', key: new IncidentManagerKey(stack, 'Key') },
        { region: 'us-west-2', key: kms.Key.fromKeyArn(stack, 'West', `arn:aws:kms:us-west-2:${ACCOUNT}:key/abc`) },
      ],
    });
  }],
  ['Contact with grantEngage', (stack) => {
    const email = ContactChannel.email('a@example.com');
    const contact = new Contact(stack, 'C', { alias: 'a', displayName: 'A', channels: [email], engagementPlan: [{ channels: [email] }] });
    contact.grantEngage(new iam.Role(stack, 'Pager', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
  }],
  ['Rotation, OnCallSchedule and EscalationPlan', (stack) => {
    const a = new Contact(stack, 'A', { alias: 'a', displayName: 'A' });
    const rotation = new Rotation(stack, 'R', { contacts: [a], startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.ETC_UTC, recurrence: weekly });
    const schedule = new OnCallSchedule(stack, 'S', { alias: 's', displayName: 'S', rotations: [rotation] });
    new EscalationPlan(stack, 'E', { alias: 'e', displayName: 'E', stages: [{ duration: Duration.minutes(5), targets: [{ contact: schedule }] }] });
    rotation.grantRead(new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() }));
  }],
  ['ResponsePlan with runbook, chat channel (Slack), PagerDuty and triggers', (stack) => {
    const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'im', slackWorkspaceId: 'T0', slackChannelId: 'C0' });
    const key = new kms.Key(stack, 'SecretKey', { enableKeyRotation: true });
    const secret = new secretsmanager.Secret(stack, 'PagerDuty', { encryptionKey: key });
    NagSuppressions.addResourceSuppressions(secret, [
      { id: 'AwsSolutions-SMG4', reason: 'A PagerDuty REST API key is issued by PagerDuty; Secrets Manager cannot rotate it without a rotation function for the PagerDuty API, which is the user\'s to provide.' },
    ]);
    const plan = new ResponsePlan(stack, 'Plan', {
      responsePlanName: 'critical',
      title: 't',
      impact: Impact.CRITICAL,
      chatChannel: new ChatChannel(stack, 'Chat', { slackChannels: [slack] }),
      runbook: { runbook: Runbook.fromDocumentName('Restart'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT },
      pagerDuty: { serviceId: 'P1', secret },
    });
    new cloudwatch.Alarm(stack, 'Alarm', { metric: new cloudwatch.Metric({ namespace: 'N', metricName: 'M' }), threshold: 1, evaluationPeriods: 1 })
      .addAlarmAction(new ResponsePlanAlarmAction(plan));
    new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.health'] }, targets: [new ResponsePlanTarget(plan)] });
    plan.grantResolveIncidents(new iam.Role(stack, 'Responder', { assumedBy: new iam.AccountRootPrincipal() }));
  }],
  ['IncidentManagerShare and PostIncidentAnalysisTemplate', (stack) => {
    const plan = new ResponsePlan(stack, 'Plan', { title: 't', impact: Impact.LOW });
    new IncidentManagerShare(stack, 'Share', { responsePlans: [plan], accounts: ['444455556666'] });
    new PostIncidentAnalysisTemplate(stack, 'Analysis', { content: { schemaVersion: '1.0', sections: [{ id: 'overview', name: 'Overview', components: [] }] } });
  }],
  ['IncidentManagerOperationsAccount for an organization', (stack) => {
    const plan = new ResponsePlan(stack, 'Plan', { responsePlanName: 'p', title: 't', impact: Impact.LOW });
    new IncidentManagerOperationsAccount(stack, 'Ops', { applicationAccounts: ['444455556666'], organizationId: 'o-a1b2c3d4e5' })
      .startIncidentsFromEvents('Rule', { responsePlan: plan, eventPattern: { source: ['aws.health'] }, ruleName: 'health' });
  }],
  ['IncidentManagerApplicationAccount with a runbook', (stack) => {
    const side = new IncidentManagerApplicationAccount(stack, 'App', { operationsAccount: '444455556666', runbookResponsePlans: ['p'], otherApplicationAccounts: ['777788889999'] });
    side.grantRunbook(Runbook.fromDocumentArn('arn:aws:ssm:us-east-1:444455556666:document/Restart'));
    side.forwardEvents('Forward', { eventPattern: { source: ['aws.health'] } });
  }],
  ['IncidentManagerFoundation with the AWS owned key', (stack) => {
    new IncidentManagerFoundation(stack, 'IM', {
      regions: ['us-east-1', 'us-west-2'],
      encryption: FoundationEncryption.AWS_OWNED_KEY,
      contacts: [{ alias: 'a', displayName: 'A', email: 'a@example.com' }],
      responsePlans: [{ responsePlanName: 'p', title: 't', impact: Impact.HIGH, engagements: ['a'] }],
    });
  }],
];

describe('cdk-nag AwsSolutions', () => {
  test('GIVEN the example app as the README\'s cdk-nag section has it (AwsSolutionsChecks on the app, acknowledgeWildcards in each stack) THEN no stack has a finding', () => {
    const app = new App();
    const { operations, application } = defineExampleApp(app);
    Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
    for (const stack of [operations, application]) {
      const annotations = Annotations.fromStack(stack);
      const findings = [...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')), ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))];
      expect(findings.map((f) => `${f.id}: ${f.entry.data}`)).toEqual([]);
    }
  });

  test('GIVEN the example app without its acknowledgements THEN the wildcards are reported (the check can fail)', () => {
    const app = new App();
    const { operations } = defineExampleApp(app);
    // Drop the metadata the example's acknowledgeWildcards writes: cdk-nag then reports the wildcards.
    Aspects.of(app).add({ visit: (node) => { if (node instanceof CfnResource && node.getMetadata('cdk_nag')) node.addMetadata('cdk_nag', {}); } }, { priority: 300 });
    Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
    const findings = Annotations.fromStack(operations).findError('*', Match.stringLikeRegexp('AwsSolutions-IAM5'));
    expect(findings.length).toBeGreaterThan(0);
  });

  test.each(constructStacks)('GIVEN %s THEN there is no finding', (_name, define) => {
    const stack = newStack();
    define(stack);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('GIVEN a user stack with the library\'s grants THEN IncidentManagerNag acknowledges exactly their wildcards', () => {
    const define = (stack: Stack) => {
      const plan = new ResponsePlan(stack, 'Plan', { responsePlanName: 'critical', title: 't', impact: Impact.HIGH });
      const responder = new iam.Role(stack, 'Responder', { assumedBy: new iam.AccountRootPrincipal() });
      plan.grantResolveIncidents(responder);
      return responder;
    };
    // Without the helper: the incident records of the plan and the list actions are reported.
    const bare = newStack();
    define(bare);
    expect(nagFindings(bare, false)).toEqual([
      expect.stringMatching(/AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:ssm-incidents::111122223333:incident-record\/critical\/\*\]/),
      expect.stringMatching(/AwsSolutions-IAM5\[Resource::\*\]/),
    ]);
    // With it: nothing.
    const acknowledged = newStack();
    define(acknowledged);
    IncidentManagerNag.acknowledgeWildcards(acknowledged);
    expect(nagFindings(acknowledged, false)).toEqual([]);
    // Nothing broader: the user's own `*` for another action in the same policy stays reported.
    const mixed = newStack();
    define(mixed).addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] }));
    IncidentManagerNag.acknowledgeWildcards(mixed);
    expect(nagFindings(mixed, false)).toEqual([expect.stringMatching(/AwsSolutions-IAM5\[Resource::\*\]/)]);
  });

  test('GIVEN an unacknowledged wildcard THEN the check reports it (the rules run)', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['ssm-incidents:GetResponsePlan'], resources: ['arn:aws:ssm-incidents::111122223333:response-plan/*'] }));
    expect(nagFindings(stack)).toEqual([expect.stringMatching(/AwsSolutions-IAM5\[Resource::arn:aws:ssm-incidents::111122223333:response-plan\/\*\]/)]);
  });
});
