import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { APPLICATION_ACCOUNT, ApplicationStack, CRITICAL_PLAN, OPERATIONS_ACCOUNT, OperationsStack, PRIMARY_REGION, RESTART_PLAN } from '../examples/example-app';
import { IncidentManagerApplicationAccount, IncidentManagerOperationsAccount, Runbook, RunbookExecutionRole } from '../src';
import { asArray, wildcardRegex } from './support/iam-check';
import { ResolveContext, isAuthorized, resolve, statementsOfRole, templateContext } from './support/policy-sim';
import { expectValidTemplate } from './support/template-check';

type Json = any;

/*
 * The two sides of the cross-account set-up, each synthesized in an app of its own (as two pipelines
 * would): every ARN one side names must exist on the other, with the trust that lets exactly the
 * intended principal in. Trust policies are evaluated with their conditions; identity policies with
 * the policy simulator of the test support.
 */

const opsApp = new App();
const ops = new OperationsStack(opsApp, 'IncidentManager', { env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION } });
const appApp = new App();
const app = new ApplicationStack(appApp, 'Application', { env: { account: APPLICATION_ACCOUNT, region: PRIMARY_REGION } });
const opsTemplate = Template.fromStack(ops).toJSON();
const appTemplate = Template.fromStack(app).toJSON();

/** A resolve context whose role ARNs use the roles' given names. */
function context(template: Json, account: string): ResolveContext {
  const ctx = templateContext(template, account, PRIMARY_REGION);
  const arns = { ...ctx.arns };
  for (const [id, r] of Object.entries<Json>(template.Resources)) {
    if (r.Type === 'AWS::IAM::Role' && typeof r.Properties.RoleName === 'string') arns[id] = `arn:aws:iam::${account}:role/${r.Properties.RoleName}`;
    if (r.Type === 'AWS::Events::EventBus') arns[id] = `arn:aws:events:${PRIMARY_REGION}:${account}:event-bus/${r.Properties.Name}`;
  }
  return { ...ctx, arns };
}
const opsCtx = context(opsTemplate, OPERATIONS_ACCOUNT);
const appCtx = context(appTemplate, APPLICATION_ACCOUNT);

/** The logical ID of the role named `roleName` (or whose ID starts with `idPrefix`). */
function roleId(template: Json, match: { roleName?: string; idPrefix?: string }): string {
  const found = Object.entries<Json>(template.Resources).find(
    ([id, r]) => r.Type === 'AWS::IAM::Role' && (match.roleName ? r.Properties.RoleName === match.roleName : id.startsWith(match.idPrefix!)),
  );
  if (!found) throw new Error(`no role ${JSON.stringify(match)}`);
  return found[0];
}

interface Caller {
  /** An IAM role ARN, or a service principal. */
  readonly arn?: string;
  readonly service?: string;
  readonly sourceAccount?: string;
  readonly sourceArn?: string;
  /** Other request context keys (events:eventBusInvocation, aws:PrincipalOrgID, ...). */
  readonly context?: Record<string, string>;
}

/** Whether `statement` (resolved) names `caller` as principal and its conditions hold for the caller's request. */
function admits(s: Json, action: string, caller: Caller): boolean {
  if (s.Effect !== 'Allow' || !asArray(s.Action).includes(action)) return false;
  const principal = s.Principal ?? {};
  const callerAccount = caller.arn?.split(':')[4];
  const named = caller.service
    ? asArray(principal.Service).includes(caller.service)
    : principal === '*' || principal.AWS === '*' ||
      asArray(principal.AWS).some((p: string) => p === caller.arn || p === `arn:aws:iam::${callerAccount}:root` || p === callerAccount);
  if (!named) return false;
  const request: Record<string, string | undefined> = {
    'aws:PrincipalArn': caller.arn,
    'aws:PrincipalAccount': callerAccount,
    'aws:SourceAccount': caller.sourceAccount,
    'aws:SourceArn': caller.sourceArn,
    ...caller.context,
  };
  return Object.entries<Json>(s.Condition ?? {}).every(([operator, keys]) =>
    Object.entries<Json>(keys).every(([key, expected]) => {
      const actual = request[key];
      if (actual === undefined) return false;
      const values = asArray(expected) as string[];
      if (operator === 'StringEquals' || operator === 'ArnEquals') return values.includes(actual);
      if (operator === 'ArnLike' || operator === 'StringLike') return values.some((v) => wildcardRegex(v, false).test(actual));
      throw new Error(`admits: no evaluator for ${operator}`);
    }),
  );
}

