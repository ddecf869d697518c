import * as fs from 'fs';
import * as path from 'path';
import {
  GetContactCommand,
  ListContactChannelsCommand,
  ListContactsCommand,
  ListPreviewRotationShiftsCommand,
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
import { ACCOUNT, EXPECTED_FINDINGS, REGION, WireFixture, accountFixture, addPeople } from './account-fixture';
import { driftProblems, instantOf } from './drift';
import { FakeAccount, fakeRequestHandler, toSdkShape } from './fake-account';
import { adopt, AdoptResult } from '../../adopt/adopt';
import { wallClock } from '../../adopt/plan';
import { readPolicy } from '../../adopt/read';
import * as im from '../../src';
import { checkPolicyDocument, checkRequiredResources } from '../support/iam-check';
import { templateProblems } from '../support/template-check';

const modules = { im, cdk };

/** The two clients, answered by the fake through aws-sdk-client-mock (SDK shapes, no HTTP). */
function mockedClients(fake: FakeAccount) {
  const contacts = new SSMContactsClient({ region: REGION });
  const incidents = new SSMIncidentsClient({ region: REGION });
  const c = mockClient(contacts);
  // The two clients are built on different SDK core versions, whose middleware types differ.
  const i: any = mockClient(incidents as never);
  const answer = (service: 'contacts' | 'incidents', operation: string) => (input: any) =>
    toSdkShape(fake.handle(service, operation, input));
  c.on(ListContactsCommand).callsFake(answer('contacts', 'ListContacts'));
  c.on(GetContactCommand).callsFake(answer('contacts', 'GetContact'));
  c.on(ListContactChannelsCommand).callsFake(answer('contacts', 'ListContactChannels'));
  c.on(ListRotationsCommand).callsFake(answer('contacts', 'ListRotations'));
  c.on(ListTagsForResourceCommand).callsFake(answer('contacts', 'ListTagsForResource'));
  c.on(ListPreviewRotationShiftsCommand).callsFake(answer('contacts', 'ListPreviewRotationShifts'));
  i.on(ListReplicationSetsCommand).callsFake(answer('incidents', 'ListReplicationSets'));
  i.on(GetReplicationSetCommand).callsFake(answer('incidents', 'GetReplicationSet'));
  i.on(ListResponsePlansCommand).callsFake(answer('incidents', 'ListResponsePlans'));
  i.on(GetResponsePlanCommand).callsFake(answer('incidents', 'GetResponsePlan'));
  i.on(ListIncidentTagsCommand).callsFake(answer('incidents', 'ListTagsForResource'));
  return { contacts, incidents, mocks: [c, i] };
}

async function runAdopt(
  fixture: WireFixture,
  options: { maxResourcesPerStack?: number; previewWeeks?: number; now?: Date } = {},
): Promise<{ result: AdoptResult; out: string; fake: FakeAccount; sent: string[] }> {
  const fake = new FakeAccount(fixture);
  const { contacts, incidents, mocks } = mockedClients(fake);
  // Inside the project, so that the written module resolves aws-cdk-lib from its node_modules.
  fs.mkdirSync(path.join(__dirname, '.out'), { recursive: true });
  const out = fs.mkdtempSync(path.join(__dirname, '.out', 'adopt-'));
  const result = await adopt({
    contacts,
    incidents,
    region: REGION,
    outDir: out,
    modules,
    now: new Date('2026-11-30T12:00:00Z'),
    ...options,
  });
  const sent = mocks.flatMap((m: any) => m.calls().map((call: any) => call.args[0].constructor.name as string));
  mocks.forEach((m: any) => m.restore());
  return { result, out, fake, sent };
}

/** The ARNs left out, with the channels of the contacts left out. */
function leftOutArns(result: AdoptResult, fixture: WireFixture): Set<string> {
  const arns = new Set(result.plan.findings.filter((f) => f.kind === 'left out').map((f) => f.arn));
  for (const [contactArn, channels] of Object.entries(fixture.contacts.channels)) {
    if (arns.has(contactArn)) channels.forEach((ch) => arns.add(ch.ContactChannelArn));
  }
  return arns;
}

describe('adopt, on the recorded account', () => {
  const fixture = accountFixture();
  let run: Awaited<ReturnType<typeof runAdopt>>;
  beforeAll(async () => {
    run = await runAdopt(fixture);
  });

  test('THEN it only reads, with the calls the APIs need', () => {
    expect(new Set(run.sent)).toEqual(
      new Set([
        'ListReplicationSetsCommand',
        'GetReplicationSetCommand',
        'ListContactsCommand',
        'GetContactCommand',
        'ListContactChannelsCommand',
        'ListRotationsCommand',
        'ListTagsForResourceCommand',
        'ListResponsePlansCommand',
        'GetResponsePlanCommand',
      ]),
    );
    // 9 contacts: GetContact and tags each, channels for the 5 personal ones; 4 rotations: tags;
    // 8 plans: GetResponsePlan and tags; the replication set: get and tags; 4 lists.
    expect(run.result.stats.calls).toBe(9 * 2 + 5 + 4 + 8 * 2 + 2 + 4);
    expect(run.fake.requests).toBe(run.result.stats.calls);
  });

  test('THEN it reports exactly what cannot be adopted unchanged', () => {
    const found = run.result.plan.findings.map((f) => `${f.kind} ${f.arn}`).sort();
    const expected = Object.entries(EXPECTED_FINDINGS).map(([arn, kind]) => `${kind} ${arn}`);
    // aws-owned differs twice: no target account, and the PagerDuty secret by name.
    expected.push(`differs ${Object.keys(EXPECTED_FINDINGS).find((a) => a.endsWith('/aws-owned'))}`);
    expect(found).toEqual(expected.sort());
    const report = fs.readFileSync(path.join(run.out, 'REPORT.md'), 'utf8');
    expect(report).toContain('display name "Zoë Smith"');
    expect(report).toContain('rotation name "eu-nights"');
  });

  test('THEN the written module synthesizes to the templates the mapping was read from', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(path.join(run.out, 'incident-manager.ts'));
    const app = new cdk.App();
    const stacks: cdk.Stack[] = generated.defineIncidentManager(app);
    const assembly = app.synth();
    expect(stacks.map((s) => s.stackName)).toEqual(run.result.plan.stacks.map((s) => s.name));
    for (const stack of stacks) {
      const template = assembly.getStackByName(stack.stackName).template;
      expect(new Set(Object.keys(template.Resources))).toEqual(new Set(Object.keys(run.result.mappings[stack.stackName])));
      expect(template.Parameters).toBeUndefined();
      expect(template.Rules).toBeUndefined();
      expect(template.Outputs).toBeUndefined();
      expect(templateProblems(template)).toEqual([]);
    }
  });

  test('THEN every other stack depends on the replication set\'s stack, which the report imports first', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(path.join(run.out, 'incident-manager.ts'));
    const app = new cdk.App();
    generated.defineIncidentManager(app);
    const assembly = app.synth();
    const others = assembly.stacks.filter((s) => s.stackName !== 'IncidentManagerReplicationSet');
    expect(others.length).toBeGreaterThan(0);
    for (const stack of others) expect(stack.dependencies.map((d) => d.id)).toContain('IncidentManagerReplicationSet');
    const steps = fs.readFileSync(path.join(run.out, 'REPORT.md'), 'utf8').split('## Next steps\n')[1];
    expect(steps.indexOf('npx cdk import IncidentManagerReplicationSet ')).toBeLessThan(steps.indexOf('npx cdk import <stack> '));
  });

  test('THEN the library\'s warnings in the report name the PagerDuty secrets by ARN and give statements to paste, with no token', () => {
    const warnings = fs.readFileSync(path.join(run.out, 'REPORT.md'), 'utf8').split('## Warnings from the library\n')[1].split('\n## ')[0];
    // aws-owned names its secret by name (GetResponsePlan's secretId), payments-critical by ARN.
    expect(warnings).toContain(`The PagerDuty secret arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:pagerduty-token is imported`);
    expect(warnings).toMatch(new RegExp(`"kms:ViaService":\\[[^\\]]*"secretsmanager.${REGION}.amazonaws.com"`));
    expect(warnings).not.toMatch(/Token\[|Fn::Join|"Ref"/);
  });

  test('THEN after the import CloudFormation holds what the account has, resource by resource', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(path.join(run.out, 'incident-manager.ts'));
    const app = new cdk.App();
    generated.defineIncidentManager(app);
    const assembly = app.synth();
    const templates = Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.template]));
    const mappings = Object.fromEntries(
      run.result.plan.stacks.map((s) => [s.name, JSON.parse(fs.readFileSync(path.join(run.out, 'import', `${s.name}.json`), 'utf8'))]),
    );
    const differs = new Set(run.result.plan.findings.filter((f) => f.kind === 'differs').map((f) => f.arn));
    expect([...differs]).toEqual([`arn:aws:ssm-incidents::${ACCOUNT}:response-plan/aws-owned`]);
    expect(driftProblems(templates, mappings, fixture, leftOutArns(run.result, fixture), differs)).toEqual([]);
    // What differs, as reported: the API's default target account, and the secret by partial ARN.
    const awsOwned: any = Object.values(templates.IncidentManagerResponsePlans1.Resources).find(
      (r: any) => r.Properties.Name === 'aws-owned',
    );
    expect(awsOwned.Properties.Actions[0].SsmAutomation.TargetAccount).toBe('RESPONSE_PLAN_OWNER_ACCOUNT');
    expect(JSON.stringify(awsOwned.Properties.Integrations[0].PagerDutyConfiguration.SecretId)).toContain(
      ':secretsmanager:eu-west-1:111122223333:secret:pagerduty-token',
    );
    // The shapes the console makes that CloudFormation holds unchanged, as the resource reference
    // writes them: a retry interval per target, no empty strings, two topics of one Region.
    const all: any[] = Object.values(templates).flatMap((t: any) => Object.values(t.Resources));
    const plansOf = (name: string) => all.find((r) => r.Type === 'AWS::SSMIncidents::ResponsePlan' && r.Properties.Name === name).Properties;
    const dave = all.find((r) => r.Type === 'AWS::SSMContacts::Plan' && JSON.stringify(r.Properties.Stages).includes('"DurationInMinutes":15'));
    const retries = dave.Properties.Stages.map((st: any) => st.Targets.map((t: any) => t.ChannelTargetInfo.RetryIntervalInMinutes));
    expect(retries).toEqual([[5, 10], [1, 0]]);
    expect(plansOf('empty-dedupe').IncidentTemplate).not.toHaveProperty('DedupeString');
    expect(plansOf('empty-summary').IncidentTemplate).not.toHaveProperty('Summary');
    expect(plansOf('empty-summary')).not.toHaveProperty('DisplayName');
    expect(plansOf('two-chat-topics').ChatChannel.ChatbotSns).toEqual([
      `arn:aws:sns:${REGION}:${ACCOUNT}:checkout-chat`,
      `arn:aws:sns:${REGION}:${ACCOUNT}:checkout-chat-oncall`,
    ]);
    const adopted = Object.values(mappings).reduce((n: number, m: any) => n + Object.keys(m).length, 0);
    // Replication set 1; contacts alice (1+3+1), bob (1+1+1), carol (1+1), dave (1+2+1); schedules 2 +
    // rotations 3; escalation plans 2 x 2; response plans 7 (all but other-account-role).
    expect(adopted).toBe(1 + 5 + 3 + 2 + 4 + 2 + 3 + 4 + 7);
  });

  test('THEN a rotation start is the wall-clock time of the recorded instant in its time zone', () => {
    // By hand: 2025-01-06T08:00Z is 09:00 in Paris (CET, UTC+1); 2025-07-01T12:00Z is 08:00 in New
    // York (EDT, UTC-4); 2025-02-28T15:30Z is 00:30 on 1 March in Tokyo (JST, UTC+9).
    expect(wallClock(new Date(Date.UTC(2025, 0, 6, 8)), 'Europe/Paris')).toBe('2025-01-06T09:00');
    expect(wallClock(new Date(Date.UTC(2025, 6, 1, 12)), 'America/New_York')).toBe('2025-07-01T08:00');
    expect(wallClock(new Date(Date.UTC(2025, 1, 28, 15, 30)), 'Asia/Tokyo')).toBe('2025-03-01T00:30');
    expect(instantOf('2025-03-01T00:30', 'Asia/Tokyo')).toBe(Date.UTC(2025, 1, 28, 15, 30) / 1000);
    const module = fs.readFileSync(path.join(run.out, 'incident-manager.ts'), 'utf8');
    expect(module).toContain("im.RotationStart.fromIsoString('2025-01-06T09:00')");
  });

  test('THEN cdk.json runs the app with the project\'s own TypeScript and Node.js, no ts-node (.ci/adopt-packed runs it under TypeScript 5.9 and 7.0)', () => {
    expect(run.result.files).toEqual(expect.arrayContaining(['incident-manager.ts', 'app.ts', 'cdk.json', 'tsconfig.json', 'REPORT.md']));
    const cdkJson = JSON.parse(fs.readFileSync(path.join(run.out, 'cdk.json'), 'utf8'));
    expect(cdkJson.app).toBe('npx tsc -p tsconfig.json && node build/app.js');
    const tsconfig = JSON.parse(fs.readFileSync(path.join(run.out, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions).toMatchObject({ module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'build', strict: true });
    expect(tsconfig.files).toEqual(['app.ts', 'incident-manager.ts']);
    // NodeNext resolves a relative import by its .js name, in a CommonJS package and an ES module alike.
    expect(fs.readFileSync(path.join(run.out, 'app.ts'), 'utf8')).toContain("from './incident-manager.js'");
    expect(fs.readFileSync(path.join(run.out, 'REPORT.md'), 'utf8')).toContain('npx cdk import <stack> --resource-mapping import/<stack>.json');
  });

  test('THEN the mapping names every resource by its primary identifier, Arn', () => {
    const files = fs.readdirSync(path.join(run.out, 'import'));
    expect(files.sort()).toEqual(run.result.plan.stacks.map((s) => `${s.name}.json`).sort());
    for (const file of files) {
      const mapping = JSON.parse(fs.readFileSync(path.join(run.out, 'import', file), 'utf8'));
      for (const identifier of Object.values(mapping) as any[]) {
        expect(Object.keys(identifier)).toEqual(['Arn']);
        expect(identifier.Arn).toMatch(new RegExp(`^arn:aws:ssm-(contacts:${REGION}|incidents:):${ACCOUNT}:`));
      }
    }
  });
});

