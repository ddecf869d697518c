import { CfnParameter, Stack, TimeZone } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import {
  Contact,
  Impact,
  IncidentManagerShare,
  IncidentManagerShareProps,
  OnCallSchedule,
  ResponsePlan,
  Rotation,
  RotationStart,
} from '../src';
import { partitionJoin, weekly } from './support/fixtures';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

const OU = 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdef3456';
const ORG = 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5';
const permission = (name: string) => partitionJoin(`:ram::aws:permission/${name}`);
const planArn = (name: string) => partitionJoin(`:ssm-incidents::${ACCOUNT}:response-plan/${name}`);
const contactArn = (alias: string) => partitionJoin(`:ssm-contacts:us-east-1:${ACCOUNT}:contact/${alias}`);

function fixtures(stack: Stack) {
  const plan = new ResponsePlan(stack, 'Plan', { responsePlanName: 'critical', title: 't', impact: Impact.CRITICAL });
  const contact = new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice' });
  const schedule = new OnCallSchedule(stack, 'OnCall', {
    alias: 'oncall',
    displayName: 'On call',
    rotations: [
      new Rotation(stack, 'Rotation', {
        contacts: [contact],
        startTime: RotationStart.fromIsoString('2027-01-04T09:00'),
        timeZone: TimeZone.ETC_UTC,
        recurrence: weekly,
      }),
    ],
  });
  return { plan, contact, schedule };
}

