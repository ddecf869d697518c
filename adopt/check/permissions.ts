/*
 * What AWS would deny Incident Manager: each runbook role's trust policy and IAM's simulation of its
 * requests; the policies of the topics, keys and PagerDuty secrets the response plans use.
 */
import { GetRoleCommand, paginateSimulatePrincipalPolicy } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { DescribeSecretCommand, GetResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { collect } from '../readers';
import { AccountSnapshot } from '../snapshot';
import { CheckContext, INCIDENT_MANAGER_PRINCIPAL, alias, errorName } from './context';
import { admitsService } from './policy-eval';
import { PlanResources, RunbookUse } from './response-plans';

/** A request Incident Manager makes with a runbook role. */
interface RoleRequest {
  readonly action: string;
  readonly resources: string[];
  readonly context?: any[];
}

/** Each runbook role of this account exists, trusts Incident Manager and may start its runbooks. */
export async function runbookRoles(ctx: CheckContext, runbooks: RunbookUse[]): Promise<void> {
  const roles = new Map<string, RunbookUse[]>();
  for (const r of runbooks) {
    if (r.role && ctx.ofAnotherAccount(r.role)) ctx.notChecked(`runbook role ${r.role} (${alias(r.plan)}): of another account`);
    else if (r.role) roles.set(r.role, [...(roles.get(r.role) ?? []), r]);
  }
  for (const [roleArn, uses] of roles) await runbookRole(ctx, roleArn, uses);
  ctx.progress(`permissions: ${roles.size} runbook roles simulated`);
}

async function runbookRole(ctx: CheckContext, roleArn: string, uses: RunbookUse[]): Promise<void> {
  const account = ctx.account;
  let role: any;
  try {
    role = (await ctx.clients.iam.send(new GetRoleCommand({ RoleName: alias(roleArn) }))).Role;
  } catch (e) {
    if (errorName(e) !== 'NoSuchEntityException') throw e;
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'role-missing',
      resource: roleArn,
      message: `the runbook role ${alias(roleArn)} of ${uses.map((u) => alias(u.plan)).join(', ')} does not exist`,
      fix: 'create the role, or point the plan at one that exists',
    });
    return;
  }
  // IAM returns the trust policy URL-encoded (GetRole, Role.AssumeRolePolicyDocument).
  let trust: string | undefined = role?.AssumeRolePolicyDocument;
  try {
    trust = trust === undefined ? undefined : decodeURIComponent(trust);
  } catch {
    // not encoded
  }
  if (!admitsService(trust, INCIDENT_MANAGER_PRINCIPAL, 'sts:AssumeRole', account)) {
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'trust-denies',
      resource: roleArn,
      message: `the trust policy of runbook role ${alias(roleArn)} does not let ${INCIDENT_MANAGER_PRINCIPAL} assume it (for incidents of account ${account})`,
      fix: `allow sts:AssumeRole to the service principal ${INCIDENT_MANAGER_PRINCIPAL}, with aws:SourceAccount ${account}`,
    });
  }
  // The requests Incident Manager makes with the role (the library's runbook role grants exactly
  // these: src/runbook.ts): start the runbook, and pass its automation role to Systems Manager.
  const requests: RoleRequest[] = [
    { action: 'ssm:StartAutomationExecution', resources: [...new Set(uses.flatMap((u) => [u.documentArn, u.definitionArn]))] },
  ];
  const passed = [...new Set(uses.map((u) => u.passRole).filter((r): r is string => !!r && r.startsWith('arn:')))];
  if (passed.length > 0) {
    requests.push({
      action: 'iam:PassRole',
      resources: passed,
      context: [{ ContextKeyName: 'iam:PassedToService', ContextKeyType: 'string', ContextKeyValues: ['ssm.amazonaws.com'] }],
    });
  }
  for (const request of requests) await simulate(ctx, roleArn, uses, request);
}

