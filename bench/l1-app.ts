import {
  App,
  ArnFormat,
  CfnResource,
  Lazy,
  Names,
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
 * properties, removal policies, nested stacks and dependencies the foundation emits, written by hand,
 * under the same construct paths, so that its templates are byte for byte the foundation's (the
 * benchmark checks the bytes). It is the baseline the benchmark compares the library with.
 */
export function l1App(app: App, org: BenchOrganization): Stack {
  const stack = new Stack(app, 'Bench', { env: BENCH_ENV });
  const root = new Construct(stack, 'IM');
  const account = stack.account;
  const arn = (scope: Construct, service: string, resource: string, name: string, regional: boolean) =>
    Stack.of(scope).formatArn({ service, region: regional ? undefined : '', resource, resourceName: name, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  const contactArn = (scope: Construct, alias: string) => arn(scope, 'ssm-contacts', 'contact', alias, true);

  const replicationSet = new ssmincidents.CfnReplicationSet(new Construct(root, 'ReplicationSet'), 'Resource', {
    regions: [{ regionName: 'us-east-1' }, { regionName: 'us-west-2' }],
    deletionProtected: true,
  });
  replicationSet.applyRemovalPolicy(RemovalPolicy.RETAIN);

  // The construct paths of sns.Topic (and its policy) in the foundation's chat channel, which name the
  // nested stacks' parameters for the topic.
  const topicScope = new Construct(new Construct(root, 'ChatChannel'), 'Topic');
  const topic = new sns.CfnTopic(topicScope, 'Resource');
  const topicPolicy = new sns.CfnTopicPolicy(new Construct(topicScope, 'Policy'), 'Resource', {
    topics: [topic.ref],
    policyDocument: {
      Statement: [
        {
          Action: 'sns:Publish',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Effect: 'Deny',
          Principal: '*',
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
      Version: '2012-10-17',
    },
  });

  // Defined before the entries, where the foundation defines it: the template lists resources in that order.
  const shareScope = new Construct(root, 'Share');
  const share = new ram.CfnResourceShare(shareScope, 'Resource', {
    name: Names.uniqueResourceName(shareScope, { maxLength: 255 }),
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
  // What the share depends on: the constructs of contacts, escalation plans and response plans (all
  // their resources), and the schedules' contacts.
  const shared: Construct[] = [];
  // A contact's ARN: its attribute in the same stack, as the foundation refers to it; from another
  // stack, the ARN built from its alias and a dependency.
  const refer = (from: CfnResource, alias: string) => {
    const target = byAlias.get(alias)!;
    if (Stack.of(target) === Stack.of(from)) return target.getAtt('Arn').toString();
    from.node.addDependency(target);
    return contactArn(from, alias);
  };

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
    shared.push(scope);
  });

  org.schedules.forEach((s) => {
    const parent = scopeFor(s.group);
    const rotations = s.rotations.map((members, r) => {
      const scope = new Construct(parent, `Rotation-${s.alias}-${r + 1}`);
      const rotation = keep(new ssmcontacts.CfnRotation(scope, 'Resource', {
        name: Names.uniqueResourceName(scope, { maxLength: 255 }),
        contactIds: [],
        startTime: '2027-01-04T09:00:00',
        timeZoneId: 'Etc/UTC',
        recurrence: { numberOfOnCalls: 1, recurrenceMultiplier: 1, weeklySettings: [{ dayOfWeek: 'MON', handOffTime: '09:00' }] },
      }));
      rotation.contactIds = members.map((m) => refer(rotation, m));
      return rotation;
    });
    const scheduleScope = new Construct(parent, `OnCallSchedule-${s.alias}`);
    const schedule = keep(new ssmcontacts.CfnContact(scheduleScope, 'Resource', {
      alias: s.alias,
      displayName: s.displayName,
      type: 'ONCALL_SCHEDULE',
      plan: [{ rotationIds: rotations.map((r) => r.attrArn) }],
    }));
    byAlias.set(s.alias, schedule);
    shared.push(schedule);
  });

  org.escalationPlans.forEach((e) => {
    const scope = new Construct(scopeFor(e.group), `EscalationPlan-${e.alias}`);
    const contact = keep(new ssmcontacts.CfnContact(scope, 'Resource', { alias: e.alias, displayName: e.displayName, type: 'ESCALATION' }));
    const plan = keep(new ssmcontacts.CfnPlan(scope, 'Plan', { contactId: contact.attrArn, stages: [] }));
    plan.stages = [
      { durationInMinutes: 15, targets: [{ contactTargetInfo: { contactId: refer(plan, e.schedule), isEssential: true } }] },
      { durationInMinutes: 0, targets: [{ contactTargetInfo: { contactId: refer(plan, e.lead), isEssential: true } }] },
    ];
    byAlias.set(e.alias, contact);
    shared.push(scope);
  });

  const plans: ssmincidents.CfnResponsePlan[] = [];
  org.responsePlans.forEach((p) => {
    const scope = new Construct(scopeFor(p.group), `ResponsePlan-${p.name}`);
    // The construct paths of iam.Role and its default policy, whose logical ID is the policy's name.
    const roleScope = new Construct(scope, 'RunbookRole');
    const role = new iam.CfnRole(roleScope, 'Resource', {
      description: `Lets Incident Manager start the runbook of response plan ${p.name}`,
      assumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': account },
            ArnLike: { 'aws:SourceArn': Stack.of(scope).formatArn({ service: 'ssm-incidents', region: '*', resource: 'incident-record', resourceName: `${p.name}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }) },
          },
          Effect: 'Allow',
          Principal: { Service: 'ssm-incidents.amazonaws.com' },
        }],
        Version: '2012-10-17',
      },
    });
    const policy: iam.CfnPolicy = new iam.CfnPolicy(new Construct(roleScope, 'DefaultPolicy'), 'Resource', {
      policyName: Lazy.string({ produce: () => Stack.of(policy).resolve(policy.logicalId) }),
      roles: [role.ref],
      policyDocument: {
        Statement: [{
          Action: 'ssm:StartAutomationExecution',
          Effect: 'Allow',
          Resource: [
            Stack.of(scope).formatArn({ service: 'ssm', region: '*', resource: 'document', resourceName: p.runbook, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
            Stack.of(scope).formatArn({ service: 'ssm', region: '*', resource: 'automation-definition', resourceName: `${p.runbook}:*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
            Stack.of(scope).formatArn({ service: 'ssm', region: '*', resource: 'automation-execution', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
          ],
        }],
        Version: '2012-10-17',
      },
    });
    const plan = new ssmincidents.CfnResponsePlan(scope, 'Resource', {
      name: p.name,
      incidentTemplate: { title: p.title, impact: 2 },
      engagements: [],
      chatChannel: { chatbotSns: [topic.ref] },
      actions: [{ ssmAutomation: { documentName: p.runbook, roleArn: role.attrArn, targetAccount: 'RESPONSE_PLAN_OWNER_ACCOUNT' } }],
    });
    plan.engagements = [refer(plan, p.escalation)];
    plan.addDependency(policy);
    plan.node.addDependency(topicPolicy);
    plans.push(plan);
    shared.push(scope);
  });

  shared.forEach((c) => share.node.addDependency(c));

  // What the replication set's aspect does in the library: every Incident Manager resource waits for it.
  for (const resource of [...retained, ...plans]) {
    resource.addDependency(replicationSet);
  }
  return stack;
}
