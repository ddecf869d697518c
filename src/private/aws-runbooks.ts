/*
 * The parameters of the AWS-owned runbooks this library's README and example name, and the one the
 * Incident Manager user guide names, so that a response plan that starts one of them is checked at
 * synth like a document defined in the app. Documents not in this table are not checked.
 *
 * A parameter without a default is required (Systems Manager API reference, DocumentParameter:
 * "Parameters without a default value are required").
 */

/** What a document declares: every parameter, and those without a default. */
export interface DocumentParameters {
  /** Every parameter the document declares, or undefined when that is not known. */
  readonly declared?: string[];
  /** The parameters without a default value. */
  readonly required: string[];
  /** The AWS page the lists are taken from. */
  readonly source: string;
}

const AWS_RUNBOOKS: { readonly [documentName: string]: DocumentParameters } = {
  'AWS-RestartEC2Instance': {
    declared: ['AutomationAssumeRole', 'InstanceId'],
    required: ['InstanceId'],
    source: 'https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-aws-restartec2instance.html',
  },
  'AWS-RebootRdsInstance': {
    declared: ['AutomationAssumeRole', 'InstanceId'],
    required: ['InstanceId'],
    source: 'https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-aws-rebootrdsinstance.html',
  },
  // The Automation runbook reference has no page for it; the user guide ("Incident Manager runbook
  // template") describes it as manual steps, and the Incident Manager API reference's
  // CreateResponsePlan and GetResponsePlan examples start it without parameters. So: none required,
  // and what it declares is not known (an extra parameter is not refused).
  'AWSIncidents-CriticalIncidentRunbookTemplate': {
    required: [],
    source: 'https://docs.aws.amazon.com/incident-manager/latest/APIReference/API_GetResponsePlan.html',
  },
};

/** The parameters of an AWS-owned runbook of the table, or undefined for any other name. */
export function awsRunbookParameters(documentName: string): DocumentParameters | undefined {
  return Object.prototype.hasOwnProperty.call(AWS_RUNBOOKS, documentName) ? AWS_RUNBOOKS[documentName] : undefined;
}
