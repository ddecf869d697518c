import { App, CfnParameter, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { APPLICATION_ACCOUNT, ApplicationStack, CRITICAL_PLAN, OPERATIONS_ACCOUNT, OperationsStack, PRIMARY_REGION, RESTART_PLAN, SECONDARY_REGION } from '../examples/example-app';
import { APPLICATION_REGIONS, OPERATIONS_REGIONS, SHARED_RUNBOOK, defineApplicationRegions, defineOperationsRegions } from '../examples/multi-region';
import {
  IncidentManagerApplicationAccount,
  IncidentManagerApplicationRegion,
  IncidentManagerOperationsAccount,
  IncidentManagerOperationsRegion,
  Runbook,
  RunbookExecutionRole,
} from '../src';
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
function context(template: Json, account: string, region = PRIMARY_REGION): ResolveContext {
  const ctx = templateContext(template, account, region);
  const arns = { ...ctx.arns };
  for (const [id, r] of Object.entries<Json>(template.Resources)) {
    if (r.Type === 'AWS::IAM::Role' && typeof r.Properties.RoleName === 'string') arns[id] = `arn:aws:iam::${account}:role/${r.Properties.RoleName}`;
    if (r.Type === 'AWS::Events::EventBus') arns[id] = `arn:aws:events:${region}:${account}:event-bus/${r.Properties.Name}`;
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
    expect(isAuthorized(statements, 'ssm:StartAutomationExecution', start('AWS-RebootRdsInstance'))).toBe(true);
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

/*
 * An organization's set-up in two Regions on each side, as AWS recommends for the replication set:
 * the operations side and the application side are separate apps, each with a stack per Region. In
 * each side's first Region the account construct (roles of fixed names, once per account), in the
 * second the Region construct. The application Regions are not the operations Regions: each forwards
 * to the operations bus of the Region it names.
 */
describe('two Regions on each side, in separate apps (four stacks)', () => {
  const operationsStacks = defineOperationsRegions(new App());
  const applicationStacks = defineApplicationRegions(new App());

  interface Synthesized {
    readonly name: string;
    readonly account: string;
    readonly region: string;
    readonly template: Json;
    readonly ctx: ResolveContext;
  }
  const synthesize = (stack: Stack, account: string, region: string): Synthesized => {
    const template = Template.fromStack(stack).toJSON();
    return { name: stack.stackName, account, region, template, ctx: context(template, account, region) };
  };
  const operations = operationsStacks.map((s, i) => synthesize(s, OPERATIONS_ACCOUNT, OPERATIONS_REGIONS[i]));
  const applications = applicationStacks.map((s, i) => synthesize(s, APPLICATION_ACCOUNT, APPLICATION_REGIONS[i]));
  const all = [...operations, ...applications];

  const busArn = (region: string) => `arn:aws:events:${region}:${OPERATIONS_ACCOUNT}:event-bus/incident-manager`;
  const ofType = (t: Synthesized, type: string) => Object.entries<Json>(t.template.Resources).filter(([, r]) => r.Type === type);
  const forwardRule = (t: Synthesized) => ofType(t, 'AWS::Events::Rule')[0][1];

  test('THEN every template passes the template check', () => {
    for (const t of all) expectValidTemplate(t.template, t.name);
  });

  test('THEN no physical name is defined twice in an account (IAM names) or in an account and Region (buses, rules)', () => {
    // IAM names are global to the account; event bus and rule names to the account and Region.
    const NAMED: Record<string, { property: string; global: boolean }> = {
      'AWS::IAM::Role': { property: 'RoleName', global: true },
      'AWS::Events::EventBus': { property: 'Name', global: false },
      'AWS::Events::Rule': { property: 'Name', global: false },
    };
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const t of all) {
      for (const [id, r] of Object.entries<Json>(t.template.Resources)) {
        const named = NAMED[r.Type];
        const name = named ? r.Properties?.[named.property] : undefined;
        if (name === undefined) continue;
        const key = [r.Type, t.account, named.global ? '' : t.region, JSON.stringify(name)].join(' ');
        if (seen.has(key)) duplicates.push(`${key}: ${seen.get(key)} and ${t.name}/${id}`);
        seen.set(key, `${t.name}/${id}`);
      }
    }
    expect(duplicates).toEqual([]);
    // The roles of fixed names exist exactly once per account; the bus once per Region.
    const count = (ts: Synthesized[], type: string, property: string, value: string) =>
      ts.flatMap((t) => ofType(t, type)).filter(([, r]) => r.Properties[property] === value).length;
    for (const side of [operations, applications]) {
      expect(count(side, 'AWS::IAM::Role', 'RoleName', READ_ONLY_ROLE)).toBe(1);
      expect(count(side, 'AWS::IAM::Role', 'RoleName', ADMIN_READ_ONLY_ROLE)).toBe(1);
    }
    expect(count(applications, 'AWS::IAM::Role', 'RoleName', EXECUTION_ROLE)).toBe(1);
    expect(operations.map((t) => ofType(t, 'AWS::Events::EventBus').length)).toEqual([1, 1]);
  });

  test.each([0, 1])('THEN the forwarding rule of application Region %i targets the operations bus of the Region it names, which admits its events', (i) => {
    const application = applications[i];
    const operationsSide = operations[i];
    const target = resolve(forwardRule(application).Properties.Targets[0], application.ctx);
    expect(target.Arn).toBe(busArn(OPERATIONS_REGIONS[i]));
    expect(target.Arn).not.toContain(APPLICATION_REGIONS[i]);
    // That bus exists in the operations stack of that Region.
    const [busId] = ofType(operationsSide, 'AWS::Events::EventBus')[0];
    expect(operationsSide.ctx.arns![busId]).toBe(target.Arn);
    // The forwarding role may put events there, and not on the other Region's bus.
    const forwarder = target.RoleArn.split('/').pop();
    const statements = statementsOfRole(application.template, forwarder, application.ctx);
    expect(isAuthorized(statements, 'events:PutEvents', [busArn(OPERATIONS_REGIONS[i])])).toBe(true);
    expect(isAuthorized(statements, 'events:PutEvents', [busArn(OPERATIONS_REGIONS[1 - i])])).toBe(false);
    // The bus admits what the rule forwards, and no direct call.
    expect(busAdmits(operationsSide.template, operationsSide.ctx, { arn: role(APPLICATION_ACCOUNT, forwarder), context: FORWARDED })).toBe(true);
    expect(busAdmits(operationsSide.template, operationsSide.ctx, { arn: role(APPLICATION_ACCOUNT, forwarder), context: DIRECT })).toBe(false);
  });

  test('THEN every role of the four stacks is trusted by exactly its principal and may do exactly its job', () => {
    const checked = new Set<string>();
    const check = (t: Synthesized, id: string, trust: [Caller, boolean][], permissions: [string, string[], boolean][]) => {
      for (const [caller, expected] of trust) expect([id, caller, mayAssume(t.template, id, t.ctx, caller)]).toEqual([id, caller, expected]);
      const statements = statementsOfRole(t.template, id, t.ctx);
      for (const [action, resources, expected] of permissions) {
        expect([id, action, resources, isAuthorized(statements, action, resources)]).toEqual([id, action, resources, expected]);
      }
      checked.add(`${t.name}/${id}`);
    };
    const eventsCaller = (t: Synthesized, ruleArn: string) => ({ service: 'events.amazonaws.com', sourceAccount: t.account, sourceArn: ruleArn });
    const executionOf = (account: string) => `arn:aws:ssm:us-east-1:${account}:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`;
    const startRequest = (owner: string) => [
      `arn:aws:ssm:eu-west-1:${owner}:document/${SHARED_RUNBOOK}`,
      `arn:aws:ssm:eu-west-1:${owner}:automation-definition/${SHARED_RUNBOOK}:$DEFAULT`,
      `arn:aws:ssm:eu-west-1:${APPLICATION_ACCOUNT}:automation-execution/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`,
    ];
    const [opsFirst] = operations;
    const [appFirst] = applications;
    const runbookRoleName = RunbookExecutionRole.roleNameFor(RESTART_PLAN);

    // Operations account, once: the read-only pair and the restart plan's runbook role.
    check(opsFirst, roleId(opsFirst.template, { roleName: READ_ONLY_ROLE }),
      [[{ arn: role(APPLICATION_ACCOUNT, ADMIN_READ_ONLY_ROLE) }, true], [{ arn: role(APPLICATION_ACCOUNT, 'Admin') }, false], [{ arn: role(OTHER_ACCOUNT, ADMIN_READ_ONLY_ROLE) }, false]],
      [['ssm:GetAutomationExecution', [executionOf(OPERATIONS_ACCOUNT)], true], ['ssm:GetAutomationExecution', [executionOf(OTHER_ACCOUNT)], false]]);
    check(opsFirst, roleId(opsFirst.template, { roleName: ADMIN_READ_ONLY_ROLE }),
      [[{ arn: role(OPERATIONS_ACCOUNT, 'Responder') }, true], [{ arn: role(APPLICATION_ACCOUNT, 'Responder') }, false]],
      [['sts:AssumeRole', [role(APPLICATION_ACCOUNT, READ_ONLY_ROLE)], true], ['sts:AssumeRole', [role(APPLICATION_ACCOUNT, EXECUTION_ROLE)], false]]);
    check(opsFirst, roleId(opsFirst.template, { roleName: runbookRoleName }),
      [
        [{ service: 'ssm-incidents.amazonaws.com', sourceAccount: OPERATIONS_ACCOUNT, sourceArn: `arn:aws:ssm-incidents:eu-west-1:${OPERATIONS_ACCOUNT}:incident-record/${RESTART_PLAN}/abc` }, true],
        [{ service: 'ssm-incidents.amazonaws.com', sourceAccount: OPERATIONS_ACCOUNT, sourceArn: `arn:aws:ssm-incidents:eu-west-1:${OPERATIONS_ACCOUNT}:incident-record/${CRITICAL_PLAN}/abc` }, false],
      ],
      [['sts:AssumeRole', [role(APPLICATION_ACCOUNT, EXECUTION_ROLE)], true], ['sts:AssumeRole', [role(OTHER_ACCOUNT, EXECUTION_ROLE)], false]]);
    // Operations account, each Region: the role of the rule on that Region's bus.
    for (const t of operations) {
      const rule = ofType(t, 'AWS::Events::Rule')[0][1];
      const startRole = resolve(rule.Properties.Targets[0].RoleArn, t.ctx).split('/').pop();
      const ruleArn = `arn:aws:events:${t.region}:${OPERATIONS_ACCOUNT}:rule/incident-manager/HealthEvents`;
      check(t, startRole,
        [[eventsCaller(t, ruleArn), true], [{ ...eventsCaller(t, ruleArn), sourceAccount: APPLICATION_ACCOUNT }, false]],
        [
          ['ssm-incidents:StartIncident', [`arn:aws:ssm-incidents::${OPERATIONS_ACCOUNT}:response-plan/${CRITICAL_PLAN}`], true],
          ['ssm-incidents:StartIncident', [`arn:aws:ssm-incidents::${OPERATIONS_ACCOUNT}:response-plan/${RESTART_PLAN}`], false],
        ]);
    }

    // Application account, once: the execution role, the read-only pair, a responder.
    check(appFirst, roleId(appFirst.template, { roleName: EXECUTION_ROLE }),
      [
        [{ arn: role(OPERATIONS_ACCOUNT, runbookRoleName) }, true],
        [{ arn: role(OPERATIONS_ACCOUNT, 'Admin') }, false],
        [{ service: 'ssm.amazonaws.com', sourceAccount: APPLICATION_ACCOUNT, sourceArn: executionOf(APPLICATION_ACCOUNT) }, true],
        [{ service: 'ssm.amazonaws.com', sourceAccount: APPLICATION_ACCOUNT, sourceArn: executionOf(OTHER_ACCOUNT) }, false],
      ],
      [
        // The operations account's document, shared with this account, and not a document of this account.
        ['ssm:StartAutomationExecution', startRequest(OPERATIONS_ACCOUNT), true],
        ['ssm:StartAutomationExecution', startRequest(APPLICATION_ACCOUNT), false],
        ['iam:PassRole', [role(APPLICATION_ACCOUNT, EXECUTION_ROLE)], true],
      ]);
    check(appFirst, roleId(appFirst.template, { roleName: READ_ONLY_ROLE }),
      [[{ arn: role(OPERATIONS_ACCOUNT, ADMIN_READ_ONLY_ROLE) }, true], [{ arn: role(OTHER_ACCOUNT, ADMIN_READ_ONLY_ROLE) }, false]],
      [['ssm:DescribeAutomationStepExecutions', [executionOf(APPLICATION_ACCOUNT)], true], ['ssm:GetAutomationExecution', [executionOf(OPERATIONS_ACCOUNT)], false]]);
    check(appFirst, roleId(appFirst.template, { roleName: ADMIN_READ_ONLY_ROLE }),
      [[{ arn: role(APPLICATION_ACCOUNT, 'Responder') }, true], [{ arn: role(OPERATIONS_ACCOUNT, 'Responder') }, false]],
      [['sts:AssumeRole', [role(OPERATIONS_ACCOUNT, READ_ONLY_ROLE)], true], ['sts:AssumeRole', [role(OTHER_ACCOUNT, READ_ONLY_ROLE)], false]]);
    check(appFirst, roleId(appFirst.template, { idPrefix: 'Responder' }),
      [[{ arn: role(APPLICATION_ACCOUNT, 'Someone') }, true], [{ arn: role(OPERATIONS_ACCOUNT, 'Someone') }, false]],
      [['ssm:SendAutomationSignal', [executionOf(APPLICATION_ACCOUNT)], true], ['ssm:SendAutomationSignal', [executionOf(OPERATIONS_ACCOUNT)], false]]);
    // Application account, each Region: the forwarding rule's role.
    applications.forEach((t, i) => {
      const target = resolve(forwardRule(t).Properties.Targets[0], t.ctx);
      const ruleArn = `arn:aws:events:${t.region}:${APPLICATION_ACCOUNT}:rule/HealthEvents`;
      check(t, target.RoleArn.split('/').pop(),
        [[eventsCaller(t, ruleArn), true], [{ ...eventsCaller(t, ruleArn), sourceArn: `arn:aws:events:${OPERATIONS_REGIONS[i]}:${OTHER_ACCOUNT}:rule/HealthEvents` }, false]],
        [['events:PutEvents', [busArn(OPERATIONS_REGIONS[i])], true], ['events:PutEvents', [`arn:aws:events:${OPERATIONS_REGIONS[i]}:${OPERATIONS_ACCOUNT}:event-bus/default`], false]]);
    });

    const roles = all.flatMap((t) => ofType(t, 'AWS::IAM::Role').map(([id]) => `${t.name}/${id}`));
    expect([...checked].sort()).toEqual(roles.sort());
  });

  test('THEN no stack has a warning', () => {
    for (const stack of [...operationsStacks, ...applicationStacks]) {
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    }
  });
});

describe('what exists once per account, defined twice in one app', () => {
  test('GIVEN IncidentManagerOperationsAccount in two Regions of one account THEN the second fails on the role name', () => {
    const oneApp = new App();
    const define = (region: string) =>
      new IncidentManagerOperationsAccount(new Stack(oneApp, `Ops-${region}`, { env: { account: OPERATIONS_ACCOUNT, region } }), 'X', { applicationAccounts: [APPLICATION_ACCOUNT] });
    define(PRIMARY_REGION);
    expect(() => define(SECONDARY_REGION)).toThrow(
      `the role name must be unique in account ${OPERATIONS_ACCOUNT} across the app (Ops-us-east-1/X/AutomationReadOnlyRole uses it too): IAM names are global to an account, so define IncidentManagerOperationsAccount once per account and IncidentManagerOperationsRegion in each of the account's other Regions (got "AWS-SystemsManager-AutomationReadOnlyRole") at Ops-us-west-2/X/AutomationReadOnlyRole [CROSS_ACCOUNT]`,
    );
  });

  test('GIVEN IncidentManagerApplicationAccount in two Regions of one account THEN the second fails on the execution role name', () => {
    const oneApp = new App();
    const define = (region: string) =>
      new IncidentManagerApplicationAccount(new Stack(oneApp, `App-${region}`, { env: { account: APPLICATION_ACCOUNT, region } }), 'X', {
        operationsAccount: OPERATIONS_ACCOUNT,
        operationsRegion: PRIMARY_REGION,
        runbookResponsePlans: [RESTART_PLAN],
      });
    define('eu-west-1');
    expect(() => define('eu-central-1')).toThrow(
      `the role name must be unique in account ${APPLICATION_ACCOUNT} across the app (App-eu-west-1/X/AutomationExecutionRole uses it too): IAM names are global to an account, so define IncidentManagerApplicationAccount once per account and IncidentManagerApplicationRegion in each of the account's other Regions (got "AWS-SystemsManager-AutomationExecutionRole") at App-eu-central-1/X/AutomationExecutionRole [CROSS_ACCOUNT]`,
    );
  });

  test('GIVEN two operations buses of one name in one account and Region THEN the second fails; in another Region it is fine', () => {
    const oneApp = new App();
    const stack = (id: string, region: string) => new Stack(oneApp, id, { env: { account: OPERATIONS_ACCOUNT, region } });
    new IncidentManagerOperationsAccount(stack('A', PRIMARY_REGION), 'X', { applicationAccounts: [APPLICATION_ACCOUNT] });
    new IncidentManagerOperationsRegion(stack('B', SECONDARY_REGION), 'X', { applicationAccounts: [APPLICATION_ACCOUNT] });
    new IncidentManagerOperationsRegion(stack('C', PRIMARY_REGION), 'X', { applicationAccounts: [APPLICATION_ACCOUNT], eventBusName: 'other-bus' });
    expect(() => new IncidentManagerOperationsRegion(stack('D', PRIMARY_REGION), 'X', { applicationAccounts: [APPLICATION_ACCOUNT] })).toThrow(
      `\`eventBusName\` must be unique in account ${OPERATIONS_ACCOUNT} and Region us-east-1 across the app (A/X/EventBus uses it too): define one IncidentManagerOperationsRegion (or IncidentManagerOperationsAccount) per account and Region (got "incident-manager") at D/X/EventBus [CROSS_ACCOUNT]`,
    );
  });
});

describe('the Region of the operations bus', () => {
  const appStack = () => new Stack(new App(), 'App', { env: { account: APPLICATION_ACCOUNT, region: 'eu-west-1' } });
  const WARNING = "Events are forwarded to the operations account's event bus in this stack's Region (eu-west-1), since operationsRegion is not given: if the operations account has no such bus in that Region, every forwarded event is dropped. Name the Region of the operations account's bus in operationsRegion. [ack: cdk-incident-manager:IncidentManagerApplicationAccount.operationsRegionAssumed]";

  test('GIVEN IncidentManagerApplicationAccount without operationsRegion THEN forwarding targets this Region, with a warning', () => {
    const stack = appStack();
    const side = new IncidentManagerApplicationAccount(stack, 'X', { operationsAccount: OPERATIONS_ACCOUNT });
    side.forwardEvents('A', { eventPattern: { source: ['aws.health'] } });
    side.forwardEvents('B', { eventPattern: { source: ['aws.ec2'] } });
    Annotations.fromStack(stack).hasWarning('/App/X', WARNING);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('operationsRegionAssumed'))).toHaveLength(1);
    expect(side.operationsEventBus.eventBusArn).toContain(':events:eu-west-1:111122223333:event-bus/incident-manager');
  });

  test('GIVEN no forwarding, or operationsRegion THEN no warning, and the bus of that Region', () => {
    const quiet = appStack();
    new IncidentManagerApplicationAccount(quiet, 'X', { operationsAccount: OPERATIONS_ACCOUNT });
    expect(Annotations.fromStack(quiet).findWarning('*', Match.anyValue())).toEqual([]);

    const stack = appStack();
    const side = new IncidentManagerApplicationAccount(stack, 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: 'us-east-2', eventBusName: 'ops' });
    side.forwardEvents('A', { eventPattern: { source: ['aws.health'] } });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    const template = Template.fromStack(stack).toJSON();
    const rule = Object.values<Json>(template.Resources).find((r) => r.Type === 'AWS::Events::Rule');
    expect(resolve(rule.Properties.Targets[0].Arn, templateContext(template, APPLICATION_ACCOUNT, 'eu-west-1'))).toBe(`arn:aws:events:us-east-2:${OPERATIONS_ACCOUNT}:event-bus/ops`);
    expectValidTemplate(template);
  });

  test.each<[string, () => void, string]>([
    ['a malformed Region', () => new IncidentManagerApplicationRegion(appStack(), 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: 'us-east' }), '`operationsRegion` must be a Region name such as us-east-1 (got "us-east") at App/X [CROSS_ACCOUNT]'],
    ['a malformed Region on the account construct', () => new IncidentManagerApplicationAccount(appStack(), 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: 'US-EAST-1' }), '`operationsRegion` must be a Region name such as us-east-1 (got "US-EAST-1") at App/X [CROSS_ACCOUNT]'],
    ['the Region construct in the operations account', () => new IncidentManagerApplicationRegion(new Stack(new App(), 'App', { env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION } }), 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: PRIMARY_REGION }), `\`operationsAccount\` must be another account than this stack's (this construct is the application account's side) (got "${OPERATIONS_ACCOUNT}") at App/X [CROSS_ACCOUNT]`],
  ])('GIVEN %s THEN synthesis fails', (_name, define, message) => {
    expect(define).toThrow(message);
  });

  test('GIVEN the Region as a token THEN it passes through', () => {
    const stack = appStack();
    const region = new CfnParameter(stack, 'OpsRegion').valueAsString;
    const side = new IncidentManagerApplicationRegion(stack, 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: region });
    side.forwardEvents('A', { eventPattern: { source: ['aws.health'] } });
    expectValidTemplate(Template.fromStack(stack).toJSON());
  });
});