/** Whether the trust policy of a role lets `caller` assume it, conditions evaluated. */
function mayAssume(template: Json, id: string, ctx: ResolveContext, caller: Caller): boolean {
  const document = resolve(template.Resources[id].Properties.AssumeRolePolicyDocument, ctx);
  return asArray(document.Statement).some((s: Json) => admits(s, 'sts:AssumeRole', caller));
}

/** Whether the event bus policies of `template` let `caller` put events on the bus, conditions evaluated. */
function busAdmits(template: Json, ctx: ResolveContext, caller: Caller): boolean {
  return Object.values<Json>(template.Resources)
    .filter((r) => r.Type === 'AWS::Events::EventBusPolicy')
    .some((r) => admits(resolve(r.Properties.Statement, ctx), 'events:PutEvents', caller));
}

/** The request context of an event a rule forwards from another bus, and of a direct PutEvents call. */
const FORWARDED = { 'events:eventBusInvocation': 'true' };
const DIRECT = { 'events:eventBusInvocation': 'false' };
/** The aws:SourceArn of an automation execution of `account`. */
const executionArn = (account: string, region = PRIMARY_REGION) => `arn:aws:ssm:${region}:${account}:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`;

const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const OTHER_ACCOUNT = '777788889999';
const EXECUTION_ROLE = 'AWS-SystemsManager-AutomationExecutionRole';
const READ_ONLY_ROLE = 'AWS-SystemsManager-AutomationReadOnlyRole';
const ADMIN_READ_ONLY_ROLE = 'AWS-SystemManager-AutomationAdministrationReadOnlyRole';

