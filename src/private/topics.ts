import { Annotations, aws_iam as iam, aws_sns as sns } from 'aws-cdk-lib';
import { IConstruct, IDependable } from 'constructs';
import { INCIDENT_MANAGER_PRINCIPAL, PUBLISH_ACTIONS, TOPIC_KEY_ACTIONS } from './actions';
import { fixedPhysicalName } from './arns';
import { ArnFormat, Stack, Token } from './core';
import { IncidentManagerValidationError, Where } from './errors';
import { readableStatement } from './readable';

/**
 * The topic policy statement that lets Incident Manager publish to `topic` for incidents of the
 * topic's account (user guide, "Working with chat channels": the statement of "To configure an SNS
 * topic"). The same statement serves chat channel topics and notification topics, so a topic used
 * for both gets it once (CDK drops identical statements).
 */
function publishStatement(topic: sns.ITopic): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'IncidentManagerSNSPublishingPermissions',
    principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
    actions: PUBLISH_ACTIONS,
    resources: [topic.topicArn],
    conditions: { StringEqualsIfExists: { 'AWS:SourceAccount': Stack.of(topic).account } },
  });
}

/**
 * The key policy statement that lets Incident Manager publish to a topic encrypted with a
 * customer-managed key. The Amazon SNS developer guide ("Configure AWS KMS permissions for AWS
 * services", in "Key management") requires a service that publishes to an encrypted topic to be
 * allowed kms:GenerateDataKey* and kms:Decrypt in the key policy. SNS calls KMS with the encryption
 * context aws:sns:topicArn, so the statement is limited to the topic when its ARN is known without a
 * reference (an imported topic, or one with a name given in code), and otherwise to the topics of the
 * key's account and Region: the topic refers to the key, so the key policy cannot refer to the topic.
 */
function topicKeyStatement(topic: sns.ITopic): iam.PolicyStatement {
  const arn = !Token.isUnresolved(topic.topicArn)
    ? topic.topicArn
    : Stack.of(topic).formatArn({ service: 'sns', resource: fixedPhysicalName(topic) ?? '*', arnFormat: ArnFormat.NO_RESOURCE_NAME });
  return new iam.PolicyStatement({
    sid: 'IncidentManagerSNSTopicKey',
    principals: [new iam.ServicePrincipal(INCIDENT_MANAGER_PRINCIPAL)],
    actions: TOPIC_KEY_ACTIONS,
    // In a key policy `*` is the key itself.
    resources: ['*'],
    conditions: { StringLike: { 'kms:EncryptionContext:aws:sns:topicArn': arn } },
  });
}

/**
 * Lets Incident Manager publish to `topic`, and use the topic's key when it has one. Returns what a
 * response plan must depend on: Incident Manager test-publishes to the topic when the plan is created
 * or updated, so the policies must exist first. For an imported topic, whose policies CDK cannot
 * change, it warns on `scope` with the exact statements to add where the topic is defined.
 */
export function allowIncidentManagerToPublish(scope: IConstruct, topic: sns.ITopic, what: string): IDependable[] {
  const publish = publishStatement(topic);
  const added = topic.addToResourcePolicy(publish);
  const dependables: IDependable[] = [];
  if (added.statementAdded) {
    if (added.policyDependable) dependables.push(added.policyDependable);
  } else {
    const keyNote = topic.masterKey
      ? ` and this statement to the policy of its key ${topic.masterKey.keyArn}: ${readableStatement(scope, topicKeyStatement(topic))}`
      : ' and, if the topic is encrypted with a customer-managed key, this statement to that key\'s policy: ' +
        readableStatement(scope, topicKeyStatement(topic));
    Annotations.of(scope).addWarningV2(
      'cdk-incident-manager:topicPolicy',
      `${what} ${topic.topicArn} is imported, so its policies are not changed here. Where it is defined, add this statement to its topic policy: ${readableStatement(scope, publish)}${keyNote}`,
    );
    return dependables;
  }
  const key = topic.masterKey;
  if (key) {
    const keyAdded = key.addToResourcePolicy(topicKeyStatement(topic), true);
    if (keyAdded.statementAdded) {
      // The key policy is part of the key resource itself (kms.Key's policyDependable is its
      // PolicyDocument, which is not a construct to depend on).
      dependables.push(key);
    } else {
      Annotations.of(scope).addWarningV2(
        'cdk-incident-manager:topicKeyPolicy',
        `${what} ${topic.topicArn} is encrypted with the imported key ${key.keyArn}: add this statement to that key's policy where it is defined: ${readableStatement(scope, topicKeyStatement(topic))}`,
      );
    }
  }
  return dependables;
}

/** Incident Manager publishes to standard topics; a FIFO topic needs a message group ID it does not send. */
export function checkStandardTopic(scope: Where, what: string, topic: sns.ITopic): void {
  if (topic.fifo) {
    throw new IncidentManagerValidationError(scope, `\`${what}\``, topic.topicArn, 'be a standard SNS topic, not a FIFO topic (Incident Manager publishes without a message group ID)', 'TOPIC');
  }
}
