/*
 * A small IAM evaluator for tests: resolves the intrinsic functions CDK emits in policies to concrete
 * strings, then says whether any Allow statement of a principal's policies matches an action on a
 * resource. Conditions are ignored: they only narrow a grant, so a request this allows without them
 * is the widest the statements can reach.
 */

import { asArray, expandAction, requiredResourceTypes, resourceMatchesType, resourceTypeArnFormat, wildcardRegex } from './iam-check';

type Json = any;

export interface ResolveContext {
  readonly account: string;
  readonly region: string;
  /** What `Fn::GetAtt [id, 'Arn']` and `Ref id` stand for, by logical ID. */
  readonly arns?: Record<string, string>;
  /** What `Ref id` stands for when it is not the ARN (a role's or document's name), by logical ID. */
  readonly refs?: Record<string, string | string[]>;
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
    return pseudo[value.Ref] ?? ctx.refs?.[value.Ref] ?? ctx.arns?.[value.Ref] ?? `<Ref ${value.Ref}>`;
  }
  if ('Fn::GetAtt' in value) {
    const [id, attr] = value['Fn::GetAtt'];
    return attr === 'Arn' && ctx.arns?.[id] ? ctx.arns[id] : `<${id}.${attr}>`;
  }
  if ('Fn::Select' in value) {
    const [index, list] = value['Fn::Select'];
    const resolved = resolve(list, ctx);
    return Array.isArray(resolved) ? resolved[index] : `<Select ${index}>`;
  }
  if ('Fn::Split' in value) {
    const [sep, text] = value['Fn::Split'];
    const resolved = resolve(text, ctx);
    return typeof resolved === 'string' ? resolved.split(sep) : ['<Split>'];
  }
  if ('Fn::Join' in value) {
    const [sep, parts] = value['Fn::Join'];
    const resolved = resolve(parts, ctx);
    // A list parameter (Ref of a CommaDelimitedList) stands for its items: one sample item here.
    return Array.isArray(resolved) ? resolved.join(sep) : String(resolved);
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

/**
 * Sample ARNs (and Ref values) for the resources of a template, by CloudFormation type, so that a
 * policy naming `Fn::GetAtt [Plan, Arn]` resolves to an ARN of the right resource type.
 */
const SAMPLES: Record<string, (id: string, ctx: { account: string; region: string }) => { arn: string; ref?: string }> = {
  'AWS::SSMIncidents::ResponsePlan': (id, c) => ({ arn: `arn:aws:ssm-incidents::${c.account}:response-plan/${id}` }),
  'AWS::SSMIncidents::ReplicationSet': (id, c) => ({ arn: `arn:aws:ssm-incidents::${c.account}:replication-set/${id}` }),
  'AWS::SSMContacts::Contact': (id, c) => ({ arn: `arn:aws:ssm-contacts:${c.region}:${c.account}:contact/${id}` }),
  'AWS::SSMContacts::Rotation': (id, c) => ({ arn: `arn:aws:ssm-contacts:${c.region}:${c.account}:rotation/${id}` }),
  'AWS::IAM::Role': (id, c) => ({ arn: `arn:aws:iam::${c.account}:role/${id}`, ref: id }),
  'AWS::SNS::Topic': (id, c) => ({ arn: `arn:aws:sns:${c.region}:${c.account}:${id}` }),
  'AWS::KMS::Key': (id, c) => ({ arn: `arn:aws:kms:${c.region}:${c.account}:key/${id}`, ref: id }),
  'AWS::SecretsManager::Secret': (id, c) => ({ arn: `arn:aws:secretsmanager:${c.region}:${c.account}:secret:${id}` }),
  'AWS::SSM::Document': (id) => ({ arn: id, ref: id }),
  'AWS::Events::Rule': (id, c) => ({ arn: `arn:aws:events:${c.region}:${c.account}:rule/${id}`, ref: id }),
};

/** A resolve context for a whole template: sample ARNs for every resource of a known type. */
export function templateContext(template: Json, account = '111122223333', region = 'us-east-1'): ResolveContext {
  const arns: Record<string, string> = {};
  const refs: Record<string, string | string[]> = {};
  // A list parameter stands for a sample list of one 12-digit value (an account ID, or a name).
  for (const [name, parameter] of Object.entries<Json>(template.Parameters ?? {})) {
    if (parameter.Type === 'CommaDelimitedList') refs[name] = ['777788889999'];
  }
  for (const [id, resource] of Object.entries<Json>(template.Resources ?? {})) {
    const sample = SAMPLES[resource.Type]?.(id, { account, region });
    if (sample) {
      arns[id] = sample.arn;
      if (sample.ref) refs[id] = sample.ref;
    }
  }
  return { account, region, arns, refs };
}

/**
 * Whether a request for `action` on `resources` is allowed: IAM authorizes a request only when every
 * resource in it is allowed. The request must name a resource of every type the Service Authorization
 * Reference marks required for the action, as AWS's own request would: a test that leaves one out
 * throws instead of passing.
 */
export function isAuthorized(statements: Json[], action: string, resources: string[]): boolean {
  const data = expandAction(action);
  if (data.error || data.actions.length !== 1) {
    throw new Error(`isAuthorized: ${data.error ?? `${action} is not one action`}`);
  }
  const service = action.split(':')[0];
  for (const type of requiredResourceTypes(data.actions[0])) {
    const format = resourceTypeArnFormat(service, type);
    if (!resources.some((r) => resourceMatchesType(r, format))) {
      throw new Error(`isAuthorized: a request for ${action} names a ${type} (${format}); the test gave ${resources.join(', ')}`);
    }
  }
  return resources.length > 0 && resources.every((r) => isAllowed(statements, action, r));
}
