/*
 * From an account's snapshot to the stacks that reproduce it: one statement per resource, grouped by
 * kind into top-level stacks, and a report of everything that cannot be adopted unchanged.
 *
 * Facts this relies on:
 * - `cdk import` does not import into nested stacks (aws-cdk issue 20918, open), and CloudFormation's
 *   "Bringing existing resources into CloudFormation management" allows one level of nesting only:
 *   top-level stacks.
 * - `cdk import` imports one stack a run ("Stack selection is ambiguous" otherwise, aws-cdk's
 *   CdkToolkit.import) and reads a mapping of logical ID to identifier properties: one file a stack.
 * - The primary identifier of AWS::SSMContacts::Contact, ContactChannel, Plan and Rotation and of
 *   AWS::SSMIncidents::ReplicationSet and ResponsePlan is `/properties/Arn` (their resource schemas);
 *   a Plan's Arn is its contact's ARN (AWS::SSMContacts::Plan, Fn::GetAtt Arn: "The Amazon Resource
 *   Name (ARN) of the contact").
 * - Whether a type can be imported at all is CloudFormation's "Resource type support" table; `cdk
 *   import` asks CloudFormation (GetTemplateSummary, ResourceIdentifierSummaries) before it changes
 *   anything, so a type CloudFormation cannot import stops the import with nothing changed.
 * - The quotas page gives 500 resources a stack and, for imports, only that stack quotas apply: see
 *   PlanOptions.maxResourcesPerStack.
 */
import { Finding, Modules, StackPlan } from './ir';
import { checkNames, escalationPlan, onCallSchedule, personalContact, replicationSet, responsePlan, rotationProblem, rotationStatement } from './map';
import { Draft, NotExpressible, StackPacker } from './pack';
import { AccountSnapshot, accountOfSnapshot } from './snapshot';

export type { Finding } from './ir';
export { wallClock } from './wall-clock';

export interface PlanOptions {
  /**
   * The most resources a stack holds. CloudFormation's quotas page lists 500 resources per stack and
   * says the stack quotas apply to imports ("Bringing existing resources into CloudFormation
   * management", Considerations); it names no separate number for one import. 200 keeps every import
   * and every later update of a stack small.
   */
  readonly maxResourcesPerStack: number;
  /** The stacks' name prefix. */
  readonly stackPrefix: string;
  /**
   * The library and aws-cdk-lib: each entry is built in a scratch stack as it is planned, and one the
   * library refuses (a channel name it does not take, say) is left out with the library's message.
   * @default - entries are not built while planning
   */
  readonly modules?: Modules;
}

export interface AdoptionPlan {
  readonly account: string;
  readonly region: string;
  readonly stacks: StackPlan[];
  readonly findings: Finding[];
}

/** Turns an account's snapshot into stacks of statements and findings. */
export function planAdoption(snapshot: AccountSnapshot, options: PlanOptions): AdoptionPlan {
  const findings: Finding[] = [];
  const account = accountOf(snapshot);
  const ctx: EntryContext = { packer: new StackPacker(options), findings, modules: options.modules, account, region: snapshot.region };

  if (snapshot.replicationSet) {
    tryAdd(ctx, snapshot.replicationSet.replicationSet.arn!, (draft, own) => {
      const stack = draft.stack('ReplicationSet', 1, 'The replication set');
      replicationSet(stack, snapshot.replicationSet!, own);
    });
  }

  const byType = (type: string) =>
    snapshot.contacts.filter((c) => c.contact.Type === type).sort((a, b) => a.contact.Alias!.localeCompare(b.contact.Alias!));
  for (const c of byType('PERSONAL')) {
    tryAdd(ctx, c.contact.ContactArn!, (draft, own) => {
      checkNames(c);
      const stages = c.contact.Plan?.Stages ?? [];
      const size = 1 + c.channels.length + (stages.length > 0 ? 1 : 0);
      personalContact(draft.stack('Contacts', size, 'Personal contacts, their channels and engagement plans'), c, own);
    });
  }

  const rotationsByArn = new Map(snapshot.rotations.map((r) => [r.rotation.RotationArn!, r]));
  const placedRotations = new Set<string>();
  for (const c of byType('ONCALL_SCHEDULE')) {
    tryAdd(ctx, c.contact.ContactArn!, (draft) => {
      checkNames(c);
      const rotationIds = c.contact.Plan?.RotationIds ?? [];
      const own = rotationIds.filter(
        (id) => rotationsByArn.has(id) && !placedRotations.has(id) && rotationProblem(rotationsByArn.get(id)!) === undefined,
      );
      const stack = draft.stack('Schedules', 1 + own.length, 'On-call schedules and their rotations');
      onCallSchedule(stack, c, rotationIds, own, rotationsByArn);
      own.forEach((id) => placedRotations.add(id));
    });
  }
  for (const r of snapshot.rotations) {
    const problem = rotationProblem(r);
    if (problem) {
      findings.push({ arn: r.rotation.RotationArn!, kind: 'left out', reason: problem });
    } else if (!placedRotations.has(r.rotation.RotationArn!)) {
      // A rotation that no schedule names.
      tryAdd(ctx, r.rotation.RotationArn!, (draft) => {
        const stack = draft.stack('Schedules', 1, 'On-call schedules and their rotations');
        rotationStatement(stack, r, false);
      });
    }
  }

  for (const c of byType('ESCALATION')) {
    tryAdd(ctx, c.contact.ContactArn!, (draft) => {
      checkNames(c);
      escalationPlan(draft.stack('EscalationPlans', 2, 'Escalation plans'), c);
    });
  }

  const plans = [...snapshot.responsePlans].sort((a, b) => a.plan.name!.localeCompare(b.plan.name!));
  for (const p of plans) {
    tryAdd(ctx, p.plan.arn!, (draft, own) => {
      responsePlan(draft.stack('ResponsePlans', 1, 'Response plans'), p, own, account, snapshot.region);
    });
  }

  return { account, region: snapshot.region, stacks: ctx.packer.all(), findings };
}

/** Where entries are planned: the stacks, the findings, and what an entry is checked with. */
interface EntryContext {
  readonly packer: StackPacker;
  readonly findings: Finding[];
  readonly modules?: Modules;
  readonly account: string;
  readonly region: string;
}

/**
 * Plans one entry into a draft, checks it and commits it, or reports it as left out when it cannot be
 * expressed (the stacks stay as they were).
 */
function tryAdd(ctx: EntryContext, arn: string, plan: (draft: Draft, findings: Finding[]) => void): void {
  const own: Finding[] = [];
  const draft = ctx.packer.draft();
  try {
    plan(draft, own);
    if (ctx.modules) ctx.packer.validate(draft, ctx.modules, ctx.account, ctx.region);
  } catch (e) {
    if (!(e instanceof NotExpressible)) throw e;
    ctx.findings.push({ arn, kind: 'left out', reason: e.message });
    return;
  }
  ctx.packer.commit(draft);
  ctx.findings.push(...own);
}

/** The account of the set-up, from the ARNs the APIs returned. */
function accountOf(snapshot: AccountSnapshot): string {
  const account = accountOfSnapshot(snapshot);
  if (!account) throw new Error('adopt: the account has no Incident Manager resources to adopt (no replication set, contact, rotation or response plan)');
  return account;
}

