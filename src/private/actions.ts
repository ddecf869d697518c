import { aws_iam as iam } from 'aws-cdk-lib';

/*
 * Every IAM action this library grants, in one place. Each list names the action's resource type
 * from the AWS service authorization reference, so a reviewer can check the ARN it is granted on.
 */

/** ssm-contacts:StartEngagement, on a contact (personal, escalation plan or on-call schedule). */
export const ENGAGE_CONTACT_ACTIONS = ['ssm-contacts:StartEngagement'];

/**
 * What Incident Manager needs in a customer-managed key's policy (user guide, "Data encryption"):
 * kms:CreateGrant and kms:DescribeKey, through ssm-incidents and ssm-contacts only.
 */
export const KEY_POLICY_ACTIONS = ['kms:CreateGrant', 'kms:DescribeKey'];

/**
 * The services Incident Manager calls KMS through. `kms:ViaService` holds the Regional endpoint name,
 * `<service>.<region>.amazonaws.com` (AWS KMS developer guide, "kms:ViaService"; the Incident Manager
 * user guide's "Data protection" page now shows the Regional form as well).
 */
export const KEY_VIA_SERVICES = ['ssm-incidents', 'ssm-contacts'];

/** Managing a key's aliases: each on the alias and the key. */
export const KEY_ALIAS_ACTIONS = ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'];

/** Reading a rotation and its shifts and overrides; each on a rotation. */
export const READ_ROTATION_ACTIONS = ['ssm-contacts:GetRotation', 'ssm-contacts:ListRotationShifts', 'ssm-contacts:ListRotationOverrides'];

/** ssm-incidents:StartIncident, on a response plan. */
export const START_INCIDENT_ACTIONS = ['ssm-incidents:StartIncident'];

/**
 * What a responder does, as the AWSIncidentManagerResolverAccess managed policy allows it (user guide,
 * "AWS managed policies"), and what the chat commands of a chat channel need (user guide, "Interacting
 * through the chat channel"), split by the resource each action is granted on.
 */
const RESOLVER_PLAN_ACTIONS = ['ssm-incidents:StartIncident', 'ssm-incidents:GetResponsePlan'];
/** Listing actions: AWS documents no resource type for them, so they take `*`. */
const RESOLVER_LIST_ACTIONS = ['ssm-incidents:ListResponsePlans', 'ssm-incidents:ListIncidentRecords'];
/**
 * On the plan's incident records (incident-record/<plan>/*) and the plan itself: the Service
 * Authorization Reference (Incident Manager) requires both the incident-record and the response-plan
 * resource type for each of these (DeleteTimelineEvent only the record; the plan ARN does no harm).
 */
const RESOLVER_RECORD_ACTIONS = [
  'ssm-incidents:GetIncidentRecord',
  'ssm-incidents:UpdateIncidentRecord',
  'ssm-incidents:ListTimelineEvents',
  'ssm-incidents:CreateTimelineEvent',
  'ssm-incidents:GetTimelineEvent',
  'ssm-incidents:UpdateTimelineEvent',
  'ssm-incidents:DeleteTimelineEvent',
  'ssm-incidents:ListRelatedItems',
  'ssm-incidents:UpdateRelatedItems',
];

/** The runbook role: start the runbook (resources: document, automation-execution, automation-definition). */
export const START_AUTOMATION_ACTIONS = ['ssm:StartAutomationExecution'];
/**
 * Responders: advance a runbook's manual steps (`aws:pause`, `aws:approve`). The Service Authorization
 * Reference (Systems Manager) requires one resource type, `automation-execution`.
 */
export const SIGNAL_AUTOMATION_ACTIONS = ['ssm:SendAutomationSignal'];
/** The runbook role: hand the runbook its automation assume role (resource: role). */
export const PASS_ROLE_ACTIONS = ['iam:PassRole'];
/** The runbook role: run in the impacted account through its automation execution role (resource: role). */
export const ASSUME_ROLE_ACTIONS = ['sts:AssumeRole'];
/** The role an application account creates for runbooks started from the management account. */
export const AUTOMATION_EXECUTION_ROLE_NAME = 'AWS-SystemsManager-AutomationExecutionRole';

/** Incident Manager publishing to a chat channel's topic (user guide, "Configuring SNS permissions"). */
export const PUBLISH_ACTIONS = ['sns:Publish'];

/**
 * What a service needs in the key policy of an encrypted topic it publishes to (Amazon SNS developer
 * guide, "Key management"), and what Incident Manager needs in the key policy of a PagerDuty secret's
 * key (user guide, "Storing PagerDuty access credentials in an AWS Secrets Manager secret").
 */
export const TOPIC_KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey*'];

/** The service principal of Incident Manager. */
export const INCIDENT_MANAGER_PRINCIPAL = 'ssm-incidents.amazonaws.com';

/**
 * The statements of a responder on one response plan: start and read the plan, work on its incident
 * records (each of those actions on the record and the plan, as the Service Authorization Reference
 * requires), and list plans and records, which take no resource.
 */
export function resolverStatements(responsePlanArn: string, incidentRecordsArn: string): iam.PolicyStatement[] {
  return [...resolverPlanStatements(responsePlanArn, incidentRecordsArn), resolverListStatement()];
}

/** The statements of `resolverStatements` that name the plan: without the list actions. */
export function resolverPlanStatements(responsePlanArn: string, incidentRecordsArn: string): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: RESOLVER_PLAN_ACTIONS, resources: [responsePlanArn] }),
    new iam.PolicyStatement({ actions: RESOLVER_RECORD_ACTIONS, resources: [incidentRecordsArn, responsePlanArn] }),
  ];
}

/** The list actions of a responder, which take no resource. */
export function resolverListStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({ actions: RESOLVER_LIST_ACTIONS, resources: ['*'] });
}
