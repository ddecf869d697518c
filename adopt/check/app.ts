/*
 * `check --app`: the Incident Manager resources of an app's templates against the account, property by
 * property, as `adopt`'s import relies on (test/adopt/drift.ts checks adopt's output the same way). The
 * account's side is each resource's API answer translated to its CloudFormation resource type's
 * properties (AWS::SSMContacts::* and AWS::SSMIncidents::* in the CloudFormation resource reference);
 * the template's side resolves references to the resources' physical IDs, their ARNs, in the deployed
 * stack. A value the check cannot resolve (a parameter, an import, another resource's attribute) is not
 * compared.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CheckFinding } from './context';
import { AccountSnapshot, ContactSnapshot, ReplicationSetSnapshot, ResponsePlanSnapshot, RotationSnapshot } from '../snapshot';
import { isoLocal } from '../wall-clock';

type Json = any;

/** One stack of the app: its name, Region (when the app names one) and template. */
export interface AppStack {
  readonly name: string;
  readonly region?: string;
  readonly template: Json;
}

/** A deployed stack's resources: logical ID to physical ID and type (ListStackResources). */
export type DeployedStacks = Map<string, Map<string, { physicalId: string; type: string }>>;

/** The stacks of a cloud assembly directory (cdk.out), or of the one an app command writes. */
export function readApp(app: string): AppStack[] {
  let dir = app;
  if (fs.existsSync(app) && fs.statSync(app).isDirectory() && !fs.existsSync(path.join(app, 'manifest.json'))) {
    throw new Error(`--app ${app}: the directory has no manifest.json; give a cloud assembly (cdk.out, after cdk synth) or an app command`);
  }
  if (!fs.existsSync(path.join(app, 'manifest.json'))) {
    // An app command, as `cdk synth --app` runs it: it writes its assembly to CDK_OUTDIR.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-incident-manager-check-'));
    execSync(app, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CDK_OUTDIR: dir } });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const stacks: AppStack[] = [];
  for (const [id, artifact] of Object.entries<Json>(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const region = /^aws:\/\/[^/]+\/([a-z0-9-]+)$/.exec(artifact.environment ?? '')?.[1];
    stacks.push({
      name: artifact.properties?.stackName ?? id,
      region: region === 'unknown-region' ? undefined : region,
      template: JSON.parse(fs.readFileSync(path.join(dir, artifact.properties.templateFile), 'utf8')),
    });
  }
  return stacks;
}

const IM_TYPE = /^AWS::SSM(Contacts|Incidents)::/;
/** Properties CloudFormation takes but the API does not return (write-only in the resource schemas). */
const WRITE_ONLY: { [type: string]: string[] } = { 'AWS::SSMContacts::ContactChannel': ['DeferActivation'] };
/** A value the check cannot resolve: equal to anything. */
const UNKNOWN = '\u0000unresolved';

const hhmm = (t: Json) => `${String(t.HourOfDay).padStart(2, '0')}:${String(t.MinuteOfHour).padStart(2, '0')}`;
const tagList = (tags: { [k: string]: string } | undefined) => {
  const entries = Object.entries(tags ?? {});
  return entries.length === 0 ? undefined : entries.map(([Key, Value]) => ({ Key, Value })).sort((a, b) => a.Key.localeCompare(b.Key));
};
const strip = (o: Json): Json => JSON.parse(JSON.stringify(o)); // drops undefined

/** Each resource of the account as its CloudFormation properties, by `<type> <ARN>`. */
export function accountProperties(snapshot: AccountSnapshot): Map<string, Json> {
  const out = new Map<string, Json>();
  snapshot.contacts.forEach((c) => contactProperties(c, out));
  snapshot.rotations.forEach((r) => out.set(`AWS::SSMContacts::Rotation ${r.rotation.RotationArn}`, rotationProperties(r)));
  snapshot.responsePlans.forEach((p) => out.set(`AWS::SSMIncidents::ResponsePlan ${p.plan.arn}`, responsePlanProperties(p)));
  if (snapshot.replicationSet) {
    out.set(`AWS::SSMIncidents::ReplicationSet ${snapshot.replicationSet.replicationSet.arn}`, replicationSetProperties(snapshot.replicationSet));
  }
  return out;
}

