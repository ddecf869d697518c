import {
  App,
  ArnFormat,
  CfnResource,
  NestedStack,
  RemovalPolicy,
  Stack,
  aws_iam as iam,
  aws_ram as ram,
  aws_sns as sns,
  aws_ssmcontacts as ssmcontacts,
  aws_ssmincidents as ssmincidents,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BENCH_ENV, BenchOrganization } from './organization';

/*
 * The same organization with aws-cdk-lib's L1 constructs only (and core's NestedStack): the resources,
 * properties, removal policies, nested stacks and dependencies the foundation emits, written by hand.
 * It is the baseline the benchmark compares the library with.
 */
export function l1App(app: App, org: BenchOrganization): Stack {
  const stack = new Stack(app, 'Bench', { env: BENCH_ENV });
  const root = new Construct(stack, 'IM');
  const account = stack.account;
  const arn = (scope: Construct, service: string, resource: string, name: string, regional: boolean) =>
    Stack.of(scope).formatArn({ service, region: regional ? undefined : '', resource, resourceName: name, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  const contactArn = (scope: Construct, alias: string) => arn(scope, 'ssm-contacts', 'contact', alias, true);

  const replicationSet = new ssmincidents.CfnReplicationSet(root, 'ReplicationSet', {
    regions: [{ regionName: 'us-east-1' }, { regionName: 'us-west-2' }],
    deletionProtected: true,
  });
  replicationSet.applyRemovalPolicy(RemovalPolicy.RETAIN);

  const topic = new sns.CfnTopic(root, 'ChatTopic');
  const topicPolicy = new sns.CfnTopicPolicy(root, 'ChatTopicPolicy', {
    topics: [topic.ref],
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sns:Publish',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Resource: topic.ref,
          Sid: 'AllowPublishThroughSSLOnly',
        },
        {
          Action: 'sns:Publish',
          Condition: { StringEqualsIfExists: { 'AWS:SourceAccount': account } },
          Effect: 'Allow',
          Principal: { Service: 'ssm-incidents.amazonaws.com' },
          Resource: topic.ref,
          Sid: 'IncidentManagerSNSPublishingPermissions',
        },
      ],
    },
  });

  const nestedStacks = new Map<string, Construct>();
  const scopeFor = (name: string): Construct => {
    if (!org.nested) return root;
    let nested = nestedStacks.get(name);
    if (!nested) {
      nested = new NestedStack(root, name);
      nestedStacks.set(name, nested);
    }
    return nested;
  };
  const retained: CfnResource[] = [];
  const keep = <T extends CfnResource>(r: T) => {
    r.applyRemovalPolicy(RemovalPolicy.RETAIN);
    retained.push(r);
    return r;
  };
  const byAlias = new Map<string, CfnResource>();

  org.contacts.forEach((c) => {
    const scope = new Construct(scopeFor(c.group), `Contact-${c.alias}`);
    const contact = keep(new ssmcontacts.CfnContact(scope, 'Resource', { alias: c.alias, displayName: c.displayName, type: 'PERSONAL' }));
    const email = keep(new ssmcontacts.CfnContactChannel(scope, 'ChannelEmail', { contactId: contact.attrArn, channelName: 'Email', channelType: 'EMAIL', channelAddress: c.email }));
    const voice = keep(new ssmcontacts.CfnContactChannel(scope, 'ChannelVoice', { contactId: contact.attrArn, channelName: 'Voice', channelType: 'VOICE', channelAddress: c.voice }));
    keep(new ssmcontacts.CfnPlan(scope, 'EngagementPlan', {
      contactId: contact.attrArn,
      stages: [
        { durationInMinutes: 5, targets: [{ channelTargetInfo: { channelId: email.attrArn, retryIntervalInMinutes: 5 } }] },
        { durationInMinutes: 0, targets: [{ channelTargetInfo: { channelId: voice.attrArn, retryIntervalInMinutes: 5 } }] },
      ],
    }));
    byAlias.set(c.alias, contact);
  });

  org.schedules.forEach((s) => {
    const parent = scopeFor(s.group);
    const rotations = s.rotations.map((members, r) => {
      const rotation = keep(new ssmcontacts.CfnRotation(parent, `Rotation-${s.alias}-${r + 1}`, {
        name: `${s.alias.replace(/-/g, '')}rotation${r + 1}`,
        contactIds: members.map((m) => contactArn(parent, m)),
        startTime: '2027-01-04T09:00:00',
        timeZoneId: 'Etc/UTC',
        recurrence: { numberOfOnCalls: 1, recurrenceMultiplier: 1, weeklySettings: [{ dayOfWeek: 'MON', handOffTime: '09:00' }] },
      }));
      members.forEach((m) => rotation.node.addDependency(byAlias.get(m)!));
      return rotation;
    });
    const schedule = keep(new ssmcontacts.CfnContact(parent, `OnCallSchedule-${s.alias}`, {
      alias: s.alias,
      displayName: s.displayName,
      type: 'ONCALL_SCHEDULE',
      plan: [{ rotationIds: rotations.map((r) => r.attrArn) }],
    }));
    byAlias.set(s.alias, schedule);
  });

  org.escalationPlans.forEach((e) => {
    const scope = new Construct(scopeFor(e.group), `EscalationPlan-${e.alias}`);
    const contact = keep(new ssmcontacts.CfnContact(scope, 'Resource', { alias: e.alias, displayName: e.displayName, type: 'ESCALATION' }));
    const plan = keep(new ssmcontacts.CfnPlan(scope, 'Plan', {
      contactId: contact.attrArn,
      stages: [
        { durationInMinutes: 15, targets: [{ contactTargetInfo: { contactId: contactArn(scope, e.schedule), isEssential: true } }] },
        { durationInMinutes: 0, targets: [{ contactTargetInfo: { contactId: contactArn(scope, e.lead), isEssential: true } }] },
      ],
    }));
    for (const target of [e.schedule, e.lead]) {
      contact.node.addDependency(byAlias.get(target)!);
      plan.node.addDependency(byAlias.get(target)!);
    }
    byAlias.set(e.alias, contact);
  });

  const plans: ssmincidents.CfnResponsePlan[] = [];
  org.responsePlans.forEach((p) => {
    const scope = new Construct(scopeFor(p.group), `ResponsePlan-${p.name}`);
    const role = new iam.CfnRole(scope, 'RunbookRole', {
      description: `Lets Incident Manager start the runbook of response plan ${p.name}`,
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'ssm-incidents.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': account },
            ArnLike: { 'aws:SourceArn': Stack.of(scope).formatArn({ service: 'ssm-incidents', region: '*', resource: 'incident-record', resourceName: `${p.name}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }) },
          },
        }],
      },
    });
    const policy = new iam.CfnPolicy(scope, 'RunbookRolePolicy', {
      policyName: `${p.name}RunbookPolicy`,
      roles: [role.ref],
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: 'ssm:StartAutomationExecution',
          Effect: 'Allow',
          Resource: [
            Stack.of(scope).formatArn({ service: 'ssm', region: '*', resource: 'document', resourceName: p.runbook, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
            Stack.of(scope).formatArn({ service: 'ssm', region: '*', resource: 'automation-definition', resourceName: `${p.runbook}:*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
            Stack.of(scope).formatArn({ service: 'ssm', region: '*', resource: 'automation-execution', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
          ],
        }],
      },
    });
    const plan = new ssmincidents.CfnResponsePlan(scope, 'Resource', {
      name: p.name,
      incidentTemplate: { title: p.title, impact: 2 },
      engagements: [contactArn(scope, p.escalation)],
      chatChannel: { chatbotSns: [topic.ref] },
      actions: [{ ssmAutomation: { documentName: p.runbook, roleArn: role.attrArn, targetAccount: 'RESPONSE_PLAN_OWNER_ACCOUNT' } }],
    });
    plan.addDependency(policy);
    plan.node.addDependency(topicPolicy);
    plan.node.addDependency(byAlias.get(p.escalation)!);
    plans.push(plan);
  });

  const share = new ram.CfnResourceShare(root, 'Share', {
    name: 'BenchIMShare',
    allowExternalPrincipals: false,
    resourceArns: [
      ...org.responsePlans.map((p) => arn(root, 'ssm-incidents', 'response-plan', p.name, false)),
      ...[...org.contacts, ...org.schedules, ...org.escalationPlans].map((c) => contactArn(root, c.alias)),
    ],
    principals: ['444455556666'],
    permissionArns: [
      Stack.of(root).formatArn({ service: 'ram', region: '', account: 'aws', resource: 'permission', resourceName: 'AWSRAMDefaultPermissionSSMIncidentsResponsePlan', arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
      Stack.of(root).formatArn({ service: 'ram', region: '', account: 'aws', resource: 'permission', resourceName: 'AWSRAMDefaultPermissionSSMContactsContact', arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
    ],
  });
  plans.forEach((p) => share.node.addDependency(p));
  byAlias.forEach((c) => share.node.addDependency(c));

  // What the replication set's aspect does in the library: every Incident Manager resource waits for it.
  for (const resource of [...retained, ...plans]) {
    resource.addDependency(replicationSet);
  }
  return stack;
}
