/*
 * Builds the adopted stacks in-process from the same statements the module prints, and reads each
 * resource's logical ID for `cdk import --resource-mapping`.
 */
import type * as cdk from 'aws-cdk-lib';
import { BuildContext, Modules, StackPlan, execute, newStack } from './ir';
import { AdoptionPlan } from './plan';

/** `cdk import --resource-mapping` file contents of one stack: logical ID to the resource's primary identifier. */
export type ResourceMapping = { [logicalId: string]: { readonly Arn: string } };

export interface BuiltApp {
  readonly app: cdk.App;
  readonly stacks: cdk.Stack[];
  /** By stack name. */
  readonly mappings: { [stackName: string]: ResourceMapping };
}

/** Builds every stack of the plan in `app` and maps each resource to the ARN it adopts. */
export function buildAdoptedApp(plan: AdoptionPlan, modules: Modules, app: cdk.App = new modules.cdk.App()): BuiltApp {
  const stacks: cdk.Stack[] = [];
  const mappings: { [stackName: string]: ResourceMapping } = {};
  for (const stackPlan of plan.stacks) {
    const stack = newStack(modules, app, stackPlan.name, plan.account, plan.region);
    stacks.push(stack);
    mappings[stackPlan.name] = buildStack(stackPlan, { ...modules, stack, vars: new Map() });
  }
  return { app, stacks, mappings };
}

function buildStack(stackPlan: StackPlan, ctx: BuildContext): ResourceMapping {
  const mapping: ResourceMapping = {};
  const mapped = new Set<cdk.CfnResource>();
  for (const statement of stackPlan.statements) {
    const construct = execute(statement, ctx);
    if (!construct || statement.kind !== 'new') continue;
    for (const [childId, arn] of Object.entries(statement.identifiers)) {
      const child = construct.node.tryFindChild(childId);
      if (!(child instanceof ctx.cdk.CfnResource)) {
        throw new Error(`adopt: internal error: ${construct.node.path} has no resource ${childId}`);
      }
      mapping[ctx.stack.resolve(child.logicalId)] = { Arn: arn };
      mapped.add(child);
    }
  }
  // An import may only add the resources it adopts: a resource without an identifier would have to be
  // created, which an import cannot do.
  const extra = ctx.stack.node.findAll().filter((c): c is cdk.CfnResource => c instanceof ctx.cdk.CfnResource && !mapped.has(c));
  if (extra.length > 0) {
    throw new Error(
      `adopt: internal error: ${stackPlan.name} would create ${extra.map((r) => `${r.cfnResourceType} ${r.node.path}`).join(', ')}, which an import cannot`,
    );
  }
  return mapping;
}
