import { CfnParameter, Tags, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { OnCallSchedule, Rotation } from '../src';
import { arnOf, people, rotationProps } from './support/on-call';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

describe('OnCallSchedule', () => {
  test('GIVEN two rotations THEN an ONCALL_SCHEDULE contact names them and carries no stages', () => {
    const stack = newStack();
    const [a, b] = people(stack);
    const primary = new Rotation(stack, 'Primary', rotationProps([a, b]));
    const secondary = new Rotation(stack, 'Secondary', rotationProps([b, a]));
    const schedule = new OnCallSchedule(stack, 'Schedule', { alias: 'sre-oncall', displayName: 'SRE on call', rotations: [primary] });
    schedule.addRotation(secondary);
    const template = expectValidStack(stack);
    template.hasResource('AWS::SSMContacts::Contact', {
      DeletionPolicy: 'Retain',
      Properties: {
        Alias: 'sre-oncall',
        DisplayName: 'SRE on call',
        Type: 'ONCALL_SCHEDULE',
        Plan: [{ RotationIds: [arnOf(stack, primary), arnOf(stack, secondary)] }],
      },
    });
    template.resourceCountIs('AWS::SSMContacts::Plan', 0);
  });

  test('GIVEN grantEngage, tags and an import THEN the grant names exactly the schedule', () => {
    const stack = newStack();
    const schedule = new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S', rotations: [new Rotation(stack, 'R', rotationProps(people(stack)))] });
    Tags.of(schedule).add('team', 'sre');
    const imported = OnCallSchedule.fromOnCallScheduleArn(stack, 'Imported', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/other-oncall`);
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    schedule.grantEngage(role);
    imported.grantEngage(role);
    const template = expectValidStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: arnOf(stack, schedule) },
          { Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/other-oncall` },
        ],
      },
    });
  });

  test('GIVEN no rotation THEN it synthesizes naming no rotations, with a warning (API Plan: RotationIds, 0 to 25 items)', () => {
    const stack = newStack();
    new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S' });
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Contact', { Type: 'ONCALL_SCHEDULE', Plan: [{ RotationIds: [] }] });
    Annotations.fromStack(stack).hasWarning('/Stack/Schedule', Match.stringLikeRegexp('The on-call schedule has no rotations, so it engages nobody'));
  });

  test('GIVEN nine rotations or the same one twice THEN they are refused', () => {
    const stack = newStack();
    const contacts = people(stack);
    const rotations = Array.from({ length: 9 }, (_, i) => new Rotation(stack, `R${i}`, rotationProps(contacts)));
    expect(() => new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S', rotations })).toThrow(
      '`rotations` must have at most 8 rotations (got "9 rotations") at Stack/Schedule',
    );
    expect(() => new OnCallSchedule(stack, 'Twice', { alias: 't', displayName: 'T', rotations: [rotations[0], rotations[0]] })).toThrow(
      'a rotation must be added to a schedule once (got "Stack/R0") at Stack/Twice',
    );
  });

  test('GIVEN a schedule as a rotation contact THEN it is refused', () => {
    const stack = newStack();
    const [a] = people(stack, 1);
    const schedule = new OnCallSchedule(stack, 'Schedule', { alias: 's', displayName: 'S', rotations: [new Rotation(stack, 'R', rotationProps([a]))] });
    expect(() => new Rotation(stack, 'R2', rotationProps([schedule]))).toThrow(
      '`contacts[0]` must be a personal contact (only people take shifts) (got "the on-call schedule Stack/Schedule") at Stack/R2',
    );
  });

  test('GIVEN a bad alias THEN it is refused, and tokens pass', () => {
    const stack = newStack();
    expect(() => new OnCallSchedule(stack, 'Schedule', { alias: 'SRE', displayName: 'S' })).toThrow('`alias` must be lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "SRE") at Stack/Schedule');
    const rotation = Rotation.fromRotationArn(stack, 'R', new CfnParameter(stack, 'RotationArn').valueAsString);
    new OnCallSchedule(stack, 'Tokens', { alias: new CfnParameter(stack, 'Alias').valueAsString, displayName: 'T', rotations: [rotation] });
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Contact', { Plan: [{ RotationIds: [{ Ref: 'RotationArn' }] }] });
  });
});
