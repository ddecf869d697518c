import { CfnParameter, Duration, RemovalPolicy, Tags, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Contact, ContactChannel } from '../src';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

const getAtt = (stack: any, construct: any, attr = 'Arn') => ({ 'Fn::GetAtt': [stack.getLogicalId(construct), attr] });

describe('Contact', () => {
  test('GIVEN channels and an engagement plan THEN the contact, its channels and a separate plan are emitted', () => {
    // GIVEN
    const stack = newStack();
    const email = ContactChannel.email('jane@example.com');
    const sms = ContactChannel.sms('+12065550100', { deferActivation: true });
    const voice = ContactChannel.voice('+12065550101');

    // WHEN
    const contact = new Contact(stack, 'Jane', {
      alias: 'jane-doe',
      displayName: 'Jane Doe',
      channels: [email, sms, voice],
      engagementPlan: [
        { channels: [email, sms], duration: Duration.minutes(5), retryInterval: Duration.minutes(2) },
        { channels: [voice] },
      ],
    });

    // THEN
    const template = expectValidStack(stack);
    const contactL1 = contact.node.findChild('Resource');
    template.hasResource('AWS::SSMContacts::Contact', {
      DeletionPolicy: 'Retain',
      Properties: { Alias: 'jane-doe', DisplayName: 'Jane Doe', Type: 'PERSONAL' },
    });
    template.resourceCountIs('AWS::SSMContacts::ContactChannel', 3);
    template.hasResource('AWS::SSMContacts::ContactChannel', {
      DeletionPolicy: 'Retain',
      Properties: { ContactId: getAtt(stack, contactL1), ChannelName: 'Email', ChannelType: 'EMAIL', ChannelAddress: 'jane@example.com' },
    });
    template.hasResourceProperties('AWS::SSMContacts::ContactChannel', {
      ChannelName: 'SMS',
      ChannelType: 'SMS',
      ChannelAddress: '+12065550100',
      DeferActivation: true,
    });
    template.hasResourceProperties('AWS::SSMContacts::ContactChannel', { ChannelName: 'Voice', ChannelType: 'VOICE', ChannelAddress: '+12065550101' });
    const channel = (name: string) => getAtt(stack, contact.node.findChild(`Channel${name}`));
    template.hasResource('AWS::SSMContacts::Plan', {
      DeletionPolicy: 'Retain',
      Properties: {
        ContactId: getAtt(stack, contactL1),
        Stages: [
          {
            DurationInMinutes: 5,
            Targets: [
              { ChannelTargetInfo: { ChannelId: channel('Email'), RetryIntervalInMinutes: 2 } },
              { ChannelTargetInfo: { ChannelId: channel('SMS'), RetryIntervalInMinutes: 2 } },
            ],
          },
          { DurationInMinutes: 0, Targets: [{ ChannelTargetInfo: { ChannelId: channel('Voice'), RetryIntervalInMinutes: 5 } }] },
        ],
      },
    });
    // The plan inside the contact would be a cycle (channel -> contact -> channel); the Plan resource is not.
    template.hasResourceProperties('AWS::SSMContacts::Contact', { Plan: Match.absent() });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('GIVEN addChannel and addEngagementStage after construction THEN they are rendered', () => {
    const stack = newStack();
    const contact = new Contact(stack, 'Jane', { alias: 'jane', displayName: 'Jane' });
    const email = ContactChannel.email('jane@example.com', { name: 'Work mail' });
    const arn = contact.addChannel(email);
    contact.addEngagementStage({ channels: [email], duration: Duration.minutes(30), retryInterval: Duration.minutes(60) });
    const template = expectValidStack(stack);
    expect(stack.resolve(arn)).toEqual(getAtt(stack, contact.node.findChild('ChannelWork mail')));
    template.hasResourceProperties('AWS::SSMContacts::Plan', {
      Stages: [{ DurationInMinutes: 30, Targets: [{ ChannelTargetInfo: { RetryIntervalInMinutes: 60 } }] }],
    });
  });

  test('GIVEN channels with retry intervals of their own THEN each target of the stage has its interval (AWS::SSMContacts::Plan ChannelTargetInfo.RetryIntervalInMinutes)', () => {
    const stack = newStack();
    const email = ContactChannel.email('jane@example.com');
    const sms = ContactChannel.sms('+12065550100');
    const voice = ContactChannel.voice('+12065550101');
    const contact = new Contact(stack, 'Jane', {
      alias: 'jane',
      displayName: 'Jane',
      channels: [email, sms, voice],
      engagementPlan: [
        {
          channels: [email],
          channelTargets: [{ channel: sms, retryInterval: Duration.minutes(1) }, { channel: voice }],
          retryInterval: Duration.minutes(10),
          duration: Duration.minutes(15),
        },
        { channelTargets: [{ channel: voice, retryInterval: Duration.minutes(0) }] },
      ],
    });
    const channel = (name: string) => getAtt(stack, contact.node.findChild(`Channel${name}`));
    expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Plan', {
      Stages: [
        {
          DurationInMinutes: 15,
          Targets: [
            { ChannelTargetInfo: { ChannelId: channel('Email'), RetryIntervalInMinutes: 10 } },
            { ChannelTargetInfo: { ChannelId: channel('SMS'), RetryIntervalInMinutes: 1 } },
            { ChannelTargetInfo: { ChannelId: channel('Voice'), RetryIntervalInMinutes: 10 } },
          ],
        },
        { DurationInMinutes: 0, Targets: [{ ChannelTargetInfo: { ChannelId: channel('Voice'), RetryIntervalInMinutes: 0 } }] },
      ],
    });
  });

  test('GIVEN a channel target of another contact or a retry interval out of range THEN it is refused with the stage and target', () => {
    const stack = newStack();
    const mine = ContactChannel.email('jane@example.com');
    const theirs = ContactChannel.sms('+12065550100');
    expect(
      () => new Contact(stack, 'A', { alias: 'a', displayName: 'A', channels: [mine], engagementPlan: [{ channelTargets: [{ channel: theirs }] }] }),
    ).toThrow('engagementPlan[0] must name only channels of this contact (add the channel with `channels` or addChannel first) (got "channel \\"SMS\\" (+12065550100)") at Stack/A');
    expect(
      () =>
        new Contact(stack, 'B', {
          alias: 'b',
          displayName: 'B',
          channels: [mine],
          engagementPlan: [{ channelTargets: [{ channel: mine, retryInterval: Duration.minutes(61) }] }],
        }),
    ).toThrow('`engagementPlan[0].channelTargets[0].retryInterval` must be a whole number of minutes from 0 to 60 (got "1 hour 1 minute") at Stack/B');
  });

  test('GIVEN no engagement plan THEN a warning says the contact cannot be engaged, and no plan is emitted', () => {
    const stack = newStack();
    new Contact(stack, 'Jane', { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.email('jane@example.com')] });
    const template = expectValidStack(stack);
    template.resourceCountIs('AWS::SSMContacts::Plan', 0);
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Jane',
      'The contact has no engagement plan, so Incident Manager cannot engage it. Add a stage with addEngagementStage. [ack: cdk-incident-manager:Contact.noEngagementPlan]',
    );
  });

  test('GIVEN a removal policy and tags THEN the contact, channels and plan follow them', () => {
    const stack = newStack();
    const email = ContactChannel.email('jane@example.com');
    const contact = new Contact(stack, 'Jane', {
      alias: 'jane',
      displayName: 'Jane',
      channels: [email],
      engagementPlan: [{ channels: [email] }],
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Tags.of(contact).add('team', 'sre');
    const template = expectValidStack(stack);
    template.hasResource('AWS::SSMContacts::Contact', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ Tags: [{ Key: 'team', Value: 'sre' }] }) });
    template.hasResource('AWS::SSMContacts::ContactChannel', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::SSMContacts::Plan', { DeletionPolicy: 'Delete' });
  });

  test('GIVEN grantEngage THEN the grantee may start engagements of exactly this contact', () => {
    const stack = newStack();
    const contact = new Contact(stack, 'Jane', { alias: 'jane', displayName: 'Jane' });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    contact.grantEngage(role);
    expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: getAtt(stack, contact.node.findChild('Resource')) }],
      },
    });
  });

  describe('importers', () => {
    test('GIVEN an ARN THEN alias, account and Region come from it and grants name it', () => {
      const stack = newStack();
      const arn = 'arn:aws:ssm-contacts:eu-west-1:444455556666:contact/ops-lead';
      const contact = Contact.fromContactArn(stack, 'Lead', arn);
      expect(contact.contactAlias).toEqual('ops-lead');
      expect(contact.env.account).toEqual('444455556666');
      expect(contact.env.region).toEqual('eu-west-1');
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      contact.grantEngage(role);
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: arn }] },
      });
    });

    test('GIVEN an alias THEN the ARN is in the stack account and Region', () => {
      const stack = newStack();
      const contact = Contact.fromContactAlias(stack, 'Lead', 'ops-lead');
      expect(stack.resolve(contact.contactArn)).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm-contacts:us-east-1:${ACCOUNT}:contact/ops-lead`]],
      });
    });

    test.each([
      ['a response plan ARN', `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/p`],
      ['an ARN without Region', `arn:aws:ssm-contacts::${ACCOUNT}:contact/jane`],
      ['an ARN without alias', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact`],
    ])('GIVEN %s THEN fromContactArn refuses it', (_name, arn) => {
      const stack = newStack();
      expect(() => Contact.fromContactArn(stack, 'Lead', arn)).toThrow(
        `\`contactArn\` must be an ARN of the form arn:<partition>:ssm-contacts:<region>:<account>:contact/<name> (got "${arn}") at Stack/Lead`,
      );
    });

    test('GIVEN a bad alias THEN fromContactAlias refuses it', () => {
      const stack = newStack();
      expect(() => Contact.fromContactAlias(stack, 'Lead', 'Ops Lead')).toThrow('`alias` must be lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "Ops Lead") at Stack/Lead');
    });

    test('GIVEN tokens THEN the importers accept them', () => {
      const stack = newStack();
      const arn = new CfnParameter(stack, 'Arn').valueAsString;
      const alias = new CfnParameter(stack, 'Alias').valueAsString;
      expect(Contact.fromContactArn(stack, 'A', arn).contactArn).toEqual(arn);
      expect(Contact.fromContactAlias(stack, 'B', alias).contactAlias).toEqual(alias);
    });
  });

  describe('validation', () => {
    const email = () => ContactChannel.email('jane@example.com');
    test.each([
      ['an alias with capitals', { alias: 'Jane', displayName: 'Jane' }, '`alias` must be lower-case letters, digits, _ and - only (no dot: the SSM Contacts API refuses one) (got "Jane") at Stack/Contact'],
      ['an empty alias', { alias: '', displayName: 'Jane' }, '`alias` must be 1 to 255 characters long (got "") at Stack/Contact'],
      ['an alias too long', { alias: 'a'.repeat(256), displayName: 'Jane' }, `\`alias\` must be 1 to 255 characters long (got "${'a'.repeat(100)}"… (256 characters)) at Stack/Contact [CONTACT_ALIAS]`],
      ['a display name with a dot', { alias: 'jane', displayName: 'Jane D.' }, '`displayName` must be letters, digits, spaces and _ - only (got "Jane D.") at Stack/Contact'],
      ['an empty display name', { alias: 'jane', displayName: '' }, '`displayName` must be 1 to 255 characters long (got "") at Stack/Contact'],
      [
        'a malformed e-mail address',
        { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.email('jane.example.com')] },
        '`e-mail address` must be an e-mail address such as jane@example.com (got "jane.example.com") at Stack/Contact',
      ],
      [
        'a phone number without +',
        { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.sms('2065550100')] },
        '`phone number` must be an E.164 phone number: + and the country code, then the number, 15 digits at most, without spaces (for example +12065550100) (got "2065550100") at Stack/Contact',
      ],
      [
        'a phone number with spaces',
        { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.voice('+1 206 555 0100')] },
        '`phone number` must be an E.164 phone number: + and the country code, then the number, 15 digits at most, without spaces (for example +12065550100) (got "+1 206 555 0100") at Stack/Contact',
      ],
      [
        'a channel name with a slash',
        { alias: 'jane', displayName: 'Jane', channels: [ContactChannel.email('jane@example.com', { name: 'home/work' })] },
        '`channel name` must be letters, digits, spaces and _ . - + \' & only (got "home/work") at Stack/Contact [CHANNEL]',
      ],
      [
        'two channels of the same name',
        { alias: 'jane', displayName: 'Jane', channels: [email(), email()] },
        'channel names must be unique within a contact (give each channel a `name`) (got "Email") at Stack/Contact',
      ],
    ])('GIVEN %s THEN the error names the value and what is allowed', (_name, props, message) => {
      const stack = newStack();
      expect(() => new Contact(stack, 'Contact', props as any)).toThrow(message);
    });

    test('GIVEN the same channel twice THEN it is refused', () => {
      const stack = newStack();
      const channel = email();
      expect(() => new Contact(stack, 'Contact', { alias: 'jane', displayName: 'Jane', channels: [channel, channel] })).toThrow(
        'a channel must be added to a contact once (got "Email") at Stack/Contact',
      );
    });

    test('GIVEN a stage naming another contact\'s channel THEN it is refused', () => {
      const stack = newStack();
      const mine = email();
      const theirs = ContactChannel.sms('+12065550100');
      new Contact(stack, 'Other', { alias: 'other', displayName: 'Other', channels: [theirs] });
      expect(
        () => new Contact(stack, 'Contact', { alias: 'jane', displayName: 'Jane', channels: [mine], engagementPlan: [{ channels: [theirs] }] }),
      ).toThrow(
        'engagementPlan[0] must name only channels of this contact (add the channel with `channels` or addChannel first) (got "channel \\"SMS\\" (+12065550100)") at Stack/Contact',
      );
    });

    test.each([
      ['no channels and no wait', { channels: [] }, '`engagementPlan[0].duration` must be a whole number of minutes from 1 to 30 when the stage has no channels (got "0 minutes") at Stack/Contact [ENGAGEMENT_PLAN]'],
      ['a duration over 30 minutes', { duration: Duration.minutes(31) }, '`engagementPlan[0].duration` must be a whole number of minutes from 0 to 30 (got "31 minutes") at Stack/Contact'],
      ['a duration in seconds', { duration: Duration.seconds(90) }, '`engagementPlan[0].duration` must be a whole number of minutes from 0 to 30 (got "1 minute 30 seconds") at Stack/Contact'],
      ['a retry interval over 60 minutes', { retryInterval: Duration.hours(2) }, '`engagementPlan[0].retryInterval` must be a whole number of minutes from 0 to 60 (got "2 hours") at Stack/Contact'],
    ])('GIVEN a stage with %s THEN it is refused', (_name, stage, message) => {
      const stack = newStack();
      const channel = email();
      expect(
        () => new Contact(stack, 'Contact', { alias: 'jane', displayName: 'Jane', channels: [channel], engagementPlan: [{ channels: [channel], ...stage }] }),
      ).toThrow(message);
    });

    test('GIVEN a stage without channels that waits THEN it is accepted (the API allows a wait stage)', () => {
      const stack = newStack();
      const channel = email();
      new Contact(stack, 'Contact', {
        alias: 'jane',
        displayName: 'Jane',
        channels: [channel],
        engagementPlan: [{ channels: [], duration: Duration.minutes(1) }, { channels: [channel] }],
      });
      expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Plan', {
        Stages: [{ DurationInMinutes: 1, Targets: [] }, Match.objectLike({ DurationInMinutes: 0 })],
      });
    });

    test('GIVEN tokens for names, addresses and durations THEN nothing is rejected', () => {
      const stack = newStack();
      const p = (id: string) => new CfnParameter(stack, id).valueAsString;
      const minutes = new CfnParameter(stack, 'Minutes', { type: 'Number' }).valueAsNumber;
      const emailChannel = ContactChannel.email(p('Email'));
      const smsChannel = ContactChannel.sms(p('Phone'));
      new Contact(stack, 'Contact', {
        alias: p('Alias'),
        displayName: p('Name'),
        channels: [emailChannel, smsChannel],
        engagementPlan: [{ channels: [emailChannel, smsChannel], duration: Duration.minutes(minutes), retryInterval: Duration.minutes(minutes) }],
      });
      expectValidStack(stack).hasResourceProperties('AWS::SSMContacts::Plan', {
        Stages: [{ DurationInMinutes: { Ref: 'Minutes' }, Targets: Match.anyValue() }],
      });
    });
  });
});
