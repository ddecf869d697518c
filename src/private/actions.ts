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

/** The services Incident Manager calls KMS through (`kms:ViaService`). */
export const KEY_VIA_SERVICES = ['ssm-incidents.amazonaws.com', 'ssm-contacts.amazonaws.com'];

/** Reading a rotation and its shifts and overrides; each on a rotation. */
export const READ_ROTATION_ACTIONS = ['ssm-contacts:GetRotation', 'ssm-contacts:ListRotationShifts', 'ssm-contacts:ListRotationOverrides'];
