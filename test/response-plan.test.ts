import {
  App,
  CfnElement,
  CfnParameter,
  Duration,
  Stack,
  Tags,
  Token,
  aws_chatbot as chatbot,
  aws_cloudwatch as cloudwatch,
  aws_events as events,
  aws_iam as iam,
  aws_kms as kms,
  aws_secretsmanager as secretsmanager,
  aws_sns as sns,
  aws_ssm as ssm,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  ChatChannel,
  Contact,
  DynamicParameterValue,
  EscalationPlan,
  Impact,
  ReplicationSet,
  ResponsePlan,
  ResponsePlanAlarmAction,
  ResponsePlanProps,
  ResponsePlanTarget,
  Runbook,
  RunbookExecutionRole,
  RunbookTargetAccount,
} from '../src';
import { isAllowed, isAuthorized, resolve, statementsOfRole } from './support/policy-sim';
import { ACCOUNT, REGION, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

const PLAN_NAME = 'critical';
const PLAN_ARN = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/${PLAN_NAME}`;
const OTHER_PLAN_ARN = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/other`;
const partitionJoin = (...parts: any[]) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ...parts]] });
const logicalId = (stack: Stack, c: any) => stack.getLogicalId(c instanceof CfnElement ? c : c.node.defaultChild ?? c.node.findChild('Resource'));
const getAtt = (stack: Stack, c: { node: any }) => ({ 'Fn::GetAtt': [logicalId(stack, c), 'Arn'] });

/** Every action a responder runs on an incident record; each is authorized on the record and the plan. */
const RECORD_ACTIONS = [
  'ssm-incidents:GetIncidentRecord',
  'ssm-incidents:UpdateIncidentRecord',
  'ssm-incidents:ListTimelineEvents',
  'ssm-incidents:CreateTimelineEvent',
  'ssm-incidents:GetTimelineEvent',
  'ssm-incidents:UpdateTimelineEvent',
  'ssm-incidents:DeleteTimelineEvent',
  'ssm-incidents:ListRelatedItems',
  'ssm-incidents:UpdateRelatedItems',
];

/** The user guide's topic policy statement ("Working with chat channels"), with the topic it names. */
const publishStatement = (topicRef: object) => ({
  Sid: 'IncidentManagerSNSPublishingPermissions',
  Effect: 'Allow',
  Principal: { Service: 'ssm-incidents.amazonaws.com' },
  Action: 'sns:Publish',
  Resource: topicRef,
  Condition: { StringEqualsIfExists: { 'AWS:SourceAccount': ACCOUNT } },
});

/**
 * The statement the runbook role needs for one document (Service Authorization Reference: document and
 * automation-execution required, automation-definition optional): `region` and `owner` of the
 * document ('' for an AWS-owned one), executions in the plan's account.
 */
const startAutomationStatement = (region: string, owner: string, name: string) => ({
  Effect: 'Allow',
  Action: 'ssm:StartAutomationExecution',
  Resource: [
    partitionJoin(`:ssm:${region}:${owner}:document/${name}`),
    partitionJoin(`:ssm:${region}:${owner}:automation-definition/${name}:*`),
    partitionJoin(`:ssm:*:${ACCOUNT}:automation-execution/*`),
  ],
});

/** A role of another stack, for props that only need an IRole. */
const ROLE = iam.Role.fromRoleArn(new Stack(), 'Role', 'arn:aws:iam::111122223333:role/automation');

function plan(stack: Stack, props: Partial<ResponsePlanProps> = {}, id = 'Plan'): ResponsePlan {
  return new ResponsePlan(stack, id, { responsePlanName: PLAN_NAME, title: 'Checkout is down', impact: Impact.CRITICAL, ...props });
}

