import { IConstruct } from 'constructs';
import { Arn, ArnFormat, Stack, Token } from './core';
import { IncidentManagerValidationError, Where } from './errors';

/*
 * ARNs of Incident Manager resources. ssm-incidents ARNs carry no Region
 * (arn:${Partition}:ssm-incidents::${Account}:response-plan/${Name}); ssm-contacts ARNs are regional
 * (arn:${Partition}:ssm-contacts:${Region}:${Account}:contact/${Alias}).
 */

const SSM_INCIDENTS = 'ssm-incidents';
const SSM_CONTACTS = 'ssm-contacts';

/** What an ARN of one resource type must look like, for importers. */
interface ArnShape {
  readonly service: string;
  readonly resourceType: string;
  readonly regional: boolean;
}

export const REPLICATION_SET: ArnShape = { service: SSM_INCIDENTS, resourceType: 'replication-set', regional: false };
export const CONTACT: ArnShape = { service: SSM_CONTACTS, resourceType: 'contact', regional: true };
export const RESPONSE_PLAN: ArnShape = { service: SSM_INCIDENTS, resourceType: 'response-plan', regional: false };
export const ROTATION: ArnShape = { service: SSM_CONTACTS, resourceType: 'rotation', regional: true };

/**
 * The ARN of a resource of `shape` named `name` in `scope`'s stack, in the stack's account (or
 * `account`) and Region where regional.
 */
export function formatArn(scope: IConstruct, shape: ArnShape, name: string, account?: string): string {
  return Stack.of(scope).formatArn({
    service: shape.service,
    region: shape.regional ? undefined : '',
    account,
    resource: shape.resourceType,
    resourceName: name,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/** The parts of an imported ARN. Unresolved ARNs give token parts (`Fn::Select` of `Fn::Split`). */
interface ParsedArn {
  readonly account?: string;
  readonly region?: string;
  readonly resourceName: string;
}

/**
 * Splits an ARN of `shape`, or throws when a resolved ARN is of another service or resource type.
 * `what` names the importer's argument in the error.
 */
export function parseArn(where: Where, shape: ArnShape, arn: string, what: string): ParsedArn {
  const expected =
    `be an ARN of the form arn:<partition>:${shape.service}:${shape.regional ? '<region>' : ''}:<account>:${shape.resourceType}/<name>`;
  if (Token.isUnresolved(arn)) {
    const parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
    return { account: parts.account, region: parts.region, resourceName: parts.resourceName! };
  }
  let parts;
  try {
    parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
  } catch {
    throw new IncidentManagerValidationError(where, `\`${what}\``, arn, expected, 'ARN');
  }
  const regionOk = shape.regional ? !!parts.region : !parts.region;
  if (
    parts.service !== shape.service ||
    parts.resource !== shape.resourceType ||
    !parts.resourceName ||
    !/^[0-9]{12}$/.test(parts.account ?? '') ||
    !regionOk
  ) {
    throw new IncidentManagerValidationError(where, `\`${what}\``, arn, expected, 'ARN');
  }
  return { account: parts.account, region: parts.region || undefined, resourceName: parts.resourceName };
}

/**
 * The physical name a resource of this app was given in code, or undefined when CloudFormation names
 * it. ARNs built from it need no reference to the resource (no dependency cycle, no cross-stack export).
 */
export function fixedPhysicalName(resource: IConstruct): string | undefined {
  const name = (resource as unknown as { physicalName?: string }).physicalName;
  return name !== undefined && !Token.isUnresolved(name) ? name : undefined;
}

/** The path an imported construct will have, for errors thrown before it is created. */
export function importPath(scope: IConstruct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}

/**
 * The ARN pattern of every incident record of a response plan of `account`:
 * arn:${Partition}:ssm-incidents::${Account}:incident-record/${ResponsePlan}/*.
 */
export function incidentRecordsArn(scope: IConstruct, account: string, responsePlanName: string, region = ''): string {
  return Stack.of(scope).formatArn({
    service: SSM_INCIDENTS,
    region,
    account,
    resource: 'incident-record',
    resourceName: `${responsePlanName}/*`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/**
 * Where a Systems Manager Automation document lives: its owner account (empty for documents AWS
 * owns, whose ARNs carry no account) and its Region (`*` for a document available in every Region,
 * since Incident Manager starts the runbook in the Region the incident is created in).
 */
export interface DocumentLocation {
  readonly documentName: string;
  readonly account: string;
  readonly region: string;
}

function ssmArn(scope: IConstruct, location: { account: string; region: string }, resource: string, resourceName: string): string {
  return Stack.of(scope).formatArn({
    service: 'ssm',
    region: location.region,
    account: location.account,
    resource,
    resourceName,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/**
 * The resources `ssm:StartAutomationExecution` is authorized on for one runbook. The Service
 * Authorization Reference (Systems Manager) requires `document` and `automation-execution` and
 * takes `automation-definition` as optional; the Systems Manager user guide ("Setting up identity
 * based policies examples", Automation) grants the document and `automation-execution/*`, and names no
 * account in the ARN of an AWS-owned document.
 *
 * - the document: arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName};
 * - every version of its automation definition: ...:automation-definition/${Name}:*;
 * - the executions it starts, in the runbook role's own account (Incident Manager starts the runbook
 *   there, also when it runs in the impacted account through AWS-SystemsManager-AutomationExecutionRole):
 *   arn:${Partition}:ssm:*:${Account}:automation-execution/*.
 */
export function startAutomationArns(scope: IConstruct, document: DocumentLocation): string[] {
  const name = document.documentName;
  return [
    ssmArn(scope, document, 'document', name),
    ssmArn(scope, document, 'automation-definition', `${name}:*`),
    automationExecutionsArn(scope, Stack.of(scope).account),
  ];
}

/**
 * Every automation execution of `account`, in any Region: arn:${Partition}:ssm:*:${Account}:automation-execution/*.
 * An execution's ID is generated when it starts, so no ARN names the executions of one runbook.
 */
export function automationExecutionsArn(scope: IConstruct, account: string): string {
  return ssmArn(scope, { account, region: '*' }, 'automation-execution', '*');
}

/** The role `roleName` of `account` (IAM ARNs carry no Region). */
export function roleArn(scope: IConstruct, account: string, roleName: string): string {
  return Stack.of(scope).formatArn({
    service: 'iam',
    region: '',
    account,
    resource: 'role',
    resourceName: roleName,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/** An AWS RAM managed permission (arn:${Partition}:ram::aws:permission/${Name}). */
export function ramPermissionArn(scope: IConstruct, name: string): string {
  return Stack.of(scope).formatArn({
    service: 'ram',
    region: '',
    account: 'aws',
    resource: 'permission',
    resourceName: name,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}
