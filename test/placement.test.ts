import { App, Duration, NestedStack, Stack, TimeZone } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  ContactChannelType,
  FoundationContact,
  FoundationEncryption,
  Impact,
  IncidentManagerFoundation,
  IncidentManagerFoundationProps,
  RotationStart,
} from '../src';
import { weekly } from './support/fixtures';
import { ACCOUNT } from './support/stacks';
import { expectValidTemplate } from './support/template-check';

/*
 * Placement that survives people joining, leaving and moving: an entry's stack and logical ID depend on
 * the entry alone. Each test changes the organization one way and asserts exactly which resources
 * appear, disappear or move (a resource is its nested stack and its logical ID there).
 */

const start = RotationStart.fromIsoString('2027-01-04T09:00');

/** `n` people of `team`; people whose index is 3 or more are in no rotation (they can leave freely). */
const people = (team: string, n: number): FoundationContact[] =>
  Array.from({ length: n }, (_, i) => ({ alias: `${team}-${i}`, displayName: `${team} ${i}`, email: `${team}${i}@example.com`, sms: '+12065550100', group: team }));

function organization(contacts: FoundationContact[]): IncidentManagerFoundationProps {
  return {
    regions: ['us-east-1', 'us-west-2'],
    encryption: FoundationEncryption.AWS_OWNED_KEY,
    nestedStacks: true,
    contacts,
    onCallSchedules: ['payments', 'search'].map((team) => ({
      alias: `${team}-oncall`,
      displayName: `${team} on call`,
      group: team,
      rotations: [{ contacts: [0, 1, 2].map((i) => `${team}-${i}`), startTime: start, timeZone: TimeZone.ETC_UTC, recurrence: weekly }],
    })),
    escalationPlans: ['payments', 'search'].map((team) => ({
      alias: `${team}-escalation`,
      displayName: `${team} escalation`,
      group: team,
      stages: [{ duration: Duration.minutes(10), targets: [`${team}-oncall`] }, { duration: Duration.minutes(0), targets: [`${team}-0`] }],
    })),
    responsePlans: ['payments', 'search'].map((team) => ({
      responsePlanName: `${team}-down`,
      title: `${team} is down`,
      impact: Impact.HIGH,
      engagements: [`${team}-escalation`],
      group: team,
    })),
    sharing: { accounts: ['444455556666'] },
  };
}

/** Every resource of the foundation's stacks, as "nested stack id/logical ID" -> type. */
function layout(props: IncidentManagerFoundationProps): Map<string, string> {
  const app = new App();
  const stack = new Stack(app, 'Ops', { env: { account: ACCOUNT, region: 'us-east-1' } });
  new IncidentManagerFoundation(stack, 'IM', props);
  const result = new Map<string, string>();
  const add = (name: string, template: any) => {
    expectValidTemplate(template, name);
    for (const [id, resource] of Object.entries<any>(template.Resources)) {
      if (resource.Type !== 'AWS::CloudFormation::Stack') result.set(`${name}/${id}`, resource.Type);
    }
  };
  add('(parent)', Template.fromStack(stack).toJSON());
  for (const nested of stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)) {
    add(nested.node.id, Template.fromStack(nested).toJSON());
  }
  return result;
}

/** What changed between two layouts. */
function diff(before: Map<string, string>, after: Map<string, string>): { removed: string[]; added: string[] } {
  return {
    removed: [...before.keys()].filter((k) => !after.has(k)).sort(),
    added: [...after.keys()].filter((k) => !before.has(k)).sort(),
  };
}

/** The resources of person `alias` in `group`: the contact, its two channels and its engagement plan. */
const personResources = (group: string, alias: string, map: Map<string, string>) => [...map.keys()].filter((k) => k.startsWith(`${group}/Contact${alias.replace(/-/g, '')}`)).sort();

