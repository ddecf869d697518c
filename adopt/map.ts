/*
 * The mapping of each resource to the statements that define it with the library's constructs. A
 * resource the module cannot express unchanged throws NotExpressible; what differs or is worth knowing
 * goes into its findings.
 */
import type { Stage } from '@aws-sdk/client-ssm-contacts';
import { Expr, Finding, NewStatement, Statement, Value, build, ref, render, str } from './ir';
import { NotExpressible, StackDraft } from './pack';
import { ContactSnapshot, ReplicationSetSnapshot, ResponsePlanSnapshot, RotationSnapshot } from './snapshot';
import { wallClock } from './wall-clock';

/** CloudFormation's patterns (AWS::SSMContacts::Contact Alias and DisplayName). */
const CFN_ALIAS = /^[a-z0-9_\-.]{1,255}$/;
const CFN_DISPLAY_NAME = /^[a-zA-Z0-9_\-\s]{1,255}$/;

const DAYS: { [day: string]: string } = {
  MON: 'MONDAY',
  TUE: 'TUESDAY',
  WED: 'WEDNESDAY',
  THU: 'THURSDAY',
  FRI: 'FRIDAY',
  SAT: 'SATURDAY',
  SUN: 'SUNDAY',
};
const IMPACTS: { [impact: number]: string } = { 1: 'CRITICAL', 2: 'HIGH', 3: 'MEDIUM', 4: 'LOW', 5: 'NO_IMPACT' };
/** Prefixes of the Automation runbooks AWS owns (Systems Manager Automation runbook reference). */
const AWS_OWNED_RUNBOOK = /^(AWS|AWSSupport|AWSConfigRemediation|AWSEC2|AWSIncidents)-/;

export function checkNames(c: ContactSnapshot): void {
  const { Alias: alias, DisplayName: displayName } = c.contact;
  if (!alias || !CFN_ALIAS.test(alias)) {
    throw new NotExpressible(
      `alias "${alias}": CloudFormation allows 1 to 255 lower-case letters, digits and _ - . (AWS::SSMContacts::Contact Alias)`,
    );
  }
  if (displayName === undefined || !CFN_DISPLAY_NAME.test(displayName)) {
    throw new NotExpressible(
      displayName === undefined
        ? 'no display name: CloudFormation requires one (AWS::SSMContacts::Contact DisplayName), so adopting it would add one'
        : `display name "${displayName}": CloudFormation allows letters a-z and A-Z, digits, spaces and _ - only (AWS::SSMContacts::Contact DisplayName), which the Incident Manager API does not require; rename it in the console first, or keep it out of CloudFormation (others reference it by ARN)`,
    );
  }
}

function minutes(n: number): Expr {
  return new Expr(`Duration.minutes(${n})`, (ctx) => ctx.cdk.Duration.minutes(n));
}

function member(enumName: 'DayOfWeek' | 'Impact' | 'DynamicParameterValue' | 'RunbookTargetAccount', key: string): Expr {
  return new Expr(`im.${enumName}.${key}`, (ctx) => {
    const value = (ctx.im[enumName] as unknown as { [k: string]: string })[key];
    if (value === undefined) throw new Error(`adopt: internal error: im.${enumName}.${key} does not exist`);
    return value;
  });
}

/** `im.Contact.fromContactArn(stack, id, arn)` as a constant of the stack, once per ARN. */
function contactRef(stack: StackDraft, arn: string): Expr {
  const existing = stack.importOf(arn);
  if (existing) return ref(existing);
  const alias = arn.split('/').pop()!;
  const name = stack.names.take(alias);
  const id = `Ref-${alias}`;
  const statement = {
    kind: 'const' as const,
    name,
    arn,
    value: new Expr(`im.Contact.fromContactArn(stack, ${str(id)}, ${str(arn)})`, (ctx) =>
      ctx.im.Contact.fromContactArn(ctx.stack, id, arn),
    ),
  };
  // Imports first, so that every statement after them may use them.
  stack.addImport(statement);
  return ref(name);
}