describe('cross-account set-up, both sides in separate apps', () => {
  test('THEN both templates are valid', () => {
    expectValidTemplate(opsTemplate, 'operations');
    expectValidTemplate(appTemplate, 'application');
  });

  test('THEN the plan runbook role the application trusts exists in the operations account, and may assume the execution role, which trusts only it', () => {
    const runbookRoleName = RunbookExecutionRole.roleNameFor(RESTART_PLAN);
    expect(runbookRoleName).toBe('IncidentManagerRunbook-checkout-restart');
    const opsRunbookRole = roleId(opsTemplate, { roleName: runbookRoleName });
    const executionRole = roleId(appTemplate, { roleName: EXECUTION_ROLE });

    // Operations side: the runbook role may assume the application's execution role, and no other account's.
    const statements = statementsOfRole(opsTemplate, opsRunbookRole, opsCtx);
    expect(isAuthorized(statements, 'sts:AssumeRole', [role(APPLICATION_ACCOUNT, EXECUTION_ROLE)])).toBe(true);
    expect(isAuthorized(statements, 'sts:AssumeRole', [role(OTHER_ACCOUNT, EXECUTION_ROLE)])).toBe(false);

    // Application side: exactly that role, and Automation of this account.
    expect(mayAssume(appTemplate, executionRole, appCtx, { arn: role(OPERATIONS_ACCOUNT, runbookRoleName) })).toBe(true);
    const otherPlanRole = role(OPERATIONS_ACCOUNT, RunbookExecutionRole.roleNameFor(CRITICAL_PLAN));
    expect(mayAssume(appTemplate, executionRole, appCtx, { arn: otherPlanRole })).toBe(false);
    expect(mayAssume(appTemplate, executionRole, appCtx, { arn: role(OPERATIONS_ACCOUNT, 'Admin') })).toBe(false);
    expect(mayAssume(appTemplate, executionRole, appCtx, { arn: role(OTHER_ACCOUNT, runbookRoleName) })).toBe(false);
    // Automation of this account, for its own executions (Systems Manager's execution role template).
    const ssm = (sourceAccount: string, sourceArn?: string) => ({ service: 'ssm.amazonaws.com', sourceAccount, sourceArn });
    expect(mayAssume(appTemplate, executionRole, appCtx, ssm(APPLICATION_ACCOUNT, executionArn(APPLICATION_ACCOUNT)))).toBe(true);
    expect(mayAssume(appTemplate, executionRole, appCtx, ssm(APPLICATION_ACCOUNT, executionArn(APPLICATION_ACCOUNT, 'eu-west-1')))).toBe(true);
    expect(mayAssume(appTemplate, executionRole, appCtx, ssm(APPLICATION_ACCOUNT))).toBe(false);
    expect(mayAssume(appTemplate, executionRole, appCtx, ssm(APPLICATION_ACCOUNT, executionArn(OTHER_ACCOUNT)))).toBe(false);
    expect(mayAssume(appTemplate, executionRole, appCtx, ssm(APPLICATION_ACCOUNT, `arn:aws:ssm:${PRIMARY_REGION}:${APPLICATION_ACCOUNT}:document/AWS-RestartEC2Instance`))).toBe(false);
    expect(mayAssume(appTemplate, executionRole, appCtx, ssm(OTHER_ACCOUNT, executionArn(APPLICATION_ACCOUNT)))).toBe(false);
    expect(mayAssume(appTemplate, executionRole, appCtx, { service: 'ssm-incidents.amazonaws.com', sourceAccount: APPLICATION_ACCOUNT, sourceArn: executionArn(APPLICATION_ACCOUNT) })).toBe(false);
  });

  test('THEN the execution role may start exactly the granted runbook here and pass only itself to Automation', () => {
    const executionRole = roleId(appTemplate, { roleName: EXECUTION_ROLE });
    const statements = statementsOfRole(appTemplate, executionRole, appCtx);
    const start = (document: string) => [
      `arn:aws:ssm:us-west-2::document/${document}`,
      `arn:aws:ssm:us-west-2::automation-definition/${document}:$DEFAULT`,
      `arn:aws:ssm:us-west-2:${APPLICATION_ACCOUNT}:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`,
    ];
    expect(isAuthorized(statements, 'ssm:StartAutomationExecution', start('AWS-RestartEC2Instance'))).toBe(true);
    expect(isAuthorized(statements, 'ssm:StartAutomationExecution', start('AWS-DeleteStack'))).toBe(false);
    expect(isAuthorized(statements, 'iam:PassRole', [role(APPLICATION_ACCOUNT, EXECUTION_ROLE)])).toBe(true);
    expect(isAuthorized(statements, 'iam:PassRole', [role(APPLICATION_ACCOUNT, 'Admin')])).toBe(false);
  });

  test('THEN the application forwards events to the operations bus, which admits the application account, and whose rule starts only the critical plan', () => {
    const busId = Object.keys(opsTemplate.Resources).find((id) => opsTemplate.Resources[id].Type === 'AWS::Events::EventBus')!;
    const busArn = opsCtx.arns![busId];
    // Application side: the rule's target is that bus, and its role may put events there only.
    const rule = Object.values<Json>(appTemplate.Resources).find((r) => r.Type === 'AWS::Events::Rule');
    const target = resolve(rule.Properties.Targets[0], appCtx);
    expect(target.Arn).toBe(busArn);
    const forwarder = target.RoleArn.split('/').pop();
    const statements = statementsOfRole(appTemplate, forwarder, appCtx);
    expect(isAuthorized(statements, 'events:PutEvents', [busArn])).toBe(true);
    expect(isAuthorized(statements, 'events:PutEvents', [`arn:aws:events:${PRIMARY_REGION}:${OPERATIONS_ACCOUNT}:event-bus/default`])).toBe(false);

    // Operations side: the bus policy admits events the application account's rules forward, and
    // neither a direct PutEvents call of that account nor another account.
    const policy = Object.values<Json>(opsTemplate.Resources).find((r) => r.Type === 'AWS::Events::EventBusPolicy');
    const statement = resolve(policy.Properties.Statement, opsCtx);
    expect(statement.Principal.AWS).toBe(`arn:aws:iam::${APPLICATION_ACCOUNT}:root`);
    expect(statement.Action).toBe('events:PutEvents');
    expect(statement.Resource).toBe(busArn);
    expect(statement.Condition).toEqual({ StringEquals: { 'events:eventBusInvocation': 'true' } });
    expect(busAdmits(opsTemplate, opsCtx, { arn: role(APPLICATION_ACCOUNT, forwarder), context: FORWARDED })).toBe(true);
    expect(busAdmits(opsTemplate, opsCtx, { arn: role(APPLICATION_ACCOUNT, 'Developer'), context: DIRECT })).toBe(false);
    expect(busAdmits(opsTemplate, opsCtx, { arn: role(OTHER_ACCOUNT, forwarder), context: FORWARDED })).toBe(false);

    // The rule on the bus matches the application account's events and starts the critical plan only.
    const busRuleEntry = Object.entries<Json>(opsTemplate.Resources).find(([, r]) => r.Type === 'AWS::Events::Rule' && r.Properties.EventBusName);
    const busRule = resolve(busRuleEntry![1].Properties, opsCtx);
    expect(busRule.EventPattern.account).toEqual([APPLICATION_ACCOUNT]);
    const startRole = busRule.Targets[0].RoleArn.split('/').pop();
    const planId = Object.keys(opsTemplate.Resources).find((id) => opsTemplate.Resources[id].Properties?.Name === CRITICAL_PLAN)!;
    expect(busRule.Targets[0].Arn).toBe(opsCtx.arns![planId]);
    const startStatements = statementsOfRole(opsTemplate, startRole, opsCtx);
    expect(isAuthorized(startStatements, 'ssm-incidents:StartIncident', [opsCtx.arns![planId]])).toBe(true);
    expect(isAuthorized(startStatements, 'ssm-incidents:StartIncident', [`arn:aws:ssm-incidents::${OPERATIONS_ACCOUNT}:response-plan/${RESTART_PLAN}`])).toBe(false);
  });

  test('THEN the alarm names the shared plan that exists, and is shared, in the operations account', () => {
    const alarm = Object.values<Json>(appTemplate.Resources).find((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const action = resolve(alarm.Properties.AlarmActions[0], appCtx);
    expect(action).toBe(`arn:aws:ssm-incidents::${OPERATIONS_ACCOUNT}:response-plan/${CRITICAL_PLAN}`);
    expect(Object.values<Json>(opsTemplate.Resources).some((r) => r.Type === 'AWS::SSMIncidents::ResponsePlan' && r.Properties.Name === CRITICAL_PLAN)).toBe(true);
    const share = Object.values<Json>(opsTemplate.Resources).find((r) => r.Type === 'AWS::RAM::ResourceShare');
    expect(share.Properties.Principals).toEqual([APPLICATION_ACCOUNT]);
  });

  test.each([
    ['the operations account reads runbooks that ran in the application account', opsTemplate, opsCtx, OPERATIONS_ACCOUNT, appTemplate, appCtx, APPLICATION_ACCOUNT],
    ['the application account reads runbooks that ran in the operations account', appTemplate, appCtx, APPLICATION_ACCOUNT, opsTemplate, opsCtx, OPERATIONS_ACCOUNT],
  ])('THEN %s, with read-only roles on both sides', (_name, readerTemplate, readerCtx, reader, sourceTemplate, sourceCtx, source) => {
    const admin = roleId(readerTemplate, { roleName: ADMIN_READ_ONLY_ROLE });
    const readOnly = roleId(sourceTemplate, { roleName: READ_ONLY_ROLE });
    // The reader's administration role may assume the source's read-only role, and no other role.
    const adminStatements = statementsOfRole(readerTemplate, admin, readerCtx);
    expect(isAuthorized(adminStatements, 'sts:AssumeRole', [role(source, READ_ONLY_ROLE)])).toBe(true);
    expect(isAuthorized(adminStatements, 'sts:AssumeRole', [role(source, EXECUTION_ROLE)])).toBe(false);
    expect(isAuthorized(adminStatements, 'sts:AssumeRole', [role(OTHER_ACCOUNT, READ_ONLY_ROLE)])).toBe(false);
    // The source's read-only role trusts exactly the reader's administration role.
    expect(mayAssume(sourceTemplate, readOnly, sourceCtx, { arn: role(reader, ADMIN_READ_ONLY_ROLE) })).toBe(true);
    expect(mayAssume(sourceTemplate, readOnly, sourceCtx, { arn: role(reader, 'Admin') })).toBe(false);
    expect(mayAssume(sourceTemplate, readOnly, sourceCtx, { arn: role(OTHER_ACCOUNT, ADMIN_READ_ONLY_ROLE) })).toBe(false);
    // It reads automation executions of its own account, nothing else.
    const readStatements = statementsOfRole(sourceTemplate, readOnly, sourceCtx);
    const execution = (account: string) => [`arn:aws:ssm:us-west-2:${account}:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`];
    expect(isAuthorized(readStatements, 'ssm:GetAutomationExecution', execution(source))).toBe(true);
    expect(isAuthorized(readStatements, 'ssm:DescribeAutomationStepExecutions', execution(source))).toBe(true);
    expect(isAuthorized(readStatements, 'ssm:GetAutomationExecution', execution(OTHER_ACCOUNT))).toBe(false);
    expect(isAuthorized(readStatements, 'ssm:StartAutomationExecution', [
      'arn:aws:ssm:us-west-2::document/AWS-RestartEC2Instance',
      ...execution(source),
    ])).toBe(false);
  });
});

describe('IncidentManagerOperationsAccount', () => {
  test('GIVEN an organization THEN the bus admits its accounts through aws:PrincipalOrgID', () => {
    const stack = new Stack(new App(), 'Ops', { env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION } });
    new IncidentManagerOperationsAccount(stack, 'X', { applicationAccounts: [APPLICATION_ACCOUNT], organizationId: 'o-a1b2c3d4e5' });
    const template = Template.fromStack(stack).toJSON();
    const policy = Object.values<Json>(template.Resources).find((r) => r.Type === 'AWS::Events::EventBusPolicy');
    expect(policy.Properties.Statement.Principal).toEqual({ AWS: '*' });
    expect(policy.Properties.Statement.Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'events:eventBusInvocation': 'true' } });
    const ctx = templateContext(template, OPERATIONS_ACCOUNT, PRIMARY_REGION);
    const member = (request: Record<string, string>) => ({ arn: role(OTHER_ACCOUNT, 'Forwarder'), context: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', ...request } });
    expect(busAdmits(template, ctx, member(FORWARDED))).toBe(true);
    expect(busAdmits(template, ctx, member(DIRECT))).toBe(false);
    expect(busAdmits(template, ctx, { arn: role(OTHER_ACCOUNT, 'Forwarder'), context: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz', ...FORWARDED } })).toBe(false);
    expectValidTemplate(template);
  });

  test('GIVEN a long plan name THEN its runbook role name fits IAM and is stable', () => {
    const long = 'a'.repeat(200);
    const name = RunbookExecutionRole.roleNameFor(long);
    expect(name.length).toBe(55);
    expect(name).toMatch(/^IncidentManagerRunbook-a{23}-[0-9a-f]{8}$/);
    expect(RunbookExecutionRole.roleNameFor(long)).toBe(name);
    expect(RunbookExecutionRole.roleNameFor(`${'a'.repeat(199)}b`)).not.toBe(name);
  });
});

describe('cross-account validation', () => {
  const opsStack = () => new Stack(new App(), 'Ops', { env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION } });
  const appStack = () => new Stack(new App(), 'App', { env: { account: APPLICATION_ACCOUNT, region: PRIMARY_REGION } });
  test.each<[string, () => void, string]>([
    ['no application account', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [] }), '`applicationAccounts` must have 1 to 100 accounts (got "0 accounts") at Ops/X [CROSS_ACCOUNT]'],
    ['a malformed account', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: ['4444'] }), '`applicationAccounts[0]` must be a 12-digit account ID (got "4444") at Ops/X [CROSS_ACCOUNT]'],
    ['an account twice', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [APPLICATION_ACCOUNT, APPLICATION_ACCOUNT] }), `\`applicationAccounts\` must name each account once (got "${APPLICATION_ACCOUNT}") at Ops/X [CROSS_ACCOUNT]`],
    ['its own account', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [OPERATIONS_ACCOUNT] }), `\`applicationAccounts\` must name other accounts, not this stack's own account (got "${OPERATIONS_ACCOUNT}") at Ops/X [CROSS_ACCOUNT]`],
    ['a malformed organization', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [APPLICATION_ACCOUNT], organizationId: 'org-1' }), '`organizationId` must be an organization ID such as o-a1b2c3d4e5 (got "org-1") at Ops/X [CROSS_ACCOUNT]'],
    ['the default bus', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [APPLICATION_ACCOUNT], eventBusName: 'default' }), "`eventBusName` must be a bus of its own: a resource policy on the account's default bus would admit the accounts to every rule on it (got \"default\") at Ops/X [CROSS_ACCOUNT]"],
    ['a bus name with a slash', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [APPLICATION_ACCOUNT], eventBusName: 'a/b' }), '`eventBusName` must be letters, digits and . _ - only, 1 to 256 characters (got "a/b") at Ops/X [CROSS_ACCOUNT]'],
    ['an application side of its own account', () => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: APPLICATION_ACCOUNT }), `\`operationsAccount\` must be another account than this stack's (this construct is the application account's side) (got "${APPLICATION_ACCOUNT}") at App/X [CROSS_ACCOUNT]`],
    ['a malformed operations account', () => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: '1111-2222-3333' }), '`operationsAccount` must be a 12-digit account ID (got "1111-2222-3333") at App/X [CROSS_ACCOUNT]'],
    ['the operations account as another application account', () => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: OPERATIONS_ACCOUNT, otherApplicationAccounts: [OPERATIONS_ACCOUNT] }), `\`otherApplicationAccounts\` must name application accounts, not the operations account (it is trusted already) (got "${OPERATIONS_ACCOUNT}") at App/X [CROSS_ACCOUNT]`],
    ['no runbook plan', () => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: OPERATIONS_ACCOUNT, runbookResponsePlans: [] }), '`runbookResponsePlans` must have 1 to 100 response plan names (got "0 response plan names") at App/X [CROSS_ACCOUNT]'],
    ['a plan twice', () => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: OPERATIONS_ACCOUNT, runbookResponsePlans: ['p', 'p'] }), '`runbookResponsePlans` must name each plan once (got "p") at App/X [CROSS_ACCOUNT]'],
    ['grantRunbook without plans', () => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: OPERATIONS_ACCOUNT }).grantRunbook(Runbook.awsOwned('AWS-RestartEC2Instance')), 'grantRunbook must be called only with `runbookResponsePlans` (no execution role is created without them) (got "AWS-RestartEC2Instance") at App/X [CROSS_ACCOUNT]'],
  ])('GIVEN %s THEN synthesis fails', (_name, define, message) => {
    expect(define).toThrow(message);
  });

  test('GIVEN a malformed plan name THEN the response plan name rule applies', () => {
    expect(() => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: OPERATIONS_ACCOUNT, runbookResponsePlans: ['has space'] })).toThrow(/runbookResponsePlans\[0\].*has space.*at App\/X/);
  });
});