describe('placement of foundation entries', () => {
  const base = [...people('payments', 6), ...people('search', 6)];
  const before = layout(organization(base));

  test('GIVEN the organization THEN each team is a nested stack of its own, holding its people, schedule, plans', () => {
    const groups = new Set([...before.keys()].map((k) => k.split('/')[0]));
    expect([...groups].sort()).toEqual(['(parent)', 'payments', 'search']);
    expect(personResources('payments', 'payments-4', before)).toHaveLength(4);
  });

  test('GIVEN a person removed from the middle of the list THEN only their resources go', () => {
    const after = layout(organization(base.filter((c) => c.alias !== 'payments-4')));
    expect(diff(before, after)).toEqual({ removed: personResources('payments', 'payments-4', before), added: [] });
  });

  test('GIVEN a person added at the front THEN only their resources come', () => {
    const newcomer = { ...people('search', 7)[6] };
    const after = layout(organization([newcomer, ...base]));
    expect(diff(before, after)).toEqual({ removed: [], added: personResources('search', 'search-6', after) });
  });

  test('GIVEN every list reversed THEN nothing moves', () => {
    const props = organization(base);
    const after = layout({
      ...props,
      contacts: [...base].reverse(),
      responsePlans: [...props.responsePlans!].reverse(),
    });
    expect(diff(before, after)).toEqual({ removed: [], added: [] });
  });

  test('GIVEN a person moved to another team THEN only their resources move', () => {
    const moved = base.map((c) => (c.alias === 'payments-5' ? { ...c, group: 'search' } : c));
    const after = layout(organization(moved));
    expect(diff(before, after)).toEqual({
      removed: personResources('payments', 'payments-5', before),
      added: personResources('search', 'payments-5', after),
    });
  });

  test('GIVEN entries without a group THEN they go to the default group of their kind, as earlier versions placed the first ones', () => {
    const props = organization(base.map(({ group, ...c }) => c));
    const after = layout({ ...props, onCallSchedules: props.onCallSchedules!.map(({ group, ...s }) => s) });
    const groups = new Set([...after.keys()].map((k) => k.split('/')[0]));
    expect([...groups].sort()).toEqual(['(parent)', 'Contacts1', 'Schedules1', 'payments', 'search']);
  });

  test('GIVEN a group that is too big THEN synthesis names the group and how to split it', () => {
    const app = new App();
    const stack = new Stack(app, 'Ops', { env: { account: ACCOUNT, region: 'us-east-1' } });
    // 101 people of 5 resources each: 505 resources in one group.
    new IncidentManagerFoundation(stack, 'IM', { ...organization([]), onCallSchedules: [], escalationPlans: [], responsePlans: [], contacts: people('everyone', 101).map((c) => ({ ...c, voice: '+12065550100' })) });
    expect(() => app.synth()).toThrow(
      'the stack Ops/IM/everyone must have at most 500 resources, CloudFormation\'s quota per template; the nested stack of group "everyone" is too big: move some of its entries to another `group` (each group is a nested stack of its own) (got "505 resources") at Ops/IM [STACK_QUOTA]',
    );
  });

  test.each([
    ['a space', 'on call', '`contacts[0].group` must be 1 to 64 letters, digits and -, starting with a letter or digit, and not one of Key, ReplicationSet, ChatChannel, Share, AnalysisTemplate (it names a nested stack) (got "on call")'],
    ['a reserved name', 'Share', '(got "Share")'],
  ])('GIVEN a group with %s THEN it is refused', (_name, group, message) => {
    expect(() => layout({ ...organization([]), onCallSchedules: [], escalationPlans: [], responsePlans: [], contacts: [{ ...people('x', 1)[0], group }] })).toThrow(message);
  });

  test('GIVEN groups without nestedStacks THEN everything is in one stack and a warning says groups are unused', () => {
    const app = new App();
    const stack = new Stack(app, 'Ops', { env: { account: ACCOUNT, region: 'us-east-1' } });
    new IncidentManagerFoundation(stack, 'IM', { ...organization(base), nestedStacks: false });
    expect(stack.node.findAll().some((c) => c instanceof NestedStack)).toBe(false);
    Annotations.fromStack(stack).hasWarning('/Ops/IM', Match.stringLikeRegexp('groups place entries only with `nestedStacks: true`'));
  });
});

describe('placement at scale', () => {
  test('GIVEN 400 people in 8 teams THEN removing one from the middle and adding one at the front change only their own resources', () => {
    const teams = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];
    const everyone = teams.flatMap((team) => people(team, 50));
    const props = (contacts: FoundationContact[]): IncidentManagerFoundationProps => ({
      ...organization(contacts),
      onCallSchedules: teams.map((team) => ({
        alias: `${team}-oncall`,
        displayName: `${team} on call`,
        group: team,
        rotations: [{ contacts: [0, 1, 2].map((i) => `${team}-${i}`), startTime: start, timeZone: TimeZone.ETC_UTC, recurrence: weekly }],
      })),
      escalationPlans: [],
      responsePlans: [],
    });
    const before = layout(props(everyone));
    expect(before.size).toBeGreaterThan(1600);
    // Someone in the middle of the list, on no rotation.
    const offRotation = everyone.find((c) => c.alias === 't4-25')!;
    const removed = layout(props(everyone.filter((c) => c !== offRotation)));
    expect(diff(before, removed)).toEqual({ removed: personResources('t4', 't4-25', before), added: [] });
    const joiner = { ...people('t2', 51)[50] };
    const added = layout(props([joiner, ...everyone]));
    expect(diff(before, added)).toEqual({ removed: [], added: personResources('t2', 't2-50', added) });
  });
});