/** A construct imported by ARN with aws-cdk-lib (`module.Class.method(stack, id, arn[, extra])`). */
function importByArn(module: 'iam' | 'kms' | 'sns' | 'secretsmanager', call: string, id: string, arn: string, options?: Value): Expr {
  const [cls, method] = call.split('.');
  return new Expr(`${module}.${call}(stack, ${str(id)}, ${str(arn)}${options ? `, ${render(options)}` : ''})`, (ctx) => {
    const mod = (ctx.cdk as unknown as { [m: string]: { [c: string]: { [f: string]: (...args: unknown[]) => unknown } } })[
      { iam: 'aws_iam', kms: 'aws_kms', sns: 'aws_sns', secretsmanager: 'aws_secretsmanager' }[module]
    ];
    const args: unknown[] = [ctx.stack, id, arn];
    if (options) args.push(build(options, ctx));
    return mod[cls][method](...args);
  });
}

function newStatement(stack: StackDraft, statement: Omit<NewStatement, 'kind'>): NewStatement {
  const tags = statement.tags && Object.keys(statement.tags).length > 0 ? statement.tags : undefined;
  // Tags are added with Tags.of(name), so a tagged construct gets a name.
  const name = statement.name ?? (tags || statement.retain ? stack.names.take(statement.id) : undefined);
  const s: NewStatement = { kind: 'new', ...statement, name, tags };
  stack.push(s);
  return s;
}

export function replicationSet(stack: StackDraft, snapshot: ReplicationSetSnapshot, findings: Finding[]): void {
  const set = snapshot.replicationSet;
  const regions = Object.entries(set.regionMap ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const keyed = regions.filter(([, info]) => info.sseKmsKeyId && info.sseKmsKeyId !== 'DefaultKey');
  if (keyed.length > 0 && keyed.length < regions.length) {
    throw new NotExpressible(
      'it mixes customer managed keys and the AWS owned key across Regions; the user guide has a replication set encrypted with an AWS owned key or with customer managed keys ("Data protection in Incident Manager")',
    );
  }
  const props: Value = {
    regions: regions.map(([region, info]) => ({
      region,
      key:
        info.sseKmsKeyId && info.sseKmsKeyId !== 'DefaultKey'
          ? importByArn('kms', 'Key.fromKeyArn', `Key-${region}`, keyArn(info.sseKmsKeyId, region, set.arn!))
          : undefined,
    })),
    deletionProtection: set.deletionProtected ?? false,
  };
  for (const [region, info] of keyed) {
    if (!info.sseKmsKeyId!.startsWith('arn:')) {
      findings.push({
        arn: set.arn!,
        kind: 'differs',
        reason: `the key of ${region} is given as "${info.sseKmsKeyId}", not an ARN; the template names it by ARN (${keyArn(info.sseKmsKeyId!, region, set.arn!)})`,
      });
    }
  }
  newStatement(stack, {
    className: 'ReplicationSet',
    id: 'ReplicationSet',
    props,
    identifiers: { Resource: set.arn! },
    tags: snapshot.tags,
    comment: `The replication set (${regions.map(([r]) => r).join(', ')})`,
  });
}

function keyArn(keyId: string, region: string, setArn: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  const [, partition, , , account] = setArn.split(':');
  return `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
}

const CHANNEL_FACTORY: { [type: string]: string } = { EMAIL: 'email', SMS: 'sms', VOICE: 'voice' };

export function personalContact(stack: StackDraft, c: ContactSnapshot, findings: Finding[]): void {
  const contact = c.contact;
  const channelVars = new Map<string, string>();
  const constants: Statement[] = [];
  const identifiers: { [childId: string]: string } = { Resource: contact.ContactArn! };
  for (const channel of c.channels) {
    const type = channel.Type ?? '';
    const address = channel.DeliveryAddress?.SimpleAddress;
    if (!CHANNEL_FACTORY[type] || !address) {
      throw new NotExpressible(
        `channel ${channel.ContactChannelArn} of type ${type || 'unknown'} without an address: CloudFormation holds SMS, VOICE and EMAIL channels with a ChannelAddress (AWS::SSMContacts::ContactChannel ChannelType, ChannelAddress)`,
      );
    }
    const name = stack.names.take(`${contact.Alias} ${type.toLowerCase()}`);
    channelVars.set(channel.ContactChannelArn!, name);
    const factory = CHANNEL_FACTORY[type];
    const channelName = channel.Name!;
    constants.push({
      kind: 'const',
      name,
      value: new Expr(`im.ContactChannel.${factory}(${str(address)}, { name: ${str(channelName)} })`, (ctx) =>
        (ctx.im.ContactChannel as unknown as { [f: string]: (a: string, o: object) => unknown })[factory](address, { name: channelName }),
      ),
    });
    identifiers[`Channel${channelName}`] = channel.ContactChannelArn!;
    if (channel.ActivationStatus === 'NOT_ACTIVATED') {
      findings.push({
        arn: channel.ContactChannelArn!,
        kind: 'note',
        reason:
          'the channel is not activated: Incident Manager cannot engage it until its owner enters the activation code (adopting it changes nothing)',
      });
    }
  }
  const stages = contact.Plan?.Stages ?? [];
  const engagementPlan = stages.map((stage, i) => engagementStage(stage, i, channelVars, contact.ContactArn!, findings));
  if (stages.length > 0) {
    identifiers.EngagementPlan = contact.ContactArn!;
  }
  stack.push(...constants);
  newStatement(stack, {
    className: 'Contact',
    id: contact.Alias!,
    props: {
      alias: contact.Alias!,
      displayName: contact.DisplayName!,
      channels: [...channelVars.values()].map(ref),
      engagementPlan: engagementPlan.length > 0 ? engagementPlan : undefined,
    },
    identifiers,
    tags: c.tags,
    comment: `${contact.DisplayName} (personal contact)`,
  });
}

function engagementStage(stage: Stage, index: number, channelVars: Map<string, string>, arn: string, findings: Finding[]): Value {
  const targets = stage.Targets ?? [];
  const channels: Array<{ channel: Expr; retry?: number }> = [];
  for (const target of targets) {
    const info = target.ChannelTargetInfo;
    if (!info || target.ContactTargetInfo) {
      throw new NotExpressible(
        `stage ${index + 1} of its engagement plan engages a contact, not one of its channels: a contact's engagement plan engages its contact channels, an escalation plan engages contacts (API CreateContact, Plan)`,
      );
    }
    const name = channelVars.get(info.ContactChannelId!);
    if (!name) {
      throw new NotExpressible(
        `stage ${index + 1} of its engagement plan engages ${info.ContactChannelId}, which is not one of its channels: a contact's engagement plan engages its own contact channels (API CreateContact, Plan)`,
      );
    }
    channels.push({ channel: ref(name), retry: info.RetryIntervalInMinutes });
  }
  if (channels.some((c) => c.retry === undefined)) {
    findings.push({
      arn,
      kind: 'differs',
      reason: `stage ${index + 1} of its engagement plan has a channel without a retry interval; the template sets the library's default, 5 minutes`,
    });
  }
  const retries = new Set(channels.map((c) => c.retry));
  const duration = minutes(stage.DurationInMinutes ?? 0);
  if (retries.size > 1) {
    // The console sets a retry interval per channel, and AWS::SSMContacts::Plan holds one per target
    // (ChannelTargetInfo.RetryIntervalInMinutes): each channel keeps its own, in order.
    return {
      channelTargets: channels.map((c) => ({ channel: c.channel, retryInterval: c.retry === undefined ? undefined : minutes(c.retry) })),
      duration,
    };
  }
  const retry = [...retries][0];
  return {
    channels: channels.map((c) => c.channel),
    duration,
    retryInterval: retry === undefined ? undefined : minutes(retry),
  };
}

