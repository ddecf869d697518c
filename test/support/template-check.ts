import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { isIntrinsic, validateProperties } from './cfn-schema';
import { checkResourcePolicies } from './iam-check';
import { resolve, templateContext } from './policy-sim';

/*
 * The check every construct test runs on every stack it synthesizes: each resource's Properties
 * against its CloudFormation resource schema, references (Ref, Fn::GetAtt, Fn::Sub, DependsOn) to
 * resources that exist and form no cycle, and every IAM policy against the service authorization data:
 * actions exist, `*` only for actions without resource types, and every resource type an allowed
 * action requires is named by the policy.
 */

type Json = any;

/** Resource types without a provider schema. */
const NO_SCHEMA = /^(Custom::|AWS::CloudFormation::CustomResource$|AWS::CDK::Metadata$)/;

/** Every problem of a synthesized template, one message each; empty when it is valid. */
export function templateProblems(template: Json): string[] {
  const problems: string[] = [];
  const resources: Record<string, Json> = template.Resources ?? {};
  const declared = new Set([...Object.keys(resources), ...Object.keys(template.Parameters ?? {})]);
  // Resources of identity policies, resolved to sample ARNs of the right type; a value that stays
  // unknown (a parameter, an import) counts for no resource type.
  const ctx = templateContext(template);
  const known = (value: Json) => typeof value === 'string' && !value.startsWith('<');
  const resolveResource = (r: Json): string | string[] | undefined => {
    const value = resolve(r, ctx);
    if (Array.isArray(value)) return value.filter(known);
    return known(value) ? value : undefined;
  };

  for (const [logicalId, resource] of Object.entries(resources)) {
    if (typeof resource.Type !== 'string') {
      problems.push(`${logicalId}: has no Type`);
      continue;
    }
    if (!NO_SCHEMA.test(resource.Type)) {
      problems.push(...validateProperties(resource.Type, resource.Properties).map((e) => `${logicalId} (${resource.Type}) ${e}`));
    }
    for (const target of references(resource)) {
      if (!declared.has(target) && !target.startsWith('AWS::')) {
        problems.push(`${logicalId}: refers to ${target}, which the template does not declare`);
      }
    }
    problems.push(...checkResourcePolicies(logicalId, resource, resolveResource));
  }

  const cycle = findCycle(resources);
  if (cycle) {
    problems.push(`circular dependency: ${cycle.join(' -> ')}`);
  }
  return problems;
}

/** Throws with every problem of the stack's template. Returns the template for further assertions. */
export function expectValidStack(stack: Stack): Template {
  const template = Template.fromStack(stack);
  expectValidTemplate(template.toJSON(), stack.stackName);
  return template;
}

export function expectValidTemplate(template: Json, name = 'template'): void {
  const problems = templateProblems(template);
  if (problems.length > 0) {
    throw new Error(`${name} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

/** Logical IDs (and pseudo parameters) a resource refers to, including DependsOn. */
export function references(resource: Json): Set<string> {
  const found = new Set<string>();
  for (const dep of [resource.DependsOn ?? []].flat()) {
    found.add(dep);
  }
  const walk = (value: Json): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (typeof value !== 'object' || value === null) {
      return;
    }
    if (isIntrinsic(value)) {
      if (typeof value.Ref === 'string') {
        found.add(value.Ref);
      }
      const getAtt = value['Fn::GetAtt'];
      if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') {
        found.add(getAtt[0]);
      } else if (typeof getAtt === 'string') {
        found.add(getAtt.split('.')[0]);
      }
      const sub = value['Fn::Sub'];
      const subText = Array.isArray(sub) ? sub[0] : sub;
      const subVars = Array.isArray(sub) && typeof sub[1] === 'object' ? Object.keys(sub[1]) : [];
      if (typeof subText === 'string') {
        for (const match of subText.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const name = match[1].split('.')[0];
          if (!subVars.includes(name)) {
            found.add(name);
          }
        }
      }
    }
    Object.values(value).forEach(walk);
  };
  walk(resource.Properties);
  return found;
}

/** A dependency cycle among resources, as the list of logical IDs that form it, if there is one. */
export function findCycle(resources: Record<string, Json>): string[] | undefined {
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(resources)) {
    edges.set(id, [...references(resource)].filter((t) => t in resources));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === 'visiting') {
        return [...stack.slice(stack.indexOf(next)), next];
      }
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of edges.keys()) {
    if (!state.has(id)) {
      const cycle = visit(id);
      if (cycle) return cycle;
    }
  }
  return undefined;
}