/** A contact, its engagement plan (AWS::SSMContacts::Plan) and its channels. */
function contactProperties({ contact, channels, tags }: ContactSnapshot, out: Map<string, Json>): void {
  const arn = contact.ContactArn!;
  out.set(
    `AWS::SSMContacts::Contact ${arn}`,
    strip({
      Alias: contact.Alias,
      DisplayName: contact.DisplayName,
      Type: contact.Type,
      // An on-call schedule's plan names its rotations (AWS::SSMContacts::Contact, Plan: a Stage with RotationIds).
      Plan: contact.Type === 'ONCALL_SCHEDULE' ? [{ RotationIds: contact.Plan?.RotationIds }] : undefined,
      Tags: tagList(tags),
    }),
  );
  const stages = contact.Plan?.Stages ?? [];
  if (contact.Type !== 'ONCALL_SCHEDULE' && stages.length > 0) {
    out.set(
      `AWS::SSMContacts::Plan ${arn}`,
      strip({
        ContactId: arn,
        Stages: stages.map((s) => ({
          DurationInMinutes: s.DurationInMinutes,
          Targets: (s.Targets ?? []).map((t) =>
            t.ChannelTargetInfo
              ? {
                ChannelTargetInfo: {
                  ChannelId: t.ChannelTargetInfo.ContactChannelId,
                  RetryIntervalInMinutes: t.ChannelTargetInfo.RetryIntervalInMinutes,
                },
              }
              : { ContactTargetInfo: { ContactId: t.ContactTargetInfo?.ContactId, IsEssential: t.ContactTargetInfo?.IsEssential } },
          ),
        })),
      }),
    );
  }
  for (const ch of channels) {
    out.set(`AWS::SSMContacts::ContactChannel ${ch.ContactChannelArn}`, {
      ContactId: ch.ContactArn,
      ChannelName: ch.Name,
      ChannelType: ch.Type,
      ChannelAddress: ch.DeliveryAddress?.SimpleAddress,
    });
  }
}

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** A rotation as AWS::SSMContacts::Rotation: hand-off and coverage times as HH:MM. */
function rotationProperties({ rotation: r, tags }: RotationSnapshot): Json {
  const rec: Json = r.Recurrence ?? {};
  return strip({
    Name: r.Name,
    ContactIds: r.ContactIds,
    // CloudFormation's StartTime is the wall-clock time in the rotation's time zone.
    StartTime: r.StartTime ? isoLocal(r.StartTime.getTime(), r.TimeZoneId!) : undefined,
    TimeZoneId: r.TimeZoneId,
    Recurrence: {
      NumberOfOnCalls: rec.NumberOfOnCalls,
      RecurrenceMultiplier: rec.RecurrenceMultiplier,
      DailySettings: rec.DailySettings?.map(hhmm),
      WeeklySettings: rec.WeeklySettings?.map((w: Json) => ({ DayOfWeek: w.DayOfWeek, HandOffTime: hhmm(w.HandOffTime) })),
      MonthlySettings: rec.MonthlySettings?.map((m: Json) => ({ DayOfMonth: m.DayOfMonth, HandOffTime: hhmm(m.HandOffTime) })),
      ShiftCoverages: rec.ShiftCoverages
        ? DAYS
          .filter((d) => rec.ShiftCoverages[d])
          .map((d) => ({
            DayOfWeek: d,
            CoverageTimes: rec.ShiftCoverages[d].map((t: Json) => ({ StartTime: hhmm(t.Start), EndTime: hhmm(t.End) })),
          }))
        : undefined,
    },
    Tags: tagList(tags),
  });
}