/** IAM's policy simulator allows the role the request on every resource. */
async function simulate(ctx: CheckContext, roleArn: string, uses: RunbookUse[], request: RoleRequest): Promise<void> {
  const input = { PolicySourceArn: roleArn, ActionNames: [request.action], ResourceArns: request.resources, ContextEntries: request.context };
  const results = await collect(paginateSimulatePrincipalPolicy({ client: ctx.clients.iam }, input), (p) => p.EvaluationResults);
  const denied = results.filter((r) => r.EvalDecision !== 'allowed');
  if (denied.length === 0) return;
  const names = new Set(denied.map((d) => d.EvalResourceName));
  const deniedUses = uses.filter((u) => [u.documentArn, u.definitionArn, u.passRole].some((r) => r && names.has(r)));
  const plans = [...new Set(deniedUses.map((u) => alias(u.plan)))];
  ctx.add({
    severity: 'error',
    area: 'permissions',
    code: 'role-denied',
    resource: roleArn,
    message: `IAM's policy simulator denies runbook role ${alias(roleArn)} ${request.action} on ${denied
      .map((d) => `${d.EvalResourceName} (${d.EvalDecision})`)
      .join(', ')}: the runbook of ${plans.join(', ')} would not start`,
    fix: `allow ${request.action} on those resources in the role's policies, and check its permissions boundary and any service control policy`,
  });
}

/** The topics, keys and PagerDuty secrets of the response plans, and the replication set's keys, admit Incident Manager. */
export async function resourcePolicies(ctx: CheckContext, snapshot: AccountSnapshot, { topics, secrets }: PlanResources): Promise<void> {
  for (const [topicArn, users] of topics) await topic(ctx, topicArn, users);
  for (const [secretId, users] of secrets) await secret(ctx, secretId, users);
  for (const [keyRegion, entry] of Object.entries(snapshot.replicationSet?.replicationSet.regionMap ?? {})) {
    const keyId = entry.sseKmsKeyId;
    if (keyId && keyId !== 'DefaultKey') await checkKey(ctx, keyId, keyRegion, `the replication set in ${keyRegion}`);
  }
  ctx.progress(`permissions: ${topics.size} topics, ${secrets.size} secrets read`);
}

async function topic(ctx: CheckContext, topicArn: string, users: string[]): Promise<void> {
  const account = ctx.account;
  if (ctx.ofAnotherAccount(topicArn)) {
    ctx.notChecked(`topic ${topicArn} (${users.join(', ')}): of another account`);
    return;
  }
  let attributes: { [key: string]: string };
  try {
    attributes = (await ctx.clients.sns(ctx.regionOf(topicArn)).send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes ?? {};
  } catch (e) {
    if (errorName(e) !== 'NotFoundException') throw e;
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'topic-missing',
      resource: topicArn,
      message: `the topic ${topicArn} of ${users.join(', ')} does not exist`,
      fix: 'create the topic, or point the plan at one that exists',
    });
    return;
  }
  if (!admitsService(attributes.Policy, INCIDENT_MANAGER_PRINCIPAL, 'sns:Publish', account)) {
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'topic-policy-denies',
      resource: topicArn,
      message: `the policy of topic ${topicArn} (${users.join(', ')}) does not let ${INCIDENT_MANAGER_PRINCIPAL} publish`,
      fix: `allow sns:Publish to ${INCIDENT_MANAGER_PRINCIPAL} with aws:SourceAccount ${account} (user guide, "Working with chat channels")`,
    });
  }
  if (attributes.KmsMasterKeyId) {
    await checkKey(ctx, attributes.KmsMasterKeyId, ctx.regionOf(topicArn), `topic ${topicArn}`, ['kms:Decrypt', 'kms:GenerateDataKey']);
  }
}