describe('adopt, on a large account', () => {
  test('GIVEN 2,000 contacts THEN every one is adopted, in stacks of at most 200 resources', async () => {
    const fixture = accountFixture();
    addPeople(fixture, 2000, ['email'], 0);
    const { result } = await runAdopt(fixture);
    const sizes = Object.values(result.mappings).map((m) => Object.keys(m).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
    // 66 people fill a stack (198 resources): the README's "31 stacks" for 2,000 people.
    expect(result.plan.stacks.filter((s) => s.name.startsWith('IncidentManagerContacts')).length).toBe(31);
    // 2,000 people of 3 resources each, on top of the recorded account's 31.
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2000 * 3 + 31);
    // Contacts are listed 1,024 a page: 2 pages for 2,009 contacts.
    expect(result.stats.calls).toBe(2009 * 2 + 2005 + 4 + 8 * 2 + 2 + 5);
  }, 120_000);
});

describe('adopt, when the services throttle', () => {
  test('GIVEN a rate limit THEN the SDK retries the throttled calls and the result is the same', async () => {
    const fixture = accountFixture();
    // A burst of 3 requests, refilled at 100 a second: most of the 49 calls are throttled at first.
    const fake = new FakeAccount(fixture, { perSecond: 100, burst: 3 });
    const config = {
      region: REGION,
      credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' },
      maxAttempts: 10,
      retryMode: 'adaptive',
      requestHandler: fakeRequestHandler(fake),
    };
    fs.mkdirSync(path.join(__dirname, '.out'), { recursive: true });
    const out = fs.mkdtempSync(path.join(__dirname, '.out', 'adopt-'));
    const result = await adopt({
      contacts: new SSMContactsClient(config),
      incidents: new SSMIncidentsClient(config as never),
      region: REGION,
      outDir: out,
      modules,
      now: new Date('2026-11-30T12:00:00Z'),
    });
    expect(fake.throttled).toBeGreaterThan(0);
    expect(result.stats.attempts).toBe(result.stats.calls + fake.throttled);
    const unthrottled = await runAdopt(fixture);
    expect(result.mappings).toEqual(unthrottled.result.mappings);
    expect(fs.readFileSync(path.join(out, 'incident-manager.ts'), 'utf8')).toEqual(fs.readFileSync(path.join(unthrottled.out, 'incident-manager.ts'), 'utf8'));
  }, 60_000);
});

