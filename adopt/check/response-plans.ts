/*
 * Response plans: whom they engage, and their runbooks as Systems Manager has them. An SSM document
 * parameter without a default value is required (SSM API reference, DocumentParameter: "DefaultValue:
 * If specified, the default values for the parameters. Parameters without a default value are
 * required.").
 */
import { DescribeDocumentCommand, DescribeDocumentPermissionCommand } from '@aws-sdk/client-ssm';
import type { SsmAutomation } from '@aws-sdk/client-ssm-incidents';
import { AccountSnapshot, ResponsePlanSnapshot } from '../snapshot';
import { CheckContext, alias, errorName } from './context';
import { Reachability } from './reachability';

/** Prefixes of the Automation runbooks AWS owns (Systems Manager Automation runbook reference), as adopt reads them. */
const AWS_OWNED_RUNBOOK = /^(AWS|AWSSupport|AWSConfigRemediation|AWSEC2|AWSIncidents)-/;

/** A runbook a response plan starts: its role, the ARNs Incident Manager starts it on, the role it passes. */
export interface RunbookUse {
  readonly plan: string;
  readonly role?: string;
  readonly documentArn: string;
  readonly definitionArn: string;
  readonly passRole?: string;
}

/** What the response plans use: topics and PagerDuty secrets (with who uses them), and runbooks. */
export interface PlanResources {
  readonly topics: Map<string, string[]>;
  readonly secrets: Map<string, string[]>;
  readonly runbooks: RunbookUse[];
}

/** Checks the response plans' engagements and runbooks, and gathers the resources they use. */
export async function responsePlans(ctx: CheckContext, snapshot: AccountSnapshot, reach: Reachability): Promise<PlanResources> {
  const topics = new Map<string, string[]>();
  const secrets = new Map<string, string[]>();
  const runbooks: RunbookUse[] = [];
  for (const { plan } of snapshot.responsePlans) {
    engagements(ctx, plan, reach);
    for (const t of plan.incidentTemplate?.notificationTargets ?? []) {
      if (t.snsTopicArn) topics.set(t.snsTopicArn, [...(topics.get(t.snsTopicArn) ?? []), `${plan.name} (notification)`]);
    }
    for (const t of plan.chatChannel?.chatbotSns ?? []) topics.set(t, [...(topics.get(t) ?? []), `${plan.name} (chat channel)`]);
    for (const i of plan.integrations ?? []) {
      const id = i.pagerDutyConfiguration?.secretId;
      if (id) secrets.set(id, [...(secrets.get(id) ?? []), plan.name!]);
    }
    for (const action of plan.actions ?? []) {
      const use = await runbook(ctx, plan, action.ssmAutomation);
      if (use) runbooks.push(use);
    }
  }
  ctx.progress(`response plans: ${snapshot.responsePlans.length} checked, ${runbooks.length} runbooks`);
  return { topics, secrets, runbooks };
}

/** A plan engages contacts that exist and reach someone. */
function engagements(ctx: CheckContext, plan: ResponsePlanSnapshot['plan'], reach: Reachability): void {
  const arn = plan.arn!;
  for (const engaged of plan.engagements ?? []) {
    if (!reach.contacts.has(engaged)) {
      ctx.add({
        severity: 'error',
        area: 'response plans',
        code: 'engagement-missing',
        resource: arn,
        message: `response plan ${plan.name} engages ${engaged}, which does not exist`,
        fix: 'engage an existing contact, escalation plan or on-call schedule, or remove the engagement',
      });
    } else if (!reach.reachable(engaged)) {
      ctx.add({
        severity: 'error',
        area: 'response plans',
        code: 'engagement-unreachable',
        resource: arn,
        message: `response plan ${plan.name} engages ${alias(engaged)}, which reaches nobody (see the reachability findings)`,
        fix: 'fix the contact it engages, or engage one that reaches someone',
      });
    }
  }
}

/** A plan's runbook exists, is given its required parameters and is shared where it runs; and what it uses. */
async function runbook(ctx: CheckContext, plan: ResponsePlanSnapshot['plan'], a: SsmAutomation | undefined): Promise<RunbookUse | undefined> {
  const { account, partition } = ctx.props;
  const arn = plan.arn!;
  if (!a?.documentName) return undefined;
  const document = await describeDocument(ctx, a.documentName, a.documentVersion);
  const inImpacted = a.targetAccount === 'IMPACTED_ACCOUNT';
  if (document === 'missing' && inImpacted) {
    // Run in the impacted account, a runbook named without an ARN may be that account's own: this
    // account cannot see it, so it cannot say the page would fail.
    ctx.add({
      severity: 'warning',
      area: 'response plans',
      code: 'runbook-missing',
      resource: arn,
      message: `response plan ${plan.name} runs the runbook ${a.documentName} in the impacted account, and this account neither has it nor sees it shared`,
      fix: 'make sure every impacted account has the document, or share it with them from this account',
    });
    return undefined;
  }
  if (document === 'missing' || document === 'version missing') {
    ctx.add({
      severity: 'error',
      area: 'response plans',
      code: document === 'missing' ? 'runbook-missing' : 'runbook-version-missing',
      resource: arn,
      message:
        document === 'missing'
          ? `the runbook ${a.documentName} of response plan ${plan.name} does not exist in ${ctx.region}, or is not shared with this account`
          : `the runbook ${a.documentName} of response plan ${plan.name} has no version ${a.documentVersion}`,
      fix: document === 'missing' ? 'create or share the document, or point the plan at one that exists' : 'point the plan at a version that exists, or at $DEFAULT',
    });
    return undefined;
  }
  const given = new Set([...Object.keys(a.parameters ?? {}), ...Object.keys(a.dynamicParameters ?? {})]);
  const missing = (document.Parameters ?? []).filter((p: any) => p.DefaultValue === undefined && !given.has(p.Name)).map((p: any) => p.Name);
  if (missing.length > 0) {
    ctx.add({
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
    const permission = await ctx.clients.ssm.send(new DescribeDocumentPermissionCommand({ Name: a.documentName, PermissionType: 'Share' }));
    if ((permission.AccountIds ?? []).length === 0) {
      ctx.add({
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
  const documentArn = a.documentName.startsWith('arn:') ? a.documentName : `arn:${partition}:ssm:${ctx.region}:${docAccount}:document/${name}`;
  const version = a.documentVersion ?? '$DEFAULT';
  const definitionArn = `arn:${partition}:ssm:${documentArn.split(':')[3]}:${documentArn.split(':')[4]}:automation-definition/${name}:${version}`;
  const passRole = a.parameters?.AutomationAssumeRole?.[0];
  return { plan: arn, role: a.roleArn, documentArn, definitionArn, passRole };
}

/** The document as Systems Manager describes it, or whether it or its version is missing. */
async function describeDocument(ctx: CheckContext, name: string, version?: string): Promise<any> {
  try {
    const output = await ctx.clients.ssm.send(new DescribeDocumentCommand({ Name: name, DocumentVersion: version }));
    return output.Document ?? {};
  } catch (e) {
    if (errorName(e) === 'InvalidDocument') return 'missing';
    if (errorName(e) === 'InvalidDocumentVersion') return 'version missing';
    throw e;
  }
}