describe('runbooks in the application account', () => {
  const appStack = () => new Stack(new App(), 'App', { env: { account: APPLICATION_ACCOUNT, region: 'eu-west-1' } });
  const startStatement = (template: Json) =>
    Object.values<Json>(template.Resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => asArray(r.Properties.PolicyDocument.Statement))
      .find((st: Json) => st.Action === 'ssm:StartAutomationExecution');

  test.each<[string, Runbook, string[]]>([
    // The operations account's document, which it shares with this account (user guide, "Working with
    // Systems Manager Automation runbooks": share the runbook of the management account).
    ['a document by name', Runbook.fromDocumentName('Checkout-Restart'), [
      `arn:aws:ssm:*:${OPERATIONS_ACCOUNT}:document/Checkout-Restart`,
      `arn:aws:ssm:*:${OPERATIONS_ACCOUNT}:automation-definition/Checkout-Restart:*`,
      `arn:aws:ssm:*:${APPLICATION_ACCOUNT}:automation-execution/*`,
    ]],
    ['a document by ARN', Runbook.fromDocumentArn(`arn:aws:ssm:us-east-1:${OTHER_ACCOUNT}:document/Shared`), [
      `arn:aws:ssm:us-east-1:${OTHER_ACCOUNT}:document/Shared`,
      `arn:aws:ssm:us-east-1:${OTHER_ACCOUNT}:automation-definition/Shared:*`,
      `arn:aws:ssm:*:${APPLICATION_ACCOUNT}:automation-execution/*`,
    ]],
    ['an AWS-owned document', Runbook.awsOwned('AWS-RestartEC2Instance'), [
      'arn:aws:ssm:*::document/AWS-RestartEC2Instance',
      'arn:aws:ssm:*::automation-definition/AWS-RestartEC2Instance:*',
      `arn:aws:ssm:*:${APPLICATION_ACCOUNT}:automation-execution/*`,
    ]],
  ])('GIVEN grantRunbook with %s THEN the execution role may start that document', (_name, runbook, resources) => {
    const stack = appStack();
    new IncidentManagerApplicationAccount(stack, 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: PRIMARY_REGION, runbookResponsePlans: [RESTART_PLAN] }).grantRunbook(runbook);
    const template = Template.fromStack(stack).toJSON();
    expectValidTemplate(template);
    expect(resolve(startStatement(template).Resource, templateContext(template, APPLICATION_ACCOUNT, 'eu-west-1'))).toEqual(resources);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('GIVEN runbookResponsePlans and no granted runbook THEN a warning says every start is denied', () => {
    const stack = appStack();
    new IncidentManagerApplicationAccount(stack, 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: PRIMARY_REGION, runbookResponsePlans: [RESTART_PLAN, 'db-failover'] });
    Annotations.fromStack(stack).hasWarning(
      '/App/X',
      'runbookResponsePlans names checkout-restart, db-failover, but no runbook is granted to AWS-SystemsManager-AutomationExecutionRole: Systems Manager denies every start of their runbooks in this account. Call grantRunbook with each plan\'s runbook. [ack: cdk-incident-manager:IncidentManagerApplicationAccount.noRunbookGranted]',
    );
  });

  test('GIVEN grantRunbookSignals THEN SendAutomationSignal on the automation executions of this account', () => {
    const stack = appStack();
    const side = new IncidentManagerApplicationAccount(stack, 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: PRIMARY_REGION });
    const responder = new iam.Role(stack, 'Responder', { assumedBy: new iam.AccountRootPrincipal() });
    side.grantRunbookSignals(responder);
    const template = Template.fromStack(stack).toJSON();
    expectValidTemplate(template);
    const ctx = templateContext(template, APPLICATION_ACCOUNT, 'eu-west-1');
    const statements = statementsOfRole(template, stack.getLogicalId(responder.node.defaultChild as any), ctx);
    expect(statements.map((st: Json) => [st.Action, st.Resource])).toEqual([['ssm:SendAutomationSignal', `arn:aws:ssm:*:${APPLICATION_ACCOUNT}:automation-execution/*`]]);
    expect(isAuthorized(statements, 'ssm:SendAutomationSignal', [executionArn(APPLICATION_ACCOUNT)])).toBe(true);
    expect(isAuthorized(statements, 'ssm:SendAutomationSignal', [executionArn(OPERATIONS_ACCOUNT)])).toBe(false);
  });
});

