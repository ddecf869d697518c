/*
 * `check`: reads the account with adopt's reader, then the runbooks, roles, topics, keys, secrets and
 * stacks its response plans and contacts use, all with read-only calls, and reports what would fail
 * a page or a runbook tonight.
 *
 * Facts this relies on (the API references and user guide pages are cited where each is used):
 * - a contact channel pages only once activated (SSM Contacts ContactChannel, ActivationStatus);
 * - an SSM document parameter without a default value is required (SSM API reference,
 *   DocumentParameter: "DefaultValue: If specified, the default values for the parameters.
 *   Parameters without a default value are required.");
 * - CloudFormation's physical ID of every AWS::SSMContacts and AWS::SSMIncidents resource is its ARN
 *   (the resource schemas' primaryIdentifier is /properties/Arn; a Plan's is its contact's ARN).
 */
import { ListStackResourcesCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { DescribeSecretCommand, GetResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import { DescribeDocumentCommand, DescribeDocumentPermissionCommand } from '@aws-sdk/client-ssm';
import { ListRotationShiftsCommand, SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import type { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { AppStack, DeployedStacks, appDrift } from './app';
import { admitsService } from './policy-eval';
import { compareShifts } from '../adopt';
import { Modules } from '../ir';
import { planAdoption } from '../plan';
import { ReadStatistics, mapLimit, readAccount } from '../read';
import { AccountSnapshot, ContactSnapshot } from '../snapshot';
import { buildAdoptedApp } from '../synth';

/** Anything with the SDK's `send`: the clients are built on different SDK core versions. */
export interface Sender {
  send(command: any): Promise<any>;
}

export interface CheckClients {
  readonly contacts: SSMContactsClient;
  readonly incidents: SSMIncidentsClient;
  readonly ssm: Sender;
  readonly iam: Sender;
  readonly cloudformation: Sender;
  /** Topics, keys and secrets are read in the Region of their ARN. */
  readonly sns: (region: string) => Sender;
  readonly kms: (region: string) => Sender;
  readonly secretsManager: (region: string) => Sender;
}

export interface CheckOptions {
  readonly clients: CheckClients;
  readonly region: string;
  /** Weeks of shifts to check, from `now`. */
  readonly weeks: number;
  readonly now?: Date;
  readonly concurrency?: number;
  readonly progress?: (message: string) => void;
  /**
   * The library and aws-cdk-lib, to compare each rotation's shifts as AWS previews them with
   * `Rotation.shiftsBetween`.
   * @default - no comparison
   */
  readonly modules?: Modules;
  /**
   * The stacks of an app (`--app`), to compare their Incident Manager resources with the account.
   * @default - no comparison
   */
  readonly app?: AppStack[];
}

export type Severity = 'error' | 'warning';
export type Area = 'reachability' | 'coverage' | 'response plans' | 'permissions' | 'drift' | 'library';

/** One finding: the resource, what is wrong and what to do. */
export interface CheckFinding {
  /** `error`: a page or a runbook would fail; `warning`: something to fix that does not stop one. */
  readonly severity: Severity;
  readonly area: Area;
  /** A stable name of the kind of finding. */
  readonly code: string;
  /** The ARN of the resource the finding is about. */
  readonly resource: string;
  readonly message: string;
  /** What to do. */
  readonly fix: string;
}

export interface CheckReport {
  readonly account: string;
  readonly region: string;
  readonly at: string;
  readonly weeks: number;
  readonly findings: CheckFinding[];
  /** Resources of other accounts the check does not read (its policy names this account only). */
  readonly notChecked: string[];
  readonly stats: ReadStatistics;
}

export const INCIDENT_MANAGER_PRINCIPAL = 'ssm-incidents.amazonaws.com';

const alias = (arn: string) => arn.split('/').pop()!;
/** Prefixes of the Automation runbooks AWS owns (Systems Manager Automation runbook reference), as adopt reads them. */
const AWS_OWNED_RUNBOOK = /^(AWS|AWSSupport|AWSConfigRemediation|AWSEC2|AWSIncidents)-/;
const iso = (t: number) => new Date(t).toISOString().slice(0, 16) + 'Z';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const errorName = (e: unknown) => (e as { name?: string })?.name ?? '';

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const { clients, region } = options;
  const progress = options.progress ?? (() => undefined);
  const now = options.now ?? new Date();
  const concurrency = options.concurrency ?? 4;
  const stats: ReadStatistics = { calls: 0, attempts: 0 };
  const send = async <T = any>(client: Sender, command: unknown): Promise<T> => {
    stats.calls++;
    const output = await client.send(command);
    stats.attempts += output?.$metadata?.attempts ?? 1;
    return output as T;
  };
  const all = async <T>(page: (token?: string) => Promise<[T[] | undefined, string | undefined]>): Promise<T[]> => {
    const items: T[] = [];
    let token: string | undefined;
    do {
      const [got, next] = await page(token);
      items.push(...(got ?? []));
      token = next;
    } while (token);
    return items;
  };

  /** What the check could not read, said in the report. */
  const notChecked: string[] = [];
  const read = (previewWeeks: number) =>
    readAccount({ contacts: clients.contacts, incidents: clients.incidents, region, concurrency, progress, previewWeeks, now }, stats);
  let snapshot: AccountSnapshot;
  let compare = options.modules !== undefined;
  try {
    snapshot = await read(compare ? options.weeks : 0);
  } catch (e) {
    if (!compare) throw e;
    // The comparison with the library is the one part that may be left out: read again without AWS's
    // preview (ListPreviewRotationShifts), and say why.
    progress(`reading AWS's preview of the shifts failed (${(e as Error).message}): reading again without it`);
    notChecked.push(`the library's shifts against AWS's preview: ${(e as Error).message}`);
    compare = false;
    snapshot = await read(0);
  }
  const account = accountOf(snapshot);
  const findings: CheckFinding[] = [];
  const add = (f: CheckFinding) => findings.push(f);
  const ofAnotherAccount = (arn: string) => arn.startsWith('arn:') && arn.split(':')[4] !== account;

  const reach = reachability(snapshot);
  findings.push(...reach.findings);
  progress(`reachability: ${reach.findings.length} findings`);

  // Coverage: AWS's shifts of each schedule's rotations (ListRotationShifts: overrides included).
  const to = now.getTime() + options.weeks * 7 * 86_400_000;
  const rotationArns = new Set(snapshot.rotations.map((r) => r.rotation.RotationArn!));
  const scheduled = new Set(
    snapshot.contacts.flatMap((c) => (c.contact.Type === 'ONCALL_SCHEDULE' ? (c.contact.Plan?.RotationIds ?? []) : [])).filter((id) => rotationArns.has(id)),
  );
  const shifts = new Map<string, Array<{ start: number; end: number }>>();
  await mapLimit([...scheduled], concurrency, async (arn) => {
    // MaxResults: at most 1,024 (SSM Contacts API reference, ListRotationShifts).
    const got = await all<any>(async (NextToken) => {
      const page = await send(
        clients.contacts,
        new ListRotationShiftsCommand({ RotationId: arn, StartTime: now, EndTime: new Date(to), MaxResults: 1024, NextToken }),
      );
      return [page.RotationShifts, page.NextToken];
    });
    shifts.set(
      arn,
      got.map((s) => ({ start: new Date(s.StartTime).getTime(), end: new Date(s.EndTime).getTime() })),
    );
  });
  for (const c of snapshot.contacts.filter((x) => x.contact.Type === 'ONCALL_SCHEDULE')) {
    const ids = (c.contact.Plan?.RotationIds ?? []).filter((id) => rotationArns.has(id));
    if (ids.length === 0) continue; // reachability reports a schedule without rotations
    const gaps = gapsOf(
      ids.flatMap((id) => shifts.get(id) ?? []),
      now.getTime(),
      to,
    );
    if (gaps.length === 0) continue;
    const hours = gaps.reduce((n, g) => n + (g.end - g.start), 0) / 3_600_000;
    add({
      severity: 'warning',
      area: 'coverage',
      code: 'coverage-gap',
      resource: c.contact.ContactArn!,
      message: `on-call schedule ${c.contact.Alias} has nobody on call for ${Math.round(hours * 10) / 10} hours of the next ${plural(options.weeks, 'week')} (AWS's shifts, overrides included), in ${plural(gaps.length, 'gap')}: ${gaps
        .slice(0, 5)
        .map((g) => `${iso(g.start)} to ${iso(g.end)}`)
        .join(', ')}${gaps.length > 5 ? ', ...' : ''}`,
      fix: 'a page during a gap engages nobody through this schedule: add a rotation or shift coverage for those hours, or an override, or make sure the escalation plan or response plan engages someone else then',
    });
  }
  progress(`coverage: ${scheduled.size} rotations' shifts read`);

  // The library's computation against AWS's preview.
  if (compare && options.modules) {
    let comparisons: ReturnType<typeof compareShifts> = [];
    try {
      const plan = planAdoption(snapshot, { maxResourcesPerStack: 200, stackPrefix: 'Check', modules: options.modules });
      // AWS's preview may hold whole shifts that begin before or end after the weeks asked for (its
      // API reference does not say); the library cuts its shifts there, so AWS's are cut the same way.
      const cut = {
        ...snapshot,
        rotations: snapshot.rotations.map((r) =>
          !r.preview
            ? r
            : {
              ...r,
              preview: {
                ...r.preview,
                shifts: r.preview.shifts
                  .map((s) => ({
                    ...s,
                    StartTime: new Date(Math.max(s.StartTime!.getTime(), r.preview!.from.getTime())),
                    EndTime: new Date(Math.min(s.EndTime!.getTime(), r.preview!.to.getTime())),
                  }))
                  .filter((s) => s.EndTime > s.StartTime),
              },
            },
        ),
      };
      comparisons = compareShifts(cut, buildAdoptedApp(plan, options.modules).stacks);
    } catch (e) {
      notChecked.push(`the library's shifts against AWS's preview: ${(e as Error).message}`);
    }
    for (const c of comparisons.filter((x) => !x.matches)) {
      const rotation = snapshot.rotations.find((r) => r.rotation.Name === c.rotation)!;
      add({
        severity: 'warning',
        area: 'library',
        code: 'library-shifts-differ',
        resource: rotation.rotation.RotationArn!,
        message: `the library's Rotation.shiftsBetween does not compute the shifts AWS previews for rotation ${c.rotation} (ListPreviewRotationShifts, next ${plural(options.weeks, 'week')}): ${c.differences.join('; ')}`,
        fix: "the library's offline coverage answers (OnCallAssertions, shiftsBetween) do not hold for this rotation: rely on this command's coverage instead, and report the difference to the library",
      });
    }
    progress(`library: ${comparisons.length} rotations compared with AWS's preview`);
  }

  // Response plans: engagements, runbooks, and the roles, topics, keys and secrets they use.
  const partition = partitionOf(snapshot);
  const topics = new Map<string, string[]>();
  const secrets = new Map<string, string[]>();
  const runbooks: Array<{ plan: string; role?: string; documentArn: string; definitionArn: string; passRole?: string }> = [];
  for (const { plan } of snapshot.responsePlans) {
    const arn = plan.arn!;
    for (const engaged of plan.engagements ?? []) {
      if (!reach.contacts.has(engaged)) {
        add({
          severity: 'error',
          area: 'response plans',
          code: 'engagement-missing',
          resource: arn,
          message: `response plan ${plan.name} engages ${engaged}, which does not exist`,
          fix: 'engage an existing contact, escalation plan or on-call schedule, or remove the engagement',
        });
      } else if (!reach.reachable(engaged)) {
        add({
          severity: 'error',
          area: 'response plans',
          code: 'engagement-unreachable',
          resource: arn,
          message: `response plan ${plan.name} engages ${alias(engaged)}, which reaches nobody (see the reachability findings)`,
          fix: 'fix the contact it engages, or engage one that reaches someone',
        });
      }
    }
    for (const t of plan.incidentTemplate?.notificationTargets ?? []) {
      if (t.snsTopicArn) topics.set(t.snsTopicArn, [...(topics.get(t.snsTopicArn) ?? []), `${plan.name} (notification)`]);
    }
    for (const t of plan.chatChannel?.chatbotSns ?? []) topics.set(t, [...(topics.get(t) ?? []), `${plan.name} (chat channel)`]);
    for (const i of plan.integrations ?? []) {
      const id = i.pagerDutyConfiguration?.secretId;
      if (id) secrets.set(id, [...(secrets.get(id) ?? []), plan.name!]);
    }
    for (const action of plan.actions ?? []) {
      const a = action.ssmAutomation;
      if (!a?.documentName) continue;
      const document = await describeDocument(a.documentName, a.documentVersion);
      const inImpacted = a.targetAccount === 'IMPACTED_ACCOUNT';
      if (document === 'missing' && inImpacted) {
        // Run in the impacted account, a runbook named without an ARN may be that account's own: this
        // account cannot see it, so it cannot say the page would fail.
        add({
          severity: 'warning',
          area: 'response plans',
          code: 'runbook-missing',
          resource: arn,
          message: `response plan ${plan.name} runs the runbook ${a.documentName} in the impacted account, and this account neither has it nor sees it shared`,
          fix: 'make sure every impacted account has the document, or share it with them from this account',
        });
        continue;
      }
      if (document === 'missing' || document === 'version missing') {
        add({
          severity: 'error',
          area: 'response plans',
          code: document === 'missing' ? 'runbook-missing' : 'runbook-version-missing',
          resource: arn,
          message:
            document === 'missing'
              ? `the runbook ${a.documentName} of response plan ${plan.name} does not exist in ${region}, or is not shared with this account`
              : `the runbook ${a.documentName} of response plan ${plan.name} has no version ${a.documentVersion}`,
          fix: document === 'missing' ? 'create or share the document, or point the plan at one that exists' : 'point the plan at a version that exists, or at $DEFAULT',
        });
        continue;
      }
      const given = new Set([...Object.keys(a.parameters ?? {}), ...Object.keys(a.dynamicParameters ?? {})]);
      const missing = (document.Parameters ?? []).filter((p: any) => p.DefaultValue === undefined && !given.has(p.Name)).map((p: any) => p.Name);
      if (missing.length > 0) {
        add({
          severity: 'error',
          area: 'response plans',
          code: 'runbook-parameter-missing',
          resource: arn,
          message: `the runbook ${a.documentName} of response plan ${plan.name} requires ${missing.join(', ')}, which the plan does not give (the document declares no default)`,
          fix: 'give each required parameter a value or a dynamic value in the plan',
        });
      }
      const owner: string = document.Owner ?? (AWS_OWNED_RUNBOOK.test(a.documentName) ? 'Amazon' : a.documentName.startsWith('arn:') ? a.documentName.split(':')[4] : account);
      if (a.targetAccount === 'IMPACTED_ACCOUNT' && owner === account) {
        const permission = await send(clients.ssm, new DescribeDocumentPermissionCommand({ Name: a.documentName, PermissionType: 'Share' }));
        if ((permission.AccountIds ?? []).length === 0) {
          add({
            severity: 'error',
            area: 'response plans',
            code: 'runbook-not-shared',
            resource: arn,
            message: `response plan ${plan.name} runs the runbook ${a.documentName} in the impacted account, but the document is shared with no account`,
            fix: 'share the document with the application accounts (ssm ModifyDocumentPermission, or the RAM share of the cross-account set-up)',
          });
        }
      }
      const docAccount = owner === 'Amazon' ? '' : owner;
      const name = a.documentName.startsWith('arn:') ? a.documentName.split('/').pop()! : a.documentName;
      const documentArn = a.documentName.startsWith('arn:') ? a.documentName : `arn:${partition}:ssm:${region}:${docAccount}:document/${name}`;
      const version = a.documentVersion ?? '$DEFAULT';
      const definitionArn = `arn:${partition}:ssm:${documentArn.split(':')[3]}:${documentArn.split(':')[4]}:automation-definition/${name}:${version}`;
      const passRole = a.parameters?.AutomationAssumeRole?.[0];
      runbooks.push({ plan: arn, role: a.roleArn, documentArn, definitionArn, passRole });
    }
  }
  progress(`response plans: ${snapshot.responsePlans.length} checked, ${runbooks.length} runbooks`);

  async function describeDocument(name: string, version?: string): Promise<any> {
    try {
      const output = await send(clients.ssm, new DescribeDocumentCommand({ Name: name, DocumentVersion: version }));
      return output.Document ?? {};
    } catch (e) {
      if (errorName(e) === 'InvalidDocument') return 'missing';
      if (errorName(e) === 'InvalidDocumentVersion') return 'version missing';
      throw e;
    }
  }

  // What AWS would deny: each runbook role's trust policy and IAM's simulation of its requests.
  const roles = new Map<string, typeof runbooks>();
  for (const r of runbooks) {
    if (r.role && ofAnotherAccount(r.role)) notChecked.push(`runbook role ${r.role} (${alias(r.plan)}): of another account`);
    else if (r.role) roles.set(r.role, [...(roles.get(r.role) ?? []), r]);
  }
  for (const [roleArn, uses] of roles) {
    let role: any;
    try {
      role = (await send(clients.iam, new GetRoleCommand({ RoleName: alias(roleArn) }))).Role;
    } catch (e) {
      if (errorName(e) !== 'NoSuchEntityException') throw e;
      add({
        severity: 'error',
        area: 'permissions',
        code: 'role-missing',
        resource: roleArn,
        message: `the runbook role ${alias(roleArn)} of ${uses.map((u) => alias(u.plan)).join(', ')} does not exist`,
        fix: 'create the role, or point the plan at one that exists',
      });
      continue;
    }
    // IAM returns the trust policy URL-encoded (GetRole, Role.AssumeRolePolicyDocument).
    let trust: string | undefined = role?.AssumeRolePolicyDocument;
    try {
      trust = trust === undefined ? undefined : decodeURIComponent(trust);
    } catch {
      // not encoded
    }
    if (!admitsService(trust, INCIDENT_MANAGER_PRINCIPAL, 'sts:AssumeRole', account)) {
      add({
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
    const requests: Array<{ action: string; resources: string[]; context?: any[] }> = [
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
    for (const request of requests) {
      const results = await all<any>(async (Marker) => {
        const page = await send(
          clients.iam,
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: roleArn,
            ActionNames: [request.action],
            ResourceArns: request.resources,
            ContextEntries: request.context,
            Marker,
          }),
        );
        return [page.EvaluationResults, page.IsTruncated ? page.Marker : undefined];
      });
      const denied = results.filter((r) => r.EvalDecision !== 'allowed');
      if (denied.length === 0) continue;
      const names = new Set(denied.map((d) => d.EvalResourceName));
      const deniedUses = uses.filter((u) => [u.documentArn, u.definitionArn, u.passRole].some((r) => r && names.has(r)));
      const plans = [...new Set(deniedUses.map((u) => alias(u.plan)))];
      add({
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
  }
  progress(`permissions: ${roles.size} runbook roles simulated`);

  // Topics, their keys, and PagerDuty secrets admit Incident Manager.
  const regionOf = (arn: string) => (arn.startsWith('arn:') ? arn.split(':')[3] : region);
  for (const [topicArn, users] of topics) {
    if (ofAnotherAccount(topicArn)) {
      notChecked.push(`topic ${topicArn} (${users.join(', ')}): of another account`);
      continue;
    }
    let attributes: { [key: string]: string };
    try {
      attributes = (await send(clients.sns(regionOf(topicArn)), new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes ?? {};
    } catch (e) {
      if (errorName(e) !== 'NotFoundException') throw e;
      add({
        severity: 'error',
        area: 'permissions',
        code: 'topic-missing',
        resource: topicArn,
        message: `the topic ${topicArn} of ${users.join(', ')} does not exist`,
        fix: 'create the topic, or point the plan at one that exists',
      });
      continue;
    }
    if (!admitsService(attributes.Policy, INCIDENT_MANAGER_PRINCIPAL, 'sns:Publish', account)) {
      add({
        severity: 'error',
        area: 'permissions',
        code: 'topic-policy-denies',
        resource: topicArn,
        message: `the policy of topic ${topicArn} (${users.join(', ')}) does not let ${INCIDENT_MANAGER_PRINCIPAL} publish`,
        fix: `allow sns:Publish to ${INCIDENT_MANAGER_PRINCIPAL} with aws:SourceAccount ${account} (user guide, "Working with chat channels")`,
      });
    }
    if (attributes.KmsMasterKeyId) {
      await checkKey(attributes.KmsMasterKeyId, regionOf(topicArn), `topic ${topicArn}`, ['kms:Decrypt', 'kms:GenerateDataKey']);
    }
  }
  for (const [secretId, users] of secrets) {
    if (ofAnotherAccount(secretId)) {
      notChecked.push(`PagerDuty secret ${secretId} (${users.join(', ')}): of another account`);
      continue;
    }
    let policy: string | undefined;
    try {
      policy = (await send(clients.secretsManager(regionOf(secretId)), new GetResourcePolicyCommand({ SecretId: secretId }))).ResourcePolicy;
    } catch (e) {
      if (errorName(e) !== 'ResourceNotFoundException') throw e;
      add({
        severity: 'error',
        area: 'permissions',
        code: 'secret-missing',
        resource: secretId,
        message: `the PagerDuty secret ${secretId} of ${users.join(', ')} does not exist`,
        fix: 'create the secret, or point the plan at one that exists',
      });
      continue;
    }
    if (!admitsService(policy, INCIDENT_MANAGER_PRINCIPAL, 'secretsmanager:GetSecretValue', account)) {
      add({
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
    const described = await send(clients.secretsManager(regionOf(secretId)), new DescribeSecretCommand({ SecretId: secretId }));
    await checkKey(described.KmsKeyId ?? 'alias/aws/secretsmanager', regionOf(secretId), `PagerDuty secret ${secretId}`, [
      'kms:Decrypt',
      'kms:GenerateDataKey',
    ]);
  }
  for (const [keyRegion, entry] of Object.entries(snapshot.replicationSet?.replicationSet.regionMap ?? {})) {
    const keyId = entry.sseKmsKeyId;
    if (keyId && keyId !== 'DefaultKey') await checkKey(keyId, keyRegion, `the replication set in ${keyRegion}`);
  }
  progress(`permissions: ${topics.size} topics, ${secrets.size} secrets read`);

  /** A key is enabled and, when `actions` are given, its policy lets Incident Manager use it for them. */
  async function checkKey(keyId: string, keyRegion: string, user: string, actions: string[] = []): Promise<void> {
    if (ofAnotherAccount(keyId)) {
      notChecked.push(`KMS key ${keyId} of ${user}: of another account`);
      return;
    }
    const kms = clients.kms(keyRegion);
    let key: any;
    try {
      key = (await send(kms, new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
    } catch (e) {
      if (errorName(e) !== 'NotFoundException') throw e;
      add({
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
      add({
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
      add({
        severity: 'error',
        area: 'permissions',
        code: 'key-policy-denies',
        resource: key.Arn ?? keyId,
        message: `${user} is encrypted with the AWS managed key ${key.Arn ?? keyId}, whose policy admits no other service: ${INCIDENT_MANAGER_PRINCIPAL} cannot use it`,
        fix: `encrypt with a customer managed key whose policy allows ${INCIDENT_MANAGER_PRINCIPAL} ${actions.join(', ')}`,
      });
      return;
    }
    const policy = (await send(kms, new GetKeyPolicyCommand({ KeyId: key.Arn ?? keyId, PolicyName: 'default' }))).Policy;
    const refused = actions.filter((a) => !admitsService(policy, INCIDENT_MANAGER_PRINCIPAL, a, account));
    if (refused.length > 0) {
      add({
        severity: 'error',
        area: 'permissions',
        code: 'key-policy-denies',
        resource: key.Arn ?? keyId,
        message: `the policy of KMS key ${key.Arn ?? keyId} (${user}) does not let ${INCIDENT_MANAGER_PRINCIPAL} ${refused.join(', ')}`,
        fix: `allow ${INCIDENT_MANAGER_PRINCIPAL} kms:Decrypt and kms:GenerateDataKey* in the key policy (Amazon SNS developer guide, "Key management"; user guide, "Storing PagerDuty access credentials")`,
      });
    }
  }

  // Drift: Incident Manager resources no CloudFormation stack of the Region manages.
  const stacks = await all<any>(async (NextToken) => {
    const page = await send(clients.cloudformation, new ListStacksCommand({ NextToken }));
    return [page.StackSummaries, page.NextToken];
  });
  const managed = new Set<string>();
  const deployed: DeployedStacks = new Map();
  const live = stacks.filter((s) => s.StackStatus !== 'DELETE_COMPLETE');
  await mapLimit(live, concurrency, async (stack) => {
    const resources = await all<any>(async (NextToken) => {
      const page = await send(clients.cloudformation, new ListStackResourcesCommand({ StackName: stack.StackName, NextToken }));
      return [page.StackResourceSummaries, page.NextToken];
    });
    deployed.set(stack.StackName, new Map(resources.map((r) => [r.LogicalResourceId, { physicalId: r.PhysicalResourceId, type: r.ResourceType }])));
    for (const r of resources) {
      if (/^AWS::SSM(Contacts|Incidents)::/.test(r.ResourceType ?? '') && r.PhysicalResourceId) managed.add(r.PhysicalResourceId);
    }
  });
  const unmanaged = (arn: string, what: string) => {
    if (managed.has(arn)) return;
    add({
      severity: 'warning',
      area: 'drift',
      code: 'unmanaged',
      resource: arn,
      message: `${what} is managed by no CloudFormation stack of ${region} (made or changed outside CloudFormation)`,
      fix: 'adopt it (npx cdk-incident-manager adopt, then cdk import), or delete it if it is not wanted',
    });
  };
  if (snapshot.replicationSet) unmanaged(snapshot.replicationSet.replicationSet.arn!, 'the replication set');
  for (const c of snapshot.contacts) {
    const arn = c.contact.ContactArn!;
    unmanaged(arn, `contact ${c.contact.Alias}`);
    // The channels of a contact no stack manages go with it: reported once, with the contact.
    if (managed.has(arn)) for (const ch of c.channels) unmanaged(ch.ContactChannelArn!, `contact channel ${ch.Name} of ${c.contact.Alias}`);
  }
  for (const r of snapshot.rotations) unmanaged(r.rotation.RotationArn!, `rotation ${r.rotation.Name}`);
  for (const p of snapshot.responsePlans) unmanaged(p.plan.arn!, `response plan ${p.plan.name}`);
  progress(`drift: ${live.length} stacks read, ${managed.size} Incident Manager resources in them`);
  if (options.app) {
    const appFindings = appDrift(options.app, deployed, snapshot, account, partition);
    findings.push(...appFindings);
    progress(`app: ${options.app.length} stacks compared with the account, ${appFindings.length} findings`);
  }

  const order = { error: 0, warning: 1 };
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  return { account, region, at: now.toISOString(), weeks: options.weeks, findings, notChecked: [...new Set(notChecked)], stats };
}

/** Reachability of every contact, and the findings about contacts, schedules and escalation plans. */
export function reachability(snapshot: AccountSnapshot): {
  findings: CheckFinding[];
  contacts: Map<string, ContactSnapshot>;
  reachable: (arn: string) => boolean;
} {
  const findings: CheckFinding[] = [];
  const contacts = new Map(snapshot.contacts.map((c) => [c.contact.ContactArn!, c]));
  const rotations = new Map(snapshot.rotations.map((r) => [r.rotation.RotationArn!, r.rotation]));
  const activated = (c: ContactSnapshot, channelArn: string) =>
    c.channels.some((ch) => ch.ContactChannelArn === channelArn && ch.ActivationStatus === 'ACTIVATED');
  const memo = new Map<string, boolean>();
  const reachable = (arn: string): boolean => {
    if (memo.has(arn)) return memo.get(arn)!;
    memo.set(arn, false); // a cycle reaches nobody by itself
    const c = contacts.get(arn);
    let result = false;
    if (c?.contact.Type === 'PERSONAL') {
      const stages = c.contact.Plan?.Stages ?? [];
      result = stages.some((s) => (s.Targets ?? []).some((t) => t.ChannelTargetInfo && activated(c, t.ChannelTargetInfo.ContactChannelId!)));
    } else if (c?.contact.Type === 'ONCALL_SCHEDULE') {
      result = (c.contact.Plan?.RotationIds ?? []).some((id) => (rotations.get(id)?.ContactIds ?? []).some(reachable));
    } else if (c?.contact.Type === 'ESCALATION') {
      const stages = c.contact.Plan?.Stages ?? [];
      result = stages.some((s) => (s.Targets ?? []).some((t) => t.ContactTargetInfo && reachable(t.ContactTargetInfo.ContactId!)));
    }
    memo.set(arn, result);
    return result;
  };

  for (const c of snapshot.contacts) {
    const arn = c.contact.ContactArn!;
    const name = c.contact.Alias!;
    const stages = c.contact.Plan?.Stages ?? [];
    if (c.contact.Type === 'PERSONAL') {
      for (const ch of c.channels.filter((x) => x.ActivationStatus !== 'ACTIVATED')) {
        findings.push({
          severity: 'warning',
          area: 'reachability',
          code: 'channel-not-activated',
          resource: ch.ContactChannelArn!,
          message: `contact channel ${ch.Name} (${ch.Type}) of ${name} is not activated: Incident Manager does not page it`,
          fix: `activate it with the code AWS sent to ${ch.Type === 'EMAIL' ? 'the address' : 'the number'} (console, or ssm-contacts ActivateContactChannel), or send a new one (SendActivationCode)`,
        });
      }
      if (!stages.some((s) => (s.Targets ?? []).length > 0)) {
        findings.push({
          severity: 'error',
          area: 'reachability',
          code: 'no-engagement-plan',
          resource: arn,
          message: `contact ${name} has no engagement plan that names a channel: engaging it pages nobody`,
          fix: 'give the contact an engagement plan whose first stage names an activated channel',
        });
      } else if (!reachable(arn)) {
        findings.push({
          severity: 'error',
          area: 'reachability',
          code: 'contact-unreachable',
          resource: arn,
          message: `no stage of contact ${name}'s engagement plan names an activated channel: engaging it pages nobody`,
          fix: 'activate a channel the plan names, or name an activated channel in the plan',
        });
      } else {
        stages.forEach((s, i) => {
          const targets = s.Targets ?? [];
          if (targets.length > 0 && !targets.some((t) => t.ChannelTargetInfo && activated(c, t.ChannelTargetInfo.ContactChannelId!))) {
            findings.push({
              severity: 'warning',
              area: 'reachability',
              code: 'stage-reaches-nobody',
              resource: arn,
              message: `stage ${i + 1} of contact ${name}'s engagement plan names no activated channel: that stage pages nobody`,
              fix: 'activate the channels it names, or name activated ones',
            });
          }
        });
      }
    } else if (c.contact.Type === 'ONCALL_SCHEDULE') {
      const ids = c.contact.Plan?.RotationIds ?? [];
      const missing = ids.filter((id) => !rotations.has(id));
      if (ids.length === 0 || missing.length > 0) {
        findings.push({
          severity: 'error',
          area: 'reachability',
          code: 'schedule-rotation-missing',
          resource: arn,
          message: ids.length === 0 ? `on-call schedule ${name} has no rotation` : `on-call schedule ${name} names rotations that do not exist: ${missing.join(', ')}`,
          fix: 'give the schedule rotations that exist',
        });
      }
      const members = new Map<string, string[]>();
      for (const id of ids) {
        for (const m of rotations.get(id)?.ContactIds ?? []) members.set(m, [...(members.get(m) ?? []), rotations.get(id)!.Name!]);
      }
      for (const [member, names] of members) {
        if (reachable(member)) continue;
        findings.push({
          severity: 'error',
          area: 'reachability',
          code: 'schedule-member-unreachable',
          resource: arn,
          message: `${alias(member)} is on call in ${names.join(', ')} of on-call schedule ${name}, but cannot be paged${contacts.has(member) ? '' : ' (the contact does not exist)'}: a page during their shifts reaches nobody`,
          fix: `make ${alias(member)} reachable (see the reachability findings), or take them out of the rotation`,
        });
      }
    } else if (c.contact.Type === 'ESCALATION') {
      if (stages.length === 0) {
        findings.push({
          severity: 'error',
          area: 'reachability',
          code: 'escalation-no-stages',
          resource: arn,
          message: `escalation plan ${name} has no stages: engaging it pages nobody`,
          fix: 'add stages that engage contacts',
        });
      }
      const targets = new Set(stages.flatMap((s) => (s.Targets ?? []).map((t) => t.ContactTargetInfo?.ContactId).filter((x): x is string => !!x)));
      for (const target of targets) {
        if (reachable(target)) continue;
        findings.push({
          severity: 'error',
          area: 'reachability',
          code: 'escalation-target-unreachable',
          resource: arn,
          message: `escalation plan ${name} engages ${alias(target)}, which ${contacts.has(target) ? 'reaches nobody' : 'does not exist'}`,
          fix: contacts.has(target) ? `make ${alias(target)} reachable (see the reachability findings), or engage someone else` : 'engage a contact that exists, or remove the engagement',
        });
      }
    }
  }
  return { findings, contacts, reachable };
}

/** The parts of [from, to) that no interval covers. */
export function gapsOf(intervals: Array<{ start: number; end: number }>, from: number, to: number): Array<{ start: number; end: number }> {
  const gaps: Array<{ start: number; end: number }> = [];
  let covered = from;
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    if (i.end <= covered) continue;
    if (i.start > covered) gaps.push({ start: covered, end: Math.min(i.start, to) });
    covered = Math.max(covered, i.end);
    if (covered >= to) break;
  }
  if (covered < to) gaps.push({ start: covered, end: to });
  return gaps.filter((g) => g.end > g.start);
}

function partitionOf(snapshot: AccountSnapshot): string {
  const arn = [snapshot.replicationSet?.replicationSet.arn, ...snapshot.contacts.map((c) => c.contact.ContactArn)].find((a) => a);
  return arn?.split(':')[1] ?? 'aws';
}

function accountOf(snapshot: AccountSnapshot): string {
  const arns = [
    snapshot.replicationSet?.replicationSet.arn,
    ...snapshot.contacts.map((c) => c.contact.ContactArn),
    ...snapshot.rotations.map((r) => r.rotation.RotationArn),
    ...snapshot.responsePlans.map((p) => p.plan.arn),
  ];
  const account = arns.map((a) => a?.split(':')[4]).find((a) => a && /^\d{12}$/.test(a));
  if (!account) throw new Error('check: the account has no Incident Manager resources in this Region (no replication set, contact, rotation or response plan)');
  return account;
}
