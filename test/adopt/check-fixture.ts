/*
 * A recorded account for `check`, written by hand in the wire shapes of the API references: SSM
 * Contacts, SSM and KMS and Secrets Manager (awsJson1_1: PascalCase, epoch seconds), SSM Incidents
 * (restJson1: camelCase), IAM, SNS and CloudFormation (awsQuery: the XML element names of their
 * responses, kept here as objects). `healthyAccount()` has nothing to report; `plantedAccount()` adds
 * one problem of every kind the check reports, and `PLANTED` lists what each must produce.
 *
 * Times: the check runs at Monday 4 January 2027 00:00 UTC for 1 week.
 */
import { WireFixture } from './account-fixture';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const NOW = new Date('2027-01-04T00:00:00Z');
export const WEEKS = 1;

export const contact = (alias: string) => `arn:aws:ssm-contacts:${REGION}:${ACCOUNT}:contact/${alias}`;
export const channel = (id: string) => `arn:aws:ssm-contacts:${REGION}:${ACCOUNT}:contact-channel/${id}`;
export const rotation = (id: string) => `arn:aws:ssm-contacts:${REGION}:${ACCOUNT}:rotation/${id}`;
export const plan = (name: string) => `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/${name}`;
export const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const topic = (name: string, region = REGION) => `arn:aws:sns:${region}:${ACCOUNT}:${name}`;
export const key = (id: string, region = REGION) => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;
export const secret = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}`;
export const OTHER_ACCOUNT_TOPIC = `arn:aws:sns:${REGION}:999988887777:shared-incident-chat`;
export const REPLICATION_SET_ARN = `arn:aws:ssm-incidents::${ACCOUNT}:replication-set/40bffa2c-ccf3-4ef4-9d8d-0c6a5d2e11aa`;
const SERVICE = 'ssm-incidents.amazonaws.com';
const seconds = (iso: string) => Date.parse(iso) / 1000;

export interface CheckFixture {
  /** SSM Contacts and SSM Incidents, as adopt's fake answers them. */
  readonly account: WireFixture;
  /** ListRotationShifts answers by rotation ARN (the shifts AWS reports, overrides included). */
  readonly shifts: { [rotationArn: string]: any[] };
  /** SSM documents by name: DescribeDocument's Document of each version, and who it is shared with. */
  readonly documents: { [name: string]: { defaultVersion: string; versions: { [version: string]: any }; sharedWith: string[] } };
  /** IAM roles by name: GetRole's Role, and what their policies allow (action to resource patterns), for the simulator. */
  readonly roles: { [name: string]: { Role: any; allows: { [action: string]: string[] } } };
  /** SNS GetTopicAttributes Attributes by topic ARN. */
  readonly topics: { [arn: string]: { [attribute: string]: string } };
  /** KMS keys by ARN (aliases by name): DescribeKey's KeyMetadata and GetKeyPolicy's Policy. */
  readonly keys: { [arnOrAlias: string]: { KeyMetadata: any; Policy?: string } };
  /** Secrets Manager GetResourcePolicy and DescribeSecret (its key: none for the AWS managed key) by secret ARN or name. */
  readonly secrets: { [id: string]: { ARN: string; Name: string; ResourcePolicy?: string; KmsKeyId?: string } };
  /** CloudFormation stacks: ListStacks' summary and ListStackResources' summaries. */
  readonly stacks: Array<{ summary: any; resources: any[] }>;
}

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const serviceAllows = (action: string | string[], resource: string, condition?: object) => ({
  Effect: 'Allow',
  Principal: { Service: SERVICE },
  Action: action,
  Resource: resource,
  ...(condition ? { Condition: condition } : {}),
});
const rootAllows = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' };
const trust = (service = SERVICE, account = ACCOUNT) =>
  encodeURIComponent(
    policy({
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': account } },
    }),
  );
const roleOf = (name: string, allows: { [action: string]: string[] }, trustPolicy = trust()) => ({
  Role: {
    Path: '/',
    RoleName: name,
    RoleId: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 12).padEnd(12, 'X')}EXAMPLE`,
    Arn: role(name),
    CreateDate: '2025-01-01T00:00:00Z',
    AssumeRolePolicyDocument: trustPolicy,
  },
  allows,
});
const keyOf = (id: string, region: string, state = 'Enabled', manager = 'CUSTOMER', keyPolicy?: string) => ({
  KeyMetadata: {
    AWSAccountId: ACCOUNT,
    KeyId: id,
    Arn: key(id, region),
    Enabled: state === 'Enabled',
    KeyState: state,
    KeyManager: manager,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    CreationDate: seconds('2025-01-01T00:00:00Z'),
  },
  Policy: keyPolicy,
});
const param = (Name: string, DefaultValue?: string) => ({ Name, Type: 'String', Description: Name, ...(DefaultValue === undefined ? {} : { DefaultValue }) });
const document = (Name: string, version: string, Owner: string, Parameters: any[]) => ({
  Name,
  Owner,
  DocumentVersion: version,
  DocumentType: 'Automation',
  DocumentFormat: 'YAML',
  Status: 'Active',
  SchemaVersion: '0.3',
  Parameters,
});