describe('adopt, on other replication sets', () => {
  test('GIVEN the AWS owned key and no deletion protection THEN the replication set is adopted as it is', async () => {
    const fixture = accountFixture();
    const set = fixture.incidents.replicationSet;
    for (const region of Object.keys(set.regionMap)) set.regionMap[region].sseKmsKeyId = 'DefaultKey';
    set.deletionProtected = false;
    const { result, out } = await runAdopt(fixture);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(path.join(out, 'incident-manager.ts'));
    const app = new cdk.App();
    generated.defineIncidentManager(app);
    const template = app.synth().getStackByName('IncidentManagerReplicationSet').template;
    const differs = new Set(result.plan.findings.filter((f) => f.kind === 'differs').map((f) => f.arn));
    const problems = driftProblems({ IncidentManagerReplicationSet: template }, result.mappings, fixture, leftOutArns(result, fixture), differs);
    // Only the replication set's stack was given: every other resource shows as not adopted.
    expect(problems.filter((p) => p.includes('replication-set'))).toEqual([]);
    expect(Object.values(template.Resources).map((r: any) => r.Properties)).toEqual([
      { Regions: [{ RegionName: 'eu-central-1' }, { RegionName: 'eu-west-1' }], DeletionProtected: false, Tags: [{ Key: 'cost-center', Value: 'operations' }] },
    ]);
  });

  test('GIVEN keys in some Regions only THEN the replication set is left out, and why', async () => {
    const fixture = accountFixture();
    fixture.incidents.replicationSet.regionMap['eu-central-1'].sseKmsKeyId = 'DefaultKey';
    const { result } = await runAdopt(fixture);
    expect(result.plan.findings).toContainEqual({
      arn: fixture.incidents.replicationSet.arn,
      kind: 'left out',
      reason: expect.stringContaining('it mixes customer managed keys and the AWS owned key across Regions; the user guide'),
    });
    expect(result.plan.stacks.map((s) => s.name)).not.toContain('IncidentManagerReplicationSet');
  });
});

