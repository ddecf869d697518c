/*
 * The identity policy `check` needs: adopt's read-only policy (it reads the account the same way),
 * and the read actions of the checks. Each action is scoped to the resource types the Service
 * Authorization Reference requires for it; `*` only for cloudformation:ListStacks, which takes no
 * resource.
 */
import { readPolicy } from '../read';

export function checkPolicy(account: string, region: string, partition = 'aws'): { Version: string; Statement: object[] } {
  const read = readPolicy(account, region, partition);
  return {
    Version: read.Version,
    Statement: [
      ...read.Statement,
      {
        Sid: 'ReadShifts',
        Effect: 'Allow',
        Action: 'ssm-contacts:ListRotationShifts',
        Resource: `arn:${partition}:ssm-contacts:${region}:${account}:rotation/*`,
      },
      {
        // Runbooks may be the account's own, AWS's (no account in the ARN) or shared from another
        // account: any account's documents of the Region, which only shared ones answer.
        Sid: 'ReadRunbooks',
        Effect: 'Allow',
        Action: 'ssm:DescribeDocument',
        Resource: `arn:${partition}:ssm:${region}:*:document/*`,
      },
      {
        Sid: 'ReadRunbookSharing',
        Effect: 'Allow',
        Action: 'ssm:DescribeDocumentPermission',
        Resource: `arn:${partition}:ssm:${region}:${account}:document/*`,
      },
      {
        Sid: 'SimulateRoles',
        Effect: 'Allow',
        Action: ['iam:GetRole', 'iam:SimulatePrincipalPolicy'],
        Resource: `arn:${partition}:iam::${account}:role/*`,
      },
      {
        // Chat channel and notification topics, their keys and PagerDuty secrets may be in any Region
        // of the replication set.
        Sid: 'ReadTopics',
        Effect: 'Allow',
        Action: 'sns:GetTopicAttributes',
        Resource: `arn:${partition}:sns:*:${account}:*`,
      },
      {
        Sid: 'ReadKeys',
        Effect: 'Allow',
        Action: ['kms:DescribeKey', 'kms:GetKeyPolicy'],
        Resource: `arn:${partition}:kms:*:${account}:key/*`,
      },
      {
        Sid: 'ReadSecretPolicies',
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy'],
        Resource: `arn:${partition}:secretsmanager:*:${account}:secret:*`,
      },
      { Sid: 'ListStacks', Effect: 'Allow', Action: 'cloudformation:ListStacks', Resource: '*' },
      {
        Sid: 'ReadStacks',
        Effect: 'Allow',
        Action: 'cloudformation:ListStackResources',
        Resource: `arn:${partition}:cloudformation:${region}:${account}:stack/*/*`,
      },
    ],
  };
}