const personal = (alias: string, stages: any[]) => ({ ContactArn: contact(alias), Alias: alias, DisplayName: alias.replace(/[^a-z]/g, ' '), Type: 'PERSONAL', Plan: { Stages: stages } });
const ch = (alias: string, id: string, type: string, address: string, status = 'ACTIVATED') => ({
  ContactChannelArn: channel(id),
  ContactArn: contact(alias),
  Name: id,
  Type: type,
  DeliveryAddress: { SimpleAddress: address },
  ActivationStatus: status,
});
const channelTarget = (id: string) => ({ ChannelTargetInfo: { ContactChannelId: channel(id), RetryIntervalInMinutes: 5 } });
const contactTarget = (alias: string, essential = true) => ({ ContactTargetInfo: { ContactId: contact(alias), IsEssential: essential } });
const shift = (alias: string, start: string, end: string, type = 'REGULAR') => ({
  ContactIds: [contact(alias)],
  StartTime: seconds(`${start}:00Z`),
  EndTime: seconds(`${end}:00Z`),
  Type: type,
});

/**
 * Weekly_primary: alice and bob-roe, hand-off on Mondays at 09:00 UTC since Monday 6 January 2025,
 * worked out by hand: 2025-01-06 to 2027-01-04 is 104 weeks (52 + 52: neither 2025 nor 2026 is a leap
 * year), so the 104th hand-off, at 2027-01-04T09:00, is alice's (even), and the 103rd, from
 * 2026-12-28T09:00, bob's. AWS's shifts are whole; the check cuts them at the week it asks for.
 */
export const WEEKLY_PREVIEW = [shift('bob-roe', '2026-12-28T09:00', '2027-01-04T09:00'), shift('alice', '2027-01-04T09:00', '2027-01-11T09:00')];

