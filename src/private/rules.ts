import { aws_events as events, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { fixedPhysicalName } from './arns';
import { ArnFormat, Stack } from './core';

/**
 * A role of `rule` (child `id`, created on first use) that only EventBridge may assume, for this
 * account's rules (`aws:SourceAccount`) and this rule (`aws:SourceArn`, see ruleArnPatterns): the
 * confused-deputy conditions EventBridge documents for target roles.
 */
export function eventsRoleOf(rule: events.IRule, id: string, description: string): iam.IRole {
  const existing = rule.node.tryFindChild(id) as iam.IRole | undefined;
  if (existing) {
    return existing;
  }
  const stack = Stack.of(rule);
  return new iam.Role(rule as unknown as Construct, id, {
    description,
    assumedBy: new iam.ServicePrincipal('events.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: { 'aws:SourceArn': ruleArnPatterns(rule) },
      },
    }),
  });
}

/**
 * The rule's ARN for the role's trust (aws:SourceArn). The trust policy cannot refer to the rule
 * itself: the rule refers to the role, so that would be a dependency cycle. When the rule has a name
 * given in code, the ARN is built from it (arn:...:rule/<name>, or rule/<bus>/<name> on a custom event
 * bus); otherwise CloudFormation names the rule, and the trust is limited to rules of this account and
 * Region.
 */
function ruleArnPatterns(rule: events.IRule): string | string[] {
  const stack = Stack.of(rule);
  const name = fixedPhysicalName(rule);
  const arn = (resourceName: string) =>
    stack.formatArn({ service: 'events', resource: 'rule', resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  if (name !== undefined) {
    return [arn(name), arn(`*/${name}`)];
  }
  return arn('*');
}
