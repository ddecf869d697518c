import { App, Duration, Stack, TimeZone, aws_chatbot as chatbot, aws_kms as kms, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import {
  ChatChannel,
  Contact,
  ContactChannelType,
  FoundationEncryption,
  IContact,
  Impact,
  IncidentManagerFoundation,
  IncidentManagerFoundationProps,
  ReplicationSet,
  RotationStart,
  Runbook,
} from '../src';
import { WEST_KEY_ARN, weekly } from './support/fixtures';
import { isAuthorized, statementsOfRole } from './support/policy-sim';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';


function fullProps(stack: Stack): IncidentManagerFoundationProps {
  return {
    regions: ['us-east-1', 'us-west-2'],
    regionKeys: { 'us-west-2': kms.Key.fromKeyArn(stack, 'WestKey', WEST_KEY_ARN) },
    contacts: [
      { alias: 'alice', displayName: 'Alice', email: 'alice@example.com', sms: '+12065550100', voice: '+12065550100' },
      { alias: 'bob', displayName: 'Bob', email: 'bob@example.com' },
      { alias: 'lead', displayName: 'Lead', voice: '+12065550102' },
    ],
    onCallSchedules: [
      {
        alias: 'oncall',
        displayName: 'On call',
        rotations: [
          { contacts: ['alice', 'bob'], startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.ETC_UTC, recurrence: weekly },
          { contacts: ['bob', 'alice'], startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.ETC_UTC, recurrence: weekly },
        ],
      },
    ],
    escalationPlans: [
      {
        alias: 'escalation',
        displayName: 'Escalation',
        stages: [
          { duration: Duration.minutes(15), targets: ['oncall'] },
          { duration: Duration.minutes(0), targets: ['lead'] },
        ],
      },
    ],
    chatChannel: {},
    responsePlans: [
      {
        responsePlanName: 'critical',
        title: 'Checkout is failing',
        impact: Impact.CRITICAL,
        engagements: ['escalation'],
        runbook: { runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate') },
      },
      { responsePlanName: 'minor', title: 'Minor', impact: Impact.LOW, engagements: ['oncall'], useChatChannel: false },
    ],
    sharing: { accounts: ['444455556666'] },
    analysisTemplate: { templateName: 'checkout-analysis', content: { schemaVersion: '1.0', sections: [{ id: 'overview', name: 'Overview', components: [] }] } },
  };
}

describe('IncidentManagerFoundation', () => {
  test('GIVEN everything THEN every piece exists, is a public property, and the templates pass the schema and IAM checks', () => {
    const stack = newStack();
    const f = new IncidentManagerFoundation(stack, 'IM', fullProps(stack));
    const template = expectValidStack(stack);

    expect(f.key).toBeDefined();
    expect(f.contacts.map((c) => c.contactAlias)).toEqual(['alice', 'bob', 'lead']);
    expect(f.rotations).toHaveLength(2);
    expect(f.onCallSchedules.map((s) => s.contactAlias)).toEqual(['oncall']);
    expect(f.escalationPlans.map((p) => p.contactAlias)).toEqual(['escalation']);
    expect(f.responsePlans.map((p) => p.responsePlanName)).toEqual(['critical', 'minor']);
    expect(f.chatChannel).toBeDefined();
    expect(f.share).toBeDefined();
    expect(f.analysisTemplate?.templateName).toEqual('checkout-analysis');
    expect(f.findContact('oncall')).toBe(f.onCallSchedules[0]);

    template.hasResourceProperties('AWS::SSMIncidents::ReplicationSet', {
      DeletionProtected: true,
      Regions: [
        { RegionName: 'us-east-1', RegionConfiguration: { SseKmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IMKey'), 'Arn'] } } },
        { RegionName: 'us-west-2', RegionConfiguration: { SseKmsKeyId: WEST_KEY_ARN } },
      ],
    });
    template.resourceCountIs('AWS::SSMContacts::Contact', 5);
    template.resourceCountIs('AWS::SSMContacts::ContactChannel', 5);
    template.resourceCountIs('AWS::SSMContacts::Rotation', 2);
    template.resourceCountIs('AWS::SSMIncidents::ResponsePlan', 2);
    template.resourceCountIs('AWS::RAM::ResourceShare', 1);
    // An edit adds a version instead of replacing the document analyses refer to; the document is kept.
    template.hasResource('AWS::SSM::Document', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ Name: 'checkout-analysis', DocumentType: 'ProblemAnalysisTemplate', DocumentFormat: 'JSON', UpdateMethod: 'NewVersion' }),
    });
    // The minor plan opted out of the chat channel.
    template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { Name: 'minor', ChatChannel: Match.absent() });
    template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { Name: 'critical', ChatChannel: { ChatbotSns: [Match.anyValue()] } });
    // No managed policies anywhere.
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  test('GIVEN a contact THEN e-mail and SMS are engaged at once and a call follows after callAfter', () => {
    const stack = newStack();
    new IncidentManagerFoundation(stack, 'IM', {
      regions: ['us-east-1'],
      encryption: FoundationEncryption.AWS_OWNED_KEY,
      contacts: [{ alias: 'alice', displayName: 'Alice', email: 'a@example.com', sms: '+12065550100', voice: '+12065550100', callAfter: Duration.minutes(10) }],
    });
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Plan', {
      Stages: [
        { DurationInMinutes: 10, Targets: [Match.objectLike({}), Match.objectLike({})] },
        { DurationInMinutes: 0, Targets: [Match.objectLike({})] },
      ],
    });
  });

  test('GIVEN an engagement plan with channel targets THEN each channel keeps its own retry interval, and a channel the person lacks is refused', () => {
    const stack = newStack();
    const f = new IncidentManagerFoundation(stack, 'IM', {
      regions: ['us-east-1'],
      encryption: FoundationEncryption.AWS_OWNED_KEY,
      contacts: [
        {
          alias: 'alice',
          displayName: 'Alice',
          email: 'a@example.com',
          sms: '+12065550100',
          engagementPlan: [
            {
              channels: [ContactChannelType.EMAIL],
              channelTargets: [{ channel: ContactChannelType.SMS, retryInterval: Duration.minutes(2) }],
              retryInterval: Duration.minutes(7),
            },
          ],
        },
      ],
    });
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Plan', {
      Stages: [
        {
          DurationInMinutes: 0,
          Targets: [
            { ChannelTargetInfo: Match.objectLike({ RetryIntervalInMinutes: 7 }) },
            { ChannelTargetInfo: Match.objectLike({ RetryIntervalInMinutes: 2 }) },
          ],
        },
      ],
    });
    expect(() =>
      f.addContact({ alias: 'bob', displayName: 'Bob', email: 'b@example.com', engagementPlan: [{ channelTargets: [{ channel: ContactChannelType.VOICE }] }] }),
    ).toThrow('`addContact.engagementPlan[0].channelTargets[0].channel` must be a channel the person has (EMAIL) (got "VOICE")');
  });

  test('GIVEN the AWS owned key THEN no key is created and Regions have no key', () => {
    const stack = newStack();
    const f = new IncidentManagerFoundation(stack, 'IM', { regions: ['us-east-1', 'us-west-2'], encryption: FoundationEncryption.AWS_OWNED_KEY });
    const template = expectValidStack(stack);
    expect(f.key).toBeUndefined();
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.hasResourceProperties('AWS::SSMIncidents::ReplicationSet', { Regions: [{ RegionName: 'us-east-1' }, { RegionName: 'us-west-2' }] });
  });

  test('GIVEN an existing replication set, contacts and chat channel THEN none are created and they are used', () => {
    const stack = newStack();
    const existingSet = ReplicationSet.fromReplicationSetArn(stack, 'Set', `arn:aws:ssm-incidents::${ACCOUNT}:replication-set/abc`);
    const chat = new ChatChannel(stack, 'Chat');
    const lead = Contact.fromContactAlias(stack, 'Lead', 'team-lead');
    const f = new IncidentManagerFoundation(stack, 'IM', {
      existingReplicationSet: existingSet,
      existingContacts: [lead],
      existingChatChannel: chat,
      responsePlans: [{ responsePlanName: 'critical', title: 't', impact: Impact.HIGH, engagements: ['team-lead'] }],
    });
    expect(f.replicationSet).toBe(existingSet);
    expect(f.chatChannel).toBe(chat);
    const template = expectValidStack(stack);
    template.resourceCountIs('AWS::SSMIncidents::ReplicationSet', 0);
    template.resourceCountIs('AWS::SSMContacts::Contact', 0);
    template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Engagements: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm-contacts:us-east-1:${ACCOUNT}:contact/team-lead`]] }],
      ChatChannel: { ChatbotSns: [{ Ref: Match.stringLikeRegexp('^ChatTopic') }] },
    });
  });

  test('GIVEN sharing without contacts THEN only response plans are shared', () => {
    const stack = newStack();
    new IncidentManagerFoundation(stack, 'IM', {
      ...fullProps(stack),
      sharing: { organizationArn: 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5', shareContacts: false },
    });
    const template = expectValidStack(stack);
    const [share] = Object.values(template.findResources('AWS::RAM::ResourceShare'));
    expect(share.Properties.ResourceArns).toHaveLength(2);
    expect(share.Properties.AllowExternalPrincipals).toBe(false);
  });

  describe('validation', () => {
    test.each<[string, (s: Stack) => IncidentManagerFoundationProps, string]>([
      ['no Regions and no replication set', () => ({}), '`regions` must name 1 to 3 Regions, or give `existingReplicationSet` (got "none") at Stack/IM'],
      [
        'a Region without a key',
        () => ({ regions: ['us-east-1', 'eu-west-1'] }),
        "`regionKeys` must name a customer-managed key for every Region other than the stack's own (us-east-1): a KMS key stays in its Region, so define an IncidentManagerKey in a stack of that Region and pass it, or import it with kms.Key.fromKeyArn (got \"no key for eu-west-1\") at Stack/IM",
      ],
      [
        'an unknown alias',
        () => ({ regions: ['us-east-1'], encryption: FoundationEncryption.AWS_OWNED_KEY, responsePlans: [{ responsePlanName: 'p', title: 't', impact: Impact.LOW, engagements: ['nobody'] }] }),
        '`responsePlans[0].engagements[0]` must name a contact, on-call schedule or escalation plan defined before it (known: none) (got "nobody") at Stack/IM',
      ],
      [
        'an alias twice',
        () => ({ regions: ['us-east-1'], encryption: FoundationEncryption.AWS_OWNED_KEY, contacts: [{ alias: 'a', displayName: 'A', email: 'a@example.com' }, { alias: 'a', displayName: 'B', email: 'b@example.com' }] }),
        '`contacts[1].alias` must use an alias no other contact, schedule or plan of the foundation uses (got "a") at Stack/IM',
      ],
      [
        'a contact without channels',
        () => ({ regions: ['us-east-1'], encryption: FoundationEncryption.AWS_OWNED_KEY, contacts: [{ alias: 'a', displayName: 'A' }] }),
        '`contacts[0]` must have at least one of email, sms and voice (got "a") at Stack/IM',
      ],
      [
        'both a chat channel and an existing one',
        (s) => ({ regions: ['us-east-1'], encryption: FoundationEncryption.AWS_OWNED_KEY, chatChannel: {}, existingChatChannel: new ChatChannel(s, 'Chat') }),
        '`chatChannel` and `existingChatChannel` must be given one at a time (got "both") at Stack/IM',
      ],
    ])('GIVEN %s THEN it is refused', (_name, props, message) => {
      const stack = newStack();
      expect(() => new IncidentManagerFoundation(stack, 'IM', props(stack))).toThrow(message);
    });

    test('GIVEN an existing contact whose alias a created one reuses THEN it is refused', () => {
      const stack = newStack();
      expect(
        () =>
          new IncidentManagerFoundation(stack, 'IM', {
            regions: ['us-east-1'],
            encryption: FoundationEncryption.AWS_OWNED_KEY,
            existingContacts: [Contact.fromContactAlias(stack, 'A', 'a')],
            contacts: [{ alias: 'a', displayName: 'A', email: 'a@example.com' }],
          }),
      ).toThrow('`contacts[0].alias` must use an alias no other contact, schedule or plan of the foundation uses (got "a") at Stack/IM');
    });

    test('GIVEN existing contacts in a rotation THEN a person defined in the app takes shifts, an imported contact does not', () => {
      const rotation = { startTime: RotationStart.fromIsoString('2027-01-04T09:00'), timeZone: TimeZone.ETC_UTC, recurrence: weekly };
      const foundation = (stack: Stack, existing: IContact, name: string) =>
        new IncidentManagerFoundation(stack, 'IM', {
          regions: ['us-east-1'],
          encryption: FoundationEncryption.AWS_OWNED_KEY,
          existingContacts: [existing],
          onCallSchedules: [{ alias: 'oncall', displayName: 'On call', rotations: [{ ...rotation, contacts: [name] }] }],
        });
      const stack = newStack();
      const person = new Contact(stack, 'Person', { alias: 'person', displayName: 'Person' });
      expect(foundation(stack, person, 'person').rotations[0].contacts).toEqual([person]);
      const other = newStack();
      expect(() => foundation(other, Contact.fromContactAlias(other, 'Imported', 'imported'), 'imported')).toThrow(
        '`onCallSchedules[0].rotations[0].contacts[0]` must name a person defined before it (known: none) (got "imported") at Stack/IM [FOUNDATION]',
      );
    });

    test('GIVEN findContact with an unknown alias THEN it says which exist', () => {
      const stack = newStack();
      const f = new IncidentManagerFoundation(stack, 'IM', { ...fullProps(stack) });
      expect(() => f.findContact('zed')).toThrow("an alias must be one of the foundation's contacts (alice, bob, lead, oncall, escalation) (got \"zed\") at Stack/IM");
    });

    test('GIVEN an environment-agnostic stack with customer-managed keys THEN every Region needs a key', () => {
      const stack = new Stack();
      expect(() => new IncidentManagerFoundation(stack, 'IM', { regions: ['us-east-1'] })).toThrow(/the stack has no Region set.*\(got "no key for us-east-1"\) at Default\/IM/);
    });
  });

  test('GIVEN nested stacks, a Slack channel and PagerDuty THEN the chat role names each plan by its ARN, no nested stack has outputs, and every role reaches record and plan', () => {
    const app = new App();
    const stack = new Stack(app, 'Ops', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'incidents', slackWorkspaceId: 'T0123', slackChannelId: 'C0123' });
    const key = new kms.Key(stack, 'PagerDutyKey', { enableKeyRotation: true, multiRegion: true });
    const secret = new secretsmanager.Secret(stack, 'PagerDuty', { encryptionKey: key });
    const f = new IncidentManagerFoundation(stack, 'IM', {
      regions: ['us-east-1', 'us-west-2'],
      regionKeys: { 'us-west-2': kms.Key.fromKeyArn(stack, 'West', `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`) },
      nestedStacks: true,
      contacts: [{ alias: 'alice', displayName: 'Alice', email: 'alice@example.com' }],
      chatChannel: { slackChannels: [slack] },
      responsePlans: [{ responsePlanName: 'p1', title: 't', impact: Impact.LOW, engagements: ['alice'], pagerDuty: { serviceId: 'P1', secret } }],
    });
    const nested = f.responsePlans[0].stack;
    expect(nested).not.toBe(stack);
    const nestedTemplate = expectValidStack(nested).toJSON();
    expect(nestedTemplate.Outputs ?? {}).toEqual({});
    const parent = expectValidStack(stack).toJSON();
    const statements = statementsOfRole(parent, stack.getLogicalId(slack.role!.node.defaultChild as any), { account: ACCOUNT, region: 'us-east-1' });
    const plan = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/p1`;
    expect(isAuthorized(statements, 'ssm-incidents:UpdateIncidentRecord', [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/p1/abc`, plan])).toBe(true);
    expect(isAuthorized(statements, 'ssm-incidents:UpdateIncidentRecord', [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/p2/abc`, `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/p2`])).toBe(false);
  });
});