/** A response plan as AWS::SSMIncidents::ResponsePlan: maps of the API as lists of keys and values. */
function responsePlanProperties({ plan: p, tags }: ResponsePlanSnapshot): Json {
  const t: Json = p.incidentTemplate ?? {};
  return strip({
    Name: p.name,
    DisplayName: p.displayName,
    IncidentTemplate: {
      Title: t.title,
      Impact: t.impact,
      Summary: t.summary,
      DedupeString: t.dedupeString,
      IncidentTags: tagList(t.incidentTags),
      NotificationTargets: t.notificationTargets?.map((n: Json) => ({ SnsTopicArn: n.snsTopicArn })),
    },
    ChatChannel: p.chatChannel?.chatbotSns ? { ChatbotSns: p.chatChannel.chatbotSns } : undefined,
    Engagements: p.engagements?.length ? p.engagements : undefined,
    Actions: p.actions?.length
      ? p.actions.map((x) => {
        const a: Json = x.ssmAutomation ?? {};
        return {
          SsmAutomation: {
            DocumentName: a.documentName,
            DocumentVersion: a.documentVersion,
            RoleArn: a.roleArn,
            TargetAccount: a.targetAccount,
            Parameters: a.parameters ? Object.entries(a.parameters).map(([Key, Values]) => ({ Key, Values })) : undefined,
            DynamicParameters: a.dynamicParameters
              ? Object.entries(a.dynamicParameters).map(([Key, v]: [string, Json]) => ({ Key, Value: { Variable: v.variable } }))
              : undefined,
          },
        };
      })
      : undefined,
    Integrations: p.integrations?.length
      ? p.integrations.map((i) => {
        const pd: Json = i.pagerDutyConfiguration ?? {};
        return {
          PagerDutyConfiguration: {
            Name: pd.name,
            SecretId: pd.secretId,
            PagerDutyIncidentConfiguration: { ServiceId: pd.pagerDutyIncidentConfiguration?.serviceId },
          },
        };
      })
      : undefined,
    Tags: tagList(tags),
  });
}

/** The replication set as AWS::SSMIncidents::ReplicationSet: Regions in order, the AWS owned key as no key. */
function replicationSetProperties({ replicationSet: set, tags }: ReplicationSetSnapshot): Json {
  return strip({
    Regions: Object.entries(set.regionMap ?? {})
      .map(([RegionName, info]) => ({
        RegionName,
        RegionConfiguration: info.sseKmsKeyId === 'DefaultKey' ? undefined : { SseKmsKeyId: info.sseKmsKeyId },
      }))
      .sort((x, y) => x.RegionName.localeCompare(y.RegionName)),
    DeletionProtected: set.deletionProtected,
    Tags: tagList(tags),
  });
}

/** JSON with object keys sorted, so that key order does not count. */
function canonical(value: Json): string {
  const sort = (v: Json): Json =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sort(v[k])]),
        )
        : v;
  return JSON.stringify(sort(value));
}

/** Whether a template value (UNKNOWN where unresolved) equals an account value. */
function same(got: Json, want: Json): boolean {
  if (got === UNKNOWN) return true;
  if (Array.isArray(got)) return Array.isArray(want) && got.length === want.length && got.every((g, i) => same(g, want[i]));
  if (got && typeof got === 'object') {
    if (!want || typeof want !== 'object' || Array.isArray(want)) return false;
    const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
    return [...keys].every((k) => same(got[k], want[k]));
  }
  return canonical(got) === canonical(want);
}

/** The template's properties with references resolved to physical IDs, UNKNOWN where they cannot be. */
function resolve(value: Json, stack: Map<string, { physicalId: string }>, pseudo: { [name: string]: string }): Json {
  if (Array.isArray(value)) return value.map((v) => resolve(v, stack, pseudo));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Ref') return pseudo[value.Ref] ?? stack.get(value.Ref)?.physicalId ?? UNKNOWN;
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const [id, attribute] = value['Fn::GetAtt'];
      return attribute === 'Arn' && stack.has(id) && IM_TYPE.test((stack.get(id) as Json).type) ? stack.get(id)!.physicalId : UNKNOWN;
    }
    if (keys.length === 1 && keys[0] === 'Fn::Join') {
      const [separator, parts] = value['Fn::Join'];
      const resolved = (parts as Json[]).map((p) => resolve(p, stack, pseudo));
      return resolved.some((p) => p === UNKNOWN || typeof p !== 'string') ? UNKNOWN : resolved.join(separator);
    }
    if (keys.some((k) => k.startsWith('Fn::'))) return UNKNOWN;
    return Object.fromEntries(keys.map((k) => [k, resolve(value[k], stack, pseudo)]));
  }
  return value;
}

/**
 * The app's stacks with Incident Manager resources in another Region than the check's, which appDrift
 * does not compare (the check reads one Region), each said as it goes under the report's "Not checked".
 */
export function stacksOfOtherRegions(app: AppStack[], region: string): string[] {
  return app
    .filter((s) => s.region && s.region !== region)
    .map((s) => ({ stack: s, count: Object.values<Json>(s.template.Resources ?? {}).filter((r) => IM_TYPE.test(r.Type)).length }))
    .filter(({ count }) => count > 0)
    .map(
      ({ stack, count }) =>
        `stack ${stack.name} of the app (${count} Incident Manager resources): in ${stack.region}, not ${region}; check it with --region ${stack.region}`,
    );
}