describe('adopt, when an entry cannot be expressed half-way', () => {
  test('GIVEN an escalation plan whose last stage engages a channel THEN nothing of it stays in the module', async () => {
    const fixture = accountFixture();
    const major = Object.values(fixture.contacts.get).find((c) => c.Alias === 'major-incident');
    const someChannel = Object.values(fixture.contacts.channels)[0][0].ContactChannelArn;
    major.Plan.Stages[1].Targets = [{ ChannelTargetInfo: { ContactChannelId: someChannel } }];
    const { result, out } = await runAdopt(fixture);
    expect(result.plan.findings).toContainEqual(expect.objectContaining({ arn: major.ContactArn, kind: 'left out' }));
    const module = fs.readFileSync(path.join(out, 'incident-manager.ts'), 'utf8');
    // Its first stage named zoe (only it did): the import of zoe went with it.
    expect(module).not.toContain("'Ref-zoe'");
    expect(module).not.toContain("'major-incident'");
    expect(module).toContain("'payments-escalation'");
  });
});

describe('the read-only policy adopt documents', () => {
  test('THEN it is the one the README shows, every action exists, and `*` is only for actions without resources', () => {
    const policy = readPolicy(ACCOUNT, 'eu-west-1');
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = readme.split('## Adopting an existing set-up')[1].split('```json\n')[1].split('\n```')[0];
    expect(JSON.parse(block)).toEqual(policy);
    expect(checkPolicyDocument(policy, 'identity', 'adopt policy')).toEqual([]);
    expect(checkRequiredResources(policy, 'adopt policy', (r) => (typeof r === 'string' ? r : undefined))).toEqual([]);
    // Every action adopt's reader calls is in it.
    const actions = policy.Statement.flatMap((s: any) => [s.Action].flat());
    for (const operation of ['ListContacts', 'GetContact', 'ListContactChannels', 'ListRotations', 'ListTagsForResource']) {
      expect(actions).toContain(`ssm-contacts:${operation}`);
    }
    for (const operation of ['ListReplicationSets', 'GetReplicationSet', 'ListResponsePlans', 'GetResponsePlan', 'ListTagsForResource']) {
      expect(actions).toContain(`ssm-incidents:${operation}`);
    }
  });
});

