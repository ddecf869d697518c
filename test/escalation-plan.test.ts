import { App, CfnParameter, Duration, RemovalPolicy, Tags, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Contact, EscalationPlan } from '../src';
import { getAtt } from './support/fixtures';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

describe('EscalationPlan', () => {
  test('GIVEN stages of contacts THEN an ESCALATION contact and a Plan with the stages in order are emitted', () => {
    const stack = newStack();
    const alice = new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice' });
    const lead = new Contact(stack, 'Lead', { alias: 'lead', displayName: 'Lead' });
    const plan = new EscalationPlan(stack, 'Plan', {
      alias: 'sre-escalation',
      displayName: 'SRE escalation',
      stages: [
        { duration: Duration.minutes(15), targets: [{ contact: alice }] },
        { duration: Duration.minutes(5) },
      ],
    });
    plan.addStage({ duration: Duration.minutes(0), targets: [{ contact: lead, acknowledgementStopsPlan: false }] });

    const template = expectValidStack(stack);
    template.hasResource('AWS::SSMContacts::Contact', {
      DeletionPolicy: 'Retain',
      Properties: { Alias: 'sre-escalation', DisplayName: 'SRE escalation', Type: 'ESCALATION', Plan: Match.absent() },
    });
    template.hasResource('AWS::SSMContacts::Plan', {
      DeletionPolicy: 'Retain',
      Properties: {
        ContactId: getAtt(stack, plan),
        Stages: [
          { DurationInMinutes: 15, Targets: [{ ContactTargetInfo: { ContactId: getAtt(stack, alice), IsEssential: true } }] },
          { DurationInMinutes: 5, Targets: [] },
          { DurationInMinutes: 0, Targets: [{ ContactTargetInfo: { ContactId: getAtt(stack, lead), IsEssential: false } }] },
        ],
      },
    });
  });

  test('GIVEN a plan that engages another plan and its contacts, defined before it THEN there is no dependency cycle, and a warning cites the user guide', () => {
    const stack = newStack();
    const a = new Contact(stack, 'A', { alias: 'a', displayName: 'A' });
    const b = new Contact(stack, 'B', { alias: 'b', displayName: 'B' });
    const planA = new EscalationPlan(stack, 'PlanA', { alias: 'plan-a', displayName: 'Plan A' });
    const planB = new EscalationPlan(stack, 'PlanB', { alias: 'plan-b', displayName: 'Plan B' });
    // Plan A names plan B before plan B has stages, and plan B names plan A's contacts.
    planA.addStage({ duration: Duration.minutes(5), targets: [{ contact: a }, { contact: b }] });
    planA.addStage({ duration: Duration.minutes(5), targets: [{ contact: planB }] });
    planB.addStage({ duration: Duration.minutes(5), targets: [{ contact: b }, { contact: a }] });

    // expectValidStack fails on any circular dependency; synthesis would too.
    const template = expectValidStack(stack);
    template.resourceCountIs('AWS::SSMContacts::Plan', 2);
    expect(() => (stack.node.root as App).synth()).not.toThrow();
    for (const contact of Object.values(template.findResources('AWS::SSMContacts::Contact'))) {
      expect(JSON.stringify(contact.Properties)).not.toContain('Fn::GetAtt');
    }
    // AWS documents a stage's escalation channel as a contact or an on-call schedule only.
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('engages the escalation plan'));
    expect(warnings.map((w) => [w.id, w.entry.data])).toEqual([
      [
        '/Stack/PlanA',
        'stages[1].targets[0] engages the escalation plan Stack/PlanB: AWS documents a stage\'s escalation channel as a contact or an on-call schedule (https://docs.aws.amazon.com/incident-manager/latest/userguide/escalation.html), not an escalation plan. Prefer engaging that plan\'s contacts and schedules directly. [ack: cdk-incident-manager:EscalationPlan.targetsEscalationPlan]',
      ],
    ]);
  });

  test('GIVEN escalation plans that engage each other THEN synthesis fails with the cycle', () => {
    const stack = newStack();
    const a = new Contact(stack, 'A', { alias: 'a', displayName: 'A' });
    const planA = new EscalationPlan(stack, 'PlanA', { alias: 'plan-a', displayName: 'Plan A' });
    const planB = new EscalationPlan(stack, 'PlanB', { alias: 'plan-b', displayName: 'Plan B' });
    const planC = new EscalationPlan(stack, 'PlanC', { alias: 'plan-c', displayName: 'Plan C' });
    planA.addStage({ duration: Duration.minutes(5), targets: [{ contact: a }, { contact: planB }] });
    planB.addStage({ duration: Duration.minutes(5), targets: [{ contact: planC }] });
    planC.addStage({ duration: Duration.minutes(5), targets: [{ contact: planA }] });
    expect(() => (stack.node.root as App).synth()).toThrow(
      'the stages must not form an engagement cycle of escalation plans (each plan would engage the other again and again) (got "plan-a -> plan-b -> plan-c -> plan-a") at Stack/PlanA',
    );
  });

  test('GIVEN grantEngage and tags THEN the grant names exactly the plan and the tags are applied', () => {
    const stack = newStack();
    const alice = new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice' });
    const plan = new EscalationPlan(stack, 'Plan', { alias: 'p', displayName: 'P', stages: [{ duration: Duration.minutes(1), targets: [{ contact: alice }] }], removalPolicy: RemovalPolicy.DESTROY });
    Tags.of(plan).add('team', 'sre');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    plan.grantEngage(role);
    const template = expectValidStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: getAtt(stack, plan) }] },
    });
    template.hasResource('AWS::SSMContacts::Contact', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ Type: 'ESCALATION', Tags: [{ Key: 'team', Value: 'sre' }] }) });
  });

  test('GIVEN an imported plan THEN it can be engaged and granted', () => {
    const stack = newStack();
    const arn = `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/sre-escalation`;
    const plan = EscalationPlan.fromEscalationPlanArn(stack, 'Plan', arn);
    expect(plan.contactAlias).toEqual('sre-escalation');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    plan.grantEngage(role);
    expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: arn }] },
    });
  });

  describe('validation', () => {
    test('GIVEN no stage THEN it synthesizes with no stages and a warning (the API and CloudFormation allow a plan without stages)', () => {
      const stack = newStack();
      new EscalationPlan(stack, 'Plan', { alias: 'p', displayName: 'P' });
      expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Plan', { Stages: [] });
      Annotations.fromStack(stack).hasWarning('/Stack/Plan', Match.stringLikeRegexp('The escalation plan has no stages, so it engages nobody'));
    });

    test.each([
      ['a duration over 30 minutes', { duration: Duration.minutes(31), targets: 'alice' }, '`stages[0].duration` must be a whole number of minutes from 0 to 30 (got "31 minutes") at Stack/Plan'],
      ['a 0-minute stage without targets', { duration: Duration.minutes(0) }, '`stages[0].duration` must be a whole number of minutes from 1 to 30 when the stage has no targets (got "0 minutes") at Stack/Plan'],
      ['a duration in seconds', { duration: Duration.seconds(30), targets: 'alice' }, '`stages[0].duration` must be a whole number of minutes from 0 to 30 (got "30 seconds") at Stack/Plan'],
    ])('GIVEN %s THEN it is refused', (_name, stage: any, message) => {
      const stack = newStack();
      const alice = new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice' });
      const targets = stage.targets ? [{ contact: alice }] : undefined;
      expect(() => new EscalationPlan(stack, 'Plan', { alias: 'p', displayName: 'P', stages: [{ duration: stage.duration, targets }] })).toThrow(message);
    });

    test.each([
      ['a bad alias', { alias: 'SRE', displayName: 'P' }, '`alias` must be lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "SRE") at Stack/Plan'],
      ['a bad display name', { alias: 'p', displayName: 'P!' }, '`displayName` must be letters, digits, spaces and _ - only (got "P!") at Stack/Plan'],
    ])('GIVEN %s THEN it is refused', (_name, props, message) => {
      const stack = newStack();
      expect(() => new EscalationPlan(stack, 'Plan', props)).toThrow(message);
    });

    test('GIVEN the plan as its own target THEN it is refused', () => {
      const stack = newStack();
      const plan = new EscalationPlan(stack, 'Plan', { alias: 'p', displayName: 'P' });
      expect(() => plan.addStage({ duration: Duration.minutes(5), targets: [{ contact: plan }] })).toThrow(
        '`stages[0].targets[0]` must name a contact other than the plan itself (got "Stack/Plan") at Stack/Plan',
      );
    });

    test('GIVEN a contact of another account THEN it is refused', () => {
      const stack = newStack();
      const other = Contact.fromContactArn(stack, 'Other', 'arn:aws:ssm-contacts:us-east-1:444455556666:contact/bob');
      expect(() => new EscalationPlan(stack, 'Plan', { alias: 'p', displayName: 'P', stages: [{ duration: Duration.minutes(5), targets: [{ contact: other }] }] })).toThrow(
        "`stages[0].targets[0]` must be a contact of the plan's own account 111122223333 (escalation plans engage only contacts of their account) (got \"a contact of account 444455556666 (Stack/Other)\") at Stack/Plan",
      );
    });

    test('GIVEN tokens for names, durations and contact ARNs THEN nothing is rejected', () => {
      const stack = newStack();
      const minutes = new CfnParameter(stack, 'Minutes', { type: 'Number' }).valueAsNumber;
      const other = Contact.fromContactArn(stack, 'Other', new CfnParameter(stack, 'Arn').valueAsString);
      new EscalationPlan(stack, 'Plan', {
        alias: new CfnParameter(stack, 'Alias').valueAsString,
        displayName: new CfnParameter(stack, 'Name').valueAsString,
        stages: [{ duration: Duration.minutes(minutes), targets: [{ contact: other }] }],
      });
      expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Plan', {
        Stages: [{ DurationInMinutes: { Ref: 'Minutes' }, Targets: [{ ContactTargetInfo: { ContactId: { Ref: 'Arn' }, IsEssential: true } }] }],
      });
    });
  });
});