/**
 * The app's Incident Manager resources against the account: stacks and resources not deployed, and
 * every property that differs. Stacks of other Regions are left out (stacksOfOtherRegions).
 */
export function appDrift(app: AppStack[], deployed: DeployedStacks, snapshot: AccountSnapshot, account: string, partition: string): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const properties = accountProperties(snapshot);
  const pseudo = { 'AWS::Partition': partition, 'AWS::Region': snapshot.region, 'AWS::AccountId': account, 'AWS::URLSuffix': 'amazonaws.com' };
  for (const stack of app.filter((s) => !s.region || s.region === snapshot.region)) {
    const resources = Object.entries<Json>(stack.template.Resources ?? {}).filter(([, r]) => IM_TYPE.test(r.Type));
    if (resources.length === 0) continue;
    const live = deployed.get(stack.name);
    if (!live) {
      findings.push({
        severity: 'warning',
        area: 'drift',
        code: 'app-stack-not-deployed',
        resource: stack.name,
        message: `stack ${stack.name} of the app, with ${resources.length} Incident Manager resources, is not deployed in ${snapshot.region}`,
        fix: 'deploy it (cdk deploy), or import the resources it describes (cdk import)',
      });
      continue;
    }
    for (const [logicalId, resource] of resources) {
      const physical = live.get(logicalId);
      const where = `${stack.name}/${logicalId}`;
      if (!physical) {
        findings.push({
          severity: 'warning',
          area: 'drift',
          code: 'app-resource-not-deployed',
          resource: where,
          message: `${resource.Type} ${where} of the app is not in the deployed stack ${stack.name}`,
          fix: 'deploy the stack (cdk diff shows what it would create)',
        });
        continue;
      }
      const want = properties.get(`${resource.Type} ${physical.physicalId}`);
      if (!want) {
        findings.push({
          severity: 'warning',
          area: 'drift',
          code: 'app-resource-deleted',
          resource: physical.physicalId,
          message: `${resource.Type} ${where} is in stack ${stack.name}, but ${physical.physicalId} is not in the account (deleted outside CloudFormation)`,
          fix: 'deploy the stack again after removing the resource from it, or recreate the resource by hand and import it',
        });
        continue;
      }
      const got = resolve(resource.Properties ?? {}, live, pseudo);
      for (const p of WRITE_ONLY[resource.Type] ?? []) delete got[p];
      // Sets, not lists: CloudFormation and the APIs keep no order; a wall-clock StartTime may leave out seconds.
      const byKey = (a: Json, b: Json) => String(a.Key).localeCompare(String(b.Key));
      if (Array.isArray(got.Tags)) got.Tags = got.Tags.length === 0 ? undefined : [...got.Tags].sort(byKey);
      if (Array.isArray(got.IncidentTemplate?.IncidentTags)) got.IncidentTemplate.IncidentTags = [...got.IncidentTemplate.IncidentTags].sort(byKey);
      const byRegion = (a: Json, b: Json) => String(a.RegionName).localeCompare(String(b.RegionName));
      if (Array.isArray(got.Regions)) got.Regions = [...got.Regions].sort(byRegion);
      if (typeof got.StartTime === 'string' && /T\d{2}:\d{2}$/.test(got.StartTime)) got.StartTime += ':00';
      const differing = [...new Set([...Object.keys(got), ...Object.keys(want)])].filter((k) => !same(got[k], want[k]));
      if (differing.length === 0) continue;
      const show = (v: Json) => {
        const text = v === undefined ? '(none)' : JSON.stringify(v).split(JSON.stringify(UNKNOWN).slice(1, -1)).join('(unresolved)');
        return text.length > 200 ? `${text.slice(0, 200)}...` : text;
      };
      findings.push({
        severity: 'warning',
        area: 'drift',
        code: 'app-differs',
        resource: physical.physicalId,
        message: `${resource.Type} ${where} differs from the account in ${differing
          .map((k) => `${k} (app ${show(got[k])}, account ${show(want[k])})`)
          .join('; ')}`,
        fix: 'a change made outside CloudFormation: make it in the app and deploy, or deploy the app to undo it',
      });
    }
  }
  return findings;
}
