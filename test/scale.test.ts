import { App, CfnOutput, CfnParameter, CfnResource, CfnWaitConditionHandle, Duration, NestedStack, Stack, TimeZone } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  FoundationEncryption,
  Impact,
  IncidentManagerFoundation,
  IncidentManagerFoundationProps,
  RotationStart,
} from '../src';
import { weekly } from './support/fixtures';
import { newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';
import { LimitedNestedStack } from '../src/private/stack-limits';

/**
 * An organization of `people` contacts, a schedule per 10 people, an escalation plan per schedule and a
 * response plan per 2 plans; eight teams of 10 form a group (a nested stack with `nestedStacks`).
 */
function organization(people: number, extra: Partial<IncidentManagerFoundationProps> = {}): IncidentManagerFoundationProps {
  const alias = (i: number) => `person-${i}`;
  const teams = Math.floor(people / 10);
  const group = (team: number) => `Teams${Math.floor(team / 8)}`;
  return {
    regions: ['us-east-1', 'us-west-2'],
    encryption: FoundationEncryption.AWS_OWNED_KEY,
    contacts: Array.from({ length: people }, (_, i) => ({ alias: alias(i), displayName: `Person ${i}`, email: `p${i}@example.com`, voice: '+12065550100', group: group(Math.floor(i / 10)) })),
    onCallSchedules: Array.from({ length: teams }, (_, t) => ({
      alias: `team-${t}-oncall`,
      displayName: `Team ${t}`,
      group: group(t),
      rotations: [0, 1].map((r) => ({
        contacts: Array.from({ length: 5 }, (__, k) => alias(t * 10 + r * 5 + k)),
        startTime: RotationStart.fromIsoString('2027-01-04T09:00'),
        timeZone: TimeZone.ETC_UTC,
        recurrence: weekly,
      })),
    })),
    escalationPlans: Array.from({ length: teams }, (_, t) => ({
      alias: `team-${t}-escalation`,
      displayName: `Team ${t} escalation`,
      group: group(t),
      stages: [{ duration: Duration.minutes(10), targets: [`team-${t}-oncall`] }, { duration: Duration.minutes(0), targets: [alias(t * 10)] }],
    })),
    chatChannel: {},
    responsePlans: Array.from({ length: Math.max(1, Math.floor(teams / 2)) }, (_, p) => ({
      responsePlanName: `service-${p}`,
      title: `Service ${p} is failing`,
      impact: Impact.HIGH,
      engagements: [`team-${p * 2}-escalation`],
      group: group(p * 2),
    })),
    sharing: { accounts: ['444455556666'] },
    ...extra,
  };
}

describe('scale: nested stacks', () => {
  test('GIVEN 400 people with nestedStacks THEN every stack is within the quotas, valid, and wired without outputs', () => {
    const stack = newStack();
    const foundation = new IncidentManagerFoundation(stack, 'IM', { ...organization(400), nestedStacks: true });
    const parent = expectValidStack(stack);

    const nestedStacks = stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
    // One nested stack per group: 40 teams of 10, eight teams a group.
    expect(nestedStacks.map((s) => s.node.id).sort()).toEqual(['Teams0', 'Teams1', 'Teams2', 'Teams3', 'Teams4']);
    for (const nested of nestedStacks) {
      const template = expectValidStack(nested).toJSON();
      expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(500);
      expect(template.Outputs).toBeUndefined();
    }
    // Each entry is in its group's stack.
    expect(foundation.contacts[79].stack.node.id).toEqual('Teams0');
    expect(foundation.contacts[80].stack.node.id).toEqual('Teams1');

    // Every nested stack waits for the replication set; schedules wait for the contacts they name.
    const stacks = parent.findResources('AWS::CloudFormation::Stack');
    const replicationSetId = Object.keys(parent.findResources('AWS::SSMIncidents::ReplicationSet'))[0];
    for (const resource of Object.values(stacks)) {
      expect(resource.DependsOn).toEqual(expect.arrayContaining([replicationSetId]));
    }
    // A group's entries refer to each other inside its stack: no group waits for another.
    const idOf = (name: string) => Object.keys(stacks).find((id) => id.startsWith(`IM${name}NestedStack`))!;
    for (const group of ['Teams0', 'Teams1', 'Teams2', 'Teams3', 'Teams4']) {
      expect((stacks[idOf(group)].DependsOn ?? []).filter((d: string) => d.includes('NestedStack'))).toEqual([]);
    }
    // The share, in the parent, names ARNs and waits for the nested stacks.
    const [share] = Object.values(parent.findResources('AWS::RAM::ResourceShare'));
    expect(share.Properties.ResourceArns).toHaveLength(400 + 40 + 40 + 20);
  });
  // 2,000 people: `npm run bench` synthesizes them with nested stacks in every run and fails when a
  // template is over 500 resources or 1 MB (bench/synth-once.ts), so the test suite stays fast.
});

describe('scale: quotas fail at synth, naming the quota and how to split', () => {
  /** A stack with a foundation of 100 people (1 + 3 x 100 = 301 resources) and `extra` more. */
  function stackWithResources(total: number): Stack {
    const stack = newStack();
    new IncidentManagerFoundation(stack, 'IM', {
      regions: ['us-east-1'],
      encryption: FoundationEncryption.AWS_OWNED_KEY,
      contacts: Array.from({ length: 100 }, (_, i) => ({ alias: `p${i}`, displayName: `P${i}`, email: `p${i}@example.com` })),
    });
    for (let i = 0; i < total - 301; i++) {
      new CfnWaitConditionHandle(stack, `Filler${i}`);
    }
    return stack;
  }
  const HOW = 'set `nestedStacks: true` on the IncidentManagerFoundation and give entries a `group` (a team, say) to spread them over nested stacks, or move other resources to another stack';

  test('GIVEN exactly 500 resources THEN it synthesizes; GIVEN 501 THEN the error names the quota', () => {
    expect(Object.keys(Template.fromStack(stackWithResources(500)).toJSON().Resources)).toHaveLength(500);
    expect(() => Template.fromStack(stackWithResources(501))).toThrow(
      `the stack Stack must have at most 500 resources, CloudFormation's quota per template; ${HOW} (got "501 resources") at Stack/IM`,
    );
  });

  test.each([
    ['outputs', (s: Stack, i: number) => new CfnOutput(s, `O${i}`, { value: 'x' })],
    ['parameters', (s: Stack, i: number) => new CfnParameter(s, `P${i}`)],
  ])('GIVEN 200 %s THEN it synthesizes; GIVEN 201 THEN the error names the quota', (kind, add) => {
    const make = (n: number) => {
      const stack = newStack();
      new IncidentManagerFoundation(stack, 'IM', { regions: ['us-east-1'], encryption: FoundationEncryption.AWS_OWNED_KEY });
      for (let i = 0; i < n; i++) add(stack, i);
      return stack;
    };
    expect(() => Template.fromStack(make(200))).not.toThrow();
    expect(() => Template.fromStack(make(201))).toThrow(
      `the stack Stack must have at most 200 ${kind}, CloudFormation's quota per template; ${HOW} (got "201 ${kind}") at Stack/IM`,
    );
  });

  test('GIVEN a nested stack template over 1 MB THEN synthesis fails naming the quota; under it, it passes', () => {
    const build = (bytes: number) => {
      const app = new App();
      const stack = new Stack(app, 'Parent');
      const nested = new LimitedNestedStack(stack, 'Contacts1', 'split it');
      new CfnResource(nested, 'Big', { type: 'AWS::CloudFormation::WaitConditionHandle', properties: { Padding: 'x'.repeat(bytes) } });
      return app;
    };
    expect(() => build(1_000_000).synth()).not.toThrow();
    expect(() => build(1_100_000).synth()).toThrow(/the template of Parent\/Contacts1 must be at most 1048576 bytes, CloudFormation's quota for a template body; split it \(got "110\d{4} bytes"\) at Parent\/Contacts1/);
  });

  test('GIVEN a rotation naming an escalation plan by alias THEN it is refused', () => {
    const stack = newStack();
    const props = organization(10);
    expect(() => new IncidentManagerFoundation(stack, 'IM', {
      ...props,
      onCallSchedules: [{ ...props.onCallSchedules![0], rotations: [{ ...props.onCallSchedules![0].rotations[0], contacts: ['person-0', 'team-0-oncall'] }] }],
    })).toThrow(/`onCallSchedules\[0\]\.rotations\[0\]\.contacts\[1\]` must name a person defined before it \(known: person-0, .*\) \(got "team-0-oncall"\) at Stack\/IM/);
  });
});

describe('determinism', () => {
  test('GIVEN the same foundation synthesized twice THEN the templates are byte-identical', () => {
    const render = () => {
      const app = new App();
      const stack = new Stack(app, 'S', { env: { account: '111122223333', region: 'us-east-1' } });
      new IncidentManagerFoundation(stack, 'IM', { ...organization(100), nestedStacks: true });
      const assembly = app.synth();
      return assembly.stacks.map((s) => JSON.stringify(s.template)).join('\n') +
        stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack).map((n) => JSON.stringify(Template.fromStack(n).toJSON())).join('\n');
    };
    expect(render()).toEqual(render());
  });
});