describe('adopt, on what the library refuses', () => {
  test('GIVEN a channel name the API does not take THEN it is left out with the reason; an escalation plan without stages and a schedule without rotations are adopted', async () => {
    const fixture = accountFixture();
    const alice = `arn:aws:ssm-contacts:${REGION}:${ACCOUNT}:contact/alice`;
    fixture.contacts.channels[alice][0].Name = 'alice@work';
    const major = Object.values(fixture.contacts.get).find((c) => c.Alias === 'major-incident');
    major.Plan.Stages = [];
    const schedule = Object.values(fixture.contacts.get).find((c) => c.Alias === 'follow-the-sun');
    schedule.Plan.RotationIds = [];
    const { result, out } = await runAdopt(fixture);
    const reasons = Object.fromEntries(result.plan.findings.filter((f) => f.kind === 'left out').map((f) => [f.arn.split('/').pop(), f.reason]));
    expect(reasons.alice).toMatch(/^the library refuses it: `channel name` must be letters, digits, spaces and _ \. - \+ ' & only \(got "alice@work"\) at .*\[CHANNEL\]$/);
    // The API's Plan requires neither stages nor rotations (RotationIds: 0 to 25 items), and
    // CloudFormation holds both: adopted, with the library's warning that they engage nobody.
    expect(reasons['major-incident']).toBeUndefined();
    expect(reasons['follow-the-sun']).toBeUndefined();
    expect(result.warnings.join('\n')).toContain('EscalationPlan.noStages');
    expect(result.warnings.join('\n')).toContain('OnCallSchedule.noRotations');
    // The rest is still adopted, and the module still synthesizes to what the account has.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(path.join(out, 'incident-manager.ts'));
    const app = new cdk.App();
    generated.defineIncidentManager(app);
    const assembly = app.synth();
    expect(assembly.stacks.length).toBe(result.plan.stacks.length);
    expect(fs.readFileSync(path.join(out, 'incident-manager.ts'), 'utf8')).not.toContain('alice@example.com');
    const templates = Object.fromEntries(assembly.stacks.map((s) => [s.stackName, s.template]));
    const differs = new Set(result.plan.findings.filter((f) => f.kind === 'differs').map((f) => f.arn));
    expect(driftProblems(templates, result.mappings, fixture, leftOutArns(result, fixture), differs)).toEqual([]);
  });
});

describe('adopt, with AWS\'s preview of the shifts', () => {
  const weekly = `arn:aws:ssm-contacts:${REGION}:${ACCOUNT}:rotation/rot-weekly`;
  const person = (alias: string) => `arn:aws:ssm-contacts:${REGION}:${ACCOUNT}:contact/${alias}`;
  const shift = (who: string, start: string, end: string) => ({
    ContactIds: [person(who)],
    StartTime: Date.parse(`${start}:00Z`) / 1000,
    EndTime: Date.parse(`${end}:00Z`) / 1000,
    Type: 'REGULAR',
  });
  /**
   * Weekly_primary from Monday 4 January 2027, worked out by hand: hand-offs on Mondays and Thursdays at
   * 09:00 Paris since Monday 6 January 2025, 104 weeks before, so 208 hand-offs by 4 January 09:00:
   * alice (even) from Monday, bob from Thursday; on call 09:00-17:30 Paris (08:00-16:30Z in winter) on
   * weekdays only.
   */
  const preview = [
    shift('alice', '2027-01-04T08:00', '2027-01-04T16:30'),
    shift('alice', '2027-01-05T08:00', '2027-01-05T16:30'),
    shift('alice', '2027-01-06T08:00', '2027-01-06T16:30'),
    shift('bob-roe', '2027-01-07T08:00', '2027-01-07T16:30'),
    shift('bob-roe', '2027-01-08T08:00', '2027-01-08T16:30'),
  ];
  const recorded = (shifts: any[]) => {
    const fixture = accountFixture();
    fixture.contacts.Rotations = fixture.contacts.Rotations.filter((r) => r.RotationArn === weekly);
    fixture.contacts.previews = { [weekly]: shifts };
    return fixture;
  };

  test('GIVEN AWS\'s preview THEN the report says the library computes the same shifts', async () => {
    const { result, out, sent } = await runAdopt(recorded(preview), { previewWeeks: 1, now: new Date('2027-01-04T00:00:00Z') });
    expect(sent).toContain('ListPreviewRotationShiftsCommand');
    expect(result.shiftComparisons).toEqual([expect.objectContaining({ rotation: 'Weekly_primary', matches: true, differences: [] })]);
    expect(fs.readFileSync(path.join(out, 'REPORT.md'), 'utf8')).toContain('- Weekly_primary: the same 5 shifts (shifts/Weekly_primary.json)');
  });

  test('GIVEN a preview that differs THEN the report names the difference', async () => {
    const wrong = [...preview.slice(0, 3), shift('alice', '2027-01-07T08:00', '2027-01-07T16:30'), preview[4]];
    const { result } = await runAdopt(recorded(wrong), { previewWeeks: 1, now: new Date('2027-01-04T00:00:00Z') });
    expect(result.shiftComparisons[0].matches).toBe(false);
    expect(result.shiftComparisons[0].differences[0]).toBe(
      'AWS 2027-01-07T08:00:00.000Z to 2027-01-07T16:30:00.000Z: alice; library 2027-01-07T08:00:00.000Z to 2027-01-07T16:30:00.000Z: bob-roe',
    );
  });
});
