import * as fs from 'fs';
import * as path from 'path';
import { CloudFormationClient, ListStackResourcesCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient } from '@aws-sdk/client-kms';
import { DescribeSecretCommand, GetResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { DescribeDocumentCommand, DescribeDocumentPermissionCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  GetContactCommand,
  ListContactChannelsCommand,
  ListContactsCommand,
  ListPreviewRotationShiftsCommand,
  ListRotationShiftsCommand,
  ListRotationsCommand,
  ListTagsForResourceCommand,
  SSMContactsClient,
} from '@aws-sdk/client-ssm-contacts';
import {
  GetReplicationSetCommand,
  GetResponsePlanCommand,
  ListReplicationSetsCommand,
  ListResponsePlansCommand,
  ListTagsForResourceCommand as ListIncidentTagsCommand,
  SSMIncidentsClient,
} from '@aws-sdk/client-ssm-incidents';
import * as cdk from 'aws-cdk-lib';
import { mockClient } from 'aws-sdk-client-mock';
import { CheckFake, CheckService, checkRequestHandler } from './check-fake';
import { ACCOUNT, CheckFixture, NOW, OTHER_ACCOUNT_TOPIC, REGION, WEEKS, channel, contact, healthyAccount, plan, plantedAccount, role, rotation } from './check-fixture';
import { toSdkShape } from './fake-account';
import { readApp } from '../../adopt/check/app';
import { CheckClients, CheckReport, gapsOf, runCheck } from '../../adopt/check/check';
import { checkPolicy } from '../../adopt/check/policy';
import { renderText } from '../../adopt/check/report';
import { main } from '../../adopt/cli';
import { planAdoption } from '../../adopt/plan';
import { readAccount } from '../../adopt/read';
import { buildAdoptedApp } from '../../adopt/synth';
import * as im from '../../src';
import { checkPolicyDocument, checkRequiredResources, wildcardRegex } from '../support/iam-check';

const modules = { im, cdk };

/** Every client class, answered by the fake through aws-sdk-client-mock (SDK shapes, no HTTP). */
function mockServices(fake: CheckFake) {
  const answer = (service: CheckService, operation: string) => (input: any) => toSdkShape(fake.handle(service, operation, input));
  const table: Array<[any, CheckService, Array<[any, string]>]> = [
    [
      SSMContactsClient,
      'contacts',
      [
        [ListContactsCommand, 'ListContacts'],
        [GetContactCommand, 'GetContact'],
        [ListContactChannelsCommand, 'ListContactChannels'],
        [ListRotationsCommand, 'ListRotations'],
        [ListTagsForResourceCommand, 'ListTagsForResource'],
        [ListPreviewRotationShiftsCommand, 'ListPreviewRotationShifts'],
        [ListRotationShiftsCommand, 'ListRotationShifts'],
      ],
    ],
    [
      SSMIncidentsClient,
      'incidents',
      [
        [ListReplicationSetsCommand, 'ListReplicationSets'],
        [GetReplicationSetCommand, 'GetReplicationSet'],
        [ListResponsePlansCommand, 'ListResponsePlans'],
        [GetResponsePlanCommand, 'GetResponsePlan'],
        [ListIncidentTagsCommand, 'ListTagsForResource'],
      ],
    ],
    [
      SSMClient,
      'ssm',
      [
        [DescribeDocumentCommand, 'DescribeDocument'],
        [DescribeDocumentPermissionCommand, 'DescribeDocumentPermission'],
      ],
    ],
    [
      IAMClient,
      'iam',
      [
        [GetRoleCommand, 'GetRole'],
        [SimulatePrincipalPolicyCommand, 'SimulatePrincipalPolicy'],
      ],
    ],
    [SNSClient, 'sns', [[GetTopicAttributesCommand, 'GetTopicAttributes']]],
    [
      KMSClient,
      'kms',
      [
        [DescribeKeyCommand, 'DescribeKey'],
        [GetKeyPolicyCommand, 'GetKeyPolicy'],
      ],
    ],
    [
      SecretsManagerClient,
      'secretsmanager',
      [
        [GetResourcePolicyCommand, 'GetResourcePolicy'],
        [DescribeSecretCommand, 'DescribeSecret'],
      ],
    ],
    [
      CloudFormationClient,
      'cloudformation',
      [
        [ListStacksCommand, 'ListStacks'],
        [ListStackResourcesCommand, 'ListStackResources'],
      ],
    ],
  ];
  const mocks = table.map(([client, service, commands]) => {
    // The clients are built on different SDK core versions, whose middleware types differ.
    const mock: any = mockClient(client as never);
    for (const [command, operation] of commands) mock.on(command).callsFake(answer(service, operation));
    return mock;
  });
  return { restore: () => mocks.forEach((m) => m.restore()) };
}

function sdkClients(config: object = {}): CheckClients {
  const c = (r: string) => ({ region: r, credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' }, ...config });
  return {
    contacts: new SSMContactsClient(c(REGION)),
    incidents: new SSMIncidentsClient(c(REGION) as never),
    ssm: new SSMClient(c(REGION)),
    iam: new IAMClient(c(REGION)),
    cloudformation: new CloudFormationClient(c(REGION)),
    sns: (r) => new SNSClient(c(r)),
    kms: (r) => new KMSClient(c(r)),
    secretsManager: (r) => new SecretsManagerClient(c(r)),
  };
}

async function check(fixture: CheckFixture, withLibrary = true): Promise<{ report: CheckReport; fake: CheckFake }> {
  const fake = new CheckFake(fixture);
  const mocks = mockServices(fake);
  try {
    const report = await runCheck({ clients: sdkClients(), region: REGION, weeks: WEEKS, now: NOW, modules: withLibrary ? modules : undefined });
    return { report, fake };
  } finally {
    mocks.restore();
  }
}

const triples = (report: CheckReport) => report.findings.map((f) => [f.severity, f.code, f.resource].join(' ')).sort();

describe('check, on a healthy recorded account', () => {
  let run: Awaited<ReturnType<typeof check>>;
  beforeAll(async () => {
    run = await check(healthyAccount());
  }, 60_000);

  test('THEN it reports nothing', () => {
    expect(run.report.findings).toEqual([]);
    expect(run.report.notChecked).toEqual([]);
    expect(renderText(run.report)).toContain('0 errors (a page or a runbook would fail), 0 warnings');
  });

  test('THEN it read every kind of resource it checks, and only read', () => {
    const called = new Set(run.fake.calls.map((c) => `${c.service}.${c.operation}`));
    for (const operation of [
      'contacts.ListRotationShifts',
      'contacts.ListPreviewRotationShifts',
      'ssm.DescribeDocument',
      'ssm.DescribeDocumentPermission',
      'iam.GetRole',
      'iam.SimulatePrincipalPolicy',
      'sns.GetTopicAttributes',
      'kms.DescribeKey',
      'kms.GetKeyPolicy',
      'secretsmanager.GetResourcePolicy',
      'cloudformation.ListStacks',
      'cloudformation.ListStackResources',
    ]) {
      expect(called).toContain(operation);
    }
    // Two pages of stacks; the stack of something else is read too (its resources are not Incident Manager's).
    expect(run.fake.calls.filter((c) => c.operation === 'ListStacks').length).toBe(2);
    expect(run.report.stats.calls).toBe(run.fake.calls.length);
  });

  test('THEN the simulator is asked the requests Incident Manager makes with the runbook role, on the runbook ARNs', () => {
    const simulated = run.fake.calls.filter((c) => c.operation === 'SimulatePrincipalPolicy').map((c) => c.input);
    expect(simulated).toContainEqual(
      expect.objectContaining({
        PolicySourceArn: role('IncidentRunbookRole'),
        ActionNames: ['ssm:StartAutomationExecution'],
        ResourceArns: [
          `arn:aws:ssm:${REGION}:${ACCOUNT}:document/Payments-Restart`,
          `arn:aws:ssm:${REGION}:${ACCOUNT}:automation-definition/Payments-Restart:$DEFAULT`,
        ],
      }),
    );
    expect(simulated).toContainEqual(
      expect.objectContaining({
        PolicySourceArn: role('IncidentRunbookRole'),
        ActionNames: ['iam:PassRole'],
        ResourceArns: [role('AutomationRole')],
        ContextEntries: [{ ContextKeyName: 'iam:PassedToService', ContextKeyType: 'string', ContextKeyValues: ['ssm.amazonaws.com'] }],
      }),
    );
  });
});

describe('check, on a recorded account with a problem of every kind', () => {
  let run: Awaited<ReturnType<typeof check>>;
  let expected: ReturnType<typeof plantedAccount>['expected'];
  beforeAll(async () => {
    const planted = plantedAccount();
    expected = planted.expected;
    run = await check(planted.fixture);
  }, 60_000);

  test('THEN each planted problem is reported once, with its severity, and nothing else', () => {
    expect(triples(run.report)).toEqual(expected.map((e) => e.join(' ')).sort());
  });

  test('THEN what belongs to another account is named as not checked, and not read', () => {
    expect(run.report.notChecked).toEqual([`topic ${OTHER_ACCOUNT_TOPIC} (payments-critical (chat channel)): of another account`]);
    expect(run.fake.calls.some((c) => JSON.stringify(c.input).includes('999988887777'))).toBe(false);
    expect(renderText(run.report)).toContain(`Not checked:\n- topic ${OTHER_ACCOUNT_TOPIC}`);
  });

  test('THEN errors come first, and each finding says what to do', () => {
    const severities = run.report.findings.map((f) => f.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    for (const f of run.report.findings) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.fix.length).toBeGreaterThan(10);
    }
  });

  test('THEN the coverage gap is the two days before the backup rotation starts, from AWS\'s shifts', () => {
    const gap = run.report.findings.find((f) => f.code === 'coverage-gap')!;
    expect(gap.message).toContain('nobody on call for 48 hours of the next 1 week');
    expect(gap.message).toContain('in 1 gap: 2027-01-04T00:00Z to 2027-01-06T00:00Z');
  });

  test('THEN the library finding names the shift where AWS and the library disagree', () => {
    const differs = run.report.findings.find((f) => f.code === 'library-shifts-differ')!;
    expect(differs.message).toContain('AWS 2027-01-04T00:00:00.000Z to 2027-01-04T09:00:00.000Z: alice; library 2027-01-04T00:00:00.000Z to 2027-01-04T09:00:00.000Z: bob-roe');
  });

  test('THEN the denied request names the runbook the role may not start, and the missing parameter is named', () => {
    const denied = run.report.findings.find((f) => f.code === 'role-denied')!;
    expect(denied.message).toContain(`arn:aws:ssm:${REGION}:${ACCOUNT}:document/Payments-Diagnose (implicitDeny)`);
    expect(denied.message).not.toContain('Payments-Restart');
    expect(denied.message).toContain('the runbook of diagnose would not start');
    expect(run.report.findings.find((f) => f.code === 'runbook-parameter-missing')!.message).toContain('requires Service,');
    const targets = run.report.findings.filter((f) => f.code === 'escalation-target-unreachable').map((f) => f.message);
    expect(targets).toEqual(
      expect.arrayContaining([expect.stringContaining('engages carol, which reaches nobody'), expect.stringContaining('engages gone, which does not exist')]),
    );
  });

  test('THEN without the library the comparison is left out and everything else is the same', async () => {
    const { report } = await check(plantedAccount().fixture, false);
    expect(triples(report)).toEqual(
      expected
        .filter((e) => e[1] !== 'library-shifts-differ')
        .map((e) => e.join(' '))
        .sort(),
    );
  }, 60_000);
});

describe('check, when AWS\'s preview of the shifts cannot be read', () => {
  test('GIVEN ListPreviewRotationShifts fails THEN everything else is checked, and the report says what was not', async () => {
    const fixture = healthyAccount();
    fixture.account.contacts.previews = {}; // the fake answers ValidationException
    const { report } = await check(fixture);
    expect(report.findings).toEqual([]);
    expect(report.notChecked).toEqual([expect.stringMatching(/^the library's shifts against AWS's preview: no recorded preview/)]);
  }, 60_000);
});

describe('check, through the services\' wire protocols', () => {
  test('GIVEN the planted account answered over HTTP (awsJson1_1, restJson1, awsQuery) THEN the findings are the same', async () => {
    const { fixture, expected } = plantedAccount();
    const fake = new CheckFake(fixture);
    const report = await runCheck({
      clients: sdkClients({ requestHandler: checkRequestHandler(fake) }),
      region: REGION,
      weeks: WEEKS,
      now: NOW,
      modules,
    });
    expect(triples(report)).toEqual(expected.map((e) => e.join(' ')).sort());
  }, 60_000);
});

describe('the read-only policy check documents', () => {
  test('THEN it is the one the README shows, and `*` is only for actions without resources', () => {
    const policy = checkPolicy(ACCOUNT, REGION);
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = readme.split('## Checking the live account')[1].split('```json\n')[1].split('\n```')[0];
    expect(JSON.parse(block)).toEqual(policy);
    expect(checkPolicyDocument(policy, 'identity', 'check policy')).toEqual([]);
    expect(checkRequiredResources(policy, 'check policy', (r) => (typeof r === 'string' ? r : undefined))).toEqual([]);
  });

  test('THEN it names exactly the actions the check calls, each on the resource it calls it on', async () => {
    const policy = checkPolicy(ACCOUNT, REGION);
    const fakes = [(await check(healthyAccount())).fake, (await check(plantedAccount().fixture)).fake];
    const prefix: { [service in CheckService]: string } = {
      contacts: 'ssm-contacts',
      incidents: 'ssm-incidents',
      ssm: 'ssm',
      iam: 'iam',
      sns: 'sns',
      kms: 'kms',
      secretsmanager: 'secretsmanager',
      cloudformation: 'cloudformation',
    };
    const calls = fakes.flatMap((f) => f.calls);
    const called = new Set(calls.map((c) => `${prefix[c.service]}:${c.operation}`));
    const granted = new Set(policy.Statement.flatMap((s: any) => [s.Action].flat()));
    expect([...granted].sort()).toEqual([...called].sort());
    // The resource each of the check's own calls acts on (KMS authorizes on the key an alias names).
    const fixture = plantedAccount().fixture;
    const resourceOf = (c: (typeof calls)[number]): string | undefined => {
      const i = c.input;
      switch (`${c.service}.${c.operation}`) {
        case 'contacts.ListRotationShifts':
          return i.RotationId;
        case 'ssm.DescribeDocument':
        case 'ssm.DescribeDocumentPermission': {
          const owner = fixture.documents[i.Name]?.versions[fixture.documents[i.Name].defaultVersion].Owner;
          return `arn:aws:ssm:${REGION}:${owner === 'Amazon' ? '' : ACCOUNT}:document/${i.Name}`;
        }
        case 'iam.GetRole':
          return role(i.RoleName);
        case 'iam.SimulatePrincipalPolicy':
          return i.PolicySourceArn;
        case 'sns.GetTopicAttributes':
          return i.TopicArn;
        case 'kms.DescribeKey':
        case 'kms.GetKeyPolicy':
          return fixture.keys[i.KeyId]?.KeyMetadata.Arn ?? i.KeyId;
        case 'secretsmanager.GetResourcePolicy':
        case 'secretsmanager.DescribeSecret':
          return i.SecretId.startsWith('arn:') ? i.SecretId : `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${i.SecretId}-AbCdEf`;
        case 'cloudformation.ListStackResources':
          return fixture.stacks.find((s) => s.summary.StackName === i.StackName)?.summary.StackId;
        default:
          return undefined; // adopt's reader: its own test checks its calls
      }
    };
    for (const c of calls) {
      const resource = resourceOf(c);
      if (!resource) continue;
      const action = `${prefix[c.service]}:${c.operation}`;
      const statements = policy.Statement.filter((s: any) => [s.Action].flat().includes(action)) as any[];
      const allowed = statements.some((s) => [s.Resource].flat().some((r: string) => wildcardRegex(r, false).test(resource)));
      expect({ action, resource, allowed }).toEqual({
        action,
        resource,
        allowed: true,
      });
    }
  }, 120_000);
});

describe('the check command', () => {
  async function cli(args: string[], fixture?: CheckFixture): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((s: any) => (out.push(String(s)), true));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s: any) => (err.push(String(s)), true));
    const mocks = fixture ? mockServices(new CheckFake(fixture)) : undefined;
    const env = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake' });
    try {
      const code = await main(args);
      return { code, out: out.join(''), err: err.join('') };
    } finally {
      process.env = env;
      mocks?.restore();
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }
  const args = ['check', '--region', REGION, '--weeks', String(WEEKS), '--start', NOW.toISOString()];

  test('GIVEN a healthy account THEN exit 0, the report on stdout and progress on stderr', async () => {
    const { code, out, err } = await cli(args, healthyAccount());
    expect(code).toBe(0);
    expect(out).toContain(`Incident Manager check of account ${ACCOUNT}, Region ${REGION}, at 2027-01-04T00:00:00.000Z (shifts: next 1 week)`);
    expect(out).toContain('Nothing found');
    expect(err).toMatch(/^check: /m);
    expect(out).not.toMatch(/^check: /m);
  });

  test('GIVEN problems THEN exit 1, and --json gives every finding', async () => {
    const { fixture, expected } = plantedAccount();
    const { code, out } = await cli([...args, '--json'], fixture);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    // The command runs without the library's build (lib/) here: no comparison with the library.
    expect(report.findings.length).toBe(expected.length - 1);
    expect(report.errors).toBe(expected.filter((e) => e[0] === 'error').length);
    expect(report.findings[0]).toEqual(
      expect.objectContaining({ severity: 'error', area: expect.any(String), code: expect.any(String), resource: expect.any(String), fix: expect.any(String) }),
    );
  });

  test('GIVEN bad options THEN exit 2 with what is allowed', async () => {
    expect(await cli(['check', '--region', REGION, '--weeks', '60'])).toEqual(expect.objectContaining({ code: 2, err: expect.stringContaining('--weeks 60: give a whole number from 1 to 52') }));
    expect(await cli(['check', '--region', 'Ireland'])).toEqual(expect.objectContaining({ code: 2, err: expect.stringContaining('--region Ireland') }));
    expect(await cli(['check', '--region', REGION, '--start', 'tomorrow'])).toEqual(expect.objectContaining({ code: 2, err: expect.stringContaining('--start tomorrow') }));
    expect(await cli(['check', '--region', REGION, '--out', 'x'])).toEqual(expect.objectContaining({ code: 2, err: expect.stringContaining('Unknown option "--out"') }));
    expect(await cli(['check', '--region', REGION, '--app'])).toEqual(expect.objectContaining({ code: 2, err: expect.stringContaining('--app needs a value') }));
    expect(await cli(['check', '--region', REGION, '--app', __dirname], healthyAccount())).toEqual(
      expect.objectContaining({ code: 2, err: expect.stringContaining('the directory has no manifest.json; give a cloud assembly') }),
    );
    expect(await cli(['check', '--region', REGION, '--app', path.join(__dirname, 'no-such-assembly')], healthyAccount())).toEqual(
      expect.objectContaining({ code: 2, err: expect.stringContaining('check failed') }),
    );
  });

  test('THEN `policy --for check` prints the check\'s policy', async () => {
    const { code, out } = await cli(['policy', '--account', ACCOUNT, '--region', REGION, '--for', 'check']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(checkPolicy(ACCOUNT, REGION));
  });
});

describe('check --app, the app\'s Incident Manager resources against the account', () => {
  /**
   * The app: the healthy account as adopt writes it (its templates are checked against the account
   * property by property in adopt.test.ts), synthesized to a cloud assembly; the account's stacks are
   * those templates as deployed, with the ARNs adopt's mappings name.
   */
  async function adoptedApp(fixture: CheckFixture): Promise<string> {
    const fake = new CheckFake(fixture);
    const mocks = mockServices(fake);
    try {
      const snapshot = await readAccount({ contacts: sdkClients().contacts, incidents: sdkClients().incidents, region: REGION, concurrency: 4 });
      const adoption = planAdoption(snapshot, { maxResourcesPerStack: 200, stackPrefix: 'IncidentManager', modules });
      fs.mkdirSync(path.join(__dirname, '.out'), { recursive: true });
      const outdir = fs.mkdtempSync(path.join(__dirname, '.out', 'check-app-'));
      const built = buildAdoptedApp(adoption, modules, new cdk.App({ outdir }));
      const assembly = built.app.synth();
      fixture.stacks.splice(
        0,
        fixture.stacks.length,
        ...assembly.stacks.map((s) => ({
          summary: { StackId: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${s.stackName}/0a1b2c3d`, StackName: s.stackName, StackStatus: 'IMPORT_COMPLETE' },
          resources: Object.entries(built.mappings[s.stackName]).map(([logicalId, { Arn }]) => ({
            LogicalResourceId: logicalId,
            PhysicalResourceId: Arn,
            ResourceType: s.template.Resources[logicalId].Type,
            ResourceStatus: 'IMPORT_COMPLETE',
          })),
        })),
      );
      return outdir;
    } finally {
      mocks.restore();
    }
  }

  async function checkApp(fixture: CheckFixture, app: string) {
    const fake = new CheckFake(fixture);
    const mocks = mockServices(fake);
    try {
      return await runCheck({ clients: sdkClients(), region: REGION, weeks: WEEKS, now: NOW, app: readApp(app) });
    } finally {
      mocks.restore();
    }
  }

  test('GIVEN the app deployed as it is THEN nothing differs, whether from cdk.out or an app command', async () => {
    const fixture = healthyAccount();
    const outdir = await adoptedApp(fixture);
    expect((await checkApp(fixture, outdir)).findings).toEqual([]);
    // An app command writes its assembly where CDK_OUTDIR says.
    expect((await checkApp(fixture, `cp -r '${outdir}'/. "$CDK_OUTDIR"`)).findings).toEqual([]);
  }, 60_000);

  test('GIVEN changes made outside CloudFormation THEN each is reported once, naming the properties', async () => {
    const fixture = healthyAccount();
    const outdir = await adoptedApp(fixture);
    const { contacts, incidents } = fixture.account;
    // A number changed in the console, and a rotation moved to another time zone.
    contacts.channels[contact('alice')][1].DeliveryAddress.SimpleAddress = '+12065550111';
    contacts.Rotations[0].TimeZoneId = 'Europe/Paris';
    // A plan deleted in the console; a plan the stack does not hold (a failed deployment); a stack not deployed.
    delete incidents.plans[plan('payments-critical')];
    incidents.responsePlans = incidents.responsePlans.filter((p) => p.arn !== plan('payments-critical'));
    const plans = fixture.stacks.find((s) => s.resources.some((r: any) => r.PhysicalResourceId === plan('minimal')))!;
    const minimal = plans.resources.find((r: any) => r.PhysicalResourceId === plan('minimal'));
    plans.resources = plans.resources.filter((r: any) => r !== minimal);
    fixture.stacks.splice(fixture.stacks.findIndex((s) => s.summary.StackName === 'IncidentManagerReplicationSet'), 1);

    const report = await checkApp(fixture, outdir);
    const app = report.findings.filter((f) => f.code.startsWith('app-'));
    expect(app.map((f) => [f.severity, f.code, f.resource].join(' ')).sort()).toEqual(
      [
        `warning app-differs ${channel('a-sms')}`,
        `warning app-differs ${rotation('rot-weekly')}`,
        `warning app-resource-deleted ${plan('payments-critical')}`,
        `warning app-resource-not-deployed ${plans.summary.StackName}/${minimal.LogicalResourceId}`,
        'warning app-stack-not-deployed IncidentManagerReplicationSet',
      ].sort(),
    );
    expect(app.find((f) => f.resource === channel('a-sms'))!.message).toContain('ChannelAddress (app "+12065550100", account "+12065550111")');
    // 09:00 UTC on 6 January 2025 is 10:00 in Paris (CET, UTC+1).
    const moved = app.find((f) => f.resource === rotation('rot-weekly'))!.message;
    expect(moved).toContain('StartTime (app "2025-01-06T09:00:00", account "2025-01-06T10:00:00")');
    expect(moved).toContain('TimeZoneId (app "UTC", account "Europe/Paris")');
  }, 60_000);
});

describe('check --app, with stacks of other Regions', () => {
  test('GIVEN a stack of the app in another Region THEN it is not compared, and the report lists it under "Not checked"', async () => {
    const fixture = healthyAccount();
    const fake = new CheckFake(fixture);
    const mocks = mockServices(fake);
    try {
      const app = [
        { name: 'Contacts', region: REGION, template: { Resources: { C: { Type: 'AWS::SSMContacts::Contact', Properties: { Alias: 'x' } } } } },
        { name: 'UsContacts', region: 'us-west-2', template: { Resources: { A: { Type: 'AWS::SSMContacts::Contact' }, B: { Type: 'AWS::SSMContacts::Rotation' } } } },
        { name: 'UsTopics', region: 'us-west-2', template: { Resources: { T: { Type: 'AWS::SNS::Topic' } } } },
      ];
      const report = await runCheck({ clients: sdkClients(), region: REGION, weeks: WEEKS, now: NOW, app });
      // Contacts is compared (not deployed); UsContacts is not, and is said; UsTopics has nothing to compare.
      expect(report.findings.filter((f) => f.code.startsWith('app-')).map((f) => f.resource)).toEqual(['Contacts']);
      expect(report.notChecked).toEqual([`stack UsContacts of the app (2 Incident Manager resources): in us-west-2, not ${REGION}; check it with --region us-west-2`]);
      expect(renderText(report)).toContain(`Not checked:\n- stack UsContacts of the app (2 Incident Manager resources): in us-west-2, not ${REGION}`);
    } finally {
      mocks.restore();
    }
  }, 60_000);
});

describe('gaps in the shifts', () => {
  test('THEN overlapping and touching shifts cover, and gaps at either end and between are found', () => {
    const s = (start: number, end: number) => ({ start, end });
    expect(gapsOf([s(0, 10), s(5, 20), s(30, 40)], 0, 50)).toEqual([s(20, 30), s(40, 50)]);
    expect(gapsOf([s(10, 20), s(20, 30)], 0, 30)).toEqual([s(0, 10)]);
    expect(gapsOf([], 0, 10)).toEqual([s(0, 10)]);
    expect(gapsOf([s(-5, 100)], 0, 10)).toEqual([]);
    expect(gapsOf([s(40, 60)], 0, 50)).toEqual([s(0, 40)]);
  });
});
