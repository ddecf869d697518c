import { Annotations, aws_iam as iam, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { IConstruct, IDependable } from 'constructs';
import { INCIDENT_MANAGER_PRINCIPAL, TOPIC_KEY_ACTIONS } from './actions';
import { Lazy, Stack } from './core';
import { describeResource, readableStatement } from './readable';
import { replicationRegionsOf } from './replication-regions';

/**
 * The secret policy statement and the key policy statement that let Incident Manager read a PagerDuty
 * secret for the response plan `scope`.
 */
function readSecretStatements(scope: IConstruct): { secret: iam.PolicyStatement; key: iam.PolicyStatement } {
  const stack = Stack.of(scope);
  // aws:SourceAccount keeps another account's Incident Manager out (user guide, "Cross-service
  // confused deputy prevention"), but no AWS page says Incident Manager sends the key when it reads
  // the secret: the PagerDuty page's statements have no condition, and the one Incident Manager
  // statement AWS documents with it (the SNS topic policy, "Chat channels") uses
  // StringEqualsIfExists. With StringEquals and no key sent, creating the plan would fail ("unable to
  // validate the AWS Secrets Manager secret"); IfExists cannot lock the service out.
  const sourceAccount = { StringEqualsIfExists: { 'aws:SourceAccount': stack.account } };
  // User guide, "Storing PagerDuty access credentials in an AWS Secrets Manager secret": the secret's
  // resource policy allows ssm-incidents.amazonaws.com secretsmanager:GetSecretValue, and in a
  // secret's resource policy `*` is the secret itself.
  const secret = new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
    actions: ['secretsmanager:GetSecretValue'],
    resources: ['*'],
    conditions: sourceAccount,
  });
  // The same page: the key allows ssm-incidents.amazonaws.com kms:Decrypt and kms:GenerateDataKey*,
  // optionally only through Secrets Manager (kms:ViaService secretsmanager.<region>.amazonaws.com).
  // Incident Manager reads the secret in every Region of the replication set, so every one of them
  // (known once the plan's replication set is, hence the Lazy).
  const regions = Lazy.list({ produce: () => (replicationRegionsOf(scope) ?? [stack.region]).map((r) => `secretsmanager.${r}.${stack.urlSuffix}`) });
  const key = new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
    actions: TOPIC_KEY_ACTIONS,
    resources: ['*'],
    conditions: { StringEquals: { 'kms:ViaService': regions }, ...sourceAccount },
  });
  return { secret, key };
}

/**
 * Lets Incident Manager read the PagerDuty secret of the response plan `scope`: a statement in the
 * secret's resource policy and one in its key's policy. Returns what the plan must depend on: Incident
 * Manager reads the secret when it creates or updates the plan. For an imported secret or key, whose
 * policies CDK cannot change, it warns on `scope` with the exact statements to add where it is defined.
 */
export function allowIncidentManagerToReadSecret(scope: IConstruct, secret: secretsmanager.ISecret): IDependable[] {
  const statements = readSecretStatements(scope);
  const dependables: IDependable[] = [];
  const added = secret.addToResourcePolicy(statements.secret);
  if (added.statementAdded) {
    if (added.policyDependable) dependables.push(added.policyDependable);
  } else {
    Annotations.of(scope).addWarningV2(
      'cdk-incident-manager:ResponsePlan.pagerDutySecretPolicy',
      pasteable(
        scope,
        `The PagerDuty secret ${describeResource(scope, secret.secretArn, secret, secret.secretName)} is imported: where it is defined, add this statement to its resource policy: ${readableStatement(scope, statements.secret)}, and this statement to its key's policy: ${readableStatement(scope, statements.key)}`,
      ),
    );
  }
  const key = secret.encryptionKey;
  if (key) {
    const keyAdded = key.addToResourcePolicy(statements.key, true);
    if (keyAdded.statementAdded) {
      // The key policy is part of the key resource.
      dependables.push(key);
    } else if (added.statementAdded) {
      Annotations.of(scope).addWarningV2(
        'cdk-incident-manager:ResponsePlan.pagerDutyKeyPolicy',
        pasteable(
          scope,
          `The key ${describeResource(scope, key.keyArn, key)} of the PagerDuty secret ${describeResource(scope, secret.secretArn, secret, secret.secretName)} is imported: where it is defined, add this statement to its policy: ${readableStatement(scope, statements.key)}`,
        ),
      );
    }
  }
  return dependables;
}

/** A warning with statements to paste, and what to put for the values only the deployment knows. */
function pasteable(scope: IConstruct, message: string): string {
  return message.includes('${')
    ? `${message} (replace \${AWS::Region}, \${AWS::AccountId}, \${AWS::Partition} and \${AWS::URLSuffix} with the Region, account, partition and domain (amazonaws.com) that ${Stack.of(scope).stackName} is deployed to)`
    : message;
}
