/*
 * Drift: Incident Manager resources no CloudFormation stack of the Region manages, and, with an app,
 * the app's resources against the account. CloudFormation's physical ID of every AWS::SSMContacts and
 * AWS::SSMIncidents resource is its ARN (the resource schemas' primaryIdentifier is /properties/Arn; a
 * Plan's is its contact's ARN).
 */
import { paginateListStackResources, paginateListStacks } from '@aws-sdk/client-cloudformation';
import { collect, mapLimit } from '../readers';
import { AccountSnapshot } from '../snapshot';
import { AppStack, DeployedStacks, appDrift, stacksOfOtherRegions } from './app';
import { CheckContext } from './context';

/** The stacks of the Region that are not deleted, with their resources; and the Incident Manager resources among them. */
async function readStacks(ctx: CheckContext): Promise<{ deployed: DeployedStacks; managed: Set<string>; count: number }> {
  const client = ctx.clients.cloudformation;
  const stacks = await collect(paginateListStacks({ client }, {}), (p) => p.StackSummaries);
  const managed = new Set<string>();
  const deployed: DeployedStacks = new Map();
  const live = stacks.filter((s) => s.StackStatus !== 'DELETE_COMPLETE');
  await mapLimit(live, ctx.props.concurrency, async (stack) => {
    const resources = await collect(paginateListStackResources({ client }, { StackName: stack.StackName }), (p) => p.StackResourceSummaries);
    const byLogicalId = resources.map((r) => [r.LogicalResourceId!, { physicalId: r.PhysicalResourceId!, type: r.ResourceType! }] as const);
    deployed.set(stack.StackName!, new Map(byLogicalId));
    for (const r of resources) {
      if (/^AWS::SSM(Contacts|Incidents)::/.test(r.ResourceType ?? '') && r.PhysicalResourceId) managed.add(r.PhysicalResourceId);
    }
  });
  return { deployed, managed, count: live.length };
}

/** Resources no stack manages, and, with an app, what of the app differs from the account. */
export async function drift(ctx: CheckContext, snapshot: AccountSnapshot, app: AppStack[] | undefined): Promise<void> {
  const { deployed, managed, count } = await readStacks(ctx);
  const unmanaged = (arn: string, what: string) => {
    if (managed.has(arn)) return;
    ctx.add({
      severity: 'warning',
      area: 'drift',
      code: 'unmanaged',
      resource: arn,
      message: `${what} is managed by no CloudFormation stack of ${ctx.region} (made or changed outside CloudFormation)`,
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
  ctx.progress(`drift: ${count} stacks read, ${managed.size} Incident Manager resources in them`);
  if (app) {
    const appFindings = appDrift(app, deployed, snapshot, ctx.account, ctx.props.partition);
    appFindings.forEach((f) => ctx.add(f));
    stacksOfOtherRegions(app, snapshot.region).forEach((s) => ctx.notChecked(s));
    ctx.progress(`app: ${app.length} stacks compared with the account, ${appFindings.length} findings`);
  }
}