export function healthyAccount(): CheckFixture {
  const get: { [arn: string]: any } = {};
  for (const c of [
    personal('alice', [{ DurationInMinutes: 0, Targets: [channelTarget('a-email'), channelTarget('a-sms')] }]),
    personal('bob-roe', [{ DurationInMinutes: 5, Targets: [channelTarget('b-email')] }]),
    { ContactArn: contact('primary-oncall'), Alias: 'primary-oncall', DisplayName: 'Primary', Type: 'ONCALL_SCHEDULE', Plan: { Stages: [], RotationIds: [rotation('rot-weekly')] } },
    {
      ContactArn: contact('payments-escalation'),
      Alias: 'payments-escalation',
      DisplayName: 'Payments escalation',
      Type: 'ESCALATION',
      Plan: {
        Stages: [
          { DurationInMinutes: 5, Targets: [contactTarget('primary-oncall'), contactTarget('alice', false)] },
          // A stage without targets is a wait: it pages nobody on purpose.
          { DurationInMinutes: 10, Targets: [] },
          { DurationInMinutes: 10, Targets: [contactTarget('bob-roe')] },
        ],
      },
    },
  ]) {
    get[c.ContactArn] = c;
  }
  const channels: { [arn: string]: any[] } = {
    [contact('alice')]: [ch('alice', 'a-email', 'EMAIL', 'alice@example.com'), ch('alice', 'a-sms', 'SMS', '+12065550100')],
    [contact('bob-roe')]: [ch('bob-roe', 'b-email', 'EMAIL', 'bob.roe@example.com')],
  };
  const Rotations = [
    {
      RotationArn: rotation('rot-weekly'),
      Name: 'Weekly_primary',
      ContactIds: [contact('alice'), contact('bob-roe')],
      StartTime: seconds('2025-01-06T09:00:00Z'),
      TimeZoneId: 'UTC',
      Recurrence: { WeeklySettings: [{ DayOfWeek: 'MON', HandOffTime: { HourOfDay: 9, MinuteOfHour: 0 } }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 },
    },
  ];
  const plans: { [arn: string]: any } = {
    [plan('payments-critical')]: {
      arn: plan('payments-critical'),
      name: 'payments-critical',
      incidentTemplate: { title: 'Payments are failing', impact: 1, notificationTargets: [{ snsTopicArn: topic('incident-updates') }] },
      chatChannel: { chatbotSns: [topic('incident-chat')] },
      engagements: [contact('payments-escalation')],
      actions: [
        {
          ssmAutomation: {
            documentName: 'Payments-Restart',
            documentVersion: '$DEFAULT',
            roleArn: role('IncidentRunbookRole'),
            targetAccount: 'RESPONSE_PLAN_OWNER_ACCOUNT',
            parameters: { Service: ['payments'], AutomationAssumeRole: [role('AutomationRole')] },
            dynamicParameters: { IncidentArn: { variable: 'INCIDENT_RECORD_ARN' } },
          },
        },
      ],
      integrations: [{ pagerDutyConfiguration: { name: 'PagerDuty', secretId: secret('pagerduty-AbCdEf'), pagerDutyIncidentConfiguration: { serviceId: 'PABC123' } } }],
    },
    [plan('impacted-account')]: {
      arn: plan('impacted-account'),
      name: 'impacted-account',
      incidentTemplate: { title: 'Application account alarm', impact: 3 },
      engagements: [contact('alice')],
      actions: [
        {
          ssmAutomation: {
            documentName: 'Shared-Diagnose',
            documentVersion: '2',
            roleArn: role('CrossAccountRunbookRole'),
            targetAccount: 'IMPACTED_ACCOUNT',
            dynamicParameters: { Resources: { variable: 'INVOLVED_RESOURCES' } },
          },
        },
      ],
    },
    [plan('minimal')]: { arn: plan('minimal'), name: 'minimal', incidentTemplate: { title: 'Something broke', impact: 5 } },
  };
  const account: WireFixture = {
    contacts: {
      Contacts: Object.values(get).map((c) => ({ ContactArn: c.ContactArn, Alias: c.Alias, DisplayName: c.DisplayName, Type: c.Type })),
      get,
      channels,
      tags: {},
      Rotations,
      previews: { [rotation('rot-weekly')]: WEEKLY_PREVIEW },
    },
    incidents: {
      replicationSetArns: [REPLICATION_SET_ARN],
      replicationSet: {
        arn: REPLICATION_SET_ARN,
        regionMap: {
          'eu-west-1': { sseKmsKeyId: key('1234abcd-12ab-34cd-56ef-1234567890ab'), status: 'ACTIVE', statusUpdateDateTime: 1735689600 },
          'eu-central-1': { sseKmsKeyId: key('5678abcd-12ab-34cd-56ef-1234567890ab', 'eu-central-1'), status: 'ACTIVE', statusUpdateDateTime: 1735689600 },
        },
        status: 'ACTIVE',
        deletionProtected: true,
        createdTime: 1735689600,
        createdBy: role('Admin'),
        lastModifiedTime: 1735689600,
        lastModifiedBy: role('Admin'),
      },
      responsePlans: Object.values(plans).map((p) => ({ arn: p.arn, name: p.name })),
      plans,
      tags: {},
    },
  };
  const fixture: CheckFixture = {
    account,
    shifts: {
      // The same hand-offs, with an override of bob-roe's on Wednesday afternoon: covered throughout.
      [rotation('rot-weekly')]: [
        shift('bob-roe', '2026-12-28T09:00', '2027-01-04T09:00'),
        shift('alice', '2027-01-04T09:00', '2027-01-06T12:00'),
        shift('bob-roe', '2027-01-06T12:00', '2027-01-06T18:00', 'OVERRIDDEN'),
        shift('alice', '2027-01-06T18:00', '2027-01-11T09:00'),
      ],
    },
    documents: {
      'Payments-Restart': {
        defaultVersion: '2',
        versions: {
          1: document('Payments-Restart', '1', ACCOUNT, [param('Service')]),
          2: document('Payments-Restart', '2', ACCOUNT, [param('Service'), param('IncidentArn'), param('AutomationAssumeRole', '')]),
        },
        sharedWith: [],
      },
      'Shared-Diagnose': {
        defaultVersion: '2',
        versions: { 1: document('Shared-Diagnose', '1', ACCOUNT, []), 2: document('Shared-Diagnose', '2', ACCOUNT, [param('Resources'), param('Depth', '1')]) },
        sharedWith: ['444455556666'],
      },
      'AWS-RestartEC2Instance': {
        defaultVersion: '1',
        versions: { 1: document('AWS-RestartEC2Instance', '1', 'Amazon', [param('InstanceId'), param('AutomationAssumeRole', '')]) },
        sharedWith: [],
      },
    },
    roles: {
      IncidentRunbookRole: roleOf('IncidentRunbookRole', {
        'ssm:StartAutomationExecution': [
          `arn:aws:ssm:${REGION}:${ACCOUNT}:document/Payments-Restart`,
          `arn:aws:ssm:${REGION}:${ACCOUNT}:automation-definition/Payments-Restart:*`,
        ],
        'iam:PassRole': [role('AutomationRole')],
      }),
      CrossAccountRunbookRole: roleOf('CrossAccountRunbookRole', {
        'ssm:StartAutomationExecution': [`arn:aws:ssm:${REGION}:${ACCOUNT}:document/Shared-Diagnose`, `arn:aws:ssm:${REGION}:${ACCOUNT}:automation-definition/Shared-Diagnose:*`],
      }),
    },
    topics: {
      [topic('incident-updates')]: { TopicArn: topic('incident-updates'), Policy: policy(serviceAllows('SNS:Publish', topic('incident-updates'), { StringEqualsIfExists: { 'AWS:SourceAccount': ACCOUNT } })) },
      [topic('incident-chat')]: {
        TopicArn: topic('incident-chat'),
        Policy: policy(serviceAllows('sns:Publish', topic('incident-chat'), { StringEquals: { 'aws:SourceAccount': ACCOUNT } })),
        KmsMasterKeyId: key('9999abcd-12ab-34cd-56ef-1234567890ab'),
      },
    },
    keys: {
      [key('1234abcd-12ab-34cd-56ef-1234567890ab')]: keyOf('1234abcd-12ab-34cd-56ef-1234567890ab', REGION),
      [key('5678abcd-12ab-34cd-56ef-1234567890ab', 'eu-central-1')]: keyOf('5678abcd-12ab-34cd-56ef-1234567890ab', 'eu-central-1'),
      [key('9999abcd-12ab-34cd-56ef-1234567890ab')]: keyOf(
        '9999abcd-12ab-34cd-56ef-1234567890ab',
        REGION,
        'Enabled',
        'CUSTOMER',
        policy(rootAllows, serviceAllows(['kms:Decrypt', 'kms:GenerateDataKey*'], '*')),
      ),
      'alias/aws/sns': keyOf('0000abcd-12ab-34cd-56ef-1234567890ab', REGION, 'Enabled', 'AWS'),
      'alias/aws/secretsmanager': keyOf('1111abcd-12ab-34cd-56ef-1234567890ab', REGION, 'Enabled', 'AWS'),
      // The PagerDuty secret's key, as the user guide's page on the secret gives it.
      [key('7777abcd-12ab-34cd-56ef-1234567890ab')]: keyOf(
        '7777abcd-12ab-34cd-56ef-1234567890ab',
        REGION,
        'Enabled',
        'CUSTOMER',
        policy(rootAllows, serviceAllows(['kms:Decrypt', 'kms:GenerateDataKey*'], '*', { StringEquals: { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` } })),
      ),
    },
    secrets: {
      [secret('pagerduty-AbCdEf')]: {
        ARN: secret('pagerduty-AbCdEf'),
        Name: 'pagerduty',
        ResourcePolicy: policy(serviceAllows('secretsmanager:GetSecretValue', '*', { StringEquals: { 'aws:SourceAccount': ACCOUNT } })),
        KmsKeyId: key('7777abcd-12ab-34cd-56ef-1234567890ab'),
      },
    },
    stacks: [],
  };
  manageAll(fixture);
  return fixture;
}

/** Puts every Incident Manager resource of the fixture in a stack, but those given. */
export function manageAll(fixture: CheckFixture, except: string[] = []): void {
  const { contacts, incidents } = fixture.account;
  const resources: Array<[string, string]> = [
    ...(incidents.replicationSet ? [['AWS::SSMIncidents::ReplicationSet', incidents.replicationSet.arn] as [string, string]] : []),
    ...Object.keys(contacts.get).map((arn): [string, string] => ['AWS::SSMContacts::Contact', arn]),
    ...Object.values(contacts.channels)
      .flat()
      .map((c): [string, string] => ['AWS::SSMContacts::ContactChannel', c.ContactChannelArn]),
    ...contacts.Rotations.map((r): [string, string] => ['AWS::SSMContacts::Rotation', r.RotationArn]),
    ...Object.keys(incidents.plans).map((arn): [string, string] => ['AWS::SSMIncidents::ResponsePlan', arn]),
  ].filter(([, arn]) => !except.includes(arn));
  const stack = (name: string, status: string, list: Array<[string, string]>) => ({
    summary: {
      StackId: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
      StackName: name,
      CreationTime: '2025-01-01T00:00:00Z',
      StackStatus: status,
    },
    resources: list.map(([type, arn], n) => ({
      LogicalResourceId: `Resource${n}`,
      PhysicalResourceId: arn,
      ResourceType: type,
      LastUpdatedTimestamp: '2025-01-01T00:00:00Z',
      ResourceStatus: 'CREATE_COMPLETE',
    })),
  });
  // Two stacks, one with a page of its own, and a stack of something else.
  fixture.stacks.splice(
    0,
    fixture.stacks.length,
    stack('IncidentManagerContacts', 'UPDATE_COMPLETE', resources.filter(([t]) => t.startsWith('AWS::SSMContacts'))),
    stack('IncidentManagerResponsePlans', 'IMPORT_COMPLETE', resources.filter(([t]) => t.startsWith('AWS::SSMIncidents'))),
    stack('Network', 'CREATE_COMPLETE', [['AWS::EC2::VPC', 'vpc-0123456789abcdef0']]),
  );
}

/** One planted problem: the finding it must produce (severity, code, resource). */
export type Planted = [severity: 'error' | 'warning', code: string, resource: string];

/**
 * The healthy account with a problem of every kind, and the findings each must produce, each once.
 */
export function plantedAccount(): { fixture: CheckFixture; expected: Planted[] } {
  const f = healthyAccount();
  const { contacts, incidents } = f.account;
  const expected: Planted[] = [];
  const addContact = (c: any, chs: any[] = []) => {
    contacts.get[c.ContactArn] = c;
    contacts.Contacts.push({ ContactArn: c.ContactArn, Alias: c.Alias, DisplayName: c.DisplayName, Type: c.Type });
    if (chs.length > 0) contacts.channels[c.ContactArn] = chs;
  };

  // bob-roe's SMS channel was never activated; his plan does not use it.
  contacts.channels[contact('bob-roe')].push(ch('bob-roe', 'b-sms', 'SMS', '+12065550101', 'NOT_ACTIVATED'));
  expected.push(['warning', 'channel-not-activated', channel('b-sms')]);
  // alice's second stage names only her phone, not activated: that stage pages nobody.
  contacts.channels[contact('alice')].push(ch('alice', 'a-voice', 'VOICE', '+12065550100', 'NOT_ACTIVATED'));
  contacts.get[contact('alice')].Plan.Stages.push({ DurationInMinutes: 10, Targets: [channelTarget('a-voice')] });
  expected.push(['warning', 'channel-not-activated', channel('a-voice')], ['warning', 'stage-reaches-nobody', contact('alice')]);
  // carol has an activated channel but no engagement plan.
  addContact(personal('carol', []), [ch('carol', 'c-email', 'EMAIL', 'carol@example.com')]);
  expected.push(['error', 'no-engagement-plan', contact('carol')]);
  // dave's plan names only a channel that is not activated.
  addContact(personal('dave', [{ DurationInMinutes: 0, Targets: [channelTarget('d-sms')] }]), [ch('dave', 'd-sms', 'SMS', '+12065550199', 'NOT_ACTIVATED')]);
  expected.push(['warning', 'channel-not-activated', channel('d-sms')], ['error', 'contact-unreachable', contact('dave')]);
  // erin is fine; the backup schedule's rotation puts dave on call too, and starts on Wednesday.
  addContact(personal('erin', [{ DurationInMinutes: 0, Targets: [channelTarget('e-email')] }]), [ch('erin', 'e-email', 'EMAIL', 'erin@example.com')]);
  contacts.Rotations.push({
    RotationArn: rotation('rot-backup'),
    Name: 'Backup_daily',
    ContactIds: [contact('erin'), contact('dave')],
    StartTime: seconds('2027-01-06T00:00:00Z'),
    TimeZoneId: 'UTC',
    Recurrence: { DailySettings: [{ HourOfDay: 0, MinuteOfHour: 0 }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 },
  });
  // By hand: a daily hand-off at midnight from Wednesday 6 January, erin first: erin 6, dave 7, erin
  // 8, dave 9, erin 10 January; nobody before the rotation starts.
  const backup = [
    shift('erin', '2027-01-06T00:00', '2027-01-07T00:00'),
    shift('dave', '2027-01-07T00:00', '2027-01-08T00:00'),
    shift('erin', '2027-01-08T00:00', '2027-01-09T00:00'),
    shift('dave', '2027-01-09T00:00', '2027-01-10T00:00'),
    shift('erin', '2027-01-10T00:00', '2027-01-11T00:00'),
  ];
  contacts.previews![rotation('rot-backup')] = backup;
  f.shifts[rotation('rot-backup')] = backup;
  addContact({ ContactArn: contact('backup-oncall'), Alias: 'backup-oncall', DisplayName: 'Backup', Type: 'ONCALL_SCHEDULE', Plan: { Stages: [], RotationIds: [rotation('rot-backup')] } });
  expected.push(['error', 'schedule-member-unreachable', contact('backup-oncall')], ['warning', 'coverage-gap', contact('backup-oncall')]);
  // A schedule whose rotation was deleted.
  addContact({ ContactArn: contact('ghost-oncall'), Alias: 'ghost-oncall', DisplayName: 'Ghost', Type: 'ONCALL_SCHEDULE', Plan: { Stages: [], RotationIds: [rotation('rot-deleted')] } });
  expected.push(['error', 'schedule-rotation-missing', contact('ghost-oncall')]);
  // An escalation plan without stages; the payments escalation also engages carol and a deleted contact.
  addContact({ ContactArn: contact('empty-escalation'), Alias: 'empty-escalation', DisplayName: 'Empty', Type: 'ESCALATION', Plan: { Stages: [] } });
  contacts.get[contact('payments-escalation')].Plan.Stages[2].Targets.push(contactTarget('carol'), contactTarget('gone'));
  expected.push(
    ['error', 'escalation-no-stages', contact('empty-escalation')],
    ['error', 'escalation-target-unreachable', contact('payments-escalation')],
    ['error', 'escalation-target-unreachable', contact('payments-escalation')],
  );
  // AWS's preview of Weekly_primary gives the week to bob-roe: the library says alice.
  contacts.previews![rotation('rot-weekly')] = [
    shift('alice', '2026-12-28T09:00', '2027-01-04T09:00'),
    shift('bob-roe', '2027-01-04T09:00', '2027-01-11T09:00'),
  ];
  expected.push(['warning', 'library-shifts-differ', rotation('rot-weekly')]);

  // Response plans.
  const p = incidents.plans;
  const critical = p[plan('payments-critical')];
  critical.engagements.push(contact('gone-person'), contact('carol'));
  expected.push(['error', 'engagement-missing', plan('payments-critical')], ['error', 'engagement-unreachable', plan('payments-critical')]);
  critical.actions.push({
    ssmAutomation: { documentName: 'Payments-Restart', documentVersion: '7', roleArn: role('IncidentRunbookRole'), parameters: { Service: ['payments'] } },
  });
  expected.push(['error', 'runbook-version-missing', plan('payments-critical')]);
  const addPlan = (x: any) => {
    p[x.arn] = x;
    incidents.responsePlans.push({ arn: x.arn, name: x.name });
  };
  addPlan({
    arn: plan('ops-restart'),
    name: 'ops-restart',
    incidentTemplate: { title: 'Restart', impact: 4 },
    actions: [{ ssmAutomation: { documentName: 'Deleted-Runbook', roleArn: role('IncidentRunbookRole') } }],
  });
  expected.push(['error', 'runbook-missing', plan('ops-restart')]);
  // Run in the impacted account, a runbook this account does not see may be the application account's own.
  addPlan({
    arn: plan('app-runbook'),
    name: 'app-runbook',
    incidentTemplate: { title: 'Application runbook', impact: 4 },
    actions: [{ ssmAutomation: { documentName: 'App-Only-Runbook', roleArn: role('CrossAccountRunbookRole'), targetAccount: 'IMPACTED_ACCOUNT' } }],
  });
  expected.push(['warning', 'runbook-missing', plan('app-runbook')]);
  // A runbook whose required parameter the plan does not give, started by a role that may not start it.
  f.documents['Payments-Diagnose'] = { defaultVersion: '1', versions: { 1: document('Payments-Diagnose', '1', ACCOUNT, [param('Service'), param('Verbose', 'false')]) }, sharedWith: [] };
  addPlan({
    arn: plan('diagnose'),
    name: 'diagnose',
    incidentTemplate: { title: 'Diagnose', impact: 4 },
    actions: [{ ssmAutomation: { documentName: 'Payments-Diagnose', roleArn: role('IncidentRunbookRole') } }],
  });
  expected.push(['error', 'runbook-parameter-missing', plan('diagnose')], ['error', 'role-denied', role('IncidentRunbookRole')]);
  // The impacted-account runbook is shared with nobody, and its role was deleted.
  f.documents['Shared-Diagnose'].sharedWith = [];
  p[plan('impacted-account')].actions[0].ssmAutomation.roleArn = role('DeletedRunbookRole');
  expected.push(['error', 'runbook-not-shared', plan('impacted-account')], ['error', 'role-missing', role('DeletedRunbookRole')]);
  // A role that trusts Incident Manager only for another account's incidents.
  f.roles.OtherTrustRole = roleOf(
    'OtherTrustRole',
    { 'ssm:StartAutomationExecution': [`arn:aws:ssm:${REGION}::document/AWS-RestartEC2Instance`, `arn:aws:ssm:${REGION}::automation-definition/AWS-RestartEC2Instance:*`] },
    trust(SERVICE, '999988887777'),
  );
  p[plan('minimal')].actions = [
    { ssmAutomation: { documentName: 'AWS-RestartEC2Instance', roleArn: role('OtherTrustRole'), parameters: { InstanceId: ['i-0123456789abcdef0'] } } },
  ];
  expected.push(['error', 'trust-denies', role('OtherTrustRole')]);

  // Topics, keys and secrets.
  f.topics[topic('incident-updates')].Policy = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'SNS:Publish', Resource: topic('incident-updates') });
  expected.push(['error', 'topic-policy-denies', topic('incident-updates')]);
  // A topic of another account is not read (the policy names this account only): the report says so.
  critical.chatChannel.chatbotSns.push(topic('deleted-topic'), topic('incident-chat-aws-key'), OTHER_ACCOUNT_TOPIC);
  f.topics[topic('incident-chat-aws-key')] = {
    TopicArn: topic('incident-chat-aws-key'),
    Policy: policy(serviceAllows('sns:Publish', topic('incident-chat-aws-key'))),
    KmsMasterKeyId: 'alias/aws/sns',
  };
  expected.push(['error', 'topic-missing', topic('deleted-topic')], ['error', 'key-policy-denies', key('0000abcd-12ab-34cd-56ef-1234567890ab')]);
  f.secrets[secret('pagerduty-AbCdEf')].ResourcePolicy = undefined;
  expected.push(['error', 'secret-policy-denies', secret('pagerduty-AbCdEf')]);
  p[plan('minimal')].integrations = [{ pagerDutyConfiguration: { name: 'PagerDuty', secretId: 'pagerduty-deleted', pagerDutyIncidentConfiguration: { serviceId: 'PXYZ789' } } }];
  expected.push(['error', 'secret-missing', 'pagerduty-deleted']);
  // A PagerDuty secret whose policy is right but which is encrypted with the AWS managed key.
  f.secrets[secret('pagerduty-aws-key-XyZabc')] = {
    ARN: secret('pagerduty-aws-key-XyZabc'),
    Name: 'pagerduty-aws-key',
    ResourcePolicy: policy(serviceAllows('secretsmanager:GetSecretValue', '*')),
  };
  addPlan({
    arn: plan('pagerduty-aws-key'),
    name: 'pagerduty-aws-key',
    incidentTemplate: { title: 'PagerDuty', impact: 4 },
    integrations: [{ pagerDutyConfiguration: { name: 'PagerDuty', secretId: secret('pagerduty-aws-key-XyZabc'), pagerDutyIncidentConfiguration: { serviceId: 'PQRS456' } } }],
  });
  expected.push(['error', 'key-policy-denies', key('1111abcd-12ab-34cd-56ef-1234567890ab')]);
  // The replication set's key in Frankfurt is disabled; the one in Ireland was deleted.
  f.keys[key('5678abcd-12ab-34cd-56ef-1234567890ab', 'eu-central-1')].KeyMetadata.KeyState = 'Disabled';
  delete f.keys[key('1234abcd-12ab-34cd-56ef-1234567890ab')];
  expected.push(['error', 'key-disabled', key('5678abcd-12ab-34cd-56ef-1234567890ab', 'eu-central-1')], ['error', 'key-missing', key('1234abcd-12ab-34cd-56ef-1234567890ab')]);

  // Drift: a contact made in the console (with its channel), and a channel added in the console to a
  // contact a stack manages.
  addContact(personal('console-person', [{ DurationInMinutes: 0, Targets: [channelTarget('cp-email')] }]), [ch('console-person', 'cp-email', 'EMAIL', 'cp@example.com')]);
  contacts.channels[contact('erin')].push(ch('erin', 'e-email-2', 'EMAIL', 'erin.home@example.com'));
  manageAll(f, [contact('console-person'), channel('cp-email'), channel('e-email-2')]);
  expected.push(['warning', 'unmanaged', contact('console-person')], ['warning', 'unmanaged', channel('e-email-2')]);
  return { fixture: f, expected };
}
