/*
 * A small IAM evaluator for tests: resolves the intrinsic functions CDK emits in policies to concrete
 * strings, then says whether any Allow statement of a principal's policies matches an action on a
 * resource. Conditions are ignored: they only narrow a grant, so a request this allows without them
 * is the widest the statements can reach.
 */

import { asArray, wildcardRegex } from './iam-check';

type Json = any;

export interface ResolveContext {
  readonly account: string;
  readonly region: string;
  /** What `Fn::GetAtt [id, 'Arn']` and `Ref id` stand for, by logical ID. */
  readonly arns?: Record<string, string>;
}

export function resolve(value: Json, ctx: ResolveContext): Json {
  if (Array.isArray(value)) {
    return value.map((v) => resolve(v, ctx));
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if ('Ref' in value) {
    const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::AccountId': ctx.account, 'AWS::Region': ctx.region, 'AWS::URLSuffix': 'amazonaws.com' };
    return pseudo[value.Ref] ?? ctx.arns?.[value.Ref] ?? `<Ref ${value.Ref}>`;
  }
  if ('Fn::GetAtt' in value) {
    const [id, attr] = value['Fn::GetAtt'];
    return attr === 'Arn' && ctx.arns?.[id] ? ctx.arns[id] : `<${id}.${attr}>`;
  }
  if ('Fn::Join' in value) {
    const [sep, parts] = value['Fn::Join'];
    return resolve(parts, ctx).join(sep);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ctx)]));
}


/** The statements of every policy attached to the role with logical ID `roleId`, resolved. */
export function statementsOfRole(template: Json, roleId: string, ctx: ResolveContext): Json[] {
  const statements: Json[] = [];
  for (const resource of Object.values<Json>(template.Resources)) {
    if (resource.Type === 'AWS::IAM::Policy' && asArray(resource.Properties.Roles).some((r: Json) => r.Ref === roleId)) {
      statements.push(...asArray(resource.Properties.PolicyDocument.Statement));
    }
  }
  const role = template.Resources[roleId];
  for (const policy of asArray(role?.Properties?.Policies)) {
    statements.push(...asArray(policy.PolicyDocument.Statement));
  }
  return resolve(statements, ctx);
}

/** True when an Allow statement grants `action` on `resource`. */
export function isAllowed(statements: Json[], action: string, resource: string): boolean {
  return statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      asArray(s.Action).some((a: string) => wildcardRegex(a).test(action)) &&
      asArray(s.Resource).some((r: string) => wildcardRegex(r, false).test(resource)),
  );
}