describe('IncidentManagerShare', () => {
  test('GIVEN plans and contacts for accounts, an OU and the organization THEN one share with both managed permissions and external principals off', () => {
    const stack = newStack();
    const { plan, contact, schedule } = fixtures(stack);
    new IncidentManagerShare(stack, 'Share', {
      shareName: 'incident-manager',
      responsePlans: [plan],
      contacts: [contact, schedule],
      accounts: ['444455556666'],
      organizationalUnitArns: [OU],
      organizationArn: ORG,
    });
    const template = expectValidStack(stack);
    // ARNs from names and aliases, so shares of resources in nested stacks need no outputs; the share
    // depends on the resources instead.
    const [share] = Object.values(template.findResources('AWS::RAM::ResourceShare'));
    expect(share.DependsOn).toEqual(expect.arrayContaining([plan, contact, schedule].map((c: any) => stack.getLogicalId(c.node.defaultChild))));
    template.hasResourceProperties('AWS::RAM::ResourceShare', {
      Name: 'incident-manager',
      AllowExternalPrincipals: false,
      ResourceArns: [planArn('critical'), contactArn('alice'), contactArn('oncall')],
      Principals: ['444455556666', OU, ORG],
      PermissionArns: [permission('AWSRAMDefaultPermissionSSMIncidentsResponsePlan'), permission('AWSRAMDefaultPermissionSSMContactsContact')],
    });
  });

  test.each<[string, (f: ReturnType<typeof fixtures>) => Partial<IncidentManagerShareProps>, any[]]>([
    ['only response plans', (f) => ({ responsePlans: [f.plan] }), [permission('AWSRAMDefaultPermissionSSMIncidentsResponsePlan')]],
    ['only contacts', (f) => ({ contacts: [f.contact] }), [permission('AWSRAMDefaultPermissionSSMContactsContact')]],
  ])('GIVEN %s THEN only that permission', (_name, resources, permissions) => {
    const stack = newStack();
    new IncidentManagerShare(stack, 'Share', { ...resources(fixtures(stack)), accounts: ['444455556666'] });
    expectValidStack(stack).hasResourceProperties('AWS::RAM::ResourceShare', { PermissionArns: permissions });
  });

  test('GIVEN external principals asked for and resources added later THEN both are honoured', () => {
    const stack = newStack();
    const { plan } = fixtures(stack);
    const share = new IncidentManagerShare(stack, 'Share', { allowExternalPrincipals: true });
    share.addResponsePlan(plan);
    share.addAccount('444455556666');
    const template = expectValidStack(stack);
    template.hasResourceProperties('AWS::RAM::ResourceShare', { AllowExternalPrincipals: true, Name: Match.stringLikeRegexp('^StackShare') });
  });

  describe('validation', () => {
    test.each([
      ['an imported response plan', (s: Stack) => ({ responsePlans: [ResponsePlan.fromResponsePlanArn(s, 'Shared', 'arn:aws:ssm-incidents::444455556666:response-plan/theirs')] }),
        'a shared response plan must be defined in this app (only the owner of a response plan can share it; a response plan shared with this account cannot be shared again) (got "the imported response plan Stack/Shared") at Stack/Share'],
      ['an imported contact', (s: Stack) => ({ contacts: [Contact.fromContactAlias(s, 'Theirs', 'bob')] }),
        'a shared contact must be defined in this app (only the owner of a contact can share it; a contact shared with this account cannot be shared again) (got "the imported contact Stack/Theirs") at Stack/Share'],
      ['an account ID of 11 digits', () => ({ accounts: ['44445555666'] }), '`accounts[]` must be a 12-digit account ID (got "44445555666") at Stack/Share'],
      ['an OU ID instead of its ARN', () => ({ organizationalUnitArns: ['ou-ab12-cdef3456'] }),
        '`organizationalUnitArns[]` must be an OU ARN such as arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdef3456 (got "ou-ab12-cdef3456") at Stack/Share'],
      ['an organization ID instead of its ARN', () => ({ organizationArn: 'o-a1b2c3d4e5' }),
        '`organizationArn` must be an organization ARN such as arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5 (got "o-a1b2c3d4e5") at Stack/Share'],
    ])('GIVEN %s THEN it is refused', (_name, props, message) => {
      const stack = newStack();
      expect(() => new IncidentManagerShare(stack, 'Share', { accounts: ['444455556666'], ...props(stack) })).toThrow(message);
    });

    test('GIVEN a plan of another Region THEN it is refused', () => {
      const stack = newStack();
      const other = new Stack(stack.node.root as any, 'Other', { env: { account: ACCOUNT, region: 'eu-west-1' } });
      const plan = new ResponsePlan(other, 'Plan', { title: 't', impact: Impact.LOW });
      expect(() => new IncidentManagerShare(stack, 'Share', { responsePlans: [plan], accounts: ['444455556666'] })).toThrow(
        "a shared response plan must be in the resource share's Region us-east-1 (a share names resources of its own account and Region) (got \"Other/Plan in Region eu-west-1\") at Stack/Share",
      );
    });

    test('GIVEN an empty share or no principal THEN synthesis fails', () => {
      const stack = newStack();
      fixtures(stack);
      new IncidentManagerShare(stack, 'Empty', { accounts: ['444455556666'] });
      expect(() => expectValidStack(stack)).toThrow(
        '`resources` must share at least one response plan or contact (add one with addResponsePlan or addContact) (got "0 resources") at Stack/Empty [SHARE]',
      );
      const other = newStack();
      new IncidentManagerShare(other, 'Nobody', { responsePlans: [fixtures(other).plan] });
      expect(() => expectValidStack(other)).toThrow(
        '`principals` must name at least one account, organizational unit or organization (got "0 principals") at Stack/Nobody [SHARE]',
      );
    });

    test('GIVEN tokens for principals THEN nothing is rejected', () => {
      const stack = newStack();
      const { plan } = fixtures(stack);
      new IncidentManagerShare(stack, 'Share', {
        responsePlans: [plan],
        accounts: [new CfnParameter(stack, 'Account').valueAsString],
        organizationalUnitArns: [new CfnParameter(stack, 'Ou').valueAsString],
        organizationArn: new CfnParameter(stack, 'Org').valueAsString,
      });
      expectValidStack(stack).hasResourceProperties('AWS::RAM::ResourceShare', { Principals: [{ Ref: 'Account' }, { Ref: 'Ou' }, { Ref: 'Org' }] });
    });
  });
});

