/*
 * "No drift after import", checked offline: for every resource of the mapping, the template's
 * properties (references resolved to the ARNs the mapping adopts) must equal the properties the
 * recorded account implies, translated here by hand from the API shapes to the CloudFormation resource
 * reference (AWS::SSMContacts::* and AWS::SSMIncidents::*), independently of `adopt`.
 */
import { WireFixture } from './account-fixture';

type Json = any;
export type Mappings = { [stack: string]: { [logicalId: string]: { Arn: string } } };

const hhmm = (t: { HourOfDay: number; MinuteOfHour: number }) =>
  `${String(t.HourOfDay).padStart(2, '0')}:${String(t.MinuteOfHour).padStart(2, '0')}`;
const tagList = (tags: { [k: string]: string } | undefined) => {
  const entries = Object.entries(tags ?? {});
  return entries.length === 0 ? undefined : entries.map(([Key, Value]) => ({ Key, Value })).sort((a, b) => a.Key.localeCompare(b.Key));
};
const strip = (o: Json): Json => JSON.parse(JSON.stringify(o)); // drops undefined

/** The instant a CloudFormation StartTime (wall clock in the time zone) names, found by search. */
export function instantOf(wallClock: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallClock);
  if (!m) throw new Error(`StartTime ${wallClock} is not YYYY-MM-DDTHH:MM[:SS]`);
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  // Time zones are within UTC-12 and UTC+14: try each quarter hour for the one whose local time matches.
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const candidate = asUtc - offset * 60_000;
    const local = new Date(candidate).toLocaleString('sv-SE', { timeZone }).replace(' ', 'T');
    if (local.startsWith(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`)) return candidate / 1000;
  }
  throw new Error(`no instant is ${wallClock} in ${timeZone}`);
}

/** The properties each adopted resource must have, by type and ARN, from the recorded account. */
export function expectedProperties(fixture: WireFixture): Map<string, Json> {
  const out = new Map<string, Json>();
  const c = fixture.contacts;
  const tagsOf = (arn: string) => tagList(Object.fromEntries((c.tags[arn] ?? []).map((t) => [t.Key, t.Value])));
  for (const contact of Object.values(c.get)) {
    const arn = contact.ContactArn;
    const plan = contact.Plan ?? {};
    out.set(
      `AWS::SSMContacts::Contact ${arn}`,
      strip({
        Alias: contact.Alias,
        DisplayName: contact.DisplayName,
        Type: contact.Type,
        // An on-call schedule's plan names its rotations (Contact.Plan, a Stage with RotationIds).
        Plan: contact.Type === 'ONCALL_SCHEDULE' ? [{ RotationIds: plan.RotationIds }] : undefined,
        Tags: tagsOf(arn),
      }),
    );
    // An engagement plan exists once it has a stage; an escalation plan's stages (possibly none: the
    // API's Plan does not require them) are read through the Plan of its contact's ARN.
    if (contact.Type === 'ESCALATION' || (contact.Type === 'PERSONAL' && (plan.Stages ?? []).length > 0)) {
      out.set(`AWS::SSMContacts::Plan ${arn}`, {
        ContactId: arn,
        Stages: (plan.Stages ?? []).map((s: Json) => ({
          DurationInMinutes: s.DurationInMinutes,
          Targets: s.Targets.map((t: Json) =>
            t.ChannelTargetInfo
              ? {
                ChannelTargetInfo: {
                  ChannelId: t.ChannelTargetInfo.ContactChannelId,
                  RetryIntervalInMinutes: t.ChannelTargetInfo.RetryIntervalInMinutes,
                },
              }
              : { ContactTargetInfo: { ContactId: t.ContactTargetInfo.ContactId, IsEssential: t.ContactTargetInfo.IsEssential } },
          ),
        })),
      });
    }
  }
  for (const channels of Object.values(c.channels)) {
    for (const ch of channels) {
      out.set(`AWS::SSMContacts::ContactChannel ${ch.ContactChannelArn}`, {
        ContactId: ch.ContactArn,
        ChannelName: ch.Name,
        ChannelType: ch.Type,
        ChannelAddress: ch.DeliveryAddress.SimpleAddress,
      });
    }
  }
  const days = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
  for (const r of c.Rotations) {
    const rec = r.Recurrence;
    out.set(
      `AWS::SSMContacts::Rotation ${r.RotationArn}`,
      strip({
        Name: r.Name,
        ContactIds: r.ContactIds,
        StartTime: { instant: r.StartTime }, // compared as an instant, see compare()
        TimeZoneId: r.TimeZoneId,
        Recurrence: {
          NumberOfOnCalls: rec.NumberOfOnCalls,
          RecurrenceMultiplier: rec.RecurrenceMultiplier,
          DailySettings: rec.DailySettings?.map(hhmm),
          WeeklySettings: rec.WeeklySettings?.map((w: Json) => ({ DayOfWeek: w.DayOfWeek, HandOffTime: hhmm(w.HandOffTime) })),
          MonthlySettings: rec.MonthlySettings?.map((m: Json) => ({ DayOfMonth: m.DayOfMonth, HandOffTime: hhmm(m.HandOffTime) })),
          ShiftCoverages: rec.ShiftCoverages
            ? days
              .filter((d) => rec.ShiftCoverages[d])
              .map((d) => ({
                DayOfWeek: d,
                CoverageTimes: rec.ShiftCoverages[d].map((t: Json) => ({ StartTime: hhmm(t.Start), EndTime: hhmm(t.End) })),
              }))
            : undefined,
        },
        Tags: tagsOf(r.RotationArn),
      }),
    );
  }
  const i = fixture.incidents;
  // The API's empty string is absent in CloudFormation: its schema takes 1 to N characters for these,
  // and it reads "" back as no value.
  const orAbsent = (v: string | undefined) => (v === '' ? undefined : v);
  for (const p of Object.values(i.plans)) {
    const t = p.incidentTemplate;
    const a = p.actions?.[0]?.ssmAutomation;
    const pd = p.integrations?.[0]?.pagerDutyConfiguration;
    out.set(
      `AWS::SSMIncidents::ResponsePlan ${p.arn}`,
      strip({
        Name: p.name,
        DisplayName: orAbsent(p.displayName),
        IncidentTemplate: {
          Title: t.title,
          Impact: t.impact,
          Summary: orAbsent(t.summary),
          DedupeString: orAbsent(t.dedupeString),
          IncidentTags: tagList(t.incidentTags),
          NotificationTargets: t.notificationTargets?.map((n: Json) => ({ SnsTopicArn: n.snsTopicArn })),
        },
        ChatChannel: p.chatChannel?.chatbotSns ? { ChatbotSns: p.chatChannel.chatbotSns } : undefined,
        Engagements: p.engagements,
        Actions: a
          ? [
            {
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
            },
          ]
          : undefined,
        Integrations: pd
          ? [
            {
              PagerDutyConfiguration: {
                Name: pd.name,
                SecretId: pd.secretId,
                PagerDutyIncidentConfiguration: { ServiceId: pd.pagerDutyIncidentConfiguration.serviceId },
              },
            },
          ]
          : undefined,
        Tags: tagList(i.tags[p.arn]),
      }),
    );
  }
  if (i.replicationSet) {
    const set = i.replicationSet;
    out.set(
      `AWS::SSMIncidents::ReplicationSet ${set.arn}`,
      strip({
        Regions: Object.entries(set.regionMap)
          .map(([RegionName, info]: [string, Json]) => ({
            RegionName,
            RegionConfiguration: info.sseKmsKeyId === 'DefaultKey' ? undefined : { SseKmsKeyId: info.sseKmsKeyId },
          }))
          .sort((x, y) => x.RegionName.localeCompare(y.RegionName)),
        DeletionProtected: set.deletionProtected,
        Tags: tagList(i.tags[set.arn]),
      }),
    );
  }
  return out;
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

/** Resolves Ref and Fn::GetAtt Arn of the stack's adopted resources to their ARNs. */
function resolveRefs(value: Json, mapping: { [logicalId: string]: { Arn: string } }, where: string): Json {
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, mapping, where));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Fn::GetAtt')) {
      const [id, attribute] = keys[0] === 'Ref' ? [value.Ref, 'Arn'] : value['Fn::GetAtt'];
      if (attribute !== 'Arn' || !mapping[id]) throw new Error(`${where}: ${JSON.stringify(value)} names no adopted resource`);
      return mapping[id].Arn;
    }
    if (keys.length === 1 && keys[0] === 'Fn::Join') {
      const [separator, parts] = value['Fn::Join'];
      return parts.map((p: Json) => (p?.Ref === 'AWS::Partition' ? 'aws' : resolveRefs(p, mapping, where))).join(separator);
    }
    if (keys.some((k) => k.startsWith('Fn::'))) throw new Error(`${where}: unexpected intrinsic ${JSON.stringify(value)}`);
    return Object.fromEntries(keys.map((k) => [k, resolveRefs(value[k], mapping, where)]));
  }
  return value;
}

/**
 * Every difference between the templates and the recorded account, and every adopted resource the
 * mapping lacks or the templates lack. Empty when the next deploy after the import changes nothing.
 */
export function driftProblems(
  templates: { [stack: string]: Json },
  mappings: Mappings,
  fixture: WireFixture,
  leftOut: Set<string>,
  differs: Set<string>,
): string[] {
  const expected = expectedProperties(fixture);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [stack, template] of Object.entries(templates)) {
    const mapping = mappings[stack] ?? {};
    const ids = Object.keys(template.Resources ?? {});
    for (const id of ids) {if (!mapping[id]) problems.push(`${stack}/${id}: in the template but not in the mapping (an import cannot create it)`);}
    for (const id of Object.keys(mapping)) if (!ids.includes(id)) problems.push(`${stack}/${id}: in the mapping but not in the template`);
    for (const id of ids.filter((x) => mapping[x])) {
      const resource = template.Resources[id];
      const key = `${resource.Type} ${mapping[id].Arn}`;
      seen.add(key);
      if (resource.DeletionPolicy !== 'Retain') problems.push(`${stack}/${id}: DeletionPolicy ${resource.DeletionPolicy}, not Retain`);
      const want = expected.get(key);
      if (!want) {
        problems.push(`${stack}/${id}: ${key} is not in the recorded account`);
        continue;
      }
      if (differs.has(mapping[id].Arn)) continue; // reported as differing; the caller checks how
      const got = resolveRefs(resource.Properties ?? {}, mapping, `${stack}/${id}`);
      if (want.StartTime) {
        got.StartTime = { instant: instantOf(got.StartTime, got.TimeZoneId) };
      }
      // Tags are sets: CloudFormation and the API keep no order.
      const byKey = (a: Json, b: Json) => a.Key.localeCompare(b.Key);
      if (got.Tags) got.Tags = [...got.Tags].sort(byKey);
      if (got.IncidentTemplate?.IncidentTags) got.IncidentTemplate.IncidentTags = [...got.IncidentTemplate.IncidentTags].sort(byKey);
      if (got.Regions) got.Regions = [...got.Regions].sort((a: Json, b: Json) => a.RegionName.localeCompare(b.RegionName));
      if (canonical(got) !== canonical(want)) {
        problems.push(`${stack}/${id} (${key}):\n  template ${JSON.stringify(got)}\n  account  ${JSON.stringify(want)}`);
      }
    }
  }
  for (const key of expected.keys()) {
    const arn = key.split(' ')[1];
    if (!seen.has(key) && !leftOut.has(arn)) problems.push(`${key}: in the account, but neither adopted nor reported as left out`);
  }
  return problems;
}
