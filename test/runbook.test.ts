import { CfnParameter, Stack, Token, aws_iam as iam, aws_ssm as ssm } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { DynamicParameterValue, ResponsePlanProps, Runbook, RunbookExecutionRole, RunbookTargetAccount } from '../src';
import { OTHER_PLAN_ARN, PLAN_NAME, ctxFor, logicalId, partitionJoin, plan } from './support/fixtures';
import { isAllowed, isAuthorized, statementsOfRole } from './support/policy-sim';
import { ACCOUNT, REGION, newStack } from './support/stacks';
import { expectValidStack } from './support/template-check';

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

describe('Runbook', () => {
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
    ['a runbook name too short', { runbook: { runbook: Runbook.fromDocumentName('ab') } }, '`runbook document name` must be 3 to 128 letters, digits and _ - . : / (got "ab") at Stack/Plan'],
    ['eleven values of a parameter', { runbook: { runbook: Runbook.fromDocumentName('Doc'), parameters: { P: Array(11).fill('v') } } }, '`runbook.parameters["P"]` must have 1 to 10 values (got "11 values") at Stack/Plan'],
    ['a parameter name too long', { runbook: { runbook: Runbook.fromDocumentName('Doc'), dynamicParameters: { ['p'.repeat(51)]: DynamicParameterValue.INCIDENT_RECORD_ARN } } }, `\`runbook.dynamicParameters name\` must be 1 to 50 characters long (got "${'p'.repeat(51)}") at Stack/Plan`],
    ['an impacted account that is not one', { runbook: { runbook: Runbook.fromDocumentName('Doc'), targetAccount: RunbookTargetAccount.IMPACTED_ACCOUNT, impactedAccounts: ['prod'] } }, '`impactedAccounts[0]` must be a 12-digit account ID (got "prod") at Stack/Plan/RunbookRole'],
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