export function rotationProblem(r: RotationSnapshot): string | undefined {
  const rotation = r.rotation;
  if (!rotation.Name || !/^[a-zA-Z0-9_]{1,255}$/.test(rotation.Name)) {
    return `rotation name "${rotation.Name}": CloudFormation allows letters, digits and _ only (AWS::SSMContacts::Rotation Name), which the Incident Manager API does not require; schedules reference it by ARN`;
  }
  if (!rotation.StartTime || !rotation.TimeZoneId || !rotation.Recurrence) {
    return 'the API returned no start time, time zone or recurrence for it, which CloudFormation requires (AWS::SSMContacts::Rotation StartTime, TimeZoneId, Recurrence)';
  }
  const rec = rotation.Recurrence;
  const kinds = [rec.DailySettings, rec.WeeklySettings, rec.MonthlySettings].filter((s) => s && s.length > 0).length;
  if (kinds !== 1) {
    return 'its recurrence is not exactly one of daily, weekly or monthly settings, as CloudFormation requires (AWS::SSMContacts::Rotation RecurrenceSettings, oneOf)';
  }
  return undefined;
}

export function rotationStatement(stack: StackDraft, r: RotationSnapshot, referenced: boolean): NewStatement {
  const rotation = r.rotation;
  const rec = rotation.Recurrence!;
  const time = (t?: { HourOfDay?: number; MinuteOfHour?: number }) => `${pad(t?.HourOfDay ?? 0)}:${pad(t?.MinuteOfHour ?? 0)}`;
  const common = {
    numberOfOnCalls: rec.NumberOfOnCalls !== undefined && rec.NumberOfOnCalls !== 1 ? rec.NumberOfOnCalls : undefined,
    recurrenceMultiplier: rec.RecurrenceMultiplier !== undefined && rec.RecurrenceMultiplier !== 1 ? rec.RecurrenceMultiplier : undefined,
  };
  let recurrence: Expr;
  const call = (kind: 'daily' | 'weekly' | 'monthly', options: Value) =>
    new Expr(`im.RotationRecurrence.${kind}(${render(options, '    ')})`, (ctx) =>
      ctx.im.RotationRecurrence[kind](build(options, ctx) as never),
    );
  if (rec.DailySettings && rec.DailySettings.length > 0) {
    recurrence = call('daily', { handOffTimes: rec.DailySettings.map(time), ...common });
  } else if (rec.WeeklySettings && rec.WeeklySettings.length > 0) {
    recurrence = call('weekly', {
      handOffs: rec.WeeklySettings.map((w) => ({ day: member('DayOfWeek', DAYS[w.DayOfWeek!]), handOffTime: time(w.HandOffTime) })),
      ...common,
    });
  } else {
    recurrence = call('monthly', {
      handOffs: rec.MonthlySettings!.map((m) => ({ dayOfMonth: m.DayOfMonth!, handOffTime: time(m.HandOffTime) })),
      ...common,
    });
  }
  const coverage: Value[] = [];
  for (const day of Object.keys(DAYS)) {
    for (const c of rec.ShiftCoverages?.[day as keyof typeof rec.ShiftCoverages] ?? []) {
      coverage.push({ day: member('DayOfWeek', DAYS[day]), startTime: time(c.Start), endTime: time(c.End) });
    }
  }
  const name = referenced ? stack.names.take(`${rotation.Name} rotation`) : undefined;
  const start = wallClock(rotation.StartTime!, rotation.TimeZoneId!);
  const statement = newStatement(stack, {
    className: 'Rotation',
    name,
    id: `Rotation-${rotation.Name}`,
    props: {
      rotationName: rotation.Name!,
      contacts: (rotation.ContactIds ?? []).map((arn) => contactRef(stack, arn)),
      startTime: new Expr(`im.RotationStart.fromIsoString(${str(start)})`, (ctx) => ctx.im.RotationStart.fromIsoString(start)),
      timeZone: new Expr(`TimeZone.of(${str(rotation.TimeZoneId!)})`, (ctx) => ctx.cdk.TimeZone.of(rotation.TimeZoneId!)),
      recurrence,
      shiftCoverage: coverage.length > 0 ? coverage : undefined,
    },
    identifiers: { Resource: rotation.RotationArn! },
    tags: r.tags,
    comment: `Rotation ${rotation.Name}`,
  });
  return statement;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function onCallSchedule(
  stack: StackDraft,
  c: ContactSnapshot,
  rotationIds: string[],
  own: string[],
  rotations: Map<string, RotationSnapshot>,
): void {
  const refs: Expr[] = [];
  for (const arn of rotationIds) {
    if (own.includes(arn)) {
      refs.push(ref(rotationStatement(stack, rotations.get(arn)!, true).name!));
    } else {
      const id = `Ref-rotation-${arn.split('/').pop()}`;
      refs.push(
        new Expr(`im.Rotation.fromRotationArn(stack, ${str(id)}, ${str(arn)})`, (ctx) =>
          ctx.im.Rotation.fromRotationArn(ctx.stack, id, arn),
        ),
      );
    }
  }
  newStatement(stack, {
    className: 'OnCallSchedule',
    id: c.contact.Alias!,
    props: { alias: c.contact.Alias!, displayName: c.contact.DisplayName!, rotations: refs },
    identifiers: { Resource: c.contact.ContactArn! },
    tags: c.tags,
    comment: `${c.contact.DisplayName} (on-call schedule)`,
  });
}

export function escalationPlan(stack: StackDraft, c: ContactSnapshot): void {
  const stages = (c.contact.Plan?.Stages ?? []).map((stage, i) => {
    const essential: Expr[] = [];
    const targets: Value[] = [];
    for (const target of stage.Targets ?? []) {
      const info = target.ContactTargetInfo;
      if (!info?.ContactId || target.ChannelTargetInfo) {
        throw new NotExpressible(
          `stage ${i + 1} engages a channel, not a contact: an escalation plan engages contacts, a contact's engagement plan its channels (API CreateContact, Plan)`,
        );
      }
      const contact = contactRef(stack, info.ContactId);
      essential.push(contact);
      targets.push(info.IsEssential === false ? { contact, acknowledgementStopsPlan: false } : { contact });
    }
    return { duration: minutes(stage.DurationInMinutes ?? 0), targets: targets.length > 0 ? targets : undefined };
  });
  newStatement(stack, {
    className: 'EscalationPlan',
    id: c.contact.Alias!,
    props: { alias: c.contact.Alias!, displayName: c.contact.DisplayName!, stages },
    identifiers: { Resource: c.contact.ContactArn!, Plan: c.contact.ContactArn! },
    tags: c.tags,
    comment: `${c.contact.DisplayName} (escalation plan)`,
  });
}

export function responsePlan(stack: StackDraft, p: ResponsePlanSnapshot, findings: Finding[], account: string, region: string): void {
  const plan = p.plan;
  const template = plan.incidentTemplate!;
  const id = plan.name!;
  const impact = IMPACTS[template.impact!];
  if (!impact) throw new NotExpressible(`impact ${template.impact}: the API and CloudFormation take 1 (critical) to 5 (no impact) (IncidentTemplate Impact)`);
  if ((plan.actions ?? []).length > 1 || (plan.integrations ?? []).length > 1) {
    throw new NotExpressible(
      'it has more than one action or more than one integration; CloudFormation holds at most one of each (AWS::SSMIncidents::ResponsePlan Actions and Integrations, maxItems 1)',
    );
  }
  const props: { [key: string]: Value } = {
    responsePlanName: plan.name!,
    // "" is the API's empty value, which CloudFormation reads back as absent (its schema: 1 to N
    // characters): the module leaves it out, and the import matches.
    displayName: plan.displayName || undefined,
    title: template.title!,
    impact: member('Impact', impact),
    summary: template.summary || undefined,
    dedupeString: template.dedupeString || undefined,
    incidentTags: template.incidentTags && Object.keys(template.incidentTags).length > 0 ? { ...template.incidentTags } : undefined,
  };
  const topics = (template.notificationTargets ?? []).map((t, i) => {
    if (!t.snsTopicArn) throw new NotExpressible('a notification target is not an SNS topic, the only kind CloudFormation holds (AWS::SSMIncidents::ResponsePlan NotificationTargetItem SnsTopicArn)');
    return importByArn('sns', 'Topic.fromTopicArn', `${id}-NotificationTopic${i + 1}`, t.snsTopicArn);
  });
  if (topics.length > 0) props.notificationTopics = topics;
  const chatTopics = plan.chatChannel?.chatbotSns ?? [];
  if (chatTopics.length > 0) props.chatChannel = chatChannel(id, chatTopics);
  const engagements = (plan.engagements ?? []).map((arn) => contactRef(stack, arn));
  if (engagements.length > 0) props.engagements = engagements;
  props.runbook = runbook(p, findings, account);
  props.pagerDuty = pagerDuty(p, findings, region);

  newStatement(stack, {
    className: 'ResponsePlan',
    id: `ResponsePlan-${id}`,
    props,
    // The library leaves response plans to CloudFormation's default deletion policy; adopted ones are
    // retained, as the import makes them.
    retain: true,
    identifiers: { Resource: plan.arn! },
    tags: p.tags,
    comment: `Response plan ${plan.name}`,
  });
}

/** `new im.ChatChannel(...)` of a response plan's chat channel: its first topic, and those of other Regions. */
function chatChannel(id: string, chatTopics: string[]): Expr {
  const [first, ...others] = chatTopics;
  const channelProps: Value = {
    topic: importByArn('sns', 'Topic.fromTopicArn', `${id}-ChatTopic`, first),
    additionalRegionTopics:
      others.length > 0 ? others.map((arn, i) => importByArn('sns', 'Topic.fromTopicArn', `${id}-ChatTopic${i + 2}`, arn)) : undefined,
  };
  const channelId = `${id}-ChatChannel`;
  return new Expr(
    `new im.ChatChannel(stack, ${str(channelId)}, ${render(channelProps, '    ')})`,
    (ctx) => new ctx.im.ChatChannel(ctx.stack, channelId, build(channelProps, ctx) as never),
  );
}

/** The `runbook` prop of a response plan, from its action. */
function runbook(p: ResponsePlanSnapshot, findings: Finding[], account: string): Value {
  const plan = p.plan;
  const id = plan.name!;
  const automation = plan.actions?.[0]?.ssmAutomation;
  if (plan.actions?.[0] && !automation) throw new NotExpressible('its action is not an Automation runbook, the only kind CloudFormation holds (AWS::SSMIncidents::ResponsePlan Action SsmAutomation)');
  if (!automation) return undefined;
  const doc = automation.documentName!;
  const document = doc.startsWith('arn:')
    ? new Expr(`im.Runbook.fromDocumentArn(${str(doc)})`, (ctx) => ctx.im.Runbook.fromDocumentArn(doc))
    : AWS_OWNED_RUNBOOK.test(doc)
      ? new Expr(`im.Runbook.awsOwned(${str(doc)})`, (ctx) => ctx.im.Runbook.awsOwned(doc))
      : new Expr(`im.Runbook.fromDocumentName(${str(doc)})`, (ctx) => ctx.im.Runbook.fromDocumentName(doc));
  const dynamic = Object.entries(automation.dynamicParameters ?? {}).map(([key, value]) => {
    const variable = value.variable;
    if (!variable) throw new NotExpressible(`dynamic parameter ${key} is not a variable, the only kind CloudFormation holds (AWS::SSMIncidents::ResponsePlan DynamicSsmParameterValue Variable)`);
    return [key, member('DynamicParameterValue', variable)] as const;
  });
  if (!automation.targetAccount) {
    findings.push({
      arn: plan.arn!,
      kind: 'differs',
      reason: "its runbook names no target account; the template names the API's default, RESPONSE_PLAN_OWNER_ACCOUNT",
    });
  }
  const roleAccount = automation.roleArn?.split(':')[4];
  if (roleAccount !== account) {
    throw new NotExpressible(
      `its runbook role ${automation.roleArn} is not a role of account ${account}: IAM passes a role only to a service of the role's own account (IAM User Guide, "Grant a user permissions to pass a role to an AWS service"), so CloudFormation could not update the plan`,
    );
  }
  return {
    runbook: document,
    documentVersion: automation.documentVersion,
    role: importByArn('iam', 'Role.fromRoleArn', `${id}-RunbookRole`, automation.roleArn!, { mutable: false }),
    targetAccount: automation.targetAccount ? member('RunbookTargetAccount', automation.targetAccount) : undefined,
    parameters: automation.parameters && Object.keys(automation.parameters).length > 0 ? { ...automation.parameters } : undefined,
    dynamicParameters: dynamic.length > 0 ? Object.fromEntries(dynamic) : undefined,
  };
}

/** The `pagerDuty` prop of a response plan, from its integration. */
function pagerDuty(p: ResponsePlanSnapshot, findings: Finding[], region: string): Value {
  const plan = p.plan;
  const id = plan.name!;
  const config = plan.integrations?.[0]?.pagerDutyConfiguration;
  if (plan.integrations?.[0] && !config) throw new NotExpressible('its integration is not PagerDuty, the only kind CloudFormation holds (AWS::SSMIncidents::ResponsePlan Integration PagerDutyConfiguration)');
  if (!config) return undefined;
  const secretId = config.secretId!;
  const secret = secretId.startsWith('arn:')
    ? importByArn('secretsmanager', 'Secret.fromSecretCompleteArn', `${id}-PagerDutySecret`, secretId)
    : importByArn('secretsmanager', 'Secret.fromSecretNameV2', `${id}-PagerDutySecret`, secretId);
  if (!secretId.startsWith('arn:')) {
    findings.push({
      arn: plan.arn!,
      kind: 'differs',
      reason: `its PagerDuty secret is named "${secretId}", not by ARN; the template names it by a partial ARN of ${region}`,
    });
  }
  return { name: config.name, serviceId: config.pagerDutyIncidentConfiguration!.serviceId!, secret };
}
