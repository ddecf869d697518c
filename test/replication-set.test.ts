import { App, Aws, CfnParameter, NestedStack, RemovalPolicy, Stack, Stage, Tags, aws_kms as kms, aws_ssmcontacts as ssmcontacts } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Contact, IncidentManagerKey, ReplicationSet } from '../src';
import { WEST_KEY_ARN } from './support/fixtures';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

describe('ReplicationSet', () => {
  test('GIVEN two Regions with customer-managed keys THEN each Region names its key, deletion protection is on and the resource is retained', () => {
    // GIVEN
    const stack = newStack();
    const eastKey = new IncidentManagerKey(stack, 'EastKey');
    const westKey = kms.Key.fromKeyArn(stack, 'WestKey', WEST_KEY_ARN);

    // WHEN
    new ReplicationSet(stack, 'ReplicationSet', {
      regions: [
        { region: 'us-east-1', key: eastKey },
        { region: 'us-west-2', key: westKey },
      ],
    });

    // THEN
    const template = expectValidStack(stack);
    template.hasResource('AWS::SSMIncidents::ReplicationSet', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        DeletionProtected: true,
        Regions: [
          { RegionName: 'us-east-1', RegionConfiguration: { SseKmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EastKey'), 'Arn'] } } },
          { RegionName: 'us-west-2', RegionConfiguration: { SseKmsKeyId: WEST_KEY_ARN } },
        ],
      },
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('GIVEN Regions without keys THEN they use the AWS owned key (no RegionConfiguration)', () => {
    const stack = newStack();
    new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'eu-west-1' }] });
    expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ReplicationSet', {
      Regions: [{ RegionName: 'us-east-1' }, { RegionName: 'eu-west-1' }],
    });
  });

  test('GIVEN deletion protection off and a destroy policy THEN both are honoured', () => {
    const stack = newStack();
    new ReplicationSet(stack, 'ReplicationSet', {
      regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }],
      deletionProtection: false,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    expectValidStack(stack).hasResource('AWS::SSMIncidents::ReplicationSet', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtected: false }),
    });
  });

  test('GIVEN a destroy policy with deletion protection on THEN it is refused (the delete would fail)', () => {
    const stack = newStack();
    expect(() => new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }], removalPolicy: RemovalPolicy.DESTROY })).toThrow(
      '`removalPolicy` must be RemovalPolicy.RETAIN (the default) unless `deletionProtection` is false: Incident Manager refuses to delete a protected replication set, so the deletion would fail (got "RemovalPolicy.DESTROY with deletion protection on") at Stack/ReplicationSet',
    );
  });

  test('GIVEN an asymmetric key for a Region THEN it is refused', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Rsa', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT });
    expect(() => new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1', key }] })).toThrow(
      'the key for Region us-east-1 must be a symmetric encryption key (KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT) (got "Stack/Rsa with key spec RSA_2048 and usage ENCRYPT_DECRYPT") at Stack/ReplicationSet',
    );
  });

  test('GIVEN one Region THEN a warning says incidents cannot be created on a Regional failure', () => {
    const stack = newStack();
    new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1' }] });
    expectValidStack(stack);
    Annotations.fromStack(stack).hasWarning(
      '/Stack/ReplicationSet',
      'The replication set has one Region (us-east-1): incidents cannot be created while that Region fails. Add a second Region. [ack: cdk-incident-manager:ReplicationSet.singleRegion]',
    );
  });

  test('GIVEN tags THEN the replication set carries them', () => {
    const stack = newStack();
    const rs = new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
    Tags.of(rs).add('team', 'sre');
    expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ReplicationSet', {
      Tags: [{ Key: 'team', Value: 'sre' }],
    });
  });

  test('GIVEN the replication set THEN its ARN is the Arn attribute', () => {
    const stack = newStack();
    const rs = new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
    expect(stack.resolve(rs.replicationSetArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(rs.node.defaultChild as any), 'Arn'] });
  });

  describe('validation', () => {
    const key = (stack: Stack, id: string) => new IncidentManagerKey(stack, id);
    test.each([
      ['no Region', () => [], '`regions` must have 1 to 3 Regions (got "0 Regions") at Stack/ReplicationSet'],
      [
        'four Regions',
        () => ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'].map((region) => ({ region })),
        '`regions` must have 1 to 3 Regions (got "4 Regions") at Stack/ReplicationSet',
      ],
      [
        'a Region twice',
        () => [{ region: 'us-east-1' }, { region: 'us-east-1' }],
        '`regions` must name each Region once ("us-east-1" appears twice) (got ["us-east-1","us-east-1"]) at Stack/ReplicationSet',
      ],
      [
        'a malformed Region',
        () => [{ region: 'US East' }],
        '`regions[0].region` must be a Region name such as us-east-1 (got "US East") at Stack/ReplicationSet',
      ],
    ])('GIVEN %s THEN the error names the value and what is allowed', (_name, regions, message) => {
      const stack = newStack();
      expect(() => new ReplicationSet(stack, 'ReplicationSet', { regions: regions() as any })).toThrow(message);
    });

    test('GIVEN a key in one Region only THEN the mix is refused', () => {
      const stack = newStack();
      expect(
        () =>
          new ReplicationSet(stack, 'ReplicationSet', {
            regions: [{ region: 'us-east-1', key: key(stack, 'K') }, { region: 'us-west-2' }],
          }),
      ).toThrow(
        '`regions` must use a customer-managed key in every Region or in none (Incident Manager refuses a mix of AWS owned and customer-managed keys) (got "keys for us-east-1 only") at Stack/ReplicationSet',
      );
    });

    test('GIVEN a key of the stack for another Region THEN the error says to import that Region\'s key by ARN', () => {
      const stack = newStack();
      expect(
        () =>
          new ReplicationSet(stack, 'ReplicationSet', {
            regions: [
              { region: 'us-east-1', key: key(stack, 'K1') },
              { region: 'us-west-2', key: key(stack, 'K2') },
            ],
          }),
      ).toThrow(
        "the key for Region us-west-2 must be in us-west-2; for a Region other than the stack's own, import that Region's key with kms.Key.fromKeyArn (got \"a key in us-east-1 (Stack/K2)\") at Stack/ReplicationSet",
      );
    });

    test('GIVEN an imported key from another Region THEN the error names it', () => {
      const stack = newStack();
      expect(
        () =>
          new ReplicationSet(stack, 'ReplicationSet', {
            regions: [
              { region: 'us-east-1', key: key(stack, 'K1') },
              { region: 'eu-west-1', key: kms.Key.fromKeyArn(stack, 'West', WEST_KEY_ARN) },
            ],
          }),
      ).toThrow(
        "the key for Region eu-west-1 must be in eu-west-1; for a Region other than the stack's own, import that Region's key with kms.Key.fromKeyArn (got \"a key in us-west-2 (Stack/West)\") at Stack/ReplicationSet",
      );
    });

    test('GIVEN a second replication set in the stack THEN it is refused', () => {
      const stack = newStack();
      new ReplicationSet(stack, 'First', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
      expect(() => new ReplicationSet(stack, 'Second', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] })).toThrow(
        'an account must have one replication set (in every stack and Region of the app): import the existing one with ReplicationSet.fromReplicationSetArn (got "a second replication set; the first is Stack/First") at Stack/Second [REPLICATION_SET_SINGLETON]',
      );
    });

    test('GIVEN a second replication set in a nested stack THEN it is refused too', () => {
      const stack = newStack();
      new ReplicationSet(stack, 'First', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
      const nested = new NestedStack(stack, 'Nested');
      expect(() => new ReplicationSet(nested, 'Second', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] })).toThrow(
        /an account must have one replication set/,
      );
    });

    test('GIVEN tokens for Regions and keys THEN nothing is rejected', () => {
      const stack = newStack();
      const region = new CfnParameter(stack, 'Region').valueAsString;
      const keyArn = new CfnParameter(stack, 'KeyArn').valueAsString;
      new ReplicationSet(stack, 'ReplicationSet', {
        regions: [
          { region, key: kms.Key.fromKeyArn(stack, 'K', keyArn) },
          { region: Aws.REGION, key: key(stack, 'K2') },
        ],
      });
      expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ReplicationSet', {
        Regions: [{ RegionName: { Ref: 'Region' }, RegionConfiguration: { SseKmsKeyId: { Ref: 'KeyArn' } } }, Match.anyValue()],
      });
    });
  });

  describe('importers', () => {
    test('GIVEN an ARN THEN the import carries it and its account', () => {
      const stack = newStack();
      const arn = `arn:aws:ssm-incidents::${ACCOUNT}:replication-set/40bd98f0-4110-2dee-b35e-b87006f9e172`;
      const rs = ReplicationSet.fromReplicationSetArn(stack, 'Existing', arn);
      expect(rs.replicationSetArn).toEqual(arn);
      expect(rs.env.account).toEqual(ACCOUNT);
    });

    test('GIVEN an ID THEN arnForReplicationSetId builds the region-less ARN', () => {
      const stack = newStack();
      expect(stack.resolve(ReplicationSet.arnForReplicationSetId(stack, 'abc'))).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm-incidents::${ACCOUNT}:replication-set/abc`]],
      });
    });

    test.each([
      ['a contact ARN', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/jane`],
      ['a regional ARN', `arn:aws:ssm-incidents:us-east-1:${ACCOUNT}:replication-set/abc`],
      ['no ARN', 'replication-set/abc'],
    ])('GIVEN %s THEN the import is refused', (_name, arn) => {
      const stack = newStack();
      expect(() => ReplicationSet.fromReplicationSetArn(stack, 'Existing', arn)).toThrow(
        `\`replicationSetArn\` must be an ARN of the form arn:<partition>:ssm-incidents::<account>:replication-set/<name> (got "${arn}") at Stack/Existing`,
      );
    });

    test('GIVEN a token ARN THEN the import accepts it', () => {
      const stack = newStack();
      const arn = new CfnParameter(stack, 'Arn').valueAsString;
      expect(ReplicationSet.fromReplicationSetArn(stack, 'Existing', arn).replicationSetArn).toEqual(arn);
    });
  });

  describe('every Incident Manager resource depends on the replication set', () => {
    test('GIVEN contacts defined before and after it, and an L1 of the user THEN all depend on it', () => {
      // GIVEN
      const stack = newStack();
      new Contact(stack, 'Before', { alias: 'before', displayName: 'Before' });
      const rs = new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
      new Contact(stack, 'After', { alias: 'after', displayName: 'After' });
      new ssmcontacts.CfnContact(stack, 'Raw', { alias: 'raw', displayName: 'Raw', type: 'PERSONAL' });

      // THEN
      const template = expectValidStack(stack);
      const rsId = stack.getLogicalId(rs.node.defaultChild as any);
      const contacts = template.findResources('AWS::SSMContacts::Contact');
      expect(Object.keys(contacts)).toHaveLength(3);
      for (const contact of Object.values(contacts)) {
        expect(contact.DependsOn).toEqual([rsId]);
      }
      expect(template.findResources('AWS::SSMIncidents::ReplicationSet')[rsId].DependsOn).toBeUndefined();
    });

    test('GIVEN a contact in a nested stack THEN the nested stack depends on the replication set', () => {
      const stack = newStack();
      const rs = new ReplicationSet(stack, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
      const nested = new NestedStack(stack, 'Contacts');
      new Contact(nested, 'Jane', { alias: 'jane', displayName: 'Jane' });
      const template = expectValidStack(stack);
      const rsId = stack.getLogicalId(rs.node.defaultChild as any);
      const [nestedResource] = Object.values(template.findResources('AWS::CloudFormation::Stack'));
      expect(nestedResource.DependsOn).toEqual([rsId]);
      expectValidStack(nested);
    });

    describe('GIVEN the replication set in a nested stack of the user\'s design', () => {
      // Parent stack P: contact "parent" and two nested stacks; N1 holds the replication set and
      // contact "inner" (and a nested stack N1/Deep with contact "deep"); N2 holds contact "sibling".
      const build = () => {
        const stack = newStack();
        const n1 = new NestedStack(stack, 'N1');
        const n2 = new NestedStack(stack, 'N2');
        const deep = new NestedStack(n1, 'Deep');
        new Contact(stack, 'Parent', { alias: 'parent', displayName: 'Parent' });
        new Contact(n2, 'Sibling', { alias: 'sibling', displayName: 'Sibling' });
        new ssmcontacts.CfnContact(n2, 'Raw', { alias: 'raw', displayName: 'Raw', type: 'PERSONAL' });
        const rs = new ReplicationSet(n1, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
        new Contact(n1, 'Inner', { alias: 'inner', displayName: 'Inner' });
        new Contact(deep, 'Deep', { alias: 'deep', displayName: 'Deep' });
        (stack.node.root as App).synth();
        const nestedId = (nested: NestedStack) => stack.getLogicalId(nested.nestedStackResource as any);
        return { stack, n1, n2, deep, rs, nestedId };
      };

      test('THEN a contact in the parent stack waits for the nested stack that holds it', () => {
        const { stack, n1, nestedId } = build();
        const template = expectValidStack(stack);
        const [parent] = Object.values(template.findResources('AWS::SSMContacts::Contact'));
        expect(parent.DependsOn).toEqual([nestedId(n1)]);
      });

      test('THEN a sibling nested stack (with a contact of the library and an L1) waits for it', () => {
        const { stack, n1, n2, nestedId } = build();
        const template = expectValidStack(stack);
        expect(template.toJSON().Resources[nestedId(n2)].DependsOn).toEqual([nestedId(n1)]);
        expect(template.toJSON().Resources[nestedId(n1)].DependsOn).toBeUndefined();
      });

      test('THEN in its own nested stack and a nested stack of it, everything waits for it', () => {
        const { n1, deep, rs, nestedId } = build();
        const inner = expectValidStack(n1);
        const rsId = n1.getLogicalId(rs.node.defaultChild as any);
        const [contact] = Object.values(inner.findResources('AWS::SSMContacts::Contact'));
        expect(contact.DependsOn).toEqual([rsId]);
        expect(inner.toJSON().Resources[nestedId(deep)].DependsOn).toEqual([rsId]);
      });
    });

    test('GIVEN an L1 contact in another stack of the same account THEN that stack waits for the replication set\'s stack; of another account or stage it does not', () => {
      const app = new App();
      const env = (account: string) => ({ account, region: 'us-east-1' });
      const ops = new Stack(app, 'Ops', { env: env(ACCOUNT) });
      const same = new Stack(app, 'Same', { env: env(ACCOUNT) });
      const other = new Stack(app, 'Other', { env: env('444455556666') });
      const stage = new Stage(app, 'Pipeline');
      const staged = new Stack(stage, 'Staged', { env: env(ACCOUNT) });
      new ReplicationSet(ops, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
      for (const stack of [same, other, staged]) {
        new ssmcontacts.CfnContact(stack, 'Raw', { alias: 'raw', displayName: 'Raw', type: 'PERSONAL' });
      }
      app.synth();
      expect(same.dependencies.map((s) => s.stackName)).toEqual(['Ops']);
      expect(other.dependencies).toEqual([]);
      expect(staged.dependencies).toEqual([]);
    });

    test('GIVEN no replication set in the stack THEN contacts depend on nothing', () => {
      const stack = newStack();
      new Contact(stack, 'Jane', { alias: 'jane', displayName: 'Jane' });
      const template = expectValidStack(stack);
      expect(Object.values(template.findResources('AWS::SSMContacts::Contact'))[0].DependsOn).toBeUndefined();
    });

    test('GIVEN a replication set in another stack THEN this stack is not touched', () => {
      const app = new App();
      const a = new Stack(app, 'A', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const b = new Stack(app, 'B', { env: { account: ACCOUNT, region: 'us-east-1' } });
      new ReplicationSet(a, 'ReplicationSet', { regions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] });
      new Contact(b, 'Jane', { alias: 'jane', displayName: 'Jane' });
      const template = expectValidStack(b);
      expect(Object.values(template.findResources('AWS::SSMContacts::Contact'))[0].DependsOn).toBeUndefined();
    });
  });
});

describe('the replication set of constructs in other stacks', () => {
  const env = (region: string) => ({ account: ACCOUNT, region });

  test.each([['before', true], ['after', false]])('GIVEN the replication set defined %s the contact, in another stack THEN the contact stack waits for it', (_when, setFirst) => {
    const app = new App();
    const ops = new Stack(app, 'Ops', { env: env('us-east-1') });
    const people = new Stack(app, 'People', { env: env('us-east-1') });
    const define = [
      () => new ReplicationSet(ops, 'Set', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }] }),
      () => new Contact(people, 'Alice', { alias: 'alice', displayName: 'Alice' }),
    ];
    (setFirst ? define : [...define].reverse()).forEach((d) => d());
    app.synth();
    expect(people.dependencies.map((s) => s.stackName)).toEqual(['Ops']);
  });

  test('GIVEN a stack in a Region the replication set does not have THEN an Incident Manager construct there is refused', () => {
    const app = new App();
    new ReplicationSet(new Stack(app, 'Ops', { env: env('us-east-1') }), 'Set', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }] });
    const eu = new Stack(app, 'Eu', { env: env('eu-west-1') });
    expect(() => new Contact(eu, 'Alice', { alias: 'alice', displayName: 'Alice' })).toThrow(
      "the stack Region must be a Region of the account's replication set (us-east-1, us-west-2): Incident Manager creates contacts, rotations and response plans only there (got \"eu-west-1\") at Eu/Alice [REPLICATION_SET_REGIONS]",
    );
  });

  test('GIVEN an imported replication set with its Regions, or of another account THEN they are checked', () => {
    const stack = newStack();
    const set = ReplicationSet.fromReplicationSetAttributes(stack, 'Set', {
      replicationSetArn: `arn:aws:ssm-incidents::${ACCOUNT}:replication-set/abc`,
      replicationRegions: ['us-west-2', 'eu-west-1'],
    });
    expect(() => new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice', replicationSet: set })).toThrow('(got "us-east-1") at Stack/Alice [REPLICATION_SET_REGIONS]');
    const other = ReplicationSet.fromReplicationSetArn(stack, 'Other', 'arn:aws:ssm-incidents::444455556666:replication-set/abc');
    expect(() => new Contact(stack, 'Bob', { alias: 'bob', displayName: 'Bob', replicationSet: other })).toThrow(
      '`replicationSet` must be the replication set of this account 111122223333 (got "the replication set Stack/Other of account 444455556666") at Stack/Bob [REPLICATION_SET_REGIONS]',
    );
  });

  test('GIVEN the existing replication set by account alone THEN nothing needs its ARN; using it fails synthesis with the way out', () => {
    const stack = newStack();
    const existing = ReplicationSet.fromAccount(stack, 'Existing', { replicationRegions: ['us-east-1', 'us-west-2'] });
    new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice', replicationSet: existing });
    expectValidStack(stack);
    const other = newStack();
    const existingThere = ReplicationSet.fromAccount(other, 'Existing');
    new CfnParameter(other, 'Arn', { default: existingThere.replicationSetArn });
    expect(() => (other.node.root as App).synth()).toThrow(
      'the ARN of a replication set imported with ReplicationSet.fromAccount must be given: import the replication set with ReplicationSet.fromReplicationSetArn when its ARN is needed (the console shows it under Incident Manager settings) (got "used in the app") at Stack/Existing [ARN]',
    );
  });
});