describe('the read-only roles\' names', () => {
  test('GIVEN other names on both sides THEN each side names the other\'s roles by them', () => {
    const names = { automationReadOnlyRoleName: 'ReadRunbooks', automationAdministrationReadOnlyRoleName: 'AWS-SystemsManager-AutomationAdministrationReadOnlyRole' };
    const opsStack = new Stack(new App(), 'Ops', { env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION } });
    const operations = new IncidentManagerOperationsAccount(opsStack, 'X', { applicationAccounts: [APPLICATION_ACCOUNT], ...names });
    const appStack = new Stack(new App(), 'App', { env: { account: APPLICATION_ACCOUNT, region: PRIMARY_REGION } });
    const application = new IncidentManagerApplicationAccount(appStack, 'X', { operationsAccount: OPERATIONS_ACCOUNT, operationsRegion: PRIMARY_REGION, ...names });
    const sides = [[opsStack, operations, APPLICATION_ACCOUNT], [appStack, application, OPERATIONS_ACCOUNT]] as const;
    // Each side's read-only role trusts the other's administration role, which may assume the other's read-only role.
    for (const [stack, side, other] of sides) {
      const [reader, source] = [other, other];
      const template = Template.fromStack(stack).toJSON();
      expectValidTemplate(template);
      const ctx = context(template, stack.account);
      const readOnly = stack.getLogicalId(side.automationReadOnlyRole.node.defaultChild as any);
      const administration = stack.getLogicalId(side.automationAdministrationReadOnlyRole.node.defaultChild as any);
      expect(template.Resources[readOnly].Properties.RoleName).toBe('ReadRunbooks');
      expect(template.Resources[administration].Properties.RoleName).toBe('AWS-SystemsManager-AutomationAdministrationReadOnlyRole');
      expect(mayAssume(template, readOnly, ctx, { arn: role(reader, 'AWS-SystemsManager-AutomationAdministrationReadOnlyRole') })).toBe(true);
      expect(mayAssume(template, readOnly, ctx, { arn: role(reader, ADMIN_READ_ONLY_ROLE) })).toBe(false);
      const statements = statementsOfRole(template, administration, ctx);
      expect(isAuthorized(statements, 'sts:AssumeRole', [role(source, 'ReadRunbooks')])).toBe(true);
      expect(isAuthorized(statements, 'sts:AssumeRole', [role(source, READ_ONLY_ROLE)])).toBe(false);
    }
  });

  const opsStack = () => new Stack(new App(), 'Ops', { env: { account: OPERATIONS_ACCOUNT, region: PRIMARY_REGION } });
  test.each<[string, () => void, string]>([
    ['a name with a space', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [APPLICATION_ACCOUNT], automationReadOnlyRoleName: 'Read Runbooks' }), '`automationReadOnlyRoleName` must be an IAM role name: 1 to 64 letters, digits and + = , . @ _ - (got "Read Runbooks") at Ops/X [CROSS_ACCOUNT]'],
    ['a name of 65 characters', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [APPLICATION_ACCOUNT], automationAdministrationReadOnlyRoleName: 'a'.repeat(65) }), `\`automationAdministrationReadOnlyRoleName\` must be an IAM role name: 1 to 64 letters, digits and + = , . @ _ - (got "${'a'.repeat(65)}") at Ops/X [CROSS_ACCOUNT]`],
    ['one name for both roles', () => new IncidentManagerOperationsAccount(opsStack(), 'X', { applicationAccounts: [APPLICATION_ACCOUNT], automationReadOnlyRoleName: 'Same', automationAdministrationReadOnlyRoleName: 'Same' }), '`automationAdministrationReadOnlyRoleName` must differ from `automationReadOnlyRoleName` (both roles exist in every account) (got "Same") at Ops/X [CROSS_ACCOUNT]'],
  ])('GIVEN %s THEN synthesis fails', (_name, define, message) => {
    expect(define).toThrow(message);
  });
});