describe('the add methods', () => {
  test('GIVEN a directory of teams added in a loop THEN the constructs are returned, placed by group, engaged and shared like props entries', () => {
    const app = new App();
    const stack = new Stack(app, 'Ops', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const foundation = new IncidentManagerFoundation(stack, 'IM', {
      regions: ['us-east-1', 'us-west-2'],
      encryption: FoundationEncryption.AWS_OWNED_KEY,
      nestedStacks: true,
      chatChannel: {},
      sharing: { accounts: ['444455556666'] },
    });
    for (const team of ['payments', 'search']) {
      const lead = foundation.addContact({
        alias: `${team}-lead`,
        displayName: `${team} lead`,
        email: `${team}@example.com`,
        voice: '+12065550100',
        group: team,
        engagementPlan: [
          { channels: [ContactChannelType.EMAIL], duration: Duration.minutes(2) },
          { channels: [], duration: Duration.minutes(3) },
          { channels: [ContactChannelType.VOICE] },
        ],
      });
      expect(lead.stack.node.id).toEqual(team);
      const schedule = foundation.addOnCallSchedule({
        alias: `${team}-oncall`,
        displayName: `${team} on call`,
        group: team,
        rotations: [{ contacts: [`${team}-lead`], startTime: start, timeZone: TimeZone.ETC_UTC, recurrence: weekly }],
      });
      const escalation = foundation.addEscalationPlan({
        alias: `${team}-escalation`,
        displayName: `${team} escalation`,
        group: team,
        stages: [{ duration: Duration.minutes(5), targets: [`${team}-oncall`], nonEssentialTargets: [`${team}-lead`] }],
      });
      const plan = foundation.addResponsePlan({ responsePlanName: `${team}-down`, title: `${team} is down`, impact: Impact.HIGH, engagements: [`${team}-escalation`], group: team, displayName: `${team} outage` });
      expect([schedule.stack, escalation.stack, plan.stack].map((s) => s.node.id)).toEqual([team, team, team]);
    }
    const parent = Template.fromStack(stack).toJSON();
    const [share] = Object.values<any>(parent.Resources).filter((r) => r.Type === 'AWS::RAM::ResourceShare');
    expect(share.Properties.ResourceArns).toHaveLength(2 + 3 * 2);
    const payments = Template.fromStack(foundation.responsePlans[0].stack);
    payments.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { DisplayName: 'payments outage', ChatChannel: { ChatbotSns: Match.anyValue() } });
    payments.hasResourceProperties('AWS::SSMContacts::Plan', {
      Stages: Match.arrayWith([
        {
          DurationInMinutes: 5,
          Targets: [
            Match.objectLike({ ContactTargetInfo: Match.objectLike({ IsEssential: true }) }),
            Match.objectLike({ ContactTargetInfo: Match.objectLike({ IsEssential: false }) }),
          ],
        },
      ]),
    });
    payments.hasResourceProperties('AWS::SSMContacts::Plan', { Stages: [Match.objectLike({ DurationInMinutes: 2 }), { DurationInMinutes: 3, Targets: [] }, Match.objectLike({ DurationInMinutes: 0 })] });
  });

  test('GIVEN an engagement plan naming a channel the person lacks, or callAfter with it THEN it is refused with the add method named', () => {
    const stack = new Stack(new App(), 'Ops', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const foundation = new IncidentManagerFoundation(stack, 'IM', { regions: ['us-east-1'], encryption: FoundationEncryption.AWS_OWNED_KEY });
    expect(() => foundation.addContact({ alias: 'a', displayName: 'A', email: 'a@example.com', engagementPlan: [{ channels: [ContactChannelType.SMS] }] })).toThrow(
      'in `addContact("a")` of the foundation Ops/IM: `addContact.engagementPlan[0].channels[0]` must be a channel the person has (EMAIL) (got "SMS") at Ops/IM [FOUNDATION]',
    );
    expect(() => foundation.addContact({ alias: 'b', displayName: 'B', email: 'b@example.com', callAfter: Duration.minutes(1), engagementPlan: [{ channels: [ContactChannelType.EMAIL] }] })).toThrow(
      '`addContact.callAfter` must be left out with `engagementPlan` (it shapes only the default plan) (got "1 minute") at Ops/IM [FOUNDATION]',
    );
  });
});