/** Resolve a template's policies with the plan's ARN standing for its GetAtt. */
function ctxFor(stack: Stack, p: ResponsePlan) {
  return { account: ACCOUNT, region: REGION, arns: { [logicalId(stack, p)]: PLAN_ARN } };
}

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

  describe('runbook', () => {
    test('GIVEN a runbook of the account THEN the action and a role that can start exactly that runbook for this plan\'s incidents', () => {
      const stack = newStack();
      const p = plan(stack, {
        runbook: {
          runbook: Runbook.fromDocumentName('RestartCheckout'),
          documentVersion: '3',
          parameters: { Service: ['checkout'] },
          dynamicParameters: { IncidentArn: DynamicParameterValue.INCIDENT_RECORD_ARN, Resources: DynamicParameterValue.INVOLVED_RESOURCES },
        },
      });
      const template = expectValidStack(stack);
      const roleId = logicalId(stack, p.runbookRole!);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Actions: [
          {
            SsmAutomation: {
              DocumentName: 'RestartCheckout',
              DocumentVersion: '3',
              RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
              TargetAccount: 'RESPONSE_PLAN_OWNER_ACCOUNT',
              Parameters: [{ Key: 'Service', Values: ['checkout'] }],
              DynamicParameters: [
                { Key: 'IncidentArn', Value: { Variable: 'INCIDENT_RECORD_ARN' } },
                { Key: 'Resources', Value: { Variable: 'INVOLVED_RESOURCES' } },
              ],
            },
          },
        ],
      });
      // Trust: the user guide's confused-deputy example, plus aws:SourceAccount.
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ssm-incidents.amazonaws.com' },
              Action: 'sts:AssumeRole',
              Condition: {
                StringEquals: { 'aws:SourceAccount': ACCOUNT },
                ArnLike: { 'aws:SourceArn': partitionJoin(`:ssm-incidents:*:${ACCOUNT}:incident-record/${PLAN_NAME}/*`) },
              },
            },
          ],
        },
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          // The Service Authorization Reference requires document and automation-execution, and takes
          // automation-definition; the Systems Manager guide's Automation example grants the document
          // (arn:aws:ssm:*:<account>:document/<name>) and automation-execution/*.
          Statement: [
            startAutomationStatement('*', ACCOUNT, 'RestartCheckout'),
          ],
        },
      });
      // The plan waits for the role (through RoleArn) and for its policy (DependsOn, without repeating the role).
      const [planResource] = Object.values(template.findResources('AWS::SSMIncidents::ResponsePlan'));
      expect(planResource.DependsOn).toEqual([expect.stringMatching(/^PlanRunbookRoleDefaultPolicy/)]);

      const statements = statementsOfRole(template.toJSON(), roleId, ctxFor(stack, p));
      // The request Systems Manager authorizes: the document, the execution it creates, the definition.
      const start = (region: string, account: string, doc: string) =>
        isAuthorized(statements, 'ssm:StartAutomationExecution', [
          `arn:aws:ssm:${region}:${account}:document/${doc}`,
          `arn:aws:ssm:${region}:${ACCOUNT}:automation-execution/0123abcd-0000-1111-2222-333344445555`,
          `arn:aws:ssm:${region}:${account}:automation-definition/${doc}:3`,
        ]);
      expect(start('us-east-1', ACCOUNT, 'RestartCheckout')).toBe(true);
      expect(start('us-west-2', ACCOUNT, 'RestartCheckout')).toBe(true);
      expect(start('us-east-1', ACCOUNT, 'DeleteEverything')).toBe(false);
      expect(start('us-east-1', '444455556666', 'RestartCheckout')).toBe(false);
      expect(isAllowed(statements, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/Admin`)).toBe(false);
      expect(isAllowed(statements, 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/AWS-SystemsManager-AutomationExecutionRole`)).toBe(false);
      expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
    });

    test('GIVEN an AWS-owned runbook and an automation assume role THEN the document ARN has no account and PassRole is granted on exactly that role', () => {
      const stack = newStack();
      const assume = new iam.Role(stack, 'AutomationRole', { assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com') });
      const p = plan(stack, {
        runbook: { runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate'), automationAssumeRole: assume },
      });
      const template = expectValidStack(stack);
      const roleId = logicalId(stack, p.runbookRole!);
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: [
            startAutomationStatement('*', '', 'AWSIncidents-CriticalIncidentRunbookTemplate'),
            {
              Effect: 'Allow',
              Action: 'iam:PassRole',
              Resource: { 'Fn::GetAtt': [logicalId(stack, assume), 'Arn'] },
              Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
            },
          ],
        },
      });
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Actions: [{ SsmAutomation: Match.objectLike({ TargetAccount: 'RESPONSE_PLAN_OWNER_ACCOUNT', Parameters: [{ Key: 'AutomationAssumeRole', Values: [{ 'Fn::GetAtt': [logicalId(stack, assume), 'Arn'] }] }] }) }],
      });
      const statements = statementsOfRole(template.toJSON(), roleId, { account: ACCOUNT, region: REGION, arns: { [logicalId(stack, assume)]: `arn:aws:iam::${ACCOUNT}:role/automation` } });
      expect(isAuthorized(statements, 'ssm:StartAutomationExecution', [
        'arn:aws:ssm:eu-west-1::document/AWSIncidents-CriticalIncidentRunbookTemplate',
        'arn:aws:ssm:eu-west-1::automation-definition/AWSIncidents-CriticalIncidentRunbookTemplate:1',
        `arn:aws:ssm:eu-west-1:${ACCOUNT}:automation-execution/abc`,
      ])).toBe(true);
      expect(isAuthorized(statements, 'iam:PassRole', [`arn:aws:iam::${ACCOUNT}:role/automation`])).toBe(true);
      expect(isAuthorized(statements, 'iam:PassRole', [`arn:aws:iam::${ACCOUNT}:role/Admin`])).toBe(false);
      expect(isAllowed(statements, 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/AWS-SystemsManager-AutomationExecutionRole`)).toBe(false);
    });

    test('GIVEN the impacted account and impacted accounts THEN AssumeRole on exactly their AutomationExecutionRole', () => {
      const stack = newStack();
      const p = plan(stack, {
        runbook: {
          runbook: Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate'),
          targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT,
          impactedAccounts: ['444455556666', '777788889999'],
        },
      });
      const template = expectValidStack(stack);
      const roleId = logicalId(stack, p.runbookRole!);
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Resource: [
                partitionJoin(':iam::444455556666:role/AWS-SystemsManager-AutomationExecutionRole'),
                partitionJoin(':iam::777788889999:role/AWS-SystemsManager-AutomationExecutionRole'),
              ],
            },
          ]),
        },
      });
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { Actions: [{ SsmAutomation: Match.objectLike({ TargetAccount: 'IMPACTED_ACCOUNT', Parameters: Match.absent() }) }] });
      const statements = statementsOfRole(template.toJSON(), roleId, ctxFor(stack, p));
      expect(isAuthorized(statements, 'sts:AssumeRole', ['arn:aws:iam::444455556666:role/AWS-SystemsManager-AutomationExecutionRole'])).toBe(true);
      expect(isAuthorized(statements, 'sts:AssumeRole', ['arn:aws:iam::123456789012:role/AWS-SystemsManager-AutomationExecutionRole'])).toBe(false);
      expect(isAuthorized(statements, 'sts:AssumeRole', ['arn:aws:iam::444455556666:role/Admin'])).toBe(false);
    });

    test('GIVEN a runbook shared from another account by ARN THEN the plan names the ARN and the role may start exactly that document', () => {
      const stack = newStack();
      const arn = 'arn:aws:ssm:us-east-1:444455556666:document/SharedRestart';
      const p = plan(stack, { runbook: { runbook: Runbook.fromDocumentArn(arn) } });
      const template = expectValidStack(stack);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { Actions: [{ SsmAutomation: Match.objectLike({ DocumentName: arn }) }] });
      const roleId = logicalId(stack, p.runbookRole!);
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: [
            startAutomationStatement('us-east-1', '444455556666', 'SharedRestart'),
          ],
        },
      });
      const statements = statementsOfRole(template.toJSON(), roleId, ctxFor(stack, p));
      const start = (owner: string, doc: string) =>
        isAuthorized(statements, 'ssm:StartAutomationExecution', [
          `arn:aws:ssm:us-east-1:${owner}:document/${doc}`,
          `arn:aws:ssm:us-east-1:${ACCOUNT}:automation-execution/abc`,
          `arn:aws:ssm:us-east-1:${owner}:automation-definition/${doc}:1`,
        ]);
      expect(start('444455556666', 'SharedRestart')).toBe(true);
      expect(start('444455556666', 'Other')).toBe(false);
      expect(start('777788889999', 'SharedRestart')).toBe(false);
    });

    test.each([
      ['a contact ARN', `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/a`],
      ['an ARN without a Region', 'arn:aws:ssm::444455556666:document/Doc'],
      ['an automation definition', 'arn:aws:ssm:us-east-1:444455556666:automation-definition/Doc:1'],
      ['a name', 'Doc'],
    ])('GIVEN %s THEN Runbook.fromDocumentArn is refused where the runbook is used', (_name, arn) => {
      const stack = newStack();
      expect(() => plan(stack, { runbook: { runbook: Runbook.fromDocumentArn(arn) } })).toThrow(
        `\`Runbook.fromDocumentArn\` must be given an ARN of the form arn:<partition>:ssm:<region>:<account>:document/<name> (got "${arn}") at Stack/Plan`,
      );
    });

    test('GIVEN a document of this app THEN parameters it does not declare are refused, declared ones pass', () => {
      const stack = newStack();
      const doc = new ssm.CfnDocument(stack, 'Doc', {
        documentType: 'Automation',
        content: { schemaVersion: '0.3', parameters: { IncidentRecordArn: { type: 'String' }, AutomationAssumeRole: { type: 'String', default: '' } }, mainSteps: [] },
      });
      const runbook = Runbook.fromCfnDocument(doc);
      expect(runbook.declaredParameters).toEqual(['IncidentRecordArn', 'AutomationAssumeRole']);
      plan(stack, { runbook: { runbook, dynamicParameters: { IncidentRecordArn: DynamicParameterValue.INCIDENT_RECORD_ARN } } });
      expect(() => plan(stack, { responsePlanName: 'bad', runbook: { runbook, dynamicParameters: { Resources: DynamicParameterValue.INVOLVED_RESOURCES } } }, 'Bad')).toThrow(
        '`runbook` parameter must be one the document Stack/Doc declares (IncidentRecordArn, AutomationAssumeRole): Systems Manager refuses to start an automation with an undeclared parameter (got "Resources") at Stack/Bad [RUNBOOK_PARAMETERS]',
      );
      expect(() => plan(stack, { responsePlanName: 'bad2', runbook: { runbook, parameters: { Service: ['x'] } } }, 'Bad2')).toThrow('(got "Service") at Stack/Bad2');
      const other = new ssm.CfnDocument(stack, 'Command', { documentType: 'Command', content: { schemaVersion: '2.2', mainSteps: [] } });
      expect(() => plan(stack, { responsePlanName: 'bad3', runbook: { runbook: Runbook.fromCfnDocument(other) } }, 'Bad3')).toThrow(
        '`runbook` must be a document of type Automation (got "the document Stack/Command of type Command") at Stack/Bad3',
      );
      expectValidStack(stack);
    });

    describe('required parameters', () => {
      const contentWith = (parameters: any) => ({ schemaVersion: '0.3', parameters, mainSteps: [] });
      const MISSING = (name: string, doc: string, path: string) =>
        `\`runbook.parameters.${name}\` must be given, as a fixed value in \`runbook.parameters\` or an Incident Manager value in \`runbook.dynamicParameters\`: ` +
        `the document ${doc} requires it (declared without a default), and Systems Manager refuses to start an automation without it (got nothing) at ${path} [RUNBOOK_PARAMETERS]`;

      test('GIVEN a document of this app THEN a parameter without a default is required, one with a default is not', () => {
        const stack = newStack();
        const doc = new ssm.CfnDocument(stack, 'Doc', {
          documentType: 'Automation',
          content: contentWith({ InstanceIds: { type: 'StringList' }, Reason: { type: 'String', default: 'incident' }, AutomationAssumeRole: { type: 'String', default: '' } }),
        });
        const runbook = Runbook.fromCfnDocument(doc);
        expect(runbook.requiredParameters).toEqual(['InstanceIds']);
        expect(() => plan(stack, { runbook: { runbook } })).toThrow(MISSING('InstanceIds', 'Stack/Doc', 'Stack/Plan'));
        plan(stack, { responsePlanName: 'static', runbook: { runbook, parameters: { InstanceIds: ['i-0123456789abcdef0'] } } }, 'Static');
        plan(stack, { responsePlanName: 'dynamic', runbook: { runbook, dynamicParameters: { InstanceIds: DynamicParameterValue.INVOLVED_RESOURCES } } }, 'Dynamic');
        expectValidStack(stack);
      });

      test('GIVEN a required AutomationAssumeRole THEN automationAssumeRole gives it its value', () => {
        const stack = newStack();
        const doc = new ssm.CfnDocument(stack, 'Doc', { documentType: 'Automation', content: contentWith({ AutomationAssumeRole: { type: 'String' } }) });
        expect(() => plan(stack, { runbook: { runbook: Runbook.fromCfnDocument(doc) } })).toThrow(MISSING('AutomationAssumeRole', 'Stack/Doc', 'Stack/Plan'));
        const role = new iam.Role(stack, 'Automation', { assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com') });
        plan(stack, { responsePlanName: 'with-role', runbook: { runbook: Runbook.fromCfnDocument(doc), automationAssumeRole: role } }, 'WithRole');
        expectValidStack(stack);
      });

      // The Automation runbook reference: AWS-RestartEC2Instance and AWS-RebootRdsInstance declare
      // AutomationAssumeRole (optional) and InstanceId (required).
      test.each([
        ['AWS-RestartEC2Instance', ['i-0123456789abcdef0']],
        ['AWS-RebootRdsInstance', ['checkout']],
      ])('GIVEN %s THEN InstanceId is required and only its declared parameters pass', (name, instanceId) => {
        const runbook = Runbook.awsOwned(name);
        expect([runbook.declaredParameters, runbook.requiredParameters]).toEqual([['AutomationAssumeRole', 'InstanceId'], ['InstanceId']]);
        expect(() => plan(newStack(), { runbook: { runbook } })).toThrow(MISSING('InstanceId', name, 'Stack/Plan'));
        expect(() => plan(newStack(), { runbook: { runbook, targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT } })).toThrow(MISSING('InstanceId', name, 'Stack/Plan'));
        expect(() => plan(newStack(), { runbook: { runbook, parameters: { InstanceId: instanceId, InstanceIds: instanceId } } })).toThrow(
          `\`runbook\` parameter must be one the document ${name} declares (AutomationAssumeRole, InstanceId): Systems Manager refuses to start an automation with an undeclared parameter (got "InstanceIds") at Stack/Plan [RUNBOOK_PARAMETERS]`,
        );
        const stack = newStack();
        plan(stack, { runbook: { runbook, parameters: { InstanceId: instanceId } } });
        expectValidStack(stack);
      });

      test('GIVEN AWS\'s incident template THEN it starts without parameters, and parameters are not refused (what it declares is not documented)', () => {
        const stack = newStack();
        const runbook = Runbook.awsOwned('AWSIncidents-CriticalIncidentRunbookTemplate');
        expect([runbook.declaredParameters, runbook.requiredParameters]).toEqual([undefined, []]);
        plan(stack, { runbook: { runbook } });
        plan(stack, { responsePlanName: 'with-tag', runbook: { runbook, parameters: { Environment: ['prod'] } } }, 'WithTag');
        expectValidStack(stack);
      });

      test('GIVEN a document not in the table, or named by ARN THEN nothing is checked', () => {
        const stack = newStack();
        expect(Runbook.awsOwned('AWS-StopEC2Instance').requiredParameters).toBeUndefined();
        expect(Runbook.fromDocumentName('RestartCheckout').requiredParameters).toBeUndefined();
        expect(Runbook.fromDocumentArn('arn:aws:ssm:us-east-1:444455556666:document/AWS-RestartEC2Instance').requiredParameters).toBeUndefined();
        plan(stack, { runbook: { runbook: Runbook.awsOwned('AWS-StopEC2Instance') } });
        expectValidStack(stack);
      });

      test('GIVEN tokens THEN nothing is rejected: content, a declaration, a parameter name or a document name', () => {
        const stack = newStack();
        const param = (id: string) => new CfnParameter(stack, id).valueAsString;
        const tokenContent = new ssm.CfnDocument(stack, 'TokenContent', { documentType: 'Automation', content: Token.asAny(param('Content')) });
        const tokenDeclaration = new ssm.CfnDocument(stack, 'TokenDeclaration', { documentType: 'Automation', content: contentWith({ Target: Token.asAny(param('Declaration')) }) });
        const required = new ssm.CfnDocument(stack, 'Required', { documentType: 'Automation', content: contentWith({ Target: { type: 'String' } }) });
        expect(Runbook.fromCfnDocument(tokenContent).requiredParameters).toBeUndefined();
        expect(Runbook.fromCfnDocument(tokenDeclaration).requiredParameters).toEqual([]);
        plan(stack, { responsePlanName: 'a', runbook: { runbook: Runbook.fromCfnDocument(tokenContent) } }, 'A');
        plan(stack, { responsePlanName: 'b', runbook: { runbook: Runbook.fromCfnDocument(tokenDeclaration), parameters: { Target: [param('Value')] } } }, 'B');
        plan(stack, { responsePlanName: 'c', runbook: { runbook: Runbook.fromCfnDocument(required), parameters: { [param('Name')]: ['x'] } } }, 'C');
        plan(stack, { responsePlanName: 'd', runbook: { runbook: Runbook.awsOwned(param('Doc')) } }, 'D');
        expectValidStack(stack);
      });
    });

    test.each([
      ['Runbook.fromDocumentName', () => Runbook.fromDocumentName('arn:aws:ssm:us-east-1:444455556666:document/RestartCheckout')],
      ['Runbook.awsOwned', () => Runbook.awsOwned('arn:aws:ssm:us-east-1::document/AWS-RestartEC2Instance')],
    ])('GIVEN an ARN to %s THEN it is refused, pointing to fromDocumentArn', (factory, runbook) => {
      const stack = newStack();
      const r = runbook();
      expect(() => plan(stack, { runbook: { runbook: r } })).toThrow(
        `\`${factory}\` must be given a document name, not an ARN: for a document named by its ARN (one another account shares with yours) use Runbook.fromDocumentArn (got "${r.documentName}") at Stack/Plan [RUNBOOK]`,
      );
    });

    test('GIVEN parameters.AutomationAssumeRole without automationAssumeRole THEN it is refused where the plan creates the role, and passes with a role of the user or in the impacted account', () => {
      const stack = newStack();
      const parameters = { AutomationAssumeRole: ['arn:aws:iam::111122223333:role/automation'] };
      expect(() => plan(stack, { runbook: { runbook: Runbook.fromDocumentName('Doc'), parameters } })).toThrow(
        '`runbook.parameters.AutomationAssumeRole` must be given as `runbook.automationAssumeRole` (iam.Role.fromRoleArn for a role defined elsewhere), which sets the parameter and lets the runbook role the plan creates pass that role; ' +
          'or give your own `runbook.role` that may pass it (got ["arn:aws:iam::111122223333:role/automation"]) at Stack/Plan [RUNBOOK_ROLE]',
      );
      plan(stack, { responsePlanName: 'own', runbook: { runbook: Runbook.fromDocumentName('Doc'), parameters, role: ROLE } }, 'Own');
      plan(stack, { responsePlanName: 'impacted', runbook: { runbook: Runbook.fromDocumentName('Doc'), parameters, targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT } }, 'Impacted');
      expectValidStack(stack);
    });

    test.each<[string, Partial<ResponsePlanProps>, string]>([
      ['a document version that is not one', { runbook: { runbook: Runbook.fromDocumentName('Doc'), documentVersion: 'v2' } }, '`runbook.documentVersion` must be $DEFAULT, $LATEST or a version number (1, 2, ...) (got "v2") at Stack/Plan'],
      ['version 0', { runbook: { runbook: Runbook.fromDocumentName('Doc'), documentVersion: '0' } }, '(got "0") at Stack/Plan'],
      ['AutomationAssumeRole twice', { runbook: { runbook: Runbook.fromDocumentName('Doc'), automationAssumeRole: ROLE, parameters: { AutomationAssumeRole: ['arn:aws:iam::111122223333:role/x'] } } }, '`runbook.automationAssumeRole` and `runbook.parameters.AutomationAssumeRole` must be given one at a time'],
      ['an automation assume role in the impacted account', { runbook: { runbook: Runbook.fromDocumentName('Doc'), automationAssumeRole: ROLE, targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT } }, '`runbook.automationAssumeRole` must be left out when the runbook runs in the impacted account'],
      ['impacted accounts with a role of the user', { runbook: { runbook: Runbook.fromDocumentName('Doc'), role: ROLE, targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts: ['444455556666'] } }, '`runbook.impactedAccounts` must be left out when `runbook.role` is given'],
      ['impacted accounts without the impacted account', { runbook: { runbook: Runbook.fromDocumentName('Doc'), impactedAccounts: ['444455556666'] } }, '`impactedAccounts` must be given only with `targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT` (got ["444455556666"]) at Stack/Plan/RunbookRole'],
      ['a parameter both fixed and dynamic', { runbook: { runbook: Runbook.fromDocumentName('Doc'), parameters: { P: ['x'] }, dynamicParameters: { P: DynamicParameterValue.INCIDENT_RECORD_ARN } } }, '`runbook.dynamicParameters` must name parameters that `runbook.parameters` does not also set (got "P") at Stack/Plan'],
    ])('GIVEN %s THEN it is refused', (_name, props, message) => {
      const stack = newStack();
      expect(() => plan(stack, props)).toThrow(message);
    });

    test.each(['$DEFAULT', '$LATEST', '12'])('GIVEN document version %s THEN it is accepted', (documentVersion) => {
      const stack = newStack();
      plan(stack, { runbook: { runbook: Runbook.fromDocumentName('Doc'), documentVersion } });
      expectValidStack(stack);
    });

    test.each([
      ['a name with a dot', 'plan.one', '`responsePlanName` must be letters, digits, _ and - only (got "plan.one") at Stack/Role'],
      ['an empty name', '', '`responsePlanName` must be 1 to 200 characters long (got "") at Stack/Role'],
    ])('GIVEN a RunbookExecutionRole for %s THEN it is refused (the name goes into the trust condition)', (_name, responsePlanName, message) => {
      const stack = newStack();
      expect(() => new RunbookExecutionRole(stack, 'Role', { responsePlanName, runbook: Runbook.fromDocumentName('Doc') })).toThrow(message);
    });

    test('GIVEN an ssm.CfnDocument and a role of the user THEN the document name is its Ref and no role is created', () => {
      const stack = newStack();
      const doc = new ssm.CfnDocument(stack, 'Doc', { documentType: 'Automation', content: { schemaVersion: '0.3', mainSteps: [] } });
      const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('ssm-incidents.amazonaws.com') });
      const p = plan(stack, { runbook: { runbook: Runbook.fromCfnDocument(doc), role } });
      expect(p.runbookRole).toBe(role);
      const template = expectValidStack(stack);
      template.resourceCountIs('AWS::IAM::Role', 1);
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', {
        Actions: [{ SsmAutomation: Match.objectLike({ DocumentName: { Ref: logicalId(stack, doc) }, RoleArn: { 'Fn::GetAtt': [logicalId(stack, role), 'Arn'] } }) }],
      });
    });

    test('GIVEN a RunbookExecutionRole of its own THEN impacted accounts default to any account, with a warning naming the risk', () => {
      const stack = newStack();
      new RunbookExecutionRole(stack, 'Role', { responsePlanName: 'p', runbook: Runbook.fromDocumentName('Doc'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT });
      expectValidStack(stack).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: Match.arrayWith([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: partitionJoin(':iam::*:role/AWS-SystemsManager-AutomationExecutionRole') }]) },
      });
      Annotations.fromStack(stack).hasWarning(
        '/Stack/Role',
        'The runbook of response plan p runs in the impacted account, and no impactedAccounts are named: this role may assume AWS-SystemsManager-AutomationExecutionRole in every account, so the runbook runs in any account where an incident with this plan starts and whose execution role trusts this role, not only the application accounts you mean. Name them in impactedAccounts. [ack: cdk-incident-manager:RunbookExecutionRole.anyImpactedAccount]',
      );
    });

    test('GIVEN a plan whose runbook runs in the impacted account without impactedAccounts THEN its runbook role warns; with them, or in the plan\'s own account, it does not', () => {
      const stack = newStack();
      plan(stack, { runbook: { runbook: Runbook.fromDocumentName('Doc'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT } });
      plan(stack, { responsePlanName: 'scoped', runbook: { runbook: Runbook.fromDocumentName('Doc'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts: ['444455556666'] } }, 'Scoped');
      plan(stack, { responsePlanName: 'own', runbook: { runbook: Runbook.fromDocumentName('Doc') } }, 'Own');
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('anyImpactedAccount'));
      expect(warnings.map((w) => w.id)).toEqual(['/Stack/Plan/RunbookRole']);
      expect(warnings[0].entry.data).toMatch(/^The runbook of response plan critical runs in the impacted account, and no impactedAccounts are named/);
    });
  });

  describe('chat channel', () => {
    test('GIVEN a chat channel THEN a TLS-only topic with the user guide\'s publishing statement, and the plan names it', () => {
      const stack = newStack();
      const chat = new ChatChannel(stack, 'Chat');
      plan(stack, { chatChannel: chat });
      const template = expectValidStack(stack);
      const topicRef = { Ref: logicalId(stack, chat.topic) };
      template.hasResourceProperties('AWS::SSMIncidents::ResponsePlan', { ChatChannel: { ChatbotSns: [topicRef] } });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            publishStatement(topicRef),
          ]),
        },
      });
    });

    test('GIVEN Slack and Teams channels THEN they get the topic, and their roles reach only this plan and its incidents', () => {
      const stack = newStack();
      const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'incidents', slackWorkspaceId: 'T0123', slackChannelId: 'C0123' });
      const teamsRole = new iam.Role(stack, 'TeamsRole', { assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com') });
      const teams = new chatbot.CfnMicrosoftTeamsChannelConfiguration(stack, 'Teams', {
        configurationName: 'incidents',
        iamRoleArn: teamsRole.roleArn,
        teamId: '00000000-0000-0000-0000-000000000000',
        teamsChannelId: '19%3Aabc%40thread.tacv2',
        teamsTenantId: '00000000-0000-0000-0000-000000000001',
      });
      const chat = new ChatChannel(stack, 'Chat', { slackChannels: [slack], teamsChannels: [{ configuration: teams, role: teamsRole }] });
      const p = plan(stack, { chatChannel: chat });
      const template = expectValidStack(stack);
      const topicRef = { Ref: logicalId(stack, chat.topic) };
      template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', { SnsTopicArns: [topicRef] });
      template.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', { SnsTopicArns: [topicRef] });
      for (const role of [slack.role!, teamsRole]) {
        const statements = statementsOfRole(template.toJSON(), logicalId(stack, role), ctxFor(stack, p));
        for (const action of RECORD_ACTIONS) {
          expect([action, isAuthorized(statements, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`, PLAN_ARN])]).toEqual([action, true]);
          expect([action, isAuthorized(statements, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`, OTHER_PLAN_ARN])]).toEqual([action, false]);
        }
        expect(isAllowed(statements, 'ssm-incidents:StartIncident', PLAN_ARN)).toBe(true);
        expect(isAllowed(statements, 'ssm-incidents:StartIncident', OTHER_PLAN_ARN)).toBe(false);
        expect(isAllowed(statements, 'ssm-incidents:UpdateIncidentRecord', `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`)).toBe(false);
        expect(isAllowed(statements, 'ssm-incidents:DeleteResponsePlan', PLAN_ARN)).toBe(false);
      }
      // Without guardrails of their own, both channels get the chat channel's guardrail policy
      // (CloudFormation's default guardrail is AdministratorAccess), which allows the same and no more.
      const guardrailRef = { Ref: logicalId(stack, chat.guardrailPolicy!) };
      template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', { GuardrailPolicies: [guardrailRef] });
      template.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', { GuardrailPolicies: [guardrailRef] });
      const guardrailPolicy = template.toJSON().Resources[logicalId(stack, chat.guardrailPolicy!)];
      const guardrail = resolve(guardrailPolicy.Properties.PolicyDocument.Statement, ctxFor(stack, p));
      for (const action of RECORD_ACTIONS) {
        expect([action, isAuthorized(guardrail, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${PLAN_NAME}/abc`, PLAN_ARN])]).toEqual([action, true]);
        expect([action, isAuthorized(guardrail, action, [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/other/abc`, OTHER_PLAN_ARN])]).toEqual([action, false]);
      }
      expect(isAuthorized(guardrail, 'ssm-incidents:ListIncidentRecords', ['*'])).toBe(true);
      expect(isAllowed(guardrail, 'ssm-incidents:DeleteResponsePlan', PLAN_ARN)).toBe(false);
      expect(isAllowed(guardrail, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/x`)).toBe(false);
    });

    test('GIVEN a Slack channel with guardrails of its own THEN they are kept', () => {
      const stack = newStack();
      const own = iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess');
      const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'incidents', slackWorkspaceId: 'T0123', slackChannelId: 'C0123', guardrailPolicies: [own] });
      plan(stack, { chatChannel: new ChatChannel(stack, 'Chat', { slackChannels: [slack] }) });
      expectValidStack(stack).hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
        GuardrailPolicies: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
      });
    });

    test.each([
      ['another account', 'arn:aws:sns:us-east-1:444455556666:t', "`topic` must be in the response plan's account 111122223333 (Incident Manager cannot use a topic of another account or Region) (got \"Stack/T in account 444455556666\") at Stack/Chat"],
      ['another Region', `arn:aws:sns:eu-west-1:${ACCOUNT}:t`, "`topic` must be in the response plan's Region us-east-1 (Incident Manager cannot use a topic of another account or Region) (got \"Stack/T in Region eu-west-1\") at Stack/Chat"],
      ['FIFO', `arn:aws:sns:us-east-1:${ACCOUNT}:t.fifo`, `\`topic\` must be a standard SNS topic, not a FIFO topic (Incident Manager publishes without a message group ID) (got "arn:aws:sns:us-east-1:${ACCOUNT}:t.fifo") at Stack/Chat`],
    ])('GIVEN a topic of %s THEN it is refused', (_name, arn, message) => {
      const stack = newStack();
      expect(() => new ChatChannel(stack, 'Chat', { topic: sns.Topic.fromTopicArn(stack, 'T', arn) })).toThrow(message);
    });

    test('GIVEN an environment-agnostic stack THEN account and Region tokens are not compared', () => {
      const stack = new Stack();
      const other = new Stack(stack.node.root as any, 'Other');
      const chat = new ChatChannel(stack, 'Chat');
      new ResponsePlan(stack, 'Plan', { title: 't', impact: Impact.LOW, chatChannel: chat, notificationTopics: [new sns.Topic(other, 'T')] });
      expectValidStack(stack);
    });

    test('GIVEN a topic of another stack in another Region as notification target THEN it is refused', () => {
      const stack = newStack();
      const other = new Stack(stack.node.root as any, 'Other', { env: { account: ACCOUNT, region: 'eu-west-1' } });
      expect(() => plan(stack, { notificationTopics: [new sns.Topic(other, 'T')] })).toThrow(
        "`notificationTopics[0]` must be in the response plan's Region us-east-1 (Incident Manager cannot use a topic of another account or Region) (got \"Other/T in Region eu-west-1\") at Stack/Plan",
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

    test('GIVEN topics in the other Regions of the replication set THEN the plan and the Slack channel name all of them, each with its policy', () => {
      const app = new App();
      const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const west = new Stack(app, 'West', { env: { account: ACCOUNT, region: 'us-west-2' } });
      const westTopic = new sns.Topic(west, 'Incidents', { topicName: 'incidents' });
      const slack = new chatbot.SlackChannelConfiguration(stack, 'Slack', { slackChannelConfigurationName: 'incidents', slackWorkspaceId: 'T0123', slackChannelId: 'C0123' });
      const chat = new ChatChannel(stack, 'Chat', { additionalRegionTopics: [westTopic], slackChannels: [slack] });
      plan(stack, { chatChannel: chat });
      const template = expectValidStack(stack);
      const planProps = Object.values(template.findResources('AWS::SSMIncidents::ResponsePlan'))[0].Properties;
      expect(planProps.ChatChannel.ChatbotSns).toEqual([{ Ref: logicalId(stack, chat.topic) }, partitionJoin(`:sns:us-west-2:${ACCOUNT}:incidents`)]);
      expect(Template.fromStack(west).findResources('AWS::SNS::TopicPolicy')).not.toEqual({});
      expect(Object.values(template.findResources('AWS::Chatbot::SlackChannelConfiguration'))[0].Properties.SnsTopicArns).toHaveLength(2);
    });

    test('GIVEN a topic of another Region without a name THEN the error says to name or import it', () => {
      const app = new App();
      const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const west = new Stack(app, 'West', { env: { account: ACCOUNT, region: 'us-west-2' } });
      expect(() => new ChatChannel(stack, 'Chat', { additionalRegionTopics: [new sns.Topic(west, 'Incidents')] })).toThrow(
        '`additionalRegionTopics[0]` must have a name given in code (`topicName`) or be imported with sns.Topic.fromTopicArn: the response plan names the topic of another Region by its ARN, which needs a fixed name (got "West/Incidents") at Stack/Chat',
      );
    });

    test('GIVEN two topics of one Region THEN the plan names both (ChatbotSns: 1 to 5 topics, no per-Region limit)', () => {
      const stack = newStack();
      const second = sns.Topic.fromTopicArn(stack, 'Second', `arn:aws:sns:${REGION}:${ACCOUNT}:incident-chat-2`);
      const chat = new ChatChannel(stack, 'Chat', { additionalRegionTopics: [second] });
      plan(stack, { chatChannel: chat });
      const planProps = Object.values(expectValidStack(stack).findResources('AWS::SSMIncidents::ResponsePlan'))[0].Properties;
      expect(planProps.ChatChannel.ChatbotSns).toEqual([{ Ref: logicalId(stack, chat.topic) }, `arn:aws:sns:${REGION}:${ACCOUNT}:incident-chat-2`]);
    });

    test('GIVEN a topic twice, six topics, or one of another account THEN they are refused', () => {
      const app = new App();
      const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const same = new sns.Topic(stack, 'Same');
      expect(() => new ChatChannel(stack, 'Chat', { topic: same, additionalRegionTopics: [same] })).toThrow(
        "`additionalRegionTopics` must name each topic once, other than the chat channel's own `topic` (Stack/Same appears twice) (got [\"Stack/Same\",\"Stack/Same\"]) at Stack/Chat",
      );
      const byArn = (id: string, name: string) => sns.Topic.fromTopicArn(stack, id, `arn:aws:sns:us-east-1:${ACCOUNT}:${name}`);
      expect(() => new ChatChannel(stack, 'Chat3', { topic: byArn('A1', 'a'), additionalRegionTopics: [byArn('A2', 'a')] })).toThrow(
        `(arn:aws:sns:us-east-1:${ACCOUNT}:a appears twice)`,
      );
      const five = Array.from({ length: 5 }, (_, i) => byArn(`T${i}`, `t${i}`));
      expect(() => new ChatChannel(stack, 'Chat4', { additionalRegionTopics: five })).toThrow(
        '`additionalRegionTopics` must have at most 4 topics (a chat channel names 1 to 5 topics with `topic`) (got "5 topics") at Stack/Chat4',
      );
      new ChatChannel(stack, 'Chat5', { additionalRegionTopics: five.slice(0, 4) });
      const other = sns.Topic.fromTopicArn(stack, 'Other', 'arn:aws:sns:us-west-2:444455556666:t');
      expect(() => new ChatChannel(stack, 'Chat2', { additionalRegionTopics: [other] })).toThrow(
        "`additionalRegionTopics[0]` must be in the chat channel's account 111122223333 (Incident Manager cannot use a topic of another account) (got \"Stack/Other in account 444455556666\") at Stack/Chat2",
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
          'and this statement to its key\'s policy: {"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Condition":{"StringEquals":{"kms:ViaService":[{"Fn::Join":["",["secretsmanager.us-east-1.",{"Ref":"AWS::URLSuffix"}]]}]},' +
          `"StringEqualsIfExists":{"aws:SourceAccount":"${ACCOUNT}"}},"Effect":"Allow","Principal":{"Service":"ssm-incidents.amazonaws.com"},"Resource":"*"} [ack: cdk-incident-manager:ResponsePlan.pagerDutySecretPolicy]`,
      );
    });
  });

  describe('what starts an incident', () => {
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

  describe('validation', () => {
    test.each<[string, Partial<ResponsePlanProps>, string]>([
      ['a name with a dot', { responsePlanName: 'critical.plan' }, '`responsePlanName` must be letters, digits, _ and - only (got "critical.plan") at Stack/Plan'],
      ['a name too long', { responsePlanName: 'a'.repeat(201) }, `\`responsePlanName\` must be 1 to 200 characters long (got "${'a'.repeat(100)}"… (201 characters)) at Stack/Plan [RESPONSE_PLAN_NAME]`],
      ['a title too long', { title: 't'.repeat(201) }, `\`title\` must be 0 to 200 characters long (got "${'t'.repeat(100)}"… (201 characters)) at Stack/Plan [INCIDENT_TEMPLATE]`],
      ['an incident tag key of AWS', { incidentTags: { 'aws:team': 'x' } }, '`incidentTags key` must be letters, digits and _ = : . + - / only, not starting with aws: (got "aws:team") at Stack/Plan'],
      ['an empty incident tag value', { incidentTags: { team: '' } }, '`incidentTags["team"]` must be 1 to 256 characters long (got "") at Stack/Plan'],
      ['a runbook name too short', { runbook: { runbook: Runbook.fromDocumentName('ab') } }, '`runbook document name` must be 3 to 128 letters, digits and _ - . : / (got "ab") at Stack/Plan'],
      ['eleven values of a parameter', { runbook: { runbook: Runbook.fromDocumentName('Doc'), parameters: { P: Array(11).fill('v') } } }, '`runbook.parameters["P"]` must have 1 to 10 values (got "11 values") at Stack/Plan'],
      ['a parameter name too long', { runbook: { runbook: Runbook.fromDocumentName('Doc'), dynamicParameters: { ['p'.repeat(51)]: DynamicParameterValue.INCIDENT_RECORD_ARN } } }, `\`runbook.dynamicParameters name\` must be 1 to 50 characters long (got "${'p'.repeat(51)}") at Stack/Plan`],
      ['an impacted account that is not one', { runbook: { runbook: Runbook.fromDocumentName('Doc'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts: ['prod'] } }, '`impactedAccounts[0]` must be a 12-digit account ID (got "prod") at Stack/Plan/RunbookRole'],
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
