import { aws_cloudwatch as cloudwatch, aws_events as events, aws_iam as iam } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { ResponsePlan, ResponsePlanAlarmAction, ResponsePlanTarget } from '../src';
import { OTHER_PLAN_ARN, PLAN_ARN, PLAN_NAME, getAtt, logicalId, partitionJoin, plan } from './support/fixtures';
import { isAllowed, statementsOfRole } from './support/policy-sim';
import { ACCOUNT, REGION, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

describe('what starts an incident: ResponsePlanAlarmAction and ResponsePlanTarget', () => {
  test('GIVEN an alarm THEN its action is the plan ARN; for a shared plan the owner account ARN', () => {
    const stack = newStack();
    const p = plan(stack);
    const shared = ResponsePlan.fromResponsePlanArn(stack, 'Shared', 'arn:aws:ssm-incidents::444455556666:response-plan/shared-critical');
    const metric = new cloudwatch.Metric({ namespace: 'Checkout', metricName: 'Errors' });
    new cloudwatch.Alarm(stack, 'Alarm', { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new ResponsePlanAlarmAction(p));
    new cloudwatch.Alarm(stack, 'SharedAlarm', { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new ResponsePlanAlarmAction(shared));
    const template = expectValidStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [getAtt(stack, p)] });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: ['arn:aws:ssm-incidents::444455556666:response-plan/shared-critical'] });
  });

  test('GIVEN rule targets THEN one role per rule, trusted by EventBridge of this account, starts exactly the targeted plans', () => {
    const stack = newStack();
    const p = plan(stack);
    const second = plan(stack, { responsePlanName: 'second' }, 'Second');
    const rule = new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.health'] } });
    rule.addTarget(new ResponsePlanTarget(p));
    rule.addTarget(new ResponsePlanTarget(second));
    const template = expectValidStack(stack);
    const role = rule.node.findChild('StartIncidentRole') as iam.Role;
    const roleArn = { 'Fn::GetAtt': [logicalId(stack, role), 'Arn'] };
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        { Arn: getAtt(stack, p), Id: 'Target0', RoleArn: roleArn },
        { Arn: getAtt(stack, second), Id: 'Target1', RoleArn: roleArn },
      ],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': partitionJoin(`:events:us-east-1:${ACCOUNT}:rule/*`) } },
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack, role) }],
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: getAtt(stack, p) },
          { Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: getAtt(stack, second) },
        ],
      },
    });
    const statements = statementsOfRole(template.toJSON(), logicalId(stack, role), {
      account: ACCOUNT,
      region: REGION,
      arns: { [logicalId(stack, p)]: PLAN_ARN, [logicalId(stack, second)]: `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/second` },
    });
    expect(isAllowed(statements, 'ssm-incidents:StartIncident', PLAN_ARN)).toBe(true);
    expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
    expect(isAllowed(statements, 'ssm-incidents:UpdateIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/x`)).toBe(false);
  });

  test('GIVEN a plan shared from another account THEN the rule is refused: EventBridge cannot target Incident Manager across accounts', () => {
    const stack = newStack();
    const arn = 'arn:aws:ssm-incidents::444455556666:response-plan/shared-critical';
    const shared = ResponsePlan.fromResponsePlanArn(stack, 'Shared', arn);
    expect(() => new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.health'] }, targets: [new ResponsePlanTarget(shared)] })).toThrow(
      `the response plan of a ResponsePlanTarget must be a plan of the rule's own account ${ACCOUNT}: EventBridge cannot target Incident Manager in another account. ` +
        `Forward the events to an event bus of account 444455556666 and target the plan there, or use a CloudWatch alarm with ResponsePlanAlarmAction (got "${arn} of account 444455556666") at Stack/Rule`,
    );
  });

  test('GIVEN a rule with a name THEN the role trusts exactly that rule; without one, the rules of this account and Region', () => {
    const stack = newStack();
    const p = plan(stack);
    new events.Rule(stack, 'Named', { ruleName: 'checkout-health', eventPattern: { source: ['aws.health'] }, targets: [new ResponsePlanTarget(p)] });
    new events.Rule(stack, 'Unnamed', { eventPattern: { source: ['aws.health'] }, targets: [new ResponsePlanTarget(p)] });
    const template = expectValidStack(stack);
    const trust = (id: string) => template.toJSON().Resources[logicalId(stack, stack.node.findChild(id).node.findChild('StartIncidentRole'))].Properties.AssumeRolePolicyDocument.Statement[0].Condition;
    expect(trust('Named')).toEqual({
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ArnLike: { 'aws:SourceArn': [partitionJoin(`:events:us-east-1:${ACCOUNT}:rule/checkout-health`), partitionJoin(`:events:us-east-1:${ACCOUNT}:rule/*/checkout-health`)] },
    });
    expect(trust('Unnamed')).toEqual({
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ArnLike: { 'aws:SourceArn': partitionJoin(`:events:us-east-1:${ACCOUNT}:rule/*`) },
    });
  });

  test('GIVEN a role of the user THEN the target uses it and grants it StartIncident', () => {
    const stack = newStack();
    const p = plan(stack);
    const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('events.amazonaws.com') });
    new events.Rule(stack, 'Rule', { eventPattern: { source: ['aws.securityhub'] }, targets: [new ResponsePlanTarget(p, { role })] });
    const template = expectValidStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ RoleArn: { 'Fn::GetAtt': [logicalId(stack, role), 'Arn'] } })] });
  });
});