async function secret(ctx: CheckContext, secretId: string, users: string[]): Promise<void> {
  const account = ctx.account;
  if (ctx.ofAnotherAccount(secretId)) {
    ctx.notChecked(`PagerDuty secret ${secretId} (${users.join(', ')}): of another account`);
    return;
  }
  let policy: string | undefined;
  try {
    policy = (await ctx.clients.secretsManager(ctx.regionOf(secretId)).send(new GetResourcePolicyCommand({ SecretId: secretId }))).ResourcePolicy;
  } catch (e) {
    if (errorName(e) !== 'ResourceNotFoundException') throw e;
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'secret-missing',
      resource: secretId,
      message: `the PagerDuty secret ${secretId} of ${users.join(', ')} does not exist`,
      fix: 'create the secret, or point the plan at one that exists',
    });
    return;
  }
  if (!admitsService(policy, INCIDENT_MANAGER_PRINCIPAL, 'secretsmanager:GetSecretValue', account)) {
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'secret-policy-denies',
      resource: secretId,
      message: `the resource policy of PagerDuty secret ${secretId} (${users.join(', ')}) does not let ${INCIDENT_MANAGER_PRINCIPAL} read it`,
      fix: `allow secretsmanager:GetSecretValue to ${INCIDENT_MANAGER_PRINCIPAL} (user guide, "Storing PagerDuty access credentials in an AWS Secrets Manager secret")`,
    });
  }
  // The same page: the secret's key lets Incident Manager kms:Decrypt and kms:GenerateDataKey*. A
  // secret without KmsKeyId is encrypted with the AWS managed key aws/secretsmanager (DescribeSecret).
  const described = await ctx.clients.secretsManager(ctx.regionOf(secretId)).send(new DescribeSecretCommand({ SecretId: secretId }));
  await checkKey(ctx, described.KmsKeyId ?? 'alias/aws/secretsmanager', ctx.regionOf(secretId), `PagerDuty secret ${secretId}`, [
    'kms:Decrypt',
    'kms:GenerateDataKey',
  ]);
}

/** A key is enabled and, when `actions` are given, its policy lets Incident Manager use it for them. */
async function checkKey(ctx: CheckContext, keyId: string, keyRegion: string, user: string, actions: string[] = []): Promise<void> {
  const account = ctx.account;
  if (ctx.ofAnotherAccount(keyId)) {
    ctx.notChecked(`KMS key ${keyId} of ${user}: of another account`);
    return;
  }
  const kms = ctx.clients.kms(keyRegion);
  let key: any;
  try {
    key = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
  } catch (e) {
    if (errorName(e) !== 'NotFoundException') throw e;
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'key-missing',
      resource: keyId,
      message: `the KMS key ${keyId} of ${user} does not exist`,
      fix: 'point it at a key that exists',
    });
    return;
  }
  if (key.KeyState !== 'Enabled') {
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'key-disabled',
      resource: key.Arn ?? keyId,
      message: `the KMS key ${key.Arn ?? keyId} of ${user} is ${key.KeyState}: nothing encrypted with it can be written or read`,
      fix: 'enable the key (or cancel its deletion)',
    });
    return;
  }
  if (actions.length === 0) return;
  if (key.KeyManager === 'AWS') {
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'key-policy-denies',
      resource: key.Arn ?? keyId,
      message: `${user} is encrypted with the AWS managed key ${key.Arn ?? keyId}, whose policy admits no other service: ${INCIDENT_MANAGER_PRINCIPAL} cannot use it`,
      fix: `encrypt with a customer managed key whose policy allows ${INCIDENT_MANAGER_PRINCIPAL} ${actions.join(', ')}`,
    });
    return;
  }
  const policy = (await kms.send(new GetKeyPolicyCommand({ KeyId: key.Arn ?? keyId, PolicyName: 'default' }))).Policy;
  const refused = actions.filter((a) => !admitsService(policy, INCIDENT_MANAGER_PRINCIPAL, a, account));
  if (refused.length > 0) {
    ctx.add({
      severity: 'error',
      area: 'permissions',
      code: 'key-policy-denies',
      resource: key.Arn ?? keyId,
      message: `the policy of KMS key ${key.Arn ?? keyId} (${user}) does not let ${INCIDENT_MANAGER_PRINCIPAL} ${refused.join(', ')}`,
      fix: `allow ${INCIDENT_MANAGER_PRINCIPAL} kms:Decrypt and kms:GenerateDataKey* in the key policy (Amazon SNS developer guide, "Key management"; user guide, "Storing PagerDuty access credentials")`,
    });
  }
}
