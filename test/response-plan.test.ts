import {
  CfnParameter,
  Duration,
  Stack,
  Tags,
  aws_iam as iam,
  aws_kms as kms,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ChatChannel,
  Contact,
  EscalationPlan,
  Impact,
  ReplicationSet,
  ResponsePlan,
  ResponsePlanProps,
  Runbook,
} from '../src';
import { OTHER_PLAN_ARN, PLAN_ARN, PLAN_NAME, RECORD_ACTIONS, ctxFor, getAtt, logicalId, partitionJoin, plan, publishStatement } from './support/fixtures';
import { isAllowed, isAuthorized, statementsOfRole } from './support/policy-sim';
import { ACCOUNT, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

describe('ResponsePlan', () => {
  test('GIVEN an incident template THEN name, impact number, summary, dedupe string, tags and topics are emitted', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    const p = plan(stack, {
      displayName: 'Critical incidents',
      summary: 'Customers cannot pay',
      dedupeString: 'checkout',
      incidentTags: { team: 'payments' },
      notificationTopics: [topic],
    });
    Tags.of(p).add('owner', 'sre');
    const template = expectValidStack(stack);
    template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Name: PLAN_NAME,
      DisplayName: 'Critical incidents',
      IncidentTemplate: {
        Title: 'Checkout is down',
        Impact: 1,
        Summary: 'Customers cannot pay',
        DedupeString: 'checkout',
        IncidentTags: [{ Key: 'team', Value: 'payments' }],
        NotificationTargets: [{ SnsTopicArn: { Ref: logicalId(stack, topic) } }],
      },
      Tags: [{ Key: 'owner', Value: 'sre' }],
      Engagements: Match.absent(),
      Actions: Match.absent(),
    });
  });

  test.each([
    [Impact.CRITICAL, 1],
    [Impact.HIGH, 2],
    [Impact.MEDIUM, 3],
    [Impact.LOW, 4],
    [Impact.NO_IMPACT, 5],
  ])('GIVEN impact %s THEN the template has %d', (impact, value) => {
    const stack = newStack();
    plan(stack, { impact });
    expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { IncidentTemplate: Match.objectLike({ Impact: value }) });
  });

  test('GIVEN no name THEN a valid one is generated from the construct path', () => {
    const stack = newStack();
    new ResponsePlan(stack, 'Critical Plan', { title: 't', impact: Impact.LOW });
    const [resource] = Object.values(expectValidStack(stack).findResources('AWS::SSMIncidents::ResponsePlan'));
    expect(resource.Properties.Name).toMatch(/^Stack-CriticalPlan-[A-Z0-9]{8}$/);
  });

  test('GIVEN engagements THEN their ARNs are emitted, including ones added later', () => {
    const stack = newStack();
    const alice = new Contact(stack, 'Alice', { alias: 'alice', displayName: 'Alice' });
    const escalation = new EscalationPlan(stack, 'Escalation', { alias: 'esc', displayName: 'Esc', stages: [{ duration: Duration.minutes(5), targets: [{ contact: alice }] }] });
    const p = plan(stack, { engagements: [escalation] });
    p.addEngagement(alice);
    expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
      Engagements: [getAtt(stack, escalation), getAtt(stack, alice)],
    });
  });

  describe('grants', () => {
    test('GIVEN grantStartIncident THEN exactly StartIncident on the plan ARN', () => {
      const stack = newStack();
      const p = plan(stack);
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      p.grantStartIncident(role);
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm-incidents:StartIncident', Resource: getAtt(stack, p) }] },
      });
    });

    test('GIVEN grantResolveIncidents THEN the resolver managed policy\'s actions on this plan and its records, * only for the list actions', () => {
      const stack = newStack();
      const p = plan(stack);
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      p.grantResolveIncidents(role);
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: ['ssm-incidents:StartIncident', 'ssm-incidents:GetResponsePlan'], Resource: getAtt(stack, p) },
            {
              Effect: 'Allow',
              Action: RECORD_ACTIONS,
              // The Service Authorization Reference requires both incident-record and response-plan.
              Resource: [partitionJoin(`:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/*`), getAtt(stack, p)],
            },
            { Effect: 'Allow', Action: ['ssm-incidents:ListResponsePlans', 'ssm-incidents:ListIncidentRecords'], Resource: '*' },
          ],
        },
      });
      const statements = statementsOfRole(template.toJSON(), logicalId(stack, role), ctxFor(stack, p));
      const record = `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`;
      // Every responder action, on every resource AWS's request carries (record and plan).
      for (const action of RECORD_ACTIONS) {
        expect([action, isAuthorized(statements, action, [record, PLAN_ARN])]).toEqual([action, true]);
        expect([action, isAuthorized(statements, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`, OTHER_PLAN_ARN])]).toEqual([action, false]);
      }
      expect(isAuthorized(statements, 'ssm-incidents:GetResponsePlan', [PLAN_ARN])).toBe(true);
      expect(isAuthorized(statements, 'ssm-incidents:ListIncidentRecords', ['*'])).toBe(true);
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:DeleteIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`)).toBe(false);
    });
  });

  describe('runbook signals', () => {
    test('GIVEN grantRunbookSignals THEN ssm:SendAutomationSignal on the automation executions of the plan\'s account, and nothing else', () => {
      const stack = newStack();
      const p = plan(stack, { runbook: { runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate') } });
      const responder = new iam.Role(stack, 'Responder', { assumedBy: new iam.AccountRootPrincipal() });
      p.grantRunbookSignals(responder);
      const template = expectValidStack(stack);
      // The Service Authorization Reference (Systems Manager): SendAutomationSignal requires automation-execution only.
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: logicalId(stack, responder) }],
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm:SendAutomationSignal', Resource: partitionJoin(`:ssm:*:${ACCOUNT}:automation-execution/*`) }] },
      });
      const statements = statementsOfRole(template.toJSON(), logicalId(stack, responder), ctxFor(stack, p));
      expect(isAuthorized(statements, 'ssm:SendAutomationSignal', [`arn:aws:ssm:eu-west-1:${ACCOUNT}:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`])).toBe(true);
      expect(isAuthorized(statements, 'ssm:SendAutomationSignal', ['arn:aws:ssm:eu-west-1:444455556666:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'])).toBe(false);
      expect(isAllowed(statements, 'ssm:StopAutomationExecution', `arn:aws:ssm:eu-west-1:${ACCOUNT}:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`)).toBe(false);
    });

    test('GIVEN a plan shared from another account THEN the signal grant names that account\'s executions', () => {
      const stack = newStack();
      const shared = ResponsePlan.fromResponsePlanArn(stack, 'Shared', 'arn:aws:ssm-incidents::444455556666:response-plan/shared-critical');
      const responder = new iam.Role(stack, 'Responder', { assumedBy: new iam.AccountRootPrincipal() });
      shared.grantRunbookSignals(responder);
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm:SendAutomationSignal', Resource: partitionJoin(':ssm:*:444455556666:automation-execution/*') }] },
      });
    });
  });

  describe('importers', () => {
    test('GIVEN a plan shared from another account THEN name, account and grants come from its ARN', () => {
      const stack = newStack();
      const arn = 'arn:aws:ssm-incidents::444455556666:response-plan/shared-critical';
      const shared = ResponsePlan.fromResponsePlanArn(stack, 'Shared', arn);
      expect(shared.responsePlanName).toEqual('shared-critical');
      expect(shared.env.account).toEqual('444455556666');
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      shared.grantResolveIncidents(role);
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Resource: arn }),
            Match.objectLike({ Resource: [partitionJoin(':ssm-incidents::444455556666:incident-record/shared-critical/*'), arn] }),
          ]),
        },
      });
    });

    test('GIVEN a name THEN the ARN is the region-less one of the stack account', () => {
      const stack = newStack();
      expect(stack.resolve(ResponsePlan.fromResponsePlanName(stack, 'P', 'critical').responsePlanArn)).toEqual(
        partitionJoin(`:ssm-incidents::${ACCOUNT}:response-plan/critical`),
      );
    });

    test.each([
      ['a contact ARN', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/a`],
      ['a regional ARN', `arn:aws:ssm-incidents:us-east-1:${ACCOUNT}:response-plan/a`],
    ])('GIVEN %s THEN fromResponsePlanArn refuses it', (_name, arn) => {
      const stack = newStack();
      expect(() => ResponsePlan.fromResponsePlanArn(stack, 'P', arn)).toThrow(
        `\`responsePlanArn\` must be an ARN of the form arn:<partition>:ssm-incidents::<account>:response-plan/<name> (got "${arn}") at Stack/P`,
      );
    });
  });

  describe('topics Incident Manager publishes to', () => {

    test('GIVEN notification topics THEN each gets the publishing statement, and the plan waits for the topic policies', () => {
      const stack = newStack();
      const chat = new ChatChannel(stack, 'Chat');
      const notify = new sns.Topic(stack, 'Notify');
      plan(stack, { chatChannel: chat, notificationTopics: [notify, chat.topic] });
      const template = expectValidStack(stack);
      for (const topic of [notify, chat.topic]) {
        const topicRef = { Ref: logicalId(stack, topic) };
        template.hasResourceProperties('AWS::SNS::TopicPolicy', {
          Topics: [topicRef],
          PolicyDocument: { Statement: Match.arrayWith([publishStatement(topicRef)]) },
        });
      }
      // The chat topic, also a notification topic, has the statement once.
      const chatPolicy = Object.values(template.findResources('AWS::SNS::TopicPolicy')).find((r) => r.Properties.Topics[0].Ref === logicalId(stack, chat.topic))!;
      expect(chatPolicy.Properties.PolicyDocument.Statement.filter((st: any) => st.Sid === 'IncidentManagerSNSPublishingPermissions')).toHaveLength(1);
      const [planResource] = Object.values(template.findResources('AWS::SSMIncidents::ResponsePlan'));
      const policies = Object.keys(template.findResources('AWS::SNS::TopicPolicy'));
      expect(policies).toHaveLength(2);
      expect(planResource.DependsOn).toEqual(expect.arrayContaining(policies));
    });

    test('GIVEN topics encrypted with a key of this app THEN the key lets Incident Manager encrypt for the named topic, or for topics of the account, and the plan waits for the key', () => {
      const stack = newStack();
      const key = new kms.Key(stack, 'TopicKey', { enableKeyRotation: true });
      const topic = new sns.Topic(stack, 'Encrypted', { masterKey: key, topicName: 'incident-updates' });
      const unnamed = new sns.Topic(stack, 'Unnamed', { masterKey: key });
      plan(stack, { notificationTopics: [topic, unnamed] });
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            {
              Sid: 'IncidentManagerSNSTopicKey',
              Effect: 'Allow',
              Principal: { Service: 'ssm-incidents.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
              // The topic refers to the key, so the key policy names the topic by its ARN, not a Ref.
              Condition: { StringLike: { 'kms:EncryptionContext:aws:sns:topicArn': partitionJoin(`:sns:us-east-1:${ACCOUNT}:incident-updates`) } },
            },
            Match.objectLike({ Condition: { StringLike: { 'kms:EncryptionContext:aws:sns:topicArn': partitionJoin(`:sns:us-east-1:${ACCOUNT}:*`) } } }),
          ]),
        },
      });
      const [planResource] = Object.values(template.findResources('AWS::SSMIncidents::ResponsePlan'));
      expect(planResource.DependsOn).toEqual(expect.arrayContaining([logicalId(stack, key)]));
    });

    test('GIVEN imported topics THEN a warning gives the exact statements to add where they are defined', () => {
      const stack = newStack();
      const arn = `arn:aws:sns:us-east-1:${ACCOUNT}:incidents`;
      const chat = new ChatChannel(stack, 'Chat', { topic: sns.Topic.fromTopicArn(stack, 'T', arn) });
      plan(stack, { chatChannel: chat, notificationTopics: [sns.Topic.fromTopicArn(stack, 'N', `${arn}-notify`)] });
      expectValidStack(stack);
      const publish = (topicArn: string) =>
        `{"Action":"sns:Publish","Condition":{"StringEqualsIfExists":{"AWS:SourceAccount":"${ACCOUNT}"}},"Effect":"Allow","Principal":{"Service":"ssm-incidents.amazonaws.com"},"Resource":"${topicArn}","Sid":"IncidentManagerSNSPublishingPermissions"}`;
      const key = (topicArn: string) =>
        `{"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Condition":{"StringLike":{"kms:EncryptionContext:aws:sns:topicArn":"${topicArn}"}},"Effect":"Allow","Principal":{"Service":"ssm-incidents.amazonaws.com"},"Resource":"*","Sid":"IncidentManagerSNSTopicKey"}`;
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('is imported, so its policies are not changed here'));
      expect(warnings.map((w) => [w.id, w.entry.data])).toEqual([
        [
          '/Stack/Chat',
          `The chat channel topic ${arn} is imported, so its policies are not changed here. Where it is defined, add this statement to its topic policy: ${publish(arn)} and, if the topic is encrypted with a customer-managed key, this statement to that key's policy: ${key(arn)} [ack: cdk-incident-manager:topicPolicy]`,
        ],
        [
          '/Stack/Plan',
          `The notification topic notificationTopics[0] ${arn}-notify is imported, so its policies are not changed here. Where it is defined, add this statement to its topic policy: ${publish(`${arn}-notify`)} and, if the topic is encrypted with a customer-managed key, this statement to that key's policy: ${key(`${arn}-notify`)} [ack: cdk-incident-manager:topicPolicy]`,
        ],
      ]);
    });

    test('GIVEN a FIFO notification topic THEN it is refused', () => {
      const stack = newStack();
      const fifo = new sns.Topic(stack, 'Fifo', { fifo: true, topicName: 'incidents' });
      expect(() => plan(stack, { notificationTopics: [fifo] })).toThrow('`notificationTopics[0]` must be a standard SNS topic, not a FIFO topic');
    });

    test('GIVEN a topic of another stack in another Region as notification target THEN it is refused', () => {
      const stack = newStack();
      const other = new Stack(stack.node.root as any, 'Other', { env: { account: ACCOUNT, region: 'eu-west-1' } });
      expect(() => plan(stack, { notificationTopics: [new sns.Topic(other, 'T')] })).toThrow(
        "`notificationTopics[0]` must be in the response plan's Region us-east-1 (Incident Manager cannot use a topic of another account or Region) (got \"Other/T in Region eu-west-1\") at Stack/Plan",
      );
    });
  });

  describe('PagerDuty', () => {
    test('GIVEN a secret with a customer-managed key THEN the integration, the secret policy and the key policy statement for Incident Manager', () => {
      const stack = newStack();
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
      const secret = new secretsmanager.Secret(stack, 'Secret', { encryptionKey: key });
      plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } });
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Integrations: [{ PagerDutyConfiguration: { Name: 'PagerDuty', SecretId: { Ref: logicalId(stack, secret) }, PagerDutyIncidentConfiguration: { ServiceId: 'PABC123' } } }],
      });
      // The user guide's statements ("Storing PagerDuty access credentials"), with aws:SourceAccount in
      // the IfExists form of the SNS statement AWS documents ("Chat channels"): no page says Incident
      // Manager sends the key when it reads the secret, and StringEquals would then deny it.
      template.hasResourceProperties('AWS::SecretsManager::ResourcePolicy', {
        ResourcePolicy: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ssm-incidents.amazonaws.com' },
              Action: 'secretsmanager:GetSecretValue',
              Resource: '*',
              Condition: { StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT } },
            },
          ],
        },
      });
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Principal: { Service: 'ssm-incidents.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
              Condition: {
                StringEquals: { 'kms:ViaService': [{ 'Fn::Join': ['', ['secretsmanager.us-east-1.', { Ref: 'AWS::URLSuffix' }]] }] },
                StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT },
              },
            },
          ]),
        },
      });
      // Incident Manager validates the secret when it creates the plan: both policies come first.
      const [planResource] = Object.values(template.findResources('AWS::SSMIncidents::ResponsePlan'));
      expect(planResource.DependsOn).toEqual(expect.arrayContaining([logicalId(stack, key), expect.stringMatching(/^SecretPolicy/)]));
    });

    test('GIVEN a replication set of two Regions THEN the key statement names Secrets Manager in both, and a key that is not multi-Region is warned about', () => {
      const stack = newStack();
      new ReplicationSet(stack, 'Set', { regions: [{ region: 'us-east-1' }, { region: 'us-west-2' }] });
      const single = new kms.Key(stack, 'Single', { enableKeyRotation: true });
      const multi = new kms.Key(stack, 'Multi', { enableKeyRotation: true, multiRegion: true });
      plan(stack, { pagerDuty: { serviceId: 'P1', secret: new secretsmanager.Secret(stack, 'S1', { encryptionKey: single }) } }, 'One');
      plan(stack, { responsePlanName: 'two', pagerDuty: { serviceId: 'P2', secret: new secretsmanager.Secret(stack, 'S2', { encryptionKey: multi }) } }, 'Two');
      const template = expectValidStack(stack);
      const statement = template.toJSON().Resources[logicalId(stack, multi)].Properties.KeyPolicy.Statement.find((st: any) => st.Principal.Service === 'ssm-incidents.amazonaws.com');
      expect(statement.Condition.StringEquals['kms:ViaService']).toEqual([
        { 'Fn::Join': ['', ['secretsmanager.us-east-1.', { Ref: 'AWS::URLSuffix' }]] },
        { 'Fn::Join': ['', ['secretsmanager.us-west-2.', { Ref: 'AWS::URLSuffix' }]] },
      ]);
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('is not a multi-Region key'));
      expect(warnings.map((w) => w.id)).toEqual(['/Stack/One']);
    });

    test('GIVEN an asymmetric key on the secret THEN it is refused', () => {
      const stack = newStack();
      const key = new kms.Key(stack, 'Key', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT });
      expect(() => plan(stack, { pagerDuty: { serviceId: 'P1', secret: new secretsmanager.Secret(stack, 'S', { encryptionKey: key }) } })).toThrow(
        'the key of `pagerDuty.secret` must be a symmetric encryption key',
      );
    });

    test('GIVEN a secret with the AWS managed key THEN it is refused', () => {
      const stack = newStack();
      const secret = new secretsmanager.Secret(stack, 'Secret');
      expect(() => plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } })).toThrow(
        '`pagerDuty.secret` must be encrypted with a customer-managed key (set encryptionKey on the secret) (got "Stack/Secret encrypted with the AWS managed key") at Stack/Plan',
      );
    });

    test('GIVEN an imported secret THEN a warning says which statements to add where it is defined', () => {
      const stack = newStack();
      const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Secret', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pd-AbCdEf`);
      plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } });
      expectValidStack(stack);
      const [warning] = Annotations.fromStack(stack).findWarning('/Stack/Plan', Match.stringLikeRegexp('The PagerDuty secret'));
      expect(warning.entry.data).toEqual(
        `The PagerDuty secret arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pd-AbCdEf is imported: where it is defined, add this statement to its resource policy: ` +
          `{"Action":"secretsmanager:GetSecretValue","Condition":{"StringEqualsIfExists":{"aws:SourceAccount":"${ACCOUNT}"}},"Effect":"Allow","Principal":{"Service":"ssm-incidents.amazonaws.com"},"Resource":"*"}, ` +
          // The user guide's "Storing PagerDuty access credentials in an AWS Secrets Manager secret" writes
          // the key statement's kms:ViaService as "secretsmanager.us-east-2.amazonaws.com": for the stack's Region.
          'and this statement to its key\'s policy: {"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Condition":{"StringEquals":{"kms:ViaService":["secretsmanager.us-east-1.amazonaws.com"]},' +
          `"StringEqualsIfExists":{"aws:SourceAccount":"${ACCOUNT}"}},"Effect":"Allow","Principal":{"Service":"ssm-incidents.amazonaws.com"},"Resource":"*"} [ack: cdk-incident-manager:ResponsePlan.pagerDutySecretPolicy]`,
      );
    });
  });

  describe('the PagerDuty warnings name what the user can paste', () => {
    const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('PagerDuty secret')).map((w) => String(w.entry.data));

    test('GIVEN a secret imported by name into a stack with an environment THEN the warning names its ARN, with no token, and the statements resolved', () => {
      const stack = newStack();
      const secret = secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'pd');
      plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } });
      const [warning] = warnings(stack);
      expect(warning).toMatch(new RegExp(`^The PagerDuty secret arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pd is imported: `));
      expect(warning).toContain('"kms:ViaService":["secretsmanager.us-east-1.amazonaws.com"]');
      expect(warning).not.toMatch(/Token\[|Fn::|"Ref"|\$\{/);
    });

    test('GIVEN a stack without an environment THEN the secret is named by its construct path and name, and what only the deployment knows is said', () => {
      const stack = new Stack(undefined, 'Agnostic');
      const secret = secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'pd');
      plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } });
      const [warning] = warnings(stack);
      expect(warning).toMatch(/^The PagerDuty secret Agnostic\/Secret \(name pd\) is imported: /);
      expect(warning).toContain('"kms:ViaService":["secretsmanager.${AWS::Region}.${AWS::URLSuffix}"]');
      expect(warning).toContain('"aws:SourceAccount":"${AWS::AccountId}"');
      expect(warning).toContain('that Agnostic is deployed to');
      expect(warning).not.toMatch(/Token\[|Fn::|"Ref"/);
    });

    test('GIVEN a secret of the stack with an imported key THEN the key warning names the key and the secret, with the statement resolved', () => {
      const stack = newStack();
      const encryptionKey = kms.Key.fromKeyArn(stack, 'Key', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
      const secret = new secretsmanager.Secret(stack, 'Secret', { encryptionKey });
      plan(stack, { pagerDuty: { serviceId: 'PABC123', secret } });
      const [warning] = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('of the PagerDuty secret')).map((w) => String(w.entry.data));
      expect(warning).toMatch(new RegExp(`^The key arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab of the PagerDuty secret Stack/Secret .*is imported: `));
      expect(warning).toContain('"kms:ViaService":["secretsmanager.us-east-1.amazonaws.com"]');
      expect(warning).not.toMatch(/Token\[|Fn::|"Ref"|\$\{/);
    });
  });

  describe('validation', () => {
    test.each<[string, Partial<ResponsePlanProps>, string]>([
      ['a name with a dot', { responsePlanName: 'critical.plan' }, '`responsePlanName` must be letters, digits, _ and - only (got "critical.plan") at Stack/Plan'],
      ['a name too long', { responsePlanName: 'a'.repeat(201) }, `\`responsePlanName\` must be 1 to 200 characters long (got "${'a'.repeat(100)}"… (201 characters)) at Stack/Plan [RESPONSE_PLAN_NAME]`],
      ['a title too long', { title: 't'.repeat(201) }, `\`title\` must be 0 to 200 characters long (got "${'t'.repeat(100)}"… (201 characters)) at Stack/Plan [INCIDENT_TEMPLATE]`],
      ['an incident tag key of AWS', { incidentTags: { 'aws:team': 'x' } }, '`incidentTags key` must be letters, digits and _ = : . + - / only, not starting with aws: (got "aws:team") at Stack/Plan'],
      ['an empty incident tag value', { incidentTags: { team: '' } }, '`incidentTags["team"]` must be 1 to 256 characters long (got "") at Stack/Plan'],
      ['an empty PagerDuty service', { pagerDuty: { serviceId: '', secret: undefined as any } }, '`pagerDuty.serviceId` must be 1 to 200 characters long (got "") at Stack/Plan'],
    ])('GIVEN %s THEN it is refused', (_name, props, message) => {
      const stack = newStack();
      expect(() => plan(stack, props)).toThrow(message);
    });

    test('GIVEN an empty display name, summary or dedupe string THEN it is accepted and left out, as CloudFormation reads "" back (API: 0 to N characters; schema: 1 to N)', () => {
      const stack = newStack();
      plan(stack, { displayName: '', summary: '', dedupeString: '' });
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        DisplayName: Match.absent(),
        IncidentTemplate: Match.objectLike({ Summary: Match.absent(), DedupeString: Match.absent() }),
      });
    });

    test('GIVEN eleven notification topics, six engagements or one twice THEN they are refused', () => {
      const stack = newStack();
      const topics = Array.from({ length: 11 }, (_, i) => new sns.Topic(stack, `T${i}`));
      expect(() => plan(stack, { notificationTopics: topics })).toThrow('`notificationTopics` must have 0 to 10 topics (got "11 topics") at Stack/Plan');
      const contacts = Array.from({ length: 6 }, (_, i) => new Contact(stack, `C${i}`, { alias: `c${i}`, displayName: `C${i}` }));
      expect(() => plan(stack, { responsePlanName: 'six', engagements: contacts }, 'Six')).toThrow('`engagements` must have at most 5 contacts (got "6 contacts") at Stack/Six');
      expect(() => plan(stack, { responsePlanName: 'twice', engagements: [contacts[0], contacts[0]] }, 'Twice')).toThrow('`engagements` must name each contact once (got "Stack/C0") at Stack/Twice');
    });

    test('GIVEN tokens everywhere THEN nothing is rejected', () => {
      const stack = newStack();
      const p = (id: string) => new CfnParameter(stack, id).valueAsString;
      new ResponsePlan(stack, 'Plan', {
        responsePlanName: p('Name'),
        displayName: p('Display'),
        title: p('Title'),
        impact: Impact.HIGH,
        summary: p('Summary'),
        dedupeString: p('Dedupe'),
        incidentTags: { team: p('Team') },
        runbook: { runbook: Runbook.fromDocumentName(p('Doc')), parameters: { P: [p('Value')] }, documentVersion: p('Version') },
      });
      expectValidStack(stack).hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { Name: { Ref: 'Name' }, IncidentTemplate: Match.objectLike({ Title: { Ref: 'Title' } }) });
    });
  });
});