describe('forwarding events', () => {
  test('THEN only EventBridge, for this account and this rule, may use the forwarding role', () => {
    const rule = Object.entries<Json>(appTemplate.Resources).find(([, r]) => r.Type === 'AWS::Events::Rule')!;
    const forwarder = resolve(rule[1].Properties.Targets[0].RoleArn, appCtx).split('/').pop();
    const trust = resolve(appTemplate.Resources[forwarder].Properties.AssumeRolePolicyDocument.Statement[0], appCtx);
    expect(trust.Principal).toEqual({ Service: 'events.amazonaws.com' });
    expect(trust.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': APPLICATION_ACCOUNT },
      ArnLike: { 'aws:SourceArn': `arn:aws:events:${PRIMARY_REGION}:${APPLICATION_ACCOUNT}:rule/*` },
    });
  });
});

describe('cross-account constructs with values known only at deployment', () => {
  test('GIVEN accounts and plan names as CommaDelimitedList parameters THEN both sides synthesize valid templates that expand the lists at deploy time', () => {
    const opsStack = new Stack(new App(), 'Ops', { env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION } });
    const accounts = new CfnParameter(opsStack, 'Accounts', { type: 'CommaDelimitedList' }).valueAsList;
    new IncidentManagerOperationsAccount(opsStack, 'X', { applicationAccounts: accounts });
    const opsJson = Template.fromStack(opsStack).toJSON();
    expectValidTemplate(opsJson);
    // The bus admits exactly the listed accounts (aws:PrincipalAccount), the read-only role trusts exactly their roles.
    const policy = Object.values<Json>(opsJson.Resources).find((r) => r.Type === 'AWS::Events::EventBusPolicy');
    expect(JSON.stringify(policy.Properties.Statement.Condition)).toContain('aws:PrincipalAccount');
    expect(JSON.stringify(policy.Properties.Statement.Condition)).toContain('"Ref":"Accounts"');

    const appStack = new Stack(new App(), 'App', { env: { account: APPLICATION_ACCOUNT, region: PRIMARY_REGION } });
    const plans = new CfnParameter(appStack, 'Plans', { type: 'CommaDelimitedList' }).valueAsList;
    const others = new CfnParameter(appStack, 'Others', { type: 'CommaDelimitedList' }).valueAsList;
    new IncidentManagerApplicationAccount(appStack, 'X', { operationsAccount: OPERATIONS_ACCOUNT, runbookResponsePlans: plans, otherApplicationAccounts: others });
    const appJson = Template.fromStack(appStack).toJSON();
    expectValidTemplate(appJson);
    const execution = Object.values<Json>(appJson.Resources).find((r) => r.Properties?.RoleName === EXECUTION_ROLE);
    expect(JSON.stringify(execution.Properties.AssumeRolePolicyDocument)).toContain('IncidentManagerRunbook-');
    expect(JSON.stringify(execution.Properties.AssumeRolePolicyDocument)).toContain('"Ref":"Plans"');
  });
});
